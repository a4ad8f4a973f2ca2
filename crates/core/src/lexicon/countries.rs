//! The country gazetteer: names, demonyms and capitals of every country in
//! English and French, from the generated `lexicon/mul/countries.tsv` and
//! the hand-edited `countries-extra.tsv`, and the rules that tell a country
//! from a word that only looks like one.

// Keys are the lexicons' own words: a fast hash without flood protection.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::context;
use super::gazetteer::{
    Analysed, Gazetteer, all_capitals, leftmost_longest, match_key, starts_capitalized, tsv_lines,
};

const COUNTRIES_TSV: &str = include_str!("../../lexicon/mul/countries.tsv");
const COUNTRIES_EXTRA_TSV: &str = include_str!("../../lexicon/mul/countries-extra.tsv");

/// How a country is named in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountryForm {
    /// Its name: "Togo", "République démocratique du Congo", "U.S.".
    Name,
    /// A demonym or national adjective: "togolaise", "Kazakhs", and the
    /// combining forms of compounds ("franco-" in "franco-vietnamien").
    Demonym,
    /// Its capital, which may stand for its government ("Lomé et Astana").
    Capital,
}

/// A country named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryMention {
    /// Byte offset of the mention's start in the text.
    pub start: usize,
    /// Byte offset of the mention's end in the text.
    pub end: usize,
    /// The country's ISO 3166-1 alpha-3 code (XKX for Kosovo).
    pub iso3: &'static str,
    /// Whether it is named by name, demonym or capital.
    pub form: CountryForm,
}

/// The kind of a lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    Name,
    Demonym,
    Capital,
    /// A combining form of compounds ("franco-", "sino-"); it counts only
    /// before a hyphen and a national or continental adjective.
    Combining,
    /// A geographic or regional name that holds a country word without
    /// naming the country ("Indian Ocean", "Amérique latine").
    Geographic,
}

impl EntryKind {
    fn parse(kind: &str) -> Option<EntryKind> {
        Some(match kind {
            "name" => EntryKind::Name,
            "demonym" => EntryKind::Demonym,
            "capital" => EntryKind::Capital,
            "combining" => EntryKind::Combining,
            "geographic" => EntryKind::Geographic,
            _ => return None,
        })
    }
}

/// One reading of a pattern.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub iso3: &'static str,
    pub lang: &'static str,
    pub kind: EntryKind,
    /// The form is written in capitals in the lexicon ("US", "RDC"), so it
    /// matches only capitals in the text.
    pub acronym: bool,
    /// The entry comes from the hand-edited file, whose entries override
    /// the generated ones on a shared form.
    pub hand_added: bool,
    /// The form starts with a small letter ("île Maurice"), so only its
    /// later words must be capitalized in the text.
    pub starts_lower: bool,
}

/// One line of a country file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub iso3: &'static str,
    pub lang: &'static str,
    pub kind: EntryKind,
    pub form: &'static str,
    pub hand_added: bool,
}

/// The parsed country lexicon and its automaton.
pub(crate) struct CountryLexicon {
    pub entries: Vec<Entry>,
    /// Lines that could not be read, as "file:line: problem"; a test
    /// requires none.
    #[cfg_attr(not(test), allow(dead_code))]
    pub problems: Vec<String>,
    /// The distinct match keys; pattern `i` of the automaton is `keys[i]`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub keys: Vec<String>,
    /// The pattern index of each key.
    pub index_of_key: HashMap<String, usize>,
    /// The readings of each pattern, hand-added ones first.
    pub candidates: Vec<Vec<Candidate>>,
    gazetteer: Gazetteer,
}

pub(crate) static LEXICON: LazyLock<CountryLexicon> = LazyLock::new(|| {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    read_file(
        "countries-extra.tsv",
        COUNTRIES_EXTRA_TSV,
        true,
        &mut entries,
        &mut problems,
    );
    read_file(
        "countries.tsv",
        COUNTRIES_TSV,
        false,
        &mut entries,
        &mut problems,
    );

    let mut keys: Vec<String> = Vec::new();
    let mut index_of_key: HashMap<String, usize> = HashMap::default();
    let mut candidates: Vec<Vec<Candidate>> = Vec::new();
    for entry in &entries {
        let key = match_key(entry.form);
        if key.is_empty() {
            continue;
        }
        let index = *index_of_key.entry(key.clone()).or_insert_with(|| {
            keys.push(key);
            candidates.push(Vec::new());
            candidates.len() - 1
        });
        let letters = entry.form.chars().filter(|c| c.is_alphabetic()).count();
        let readings = &mut candidates[index];
        // A hand-added reading of a form replaces the generated readings.
        if !entry.hand_added && readings.iter().any(|c| c.hand_added) {
            continue;
        }
        readings.push(Candidate {
            iso3: entry.iso3,
            lang: entry.lang,
            kind: entry.kind,
            acronym: letters >= 2 && all_capitals(entry.form),
            hand_added: entry.hand_added,
            starts_lower: entry.form.starts_with(char::is_lowercase),
        });
    }
    let gazetteer = Gazetteer::new(&keys);
    CountryLexicon {
        entries,
        problems,
        keys,
        index_of_key,
        candidates,
        gazetteer,
    }
});

