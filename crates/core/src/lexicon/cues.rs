//! Hand-written cue lexicons: office titles and the role they give, and the
//! words that name a sector of cooperation, in each language. Keys are folded
//! (lower case, no accents); a final `*` accepts any word ending, and in a
//! cue without `*` a `?` makes the character before it optional.
//!
//! A set matches as the regex `\b(?:cue|cue|...)\b` with its alternatives
//! longest first would, leftmost-first, but without a regex: an Aho-Corasick
//! automaton finds every literal cue at once and the word boundaries are
//! checked by hand. The regex spent most of the extraction time building lazy
//! DFA states for the Unicode `\w*` of the prefix cues.

// Keys are the lexicons' own words: a fast hash without flood protection.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use regex::Regex;

use crate::model::{Role, Sector};
use crate::text::Lang;

/// A set of cue phrases, each with a label, matched as whole words in folded text.
#[derive(Debug)]
pub struct CueSet<T: Copy> {
    /// Every literal spelling of every cue (a cue with `?` has several).
    literals: AhoCorasick,
    /// For each literal, the cues it spells: their priority (the rank of
    /// their alternative in the equivalent regex) and whether a word ending
    /// may follow.
    spellings: Vec<Vec<Spelling>>,
    exact: HashMap<String, T>,
    /// Prefixes of `*` cues, longest first.
    prefixes: Vec<(String, T)>,
}

/// One way a cue is spelled out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spelling {
    /// Lower priorities win at the same start, as earlier alternatives of a
    /// leftmost-first regex do: the rank of the cue, then the rank of the
    /// spelling among those of the cue.
    priority: (usize, usize),
    /// Whether the cue ended in `*`, so that word characters may follow.
    open_ended: bool,
}

/// One cue found in folded text: a byte range of the folded key and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch<T> {
    pub start: usize,
    pub end: usize,
    pub label: T,
}

