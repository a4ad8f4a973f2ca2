//! The city gazetteer: cities of the generated `lexicon/mul/cities.tsv`
//! (GeoNames) and the hand-edited `cities-extra.tsv`, found in text under
//! their English names and their exonyms ("Pékin" is Beijing).

// Keys are the lexicons' own words: a fast hash without flood protection.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::countries::EntryKind;
use super::gazetteer::{
    Analysed, Gazetteer, RawMatch, leftmost_longest, match_key, starts_capitalized, tsv_lines,
};

const CITIES_TSV: &str = include_str!("../../lexicon/mul/cities.tsv");
const CITIES_EXTRA_TSV: &str = include_str!("../../lexicon/mul/cities-extra.tsv");

/// The name of a hand-added entry that blocks a form: a common word that
/// GeoNames lists as a city's alternate name ("Seul" for Seoul).
const BLOCKED: &str = "-";

/// A city named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CityMention {
    /// Byte offset of the mention's start in the text.
    pub start: usize,
    /// Byte offset of the mention's end in the text.
    pub end: usize,
    /// The city's English (GeoNames) name: "Beijing", "Lomé".
    pub name: &'static str,
    /// The ISO3 code of the state the city lies in.
    pub iso3: &'static str,
}

/// One line of a city file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CityEntry {
    pub form: &'static str,
    pub name: &'static str,
    pub iso3: &'static str,
    pub population: u64,
}

/// The parsed city lexicon and its automaton.
pub(crate) struct CityLexicon {
    pub entries: Vec<CityEntry>,
    /// Lines that could not be read, as "file:line: problem"; a test
    /// requires none.
    #[cfg_attr(not(test), allow(dead_code))]
    pub problems: Vec<String>,
    /// For pattern `i`, the index of its entry.
    pattern_entries: Vec<usize>,
    /// The entry of each folded city name.
    by_name: HashMap<String, usize>,
    /// The entry of each match key, capital forms of the countries included.
    by_key: HashMap<String, usize>,
    gazetteer: Gazetteer,
}

pub(crate) static LEXICON: LazyLock<CityLexicon> = LazyLock::new(|| {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (file, text) in [
        ("cities-extra.tsv", CITIES_EXTRA_TSV),
        ("cities.tsv", CITIES_TSV),
    ] {
        for (line, fields) in tsv_lines(text, "form") {
            let [form, name, iso3, population, ..] = fields[..] else {
                problems.push(format!("{file}:{line}: expected at least 4 fields"));
                continue;
            };
            let Ok(population) = population.parse::<u64>() else {
                problems.push(format!("{file}:{line}: the population is not a number"));
                continue;
            };
            entries.push(CityEntry {
                form,
                name,
                iso3,
                population,
            });
        }
    }

    // The first entry of a key wins: hand-added ones come first, and the
    // generator already gave each shared form to one city.
    let mut keys = Vec::new();
    let mut pattern_entries = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::default();
    let mut by_name: HashMap<String, usize> = HashMap::default();
    for (index, entry) in entries.iter().enumerate() {
        // A name that several cities bear goes to the most populous.
        by_name
            .entry(match_key(entry.name))
            .and_modify(|best| {
                if entries[*best].population < entry.population {
                    *best = index;
                }
            })
            .or_insert(index);
        let key = match_key(entry.form);
        if key.is_empty() || seen.contains_key(&key) {
            continue;
        }
        seen.insert(key.clone(), index);
        keys.push(key);
        pattern_entries.push(index);
    }

    // Every capital form of the country lexicon ("Abou Dhabi", "Le Caire")
    // is a form of the capital city, when the country's generated English
    // capitals name a single city (not South Africa's three).
    let country_lexicon = &*super::countries::LEXICON;
    let mut capital_cities: HashMap<&str, Vec<usize>> = HashMap::default();
    for entry in &country_lexicon.entries {
        if entry.kind == EntryKind::Capital
            && entry.lang == "en"
            && !entry.hand_added
            && let Some(&city) = by_name.get(&match_key(entry.form))
        {
            let cities = capital_cities.entry(entry.iso3).or_default();
            if !cities.contains(&city) {
                cities.push(city);
            }
        }
    }
    for entry in &country_lexicon.entries {
        let key = match_key(entry.form);
        if entry.kind != EntryKind::Capital || key.is_empty() || seen.contains_key(&key) {
            continue;
        }
        let Some(&[city]) = capital_cities.get(entry.iso3).map(Vec::as_slice) else {
            continue;
        };
        seen.insert(key.clone(), city);
        keys.push(key);
        pattern_entries.push(city);
    }

    let gazetteer = Gazetteer::new_anchored(&keys);
    CityLexicon {
        entries,
        problems,
        pattern_entries,
        by_name,
        by_key: seen,
        gazetteer,
    }
});

/// Every city named in `text`, as byte spans of `text`, sorted and
/// non-overlapping (leftmost-longest). City names are proper nouns, so a
/// match must start with a capital letter; a city name inside a longer
/// proper name ("Washington Post", "Mr Jackson") is not a city.
pub fn find_cities(text: &str) -> Vec<CityMention> {
    cities_in(&Analysed::new(text))
}

/// The cities of an analysed text (see [`find_cities`]).
pub(crate) fn cities_in(analysed: &Analysed<'_>) -> Vec<CityMention> {
    find_in(analysed)
        .into_iter()
        .map(|(key_start, key_end, entry)| {
            let (start, end) = analysed.folded.source_span(key_start, key_end);
            CityMention {
                start,
                end,
                name: entry.name,
                iso3: entry.iso3,
            }
        })
        .collect()
}

