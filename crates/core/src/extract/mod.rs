//! Extraction: one [`Document`] in, one [`Record`] and its diagnostics out.
//! The stages run in a fixed order over the same analysed text: countries,
//! persons, dates, events, agreements, sectors, quotes.

use crate::model::Record;
use crate::text::{Lang, detect_lang};

/// One article as handed to the extractor.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The id given at ingest (for a file: its name without extension).
    pub id: String,
    /// The article: title, dateline, byline and body, as plain text.
    pub text: String,
    /// The publication date, the anchor of relative dates.
    pub published: Option<jiff::civil::Date>,
    /// The language when the input states it; detected otherwise.
    pub lang: Option<String>,
}

/// Something the extractor noticed about an input that did not stop it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diagnostic {
    /// The text is empty or only whitespace.
    EmptyText,
    /// The language could not be identified; English patterns were used.
    UnknownLanguage,
    /// The language has no lexicons yet: the record carries only its `lang`.
    UnsupportedLanguage(String),
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Diagnostic::EmptyText => f.write_str("the text is empty"),
            Diagnostic::UnknownLanguage => {
                f.write_str("could not identify the language; read as English")
            }
            Diagnostic::UnsupportedLanguage(code) => write!(
                f,
                "language {code:?} is not supported yet (fr, en); the record carries only its language"
            ),
        }
    }
}

/// Extracts the record of one document. Never fails: problems with the input
/// are returned as diagnostics beside a record that keeps the document's id.
pub fn extract(document: &Document) -> (Record, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut record = Record {
        id: document.id.clone(),
        lang: String::new(),
        published: document.published.map(|date| date.to_string()),
        countries: Vec::new(),
        persons: Vec::new(),
        events: Vec::new(),
        agreements: Vec::new(),
        sectors: Vec::new(),
        quotes: Vec::new(),
    };
    if document.text.trim().is_empty() {
        diagnostics.push(Diagnostic::EmptyText);
        record.lang = document.lang.clone().unwrap_or_default();
        return (record, diagnostics);
    }
    let code = match &document.lang {
        Some(code) => code.trim().to_ascii_lowercase(),
        None => match detect_lang(&document.text) {
            Some(code) => code.to_string(),
            None => {
                diagnostics.push(Diagnostic::UnknownLanguage);
                "en".to_string()
            }
        },
    };
    record.lang = code.clone();
    let Some(_lang) = Lang::from_code(&code) else {
        diagnostics.push(Diagnostic::UnsupportedLanguage(code));
        return (record, diagnostics);
    };
    (record, diagnostics)
}
