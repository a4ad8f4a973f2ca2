//! `cargo xtask`: maintenance tasks of the project.
//! `cargo xtask lexicon` regenerates the committed gazetteers under
//! `crates/core/lexicon/` from pinned, licensed packages that it installs into
//! a scratch folder under `target/`; `cargo xtask lexicon --check` fails when
//! the committed files are stale. `cargo xtask bench [--mb N]` measures the
//! extraction throughput against the Python pipeline (see BENCHMARKS.md).

mod bench;
mod lexicon;

use std::path::PathBuf;

use anyhow::{Context, bail};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(task) = args.next() else {
        bail!("usage: cargo xtask lexicon [--check]");
    };
    if task == "bench" {
        return bench::run(&workspace_root()?, args);
    }
    let check = match args.next().as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => bail!("unknown argument `{other}`; usage: cargo xtask lexicon [--check]"),
    };
    match task.as_str() {
        "lexicon" => lexicon::run(&workspace_root()?, check),
        other => bail!("unknown task `{other}`; known tasks: lexicon"),
    }
}

/// The workspace root, the parent of this crate's folder.
fn workspace_root() -> anyhow::Result<PathBuf> {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .context("the xtask folder has no parent folder")
}
