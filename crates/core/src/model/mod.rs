//! The document record of `spec/record.md` and the closed vocabularies its
//! fields use. Field names and vocabulary spellings are the contract: they
//! serialise exactly as the spec writes them.

mod vocab;

pub use vocab::{EventType, Instrument, Modality, Role, Sector, Status, Topic};

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` of the document text that supports a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What the extractor says about one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub lang: String,
    pub published: Option<String>,
    pub countries: Vec<String>,
    pub persons: Vec<Person>,
    pub events: Vec<Event>,
    pub agreements: Vec<Agreement>,
    pub sectors: Vec<Sector>,
    pub quotes: Vec<Quote>,
}

/// A named person, with the state they act for and their role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub country: Option<String>,
    pub role: Role,
    /// Sentences that mention the person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Span>,
}

/// A diplomatic happening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub parties: Vec<String>,
    pub host: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    pub modality: Modality,
    /// Persons taking part, by the name used in `persons`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Span>,
}

/// A bilateral agreement, treaty or memorandum and the furthest stage reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub topic: Topic,
    pub instrument: Instrument,
    pub parties: Vec<String>,
    pub status: Status,
    pub date: Option<String>,
    pub place: Option<String>,
    pub signatories: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Span>,
}

/// A direct quotation of at least five words by a named person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: String,
    pub opening: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Span>,
}