impl<T: Copy> CueSet<T> {
    /// Builds a set from `(cue, label)` pairs.
    pub fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut exact = HashMap::default();
        let mut prefixes = Vec::new();
        // Each cue with the length of its alternative in the equivalent
        // regex, which orders the alternatives.
        let mut cues = Vec::new();
        for (cue, label) in entries {
            if let Some(prefix) = cue.strip_suffix('*') {
                let regex_len = regex::escape(prefix).len() + "\\w*".len();
                cues.push((prefix.to_string(), true, regex_len));
                prefixes.push((prefix.to_string(), label));
            } else {
                let regex_len = regex::escape(&cue).replace("\\?", "?").len();
                cues.push((cue.clone(), false, regex_len));
                exact.insert(cue, label);
            }
        }
        // Longer alternatives first, so that at one position the longest cue
        // wins; the sort is stable, so equal lengths keep the lexicon's order.
        cues.sort_by_key(|&(_, _, regex_len)| std::cmp::Reverse(regex_len));
        prefixes.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
        let mut literal_ids: HashMap<String, usize> = HashMap::default();
        let mut literals = Vec::new();
        let mut spellings: Vec<Vec<Spelling>> = Vec::new();
        for (rank, (cue, open_ended, _)) in cues.iter().enumerate() {
            // In a `*` cue a `?` is a plain character, as it was in the
            // regex this set replaces.
            let literals_of_cue = if *open_ended {
                vec![cue.clone()]
            } else {
                spell_out(cue)
            };
            for (spelling_rank, literal) in literals_of_cue.into_iter().enumerate() {
                let id = *literal_ids.entry(literal.clone()).or_insert_with(|| {
                    literals.push(literal);
                    spellings.push(Vec::new());
                    spellings.len() - 1
                });
                spellings[id].push(Spelling {
                    priority: (rank, spelling_rank),
                    open_ended: *open_ended,
                });
            }
        }
        // A few hundred short literals are far below the automaton's limits.
        // A full DFA: the sets are a few thousand states, and every article
        // runs them over each sentence.
        let literals = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .build(&literals)
            .expect("cue literals build an automaton");
        CueSet {
            literals,
            spellings,
            exact,
            prefixes,
        }
    }

    /// Parses a TSV lexicon whose second column is parsed by `label`.
    pub fn from_tsv(tsv: &str, label: impl Fn(&str) -> Option<T>) -> Self {
        let entries = tsv
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let (cue, value) = line.split_once('\t')?;
                Some((crate::text::fold(cue.trim()).key, label(value.trim())?))
            });
        CueSet::new(entries)
    }

    /// Every cue in `folded`, left to right, without overlaps.
    pub fn find(&self, folded: &str) -> Vec<CueMatch<T>> {
        self.matches(folded)
            .into_iter()
            .filter_map(|(start, end)| {
                let label = self.label_of(&folded[start..end])?;
                Some(CueMatch { start, end, label })
            })
            .collect()
    }

    /// Whether any cue occurs in `folded`.
    pub fn is_match(&self, folded: &str) -> bool {
        !self.matches(folded).is_empty()
    }

    /// The byte ranges that `\b(?:cue|...)\b` would match, left to right:
    /// at the leftmost start where some cue fits between word boundaries, the
    /// cue of highest priority, then the same from the end of that match.
    fn matches(&self, folded: &str) -> Vec<(usize, usize)> {
        // Every candidate as (start, priority, end of the whole match).
        let mut candidates = Vec::new();
        for found in self.literals.find_overlapping_iter(folded) {
            let (start, literal_end) = (found.start(), found.end());
            if !is_word_boundary(folded, start) {
                continue;
            }
            for spelling in &self.spellings[found.pattern().as_usize()] {
                let end = if spelling.open_ended {
                    word_run_end(folded, literal_end)
                } else {
                    literal_end
                };
                if is_word_boundary(folded, end) {
                    candidates.push((start, spelling.priority, end));
                }
            }
        }
        candidates.sort_unstable();
        let mut matches = Vec::new();
        let mut next_start = 0;
        for (start, _, end) in candidates {
            if start >= next_start {
                matches.push((start, end));
                next_start = end;
            }
        }
        matches
    }

    fn label_of(&self, matched: &str) -> Option<T> {
        if let Some(label) = self.exact.get(matched) {
            return Some(*label);
        }
        self.prefixes
            .iter()
            .find(|(prefix, _)| matched.starts_with(prefix.as_str()))
            .map(|(_, label)| *label)
    }
}

/// The literal spellings of a cue in which each `?` makes the character
/// before it optional, in the order a greedy regex tries them: with the
/// character before without it, the leftmost `?` deciding first.
fn spell_out(cue: &str) -> Vec<String> {
    let mut spellings = vec![String::new()];
    let mut chars = cue.chars().peekable();
    while let Some(c) = chars.next() {
        if chars.peek() == Some(&'?') {
            chars.next();
            spellings = spellings
                .into_iter()
                .flat_map(|spelling| {
                    let mut with = spelling.clone();
                    with.push(c);
                    [with, spelling]
                })
                .collect();
        } else {
            for spelling in &mut spellings {
                spelling.push(c);
            }
        }
    }
    spellings
}

/// Whether a regex `\w` matches `c`: a letter, a mark, a decimal digit or a
/// connector such as `_`. Folded text is nearly all ASCII; the rest asks the
/// regex crate itself, so the definition is exactly the regex's.
fn is_word_char(c: char) -> bool {
    static UNICODE_WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\w").expect("\\w is a valid regex"));
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        UNICODE_WORD.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// Whether a regex `\b` holds at byte `at` of `text`: a word character on
/// exactly one side of it.
fn is_word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back().is_some_and(is_word_char);
    let after = text[at..].chars().next().is_some_and(is_word_char);
    before != after
}

/// The end of the run of word characters that starts at byte `at`.
fn word_run_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(offset, _)| at + offset)
}

