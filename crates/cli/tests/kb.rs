//! Integration tests of the knowledge-base commands (`ingest`, `search`,
//! `dossier`, `countries`, `country`, `stats`): the real binary on the
//! bundled examples and the seed articles (read from the shared folder),
//! each test in a temporary folder with its own store. They check what the
//! commands promise (counts, idempotence, versions, errors, recovery from a
//! killed run), not what the extractor finds.

#[allow(dead_code)]
mod util;

use std::time::{Duration, Instant};

use serde_json::Value;
use util::Dir;
use util::kb::{
    examples_manifest, path_arg, seeds_manifest, stats, stored_documents, summary,
    write_large_corpus,
};

/// A French paragraph long enough for language identification.
const FRENCH: &str = "Le ministre des Affaires étrangères de Côte d'Ivoire a été reçu mardi à Paris \
par son homologue français. Les deux responsables ont évoqué la coopération économique.\n";

#[test]
fn reingesting_the_examples_and_the_seeds_changes_nothing() {
    let dir = Dir::new();
    let examples = examples_manifest();
    let seeds = seeds_manifest();
    let first = dir.entente(&["ingest", &examples]).run();
    first.assert_code(0);
    assert_eq!(summary(&first), [44, 0, 0, 0], "{}", first.stdout);
    assert!(first.stdout.starts_with("entente.db: "), "{}", first.stdout);
    let second = dir.entente(&["ingest", &seeds]).run();
    assert_eq!(summary(second.assert_code(0)), [2, 0, 0, 0]);
    let counts = stats(&dir);
    assert_eq!(counts["documents"], 46);
    assert_eq!(counts["versions"], 46);

    let again = dir.entente(&["ingest", &examples, &seeds]).run();
    again.assert_code(0);
    assert_eq!(summary(&again), [0, 0, 46, 0], "{}", again.stdout);
    assert_eq!(stats(&dir), counts);
}

