//! `cargo xtask`: maintenance tasks of the project.
//! `cargo xtask lexicon` regenerates the committed gazetteers under
//! `crates/core/lexicon/` from pinned, licensed packages that it installs into
//! a scratch folder under `target/`; `cargo xtask lexicon --check` fails when
//! the committed files are stale; `--factbook PATH` (or `ENTENTE_FACTBOOK`)
//! also regenerates the leaders from a CIA World Factbook copy. `cargo xtask bench [--mb N]` measures the
//! extraction throughput against the Python pipeline (see BENCHMARKS.md).

mod bench;
mod lexicon;

use std::path::PathBuf;

use anyhow::{Context, bail};

const USAGE: &str = "cargo xtask lexicon [--check] [--factbook PATH] | cargo xtask bench [--help]";

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(task) = args.next() else {
        bail!("usage: {USAGE}");
    };
    if matches!(task.as_str(), "-h" | "--help" | "help") {
        println!("usage: {USAGE}");
        return Ok(());
    }
    if task == "bench" {
        return bench::run(&workspace_root()?, args);
    }
    let mut check = false;
    let mut factbook = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--factbook" => {
                factbook = Some(PathBuf::from(
                    args.next().context("--factbook needs a path")?,
                ));
            }
            other => bail!("unknown argument `{other}`; usage: {USAGE}"),
        }
    }
    match task.as_str() {
        "lexicon" => lexicon::run(&workspace_root()?, check, factbook),
        other => bail!("unknown task `{other}`; known tasks: lexicon, bench"),
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
