//! The queries of a PostgreSQL store, the same as SQLite's in `sqlite/read.rs`
//! and reading the same `latest_documents` view. Text is ordered with the
//! `C` collation so that both backends list in the same byte order, and
//! search runs on the folded `tsvector` columns described in `search.rs`.

use postgres::Client;
use postgres::Row;

use super::failure;
use super::search::{highlight, query_tokens, snippet, tsquery};
use crate::error::{Result, StoreError};
use crate::model::{EvidenceHit, PairActivity, SearchHit, Stats, StoredDocument, StoredRecord};

/// How many evidence sentences a search hit shows at most.
const EVIDENCE_PER_HIT: i64 = 5;

const RECORD_COLUMNS: &str = "d.id, d.source, d.version, d.published, d.title, d.text, r.record";

pub fn has_content(client: &mut Client, target: &str, content_hash: &str) -> Result<bool> {
    client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE content_hash = $1)",
            &[&content_hash],
        )
        .map(|row| row.get(0))
        .map_err(|source| failure(target, "looking up a content hash", source))
}

/// A row of [`RECORD_COLUMNS`] as a stored record.
fn stored_record(target: &str, row: &Row) -> Result<StoredRecord> {
    let doc_id: String = row.get(0);
    let json: String = row.get(6);
    let record = serde_json::from_str(&json).map_err(|source| StoreError::BadRecord {
        path: target.into(),
        doc_id: doc_id.clone(),
        source,
    })?;
    Ok(StoredRecord {
        doc_id,
        source: row.get(1),
        version: row.get(2),
        published: row.get(3),
        title: row.get(4),
        text: row.get(5),
        record,
    })
}

fn stored_records(target: &str, rows: &[Row]) -> Result<Vec<StoredRecord>> {
    rows.iter().map(|row| stored_record(target, row)).collect()
}

pub fn records_for_pair(
    client: &mut Client,
    target: &str,
    a: &str,
    b: &str,
) -> Result<Vec<StoredRecord>> {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let sql = format!(
        "SELECT {RECORD_COLUMNS}
         FROM latest_documents AS d JOIN records AS r ON r.doc_key = d.doc_key
         WHERE d.doc_key IN
             (SELECT doc_key FROM mentions WHERE country_a = $1 AND country_b = $2)
         ORDER BY d.published COLLATE \"C\" NULLS LAST, d.id COLLATE \"C\", d.source COLLATE \"C\""
    );
    let rows = client
        .query(&sql, &[&a, &b])
        .map_err(|source| failure(target, &format!("reading the records of {a}-{b}"), source))?;
    stored_records(target, &rows)
}

pub fn document(client: &mut Client, target: &str, doc_id: &str) -> Result<Option<StoredRecord>> {
    let sql = format!(
        "SELECT {RECORD_COLUMNS}
         FROM latest_documents AS d JOIN records AS r ON r.doc_key = d.doc_key
         WHERE d.id = $1 ORDER BY d.source COLLATE \"C\" LIMIT 1"
    );
    let row = client
        .query_opt(&sql, &[&doc_id])
        .map_err(|source| failure(target, &format!("reading the document {doc_id:?}"), source))?;
    row.map(|row| stored_record(target, &row)).transpose()
}

pub fn latest_records(client: &mut Client, target: &str) -> Result<Vec<StoredRecord>> {
    let sql = format!(
        "SELECT {RECORD_COLUMNS}
         FROM latest_documents AS d JOIN records AS r ON r.doc_key = d.doc_key
         ORDER BY d.id COLLATE \"C\", d.source COLLATE \"C\""
    );
    let rows = client
        .query(&sql, &[])
        .map_err(|source| failure(target, "reading every record", source))?;
    stored_records(target, &rows)
}

