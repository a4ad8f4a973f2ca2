//! The `entente` binary: it parses the command line, runs the subcommand and
//! turns its outcome into an exit status. Errors print on stderr with `{:#}`,
//! so each shows its whole chain of causes on one line; a broken pipe on stdout
//! (`entente extract ... | head`) counts as success, as in ripgrep.

mod args;
mod catch;
mod dossier_cmd;
mod export_cmd;
mod extract_cmd;
mod ingest_cmd;
mod kb_args;
mod kb_common;
mod query_cmd;
mod serve_cmd;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(extract_args) => extract_cmd::run(&extract_args),
        Command::Ingest(ingest_args) => ingest_cmd::run(&ingest_args),
        Command::Search(search_args) => query_cmd::search(&search_args),
        Command::Dossier(dossier_args) => dossier_cmd::run(&dossier_args),
        Command::Countries(countries_args) => query_cmd::countries(&countries_args),
        Command::Country(country_args) => query_cmd::country(&country_args),
        Command::Stats(stats_args) => query_cmd::stats(&stats_args),
        Command::Serve(serve_args) => serve_cmd::run(&serve_args),
        Command::Export(export_args) => export_cmd::run(&export_args),
    };
    match outcome {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::PartialFailure) => ExitCode::FAILURE,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // Nothing sensible is left to do if stderr itself is gone.
            let _ = writeln!(io::stderr(), "error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// How a subcommand that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was processed.
    Success,
    /// Some inputs failed and were reported on stderr; the others were processed.
    PartialFailure,
}

/// Whether the error comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io_error| io_error.kind() == io::ErrorKind::BrokenPipe)
    })
}
