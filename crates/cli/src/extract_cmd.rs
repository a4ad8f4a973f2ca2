//! `entente extract`: documents in, one JSON record per line out. Inputs are
//! read lazily, one article at a time, and extracted on `--jobs` threads (one
//! per core by default); at most [`WINDOW`] articles are in flight at once, so
//! memory stays flat whatever the corpus size. Records are printed in input
//! order as soon as they and every record before them are ready, so the
//! command streams in a pipe. An article that cannot be read, or on which the
//! extractor panics, is reported on stderr in its place in the order and
//! counted; the batch goes on, and the outcome says whether anything failed.

use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};

use anyhow::Context;
use entente_core::Document;
use entente_ingest::{IngestError, Manifest, read_article};

use crate::Outcome;
use crate::args::ExtractArgs;
use crate::catch::catch_panic;

/// The name that stands for a manifest read from stdin in error messages.
const STDIN_NAME: &str = "<stdin>";

/// How many articles a parallel run reads ahead of the record it prints next.
/// It bounds the memory of a run (a few hundred articles and their records)
/// and is far more than the threads need to stay busy.
const WINDOW: usize = 256;

/// Runs `entente extract`. Fails only when the manifest cannot be opened or
/// stdout cannot be written; unreadable articles make a partial failure.
pub fn run(args: &ExtractArgs) -> anyhow::Result<Outcome> {
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let mut stdout = BufWriter::new(io::stdout());
    let mut stderr = Stderr;
    let tally = match &args.manifest {
        Some(path) if path == Path::new("-") => {
            let manifest = Manifest::from_reader(io::stdin().lock(), STDIN_NAME, "");
            extract_all(manifest, jobs, &mut stdout, &mut stderr)?
        }
        Some(path) => {
            let manifest = Manifest::open(path)?;
            let tally = extract_all(manifest, jobs, &mut stdout, &mut stderr)?;
            if tally.articles == 0 {
                let path = path.display();
                let message = format_args!("warning: {path}: the manifest lists no articles");
                report(&mut stderr, message);
            }
            tally
        }
        None => {
            let documents = args.files.iter().map(|path| {
                let mut document = read_article(path)?;
                document.published = args.published;
                document.lang = args.lang.map(|lang| lang.code().to_string());
                Ok(document)
            });
            extract_all(documents, jobs, &mut stdout, &mut stderr)?
        }
    };
    Ok(tally.finish(&mut stderr))
}

/// How many articles were seen and how many of them failed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Tally {
    articles: usize,
    failed: usize,
}

impl Tally {
    /// Reports the failures, if any, in one line on `err`.
    fn finish(self, err: &mut impl Write) -> Outcome {
        if self.failed == 0 {
            return Outcome::Success;
        }
        let (failed, articles) = (self.failed, self.articles);
        let noun = if articles == 1 { "article" } else { "articles" };
        report(err, format_args!("{failed} of {articles} {noun} failed"));
        Outcome::PartialFailure
    }
}

