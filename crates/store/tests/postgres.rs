//! Refusals of the PostgreSQL backend, the counterparts of the SQLite ones
//! in `store.rs`: an unreachable database (with the password kept out of
//! the message), a database without a store opened for reading, another
//! program's `documents` table, and a schema from a newer entente. They run
//! when the crate is built with the `postgres` feature; without
//! `ENTENTE_TEST_POSTGRES` they are skipped with a notice, except under CI.

#![cfg(feature = "postgres")]

mod common;

use common::backend::{PostgresSchema, postgres_url};
use entente_store::{POSTGRES_SCHEMA_VERSION, PostgresStore, StoreError, redact};

#[test]
fn an_unreachable_database_is_named_without_its_password() {
    let url = "postgres://analyst:s3cret@127.0.0.1:1/entente?connect_timeout=2";
    let error = PostgresStore::connect(url, true).unwrap_err();
    assert!(matches!(error, StoreError::Unreachable { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.starts_with("postgres://analyst:***@127.0.0.1:1/entente"),
        "{message}"
    );
    assert!(message.contains("cannot connect"), "{message}");
    assert!(!message.contains("s3cret"), "{message}");
    assert_eq!(
        redact("postgresql://localhost/db?user=a&password=x&sslmode=disable"),
        "postgresql://localhost/db?user=a&password=***&sslmode=disable"
    );
    assert_eq!(redact("postgres://a@host/db"), "postgres://a@host/db");
}

#[test]
fn a_database_without_a_store_is_not_read() {
    let Some(url) = postgres_url() else { return };
    let schema = PostgresSchema::new(&url);
    let error = PostgresStore::connect(&schema.url, false).unwrap_err();
    assert!(matches!(error, StoreError::Missing { .. }), "{error}");
    assert!(error.to_string().contains("no such store"), "{error}");
}

#[test]
fn another_programs_tables_are_not_taken_for_a_store() {
    let Some(url) = postgres_url() else { return };
    let schema = PostgresSchema::new(&url);
    schema.execute("CREATE TABLE documents (number INTEGER, amount REAL)");
    let error = PostgresStore::connect(&schema.url, true).unwrap_err();
    assert!(matches!(error, StoreError::NotAStore { .. }), "{error}");
}

#[test]
fn a_store_from_a_newer_schema_is_refused() {
    let Some(url) = postgres_url() else { return };
    let schema = PostgresSchema::new(&url);
    let store = PostgresStore::connect(&schema.url, true).unwrap();
    assert_eq!(store.schema_version().unwrap(), POSTGRES_SCHEMA_VERSION);
    drop(store);
    schema.execute(&format!(
        "UPDATE entente_schema SET version = {}",
        POSTGRES_SCHEMA_VERSION + 1
    ));
    let error = PostgresStore::connect(&schema.url, false).unwrap_err();
    let StoreError::NewerSchema {
        found, supported, ..
    } = &error
    else {
        panic!("{error}");
    };
    assert_eq!(
        (*found, *supported),
        (POSTGRES_SCHEMA_VERSION + 1, POSTGRES_SCHEMA_VERSION)
    );
    assert!(error.to_string().contains("upgrade entente"), "{error}");
}
