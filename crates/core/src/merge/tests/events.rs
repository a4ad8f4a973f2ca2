//! Tests of the timeline: which event mentions merge into one happening,
//! which stay apart, and how disagreements are kept.

use super::*;

#[test]
fn the_same_happening_from_two_sources_merges() {
    let a = article("a", "2023-11-29", &["visit 2023-11-28 Astana occurred"]);
    let b = article("b", "2023-12-10", &["visit 2023-11 - occurred"]);
    let dossier = dossier(&[a, b]);
    assert_eq!(timeline(&dossier), ["visit 2023-11-28 Astana occurred [2]"]);
    let event = &dossier.timeline[0];
    assert_eq!(event.host.as_deref(), Some("KAZ"));
    let cited: Vec<(&str, &str)> = event
        .citations
        .iter()
        .map(|c| (c.doc_id.as_str(), c.sentence.as_str()))
        .collect();
    assert_eq!(
        cited,
        [
            ("a", "visit 2023-11-28 Astana occurred"),
            ("b", "visit 2023-11 - occurred")
        ]
    );
    assert!(dossier.contradictions.is_empty());
}

#[test]
fn a_preview_and_the_report_merge_into_an_occurred_event() {
    let preview = article("a", "2023-11-20", &["visit 2023-11-27 Astana planned"]);
    let report = article("b", "2023-11-29", &["visit 2023-11-28 Astana occurred"]);
    let merged = dossier(&[preview.clone(), report]);
    // The report's date wins over the schedule, and a slip is no contradiction.
    assert_eq!(timeline(&merged), ["visit 2023-11-28 Astana occurred [2]"]);
    let modalities: Vec<Modality> = merged.timeline[0]
        .reports
        .iter()
        .map(|r| r.modality)
        .collect();
    assert_eq!(modalities, [Modality::Planned, Modality::Occurred]);
    assert!(merged.contradictions.is_empty() && merged.commitments.is_empty());
    // Alone, the preview is a commitment.
    let alone = dossier(&[preview]);
    let commitments: Vec<(&str, &str, Option<&str>)> = alone
        .commitments
        .iter()
        .map(|c| (c.label.as_str(), c.stage.as_str(), c.due.as_deref()))
        .collect();
    assert_eq!(commitments, [("visit", "planned", Some("2023-11-27"))]);
}

#[test]
fn an_undated_report_lies_before_its_article_and_a_preview_after() {
    let report = article("a", "2023-11-29", &["visit - - occurred"]);
    let preview = article("b", "2024-05-02", &["visit - - planned"]);
    let later = article("c", "2024-06-01", &["visit 2024-05-20 - occurred"]);
    assert_eq!(
        timeline(&dossier(&[report, preview, later])),
        ["visit 2024-05-20 - occurred [2]", "visit - - occurred [1]"]
    );
}

#[test]
fn different_happenings_stay_apart() {
    let sources = [
        article("a", "2023-03-10", &["visit 2023-03 - occurred"]),
        article("b", "2023-11-29", &["visit 2023-11 - occurred"]),
        article("c", "2023-11-29", &["meeting 2023-11 - occurred"]),
        article("d", "2023-11-29", &["visit 2023-12-05 - occurred"]),
        article("e", "2023-11-29", &["visit 2023-11-28 - occurred"]),
    ];
    assert_eq!(
        timeline(&dossier(&sources)),
        [
            "visit 2023-03 - occurred [1]",
            "meeting 2023-11 - occurred [1]",
            "visit 2023-11-28 - occurred [2]",
            "visit 2023-12-05 - occurred [1]",
        ]
    );
}

#[test]
fn two_events_of_one_article_stay_apart() {
    let lines = [
        "meeting 2023-11-28 - occurred",
        "meeting 2023-11-28 - occurred",
    ];
    assert_eq!(
        dossier(&[article("a", "2023-11-29", &lines)])
            .timeline
            .len(),
        2
    );
}

#[test]
fn disagreeing_dates_and_places_are_kept_as_contradictions() {
    // Dates a day apart in the same city: one visit, two dates.
    let a = article("a", "2023-11-29", &["visit 2023-11-27 Astana occurred"]);
    let b = article("b", "2023-11-29", &["visit 2023-11-28 Astana occurred"]);
    let c = article("c", "2023-11-30", &["visit 2023-11-28 - occurred"]);
    let dates = dossier(&[a, b.clone(), c]);
    assert_eq!(timeline(&dates), ["visit 2023-11-28 Astana occurred [3]"]);
    assert_eq!(
        disputes(&dates),
        ["date: 2023-11-27 (a) | 2023-11-28 (b, c)"]
    );
    // The same day in two cities: one visit, two places. A tie goes to the
    // shorter name, then to the first in alphabetical order; both stay listed.
    let d = article("d", "2023-11-30", &["visit 2023-11-28 Almaty occurred"]);
    let places = dossier(&[b, d]);
    assert_eq!(timeline(&places), ["visit 2023-11-28 Almaty occurred [2]"]);
    assert_eq!(disputes(&places), ["place: Almaty (d) | Astana (b)"]);
    // A day apart and in two cities: two visits.
    let e = article("e", "2023-11-30", &["visit 2023-11-29 Almaty occurred"]);
    let f = article("f", "2023-11-30", &["visit 2023-11-28 Astana occurred"]);
    assert_eq!(dossier(&[e, f]).timeline.len(), 2);
}

#[test]
fn place_variants_agree() {
    let a = article(
        "a",
        "2025-09-25",
        &["meeting 2025-09-24 New_York_City occurred"],
    );
    let b = article("b", "2025-09-26", &["meeting 2025-09-24 New_York occurred"]);
    let c = article("c", "2025-09-26", &["meeting 2025-09-24 new_york occurred"]);
    let dossier = dossier(&[a, b, c]);
    assert_eq!(
        timeline(&dossier),
        ["meeting 2025-09-24 New_York occurred [3]"]
    );
    assert!(dossier.contradictions.is_empty());
}

#[test]
fn an_ambiguous_mention_stays_apart_rather_than_guess() {
    // Two meetings in one article, three days apart; a third article's
    // meeting between them could be either.
    let a = article(
        "a",
        "2023-11-30",
        &[
            "meeting 2023-11-24 - occurred",
            "meeting 2023-11-28 - occurred",
        ],
    );
    let b = article("b", "2023-11-30", &["meeting 2023-11-26 - occurred"]);
    assert_eq!(
        timeline(&dossier(&[a, b])),
        [
            "meeting 2023-11-24 - occurred [1]",
            "meeting 2023-11-26 - occurred [1]",
            "meeting 2023-11-28 - occurred [1]",
        ]
    );
}
