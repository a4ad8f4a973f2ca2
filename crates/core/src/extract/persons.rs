//! Named persons: runs of capitalised words that are not titles, places,
//! organisations or calendar words; later surname-only mentions tied to the
//! fullest form; role and country read from the title phrase before the name
//! ("le ministre kazakh des Affaires étrangères, X", "Kenyan President X") or
//! from an apposition after it ("X, ministre de ...").

// Keys are the lexicons' own words: a fast hash without flood protection.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::article::{AnalysedSentence, Article};
use crate::lexicon::{CountryForm, cues, leaders_named};
use crate::model::Role;
use crate::text::fold;
use unicode_normalization::char::is_combining_mark;

/// A person of the article with every place it is mentioned.
#[derive(Debug, Clone)]
pub(crate) struct PersonEntity {
    pub name: String,
    /// Folded words of the name.
    pub words: Vec<String>,
    pub country: Option<&'static str>,
    pub role: Role,
    /// Whether a title phrase gave the role (otherwise `role` is a default).
    pub titled: bool,
    pub byline: bool,
    pub mentions: Vec<(usize, usize)>,
}

/// A mention of a person: the entity index and the source span.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PersonMention {
    pub entity: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StopKind {
    Function,
    Honorific,
    Title,
    Calendar,
    Organisation,
    Place,
}

static STOPWORDS: LazyLock<HashMap<String, StopKind>> = LazyLock::new(|| {
    include_str!("../../lexicon/mul/name-stopwords.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let (word, kind) = line.split_once('\t')?;
            let kind = match kind.trim() {
                "function" => StopKind::Function,
                "honorific" => StopKind::Honorific,
                "title" => StopKind::Title,
                "calendar" => StopKind::Calendar,
                "organisation" => StopKind::Organisation,
                _ => StopKind::Place,
            };
            Some((word.trim().to_string(), kind))
        })
        .collect()
});

/// Lower-case words allowed inside a name ("Luiz Inácio Lula da Silva").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "do", "dos", "das", "du", "van", "von", "der", "den", "bin",
    "ben", "ibn", "al", "el", "ould", "wa", "y", "ter", "le",
];

/// The words of `text` as byte ranges: a letter or a digit, then letters,
/// marks, digits, apostrophes and hyphens.
fn words_of(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut offset = 0;
    std::iter::from_fn(move || {
        // The next character that opens a word; ASCII bytes are read as
        // they are, other characters decoded.
        let start = loop {
            let byte = *bytes.get(offset)?;
            if byte.is_ascii() {
                if byte.is_ascii_alphanumeric() {
                    break offset;
                }
                offset += 1;
                continue;
            }
            let c = text[offset..].chars().next()?;
            if opens_word(c) {
                break offset;
            }
            offset += c.len_utf8();
        };
        offset = start;
        while offset < bytes.len() {
            let byte = bytes[offset];
            if byte.is_ascii() {
                if byte.is_ascii_alphanumeric() || byte == b'\'' || byte == b'-' {
                    offset += 1;
                    continue;
                }
                break;
            }
            let c = text[offset..].chars().next()?;
            if opens_word(c) || c == '’' || is_combining_mark(c) {
                offset += c.len_utf8();
            } else {
                break;
            }
        }
        Some((start, offset))
    })
}

