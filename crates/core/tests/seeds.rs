//! Snapshot tests of the records of the two seed articles. The seed texts
//! belong to their publishers, so they are read from the shared folder beside
//! the project and never copied into it; the snapshots hold only the records.

use std::path::PathBuf;

use entente_core::{Document, extract};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn seed(id: &str, published: &str) -> Document {
    let path = shared().join("corpus/seeds").join(format!("{id}.txt"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read the seed article {}: {error}", path.display()));
    Document {
        id: id.to_string(),
        text,
        published: Some(published.parse().expect("a valid date")),
        lang: None,
    }
}

#[test]
fn seed_000_visit_to_astana() {
    let (record, diagnostics) = extract(&seed("seed-000", "2023-11-28"));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    insta::assert_json_snapshot!(record);
}

#[test]
fn seed_003_visa_exemption_signed_in_new_york() {
    let (record, diagnostics) = extract(&seed("seed-003", "2025-09-25"));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    insta::assert_json_snapshot!(record);
}
