//! Tests that the dossier does not depend on the order of its input, that it
//! round-trips through JSON, and that both renderings carry its sections,
//! counts and notes.

use super::*;

/// Articles with a bit of everything: a lifecycle, a preview and its report,
/// a surname resolved across articles, meetings that disagree on the day.
fn varied() -> Vec<SourcedRecord> {
    vec![
        article(
            "a",
            "2023-11-28",
            &["agreement agreement proposed", "visit - Astana planned"],
        ),
        article(
            "b",
            "2025-09-25",
            &[
                "agreement memorandum signed 2025-09-24 New_York",
                "visit 2023 - occurred",
                "person Tokayev - other",
            ],
        ),
        article(
            "c",
            "2026-01-10",
            &[
                "agreement agreement in_force",
                "person Kassym-Jomart_Tokaïev KAZ head_of_state",
            ],
        ),
        article("d", "2023-11-29", &["meeting 2023-11-28 Astana occurred"]),
        article("e", "2023-11-30", &["meeting 2023-11-27 - occurred"]),
    ]
}

#[test]
fn the_dossier_does_not_depend_on_the_input_order() {
    let sources = varied();
    let expected = dossier(&sources);
    assert_eq!(
        expected.contradictions.len(),
        1,
        "{:#?}",
        expected.contradictions
    );
    for permutation in permutations(&sources) {
        assert_eq!(dossier(&permutation), expected);
    }
    // An article given twice counts once.
    let mut repeated = sources.clone();
    repeated.push(sources[1].clone());
    assert_eq!(dossier(&repeated), expected);
}

#[test]
fn a_dossier_round_trips_through_json() {
    let dossier = dossier(&varied());
    let json = serde_json::to_string(&dossier).expect("a dossier serialises");
    let back: Dossier = serde_json::from_str(&json).expect("a dossier deserialises");
    assert_eq!(back, dossier);
    assert!(json.contains(r#""type":"visit""#) && json.contains(r#""status":"in_force""#));
}

#[test]
fn the_text_rendering_aligns_counts_and_numbers_citations() {
    let text = render_text(&dossier(&varied()));
    assert!(
        text.starts_with("DOSSIER KAZ–TGO\n5 documents, 2023-11-28 to 2026-01-10\n"),
        "{text}"
    );
    let timeline: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.starts_with("TIMELINE"))
        .take(4)
        .collect();
    assert_eq!(
        timeline,
        [
            "TIMELINE (2)",
            "  DATE        EVENT    PLACE   HOST  PERSONS  STATUS    SOURCES",
            "  2023        visit    Astana  KAZ            occurred  [2 sources] [1, 2]",
            "  2023-11-27  meeting  Astana  –              occurred  [2 sources] [3, 4]",
        ]
    );
    assert!(
        text.contains("\nNOTES (")
            && text.contains("  [1] a · wire · 2023-11-28\n      \"visit - Astana planned\""),
        "{text}"
    );
}

#[test]
fn the_markdown_rendering_has_sections_tables_and_footnotes() {
    let markdown = render_markdown(&dossier(&varied()));
    assert!(markdown.starts_with("# KAZ–TGO dossier\n"), "{markdown}");
    for section in [
        "Timeline",
        "Agreements",
        "People",
        "Envoys and honorary consuls",
        "Sectors",
        "Commitments",
        "Key quotes",
        "Contradictions",
        "Sources",
    ] {
        assert!(
            markdown.contains(&format!("\n\n## {section}\n\n")),
            "no {section} in {markdown}"
        );
    }
    assert!(
        markdown.contains("| 2023 | visit | Astana | KAZ |  | occurred | 2 [^1][^2] |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("\n[^1]: `a`, wire, 2023-11-28: “visit - Astana planned”\n"),
        "{markdown}"
    );
}

#[test]
fn a_dossier_without_articles_says_so() {
    let empty = dossier(&[]);
    assert_eq!(empty.pair, ["KAZ", "TGO"]);
    let text = render_text(&empty);
    assert!(
        text.starts_with("DOSSIER KAZ–TGO\n0 documents\n\nTIMELINE (0)\n  none reported\n"),
        "{text}"
    );
    assert!(render_markdown(&empty).contains("\n## Timeline\n\nNone reported.\n"));
}
