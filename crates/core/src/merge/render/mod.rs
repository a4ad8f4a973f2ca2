//! Rendering a dossier for an analyst: plain text for the terminal (aligned
//! columns, ISO dates, source counts, numbered citations) and Markdown
//! (a heading per section, tables, footnotes). Both number each distinct
//! cited sentence once, in order of first use, and list the sentences with
//! their document ids at the end.

mod markdown;
mod table;
mod text;

use std::collections::BTreeMap;

pub use markdown::render_markdown;
pub use text::render_text;

use super::{Citation, Dossier, PersonEntry, TimelineEvent};

/// The numbered citations of one rendering.
#[derive(Default)]
struct Footnotes {
    notes: Vec<Citation>,
    numbers: BTreeMap<(String, String), usize>,
}

impl Footnotes {
    /// The numbers of `citations`, assigning new ones to unseen sentences.
    fn numbers(&mut self, citations: &[Citation]) -> Vec<usize> {
        let mut numbers: Vec<usize> = citations
            .iter()
            .map(|citation| {
                let key = (citation.doc_id.clone(), citation.sentence.clone());
                *self.numbers.entry(key).or_insert_with(|| {
                    self.notes.push(citation.clone());
                    self.notes.len()
                })
            })
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    }
}

/// A vocabulary spelling in words: `visa_exemption` → `visa exemption`.
fn human(spelling: &str) -> String {
    spelling.replace('_', " ")
}

/// "1 source" or "3 sources".
fn sources_label(count: usize) -> String {
    if count == 1 {
        "1 source".to_string()
    } else {
        format!("{count} sources")
    }
}

/// What an event is, with the topics of a signing: "agreement signed
/// (visa exemption)".
fn event_label(event: &TimelineEvent) -> String {
    let mut label = human(event.kind.as_str());
    if !event.topics.is_empty() {
        let topics: Vec<String> = event
            .topics
            .iter()
            .map(|topic| human(topic.as_str()))
            .collect();
        label.push_str(&format!(" ({})", topics.join(", ")));
    }
    label
}

/// The roles reported for a person, each with its first report: "head of
/// state 2023-11-28; other 2025-09-25".
fn roles_summary(person: &PersonEntry) -> String {
    person
        .roles
        .iter()
        .map(|report| match &report.first_reported {
            Some(date) => format!("{} {date}", human(report.role.as_str())),
            None => human(report.role.as_str()),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "2 documents, 2023-11-28 to 2025-09-25".
fn documents_summary(dossier: &Dossier) -> String {
    let count = dossier.documents.len();
    let noun = if count == 1 { "document" } else { "documents" };
    let dates: Vec<&String> = dossier
        .documents
        .iter()
        .filter_map(|document| document.published.as_ref())
        .collect();
    match (dates.iter().min(), dates.iter().max()) {
        (Some(first), Some(last)) if first == last => format!("{count} {noun}, {first}"),
        (Some(first), Some(last)) => format!("{count} {noun}, {first} to {last}"),
        _ => format!("{count} {noun}"),
    }
}

/// An optional value, or a dash.
fn or_dash(value: Option<&str>) -> String {
    value.unwrap_or("–").to_string()
}
