//! The timeline: event mentions from different articles that report the same
//! happening become one event. Two mentions can be one happening when they
//! come from different articles and have the same type, compatible hosts
//! (equal or one unknown), compatible dates (see `dates`), and compatible
//! places, or differing places on the very same day, which is then a
//! contradiction. A preview and the report afterwards merge, and the event
//! takes the modality `occurred`; its date and place are the report's.

use std::collections::{BTreeMap, BTreeSet};

use super::cluster::{self, Item, cluster, settle};
use super::dates::{self, DayRange};
use super::names::{NameTable, Place, Places, places_agree, same_place};
use super::people::Registry;
use super::{
    Citation, Contradiction, EventReport, SourcedRecord, TimelineEvent, cite_spans, date_order,
    earliest, finish_citations, is_pair,
};
use crate::model::{Event, EventType, Modality, Record, Span, Topic};

/// One article's mention of a happening between the pair.
struct Mention<'a> {
    doc: usize,
    event: &'a Event,
    range: DayRange,
    /// For a signing, the topics of the agreements it shares evidence with.
    topics: Vec<Topic>,
}

/// Merges the events between `pair` of all sources into a timeline, oldest
/// first, undated events last.
pub(crate) fn merge_events(
    pair: &[String; 2],
    sources: &[&SourcedRecord],
    registry: &Registry,
    contradictions: &mut Vec<Contradiction>,
) -> Vec<TimelineEvent> {
    let mut mentions = Vec::new();
    for (doc, source) in sources.iter().enumerate() {
        let topics = signed_topics(&source.record, pair);
        for (event, topics) in source.record.events.iter().zip(topics) {
            if !is_pair(&event.parties, pair) {
                continue;
            }
            let before = event.modality == Modality::Occurred;
            mentions.push(Mention {
                doc,
                event,
                range: DayRange::of_mention(
                    event.date.as_deref(),
                    source.published.as_deref(),
                    before,
                ),
                topics,
            });
        }
    }
    mentions.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    let mut places = Places::default();
    let place_ids: Vec<Option<u32>> = mentions
        .iter()
        .map(|mention| places.intern(mention.event.place.as_deref()))
        .collect();
    let mut hosts: Vec<&str> = Vec::new();
    let mut names = NameTable::default();
    let items: Vec<Item<Key>> = mentions
        .iter()
        .zip(place_ids)
        .map(|(mention, place)| {
            let host = mention.event.host.as_deref().map(|host| {
                let known = hosts.iter().position(|&other| other == host);
                known.unwrap_or_else(|| {
                    hosts.push(host);
                    hosts.len() - 1
                }) as u32
            });
            Item {
                doc: mention.doc,
                key: Key::of(mention, host, places.get(place)),
                names: names.ids(&mention.event.participants),
            }
        })
        .collect();
    let clusters = cluster(&items, |a, b| names.matches(a, b));
    let mut timeline: Vec<TimelineEvent> = clusters
        .iter()
        .map(|members| {
            let members: Vec<&Mention> = members.iter().map(|&index| &mentions[index]).collect();
            build_event(&members, sources, registry, contradictions)
        })
        .collect();
    timeline.sort_by(|a, b| {
        date_order(&a.date, &b.date)
            .then_with(|| {
                let first =
                    |event: &TimelineEvent| earliest(event.reports.iter().map(|r| &r.published));
                date_order(&first(a), &first(b))
            })
            .then_with(|| {
                (a.kind, &a.host, &a.place, &a.persons)
                    .cmp(&(b.kind, &b.host, &b.place, &b.persons))
            })
    });
    timeline
}

/// The order mentions are clustered in: by type, precise dates first, reports
/// before previews, then by content, so the input order never matters.
type SortKey<'a> = (
    EventType,
    std::cmp::Reverse<Option<dates::Precision>>,
    Modality,
    &'a Option<String>,
    &'a Option<String>,
    &'a Option<String>,
    usize,
    &'a [Span],
    &'a [String],
);

