//! entente-export writes what a knowledge base holds as flat tables that
//! analysts load into a dataframe, a spreadsheet or a warehouse: documents,
//! mentions of pairs of countries, events with their CAMEO and PLOVER codes,
//! agreements, the stages of each agreement's lifecycle, persons and quotes.
//! Every row carries the id of the document it comes from. The tables and
//! their columns are declared once, in `schema`, which `docs/export-schema.md`
//! documents; the writers (JSON Lines, CSV, and Parquet behind the `parquet`
//! feature) are generic over those declarations.
//!
//! **API Boundary:** this crate reads a store only through the
//! [`entente_store::Store`] trait, so every backend exports the same way.

mod codes;
mod error;
mod rows;
mod schema;
mod stages;
mod table;
mod write;

use std::path::{Path, PathBuf};

use entente_store::Store;

pub use codes::{EventCodes, event_codes};
pub use error::{ExportError, Result};
pub use schema::{Column, Kind, TABLES, TableSchema};
pub use table::{Table, Value};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per row, one file per table (`events.jsonl`).
    Jsonl,
    /// Comma-separated values with a header line (`events.csv`).
    Csv,
    /// Apache Parquet (`events.parquet`); needs the `parquet` feature.
    Parquet,
}

impl Format {
    /// Every format, available or not in this build.
    pub const ALL: [Format; 3] = [Format::Jsonl, Format::Csv, Format::Parquet];

    /// The format's name, which is also its file extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }

    /// Reads a format name; an unknown one is an error that lists the known ones.
    pub fn parse(name: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|format| format.name() == name.to_ascii_lowercase())
            .ok_or_else(|| ExportError::UnknownFormat {
                name: name.to_string(),
            })
    }

    /// Whether this build can write the format.
    pub fn is_available(self) -> bool {
        self != Format::Parquet || cfg!(feature = "parquet")
    }
}

/// What an export wrote: one file per table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenTable {
    /// The table's name.
    pub table: &'static str,
    /// The file written.
    pub path: PathBuf,
    /// The number of rows.
    pub rows: usize,
}

/// Reads every latest document of `store` and builds the export tables, in
/// the order of [`TABLES`].
pub fn build_tables(store: &dyn Store) -> Result<Vec<Table>> {
    let stored = store.latest_records()?;
    Ok(rows::tables(&stored))
}

/// Exports `store` into the folder `dir` (created if missing), one file per
/// table, and says what was written. The folder is checked before the store
/// is read, so a folder that cannot be written fails fast.
pub fn export(store: &dyn Store, format: Format, dir: &Path) -> Result<Vec<WrittenTable>> {
    if !format.is_available() {
        return Err(ExportError::FormatNotBuilt {
            format: format.name(),
        });
    }
    write::prepare_dir(dir)?;
    let tables = build_tables(store)?;
    write_tables(&tables, format, dir)
}

/// Writes already built tables into `dir`, one file per table.
pub fn write_tables(tables: &[Table], format: Format, dir: &Path) -> Result<Vec<WrittenTable>> {
    let mut written = Vec::with_capacity(tables.len());
    for table in tables {
        let path = dir.join(format!("{}.{}", table.schema.name, format.name()));
        write::write_table(table, format, &path)?;
        written.push(WrittenTable {
            table: table.schema.name,
            path,
            rows: table.rows.len(),
        });
    }
    Ok(written)
}
