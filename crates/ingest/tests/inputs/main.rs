//! Integration tests of entente-ingest's public reader, [`read_inputs`], on
//! fixtures under `test_data/`: one module per input format, plus folder
//! walks. They are one test binary, as in ripgrep, so they build once.

mod extraction;
mod feeds;
mod folders;
mod html;

use std::path::{Path, PathBuf};

use entente_ingest::{IngestError, SourcedDocument, read_inputs};

/// The path of a fixture under `crates/ingest/test_data/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data")
        .join(name)
}

/// The title and the paragraphs of an example article of the project, read
/// from `examples/articles/` (the texts were written for the project).
pub fn example_article(id: &str) -> (String, Vec<String>) {
    let text = std::fs::read_to_string(example_path(id)).unwrap();
    let mut blocks = text.split("\n\n").map(|block| block.trim().to_string());
    let title = blocks.next().unwrap();
    (title, blocks.filter(|block| !block.is_empty()).collect())
}

/// The path of an example article of the project.
pub fn example_path(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/articles")
        .join(format!("{id}.txt"))
}

/// Reads `paths` and splits the results into documents and errors.
pub fn read_all(paths: &[PathBuf]) -> (Vec<SourcedDocument>, Vec<IngestError>) {
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for result in read_inputs(paths) {
        match result {
            Ok(document) => documents.push(document),
            Err(error) => errors.push(error),
        }
    }
    (documents, errors)
}

/// The message and its sources joined by ": ", as anyhow's `{:#}` prints.
pub fn format_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}