fn read_file(
    file: &str,
    text: &'static str,
    hand_added: bool,
    entries: &mut Vec<Entry>,
    problems: &mut Vec<String>,
) {
    for (line, fields) in tsv_lines(text, "iso3") {
        let [iso3, lang, kind, form, ..] = fields[..] else {
            problems.push(format!("{file}:{line}: expected at least 4 fields"));
            continue;
        };
        let Some(kind) = EntryKind::parse(kind) else {
            problems.push(format!("{file}:{line}: unknown kind `{kind}`"));
            continue;
        };
        if hand_added && fields.len() < 5 {
            problems.push(format!("{file}:{line}: a hand-added entry needs a reason"));
        }
        if form.is_empty() || !matches!(lang, "fr" | "en" | "mul") {
            problems.push(format!("{file}:{line}: empty form or unknown language"));
            continue;
        }
        entries.push(Entry {
            iso3,
            lang,
            kind,
            form,
            hand_added,
        });
    }
}

/// The country and form a match is read as; `None` for a geographic name,
/// which only hides the country words inside it.
type Reading = (&'static str, CountryForm);

/// Every country named in `text` by name, demonym or capital, as byte
/// spans of `text`, sorted and non-overlapping (leftmost-longest).
pub fn find_countries(text: &str) -> Vec<CountryMention> {
    countries_in(&Analysed::new(text))
}

/// The countries of an analysed text (see [`find_countries`]).
pub(crate) fn countries_in(analysed: &Analysed<'_>) -> Vec<CountryMention> {
    let lexicon = &*LEXICON;
    let raw = lexicon.gazetteer.whole_word_matches(&analysed.key);

    let mut accepted: Vec<(usize, usize, Option<Reading>)> = Vec::new();
    for hit in &raw {
        let source = analysed.source(hit.start, hit.end);
        let reading = lexicon.candidates[hit.pattern]
            .iter()
            .find(|candidate| reading_fits(candidate, source, analysed, hit.start, hit.end, &raw));
        let Some(candidate) = reading else {
            continue;
        };
        let mention = match candidate.kind {
            EntryKind::Geographic => None,
            EntryKind::Name => Some((candidate.iso3, CountryForm::Name)),
            EntryKind::Capital => Some((candidate.iso3, CountryForm::Capital)),
            EntryKind::Demonym | EntryKind::Combining => {
                Some((candidate.iso3, CountryForm::Demonym))
            }
        };
        accepted.push((hit.start, hit.end, mention));
    }

    leftmost_longest(accepted)
        .into_iter()
        .filter_map(|(key_start, key_end, mention)| {
            let (iso3, form) = mention?;
            let (start, end) = analysed.folded.source_span(key_start, key_end);
            Some(CountryMention {
                start,
                end,
                iso3,
                form,
            })
        })
        .collect()
}

/// Whether a reading of a match fits its source text and context.
fn reading_fits(
    candidate: &Candidate,
    source: &str,
    analysed: &Analysed<'_>,
    start: usize,
    end: usize,
    raw: &[super::gazetteer::RawMatch],
) -> bool {
    if candidate.acronym && !all_capitals(source) {
        return false;
    }
    match candidate.kind {
        // Names and capitals are proper nouns: "turkey" and "chad" in lower
        // case are not countries.
        EntryKind::Name => {
            let capitalized = if candidate.starts_lower {
                source.chars().any(char::is_uppercase)
            } else {
                starts_capitalized(source)
            };
            capitalized && !context::is_person_or_us_state(candidate, source, analysed, start, end)
        }
        // A capital inside a longer proper name ("Washington Post", "Queen
        // Victoria Hospital") is not the seat of a government.
        EntryKind::Capital => {
            starts_capitalized(source) && !context::capital_in_longer_name(analysed, start, end)
        }
        // English demonyms are capitalized; French ones are adjectives and
        // nouns, lower-case or not. Neither counts as a language name.
        EntryKind::Demonym => {
            (candidate.lang != "en" || starts_capitalized(source))
                && !context::is_language(analysed, start, end)
        }
        EntryKind::Combining => context::combines(analysed, end, raw),
        EntryKind::Geographic => true,
    }
}

/// The English name of a country ("Togo", "Ivory Coast").
pub fn country_name_en(iso3: &str) -> Option<&'static str> {
    first_form(iso3, EntryKind::Name)
}

/// The English name of a country's (first) capital ("Lomé", "Washington").
pub fn capital_of(iso3: &str) -> Option<&'static str> {
    first_form(iso3, EntryKind::Capital)
}

fn first_form(iso3: &str, kind: EntryKind) -> Option<&'static str> {
    LEXICON
        .entries
        .iter()
        .filter(|entry| !entry.hand_added)
        .find(|entry| entry.iso3 == iso3 && entry.lang == "en" && entry.kind == kind)
        .map(|entry| entry.form)
}

/// The codes of every country in the lexicon, each once, sorted.
pub fn all_country_codes() -> impl Iterator<Item = &'static str> {
    static CODES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut codes: Vec<&'static str> = LEXICON
            .entries
            .iter()
            .filter(|entry| !entry.hand_added)
            .map(|entry| entry.iso3)
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    });
    CODES.iter().copied()
}
