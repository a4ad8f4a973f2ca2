//! `entente extract`: documents in, one JSON record per line out. Inputs are
//! read lazily, one article at a time, and each record is written and flushed
//! as soon as it is extracted, so the command streams in a pipe. An article
//! that cannot be read, or on which the extractor panics, is reported on
//! stderr and counted; the batch goes on, and the outcome says whether
//! anything failed.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Context;
use entente_core::Document;
use entente_ingest::{IngestError, Manifest, read_article};

use crate::Outcome;
use crate::args::ExtractArgs;
use crate::catch::catch_panic;

/// The name that stands for a manifest read from stdin in error messages.
const STDIN_NAME: &str = "<stdin>";

/// Runs `entente extract`. Fails only when the manifest cannot be opened or
/// stdout cannot be written; unreadable articles make a partial failure.
pub fn run(args: &ExtractArgs) -> anyhow::Result<Outcome> {
    let mut stdout = io::stdout().lock();
    let mut stderr = Stderr;
    let tally = match &args.manifest {
        Some(path) if path == Path::new("-") => {
            let manifest = Manifest::from_reader(io::stdin().lock(), STDIN_NAME, "");
            extract_all(manifest, &mut stdout, &mut stderr)?
        }
        Some(path) => {
            let manifest = Manifest::open(path)?;
            let tally = extract_all(manifest, &mut stdout, &mut stderr)?;
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
            extract_all(documents, &mut stdout, &mut stderr)?
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

/// Extracts every document in order and writes its record to `out` as one
/// JSON line, flushed at once. Errors reading a document are reported on
/// `err` (stderr) and counted; only a failure to write to `out` stops the loop.
fn extract_all(
    documents: impl Iterator<Item = Result<Document, IngestError>>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    let mut line = Vec::new();
    for entry in documents {
        tally.articles += 1;
        let document = match entry {
            Ok(document) => document,
            Err(error) => {
                tally.failed += 1;
                report(err, format_args!("error: {:#}", anyhow::Error::new(error)));
                continue;
            }
        };
        let (record, diagnostics) = match catch_panic(|| entente_core::extract(&document)) {
            Ok(extracted) => extracted,
            Err(panic_message) => {
                tally.failed += 1;
                let id = &document.id;
                let message = format_args!(
                    "error: {id}: the extractor crashed (a bug in entente): {panic_message}"
                );
                report(err, message);
                continue;
            }
        };
        for diagnostic in &diagnostics {
            report(err, format_args!("warning: {}: {diagnostic}", document.id));
        }
        line.clear();
        serde_json::to_writer(&mut line, &record)
            .with_context(|| format!("{}: cannot serialise the record", document.id))?;
        line.push(b'\n');
        out.write_all(&line)
            .and_then(|()| out.flush())
            .context("cannot write to stdout")?;
    }
    Ok(tally)
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
        let inputs: Vec<Result<Document, IngestError>> = vec![
            Ok(document("a", "Le Togo et le Kazakhstan.")),
            Err(IngestError::MissingId {
                origin: "m.jsonl:2".to_string(),
            }),
            Ok(document("b", "La France et le Vietnam.")),
        ];
        let mut out = Vec::new();
        let mut err = Vec::new();
        let tally = extract_all(inputs.into_iter(), &mut out, &mut err).unwrap();
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
            .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].to_string())
            .collect();
        assert_eq!(ids, ["\"a\"", "\"b\""]);
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
        let inputs = vec![Ok(document("a", "Texte.")), Ok(document("b", "Texte."))];
        let error = extract_all(inputs.into_iter(), &mut ClosedPipe, &mut Vec::new()).unwrap_err();
        assert!(crate::is_broken_pipe(&error), "{error:#}");
    }
}