fn find_in(analysed: &Analysed<'_>) -> Vec<(usize, usize, &'static CityEntry)> {
    let raw = LEXICON
        .gazetteer
        .whole_word_matches_at(&analysed.key, capitalised_starts(analysed));
    accept(analysed, raw)
}

/// The cities among raw gazetteer matches: capitalised, not inside a longer
/// proper name, leftmost-longest, blocked forms left out.
fn accept(analysed: &Analysed<'_>, raw: Vec<RawMatch>) -> Vec<(usize, usize, &'static CityEntry)> {
    let lexicon = &*LEXICON;
    let accepted = raw
        .into_iter()
        .filter(|hit| starts_capitalized(analysed.source(hit.start, hit.end)))
        .filter(|hit| !super::context::in_longer_name(analysed, hit.start, hit.end))
        .map(|hit| {
            let entry = &lexicon.entries[lexicon.pattern_entries[hit.pattern]];
            (hit.start, hit.end, entry)
        })
        .collect();
    leftmost_longest(accepted)
        .into_iter()
        .filter(|(_, _, entry)| entry.name != BLOCKED)
        .collect()
}

/// The key offsets where a city name may start: those whose source
/// character is a capital (a city name is a proper noun, and the first
/// letter of its source decides) or is not a letter at all, and that start
/// some key of the gazetteer. The others cannot start an accepted match, so
/// only these are searched.
fn capitalised_starts<'a>(analysed: &'a Analysed<'_>) -> impl Iterator<Item = usize> + 'a {
    let gazetteer = &LEXICON.gazetteer;
    let bytes = analysed.key.as_bytes();
    let mut previous_alphanumeric = false;
    (0..bytes.len()).filter(move |&offset| {
        let byte = bytes[offset];
        // Inside an ASCII word: no whole-word match starts here.
        let alphanumeric = byte.is_ascii_alphanumeric();
        let inside_word = alphanumeric && previous_alphanumeric;
        previous_alphanumeric = alphanumeric;
        !inside_word
            && gazetteer.starts_some_key(byte)
            && analysed.key.is_char_boundary(offset)
            && source_may_open_name(analysed.text, analysed.folded.source_offset(offset))
    })
}

/// Whether the source character at `offset` is a capital or no letter.
fn source_may_open_name(text: &str, offset: usize) -> bool {
    match text.as_bytes().get(offset) {
        None => true,
        Some(byte) if byte.is_ascii() => !byte.is_ascii_lowercase(),
        Some(_) => text[offset..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphabetic() || c.is_uppercase()),
    }
}

/// Whether a US city's name ends at key offset `key_end` ("Atlanta" in
/// "Atlanta, Georgia").
pub(crate) fn us_city_ends_at(analysed: &Analysed<'_>, key_end: usize) -> bool {
    let lexicon = &*LEXICON;
    let mut window_start = key_end.saturating_sub(40);
    while !analysed.key.is_char_boundary(window_start) {
        window_start -= 1;
    }
    let window = &analysed.key[window_start..key_end];
    lexicon
        .gazetteer
        .whole_word_matches(window)
        .iter()
        .any(|hit| {
            hit.end == window.len()
                && lexicon.entries[lexicon.pattern_entries[hit.pattern]].iso3 == "USA"
                && starts_capitalized(analysed.source(window_start + hit.start, key_end))
        })
}

/// The ISO3 code of the state a city lies in, by its name or any of its
/// forms ("Lomé", "Pékin").
pub fn country_of_city(name: &str) -> Option<&'static str> {
    let lexicon = &*LEXICON;
    let key = match_key(name);
    if let Some(&index) = lexicon.by_name.get(&key)
        && lexicon.entries[index].name != BLOCKED
    {
        return Some(lexicon.entries[index].iso3);
    }
    lexicon
        .by_key
        .get(&key)
        .map(|&index| &lexicon.entries[index])
        .filter(|entry| entry.name != BLOCKED)
        .map(|entry| entry.iso3)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `find_in` found when it searched the whole text.
    fn find_in_whole_text(analysed: &Analysed<'_>) -> Vec<(usize, usize, &'static CityEntry)> {
        accept(
            analysed,
            LEXICON.gazetteer.whole_word_matches(&analysed.key),
        )
    }

    #[test]
    fn searching_capitalised_starts_finds_what_the_whole_text_search_found() {
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
        let mut texts: Vec<String> = std::fs::read_dir(examples)
            .unwrap()
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .collect();
        texts.extend(
            [
                "À PARIS, à Lomé, à lomé, 's-Hertogenbosch et Saint-Louis-du-Sénégal.",
                "NEW YORK — Washington Post, Ñuuk, ÑUUK, Œil-de-Bœuf, 1Paris, l'Italie.",
                "Kyïv, Кишинёв, Αθήνα, São Paulo, SÃO PAULO, d'Abidjan, N'Djamena.",
            ]
            .map(str::to_string),
        );
        for text in &texts {
            let analysed = Analysed::new(text);
            let found: Vec<(usize, usize, &str)> = find_in(&analysed)
                .into_iter()
                .map(|(start, end, entry)| (start, end, entry.name))
                .collect();
            let expected: Vec<(usize, usize, &str)> = find_in_whole_text(&analysed)
                .into_iter()
                .map(|(start, end, entry)| (start, end, entry.name))
                .collect();
            assert_eq!(found, expected, "{text}");
        }
    }
}
