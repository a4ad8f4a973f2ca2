//! Behaviour of the store on the bundled example articles, run on every
//! backend (see `common/backend.rs`): storing is idempotent, changed content
//! is a new version that hides the old one, and the pair, ranking and search
//! queries read the latest versions. SQLite files that are missing, corrupt,
//! foreign or newer are refused with clear errors; `postgres.rs` checks the
//! same refusals for PostgreSQL.
mod common;

use common::backend::backends;
use common::{document, example, examples, input, put_all, store_path};
use entente_store::{
    Outcome, SCHEMA_VERSION, SourcedInput, SqliteStore, StoreError, content_hash, document_hash,
};

#[test]
fn storing_the_same_documents_twice_changes_nothing() {
    for backend in backends() {
        eprintln!("backend: {}", backend.name);
        let documents = examples();
        assert_eq!(documents.len(), 44);
        let mut store = backend.create();
        let outcomes = put_all(store.as_mut(), &documents);
        assert!(
            outcomes.iter().all(|outcome| *outcome == Outcome::Added),
            "{outcomes:?}"
        );
        let stats = store.stats().unwrap();
        let stored = store.documents().unwrap();
        assert_eq!(stats.documents, 44);
        assert_eq!(stats.versions, 44);
        assert!(
            stats.events > 0 && stats.persons > 0 && stats.mentions > 0,
            "{stats:?}"
        );
        drop(store);

        let mut store = backend.open_existing().unwrap();
        for (sourced, _) in &documents {
            assert!(
                store
                    .has_content(&document_hash(&sourced.document))
                    .unwrap()
            );
        }
        assert!(
            !store
                .has_content(&content_hash("never stored", None))
                .unwrap()
        );
        let outcomes = put_all(store.as_mut(), &documents);
        assert!(
            outcomes
                .iter()
                .all(|outcome| *outcome == Outcome::Unchanged),
            "{outcomes:?}"
        );
        assert_eq!(store.stats().unwrap(), stats);
        assert_eq!(store.documents().unwrap(), stored);
    }
}

#[test]
fn changed_content_under_a_source_is_its_next_version() {
    for backend in backends() {
        eprintln!("backend: {}", backend.name);
        let mut store = backend.create();
        let (first, first_record) = document(
            "wire-1",
            "Lomé, 3 mars. Le Togo et le Kazakhstan ont signé un mémorandum sur l'agriculture.",
            "2025-03-03",
        );
        let (second, second_record) = document(
            "wire-1",
            "Lomé, 3 mars. Le Togo et le Kazakhstan ont signé un accord sur les visas.",
            "2025-03-03",
        );
        let at = |document| SourcedInput {
            document,
            source: "https://example.org/wire-1",
            title: Some("Togo-Kazakhstan"),
            content_hash: None,
        };
        assert_eq!(
            store.put(&at(&first), &first_record).unwrap(),
            Outcome::Added
        );
        assert_eq!(
            store.put(&at(&second), &second_record).unwrap(),
            Outcome::NewVersion
        );
        assert_eq!(
            store.put(&at(&second), &second_record).unwrap(),
            Outcome::Unchanged
        );

        let stats = store.stats().unwrap();
        assert_eq!((stats.documents, stats.versions), (1, 2));
        let records = store.records_for_pair("TGO", "KAZ").unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].version, 2);
        assert_eq!(records[0].text, second.text);
        assert_eq!(records[0].title.as_deref(), Some("Togo-Kazakhstan"));
        assert_eq!(records[0].record, second_record);
        // Only the latest version is searched.
        assert!(store.search("agriculture", 10).unwrap().is_empty());
        assert_eq!(store.search("visas", 10).unwrap().len(), 1);
    }
}