static TITLES_FR: LazyLock<CueSet<Role>> =
    LazyLock::new(|| CueSet::from_tsv(include_str!("../../lexicon/fr/titles.tsv"), Role::parse));
static TITLES_EN: LazyLock<CueSet<Role>> =
    LazyLock::new(|| CueSet::from_tsv(include_str!("../../lexicon/en/titles.tsv"), Role::parse));
static SECTORS_FR: LazyLock<CueSet<Sector>> =
    LazyLock::new(|| CueSet::from_tsv(include_str!("../../lexicon/fr/sectors.tsv"), Sector::parse));
static SECTORS_EN: LazyLock<CueSet<Sector>> =
    LazyLock::new(|| CueSet::from_tsv(include_str!("../../lexicon/en/sectors.tsv"), Sector::parse));

/// Office titles of `lang` and the role each gives.
pub fn titles(lang: Lang) -> &'static CueSet<Role> {
    match lang {
        Lang::Fr => &TITLES_FR,
        Lang::En => &TITLES_EN,
    }
}

/// Words of `lang` that name a sector of cooperation.
pub fn sectors(lang: Lang) -> &'static CueSet<Sector> {
    match lang {
        Lang::Fr => &SECTORS_FR,
        Lang::En => &SECTORS_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn roles(lang: Lang, text: &str) -> Vec<Role> {
        titles(lang)
            .find(&fold(text).key)
            .iter()
            .map(|m| m.label)
            .collect()
    }

    fn sector_labels(lang: Lang, text: &str) -> Vec<Sector> {
        sectors(lang)
            .find(&fold(text).key)
            .iter()
            .map(|m| m.label)
            .collect()
    }

    #[test]
    fn every_line_of_the_title_and_sector_lexicons_parses() {
        for tsv in [
            include_str!("../../lexicon/fr/titles.tsv"),
            include_str!("../../lexicon/en/titles.tsv"),
        ] {
            for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
                let (_, role) = line.split_once('\t').expect("two columns");
                assert!(Role::parse(role).is_some(), "unknown role in {line:?}");
            }
        }
        for tsv in [
            include_str!("../../lexicon/fr/sectors.tsv"),
            include_str!("../../lexicon/en/sectors.tsv"),
        ] {
            for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
                let (_, sector) = line.split_once('\t').expect("two columns");
                assert!(
                    Sector::parse(sector).is_some(),
                    "unknown sector in {line:?}"
                );
            }
        }
    }

    #[test]
    fn the_longest_title_wins_in_both_languages() {
        assert_eq!(
            roles(Lang::Fr, "le ministre des Affaires étrangères"),
            [Role::ForeignMinister]
        );
        assert_eq!(
            roles(Lang::Fr, "le Premier ministre"),
            [Role::HeadOfGovernment]
        );
        assert_eq!(
            roles(Lang::Fr, "le président du Conseil"),
            [Role::HeadOfGovernment]
        );
        assert_eq!(roles(Lang::Fr, "l'ambassadrice"), [Role::Ambassador]);
        assert_eq!(roles(Lang::En, "Foreign Minister"), [Role::ForeignMinister]);
        assert_eq!(roles(Lang::En, "Prime Minister"), [Role::HeadOfGovernment]);
        assert_eq!(roles(Lang::En, "Vice President"), [Role::Official]);
        assert_eq!(roles(Lang::En, "Defence Secretary"), [Role::Minister]);
        assert_eq!(roles(Lang::En, "presidential"), []);
    }

    #[test]
    fn sector_cues_match_whole_words_and_prefer_longer_phrases() {
        assert_eq!(
            sector_labels(Lang::Fr, "la sécurité alimentaire et l'agriculture"),
            [Sector::FoodSecurity, Sector::Agriculture]
        );
        assert_eq!(
            sector_labels(Lang::Fr, "les investissements miniers"),
            [Sector::Investment, Sector::Mining]
        );
        assert_eq!(
            sector_labels(Lang::En, "food security and defence"),
            [Sector::FoodSecurity, Sector::Security]
        );
        assert_eq!(sector_labels(Lang::En, "the portfolio"), []);
    }
}

