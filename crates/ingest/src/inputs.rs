//! Everything the user points `entente` at, as one lazy stream of documents.
//! [`read_inputs`] takes files and folders, tells plain text, HTML pages, JSON
//! Lines manifests and feeds apart by their extension (or, when the extension
//! says nothing, by their first bytes), walks folders depth-first in sorted
//! order without hidden entries, and yields one [`SourcedDocument`] or one
//! [`IngestError`] at a time, so a huge folder or manifest streams and one bad
//! file never stops the rest.

use std::collections::HashSet;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use entente_core::Document;

use crate::article::read_article;
use crate::error::{IngestError, Result};
use crate::manifest::Manifest;

/// One document read from an input, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcedDocument {
    /// The document for the extractor: id, text, publication date, language.
    pub document: Document,
    /// The file path as given, `path#<item id or index>` for a feed item, or
    /// the page URL when an HTML page gives its canonical URL.
    pub source: String,
    /// The title, when the input states one (HTML pages and feed items).
    pub title: Option<String>,
    /// The author, when the input states one (HTML pages and feed items).
    pub author: Option<String>,
}

impl SourcedDocument {
    /// A document known only by its file: no title, no author.
    pub(crate) fn from_file(document: Document, source: String) -> Self {
        SourcedDocument {
            document,
            source,
            title: None,
            author: None,
        }
    }
}

/// Reads every document under `paths`: plain-text files (`.txt` and files
/// without extension), HTML pages (`.html`, `.htm`), JSON Lines manifests
/// (`.jsonl`), RSS, Atom and JSON feeds (`.xml`, `.rss`, `.atom`, `.json`, or
/// recognised by their first bytes), and folders, recursively.
///
/// Folders are walked in sorted order; hidden entries (whose name starts with
/// a dot) are skipped, and so are files whose extension names none of the
/// formats above (the stylesheets and images of a saved page, say). A path
/// given explicitly is always read: an unknown extension is sniffed.
///
/// The iterator is lazy: it holds one folder listing per level and one open
/// manifest at a time. A file that cannot be read yields an `Err` naming it,
/// and the iteration goes on with the next one.
pub fn read_inputs(paths: &[PathBuf]) -> impl Iterator<Item = Result<SourcedDocument>> + use<> {
    // The paths are copied so that the iterator borrows nothing.
    let paths: Vec<PathBuf> = paths.to_vec();
    Inputs {
        stack: vec![Frame::Paths {
            paths: paths.into_iter(),
            explicit: true,
        }],
        visited_folders: HashSet::new(),
    }
}

/// What a file holds, as far as its name and first bytes tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Manifest,
    Feed,
}

impl Format {
    /// The format that a file extension names, `None` for an extension that
    /// names no format we read. A file without extension is text.
    fn from_extension(path: &Path) -> Option<Format> {
        let Some(extension) = path.extension() else {
            return Some(Format::Text);
        };
        match extension.to_string_lossy().to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Manifest),
            "xml" | "rss" | "atom" | "json" => Some(Format::Feed),
            _ => None,
        }
    }
}

/// One level of the walk.
enum Frame {
    /// Paths to read in order: the ones given, or a folder's sorted entries.
    Paths {
        paths: std::vec::IntoIter<PathBuf>,
        /// Whether the paths were given by the user (and are read whatever
        /// their name) rather than found in a folder.
        explicit: bool,
    },
    /// An open manifest, read one line at a time.
    Manifest(Box<Manifest<BufReader<File>>>),
    /// The documents of a file that holds several (a feed).
    Documents(std::vec::IntoIter<Result<SourcedDocument>>),
}

struct Inputs {
    stack: Vec<Frame>,
    /// The canonical paths of the folders entered so far, so that a symbolic
    /// link pointing to a parent folder does not loop forever.
    visited_folders: HashSet<PathBuf>,
}

impl Iterator for Inputs {
    type Item = Result<SourcedDocument>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let frame = self.stack.last_mut()?;
            let (path, explicit) = match frame {
                Frame::Paths { paths, explicit } => match paths.next() {
                    Some(path) => (path, *explicit),
                    None => {
                        self.stack.pop();
                        continue;
                    }
                },
                Frame::Manifest(manifest) => match manifest.next_sourced() {
                    Some(entry) => {
                        return Some(entry.map(|(document, source)| {
                            SourcedDocument::from_file(document, source)
                        }));
                    }
                    None => {
                        self.stack.pop();
                        continue;
                    }
                },
                Frame::Documents(documents) => match documents.next() {
                    Some(entry) => return Some(entry),
                    None => {
                        self.stack.pop();
                        continue;
                    }
                },
            };
            if let Some(result) = self.visit(path, explicit) {
                return Some(result);
            }
        }
    }
}

