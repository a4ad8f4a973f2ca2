//! General rules that read the words around a country match: a first name
//! ("Jordan Bardella"), the US state of Georgia ("Atlanta, Georgia"), a
//! language rather than a people ("en français", "in French"), and the
//! combining forms of compounds ("franco-vietnamien").

use super::countries::{Candidate, EntryKind, LEXICON};
use super::gazetteer::{Analysed, RawMatch};

/// Country names that are also first names ("Israel" folds "Israël" too).
const FIRST_NAME_COUNTRIES: &[&str] = &["jordan", "chad", "georgia", "israel", "india", "maurice"];

/// Capitalized words that, after a country name, continue it as a state,
/// its institutions or its places, not as a person's surname.
const STATE_NOUNS: &[&str] = &[
    "king",
    "queen",
    "crown",
    "prince",
    "princess",
    "emir",
    "sultan",
    "president",
    "prime",
    "premier",
    "minister",
    "ministry",
    "ministries",
    "government",
    "foreign",
    "embassy",
    "ambassador",
    "consulate",
    "parliament",
    "senate",
    "cabinet",
    "army",
    "armed",
    "defense",
    "defence",
    "forces",
    "police",
    "navy",
    "national",
    "central",
    "state",
    "republic",
    "kingdom",
    "airways",
    "airlines",
    "valley",
    "river",
    "basin",
    "lake",
    "border",
    "and",
    "or",
    "on",
    "in",
    "at",
    "to",
    "for",
    "with",
    "from",
    "of",
    "by",
    "as",
    "is",
    "was",
    "has",
    "had",
    "will",
    "would",
    "said",
    "says",
    "the",
    "a",
    "an",
];

/// Capitalized words that start sentences or titles rather than names.
const SENTENCE_WORDS: &[&str] = &[
    "the",
    "in",
    "to",
    "from",
    "and",
    "of",
    "for",
    "with",
    "by",
    "at",
    "on",
    "as",
    "but",
    "visit",
    "visits",
    "visiting",
    "both",
    "while",
    "when",
    "after",
    "before",
    "since",
    "between",
    "like",
    "neighbouring",
    "neighboring",
    "southern",
    "northern",
    "eastern",
    "western",
    "central",
];

/// After "Georgia", words that make it the US state.
const US_STATE_FOLLOWERS: &[&str] = &[
    ", u.s",
    ", us",
    ", usa",
    ", united states",
    ", etats unis",
    " (u.s",
    " (us)",
    " (usa)",
    " (etats unis",
    " state",
    " governor",
    " senator",
    " senate",
    " republican",
    " democrat",
    " legislature",
    " county",
    " counties",
    " tech",
    " bulldogs",
];

/// Before "Georgia", words that make it the US state.
const US_STATE_LEADERS: &[&str] = &[
    "state of ",
    "etat de ",
    "etat americain de ",
    "university of ",
    "universite de ",
];

/// Whether a name or capital match is in fact a person's first name or
/// surname, or the US state of Georgia.
pub(crate) fn is_person_or_us_state(
    candidate: &Candidate,
    source: &str,
    analysed: &Analysed<'_>,
    start: usize,
    end: usize,
) -> bool {
    if candidate.kind != EntryKind::Name {
        return false;
    }
    let key = &analysed.key[start..end];
    if (key == "georgia" || key == "georgie") && is_us_state(analysed, start, end) {
        return true;
    }
    FIRST_NAME_COUNTRIES.contains(&key) && is_person(source, analysed, start, end)
}

/// Whether "Georgia" at `start..end` is the US state.
fn is_us_state(analysed: &Analysed<'_>, start: usize, end: usize) -> bool {
    let after = &analysed.key[end..];
    if US_STATE_FOLLOWERS
        .iter()
        .any(|word| after.starts_with(word))
    {
        return true;
    }
    let before = &analysed.key[..start];
    if US_STATE_LEADERS.iter().any(|word| before.ends_with(word)) {
        return true;
    }
    // "Atlanta, Georgia": a US city, a comma, then the name.
    before.ends_with(", ") && super::cities::us_city_ends_at(analysed, start - 2)
}

