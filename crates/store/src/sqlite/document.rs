//! The lookup of one document by the id it was ingested under, with its text
//! and record, for readers that show an article (the web interface's
//! document page). Like every query it reads the `latest_documents` view.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::failure;
use crate::error::{Result, StoreError};
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
        .and_then(|mut statement| {
            statement
                .query_row([doc_id], |row| {
                    let columns: (
                        String,
                        String,
                        i64,
                        Option<String>,
                        Option<String>,
                        String,
                        String,
                    ) = (
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                        row.get(6)?,
                    );
                    Ok(columns)
                })
                .optional()
        })
        .map_err(at)?;
    let Some((doc_id, source, version, published, title, text, json)) = row else {
        return Ok(None);
    };
    let record = serde_json::from_str(&json).map_err(|source| StoreError::BadRecord {
        path: path.to_path_buf(),
        doc_id: doc_id.clone(),
        source,
    })?;
    Ok(Some(StoredRecord {
        doc_id,
        source,
        version,
        published,
        title,
        text,
        record,
    }))
}