#[test]
fn the_same_content_from_another_source_is_not_stored_again() {
    for backend in backends() {
        eprintln!("backend: {}", backend.name);
        let mut store = backend.create();
        let (sourced, record) = example("dev-fr-001");
        assert_eq!(
            store.put(&input(&sourced), &record).unwrap(),
            Outcome::Added
        );
        let elsewhere = SourcedInput {
            source: "copies/dev-fr-001.txt",
            ..input(&sourced)
        };
        assert_eq!(store.put(&elsewhere, &record).unwrap(), Outcome::Unchanged);
        assert_eq!(store.stats().unwrap().documents, 1);
    }
}

#[test]
fn pair_queries_read_the_records_of_both_countries() {
    for backend in backends() {
        eprintln!("backend: {}", backend.name);
        let mut store = backend.create();
        let documents = examples();
        put_all(store.as_mut(), &documents);

        let records = store.records_for_pair("FRA", "CIV").unwrap();
        assert_eq!(records, store.records_for_pair("CIV", "FRA").unwrap());
        assert!(records.iter().any(|stored| stored.doc_id == "dev-fr-001"));
        for stored in &records {
            let countries = &stored.record.countries;
            assert!(
                countries.contains(&"CIV".to_string()) && countries.contains(&"FRA".to_string())
            );
        }
        let published: Vec<_> = records
            .iter()
            .map(|stored| stored.published.clone())
            .collect();
        let mut sorted = published.clone();
        sorted.sort_by_key(|date| (date.is_none(), date.clone()));
        assert_eq!(published, sorted, "oldest first, undated last");

        let ranked = store.pairs_ranked(Some(5)).unwrap();
        assert_eq!(ranked.len(), 5);
        for window in ranked.windows(2) {
            let key =
                |pair: &entente_store::PairActivity| (pair.events, pair.agreements, pair.documents);
            assert!(key(&window[0]) >= key(&window[1]), "{ranked:?}");
        }
        let partners = store.partners("FRA").unwrap();
        assert!(!partners.is_empty());
        assert!(
            partners
                .iter()
                .all(|pair| pair.pair.contains(&"FRA".to_string()))
        );
        assert!(partners.iter().all(|pair| pair.pair[0] < pair.pair[1]));
        assert!(store.partners("XXX").unwrap().is_empty());
    }
}

#[test]
fn search_ignores_case_and_accents_and_shows_evidence() {
    for backend in backends() {
        eprintln!("backend: {}", backend.name);
        let mut store = backend.create();
        put_all(store.as_mut(), &examples());

        let hits = store.search("cote d'ivoire", 50).unwrap();
        assert!(
            hits.iter().any(|hit| hit.doc_id == "dev-fr-001"),
            "{hits:?}"
        );
        assert!(hits.iter().all(|hit| hit.snippet.contains('[')), "{hits:?}");
        let hits = store.search("barrot", 50).unwrap();
        let hit = hits.iter().find(|hit| hit.doc_id == "dev-fr-001").unwrap();
        assert!(!hit.evidence.is_empty(), "{hit:?}");
        assert!(
            hit.evidence
                .iter()
                .all(|evidence| evidence.sentence.contains("[Barrot]"))
        );
        assert!(
            hit.evidence
                .iter()
                .all(|evidence| !evidence.facts.is_empty())
        );
        assert!(!store.search("barr*", 50).unwrap().is_empty());
        assert!(store.search("Kazakhstan", 1).unwrap().len() <= 1);
        assert!(store.search("zzzqqq", 10).unwrap().is_empty());
        let error = store.search(" - ", 10).unwrap_err();
        assert!(matches!(error, StoreError::EmptyQuery { .. }), "{error}");
    }
}

#[test]
fn a_missing_store_is_not_created_by_open_existing() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(dir.path());
    let error = SqliteStore::open_existing(&path).unwrap_err();
    assert!(matches!(error, StoreError::Missing { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains("entente.db: no such store"), "{message}");
    assert!(message.contains("entente ingest"), "{message}");
    assert!(!path.exists());
}

#[test]
fn a_corrupt_file_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(dir.path());
    std::fs::write(
        &path,
        "this is not a database, just some text\n".repeat(200),
    )
    .unwrap();
    for error in [
        SqliteStore::open_existing(&path).unwrap_err(),
        SqliteStore::open(&path).unwrap_err(),
    ] {
        assert!(matches!(error, StoreError::Corrupt { .. }), "{error}");
        let message = error.to_string();
        assert!(
            message.contains("entente.db: the store is corrupt"),
            "{message}"
        );
    }
}

