//! The JSON API under `/api/v1`. Lists are paginated (`limit` up to
//! [`MAX_LIMIT`](crate::params::MAX_LIMIT), `offset`) in a stable order, and
//! every failure is `{"error": ...}` with a 4xx or 5xx status. The routes are
//! one table, [`ROUTES`], which the router is built from and the OpenAPI
//! test checks against the served document.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use axum::{Json, Router};
use entente_core::model::{EventType, Modality, Role, Status, Topic};
use entente_store::Store;
use serde::Serialize;

use crate::AppState;
use crate::error::ApiError;
use crate::index::{PairSummary, agreement_id, event_id, person_id};
use crate::params::{self, ListQuery, Page};

type ApiResult<T> = Result<T, ApiError>;

/// The paths of the API, relative to `/api/v1`, as the router and the
/// OpenAPI document write them.
pub const ROUTES: &[&str] = &[
    "/openapi.json",
    "/countries",
    "/countries/{code}",
    "/pairs",
    "/pairs/{pair}",
    "/events",
    "/events/{id}",
    "/agreements",
    "/agreements/{id}",
    "/persons",
    "/persons/{id}",
    "/documents",
    "/documents/{id}",
    "/search",
];

/// The handler of each path of [`ROUTES`].
fn handler(path: &str) -> MethodRouter<AppState> {
    match path {
        "/openapi.json" => get(openapi),
        "/countries" => get(countries),
        "/countries/{code}" => get(country),
        "/pairs" => get(pairs),
        "/pairs/{pair}" => get(pair),
        "/events" => get(events),
        "/events/{id}" => get(event),
        "/agreements" => get(agreements),
        "/agreements/{id}" => get(agreement),
        "/persons" => get(persons),
        "/persons/{id}" => get(person),
        "/documents" => get(documents),
        "/documents/{id}" => get(document),
        "/search" => get(search),
        other => unreachable!("ROUTES names {other}, which has no handler"),
    }
}

/// The API router, to nest under `/api/v1`.
pub fn routes() -> Router<AppState> {
    ROUTES
        .iter()
        .fold(Router::new(), |router, path| {
            router.route(path, handler(path))
        })
        .fallback(|| async { ApiError::not_found("no such API route; see /api/v1/openapi.json") })
}

async fn openapi() -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        crate::openapi::OPENAPI_JSON,
    )
        .into_response()
}

async fn countries(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Response> {
    let page = Page::parse(&query)?;
    Ok(Json(page.cut(&state.index().countries)).into_response())
}

#[derive(Serialize)]
struct CountryBody<'a> {
    #[serde(flatten)]
    country: &'a crate::index::CountrySummary,
    pairs: Vec<&'a PairSummary>,
}

async fn country(State(state): State<AppState>, Path(code): Path<String>) -> ApiResult<Response> {
    let code = params::country(&code)?;
    let index = state.index();
    let country = index.country(code).ok_or_else(|| {
        ApiError::not_found(format!(
            "no stored document pairs {code} with another country"
        ))
    })?;
    let pairs = index.partners(code);
    Ok(Json(CountryBody { country, pairs }).into_response())
}

async fn pairs(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Response> {
    let page = Page::parse(&query)?;
    let index = state.index();
    let pairs: Vec<&PairSummary> = match query.country.as_deref() {
        Some(country) => index.partners(params::country(country)?),
        None => index.pairs.iter().collect(),
    };
    Ok(Json(page.cut(&pairs)).into_response())
}

#[derive(Serialize)]
struct PairBody<'a> {
    #[serde(flatten)]
    summary: &'a PairSummary,
    event_ids: Vec<String>,
    agreement_ids: Vec<String>,
    person_ids: Vec<String>,
    dossier: &'a entente_core::merge::Dossier,
}