/// Whether a character can open a word: a letter or a digit of any script.
fn opens_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// Finds the persons of the article and every mention of each.
pub(crate) fn find_persons(article: &Article) -> (Vec<PersonEntity>, Vec<PersonMention>) {
    let text = article.text;
    let mut runs: Vec<(usize, usize, Vec<Word>)> = Vec::new(); // (start, end, words)
    let mut singles: Vec<(usize, usize, bool)> = Vec::new(); // (start, end, after honorific)
    let mut country_spans: Vec<(usize, usize)> = article
        .countries
        .iter()
        .map(|m| (m.start, m.end))
        .chain(article.cities.iter().map(|m| (m.start, m.end)))
        .collect();
    country_spans.sort_unstable();
    let title_line_end = if is_headline_case(&text[..article.body_start]) {
        article.body_start
    } else {
        0
    };
    for sentence in &article.sentences {
        if sentence.end <= title_line_end {
            continue;
        }
        let sentence_text = &text[sentence.start..sentence.end];
        let words: Vec<Word> = words_of(sentence_text)
            .map(|(start, end)| {
                // "Modi's": the possessive is not part of the name.
                let surface = &sentence_text[start..end];
                let trimmed = surface
                    .strip_suffix("'s")
                    .or_else(|| surface.strip_suffix("’s"))
                    .unwrap_or(surface);
                Word {
                    start: sentence.start + start,
                    end: sentence.start + start + trimmed.len(),
                }
            })
            .collect();
        let mut index = 0;
        while index < words.len() {
            if !is_name_word(text, words[index], &country_spans) {
                index += 1;
                continue;
            }
            let run_start = index;
            let mut last = index;
            let mut next = index + 1;
            while next < words.len() {
                let gap = &text[words[next - 1].end..words[next].start];
                if !is_name_gap(gap, text, words[next - 1]) {
                    break;
                }
                // "Mohamed Ould Cheikh El Ghazouani": after a filiation
                // particle, an honorific word is part of the name.
                let after_filiation = matches!(
                    word_key(&text[words[next - 1].start..words[next - 1].end]).as_str(),
                    "ould" | "ben" | "bin" | "ibn" | "bint"
                ) && text[words[next].start..]
                    .starts_with(char::is_uppercase);
                if after_filiation || is_name_word(text, words[next], &country_spans) {
                    last = next;
                    next += 1;
                } else if PARTICLES.contains(
                    &text[words[next].start..words[next].end]
                        .to_lowercase()
                        .as_str(),
                ) && next + 1 < words.len()
                    && is_name_word(text, words[next + 1], &country_spans)
                {
                    next += 1;
                } else {
                    break;
                }
            }
            let mut run_start = run_start;
            // "le ministre des Transports Jean Ernest X": a portfolio word
            // after "des" or "of" closes the title, it does not open the name.
            if last >= run_start + 2
                && run_start > 0
                && matches!(
                    &text[words[run_start - 1].start..words[run_start - 1].end],
                    "des" | "de" | "du" | "of" | "for"
                )
                && COMMON_WORDS.contains(
                    word_key(&text[words[run_start].start..words[run_start].end]).as_str(),
                )
            {
                run_start += 1;
            }
            let run: Vec<Word> = words[run_start..=last].to_vec();
            let start = run[0].start;
            let mut end = run[run.len() - 1].end;
            // "Jr." and initials keep their full stop.
            if text[end..].starts_with('.')
                && is_suffix_or_initial(&text[run[run.len() - 1].start..end])
            {
                end += 1;
            }
            if run.len() >= 2 {
                let titled = follows_honorific(text, sentence.start, start)
                    || follows_title_word(text, &words, run_start);
                if !has_organisation_word(text, &run)
                    && !next_is_organisation_word(text, &words, last)
                    && !is_place_phrase(text, sentence, start)
                    && (titled
                        || !(is_mostly_common_words(text, &run)
                            || follows_article(text, &words, run_start)))
                {
                    runs.push((start, end, run));
                }
            } else {
                singles.push((start, end, follows_honorific(text, sentence.start, start)));
            }
            index = last + 1;
        }
    }
    let mut entities: Vec<PersonEntity> = Vec::new();
    let mut mentions: Vec<PersonMention> = Vec::new();
    for (start, end, _) in &runs {
        let name = text[*start..*end].to_string();
        let words = name_words(&article.key_of(*start, *end));
        let entity = match entities.iter().position(|e| same_person(&e.words, &words)) {
            Some(found) => {
                if words.len() > entities[found].words.len() {
                    entities[found].name = name;
                    entities[found].words = words;
                }
                found
            }
            None => {
                entities.push(PersonEntity {
                    name,
                    words,
                    country: None,
                    role: Role::Other,
                    titled: false,
                    byline: false,
                    mentions: Vec::new(),
                });
                entities.len() - 1
            }
        };
        mentions.push(PersonMention {
            entity,
            start: *start,
            end: *end,
        });
    }
    for (start, end, after_honorific) in singles {
        // "al-Sissi" is the "sissi" of "Abdel Fattah al-Sissi".
        let Some(word) = name_words(&article.key_of(start, end)).pop() else {
            continue;
        };
        let found = entities
            .iter()
            .position(|e| e.words.last() == Some(&word))
            .or_else(|| {
                let holders: Vec<usize> = (0..entities.len())
                    .filter(|&i| entities[i].words.contains(&word))
                    .collect();
                (holders.len() == 1).then(|| holders[0])
            });
        let entity = match found {
            Some(found) => found,
            None if after_honorific || titled_single(article, start) => {
                entities.push(PersonEntity {
                    name: text[start..end].to_string(),
                    words: vec![word],
                    country: None,
                    role: Role::Other,
                    titled: false,
                    byline: false,
                    mentions: Vec::new(),
                });
                entities.len() - 1
            }
            None => continue,
        };
        mentions.push(PersonMention { entity, start, end });
    }
    mentions.sort_by_key(|m| m.start);
    for mention in &mentions {
        entities[mention.entity]
            .mentions
            .push((mention.start, mention.end));
    }
    assign_roles(article, &mut entities, &mentions);
    assign_leaders(article, &mut entities);
    infer_countries(article, &mut entities, &mentions);
    (entities, mentions)
}