/// Extracts every document and writes its record to `out` as one JSON line,
/// in input order, on `jobs` threads. Errors reading a document are reported
/// on `err` (stderr) in their place and counted; only a failure to write to
/// `out` stops the run.
fn extract_all(
    documents: impl Iterator<Item = Result<Document, IngestError>>,
    jobs: usize,
    out: &mut (impl Write + Send),
    err: &mut (impl Write + Send),
) -> anyhow::Result<Tally> {
    if jobs <= 1 {
        return extract_sequentially(documents, out, err);
    }
    // The reading thread hands each document to the workers through one
    // queue, and sends the printer, in input order, a receiver on which the
    // worker that takes the document delivers its outcome. The order
    // channel's bound is the reading window. Idle workers sleep on the
    // queue's lock and channel instead of spinning for work.
    let (order_sender, order_receiver) = mpsc::sync_channel::<Receiver<Processed>>(WINDOW);
    let (work_sender, work_receiver) = mpsc::sync_channel::<Work>(4 * jobs);
    let queue = Mutex::new(work_receiver);
    std::thread::scope(|scope| {
        let printer = scope.spawn(move || print_in_order(&order_receiver, out, err));
        for index in 0..jobs {
            let queue = &queue;
            std::thread::Builder::new()
                .name(format!("extract-{index}"))
                .spawn_scoped(scope, move || work_on(queue))
                .context("cannot start the extraction threads")?;
        }
        for entry in documents {
            let (outcome_sender, outcome_receiver) = mpsc::sync_channel(1);
            // Either fails only when the printer has stopped on a write
            // error, which it returns.
            if order_sender.send(outcome_receiver).is_err()
                || work_sender.send((entry, outcome_sender)).is_err()
            {
                break;
            }
        }
        drop(order_sender);
        drop(work_sender);
        match printer.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// How many queued documents a worker takes at once.
const TAKEN_AT_ONCE: usize = 4;

/// A document to extract and where to deliver its outcome.
type Work = (Result<Document, IngestError>, SyncSender<Processed>);

/// Takes documents off `queue` and extracts them until the queue is closed.
/// A worker takes the next document and, of those already queued, up to
/// [`TAKEN_AT_ONCE`] in all, and delivers their outcomes together: the
/// printer then finds a run of outcomes ready instead of waking for each.
/// It never waits for more documents than are there, so a slow input still
/// streams.
fn work_on(queue: &Mutex<Receiver<Work>>) {
    let mut taken: Vec<Work> = Vec::with_capacity(TAKEN_AT_ONCE);
    loop {
        {
            // One worker waits on the channel while the others wait on the
            // lock.
            let Ok(receiver) = queue.lock() else {
                return;
            };
            let Ok(first) = receiver.recv() else {
                return;
            };
            taken.push(first);
            while taken.len() < TAKEN_AT_ONCE {
                match receiver.try_recv() {
                    Ok(work) => taken.push(work),
                    Err(_) => break,
                }
            }
        }
        let outcomes: Vec<(SyncSender<Processed>, Option<Processed>)> = taken
            .drain(..)
            .map(|(entry, outcome_sender)| {
                // A panic outside the crash guard (a bug) has already been
                // printed by the panic hook; the printer then reports the
                // document as lost instead of the whole process aborting.
                let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| process(entry))).ok();
                (outcome_sender, outcome)
            })
            .collect();
        for (outcome_sender, outcome) in outcomes {
            if let Some(outcome) = outcome {
                // The printer may have stopped; the outcome is then unwanted.
                let _ = outcome_sender.send(outcome);
            }
        }
    }
}

/// Extracts and prints every document on the calling thread, one at a time,
/// flushing each record as soon as it is written.
fn extract_sequentially(
    documents: impl Iterator<Item = Result<Document, IngestError>>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> anyhow::Result<Tally> {
    let mut printer = Printer::new(out, err);
    for entry in documents {
        printer.print(process(entry))?;
        printer.flush()?;
    }
    Ok(printer.tally)
}

/// Prints the outcomes sent on `order` in that order. Output is flushed
/// whenever the next outcome is not ready yet, so records stream out without
/// one write per record when many are ready at once.
fn print_in_order(
    order: &Receiver<Receiver<Processed>>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> anyhow::Result<Tally> {
    let mut printer = Printer::new(out, err);
    let mut next = order.recv().ok();
    while let Some(pending) = next {
        let processed = match pending.try_recv() {
            Ok(processed) => processed,
            Err(TryRecvError::Empty) => {
                printer.flush()?;
                pending.recv().unwrap_or(Processed::Lost)
            }
            Err(TryRecvError::Disconnected) => Processed::Lost,
        };
        printer.print(processed)?;
        next = match order.try_recv() {
            Ok(pending) => Some(pending),
            Err(TryRecvError::Empty) => {
                printer.flush()?;
                order.recv().ok()
            }
            Err(TryRecvError::Disconnected) => None,
        };
    }
    printer.flush()?;
    Ok(printer.tally)
}

/// What became of one input, ready to print.
enum Processed {
    /// The input could not be read: the message to report.
    Unreadable(String),
    /// The extractor panicked on the document.
    Crashed { id: String, message: String },
    /// The record as one JSON line, and the extractor's diagnostics.
    Extracted {
        id: String,
        line: Vec<u8>,
        diagnostics: Vec<String>,
    },
    /// The record could not be serialised.
    Unserialisable(anyhow::Error),
    /// The worker thread stopped before it sent an outcome, which the crash
    /// guard around the extractor should make impossible.
    Lost,
}

/// The bytes reserved for a record's JSON line: a few times the size of a
/// typical one.
const RECORD_LINE_CAPACITY: usize = 8 * 1024;

/// Reads the outcome of one input: extracts the document under the crash
/// guard and serialises its record. Runs on a worker thread.
fn process(entry: Result<Document, IngestError>) -> Processed {
    let document = match entry {
        Ok(document) => document,
        Err(error) => return Processed::Unreadable(format!("{:#}", anyhow::Error::new(error))),
    };
    let (record, diagnostics) = match catch_panic(|| entente_core::extract(&document)) {
        Ok(extracted) => extracted,
        Err(message) => {
            return Processed::Crashed {
                id: document.id,
                message,
            };
        }
    };
    // Most records fit: the line is written without growing its buffer.
    let mut line = Vec::with_capacity(RECORD_LINE_CAPACITY);
    if let Err(error) = serde_json::to_writer(&mut line, &record) {
        let error = anyhow::Error::new(error);
        return Processed::Unserialisable(
            error.context(format!("{}: cannot serialise the record", document.id)),
        );
    }
    line.push(b'\n');
    Processed::Extracted {
        id: document.id,
        line,
        diagnostics: diagnostics.iter().map(ToString::to_string).collect(),
    }
}

/// Writes outcomes: records on `out`, errors and warnings on `err`, and
/// counts them.
struct Printer<'w, O: Write, E: Write> {
    out: &'w mut O,
    err: &'w mut E,
    tally: Tally,
}

impl<'w, O: Write, E: Write> Printer<'w, O, E> {
    fn new(out: &'w mut O, err: &'w mut E) -> Self {
        Printer {
            out,
            err,
            tally: Tally::default(),
        }
    }

    /// Prints one outcome. Records already written to `out` are flushed
    /// before anything goes to `err`, so the two streams keep input order
    /// when they share a terminal.
    fn print(&mut self, processed: Processed) -> anyhow::Result<()> {
        self.tally.articles += 1;
        match processed {
            Processed::Unreadable(message) => {
                self.tally.failed += 1;
                self.report(format_args!("error: {message}"))?;
            }
            Processed::Crashed { id, message } => {
                self.tally.failed += 1;
                self.report(format_args!(
                    "error: {id}: the extractor crashed (a bug in entente): {message}"
                ))?;
            }
            Processed::Lost => {
                self.tally.failed += 1;
                self.report(format_args!(
                    "error: an extraction thread stopped without a record (a bug in entente)"
                ))?;
            }
            Processed::Unserialisable(error) => return Err(error),
            Processed::Extracted {
                id,
                line,
                diagnostics,
            } => {
                for diagnostic in &diagnostics {
                    self.report(format_args!("warning: {id}: {diagnostic}"))?;
                }
                self.out
                    .write_all(&line)
                    .context("cannot write to stdout")?;
            }
        }
        Ok(())
    }

    fn report(&mut self, message: std::fmt::Arguments<'_>) -> anyhow::Result<()> {
        self.flush()?;
        report(self.err, message);
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        self.out.flush().context("cannot write to stdout")
    }
}

/// Prints one line on `err`. If stderr itself is gone there is nobody left to
/// tell, so a failed write is ignored.
fn report(err: &mut impl Write, message: std::fmt::Arguments<'_>) {
    let _ = writeln!(err, "{message}");
}

/// Stderr, locked for one line at a time so that lines from other threads
/// never interleave with ours mid-line.
struct Stderr;

impl Write for Stderr {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        io::stderr().lock().write(bytes)
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        io::stderr().lock().write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stderr().flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            text: text.to_string(),
            published: None,
            lang: Some("fr".to_string()),
        }
    }

    #[test]
    fn records_come_out_in_order_and_failures_are_counted() {
        for jobs in [1, 4] {
            let inputs: Vec<Result<Document, IngestError>> = vec![
                Ok(document("a", "Le Togo et le Kazakhstan.")),
                Err(IngestError::MissingId {
                    origin: "m.jsonl:2".to_string(),
                }),
                Ok(document("b", "La France et le Vietnam.")),
            ];
            let mut out = Vec::new();
            let mut err = Vec::new();
            let tally = extract_all(inputs.into_iter(), jobs, &mut out, &mut err).unwrap();
            let expected = Tally {
                articles: 3,
                failed: 1,
            };
            assert_eq!(tally, expected);
            assert_eq!(tally.finish(&mut err), Outcome::PartialFailure);
            assert_eq!(
                String::from_utf8(err).unwrap(),
                "error: m.jsonl:2: no `id` (every line needs a non-empty string `id`)\n\
                 1 of 3 articles failed\n"
            );
            let out = String::from_utf8(out).unwrap();
            let ids: Vec<String> = out
                .lines()
                .map(|line| {
                    serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].to_string()
                })
                .collect();
            assert_eq!(ids, ["\"a\"", "\"b\""], "with {jobs} jobs");
        }
    }

    #[test]
    fn many_documents_on_many_threads_keep_their_order() {
        let inputs = || {
            (0..3 * WINDOW).map(|index| {
                if index % 7 == 3 {
                    Err(IngestError::MissingId {
                        origin: format!("m.jsonl:{index}"),
                    })
                } else {
                    let text = format!("Le Togo et le Kazakhstan, le {index} mars 2024.");
                    Ok(document(&format!("d{index}"), &text))
                }
            })
        };
        let run = |jobs| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let tally = extract_all(inputs(), jobs, &mut out, &mut err).unwrap();
            (tally, out, err)
        };
        let sequential = run(1);
        let unreadable = (0..3 * WINDOW).filter(|index| index % 7 == 3).count();
        assert_eq!(sequential.0.failed, unreadable);
        assert_eq!(run(3), sequential);
    }

    /// A writer whose reader has gone, like stdout piped into `head`.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_stdout_stops_the_loop_with_a_broken_pipe() {
        for jobs in [1, 4] {
            let inputs = vec![Ok(document("a", "Texte.")), Ok(document("b", "Texte."))];
            let error = extract_all(inputs.into_iter(), jobs, &mut ClosedPipe, &mut Vec::new())
                .unwrap_err();
            assert!(crate::is_broken_pipe(&error), "{error:#}");
        }
    }
}
