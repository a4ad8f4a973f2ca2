//! Stores written by earlier schema versions still open: each fixture under
//! `tests/compat/` was written by the `write_compat_fixture` example of its
//! version (three example articles, dev-fr-001 in two versions) and is
//! reopened, migrated, read and written by this version, on a copy.

mod common;

use std::path::Path;

use common::example;
use entente_store::{Outcome, SCHEMA_VERSION, SqliteStore, Store};

/// Copies a committed fixture into a temporary folder and opens it.
fn open_fixture(name: &str, dir: &Path) -> SqliteStore {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/compat")
        .join(name);
    let copy = dir.join(name);
    std::fs::copy(&fixture, &copy).unwrap_or_else(|error| panic!("{}: {error}", fixture.display()));
    SqliteStore::open_existing(&copy).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn a_store_of_schema_version_1_reopens() {
    reopens("v1.db");
}

#[test]
fn a_store_of_schema_version_2_reopens() {
    reopens("v2.db");
}

#[test]
fn a_store_of_schema_version_3_reopens() {
    reopens("v3.db");
}

#[test]
fn a_store_of_schema_version_4_reopens() {
    reopens("v4.db");
}

/// Opens the fixture `name`, which migrates it to this version, then reads
/// and writes it.
fn reopens(name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_fixture(name, dir.path());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);

    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.versions), (3, 4), "{stats:?}");
    let documents = store.documents().unwrap();
    let ids: Vec<(&str, i64)> = documents
        .iter()
        .map(|document| (document.doc_id.as_str(), document.version))
        .collect();
    assert_eq!(
        ids,
        [
            ("dev-en-001", 1),
            ("dev-fr-001", 1),
            ("dev-fr-001", 2),
            ("dev-fr-002", 1)
        ]
    );

    // Stored records still deserialise into today's record model.
    let records = store.records_for_pair("CIV", "FRA").unwrap();
    let versions: Vec<&entente_store::StoredRecord> = records
        .iter()
        .filter(|stored| stored.doc_id == "dev-fr-001")
        .collect();
    assert_eq!(versions.len(), 1, "only the latest version is read");
    assert_eq!(versions[0].version, 2);
    assert_eq!(versions[0].record.id, "dev-fr-001");
    assert!(versions[0].text.contains("Mise à jour"));
    // The full-text index covers the stored texts, the latest version only
    // in the results, with a passage of the text.
    let hits = store.search("confirmée", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        (hits[0].doc_id.as_str(), hits[0].version),
        ("dev-fr-001", 2)
    );
    assert!(
        hits[0].snippet.contains("[confirmée]"),
        "{}",
        hits[0].snippet
    );

    // The old store takes new documents, and knows the ones it has.
    let (sourced, record) = example("dev-en-002");
    assert_eq!(
        store.put(&common::input(&sourced), &record).unwrap(),
        Outcome::Added
    );
    assert_eq!(store.stats().unwrap().documents, 4);
    // A document stored after the migration is found by full-text search.
    let hits = store.search("Hyderabad", 10).unwrap();
    assert!(
        hits.iter().any(|hit| hit.doc_id == "dev-en-002"),
        "{hits:?}"
    );
}
