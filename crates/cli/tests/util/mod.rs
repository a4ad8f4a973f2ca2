//! Helpers for the integration tests of the `entente` binary: a temporary
//! folder to write inputs into, a builder that runs the binary with arguments,
//! a working directory and stdin, and the captured output with accessors for
//! the JSON records and the stderr lines.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

use serde_json::Value;

pub mod kb;

/// The `shared/` folder beside the project, which holds the corpora.
pub fn shared_dir() -> PathBuf {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    assert!(
        path.join("corpus").is_dir(),
        "the tests read the corpora from {}, which is missing",
        path.display()
    );
    path
}

/// The root of the workspace.
pub fn workspace_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Parses a JSON Lines file into its objects.
pub fn read_jsonl(path: &Path) -> Vec<Value> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap_or_else(|error| panic!("{line}: {error}")))
        .collect()
}

/// A temporary folder, removed when dropped.
pub struct Dir {
    temp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            temp: tempfile::tempdir().expect("creating a temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.temp.path()
    }

    /// Writes `contents` to `name` (which may contain folders) and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.temp.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("creating a folder");
        }
        std::fs::write(&path, contents).expect("writing a file");
        path
    }

    /// An `entente` command run inside this folder.
    pub fn entente(&self, args: &[&str]) -> TestCommand {
        let mut command = entente(args);
        command.current_dir(self.path());
        command
    }
}

/// An `entente` command with its stdin, ready to run.
pub struct TestCommand {
    command: Command,
    stdin: Vec<u8>,
}

/// An `entente` command run in the current directory with empty stdin.
pub fn entente(args: &[&str]) -> TestCommand {
    let mut command = Command::new(env!("CARGO_BIN_EXE_entente"));
    command.args(args);
    TestCommand {
        command,
        stdin: Vec::new(),
    }
}

impl TestCommand {
    pub fn current_dir(&mut self, dir: &Path) -> &mut TestCommand {
        self.command.current_dir(dir);
        self
    }

    pub fn stdin(&mut self, bytes: impl AsRef<[u8]>) -> &mut TestCommand {
        self.stdin = bytes.as_ref().to_vec();
        self
    }

    /// The underlying command, for tests that drive the process themselves.
    pub fn command(&mut self) -> &mut Command {
        &mut self.command
    }

    /// Runs the command to its end and captures its output.
    pub fn run(&mut self) -> Output {
        let mut child = self
            .command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starting entente");
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let bytes = std::mem::take(&mut self.stdin);
        // Feed stdin from a thread so a large input cannot deadlock against a
        // full stdout pipe.
        let feeder = std::thread::spawn(move || {
            // The command may exit without reading all of stdin.
            let _ = stdin.write_all(&bytes);
        });
        let output = child.wait_with_output().expect("waiting for entente");
        feeder.join().expect("feeding stdin");
        Output {
            status: output.status,
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }
}

/// What a finished command printed, and how it exited.
#[derive(Debug)]
pub struct Output {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// The records on stdout, one JSON object per line.
    pub fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| {
                let value: Value =
                    serde_json::from_str(line).unwrap_or_else(|error| panic!("{line:?}: {error}"));
                assert!(value.is_object(), "a record must be a JSON object: {line}");
                value
            })
            .collect()
    }

    /// The `id` of each record, in order.
    pub fn ids(&self) -> Vec<String> {
        self.records()
            .iter()
            .map(|record| field(record, "id"))
            .collect()
    }

    /// The lines printed on stderr.
    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    /// Asserts the exit status, showing stderr when it is not the expected one.
    pub fn assert_code(&self, expected: i32) -> &Output {
        assert_eq!(
            self.status.code(),
            Some(expected),
            "unexpected exit status\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

/// A string field of a record, or "null" when it is null.
pub fn field(record: &Value, name: &str) -> String {
    match &record[name] {
        Value::String(value) => value.clone(),
        Value::Null => "null".to_string(),
        other => panic!("field {name} of {record} is {other}, not a string"),
    }
}