/// The activity of every pair, or of the pairs that include `country`.
pub fn pair_activity(
    client: &mut Client,
    target: &str,
    country: Option<&str>,
    limit: Option<usize>,
) -> Result<Vec<PairActivity>> {
    let limit = limit.map(|limit| i64::try_from(limit).unwrap_or(i64::MAX));
    let rows = client
        .query(
            "WITH latest AS (SELECT doc_key, published FROM latest_documents),
             pairs AS (
                 SELECT m.country_a AS a, m.country_b AS b, COUNT(*) AS documents,
                        MAX(l.published) AS latest
                 FROM mentions AS m JOIN latest AS l ON l.doc_key = m.doc_key
                 WHERE $1::TEXT IS NULL OR m.country_a = $1 OR m.country_b = $1
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
             ORDER BY events DESC, agreements DESC, p.documents DESC,
                      p.a COLLATE \"C\", p.b COLLATE \"C\"
             LIMIT $2",
            &[&country, &limit],
        )
        .map_err(|source| failure(target, "ranking the pairs of countries", source))?;
    Ok(rows
        .iter()
        .map(|row| PairActivity {
            pair: [row.get(0), row.get(1)],
            documents: row.get(2),
            events: row.get(3),
            agreements: row.get(4),
            latest: row.get(5),
        })
        .collect())
}

pub fn search(
    client: &mut Client,
    target: &str,
    query: &str,
    limit: usize,
) -> Result<Vec<SearchHit>> {
    let Some(tokens) = query_tokens(query) else {
        return Err(StoreError::EmptyQuery {
            query: query.to_string(),
        });
    };
    let at = |source| failure(target, &format!("searching for {query:?}"), source);
    let tsquery = tsquery(&tokens);
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let documents = client
        .query(
            "SELECT d.doc_key, d.id, d.source, d.version, d.published, d.title, d.text
             FROM latest_documents AS d, to_tsquery('simple', $1) AS query
             WHERE d.search @@ query
             ORDER BY ts_rank(d.search, query) DESC, d.id COLLATE \"C\"
             LIMIT $2",
            &[&tsquery, &limit],
        )
        .map_err(at)?;
    let mut hits = Vec::with_capacity(documents.len());
    for row in &documents {
        let doc_key: i64 = row.get(0);
        let text: String = row.get(6);
        let evidence = client
            .query(
                "SELECT facts, sentence FROM evidence
                 WHERE doc_key = $1 AND search @@ to_tsquery('simple', $2)
                 ORDER BY span_start
                 LIMIT $3",
                &[&doc_key, &tsquery, &EVIDENCE_PER_HIT],
            )
            .map_err(at)?;
        hits.push(SearchHit {
            doc_id: row.get(1),
            source: row.get(2),
            version: row.get(3),
            published: row.get(4),
            title: row
                .get::<_, Option<String>>(5)
                .filter(|title| !title.is_empty()),
            snippet: snippet(&text, &tokens),
            evidence: evidence
                .iter()
                .map(|row| EvidenceHit {
                    // The store wrote this JSON list itself.
                    facts: serde_json::from_str(row.get(0)).unwrap_or_default(),
                    sentence: highlight(row.get(1), &tokens),
                })
                .collect(),
        });
    }
    Ok(hits)
}

pub fn stats(client: &mut Client, target: &str) -> Result<Stats> {
    let schema_version = super::schema::version(client, target)?;
    let row = client
        .query_one(
            "WITH latest AS (SELECT doc_key FROM latest_documents)
             SELECT
                 (SELECT COUNT(*) FROM latest),
                 (SELECT COUNT(*) FROM documents),
                 (SELECT COUNT(*) FROM mentions JOIN latest USING (doc_key)),
                 (SELECT COUNT(*) FROM
                     (SELECT DISTINCT doc_key, item FROM events JOIN latest USING (doc_key)) AS e),
                 (SELECT COUNT(*) FROM
                     (SELECT DISTINCT doc_key, item FROM agreements JOIN latest USING (doc_key))
                     AS g),
                 (SELECT COUNT(*) FROM
                     (SELECT DISTINCT name, country FROM persons JOIN latest USING (doc_key))
                     AS p),
                 (SELECT COUNT(*) FROM
                     (SELECT DISTINCT country_a, country_b FROM mentions
                      JOIN latest USING (doc_key)) AS m)",
            &[],
        )
        .map_err(|source| failure(target, "counting the contents", source))?;
    Ok(Stats {
        documents: row.get(0),
        versions: row.get(1),
        mentions: row.get(2),
        events: row.get(3),
        agreements: row.get(4),
        persons: row.get(5),
        pairs: row.get(6),
        schema_version,
    })
}

pub fn documents(client: &mut Client, target: &str) -> Result<Vec<StoredDocument>> {
    let rows = client
        .query(
            "SELECT id, source, version, content_hash, published FROM documents
             ORDER BY source COLLATE \"C\", version",
            &[],
        )
        .map_err(|source| failure(target, "listing the documents", source))?;
    Ok(rows
        .iter()
        .map(|row| StoredDocument {
            doc_id: row.get(0),
            source: row.get(1),
            version: row.get(2),
            content_hash: row.get(3),
            published: row.get(4),
        })
        .collect())
}
