//! Events: visits, meetings, calls, accredited envoys and established
//! relations, one per happening, from trigger words and the sentence around
//! them. Signings come from the agreements stage.

use super::article::{AnalysedSentence, Article};
use super::clause::{self, Subject};
use super::persons::{PersonEntity, PersonMention};
use super::triggers::triggers;
use crate::model::{Event, EventType, Modality, Span};
use crate::time::{Direction, PartialDate};

/// An event as read from one sentence, before merging.
#[derive(Debug, Clone)]
pub(crate) struct EventDraft {
    pub kind: EventType,
    pub parties: Vec<&'static str>,
    pub host: Option<&'static str>,
    pub date: Option<PartialDate>,
    pub place: Option<&'static str>,
    pub modality: Modality,
    pub participants: Vec<usize>,
    pub evidence: Span,
}

pub(crate) fn find_events(
    article: &Article,
    entities: &[PersonEntity],
    mentions: &[PersonMention],
    subject: &Subject,
) -> Vec<EventDraft> {
    let patterns = triggers(article.lang);
    let mut drafts: Vec<EventDraft> = Vec::new();
    for sentence in article
        .sentences
        .iter()
        .filter(|s| s.end > article.body_start)
    {
        let key = &sentence.folded.key;
        let named = clause::sentence_countries(article, entities, mentions, sentence, subject);
        let Some(parties) = clause::parties(&named, subject) else {
            continue;
        };
        let participants: Vec<usize> = mentions
            .iter()
            .filter(|m| sentence.contains(m.start, m.end))
            .map(|m| m.entity)
            .collect();
        let mut push = |kind: EventType, at: usize, end: usize, host: Option<&'static str>| {
            let Some(modality) = clause::modality(article, sentence, at, end) else {
                return;
            };
            let direction = if modality == Modality::Occurred {
                Direction::Past
            } else {
                Direction::Future
            };
            let date = clause::sentence_date(article, sentence, direction, None);
            let place = match kind {
                EventType::Visit | EventType::Meeting => clause::place_in(article, sentence, host),
                // Only a located ceremony has a place, not "accrédité à Lomé".
                EventType::EnvoyAccredited if has_ceremony(sentence) => {
                    clause::sentence_city(article, sentence)
                }
                _ => None,
            };
            drafts.push(EventDraft {
                kind,
                parties: parties.clone(),
                host,
                date,
                place,
                modality,
                participants: participants.clone(),
                evidence: Span {
                    start: sentence.start,
                    end: sentence.end,
                },
            });
        };
        let envoy = patterns.envoy.find(key);
        if let Some(found) = patterns.call.find(key) {
            push(EventType::Call, found.start(), found.end(), None);
        } else if let Some(found) = patterns.visit.find(key) {
            let host = clause::visit_host(article, sentence, &parties);
            push(EventType::Visit, found.start(), found.end(), host);
            if let Some(meeting) = patterns.meeting.find(key) {
                push(EventType::Meeting, meeting.start(), meeting.end(), None);
            }
        } else if let Some(found) = patterns.meeting.find(key) {
            // Receiving credentials is the accreditation, not talks.
            if envoy.is_none() {
                push(EventType::Meeting, found.start(), found.end(), None);
            }
        }
        if let Some(found) = envoy {
            let host = envoy_host(article, sentence, &parties, entities, mentions);
            push(EventType::EnvoyAccredited, found.start(), found.end(), host);
        }
        if let Some(found) = patterns.relations.find(key)
            && patterns.relations_start.is_match(key)
        {
            push(
                EventType::RelationsEstablished,
                found.start(),
                found.end(),
                None,
            );
        }
    }
    for draft in &mut drafts {
        if draft.kind == EventType::RelationsEstablished {
            // Relations are dated only by a stated year.
            draft.date = draft.date.filter(|d| d.month.is_none()).or(None);
        }
    }
    drafts
}

/// Whether a sentence tells of a credentials ceremony.
fn has_ceremony(sentence: &AnalysedSentence) -> bool {
    let key = &sentence.folded.key;
    [
        "lettres de creance",
        "copies figurees",
        "credentials",
        "letters of credence",
    ]
    .iter()
    .any(|cue| key.contains(cue))
}

