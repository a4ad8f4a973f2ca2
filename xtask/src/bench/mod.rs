//! `cargo xtask bench [--mb N] [--repeat R] [--python-seconds S] [--no-python]
//! [--kb-docs N,...] ...`: the throughput of `entente extract` on a synthetic
//! corpus, beside the Python pipeline it replaces, measured in the same run,
//! then the knowledge base's figures (`kb.rs`): `entente ingest` into SQLite,
//! the pair-dossier API of `entente serve` and, with `--kb-docs`, the latency
//! of `entente dossier` on stores of that many documents. It builds the release
//! binary, writes a corpus of N MB (10^6 bytes of article text, 50 by
//! default) under `target/bench/` from variants of the example articles,
//! runs `entente extract --manifest` on it with `--jobs 1` and with every
//! core (R times each, keeping the fastest run, 1 by default), checks that
//! both print the same bytes, then runs the spaCy and
//! country_converter baseline of `bench/` on one process over the same
//! articles. It prints MB/s, articles/s and peak memory of each run, the
//! scaling over cores and the ratios to Python, and writes the same report
//! to `target/bench/report.txt`. It prints figures and never fails on them:
//! the targets are shown met or not.

mod corpus;
mod http;
mod kb;
mod measure;
mod python;

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};
use serde::Deserialize;

const USAGE: &str = "usage: cargo xtask bench [--mb N] [--repeat R] [--python-seconds S] \
                     [--no-python] [--kb-docs N,N...] [--kb-queries Q] [--kb-api-max N] [--kb-rebuild] \
                     [--api-seconds S] [--api-clients C]";

/// What `cargo xtask bench --help` prints.
const HELP: &str = "\
cargo xtask bench: extraction, ingest and query figures of the release binary

Writes a synthetic corpus from the example articles under target/bench/,
times `entente extract` on one core and on every core beside the Python
pipeline (spaCy + country_converter, installed into a venv), then times
`entente ingest`, the pair-dossier API of `entente serve` and, with
--kb-docs, `entente dossier` on large stores. Prints the figures and the
targets, and writes them to target/bench/report.txt.

Options:
  --mb N                corpus size in MB of article text (default 50)
  --repeat R            runs of each extraction, the fastest kept (default 1)
  --python-seconds S    how long the Python pipeline runs (default 30)
  --no-python           skip the Python pipeline
  --kb-docs N,N...      store sizes for the dossier latency (e.g. 100000,1000000)
  --kb-queries Q        dossier queries per store (default 200)
  --kb-api-max N        largest store the API is also measured on (default 0)
  --kb-rebuild          rebuild the stores even when they exist
  --api-seconds S       how long the API load runs (default 10)
  --api-clients C       concurrent API clients (default 16)
  -h, --help            this help
";

/// The targets of the performance issue, shown beside the figures.
const TARGET_ONE_CORE_MB_S: f64 = 20.0;
const TARGET_SCALING: f64 = 1.8;
const TARGET_PEAK_MIB: f64 = 150.0;
const TARGET_RATIO: f64 = 400.0;

struct Options {
    megabytes: f64,
    repeat: usize,
    python_seconds: f64,
    python: bool,
    kb: kb::KbOptions,
}

/// The options of the command line, or `None` when it asks for help.
fn parse(args: impl Iterator<Item = String>) -> anyhow::Result<Option<Options>> {
    let mut options = Options {
        megabytes: 50.0,
        repeat: 1,
        python_seconds: 30.0,
        python: true,
        kb: kb::KbOptions::default(),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> anyhow::Result<f64> {
            let value = args
                .next()
                .with_context(|| format!("{name} needs a value; {USAGE}"))?;
            match value.parse::<f64>() {
                Ok(number) if number > 0.0 => Ok(number),
                _ => bail!("{name} takes a positive number, not `{value}`; {USAGE}"),
            }
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--mb" => options.megabytes = number("--mb")?,
            "--repeat" => options.repeat = number("--repeat")?.ceil() as usize,
            "--python-seconds" => options.python_seconds = number("--python-seconds")?,
            "--no-python" => options.python = false,
            "--kb-queries" => options.kb.queries = number("--kb-queries")?.ceil() as usize,
            "--api-seconds" => options.kb.api_seconds = number("--api-seconds")?,
            "--api-clients" => options.kb.api_clients = number("--api-clients")?.ceil() as usize,
            "--kb-api-max" => options.kb.api_max_docs = number("--kb-api-max")? as usize,
            "--kb-rebuild" => options.kb.rebuild = true,
            "--kb-docs" => {
                let list = args
                    .next()
                    .with_context(|| format!("--kb-docs needs a value; {USAGE}"))?;
                options.kb.docs = list
                    .split(',')
                    .map(|size| match size.trim().replace('_', "").parse::<usize>() {
                        Ok(size) if size > 0 => Ok(size),
                        _ => bail!("--kb-docs takes sizes such as 100000,1000000, not `{list}`"),
                    })
                    .collect::<anyhow::Result<_>>()?;
            }
            other => bail!("unknown argument `{other}`; {USAGE}"),
        }
    }
    Ok(Some(options))
}