/// Whether a word can be part of a name: capitalised, not all capitals (a
/// headline or dateline) unless a roman numeral, not a stopword, not inside a
/// country or city mention.
fn is_name_word(text: &str, word: Word, places: &[(usize, usize)]) -> bool {
    let surface = &text[word.start..word.end];
    let bytes = surface.as_bytes();
    let Some(&first_byte) = bytes.first() else {
        return false;
    };
    // "al-Sissi", "el-Sisi", "ben-Salah": a lower-case particle joined to a
    // capitalised name.
    let joined_particle = || match surface.split_once('-') {
        Some((particle, name)) => {
            matches!(particle, "al" | "el" | "ben" | "bin" | "ould" | "ibn")
                && name.starts_with(char::is_uppercase)
        }
        None => false,
    };
    let capitalised = if first_byte.is_ascii() {
        first_byte.is_ascii_uppercase()
    } else {
        surface.chars().next().is_some_and(char::is_uppercase)
    };
    // A joined particle is at most four letters and its hyphen.
    let particle_hyphen = bytes[..bytes.len().min(5)].contains(&b'-');
    if !(capitalised || particle_hyphen && joined_particle()) {
        return false;
    }
    let all_caps = if surface.is_ascii() {
        let mut letters = bytes.iter().filter(|b| b.is_ascii_alphabetic());
        letters.clone().nth(1).is_some() && letters.all(u8::is_ascii_uppercase)
    } else {
        let mut letters = surface.chars().filter(|c| c.is_alphabetic());
        letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
    };
    if all_caps && !is_roman_numeral(surface) {
        return false;
    }
    if overlaps_place(places, word) {
        return false;
    }
    if bytes.iter().any(u8::is_ascii_digit) {
        return false;
    }
    let mut buffer = [0u8; SHORT_KEY];
    let owned;
    let key = match short_word_key(surface, &mut buffer) {
        Some(key) => key,
        None => {
            owned = word_key(surface);
            owned.as_str()
        }
    };
    if STOPWORDS.contains_key(key) {
        return false;
    }
    // "L'Italie" opens with an article; "M'Bareck" is a name.
    let base = key.split(['\'', '’']).next().unwrap_or(key);
    base.len() == key.len() || !matches!(STOPWORDS.get(base), Some(StopKind::Function))
}

/// The kind of stopword `word` is, if it is one.
fn stopword(word: &str) -> Option<StopKind> {
    let mut buffer = [0u8; SHORT_KEY];
    match short_word_key(word, &mut buffer) {
        Some(key) => STOPWORDS.get(key).copied(),
        None => STOPWORDS.get(&word_key(word)).copied(),
    }
}

/// The longest word [`short_word_key`] folds without allocating.
const SHORT_KEY: usize = 32;

/// [`word_key`] of a short ASCII word, written into `buffer`; `None` for
/// other words.
fn short_word_key<'b>(word: &str, buffer: &'b mut [u8; SHORT_KEY]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > SHORT_KEY || !word.is_ascii() || bytes.iter().any(u8::is_ascii_whitespace) {
        return None;
    }
    let key = &mut buffer[..bytes.len()];
    key.copy_from_slice(bytes);
    key.make_ascii_lowercase();
    std::str::from_utf8(key).ok()
}

/// Whether a word overlaps one of `places`, spans sorted by start that do
/// not overlap each other much: only those starting before the word's end
/// can, and the longest place is a few words.
fn overlaps_place(places: &[(usize, usize)], word: Word) -> bool {
    let before_end = places.partition_point(|&(start, _)| start < word.end);
    places[..before_end]
        .iter()
        .rev()
        .take_while(|&&(start, _)| start + 200 > word.start)
        .any(|&(start, end)| word.start < end && word.end > start)
}

/// The folded key of one word ([`fold`] of a text without whitespace),
/// without building the offset map when the word is ASCII.
fn word_key(word: &str) -> String {
    if word.is_ascii() && !word.contains(|c: char| c.is_ascii_whitespace()) {
        word.to_ascii_lowercase()
    } else {
        fold(word).key
    }
}

fn is_roman_numeral(word: &str) -> bool {
    matches!(
        word,
        "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX" | "X" | "XI" | "XII"
    )
}

fn is_suffix_or_initial(word: &str) -> bool {
    matches!(word, "Jr" | "Sr")
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// What may stand between two words of one name: a space, or an initial's
/// or a suffix's full stop and a space.
fn is_name_gap(gap: &str, text: &str, previous: Word) -> bool {
    if gap == " " {
        return true;
    }
    gap == ". " && is_suffix_or_initial(&text[previous.start..previous.end])
}

/// The most frequent English and French words (generated from word lists).
static COMMON_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../lexicon/mul/common-words.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .collect()
});

