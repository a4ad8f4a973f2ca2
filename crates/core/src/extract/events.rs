//! Events: visits, meetings, calls, accredited envoys and established
//! relations, one per happening, from trigger words and the sentence around
//! them. Signings come from the agreements stage.

use super::article::{AnalysedSentence, Article};
use super::clause;
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
    sentence_parties: &[Option<Vec<&'static str>>],
) -> Vec<EventDraft> {
    let patterns = triggers(article.lang);
    let mut drafts: Vec<EventDraft> = Vec::new();
    for (index, sentence) in article
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.end > article.body_start)
    {
        let key = &sentence.folded.key;
        let Some(parties) = sentence_parties[index].clone() else {
            continue;
        };
        let participants: Vec<usize> = mentions
            .iter()
            .filter(|m| sentence.contains(m.start, m.end))
            .map(|m| m.entity)
            .collect();
        // `fixed_date` overrides the sentence's date when the caller read a
        // more precise one.
        let mut push = |kind: EventType,
                        parties: &[&'static str],
                        at: usize,
                        end: usize,
                        host: Option<&'static str>,
                        fixed_date: Option<Option<PartialDate>>| {
            let Some(mut modality) = clause::modality(article, sentence, at, end) else {
                return;
            };
            // An anniversary or an establishment is told of relations that
            // exist: only envisaged ones are not yet real.
            if kind == EventType::RelationsEstablished && modality == Modality::Planned {
                modality = Modality::Occurred;
            }
            let direction = if modality == Modality::Occurred {
                Direction::Past
            } else {
                Direction::Future
            };
            let date = fixed_date
                .unwrap_or_else(|| clause::sentence_date(article, sentence, direction, None));
            let place = match kind {
                EventType::Visit | EventType::Meeting => clause::place_in(article, sentence, host),
                // Only a located ceremony has a place, not "accrédité à Lomé".
                EventType::EnvoyAccredited if has_ceremony(sentence) => {
                    clause::sentence_city(article, sentence)
                }
                _ => None,
            };
            // Talks need someone to hold them: a named person or a group
            // of officials.
            if kind == EventType::Meeting && participants.is_empty() && !names_officials(key) {
                return;
            }
            drafts.push(EventDraft {
                kind,
                parties: parties.to_vec(),
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
            push(
                EventType::Call,
                &parties,
                found.start(),
                found.end(),
                None,
                None,
            );
        } else if let Some(found) = patterns.visit.find(key) {
            let destinations = visit_destinations(article, sentence, found.start());
            if is_back_reference(key, found.start()) && destinations.is_empty() {
                // "The visit comes weeks after ...": the visit told elsewhere.
            } else if destinations.len() >= 2 {
                // A tour: one visit per country on the way.
                let traveller = traveller_country(sentence, entities, mentions);
                for destination in destinations {
                    let Some(visitor) = traveller
                        .filter(|c| *c != destination)
                        .or_else(|| parties.iter().copied().find(|c| *c != destination))
                    else {
                        continue;
                    };
                    let mut pair = vec![visitor, destination];
                    pair.sort_unstable();
                    push(
                        EventType::Visit,
                        &pair,
                        found.start(),
                        found.end(),
                        Some(destination),
                        None,
                    );
                }
            } else {
                let host = clause::visit_host(article, sentence, &parties);
                push(
                    EventType::Visit,
                    &parties,
                    found.start(),
                    found.end(),
                    host,
                    None,
                );
            }
            if let Some(meeting) = patterns.meeting.find(key) {
                push(
                    EventType::Meeting,
                    &parties,
                    meeting.start(),
                    meeting.end(),
                    None,
                    None,
                );
            }
        } else if let Some(found) = patterns.meeting.find(key) {
            // Receiving credentials is the accreditation, not talks; "ties
            // received a boost" receives no one.
            if envoy.is_none()
                && receives_someone(article, sentence, mentions, found.start(), found.end())
            {
                push(
                    EventType::Meeting,
                    &parties,
                    found.start(),
                    found.end(),
                    None,
                    None,
                );
            }
        }
        if let Some(found) = envoy {
            let host = envoy_host(article, sentence, &parties, entities, mentions);
            push(
                EventType::EnvoyAccredited,
                &parties,
                found.start(),
                found.end(),
                host,
                None,
            );
        }
        // Relations established, resumed or celebrated: a word for relations
        // with a word of establishment close to it.
        for found in patterns.relations.find_iter(key) {
            let from = clause::word_boundary_before(key, found.start(), 6);
            let to = clause::word_boundary_after(key, found.end(), 8);
            let Some(start_word) = patterns.relations_start.find(&key[from..to]) else {
                continue;
            };
            let (at, _) = sentence.source(from + start_word.start(), from + start_word.end());
            let date = stated_date(article, sentence, at);
            push(
                EventType::RelationsEstablished,
                &parties,
                found.start(),
                found.end(),
                None,
                Some(date),
            );
            break;
        }
    }
    drafts
}

/// Whether the trigger at `at` is introduced by a definite article or a
/// demonstrative ("the visit", "cette visite"): a mention of a happening
/// already told.
fn is_back_reference(key: &str, at: usize) -> bool {
    let before = key[..at].trim_end();
    let last = before.rsplit([' ', '\'']).next().unwrap_or("");
    matches!(
        last,
        "the" | "this" | "cette" | "ce" | "la" | "sa" | "his" | "her"
    )
}

/// The state of the person who travels: the first person named in the
/// sentence, else the last one named before it ("He is due to fly on to
/// Qatar").
fn traveller_country(
    sentence: &AnalysedSentence,
    entities: &[PersonEntity],
    mentions: &[PersonMention],
) -> Option<&'static str> {
    mentions
        .iter()
        .find(|m| sentence.contains(m.start, m.end))
        .or_else(|| mentions.iter().rev().find(|m| m.end <= sentence.start))
        .and_then(|m| entities[m.entity].country)
}

/// A verb of receiving ("received", "a reçu", "hosted") makes talks only
/// when a person or an office title follows it.
fn receives_someone(
    article: &Article,
    sentence: &AnalysedSentence,
    mentions: &[PersonMention],
    start: usize,
    end: usize,
) -> bool {
    let word = &sentence.folded.key[start..end];
    let receiving = [
        "received", "receives", "hosted", "a recu", "ont recu", "recevra",
    ];
    if !receiving.contains(&word) {
        return true;
    }
    let (_, after) = sentence.source(start, end);
    let reach = (after + 60).min(sentence.end);
    if mentions.iter().any(|m| m.start >= after && m.start < reach) {
        return true;
    }
    let following_end = clause::word_boundary_after(&sentence.folded.key, end, 5);
    !crate::lexicon::cues::titles(article.lang)
        .find(&sentence.folded.key[end..following_end])
        .is_empty()
}

/// Whether a sentence names a group of officials ("the two leaders", "les
/// délégations"), who can hold talks without being named.
fn names_officials(key: &str) -> bool {
    [
        "delegation",
        "leaders",
        "dirigeants",
        "ministres",
        "ministers",
        "chefs",
        "officials",
        "responsables",
        "presidents",
        "heads of state",
        "the two sides",
        "les deux parties",
        "premier ministre",
        "prime minister",
        "president",
        "ministre",
        "minister",
        "ambassad",
    ]
    .iter()
    .any(|word| key.contains(word))
}

/// The countries a visit sentence names as destinations after the trigger:
/// places after a locative preposition and the ones coordinated with them
/// ("to Indonesia and Singapore", "en Turquie, aux Émirats et au Qatar").
fn visit_destinations(
    article: &Article,
    sentence: &AnalysedSentence,
    trigger_at: usize,
) -> Vec<&'static str> {
    let (after, _) = sentence.source(trigger_at, trigger_at);
    let mut places: Vec<(usize, usize, &'static str)> = article
        .countries_in(after, sentence.end)
        .filter(|m| m.form != crate::lexicon::CountryForm::Demonym)
        .map(|m| (m.start, m.end, m.iso3))
        .collect();
    places.sort_unstable();
    let mut destinations: Vec<&'static str> = Vec::new();
    let mut chain_end: Option<usize> = None;
    for (start, end, iso3) in places {
        let joined = chain_end.is_some_and(|previous| {
            let gap = article.key_of(previous, start);
            let gap = gap.trim();
            matches!(
                gap,
                "," | "and"
                    | "et"
                    | ", and"
                    | "et au"
                    | "et aux"
                    | "et en"
                    | ", au"
                    | ", aux"
                    | ", en"
                    | "and to"
                    | ", to"
                    | "et a"
            )
        });
        // "arrived in Egypt from Türkiye", "took him to the United Arab
        // Emirates": the previous leg and a destination with its article.
        let head_start = article
            .text
            .floor_char_boundary(start.saturating_sub(8).max(sentence.start));
        let head = article.key_of(head_start, start);
        let leg = head.ends_with("from ") || head.ends_with("to the ");
        if clause::is_locative(article, start) || joined || leg {
            if !destinations.contains(&iso3) {
                destinations.push(iso3);
            }
            chain_end = Some(end);
        } else {
            chain_end = None;
        }
    }
    destinations
}

/// Relations are dated only by a date the text states with its year: the
/// absolute date closest to the word of establishment.
fn stated_date(article: &Article, sentence: &AnalysedSentence, at: usize) -> Option<PartialDate> {
    article
        .dates_in(sentence.start, sentence.end)
        .filter(|mention| {
            !mention.is_relative()
                && !article.in_dateline(mention.start)
                && !clause::is_since(article, mention.start)
        })
        .min_by_key(|mention| mention.start.abs_diff(at))
        .and_then(|mention| mention.resolve(article.published, Direction::Past, None))
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
    let lead_date = article.lead_date();
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
    // A trip to the one country and a trip to the other are two visits.
    if kept.host.is_some() && draft.host.is_some() && kept.host != draft.host {
        return false;
    }
    match kept.kind {
        // Talks told in several sentences name some of the same persons;
        // talks with another leader name a different one.
        EventType::Meeting => {
            let within = |a: &[usize], b: &[usize]| a.iter().all(|p| b.contains(p));
            within(&kept.participants, &draft.participants)
                || within(&draft.participants, &kept.participants)
        }
        _ => true,
    }
}
