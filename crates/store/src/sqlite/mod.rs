//! The SQLite backend: one database file in WAL mode, opened, checked and
//! migrated here, written by `write.rs` and queried by `read.rs`. SQLite's
//! own errors are turned into [`StoreError`]s that name the file; a file that
//! SQLite calls corrupt or "not a database" becomes [`StoreError::Corrupt`].

mod document;
mod read;
mod schema;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use entente_core::Record;
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

pub use schema::SCHEMA_VERSION;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::model::{
    Outcome, PairActivity, SearchHit, SourcedInput, Stats, StoredDocument, StoredRecord,
};

/// How long a writer waits for another process's transaction to end.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The page cache of a connection that writes, in KiB: a batch of documents
/// and the index pages it touches fit, so a transaction does not spill
/// mid-way. Readers keep SQLite's default of 2 MiB, which a short query
/// allocates and frees faster than a big cache it reads once.
const WRITE_CACHE_KIB: i64 = 32 * 1024;

/// The size the write-ahead log reaches before it is copied into the
/// database file, in pages (16 MiB of 4 KiB pages; SQLite's default is 1000).
const WAL_CHECKPOINT_PAGES: i64 = 16384;

/// A store in one SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    connection: Connection,
    path: PathBuf,
    /// Whether the connection has been set up for writing.
    writing: bool,
}

impl SqliteStore {
    /// Opens the store at `path`, creating the file and its schema if needed
    /// and migrating an older schema.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore> {
        SqliteStore::open_with(path.as_ref(), true)
    }

    /// Opens the store at `path`, which must exist and be an entente store;
    /// an older schema is migrated.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<SqliteStore> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        SqliteStore::open_with(path, false)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn open_with(path: &Path, create: bool) -> Result<SqliteStore> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let connection =
            Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        let mut store = SqliteStore {
            connection,
            path: path.to_path_buf(),
            writing: false,
        };
        store.configure()?;
        store.migrate(create)?;
        Ok(store)
    }

    fn configure(&self) -> Result<()> {
        let at = |source| failure(&self.path, "setting up the connection", source);
        self.connection.busy_timeout(BUSY_TIMEOUT).map_err(at)?;
        // Reading the journal mode is the first read of the file, so a file
        // that is not a database fails here, as Corrupt.
        self.connection
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
            .map_err(at)?;
        // In WAL mode, NORMAL loses no committed transaction when the process
        // dies; only a power cut can lose the last ones.
        self.connection
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(at)?;
        self.connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(at)?;
        // A checkpoint copies each page once however many commits changed
        // it, so fewer, larger checkpoints write less.
        self.connection
            .pragma_update(None, "wal_autocheckpoint", WAL_CHECKPOINT_PAGES)
            .map_err(at)?;
        Ok(())
    }

    /// Brings the schema to [`SCHEMA_VERSION`], or refuses a file that is
    /// newer or not an entente store. A store already at the current version
    /// is only read, so readers never wait for a writer's lock.
    fn migrate(&mut self, create: bool) -> Result<()> {
        let path = self.path.clone();
        let at = |doing: &str| {
            let path = path.clone();
            let doing = doing.to_string();
            move |source| failure(&path, &doing, source)
        };
        let found = self.schema_version()?;
        if found == SCHEMA_VERSION {
            return Ok(());
        }
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(at("starting the schema migration"))?;
        // Another process may have migrated the store in the meantime.
        let found: i64 = transaction
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(at("reading the schema version"))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found == 0 {
            let objects: i64 = transaction
                .query_row("SELECT COUNT(*) FROM sqlite_master", [], |row| row.get(0))
                .map_err(at("reading the list of tables"))?;
            if objects > 0 || !create {
                return Err(StoreError::NotAStore { path });
            }
        }
        for (index, migration) in schema::MIGRATIONS.iter().enumerate().skip(found as usize) {
            let version = index as i64 + 1;
            transaction
                .execute_batch(migration)
                .map_err(at(&format!("migrating the schema to version {version}")))?;
            transaction
                .pragma_update(None, "user_version", version)
                .map_err(at("writing the schema version"))?;
        }
        transaction
            .commit()
            .map_err(at("committing the schema migration"))
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64> {
        self.connection
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|source| failure(&self.path, "reading the schema version", source))
    }
}

impl Store for SqliteStore {
    fn put_batch(&mut self, batch: &[(SourcedInput<'_>, &Record)]) -> Result<Vec<Result<Outcome>>> {
        if !self.writing {
            let at = |source| failure(&self.path, "setting up the connection to write", source);
            // Pages, negative for KiB.
            self.connection
                .pragma_update(None, "cache_size", -WRITE_CACHE_KIB)
                .map_err(at)?;
            // The savepoint of each document keeps its journal in memory
            // rather than in a temporary file.
            self.connection
                .pragma_update(None, "temp_store", "MEMORY")
                .map_err(at)?;
            self.writing = true;
        }
        write::put_batch(&mut self.connection, &self.path, batch)
    }

    fn has_content(&self, content_hash: &str) -> Result<bool> {
        read::has_content(&self.connection, &self.path, content_hash)
    }

    fn records_for_pair(&self, a: &str, b: &str) -> Result<Vec<StoredRecord>> {
        read::records_for_pair(&self.connection, &self.path, a, b)
    }

    fn pairs_ranked(&self, limit: Option<usize>) -> Result<Vec<PairActivity>> {
        read::pair_activity(&self.connection, &self.path, None, limit)
    }

    fn partners(&self, country: &str) -> Result<Vec<PairActivity>> {
        read::pair_activity(&self.connection, &self.path, Some(country), None)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        read::search(&self.connection, &self.path, query, limit)
    }

    fn stats(&self) -> Result<Stats> {
        read::stats(&self.connection, &self.path, self.schema_version()?)
    }

    fn documents(&self) -> Result<Vec<StoredDocument>> {
        read::documents(&self.connection, &self.path)
    }

    fn document(&self, doc_id: &str) -> Result<Option<StoredRecord>> {
        document::document(&self.connection, &self.path, doc_id)
    }

    fn latest_records(&self) -> Result<Vec<StoredRecord>> {
        read::latest_records(&self.connection, &self.path)
    }
}

/// Turns a SQLite error into a [`StoreError`] that names the file, and says
/// what was being done unless the file itself is the problem.
pub(crate) fn failure(path: &Path, doing: &str, source: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path, source }
        }
        _ => StoreError::Sql {
            path,
            doing: doing.to_string(),
            source,
        },
    }
}
