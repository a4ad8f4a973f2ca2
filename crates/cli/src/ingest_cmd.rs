//! `entente ingest`: documents in, stored with their records. Inputs are
//! read lazily by [`entente_ingest::read_inputs`] on a thread of their own,
//! extracted under the crash guard on `--jobs` threads (one per core by
//! default, the thread that stores being one of them) and stored in input
//! order in batches of `--batch-size` documents, one transaction each: a
//! killed run keeps every committed batch, and the same command run again
//! stores the rest without duplicates, since content already stored is
//! skipped before it is even extracted. At most [`WINDOW`] documents are in
//! flight between reading and storing, so memory stays flat whatever the
//! input. A document that cannot be read, extracted or stored is counted as
//! failed with its reason, and the run goes on. On a terminal a progress line
//! shows the documents and the throughput; at the end the summary goes to
//! stdout and each failure to stderr.

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TryRecvError};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use anyhow::Context;
use entente_core::Record;
use entente_ingest::{IngestError, SourcedDocument, read_inputs};
use entente_store::{Outcome as Stored, SourcedInput, Store, document_hash};
use indicatif::{ProgressBar, ProgressStyle};

use crate::Outcome;
use crate::catch::catch_panic;
use crate::kb_args::IngestArgs;
use crate::kb_common::create_store;

/// How many documents a run reads ahead of the one it stores next. It bounds
/// the memory of a run (a thousand documents and their records, about
/// 10 MB) and lets the extraction threads work on while a batch is stored.
const WINDOW: usize = 1024;

/// How long a document waits in an unfinished batch when the input pauses.
const BATCH_WAIT: Duration = Duration::from_secs(1);

/// Runs `entente ingest`. Fails only when the store cannot be opened or a
/// batch cannot be committed; documents that fail make a partial failure.
pub fn run(args: &IngestArgs) -> anyhow::Result<Outcome> {
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let mut store = create_store(&args.store.db)?;
    let batch_size = usize::try_from(args.batch_size).unwrap_or(usize::MAX);
    let mut ingest = Ingest::new(store.as_mut(), batch_size);
    ingest.pipeline(&args.paths, jobs)?;
    ingest.store_batch()?;
    ingest.progress.finish_and_clear();
    ingest.summary.print(&args.store.db.display().to_string())
}

/// An input as the reading side hands it over: the document and its
/// content hash, or why it could not be read.
type Input = Result<(SourcedDocument, String), IngestError>;

/// Reads an input and hashes its content, the work that can be done before
/// the store is asked whether it knows the document.
fn hashed(entry: Result<SourcedDocument, IngestError>) -> Input {
    entry.map(|sourced| {
        let hash = document_hash(&sourced.document);
        (sourced, hash)
    })
}

/// What became of one input, ready to be stored or counted.
enum Done {
    /// The input could not be read: the message to report.
    Unreadable(String),
    /// The store already holds this content.
    Unchanged,
    /// The document went through the extractor.
    Extracted(Box<Extraction>),
    /// The extraction thread stopped without an outcome, which the crash
    /// guard around the extractor should make impossible: the source.
    Lost(String),
}

/// A document and what the extractor made of it: the record and the
/// warnings to print, or the message of the panic that stopped it.
struct Extraction {
    sourced: SourcedDocument,
    /// Its content hash, computed when it was read.
    hash: String,
    outcome: Result<(Record, Vec<String>), String>,
}

/// Extracts a document under the crash guard. Runs on an extraction thread.
fn extract(sourced: SourcedDocument, hash: String) -> Box<Extraction> {
    let outcome =
        catch_panic(|| entente_core::extract(&sourced.document)).map(|(record, diagnostics)| {
            let id = &sourced.document.id;
            let warnings = diagnostics
                .iter()
                .map(|diagnostic| format!("{id}: {diagnostic}"))
                .collect();
            (record, warnings)
        });
    Box::new(Extraction {
        sourced,
        hash,
        outcome,
    })
}

/// What an input read turns out to be.
enum Admitted {
    /// Nothing to extract: the input is unreadable or already stored.
    Done(Done),
    /// A new document and its content hash, to extract.
    New(SourcedDocument, String),
}

/// A document to extract, and where to send what became of it.
struct Job {
    sourced: SourcedDocument,
    hash: String,
    outcome: SyncSender<Box<Extraction>>,
}

impl Job {
    /// Extracts the document and sends the outcome.
    fn run(self) {
        let Job {
            sourced,
            hash,
            outcome,
        } = self;
        // The extractor runs under the crash guard; a panic around it would
        // be a bug, printed by the panic hook, after which the sender is
        // dropped and the document reported as lost.
        if let Ok(extraction) = panic::catch_unwind(AssertUnwindSafe(|| extract(sourced, hash))) {
            // The run may have stopped on a store error; the outcome is then
            // unwanted.
            let _ = outcome.send(extraction);
        }
    }
}

/// The documents waiting for extraction, oldest first, which the extraction
/// threads and the storing thread take from.
#[derive(Default)]
struct Waiting {
    jobs: Mutex<WaitingJobs>,
    added: Condvar,
}

