//! Integration tests of the `entente` binary: the whole command run as a
//! user runs it, on the seed articles, the bundled examples and small inputs
//! written for each case. They check what the command promises today (ids,
//! language, publication date, order, streaming, errors and exit status), not
//! what the extractor finds in the articles.

mod util;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use util::{Dir, entente, field, read_jsonl, shared_dir, workspace_dir};

/// A French paragraph long enough for language identification.
const FRENCH: &str = "Le ministre des Affaires étrangères de Côte d'Ivoire a été reçu mardi à Paris \
par son homologue français. Les deux responsables ont évoqué la coopération économique, \
la sécurité dans la région et la préparation de la prochaine visite du président à Abidjan.\n";

/// An English paragraph long enough for language identification.
const ENGLISH: &str = "The foreign minister of Ghana received his Turkish counterpart in Accra on \
Thursday. The two ministers discussed trade, defence cooperation and a new agreement on \
the mutual protection of investments, which both sides hope to sign next year.\n";

#[test]
fn extracts_the_seed_articles_through_their_manifest() {
    let seeds = shared_dir().join("corpus/seeds");
    let manifest = seeds.join("articles.jsonl");
    let output = entente(&["extract", "--manifest", manifest.to_str().unwrap()]).run();
    output.assert_code(0);
    let expected = read_jsonl(&manifest);
    let records = output.records();
    assert_eq!(records.len(), expected.len());
    for (record, entry) in records.iter().zip(&expected) {
        assert_eq!(record["id"], entry["id"]);
        assert_eq!(record["published"], entry["published"]);
        assert_eq!(field(record, "lang"), "fr", "{}", record["id"]);
    }
}

#[test]
fn extracts_the_examples_in_manifest_order() {
    let manifest = workspace_dir().join("examples/articles.jsonl");
    let output = entente(&["extract", "--manifest", manifest.to_str().unwrap()]).run();
    output.assert_code(0);
    let expected = read_jsonl(&manifest);
    assert_eq!(expected.len(), 44);
    let records = output.records();
    assert_eq!(records.len(), expected.len());
    for (record, entry) in records.iter().zip(&expected) {
        assert_eq!(record["id"], entry["id"]);
        assert_eq!(record["published"], entry["published"]);
        let id = field(record, "id");
        let lang = if id.starts_with("dev-fr-") {
            "fr"
        } else {
            "en"
        };
        assert_eq!(field(record, "lang"), lang, "{id}");
    }
}

#[test]
fn a_manifest_on_stdin_resolves_files_against_the_current_directory() {
    let dir = Dir::new();
    dir.write("texts/a.txt", FRENCH);
    dir.write("texts/b.txt", ENGLISH);
    let manifest = concat!(
        r#"{"id": "a", "published": "2025-01-21", "file": "texts/a.txt"}"#,
        "\n\n",
        r#"{"id": "b", "published": "2025-03-13T08:00:00+00:00", "file": "texts/b.txt"}"#,
        "\n",
        r#"{"id": "c", "text": "Lomé et Astana renforcent leur coopération dans l'agriculture, les mines et le commerce.", "lang": "fr"}"#,
        "\n",
    );
    let output = dir
        .entente(&["extract", "--manifest", "-"])
        .stdin(manifest)
        .run();
    output.assert_code(0);
    assert_eq!(output.ids(), ["a", "b", "c"]);
    let records = output.records();
    assert_eq!(field(&records[0], "published"), "2025-01-21");
    assert_eq!(field(&records[0], "lang"), "fr");
    assert_eq!(field(&records[1], "published"), "2025-03-13");
    assert_eq!(field(&records[1], "lang"), "en");
    assert_eq!(field(&records[2], "published"), "null");
    assert_eq!(field(&records[2], "lang"), "fr");
    assert_eq!(output.stderr, "");
}

