//! The values that go into a store and come out of it. They name no SQL
//! type, so every backend (SQLite today, PostgreSQL behind a feature later)
//! takes and returns the same values.

use entente_core::{Document, Record};
use serde::Serialize;

/// A document to store, with where it came from.
#[derive(Debug, Clone, Copy)]
pub struct SourcedInput<'a> {
    /// The document as the extractor read it.
    pub document: &'a Document,
    /// Where it came from: a path or a URL. Versions are counted per source.
    pub source: &'a str,
    /// Its headline, when the input gave one.
    pub title: Option<&'a str>,
    /// Its [`crate::document_hash`] when the caller has computed it already
    /// (to ask [`crate::Store::has_content`]); the store computes it when
    /// `None`. It must be the hash of `document`.
    pub content_hash: Option<&'a str>,
}

impl SourcedInput<'_> {
    /// The content hash of the document: the one given, or computed.
    pub fn content_hash(&self) -> std::borrow::Cow<'_, str> {
        match self.content_hash {
            Some(hash) => std::borrow::Cow::Borrowed(hash),
            None => std::borrow::Cow::Owned(crate::hash::document_hash(self.document)),
        }
    }
}

/// What storing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The first version of a source was stored.
    Added,
    /// The same content (text and publication date) was already stored; nothing changed.
    Unchanged,
    /// The source was already stored with other content; this is its next version.
    NewVersion,
}

/// A stored document and its record, as pair queries return them.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRecord {
    /// The document's id as given at ingest.
    pub doc_id: String,
    /// Where it came from: a path or a URL.
    pub source: String,
    /// Its version under that source, from 1.
    pub version: i64,
    /// Its publication date (`YYYY-MM-DD`), when known.
    pub published: Option<String>,
    /// Its headline, when known.
    pub title: Option<String>,
    /// The whole text, which the record's evidence spans index into.
    pub text: String,
    /// What the extractor found in it.
    pub record: Record,
}

/// How active a pair of countries is in the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairActivity {
    /// The two ISO 3166-1 alpha-3 codes, sorted.
    pub pair: [String; 2],
    /// Documents that name both countries.
    pub documents: i64,
    /// Events between the two, counted once per document that reports them.
    pub events: i64,
    /// Agreements between the two, counted once per document that mentions them.
    pub agreements: i64,
    /// The latest publication date among those documents.
    pub latest: Option<String>,
}

/// A full-text search result: one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The document's id.
    pub doc_id: String,
    /// Where it came from.
    pub source: String,
    /// Its version under that source.
    pub version: i64,
    /// Its publication date, when known.
    pub published: Option<String>,
    /// Its headline, when known.
    pub title: Option<String>,
    /// The passage of the text around the match, with matches in `[brackets]`.
    pub snippet: String,
    /// Evidence sentences of the document that match, with the facts they support.
    pub evidence: Vec<EvidenceHit>,
}

/// An evidence sentence that matches a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceHit {
    /// What the sentence supports, as `kind: summary` lines ("event: visit FRA-TGO").
    pub facts: Vec<String>,
    /// The sentence, with matches in `[brackets]`.
    pub sentence: String,
}

/// Counts over the store. Only the latest version of each document counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Distinct documents (sources); older versions are not counted again.
    pub documents: i64,
    /// Stored versions, older ones included.
    pub versions: i64,
    /// Pairs of countries named together, once per document.
    pub mentions: i64,
    /// Events, once per document that reports them.
    pub events: i64,
    /// Agreements, once per document that mentions them.
    pub agreements: i64,
    /// Distinct persons, by name and country.
    pub persons: i64,
    /// Distinct pairs of countries named together.
    pub pairs: i64,
    /// The schema version of the store.
    pub schema_version: i64,
}

/// One stored version of a document, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredDocument {
    pub doc_id: String,
    pub source: String,
    pub version: i64,
    pub content_hash: String,
    pub published: Option<String>,
}

/// What the merge needs of a stored record: the document and what was
/// extracted from it.
impl From<StoredRecord> for entente_core::merge::SourcedRecord {
    fn from(stored: StoredRecord) -> Self {
        entente_core::merge::SourcedRecord {
            doc_id: stored.doc_id,
            source: stored.source,
            published: stored.published,
            title: stored.title,
            text: stored.text,
            record: stored.record,
        }
    }
}
