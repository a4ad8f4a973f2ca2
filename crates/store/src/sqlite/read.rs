//! The queries of a SQLite store. Every one reads the `latest_documents`
//! view, so older versions of a source never show up twice. Full-text search
//! turns the user's words into an FTS5 query of quoted phrases, so that
//! punctuation and FTS5 operators in the input are searched, not obeyed.

use std::path::Path;

use rayon::prelude::*;
use rusqlite::{Connection, params};

use super::failure;
use crate::error::{Result, StoreError};
use crate::model::{EvidenceHit, PairActivity, SearchHit, Stats, StoredDocument, StoredRecord};

/// How many evidence sentences a search hit shows at most.
const EVIDENCE_PER_HIT: usize = 5;

pub fn has_content(connection: &Connection, path: &Path, content_hash: &str) -> Result<bool> {
    connection
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM documents WHERE content_hash = ?1)")
        .and_then(|mut statement| statement.query_row([content_hash], |row| row.get(0)))
        .map_err(|source| failure(path, "looking up a content hash", source))
}

/// The columns of a document and its record, in the order the queries that
/// read records select them: id, source, version, published, title, text
/// and the record's JSON.
pub(super) type RecordRow = (
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
    String,
    String,
);

/// Reads a [`RecordRow`] from a row whose first columns are those.
pub(super) fn record_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<RecordRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

/// The stored record of a row, its record parsed.
pub(super) fn stored_record(path: &Path, row: RecordRow) -> Result<StoredRecord> {
    let (doc_id, source, version, published, title, text, json) = row;
    match serde_json::from_str(&json) {
        Ok(record) => Ok(StoredRecord {
            doc_id,
            source,
            version,
            published,
            title,
            text,
            record,
        }),
        Err(source) => Err(StoreError::BadRecord {
            path: path.to_path_buf(),
            doc_id,
            source,
        }),
    }
}

/// How many records a pair must have for their parsing to be shared out
/// over the cores.
const PARALLEL_PARSE_MIN: usize = 64;

pub fn records_for_pair(
    connection: &Connection,
    path: &Path,
    a: &str,
    b: &str,
) -> Result<Vec<StoredRecord>> {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let at = |source| failure(path, &format!("reading the records of {a}-{b}"), source);
    let mut statement = connection
        .prepare_cached(
            "SELECT d.id, d.source, d.version, d.published, d.title, d.text, r.record
             FROM latest_documents AS d JOIN records AS r ON r.doc_key = d.doc_key
             WHERE d.doc_key IN
                 (SELECT doc_key FROM mentions WHERE country_a = ?1 AND country_b = ?2)",
        )
        .map_err(at)?;
    let rows = statement.query_map(params![a, b], record_row).map_err(at)?;
    let rows = rows.collect::<rusqlite::Result<Vec<_>>>().map_err(at)?;
    let parse = |row: RecordRow| stored_record(path, row);
    // Parsing the records is most of the reading for a busy pair, and each
    // parses alone: on every core when there are enough to share out. The
    // first bad record in row order is the one reported.
    let parsed: Vec<Result<StoredRecord>> = if rows.len() >= PARALLEL_PARSE_MIN {
        rows.into_par_iter().map(parse).collect()
    } else {
        rows.into_iter().map(parse).collect()
    };
    let mut records = parsed.into_iter().collect::<Result<Vec<_>>>()?;
    // Sorted here rather than by SQL, whose sorter would copy every text and
    // record once more (and spill them to a temporary file for a busy pair).
    sort_by_publication(&mut records);
    Ok(records)
}

/// Oldest publication first, undated last, then by id and source: the order
/// of [`crate::Store::records_for_pair`].
fn sort_by_publication(records: &mut [StoredRecord]) {
    records.sort_by(|a, b| {
        (a.published.is_none(), &a.published, &a.doc_id, &a.source).cmp(&(
            b.published.is_none(),
            &b.published,
            &b.doc_id,
            &b.source,
        ))
    });
}

/// The latest version of every document with its record, by id then source.
pub fn latest_records(connection: &Connection, path: &Path) -> Result<Vec<StoredRecord>> {
    let at = |source| failure(path, "reading every record", source);
    let mut statement = connection
        .prepare_cached(
            "SELECT d.id, d.source, d.version, d.published, d.title, d.text, r.record
             FROM latest_documents AS d JOIN records AS r ON r.doc_key = d.doc_key
             ORDER BY d.id, d.source",
        )
        .map_err(at)?;
    let mut rows = statement.query([]).map_err(at)?;
    let mut records = Vec::new();
    while let Some(row) = rows.next().map_err(at)? {
        let doc_id: String = row.get(0).map_err(at)?;
        let json: String = row.get(6).map_err(at)?;
        let record = serde_json::from_str(&json).map_err(|source| StoreError::BadRecord {
            path: path.to_path_buf(),
            doc_id: doc_id.clone(),
            source,
        })?;
        records.push(StoredRecord {
            doc_id,
            source: row.get(1).map_err(at)?,
            version: row.get(2).map_err(at)?,
            published: row.get(3).map_err(at)?,
            title: row.get(4).map_err(at)?,
            text: row.get(5).map_err(at)?,
            record,
        });
    }
    Ok(records)
}

