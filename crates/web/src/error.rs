//! The errors of the web crate: [`WebError`] for what fails while starting
//! or serving, and [`ApiError`], the answer a request gets when it cannot be
//! served, as JSON `{"error": ...}` on the API and as a page elsewhere.

use std::net::SocketAddr;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The result of the web crate's fallible functions.
pub type Result<T, E = WebError> = std::result::Result<T, E>;

/// What can go wrong starting or running the server.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The store refused a query or could not be opened.
    #[error(transparent)]
    Store(#[from] entente_store::StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    /// The server stopped on an IO error.
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
    /// A blocking store query panicked or was cancelled.
    #[error("a store query did not finish: {0}")]
    Task(String),
}

/// A request that cannot be served: its status, a message for people and,
/// for an unknown country, the closest known names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    #[serde(skip)]
    pub status: StatusCode,
    pub error: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

impl ApiError {
    /// A 400 Bad Request: a parameter is malformed or out of range.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// A 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            error: message.into(),
            suggestions: Vec::new(),
        }
    }
}

impl From<WebError> for ApiError {
    fn from(error: WebError) -> ApiError {
        match error {
            WebError::Store(entente_store::StoreError::EmptyQuery { .. }) => {
                ApiError::bad_request(error.to_string())
            }
            _ => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, error.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(&self)).into_response()
    }
}
