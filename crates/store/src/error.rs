//! The one error type of entente-store. Every message names the database
//! file and says what is wrong with it in words a user can act on: a store
//! that does not exist yet, a file that is not an entente store, a store
//! written by a newer entente, or a failed query.

use std::path::PathBuf;

/// The result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What can go wrong with a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// `open_existing` was asked for a file that is not there.
    #[error(
        "{}: no such store (run `entente ingest FILE... --db {}` to create it)",
        path.display(),
        path.display()
    )]
    Missing { path: PathBuf },

    /// The file exists but is not a SQLite database, or is damaged.
    #[error(
        "{}: the store is corrupt or not a SQLite database ({source}); \
         move it aside and ingest the documents again",
        path.display()
    )]
    Corrupt {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    /// The file is a SQLite database, but not one entente wrote.
    #[error(
        "{}: this SQLite database is not an entente store (it has other tables and no \
         entente schema version)",
        path.display()
    )]
    NotAStore { path: PathBuf },

    /// The store was written by a newer entente whose schema this one does not know.
    #[error(
        "{}: the store has schema version {found}, newer than version {supported} that this \
         entente knows; upgrade entente to read it",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// The file cannot be opened or created (permissions, a missing folder).
    #[error("{}: cannot open the store: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    /// A query or a write failed; `doing` says which.
    #[error("{}: {doing}: {source}", path.display())]
    Sql {
        path: PathBuf,
        doing: String,
        #[source]
        source: rusqlite::Error,
    },

    /// A stored record is not valid JSON for this version of the record model.
    #[error("{}: document {doc_id:?}: the stored record cannot be read: {source}", path.display())]
    BadRecord {
        path: PathBuf,
        doc_id: String,
        #[source]
        source: serde_json::Error,
    },

    /// The PostgreSQL database cannot be reached, or refuses the connection
    /// (`target` is its URL with the password hidden).
    #[cfg(feature = "postgres")]
    #[error("{target}: cannot connect to the PostgreSQL database: {source}")]
    Unreachable {
        target: String,
        #[source]
        source: postgres::Error,
    },

    /// A PostgreSQL query or write failed; `doing` says which.
    #[cfg(feature = "postgres")]
    #[error("{target}: {doing}: {source}")]
    Postgres {
        target: String,
        doing: String,
        #[source]
        source: postgres::Error,
    },

    /// A search query has no words to look for.
    #[error("the search query {query:?} has no words to look for")]
    EmptyQuery { query: String },
}
