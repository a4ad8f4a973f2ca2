//! `entente export`: the store's latest documents written as flat tables,
//! one file per table, by [`entente_export::export`]. This command only
//! resolves the arguments and reports what was written; the tables, their
//! columns and the formats are entente-export's business, documented in
//! `docs/export-schema.md`.

use std::io::{self, Write};

use anyhow::Context;
use clap::{Args, ValueEnum};
use entente_export::Format;

use crate::Outcome;
use crate::kb_args::DbArgs;
use crate::kb_common::open_store;

/// Write the knowledge base as tables: JSON Lines, CSV or Parquet.
#[derive(Debug, Args)]
#[command(
    long_about = "Write the knowledge base as tables, one file per table, into a folder: \
                  documents, mentions (pairs of countries named together), events (with their \
                  CAMEO and PLOVER codes), agreements, agreement_stages (each agreement's \
                  lifecycle merged across documents), persons and quotes. Every row carries the \
                  id of the document it comes from; only the latest version of each document is \
                  exported.\n\n\
                  The columns and their types are described in docs/export-schema.md. Parquet \
                  needs an entente built with the `parquet` feature.",
    after_help = "Examples:\n  \
                  entente export --format csv --out export/\n  \
                  entente export --format jsonl --out export/ --db /data/relations.db\n  \
                  entente export --format parquet --out export/ --db postgres://me@localhost/entente\n\n\
                  Exit status: 0 when every table was written, 1 when the store cannot be read \
                  or the folder cannot be written, 2 on a usage error."
)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,

    /// The folder to write into; created if missing. Existing tables are replaced.
    #[arg(long, value_name = "DIR")]
    pub out: std::path::PathBuf,

    #[command(flatten)]
    pub store: DbArgs,
}

/// An export format, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON Lines: one object per row.
    Jsonl,
    /// CSV with a header line.
    Csv,
    /// Apache Parquet (needs the `parquet` feature).
    Parquet,
}

impl ExportFormat {
    fn format(self) -> Format {
        match self {
            ExportFormat::Jsonl => Format::Jsonl,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Parquet => Format::Parquet,
        }
    }
}

/// Runs `entente export`.
pub fn run(args: &ExportArgs) -> anyhow::Result<Outcome> {
    let format = args.format.format();
    // A build without Parquet says so before the store is even opened.
    if !format.is_available() {
        return Err(entente_export::ExportError::FormatNotBuilt {
            format: format.name(),
        }
        .into());
    }
    let store = open_store(&args.store.db)?;
    let written = entente_export::export(store.as_ref(), format, &args.out)?;
    let mut stdout = io::stdout().lock();
    for table in &written {
        let noun = if table.rows == 1 { "row" } else { "rows" };
        writeln!(stdout, "{}: {} {noun}", table.path.display(), table.rows)
            .context("cannot write to stdout")?;
    }
    stdout.flush().context("cannot write to stdout")?;
    Ok(Outcome::Success)
}
