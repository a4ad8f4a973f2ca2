//! entente-ingest reads articles from disk and from manifests into
//! [`entente_core::Document`]s for the extractor. It is the only crate that
//! knows about charsets and file formats: [`decode`] turns the bytes of a file
//! into clean text (BOM removed, legacy encodings such as Windows-1252 guessed
//! and decoded, line endings normalised to `\n`) or refuses them with an
//! [`IngestError`] that names the file. [`read_inputs`] is the front door: it
//! takes files and folders and yields one [`SourcedDocument`] (the document
//! and where it came from) or one error at a time, for plain-text articles,
//! HTML pages saved from news sites (main text found by dom_smoothie after the
//! site furniture is cut, metadata read by scraper), JSON Lines manifests and
//! RSS, Atom and JSON feeds. [`read_article`] reads one plain-text article,
//! and [`Manifest`] reads a manifest lazily, one `Result<Document>` per line,
//! so that one bad line never stops a batch.

mod article;
mod decode;
mod error;
mod feed;
mod html;
mod inputs;
mod manifest;
mod published;

pub use article::{read_article, read_text};
pub use decode::decode;
pub use error::{IngestError, Result};
pub use inputs::{SourcedDocument, read_inputs};
pub use manifest::Manifest;
pub use published::{InvalidDate, parse_published};