async fn pair(State(state): State<AppState>, Path(spec): Path<String>) -> ApiResult<Response> {
    let key = params::pair_key(params::pair(&spec)?);
    let index = state.index();
    let (Some(summary), Some(dossier)) = (index.pair(&key), index.dossiers.get(&key)) else {
        return Err(ApiError::not_found(format!(
            "no stored document names the pair {key}"
        )));
    };
    let ids = |count: usize, id: fn(&str, usize) -> String| {
        (0..count).map(|rank| id(&key, rank)).collect()
    };
    Ok(Json(PairBody {
        summary,
        event_ids: ids(dossier.timeline.len(), event_id),
        agreement_ids: ids(dossier.agreements.len(), agreement_id),
        person_ids: ids(dossier.people.len(), person_id),
        dossier,
    })
    .into_response())
}

/// Reads an optional vocabulary value, or a 400 listing the allowed ones.
fn vocabulary<T: Copy>(
    name: &str,
    value: Option<&str>,
    parse: fn(&str) -> Option<T>,
    allowed: &[&str],
) -> ApiResult<Option<T>> {
    value
        .filter(|text| !text.is_empty())
        .map(|text| {
            parse(text).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "{name} {text:?} is unknown; use one of: {}",
                    allowed.join(", ")
                ))
            })
        })
        .transpose()
}

/// The pair filter as a key, when given.
fn pair_filter(query: &ListQuery) -> ApiResult<Option<String>> {
    query
        .pair
        .as_deref()
        .filter(|text| !text.is_empty())
        .map(|spec| params::pair(spec).map(params::pair_key))
        .transpose()
}

/// The country filter as a code, when given.
fn country_filter(query: &ListQuery) -> ApiResult<Option<&'static str>> {
    query
        .country
        .as_deref()
        .filter(|text| !text.is_empty())
        .map(params::country)
        .transpose()
}

/// Whether a pair key includes a country.
fn has_country(pair_key: &str, country: Option<&str>) -> bool {
    country.is_none_or(|code| pair_key.split('-').any(|member| member == code))
}

