//! The knowledge-base part of `cargo xtask bench`: how fast `entente ingest`
//! fills a SQLite store from the synthetic corpus (one job and every core),
//! how many pair dossiers per second `entente serve` answers on its JSON
//! API, and, on stores of `--kb-docs` documents, how long `entente dossier A
//! B` takes from spawn to exit.
//!
//! A store of a million documents cannot be filled by extracting a million
//! articles in a benchmark, so the big stores are filled by the
//! `bench_store` example of entente-store: the corpus articles with the
//! records the extraction run printed, then copies of them (new id, source
//! and content hash, same record) until the count is reached, written
//! through the store's batch API like `entente ingest` writes. A store is
//! kept under `target/bench/` and reused by later runs with the same corpus
//! unless `--kb-rebuild` is given.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde::Deserialize;

use super::corpus::Random;
use super::http::{self, Load, quantile};
use super::measure::{self, Measured};

/// The targets of the performance issue for the knowledge base.
pub const TARGET_INGEST_MB_S: f64 = 5.0;
pub const TARGET_DOSSIER_P95_MS: f64 = 50.0;
pub const TARGET_API_REQUESTS_S: f64 = 2000.0;

/// The options of the knowledge-base benchmarks.
pub struct KbOptions {
    /// Sizes of the stores to query, in documents; none by default.
    pub docs: Vec<usize>,
    /// Dossier queries per store.
    pub queries: usize,
    /// Seconds of measured API load.
    pub api_seconds: f64,
    /// Concurrent API connections.
    pub api_clients: usize,
    /// The API is also loaded on the `docs` stores of at most this many
    /// documents: the server builds every dossier at start-up, which takes
    /// minutes and gigabytes beyond a few hundred thousand documents.
    pub api_max_docs: usize,
    /// Whether to rebuild big stores that already exist.
    pub rebuild: bool,
}

impl Default for KbOptions {
    fn default() -> Self {
        KbOptions {
            docs: Vec::new(),
            queries: 200,
            api_seconds: 10.0,
            api_clients: 16,
            api_max_docs: 0,
            rebuild: false,
        }
    }
}

/// One measured run of `entente ingest`.
pub struct IngestRun {
    pub jobs: Option<usize>,
    pub measured: Measured,
    /// `entente stats --format json` of the store it filled.
    pub stats: Stats,
}

/// The counts of a store, as `entente stats --format json` prints them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Stats {
    pub documents: u64,
    pub versions: u64,
    pub mentions: u64,
    pub events: u64,
    pub agreements: u64,
    pub persons: u64,
    pub pairs: u64,
}

/// Runs `entente ingest` of `manifest` into a new store at `db`, `repeat`
/// times, keeping the fastest run.
pub fn ingest(
    entente: &Path,
    manifest: &Path,
    jobs: Option<usize>,
    repeat: usize,
    db: &Path,
) -> anyhow::Result<IngestRun> {
    let what = format!("entente ingest of {}", manifest.display());
    let measured = measure::fastest(repeat, &what, || {
        remove_store(db)?;
        let mut command = Command::new(entente);
        command.arg("ingest").arg(manifest).arg("--db").arg(db);
        if let Some(jobs) = jobs {
            command.args(["--jobs", &jobs.to_string()]);
        }
        command.stdout(Stdio::null()).stderr(Stdio::null());
        Ok(command)
    })?;
    let stats = stats(entente, db)?;
    Ok(IngestRun {
        jobs,
        measured,
        stats,
    })
}

/// Removes a store file and its write-ahead log, if they exist.
pub fn remove_store(db: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db.as_os_str().to_owned();
        path.push(suffix);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                return Err(error).with_context(|| format!("cannot remove {}", db.display()));
            }
        }
    }
    Ok(())
}

fn stats(entente: &Path, db: &Path) -> anyhow::Result<Stats> {
    let output = Command::new(entente)
        .args(["stats", "--format", "json", "--db"])
        .arg(db)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run entente stats")?;
    if !output.status.success() {
        bail!("entente stats failed on {}", db.display());
    }
    serde_json::from_slice(&output.stdout).context("reading the output of entente stats")
}

/// A store of many documents for the query benchmarks.
pub struct KbStore {
    pub path: PathBuf,
    pub documents: usize,
    /// The seconds `bench_store` took, when it was built by this run.
    pub built_seconds: Option<f64>,
    pub bytes: u64,
}

