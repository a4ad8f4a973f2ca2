//! Writes the compatibility fixture of the current schema version: a small
//! store with three example articles, one of them in two versions, which
//! `tests/compat.rs` reopens with every later entente. Run it once when a
//! schema version is released, and commit its output:
//!
//! `cargo run -p entente-store --example write_compat_fixture -- crates/store/tests/compat/v1.db`

use std::path::PathBuf;

use entente_core::Document;
use entente_ingest::read_inputs;
use entente_store::{SourcedInput, SqliteStore, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(output) = std::env::args_os().nth(1).map(PathBuf::from) else {
        return Err("usage: write_compat_fixture OUTPUT.db".into());
    };
    if output.exists() {
        return Err(format!("{}: already exists; remove it first", output.display()).into());
    }
    let manifest = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/articles.jsonl"
    ));
    let mut store = SqliteStore::open(&output)?;
    for entry in read_inputs(&[manifest]) {
        let mut sourced = entry?;
        if !["dev-fr-001", "dev-fr-002", "dev-en-001"].contains(&sourced.document.id.as_str()) {
            continue;
        }
        // Sources are stored as given; keep them short and machine-independent.
        sourced.source = format!("examples/articles/{}.txt", sourced.document.id);
        put(&mut store, &sourced.document, &sourced.source)?;
        if sourced.document.id == "dev-fr-001" {
            let mut revised = sourced.document.clone();
            revised
                .text
                .push_str("\nMise à jour : la visite a été confirmée.\n");
            put(&mut store, &revised, &sourced.source)?;
        }
    }
    drop(store);
    println!("wrote {}", output.display());
    Ok(())
}

fn put(store: &mut SqliteStore, document: &Document, source: &str) -> entente_store::Result<()> {
    let (record, _) = entente_core::extract(document);
    let input = SourcedInput {
        document,
        source,
        title: None,
        content_hash: None,
    };
    store.put(&input, &record)?;
    Ok(())
}
