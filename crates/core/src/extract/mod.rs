//! Extraction: one [`Document`] in, one [`Record`] and its diagnostics out.
//! The stages run in a fixed order over the same analysed text: countries,
//! persons, dates, events, agreements, sectors, quotes.

mod agreements;
mod article;
mod clause;
mod events;
mod persons;
mod quotes;
mod triggers;

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::lexicon::{CountryForm, cues};
use crate::model::{Person, Record, Sector, Span};
use crate::text::{Lang, PhraseSet, detect_lang};
use article::Article;

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
    let Some(lang) = Lang::from_code(&code) else {
        diagnostics.push(Diagnostic::UnsupportedLanguage(code));
        return (record, diagnostics);
    };
    fill_record(&mut record, &document.text, lang, document.published);
    (record, diagnostics)
}

/// Runs every stage over the text and fills the record's fields.
fn fill_record(record: &mut Record, text: &str, lang: Lang, published: Option<jiff::civil::Date>) {
    let article = Article::new(text, lang, published);
    let (entities, mentions) = persons::find_persons(&article);
    let subject = clause::Subject::new(&article, &entities);
    // The two parties each sentence tells of, read once for both stages.
    let sentence_parties: Vec<Option<Vec<&'static str>>> = article
        .sentences
        .iter()
        .map(|sentence| {
            let named =
                clause::sentence_countries(&article, &entities, &mentions, sentence, &subject);
            clause::parties(&named, &subject)
        })
        .collect();
    let event_drafts = events::find_events(&article, &entities, &mentions, &sentence_parties);
    let agreement_drafts =
        agreements::find_agreements(&article, &entities, &mentions, &sentence_parties);
    let (agreements, signings) = agreements::finish_agreements(&agreement_drafts, &entities);
    let mut events = events::merge_events(&article, event_drafts, &entities);
    events.extend(signings);

    record.countries = countries(&article);
    record.persons = entities
        .iter()
        .map(|entity| Person {
            name: entity.name.clone(),
            country: entity.country.map(str::to_string),
            role: entity.role,
            evidence: entity
                .mentions
                .iter()
                .map(|&(start, end)| Span { start, end })
                .collect(),
        })
        .collect();
    record.sectors = if events.is_empty() && agreements.is_empty() {
        Vec::new()
    } else {
        sectors(&article, &agreements)
    };
    record.quotes = quotes::find_quotes(&article, &entities, &mentions);
    record.events = events;
    record.agreements = agreements;
}

/// Every country the article names, as sorted ISO3 codes. A capital counts
/// when it stands for its government, not when it only says where something
/// happened ("à Dakar", "in Nairobi") or opens the dateline.
fn countries(article: &Article) -> Vec<String> {
    let mut codes = BTreeSet::new();
    for mention in &article.countries {
        if mention.form == CountryForm::Capital
            && (clause::is_locative(article, mention.start)
                || article
                    .dateline_city
                    .is_some_and(|city| city.start == mention.start))
        {
            continue;
        }
        codes.insert(mention.iso3.to_string());
    }
    codes.into_iter().collect()
}

/// Phrases built on a sector word that name no sector of the vocabulary
/// (the spec lists "quality infrastructure" among the unmapped domains; a
/// search and rescue operation is not research).
const NOT_SECTORS: &[&str] = &[
    "quality infrastructure",
    "infrastructure qualite",
    "infrastructure de la qualite",
    "search and rescue",
    "recherche et de sauvetage",
    "recherche et sauvetage",
];

static NOT_SECTOR_PHRASES: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(NOT_SECTORS));

/// The sectors of cooperation named in the article, plus each agreement
/// topic's sector.
fn sectors(article: &Article, agreements: &[crate::model::Agreement]) -> Vec<Sector> {
    let mut found = BTreeSet::new();
    for sentence in &article.sentences {
        let key = &sentence.folded.key;
        let cues = cues::sectors(article.lang).find(key);
        if cues.is_empty() {
            continue;
        }
        let excluded: Vec<(usize, usize)> = NOT_SECTOR_PHRASES
            .occurrences(key)
            .map(|(_, start, end)| (start, end))
            .collect();
        for cue in cues {
            if !excluded.iter().any(|&(s, e)| cue.start < e && cue.end > s) {
                found.insert(cue.label);
            }
        }
    }
    for agreement in agreements {
        if let Some(sector) = agreement.topic.sector() {
            found.insert(sector);
        }
    }
    found.into_iter().collect()
}
