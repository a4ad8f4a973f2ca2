//! Reading one sentence for an event or an agreement: which countries take
//! part, where and when it happened, and its mood (occurred, planned,
//! proposed, or negated).

use std::collections::BTreeSet;
use std::sync::LazyLock;

use super::article::{AnalysedSentence, Article};
use super::persons::{PersonEntity, PersonMention};
use super::triggers::triggers;
use crate::lexicon::CountryForm;
use crate::model::Modality;
use crate::text::PhraseSet;
use crate::time::{Direction, PartialDate};

/// What the whole article tells about its subject.
pub(crate) struct Subject {
    /// The two countries the article is mostly about, most named first.
    pub pair: Vec<&'static str>,
}

impl Subject {
    pub fn new(article: &Article, entities: &[PersonEntity]) -> Subject {
        let mut counts: Vec<(&'static str, usize, usize)> = Vec::new(); // (iso3, weight, first)
        let mut add = |iso3: &'static str, weight: usize, at: usize| match counts
            .iter_mut()
            .find(|(code, _, _)| *code == iso3)
        {
            Some(entry) => entry.1 += weight,
            None => counts.push((iso3, weight, at)),
        };
        for mention in &article.countries {
            let weight = if mention.start < article.body_start {
                3
            } else {
                2
            };
            add(mention.iso3, weight, mention.start);
        }
        for entity in entities {
            if let (Some(country), Some(first)) = (entity.country, entity.mentions.first()) {
                add(country, entity.mentions.len(), first.0);
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        Subject {
            pair: counts.iter().take(2).map(|(code, _, _)| *code).collect(),
        }
    }
}

/// The countries a sentence involves, in order of mention: countries named,
/// capitals standing for governments, cities where something happens, and
/// the states of the persons it names.
pub(crate) fn sentence_countries(
    article: &Article,
    entities: &[PersonEntity],
    mentions: &[PersonMention],
    sentence: &AnalysedSentence,
    subject: &Subject,
) -> Vec<&'static str> {
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    for mention in article.countries_in(sentence.start, sentence.end) {
        found.push((mention.start, mention.iso3));
    }
    // A city after "à" or "in" says where, not who: the visit's host is read
    // separately, and a third country's venue is no party.
    for city in article.cities_in(sentence.start, sentence.end) {
        if !is_locative(article, city.start) {
            found.push((city.start, city.iso3));
        }
    }
    for mention in mentions
        .iter()
        .filter(|m| sentence.contains(m.start, m.end))
    {
        if let Some(country) = entities[mention.entity].country {
            found.push((mention.start, country));
        }
    }
    let key = &sentence.folded.key;
    static BOTH: LazyLock<PhraseSet> = LazyLock::new(|| {
        PhraseSet::new(&[
            "les deux pays",
            "deux pays",
            "les deux parties",
            "les deux chefs",
            "les deux ministres",
            "les deux dirigeants",
            "les deux presidents",
            "bilateral",
            "both countries",
            "the two countries",
            "two sides",
            "both sides",
            "the two leaders",
            "both leaders",
            "the two ministers",
            "the two nations",
        ])
    });
    if BOTH.is_match(key) {
        for (offset, code) in subject.pair.iter().enumerate() {
            found.push((sentence.start + offset, code));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    let mut ordered = Vec::new();
    for (_, code) in found {
        if !ordered.contains(&code) {
            ordered.push(code);
        }
    }
    ordered
}

/// The two parties of a bilateral happening told in a sentence.
pub(crate) fn parties(named: &[&'static str], subject: &Subject) -> Option<Vec<&'static str>> {
    let in_pair: Vec<&'static str> = named
        .iter()
        .copied()
        .filter(|c| subject.pair.contains(c))
        .collect();
    let outside: Vec<&'static str> = named
        .iter()
        .copied()
        .filter(|c| !subject.pair.contains(c))
        .collect();
    let chosen: Vec<&'static str> = match (in_pair.len(), outside.len()) {
        (2.., _) => subject.pair.clone(),
        (1, 0) => subject.pair.clone(),
        (1, _) => vec![in_pair[0], outside[0]],
        (0, 2..) => outside[..2].to_vec(),
        (0, 1) => {
            let anchor = subject.pair.first().copied()?;
            vec![anchor, outside[0]]
        }
        (0, 0) => subject.pair.clone(),
    };
    let set: BTreeSet<&'static str> = chosen.into_iter().collect();
    (set.len() == 2).then(|| set.into_iter().collect())
}

/// The mood of the clause around a trigger at folded offset `at`.
pub(crate) fn modality(
    article: &Article,
    sentence: &AnalysedSentence,
    at: usize,
    end: usize,
) -> Option<Modality> {
    let key = &sentence.folded.key;
    let patterns = triggers(article.lang);
    let window_start = word_boundary_before(key, at, 7);
    let window_end = word_boundary_after(key, end, 4);
    let window = &key[window_start..window_end];
    if patterns.negated.is_match(window) {
        return None;
    }
    if patterns.invited.is_match(window)
        || patterns
            .proposed
            .is_match(&key[window_start..end.min(key.len())])
    {
        return Some(Modality::Proposed);
    }
    if patterns.planned.is_match(window) {
        return Some(Modality::Planned);
    }
    Some(Modality::Occurred)
}

/// The byte offset `words` words before `at` in `key`.
pub(crate) fn word_boundary_before(key: &str, at: usize, words: usize) -> usize {
    let mut position = at.min(key.len());
    for _ in 0..words {
        let trimmed = key[..position].trim_end();
        match trimmed.rfind(' ') {
            Some(space) => position = space,
            None => return 0,
        }
    }
    position
}

/// The byte offset `words` words after `end` in `key`.
pub(crate) fn word_boundary_after(key: &str, end: usize, words: usize) -> usize {
    let mut position = end.min(key.len());
    for _ in 0..words {
        let rest = &key[position..];
        let skipped = rest.len() - rest.trim_start().len();
        match rest.trim_start().find(' ') {
            Some(space) => position += skipped + space,
            None => return key.len(),
        }
    }
    position
}

/// The date a sentence gives, leaning `direction`: the first date of the
/// sentence that resolves.
pub(crate) fn sentence_date(
    article: &Article,
    sentence: &AnalysedSentence,
    direction: Direction,
    year_hint: Option<i16>,
) -> Option<PartialDate> {
    // A date in the dateline is the report's; the sentence's own date wins.
    let resolve = |mention: &crate::time::DateMention| {
        mention.resolve(article.published, direction, year_hint)
    };
    article
        .dates_in(sentence.start, sentence.end)
        .filter(|mention| !article.in_dateline(mention.start))
        .find_map(resolve)
        .or_else(|| {
            article
                .dates_in(sentence.start, sentence.end)
                .find_map(resolve)
        })
}

/// The city a sentence names as a location, in English.
pub(crate) fn sentence_city(
    article: &Article,
    sentence: &AnalysedSentence,
) -> Option<&'static str> {
    article
        .cities_in(sentence.start, sentence.end)
        .find(|city| is_locative(article, city.start))
        .map(|city| article.city_name(city))
}

/// The city named as a location closest to byte `at` in the sentence,
/// within a clause's reach.
pub(crate) fn city_near(
    article: &Article,
    sentence: &AnalysedSentence,
    at: usize,
) -> Option<&'static str> {
    article
        .cities_in(sentence.start, sentence.end)
        .filter(|city| is_locative(article, city.start))
        // A city after a coordinated clause ("signé et un ambassadeur a été
        // accrédité à Lomé") belongs to that clause.
        .filter(|city| {
            if city.start < at {
                return true;
            }
            let between = article.key_of(at, city.start);
            !between.contains(" et ") && !between.contains(" and ")
        })
        .map(|city| (city.start.abs_diff(at), city))
        .filter(|(distance, _)| *distance <= 90)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, city)| article.city_name(city))
}

/// Whether a date expression is introduced by "since" or "depuis" (a date
/// of entry into force, not of signature).
pub(crate) fn is_since(article: &Article, start: usize) -> bool {
    let text = article.text;
    let head_end = text.floor_char_boundary((start + 8).min(text.len()));
    let before_start = text.floor_char_boundary(start.saturating_sub(8));
    let head = article.key_of(start, head_end);
    let before = article.key_of(before_start, start);
    head.starts_with("since")
        || head.starts_with("depuis")
        || before.ends_with("since ")
        || before.ends_with("depuis ")
}

/// Whether the word before `start` is a locative preposition ("à", "in").
pub(crate) fn is_locative(article: &Article, start: usize) -> bool {
    let before = &article.text[..start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let head = before[line_start..].trim_end();
    let last = head.rsplit([' ', '\'', '’']).next().unwrap_or("");
    let is_preposition = |key: &str| {
        matches!(
            key,
            "a" | "au" | "aux" | "en" | "in" | "at" | "to" | "dans" | "vers" | "near" | "pres"
        )
    };
    // An ASCII word folds to its lower case, which a short buffer holds.
    let mut buffer = [0u8; 8];
    if last.is_ascii() && last.len() <= buffer.len() && !last.contains(char::is_whitespace) {
        let key = &mut buffer[..last.len()];
        key.copy_from_slice(last.as_bytes());
        key.make_ascii_lowercase();
        return std::str::from_utf8(key).is_ok_and(is_preposition);
    }
    is_preposition(&crate::text::fold(last).key)
}

/// The host of a visit: the country of the first place the sentence names
/// after a locative preposition, or the dateline's country.
pub(crate) fn visit_host(
    article: &Article,
    sentence: &AnalysedSentence,
    parties: &[&'static str],
) -> Option<&'static str> {
    let mut places: Vec<(usize, &'static str)> = Vec::new();
    for city in article.cities_in(sentence.start, sentence.end) {
        if is_locative(article, city.start) {
            places.push((city.start, city.iso3));
        }
    }
    for mention in article.countries_in(sentence.start, sentence.end) {
        if mention.form != CountryForm::Demonym && is_locative(article, mention.start) {
            places.push((mention.start, mention.iso3));
        }
    }
    places.sort_by_key(|(at, _)| *at);
    if let Some((_, code)) = places.iter().find(|(_, code)| parties.contains(code)) {
        return Some(code);
    }
    let dateline = article.dateline_city?;
    parties.contains(&dateline.iso3).then_some(dateline.iso3)
}

/// The English name of the capital or city of `iso3` named in the sentence,
/// if any, else the dateline city when it lies in `host`.
pub(crate) fn place_in(
    article: &Article,
    sentence: &AnalysedSentence,
    host: Option<&'static str>,
) -> Option<&'static str> {
    if let Some(city) = sentence_city(article, sentence) {
        return Some(city);
    }
    let dateline = article.dateline_city?;
    (host == Some(dateline.iso3)).then(|| article.city_name(&dateline))
}