/// Runs the benchmark from the workspace root `root`.
pub fn run(root: &Path, args: impl Iterator<Item = String>) -> anyhow::Result<()> {
    let Some(options) = parse(args)? else {
        print!("{HELP}");
        return Ok(());
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let machine = machine(cores);
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let bench_dir = target_dir.join("bench");
    std::fs::create_dir_all(&bench_dir)
        .with_context(|| format!("cannot create {}", bench_dir.display()))?;

    eprintln!("bench: building the release binary ...");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args(["build", "--release", "--quiet", "-p", "entente-cli"])
        .status()
        .context("cannot run cargo build")?;
    if !status.success() {
        bail!("cargo build --release -p entente-cli failed ({status})");
    }
    let entente = target_dir.join("release/entente");

    eprintln!("bench: reading the example articles ...");
    let bases = base_articles(root, &entente)?;
    let manifest = bench_dir.join(format!("corpus-{}mb.jsonl", options.megabytes));
    eprintln!(
        "bench: writing a {} MB corpus to {} ...",
        options.megabytes,
        manifest.display()
    );
    let target_bytes = (options.megabytes * 1e6) as u64;
    let corpus = corpus::write(root, &bases, target_bytes, &manifest)?;

    eprintln!("bench: entente extract --jobs 1 ...");
    let one = run_entente(
        &entente,
        &manifest,
        Some(1),
        options.repeat,
        &bench_dir.join("records-jobs-1.jsonl"),
    )?;
    eprintln!("bench: entente extract (all {cores} cores) ...");
    let all = run_entente(
        &entente,
        &manifest,
        None,
        options.repeat,
        &bench_dir.join("records-jobs-all.jsonl"),
    )?;
    let identical = same_bytes(
        &bench_dir.join("records-jobs-1.jsonl"),
        &bench_dir.join("records-jobs-all.jsonl"),
    )?;

    let ingest_db = |jobs: &str| bench_dir.join(format!("ingest-jobs-{jobs}.db"));
    eprintln!("bench: entente ingest --jobs 1 ...");
    let ingest_one = kb::ingest(
        &entente,
        &manifest,
        Some(1),
        options.repeat,
        &ingest_db("1"),
    )?;
    eprintln!("bench: entente ingest (all {cores} cores) ...");
    let ingest_all = kb::ingest(&entente, &manifest, None, options.repeat, &ingest_db("all"))?;
    // The second store is kept for the API benchmark; one is enough on disk.
    kb::remove_store(&ingest_db("1"))?;
    let api = kb::api(
        &entente,
        &ingest_db("all"),
        options.kb.api_clients,
        options.kb.api_seconds,
    );
    let mut stores = Vec::new();
    for &documents in &options.kb.docs {
        let store = kb::kb_store(
            root,
            &bench_dir,
            &manifest,
            &bench_dir.join("records-jobs-all.jsonl"),
            documents,
            options.kb.rebuild,
        )?;
        eprintln!("bench: entente dossier on {} ...", store.path.display());
        let dossiers = kb::dossiers(&entente, &store.path, options.kb.queries);
        let api = (documents <= options.kb.api_max_docs).then(|| {
            kb::api(
                &entente,
                &store.path,
                options.kb.api_clients,
                options.kb.api_seconds,
            )
        });
        stores.push(kb::StoreFigures {
            store,
            dossiers,
            api,
        });
    }

    let baseline = if options.python {
        eprintln!("bench: Python baseline ...");
        python::ensure_venv(root).and_then(|python| {
            python::run_baseline(root, &python, &manifest, options.python_seconds)
        })
    } else {
        Err("--no-python".to_string())
    };

    let mut report = report(&Report {
        root,
        machine: &machine,
        repeat: options.repeat,
        manifest: &manifest,
        corpus: &corpus,
        cores,
        one: &one,
        all: &all,
        identical,
        baseline: &baseline,
    });
    report.push_str(&kb::report(&kb::KbFigures {
        cores,
        text_bytes: corpus.text_bytes,
        articles: corpus.articles,
        ingest_one: &ingest_one,
        ingest_all: &ingest_all,
        api: &api,
        stores: &stores,
    }));
    print!("{report}");
    let report_path = bench_dir.join("report.txt");
    std::fs::write(&report_path, &report)
        .with_context(|| format!("cannot write {}", report_path.display()))?;
    Ok(())
}

/// One record as the benchmark reads it back: language and person names.
#[derive(Deserialize)]
struct RecordSummary {
    id: String,
    lang: String,
    persons: Vec<PersonName>,
}

#[derive(Deserialize)]
struct PersonName {
    name: String,
}

#[derive(Deserialize)]
struct ExampleEntry {
    id: String,
    published: Option<String>,
    file: PathBuf,
}

/// The example articles with the language and the person names entente
/// finds in them, which the corpus generator swaps.
fn base_articles(root: &Path, entente: &Path) -> anyhow::Result<Vec<corpus::BaseArticle>> {
    let examples = root.join("examples/articles.jsonl");
    let output = Command::new(entente)
        .args(["extract", "--jobs", "1", "--manifest"])
        .arg(&examples)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run entente on the examples")?;
    if !output.status.success() {
        bail!(
            "entente extract failed on {} ({})",
            examples.display(),
            output.status
        );
    }
    let mut records = std::collections::HashMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let record: RecordSummary = serde_json::from_str(line).context("reading a record")?;
        records.insert(record.id.clone(), record);
    }
    let listing = std::fs::read_to_string(&examples)
        .with_context(|| format!("cannot read {}", examples.display()))?;
    let mut bases = Vec::new();
    for line in listing.lines().filter(|line| !line.trim().is_empty()) {
        let entry: ExampleEntry = serde_json::from_str(line)
            .with_context(|| format!("{}: bad line {line}", examples.display()))?;
        let path = root.join("examples").join(&entry.file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let record = records.remove(&entry.id);
        bases.push(corpus::BaseArticle {
            lang: record.as_ref().map_or_else(String::new, |r| r.lang.clone()),
            persons: record
                .map(|r| r.persons.into_iter().map(|person| person.name).collect())
                .unwrap_or_default(),
            id: entry.id,
            text,
            published: entry.published,
        });
    }
    Ok(bases)
}

/// One measured run of `entente extract`.
struct EntenteRun {
    jobs: Option<usize>,
    measured: measure::Measured,
    records: usize,
}

/// Runs `entente extract` `repeat` times and keeps the fastest run: other
/// work on the machine only ever slows a run down.
fn run_entente(
    entente: &Path,
    manifest: &Path,
    jobs: Option<usize>,
    repeat: usize,
    records_path: &Path,
) -> anyhow::Result<EntenteRun> {
    let what = format!("entente extract of {}", manifest.display());
    let measured = measure::fastest(repeat, &what, || {
        let records_file = File::create(records_path)
            .with_context(|| format!("cannot create {}", records_path.display()))?;
        let mut command = Command::new(entente);
        command.args(["extract", "--manifest"]).arg(manifest);
        if let Some(jobs) = jobs {
            command.args(["--jobs", &jobs.to_string()]);
        }
        command.stdout(records_file).stderr(Stdio::null());
        Ok(command)
    })?;
    let records = BufReader::new(File::open(records_path)?).lines().count();
    Ok(EntenteRun {
        jobs,
        measured,
        records,
    })
}

/// Whether two files hold the same bytes.
fn same_bytes(a: &Path, b: &Path) -> anyhow::Result<bool> {
    let (mut a, mut b) = (
        BufReader::new(File::open(a)?),
        BufReader::new(File::open(b)?),
    );
    let (mut chunk_a, mut chunk_b) = (vec![0; 1 << 16], vec![0; 1 << 16]);
    loop {
        let read_a = a.read(&mut chunk_a)?;
        let mut read_b = 0;
        while read_b < read_a {
            let read = b.read(&mut chunk_b[read_b..read_a])?;
            if read == 0 {
                return Ok(false);
            }
            read_b += read;
        }
        if chunk_a[..read_a] != chunk_b[..read_a] {
            return Ok(false);
        }
        if read_a == 0 {
            return Ok(b.read(&mut chunk_b)? == 0);
        }
    }
}

struct Report<'a> {
    root: &'a Path,
    machine: &'a str,
    repeat: usize,
    manifest: &'a Path,
    corpus: &'a corpus::Corpus,
    cores: usize,
    one: &'a EntenteRun,
    all: &'a EntenteRun,
    identical: bool,
    baseline: &'a Result<python::Baseline, String>,
}

