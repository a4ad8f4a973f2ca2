//! entente-web serves a knowledge base over HTTP: a JSON API under
//! `/api/v1` (documented by the OpenAPI file it serves) and server-rendered
//! pages whose charts are SVG drawn on the server, so every page works
//! without JavaScript. The store is only read: at start-up [`Index`] builds
//! the dossier of every stored pair once, with stable ids for their events,
//! agreements and persons, and the store itself answers full-text search and
//! document lookups.
//!
//! **API Boundary:** only this crate knows HTTP. It reads the store through
//! the `Store` trait and never builds SQL; every text from an article reaches
//! a page through askama's escaping.

mod api;
mod charts;
mod error;
mod highlight;
mod index;
mod item_pages;
mod openapi;
mod pages;
mod params;
mod views;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use entente_store::{SqliteStore, Store};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use error::{Result, WebError};
pub use index::Index;
pub use openapi::{OPENAPI_JSON, api_paths};

/// The Content-Security-Policy of every response: resources from this
/// server only, so no inline script runs even if one slipped into a page.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// The largest request body accepted; every route is a GET.
pub const BODY_LIMIT_BYTES: usize = 16 * 1024;

/// How long a request may take before it is answered with 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// What every handler shares: the store, for search and documents, and the
/// index of dossiers built from it at start-up.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<SqliteStore>>,
    index: Arc<Index>,
}

impl AppState {
    /// Builds the index of `store` and keeps the store for later queries.
    pub fn new(store: SqliteStore) -> Result<AppState> {
        let index = Index::build(&store)?;
        Ok(AppState {
            store: Arc::new(Mutex::new(store)),
            index: Arc::new(index),
        })
    }

    /// The index built at start-up.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Runs a store query on a blocking thread, so a slow query does not
    /// hold up the server's other requests.
    async fn with_store<T, F>(&self, query: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> entente_store::Result<T> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || {
            // A panic in another query poisons the lock but leaves the
            // read-only connection usable.
            let guard = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            query(&guard).map_err(WebError::from)
        })
        .await
        .map_err(|join| WebError::Task(join.to_string()))?
    }
}

/// The whole application: API, pages and stylesheet, behind the limits and
/// security headers.
pub fn router(state: AppState) -> Router {
    Router::new()
        .nest("/api/v1", api::routes())
        .merge(pages::routes())
        .with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
}

/// Serves `state` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> Result<()> {
    axum::serve(listener, router(state))
        .await
        .map_err(WebError::Serve)
}

/// Binds `addr` and returns the listener with the address actually bound
/// (the port when `addr` asked for port 0).
pub async fn bind(addr: SocketAddr) -> Result<(tokio::net::TcpListener, SocketAddr)> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| WebError::Bind { addr, source })?;
    let local = listener
        .local_addr()
        .map_err(|source| WebError::Bind { addr, source })?;
    Ok((listener, local))
}

/// Opens the store at `path` for reading: the same checks as every other
/// query, so a missing, corrupt or newer file is refused with its name.
pub fn open_store(path: &std::path::Path) -> Result<SqliteStore> {
    let store = SqliteStore::open_existing(path)?;
    // Reading the counts once proves the file answers queries before the
    // server says it is ready.
    store.stats()?;
    Ok(store)
}
