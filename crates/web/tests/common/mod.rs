//! Helpers shared by the web tests: a store built in a temporary folder from
//! the bundled examples (and, for the browser test, the seed articles read
//! from the shared folder), the application over it, and in-process requests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use entente_ingest::read_inputs;
use entente_store::{SourcedInput, SqliteStore, Store};
use entente_web::AppState;
use tower::ServiceExt;

/// The root of the workspace.
pub fn workspace_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The seed articles' manifest in the shared folder beside the project.
pub fn seeds_manifest() -> PathBuf {
    workspace_dir().join("../shared/corpus/seeds/articles.jsonl")
}

/// Builds a store in `dir` from the manifests, plus extra `(id, text)` articles.
pub fn build_store(dir: &Path, manifests: &[PathBuf], extra: &[(&str, &str)]) -> PathBuf {
    let path = dir.join("kb.db");
    let mut store = SqliteStore::open(&path).expect("a new store opens");
    let mut documents: Vec<(entente_ingest::SourcedDocument, entente_core::Record)> =
        read_inputs(manifests)
            .map(|entry| {
                let sourced = entry.expect("the articles are readable");
                let (record, _) = entente_core::extract(&sourced.document);
                (sourced, record)
            })
            .collect();
    for (id, text) in extra {
        let document = entente_core::Document {
            id: (*id).to_string(),
            text: (*text).to_string(),
            published: Some("2025-03-04".parse().expect("a date")),
            lang: Some("en".to_string()),
        };
        let (record, _) = entente_core::extract(&document);
        let sourced = entente_ingest::SourcedDocument {
            document,
            source: format!("test/{id}.txt"),
            title: Some(format!("Test article {id}")),
            author: None,
        };
        documents.push((sourced, record));
    }
    let batch: Vec<(SourcedInput<'_>, &entente_core::Record)> = documents
        .iter()
        .map(|(sourced, record)| {
            let input = SourcedInput {
                document: &sourced.document,
                source: &sourced.source,
                title: sourced.title.as_deref(),
                content_hash: None,
            };
            (input, record)
        })
        .collect();
    for outcome in store.put_batch(&batch).expect("the batch commits") {
        outcome.expect("every document is stored");
    }
    path
}

/// The application over a store of the examples, with its temporary folder.
pub fn examples_app(extra: &[(&str, &str)]) -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = build_store(
        dir.path(),
        &[workspace_dir().join("examples/articles.jsonl")],
        extra,
    );
    let store = entente_web::open_store(&path).expect("the store opens");
    let state = AppState::new(store).expect("the index builds");
    (dir, state)
}

/// A GET answered in-process: status, headers and body.
pub async fn get(state: &AppState, uri: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let request = Request::get(uri).body(Body::empty()).expect("a request");
    let response = entente_web::router(state.clone())
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 16 * 1024 * 1024)
        .await
        .expect("a body");
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// A GET whose body is JSON.
pub async fn get_json(state: &AppState, uri: &str) -> (StatusCode, serde_json::Value) {
    let (status, headers, body) = get(state, uri).await;
    assert_eq!(
        headers
            .get("content-type")
            .and_then(|value| value.to_str().ok()),
        Some("application/json"),
        "{uri} answers JSON"
    );
    let json = serde_json::from_str(&body).unwrap_or_else(|error| panic!("{uri}: {error}: {body}"));
    (status, json)
}
