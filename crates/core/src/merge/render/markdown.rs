//! The dossier as Markdown: a heading per section, a table per list, each
//! agreement under its own heading with its stages, and citations as
//! footnotes (`[^1]`) defined at the end with their document ids and
//! sentences.

use std::fmt::Write;

use super::{
    Footnotes, documents_summary, event_label, human, or_dash, roles_summary, sources_label,
};
use crate::merge::{Citation, Dossier, PersonEntry, TimelineEvent};

/// Renders a dossier as Markdown.
pub fn render_markdown(dossier: &Dossier) -> String {
    let mut notes = Footnotes::default();
    let mut out = String::new();
    let [a, b] = &dossier.pair;
    let _ = writeln!(out, "# {a}–{b} dossier\n");
    let _ = writeln!(out, "{}.", documents_summary(dossier));
    if !dossier.documents.is_empty() {
        let _ = writeln!(out);
        for document in &dossier.documents {
            let title = document
                .title
                .as_deref()
                .map(|title| format!(": {}", cell(title)))
                .unwrap_or_default();
            let published = or_dash(document.published.as_deref());
            let _ = writeln!(
                out,
                "- `{}` ({}, {published}){title}",
                document.doc_id,
                cell(&document.source)
            );
        }
    }

    heading(&mut out, "Timeline", dossier.timeline.is_empty());
    events_table(&mut out, &dossier.timeline, &mut notes);

    heading(&mut out, "Agreements", dossier.agreements.is_empty());
    for agreement in &dossier.agreements {
        let _ = writeln!(
            out,
            "### {} {}: {}\n",
            capitalised(&human(agreement.topic.as_str())),
            human(agreement.instrument.as_str()),
            human(agreement.status.as_str())
        );
        let signature = [agreement.date.as_deref(), agreement.place.as_deref()];
        let signature: Vec<&str> = signature.into_iter().flatten().collect();
        if !signature.is_empty() {
            let _ = writeln!(out, "- Signed: {}", signature.join(", "));
        }
        if !agreement.signatories.is_empty() {
            let _ = writeln!(out, "- Signatories: {}", agreement.signatories.join(", "));
        }
        let _ = writeln!(
            out,
            "- Reported by {}\n",
            sources_label(agreement.source_count)
        );
        let _ = writeln!(
            out,
            "| Stage | Date | Place | Documents | Citations |\n|---|---|---|---|---|"
        );
        for stage in &agreement.stages {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                human(stage.status.as_str()),
                or_dash(stage.date.as_deref()),
                cell(&or_dash(stage.place.as_deref())),
                stage.doc_ids.join(", "),
                refs(&mut notes, &stage.citations)
            );
        }
        let _ = writeln!(out);
    }

    heading(&mut out, "People", dossier.people.is_empty());
    people_table(&mut out, &dossier.people, &mut notes);

    let envoys = &dossier.envoys;
    heading(
        &mut out,
        "Envoys and honorary consuls",
        envoys.accreditations.is_empty() && envoys.persons.is_empty(),
    );
    events_table(&mut out, &envoys.accreditations, &mut notes);
    people_table(&mut out, &envoys.persons, &mut notes);

    heading(&mut out, "Sectors", dossier.sectors.is_empty());
    if !dossier.sectors.is_empty() {
        let _ = writeln!(out, "| Sector | Documents | Ids |\n|---|---|---|");
        for count in &dossier.sectors {
            let _ = writeln!(
                out,
                "| {} | {} of {} | {} |",
                human(count.sector.as_str()),
                count.documents,
                dossier.documents.len(),
                count.doc_ids.join(", ")
            );
        }
        let _ = writeln!(out);
    }

    heading(&mut out, "Commitments", dossier.commitments.is_empty());
    if !dossier.commitments.is_empty() {
        let _ = writeln!(
            out,
            "| Announced | What | Stage | Due | Place | Sources |\n|---|---|---|---|---|---|"
        );
        for commitment in &dossier.commitments {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} {} |",
                or_dash(commitment.announced.as_deref()),
                human(&commitment.label),
                commitment.stage,
                or_dash(commitment.due.as_deref()),
                cell(&or_dash(commitment.place.as_deref())),
                commitment.source_count,
                refs(&mut notes, &commitment.citations)
            );
        }
        let _ = writeln!(out);
    }

    heading(&mut out, "Key quotes", dossier.quotes.is_empty());
    for quote in &dossier.quotes {
        let said = quote.sentence.as_deref().unwrap_or(&quote.opening);
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
            "> {}\n>\n> — {}{country}, {date} {}\n",
            flatten(said),
            quote.speaker,
            refs(&mut notes, &quote.citations)
        );
    }

    heading(
        &mut out,
        "Contradictions",
        dossier.contradictions.is_empty(),
    );
    for contradiction in &dossier.contradictions {
        let values: Vec<String> = contradiction
            .values
            .iter()
            .map(|value| {
                format!(
                    "{} {}",
                    human(&value.value),
                    refs(&mut notes, &value.citations)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "- **{}**, {}: {}",
            contradiction.subject,
            contradiction.field,
            values.join(" vs ")
        );
    }

    if !notes.notes.is_empty() {
        heading(&mut out, "Sources", false);
        for (index, citation) in notes.notes.iter().enumerate() {
            let published = citation.published.as_deref().unwrap_or("undated");
            let sentence = if citation.sentence.is_empty() {
                String::new()
            } else {
                format!(": “{}”", flatten(&citation.sentence))
            };
            let _ = writeln!(
                out,
                "[^{}]: `{}`, {}, {published}{sentence}",
                index + 1,
                citation.doc_id,
                flatten(&citation.source)
            );
        }
    }
    out
}

/// A second-level heading, with a line saying so when the section is empty.
fn heading(out: &mut String, title: &str, empty: bool) {
    while out.ends_with("\n\n") {
        out.pop();
    }
    let _ = writeln!(out, "\n## {title}\n");
    if empty {
        let _ = writeln!(out, "None reported.");
    }
}

fn events_table(out: &mut String, events: &[TimelineEvent], notes: &mut Footnotes) {
    if events.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "| Date | Event | Place | Host | Persons | Status | Sources |\n|---|---|---|---|---|---|---|"
    );
    for event in events {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} {} |",
            or_dash(event.date.as_deref()),
            event_label(event),
            cell(&or_dash(event.place.as_deref())),
            or_dash(event.host.as_deref()),
            cell(&event.persons.join(", ")),
            event.modality,
            event.source_count,
            refs(notes, &event.citations)
        );
    }
    let _ = writeln!(out);
}

fn people_table(out: &mut String, people: &[PersonEntry], notes: &mut Footnotes) {
    if people.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "| Name | Also | Country | Role | Reported as | Sources |\n|---|---|---|---|---|---|"
    );
    for person in people {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} {} |",
            cell(&person.name),
            cell(&person.variants.join(", ")),
            or_dash(person.country.as_deref()),
            human(person.role.as_str()),
            roles_summary(person),
            person.source_count,
            refs(notes, &person.citations)
        );
    }
    let _ = writeln!(out);
}

/// Footnote references: `[^1][^2]`.
fn refs(notes: &mut Footnotes, citations: &[Citation]) -> String {
    notes
        .numbers(citations)
        .iter()
        .map(|number| format!("[^{number}]"))
        .collect()
}

/// Text safe inside a table cell: on one line, with pipes escaped.
fn cell(text: &str) -> String {
    flatten(text).replace('|', "\\|")
}

/// Text on one line: every run of whitespace as one space.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
