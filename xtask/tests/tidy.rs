//! Tidy checks that run with `cargo test`: every Rust source file of the
//! project opens with a `//!` paragraph that says what it is for, and the
//! lexicon TSV files open with a `#` header that names their sources and
//! license.

use std::path::{Path, PathBuf};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the workspace")
        .to_path_buf()
}

/// Every file under `dir` whose name ends with `extension`, skipping build
/// output and hidden folders.
fn files(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        if path.is_dir() {
            files(&path, extension, found);
        } else if name.ends_with(extension) {
            found.push(path);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let root = workspace_root();
    let mut sources = Vec::new();
    files(&root.join("crates"), ".rs", &mut sources);
    files(&root.join("xtask"), ".rs", &mut sources);
    assert!(
        sources.len() > 20,
        "found only {} Rust files",
        sources.len()
    );
    let missing: Vec<String> = sources
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let first = text
                .lines()
                .find(|line| !line.trim().is_empty())
                .unwrap_or("");
            !first.starts_with("//!")
        })
        .map(|path| {
            path.strip_prefix(&root)
                .unwrap_or(path)
                .display()
                .to_string()
        })
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` doc: {missing:#?}"
    );
}

#[test]
fn every_lexicon_names_its_sources_and_license() {
    let root = workspace_root();
    let mut lexicons = Vec::new();
    files(&root.join("crates/core/lexicon"), ".tsv", &mut lexicons);
    assert!(
        lexicons.len() >= 8,
        "found only {} lexicons",
        lexicons.len()
    );
    for path in lexicons {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let header: String = text
            .lines()
            .take_while(|line| line.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
            .to_uppercase();
        assert!(
            header.contains("SOURCE") && header.contains("LICENSE"),
            "{} lacks a # header with SOURCES and LICENSE",
            path.display()
        );
    }
}