#[derive(Default)]
struct WaitingJobs {
    queue: VecDeque<Job>,
    /// No job will be added any more.
    closed: bool,
}

impl Waiting {
    fn lock(&self) -> MutexGuard<'_, WaitingJobs> {
        // A job runs outside the lock, so a panic never poisons it; the
        // queue is usable all the same if one did.
        self.jobs.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn push(&self, job: Job) {
        self.lock().queue.push_back(job);
        self.added.notify_one();
    }

    /// The oldest waiting job, if any.
    fn take(&self) -> Option<Job> {
        self.lock().queue.pop_front()
    }

    /// The oldest waiting job, waiting for one; `None` once closed.
    fn next(&self) -> Option<Job> {
        let mut jobs = self.lock();
        loop {
            if jobs.closed {
                return None;
            }
            if let Some(job) = jobs.queue.pop_front() {
                return Some(job);
            }
            jobs = self
                .added
                .wait(jobs)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Stops the extraction threads after the job they are running; the
    /// jobs still waiting are dropped.
    fn close(&self) {
        let mut jobs = self.lock();
        jobs.closed = true;
        jobs.queue.clear();
        drop(jobs);
        self.added.notify_all();
    }
}

/// Closes a [`Waiting`] when dropped.
struct CloseOnDrop<'w>(&'w Waiting);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// An input between reading and storing.
enum Pending {
    /// Its outcome is known.
    Done(Done),
    /// A thread of the pool is extracting it and will send the outcome;
    /// the source names it if the thread never does.
    Extracting(String, Receiver<Box<Extraction>>),
}

/// A run under way: the store, the batch being filled and the counts.
struct Ingest<'s> {
    store: &'s mut dyn Store,
    /// Extracted documents with their content hash and record.
    batch: Vec<(SourcedDocument, String, Record)>,
    batch_size: usize,
    /// When the first document of the batch was added to it.
    batch_started: Option<Instant>,
    summary: Summary,
    progress: ProgressBar,
}

impl<'s> Ingest<'s> {
    fn new(store: &'s mut dyn Store, batch_size: usize) -> Self {
        let progress = progress_bar();
        let summary = Summary::default();
        progress.set_message(summary.progress());
        Ingest {
            store,
            batch: Vec::with_capacity(batch_size.min(WINDOW)),
            batch_size,
            batch_started: None,
            summary,
            progress,
        }
    }

    /// Reads on a thread of its own, extracts on `jobs - 1` threads and on
    /// the calling thread, and stores on the calling thread in input order,
    /// with at most [`WINDOW`] documents in flight. Storing is the one stage
    /// that cannot be shared out, so the thread that stores never competes
    /// for a core with a full set of extraction threads: it extracts only
    /// while the document it must store next is not ready (with one job,
    /// it extracts every document itself).
    fn pipeline(&mut self, paths: &[PathBuf], jobs: usize) -> anyhow::Result<()> {
        // The channel's bound keeps the reader at most a window ahead.
        let (sender, inputs) = mpsc::sync_channel::<Input>(WINDOW);
        let paths = paths.to_vec();
        // The reader is not joined on an early return: it may be waiting for
        // stdin, and it stops at its next document once `inputs` is gone.
        let reader = std::thread::Builder::new()
            .name("ingest-read".to_string())
            .spawn(move || {
                for entry in read_inputs(&paths) {
                    if sender.send(hashed(entry)).is_err() {
                        break;
                    }
                }
            })
            .context("cannot start the reading thread")?;
        let waiting = Waiting::default();
        std::thread::scope(|scope| -> anyhow::Result<()> {
            // Stops the extraction threads however this scope is left.
            let _close = CloseOnDrop(&waiting);
            for index in 1..jobs {
                let waiting = &waiting;
                std::thread::Builder::new()
                    .name(format!("ingest-{index}"))
                    .spawn_scoped(scope, move || {
                        while let Some(job) = waiting.next() {
                            job.run();
                        }
                    })
                    .context("cannot start the extraction threads")?;
            }
            self.store_in_order(&inputs, &waiting)
        })?;
        if reader.join().is_err() {
            // The panic hook has printed the panic; say what it cost.
            self.summary.fail(
                "reading the inputs stopped early: the reading thread crashed (a bug in entente)"
                    .to_string(),
            );
        }
        Ok(())
    }

