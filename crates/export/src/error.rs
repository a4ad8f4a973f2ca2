//! The one error type of entente-export. Messages name the folder or file
//! and say what the user can do: pick a known format, rebuild with the
//! `parquet` feature, or choose a folder they can write.

use std::path::PathBuf;

/// The result of an export operation.
pub type Result<T, E = ExportError> = std::result::Result<T, E>;

/// What can go wrong with an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The format name is not one entente knows.
    #[error("unknown export format {name:?}: expected jsonl, csv or parquet")]
    UnknownFormat { name: String },

    /// The format is known but this build cannot write it.
    #[error(
        "this entente was built without {format} support; rebuild it with \
         `cargo install --path crates/cli --features {format}`, or export as jsonl or csv"
    )]
    FormatNotBuilt { format: &'static str },

    /// The output folder cannot be created or written.
    #[error("{}: cannot write the export here: {source}", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The output path exists and is not a folder.
    #[error("{}: the export needs a folder, and this is a file", path.display())]
    NotAFolder { path: PathBuf },

    /// Writing one table's file failed.
    #[error("{}: cannot write the table: {message}", path.display())]
    Write { path: PathBuf, message: String },

    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] entente_store::StoreError),
}
