//! The lookup of one document by the id it was ingested under, with its text
//! and record, for readers that show an article (the web interface's
//! document page). Like every query it reads the `latest_documents` view.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::failure;
use super::read::{record_row, stored_record};
use crate::error::Result;
use crate::model::StoredRecord;

/// The latest version of the document whose id is `doc_id`; when several
/// sources gave the same id, the one whose source sorts first.
pub fn document(
    connection: &Connection,
    path: &Path,
    doc_id: &str,
) -> Result<Option<StoredRecord>> {
    let at = |source| failure(path, &format!("reading the document {doc_id:?}"), source);
    let row = connection
        .prepare_cached(
            "SELECT d.id, d.source, d.version, d.published, d.title, d.text, r.record
             FROM latest_documents AS d JOIN records AS r ON r.doc_key = d.doc_key
             WHERE d.id = ?1
             ORDER BY d.source
             LIMIT 1",
        )
        .and_then(|mut statement| statement.query_row([doc_id], record_row).optional())
        .map_err(at)?;
    row.map(|row| stored_record(path, row)).transpose()
}
