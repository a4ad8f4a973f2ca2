//! Running one measured child process: its wall-clock time from spawn to
//! exit, its peak resident memory, read as `VmHWM` (the high-water mark of
//! its resident set, all threads included) from `/proc/PID/status`, and the
//! CPU time of all its threads, read from `/proc/PID/stat`, both by a thread
//! that polls them every few milliseconds while the child runs. Both only
//! grow, so the last reading before the exit misses at most one polling
//! interval.

use std::process::{Command, ExitStatus};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;

/// How often the memory of the child is read.
const POLL_INTERVAL: Duration = Duration::from_millis(5);

/// What one run of a child cost.
pub struct Measured {
    pub status: ExitStatus,
    pub seconds: f64,
    /// The peak resident set in KiB, if it could be read (only on Linux, and
    /// only if the child lived long enough to be seen).
    pub peak_kib: Option<u64>,
    /// User and system CPU seconds of all the child's threads, when read.
    pub cpu_seconds: Option<f64>,
}

/// Runs the command `prepare` makes `repeat` times (at least once) and
/// keeps the fastest run: other work on the machine only ever slows a run
/// down. A run that fails stops the measure with an error that names `what`.
pub fn fastest(
    repeat: usize,
    what: &str,
    mut prepare: impl FnMut() -> anyhow::Result<Command>,
) -> anyhow::Result<Measured> {
    let mut best: Option<Measured> = None;
    for _ in 0..repeat.max(1) {
        let measured = run(&mut prepare()?)?;
        if !measured.status.success() {
            anyhow::bail!("{what} failed ({})", measured.status);
        }
        if best
            .as_ref()
            .is_none_or(|best| measured.seconds < best.seconds)
        {
            best = Some(measured);
        }
    }
    best.with_context(|| format!("no run of {what}"))
}

/// Runs `command` to its end, measuring it.
pub fn run(command: &mut Command) -> anyhow::Result<Measured> {
    let program = command.get_program().to_string_lossy().into_owned();
    let start = Instant::now();
    let mut child = command
        .spawn()
        .with_context(|| format!("cannot start {program}"))?;
    let status_path = format!("/proc/{}/status", child.id());
    let stat_path = format!("/proc/{}/stat", child.id());
    let finished = AtomicBool::new(false);
    let (status, seconds, (peak_kib, cpu_seconds)) = std::thread::scope(|scope| {
        let poller = scope.spawn(|| {
            let (mut peak, mut cpu) = (None, None);
            while !finished.load(Ordering::Relaxed) {
                if let Some(kib) = high_water_mark_kib(&status_path) {
                    peak = Some(peak.map_or(kib, |previous: u64| previous.max(kib)));
                }
                if let Some(seconds) = cpu_seconds(&stat_path) {
                    cpu = Some(cpu.map_or(seconds, |previous: f64| previous.max(seconds)));
                }
                std::thread::sleep(POLL_INTERVAL);
            }
            (peak, cpu)
        });
        let status = child.wait();
        let seconds = start.elapsed().as_secs_f64();
        finished.store(true, Ordering::Relaxed);
        let readings = poller.join().unwrap_or((None, None));
        (status, seconds, readings)
    });
    let status = status.with_context(|| format!("waiting for {program}"))?;
    Ok(Measured {
        status,
        seconds,
        peak_kib,
        cpu_seconds,
    })
}

/// Clock ticks per second of `/proc/PID/stat` (`USER_HZ`), 100 on every
/// Linux configuration the project runs on.
const TICKS_PER_SECOND: f64 = 100.0;

/// The user and system CPU time of a process, all threads included, from
/// fields 14 and 15 of its `/proc/PID/stat` line.
pub fn cpu_seconds(stat_path: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(stat_path).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces; the
    // fields after it are plain numbers.
    let after_name = &stat[stat.rfind(')')? + 1..];
    let mut fields = after_name.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / TICKS_PER_SECOND)
}

/// The `VmHWM` line of a `/proc/PID/status` file, in KiB.
pub fn high_water_mark_kib(status_path: &str) -> Option<u64> {
    let status = std::fs::read_to_string(status_path).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_is_timed_and_its_memory_read() {
        let measured = run(Command::new("sleep").arg("0.2")).unwrap();
        assert!(measured.status.success());
        assert!(measured.seconds >= 0.2, "{}", measured.seconds);
        if cfg!(target_os = "linux") {
            assert!(measured.peak_kib.is_some_and(|kib| kib > 0));
            assert!(measured.cpu_seconds.is_some_and(|cpu| cpu < 0.2));
        }
    }
}
