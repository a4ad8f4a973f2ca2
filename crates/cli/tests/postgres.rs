//! The binary on a PostgreSQL store, when built with the `postgres` feature
//! and given a database in `ENTENTE_TEST_POSTGRES` (skipped with a notice
//! otherwise, a failure under CI): four `entente ingest` processes started
//! together on the same articles leave exactly one copy of each, and the
//! queries and the export read the database like a SQLite file. A build
//! without the feature refuses a `postgres://` URL with a clear message.

#[allow(dead_code)]
mod util;

#[cfg(feature = "postgres")]
use std::process::Stdio;

use util::Dir;
#[cfg(feature = "postgres")]
use util::kb::examples_manifest;

#[cfg(not(feature = "postgres"))]
#[test]
fn a_build_without_postgres_refuses_a_url() {
    let dir = Dir::new();
    let output = dir
        .entente(&["stats", "--db", "postgres://me:secret@localhost/kb"])
        .run();
    output.assert_code(1);
    assert!(
        output.stderr.contains("--features postgres"),
        "{}",
        output.stderr
    );
    assert!(!output.stderr.contains("secret"), "{}", output.stderr);
}

#[cfg(feature = "postgres")]
#[test]
fn four_parallel_ingests_store_each_document_once() {
    let Some(url) = test_database() else { return };
    let schema = Schema::new(&url);
    let dir = Dir::new();
    let manifest = examples_manifest();
    let children: Vec<_> = (0..4)
        .map(|_| {
            dir.entente(&[
                "ingest",
                &manifest,
                "--db",
                &schema.url,
                "--batch-size",
                "5",
            ])
            .command()
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starting entente")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let output = dir
        .entente(&["stats", "--format", "json", "--db", &schema.url])
        .run();
    let stats: serde_json::Value = serde_json::from_str(&output.assert_code(0).stdout).unwrap();
    assert_eq!(stats["documents"], 44, "{stats}");
    assert_eq!(stats["versions"], 44, "{stats}");

    let output = dir
        .entente(&["search", "Barrot", "--db", &schema.url])
        .run();
    assert!(
        output.assert_code(0).stdout.contains("[Barrot]"),
        "{}",
        output.stdout
    );
    let output = dir
        .entente(&[
            "export",
            "--format",
            "csv",
            "--out",
            "out",
            "--db",
            &schema.url,
        ])
        .run();
    assert!(
        output
            .assert_code(0)
            .stdout
            .contains("documents.csv: 44 rows"),
        "{}",
        output.stdout
    );
}

#[cfg(feature = "postgres")]
#[test]
fn an_unreachable_database_is_reported_without_its_password() {
    let dir = Dir::new();
    let url = "postgres://me:secret@127.0.0.1:1/kb?connect_timeout=2";
    let output = dir.entente(&["stats", "--db", url]).run();
    output.assert_code(1);
    assert!(
        output.stderr.contains("postgres://me:***@127.0.0.1:1/kb"),
        "{}",
        output.stderr
    );
    assert!(
        output.stderr.contains("cannot connect"),
        "{}",
        output.stderr
    );
    assert!(!output.stderr.contains("secret"), "{}", output.stderr);
}

/// The test database, or `None` with a notice outside CI.
#[cfg(feature = "postgres")]
fn test_database() -> Option<String> {
    match std::env::var("ENTENTE_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI is set and ENTENTE_TEST_POSTGRES is not")
        }
        _ => {
            eprintln!("note: ENTENTE_TEST_POSTGRES is not set; skipping the PostgreSQL tests");
            None
        }
    }
}

/// A schema of its own in the test database, dropped at the end.
#[cfg(feature = "postgres")]
struct Schema {
    admin_url: String,
    name: String,
    url: String,
}

#[cfg(feature = "postgres")]
impl Schema {
    fn new(admin_url: &str) -> Schema {
        let name = format!("entente_cli_test_{}", std::process::id());
        let mut client = postgres::Client::connect(admin_url, postgres::NoTls).unwrap();
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .unwrap();
        let separator = if admin_url.contains('?') { '&' } else { '?' };
        Schema {
            admin_url: admin_url.to_string(),
            url: format!("{admin_url}{separator}options=-c%20search_path%3D{name}"),
            name,
        }
    }
}

#[cfg(feature = "postgres")]
impl Drop for Schema {
    fn drop(&mut self) {
        // A schema left behind only costs space in a test database.
        if let Ok(mut client) = postgres::Client::connect(&self.admin_url, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name));
        }
    }
}
