//! The HTML pages: home, search, country, pair dossier, event, agreement,
//! person and document, rendered by askama templates from `templates/`.
//! Countries and pairs written in another form (a name, the wrong order)
//! redirect to their canonical address, `/countries/TGO` and
//! `/pairs/KAZ-TGO`.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use entente_store::Store;
use serde::Deserialize;

use crate::AppState;
use crate::charts::{self, Bars, LegendEntry, Network, NetworkInput, Timeline, TimelineInput};
use crate::error::ApiError;
use crate::highlight::{Segment, bracket_segments};
use crate::index::{agreement_id, country_name, event_id, person_id};
use crate::item_pages;
use crate::params;
use crate::views::{
    AgreementView, CitationView, EventRow, PairRow, PersonRow, document_href, label, pair_label,
};

/// The page routes and the stylesheet.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/search", get(search))
        .route("/countries/{code}", get(country))
        .route("/pairs/{pair}", get(pair))
        .route("/events/{id}", get(item_pages::event))
        .route("/agreements/{id}", get(item_pages::agreement))
        .route("/persons/{id}", get(item_pages::person))
        .route("/documents/{id}", get(item_pages::document))
        .route("/static/style.css", get(stylesheet))
        .fallback(|| async { page_error(ApiError::not_found("no such page")) })
}

/// A page or an error page.
pub(crate) type PageResult = Result<Response, PageError>;

/// An error shown as a page with the error's status.
pub(crate) struct PageError(ApiError);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let error = self.0;
        let page = ErrorPage {
            title: error
                .status
                .canonical_reason()
                .unwrap_or("Error")
                .to_string(),
            message: error.error,
            suggestions: error.suggestions,
        };
        let html = page.render().unwrap_or_else(|_| "error".to_string());
        (error.status, Html(html)).into_response()
    }
}

/// Renders a template, or a 500 page when rendering fails.
pub(crate) fn render(template: &impl Template) -> PageResult {
    template
        .render()
        .map(|html| Html(html).into_response())
        .map_err(|error| page_error(ApiError::from(crate::WebError::Task(error.to_string()))))
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    title: String,
    message: String,
    suggestions: Vec<String>,
}

/// An error as a page with the error's status.
pub(crate) fn page_error(error: ApiError) -> PageError {
    PageError(error)
}

async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../templates/style.css"),
    )
        .into_response()
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    title: String,
    pairs: Vec<PairRow>,
    events: Vec<EventRow>,
    countries: usize,
}

async fn home(State(state): State<AppState>) -> PageResult {
    let index = state.index();
    let mut latest: Vec<&crate::index::EventItem> = index
        .events
        .iter()
        .filter(|item| item.event.date.is_some())
        .collect();
    latest.sort_by(|a, b| {
        b.event
            .date
            .cmp(&a.event.date)
            .then_with(|| a.id.cmp(&b.id))
    });
    render(&HomePage {
        title: "entente".to_string(),
        pairs: index.pairs.iter().take(12).map(PairRow::new).collect(),
        events: latest
            .iter()
            .take(12)
            .map(|item| EventRow::new(&item.id, &item.pair, &item.event))
            .collect(),
        countries: index.countries.len(),
    })
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
}

struct HitView {
    href: String,
    title: String,
    published: String,
    snippet: Vec<Segment>,
    evidence: Vec<Vec<Segment>>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    title: String,
    q: String,
    hits: Vec<HitView>,
}

async fn search(State(state): State<AppState>, Query(query): Query<SearchQuery>) -> PageResult {
    let q = query.q.unwrap_or_default();
    let hits = if q.trim().is_empty() {
        Vec::new()
    } else {
        let words = q.clone();
        state
            .with_store(move |store| store.search(&words, 50))
            .await
            .map_err(|error| page_error(error.into()))?
    };
    let hits = hits
        .into_iter()
        .map(|hit| HitView {
            href: document_href(&hit.doc_id),
            title: hit.title.clone().unwrap_or_else(|| hit.doc_id.clone()),
            published: hit.published.unwrap_or_default(),
            snippet: bracket_segments(&hit.snippet),
            evidence: hit
                .evidence
                .iter()
                .map(|evidence| bracket_segments(&evidence.sentence))
                .collect(),
        })
        .collect();
    render(&SearchPage {
        title: format!("Search: {q}"),
        q,
        hits,
    })
}

#[derive(Template)]
#[template(path = "country.html")]
struct CountryPage {
    title: String,
    code: String,
    network: Network,
    legend: Vec<LegendEntry>,
    partners: Vec<PairRow>,
}