async fn events(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Response> {
    let page = Page::parse(&query)?;
    let names: Vec<&str> = EventType::ALL.iter().map(|kind| kind.as_str()).collect();
    let kind = vocabulary("type", query.kind.as_deref(), EventType::parse, &names)?;
    let names: Vec<&str> = Modality::ALL
        .iter()
        .map(|modality| modality.as_str())
        .collect();
    let modality = vocabulary(
        "modality",
        query.modality.as_deref(),
        Modality::parse,
        &names,
    )?;
    let from = query
        .from
        .as_deref()
        .map(|text| params::date("from", text))
        .transpose()?;
    let to = query
        .to
        .as_deref()
        .map(|text| params::date("to", text))
        .transpose()?;
    if let (Some(from), Some(to)) = (&from, &to)
        && params::date_bounds(from).0 > params::date_bounds(to).1
    {
        return Err(ApiError::bad_request(format!(
            "from {from} is after to {to}"
        )));
    }
    let pair = pair_filter(&query)?;
    let country = country_filter(&query)?;
    let events: Vec<_> = state
        .index()
        .events
        .iter()
        .filter(|item| pair.as_ref().is_none_or(|key| &item.pair == key))
        .filter(|item| has_country(&item.pair, country))
        .filter(|item| kind.is_none_or(|kind| item.event.kind == kind))
        .filter(|item| modality.is_none_or(|modality| item.event.modality == modality))
        .filter(|item| params::within(item.event.date.as_deref(), from.as_deref(), to.as_deref()))
        .collect();
    Ok(Json(page.cut(&events)).into_response())
}

async fn event(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let item = state
        .index()
        .event(&id)
        .ok_or_else(|| ApiError::not_found(format!("no event {id:?}")))?;
    Ok(Json(item).into_response())
}

async fn agreements(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Response> {
    let page = Page::parse(&query)?;
    let names: Vec<&str> = Status::ALL.iter().map(|status| status.as_str()).collect();
    let status = vocabulary("status", query.status.as_deref(), Status::parse, &names)?;
    let topic = vocabulary(
        "topic",
        query.topic.as_deref(),
        Topic::parse,
        &[
            "visa_exemption",
            "investment_protection",
            "double_taxation",
            "air_services",
            "legal_assistance",
            "general_cooperation",
            "or a sector",
        ],
    )?;
    let pair = pair_filter(&query)?;
    let country = country_filter(&query)?;
    let agreements: Vec<_> = state
        .index()
        .agreements
        .iter()
        .filter(|item| pair.as_ref().is_none_or(|key| &item.pair == key))
        .filter(|item| has_country(&item.pair, country))
        .filter(|item| status.is_none_or(|status| item.agreement.status == status))
        .filter(|item| topic.is_none_or(|topic| item.agreement.topic == topic))
        .collect();
    Ok(Json(page.cut(&agreements)).into_response())
}

async fn agreement(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let item = state
        .index()
        .agreement(&id)
        .ok_or_else(|| ApiError::not_found(format!("no agreement {id:?}")))?;
    Ok(Json(item).into_response())
}

async fn persons(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Response> {
    let page = Page::parse(&query)?;
    let names: Vec<&str> = Role::ALL.iter().map(|role| role.as_str()).collect();
    let role = vocabulary("role", query.role.as_deref(), Role::parse, &names)?;
    let pair = pair_filter(&query)?;
    let country = country_filter(&query)?;
    let needle = query
        .q
        .as_deref()
        .map(str::to_lowercase)
        .filter(|text| !text.is_empty());
    let persons: Vec<_> = state
        .index()
        .persons
        .iter()
        .filter(|item| pair.as_ref().is_none_or(|key| &item.pair == key))
        .filter(|item| country.is_none_or(|code| item.person.country.as_deref() == Some(code)))
        .filter(|item| role.is_none_or(|role| item.person.role == role))
        .filter(|item| {
            needle
                .as_ref()
                .is_none_or(|needle| item.person.name.to_lowercase().contains(needle))
        })
        .collect();
    Ok(Json(page.cut(&persons)).into_response())
}

async fn person(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let item = state
        .index()
        .person(&id)
        .ok_or_else(|| ApiError::not_found(format!("no person {id:?}")))?;
    Ok(Json(item).into_response())
}

async fn documents(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Response> {
    let page = Page::parse(&query)?;
    let mut documents = state.with_store(|store| store.documents()).await?;
    // The store lists every version; the API shows the latest of each source.
    documents.sort_by(|a, b| (&a.source, b.version).cmp(&(&b.source, a.version)));
    documents.dedup_by(|later, first| later.source == first.source);
    documents.sort_by(|a, b| (&a.doc_id, &a.source).cmp(&(&b.doc_id, &b.source)));
    Ok(Json(page.cut(&documents)).into_response())
}

#[derive(Serialize)]
struct DocumentBody {
    doc_id: String,
    source: String,
    version: i64,
    published: Option<String>,
    title: Option<String>,
    text: String,
    record: entente_core::Record,
}

async fn document(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let wanted = id.clone();
    let stored = state
        .with_store(move |store| store.document(&wanted))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))?;
    Ok(Json(DocumentBody {
        doc_id: stored.doc_id,
        source: stored.source,
        version: stored.version,
        published: stored.published,
        title: stored.title,
        text: stored.text,
        record: stored.record,
    })
    .into_response())
}

async fn search(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Response> {
    let page = Page::parse(&query)?;
    let words = query.q.clone().unwrap_or_default();
    if words.trim().is_empty() {
        return Err(ApiError::bad_request(
            "q is missing: give the words to search for",
        ));
    }
    let wanted = page.offset + page.limit;
    let hits = state
        .with_store(move |store| store.search(&words, wanted))
        .await?;
    Ok(Json(page.cut(&hits)).into_response())
}