/// "Economic Relations", "Small States", "Southern Opening": a capitalised
/// run of frequent words names a thing.
fn is_mostly_common_words(text: &str, run: &[Word]) -> bool {
    // Frequent-word lists also hold frequent first names ("jean", "jose"),
    // so only a run made of frequent words alone counts as a thing.
    let mut any = false;
    for word in run {
        let key = word_key(&text[word.start..word.end]);
        for part in key.split('-').filter(|part| !part.is_empty()) {
            if !COMMON_WORDS.contains(part) {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Whether the word before the run is a title word or an honorific
/// ("President", "Ministre", "Sheikh"): what follows is a person.
fn follows_title_word(text: &str, words: &[Word], run_start: usize) -> bool {
    let Some(before) = run_start.checked_sub(1).map(|i| words[i]) else {
        return false;
    };
    if text[before.end..words[run_start].start].trim() != "" {
        return false;
    }
    matches!(
        stopword(&text[before.start..before.end]),
        Some(StopKind::Title | StopKind::Honorific)
    )
}

/// "the National Mosque", "la Banque": an article right before a
/// capitalised run marks the name of a thing.
fn follows_article(text: &str, words: &[Word], run_start: usize) -> bool {
    let Some(before) = run_start.checked_sub(1).map(|i| words[i]) else {
        return false;
    };
    if text[before.end..words[run_start].start] != *" " {
        return false;
    }
    matches!(
        &text[before.start..before.end],
        "the" | "The" | "le" | "la" | "les" | "Le" | "La" | "Les" | "du" | "des" | "au" | "aux"
    )
}

/// "Kotoka International Airport": a run followed by a capitalised
/// organisation word names that organisation.
fn next_is_organisation_word(text: &str, words: &[Word], last: usize) -> bool {
    let Some(next) = words.get(last + 1) else {
        return false;
    };
    let surface = &text[next.start..next.end];
    text[words[last].end..next.start] == *" "
        && surface.starts_with(char::is_uppercase)
        && matches!(
            stopword(surface),
            Some(StopKind::Organisation | StopKind::Place)
        )
}

fn has_organisation_word(text: &str, run: &[Word]) -> bool {
    run.iter().any(|w| {
        matches!(
            stopword(&text[w.start..w.end]),
            Some(StopKind::Organisation | StopKind::Place)
        )
    })
}

/// A capitalised run right after "at", "in", "à", "au" names a place or a
/// building, not a person.
fn is_place_phrase(text: &str, sentence: &AnalysedSentence, start: usize) -> bool {
    // The phrases are short: the last few words before the run decide, and
    // the whole clause is read only when whitespace made them too few.
    let sentence_start = sentence.start;
    let from = text.floor_char_boundary(start.saturating_sub(48).max(sentence_start));
    let mut whole = from == sentence_start;
    let mut key = sentence.key_of(text, from, start);
    if !whole && key.trim_end().len() < 24 {
        key = sentence.key_of(text, sentence_start, start);
        whole = true;
    }
    let before = key.trim_end();
    [
        "at",
        "in",
        "a",
        "au",
        "aux",
        "en",
        "vers",
        "to",
        "from",
        "de l'hotel",
        "near",
        "pres de",
    ]
    .iter()
    .any(|p| {
        before
            .strip_suffix(p)
            .is_some_and(|rest| rest.ends_with(' ') || rest.is_empty() && whole)
    })
}

fn follows_honorific(text: &str, sentence_start: usize, start: usize) -> bool {
    let before = text[sentence_start..start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    matches!(stopword(last), Some(StopKind::Honorific))
}

/// A single capitalised word right after an office title ("le président
/// Tokayev", "President Ruto") is a surname.
fn titled_single(article: &Article, start: usize) -> bool {
    let line_start = article.text[..start].rfind('\n').map_or(0, |i| i + 1);
    // A title is a few words long: the end of the line before the name is
    // enough to find the one that ends there.
    let from = article
        .text
        .floor_char_boundary(start.saturating_sub(240).max(line_start));
    let before = article.key_of(from, start);
    let before = before.trim_end();
    cues::titles(article.lang)
        .find(before)
        .last()
        .is_some_and(|cue| cue.end == before.len())
}

/// The words of a name from its folded key.
fn name_words(key: &str) -> Vec<String> {
    key.split(|c: char| c.is_whitespace() || matches!(c, '-' | '.' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Two names are the same person when their last words agree and the shorter
/// one's words all occur in the longer one.
fn same_person(a: &[String], b: &[String]) -> bool {
    let last = |words: &[String]| {
        words
            .iter()
            .rev()
            .find(|w| !matches!(w.as_str(), "jr" | "sr"))
            .cloned()
    };
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if last(a) != last(b) {
        // "Mahamat Idriss Déby" is "Mahamat Idriss Déby Itno" cut short.
        return short.len() >= 2 && long.starts_with(short);
    }
    short.iter().all(|w| long.contains(w))
}

/// English headlines capitalise most words; names found there only count
/// when the body names them too.
fn is_headline_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    if words.len() < 3 {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised * 4 >= words.len() * 3
}

/// A role read from the text around one mention.
struct TitleReading {
    role: Role,
    country: Option<&'static str>,
}

fn assign_roles(article: &Article, entities: &mut [PersonEntity], mentions: &[PersonMention]) {
    for (index, mention) in mentions.iter().enumerate() {
        let entity = &entities[mention.entity];
        if entity.byline {
            continue;
        }
        if is_byline(article.text, mention.start) {
            let entity = &mut entities[mention.entity];
            entity.byline = true;
            entity.titled = true;
            entity.role = Role::Other;
            entity.country = None;
            continue;
        }
        let previous_end = index.checked_sub(1).map(|i| mentions[i].end).unwrap_or(0);
        let reading = read_title_before(article, previous_end, mention.start)
            .or_else(|| read_apposition(article, mention.end));
        let reading = match reading {
            Some(reading) => Some(reading),
            None => read_counterpart(article, entities, mentions, index)
                .or_else(|| read_coordination(article, entities, mentions, index)),
        };
        let nationality = adjacent_demonym(article, previous_end, mention.start);
        let entity = &mut entities[mention.entity];
        if let Some(reading) = reading {
            if !entity.titled {
                entity.role = reading.role;
                entity.titled = true;
            }
            if entity.country.is_none() {
                entity.country = reading.country;
            }
        }
        if entity.country.is_none() {
            entity.country = nationality;
        }
    }
}

/// "l'Ivoirien Franck Kessié", "la Kényane X", "Iranian director Jafar
/// Panahi": a demonym at most two words before a name gives the person's
/// nationality.
fn adjacent_demonym(article: &Article, previous_end: usize, start: usize) -> Option<&'static str> {
    let line_start = article.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let window_start = previous_end.max(line_start);
    let demonym = article
        .countries_in(window_start, start)
        .filter(|m| m.form == CountryForm::Demonym)
        .last()?;
    let between = &article.text[demonym.end..start];
    let words = between.split_whitespace().count();
    (words <= 2 && !between.contains([',', '.', ';', ':'])).then_some(demonym.iso3)
}

/// "les ministres des Affaires étrangères, X et Y": a name joined by "et"
/// or "and" to a titled name right before it shares its title.
fn read_coordination(
    article: &Article,
    entities: &[PersonEntity],
    mentions: &[PersonMention],
    index: usize,
) -> Option<TitleReading> {
    let previous = mentions[..index].last()?;
    let between = article.text.get(previous.end..mentions[index].start)?;
    if !matches!(between, " et " | " and " | ", ") {
        return None;
    }
    let other = &entities[previous.entity];
    (other.titled && !other.byline).then_some(TitleReading {
        role: other.role,
        country: None,
    })
}

fn is_byline(text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..start].trim();
    matches!(
        before,
        "Par" | "By" | "par" | "by" | "De" | "Photo :" | "Photo:" | "Crédit :"
    )
}

const PAST_MARKERS: &[&str] = &[
    "former", "ancien", "ancienne", "ex", "then", "alors", "late", "feu",
];

/// Reads the title phrase that ends right before a name.
fn read_title_before(article: &Article, previous_end: usize, start: usize) -> Option<TitleReading> {
    let sentence = &article.sentences[article.sentence_at(start)?];
    let window_start = sentence.start.max(previous_end);
    let window = &article.text[window_start..start];
    // Only the last clause before the name can title it.
    let clause_start = window
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | ';' | ':' | '«' | '"' | '“'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let window_start = window_start + clause_start;
    let window = &article.text[window_start..start];
    // The sentence is folded already: cut the window out of it.
    let folded = sentence
        .folded
        .slice(
            &article.text[sentence.start..sentence.end],
            window_start - sentence.start,
            start - sentence.start,
        )
        .unwrap_or_else(|| fold(window));
    let found = cues::titles(article.lang).find(&folded.key);
    let cue = found.last()?;
    // The title must be close: a portfolio and a country at most between it
    // and the name, no relative clause.
    let between = &folded.key[cue.end..];
    if between.split_whitespace().count() > 14 {
        return None;
    }
    if [" qui ", " who ", " que ", " that "]
        .iter()
        .any(|w| between.contains(w))
    {
        return None;
    }
    let mut role = refine_role(cue.label, &folded.key[cue.start..]);
    let before_cue = &folded.key[..cue.start];
    if ends_with_past_marker(before_cue) || is_elect(between) {
        role = Role::Other;
    }
    let (cue_start, _) = folded.source_span(cue.start, cue.end);
    let cue_at = window_start + cue_start;
    let country = nearest_country(article, window_start, start, cue_at);
    Some(TitleReading { role, country })
}

/// Reads an apposition right after a name: "X, ministre de ...".
fn read_apposition(article: &Article, end: usize) -> Option<TitleReading> {
    // Headlines join names with commas ("X, Turkish envoy eye ..."): no
    // apposition there.
    if end < article.body_start {
        return None;
    }
    let rest = &article.text[end..];
    let rest = rest
        .strip_prefix(", ")
        .or_else(|| rest.strip_prefix(" ("))?;
    let phrase_end = rest.find([',', '.', ';', ')', '\n']).unwrap_or(rest.len());
    let phrase_start = end + (article.text[end..].len() - rest.len());
    let key = article.key_of(phrase_start, phrase_start + phrase_end);
    let cue = cues::titles(article.lang).find(&key).into_iter().next()?;
    let lead = &key[..cue.start];
    if lead.split_whitespace().count() > 3 {
        return None;
    }
    let mut role = refine_role(cue.label, &key[cue.start..]);
    if ends_with_past_marker(lead) || is_elect(&key[cue.end..]) {
        role = Role::Other;
    }
    let country = article
        .countries_in(phrase_start, phrase_start + phrase_end)
        .next()
        .map(|m| m.iso3);
    Some(TitleReading { role, country })
}

/// "son homologue sénégalaise, X" / "his Kenyan counterpart X": the role of
/// the other person of the sentence, and the country of the phrase.
fn read_counterpart(
    article: &Article,
    entities: &[PersonEntity],
    mentions: &[PersonMention],
    index: usize,
) -> Option<TitleReading> {
    let mention = mentions[index];
    let sentence = &article.sentences[article.sentence_at(mention.start)?];
    let window_start = index
        .checked_sub(1)
        .map(|i| mentions[i].end)
        .unwrap_or(0)
        .max(sentence.start);
    let window = sentence.key_of(article.text, window_start, mention.start);
    if !(window.contains("homologue") || window.contains("counterpart")) {
        return None;
    }
    // The counterpart is the person named last before, in this sentence or
    // an earlier one, else the next one in the sentence.
    let other = mentions[..index]
        .iter()
        .rev()
        .find(|m| m.entity != mention.entity && !entities[m.entity].byline)
        .or_else(|| {
            mentions[index + 1..]
                .iter()
                .find(|m| m.end <= sentence.end && m.entity != mention.entity)
        })?;
    let other = &entities[other.entity];
    let country = article
        .countries_in(window_start, mention.start)
        .last()
        .map(|m| m.iso3);
    Some(TitleReading {
        role: if other.titled {
            other.role
        } else {
            Role::Other
        },
        country,
    })
}

/// "ministre de l'Intégration africaine et des Affaires étrangères": a
/// minister whose portfolio includes foreign affairs is the foreign minister.
fn refine_role(role: Role, from_cue: &str) -> Role {
    if role != Role::Minister {
        return role;
    }
    let portfolio: String = from_cue
        .split_whitespace()
        .take(9)
        .collect::<Vec<_>>()
        .join(" ");
    let foreign = [
        "affaires etrangeres",
        "foreign affairs",
        "external affairs",
        "relations exterieures",
        "affaires exterieures",
    ];
    if foreign.iter().any(|f| portfolio.contains(f)) {
        Role::ForeignMinister
    } else {
        role
    }
}

fn ends_with_past_marker(before_cue: &str) -> bool {
    let trimmed = before_cue.trim_end().trim_end_matches('-');
    let last = trimmed.rsplit([' ', '\'']).next().unwrap_or("");
    PAST_MARKERS.contains(&last)
}

fn is_elect(after_cue: &str) -> bool {
    let after = after_cue.trim_start();
    after.starts_with("-elect") || after.starts_with("elect") || after.starts_with("elu")
}

/// The country named in a title phrase: the mention nearest the title word,
/// preferring one right after it ("ministre kazakh", "ambassadeur du
/// Kazakhstan au Togo" gives Kazakhstan) over one before ("Kenyan President").
fn nearest_country(
    article: &Article,
    window_start: usize,
    name_start: usize,
    cue_at: usize,
) -> Option<&'static str> {
    // "Ambassador to Ghana", "ambassadeur ... au Tchad": the receiving
    // country, not the envoy's.
    let in_window: Vec<_> = article
        .countries_in(window_start, name_start)
        .filter(|m| !super::clause::is_locative(article, m.start) && !after_pres(article, m.start))
        .collect();
    if let Some(after) = in_window.iter().find(|m| m.start >= cue_at) {
        return Some(after.iso3);
    }
    in_window
        .iter()
        .rev()
        .find(|m| {
            matches!(m.form, CountryForm::Demonym | CountryForm::Name)
                && cue_at.saturating_sub(m.end) <= 16
        })
        .map(|m| m.iso3)
}

/// Receiving verbs, as the agent of a passive before the name ("reçu au
/// palais par le président X", "was received by President X") or as the
/// verb after it ("X a reçu", "X received").
static RECEIVED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:recue?s?|accueillie?s?|received|hosted|welcomed|greeted)(?-u:\b)[^.;:]{0,80}(?-u:\b)(?:par|by)(?-u:\b)[^.;:,]{0,60}$",
    )
    .expect("receiving pattern")
});
static RECEIVES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:a|avait|ont|has|had)?\s*(?:recu|recoit|accueilli|accueille|received|receives|hosted|hosts|welcomed|welcomes)(?-u:\b)",
    )
    .expect("receiving pattern")
});

