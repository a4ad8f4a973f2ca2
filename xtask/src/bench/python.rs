//! The Python baseline: a virtual environment under `target/bench/venv` with
//! the packages pinned in `bench/requirements.txt` (spaCy, its small French
//! pipeline and country_converter), installed with pip on first use and again
//! whenever the pins change, and one run of `bench/spacy_baseline.py` on the
//! benchmark corpus. Anything that stops the environment from being made (no
//! `python3`, no network) is returned as a reason to skip the baseline, not
//! as an error: the entente figures stand on their own.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

use super::measure;

/// The figures `spacy_baseline.py` prints as one JSON object.
#[derive(Debug, Deserialize)]
pub struct Baseline {
    pub pipeline: String,
    pub articles: u64,
    pub megabytes: f64,
    pub seconds: f64,
    pub mb_per_s: f64,
    pub articles_per_s: f64,
    /// Filled in by the runner: the peak resident memory of the process.
    #[serde(skip)]
    pub peak_kib: Option<u64>,
}

/// Makes the virtual environment if needed and returns its interpreter, or
/// why it cannot be had.
pub fn ensure_venv(root: &Path) -> Result<PathBuf, String> {
    let requirements = root.join("bench/requirements.txt");
    let pins = std::fs::read_to_string(&requirements)
        .map_err(|error| format!("cannot read {}: {error}", requirements.display()))?;
    let venv = root.join("target/bench/venv");
    let python = venv.join("bin/python");
    // The copy of the pins installed last; a different file means reinstall.
    let stamp = venv.join("installed-requirements.txt");
    if python.exists() && std::fs::read_to_string(&stamp).is_ok_and(|installed| installed == pins) {
        return Ok(python);
    }
    eprintln!(
        "bench: installing the Python baseline into {} ...",
        venv.display()
    );
    if !python.exists() {
        let mut create = Command::new("python3");
        create.args(["-m", "venv"]).arg(&venv);
        run_quietly(&mut create, "python3 -m venv")?;
    }
    let mut install = Command::new(&python);
    install
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(&requirements);
    run_quietly(&mut install, "pip install -r bench/requirements.txt")?;
    std::fs::write(&stamp, pins)
        .map_err(|error| format!("cannot write {}: {error}", stamp.display()))?;
    Ok(python)
}

/// Runs the baseline script over the manifest on one process, for at most
/// about `max_seconds` of pipeline time.
pub fn run_baseline(
    root: &Path,
    python: &Path,
    manifest: &Path,
    max_seconds: f64,
) -> Result<Baseline, String> {
    let output_path = root.join("target/bench/python-baseline.json");
    let log_path = root.join("target/bench/python-baseline.log");
    let create = |path: &Path| {
        std::fs::File::create(path)
            .map_err(|error| format!("cannot create {}: {error}", path.display()))
    };
    let (output, log) = (create(&output_path)?, create(&log_path)?);
    let mut command = Command::new(python);
    command
        .arg(root.join("bench/spacy_baseline.py"))
        .arg("--manifest")
        .arg(manifest)
        .arg("--max-seconds")
        .arg(max_seconds.to_string())
        .stdout(output)
        .stderr(log);
    // One core: numpy's BLAS and spaCy's threads are pinned to one thread.
    for variable in ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"] {
        command.env(variable, "1");
    }
    let measured = measure::run(&mut command).map_err(|error| format!("{error:#}"))?;
    if !measured.status.success() {
        return Err(format!(
            "bench/spacy_baseline.py failed ({}); see {}",
            measured.status,
            log_path.display()
        ));
    }
    let printed = std::fs::read_to_string(&output_path)
        .map_err(|error| format!("cannot read {}: {error}", output_path.display()))?;
    let last_line = printed.lines().last().unwrap_or_default();
    let mut baseline: Baseline = serde_json::from_str(last_line)
        .map_err(|error| format!("bench/spacy_baseline.py printed {last_line:?}: {error}"))?;
    baseline.peak_kib = measured.peak_kib;
    Ok(baseline)
}

/// Runs a setup command, returning the tail of its stderr as the reason if
/// it fails.
fn run_quietly(command: &mut Command, what: &str) -> Result<(), String> {
    let output = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|error| format!("{what}: cannot start: {error}"))?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    Err(format!(
        "{what} failed ({}): {}",
        output.status,
        tail.join(" | ")
    ))
}
