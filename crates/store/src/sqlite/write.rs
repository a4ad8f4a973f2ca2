//! Writing documents into a SQLite store. A batch is one immediate
//! transaction and each document inside it a savepoint: a document that fails
//! is rolled back alone, and a process killed mid-batch leaves the store as
//! it was before the batch, which the next run completes. A document whose
//! content hash is already stored is skipped; one whose source is already
//! stored with other content becomes that source's next version.
//!
//! The full-text rows of the documents a batch stores are written after the
//! last savepoint is released, still inside the transaction: FTS5 flushes
//! its pending terms to a new index segment at every savepoint, so writing
//! them document by document would cost one segment (and its merges) per
//! document instead of one per batch.

use std::path::Path;

use entente_core::Record;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::failure;
use crate::error::{Result, StoreError};
use crate::facts;
use crate::model::{Outcome, SourcedInput};

pub fn put_batch(
    connection: &mut Connection,
    path: &Path,
    batch: &[(SourcedInput<'_>, &Record)],
) -> Result<Vec<Result<Outcome>>> {
    let mut transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|source| failure(path, "starting a write transaction", source))?;
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut full_text = Vec::new();
    for (input, record) in batch {
        let savepoint = transaction
            .savepoint()
            .map_err(|source| failure(path, "starting a savepoint", source))?;
        let mut rows = Vec::new();
        let outcome = put_one(&savepoint, path, input, record, &mut rows);
        if outcome.is_ok() {
            savepoint
                .commit()
                .map_err(|source| failure(path, "releasing a savepoint", source))?;
            full_text.append(&mut rows);
        }
        // A savepoint dropped without commit rolls back that document alone,
        // and its full-text rows are dropped with it.
        outcomes.push(outcome);
    }
    insert_full_text(&transaction, &full_text)
        .map_err(|source| failure(path, "indexing the batch for full-text search", source))?;
    transaction
        .commit()
        .map_err(|source| failure(path, "committing a batch of documents", source))?;
    Ok(outcomes)
}

/// A row of a full-text index, written once the batch's savepoints are over.
enum FullTextRow<'a> {
    /// A document's title and text, under its `doc_key`: the values of its
    /// row in `documents`, from which the index reads them back.
    Document {
        doc_key: i64,
        title: Option<&'a str>,
        text: &'a str,
    },
    /// An evidence sentence, under its `evidence_key`.
    Evidence { evidence_key: i64, sentence: String },
}

