//! `entente export` end to end: the examples ingested, then exported as
//! JSON Lines and CSV with a line per table on stdout; an unknown format is
//! a usage error, a file in place of the folder and (in a build without the
//! feature) Parquet are refused with messages that say what to do.

#[allow(dead_code)]
mod util;

use util::Dir;
use util::kb::examples_manifest;

#[test]
fn the_examples_export_as_jsonl_and_csv() {
    let dir = Dir::new();
    dir.entente(&["ingest", &examples_manifest()])
        .run()
        .assert_code(0);
    for format in ["jsonl", "csv"] {
        let out = format!("out-{format}");
        let output = dir
            .entente(&["export", "--format", format, "--out", &out])
            .run();
        output.assert_code(0);
        let documents = format!("out-{format}/documents.{format}: 44 rows");
        assert!(output.stdout.contains(&documents), "{}", output.stdout);
        assert_eq!(output.stdout.lines().count(), 7, "{}", output.stdout);
        assert!(
            dir.path()
                .join(&out)
                .join(format!("events.{format}"))
                .is_file()
        );
    }
}

#[test]
fn bad_exports_are_refused_with_clear_errors() {
    let dir = Dir::new();
    dir.entente(&["ingest", &examples_manifest()])
        .run()
        .assert_code(0);
    let output = dir
        .entente(&["export", "--format", "xlsx", "--out", "x"])
        .run();
    output.assert_code(2);
    assert!(
        output
            .stderr
            .contains("possible values: jsonl, csv, parquet"),
        "{}",
        output.stderr
    );

    dir.write("taken", "a file");
    let output = dir.entente(&["export", "--out", "taken"]).run();
    output.assert_code(1);
    assert!(
        output.stderr.contains("taken: the export needs a folder"),
        "{}",
        output.stderr
    );
    let output = dir.entente(&["export", "--out", "taken/below"]).run();
    output.assert_code(1);
    assert!(
        output
            .stderr
            .contains("taken/below: cannot write the export here"),
        "{}",
        output.stderr
    );

    let output = dir
        .entente(&["export", "--format", "parquet", "--out", "p"])
        .run();
    if cfg!(feature = "parquet") {
        output.assert_code(0);
    } else {
        output.assert_code(1);
        assert!(
            output.stderr.contains("--features parquet"),
            "{}",
            output.stderr
        );
    }

    let output = dir
        .entente(&["export", "--out", "y", "--db", "missing.db"])
        .run();
    output.assert_code(1);
    assert!(
        output.stderr.contains("missing.db: no such store"),
        "{}",
        output.stderr
    );
}