fn report(report: &Report<'_>) -> String {
    let megabytes = report.corpus.text_bytes as f64 / 1e6;
    let mb_per_s = |run: &EntenteRun| megabytes / run.measured.seconds;
    let articles_per_s = |run: &EntenteRun| report.corpus.articles as f64 / run.measured.seconds;
    let mib = |kib: Option<u64>| {
        kib.map_or("n/a".to_string(), |kib| {
            format!("{:.0} MiB", kib as f64 / 1024.0)
        })
    };
    let met = |ok: bool| if ok { "met" } else { "NOT met" };
    let cpu = |seconds: Option<f64>| seconds.map_or("n/a".to_string(), |s| format!("{s:.2}"));

    let mut text = String::new();
    let _ = writeln!(text, "entente benchmark ({})", revision(report.root));
    let _ = writeln!(text, "machine: {}", report.machine);
    let _ = writeln!(
        text,
        "corpus:  {} articles, {:.1} MB of text, {}",
        report.corpus.articles,
        megabytes,
        report.manifest.display()
    );
    if report.repeat > 1 {
        let _ = writeln!(text, "runs:    the fastest of {} runs each", report.repeat);
    }
    let _ = writeln!(text);
    let _ = writeln!(
        text,
        "{:<34} {:>9} {:>11} {:>9} {:>9} {:>10}",
        "run", "MB/s", "articles/s", "seconds", "CPU s", "peak RSS"
    );
    for run in [report.one, report.all] {
        let name = match run.jobs {
            Some(jobs) => format!("entente extract --jobs {jobs}"),
            None => format!("entente extract ({} cores)", report.cores),
        };
        let _ = writeln!(
            text,
            "{:<34} {:>9.2} {:>11.0} {:>9.2} {:>9} {:>10}",
            name,
            mb_per_s(run),
            articles_per_s(run),
            run.measured.seconds,
            cpu(run.measured.cpu_seconds),
            mib(run.measured.peak_kib)
        );
    }
    match report.baseline {
        Ok(baseline) => {
            let _ = writeln!(
                text,
                "{:<34} {:>9.4} {:>11.1} {:>9.2} {:>9} {:>10}",
                "python baseline (1 process)",
                baseline.mb_per_s,
                baseline.articles_per_s,
                baseline.seconds,
                "",
                mib(baseline.peak_kib)
            );
            let _ = writeln!(
                text,
                "  ({}, on the first {} articles, {:.2} MB)",
                baseline.pipeline, baseline.articles, baseline.megabytes
            );
        }
        Err(reason) => {
            let _ = writeln!(text, "python baseline: SKIPPED, no ratio: {reason}");
        }
    }
    let _ = writeln!(text);
    let one_core = mb_per_s(report.one);
    let scaling = report.one.measured.seconds / report.all.measured.seconds;
    let peak_mib = [report.one, report.all]
        .iter()
        .filter_map(|run| run.measured.peak_kib)
        .max()
        .map(|kib| kib as f64 / 1024.0);
    let _ = writeln!(
        text,
        "records: {} and {}, {}",
        report.one.records,
        report.all.records,
        if report.identical {
            "byte-identical across job counts"
        } else {
            "DIFFERENT across job counts (a bug)"
        }
    );
    let _ = writeln!(
        text,
        "one core:    {one_core:.2} MB/s (target >= {TARGET_ONE_CORE_MB_S} MB/s: {})",
        met(one_core >= TARGET_ONE_CORE_MB_S)
    );
    let _ = writeln!(
        text,
        "scaling:     {scaling:.2}x on {} cores (target >= {TARGET_SCALING}x on 2 cores: {})",
        report.cores,
        met(scaling >= TARGET_SCALING)
    );
    if let (Some(cpu_one), Some(cpu_all)) = (
        report.one.measured.cpu_seconds,
        report.all.measured.cpu_seconds,
    ) {
        // Cores busy is CPU time over wall time: below the core count, other
        // work on the machine (or waiting) held the run back.
        let busy = cpu_all / report.all.measured.seconds;
        let _ = writeln!(
            text,
            "             the parallel run kept {busy:.2} of {} cores busy and took {:+.0}% CPU time over one job",
            report.cores,
            (cpu_all / cpu_one - 1.0) * 100.0
        );
    }
    if let Some(peak_mib) = peak_mib {
        let _ = writeln!(
            text,
            "peak memory: {peak_mib:.0} MiB (target < {TARGET_PEAK_MIB} MB: {})",
            met(peak_mib * 1.048_576 < TARGET_PEAK_MIB)
        );
    }
    if let Ok(baseline) = report.baseline {
        let per_core = one_core / baseline.mb_per_s;
        let _ = writeln!(
            text,
            "per core:    entente {one_core:.2} MB/s, python {:.4} MB/s: {per_core:.0}x (target >= {TARGET_RATIO}x: {})",
            baseline.mb_per_s,
            met(per_core >= TARGET_RATIO)
        );
        let _ = writeln!(
            text,
            "whole machine: entente on {} cores {:.2} MB/s vs python on one process: {:.0}x",
            report.cores,
            mb_per_s(report.all),
            mb_per_s(report.all) / baseline.mb_per_s
        );
    }
    text
}