fn put_one<'a>(
    transaction: &Connection,
    path: &Path,
    input: &SourcedInput<'a>,
    record: &Record,
    full_text: &mut Vec<FullTextRow<'a>>,
) -> Result<Outcome> {
    let document = input.document;
    let doing = |what: &str| format!("document {:?} ({}): {what}", document.id, input.source);
    let at = |what: &str| {
        let doing = doing(what);
        move |source| failure(path, &doing, source)
    };
    let published = document.published.map(|date| date.to_string());
    let hash = input.content_hash();

    let known: Option<i64> = transaction
        .prepare_cached("SELECT doc_key FROM documents WHERE content_hash = ?1")
        .and_then(|mut statement| statement.query_row([&hash], |row| row.get(0)).optional())
        .map_err(at("looking up its content hash"))?;
    if known.is_some() {
        return Ok(Outcome::Unchanged);
    }
    let latest_version: Option<i64> = transaction
        .prepare_cached("SELECT MAX(version) FROM documents WHERE source = ?1")
        .and_then(|mut statement| statement.query_row([input.source], |row| row.get(0)))
        .map_err(at("looking up its versions"))?;
    let version = latest_version.unwrap_or(0) + 1;

    let record_json = serde_json::to_string(record).map_err(|source| StoreError::BadRecord {
        path: path.to_path_buf(),
        doc_id: document.id.clone(),
        source,
    })?;
    transaction
        .prepare_cached(
            "INSERT INTO documents
                 (id, source, version, content_hash, published, lang, title, text, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        )
        .and_then(|mut statement| {
            statement.execute(params![
                document.id,
                input.source,
                version,
                hash,
                published,
                record.lang,
                input.title,
                document.text,
            ])
        })
        .map_err(at("inserting the document"))?;
    let doc_key = transaction.last_insert_rowid();
    insert_record(transaction, doc_key, input, record, &record_json, full_text)
        .map_err(at("indexing its record"))?;
    Ok(if version == 1 {
        Outcome::Added
    } else {
        Outcome::NewVersion
    })
}

/// Writes the record and the rows the queries read, and adds the document's
/// full-text rows to `full_text`.
fn insert_record<'a>(
    transaction: &Connection,
    doc_key: i64,
    input: &SourcedInput<'a>,
    record: &Record,
    record_json: &str,
    full_text: &mut Vec<FullTextRow<'a>>,
) -> rusqlite::Result<()> {
    transaction
        .prepare_cached("INSERT INTO records (doc_key, record) VALUES (?1, ?2)")?
        .execute(params![doc_key, record_json])?;
    full_text.push(FullTextRow::Document {
        doc_key,
        title: input.title,
        text: &input.document.text,
    });

    let mut mention = transaction.prepare_cached(
        "INSERT OR IGNORE INTO mentions (country_a, country_b, doc_key) VALUES (?1, ?2, ?3)",
    )?;
    for (a, b) in facts::mentioned_pairs(record) {
        mention.execute(params![a, b, doc_key])?;
    }
    let mut event = transaction.prepare_cached(
        "INSERT INTO events (doc_key, item, country_a, country_b, type, modality, date, place)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for row in facts::event_rows(record) {
        let (a, b) = &row.pair;
        event.execute(params![
            doc_key,
            row.index as i64,
            a,
            b,
            row.kind,
            row.stage,
            row.date,
            row.place
        ])?;
    }
    let mut agreement = transaction.prepare_cached(
        "INSERT INTO agreements
             (doc_key, item, country_a, country_b, topic, instrument, status, date, place)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for row in facts::agreement_rows(record) {
        let (a, b) = &row.pair;
        agreement.execute(params![
            doc_key,
            row.index as i64,
            a,
            b,
            row.topic,
            row.kind,
            row.stage,
            row.date,
            row.place
        ])?;
    }
    let mut person = transaction.prepare_cached(
        "INSERT INTO persons (doc_key, item, name, country, role) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for row in facts::person_rows(record) {
        person.execute(params![
            doc_key,
            row.index as i64,
            row.name,
            row.country,
            row.role
        ])?;
    }
    let mut evidence = transaction.prepare_cached(
        "INSERT INTO evidence (doc_key, span_start, span_end, facts) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for row in facts::evidence_rows(record, &input.document.text) {
        // A list of strings always serialises.
        let facts_json = serde_json::to_string(&row.facts).unwrap_or_else(|_| "[]".to_string());
        evidence.execute(params![
            doc_key,
            row.span.start as i64,
            row.span.end as i64,
            facts_json
        ])?;
        full_text.push(FullTextRow::Evidence {
            evidence_key: transaction.last_insert_rowid(),
            sentence: row.sentence,
        });
    }
    Ok(())
}

/// Writes the full-text rows of the documents a batch stored.
fn insert_full_text(transaction: &Connection, rows: &[FullTextRow<'_>]) -> rusqlite::Result<()> {
    let mut document = transaction
        .prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?;
    let mut evidence =
        transaction.prepare_cached("INSERT INTO evidence_fts (rowid, sentence) VALUES (?1, ?2)")?;
    for row in rows {
        match row {
            FullTextRow::Document {
                doc_key,
                title,
                text,
            } => document.execute(params![doc_key, title, text])?,
            FullTextRow::Evidence {
                evidence_key,
                sentence,
            } => evidence.execute(params![evidence_key, sentence])?,
        };
    }
    Ok(())
}
