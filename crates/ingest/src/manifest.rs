//! Manifests: JSON Lines files that list articles with their metadata, one
//! object per line:
//!
//! ```text
//! {"id": "dev-fr-001", "published": "2025-01-21", "file": "texts/dev-fr-001.txt"}
//! {"id": "wire-17", "published": null, "text": "Lomé, 3 mars ...", "lang": "fr"}
//! ```
//!
//! `id` is required; the article is either a `file` (relative to the
//! manifest's folder, or to the current directory for a manifest read from
//! standard input) or an inline `text`; `published` is a date, a timestamp or
//! null; `lang` is optional. Other fields are ignored. Blank lines are skipped.
//! [`Manifest`] reads one line at a time, so a manifest piped on standard input
//! streams, and each line yields its own document or error.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use entente_core::Document;
use serde_json::{Map, Value};

use crate::article::read_text;
use crate::decode::normalise_line_endings;
use crate::error::{IngestError, Result};
use crate::published::parse_published;

/// A lazy reader of a manifest: an iterator of one `Result<Document>` per
/// non-blank line, in order. After a failure to read the manifest itself it
/// yields that error once, then ends.
pub struct Manifest<R> {
    reader: R,
    name: String,
    base_dir: PathBuf,
    line_number: usize,
    finished: bool,
    line: Vec<u8>,
}

impl Manifest<BufReader<File>> {
    /// Opens a manifest file; `file` fields are relative to its folder.
    pub fn open(path: &Path) -> Result<Self> {
        let file = File::open(path).map_err(|source| match source.kind() {
            io::ErrorKind::NotFound => IngestError::NotFound {
                path: path.to_path_buf(),
            },
            _ => IngestError::ManifestIo {
                origin: path.display().to_string(),
                source,
            },
        })?;
        let base_dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        Ok(Manifest::from_reader(
            BufReader::new(file),
            path.display().to_string(),
            base_dir,
        ))
    }
}

impl<R: BufRead> Manifest<R> {
    /// Reads a manifest from any buffered reader (standard input, say).
    /// `name` stands for it in errors (`name:LINE`); `file` fields are
    /// relative to `base_dir` (an empty path means the current directory).
    pub fn from_reader(reader: R, name: impl Into<String>, base_dir: impl Into<PathBuf>) -> Self {
        Manifest {
            reader,
            name: name.into(),
            base_dir: base_dir.into(),
            line_number: 0,
            finished: false,
            line: Vec::new(),
        }
    }

    /// The name of the manifest, as used in errors.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl<R: BufRead> Manifest<R> {
    /// The next entry with where its text came from: the article's file
    /// (resolved against the manifest's folder) or, for an inline text, the
    /// `name:LINE` origin of the line.
    pub(crate) fn next_sourced(&mut self) -> Option<Result<(Document, String)>> {
        while !self.finished {
            self.line.clear();
            match self.reader.read_until(b'\n', &mut self.line) {
                Ok(0) => self.finished = true,
                Ok(_) => {
                    self.line_number += 1;
                    let origin = format!("{}:{}", self.name, self.line_number);
                    let Ok(line) = std::str::from_utf8(&self.line) else {
                        return Some(Err(IngestError::NotUtf8 { origin }));
                    };
                    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
                    if line.trim().is_empty() {
                        continue;
                    }
                    let entry = parse_entry(line, &origin, &self.base_dir);
                    return Some(entry.map(|(document, file)| {
                        let source = match file {
                            Some(file) => file.display().to_string(),
                            None => origin,
                        };
                        (document, source)
                    }));
                }
                Err(source) => {
                    self.finished = true;
                    let origin = format!("{}:{}", self.name, self.line_number + 1);
                    return Some(Err(IngestError::ManifestIo { origin, source }));
                }
            }
        }
        None
    }
}

impl<R: BufRead> Iterator for Manifest<R> {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_sourced()
            .map(|entry| entry.map(|(document, _source)| document))
    }
}

