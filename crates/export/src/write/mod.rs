//! Writing tables to files. The folder is prepared (created and probed for
//! writing) before anything is read, and each table is written to a
//! temporary file renamed into place at the end, so a failed export never
//! leaves a half-written table under its final name.

mod csv;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet;

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::Format;
use crate::error::{ExportError, Result};
use crate::table::Table;

/// Creates `dir` if needed and checks that a file can be written in it.
pub fn prepare_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(ExportError::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    let folder_error = |source| ExportError::Folder {
        path: dir.to_path_buf(),
        source,
    };
    fs::create_dir_all(dir).map_err(folder_error)?;
    let probe = dir.join(".entente-export-probe");
    fs::write(&probe, b"").map_err(folder_error)?;
    fs::remove_file(&probe).map_err(folder_error)
}

/// Writes one table to `path` in `format`.
pub fn write_table(table: &Table, format: Format, path: &Path) -> Result<()> {
    let temporary = path.with_extension(format!("{}.partial", format.name()));
    let write_error = |message: String| ExportError::Write {
        path: path.to_path_buf(),
        message,
    };
    let file = fs::File::create(&temporary).map_err(|error| write_error(error.to_string()))?;
    let mut out = BufWriter::new(file);
    let written = match format {
        Format::Jsonl => jsonl::write(table, &mut out),
        Format::Csv => csv::write(table, &mut out),
        Format::Parquet => write_parquet(table, &mut out),
    };
    let finished = written.and_then(|()| out.flush().map_err(|error| error.to_string()));
    if let Err(message) = finished {
        // The partial file is useless; failing to remove it changes nothing.
        let _ = fs::remove_file(&temporary);
        return Err(write_error(message));
    }
    drop(out);
    fs::rename(&temporary, path).map_err(|error| write_error(error.to_string()))
}

#[cfg(feature = "parquet")]
fn write_parquet(table: &Table, out: &mut BufWriter<fs::File>) -> Result<(), String> {
    parquet::write(table, out)
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(_table: &Table, _out: &mut BufWriter<fs::File>) -> Result<(), String> {
    Err(ExportError::FormatNotBuilt { format: "parquet" }.to_string())
}
