//! Agreements and their lifecycle: mentions of one agreement across articles
//! become one entry with a dated history of stages, proposed → negotiating →
//! signed → ratified → in force. Two mentions can be one agreement when they
//! come from different articles and have the same topic, compatible
//! instruments (equal, or one the generic `agreement`) and compatible
//! signature dates: an article reporting it unsigned puts the signature after
//! its publication, one reporting it signed without a date puts it before.
//! A signed stage is dated by the signature, other stages by the first
//! article reporting them; two articles of the same day reporting different
//! stages are a contradiction.

use std::collections::BTreeMap;

use super::cluster::{self, Item, cluster, settle};
use super::dates::{self, DayRange};
use super::names::{NameTable, Place, Places, names_match, places_agree, same_place};
use super::people::Registry;
use super::{
    AgreementEntry, Citation, Contradiction, DisputedValue, SourcedRecord, Stage, cite_spans,
    date_order, earliest, finish_citations, is_pair,
};
use crate::model::{Agreement, Instrument, Span, Status, Topic};

/// One article's mention of an agreement between the pair.
struct Mention<'a> {
    doc: usize,
    agreement: &'a Agreement,
    /// The days the signature can lie on.
    range: DayRange,
}

/// Merges the agreements between `pair` of all sources, in the order their
/// first stage was reported.
pub(crate) fn merge_agreements(
    pair: &[String; 2],
    sources: &[&SourcedRecord],
    registry: &Registry,
    contradictions: &mut Vec<Contradiction>,
) -> Vec<AgreementEntry> {
    let mut mentions = Vec::new();
    for (doc, source) in sources.iter().enumerate() {
        for agreement in &source.record.agreements {
            if !is_pair(&agreement.parties, pair) {
                continue;
            }
            let signed = agreement.status >= Status::Signed;
            let range = DayRange::of_mention(
                agreement.date.as_deref(),
                source.published.as_deref(),
                signed,
            );
            mentions.push(Mention {
                doc,
                agreement,
                range,
            });
        }
    }
    mentions.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    let mut places = Places::default();
    let place_ids: Vec<Option<u32>> = mentions
        .iter()
        .map(|mention| places.intern(mention.agreement.place.as_deref()))
        .collect();
    let mut names = NameTable::default();
    let items: Vec<Item<Key>> = mentions
        .iter()
        .zip(place_ids)
        .map(|(mention, place)| Item {
            doc: mention.doc,
            key: Key {
                topic: mention.agreement.topic,
                instrument: mention.agreement.instrument,
                range: mention.range,
                place: places.get(place),
            },
            names: names.ids(&mention.agreement.signatories),
        })
        .collect();
    let clusters = cluster(&items, |a, b| names.matches(a, b));
    let mut entries: Vec<AgreementEntry> = clusters
        .iter()
        .map(|members| {
            let members: Vec<&Mention> = members.iter().map(|&index| &mentions[index]).collect();
            build_agreement(&members, sources, registry, contradictions)
        })
        .collect();
    entries.sort_by(|a, b| {
        let first = |entry: &AgreementEntry| earliest(entry.stages.iter().map(|s| &s.reported));
        date_order(&first(a), &first(b))
            .then_with(|| (a.topic, a.instrument, &a.date).cmp(&(b.topic, b.instrument, &b.date)))
    });
    entries
}

/// The order mentions are clustered in: by topic, precise dates first, the
/// latest stages first, then by content, so the input order never matters.
type SortKey<'a> = (
    Topic,
    std::cmp::Reverse<Option<dates::Precision>>,
    std::cmp::Reverse<Status>,
    &'a Option<String>,
    &'a Option<String>,
    Instrument,
    usize,
    &'a [Span],
    &'a [String],
);

fn sort_key<'a>(mention: &Mention<'a>) -> SortKey<'a> {
    let agreement = mention.agreement;
    (
        agreement.topic,
        // The range's precision is the date's: a range without a date behind
        // it has none.
        std::cmp::Reverse(mention.range.precision),
        std::cmp::Reverse(agreement.status),
        &agreement.date,
        &agreement.place,
        agreement.instrument,
        mention.doc,
        &agreement.evidence,
        &agreement.signatories,
    )
}

/// What tells whether two mentions can be the same agreement, besides their
/// articles, which must differ.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Key<'a> {
    topic: Topic,
    instrument: Instrument,
    range: DayRange,
    place: Option<Place<'a>>,
}

impl cluster::Key for Key<'_> {
    type Block = Topic;

    fn block(&self) -> Topic {
        self.topic
    }

    fn span(&self) -> (i64, i64) {
        self.range.span()
    }

    /// The same topic, compatible instruments (equal, or one the generic
    /// `agreement`), signature dates, and places unless on the very same day.
    fn compatible(&self, other: &Self) -> bool {
        self.topic == other.topic
            && (self.instrument == other.instrument
                || self.instrument == Instrument::Agreement
                || other.instrument == Instrument::Agreement)
            && self.range.compatible(other.range)
            && (places_agree(self.place, other.place) || self.range.same_day(other.range))
    }
}