/// Turns one manifest line into a document, reading its file if it has one;
/// the path of that file comes back beside the document.
fn parse_entry(line: &str, origin: &str, base_dir: &Path) -> Result<(Document, Option<PathBuf>)> {
    let origin = origin.to_string();
    let value: Value = match serde_json::from_str(line) {
        Ok(value) => value,
        Err(error) => {
            // The line is the whole JSON text, so serde's "line 1" is noise.
            let reason = error
                .to_string()
                .replace(" at line 1 column ", " at column ");
            return Err(IngestError::NotJson { origin, reason });
        }
    };
    let Value::Object(fields) = value else {
        let found = json_kind(&value);
        return Err(IngestError::NotAnObject { origin, found });
    };

    let id = match string_field(&fields, "id", "a string", &origin)? {
        Some(id) if !id.trim().is_empty() => id.to_string(),
        _ => return Err(IngestError::MissingId { origin }),
    };
    let published = match string_field(&fields, "published", "a date string or null", &origin)? {
        Some(value) => {
            Some(
                parse_published(value).map_err(|source| IngestError::BadPublished {
                    origin: origin.clone(),
                    source,
                })?,
            )
        }
        None => None,
    };
    let lang = string_field(&fields, "lang", "a language code such as \"fr\"", &origin)?
        .map(|code| code.trim().to_ascii_lowercase())
        .filter(|code| !code.is_empty());
    let file =
        string_field(&fields, "file", "a path string", &origin)?.filter(|file| !file.is_empty());
    let inline_text = string_field(&fields, "text", "a string", &origin)?;

    let file_path = file.map(|file| base_dir.join(file));
    let text = match (&file_path, inline_text) {
        (Some(_), Some(_)) => return Err(IngestError::BothFileAndText { origin }),
        (None, None) => return Err(IngestError::NoText { origin }),
        (Some(file_path), None) => {
            read_text(file_path).map_err(|source| IngestError::ArticleFile {
                origin,
                id: id.clone(),
                source: Box::new(source),
            })?
        }
        (None, Some(text)) => {
            if text.trim().is_empty() {
                return Err(IngestError::EmptyText { origin });
            }
            normalise_line_endings(text.to_string())
        }
    };
    let document = Document {
        id,
        text,
        published,
        lang,
    };
    Ok((document, file_path))
}