#[test]
fn search_finds_the_seed_documents() {
    let dir = Dir::new();
    dir.entente(&["ingest", &seeds_manifest()])
        .run()
        .assert_code(0);
    let output = dir.entente(&["search", "Kazakhstan"]).run();
    output.assert_code(0);
    assert!(
        output.stdout.contains("seed-000  2023-11-28"),
        "{}",
        output.stdout
    );
    assert!(
        output.stdout.contains("seed-003  2025-09-25"),
        "{}",
        output.stdout
    );
    assert!(output.stdout.contains("[Kazakhstan]"), "{}", output.stdout);

    let output = dir
        .entente(&["search", "kazakh*", "--format", "json"])
        .run();
    let hits: Value = serde_json::from_str(&output.assert_code(0).stdout).unwrap();
    let mut ids: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["doc_id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["seed-000", "seed-003"]);

    let output = dir.entente(&["search", "zzzqqq"]).run();
    assert_eq!(
        output.assert_code(0).stdout,
        "no document matches \"zzzqqq\"\n"
    );
}

#[test]
fn dossier_countries_and_country_read_the_pair() {
    let dir = Dir::new();
    dir.entente(&["ingest", &seeds_manifest()])
        .run()
        .assert_code(0);
    for (a, b) in [
        ("Togo", "Kazakhstan"),
        ("KAZ", "tg"),
        ("togo", "KAZAKHSTAN"),
    ] {
        let output = dir.entente(&["dossier", a, b, "--format", "json"]).run();
        let dossier: Value = serde_json::from_str(&output.assert_code(0).stdout).unwrap();
        assert_eq!(dossier["pair"], serde_json::json!(["KAZ", "TGO"]));
        assert_eq!(dossier["documents"].as_array().unwrap().len(), 2);
    }
    for format in ["text", "md"] {
        let output = dir
            .entente(&["dossier", "Togo", "KAZ", "--format", format])
            .run();
        assert!(
            output.assert_code(0).stdout.contains("KAZ"),
            "{}",
            output.stdout
        );
    }

    let output = dir.entente(&["countries", "--format", "json"]).run();
    let pairs: Value = serde_json::from_str(&output.assert_code(0).stdout).unwrap();
    let pairs = pairs.as_array().unwrap();
    assert!(
        pairs
            .iter()
            .any(|pair| pair["pair"] == serde_json::json!(["KAZ", "TGO"]))
    );
    let output = dir.entente(&["country", "Togo", "--format", "json"]).run();
    let partners: Value = serde_json::from_str(&output.assert_code(0).stdout).unwrap();
    assert_eq!(partners["country"], "TGO");
    assert_eq!(partners["partners"][0]["partner"], "KAZ");
    assert_eq!(partners["partners"][0]["documents"], 2);
}

#[test]
fn an_unknown_country_is_refused_with_suggestions() {
    let dir = Dir::new();
    let output = dir.entente(&["dossier", "Kazakstan", "Togo"]).run();
    output.assert_code(1);
    assert_eq!(
        output.stderr,
        "error: unknown country \"Kazakstan\"; did you mean Kazakhstan (KAZ)?\n"
    );
    let output = dir.entente(&["country", "Allemange"]).run();
    assert!(
        output
            .assert_code(1)
            .stderr
            .contains("did you mean Allemagne (DEU)?")
    );
    let output = dir.entente(&["dossier", "Togo", "Qwxyz"]).run();
    assert!(
        output
            .assert_code(1)
            .stderr
            .contains("give an ISO 3166-1 code")
    );
}

#[test]
fn a_missing_or_corrupt_store_is_a_clear_error() {
    let dir = Dir::new();
    for args in [
        &["dossier", "Togo", "Kazakhstan"][..],
        &["stats"],
        &["search", "Togo"],
        &["countries"],
    ] {
        let output = dir.entente(args).run();
        output.assert_code(1);
        assert_eq!(
            output.stderr,
            "error: entente.db: no such store (run `entente ingest FILE... --db entente.db` to \
             create it)\n",
            "{args:?}"
        );
    }
    assert!(!dir.path().join("entente.db").exists());

    dir.write("broken.db", "not a database at all\n".repeat(300));
    let output = dir.entente(&["stats", "--db", "broken.db"]).run();
    output.assert_code(1);
    assert!(
        output
            .stderr
            .starts_with("error: broken.db: the store is corrupt"),
        "{}",
        output.stderr
    );
}

#[test]
fn the_store_comes_from_db_then_entente_db() {
    let dir = Dir::new();
    let text = dir.write("a.txt", FRENCH);
    let mut command = dir.entente(&["ingest", &path_arg(&text)]);
    command.command().env("ENTENTE_DB", "from-env.db");
    command.run().assert_code(0);
    assert!(dir.path().join("from-env.db").is_file());
    assert!(!dir.path().join("entente.db").exists());
    let mut command = dir.entente(&["stats", "--db", "from-flag.db"]);
    command.command().env("ENTENTE_DB", "from-env.db");
    let output = command.run();
    assert!(
        output
            .assert_code(1)
            .stderr
            .contains("from-flag.db: no such store")
    );
}

#[test]
fn bad_files_are_reported_and_skipped() {
    let dir = Dir::new();
    dir.write("in/good.txt", FRENCH);
    dir.write("in/empty.txt", "");
    dir.write("in/binary.txt", [0u8, 159, 146, 150, 0, 0, 1, 2, 3]);
    dir.write(
        "in/manifest.jsonl",
        "{\"id\": \"x\", \"file\": \"missing.txt\"}\nnot json\n",
    );
    let output = dir.entente(&["ingest", "in"]).run();
    output.assert_code(1);
    assert_eq!(summary(&output), [1, 0, 0, 4], "{}", output.stdout);
    let errors: Vec<&str> = output
        .stderr_lines()
        .into_iter()
        .filter(|line| line.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 4, "{}", output.stderr);
    for name in ["binary.txt", "empty.txt", "missing.txt", "manifest.jsonl:2"] {
        assert!(
            errors.iter().any(|line| line.contains(name)),
            "{name}: {errors:?}"
        );
    }
    assert_eq!(stats(&dir)["documents"], 1);
}

#[test]
fn changed_content_is_a_new_version_counted_once() {
    let dir = Dir::new();
    dir.write("wire.txt", FRENCH);
    dir.entente(&["ingest", "wire.txt"]).run().assert_code(0);
    dir.write(
        "wire.txt",
        format!("{FRENCH}Mise à jour : la visite est confirmée.\n"),
    );
    let output = dir.entente(&["ingest", "wire.txt"]).run();
    assert_eq!(
        summary(output.assert_code(0)),
        [0, 1, 0, 0],
        "{}",
        output.stdout
    );
    let counts = stats(&dir);
    assert_eq!(
        (counts["documents"].as_u64(), counts["versions"].as_u64()),
        (Some(1), Some(2))
    );
    let output = dir.entente(&["search", "confirmée"]).run();
    assert!(
        output.assert_code(0).stdout.contains("(version 2)"),
        "{}",
        output.stdout
    );
}

#[test]
fn a_killed_ingest_completes_on_the_next_run_without_duplicates() {
    let dir = Dir::new();
    let corpus = write_large_corpus(&dir, 12);
    let total = 12 * 44;

    let clean = dir.entente(&["ingest", &corpus, "--db", "clean.db"]).run();
    assert_eq!(summary(clean.assert_code(0)), [total, 0, 0, 0]);

    let mut child = dir
        .entente(&["ingest", &corpus, "--db", "killed.db", "--batch-size", "8"])
        .command()
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starting entente");
    let started = Instant::now();
    let stored_before_kill = loop {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the ingest never got going"
        );
        std::thread::sleep(Duration::from_millis(50));
        let output = dir
            .entente(&["stats", "--db", "killed.db", "--format", "json"])
            .run();
        // The store may not have its schema yet in the first instants.
        let Ok(counts) = serde_json::from_str::<Value>(&output.stdout) else {
            continue;
        };
        let documents = counts["documents"].as_u64().unwrap();
        if documents >= 40 {
            break documents;
        }
    };
    assert!(
        child.try_wait().unwrap().is_none(),
        "the ingest ended before it was killed"
    );
    child.kill().expect("killing entente");
    child.wait().expect("waiting for entente");

    let rerun = dir.entente(&["ingest", &corpus, "--db", "killed.db"]).run();
    let [added, new_versions, unchanged, failed] = summary(rerun.assert_code(0));
    assert_eq!((new_versions, failed), (0, 0));
    assert_eq!(added + unchanged, total);
    assert!(
        unchanged >= stored_before_kill && added > 0,
        "{}",
        rerun.stdout
    );

    let killed = stored_documents(&dir.path().join("killed.db"));
    assert_eq!(killed.len() as u64, total);
    assert_eq!(killed, stored_documents(&dir.path().join("clean.db")));
}

