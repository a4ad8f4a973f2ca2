//! The dossier as plain text for a terminal: one block per section, tables
//! with aligned columns (long cells are cut with an ellipsis), ISO dates,
//! "[2 sources]" counts, and citations as numbered notes listed at the end
//! with their document ids and sentences.

use std::fmt::Write;

use super::table::{cut, flatten, refs, table, table_rows};
use super::{
    Footnotes, documents_summary, event_label, human, or_dash, roles_summary, sources_label,
};
use crate::merge::{Dossier, PersonEntry, TimelineEvent};

/// The widest a cited sentence is printed in the notes, in characters.
const SENTENCE_WIDTH: usize = 240;

/// Renders a dossier as plain text.
pub fn render_text(dossier: &Dossier) -> String {
    let mut notes = Footnotes::default();
    let mut out = String::new();
    let [a, b] = &dossier.pair;
    let _ = writeln!(out, "DOSSIER {a}–{b}");
    let _ = writeln!(out, "{}", documents_summary(dossier));

    section(&mut out, "TIMELINE", dossier.timeline.len());
    let rows = dossier
        .timeline
        .iter()
        .map(|event| event_row(event, &mut notes))
        .collect();
    table(
        &mut out,
        &[
            "DATE", "EVENT", "PLACE", "HOST", "PERSONS", "STATUS", "SOURCES",
        ],
        rows,
        &[10, 40, 20, 4, 48, 8, 0],
    );

    section(&mut out, "AGREEMENTS", dossier.agreements.len());
    for agreement in &dossier.agreements {
        let mut head = format!(
            "{} {}: {}",
            human(agreement.topic.as_str()),
            human(agreement.instrument.as_str()),
            human(agreement.status.as_str())
        );
        if let Some(date) = &agreement.date {
            head.push_str(&format!(" {date}"));
        }
        if let Some(place) = &agreement.place {
            head.push_str(&format!(", {place}"));
        }
        let _ = writeln!(out, "  {head} [{}]", sources_label(agreement.source_count));
        if !agreement.signatories.is_empty() {
            let _ = writeln!(out, "    signatories: {}", agreement.signatories.join(", "));
        }
        let rows = agreement
            .stages
            .iter()
            .map(|stage| {
                vec![
                    human(stage.status.as_str()),
                    or_dash(stage.date.as_deref()),
                    or_dash(stage.place.as_deref()),
                    stage.doc_ids.join(", "),
                    refs(&notes.numbers(&stage.citations)),
                ]
            })
            .collect();
        table_rows(&mut out, "    ", rows, &[12, 10, 20, 30, 0]);
    }

    section(&mut out, "PEOPLE", dossier.people.len());
    people_table(&mut out, &dossier.people, &mut notes);

    let envoys = &dossier.envoys;
    section(
        &mut out,
        "ENVOYS AND HONORARY CONSULS",
        envoys.accreditations.len() + envoys.persons.len(),
    );
    let rows = envoys
        .accreditations
        .iter()
        .map(|event| event_row(event, &mut notes))
        .collect();
    table(
        &mut out,
        &[
            "DATE", "EVENT", "PLACE", "HOST", "PERSONS", "STATUS", "SOURCES",
        ],
        rows,
        &[10, 40, 20, 4, 48, 8, 0],
    );
    people_table(&mut out, &envoys.persons, &mut notes);

    section(&mut out, "SECTORS", dossier.sectors.len());
    let rows = dossier
        .sectors
        .iter()
        .map(|count| {
            vec![
                human(count.sector.as_str()),
                format!("{} of {}", count.documents, dossier.documents.len()),
                count.doc_ids.join(", "),
            ]
        })
        .collect();
    table(&mut out, &["SECTOR", "DOCUMENTS", "IDS"], rows, &[16, 9, 0]);

    section(&mut out, "COMMITMENTS", dossier.commitments.len());
    let rows = dossier
        .commitments
        .iter()
        .map(|commitment| {
            vec![
                or_dash(commitment.announced.as_deref()),
                human(&commitment.label),
                commitment.stage.clone(),
                or_dash(commitment.due.as_deref()),
                or_dash(commitment.place.as_deref()),
                format!(
                    "[{}] {}",
                    sources_label(commitment.source_count),
                    refs(&notes.numbers(&commitment.citations))
                ),
            ]
        })
        .collect();
    table(
        &mut out,
        &["ANNOUNCED", "WHAT", "STAGE", "DUE", "PLACE", "SOURCES"],
        rows,
        &[10, 40, 11, 10, 20, 0],
    );

    section(&mut out, "KEY QUOTES", dossier.quotes.len());
    for quote in &dossier.quotes {
        let country = quote
            .country
            .as_deref()
            .map(|code| format!(" ({code})"))
            .unwrap_or_default();
        let date = quote
            .citations
            .first()
            .and_then(|c| c.published.as_deref())
            .unwrap_or("undated");
        let _ = writeln!(
            out,
            "  {}{country}, {date} [{}] {}",
            quote.speaker,
            sources_label(quote.source_count),
            refs(&notes.numbers(&quote.citations))
        );
        let said = quote.sentence.as_deref().unwrap_or(&quote.opening);
        let _ = writeln!(out, "    {}", cut(&flatten(said), SENTENCE_WIDTH));
    }

    section(&mut out, "CONTRADICTIONS", dossier.contradictions.len());
    for contradiction in &dossier.contradictions {
        let _ = writeln!(
            out,
            "  {}: {} differs",
            contradiction.subject, contradiction.field
        );
        let rows = contradiction
            .values
            .iter()
            .map(|value| {
                let ids: Vec<&str> = value.citations.iter().map(|c| c.doc_id.as_str()).collect();
                vec![
                    human(&value.value),
                    ids.join(", "),
                    refs(&notes.numbers(&value.citations)),
                ]
            })
            .collect();
        table_rows(&mut out, "    ", rows, &[24, 30, 0]);
    }

    section(&mut out, "NOTES", notes.notes.len());
    for (index, citation) in notes.notes.iter().enumerate() {
        let published = citation.published.as_deref().unwrap_or("undated");
        let _ = writeln!(
            out,
            "  [{}] {} · {} · {published}",
            index + 1,
            citation.doc_id,
            citation.source
        );
        if !citation.sentence.is_empty() {
            let _ = writeln!(
                out,
                "      \"{}\"",
                cut(&flatten(&citation.sentence), SENTENCE_WIDTH)
            );
        }
    }
    out
}

