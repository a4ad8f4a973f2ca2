//! Merge: the records of many articles in, the dossier of one pair of
//! countries out. Mentions of one happening or one agreement across articles
//! become one item that lists all its sources, persons are resolved across
//! spellings, and where sources disagree both values are kept. The merge is
//! pure and deterministic, and it does not depend on the order of its input:
//! every list is built from mentions visited in an order computed from their
//! content, and sorted before it is returned.

mod agreements;
mod cluster;
mod dates;
mod dossier;
mod events;
mod names;
mod people;
mod quotes;
mod render;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

pub use dossier::{
    AgreementEntry, Citation, Commitment, CommitmentKind, Contradiction, DisputedValue,
    DocumentRef, Dossier, Envoys, EventReport, KeyQuote, PersonEntry, RoleReport, SectorCount,
    Stage, TimelineEvent,
};
pub use render::{render_markdown, render_text};

use crate::model::{EventType, Modality, Record, Role, Sector, Span, Status};

/// One article's record with what the merge needs to cite it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcedRecord {
    pub doc_id: String,
    /// Where the article comes from: a publisher, a feed or a URL.
    pub source: String,
    /// The publication date (ISO `YYYY-MM-DD`), the date of what it reports.
    pub published: Option<String>,
    pub title: Option<String>,
    /// The article text the record's evidence spans point into.
    pub text: String,
    pub record: Record,
}

/// Builds the dossier of `pair` (two ISO3 codes, in any order) from the
/// records of many articles. Only events and agreements whose parties are
/// exactly the pair are kept; persons are kept when they act for one of the
/// two countries and an article about the pair names them. Sources sharing a
/// document id are counted once.
pub fn build_dossier(pair: [&str; 2], sources: &[SourcedRecord]) -> Dossier {
    let pair = normalize_pair(pair);
    let sources = canonical_order(sources);
    let about: Vec<usize> = (0..sources.len())
        .filter(|&index| is_about(&sources[index].record, &pair))
        .collect();
    let registry = people::Registry::build(&sources);
    let mut contradictions = Vec::new();
    let timeline = events::merge_events(&pair, &sources, &registry, &mut contradictions);
    let agreements = agreements::merge_agreements(&pair, &sources, &registry, &mut contradictions);
    let people = registry.entries(&pair, &about, &sources, &mut contradictions);
    let envoys = Envoys {
        accreditations: timeline
            .iter()
            .filter(|event| event.kind == EventType::EnvoyAccredited)
            .cloned()
            .collect(),
        persons: people
            .iter()
            .filter(|person| {
                person
                    .roles
                    .iter()
                    .any(|report| matches!(report.role, Role::Ambassador | Role::Consul))
            })
            .cloned()
            .collect(),
    };
    let mut documents: Vec<DocumentRef> = about
        .iter()
        .map(|&index| DocumentRef {
            doc_id: sources[index].doc_id.clone(),
            source: sources[index].source.clone(),
            published: sources[index].published.clone(),
            title: sources[index].title.clone(),
        })
        .collect();
    documents.sort_by(|a, b| date_order(&a.published, &b.published).then(a.doc_id.cmp(&b.doc_id)));
    contradictions
        .sort_by(|a: &Contradiction, b| (&a.subject, &a.field).cmp(&(&b.subject, &b.field)));
    Dossier {
        commitments: commitments(&timeline, &agreements),
        sectors: sectors(&sources, &about),
        quotes: quotes::key_quotes(&pair, &sources, &about, &registry),
        pair,
        documents,
        timeline,
        agreements,
        people,
        envoys,
        contradictions,
    }
}

/// Every pair of countries that some article reports an event or agreement
/// between, sorted; the pairs a caller can build dossiers for.
pub fn pairs(sources: &[SourcedRecord]) -> Vec<[String; 2]> {
    let mut found = BTreeSet::new();
    for source in sources {
        let record = &source.record;
        let parties = record
            .events
            .iter()
            .map(|event| &event.parties)
            .chain(record.agreements.iter().map(|agreement| &agreement.parties));
        for parties in parties {
            if let [a, b] = parties.as_slice()
                && a != b
            {
                found.insert(normalize_pair([a, b]));
            }
        }
    }
    found.into_iter().collect()
}

/// The two codes in upper case, sorted.
fn normalize_pair(pair: [&str; 2]) -> [String; 2] {
    let mut codes = pair.map(|code| code.trim().to_ascii_uppercase());
    codes.sort();
    codes
}

/// Whether the parties of an item are exactly the pair (two codes, sorted
/// and in upper case), in any order and case.
pub(crate) fn is_pair(parties: &[String], pair: &[String; 2]) -> bool {
    let same = |code: &str, upper: &str| {
        code.len() == upper.len()
            && code
                .bytes()
                .zip(upper.bytes())
                .all(|(a, b)| a.to_ascii_uppercase() == b)
    };
    match parties {
        [a, b] => {
            pair[0] <= pair[1]
                && ((same(a, &pair[0]) && same(b, &pair[1]))
                    || (same(a, &pair[1]) && same(b, &pair[0])))
        }
        _ => false,
    }
}

