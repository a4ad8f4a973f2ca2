//! Tests of the merge. Hand-built articles are written one item per line in a
//! small notation, and each item cites its own line, so a test reads as the
//! reports it merges:
//!
//! - an event: `visit 2023-11-28 Astana occurred` (type, date, place,
//!   modality; `-` for unknown, `_` for a space in a place);
//! - an agreement on visa exemption: `agreement memorandum signed 2025-09-24
//!   New_York` (instrument, status, signature date and place);
//! - a person: `person Kassym-Jomart_Tokayev KAZ head_of_state` (name,
//!   country, role).
//!
//! Every item is between Kazakhstan and Togo; a visit's host is Kazakhstan.

mod agreements;
mod articles;
mod events;
mod order;
mod people;

use super::*;
use crate::model::{Agreement, Event, EventType, Instrument, Modality, Person, Record, Role};
use crate::model::{Span, Status, Topic};

/// An article about the pair published on `published`, with one item per
/// line in the notation above.
fn article(id: &str, published: &str, lines: &[&str]) -> SourcedRecord {
    let mut record = Record {
        id: id.to_string(),
        lang: "en".to_string(),
        published: Some(published.to_string()),
        countries: pair(),
        persons: Vec::new(),
        events: Vec::new(),
        agreements: Vec::new(),
        sectors: Vec::new(),
        quotes: Vec::new(),
    };
    let mut text = String::new();
    for line in lines {
        let span = Span {
            start: text.len(),
            end: text.len() + line.len(),
        };
        text.push_str(line);
        text.push('\n');
        add_item(&mut record, line, span);
    }
    SourcedRecord {
        doc_id: id.to_string(),
        source: "wire".to_string(),
        published: Some(published.to_string()),
        title: None,
        text,
        record,
    }
}

fn add_item(record: &mut Record, line: &str, span: Span) {
    let words: Vec<&str> = line.split_whitespace().collect();
    let value = |index: usize| {
        let word = words.get(index).copied().unwrap_or("-");
        (word != "-").then(|| word.replace('_', " "))
    };
    let evidence = vec![span];
    match words[0] {
        "agreement" => record.agreements.push(Agreement {
            topic: Topic::VisaExemption,
            instrument: Instrument::parse(words[1]).expect("an instrument"),
            parties: pair(),
            status: Status::parse(words[2]).expect("a status"),
            date: value(3),
            place: value(4),
            signatories: Vec::new(),
            evidence,
        }),
        "person" => record.persons.push(Person {
            name: value(1).expect("a name"),
            country: value(2),
            role: Role::parse(words[3]).expect("a role"),
            evidence,
        }),
        kind => {
            let kind = EventType::parse(kind).expect("an event type");
            record.events.push(Event {
                kind,
                parties: pair(),
                host: (kind == EventType::Visit).then(|| "KAZ".to_string()),
                date: value(1),
                place: value(2),
                modality: Modality::parse(words[3]).expect("a modality"),
                participants: Vec::new(),
                evidence,
            });
        }
    }
}

fn pair() -> Vec<String> {
    vec!["KAZ".to_string(), "TGO".to_string()]
}

fn dossier(sources: &[SourcedRecord]) -> Dossier {
    build_dossier(["TGO", "KAZ"], sources)
}

/// An event of the timeline in the notation: "visit 2023-11-28 Astana
/// occurred [2]", with its number of sources.
fn event_line(event: &TimelineEvent) -> String {
    let or_dash = |value: &Option<String>| value.clone().unwrap_or("-".to_string());
    format!(
        "{} {} {} {} [{}]",
        event.kind,
        or_dash(&event.date),
        or_dash(&event.place).replace(' ', "_"),
        event.modality,
        event.source_count
    )
}

fn timeline(dossier: &Dossier) -> Vec<String> {
    dossier.timeline.iter().map(event_line).collect()
}

/// The contradictions as "field: value (ids) | value (ids)" lines.
fn disputes(dossier: &Dossier) -> Vec<String> {
    dossier
        .contradictions
        .iter()
        .map(|contradiction| {
            let values: Vec<String> = contradiction
                .values
                .iter()
                .map(|value| {
                    let ids: Vec<&str> =
                        value.citations.iter().map(|c| c.doc_id.as_str()).collect();
                    format!("{} ({})", value.value, ids.join(", "))
                })
                .collect();
            format!("{}: {}", contradiction.field, values.join(" | "))
        })
        .collect()
}

/// Every ordering of `items`.
fn permutations<T: Clone>(items: &[T]) -> Vec<Vec<T>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut all = Vec::new();
    for index in 0..items.len() {
        let mut rest = items.to_vec();
        let first = rest.remove(index);
        for mut tail in permutations(&rest) {
            tail.insert(0, first.clone());
            all.push(tail);
        }
    }
    all
}

#[test]
fn items_are_between_the_pair_in_any_order_and_case() {
    let pair = normalize_pair(["tgo", "KAZ"]);
    let parties = |codes: &[&str]| {
        codes
            .iter()
            .map(|code| code.to_string())
            .collect::<Vec<_>>()
    };
    assert!(is_pair(&parties(&["KAZ", "TGO"]), &pair));
    assert!(is_pair(&parties(&["tgo", "kaz"]), &pair));
    assert!(is_pair(&parties(&["Tgo", "KAZ"]), &pair));
    assert!(!is_pair(&parties(&["KAZ", "KAZ"]), &pair));
    assert!(!is_pair(&parties(&["KAZ"]), &pair));
    assert!(!is_pair(&parties(&["KAZ", "TGO", "UZB"]), &pair));
    assert!(!is_pair(&parties(&["KAZ", "TGOX"]), &pair));
    assert!(!is_pair(&parties(&["KAZ", "TGÖ"]), &pair));
    // A pair given unsorted matches nothing, as sorted codes never equal it.
    let unsorted = ["TGO".to_string(), "KAZ".to_string()];
    assert!(!is_pair(&parties(&["KAZ", "TGO"]), &unsorted));
}