impl Inputs {
    /// Reads one path: a file yields its document (or error) now, a folder or
    /// a manifest or a feed pushes a frame and yields nothing yet.
    fn visit(&mut self, path: PathBuf, explicit: bool) -> Option<Result<SourcedDocument>> {
        let metadata = match std::fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(source) => return Some(Err(IngestError::from_io(&path, source))),
        };
        if metadata.is_dir() {
            return self.enter_folder(path).err().map(Err);
        }
        let format = match Format::from_extension(&path) {
            Some(Format::Text) if path.extension().is_none() => sniff(&path),
            Some(format) => format,
            None if explicit => sniff(&path),
            None => return None,
        };
        match format {
            Format::Text => {
                Some(read_article(&path).map(|document| {
                    SourcedDocument::from_file(document, path.display().to_string())
                }))
            }
            Format::Manifest => match Manifest::open(&path) {
                Ok(manifest) => {
                    self.stack.push(Frame::Manifest(Box::new(manifest)));
                    None
                }
                Err(error) => Some(Err(error)),
            },
            Format::Html => Some(crate::html::read_page(&path)),
            Format::Feed => match crate::feed::read_feed(&path) {
                Ok(documents) => {
                    self.stack.push(Frame::Documents(documents.into_iter()));
                    None
                }
                Err(error) => Some(Err(error)),
            },
        }
    }

    /// Lists a folder, sorted and without hidden entries, and pushes it.
    fn enter_folder(&mut self, path: PathBuf) -> Result<()> {
        let canonical = std::fs::canonicalize(&path).map_err(|e| IngestError::from_io(&path, e))?;
        if !self.visited_folders.insert(canonical) {
            return Err(IngestError::FolderLoop { path });
        }
        let entries = std::fs::read_dir(&path).map_err(|e| IngestError::from_io(&path, e))?;
        let mut children = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| IngestError::from_io(&path, e))?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            children.push(entry.path());
        }
        children.sort();
        self.stack.push(Frame::Paths {
            paths: children.into_iter(),
            explicit: false,
        });
        Ok(())
    }
}

/// Guesses the format of a file whose name does not tell, from its first
/// bytes: markup that opens a feed, markup that opens a page, a JSON Feed
/// object, and otherwise plain text. A file that cannot be opened is called
/// text, so that reading it reports the problem.
fn sniff(path: &Path) -> Format {
    use std::io::Read;
    let mut head = Vec::with_capacity(1024);
    if let Ok(file) = File::open(path) {
        let _ = file.take(1024).read_to_end(&mut head);
    }
    sniff_bytes(&head)
}

fn sniff_bytes(head: &[u8]) -> Format {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let opens_feed = ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .any(|tag| head.contains(tag));
    if head.starts_with('<') && opens_feed {
        Format::Feed
    } else if head.starts_with("<!doctype html")
        || (head.starts_with('<') && head.contains("<html"))
    {
        Format::Html
    } else if head.starts_with('{') && head.contains("jsonfeed.org") {
        Format::Feed
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_named_by_extension() {
        let check = |name: &str, expected: Option<Format>| {
            assert_eq!(Format::from_extension(Path::new(name)), expected, "{name}");
        };
        check("a.txt", Some(Format::Text));
        check("dir/a", Some(Format::Text));
        check("a.HTML", Some(Format::Html));
        check("a.htm", Some(Format::Html));
        check("a.jsonl", Some(Format::Manifest));
        check("a.rss", Some(Format::Feed));
        check("a.atom", Some(Format::Feed));
        check("a.xml", Some(Format::Feed));
        check("a.json", Some(Format::Feed));
        check("a.css", None);
        check("a.png", None);
    }

    #[test]
    fn formats_are_sniffed_from_the_first_bytes() {
        let check = |head: &str, expected: Format| {
            assert_eq!(sniff_bytes(head.as_bytes()), expected, "{head}");
        };
        check(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
            Format::Feed,
        );
        check(
            "\u{feff}  <feed xmlns=\"http://www.w3.org/2005/Atom\">",
            Format::Feed,
        );
        check("<?xml version=\"1.0\"?><rdf:RDF>", Format::Feed);
        check(
            "{\"version\": \"https://jsonfeed.org/version/1.1\"}",
            Format::Feed,
        );
        check("<!DOCTYPE html>\n<head>", Format::Html);
        check("<!-- saved from url -->\n<html lang=\"fr\">", Format::Html);
        check("Lomé, le 3 mars — Le ministre <b>a reçu</b>", Format::Text);
        check("{\"id\": \"a\"}", Format::Text);
        check("", Format::Text);
    }
}