/// Builds (or reuses) the store of `documents` documents for the corpus
/// `manifest`, whose records `entente extract` printed to `records`.
pub fn kb_store(
    root: &Path,
    bench_dir: &Path,
    manifest: &Path,
    records: &Path,
    documents: usize,
    rebuild: bool,
) -> anyhow::Result<KbStore> {
    let stem = manifest
        .file_stem()
        .map_or("corpus".into(), |stem| stem.to_string_lossy());
    let path = bench_dir.join(format!("kb-{stem}-{documents}.db"));
    // The store is stamped with the corpus it was built from, so a new
    // corpus or records file rebuilds it.
    let stamp_path = path.with_extension("db.stamp");
    let stamp = format!("{}\n{}\n", file_stamp(manifest)?, file_stamp(records)?);
    let reusable = !rebuild
        && path.is_file()
        && std::fs::read_to_string(&stamp_path).is_ok_and(|found| found == stamp);
    let mut built_seconds = None;
    if !reusable {
        remove_store(&path)?;
        let tool = bench_store_tool(root)?;
        eprintln!("bench: filling {} ...", path.display());
        let started = Instant::now();
        let status = Command::new(&tool)
            .arg("--manifest")
            .arg(manifest)
            .arg("--records")
            .arg(records)
            .arg("--db")
            .arg(&path)
            .args(["--documents", &documents.to_string()])
            .stdout(Stdio::null())
            .status()
            .with_context(|| format!("cannot run {}", tool.display()))?;
        if !status.success() {
            bail!("{} failed ({status})", tool.display());
        }
        built_seconds = Some(started.elapsed().as_secs_f64());
        std::fs::write(&stamp_path, &stamp)
            .with_context(|| format!("cannot write {}", stamp_path.display()))?;
    } else {
        eprintln!(
            "bench: reusing {} (--kb-rebuild builds it again)",
            path.display()
        );
    }
    let bytes = std::fs::metadata(&path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    Ok(KbStore {
        path,
        documents,
        built_seconds,
        bytes,
    })
}

/// A fingerprint of a file's content: its size and a hash of its bytes.
/// Every run of the benchmark writes the corpus and the records again, so
/// their modification times say nothing; their content says whether a store
/// built from them can be reused.
fn file_stamp(path: &Path) -> anyhow::Result<String> {
    use std::hash::Hasher;
    use std::io::Read;

    let mut file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut hasher = std::hash::DefaultHasher::new();
    let mut chunk = vec![0; 1 << 20];
    let mut size = 0;
    loop {
        let read = file
            .read(&mut chunk)
            .with_context(|| format!("cannot read {}", path.display()))?;
        if read == 0 {
            break;
        }
        hasher.write(&chunk[..read]);
        size += read;
    }
    Ok(format!(
        "{} {size} {:016x}",
        path.display(),
        hasher.finish()
    ))
}

/// Builds the `bench_store` example in release mode and returns its path.
fn bench_store_tool(root: &Path) -> anyhow::Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "entente-store",
            "--example",
            "bench_store",
        ])
        .status()
        .context("cannot run cargo build")?;
    if !status.success() {
        bail!("cargo build --release -p entente-store --example bench_store failed ({status})");
    }
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    Ok(target_dir.join("release/examples/bench_store"))
}

/// A pair as `entente countries --format json` prints it.
#[derive(Debug, Clone, Deserialize)]
struct PairActivity {
    pair: [String; 2],
    documents: u64,
}

/// Every pair of the store, the most active first.
fn pairs(entente: &Path, db: &Path) -> anyhow::Result<Vec<PairActivity>> {
    let output = Command::new(entente)
        .args([
            "countries",
            "--format",
            "json",
            "--limit",
            "1000000000",
            "--db",
        ])
        .arg(db)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run entente countries")?;
    if !output.status.success() {
        bail!("entente countries failed on {}", db.display());
    }
    serde_json::from_slice(&output.stdout).context("reading the output of entente countries")
}

/// The latency of `entente dossier` on one store.
pub struct DossierRun {
    pub pairs: usize,
    /// Latencies in microseconds, sorted, for pairs drawn uniformly.
    pub uniform_us: Vec<u64>,
    /// The same for pairs drawn in proportion to their documents.
    pub weighted_us: Vec<u64>,
    /// The pair with the most documents, its documents and latency (µs).
    pub biggest: (String, u64, u64),
}