#[test]
fn a_parallel_ingest_stores_in_input_order() {
    // Ten files, each listed six times with a later publication date, so
    // that each is stored six times as a new version of its source; the
    // versions tell the order in which the documents were stored. Unreadable
    // lines between them must be reported in their place.
    let dir = Dir::new();
    let mut manifest = String::new();
    for file in 0..10 {
        dir.write(
            &format!("texts/t{file}.txt"),
            format!("{FRENCH}Article {file}.\n"),
        );
    }
    for day in 1..=6 {
        for file in 0..10 {
            manifest.push_str(&format!(
                "{{\"id\": \"d{file}\", \"file\": \"texts/t{file}.txt\", \"published\": \"2025-01-0{day}\"}}\n"
            ));
        }
        manifest.push_str(&format!(
            "{{\"id\": \"gone{day}\", \"file\": \"texts/none.txt\"}}\n"
        ));
    }
    let manifest = path_arg(&dir.write("manifest.jsonl", manifest));
    let ingest = |db: &str, jobs: &str| {
        dir.entente(&[
            "ingest",
            &manifest,
            "--db",
            db,
            "--jobs",
            jobs,
            "--batch-size",
            "7",
        ])
        .run()
    };
    let one = ingest("one.db", "1");
    assert_eq!(
        summary(one.assert_code(1)),
        [10, 50, 0, 6],
        "{}",
        one.stdout
    );
    let four = ingest("four.db", "4");
    assert_eq!(
        summary(four.assert_code(1)),
        [10, 50, 0, 6],
        "{}",
        four.stdout
    );
    assert_eq!(four.stderr, one.stderr);
    let failures: Vec<&str> = four.stderr_lines();
    assert_eq!(failures.len(), 6, "{}", four.stderr);
    assert!(
        failures[0].contains("manifest.jsonl:11:"),
        "{}",
        failures[0]
    );
    assert!(
        failures[5].contains("manifest.jsonl:66:"),
        "{}",
        failures[5]
    );

    use entente_store::Store;
    let four_db = dir.path().join("four.db");
    let documents = entente_store::SqliteStore::open_existing(&four_db)
        .unwrap()
        .documents()
        .unwrap();
    assert_eq!(documents.len(), 60);
    for document in &documents {
        let day = format!("2025-01-0{}", document.version);
        assert_eq!(
            document.published.as_deref(),
            Some(day.as_str()),
            "{document:?}"
        );
    }
    assert_eq!(
        stored_documents(&four_db),
        stored_documents(&dir.path().join("one.db"))
    );
}

#[cfg(unix)]
#[test]
fn documents_of_a_paused_input_are_stored_without_waiting_for_a_full_batch() {
    use std::io::Write;

    // A manifest read from a named pipe, as a producer would feed it: two
    // articles, then nothing until the producer closes the pipe.
    let dir = Dir::new();
    let fifo = dir.path().join("feed.jsonl");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("running mkfifo");
    assert!(made.success());
    let mut child = dir
        .entente(&["ingest", &path_arg(&fifo), "--db", "feed.db"])
        .command()
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starting entente");
    let mut feed = std::fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .expect("opening the pipe");
    for id in ["a", "b"] {
        let line = serde_json::json!({"id": id, "text": format!("{FRENCH}Article {id}.")});
        writeln!(feed, "{line}").unwrap();
    }
    feed.flush().unwrap();
    let started = Instant::now();
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the documents were not stored while the input paused"
        );
        std::thread::sleep(Duration::from_millis(100));
        let output = dir
            .entente(&["stats", "--db", "feed.db", "--format", "json"])
            .run();
        let Ok(counts) = serde_json::from_str::<Value>(&output.stdout) else {
            continue;
        };
        if counts["documents"] == 2 {
            break;
        }
    }
    assert!(child.try_wait().unwrap().is_none(), "the ingest has ended");
    drop(feed);
    assert!(child.wait().unwrap().success());
}
