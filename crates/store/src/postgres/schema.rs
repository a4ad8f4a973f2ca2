//! The PostgreSQL schema and its migrations. The table `entente_schema`
//! holds the version a database was last migrated to; migration `i` takes
//! it from version `i` to `i + 1`. Opening takes a transaction-level
//! advisory lock first, so processes that connect at the same time migrate
//! once. A database with a `documents` table and no `entente_schema` belongs
//! to some other program and is refused; one whose version is newer than
//! [`POSTGRES_SCHEMA_VERSION`] was written by a newer entente and is refused.
//! Migrations are append-only, as in `sqlite/schema.rs`.

use std::path::PathBuf;

use postgres::Client;

use super::failure;
use crate::error::{Result, StoreError};

/// Version 1: the tables of SQLite's version 1, with `tsvector` columns of
/// the folded text (see `search.rs`) in place of FTS5 tables.
const V1: &str = "
CREATE TABLE entente_schema (version BIGINT NOT NULL);
INSERT INTO entente_schema (version) VALUES (0);

CREATE TABLE documents (
    doc_key      BIGSERIAL PRIMARY KEY,
    id           TEXT NOT NULL,
    source       TEXT NOT NULL,
    version      BIGINT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    published    TEXT,
    lang         TEXT,
    title        TEXT,
    text         TEXT NOT NULL,
    ingested_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    search       TSVECTOR NOT NULL,
    UNIQUE (source, version)
);
CREATE INDEX documents_by_id ON documents (id);
CREATE INDEX documents_search ON documents USING GIN (search);

CREATE VIEW latest_documents AS
SELECT d.* FROM documents AS d
WHERE d.version = (SELECT MAX(v.version) FROM documents AS v WHERE v.source = d.source);

CREATE TABLE records (
    doc_key BIGINT PRIMARY KEY REFERENCES documents (doc_key),
    record  TEXT NOT NULL
);

CREATE TABLE mentions (
    country_a TEXT NOT NULL,
    country_b TEXT NOT NULL,
    doc_key   BIGINT NOT NULL REFERENCES documents (doc_key),
    PRIMARY KEY (country_a, country_b, doc_key)
);
CREATE INDEX mentions_by_b ON mentions (country_b, country_a);
CREATE INDEX mentions_by_doc ON mentions (doc_key);

CREATE TABLE events (
    doc_key   BIGINT NOT NULL REFERENCES documents (doc_key),
    item      BIGINT NOT NULL,
    country_a TEXT,
    country_b TEXT,
    type      TEXT NOT NULL,
    modality  TEXT NOT NULL,
    date      TEXT,
    place     TEXT
);
CREATE INDEX events_by_pair ON events (country_a, country_b);
CREATE INDEX events_by_doc ON events (doc_key);

CREATE TABLE agreements (
    doc_key    BIGINT NOT NULL REFERENCES documents (doc_key),
    item       BIGINT NOT NULL,
    country_a  TEXT,
    country_b  TEXT,
    topic      TEXT NOT NULL,
    instrument TEXT NOT NULL,
    status     TEXT NOT NULL,
    date       TEXT,
    place      TEXT
);
CREATE INDEX agreements_by_pair ON agreements (country_a, country_b);
CREATE INDEX agreements_by_doc ON agreements (doc_key);

CREATE TABLE persons (
    doc_key BIGINT NOT NULL REFERENCES documents (doc_key),
    item    BIGINT NOT NULL,
    name    TEXT NOT NULL,
    country TEXT,
    role    TEXT NOT NULL
);
CREATE INDEX persons_by_country ON persons (country);
CREATE INDEX persons_by_doc ON persons (doc_key);

CREATE TABLE evidence (
    evidence_key BIGSERIAL PRIMARY KEY,
    doc_key      BIGINT NOT NULL REFERENCES documents (doc_key),
    span_start   BIGINT NOT NULL,
    span_end     BIGINT NOT NULL,
    facts        TEXT NOT NULL,
    sentence     TEXT NOT NULL,
    search       TSVECTOR NOT NULL
);
CREATE INDEX evidence_by_doc ON evidence (doc_key);
CREATE INDEX evidence_search ON evidence USING GIN (search);
";

/// The migrations, in order: `MIGRATIONS[i]` takes version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[V1];

/// The schema version this entente writes into PostgreSQL.
pub const POSTGRES_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The advisory lock that serialises migrations ("entente" in ASCII).
const MIGRATION_LOCK: i64 = 0x0065_6e74_656e_7465;

/// Brings the schema to [`POSTGRES_SCHEMA_VERSION`], creating it when
/// `create` allows, or refuses the database.
pub fn migrate(client: &mut Client, target: &str, create: bool) -> Result<()> {
    let at = |doing: &'static str| move |source| failure(target, doing, source);
    let path = || PathBuf::from(target);
    let mut transaction = client
        .transaction()
        .map_err(at("starting the schema check"))?;
    transaction
        .execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(at("waiting for another entente to set up the schema"))?;
    let tables: (bool, bool) = transaction
        .query_one(
            "SELECT to_regclass('entente_schema') IS NOT NULL,
                    to_regclass('documents') IS NOT NULL",
            &[],
        )
        .map(|row| (row.get(0), row.get(1)))
        .map_err(at("reading the list of tables"))?;
    let found = match tables {
        (true, _) => transaction
            .query_one("SELECT MAX(version) FROM entente_schema", &[])
            .map(|row| row.get::<_, Option<i64>>(0).unwrap_or(0))
            .map_err(at("reading the schema version"))?,
        (false, true) => return Err(StoreError::NotAStore { path: path() }),
        (false, false) if !create => return Err(StoreError::Missing { path: path() }),
        (false, false) => 0,
    };
    if found > POSTGRES_SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path(),
            found,
            supported: POSTGRES_SCHEMA_VERSION,
        });
    }
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let version = index as i64 + 1;
        transaction
            .batch_execute(migration)
            .map_err(at("migrating the schema"))?;
        transaction
            .execute("UPDATE entente_schema SET version = $1", &[&version])
            .map_err(at("writing the schema version"))?;
    }
    transaction
        .commit()
        .map_err(at("committing the schema migration"))
}

/// The schema version of the database.
pub fn version(client: &mut Client, target: &str) -> Result<i64> {
    client
        .query_one("SELECT MAX(version) FROM entente_schema", &[])
        .map(|row| row.get::<_, Option<i64>>(0).unwrap_or(0))
        .map_err(|source| failure(target, "reading the schema version", source))
}