#[test]
fn a_foreign_database_is_not_taken_for_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(dir.path());
    foreign_database(&path);
    let error = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::NotAStore { .. }), "{error}");
}

#[test]
fn a_store_from_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(dir.path());
    drop(SqliteStore::open(&path).unwrap());
    set_user_version(&path, SCHEMA_VERSION + 1);
    let error = SqliteStore::open_existing(&path).unwrap_err();
    let StoreError::NewerSchema {
        found, supported, ..
    } = &error
    else {
        panic!("{error}");
    };
    assert_eq!((*found, *supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
    let message = error.to_string();
    assert!(message.contains("newer than version"), "{message}");
    assert!(message.contains("upgrade entente"), "{message}");
}

/// Creates a SQLite database that some other program wrote.
fn foreign_database(path: &std::path::Path) {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .execute_batch("CREATE TABLE invoices (number INTEGER, amount REAL);")
        .unwrap();
}

fn set_user_version(path: &std::path::Path, version: i64) {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .pragma_update(None, "user_version", version)
        .unwrap();
}

#[test]
fn a_document_is_found_by_the_id_it_was_ingested_under() {
    for backend in backends() {
        let mut store = backend.create();
        put_all(store.as_mut(), &examples());
        let stored = store
            .document("dev-fr-001")
            .unwrap()
            .expect("dev-fr-001 is stored");
        assert_eq!(stored.doc_id, "dev-fr-001");
        assert_eq!(stored.record.id, "dev-fr-001");
        assert_eq!(stored.published.as_deref(), Some("2025-01-21"));
        assert!(!stored.text.is_empty());
        assert_eq!(store.document("no-such-document").unwrap(), None);
    }
}

#[test]
fn a_document_that_fails_is_rolled_back_alone_with_its_full_text() {
    use entente_store::Store;

    let dir = tempfile::tempdir().unwrap();
    let path = store_path(dir.path());
    drop(SqliteStore::open(&path).unwrap());
    // Refuse the evidence of one document, which is written after its
    // document, record, mentions and events rows.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON evidence
             WHEN NEW.doc_key = (SELECT doc_key FROM documents WHERE id = 'dev-fr-002')
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
        )
        .unwrap();
    let mut store = SqliteStore::open_existing(&path).unwrap();
    let documents: Vec<_> = ["dev-fr-001", "dev-fr-002", "dev-fr-003"]
        .into_iter()
        .map(example)
        .collect();
    let batch: Vec<(SourcedInput<'_>, &entente_core::Record)> = documents
        .iter()
        .map(|(sourced, record)| (input(sourced), record))
        .collect();
    let outcomes = store.put_batch(&batch).unwrap();
    assert!(matches!(outcomes[0], Ok(Outcome::Added)), "{outcomes:?}");
    let error = outcomes[1].as_ref().unwrap_err().to_string();
    assert!(error.contains("refused by the test"), "{error}");
    assert!(matches!(outcomes[2], Ok(Outcome::Added)), "{outcomes:?}");

    let ids: Vec<String> = store
        .documents()
        .unwrap()
        .into_iter()
        .map(|document| document.doc_id)
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(!ids.contains(&"dev-fr-002".to_string()), "{ids:?}");
    // Neither the text nor the evidence of the refused document is indexed,
    // and the others are.
    assert!(store.search("Colonna", 10).unwrap().is_empty());
    assert!(store.search("Plateau", 10).unwrap().is_empty());
    let hits = store.search("Iwaya", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].doc_id, "dev-fr-003");
    assert!(!hits[0].evidence.is_empty(), "{hits:?}");
    assert!(
        store
            .records_for_pair("CIV", "FRA")
            .unwrap()
            .iter()
            .all(|stored| stored.doc_id != "dev-fr-002")
    );
}
