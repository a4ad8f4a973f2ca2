//! What the knowledge-base commands share: opening the store a command
//! names, reading a country from what the user typed (with suggestions when
//! it is unknown), and naming a country for people.

use std::path::Path;

use anyhow::bail;
use entente_core::lexicon::{country_name_en, lookup_country};
use entente_store::{SqliteStore, Store};

/// Opens an existing store for a query; a missing, corrupt or newer store is
/// an error whose message names the file. A `postgres://` or
/// `postgresql://` URL opens a PostgreSQL store instead.
pub fn open_store(db: &Path) -> anyhow::Result<Box<dyn Store>> {
    match postgres_url(db) {
        Some(url) => open_postgres(url, false),
        None => Ok(Box::new(SqliteStore::open_existing(db)?)),
    }
}

/// Opens the store to write into, creating it if needed; `--db` as in
/// [`open_store`].
pub fn create_store(db: &Path) -> anyhow::Result<Box<dyn Store>> {
    match postgres_url(db) {
        Some(url) => open_postgres(url, true),
        None => Ok(Box::new(SqliteStore::open(db)?)),
    }
}

/// The URL `--db` holds when it names a PostgreSQL database.
fn postgres_url(db: &Path) -> Option<&str> {
    db.to_str()
        .filter(|db| db.starts_with("postgres://") || db.starts_with("postgresql://"))
}

#[cfg(feature = "postgres")]
fn open_postgres(url: &str, create: bool) -> anyhow::Result<Box<dyn Store>> {
    Ok(Box::new(entente_store::PostgresStore::connect(
        url, create,
    )?))
}

#[cfg(not(feature = "postgres"))]
fn open_postgres(_url: &str, _create: bool) -> anyhow::Result<Box<dyn Store>> {
    bail!(
        "this entente was built without PostgreSQL support; rebuild it with \
         `cargo install --path crates/cli --features postgres`, or give --db a SQLite file"
    )
}

/// The ISO3 code of the country `query` names, or an error that suggests the
/// closest known names.
pub fn resolve_country(query: &str) -> anyhow::Result<&'static str> {
    match lookup_country(query) {
        Ok(iso3) => Ok(iso3),
        Err(suggestions) => {
            let labels: Vec<String> = suggestions
                .iter()
                .map(|name| match lookup_country(name) {
                    Ok(iso3) => format!("{name} ({iso3})"),
                    Err(_) => (*name).to_string(),
                })
                .collect();
            match labels.as_slice() {
                [] => bail!(
                    "unknown country {query:?}: give an ISO 3166-1 code (TGO, KZ) or a name in \
                     English or French (Togo, Côte d'Ivoire)"
                ),
                [only] => bail!("unknown country {query:?}; did you mean {only}?"),
                several => bail!(
                    "unknown country {query:?}; did you mean one of: {}?",
                    several.join(", ")
                ),
            }
        }
    }
}

/// A country for people: "Togo (TGO)".
pub fn country_label(iso3: &str) -> String {
    match country_name_en(iso3) {
        Some(name) => format!("{name} ({iso3})"),
        None => iso3.to_string(),
    }
}

/// A country's English name, or its code when the lexicon has none.
pub fn country_name(iso3: &str) -> &str {
    country_name_en(iso3).unwrap_or(iso3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_countries_come_with_suggestions() {
        assert_eq!(resolve_country("Kazakhstan").unwrap(), "KAZ");
        assert_eq!(resolve_country("Allemagne").unwrap(), "DEU");
        let message = resolve_country("Kazakstan").unwrap_err().to_string();
        assert_eq!(
            message,
            "unknown country \"Kazakstan\"; did you mean Kazakhstan (KAZ)?"
        );
        let message = resolve_country("Guin").unwrap_err().to_string();
        assert!(message.contains("one of: Guinea (GIN)"), "{message}");
        let message = resolve_country("Qwxyz").unwrap_err().to_string();
        assert!(message.contains("give an ISO 3166-1 code"), "{message}");
    }

    #[test]
    fn countries_are_named_in_english() {
        assert_eq!(country_label("TGO"), "Togo (TGO)");
        assert_eq!(country_name("XXX"), "XXX");
    }
}