async fn country(State(state): State<AppState>, Path(spec): Path<String>) -> PageResult {
    let code = params::country(&spec).map_err(page_error)?;
    if spec != code {
        return Ok(Redirect::permanent(&format!("/countries/{code}")).into_response());
    }
    let index = state.index();
    let pairs = index.partners(code);
    if pairs.is_empty() {
        return Err(page_error(ApiError::not_found(format!(
            "no stored document pairs {} with another country",
            country_name(code)
        ))));
    }
    let inputs: Vec<NetworkInput> = pairs
        .iter()
        .take(24)
        .map(|pair| {
            let other = if pair.pair[0] == code {
                &pair.pair[1]
            } else {
                &pair.pair[0]
            };
            NetworkInput {
                code: other.clone(),
                href: format!("/pairs/{}", pair.key),
                events: pair.events,
                latest_kind: pair.latest_kind,
                title: format!(
                    "{}: {} events, {} agreements, {} documents; latest contact: {}",
                    country_name(other),
                    pair.events,
                    pair.agreements,
                    pair.documents,
                    pair.latest_kind
                        .map_or("none".to_string(), |kind| label(kind.as_str()))
                ),
            }
        })
        .collect();
    render(&CountryPage {
        title: country_name(code),
        code: code.to_string(),
        network: charts::network(&inputs, 520),
        legend: charts::legend(),
        partners: pairs.into_iter().map(PairRow::new).collect(),
    })
}

struct QuoteView {
    speaker: String,
    opening: String,
    sentence: String,
    citations: Vec<CitationView>,
}

struct ContradictionView {
    subject: String,
    field: String,
    values: Vec<(String, Vec<CitationView>)>,
}

#[derive(Template)]
#[template(path = "pair.html")]
struct PairPage {
    title: String,
    key: String,
    codes: [String; 2],
    timeline: Timeline,
    legend: Vec<LegendEntry>,
    events: Vec<EventRow>,
    agreements: Vec<AgreementView>,
    envoys: Vec<EventRow>,
    envoy_persons: Vec<PersonRow>,
    people: Vec<PersonRow>,
    sectors: Bars,
    quotes: Vec<QuoteView>,
    contradictions: Vec<ContradictionView>,
    documents: Vec<(String, String, String)>,
}

async fn pair(State(state): State<AppState>, Path(spec): Path<String>) -> PageResult {
    let key = params::pair_key(params::pair(&spec).map_err(page_error)?);
    if spec != key {
        return Ok(Redirect::permanent(&format!("/pairs/{key}")).into_response());
    }
    let index = state.index();
    let (Some(summary), Some(dossier)) = (index.pair(&key), index.dossiers.get(&key)) else {
        return Err(page_error(ApiError::not_found(format!(
            "no stored document names both {}",
            pair_label(&key)
        ))));
    };
    let events: Vec<EventRow> = dossier
        .timeline
        .iter()
        .enumerate()
        .map(|(rank, event)| EventRow::new(&event_id(&key, rank), &key, event))
        .collect();
    let inputs: Vec<TimelineInput> = dossier
        .timeline
        .iter()
        .zip(&events)
        .map(|(event, row)| TimelineInput {
            id: row.id.clone(),
            kind: event.kind,
            modality: event.modality,
            date: event.date.clone(),
            title: row.title(),
        })
        .collect();
    let person_row = |person: &entente_core::merge::PersonEntry| {
        let rank = dossier
            .people
            .iter()
            .position(|known| known == person)
            .unwrap_or(0);
        PersonRow::new(&person_id(&key, rank), person)
    };
    let sectors: Vec<(String, usize, String)> = dossier
        .sectors
        .iter()
        .map(|sector| {
            let name = label(sector.sector.as_str());
            let title = format!("{name}: named by {} documents", sector.documents);
            (name, sector.documents, title)
        })
        .collect();
    render(&PairPage {
        title: pair_label(&key),
        codes: summary.pair.clone(),
        timeline: charts::timeline(&inputs, 900),
        legend: charts::legend(),
        envoys: events
            .iter()
            .zip(&dossier.timeline)
            .filter(|(_, event)| event.kind == entente_core::model::EventType::EnvoyAccredited)
            .map(|(row, event)| EventRow::new(&row.id, &key, event))
            .collect(),
        events,
        agreements: dossier
            .agreements
            .iter()
            .enumerate()
            .map(|(rank, agreement)| AgreementView::new(&agreement_id(&key, rank), agreement))
            .collect(),
        envoy_persons: dossier.envoys.persons.iter().map(person_row).collect(),
        people: dossier.people.iter().map(person_row).collect(),
        sectors: charts::bars(&sectors, 600),
        quotes: dossier
            .quotes
            .iter()
            .map(|quote| QuoteView {
                speaker: quote.speaker.clone(),
                opening: quote.opening.clone(),
                sentence: quote.sentence.clone().unwrap_or_default(),
                citations: CitationView::all(&quote.citations),
            })
            .collect(),
        contradictions: dossier
            .contradictions
            .iter()
            .map(|contradiction| ContradictionView {
                subject: contradiction.subject.clone(),
                field: contradiction.field.clone(),
                values: contradiction
                    .values
                    .iter()
                    .map(|value| (value.value.clone(), CitationView::all(&value.citations)))
                    .collect(),
            })
            .collect(),
        documents: dossier
            .documents
            .iter()
            .map(|document| {
                (
                    document_href(&document.doc_id),
                    document
                        .title
                        .clone()
                        .unwrap_or_else(|| document.doc_id.clone()),
                    document.published.clone().unwrap_or_default(),
                )
            })
            .collect(),
        key,
    })
}
