//! Property tests: extraction never panics, whatever the text, and every
//! evidence span it returns lies on character boundaries of the text. The
//! inputs mix article-like French and English fragments with arbitrary
//! Unicode, punctuation and multi-byte dashes and quotes.

use entente_core::model::Span;
use entente_core::{Document, extract};
use proptest::prelude::*;

/// Pieces of news prose and typography that exercise every stage.
const FRAGMENTS: &[&str] = &[
    "Le président togolais Faure Gnassingbé a reçu mardi à Lomé ",
    "son homologue kazakh, ",
    "« Nous voulons aller plus loin », a-t-il déclaré. ",
    "ABIDJAN, 9 déc. 2022 – ",
    "HANOI (Wire) — ",
    "The two sides signed five memoranda of understanding, ",
    "an agreement on air services, on health and on visas. ",
    "“We agree,” he said on Tuesday. ",
    "l'ambassadeur du Qatar au Tchad, M. Ali Sossal Brahim, ",
    "les relations diplomatiques, établies en 1984, ",
    "Le ministre ivoirien des Affaires étrangères, ",
    "PÉKIN – ",
    "Kenyan President William Ruto will visit Japan next week. ",
    "‘’Le Kazakhstan souhaite promouvoir une coopération’’ ",
    "\n\n",
    "É",
    "—",
    "–",
    "«",
    "»",
    "’",
    "\u{a0}",
    "\u{202f}",
    "ᵉ",
    "N°1",
    "…",
];

fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

fn check_span(text: &str, span: &Span) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} out of {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn extraction_never_panics_and_cites_valid_spans(text in article_text(), french in any::<bool>()) {
        let document = Document {
            id: "property".to_string(),
            text: text.clone(),
            published: Some(jiff::civil::date(2025, 9, 25)),
            lang: Some(if french { "fr" } else { "en" }.to_string()),
        };
        let (record, _) = extract(&document);
        for person in &record.persons {
            person.evidence.iter().for_each(|span| check_span(&text, span));
        }
        for event in &record.events {
            event.evidence.iter().for_each(|span| check_span(&text, span));
        }
        for agreement in &record.agreements {
            agreement.evidence.iter().for_each(|span| check_span(&text, span));
        }
        for quote in &record.quotes {
            quote.evidence.iter().for_each(|span| check_span(&text, span));
        }
    }
}
