//! Writing documents into a SQLite store. A batch is one immediate
//! transaction: a process killed mid-batch leaves the store as it was before
//! the batch, which the next run completes. A document that fails is rolled
//! back alone: the batch is first written without savepoints, which cost a
//! copy of every page a document touches, and if a document fails that
//! transaction is rolled back and the batch written again with a savepoint
//! per document. A document whose content hash is already stored is
//! skipped; one whose source is already stored with other content becomes
//! that source's next version.
//!
//! The full-text rows of the documents a batch stores are written after the
//! last document, still inside the transaction: FTS5 flushes its pending
//! terms to a new index segment at every savepoint, so writing them document
//! by document would cost one segment (and its merges) per document instead
//! of one per batch.

use std::path::Path;

use entente_core::Record;
use rusqlite::{
    Connection, OptionalExtension, PrepFlags, Statement, Transaction, TransactionBehavior, params,
};

use super::failure;
use crate::error::{Result, StoreError};
use crate::facts;
use crate::model::{Outcome, SourcedInput};

pub fn put_batch(
    connection: &mut Connection,
    path: &Path,
    batch: &[(SourcedInput<'_>, &Record)],
) -> Result<Vec<Result<Outcome>>> {
    // Most batches store every document: try that first, in one go.
    let transaction = begin(connection, path)?;
    let mut statements = Statements::prepare(&transaction, path)?;
    let mut full_text = Vec::new();
    let mut outcomes = Vec::with_capacity(batch.len());
    for (input, record) in batch {
        match put_one(
            &mut statements,
            &transaction,
            path,
            input,
            record,
            &mut full_text,
        ) {
            Ok(outcome) => outcomes.push(Ok(outcome)),
            Err(_) => {
                // Dropped, the transaction rolls back; the batch is written
                // again document by document, where this one fails alone.
                drop(statements);
                drop(transaction);
                return put_batch_by_savepoints(connection, path, batch);
            }
        }
    }
    statements.insert_full_text(path, &full_text)?;
    drop(statements);
    commit(transaction, path)?;
    Ok(outcomes)
}

/// Writes a batch with a savepoint per document, so that a document that
/// fails is rolled back alone.
fn put_batch_by_savepoints(
    connection: &mut Connection,
    path: &Path,
    batch: &[(SourcedInput<'_>, &Record)],
) -> Result<Vec<Result<Outcome>>> {
    let transaction = begin(connection, path)?;
    let mut statements = Statements::prepare(&transaction, path)?;
    let savepoint = |sql: &str, doing: &str| {
        transaction
            .execute_batch(sql)
            .map_err(|source| failure(path, doing, source))
    };
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut full_text = Vec::new();
    for (input, record) in batch {
        savepoint("SAVEPOINT document", "starting a savepoint")?;
        let mut rows = Vec::new();
        let outcome = put_one(
            &mut statements,
            &transaction,
            path,
            input,
            record,
            &mut rows,
        );
        if outcome.is_ok() {
            savepoint("RELEASE document", "releasing a savepoint")?;
            full_text.append(&mut rows);
        } else {
            // That document alone is rolled back, and its full-text rows
            // are dropped with it.
            savepoint(
                "ROLLBACK TO document; RELEASE document",
                "rolling back a savepoint",
            )?;
        }
        outcomes.push(outcome);
    }
    statements.insert_full_text(path, &full_text)?;
    drop(statements);
    commit(transaction, path)?;
    Ok(outcomes)
}

fn begin<'c>(connection: &'c mut Connection, path: &Path) -> Result<Transaction<'c>> {
    connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|source| failure(path, "starting a write transaction", source))
}

fn commit(transaction: Transaction<'_>, path: &Path) -> Result<()> {
    transaction
        .commit()
        .map_err(|source| failure(path, "committing a batch of documents", source))
}

/// The statements of a batch, prepared once for it (and marked persistent,
/// so that SQLite keeps the memory of their registers from one run to the
/// next). Not the connection's statement cache: that clears the parameters
/// of a statement it takes back, which makes SQLite prepare again a
/// statement whose plan may depend on their values (the lookup of a
/// source's versions) at every use.
struct Statements<'c> {
    known: Statement<'c>,
    latest_version: Statement<'c>,
    document: Statement<'c>,
    supersede: Statement<'c>,
    record: Statement<'c>,
    mention: Statement<'c>,
    event: Statement<'c>,
    agreement: Statement<'c>,
    person: Statement<'c>,
    evidence: Statement<'c>,
    document_fts: Statement<'c>,
}

