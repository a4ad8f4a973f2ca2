//! The PostgreSQL backend, behind the `postgres` feature: the same tables,
//! versions and queries as the SQLite store, in one PostgreSQL database (or
//! the schema its URL's `search_path` names). It is opened, checked and
//! migrated here, written by `write.rs` and queried by `read.rs`; full-text
//! search folds case and accents in Rust (`search.rs`), so it needs no
//! extension. Errors name the database by its URL with the password hidden.

mod read;
mod schema;
mod search;
mod write;

use std::str::FromStr;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use entente_core::Record;
use postgres::{Client, Config, NoTls};

pub use schema::POSTGRES_SCHEMA_VERSION;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::model::{
    Outcome, PairActivity, SearchHit, SourcedInput, Stats, StoredDocument, StoredRecord,
};

/// How long connecting may take before the database counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A store in a PostgreSQL database.
pub struct PostgresStore {
    /// A `postgres::Client` needs `&mut` for every query while the trait's
    /// reads take `&self`, so the client sits behind a mutex.
    client: Mutex<Client>,
    /// The URL with its password hidden, for messages.
    target: String,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("PostgresStore")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host/db`,
    /// or any form the `postgres` crate reads). With `create`, a database
    /// without an entente schema gets one; without it, such a database is
    /// [`StoreError::Missing`]. An older schema is migrated, a newer one refused.
    pub fn connect(url: &str, create: bool) -> Result<PostgresStore> {
        let target = redact(url);
        let mut config = Config::from_str(url).map_err(|source| StoreError::Unreachable {
            target: target.clone(),
            source,
        })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("entente");
        }
        let client = config
            .connect(NoTls)
            .map_err(|source| StoreError::Unreachable {
                target: target.clone(),
                source,
            })?;
        let mut client = client;
        schema::migrate(&mut client, &target, create)?;
        Ok(PostgresStore {
            client: Mutex::new(client),
            target,
        })
    }

    /// The database, as messages name it: its URL without the password.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64> {
        schema::version(&mut self.reader(), &self.target)
    }

    /// The connection, for one query at a time. A panic while another
    /// caller held it leaves nothing half-done on the client side, since
    /// every write is one transaction, so a poisoned lock is taken as is.
    fn reader(&self) -> MutexGuard<'_, Client> {
        self.client
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A failure of a query, naming the database and what was being done.
pub(crate) fn failure(target: &str, doing: &str, source: postgres::Error) -> StoreError {
    StoreError::Postgres {
        target: target.to_string(),
        doing: doing.to_string(),
        source,
    }
}

/// The URL with any password replaced by `***`, in the user-info part
/// (`user:secret@host`) and in a `password=` parameter.
pub fn redact(url: &str) -> String {
    let mut redacted = url.to_string();
    if let Some(scheme_end) = redacted.find("://") {
        let rest = &redacted[scheme_end + 3..];
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        if let Some(at) = rest[..authority_end].rfind('@')
            && let Some(colon) = rest[..at].find(':')
        {
            let start = scheme_end + 3 + colon + 1;
            redacted.replace_range(start..scheme_end + 3 + at, "***");
        }
    }
    let lower = redacted.to_ascii_lowercase();
    if let Some(position) = lower.find("password=") {
        let start = position + "password=".len();
        let end = redacted[start..]
            .find(['&', ' '])
            .map_or(redacted.len(), |end| start + end);
        redacted.replace_range(start..end, "***");
    }
    redacted
}

impl Store for PostgresStore {
    fn put_batch(&mut self, batch: &[(SourcedInput<'_>, &Record)]) -> Result<Vec<Result<Outcome>>> {
        let client = self
            .client
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        write::put_batch(client, &self.target, batch)
    }

    fn has_content(&self, content_hash: &str) -> Result<bool> {
        read::has_content(&mut self.reader(), &self.target, content_hash)
    }

    fn records_for_pair(&self, a: &str, b: &str) -> Result<Vec<StoredRecord>> {
        read::records_for_pair(&mut self.reader(), &self.target, a, b)
    }

    fn pairs_ranked(&self, limit: Option<usize>) -> Result<Vec<PairActivity>> {
        read::pair_activity(&mut self.reader(), &self.target, None, limit)
    }

    fn partners(&self, country: &str) -> Result<Vec<PairActivity>> {
        read::pair_activity(&mut self.reader(), &self.target, Some(country), None)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        read::search(&mut self.reader(), &self.target, query, limit)
    }

    fn stats(&self) -> Result<Stats> {
        read::stats(&mut self.reader(), &self.target)
    }

    fn documents(&self) -> Result<Vec<StoredDocument>> {
        read::documents(&mut self.reader(), &self.target)
    }

    fn document(&self, doc_id: &str) -> Result<Option<StoredRecord>> {
        read::document(&mut self.reader(), &self.target, doc_id)
    }

    fn latest_records(&self) -> Result<Vec<StoredRecord>> {
        read::latest_records(&mut self.reader(), &self.target)
    }
}
