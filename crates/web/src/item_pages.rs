//! The pages of single items, each listing every source: an event, an
//! agreement (with its lifecycle as steps) and a person of a pair's dossier,
//! and a document, whose text shows the evidence sentences of its record in
//! `<mark>`.

use askama::Template;
use axum::extract::{Path, State};
use entente_store::Store;

use crate::AppState;
use crate::error::ApiError;
use crate::highlight::{Segment, evidence_segments};
use crate::pages::{PageResult, page_error, render};
use crate::views::{AgreementView, CitationView, EventRow, PersonRow, label, pair_label};

#[derive(Template)]
#[template(path = "item.html")]
struct ItemPage {
    title: String,
    pair_href: String,
    pair_label: String,
    facts: Vec<(String, String)>,
    agreement: Option<AgreementView>,
    citations: Vec<CitationView>,
}

pub async fn event(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let item = state
        .index()
        .event(&id)
        .ok_or_else(|| page_error(ApiError::not_found(format!("no event {id:?}"))))?;
    let row = EventRow::new(&item.id, &item.pair, &item.event);
    let reports = item
        .event
        .reports
        .iter()
        .map(|report| {
            format!(
                "{}: {} {}",
                report.doc_id,
                report.modality,
                report.date.as_deref().unwrap_or("undated")
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    render(&ItemPage {
        title: format!("{} {}", row.kind, row.date),
        facts: vec![
            ("Type".into(), row.kind.clone()),
            ("Modality".into(), row.modality.clone()),
            ("Date".into(), row.date.clone()),
            ("Place".into(), row.place.clone()),
            ("Host".into(), row.host.clone()),
            ("Participants".into(), row.persons.clone()),
            ("Reports".into(), reports),
        ],
        agreement: None,
        citations: CitationView::all(&item.event.citations),
        pair_href: row.pair_href,
        pair_label: row.pair_label,
    })
}

pub async fn agreement(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let item = state
        .index()
        .agreement(&id)
        .ok_or_else(|| page_error(ApiError::not_found(format!("no agreement {id:?}"))))?;
    let view = AgreementView::new(&item.id, &item.agreement);
    render(&ItemPage {
        title: view.label.clone(),
        pair_href: format!("/pairs/{}", item.pair),
        pair_label: pair_label(&item.pair),
        facts: vec![
            ("Status".into(), label(&view.status)),
            ("Signed".into(), view.date.clone()),
            ("Place".into(), view.place.clone()),
            ("Signatories".into(), view.signatories.clone()),
        ],
        citations: CitationView::all(&item.agreement.citations),
        agreement: Some(view),
    })
}

pub async fn person(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let item = state
        .index()
        .person(&id)
        .ok_or_else(|| page_error(ApiError::not_found(format!("no person {id:?}"))))?;
    let row = PersonRow::new(&item.id, &item.person);
    let roles = item
        .person
        .roles
        .iter()
        .map(|report| {
            format!(
                "{} ({} to {})",
                label(report.role.as_str()),
                report.first_reported.as_deref().unwrap_or("?"),
                report.last_reported.as_deref().unwrap_or("?")
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    render(&ItemPage {
        title: row.name.clone(),
        pair_href: format!("/pairs/{}", item.pair),
        pair_label: pair_label(&item.pair),
        facts: vec![
            ("Country".into(), row.country),
            ("Role".into(), row.role),
            ("Roles reported".into(), roles),
            ("Also written".into(), row.variants),
        ],
        agreement: None,
        citations: CitationView::all(&item.person.citations),
    })
}

#[derive(Template)]
#[template(path = "document.html")]
struct DocumentPage {
    title: String,
    doc_id: String,
    source: String,
    published: String,
    segments: Vec<Segment>,
}

pub async fn document(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let wanted = id.clone();
    let stored = state
        .with_store(move |store| store.document(&wanted))
        .await
        .map_err(|error| page_error(error.into()))?
        .ok_or_else(|| page_error(ApiError::not_found(format!("no document {id:?}"))))?;
    render(&DocumentPage {
        title: stored
            .title
            .clone()
            .unwrap_or_else(|| stored.doc_id.clone()),
        segments: evidence_segments(&stored.text, &stored.record),
        doc_id: stored.doc_id,
        source: stored.source,
        published: stored.published.unwrap_or_default(),
    })
}