/// The cue sets match exactly what the regex they replace matched.
#[cfg(test)]
mod regex_equivalence {
    use super::*;
    use crate::text::fold;

    /// The regex `CueSet` used to compile, built the same way from the same
    /// cues.
    fn reference_regex(tsv: &str) -> Regex {
        let mut alternatives = Vec::new();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((cue, _)) = line.split_once('\t') else {
                continue;
            };
            let cue = fold(cue.trim()).key;
            if let Some(prefix) = cue.strip_suffix('*') {
                alternatives.push(format!("{}\\w*", regex::escape(prefix)));
            } else {
                alternatives.push(regex::escape(&cue).replace("\\?", "?"));
            }
        }
        alternatives.sort_by_key(|alternative| std::cmp::Reverse(alternative.len()));
        Regex::new(&format!(r"\b(?:{})\b", alternatives.join("|"))).unwrap()
    }

    /// Texts that stress the word boundaries: the example articles, every
    /// cue glued to letters, digits, accents, underscores and punctuation,
    /// and a few non-Latin words.
    fn texts(tsv: &str) -> Vec<String> {
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
        let mut texts: Vec<String> = std::fs::read_dir(examples)
            .map(|entries| {
                entries
                    .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
                    .map(|text| fold(&text).key)
                    .collect()
            })
            .unwrap_or_default();
        let cues: Vec<&str> = tsv
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| Some(line.split_once('\t')?.0.trim()))
            .collect();
        for cue in &cues {
            texts.push(format!(" {}ed ", cue.trim_end_matches('*')));
            let bare = cue.trim_end_matches('*').replace('?', "");
            for (before, after) in [
                ("", ""),
                (" ", " "),
                ("x", ""),
                ("", "s"),
                ("", "iques "),
                ("_", " "),
                (" ", "_"),
                ("é", " "),
                (" ", "é"),
                ("«", "»"),
                ("1", " "),
                ("l'", "-"),
                (" ", "\u{301}"),
                ("дом ", " дом"),
            ] {
                texts.push(format!("{before}{bare}{after}"));
                texts.push(format!("{before}{bare}{after}{}", cues[0]));
            }
        }
        texts.push(cues.join(" "));
        texts.push(cues.join(""));
        texts.push(cues.join("-"));
        texts
    }

    fn check(tsv: &str, set: &CueSet<impl Copy + std::fmt::Debug>) {
        let regex = reference_regex(tsv);
        for text in texts(tsv) {
            let expected: Vec<(usize, usize)> = regex
                .find_iter(&text)
                .map(|found| (found.start(), found.end()))
                .collect();
            assert_eq!(set.matches(&text), expected, "{text:?}");
            assert_eq!(set.is_match(&text), regex.is_match(&text), "{text:?}");
        }
    }

    #[test]
    fn cue_sets_match_like_their_regex() {
        check(
            include_str!("../../lexicon/fr/titles.tsv"),
            titles(Lang::Fr),
        );
        check(
            include_str!("../../lexicon/en/titles.tsv"),
            titles(Lang::En),
        );
        check(
            include_str!("../../lexicon/fr/sectors.tsv"),
            sectors(Lang::Fr),
        );
        check(
            include_str!("../../lexicon/en/sectors.tsv"),
            sectors(Lang::En),
        );
    }

    #[test]
    fn a_question_mark_makes_the_character_before_it_optional() {
        assert_eq!(spell_out("fertili?er"), ["fertilier", "fertiler"]);
        assert_eq!(spell_out("a?b?"), ["ab", "a", "b", ""]);
        assert_eq!(spell_out("plain"), ["plain"]);
    }
}