/// The activity of every pair, or of the pairs that include `country`.
pub fn pair_activity(
    connection: &Connection,
    path: &Path,
    country: Option<&str>,
    limit: Option<usize>,
) -> Result<Vec<PairActivity>> {
    let at = |source| failure(path, "ranking the pairs of countries", source);
    // SQLite reads a negative LIMIT as no limit.
    let limit = limit.map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
    let mut statement = connection
        .prepare_cached(
            "WITH latest AS (SELECT doc_key, published FROM latest_documents),
             pairs AS (
                 SELECT m.country_a AS a, m.country_b AS b, COUNT(*) AS documents,
                        MAX(l.published) AS latest
                 FROM mentions AS m JOIN latest AS l ON l.doc_key = m.doc_key
                 WHERE ?1 IS NULL OR m.country_a = ?1 OR m.country_b = ?1
                 GROUP BY m.country_a, m.country_b),
             event_counts AS (
                 SELECT e.country_a AS a, e.country_b AS b, COUNT(*) AS events
                 FROM events AS e JOIN latest AS l ON l.doc_key = e.doc_key
                 WHERE e.country_b IS NOT NULL
                 GROUP BY e.country_a, e.country_b),
             agreement_counts AS (
                 SELECT g.country_a AS a, g.country_b AS b, COUNT(*) AS agreements
                 FROM agreements AS g JOIN latest AS l ON l.doc_key = g.doc_key
                 WHERE g.country_b IS NOT NULL
                 GROUP BY g.country_a, g.country_b)
             SELECT p.a, p.b, p.documents, COALESCE(e.events, 0) AS events,
                    COALESCE(g.agreements, 0) AS agreements, p.latest
             FROM pairs AS p
             LEFT JOIN event_counts AS e ON e.a = p.a AND e.b = p.b
             LEFT JOIN agreement_counts AS g ON g.a = p.a AND g.b = p.b
             ORDER BY events DESC, agreements DESC, p.documents DESC, p.a, p.b
             LIMIT ?2",
        )
        .map_err(at)?;
    let rows = statement
        .query_map(params![country, limit], |row| {
            Ok(PairActivity {
                pair: [row.get(0)?, row.get(1)?],
                documents: row.get(2)?,
                events: row.get(3)?,
                agreements: row.get(4)?,
                latest: row.get(5)?,
            })
        })
        .map_err(at)?;
    rows.collect::<rusqlite::Result<_>>().map_err(at)
}

/// The FTS5 query for the user's words: each word a quoted phrase (a
/// trailing `*` makes it a prefix), all of them required. Words without a
/// letter or digit are dropped; `None` when no word is left.
pub fn fts_query(query: &str) -> Option<String> {
    let phrases: Vec<String> = query
        .split_whitespace()
        .filter_map(|word| {
            let (word, prefix) = match word.strip_suffix('*') {
                Some(stem) => (stem, "*"),
                None => (word, ""),
            };
            word.chars()
                .any(char::is_alphanumeric)
                .then(|| format!("\"{}\"{prefix}", word.replace('"', "\"\"")))
        })
        .collect();
    (!phrases.is_empty()).then(|| phrases.join(" "))
}

