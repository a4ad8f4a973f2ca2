//! The dossier of one pair of countries: what many articles report about the
//! pair, merged, with every fact pointing back to the sentences that support
//! it. These types are the JSON form of a dossier (through serde) and what the
//! text and Markdown renderers read.

use serde::{Deserialize, Serialize};

use crate::model::{EventType, Instrument, Modality, Role, Sector, Status, Topic};

/// One sentence of one article that supports a fact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Citation {
    pub doc_id: String,
    pub source: String,
    pub published: Option<String>,
    /// The evidence text cut from the article by its span, trimmed; empty
    /// when the record gave no usable span.
    pub sentence: String,
}

/// An article that reports something about the pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRef {
    pub doc_id: String,
    pub source: String,
    pub published: Option<String>,
    pub title: Option<String>,
}

/// Everything the articles say about one pair of countries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    /// The two ISO3 codes, sorted.
    pub pair: [String; 2],
    /// The articles about the pair, oldest first.
    pub documents: Vec<DocumentRef>,
    /// Merged happenings, oldest first; undated ones last.
    pub timeline: Vec<TimelineEvent>,
    /// Merged agreements with their lifecycle.
    pub agreements: Vec<AgreementEntry>,
    /// Persons acting for either country, across all articles.
    pub people: Vec<PersonEntry>,
    /// Accreditations of envoys and the ambassadors and consuls named.
    pub envoys: Envoys,
    /// Sectors of cooperation, most often named first.
    pub sectors: Vec<SectorCount>,
    /// What was announced or proposed and not yet reported done.
    pub commitments: Vec<Commitment>,
    pub quotes: Vec<KeyQuote>,
    /// Where sources disagree; both values are kept.
    pub contradictions: Vec<Contradiction>,
}

/// One happening, merged from every article that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub parties: Vec<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    pub host: Option<String>,
    /// Participants, by the name the people registry gives them.
    pub persons: Vec<String>,
    /// `occurred` as soon as one article reports it done.
    pub modality: Modality,
    /// For `agreement_signed`: the topics of the agreements signed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    /// The number of distinct articles reporting it.
    pub source_count: usize,
    /// What each article said, oldest article first.
    pub reports: Vec<EventReport>,
    pub citations: Vec<Citation>,
}

/// One article's account of a happening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventReport {
    pub doc_id: String,
    pub published: Option<String>,
    pub modality: Modality,
    pub date: Option<String>,
    pub place: Option<String>,
}

/// One agreement, merged from every article that mentions it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementEntry {
    pub topic: Topic,
    /// The most specific instrument any article names.
    pub instrument: Instrument,
    pub parties: Vec<String>,
    /// The latest stage reached.
    pub status: Status,
    /// The signature date and place.
    pub date: Option<String>,
    pub place: Option<String>,
    pub signatories: Vec<String>,
    /// The stages reported, in lifecycle order.
    pub stages: Vec<Stage>,
    pub source_count: usize,
    pub citations: Vec<Citation>,
}

/// One stage of an agreement's lifecycle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub status: Status,
    /// The signature date for `signed`; otherwise the date of the first
    /// article reporting the stage.
    pub date: Option<String>,
    /// The publication date of the first article reporting the stage.
    pub reported: Option<String>,
    pub place: Option<String>,
    pub doc_ids: Vec<String>,
    pub citations: Vec<Citation>,
}

/// A person in the registry, with every name variant seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonEntry {
    /// The fullest form any article gives.
    pub name: String,
    /// Other spellings and shorter forms.
    pub variants: Vec<String>,
    pub country: Option<String>,
    /// The latest role reported other than `other`, else `other`.
    pub role: Role,
    /// Every role reported, with when.
    pub roles: Vec<RoleReport>,
    pub source_count: usize,
    pub citations: Vec<Citation>,
}

/// A role as reported by articles, dated by their publication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleReport {
    pub role: Role,
    pub first_reported: Option<String>,
    pub last_reported: Option<String>,
    pub doc_ids: Vec<String>,
}

/// Envoys between the pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Envoys {
    /// The `envoy_accredited` events of the timeline.
    pub accreditations: Vec<TimelineEvent>,
    /// Persons of the pair reported as ambassador or consul.
    pub persons: Vec<PersonEntry>,
}

/// How many articles about the pair name a sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorCount {
    pub sector: Sector,
    pub documents: usize,
    pub doc_ids: Vec<String>,
}

/// Whether a commitment is a happening or an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    Event,
    Agreement,
}

/// Something announced or proposed and not yet reported done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub kind: CommitmentKind,
    /// The event type, or the agreement's topic and instrument.
    pub label: String,
    /// `planned` or `proposed` for events, `proposed` or `negotiating` for
    /// agreements.
    pub stage: String,
    /// The date it is due, when an article gives one.
    pub due: Option<String>,
    pub place: Option<String>,
    /// The publication date of the first article announcing it.
    pub announced: Option<String>,
    pub source_count: usize,
    pub citations: Vec<Citation>,
}

/// A direct quotation by a person of the pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyQuote {
    pub speaker: String,
    pub country: Option<String>,
    pub opening: String,
    /// The sentence holding the quotation, when its span could be cut.
    pub sentence: Option<String>,
    pub source_count: usize,
    pub citations: Vec<Citation>,
}

/// A point on which sources disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// What the disagreement is about, such as "visit 2023-11-28 (host KAZ)".
    pub subject: String,
    /// The field in dispute: `date`, `place`, `status` or `country`.
    pub field: String,
    /// Each value with the sources that give it.
    pub values: Vec<DisputedValue>,
}

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputedValue {
    pub value: String,
    pub citations: Vec<Citation>,
}
