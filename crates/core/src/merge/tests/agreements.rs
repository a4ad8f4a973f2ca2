//! Tests of agreements: which mentions are one agreement, the lifecycle of
//! stages, commitments, and disagreements over the stage reached.

use super::*;

/// The lifecycle of the visa agreement in three articles.
fn lifecycle() -> Vec<SourcedRecord> {
    vec![
        article("a", "2023-11-28", &["agreement agreement proposed"]),
        article(
            "b",
            "2025-09-25",
            &["agreement memorandum signed 2025-09-24 New_York"],
        ),
        article("c", "2026-01-10", &["agreement agreement in_force"]),
    ]
}

/// The stages of an agreement as "status date place [doc ids]" lines.
fn stages(agreement: &AgreementEntry) -> Vec<String> {
    let or_dash = |value: &Option<String>| value.clone().unwrap_or("-".to_string());
    agreement
        .stages
        .iter()
        .map(|stage| {
            let ids = stage.doc_ids.join(", ");
            let (date, place) = (or_dash(&stage.date), or_dash(&stage.place));
            format!("{} {date} {place} [{ids}]", stage.status)
        })
        .collect()
}

#[test]
fn a_lifecycle_is_ordered_whatever_the_input_order() {
    for sources in permutations(&lifecycle()) {
        let dossier = dossier(&sources);
        assert_eq!(dossier.agreements.len(), 1);
        let agreement = &dossier.agreements[0];
        assert_eq!(agreement.status, Status::InForce);
        // A generic "agreement" is the memorandum one article names.
        assert_eq!(agreement.instrument, Instrument::Memorandum);
        assert_eq!(
            stages(agreement),
            [
                "proposed 2023-11-28 - [a]",
                "signed 2025-09-24 New York [b]",
                "in_force 2026-01-10 - [c]",
            ]
        );
        assert_eq!(agreement.source_count, 3);
        assert!(dossier.commitments.is_empty() && dossier.contradictions.is_empty());
    }
}

#[test]
fn a_ratification_with_a_signature_date_implies_the_signing() {
    let dossier = dossier(&[article(
        "a",
        "2025-11-21",
        &["agreement treaty ratified 2024 Astana"],
    )]);
    assert_eq!(
        stages(&dossier.agreements[0]),
        ["signed 2024 Astana [a]", "ratified 2025-11-21 - [a]"]
    );
}

#[test]
fn other_instruments_and_later_proposals_are_other_agreements() {
    let sources = [
        article("a", "2025-09-25", &["agreement treaty signed 2025-09-24"]),
        article(
            "b",
            "2025-09-25",
            &["agreement memorandum signed 2025-09-24"],
        ),
        // Wished for after the signing: a new agreement, still to come.
        article("c", "2026-02-01", &["agreement agreement proposed"]),
    ];
    let dossier = dossier(&sources);
    assert_eq!(dossier.agreements.len(), 3);
    let commitments: Vec<(&str, &str, Option<&str>)> = dossier
        .commitments
        .iter()
        .map(|c| (c.label.as_str(), c.stage.as_str(), c.announced.as_deref()))
        .collect();
    assert_eq!(
        commitments,
        [("visa_exemption agreement", "proposed", Some("2026-02-01"))]
    );
}

#[test]
fn signatures_years_apart_are_other_agreements() {
    let old = article(
        "a",
        "2015-06-02",
        &["agreement agreement signed 2015-06-01"],
    );
    let new = article(
        "b",
        "2025-09-25",
        &["agreement agreement signed 2025-09-24"],
    );
    assert_eq!(dossier(&[old, new]).agreements.len(), 2);
}

#[test]
fn different_stages_reported_the_same_day_are_a_contradiction() {
    let a = article("a", "2025-09-25", &["agreement agreement signed"]);
    let b = article("b", "2025-09-25", &["agreement agreement negotiating"]);
    let dossier = dossier(&[a, b]);
    assert_eq!(dossier.agreements.len(), 1);
    assert_eq!(dossier.agreements[0].status, Status::Signed);
    assert_eq!(
        dossier.contradictions[0].subject,
        "agreement visa_exemption on 2025-09-25"
    );
    assert_eq!(disputes(&dossier), ["status: negotiating (b) | signed (a)"]);
}

#[test]
fn disagreeing_signature_dates_are_kept() {
    let a = article(
        "a",
        "2025-09-25",
        &["agreement agreement signed 2025-09-24 New_York"],
    );
    let b = article(
        "b",
        "2025-09-26",
        &["agreement agreement signed 2025-09-23 New_York"],
    );
    let c = article(
        "c",
        "2025-09-27",
        &["agreement agreement signed 2025-09-24"],
    );
    let dossier = dossier(&[a, b, c]);
    assert_eq!(dossier.agreements[0].date.as_deref(), Some("2025-09-24"));
    assert_eq!(
        disputes(&dossier),
        ["date: 2025-09-23 (b) | 2025-09-24 (a, c)"]
    );
}

#[test]
fn a_scheduled_signing_gives_its_date_to_the_agreement_commitment() {
    let mut source = article("a", "2025-07-21", &["agreement agreement negotiating"]);
    let agreement = source.record.agreements[0].clone();
    source.record.events.push(Event {
        kind: EventType::AgreementSigned,
        parties: pair(),
        host: None,
        date: Some("2025-07-23".to_string()),
        place: None,
        modality: Modality::Planned,
        participants: Vec::new(),
        evidence: agreement.evidence,
    });
    let dossier = dossier(&[source]);
    assert_eq!(dossier.timeline[0].topics, [Topic::VisaExemption]);
    let commitments: Vec<(&str, Option<&str>)> = dossier
        .commitments
        .iter()
        .map(|c| (c.label.as_str(), c.due.as_deref()))
        .collect();
    assert_eq!(
        commitments,
        [("visa_exemption agreement", Some("2025-07-23"))]
    );
}