impl<'c> Statements<'c> {
    fn prepare(connection: &'c Connection, path: &Path) -> Result<Statements<'c>> {
        let prepare = |sql: &str| {
            connection
                .prepare_with_flags(sql, PrepFlags::SQLITE_PREPARE_PERSISTENT)
                .map_err(|source| failure(path, "preparing the statements of a batch", source))
        };
        Ok(Statements {
            known: prepare("SELECT doc_key FROM documents WHERE content_hash = ?1")?,
            latest_version: prepare("SELECT MAX(version) FROM documents WHERE source = ?1")?,
            document: prepare(
                "INSERT INTO documents
                     (id, source, version, content_hash, published, lang, title, text, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            )?,
            supersede: prepare(
                "INSERT OR IGNORE INTO superseded (doc_key)
                 SELECT doc_key FROM documents WHERE source = ?1 AND version < ?2",
            )?,
            record: prepare("INSERT INTO records (doc_key, record) VALUES (?1, ?2)")?,
            mention: prepare(
                "INSERT OR IGNORE INTO mentions (country_a, country_b, doc_key)
                 VALUES (?1, ?2, ?3)",
            )?,
            event: prepare(
                "INSERT INTO events
                     (doc_key, item, country_a, country_b, type, modality, date, place)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            agreement: prepare(
                "INSERT INTO agreements
                     (doc_key, item, country_a, country_b, topic, instrument, status, date, place)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?,
            person: prepare(
                "INSERT INTO persons (doc_key, item, name, country, role)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            evidence: prepare(
                "INSERT INTO evidence (doc_key, span_start, span_end, facts)
                 VALUES (?1, ?2, ?3, ?4)",
            )?,
            document_fts: prepare(
                "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
            )?,
        })
    }

    /// Writes the full-text rows of the documents a batch stored.
    fn insert_full_text(&mut self, path: &Path, rows: &[FullTextRow<'_>]) -> Result<()> {
        for row in rows {
            self.document_fts
                .execute(params![row.doc_key, row.title, row.text])
                .map_err(|source| {
                    failure(path, "indexing the batch for full-text search", source)
                })?;
        }
        Ok(())
    }
}

/// A row of the full-text index, written once the batch's documents are:
/// a document's title and text, under its `doc_key` (the values of its row
/// in `documents`, from which the index reads them back).
struct FullTextRow<'a> {
    doc_key: i64,
    title: Option<&'a str>,
    text: &'a str,
}

fn put_one<'a>(
    statements: &mut Statements<'_>,
    transaction: &Connection,
    path: &Path,
    input: &SourcedInput<'a>,
    record: &Record,
    full_text: &mut Vec<FullTextRow<'a>>,
) -> Result<Outcome> {
    let document = input.document;
    let at = |what: &'static str| {
        move |source| {
            let doing = format!("document {:?} ({}): {what}", document.id, input.source);
            failure(path, &doing, source)
        }
    };
    let published = document.published.map(|date| date.to_string());
    let hash = input.content_hash();

    let known: Option<i64> = statements
        .known
        .query_row([&hash], |row| row.get(0))
        .optional()
        .map_err(at("looking up its content hash"))?;
    if known.is_some() {
        return Ok(Outcome::Unchanged);
    }
    let latest_version: Option<i64> = statements
        .latest_version
        .query_row([input.source], |row| row.get(0))
        .map_err(at("looking up its versions"))?;
    let version = latest_version.unwrap_or(0) + 1;

    let record_json = serde_json::to_string(record).map_err(|source| StoreError::BadRecord {
        path: path.to_path_buf(),
        doc_id: document.id.clone(),
        source,
    })?;
    statements
        .document
        .execute(params![
            document.id,
            input.source,
            version,
            hash,
            published,
            record.lang,
            input.title,
            document.text,
        ])
        .map_err(at("inserting the document"))?;
    let doc_key = transaction.last_insert_rowid();
    if version > 1 {
        statements
            .supersede
            .execute(params![input.source, version])
            .map_err(at("marking its earlier versions superseded"))?;
    }
    insert_record(statements, doc_key, input, record, &record_json, full_text)
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
    statements: &mut Statements<'_>,
    doc_key: i64,
    input: &SourcedInput<'a>,
    record: &Record,
    record_json: &str,
    full_text: &mut Vec<FullTextRow<'a>>,
) -> rusqlite::Result<()> {
    statements.record.execute(params![doc_key, record_json])?;
    full_text.push(FullTextRow {
        doc_key,
        title: input.title,
        text: &input.document.text,
    });

    for (a, b) in facts::mentioned_pairs(record) {
        statements.mention.execute(params![a, b, doc_key])?;
    }
    for row in facts::event_rows(record) {
        let (a, b) = &row.pair;
        statements.event.execute(params![
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
    for row in facts::agreement_rows(record) {
        let (a, b) = &row.pair;
        statements.agreement.execute(params![
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
    for row in facts::person_rows(record) {
        statements.person.execute(params![
            doc_key,
            row.index as i64,
            row.name,
            row.country,
            row.role
        ])?;
    }
    for row in facts::evidence_rows(record, &input.document.text) {
        // A list of strings always serialises.
        let facts_json = serde_json::to_string(&row.facts).unwrap_or_else(|_| "[]".to_string());
        statements.evidence.execute(params![
            doc_key,
            row.span.start as i64,
            row.span.end as i64,
            facts_json
        ])?;
    }
    Ok(())
}