#[test]
fn a_manifest_on_stdin_streams_one_record_per_line() {
    let dir = Dir::new();
    dir.write("a.txt", FRENCH);
    let mut child = dir
        .entente(&["extract", "--manifest", "-"])
        .command()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if sender.send(line.unwrap()).is_err() {
                break;
            }
        }
    });

    // The first record must come out while stdin is still open.
    writeln!(stdin, r#"{{"id": "first", "file": "a.txt"}}"#).unwrap();
    stdin.flush().unwrap();
    let first = receiver
        .recv_timeout(Duration::from_secs(60))
        .expect("no record before the end of stdin: the manifest is not streamed");
    assert!(first.contains(r#""id":"first""#), "{first}");

    writeln!(stdin, r#"{{"id": "second", "file": "a.txt"}}"#).unwrap();
    drop(stdin);
    let second = receiver.recv_timeout(Duration::from_secs(60)).unwrap();
    assert!(second.contains(r#""id":"second""#), "{second}");
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}

#[test]
fn files_take_their_id_from_the_name_and_their_date_and_language_from_the_flags() {
    let dir = Dir::new();
    dir.write("dépêche-1.txt", FRENCH);
    dir.write("wire.2.txt", ENGLISH);
    let output = dir
        .entente(&["extract", "wire.2.txt", "dépêche-1.txt"])
        .run();
    output.assert_code(0);
    assert_eq!(output.ids(), ["wire.2", "dépêche-1"]);
    let records = output.records();
    assert_eq!(field(&records[0], "lang"), "en");
    assert_eq!(field(&records[0], "published"), "null");
    assert_eq!(field(&records[1], "lang"), "fr");

    let output = dir
        .entente(&[
            "extract",
            "wire.2.txt",
            "--published",
            "2025-09-25",
            "--lang",
            "fr",
        ])
        .run();
    output.assert_code(0);
    let records = output.records();
    assert_eq!(field(&records[0], "published"), "2025-09-25");
    assert_eq!(field(&records[0], "lang"), "fr");
}

#[test]
fn a_missing_file_is_reported_and_the_others_are_processed() {
    let dir = Dir::new();
    dir.write("a.txt", FRENCH);
    dir.write("c.txt", ENGLISH);
    let output = dir
        .entente(&["extract", "a.txt", "missing.txt", "c.txt"])
        .run();
    output.assert_code(1);
    assert_eq!(output.ids(), ["a", "c"]);
    assert_eq!(
        output.stderr_lines(),
        ["error: missing.txt: no such file", "1 of 3 articles failed"]
    );
}

#[test]
fn an_empty_file_is_an_error() {
    let dir = Dir::new();
    dir.write("empty.txt", " \n\n");
    let output = dir.entente(&["extract", "empty.txt"]).run();
    output.assert_code(1);
    assert_eq!(output.stdout, "");
    assert_eq!(
        output.stderr_lines(),
        [
            "error: empty.txt: the article is empty (only whitespace)",
            "1 of 1 article failed"
        ]
    );
}

#[test]
fn a_binary_file_is_an_error() {
    let dir = Dir::new();
    dir.write("photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01");
    let output = dir.entente(&["extract", "photo.jpg"]).run();
    output.assert_code(1);
    let lines = output.stderr_lines();
    assert!(
        lines[0].starts_with("error: photo.jpg: unreadable encoding"),
        "{lines:?}"
    );
}

#[test]
fn a_latin_1_file_is_decoded_and_read_as_french() {
    let dir = Dir::new();
    let latin_1: Vec<u8> = FRENCH
        .chars()
        .map(|character| u8::try_from(u32::from(character)).expect("the text fits in Latin-1"))
        .collect();
    assert!(std::str::from_utf8(&latin_1).is_err());
    dir.write("latin1.txt", &latin_1);
    let output = dir.entente(&["extract", "latin1.txt"]).run();
    output.assert_code(0);
    assert_eq!(output.ids(), ["latin1"]);
    assert_eq!(field(&output.records()[0], "lang"), "fr");
    assert_eq!(output.stderr, "");
}

#[test]
fn a_manifest_line_that_is_not_json_is_named() {
    let dir = Dir::new();
    dir.write(
        "manifest.jsonl",
        format!("{{\"id\": \"a\", \"text\": {FRENCH:?}}}\nid: b, file: b.txt\n"),
    );
    let output = dir
        .entente(&["extract", "--manifest", "manifest.jsonl"])
        .run();
    output.assert_code(1);
    assert_eq!(output.ids(), ["a"]);
    let lines = output.stderr_lines();
    assert!(
        lines[0].starts_with("error: manifest.jsonl:2: not valid JSON"),
        "{lines:?}"
    );
    assert_eq!(lines[1], "1 of 2 articles failed");
}

#[test]
fn a_manifest_line_without_id_is_named() {
    let dir = Dir::new();
    dir.write("a.txt", FRENCH);
    dir.write(
        "manifest.jsonl",
        "{\"file\": \"a.txt\", \"published\": \"2025-01-21\"}\n",
    );
    let output = dir
        .entente(&["extract", "--manifest", "manifest.jsonl"])
        .run();
    output.assert_code(1);
    assert_eq!(output.stdout, "");
    assert_eq!(
        output.stderr_lines(),
        [
            "error: manifest.jsonl:1: no `id` (every line needs a non-empty string `id`)",
            "1 of 1 article failed"
        ]
    );
}

#[test]
fn a_mixed_batch_prints_the_good_articles_in_order_and_fails_at_the_end() {
    let dir = Dir::new();
    dir.write("corpus/texts/a.txt", FRENCH);
    dir.write("corpus/texts/c.txt", ENGLISH);
    dir.write("corpus/texts/empty.txt", "");
    dir.write(
        "corpus/manifest.jsonl",
        concat!(
            "{\"id\": \"a\", \"published\": \"2025-01-21\", \"file\": \"texts/a.txt\"}\n",
            "{\"id\": \"b\", \"published\": \"2025-01-21\", \"file\": \"texts/missing.txt\"}\n",
            "{\"id\": \"c\", \"published\": null, \"file\": \"texts/c.txt\"}\n",
            "{\"id\": \"d\", \"published\": \"21 janvier\", \"text\": \"Texte.\"}\n",
            "\n",
            "{\"id\": \"e\", \"file\": \"texts/empty.txt\"}\n",
            "{\"id\": \"f\", \"lang\": \"fr\", \"text\": \"Lomé et Astana signent un accord.\"}\n",
            "{\"id\": \"g\"}\n",
        ),
    );
    let output = dir
        .entente(&["extract", "--manifest", "corpus/manifest.jsonl"])
        .run();
    output.assert_code(1);
    assert_eq!(output.ids(), ["a", "c", "f"]);
    let lines = output.stderr_lines();
    let expected_starts = [
        "error: corpus/manifest.jsonl:2: article \"b\": corpus/texts/missing.txt: no such file",
        "error: corpus/manifest.jsonl:4: bad `published` date: \"21 janvier\" is not a date",
        "error: corpus/manifest.jsonl:6: article \"e\": corpus/texts/empty.txt: the article is empty",
        "error: corpus/manifest.jsonl:8: neither `file` nor `text`",
        "4 of 7 articles failed",
    ];
    assert_eq!(lines.len(), expected_starts.len(), "{lines:#?}");
    for (line, start) in lines.iter().zip(expected_starts) {
        assert!(
            line.starts_with(start),
            "{line:?} should start with {start:?}"
        );
    }
}

#[test]
fn a_missing_manifest_is_a_fatal_error() {
    let dir = Dir::new();
    let output = dir
        .entente(&["extract", "--manifest", "absent.jsonl"])
        .run();
    output.assert_code(1);
    assert_eq!(output.stdout, "");
    assert_eq!(output.stderr_lines(), ["error: absent.jsonl: no such file"]);
}

#[test]
fn an_empty_manifest_is_a_warning() {
    let dir = Dir::new();
    dir.write("manifest.jsonl", "\n");
    let output = dir
        .entente(&["extract", "--manifest", "manifest.jsonl"])
        .run();
    output.assert_code(0);
    assert_eq!(output.stdout, "");
    assert_eq!(
        output.stderr_lines(),
        ["warning: manifest.jsonl: the manifest lists no articles"]
    );
}

#[test]
fn an_unsupported_language_is_a_warning_and_the_record_is_printed() {
    let dir = Dir::new();
    let manifest =
        "{\"id\": \"de-1\", \"lang\": \"de\", \"text\": \"Der Außenminister besuchte Paris.\"}\n";
    let output = dir
        .entente(&["extract", "--manifest", "-"])
        .stdin(manifest)
        .run();
    output.assert_code(0);
    assert_eq!(output.ids(), ["de-1"]);
    assert_eq!(field(&output.records()[0], "lang"), "de");
    let lines = output.stderr_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("warning: de-1: "), "{lines:?}");
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let dir = Dir::new();
    dir.write("a.txt", FRENCH);
    let mut child = dir
        .entente(&["extract", "--manifest", "-"])
        .command()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end first, as `head` does once it has enough.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    for index in 0..100 {
        // The command may already have exited; a failed write is expected then.
        if writeln!(stdin, r#"{{"id": "a{index}", "file": "a.txt"}}"#).is_err() {
            break;
        }
    }
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn bad_usage_exits_with_status_2() {
    entente(&["extract"]).run().assert_code(2);
    entente(&["extract", "a.txt", "--manifest", "m.jsonl"])
        .run()
        .assert_code(2);
    let output = entente(&["extract", "a.txt", "--published", "yesterday"]).run();
    output.assert_code(2);
    assert!(output.stderr.contains("is not a date"), "{}", output.stderr);
}

#[test]
fn the_help_teaches_with_examples() {
    let output = entente(&["extract", "--help"]).run();
    output.assert_code(0);
    for expected in [
        "--manifest",
        "--published",
        "--lang",
        "Examples:",
        "JSON Lines",
        "manifest.jsonl:LINE",
    ] {
        assert!(
            output.stdout.contains(expected),
            "{expected:?} missing from:\n{}",
            output.stdout
        );
    }
    let output = entente(&["--help"]).run();
    output.assert_code(0);
    assert!(output.stdout.contains("extract"), "{}", output.stdout);
}

#[test]
fn one_job_and_four_jobs_print_the_same_bytes() {
    let manifest = workspace_dir().join("examples/articles.jsonl");
    let manifest = manifest.to_str().unwrap();
    let one = entente(&["extract", "--manifest", manifest, "--jobs", "1"]).run();
    one.assert_code(0);
    let four = entente(&["extract", "--manifest", manifest, "--jobs", "4"]).run();
    four.assert_code(0);
    assert_eq!(one.records().len(), 44);
    assert!(
        one.stdout == four.stdout,
        "--jobs 1 and --jobs 4 print different records"
    );
    assert_eq!(one.stderr, four.stderr);
    entente(&["extract", "--manifest", manifest, "--jobs", "0"])
        .run()
        .assert_code(2);
}