/// One agreement entry from the mentions of an agreement.
fn build_agreement(
    members: &[&Mention],
    sources: &[&SourcedRecord],
    registry: &Registry,
    contradictions: &mut Vec<Contradiction>,
) -> AgreementEntry {
    // A cluster always holds at least the mention that started it.
    let first = members[0].agreement;
    let subject = format!("agreement {}", first.topic);
    let cite = |m: &Mention| cite_spans(sources[m.doc], &m.agreement.evidence);
    let instrument = members
        .iter()
        .map(|m| m.agreement.instrument)
        .find(|instrument| *instrument != Instrument::Agreement)
        .unwrap_or(Instrument::Agreement);
    let status = members
        .iter()
        .map(|m| m.agreement.status)
        .max()
        .unwrap_or(first.status);

    // The signature's date and place, from the articles reporting it signed.
    let signed: Vec<&Mention> = members
        .iter()
        .copied()
        .filter(|m| m.agreement.status >= Status::Signed)
        .collect();
    let top = signed
        .iter()
        .filter_map(|m| dates::precision(m.agreement.date.as_deref()))
        .max();
    let mut date_values: BTreeMap<String, Vec<Citation>> = BTreeMap::new();
    let mut place_values: BTreeMap<String, Vec<Citation>> = BTreeMap::new();
    for m in &signed {
        if let Some(date) = &m.agreement.date
            && dates::precision(Some(date)) == top
        {
            date_values.entry(date.clone()).or_default().extend(cite(m));
        }
        if let Some(place) = &m.agreement.place {
            place_values
                .entry(place.clone())
                .or_default()
                .extend(cite(m));
        }
    }
    let date = settle(
        &subject,
        "date",
        date_values,
        |a, b| a == b,
        |a, b| a.cmp(b),
        contradictions,
    );
    let place = settle(
        &subject,
        "place",
        place_values,
        same_place,
        |a, b| a.len().cmp(&b.len()).then(a.cmp(b)),
        contradictions,
    );

    // The stages, each with the articles reporting it; an agreement reported
    // ratified or in force with a signature date was also signed then.
    let mut stages: BTreeMap<Status, Stage> = BTreeMap::new();
    let mut citations = Vec::new();
    let mut signatories: Vec<String> = Vec::new();
    for m in members {
        let source = sources[m.doc];
        let mut reached = vec![m.agreement.status];
        if m.agreement.status > Status::Signed && m.agreement.date.is_some() {
            reached.push(Status::Signed);
        }
        for stage_status in reached {
            let stage = stages.entry(stage_status).or_insert_with(|| Stage {
                status: stage_status,
                date: None,
                reported: None,
                place: None,
                doc_ids: Vec::new(),
                citations: Vec::new(),
            });
            stage.reported = earliest([&stage.reported, &source.published].into_iter());
            stage.doc_ids.push(source.doc_id.clone());
            stage.citations.extend(cite(m));
        }
        citations.extend(cite(m));
        for name in &m.agreement.signatories {
            let name = registry.display(m.doc, name);
            if !signatories.iter().any(|known| names_match(known, &name)) {
                signatories.push(name);
            }
        }
    }
    let stages: Vec<Stage> = stages
        .into_values()
        .map(|mut stage| {
            if stage.status == Status::Signed {
                stage.date = date.clone();
                stage.place = place.clone();
            } else {
                stage.date = stage.reported.clone();
            }
            stage.doc_ids.sort();
            stage.doc_ids.dedup();
            stage.citations = finish_citations(std::mem::take(&mut stage.citations));
            stage
        })
        .collect();
    same_day_disagreements(&subject, members, sources, contradictions);
    signatories.sort();
    let mut parties = first.parties.clone();
    parties.sort();
    AgreementEntry {
        topic: first.topic,
        instrument,
        parties,
        status,
        date,
        place,
        signatories,
        stages,
        source_count: members.len(),
        citations: finish_citations(citations),
    }
}

/// Records a contradiction when articles published on the same day report
/// the agreement at different stages.
fn same_day_disagreements(
    subject: &str,
    members: &[&Mention],
    sources: &[&SourcedRecord],
    contradictions: &mut Vec<Contradiction>,
) {
    let mut by_day: BTreeMap<&str, BTreeMap<Status, Vec<Citation>>> = BTreeMap::new();
    for m in members {
        let source = sources[m.doc];
        if let Some(published) = source.published.as_deref() {
            by_day
                .entry(published)
                .or_default()
                .entry(m.agreement.status)
                .or_default()
                .extend(cite_spans(source, &m.agreement.evidence));
        }
    }
    for (day, statuses) in by_day {
        if statuses.len() < 2 {
            continue;
        }
        contradictions.push(Contradiction {
            subject: format!("{subject} on {day}"),
            field: "status".to_string(),
            values: statuses
                .into_iter()
                .map(|(status, citations)| DisputedValue {
                    value: status.as_str().to_string(),
                    citations: finish_citations(citations),
                })
                .collect(),
        });
    }
}
