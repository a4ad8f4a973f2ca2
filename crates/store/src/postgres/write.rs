//! Writing documents into a PostgreSQL store. A batch is one transaction and
//! each document inside it a savepoint, as in SQLite. Several processes may
//! write at once: a transaction-level advisory lock on the document's source
//! makes version numbers safe, and `ON CONFLICT (content_hash) DO NOTHING`
//! makes the same content stored once whoever commits first. A batch that
//! loses a deadlock or a serialisation conflict is retried from the start.

use entente_core::Record;
use postgres::error::SqlState;
use postgres::{Client, GenericClient, Statement, Transaction};

use super::failure;
use super::search::fold_text;
use crate::error::{Result, StoreError};
use crate::facts;
use crate::model::{Outcome, SourcedInput};

/// How many times a batch is tried when PostgreSQL asks for a retry.
const ATTEMPTS: usize = 5;

pub fn put_batch(
    client: &mut Client,
    target: &str,
    batch: &[(SourcedInput<'_>, &Record)],
) -> Result<Vec<Result<Outcome>>> {
    let mut attempt = 1;
    loop {
        match try_batch(client, target, batch) {
            Err(error) if attempt < ATTEMPTS && is_retryable(&error) => attempt += 1,
            Err(error) => {
                return Err(failure(target, "storing a batch of documents", error));
            }
            Ok(outcomes) => return Ok(outcomes),
        }
    }
}

/// Whether PostgreSQL says the transaction may succeed if run again.
fn is_retryable(error: &postgres::Error) -> bool {
    matches!(
        error.code(),
        Some(&SqlState::T_R_DEADLOCK_DETECTED) | Some(&SqlState::T_R_SERIALIZATION_FAILURE)
    )
}

/// The statements of a batch, prepared once.
struct Statements {
    lock_source: Statement,
    known: Statement,
    latest_version: Statement,
    document: Statement,
    record: Statement,
    mention: Statement,
    event: Statement,
    agreement: Statement,
    person: Statement,
    evidence: Statement,
}

impl Statements {
    fn prepare(transaction: &mut Transaction<'_>) -> Result<Statements, postgres::Error> {
        Ok(Statements {
            lock_source: transaction.prepare("SELECT pg_advisory_xact_lock(hashtext($1))")?,
            known: transaction
                .prepare("SELECT EXISTS (SELECT 1 FROM documents WHERE content_hash = $1)")?,
            latest_version: transaction
                .prepare("SELECT COALESCE(MAX(version), 0) FROM documents WHERE source = $1")?,
            document: transaction.prepare(
                "INSERT INTO documents
                     (id, source, version, content_hash, published, lang, title, text, search)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_tsvector('simple', $9))
                 ON CONFLICT (content_hash) DO NOTHING
                 RETURNING doc_key",
            )?,
            record: transaction.prepare("INSERT INTO records (doc_key, record) VALUES ($1, $2)")?,
            mention: transaction.prepare(
                "INSERT INTO mentions (country_a, country_b, doc_key) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
            )?,
            event: transaction.prepare(
                "INSERT INTO events (doc_key, item, country_a, country_b, type, modality, date, place)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )?,
            agreement: transaction.prepare(
                "INSERT INTO agreements
                     (doc_key, item, country_a, country_b, topic, instrument, status, date, place)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )?,
            person: transaction.prepare(
                "INSERT INTO persons (doc_key, item, name, country, role)
                 VALUES ($1, $2, $3, $4, $5)",
            )?,
            evidence: transaction.prepare(
                "INSERT INTO evidence (doc_key, span_start, span_end, facts, sentence, search)
                 VALUES ($1, $2, $3, $4, $5, to_tsvector('simple', $6))",
            )?,
        })
    }
}

/// One attempt at a batch. A document-level failure that PostgreSQL would
/// not retry is rolled back to its savepoint and reported alone.
fn try_batch(
    client: &mut Client,
    target: &str,
    batch: &[(SourcedInput<'_>, &Record)],
) -> Result<Vec<Result<Outcome>>, postgres::Error> {
    let mut transaction = client.transaction()?;
    let statements = Statements::prepare(&mut transaction)?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for (input, record) in batch {
        let mut savepoint = transaction.transaction()?;
        match put_one(&mut savepoint, &statements, input, record) {
            Ok(outcome) => {
                savepoint.commit()?;
                outcomes.push(Ok(outcome));
            }
            Err(PutError::Database(error)) if is_retryable(&error) => return Err(error),
            Err(error) => {
                savepoint.rollback()?;
                let doing = format!("document {:?} ({})", input.document.id, input.source);
                outcomes.push(Err(match error {
                    PutError::Database(source) => failure(target, &doing, source),
                    PutError::Record(source) => StoreError::BadRecord {
                        path: target.into(),
                        doc_id: input.document.id.clone(),
                        source,
                    },
                }));
            }
        }
    }
    transaction.commit()?;
    Ok(outcomes)
}

/// Why one document could not be stored.
enum PutError {
    Database(postgres::Error),
    Record(serde_json::Error),
}

impl From<postgres::Error> for PutError {
    fn from(error: postgres::Error) -> PutError {
        PutError::Database(error)
    }
}

fn put_one(
    transaction: &mut Transaction<'_>,
    statements: &Statements,
    input: &SourcedInput<'_>,
    record: &Record,
) -> Result<Outcome, PutError> {
    let document = input.document;
    let hash = input.content_hash();
    let hash: &str = &hash;
    transaction.execute(&statements.lock_source, &[&input.source])?;
    let known: bool = transaction.query_one(&statements.known, &[&hash])?.get(0);
    if known {
        return Ok(Outcome::Unchanged);
    }
    let version: i64 = transaction
        .query_one(&statements.latest_version, &[&input.source])?
        .get::<_, i64>(0)
        + 1;
    let record_json = serde_json::to_string(record).map_err(PutError::Record)?;
    let published = document.published.map(|date| date.to_string());
    let searchable = fold_text(&format!("{}\n{}", input.title.unwrap_or(""), document.text));
    let inserted = transaction.query_opt(
        &statements.document,
        &[
            &document.id,
            &input.source,
            &version,
            &hash,
            &published,
            &record.lang,
            &input.title,
            &document.text,
            &searchable,
        ],
    )?;
    // Another writer committed the same content since the check above.
    let Some(row) = inserted else {
        return Ok(Outcome::Unchanged);
    };
    let doc_key: i64 = row.get(0);
    insert_record(
        transaction,
        statements,
        doc_key,
        input,
        record,
        &record_json,
    )?;
    Ok(if version == 1 {
        Outcome::Added
    } else {
        Outcome::NewVersion
    })
}

/// Writes the record and the rows the queries read.
fn insert_record(
    transaction: &mut impl GenericClient,
    statements: &Statements,
    doc_key: i64,
    input: &SourcedInput<'_>,
    record: &Record,
    record_json: &str,
) -> Result<(), postgres::Error> {
    transaction.execute(&statements.record, &[&doc_key, &record_json])?;
    for (a, b) in facts::mentioned_pairs(record) {
        transaction.execute(&statements.mention, &[&a, &b, &doc_key])?;
    }
    for row in facts::event_rows(record) {
        let (a, b) = &row.pair;
        let item = row.index as i64;
        transaction.execute(
            &statements.event,
            &[
                &doc_key, &item, a, b, &row.kind, &row.stage, &row.date, &row.place,
            ],
        )?;
    }
    for row in facts::agreement_rows(record) {
        let (a, b) = &row.pair;
        let item = row.index as i64;
        transaction.execute(
            &statements.agreement,
            &[
                &doc_key, &item, a, b, &row.topic, &row.kind, &row.stage, &row.date, &row.place,
            ],
        )?;
    }
    for row in facts::person_rows(record) {
        let item = row.index as i64;
        transaction.execute(
            &statements.person,
            &[&doc_key, &item, &row.name, &row.country, &row.role],
        )?;
    }
    for row in facts::evidence_rows(record, &input.document.text) {
        // A list of strings always serialises.
        let facts_json = serde_json::to_string(&row.facts).unwrap_or_else(|_| "[]".to_string());
        let (start, end) = (row.span.start as i64, row.span.end as i64);
        let searchable = fold_text(&row.sentence);
        transaction.execute(
            &statements.evidence,
            &[
                &doc_key,
                &start,
                &end,
                &facts_json,
                &row.sentence,
                &searchable,
            ],
        )?;
    }
    Ok(())
}