/// Whether a name at `start..end` stands in a person's name: followed by a
/// capitalized surname-looking word ("Jordan Bardella", "Chad Johnson") or
/// preceded by a capitalized first name ("Michael Jordan").
fn is_person(source: &str, analysed: &Analysed<'_>, start: usize, end: usize) -> bool {
    // In a line of capitals nothing can be told from case.
    if source.chars().all(|c| !c.is_lowercase()) && source.chars().count() > 1 {
        return false;
    }
    if let Some(next) = next_word(analysed, end)
        && is_titlecase(analysed.source(next.0, next.1))
    {
        let word = &analysed.key[next.0..next.1];
        let names_country = LEXICON.index_of_key.contains_key(word);
        if !STATE_NOUNS.contains(&word) && !names_country {
            return true;
        }
    }
    if let Some(previous) = previous_word(analysed, start)
        && is_titlecase(analysed.source(previous.0, previous.1))
    {
        let word = &analysed.key[previous.0..previous.1];
        if !SENTENCE_WORDS.contains(&word) && !STATE_NOUNS.contains(&word) {
            return true;
        }
    }
    false
}

/// Words before a demonym that make it the name of a language.
const FRENCH_LANGUAGE_LEADERS: &[&str] = &[
    "en", "parle", "parlent", "parler", "parlant", "parlons", "parlez", "langue", "langues",
];
const ENGLISH_LANGUAGE_LEADERS: &[&str] = &[
    "in", "into", "speak", "speaks", "speaking", "spoke", "spoken", "from",
];
/// Words after a demonym that make it the name of a language.
const LANGUAGE_FOLLOWERS: &[&str] = &[
    " language",
    " speaking",
    " speaker",
    " speakers",
    " translation",
    " subtitles",
];
/// Words that join two language names.
const COORDINATORS: &[&str] = &["and", "or", "et", "ou"];
/// Common language names, folded, that may stand first in a pair of
/// languages ("Arabic and French").
const LANGUAGE_NAMES: &[&str] = &[
    "arabic",
    "english",
    "french",
    "spanish",
    "portuguese",
    "russian",
    "chinese",
    "mandarin",
    "german",
    "italian",
    "japanese",
    "korean",
    "turkish",
    "persian",
    "farsi",
    "hindi",
    "urdu",
    "swahili",
    "hausa",
    "wolof",
    "dutch",
    "arabe",
    "anglais",
    "francais",
    "espagnol",
    "portugais",
    "russe",
    "chinois",
    "allemand",
    "italien",
    "japonais",
    "coreen",
    "turc",
    "persan",
    "ourdou",
    "neerlandais",
];

/// Words that may follow a language name after "in" ("in French and ...").
const JOINING_WORDS: &[&str] = &[
    "and", "or", "with", "by", "to", "for", "at", "on", "as", "is", "was", "but", "than", "the",
    "a", "an", "et", "ou",
];

/// Whether the demonym at `start..end` names a language: "en français",
/// "parle anglais", "langue arabe", "in French", "speaks English",
/// "French-speaking", "the Chinese language".
pub(crate) fn is_language(analysed: &Analysed<'_>, start: usize, end: usize) -> bool {
    let after = &analysed.key[end..];
    if LANGUAGE_FOLLOWERS
        .iter()
        .any(|word| after.starts_with(word))
    {
        return true;
    }
    let Some(previous) = previous_word(analysed, start) else {
        return false;
    };
    // The previous word must be next to the demonym, not across a hyphen.
    if analysed.byte_before(start) == Some(b'-') {
        return false;
    }
    let mut leader = &analysed.key[previous.0..previous.1];
    // "speaks Arabic and French", "parle arabe et français": a language
    // name joined to one that a leader governs is a language too.
    if COORDINATORS.contains(&leader)
        && let Some(language) = previous_word(analysed, previous.0)
        && LANGUAGE_NAMES.contains(&&analysed.key[language.0..language.1])
        && let Some(before) = previous_word(analysed, language.0)
    {
        leader = &analysed.key[before.0..before.1];
    }
    if FRENCH_LANGUAGE_LEADERS.contains(&leader) {
        return true;
    }
    if ENGLISH_LANGUAGE_LEADERS.contains(&leader) {
        // "in French territory" uses the adjective: a lower-case noun follows.
        return match next_word(analysed, end) {
            None => true,
            Some(next) => {
                let word = &analysed.key[next.0..next.1];
                JOINING_WORDS.contains(&word)
                    || !analysed
                        .source(next.0, next.1)
                        .starts_with(char::is_lowercase)
            }
        };
    }
    false
}

