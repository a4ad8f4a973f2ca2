//! The one error type of the crate. Every message starts with where the
//! problem is, a file path or a `manifest.jsonl:LINE` origin, then says what is
//! wrong; lower-level causes are chained as sources, so printing with `{:#}`
//! (as anyhow does) gives the whole story on one line.

use std::io;
use std::path::PathBuf;

use crate::published::InvalidDate;

/// A `Result` whose error is an [`IngestError`].
pub type Result<T, E = IngestError> = std::result::Result<T, E>;

/// Why an article or a manifest line could not be read into a document.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file does not exist.
    #[error("{}: no such file", path.display())]
    NotFound { path: PathBuf },

    /// The file exists but reading it failed (a directory, no permission...).
    #[error("cannot read {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// The bytes are not text in any encoding we can recognise.
    #[error("{origin}: unreadable encoding: {reason}")]
    UnreadableEncoding { origin: String, reason: String },

    /// The article has no text, or only whitespace.
    #[error("{origin}: the article is empty (only whitespace)")]
    EmptyText { origin: String },

    /// Reading the manifest itself failed (it cannot be opened, or reading a
    /// line from it failed).
    #[error("{origin}: cannot read the manifest")]
    ManifestIo {
        origin: String,
        #[source]
        source: io::Error,
    },

    /// A manifest line is not valid UTF-8.
    #[error("{origin}: the line is not valid UTF-8 (manifests are UTF-8 JSON Lines)")]
    NotUtf8 { origin: String },

    /// A manifest line does not parse as JSON.
    #[error("{origin}: not valid JSON ({reason})")]
    NotJson { origin: String, reason: String },

    /// A manifest line is JSON but not an object.
    #[error("{origin}: expected a JSON object like {{\"id\": ..., \"file\": ...}}, found {found}")]
    NotAnObject { origin: String, found: &'static str },

    /// A manifest line has no `id`, or an empty one.
    #[error("{origin}: no `id` (every line needs a non-empty string `id`)")]
    MissingId { origin: String },

    /// A manifest field has the wrong JSON type.
    #[error("{origin}: `{field}` must be {expected}, found {found}")]
    WrongType {
        origin: String,
        field: &'static str,
        expected: &'static str,
        found: &'static str,
    },

    /// A manifest line gives neither the article's file nor its text.
    #[error("{origin}: neither `file` nor `text` (give the article's path or its text)")]
    NoText { origin: String },

    /// A manifest line gives both a file and a text.
    #[error("{origin}: both `file` and `text` (give only one)")]
    BothFileAndText { origin: String },

    /// The `published` field is not a date.
    #[error("{origin}: bad `published` date")]
    BadPublished {
        origin: String,
        #[source]
        source: InvalidDate,
    },

    /// The file named by a manifest line could not be read.
    #[error("{origin}: article {id:?}")]
    ArticleFile {
        origin: String,
        id: String,
        #[source]
        source: Box<IngestError>,
    },

    /// A folder was reached twice, through a symbolic link that loops.
    #[error("{}: folder already read (a symbolic link loop?); skipped", path.display())]
    FolderLoop { path: PathBuf },

    /// An HTML file holds no readable article.
    #[error("{origin}: no article in this HTML page: {reason}")]
    Html { origin: String, reason: String },

    /// A feed file does not parse as RSS, Atom or JSON Feed.
    #[error("{origin}: not a readable RSS, Atom or JSON feed: {reason}")]
    Feed { origin: String, reason: String },
}

impl IngestError {
    /// The error for a failed read of `path`: `NotFound` when it is absent,
    /// `Io` otherwise.
    pub(crate) fn from_io(path: &std::path::Path, source: io::Error) -> IngestError {
        match source.kind() {
            io::ErrorKind::NotFound => IngestError::NotFound {
                path: path.to_path_buf(),
            },
            _ => IngestError::Io {
                path: path.to_path_buf(),
                source,
            },
        }
    }
}
