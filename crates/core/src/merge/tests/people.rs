//! Tests of the people registry, the key quotes, and which items and persons
//! belong to the pair's dossier.

use super::*;
use crate::model::Quote;

/// The people as "name (variants) country role [sources]" lines.
fn people(dossier: &Dossier) -> Vec<String> {
    dossier
        .people
        .iter()
        .map(|person| {
            let country = person.country.as_deref().unwrap_or("-");
            let variants = person.variants.join(", ");
            let (role, count) = (person.role, person.source_count);
            format!("{} ({variants}) {country} {role} [{count}]", person.name)
        })
        .collect()
}

#[test]
fn people_are_resolved_across_spellings_and_filled_from_other_articles() {
    let a = article(
        "a",
        "2023-11-28",
        &[
            "person Kassym-Jomart_Tokayev KAZ head_of_state",
            "visit - - occurred",
        ],
    );
    let b = article(
        "b",
        "2024-02-01",
        &["person Tokaïev - other", "meeting - - occurred"],
    );
    let c = article("c", "2024-03-01", &["person Ivanov RUS minister"]);
    let dossier = dossier(&[a, b, c]);
    assert_eq!(
        people(&dossier),
        ["Kassym-Jomart Tokayev (Tokaïev) KAZ head_of_state [2]"]
    );
    let reported: Vec<(Role, Option<&str>)> = dossier.people[0]
        .roles
        .iter()
        .map(|report| (report.role, report.first_reported.as_deref()))
        .collect();
    assert_eq!(
        reported,
        [
            (Role::HeadOfState, Some("2023-11-28")),
            (Role::Other, Some("2024-02-01"))
        ]
    );
}

#[test]
fn a_surname_shared_by_two_persons_resolves_within_its_article() {
    let a = article(
        "a",
        "2020-01-01",
        &[
            "person Faure_Gnassingbé TGO head_of_state",
            "person Eyadéma_Gnassingbé TGO other",
            "visit - - occurred",
        ],
    );
    let b = article(
        "b",
        "2020-01-02",
        &[
            "person Gnassingbé TGO head_of_state",
            "person Faure_Gnassingbé - other",
        ],
    );
    let c = article("c", "2020-01-03", &["person Gnassingbé TGO head_of_state"]);
    let d = article("d", "2020-01-04", &["person Gnassingbé TGO head_of_state"]);
    // In b the bare surname is Faure, the only Gnassingbé b names in full; in
    // c and d it could be either, so it stays apart rather than guess.
    assert_eq!(
        people(&dossier(&[a, b, c, d])),
        [
            "Faure Gnassingbé (Gnassingbé) TGO head_of_state [2]",
            "Gnassingbé () TGO head_of_state [2]",
            "Eyadéma Gnassingbé () TGO other [1]",
        ]
    );
}

#[test]
fn a_country_disagreement_is_kept_and_settled_by_the_most_mentions() {
    let mut a = article(
        "a",
        "2023-11-28",
        &[
            "person Faure_Gnassingbé TGO head_of_state",
            "visit - - occurred",
        ],
    );
    a.record.persons[0].evidence.push(Span { start: 0, end: 6 });
    let b = article(
        "b",
        "2025-09-25",
        &["person Faure_Essozimna_Gnassingbé KAZ head_of_state"],
    );
    let dossier = dossier(&[a, b]);
    assert_eq!(
        people(&dossier),
        ["Faure Essozimna Gnassingbé (Faure Gnassingbé) TGO head_of_state [2]"]
    );
    assert_eq!(disputes(&dossier), ["country: KAZ (b) | TGO (a)"]);
}

#[test]
fn only_items_between_exactly_the_pair_are_kept() {
    let mut a = article(
        "a",
        "2023-11-28",
        &["meeting - - occurred", "agreement agreement signed"],
    );
    a.record.events[0].parties.push("RUS".to_string());
    let mut b = article(
        "b",
        "2023-11-28",
        &[
            "agreement agreement signed",
            "person Faure_Gnassingbé TGO head_of_state",
        ],
    );
    b.record.agreements[0].parties = vec!["RUS".to_string(), "TGO".to_string()];
    b.record.countries = vec!["RUS".to_string(), "TGO".to_string()];
    let dossier = dossier(&[a, b]);
    assert!(dossier.timeline.is_empty() && dossier.people.is_empty());
    assert_eq!(dossier.agreements.len(), 1);
    let ids: Vec<&str> = dossier
        .documents
        .iter()
        .map(|d| d.doc_id.as_str())
        .collect();
    assert_eq!(ids, ["a"]);
}

#[test]
fn quotes_keep_their_sentence_and_merge_across_articles() {
    let mut sources = Vec::new();
    for (id, opening) in [("a", "Cet accord ouvre des"), ("b", "« cet accord, ouvre")] {
        let sentence = "person Robert_Dussey TGO foreign_minister";
        let mut source = article(id, "2025-09-25", &[sentence]);
        let evidence = source.record.persons[0].evidence.clone();
        source.record.quotes.push(Quote {
            speaker: "Dussey".to_string(),
            opening: opening.to_string(),
            evidence,
        });
        sources.push(source);
    }
    let dossier = dossier(&sources);
    let quotes: Vec<(&str, &str, Option<&str>, usize)> = dossier
        .quotes
        .iter()
        .map(|q| {
            (
                q.speaker.as_str(),
                q.opening.as_str(),
                q.sentence.as_deref(),
                q.source_count,
            )
        })
        .collect();
    let sentence = Some("person Robert_Dussey TGO foreign_minister");
    assert_eq!(
        quotes,
        [("Robert Dussey", "Cet accord ouvre des", sentence, 2)]
    );
}