/// The string value of `field`, `None` when it is absent or null, an error
/// when it has another type.
fn string_field<'a>(
    fields: &'a Map<String, Value>,
    field: &'static str,
    expected: &'static str,
    origin: &str,
) -> Result<Option<&'a str>> {
    match fields.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value)),
        Some(other) => Err(IngestError::WrongType {
            origin: origin.to_string(),
            field,
            expected,
            found: json_kind(other),
        }),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    /// A folder holding the files a test manifest points to.
    struct Folder(tempfile::TempDir);

    impl Folder {
        fn new(files: &[(&str, &[u8])]) -> Folder {
            let dir = tempfile::tempdir().unwrap();
            for (name, bytes) in files {
                let path = dir.path().join(name);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, bytes).unwrap();
            }
            Folder(dir)
        }

        /// Reads `manifest` (its lines) as if it sat in this folder.
        fn read(&self, manifest: &str) -> Vec<Result<Document>> {
            Manifest::from_reader(Cursor::new(manifest.to_string()), "m.jsonl", self.0.path())
                .collect()
        }

        /// The error message of the only entry of a one-line manifest.
        fn error(&self, line: &str) -> (IngestError, String) {
            let mut entries = self.read(line);
            assert_eq!(entries.len(), 1, "{line}");
            let error = entries.remove(0).expect_err(line);
            let message = format_chain(&error);
            (error, message)
        }
    }

    /// The message and its sources joined by ": ", as anyhow's `{:#}` prints.
    fn format_chain(error: &dyn std::error::Error) -> String {
        let mut message = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        message
    }

    #[test]
    fn files_and_inline_texts_become_documents_in_order() {
        let folder = Folder::new(&[("texts/a.txt", "Lomé et Astana.\r\n".as_bytes())]);
        let entries = folder.read(concat!(
            r#"{"id": "a", "published": "2023-11-28", "file": "texts/a.txt"}"#,
            "\n",
            r#"{"id": "b", "published": null, "text": "Paris et Hanoï.", "lang": "FR", "url": "ignored"}"#,
            "\n",
            r#"{"id": "c", "text": "Line one\r\nline two"}"#,
        ));
        let documents: Vec<Document> = entries.into_iter().map(Result::unwrap).collect();
        assert_eq!(documents.len(), 3);
        assert_eq!(documents[0].id, "a");
        assert_eq!(documents[0].text, "Lomé et Astana.\n");
        assert_eq!(
            documents[0]
                .published
                .map(|date| date.to_string())
                .as_deref(),
            Some("2023-11-28")
        );
        assert_eq!(documents[0].lang, None);
        assert_eq!(documents[1].id, "b");
        assert_eq!(documents[1].text, "Paris et Hanoï.");
        assert_eq!(documents[1].published, None);
        assert_eq!(documents[1].lang.as_deref(), Some("fr"));
        assert_eq!(documents[2].text, "Line one\nline two");
    }

    #[test]
    fn a_timestamp_gives_its_date() {
        let folder = Folder::new(&[]);
        let entries =
            folder.read(r#"{"id": "a", "published": "2025-01-21T23:30:00+01:00", "text": "T."}"#);
        let document = entries.into_iter().next().unwrap().unwrap();
        assert_eq!(document.published.unwrap().to_string(), "2025-01-21");
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let folder = Folder::new(&[]);
        let entries = folder.read("\n  \r\n{\"id\": \"a\", \"text\": \"T.\"}\n\n{\"id\": 3}\n");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].as_ref().unwrap().id, "a");
        let message = entries[1].as_ref().unwrap_err().to_string();
        assert!(message.starts_with("m.jsonl:5: "), "{message}");
    }

    #[test]
    fn a_byte_order_mark_on_the_first_line_is_ignored() {
        let folder = Folder::new(&[]);
        let entries = folder.read("\u{feff}{\"id\": \"a\", \"text\": \"T.\"}\n");
        assert_eq!(entries[0].as_ref().unwrap().id, "a");
    }

    #[test]
    fn a_line_that_is_not_json() {
        let (error, message) = Folder::new(&[]).error("{id: a}");
        assert!(matches!(error, IngestError::NotJson { .. }), "{error:?}");
        assert_eq!(
            message,
            "m.jsonl:1: not valid JSON (key must be a string at column 2)"
        );
    }

    #[test]
    fn a_line_that_is_json_but_not_an_object() {
        let (error, message) = Folder::new(&[]).error(r#"["a", "b"]"#);
        assert!(
            matches!(error, IngestError::NotAnObject { .. }),
            "{error:?}"
        );
        assert!(
            message.starts_with("m.jsonl:1: expected a JSON object"),
            "{message}"
        );
        assert!(message.ends_with("found an array"), "{message}");
    }

    #[test]
    fn a_line_without_id() {
        for line in [
            r#"{"text": "T."}"#,
            r#"{"id": null, "text": "T."}"#,
            r#"{"id": " ", "text": "T."}"#,
        ] {
            let (error, message) = Folder::new(&[]).error(line);
            assert!(
                matches!(error, IngestError::MissingId { .. }),
                "{line}: {error:?}"
            );
            assert_eq!(
                message,
                "m.jsonl:1: no `id` (every line needs a non-empty string `id`)"
            );
        }
    }

    #[test]
    fn fields_of_the_wrong_type() {
        let cases = [
            (
                r#"{"id": 7, "text": "T."}"#,
                "`id` must be a string, found a number",
            ),
            (
                r#"{"id": "a", "text": ["T."]}"#,
                "`text` must be a string, found an array",
            ),
            (
                r#"{"id": "a", "file": true}"#,
                "`file` must be a path string, found a boolean",
            ),
            (
                r#"{"id": "a", "text": "T.", "published": 20250121}"#,
                "`published` must be a date string or null, found a number",
            ),
            (
                r#"{"id": "a", "text": "T.", "lang": {"code": "fr"}}"#,
                "`lang` must be a language code such as \"fr\", found an object",
            ),
        ];
        for (line, expected) in cases {
            let (error, message) = Folder::new(&[]).error(line);
            assert!(
                matches!(error, IngestError::WrongType { .. }),
                "{line}: {error:?}"
            );
            assert_eq!(message, format!("m.jsonl:1: {expected}"));
        }
    }

    #[test]
    fn a_line_with_neither_file_nor_text() {
        for line in [
            r#"{"id": "a"}"#,
            r#"{"id": "a", "file": null}"#,
            r#"{"id": "a", "file": ""}"#,
        ] {
            let (error, message) = Folder::new(&[]).error(line);
            assert!(
                matches!(error, IngestError::NoText { .. }),
                "{line}: {error:?}"
            );
            assert!(
                message.starts_with("m.jsonl:1: neither `file` nor `text`"),
                "{message}"
            );
        }
    }

    #[test]
    fn a_line_with_both_file_and_text() {
        let (error, _) =
            Folder::new(&[("a.txt", b"T.")]).error(r#"{"id": "a", "file": "a.txt", "text": "T."}"#);
        assert!(
            matches!(error, IngestError::BothFileAndText { .. }),
            "{error:?}"
        );
    }

    #[test]
    fn a_bad_published_date() {
        for value in ["2025-13-01", "21/01/2025", "yesterday", ""] {
            let line = format!(r#"{{"id": "a", "text": "T.", "published": "{value}"}}"#);
            let (error, message) = Folder::new(&[]).error(&line);
            assert!(
                matches!(error, IngestError::BadPublished { .. }),
                "{line}: {error:?}"
            );
            let expected = format!("m.jsonl:1: bad `published` date: {value:?} is not a date");
            assert!(message.starts_with(&expected), "{message}");
        }
    }

    #[test]
    fn an_empty_inline_text() {
        let (error, message) = Folder::new(&[]).error(r#"{"id": "a", "text": " \n "}"#);
        assert!(matches!(error, IngestError::EmptyText { .. }), "{error:?}");
        assert_eq!(message, "m.jsonl:1: the article is empty (only whitespace)");
    }

    #[test]
    fn a_missing_file() {
        let folder = Folder::new(&[]);
        let (error, message) = folder.error(r#"{"id": "a", "file": "texts/absent.txt"}"#);
        let IngestError::ArticleFile { source, .. } = &error else {
            panic!("{error:?}");
        };
        assert!(
            matches!(**source, IngestError::NotFound { .. }),
            "{source:?}"
        );
        let path = folder.0.path().join("texts/absent.txt");
        assert_eq!(
            message,
            format!("m.jsonl:1: article \"a\": {}: no such file", path.display())
        );
    }

    #[test]
    fn an_empty_file() {
        let (error, message) =
            Folder::new(&[("a.txt", b"\n\n")]).error(r#"{"id": "a", "file": "a.txt"}"#);
        let IngestError::ArticleFile { source, .. } = &error else {
            panic!("{error:?}");
        };
        assert!(
            matches!(**source, IngestError::EmptyText { .. }),
            "{source:?}"
        );
        assert!(
            message.ends_with("a.txt: the article is empty (only whitespace)"),
            "{message}"
        );
    }

    #[test]
    fn an_undecodable_file() {
        let (error, message) = Folder::new(&[("a.bin", b"\x7fELF\x02\x01\x01\0\0\0")])
            .error(r#"{"id": "a", "file": "a.bin"}"#);
        let IngestError::ArticleFile { source, .. } = &error else {
            panic!("{error:?}");
        };
        assert!(
            matches!(**source, IngestError::UnreadableEncoding { .. }),
            "{source:?}"
        );
        assert!(
            message.starts_with("m.jsonl:1: article \"a\": "),
            "{message}"
        );
        assert!(message.contains("a.bin: unreadable encoding"), "{message}");
    }

    #[test]
    fn a_latin_1_file() {
        let folder = Folder::new(&[(
            "a.txt",
            b"Abidjan (C\xf4te d'Ivoire) : le ministre des Affaires \xe9trang\xe8res",
        )]);
        let entries = folder.read(r#"{"id": "a", "file": "a.txt"}"#);
        let document = entries.into_iter().next().unwrap().unwrap();
        assert_eq!(
            document.text,
            "Abidjan (Côte d'Ivoire) : le ministre des Affaires étrangères"
        );
    }

    #[test]
    fn a_line_that_is_not_utf8() {
        let folder = Folder::new(&[]);
        let manifest = Manifest::from_reader(
            Cursor::new(b"{\"id\": \"\xe9\"}\n".to_vec()),
            "m.jsonl",
            folder.0.path(),
        );
        let entries: Vec<_> = manifest.collect();
        assert!(
            matches!(entries[0], Err(IngestError::NotUtf8 { .. })),
            "{entries:?}"
        );
    }

    #[test]
    fn errors_do_not_stop_the_following_lines() {
        let folder = Folder::new(&[("b.txt", b"Texte B.")]);
        let entries = folder.read(concat!(
            "{\"id\": \"a\", \"text\": \"Texte A.\"}\n",
            "not json\n",
            "{\"id\": \"b\", \"file\": \"b.txt\"}\n",
            "{\"file\": \"b.txt\"}\n",
            "{\"id\": \"c\", \"text\": \"Texte C.\"}\n",
        ));
        let summary: Vec<String> = entries
            .iter()
            .map(|entry| match entry {
                Ok(document) => document.id.clone(),
                Err(error) => error.to_string().split(": ").next().unwrap().to_string(),
            })
            .collect();
        assert_eq!(summary, ["a", "m.jsonl:2", "b", "m.jsonl:4", "c"]);
    }

    /// A reader that gives one line, then fails: the manifest must yield the
    /// first document before it touches the failing read.
    struct FailsAfterOneLine {
        first: Cursor<Vec<u8>>,
    }

    impl io::Read for FailsAfterOneLine {
        fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
            match self.first.read(buffer)? {
                0 => Err(io::Error::other("the pipe broke")),
                count => Ok(count),
            }
        }
    }

    #[test]
    fn lines_are_read_lazily_and_a_read_error_ends_the_manifest() {
        let reader = BufReader::new(FailsAfterOneLine {
            first: Cursor::new(b"{\"id\": \"a\", \"text\": \"T.\"}\n".to_vec()),
        });
        let mut manifest = Manifest::from_reader(reader, "<stdin>", "");
        assert_eq!(manifest.next().unwrap().unwrap().id, "a");
        let error = manifest.next().unwrap().unwrap_err();
        assert_eq!(
            format_chain(&error),
            "<stdin>:2: cannot read the manifest: the pipe broke"
        );
        assert!(manifest.next().is_none());
    }

    #[test]
    fn open_resolves_files_against_the_manifest_folder() {
        let folder = Folder::new(&[
            ("corpus/texts/a.txt", b"Texte A."),
            (
                "corpus/articles.jsonl",
                b"{\"id\": \"a\", \"file\": \"texts/a.txt\"}\n",
            ),
        ]);
        let path = folder.0.path().join("corpus/articles.jsonl");
        let manifest = Manifest::open(&path).unwrap();
        assert_eq!(manifest.name(), path.display().to_string());
        let documents: Vec<Document> = manifest.map(Result::unwrap).collect();
        assert_eq!(documents[0].text, "Texte A.");
    }

    #[test]
    fn open_names_a_missing_manifest() {
        let folder = Folder::new(&[]);
        let path = folder.0.path().join("absent.jsonl");
        let error = Manifest::open(&path).err().unwrap();
        assert_eq!(
            error.to_string(),
            format!("{}: no such file", path.display())
        );
    }
}