    /// The storing side of [`Ingest::pipeline`]: admits inputs into the
    /// window, queues new documents for extraction and completes them in
    /// input order. When the input pauses, documents waiting in the batch
    /// are stored after at most [`BATCH_WAIT`], so a slow stream (a feed on
    /// stdin) is stored as it comes.
    fn store_in_order(
        &mut self,
        inputs: &Receiver<Input>,
        waiting: &Waiting,
    ) -> anyhow::Result<()> {
        let mut queue: VecDeque<Pending> = VecDeque::with_capacity(WINDOW);
        let mut reading = true;
        loop {
            // Admit what has been read while the window has room, waiting
            // for the reader only when nothing else is in flight.
            while reading && queue.len() < WINDOW {
                let entry = if queue.is_empty() {
                    match self.batch_started {
                        None => inputs.recv().ok(),
                        Some(started) => {
                            let wait =
                                (started + BATCH_WAIT).saturating_duration_since(Instant::now());
                            match inputs.recv_timeout(wait) {
                                Ok(entry) => Some(entry),
                                Err(RecvTimeoutError::Timeout) => {
                                    self.store_batch()?;
                                    continue;
                                }
                                Err(RecvTimeoutError::Disconnected) => None,
                            }
                        }
                    }
                } else {
                    match inputs.try_recv() {
                        Ok(entry) => Some(entry),
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => None,
                    }
                };
                let Some(entry) = entry else {
                    reading = false;
                    break;
                };
                let pending = match self.admit(entry)? {
                    Admitted::Done(done) => Pending::Done(done),
                    Admitted::New(sourced, hash) => {
                        let source = sourced.source.clone();
                        let (outcome_sender, outcome) = mpsc::sync_channel(1);
                        waiting.push(Job {
                            sourced,
                            hash,
                            outcome: outcome_sender,
                        });
                        Pending::Extracting(source, outcome)
                    }
                };
                queue.push_back(pending);
            }
            let Some(next) = queue.pop_front() else {
                return Ok(());
            };
            let done = match next {
                Pending::Done(done) => done,
                Pending::Extracting(source, outcome) => loop {
                    match outcome.try_recv() {
                        Ok(extraction) => break Done::Extracted(extraction),
                        Err(TryRecvError::Disconnected) => break Done::Lost(source),
                        // Help with the oldest waiting document (often this
                        // one) rather than wait.
                        Err(TryRecvError::Empty) => match waiting.take() {
                            Some(job) => job.run(),
                            None => {
                                break outcome.recv().map_or(Done::Lost(source), Done::Extracted);
                            }
                        },
                    }
                },
            };
            self.complete(done)?;
        }
    }

    /// Counts a read input and decides its fate. Fails only when the store
    /// cannot be asked whether it knows the document.
    fn admit(&mut self, entry: Input) -> anyhow::Result<Admitted> {
        self.summary.read += 1;
        let (sourced, hash) = match entry {
            Err(error) => {
                let message = format!("{:#}", anyhow::Error::new(error));
                return Ok(Admitted::Done(Done::Unreadable(message)));
            }
            Ok(read) => read,
        };
        let bytes = sourced.document.text.len() as u64;
        self.summary.bytes += bytes;
        self.progress.inc(bytes);
        // Content already stored needs no extraction: this is what makes a
        // rerun after an interruption fast.
        if self.store.has_content(&hash)? {
            Ok(Admitted::Done(Done::Unchanged))
        } else {
            Ok(Admitted::New(sourced, hash))
        }
    }

    /// Counts the outcome of the next input in input order, adding an
    /// extracted document to the batch and storing the batch once full.
    fn complete(&mut self, done: Done) -> anyhow::Result<()> {
        match done {
            Done::Unreadable(message) => self.summary.fail(message),
            Done::Unchanged => self.summary.unchanged += 1,
            Done::Lost(source) => self.summary.fail(format!(
                "{source}: an extraction thread stopped without a record (a bug in entente)"
            )),
            Done::Extracted(extraction) => match *extraction {
                Extraction {
                    sourced,
                    hash,
                    outcome: Ok((record, warnings)),
                } => {
                    self.summary.warnings.extend(warnings);
                    self.batch.push((sourced, hash, record));
                    self.batch_started.get_or_insert_with(Instant::now);
                }
                Extraction {
                    sourced,
                    outcome: Err(message),
                    ..
                } => self.summary.fail(format!(
                    "{}: the extractor crashed (a bug in entente): {message}",
                    sourced.source
                )),
            },
        }
        if self.batch.len() >= self.batch_size {
            self.store_batch()?;
        }
        self.progress.set_message(self.summary.progress());
        Ok(())
    }

    /// Stores and empties the batch in one transaction.
    fn store_batch(&mut self) -> anyhow::Result<()> {
        self.batch_started = None;
        store_batch(self.store, &mut self.batch, &mut self.summary)
    }
}

/// Stores and empties `batch` in one transaction, counting each outcome.
fn store_batch(
    store: &mut dyn Store,
    batch: &mut Vec<(SourcedDocument, String, Record)>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let inputs: Vec<(SourcedInput<'_>, &Record)> = batch
        .iter()
        .map(|(sourced, hash, record)| {
            let input = SourcedInput {
                document: &sourced.document,
                source: &sourced.source,
                title: sourced.title.as_deref(),
                content_hash: Some(hash),
            };
            (input, record)
        })
        .collect();
    let outcomes = store
        .put_batch(&inputs)
        .context("cannot store a batch of documents; the batches before it are stored")?;
    for ((sourced, _, _), outcome) in batch.iter().zip(outcomes) {
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
