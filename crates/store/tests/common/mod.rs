//! Helpers shared by the store's tests: the bundled example articles read
//! through entente-ingest and extracted by entente-core, ready to store, and
//! temporary store files, and the backends to run against (`backend.rs`).

#![allow(dead_code)]

pub mod backend;

use std::path::{Path, PathBuf};

use entente_core::{Document, Record};
use entente_ingest::{SourcedDocument, read_inputs};
use entente_store::{Outcome, SourcedInput, Store};

/// The root of the workspace.
pub fn workspace_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The 44 example articles with their records, in manifest order.
pub fn examples() -> Vec<(SourcedDocument, Record)> {
    let manifest = workspace_dir().join("examples/articles.jsonl");
    read_inputs(&[manifest])
        .map(|entry| {
            let sourced = entry.expect("the examples are readable");
            let (record, _) = entente_core::extract(&sourced.document);
            (sourced, record)
        })
        .collect()
}

/// The example whose id is `id`.
pub fn example(id: &str) -> (SourcedDocument, Record) {
    examples()
        .into_iter()
        .find(|(sourced, _)| sourced.document.id == id)
        .unwrap_or_else(|| panic!("no example {id}"))
}

/// The store input for a read document.
pub fn input(sourced: &SourcedDocument) -> SourcedInput<'_> {
    SourcedInput {
        document: &sourced.document,
        source: &sourced.source,
        title: sourced.title.as_deref(),
        content_hash: None,
    }
}

/// Stores every document in one batch and returns the outcomes.
pub fn put_all(store: &mut dyn Store, documents: &[(SourcedDocument, Record)]) -> Vec<Outcome> {
    let batch: Vec<(SourcedInput<'_>, &Record)> = documents
        .iter()
        .map(|(sourced, record)| (input(sourced), record))
        .collect();
    store
        .put_batch(&batch)
        .expect("the batch commits")
        .into_iter()
        .map(|outcome| outcome.expect("every document is stored"))
        .collect()
}

/// A document with the given id, text and date, and its record.
pub fn document(id: &str, text: &str, published: &str) -> (Document, Record) {
    let document = Document {
        id: id.to_string(),
        text: text.to_string(),
        published: Some(published.parse().expect("a valid date")),
        lang: None,
    };
    let (record, _) = entente_core::extract(&document);
    (document, record)
}

/// A path for a store inside `dir`.
pub fn store_path(dir: &Path) -> PathBuf {
    dir.join("entente.db")
}
