//! The timeline: event mentions from different articles that report the same
//! happening become one event. Two mentions can be one happening when they
//! come from different articles and have the same type, compatible hosts
//! (equal or one unknown), compatible dates (see `dates`), and compatible
//! places, or differing places on the very same day, which is then a
//! contradiction. A preview and the report afterwards merge, and the event
//! takes the modality `occurred`; its date and place are the report's.

use std::collections::{BTreeMap, BTreeSet};

use super::cluster::{cluster, settle};
use super::dates::{self, DayRange};
use super::names::{names_match, places_compatible, same_place};
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
    let clusters = cluster(&mentions, compatible, |a, b| {
        a.event
            .participants
            .iter()
            .any(|x| b.event.participants.iter().any(|y| names_match(x, y)))
    });
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
        std::cmp::Reverse(dates::precision(event.date.as_deref())),
        event.modality,
        &event.date,
        &event.host,
        &event.place,
        mention.doc,
        &event.evidence,
        &event.participants,
    )
}

/// Whether two mentions can report the same happening.
fn compatible(a: &Mention, b: &Mention) -> bool {
    let (x, y) = (a.event, b.event);
    // A suggested envoy (an honorary consul proposed) and an envoy accredited
    // are different persons, not a preview and its report.
    let envoy_proposal = x.kind == EventType::EnvoyAccredited
        && (x.modality == Modality::Proposed) != (y.modality == Modality::Proposed);
    a.doc != b.doc
        && x.kind == y.kind
        && !envoy_proposal
        && (x.host.is_none() || y.host.is_none() || x.host == y.host)
        && (a.topics.is_empty()
            || b.topics.is_empty()
            || a.topics.iter().any(|topic| b.topics.contains(topic)))
        && a.range.compatible(b.range)
        && (places_compatible(x.place.as_deref(), y.place.as_deref()) || a.range.same_day(b.range))
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