/// Whether a mention names the person who receives a visitor.
fn receives(article: &Article, mention: &PersonMention) -> bool {
    let Some(sentence) = article
        .sentence_at(mention.start)
        .map(|i| &article.sentences[i])
    else {
        return false;
    };
    let from = article
        .text
        .floor_char_boundary(mention.start.saturating_sub(160).max(sentence.start));
    let before = sentence.key_of(article.text, from, mention.start);
    let to = article
        .text
        .floor_char_boundary((mention.end + 40).min(sentence.end));
    let after = sentence.key_of(article.text, mention.end, to);
    RECEIVED_BY.is_match(before.trim_end()) || RECEIVES.is_match(&after)
}

/// The country of the pair visited in the sentence of `at`: its first place
/// after a locative preposition ("à Dakar", "in Kenya"), else the
/// dateline's, else the first such place of the article's lead.
fn visited_country(article: &Article, at: usize, pair: &[&'static str]) -> Option<&'static str> {
    let sentence = &article.sentences[article.sentence_at(at)?];
    let located = |start: usize, end: usize| {
        let cities = article
            .cities_in(start, end)
            .filter(|c| super::clause::is_locative(article, c.start))
            .map(|c| (c.start, c.iso3));
        let countries = article
            .countries_in(start, end)
            .filter(|c| c.form != CountryForm::Demonym)
            .filter(|c| super::clause::is_locative(article, c.start))
            .map(|c| (c.start, c.iso3));
        cities
            .chain(countries)
            .filter(|(_, iso3)| pair.contains(iso3))
            .min_by_key(|(start, _)| *start)
            .map(|(_, iso3)| iso3)
    };
    located(sentence.start, sentence.end)
        .or_else(|| {
            article
                .dateline_city
                .map(|city| city.iso3)
                .filter(|iso3| pair.contains(iso3))
        })
        .or_else(|| {
            let lead = article
                .sentences
                .iter()
                .find(|s| s.end > article.body_start)?;
            located(lead.start, lead.end)
        })
}

/// "auprès du Bénin", "près le Bénin": the country an envoy is posted to.
fn after_pres(article: &Article, start: usize) -> bool {
    let line_start = article.text[..start].rfind('\n').map_or(0, |i| i + 1);
    // Three words back are enough, unless whitespace made them too few.
    let from = article
        .text
        .floor_char_boundary(start.saturating_sub(64).max(line_start));
    let mut head = article.key_of(from, start);
    if from > line_start && head.split_whitespace().count() < 5 {
        head = article.key_of(line_start, start);
    }
    let words: Vec<&str> = head.split_whitespace().rev().take(3).collect();
    words.iter().any(|w| *w == "pres" || *w == "aupres")
}

/// A person the text gives no country is, when their name is a current
/// head of state or of government's, that leader: the leader's country
/// outranks what inference would guess, not what the text states. Without
/// a title, the leader's office is the role when the article is dated after
/// the leader took office.
fn assign_leaders(article: &Article, entities: &mut [PersonEntity]) {
    let published = article.published.map(|date| date.to_string());
    for entity in entities.iter_mut() {
        if entity.byline || entity.country.is_some() {
            continue;
        }
        let leaders = leaders_named(&entity.words);
        let Some(first) = leaders.first() else {
            continue;
        };
        if leaders.iter().any(|l| l.iso3 != first.iso3) {
            continue;
        }
        entity.country = Some(first.iso3);
        if entity.titled || entity.role != Role::Other {
            continue;
        }
        let Some(published) = &published else {
            continue;
        };
        // A leader of both offices is named for the higher one.
        let office = [Role::HeadOfState, Role::HeadOfGovernment]
            .into_iter()
            .find(|&office| {
                leaders
                    .iter()
                    .any(|l| l.office == office && l.in_office_on(published))
            });
        if let Some(office) = office {
            entity.role = office;
            entity.titled = true;
        }
    }
}

/// Fills the country of titled persons the title phrase left without one:
/// from a later description with a demonym ("le chef de l'État ivoirien"),
/// from a counterpart of the same rank whose country is known, then from the
/// article's countries named around the person.
fn infer_countries(article: &Article, entities: &mut [PersonEntity], mentions: &[PersonMention]) {
    let governmental = |role: Role| role != Role::Other;
    // Descriptions: a title with a country and no name after it.
    for sentence in &article.sentences {
        for cue in cues::titles(article.lang).find(&sentence.folded.key) {
            let (cue_start, cue_end) = sentence.source(cue.start, cue.end);
            if mentions
                .iter()
                .any(|m| m.start >= cue_end && m.start <= cue_end + 3)
            {
                continue;
            }
            let tail_end = (cue_end + 24).min(sentence.end);
            let head_start = cue_start.saturating_sub(16).max(sentence.start);
            let country = article
                .countries_in(cue_end, tail_end)
                .find(|m| m.form == CountryForm::Demonym)
                .or_else(|| {
                    article
                        .countries_in(head_start, cue_start)
                        .filter(|m| m.form == CountryForm::Demonym)
                        .last()
                })
                .map(|m| m.iso3);
            let Some(country) = country else { continue };
            let holders: Vec<usize> = (0..entities.len())
                .filter(|&i| entities[i].titled && entities[i].role == cue.label)
                .collect();
            if holders
                .iter()
                .any(|&i| entities[i].country == Some(country))
            {
                continue;
            }
            let open: Vec<usize> = holders
                .into_iter()
                .filter(|&i| entities[i].country.is_none())
                .collect();
            if open.len() == 1 {
                entities[open[0]].country = Some(country);
            }
        }
    }
    // The persons' own countries are what is being inferred: rank the pair
    // on the countries named alone.
    let pair = super::clause::Subject::new(article, &[]).pair;
    // Counterparts: two holders of one rank in a bilateral article.
    for index in 0..entities.len() {
        let role = entities[index].role;
        if entities[index].country.is_some() || !entities[index].titled || !governmental(role) {
            continue;
        }
        let known: Vec<&'static str> = entities
            .iter()
            .filter(|e| e.role == role && e.titled)
            .filter_map(|e| e.country)
            .filter(|c| pair.contains(c))
            .collect();
        if known.len() == 1 && pair.len() == 2 {
            entities[index].country = pair.iter().copied().find(|c| *c != known[0]);
        }
    }
    // "reçu par le président X", "X received ...": who receives a visitor
    // belongs to the country visited.
    for (index, entity) in entities.iter_mut().enumerate() {
        if entity.country.is_some() || !entity.titled || !governmental(entity.role) {
            continue;
        }
        entity.country = mentions
            .iter()
            .filter(|m| m.entity == index && receives(article, m))
            .find_map(|m| visited_country(article, m.start, &pair));
    }
    // A title without a country in a datelined story names an official of
    // the dateline's country ("ABIDJAN – ... reçue par le président X").
    if let Some(dateline) = article
        .dateline_city
        .filter(|city| pair.contains(&city.iso3))
    {
        for index in 0..entities.len() {
            let role = entities[index].role;
            if entities[index].country.is_some() || !entities[index].titled || !governmental(role) {
                continue;
            }
            let taken = entities
                .iter()
                .any(|e| e.role == role && e.country == Some(dateline.iso3));
            if !taken {
                entities[index].country = Some(dateline.iso3);
            }
        }
    }
    // Countries named around the person's mentions.
    for (index, entity) in entities.iter_mut().enumerate() {
        if entity.country.is_some() || !entity.titled || !governmental(entity.role) {
            continue;
        }
        let mut best: Option<(usize, &'static str)> = None;
        for mention in mentions.iter().filter(|m| m.entity == index) {
            let Some(sentence) = article
                .sentence_at(mention.start)
                .map(|i| &article.sentences[i])
            else {
                continue;
            };
            for country in article.countries_in(sentence.start, sentence.end) {
                // "au Kazakhstan", "in Kenya": a destination, not a nationality.
                if super::clause::is_locative(article, country.start) {
                    continue;
                }
                let distance = if country.end <= mention.start {
                    mention.start - country.end
                } else {
                    country.start.saturating_sub(mention.end)
                };
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, country.iso3));
                }
            }
        }
        entity.country = best.map(|(_, code)| code);
    }
}
