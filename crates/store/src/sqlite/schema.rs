//! The SQLite schema and its migrations. `PRAGMA user_version` holds the
//! version a store was last migrated to; migration `i` takes a store from
//! version `i` to `i + 1`, and all pending ones run in one transaction when a
//! store is opened. A store whose version is higher than [`SCHEMA_VERSION`]
//! was written by a newer entente and is refused rather than misread.
//! Migrations are append-only: a released one is never edited, and the test
//! in `tests/compat.rs` reopens a store written by each earlier version.

/// Version 1: documents and their versions, records as JSON, the tables the
/// pair queries read, and full-text indexes over texts and evidence sentences.
const V1: &str = "
CREATE TABLE documents (
    doc_key      INTEGER PRIMARY KEY,
    id           TEXT NOT NULL,
    source       TEXT NOT NULL,
    version      INTEGER NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    published    TEXT,
    lang         TEXT,
    title        TEXT,
    text         TEXT NOT NULL,
    ingested_at  TEXT NOT NULL,
    UNIQUE (source, version)
);
CREATE INDEX documents_by_id ON documents (id);

-- The latest version of every source: what every query reads.
CREATE VIEW latest_documents AS
SELECT d.* FROM documents AS d
WHERE d.version = (SELECT MAX(v.version) FROM documents AS v WHERE v.source = d.source);

-- The record as entente_core::Record serialises it, evidence spans included.
CREATE TABLE records (
    doc_key INTEGER PRIMARY KEY REFERENCES documents (doc_key),
    record  TEXT NOT NULL
);

-- Pairs of countries named together in a document; country_a < country_b.
CREATE TABLE mentions (
    country_a TEXT NOT NULL,
    country_b TEXT NOT NULL,
    doc_key   INTEGER NOT NULL REFERENCES documents (doc_key),
    PRIMARY KEY (country_a, country_b, doc_key)
) WITHOUT ROWID;
CREATE INDEX mentions_by_b ON mentions (country_b, country_a);
CREATE INDEX mentions_by_doc ON mentions (doc_key);

-- One row per event and pair of its parties (a lone party has country_b NULL).
CREATE TABLE events (
    doc_key   INTEGER NOT NULL REFERENCES documents (doc_key),
    item      INTEGER NOT NULL,
    country_a TEXT,
    country_b TEXT,
    type      TEXT NOT NULL,
    modality  TEXT NOT NULL,
    date      TEXT,
    place     TEXT
);
CREATE INDEX events_by_pair ON events (country_a, country_b);
CREATE INDEX events_by_b ON events (country_b);
CREATE INDEX events_by_doc ON events (doc_key);

-- One row per agreement and pair of its parties.
CREATE TABLE agreements (
    doc_key    INTEGER NOT NULL REFERENCES documents (doc_key),
    item       INTEGER NOT NULL,
    country_a  TEXT,
    country_b  TEXT,
    topic      TEXT NOT NULL,
    instrument TEXT NOT NULL,
    status     TEXT NOT NULL,
    date       TEXT,
    place      TEXT
);
CREATE INDEX agreements_by_pair ON agreements (country_a, country_b);
CREATE INDEX agreements_by_b ON agreements (country_b);
CREATE INDEX agreements_by_doc ON agreements (doc_key);

CREATE TABLE persons (
    doc_key INTEGER NOT NULL REFERENCES documents (doc_key),
    item    INTEGER NOT NULL,
    name    TEXT NOT NULL,
    country TEXT,
    role    TEXT NOT NULL
);
CREATE INDEX persons_by_country ON persons (country);
CREATE INDEX persons_by_doc ON persons (doc_key);

-- Distinct evidence spans of a document; facts is a JSON array of summaries.
CREATE TABLE evidence (
    evidence_key INTEGER PRIMARY KEY,
    doc_key      INTEGER NOT NULL REFERENCES documents (doc_key),
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    facts        TEXT NOT NULL
);
CREATE INDEX evidence_by_doc ON evidence (doc_key);

-- Full text: rowid is documents.doc_key, and evidence.evidence_key.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE evidence_fts USING fts5 (
    sentence, tokenize = 'unicode61 remove_diacritics 2'
);
";

/// Version 2: the full-text index of documents reads their title and text
/// from `documents` (an external-content FTS5 table) instead of keeping a
/// second copy of every text, a sixth of a store's size. Documents are never
/// updated or deleted, so the index cannot go stale; it is rebuilt once here.
const V2: &str = "
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content = 'documents', content_rowid = 'doc_key',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
";

/// Version 3: no full-text index of evidence sentences. A search looks for
/// evidence only in the documents it found, a handful of sentences each,
/// which it indexes on the fly in a temporary table with the same tokenizer;
/// keeping an index of every sentence cost a third of the full-text work of
/// each write and a copy of every sentence. Also gone: three indexes no query
/// reads (events and agreements by their second country, persons by country).
const V3: &str = "
DROP TABLE evidence_fts;
DROP INDEX events_by_b;
DROP INDEX agreements_by_b;
DROP INDEX persons_by_country;
";

/// Version 4: the documents that a later version of their source replaced
/// are listed in `superseded`, written with that version, and
/// `latest_documents` is every other document. Telling a latest version
/// from a replaced one was a lookup of the source's highest version, a page
/// read in the index of sources for every document a query reads; the list
/// is short (most sources have one version), and its pages stay cached.
const V4: &str = "
CREATE TABLE superseded (
    doc_key INTEGER PRIMARY KEY REFERENCES documents (doc_key)
);
INSERT INTO superseded (doc_key)
SELECT d.doc_key FROM documents AS d
WHERE d.version < (SELECT MAX(v.version) FROM documents AS v WHERE v.source = d.source);

DROP VIEW latest_documents;
CREATE VIEW latest_documents AS
SELECT d.* FROM documents AS d
WHERE NOT EXISTS (SELECT 1 FROM superseded AS s WHERE s.doc_key = d.doc_key);
";

/// The migrations, in order: `MIGRATIONS[i]` takes version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4];

/// The schema version this entente writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
