//! The OpenAPI 3 description of the JSON API, written by hand in
//! `openapi.json` and served as it is at `/api/v1/openapi.json`.

/// The OpenAPI document.
pub const OPENAPI_JSON: &str = include_str!("openapi.json");

/// The API's paths as the router knows them, relative to `/api/v1`.
pub fn api_paths() -> &'static [&'static str] {
    crate::api::ROUTES
}