pub fn search(
    connection: &Connection,
    path: &Path,
    query: &str,
    limit: usize,
) -> Result<Vec<SearchHit>> {
    let Some(fts) = fts_query(query) else {
        return Err(StoreError::EmptyQuery {
            query: query.to_string(),
        });
    };
    let at = |source| failure(path, &format!("searching for {query:?}"), source);
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut documents = connection
        .prepare_cached(
            "SELECT d.doc_key, d.id, d.source, d.version, d.published, d.title,
                    snippet(documents_fts, 1, '[', ']', '…', 24)
             FROM documents_fts JOIN latest_documents AS d ON d.doc_key = documents_fts.rowid
             WHERE documents_fts MATCH ?1
             ORDER BY bm25(documents_fts), d.id
             LIMIT ?2",
        )
        .map_err(at)?;
    // The evidence sentences of a hit are indexed on the fly, with the
    // tokenizer of the stored indexes, in a temporary table that only ever
    // holds those of one document.
    connection
        .execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.hit_evidence USING fts5 (
                 sentence, tokenize = 'unicode61 remove_diacritics 2'
             );
             DELETE FROM temp.hit_evidence;",
        )
        .map_err(at)?;
    let mut document_text = connection
        .prepare_cached("SELECT text FROM documents WHERE doc_key = ?1")
        .map_err(at)?;
    let mut document_evidence = connection
        .prepare_cached(
            "SELECT evidence_key, span_start, span_end FROM evidence WHERE doc_key = ?1",
        )
        .map_err(at)?;
    let mut index_sentence = connection
        .prepare_cached("INSERT INTO temp.hit_evidence (rowid, sentence) VALUES (?1, ?2)")
        .map_err(at)?;
    let mut forget_sentences = connection
        .prepare_cached("DELETE FROM temp.hit_evidence")
        .map_err(at)?;
    let mut evidence = connection
        .prepare_cached(
            "SELECT e.facts, highlight(hit_evidence, 0, '[', ']')
             FROM temp.hit_evidence JOIN evidence AS e ON e.evidence_key = hit_evidence.rowid
             WHERE hit_evidence MATCH ?1
             ORDER BY e.span_start, e.evidence_key
             LIMIT ?2",
        )
        .map_err(at)?;
    let rows = documents
        .query_map(params![fts, limit], |row| {
            let doc_key: i64 = row.get(0)?;
            let hit = SearchHit {
                doc_id: row.get(1)?,
                source: row.get(2)?,
                version: row.get(3)?,
                published: row.get(4)?,
                title: row
                    .get::<_, Option<String>>(5)?
                    .filter(|title| !title.is_empty()),
                snippet: row.get(6)?,
                evidence: Vec::new(),
            };
            Ok((doc_key, hit))
        })
        .map_err(at)?;
    let mut hits = Vec::new();
    for row in rows {
        let (doc_key, mut hit) = row.map_err(at)?;
        let text: String = document_text
            .query_row([doc_key], |row| row.get(0))
            .map_err(at)?;
        let spans = document_evidence
            .query_map([doc_key], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, i64>(2)?,
                ))
            })
            .map_err(at)?;
        for span in spans {
            let (evidence_key, start, end) = span.map_err(at)?;
            // The sentence as the store cut it when it wrote the evidence
            // row: the text of its span, trimmed.
            let sentence = usize::try_from(start)
                .ok()
                .zip(usize::try_from(end).ok())
                .and_then(|(start, end)| text.get(start..end))
                .map(str::trim);
            if let Some(sentence) = sentence {
                index_sentence
                    .execute(params![evidence_key, sentence])
                    .map_err(at)?;
            }
        }
        let sentences = evidence
            .query_map(params![fts, EVIDENCE_PER_HIT as i64], |row| {
                let facts: String = row.get(0)?;
                Ok(EvidenceHit {
                    // The store wrote this JSON list itself.
                    facts: serde_json::from_str(&facts).unwrap_or_default(),
                    sentence: row.get(1)?,
                })
            })
            .map_err(at)?;
        hit.evidence = sentences.collect::<rusqlite::Result<_>>().map_err(at)?;
        forget_sentences.execute([]).map_err(at)?;
        hits.push(hit);
    }
    Ok(hits)
}

pub fn stats(connection: &Connection, path: &Path, schema_version: i64) -> Result<Stats> {
    connection
        .query_row(
            "WITH latest AS (SELECT doc_key FROM latest_documents)
             SELECT
                 (SELECT COUNT(*) FROM latest),
                 (SELECT COUNT(*) FROM documents),
                 (SELECT COUNT(*) FROM mentions JOIN latest USING (doc_key)),
                 (SELECT COUNT(*) FROM
                     (SELECT DISTINCT doc_key, item FROM events JOIN latest USING (doc_key))),
                 (SELECT COUNT(*) FROM
                     (SELECT DISTINCT doc_key, item FROM agreements JOIN latest USING (doc_key))),
                 (SELECT COUNT(*) FROM
                     (SELECT DISTINCT name, country FROM persons JOIN latest USING (doc_key))),
                 (SELECT COUNT(*) FROM
                     (SELECT DISTINCT country_a, country_b FROM mentions
                      JOIN latest USING (doc_key)))",
            [],
            |row| {
                Ok(Stats {
                    documents: row.get(0)?,
                    versions: row.get(1)?,
                    mentions: row.get(2)?,
                    events: row.get(3)?,
                    agreements: row.get(4)?,
                    persons: row.get(5)?,
                    pairs: row.get(6)?,
                    schema_version,
                })
            },
        )
        .map_err(|source| failure(path, "counting the contents", source))
}

pub fn documents(connection: &Connection, path: &Path) -> Result<Vec<StoredDocument>> {
    let at = |source| failure(path, "listing the documents", source);
    let mut statement = connection
        .prepare_cached(
            "SELECT id, source, version, content_hash, published FROM documents
             ORDER BY source, version",
        )
        .map_err(at)?;
    let rows = statement
        .query_map([], |row| {
            Ok(StoredDocument {
                doc_id: row.get(0)?,
                source: row.get(1)?,
                version: row.get(2)?,
                content_hash: row.get(3)?,
                published: row.get(4)?,
            })
        })
        .map_err(at)?;
    rows.collect::<rusqlite::Result<_>>().map_err(at)
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn words_become_quoted_phrases() {
        assert_eq!(fts_query("Kazakhstan").as_deref(), Some("\"Kazakhstan\""));
        assert_eq!(
            fts_query("Côte d'Ivoire").as_deref(),
            Some("\"Côte\" \"d'Ivoire\"")
        );
        assert_eq!(fts_query("kaz* -").as_deref(), Some("\"kaz\"*"));
        assert_eq!(fts_query("a\"b OR").as_deref(), Some("\"a\"\"b\" \"OR\""));
        assert_eq!(fts_query(" - * "), None);
    }
}
