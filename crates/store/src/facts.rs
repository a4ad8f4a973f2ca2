//! The rows a record is flattened into for queries: the pairs of countries a
//! document names together, its events and agreements with their pairs, its
//! persons, and its evidence sentences with the facts each supports. This is
//! plain Rust over the record, shared by every backend; only the backend knows
//! how the rows are written.

use std::collections::{BTreeMap, BTreeSet};

use entente_core::Record;
use entente_core::model::Span;

/// A sorted pair of ISO3 codes, or a lone party, or none.
pub type PairColumns = (Option<String>, Option<String>);

/// One row of the events or agreements table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactRow {
    /// The index of the item in the record's list.
    pub index: usize,
    /// The pair of parties this row is about (see [`pairs_of_parties`]).
    pub pair: PairColumns,
    /// The event type, or the agreement's instrument.
    pub kind: &'static str,
    /// The event's modality, or the agreement's status.
    pub stage: &'static str,
    /// The agreement's topic; `None` for events.
    pub topic: Option<&'static str>,
    pub date: Option<String>,
    pub place: Option<String>,
}

/// One row of the persons table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub index: usize,
    pub name: String,
    pub country: Option<String>,
    pub role: &'static str,
}

/// An evidence sentence: its span, its text and what it supports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRow {
    pub span: Span,
    pub sentence: String,
    pub facts: Vec<String>,
}

/// Every sorted pair of distinct countries the record names together:
/// in `countries` and among the parties of its events and agreements.
pub fn mentioned_pairs(record: &Record) -> BTreeSet<(String, String)> {
    let mut pairs = BTreeSet::new();
    let party_lists = std::iter::once(&record.countries)
        .chain(record.events.iter().map(|event| &event.parties))
        .chain(record.agreements.iter().map(|agreement| &agreement.parties));
    for parties in party_lists {
        for pair in pairs_of_parties(parties) {
            if let (Some(a), Some(b)) = pair {
                pairs.insert((a, b));
            }
        }
    }
    pairs
}

/// The pair columns for a list of parties: every sorted pair of distinct
/// parties; a lone party with `None` beside it; `(None, None)` when there is
/// no party, so that every item gets at least one row.
pub fn pairs_of_parties(parties: &[String]) -> Vec<PairColumns> {
    let distinct: BTreeSet<&String> = parties.iter().collect();
    let distinct: Vec<&String> = distinct.into_iter().collect();
    match distinct.len() {
        0 => vec![(None, None)],
        1 => vec![(Some(distinct[0].clone()), None)],
        _ => {
            let mut pairs = Vec::new();
            for (i, a) in distinct.iter().enumerate() {
                for b in &distinct[i + 1..] {
                    pairs.push((Some((*a).clone()), Some((*b).clone())));
                }
            }
            pairs
        }
    }
}

/// The rows of the events table.
pub fn event_rows(record: &Record) -> Vec<FactRow> {
    let mut rows = Vec::new();
    for (index, event) in record.events.iter().enumerate() {
        for pair in pairs_of_parties(&event.parties) {
            rows.push(FactRow {
                index,
                pair,
                kind: event.kind.as_str(),
                stage: event.modality.as_str(),
                topic: None,
                date: event.date.clone(),
                place: event.place.clone(),
            });
        }
    }
    rows
}

/// The rows of the agreements table.
pub fn agreement_rows(record: &Record) -> Vec<FactRow> {
    let mut rows = Vec::new();
    for (index, agreement) in record.agreements.iter().enumerate() {
        for pair in pairs_of_parties(&agreement.parties) {
            rows.push(FactRow {
                index,
                pair,
                kind: agreement.instrument.as_str(),
                stage: agreement.status.as_str(),
                topic: Some(agreement.topic.as_str()),
                date: agreement.date.clone(),
                place: agreement.place.clone(),
            });
        }
    }
    rows
}

/// The rows of the persons table.
pub fn person_rows(record: &Record) -> Vec<PersonRow> {
    record
        .persons
        .iter()
        .enumerate()
        .map(|(index, person)| PersonRow {
            index,
            name: person.name.clone(),
            country: person.country.clone(),
            role: person.role.as_str(),
        })
        .collect()
}

/// The distinct evidence sentences of a record, cut from `text` with their
/// spans, in text order, each with a one-line summary of the facts it
/// supports. Spans that do not fall on character boundaries of `text` are
/// skipped: they would come from a record extracted from another text.
pub fn evidence_rows(record: &Record, text: &str) -> Vec<EvidenceRow> {
    let mut facts: BTreeMap<Span, Vec<String>> = BTreeMap::new();
    let mut cite = |spans: &[Span], fact: String| {
        for span in spans {
            let list = facts.entry(*span).or_default();
            if !list.contains(&fact) {
                list.push(fact.clone());
            }
        }
    };
    for person in &record.persons {
        let country = person.country.as_deref().unwrap_or("?");
        let fact = format!("person: {} ({}, {country})", person.name, person.role);
        cite(&person.evidence, fact);
    }
    for event in &record.events {
        let fact = format!(
            "event: {} {} ({})",
            event.kind,
            event.parties.join("-"),
            event.modality
        );
        cite(&event.evidence, fact);
    }
    for agreement in &record.agreements {
        let fact = format!(
            "agreement: {} on {} {} ({})",
            agreement.instrument,
            agreement.topic,
            agreement.parties.join("-"),
            agreement.status
        );
        cite(&agreement.evidence, fact);
    }
    for quote in &record.quotes {
        cite(&quote.evidence, format!("quote: {}", quote.speaker));
    }
    facts
        .into_iter()
        .filter_map(|(span, facts)| {
            let sentence = text.get(span.start..span.end)?.trim();
            (!sentence.is_empty()).then(|| EvidenceRow {
                span,
                sentence: sentence.to_string(),
                facts,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parties(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|code| code.to_string()).collect()
    }

    fn pair(a: Option<&str>, b: Option<&str>) -> PairColumns {
        (a.map(str::to_string), b.map(str::to_string))
    }

    #[test]
    fn parties_become_sorted_distinct_pairs() {
        assert_eq!(pairs_of_parties(&[]), vec![pair(None, None)]);
        assert_eq!(
            pairs_of_parties(&parties(&["TGO", "TGO"])),
            vec![pair(Some("TGO"), None)]
        );
        assert_eq!(
            pairs_of_parties(&parties(&["TGO", "KAZ", "FRA"])),
            vec![
                pair(Some("FRA"), Some("KAZ")),
                pair(Some("FRA"), Some("TGO")),
                pair(Some("KAZ"), Some("TGO")),
            ]
        );
    }

    #[test]
    fn evidence_sentences_are_cut_from_the_text_and_name_their_facts() {
        let text = "Le Togo et le Kazakhstan. Autre phrase.";
        let document = entente_core::Document {
            id: "a".to_string(),
            text: text.to_string(),
            published: None,
            lang: Some("fr".to_string()),
        };
        let (mut record, _) = entente_core::extract(&document);
        assert_eq!(record.countries, ["KAZ", "TGO"]);
        assert_eq!(
            mentioned_pairs(&record).into_iter().collect::<Vec<_>>(),
            [("KAZ".to_string(), "TGO".to_string())]
        );
        record.quotes.push(entente_core::model::Quote {
            speaker: "X".to_string(),
            opening: "Le Togo".to_string(),
            evidence: vec![Span { start: 0, end: 25 }, Span { start: 1, end: 999 }],
        });
        let rows = evidence_rows(&record, text);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].sentence, "Le Togo et le Kazakhstan.");
        assert_eq!(rows[0].facts, ["quote: X"]);
    }
}
