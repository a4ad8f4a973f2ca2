//! The machinery shared by the country and city gazetteers: reading the
//! embedded TSV files, one Aho-Corasick automaton over folded forms, whole
//! word matching, and the leftmost-longest choice among accepted matches.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::{Folded, fold};

/// The key the automata run on: the folded key with hyphens read as spaces,
/// so that "Guinée-Bissau" and "Guinée Bissau" meet. It has the same length
/// as the folded key, so the folded key's offset map serves it too.
pub(crate) fn match_key(form: &str) -> String {
    fold(form).key.replace('-', " ").trim().to_string()
}

/// The text of one call, folded once.
pub(crate) struct Analysed<'t> {
    pub text: &'t str,
    pub folded: Folded,
    /// The folded key with hyphens read as spaces.
    pub key: String,
}

impl<'t> Analysed<'t> {
    pub fn new(text: &'t str) -> Analysed<'t> {
        let folded = fold(text);
        let key = folded.key.replace('-', " ");
        Analysed { text, folded, key }
    }

    /// The source text of a key range.
    pub fn source(&self, key_start: usize, key_end: usize) -> &'t str {
        let (start, end) = self.folded.source_span(key_start, key_end);
        &self.text[start..end]
    }

    /// The folded key byte just before `key_start` (hyphens included).
    pub fn byte_before(&self, key_start: usize) -> Option<u8> {
        key_start
            .checked_sub(1)
            .and_then(|i| self.folded.key.as_bytes().get(i).copied())
    }

    /// The folded key byte at `key_end` (hyphens included).
    pub fn byte_at(&self, key_end: usize) -> Option<u8> {
        self.folded.key.as_bytes().get(key_end).copied()
    }
}

/// An automaton over the match keys of a list of forms.
pub(crate) struct Gazetteer {
    automaton: AhoCorasick,
}

/// A whole-word occurrence of a pattern in a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMatch {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

impl Gazetteer {
    /// Builds the automaton. Pattern `i` is `keys[i]`.
    pub fn new(keys: &[String]) -> Gazetteer {
        // The patterns are our own embedded data, which tests build; the
        // builder fails only past size limits far above the lexicons.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(keys)
            .expect("the gazetteer automaton builds from the embedded lexicon");
        Gazetteer { automaton }
    }

    /// Every whole-word occurrence of every pattern, overlapping ones
    /// included, in key order.
    pub fn whole_word_matches(&self, key: &str) -> Vec<RawMatch> {
        let bytes = key.as_bytes();
        let mut found = Vec::new();
        for hit in self.automaton.find_overlapping_iter(key) {
            let (start, end) = (hit.start(), hit.end());
            if start == end {
                continue;
            }
            let starts_word = is_word_byte(bytes[start]);
            let ends_word = is_word_byte(bytes[end - 1]);
            if starts_word && !word_boundary_before(key, start) {
                continue;
            }
            if ends_word && !word_boundary_after(key, end) {
                continue;
            }
            found.push(RawMatch {
                pattern: hit.pattern().as_usize(),
                start,
                end,
            });
        }
        found
    }
}

/// Whether a key byte belongs to a word: ASCII letters and digits, and every
/// byte of a non-ASCII character (folded keys keep only letters there).
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80
}

/// Whether no word goes on before `start`. An apostrophe ends a word, so
/// that elided articles ("l'Italie", "d'Algérie") leave the name whole.
pub(crate) fn word_boundary_before(key: &str, start: usize) -> bool {
    key[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether no word goes on after `end`.
pub(crate) fn word_boundary_after(key: &str, end: usize) -> bool {
    key[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Keeps, from matches sorted in any order, the leftmost-longest ones that
/// do not overlap: the earliest start wins, then the longest match.
pub(crate) fn leftmost_longest<T>(mut matches: Vec<(usize, usize, T)>) -> Vec<(usize, usize, T)> {
    matches.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(usize, usize, T)> = Vec::with_capacity(matches.len());
    for candidate in matches {
        if kept.last().is_none_or(|last| candidate.0 >= last.1) {
            kept.push(candidate);
        }
    }
    kept
}

/// Whether the source text of a match starts with a capital letter.
pub(crate) fn starts_capitalized(source: &str) -> bool {
    source
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Whether every letter of the source text of a match is a capital.
pub(crate) fn all_capitals(source: &str) -> bool {
    source
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// The data lines of an embedded TSV file, split into fields: `#` comment
/// lines, blank lines and the column header (whose first field is
/// `header_first`) are skipped. Each line comes with its 1-based number.
pub(crate) fn tsv_lines<'a>(
    text: &'a str,
    header_first: &'a str,
) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(index, line)| {
            (
                index + 1,
                line.split('\t').map(str::trim).collect::<Vec<_>>(),
            )
        })
        .filter(move |(_, fields)| fields.first() != Some(&header_first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_leftmost_then_longest() {
        let kept = leftmost_longest(vec![(4, 9, 'b'), (0, 5, 'a'), (0, 3, 'c'), (9, 12, 'd')]);
        let labels: Vec<char> = kept.iter().map(|m| m.2).collect();
        assert_eq!(labels, vec!['a', 'd']);
    }

    #[test]
    fn apostrophes_and_hyphens_bound_words() {
        assert!(word_boundary_before("l'italie", 2));
        assert!(word_boundary_before("franco vietnamien", 7));
        assert!(!word_boundary_before("lomalien", 2));
        assert!(word_boundary_after("jordan's", 6));
    }
}
