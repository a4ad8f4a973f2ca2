//! The export of the bundled examples: every format writes every table with
//! the same rows, CSV reads back with the row counts and headers of the
//! schema, events carry the spec's codes, the schema document lists exactly
//! the declared columns, and bad folders and formats fail with clear errors.
//! The Parquet files are also read back by an independent reader (pyarrow)
//! in `tests/read_parquet.py`, which CI runs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use entente_export::{ExportError, Format, TABLES, Value, build_tables, export};
use entente_ingest::read_inputs;
use entente_store::{SourcedInput, SqliteStore, Store};

fn workspace_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// A store holding the 44 example articles.
fn examples_store(dir: &Path) -> SqliteStore {
    let mut store = SqliteStore::open(dir.join("entente.db")).unwrap();
    let documents: Vec<_> = read_inputs(&[workspace_dir().join("examples/articles.jsonl")])
        .map(|entry| {
            let sourced = entry.expect("the examples are readable");
            let (record, _) = entente_core::extract(&sourced.document);
            (sourced, record)
        })
        .collect();
    let batch: Vec<_> = documents
        .iter()
        .map(|(sourced, record)| {
            let input = SourcedInput {
                document: &sourced.document,
                source: &sourced.source,
                title: sourced.title.as_deref(),
                content_hash: None,
            };
            (input, record)
        })
        .collect();
    for outcome in store.put_batch(&batch).unwrap() {
        outcome.unwrap();
    }
    store
}

/// The number of rows of each table, as an export reports them.
fn row_counts(written: &[entente_export::WrittenTable]) -> BTreeMap<&'static str, usize> {
    written
        .iter()
        .map(|table| (table.table, table.rows))
        .collect()
}

#[test]
fn every_format_writes_every_table_with_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let jsonl = export(&store, Format::Jsonl, &dir.path().join("jsonl")).unwrap();
    let counts = row_counts(&jsonl);
    assert_eq!(counts.len(), TABLES.len());
    assert_eq!(counts["documents"], 44);
    for table in [
        "mentions",
        "events",
        "agreements",
        "agreement_stages",
        "persons",
        "quotes",
    ] {
        assert!(counts[table] > 0, "{table}: {counts:?}");
    }
    for written in &jsonl {
        let text = std::fs::read_to_string(&written.path).unwrap();
        assert_eq!(
            text.lines().count(),
            written.rows,
            "{}",
            written.path.display()
        );
        for line in text.lines() {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(row.get("doc_id").is_some_and(|id| id.is_string()), "{line}");
        }
    }

    let csv = export(&store, Format::Csv, &dir.path().join("csv")).unwrap();
    assert_eq!(row_counts(&csv), counts);
    for (written, schema) in csv.iter().zip(TABLES) {
        let mut reader = csv::Reader::from_path(&written.path).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let declared: Vec<&str> = schema.columns.iter().map(|column| column.name).collect();
        assert_eq!(header, declared, "{}", schema.name);
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
        let rows = rows.len();
        assert_eq!(rows, counts[schema.name], "{}", schema.name);
    }

    if Format::Parquet.is_available() {
        let parquet = export(&store, Format::Parquet, &dir.path().join("parquet")).unwrap();
        assert_eq!(row_counts(&parquet), counts);
        for written in &parquet {
            let bytes = std::fs::read(&written.path).unwrap();
            assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
        }
    }
}

#[test]
fn events_carry_cameo_and_plover_codes_and_their_document() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let tables = build_tables(&store).unwrap();
    let events = tables
        .iter()
        .find(|table| table.schema.name == "events")
        .unwrap();
    let column = |name: &str| {
        events
            .schema
            .columns
            .iter()
            .position(|column| column.name == name)
            .unwrap()
    };
    let (kind, modality, cameo, context) = (
        column("type"),
        column("modality"),
        column("cameo"),
        column("plover_context"),
    );
    let text = |value: &Value| match value {
        Value::Text(text) => text.clone(),
        other => format!("{other:?}"),
    };
    let visits: Vec<_> = events
        .rows
        .iter()
        .filter(|row| text(&row[kind]) == "visit")
        .collect();
    assert!(!visits.is_empty());
    assert!(visits.iter().all(|row| text(&row[cameo]) == "042"));
    for row in &events.rows {
        let future = text(&row[modality]) != "occurred";
        assert_eq!(
            row[context] == Value::Text("future".into()),
            future,
            "{row:?}"
        );
    }
    // Every row of every table names a stored document.
    let documents = &tables[0];
    let ids: Vec<&Value> = documents.rows.iter().map(|row| &row[0]).collect();
    for table in &tables {
        let doc_id = table
            .schema
            .columns
            .iter()
            .position(|column| column.name == "doc_id")
            .unwrap();
        assert!(
            table.rows.iter().all(|row| ids.contains(&&row[doc_id])),
            "{}",
            table.schema.name
        );
    }
}

#[test]
fn the_schema_document_lists_exactly_the_declared_columns() {
    let path = workspace_dir().join("docs/export-schema.md");
    let document = std::fs::read_to_string(&path).unwrap();
    let mut documented = Vec::new();
    let mut table = String::new();
    for line in document.lines() {
        if let Some(name) = line.strip_prefix("## `") {
            table = name.trim_end_matches('`').to_string();
        } else if let Some(row) = line.strip_prefix("| `").filter(|_| !table.is_empty()) {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let column = cells[0].trim_end_matches('`');
            documented.push(format!("{table}.{column}: {}", cells[1]));
        }
    }
    let declared: Vec<String> = TABLES
        .iter()
        .flat_map(|schema| {
            schema.columns.iter().map(|column| {
                let null = if column.nullable { ", null" } else { "" };
                format!(
                    "{}.{}: {}{null}",
                    schema.name,
                    column.name,
                    column.kind.name()
                )
            })
        })
        .collect();
    assert_eq!(documented, declared);
}

#[test]
fn bad_folders_and_formats_are_refused_with_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("entente.db")).unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();

    let error = export(&store, Format::Csv, &file).unwrap_err();
    assert!(matches!(error, ExportError::NotAFolder { .. }), "{error}");
    let error = export(&store, Format::Csv, &file.join("below")).unwrap_err();
    assert!(matches!(error, ExportError::Folder { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("a-file/below: cannot write the export here")
    );

    let error = Format::parse("xlsx").unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown export format \"xlsx\": expected jsonl, csv or parquet"
    );
    assert_eq!(Format::parse("CSV").unwrap(), Format::Csv);
    if !Format::Parquet.is_available() {
        let error = export(&store, Format::Parquet, &dir.path().join("out")).unwrap_err();
        assert!(error.to_string().contains("--features parquet"), "{error}");
    }

    // An empty store exports empty tables with their headers.
    let written = export(&store, Format::Csv, &dir.path().join("empty")).unwrap();
    assert!(written.iter().all(|table| table.rows == 0));
    let header = std::fs::read_to_string(dir.path().join("empty/events.csv")).unwrap();
    assert!(header.starts_with("doc_id,item,type,parties,"), "{header}");
}