/// Whether an article is about the pair: it reports an event or agreement
/// between them, or they are the only countries it names.
fn is_about(record: &Record, pair: &[String; 2]) -> bool {
    record
        .events
        .iter()
        .any(|event| is_pair(&event.parties, pair))
        || record
            .agreements
            .iter()
            .any(|agreement| is_pair(&agreement.parties, pair))
        || is_pair(&record.countries, pair)
}

/// The sources sorted by document id, one per id, so that the merge sees the
/// same sequence whatever the order it was given.
fn canonical_order(sources: &[SourcedRecord]) -> Vec<&SourcedRecord> {
    let mut sorted: Vec<&SourcedRecord> = sources.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.doc_id, &a.published, &a.source, &a.title, &a.text).cmp(&(
            &b.doc_id,
            &b.published,
            &b.source,
            &b.title,
            &b.text,
        ))
    });
    sorted.dedup_by(|a, b| a.doc_id == b.doc_id);
    sorted
}

/// Orders optional ISO dates oldest first, unknown dates last.
pub(crate) fn date_order(a: &Option<String>, b: &Option<String>) -> std::cmp::Ordering {
    (a.is_none(), a).cmp(&(b.is_none(), b))
}

/// The earliest of some optional publication dates; `None` only when all are.
pub(crate) fn earliest<'a>(dates: impl Iterator<Item = &'a Option<String>>) -> Option<String> {
    dates.flatten().min().cloned()
}

/// The text of a span, trimmed, when the span lies on character boundaries.
pub(crate) fn cut(text: &str, span: Span) -> Option<&str> {
    text.get(span.start..span.end).map(str::trim)
}

/// The citations of a fact from one source: one per evidence span, or one
/// naming only the document when there is no span.
pub(crate) fn cite_spans(source: &SourcedRecord, spans: &[Span]) -> Vec<Citation> {
    let citation = |sentence: &str| Citation {
        doc_id: source.doc_id.clone(),
        source: source.source.clone(),
        published: source.published.clone(),
        sentence: sentence.to_string(),
    };
    if spans.is_empty() {
        return vec![citation("")];
    }
    spans
        .iter()
        .map(|&span| citation(cut(&source.text, span).unwrap_or("")))
        .collect()
}

/// Sorts citations oldest first and drops repeats.
pub(crate) fn finish_citations(mut citations: Vec<Citation>) -> Vec<Citation> {
    citations.sort_by(|a, b| {
        date_order(&a.published, &b.published).then_with(|| {
            (&a.doc_id, &a.sentence, &a.source).cmp(&(&b.doc_id, &b.sentence, &b.source))
        })
    });
    citations.dedup();
    citations
}

/// Counts, for each sector, the articles about the pair that name it.
fn sectors(sources: &[&SourcedRecord], about: &[usize]) -> Vec<SectorCount> {
    let mut by_sector: BTreeMap<Sector, BTreeSet<String>> = BTreeMap::new();
    for &index in about {
        for sector in &sources[index].record.sectors {
            by_sector
                .entry(*sector)
                .or_default()
                .insert(sources[index].doc_id.clone());
        }
    }
    let mut counts: Vec<SectorCount> = by_sector
        .into_iter()
        .map(|(sector, doc_ids)| SectorCount {
            sector,
            documents: doc_ids.len(),
            doc_ids: doc_ids.into_iter().collect(),
        })
        .collect();
    counts.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.sector.cmp(&b.sector)));
    counts
}

/// Happenings announced or proposed that no article reports done, and
/// agreements whose latest stage is proposed or negotiating. A scheduled
/// signing of a listed agreement is not listed again; its date becomes the
/// agreement's due date.
fn commitments(timeline: &[TimelineEvent], agreements: &[AgreementEntry]) -> Vec<Commitment> {
    let scheduled_signings: Vec<&TimelineEvent> = timeline
        .iter()
        .filter(|event| event.kind == EventType::AgreementSigned && !event.topics.is_empty())
        .filter(|event| event.modality != Modality::Occurred)
        .collect();
    let mut commitments: Vec<Commitment> = timeline
        .iter()
        .filter(|event| event.modality != Modality::Occurred)
        .filter(|event| !scheduled_signings.contains(event))
        .map(|event| Commitment {
            kind: CommitmentKind::Event,
            label: event.kind.as_str().to_string(),
            stage: event.modality.as_str().to_string(),
            due: event.date.clone(),
            place: event.place.clone(),
            announced: earliest(event.reports.iter().map(|report| &report.published)),
            source_count: event.source_count,
            citations: event.citations.clone(),
        })
        .collect();
    commitments.extend(
        agreements
            .iter()
            .filter(|agreement| matches!(agreement.status, Status::Proposed | Status::Negotiating))
            .map(|agreement| Commitment {
                kind: CommitmentKind::Agreement,
                label: format!("{} {}", agreement.topic, agreement.instrument),
                stage: agreement.status.as_str().to_string(),
                due: scheduled_signings
                    .iter()
                    .filter(|event| event.topics.contains(&agreement.topic))
                    .find_map(|event| event.date.clone()),
                place: None,
                announced: earliest(agreement.stages.iter().map(|stage| &stage.reported)),
                source_count: agreement.source_count,
                citations: agreement.citations.clone(),
            }),
    );
    commitments
        .sort_by(|a, b| date_order(&a.announced, &b.announced).then_with(|| a.label.cmp(&b.label)));
    commitments
}