fn sort_key<'a>(mention: &Mention<'a>) -> SortKey<'a> {
    let event = mention.event;
    (
        event.kind,
        // The range's precision is the date's: a range without a date
        // behind it has none.
        std::cmp::Reverse(mention.range.precision),
        event.modality,
        &event.date,
        &event.host,
        &event.place,
        mention.doc,
        &event.evidence,
        &event.participants,
    )
}

/// What tells whether two mentions can report the same happening, besides
/// their articles, which must differ.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Key<'a> {
    kind: EventType,
    /// For an envoy accredited, whether proposed: a suggested envoy (an
    /// honorary consul proposed) and an envoy accredited are different
    /// persons, not a preview and its report.
    proposed_envoy: bool,
    /// The host, numbered.
    host: Option<u32>,
    /// Sorted, without repeats.
    topics: Vec<Topic>,
    range: DayRange,
    place: Option<Place<'a>>,
}

impl<'a> Key<'a> {
    fn of(mention: &Mention<'a>, host: Option<u32>, place: Option<Place<'a>>) -> Key<'a> {
        let event = mention.event;
        let mut topics = mention.topics.clone();
        topics.sort_unstable();
        topics.dedup();
        Key {
            kind: event.kind,
            proposed_envoy: event.kind == EventType::EnvoyAccredited
                && event.modality == Modality::Proposed,
            host,
            topics,
            range: mention.range,
            place,
        }
    }
}

impl cluster::Key for Key<'_> {
    type Block = EventType;

    fn block(&self) -> EventType {
        self.kind
    }

    fn span(&self) -> (i64, i64) {
        self.range.span()
    }

    /// The same type, compatible hosts (equal or one unknown), topics (one
    /// side without, or one shared), dates, and places unless on the very
    /// same day.
    fn compatible(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.proposed_envoy == other.proposed_envoy
            && self.range.compatible(other.range)
            && (self.host.is_none() || other.host.is_none() || self.host == other.host)
            && (self.topics.is_empty()
                || other.topics.is_empty()
                || self.topics.iter().any(|topic| other.topics.contains(topic)))
            && (places_agree(self.place, other.place) || self.range.same_day(other.range))
    }
}

/// For each event of a record, the topics of the agreements it reports
/// signed. The extractor gives each agreement signed (or whose signing is
/// scheduled) one signing event with the same evidence, date and place, in
/// the same order, so the two are paired one to one; a signing left without
/// such a twin takes every agreement between the pair it shares evidence with.
fn signed_topics(record: &Record, pair: &[String; 2]) -> Vec<Vec<Topic>> {
    let overlaps = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
    let mut used = vec![false; record.agreements.len()];
    let mut topics = Vec::with_capacity(record.events.len());
    for event in &record.events {
        if event.kind != EventType::AgreementSigned || !is_pair(&event.parties, pair) {
            topics.push(Vec::new());
            continue;
        }
        let twin = record
            .agreements
            .iter()
            .enumerate()
            .position(|(index, agreement)| {
                !used[index]
                    && is_pair(&agreement.parties, pair)
                    && agreement.evidence == event.evidence
                    && agreement.date == event.date
                    && agreement.place == event.place
            });
        if let Some(index) = twin {
            used[index] = true;
            topics.push(vec![record.agreements[index].topic]);
            continue;
        }
        let shared: BTreeSet<Topic> = record
            .agreements
            .iter()
            .filter(|agreement| is_pair(&agreement.parties, pair))
            .filter(|agreement| {
                agreement
                    .evidence
                    .iter()
                    .any(|a| event.evidence.iter().any(|b| overlaps(a, b)))
            })
            .map(|agreement| agreement.topic)
            .collect();
        topics.push(shared.into_iter().collect());
    }
    topics
}

