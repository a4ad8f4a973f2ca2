//! Helpers for the tests of the knowledge-base commands in `kb.rs`: the
//! example and seed manifests, the counts of an ingest summary and of
//! `entente stats`, a large corpus of unique article variants, and the
//! stored versions of a store, read through entente-store.

// Each test binary uses its own part of the helpers.
#![allow(dead_code)]

use std::path::Path;

use serde_json::Value;

use super::{Dir, Output, shared_dir, workspace_dir};

/// The bundled examples' manifest.
pub fn examples_manifest() -> String {
    path_arg(&workspace_dir().join("examples/articles.jsonl"))
}

/// The seed articles' manifest, in the shared folder.
pub fn seeds_manifest() -> String {
    path_arg(&shared_dir().join("corpus/seeds/articles.jsonl"))
}

/// A path as a command-line argument.
pub fn path_arg(path: &Path) -> String {
    path.to_str().expect("test paths are UTF-8").to_string()
}

/// The counts of an ingest summary: added, new versions, unchanged, failed.
pub fn summary(output: &Output) -> [u64; 4] {
    let line = output.stdout.lines().last().unwrap_or_default();
    let counts: Vec<u64> = ["added", "new version", "unchanged", "failed"]
        .iter()
        .map(|label| {
            let end = line
                .find(&format!(" {label}"))
                .unwrap_or_else(|| panic!("no {label:?} in the summary {line:?}"));
            let start = line[..end].rfind([' ', ':']).map_or(0, |space| space + 1);
            line[start..end].parse().expect("a count")
        })
        .collect();
    [counts[0], counts[1], counts[2], counts[3]]
}

/// `entente stats --format json` in `dir`.
pub fn stats(dir: &Dir) -> Value {
    let output = dir.entente(&["stats", "--format", "json"]).run();
    output.assert_code(0);
    serde_json::from_str(&output.stdout).expect("stats print JSON")
}

/// Writes `copies` variants of each example article into `dir/corpus`,
/// each with a line that makes its content unique.
pub fn write_large_corpus(dir: &Dir, copies: usize) -> String {
    let articles = workspace_dir().join("examples/articles");
    let mut names: Vec<_> = std::fs::read_dir(&articles)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    names.sort();
    for copy in 0..copies {
        for name in &names {
            let text = std::fs::read_to_string(articles.join(name)).unwrap();
            let name = name.to_str().unwrap();
            dir.write(
                &format!("corpus/set{copy:03}/{name}"),
                format!("{text}\nCopie {copy}.\n"),
            );
        }
    }
    path_arg(&dir.path().join("corpus"))
}

/// Every stored version as (id, source, version, content hash).
pub fn stored_documents(path: &Path) -> Vec<(String, String, i64, String)> {
    use entente_store::Store;
    let store = entente_store::SqliteStore::open_existing(path).unwrap();
    store
        .documents()
        .unwrap()
        .into_iter()
        .map(|document| {
            (
                document.doc_id,
                document.source,
                document.version,
                document.content_hash,
            )
        })
        .collect()
}