/// The receiving country of an envoy: the party that is not the envoy's own.
fn envoy_host(
    article: &Article,
    sentence: &AnalysedSentence,
    parties: &[&'static str],
    entities: &[PersonEntity],
    mentions: &[PersonMention],
) -> Option<&'static str> {
    let envoy_country = mentions
        .iter()
        .filter(|m| sentence.contains(m.start, m.end))
        .map(|m| &entities[m.entity])
        .find(|e| {
            matches!(
                e.role,
                crate::model::Role::Ambassador | crate::model::Role::Consul
            )
        })
        .and_then(|e| e.country);
    if let Some(own) = envoy_country {
        return parties.iter().copied().find(|c| *c != own);
    }
    clause::visit_host(article, sentence, parties)
}

/// Merges drafts that report the same happening and turns them into events.
pub(crate) fn merge_events(
    article: &Article,
    drafts: Vec<EventDraft>,
    entities: &[PersonEntity],
) -> Vec<Event> {
    let mut merged: Vec<EventDraft> = Vec::new();
    for draft in drafts {
        match merged.iter_mut().find(|kept| same_happening(kept, &draft)) {
            Some(kept) => {
                if kept.date.is_none() || is_finer(draft.date, kept.date) {
                    kept.date = draft.date.or(kept.date);
                }
                kept.place = kept.place.or(draft.place);
                kept.host = kept.host.or(draft.host);
                for person in draft.participants {
                    if !kept.participants.contains(&person) {
                        kept.participants.push(person);
                    }
                }
            }
            None => merged.push(draft),
        }
    }
    fill_from_context(article, &mut merged);
    merged
        .into_iter()
        .map(|draft| Event {
            kind: draft.kind,
            parties: draft.parties.iter().map(|c| c.to_string()).collect(),
            host: draft.host.map(str::to_string),
            date: draft.date.map(|d| d.to_string()),
            place: draft.place.map(str::to_string),
            modality: draft.modality,
            participants: draft
                .participants
                .iter()
                .map(|&i| entities[i].name.clone())
                .collect(),
            evidence: vec![draft.evidence],
        })
        .collect()
}

/// Talks and visits the sentence leaves undated or unplaced take the
/// article's lead date and the visit's city or the dateline.
fn fill_from_context(article: &Article, events: &mut [EventDraft]) {
    let lead_date = article
        .sentences
        .iter()
        .filter(|s| s.start >= article.body_start)
        .take(1)
        .find_map(|s| clause::sentence_date(article, s, Direction::Past, None));
    let visits: Vec<(Vec<&'static str>, Option<&'static str>, Option<PartialDate>)> = events
        .iter()
        .filter(|e| e.kind == EventType::Visit && e.modality == Modality::Occurred)
        .map(|e| (e.parties.clone(), e.place, e.date))
        .collect();
    for event in events.iter_mut() {
        if !matches!(event.kind, EventType::Visit | EventType::Meeting) {
            continue;
        }
        let visit = visits
            .iter()
            .find(|(parties, _, _)| *parties == event.parties);
        if event.place.is_none() {
            event.place = visit.and_then(|(_, place, _)| *place).or_else(|| {
                article
                    .dateline_city
                    .filter(|city| event.parties.contains(&city.iso3))
                    .map(|city| article.city_name(&city))
            });
        }
        if event.date.is_none() && event.modality == Modality::Occurred {
            event.date = lead_date.or(visit.and_then(|(_, _, date)| *date));
        }
    }
}

fn is_finer(new: Option<PartialDate>, old: Option<PartialDate>) -> bool {
    match (new, old) {
        (Some(new), Some(old)) => {
            new.year == old.year
                && (old.month.is_none() || new.month == old.month)
                && (new.day.is_some() as u8 + new.month.is_some() as u8)
                    > (old.day.is_some() as u8 + old.month.is_some() as u8)
        }
        _ => false,
    }
}

fn dates_compatible(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.year == b.year
                && (a.month.is_none() || b.month.is_none() || a.month == b.month)
                && (a.day.is_none() || b.day.is_none() || a.day == b.day)
        }
        _ => true,
    }
}

fn same_happening(kept: &EventDraft, draft: &EventDraft) -> bool {
    if kept.kind != draft.kind || kept.parties != draft.parties || kept.modality != draft.modality {
        return false;
    }
    if !dates_compatible(kept.date, draft.date) {
        return false;
    }
    match kept.kind {
        EventType::Meeting => {
            let shared = kept
                .participants
                .iter()
                .filter(|p| draft.participants.contains(p))
                .count();
            kept.participants.is_empty()
                || draft.participants.is_empty()
                || shared >= 2
                || kept.participants == draft.participants
        }
        _ => true,
    }
}