/// One timeline event from the mentions of a happening.
fn build_event(
    members: &[&Mention],
    sources: &[&SourcedRecord],
    registry: &Registry,
    contradictions: &mut Vec<Contradiction>,
) -> TimelineEvent {
    // A cluster always holds at least the mention that started it.
    let first = members[0].event;
    let modality = members
        .iter()
        .map(|m| m.event.modality)
        .min()
        .unwrap_or(first.modality);
    // Reports of the happening done outrank previews of it.
    let authoritative: Vec<&Mention> = members
        .iter()
        .copied()
        .filter(|m| m.event.modality == modality)
        .collect();
    let cite = |m: &Mention| cite_spans(sources[m.doc], &m.event.evidence);
    let host = members.iter().find_map(|m| m.event.host.clone());
    let subject = |date: &Option<String>| {
        let mut subject = format!("{} {}", first.kind, date.as_deref().unwrap_or("undated"));
        if let Some(host) = &host {
            subject.push_str(&format!(" (host {host})"));
        }
        subject
    };

    // The date: the most precise one the reports give, else the previews'.
    let dated = |group: &[&Mention]| -> Vec<(String, dates::Precision, Vec<Citation>)> {
        group
            .iter()
            .filter_map(|m| {
                let date = m.event.date.clone()?;
                let precision = dates::precision(Some(&date))?;
                Some((date, precision, cite(m)))
            })
            .collect()
    };
    let mut candidates = dated(&authoritative);
    if candidates.is_empty() {
        candidates = dated(members);
    }
    let top = candidates.iter().map(|(_, precision, _)| *precision).max();
    let mut date_values: BTreeMap<String, Vec<Citation>> = BTreeMap::new();
    for (date, precision, citations) in candidates {
        if Some(precision) == top {
            date_values.entry(date).or_default().extend(citations);
        }
    }
    let provisional = date_values.keys().next().cloned();
    let date = settle(
        &subject(&provisional),
        "date",
        date_values,
        |a, b| a == b,
        |a, b| a.cmp(b),
        contradictions,
    );

    // The place: the one most reports give; "New York" and "New York City"
    // agree, Astana and Almaty do not.
    let mut place_values: BTreeMap<String, Vec<Citation>> = BTreeMap::new();
    for m in &authoritative {
        if let Some(place) = &m.event.place {
            place_values
                .entry(place.clone())
                .or_default()
                .extend(cite(m));
        }
    }
    if place_values.is_empty() {
        for m in members {
            if let Some(place) = &m.event.place {
                place_values
                    .entry(place.clone())
                    .or_default()
                    .extend(cite(m));
            }
        }
    }
    let place = settle(
        &subject(&date),
        "place",
        place_values,
        same_place,
        |a, b| a.len().cmp(&b.len()).then(a.cmp(b)),
        contradictions,
    );

    let mut persons = BTreeSet::new();
    let mut topics = BTreeSet::new();
    let mut reports = Vec::new();
    let mut citations = Vec::new();
    for m in members {
        let source = sources[m.doc];
        for name in &m.event.participants {
            persons.insert(registry.display(m.doc, name));
        }
        topics.extend(m.topics.iter().copied());
        reports.push(EventReport {
            doc_id: source.doc_id.clone(),
            published: source.published.clone(),
            modality: m.event.modality,
            date: m.event.date.clone(),
            place: m.event.place.clone(),
        });
        citations.extend(cite(m));
    }
    reports.sort_by(|a, b| {
        date_order(&a.published, &b.published).then_with(|| a.doc_id.cmp(&b.doc_id))
    });
    let mut parties = first.parties.clone();
    parties.sort();
    TimelineEvent {
        kind: first.kind,
        parties,
        date,
        place,
        host,
        persons: persons.into_iter().collect(),
        modality,
        topics: topics.into_iter().collect(),
        source_count: members.len(),
        reports,
        citations: finish_citations(citations),
    }
}
