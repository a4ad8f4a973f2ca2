//! Fills a SQLite store with many documents for the knowledge-base
//! benchmarks of `cargo xtask bench --kb-docs N,...`: extracting a million
//! articles would take hours, so the articles of a corpus manifest are stored
//! with the records `entente extract` gave them, then again as copies until
//! the store holds the number of documents asked for. Copy `k` of an article
//! has the id `ID~k`, the source `bench-copy-k:SOURCE` and the text followed
//! by a line `(copy k)`, so its content hash is new and every evidence span
//! of the record still points at the same sentence. Writes go through
//! [`Store::put_batch`], the path `entente ingest` takes, in batches of
//! `--batch-size` documents; the seconds spent storing are printed.
//!
//! `cargo run --release -p entente-store --example bench_store -- \
//!     --manifest corpus.jsonl --records records.jsonl --db kb.db --documents 100000`

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::Instant;

use entente_core::Record;
use entente_ingest::{SourcedDocument, read_inputs};
use entente_store::{SourcedInput, SqliteStore, Store};

const USAGE: &str = "usage: bench_store --manifest M.jsonl --records R.jsonl --db OUT.db \
                     --documents N [--batch-size B]";

struct Options {
    manifest: PathBuf,
    records: PathBuf,
    db: PathBuf,
    documents: usize,
    batch_size: usize,
}

fn parse() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let (mut manifest, mut records, mut db, mut documents) = (None, None, None, None);
    let mut batch_size = 1000;
    while let Some(arg) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{arg} needs a value; {USAGE}"))?;
        let number = || {
            value
                .parse::<usize>()
                .ok()
                .filter(|&number| number > 0)
                .ok_or_else(|| format!("{arg} takes a positive whole number; {USAGE}"))
        };
        match arg.as_str() {
            "--manifest" => manifest = Some(PathBuf::from(&value)),
            "--records" => records = Some(PathBuf::from(&value)),
            "--db" => db = Some(PathBuf::from(&value)),
            "--documents" => documents = Some(number()?),
            "--batch-size" => batch_size = number()?,
            other => return Err(format!("unknown argument {other}; {USAGE}")),
        }
    }
    match (manifest, records, db, documents) {
        (Some(manifest), Some(records), Some(db), Some(documents)) => Ok(Options {
            manifest,
            records,
            db,
            documents,
            batch_size,
        }),
        _ => Err(USAGE.to_string()),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = parse()?;
    if options.db.exists() {
        return Err(format!("{}: already exists; remove it first", options.db.display()).into());
    }
    let bases = read_bases(&options)?;
    if bases.is_empty() {
        return Err(format!("{}: no article has a record", options.manifest.display()).into());
    }
    let mut store = SqliteStore::open(&options.db)?;
    let started = Instant::now();
    let mut stored = 0;
    let mut copy = 0;
    while stored < options.documents {
        let wanted = (options.documents - stored).min(bases.len());
        for chunk in bases[..wanted].chunks(options.batch_size) {
            let copies: Vec<(SourcedDocument, Record)> =
                chunk.iter().map(|base| copy_of(base, copy)).collect();
            let batch: Vec<(SourcedInput<'_>, &Record)> = copies
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
            for outcome in store.put_batch(&batch)? {
                outcome?;
            }
            stored += chunk.len();
            if stored % 100_000 < options.batch_size {
                eprintln!(
                    "bench_store: {stored} documents, {:.0} s",
                    started.elapsed().as_secs_f64()
                );
            }
        }
        copy += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{stored} documents ({} distinct articles) stored in {seconds:.1} s, {:.0} documents/s",
        bases.len(),
        stored as f64 / seconds
    );
    Ok(())
}

/// The articles of the manifest that have a record, in manifest order.
fn read_bases(options: &Options) -> Result<Vec<(SourcedDocument, Record)>, String> {
    let file = File::open(&options.records)
        .map_err(|error| format!("{}: {error}", options.records.display()))?;
    let mut records: HashMap<String, Record> = HashMap::new();
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|error| format!("{}: {error}", options.records.display()))?;
        let record: Record = serde_json::from_str(&line)
            .map_err(|error| format!("{}: {error}", options.records.display()))?;
        records.insert(record.id.clone(), record);
    }
    let mut bases = Vec::new();
    for entry in read_inputs(std::slice::from_ref(&options.manifest)) {
        let sourced = entry.map_err(|error| error.to_string())?;
        if let Some(record) = records.remove(&sourced.document.id) {
            bases.push((sourced, record));
        }
    }
    Ok(bases)
}

/// Copy `copy` of an article: the article itself for copy 0.
fn copy_of(
    (sourced, record): &(SourcedDocument, Record),
    copy: usize,
) -> (SourcedDocument, Record) {
    let (mut sourced, mut record) = (sourced.clone(), record.clone());
    if copy > 0 {
        sourced.document.id = format!("{}~{copy}", sourced.document.id);
        sourced.document.text.push_str(&format!("\n(copy {copy})"));
        sourced.source = format!("bench-copy-{copy}:{}", sourced.source);
        record.id.clone_from(&sourced.document.id);
    }
    (sourced, record)
}