/// A section heading with its item count; "none reported" when empty.
fn section(out: &mut String, title: &str, count: usize) {
    let _ = writeln!(out, "\n{title} ({count})");
    if count == 0 {
        let _ = writeln!(out, "  none reported");
    }
}

fn event_row(event: &TimelineEvent, notes: &mut Footnotes) -> Vec<String> {
    vec![
        or_dash(event.date.as_deref()),
        event_label(event),
        or_dash(event.place.as_deref()),
        or_dash(event.host.as_deref()),
        event.persons.join(", "),
        event.modality.as_str().to_string(),
        format!(
            "[{}] {}",
            sources_label(event.source_count),
            refs(&notes.numbers(&event.citations))
        ),
    ]
}

fn people_table(out: &mut String, people: &[PersonEntry], notes: &mut Footnotes) {
    let rows = people
        .iter()
        .map(|person| {
            let mut name = person.name.clone();
            if !person.variants.is_empty() {
                name.push_str(&format!(" (also {})", person.variants.join(", ")));
            }
            vec![
                name,
                or_dash(person.country.as_deref()),
                human(person.role.as_str()),
                roles_summary(person),
                format!(
                    "[{}] {}",
                    sources_label(person.source_count),
                    refs(&notes.numbers(&person.citations))
                ),
            ]
        })
        .collect();
    table(
        out,
        &["NAME", "COUNTRY", "ROLE", "REPORTED AS", "SOURCES"],
        rows,
        &[44, 7, 18, 48, 0],
    );
}
