//! entente-store keeps the documents entente has read and what it extracted
//! from them, and answers the questions asked of a knowledge base: which
//! records concern a pair of countries, which pairs and partners are most
//! active, where a word appears, how much is stored. [`Store`] is the
//! interface every backend implements; [`SqliteStore`], an embedded SQLite
//! file with full-text search, is the default. Documents are keyed by a
//! [`content_hash`] of their text and date, so storing the same content twice
//! is a no-op and changed content under a known source is its next version.
//!
//! **API Boundary:** only this crate knows SQL, and only `sqlite/` knows the
//! SQLite dialect; callers see [`Store`] and the plain values of `model`.

mod error;
mod facts;
mod hash;
mod model;
#[cfg(feature = "postgres")]
mod postgres;
mod sqlite;

pub use error::{Result, StoreError};
pub use hash::{content_hash, document_hash, normalise};
pub use model::{
    EvidenceHit, Outcome, PairActivity, SearchHit, SourcedInput, Stats, StoredDocument,
    StoredRecord,
};
#[cfg(feature = "postgres")]
pub use postgres::{POSTGRES_SCHEMA_VERSION, PostgresStore, redact};
pub use sqlite::{SCHEMA_VERSION, SqliteStore};

use entente_core::Record;

/// A knowledge base of documents and their records.
///
/// Writes happen in batches: each batch is one transaction, so a crash loses
/// at most the batch under way, and storing the same documents again
/// completes it without duplicates. Reads see only the latest version of each
/// source.
pub trait Store {
    /// Stores a batch of documents and their records in one transaction.
    /// Each document is stored or refused on its own: the outer error means
    /// the transaction itself failed and nothing of the batch was kept; an
    /// inner error means that one document was not stored.
    fn put_batch(&mut self, batch: &[(SourcedInput<'_>, &Record)]) -> Result<Vec<Result<Outcome>>>;

    /// Stores one document and its record.
    fn put(&mut self, input: &SourcedInput<'_>, record: &Record) -> Result<Outcome> {
        let mut outcomes = self.put_batch(&[(*input, record)])?;
        outcomes.pop().unwrap_or(Ok(Outcome::Unchanged))
    }

    /// Whether a document with this content hash (see [`document_hash`]) is
    /// stored, so a caller can skip extracting what is already there.
    fn has_content(&self, content_hash: &str) -> Result<bool>;

    /// The latest version of every document that names both countries (ISO3
    /// codes, in any order), oldest publication first.
    fn records_for_pair(&self, a: &str, b: &str) -> Result<Vec<StoredRecord>>;

    /// The pairs of countries named together, the most active first: by
    /// events, then agreements, then documents. `limit` caps the list.
    fn pairs_ranked(&self, limit: Option<usize>) -> Result<Vec<PairActivity>>;

    /// The pairs that include `country` (an ISO3 code), ranked as in
    /// [`Store::pairs_ranked`].
    fn partners(&self, country: &str) -> Result<Vec<PairActivity>>;

    /// Documents whose title or text holds every word of `query` (case and
    /// accents ignored; a word ending in `*` is a prefix), best match first,
    /// with the matching evidence sentences of each.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;

    /// Counts over the latest versions.
    fn stats(&self) -> Result<Stats>;

    /// Every stored version of every document, by source then version.
    fn documents(&self) -> Result<Vec<StoredDocument>>;

    /// The latest version of the document ingested under `doc_id`, with its
    /// text and record; `None` when no document has that id.
    fn document(&self, doc_id: &str) -> Result<Option<StoredRecord>>;

    /// The latest version of every document with its record, by id then
    /// source: what an export reads.
    fn latest_records(&self) -> Result<Vec<StoredRecord>>;
}
