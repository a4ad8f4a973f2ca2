//! The machinery shared by the country and city gazetteers: reading the
//! embedded TSV files, one Aho-Corasick automaton over folded forms, whole
//! word matching, and the leftmost-longest choice among accepted matches.

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

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
    /// Whether some key starts with each byte value.
    first_bytes: [bool; 256],
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
        // A full DFA: a few tens of thousands of states for the country
        // forms, walked over every byte of every article.
        Gazetteer::build(
            keys,
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA)),
        )
    }

    /// Builds an automaton that also answers
    /// [`Gazetteer::whole_word_matches_at`].
    pub fn new_anchored(keys: &[String]) -> Gazetteer {
        let mut builder = AhoCorasickBuilder::new();
        builder
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Both);
        Gazetteer::build(keys, &builder)
    }

    fn build(keys: &[String], builder: &AhoCorasickBuilder) -> Gazetteer {
        // The patterns are our own embedded data, which tests build; the
        // builder fails only past size limits far above the lexicons.
        let automaton = builder
            .build(keys)
            .expect("the gazetteer automaton builds from the embedded lexicon");
        let mut first_bytes = [false; 256];
        for key in keys {
            if let Some(&first) = key.as_bytes().first() {
                first_bytes[usize::from(first)] = true;
            }
        }
        Gazetteer {
            automaton,
            first_bytes,
        }
    }

    /// Every whole-word occurrence of every pattern, overlapping ones
    /// included, in key order.
    pub fn whole_word_matches(&self, key: &str) -> Vec<RawMatch> {
        let mut found = Vec::new();
        for hit in self.automaton.find_overlapping_iter(key) {
            push_whole_word(
                &mut found,
                key,
                hit.pattern().as_usize(),
                hit.start(),
                hit.end(),
            );
        }
        found
    }

    /// Whether some pattern starts with `byte`.
    pub fn starts_some_key(&self, byte: u8) -> bool {
        self.first_bytes[usize::from(byte)]
    }

    /// The whole-word occurrences of [`Gazetteer::whole_word_matches`] that
    /// start at one of `starts` (increasing byte offsets on character
    /// boundaries of `key`), found by one anchored search at each, in order
    /// of start. Callers that only want matches starting at a few places
    /// (capitalised words) skip the walk over the rest of the text. The
    /// gazetteer must come from [`Gazetteer::new_anchored`].
    pub fn whole_word_matches_at(
        &self,
        key: &str,
        starts: impl Iterator<Item = usize>,
    ) -> Vec<RawMatch> {
        let bytes = key.as_bytes();
        let mut found = Vec::new();
        for start in starts {
            if is_word_byte(bytes[start]) && !word_boundary_before(key, start) {
                continue;
            }
            let input = Input::new(key).range(start..).anchored(Anchored::Yes);
            let mut state = aho_corasick::automaton::OverlappingState::start();
            loop {
                // The automaton answers anchored searches (see
                // `new_anchored`), so the search cannot fail.
                self.automaton
                    .try_find_overlapping(input.clone(), &mut state)
                    .expect("the gazetteer was built for anchored searches");
                let Some(hit) = state.get_match() else {
                    break;
                };
                push_whole_word(
                    &mut found,
                    key,
                    hit.pattern().as_usize(),
                    hit.start(),
                    hit.end(),
                );
            }
        }
        found
    }
}

/// Pushes the occurrence `[start, end)` of `pattern` when it is a whole word
/// (or words) of `key`.
fn push_whole_word(found: &mut Vec<RawMatch>, key: &str, pattern: usize, start: usize, end: usize) {
    let bytes = key.as_bytes();
    if start == end {
        return;
    }
    let starts_word = is_word_byte(bytes[start]);
    let ends_word = is_word_byte(bytes[end - 1]);
    if starts_word && !word_boundary_before(key, start) {
        return;
    }
    if ends_word && !word_boundary_after(key, end) {
        return;
    }
    found.push(RawMatch {
        pattern,
        start,
        end,
    });
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