/// Times `entente dossier A B --format json` for `queries` pairs drawn
/// uniformly among the store's pairs, then `queries` pairs drawn in
/// proportion to their documents (as if each query came from a document a
/// reader was looking at), after a warm-up of 20 queries.
pub fn dossiers(entente: &Path, db: &Path, queries: usize) -> anyhow::Result<DossierRun> {
    let pairs = pairs(entente, db)?;
    if pairs.is_empty() {
        bail!("{}: no pair of countries", db.display());
    }
    let mut random = Random::new(0x6b62_6465_6e74_6531);
    let total: u64 = pairs.iter().map(|pair| pair.documents).sum();
    let weighted = |random: &mut Random| {
        let mut at = random.next() % total.max(1);
        for pair in &pairs {
            if at < pair.documents {
                return pair;
            }
            at -= pair.documents;
        }
        &pairs[0]
    };
    for _ in 0..queries.min(20) {
        time_dossier(entente, db, &pairs[random.below(pairs.len())])?;
    }
    let mut uniform_us = Vec::with_capacity(queries);
    for _ in 0..queries {
        uniform_us.push(time_dossier(
            entente,
            db,
            &pairs[random.below(pairs.len())],
        )?);
    }
    let mut weighted_us = Vec::with_capacity(queries);
    for _ in 0..queries {
        let pair = weighted(&mut random);
        weighted_us.push(time_dossier(entente, db, pair)?);
    }
    uniform_us.sort_unstable();
    weighted_us.sort_unstable();
    let biggest = pairs
        .iter()
        .max_by_key(|pair| pair.documents)
        .unwrap_or(&pairs[0]);
    let biggest_us = time_dossier(entente, db, biggest)?;
    Ok(DossierRun {
        pairs: pairs.len(),
        uniform_us,
        weighted_us,
        biggest: (biggest.pair.join("-"), biggest.documents, biggest_us),
    })
}

/// Runs `entente dossier` on one pair; its time from spawn to exit in µs.
fn time_dossier(entente: &Path, db: &Path, pair: &PairActivity) -> anyhow::Result<u64> {
    let started = Instant::now();
    let status = Command::new(entente)
        .args([
            "dossier",
            &pair.pair[0],
            &pair.pair[1],
            "--format",
            "json",
            "--db",
        ])
        .arg(db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .context("cannot run entente dossier")?;
    let elapsed = started.elapsed().as_micros() as u64;
    if !status.success() {
        bail!(
            "entente dossier {} {} failed on {} ({status})",
            pair.pair[0],
            pair.pair[1],
            db.display()
        );
    }
    Ok(elapsed)
}

/// A running `entente serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// From spawn to the "serving" line: opening the store and building
    /// every dossier.
    startup_seconds: f64,
}

