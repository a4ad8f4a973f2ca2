//! The backends the store's tests run against: SQLite always, in a
//! temporary folder; PostgreSQL when the crate is built with the `postgres`
//! feature and `ENTENTE_TEST_POSTGRES` holds a database URL. Each PostgreSQL
//! backend gets a schema of its own, named in the URL's `search_path` and
//! dropped at the end, so tests run in parallel on one database. When the
//! URL is unset the PostgreSQL runs are skipped with a notice, except under
//! CI (`CI` set), where that is a failure.

use std::path::PathBuf;

use entente_store::{SqliteStore, Store};

/// A store to test, and what it takes to open it again.
pub struct Backend {
    pub name: &'static str,
    dir: tempfile::TempDir,
    #[cfg(feature = "postgres")]
    postgres: Option<PostgresSchema>,
}

impl Backend {
    fn sqlite() -> Backend {
        Backend {
            name: "sqlite",
            dir: tempfile::tempdir().expect("a temporary folder"),
            #[cfg(feature = "postgres")]
            postgres: None,
        }
    }

    /// The SQLite file of this backend.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("entente.db")
    }

    /// Opens the store, creating it when needed.
    pub fn create(&self) -> Box<dyn Store> {
        self.open(true)
            .unwrap_or_else(|error| panic!("{}: {error}", self.name))
    }

    /// Opens the store, which must exist.
    pub fn open_existing(&self) -> entente_store::Result<Box<dyn Store>> {
        self.open(false)
    }

    fn open(&self, create: bool) -> entente_store::Result<Box<dyn Store>> {
        #[cfg(feature = "postgres")]
        if let Some(schema) = &self.postgres {
            let store = entente_store::PostgresStore::connect(&schema.url, create)?;
            return Ok(Box::new(store));
        }
        let store = if create {
            SqliteStore::open(self.path())?
        } else {
            SqliteStore::open_existing(self.path())?
        };
        Ok(Box::new(store))
    }
}

/// Every backend to run a test against.
pub fn backends() -> Vec<Backend> {
    #[allow(unused_mut)]
    let mut backends = vec![Backend::sqlite()];
    #[cfg(feature = "postgres")]
    if let Some(url) = postgres_url() {
        backends.push(Backend {
            name: "postgres",
            dir: tempfile::tempdir().expect("a temporary folder"),
            postgres: Some(PostgresSchema::new(&url)),
        });
    }
    backends
}

/// The test database's URL, or `None` with a notice when it is not given
/// outside CI.
#[cfg(feature = "postgres")]
pub fn postgres_url() -> Option<String> {
    match std::env::var("ENTENTE_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => panic!(
            "CI is set and ENTENTE_TEST_POSTGRES is not: the PostgreSQL tests need a database URL"
        ),
        _ => {
            eprintln!("note: ENTENTE_TEST_POSTGRES is not set; skipping the PostgreSQL backend");
            None
        }
    }
}

/// A schema of its own in the test database, dropped with it.
#[cfg(feature = "postgres")]
pub struct PostgresSchema {
    admin_url: String,
    name: String,
    /// The test database's URL with this schema as its `search_path`.
    pub url: String,
}

#[cfg(feature = "postgres")]
impl PostgresSchema {
    pub fn new(admin_url: &str) -> PostgresSchema {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.subsec_nanos());
        let name = format!(
            "entente_test_{}_{}_{nanos}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = postgres::Client::connect(admin_url, postgres::NoTls)
            .unwrap_or_else(|error| panic!("ENTENTE_TEST_POSTGRES: {error}"));
        client
            .batch_execute(&format!("CREATE SCHEMA {name}"))
            .expect("a test schema");
        let separator = if admin_url.contains('?') { '&' } else { '?' };
        let url = format!("{admin_url}{separator}options=-c%20search_path%3D{name}");
        PostgresSchema {
            admin_url: admin_url.to_string(),
            name,
            url,
        }
    }

    /// Runs SQL in the schema, as another program would.
    pub fn execute(&self, sql: &str) {
        let mut client = postgres::Client::connect(&self.url, postgres::NoTls).unwrap();
        client.batch_execute(sql).unwrap();
    }
}

#[cfg(feature = "postgres")]
impl Drop for PostgresSchema {
    fn drop(&mut self) {
        // A schema left behind only costs space in a test database.
        if let Ok(mut client) = postgres::Client::connect(&self.admin_url, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name));
        }
    }
}
