//! The acceptance criterion of HTML ingest: the extractor gives the same
//! record on a saved page as on the clean text of the same article.

use entente_core::{Document, extract};
use entente_ingest::{SourcedDocument, read_inputs};
use serde_json::Value;

use crate::{example_path, fixture};

/// A record as JSON without its evidence spans, which are byte offsets into
/// texts that differ by their furniture.
fn without_evidence(value: Value) -> Value {
    match value {
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .filter(|(key, _)| key != "evidence")
                .map(|(key, value)| (key, without_evidence(value)))
                .collect(),
        ),
        Value::Array(values) => Value::Array(values.into_iter().map(without_evidence).collect()),
        other => other,
    }
}

fn check_same_record(page: &str, example: &str) {
    let page: SourcedDocument = read_inputs(&[fixture(&format!("html/{page}"))])
        .next()
        .unwrap()
        .unwrap();
    let clean = Document {
        id: page.document.id.clone(),
        text: std::fs::read_to_string(example_path(example)).unwrap(),
        published: page.document.published,
        lang: None,
    };
    let (from_page, _) = extract(&page.document);
    let (from_clean, _) = extract(&clean);
    let from_page = without_evidence(serde_json::to_value(&from_page).unwrap());
    let from_clean = without_evidence(serde_json::to_value(&from_clean).unwrap());
    assert!(
        !from_clean["countries"].as_array().unwrap().is_empty(),
        "{from_clean:#}"
    );
    for field in [
        "lang",
        "countries",
        "persons",
        "events",
        "agreements",
        "sectors",
    ] {
        assert_eq!(
            from_page[field], from_clean[field],
            "{example}: `{field}` differs between the page and the clean text"
        );
    }
}

#[test]
fn a_french_page_gives_the_record_of_its_clean_text() {
    check_same_record("diplomatie-paris-abidjan.html", "dev-fr-001");
}

#[test]
fn an_english_page_gives_the_record_of_its_clean_text() {
    check_same_record("india-kenya-credit-line.html", "dev-en-002");
}

#[test]
fn a_windows_1252_page_gives_the_record_of_its_clean_text() {
    check_same_record("echo-rabat-brasilia-cp1252.html", "dev-fr-005");
}