/// The commit the figures belong to, marked when the tree has changes.
fn revision(root: &Path) -> String {
    Command::new("git")
        .current_dir(root)
        .args(["describe", "--always", "--dirty"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| format!("commit {}", String::from_utf8_lossy(&output.stdout).trim()))
        .unwrap_or_else(|| "no git revision".to_string())
}

/// The core count, CPU model and memory of this machine.
fn machine(cores: usize) -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|line| line.starts_with("model name"))
        .and_then(|line| line.split_once(':'))
        .map_or("unknown CPU", |(_, model)| model.trim());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find(|line| line.starts_with("MemTotal:"))
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|kib| kib.parse::<f64>().ok())
        .map_or("unknown memory".to_string(), |kib| {
            format!("{:.1} GiB", kib / 1024.0 / 1024.0)
        });
    // Other work on the machine slows every figure down; the load says how
    // much there was when the benchmark started.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|loadavg| loadavg.split_whitespace().next().map(str::to_string))
        .map_or(String::new(), |load| {
            format!(", load average {load} at start")
        });
    format!("{cores} cores, {model}, {memory}{load}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> impl Iterator<Item = String> {
        line.split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn options_parse_and_reject_bad_values() {
        let options = parse(args("--mb 2 --repeat 3 --python-seconds 5 --no-python"))
            .unwrap()
            .expect("options, not a request for help");
        assert_eq!(options.megabytes, 2.0);
        assert!(options.kb.docs.is_empty());
        assert_eq!(options.repeat, 3);
        assert_eq!(options.python_seconds, 5.0);
        assert!(!options.python);
        assert_eq!(parse(args("")).unwrap().unwrap().megabytes, 50.0);
        assert!(parse(args("--mb 2 --help")).unwrap().is_none());
        assert!(parse(args("--mb 0")).is_err());
        assert!(parse(args("--mb")).is_err());
        assert!(parse(args("--fast")).is_err());
        let options = parse(args(
            "--kb-docs 100_000,1000000 --kb-api-max 1e5 --api-clients 4",
        ))
        .unwrap()
        .unwrap();
        assert_eq!(options.kb.docs, [100_000, 1_000_000]);
        assert_eq!(options.kb.api_max_docs, 100_000);
        assert_eq!(options.kb.api_clients, 4);
        assert!(parse(args("--kb-docs 10,x")).is_err());
    }
}