impl Drop for Server {
    fn drop(&mut self) {
        // The server runs until stopped; it is this benchmark's own child.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `entente serve` on a free loopback port and waits until it serves.
fn serve(entente: &Path, db: &Path) -> anyhow::Result<Server> {
    let started = Instant::now();
    let mut child = Command::new(entente)
        .arg("serve")
        .arg("--db")
        .arg(db)
        .args(["--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot start entente serve")?;
    let stderr = child.stderr.take().context("no stderr")?;
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let Some(line) = lines.next() else {
            let _ = child.kill();
            let status = child.wait()?;
            bail!("entente serve stopped before it served ({status})");
        };
        let line = line?;
        if let Some(rest) = line.split(" on http://").nth(1) {
            let addr = rest.split('/').next().unwrap_or_default();
            break addr
                .parse::<SocketAddr>()
                .with_context(|| format!("reading the address in {line:?}"))?;
        }
    };
    // The server may print more; nobody reads it, so drain it.
    std::thread::spawn(move || lines.for_each(drop));
    Ok(Server {
        child,
        addr,
        startup_seconds: started.elapsed().as_secs_f64(),
    })
}

/// The API throughput on one store.
pub struct ApiRun {
    pub load: Load,
    pub clients: usize,
    /// How many pair paths the clients went round.
    pub paths: usize,
    pub startup_seconds: f64,
    /// CPU seconds the server spent per second of load: cores it kept busy.
    pub server_cores: Option<f64>,
    /// The server's peak resident memory in KiB, index included.
    pub server_peak_kib: Option<u64>,
}

/// Serves `db` and loads `/api/v1/pairs/{pair}` from `clients` keep-alive
/// connections for `seconds` (after a two-second warm-up), going round up to
/// 1,000 pairs drawn uniformly among the store's pairs.
pub fn api(entente: &Path, db: &Path, clients: usize, seconds: f64) -> anyhow::Result<ApiRun> {
    let mut pairs = pairs(entente, db)?;
    let mut random = Random::new(0x6b62_6170_6931);
    // A seeded shuffle, then the first thousand.
    for index in (1..pairs.len()).rev() {
        pairs.swap(index, random.below(index + 1));
    }
    let paths: Vec<String> = pairs
        .iter()
        .take(1000)
        .map(|pair| format!("/api/v1/pairs/{}-{}", pair.pair[0], pair.pair[1]))
        .collect();
    eprintln!("bench: entente serve --db {} ...", db.display());
    let server = serve(entente, db)?;
    let stat_path = format!("/proc/{}/stat", server.child.id());
    let warmup = Duration::from_secs(2);
    let cpu_before = Instant::now() + warmup;
    let load_thread = {
        let paths = paths.clone();
        let addr = server.addr;
        std::thread::spawn(move || {
            http::run(
                addr,
                &paths,
                clients,
                warmup,
                Duration::from_secs_f64(seconds),
            )
        })
    };
    // The server's CPU time over the measured part of the load.
    std::thread::sleep(cpu_before.saturating_duration_since(Instant::now()));
    let before = measure::cpu_seconds(&stat_path);
    std::thread::sleep(Duration::from_secs_f64(seconds));
    let after = measure::cpu_seconds(&stat_path);
    let load = load_thread
        .join()
        .map_err(|_| anyhow::anyhow!("the load thread panicked"))??;
    let server_cores = before
        .zip(after)
        .map(|(before, after)| (after - before) / seconds);
    let server_peak_kib =
        measure::high_water_mark_kib(&format!("/proc/{}/status", server.child.id()));
    Ok(ApiRun {
        load,
        clients,
        paths: paths.len(),
        startup_seconds: server.startup_seconds,
        server_cores,
        server_peak_kib,
    })
}

/// The figures measured on one store of `--kb-docs`.
pub struct StoreFigures {
    pub store: KbStore,
    pub dossiers: anyhow::Result<DossierRun>,
    /// On stores of at most `--kb-api-max` documents only.
    pub api: Option<anyhow::Result<ApiRun>>,
}

/// The figures of the knowledge-base benchmarks, for the report.
pub struct KbFigures<'a> {
    pub cores: usize,
    pub text_bytes: u64,
    pub articles: usize,
    pub ingest_one: &'a IngestRun,
    pub ingest_all: &'a IngestRun,
    pub api: &'a anyhow::Result<ApiRun>,
    pub stores: &'a [StoreFigures],
}

/// The knowledge-base section of the report.
pub fn report(figures: &KbFigures<'_>) -> String {
    let megabytes = figures.text_bytes as f64 / 1e6;
    let met = |ok: bool| if ok { "met" } else { "NOT met" };
    let mib = |kib: Option<u64>| {
        kib.map_or("n/a".to_string(), |kib| {
            format!("{:.0} MiB", kib as f64 / 1024.0)
        })
    };
    let cpu = |seconds: Option<f64>| seconds.map_or("n/a".to_string(), |s| format!("{s:.2}"));
    let mut text = String::new();
    let _ = writeln!(text);
    let _ = writeln!(
        text,
        "{:<34} {:>9} {:>11} {:>9} {:>9} {:>10}",
        "knowledge base", "MB/s", "documents/s", "seconds", "CPU s", "peak RSS"
    );
    for run in [figures.ingest_one, figures.ingest_all] {
        let name = match run.jobs {
            Some(jobs) => format!("entente ingest --jobs {jobs}"),
            None => format!("entente ingest ({} cores)", figures.cores),
        };
        let _ = writeln!(
            text,
            "{:<34} {:>9.2} {:>11.0} {:>9.2} {:>9} {:>10}",
            name,
            megabytes / run.measured.seconds,
            figures.articles as f64 / run.measured.seconds,
            run.measured.seconds,
            cpu(run.measured.cpu_seconds),
            mib(run.measured.peak_kib)
        );
    }
    let same = figures.ingest_one.stats == figures.ingest_all.stats;
    let stats = &figures.ingest_all.stats;
    let _ = writeln!(
        text,
        "stores:  {} documents, {} pairs, {} events, {}",
        stats.documents,
        stats.pairs,
        stats.events,
        if same {
            "the same counts for both job counts"
        } else {
            "DIFFERENT counts across job counts (a bug)"
        }
    );
    let all_mb_s = megabytes / figures.ingest_all.measured.seconds;
    let _ = writeln!(
        text,
        "ingest:      {all_mb_s:.2} MB/s on {} cores (target >= {TARGET_INGEST_MB_S} MB/s: {})",
        figures.cores,
        met(all_mb_s >= TARGET_INGEST_MB_S)
    );
    match figures.api {
        Ok(api) => {
            let _ = writeln!(
                text,
                "api:         {}",
                api_line(api, stats.documents, &met)
            );
        }
        Err(error) => {
            let _ = writeln!(text, "api:         FAILED: {error:#}");
        }
    }
    for StoreFigures {
        store,
        dossiers,
        api,
    } in figures.stores
    {
        let _ = writeln!(text);
        let built = match store.built_seconds {
            Some(seconds) => format!("filled in {seconds:.0} s"),
            None => "reused".to_string(),
        };
        let _ = writeln!(
            text,
            "store of {} documents: {:.1} GB, {built}, {}",
            store.documents,
            store.bytes as f64 / 1e9,
            store.path.display()
        );
        match dossiers {
            Ok(run) => {
                let ms = |values: &[u64], q: f64| quantile(values, q) as f64 / 1000.0;
                let _ = writeln!(
                    text,
                    "  entente dossier, {} pairs drawn uniformly among {}: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (target p95 < {TARGET_DOSSIER_P95_MS} ms: {})",
                    run.uniform_us.len(),
                    run.pairs,
                    ms(&run.uniform_us, 0.5),
                    ms(&run.uniform_us, 0.95),
                    ms(&run.uniform_us, 1.0),
                    met(ms(&run.uniform_us, 0.95) < TARGET_DOSSIER_P95_MS)
                );
                let _ = writeln!(
                    text,
                    "  entente dossier, {} pairs drawn by documents: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
                    run.weighted_us.len(),
                    ms(&run.weighted_us, 0.5),
                    ms(&run.weighted_us, 0.95),
                    ms(&run.weighted_us, 1.0)
                );
                let (pair, documents, us) = &run.biggest;
                let _ = writeln!(
                    text,
                    "  the busiest pair, {pair} ({documents} documents): {:.1} ms",
                    *us as f64 / 1000.0
                );
            }
            Err(error) => {
                let _ = writeln!(text, "  entente dossier: FAILED: {error:#}");
            }
        }
        match api {
            Some(Ok(api)) => {
                let _ = writeln!(
                    text,
                    "  api: {}",
                    api_line(api, store.documents as u64, &met)
                );
            }
            Some(Err(error)) => {
                let _ = writeln!(text, "  api: FAILED: {error:#}");
            }
            None => {}
        }
    }
    text
}

fn api_line(api: &ApiRun, documents: u64, met: &dyn Fn(bool) -> &'static str) -> String {
    let load = &api.load;
    let rate = load.per_second();
    let server = api.server_cores.map_or(String::new(), |cores| {
        format!(", server busy {cores:.2} cores")
    });
    let memory = api.server_peak_kib.map_or(String::new(), |kib| {
        format!(", peak RSS {:.0} MiB", kib as f64 / 1024.0)
    });
    let errors = match (&load.errors, &load.first_error) {
        (0, _) => String::new(),
        (count, Some(first)) => format!(", {count} ERRORS, first: {first}"),
        (count, None) => format!(", {count} ERRORS"),
    };
    format!(
        "{rate:.0} pair dossiers/s ({} keep-alive clients, {} pairs, {:.0} KB a body, p50 {:.2} ms, p99 {:.2} ms{server}; \
         store of {documents} documents, start-up {:.1} s{memory}) (target >= {TARGET_API_REQUESTS_S}/s: {}){errors}",
        api.clients,
        api.paths,
        load.body_bytes as f64 / load.requests.max(1) as f64 / 1e3,
        load.latency_ms(0.5),
        load.latency_ms(0.99),
        api.startup_seconds,
        met(rate >= TARGET_API_REQUESTS_S)
    )
}