/// Adjectives of continents and regions that a combining form may join.
const REGIONAL_ADJECTIVES: &[&str] = &[
    "africain",
    "africaine",
    "africains",
    "africaines",
    "african",
    "arabe",
    "arabes",
    "arab",
    "europeen",
    "europeenne",
    "europeens",
    "europeennes",
    "european",
    "asiatique",
    "asiatiques",
    "asian",
    "latino",
    "maghrebin",
    "maghrebine",
    "maghrebins",
    "maghrebines",
];

/// Whether a combining form ending at `end` joins a hyphen and a national
/// or regional adjective ("franco-vietnamien", "sino-africain"), so that it
/// names its country; "Indo-Pacific" and "anglo-saxon" do not.
pub(crate) fn combines(analysed: &Analysed<'_>, end: usize, raw: &[RawMatch]) -> bool {
    if analysed.byte_at(end) != Some(b'-') {
        return false;
    }
    let next_start = end + 1;
    let joins_country = raw.iter().any(|hit| {
        hit.start == next_start
            && LEXICON.candidates[hit.pattern]
                .iter()
                .any(|c| matches!(c.kind, EntryKind::Demonym | EntryKind::Combining))
    });
    if joins_country {
        return true;
    }
    next_word(analysed, end).is_some_and(|(word_start, word_end)| {
        word_start == next_start
            && REGIONAL_ADJECTIVES.contains(&&analysed.key[word_start..word_end])
    })
}

/// The key range of the word after `end`, across spaces and hyphens only.
fn next_word(analysed: &Analysed<'_>, end: usize) -> Option<(usize, usize)> {
    let key = &analysed.key;
    let rest = &key[end..];
    let skipped = rest.len() - rest.trim_start_matches([' ']).len();
    if skipped == 0 && analysed.byte_at(end) != Some(b'-') {
        return None;
    }
    let word_start = end + skipped;
    let word_len = key[word_start..]
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(key.len() - word_start);
    (word_len > 0).then_some((word_start, word_start + word_len))
}

/// The key range of the word before `start`, across one space.
fn previous_word(analysed: &Analysed<'_>, start: usize) -> Option<(usize, usize)> {
    let key = &analysed.key;
    let before = key[..start].strip_suffix(' ')?;
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (word_start < before.len()).then_some((word_start, before.len()))
}

/// Whether a word is written with a capital then small letters ("Bardella").
fn is_titlecase(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Honorifics that put a person's name after them.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sir", "lord", "m", "mme", "mlle", "me",
];

/// Whether a capital at `start..end` is part of a longer proper name, as
/// [`in_longer_name`] tells, unless the next word continues it as the seat
/// of government ("Abu Dhabi Crown Prince", "Beijing Government").
pub(crate) fn capital_in_longer_name(analysed: &Analysed<'_>, start: usize, end: usize) -> bool {
    if !in_longer_name(analysed, start, end) {
        return false;
    }
    let continues_state = next_word(analysed, end).is_some_and(|(word_start, word_end)| {
        STATE_NOUNS.contains(&&analysed.key[word_start..word_end])
    });
    !continues_state
}

/// Whether a city match at `start..end` is part of a longer proper name:
/// followed, after a space, by a capitalized word ("Washington Post",
/// "Paris Hilton"), or preceded by an honorific ("Mr Jackson").
pub(crate) fn in_longer_name(analysed: &Analysed<'_>, start: usize, end: usize) -> bool {
    let source = analysed.source(start, end);
    if source.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    if analysed.byte_at(end) == Some(b' ')
        && let Some(next) = next_word(analysed, end)
        && is_titlecase(analysed.source(next.0, next.1))
    {
        return true;
    }
    let before = analysed.key[..start].trim_end_matches(' ');
    let before = before.strip_suffix('.').unwrap_or(before);
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    word_start < before.len() && before.len() < start && HONORIFICS.contains(&&before[word_start..])
}
