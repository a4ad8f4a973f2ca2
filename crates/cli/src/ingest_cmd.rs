//! `entente ingest`: documents in, stored with their records. Inputs are
//! read lazily by [`entente_ingest::read_inputs`], extracted one at a time
//! under the crash guard and stored in batches of `--batch-size` documents,
//! one transaction each: a killed run keeps every committed batch, and the
//! same command run again stores the rest without duplicates, since content
//! already stored is skipped before it is even extracted. A document that cannot be read, extracted or
//! stored is counted as failed with its reason, and the run goes on. On a
//! terminal a progress line shows the documents and the throughput; at the
//! end the summary goes to stdout and each failure to stderr.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use anyhow::Context;
use entente_core::Record;
use entente_ingest::{SourcedDocument, read_inputs};
use entente_store::{Outcome as Stored, SourcedInput, Store, document_hash};
use indicatif::{ProgressBar, ProgressStyle};

use crate::Outcome;
use crate::catch::catch_panic;
use crate::kb_args::IngestArgs;
use crate::kb_common::create_store;

/// Runs `entente ingest`. Fails only when the store cannot be opened or a
/// batch cannot be committed; documents that fail make a partial failure.
pub fn run(args: &IngestArgs) -> anyhow::Result<Outcome> {
    let mut store = create_store(&args.store.db)?;
    let batch_size = usize::try_from(args.batch_size).unwrap_or(usize::MAX);
    let progress = progress_bar();
    let mut summary = Summary::default();
    progress.set_message(summary.progress());
    let mut batch: Vec<(SourcedDocument, Record)> = Vec::with_capacity(batch_size);
    for entry in read_inputs(&args.paths) {
        match entry {
            Err(error) => summary.fail(format!("{:#}", anyhow::Error::new(error))),
            Ok(sourced) => {
                summary.bytes += sourced.document.text.len() as u64;
                progress.inc(sourced.document.text.len() as u64);
                // Content already stored needs no extraction: this is what
                // makes a rerun after an interruption fast.
                if store.has_content(&document_hash(&sourced.document))? {
                    summary.unchanged += 1;
                } else {
                    extract_into(sourced, &mut batch, &mut summary);
                }
            }
        }
        if batch.len() >= batch_size {
            store_batch(store.as_mut(), &mut batch, &mut summary)?;
        }
        summary.read += 1;
        progress.set_message(summary.progress());
    }
    store_batch(store.as_mut(), &mut batch, &mut summary)?;
    progress.finish_and_clear();
    summary.print(&args.store.db.display().to_string())
}

/// Extracts a document under the crash guard and adds it to `batch`, or
/// counts it as failed.
fn extract_into(
    sourced: SourcedDocument,
    batch: &mut Vec<(SourcedDocument, Record)>,
    summary: &mut Summary,
) {
    match catch_panic(|| entente_core::extract(&sourced.document)) {
        Ok((record, diagnostics)) => {
            for diagnostic in diagnostics {
                let id = &sourced.document.id;
                summary.warnings.push(format!("{id}: {diagnostic}"));
            }
            batch.push((sourced, record));
        }
        Err(message) => summary.fail(format!(
            "{}: the extractor crashed (a bug in entente): {message}",
            sourced.source
        )),
    }
}

/// Stores and empties `batch` in one transaction, counting each outcome.
fn store_batch(
    store: &mut dyn Store,
    batch: &mut Vec<(SourcedDocument, Record)>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let inputs: Vec<(SourcedInput<'_>, &Record)> = batch
        .iter()
        .map(|(sourced, record)| {
            let input = SourcedInput {
                document: &sourced.document,
                source: &sourced.source,
                title: sourced.title.as_deref(),
            };
            (input, record)
        })
        .collect();
    let outcomes = store
        .put_batch(&inputs)
        .context("cannot store a batch of documents; the batches before it are stored")?;
    for ((sourced, _), outcome) in batch.iter().zip(outcomes) {
        match outcome {
            Ok(Stored::Added) => summary.added += 1,
            Ok(Stored::NewVersion) => summary.new_versions += 1,
            Ok(Stored::Unchanged) => summary.unchanged += 1,
            Err(error) => summary.fail(format!("{}: {error}", sourced.source)),
        }
    }
    batch.clear();
    Ok(())
}

/// A spinner on stderr with the counts and the throughput, drawn only when
/// stderr is a terminal.
fn progress_bar() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    // The template is a constant, so it parses; the default style is a fine
    // fallback all the same.
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} {msg} · {decimal_bytes} at {decimal_bytes_per_sec} · {elapsed}",
    ) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// What a run did.
#[derive(Debug)]
struct Summary {
    added: u64,
    new_versions: u64,
    unchanged: u64,
    /// The reason of each failure, in input order.
    failures: Vec<String>,
    /// Notes from the extractor, which do not make a document fail.
    warnings: Vec<String>,
    /// Inputs read so far, failed ones included.
    read: u64,
    bytes: u64,
    started: Instant,
}

impl Default for Summary {
    fn default() -> Self {
        Summary {
            added: 0,
            new_versions: 0,
            unchanged: 0,
            failures: Vec::new(),
            warnings: Vec::new(),
            read: 0,
            bytes: 0,
            started: Instant::now(),
        }
    }
}

impl Summary {
    fn fail(&mut self, reason: String) {
        self.failures.push(reason);
    }

    fn documents(&self) -> u64 {
        self.added + self.new_versions + self.unchanged + self.failures.len() as u64
    }

    /// The progress line: "120 documents read, 1 failed".
    fn progress(&self) -> String {
        let noun = if self.read == 1 {
            "document"
        } else {
            "documents"
        };
        format!("{} {noun} read, {} failed", self.read, self.failures.len())
    }

    /// "44 added, 0 new versions, 2 unchanged, 1 failed".
    fn counts(&self) -> String {
        let versions = if self.new_versions == 1 {
            "new version"
        } else {
            "new versions"
        };
        format!(
            "{} added, {} {versions}, {} unchanged, {} failed",
            self.added,
            self.new_versions,
            self.unchanged,
            self.failures.len()
        )
    }

    /// Prints the warnings and failures on stderr and the summary on stdout.
    fn print(&self, store: &str) -> anyhow::Result<Outcome> {
        let mut stderr = io::stderr().lock();
        for warning in &self.warnings {
            // Nobody is left to tell if stderr is gone.
            let _ = writeln!(stderr, "warning: {warning}");
        }
        for failure in &self.failures {
            let _ = writeln!(stderr, "error: {failure}");
        }
        let seconds = self.started.elapsed().as_secs_f64();
        let megabytes = self.bytes as f64 / 1_000_000.0;
        let rate = if seconds > 0.0 {
            megabytes / seconds
        } else {
            0.0
        };
        let documents = self.documents();
        let noun = if documents == 1 {
            "document"
        } else {
            "documents"
        };
        let mut stdout = io::stdout().lock();
        writeln!(
            stdout,
            "{store}: {} ({documents} {noun}, {megabytes:.1} MB in {seconds:.1} s, {rate:.1} MB/s)",
            self.counts()
        )
        .and_then(|()| stdout.flush())
        .context("cannot write to stdout")?;
        Ok(if self.failures.is_empty() {
            Outcome::Success
        } else {
            Outcome::PartialFailure
        })
    }
}
