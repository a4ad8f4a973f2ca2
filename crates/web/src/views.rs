//! What the pages show, prepared for the templates: rows of links and
//! labels, formatted once here so templates only loop and print. Every
//! string is printed through askama's escaping.

use entente_core::merge::{AgreementEntry, Citation, PersonEntry, TimelineEvent};
use entente_core::model::Status;

use crate::index::{PairSummary, country_name};

/// A link to a pair, with its activity.
pub struct PairRow {
    pub href: String,
    pub label: String,
    pub documents: i64,
    pub events: i64,
    pub agreements: i64,
    pub latest: String,
    pub latest_kind: String,
}

impl PairRow {
    pub fn new(pair: &PairSummary) -> PairRow {
        PairRow {
            href: format!("/pairs/{}", pair.key),
            label: format!("{} – {}", pair.names[0], pair.names[1]),
            documents: pair.documents,
            events: pair.events,
            agreements: pair.agreements,
            latest: pair.latest.clone().unwrap_or_default(),
            latest_kind: pair
                .latest_kind
                .map(|kind| label(kind.as_str()))
                .unwrap_or_default(),
        }
    }
}

/// A link to an event, with what it was.
pub struct EventRow {
    pub id: String,
    pub href: String,
    pub kind: String,
    pub modality: String,
    pub date: String,
    pub place: String,
    pub host: String,
    pub persons: String,
    pub pair_href: String,
    pub pair_label: String,
    pub sources: usize,
}

impl EventRow {
    pub fn new(id: &str, pair_key: &str, event: &TimelineEvent) -> EventRow {
        EventRow {
            id: id.to_string(),
            href: format!("/events/{id}"),
            kind: label(event.kind.as_str()),
            modality: event.modality.as_str().to_string(),
            date: event.date.clone().unwrap_or_else(|| "undated".to_string()),
            place: event.place.clone().unwrap_or_default(),
            host: event.host.as_deref().map(country_name).unwrap_or_default(),
            persons: event.persons.join(", "),
            pair_href: format!("/pairs/{pair_key}"),
            pair_label: pair_label(pair_key),
            sources: event.source_count,
        }
    }

    /// The accessible title of the event's mark on a timeline.
    pub fn title(&self) -> String {
        let place = if self.place.is_empty() {
            String::new()
        } else {
            format!(" in {}", self.place)
        };
        format!("{} ({}), {}{place}", self.kind, self.modality, self.date)
    }
}

/// One step of an agreement's lifecycle.
pub struct StepView {
    pub status: &'static str,
    pub label: String,
    /// `reached`, or `ahead` for stages after the latest one reported.
    pub state: &'static str,
    pub date: String,
}

/// An agreement with its lifecycle as steps.
pub struct AgreementView {
    pub href: String,
    pub label: String,
    pub topic: String,
    pub status: String,
    pub date: String,
    pub place: String,
    pub signatories: String,
    pub steps: Vec<StepView>,
    pub sources: usize,
}

impl AgreementView {
    pub fn new(id: &str, agreement: &AgreementEntry) -> AgreementView {
        let steps = Status::ALL
            .iter()
            .map(|status| {
                let reported = agreement
                    .stages
                    .iter()
                    .find(|stage| stage.status == *status);
                StepView {
                    status: status.as_str(),
                    label: label(status.as_str()),
                    state: if *status <= agreement.status {
                        "reached"
                    } else {
                        "ahead"
                    },
                    date: reported
                        .and_then(|stage| stage.date.clone().or_else(|| stage.reported.clone()))
                        .unwrap_or_default(),
                }
            })
            .collect();
        AgreementView {
            href: format!("/agreements/{id}"),
            label: format!(
                "{} {}",
                label(agreement.topic.as_str()),
                agreement.instrument
            ),
            topic: agreement.topic.as_str().to_string(),
            status: agreement.status.as_str().to_string(),
            date: agreement.date.clone().unwrap_or_default(),
            place: agreement.place.clone().unwrap_or_default(),
            signatories: agreement.signatories.join(", "),
            steps,
            sources: agreement.source_count,
        }
    }
}

/// A person with a link.
pub struct PersonRow {
    pub href: String,
    pub name: String,
    pub variants: String,
    pub country: String,
    pub role: String,
    pub sources: usize,
}

impl PersonRow {
    pub fn new(id: &str, person: &PersonEntry) -> PersonRow {
        PersonRow {
            href: format!("/persons/{id}"),
            name: person.name.clone(),
            variants: person.variants.join(", "),
            country: person
                .country
                .as_deref()
                .map(country_name)
                .unwrap_or_default(),
            role: label(person.role.as_str()),
            sources: person.source_count,
        }
    }
}

/// A cited sentence with a link to its document.
pub struct CitationView {
    pub href: String,
    pub doc_id: String,
    pub published: String,
    pub sentence: String,
}

impl CitationView {
    pub fn new(citation: &Citation) -> CitationView {
        CitationView {
            href: document_href(&citation.doc_id),
            doc_id: citation.doc_id.clone(),
            published: citation.published.clone().unwrap_or_default(),
            sentence: citation.sentence.clone(),
        }
    }

    pub fn all(citations: &[Citation]) -> Vec<CitationView> {
        citations.iter().map(CitationView::new).collect()
    }
}

/// The link to a document page; the id is percent-encoded as a path part.
pub fn document_href(doc_id: &str) -> String {
    let mut href = String::from("/documents/");
    for byte in doc_id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            href.push(byte as char);
        } else {
            href.push_str(&format!("%{byte:02X}"));
        }
    }
    href
}

/// A vocabulary spelling for people: `agreement_signed` → `agreement signed`.
pub fn label(spelling: &str) -> String {
    spelling.replace('_', " ")
}

/// A pair key for people: `KAZ-TGO` → `Kazakhstan – Togo`.
pub fn pair_label(pair_key: &str) -> String {
    pair_key
        .split('-')
        .map(country_name)
        .collect::<Vec<_>>()
        .join(" – ")
}
