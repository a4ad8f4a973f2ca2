//! Fixed lists of phrases searched in folded keys with one automaton
//! instead of one substring search per phrase: "does any of these words
//! occur", "where does the first of them start", "where does each occur
//! first". The answers are those of `str::find` and `str::contains` over the
//! list, so a list can move from a loop of searches to a set without
//! changing any result.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A list of phrases and its automaton.
#[derive(Debug)]
pub struct PhraseSet {
    /// Finds the earliest-starting occurrence of any phrase.
    leftmost: AhoCorasick,
    /// Finds every occurrence of every phrase, overlapping ones included.
    overlapping: AhoCorasick,
    lengths: Vec<usize>,
}

impl PhraseSet {
    /// Builds the set of `phrases`; phrase `i` is reported as index `i`.
    pub fn new(phrases: &[&str]) -> PhraseSet {
        // The phrases are constants of the crate, far below any size limit.
        let leftmost = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build(phrases)
            .expect("a phrase set builds");
        let overlapping = AhoCorasick::new(phrases).expect("a phrase set builds");
        PhraseSet {
            leftmost,
            overlapping,
            lengths: phrases.iter().map(|p| p.len()).collect(),
        }
    }

    /// Whether some phrase occurs in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.leftmost.is_match(haystack)
    }

    /// Where the earliest occurrence of any phrase starts: the least
    /// `haystack.find(phrase)` over the list.
    pub fn first_start(&self, haystack: &str) -> Option<usize> {
        self.leftmost.find(haystack).map(|m| m.start())
    }

    /// The first occurrence of each phrase that occurs, as `(phrase index,
    /// start, end)` in order of phrase index: `haystack.find(phrase)` for
    /// every phrase of the list that is found.
    pub fn first_of_each(&self, haystack: &str) -> Vec<(usize, usize, usize)> {
        let mut found: Vec<Option<usize>> = vec![None; self.lengths.len()];
        for hit in self.overlapping.find_overlapping_iter(haystack) {
            let slot = &mut found[hit.pattern().as_usize()];
            if slot.is_none_or(|start| hit.start() < start) {
                *slot = Some(hit.start());
            }
        }
        found
            .into_iter()
            .enumerate()
            .filter_map(|(index, start)| start.map(|s| (index, s, s + self.lengths[index])))
            .collect()
    }

    /// Every occurrence of every phrase, overlapping ones included, as
    /// `(phrase index, start, end)` in order of end.
    pub fn occurrences<'h>(
        &'h self,
        haystack: &'h str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'h {
        self.overlapping
            .find_overlapping_iter(haystack)
            .map(|hit| (hit.pattern().as_usize(), hit.start(), hit.end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &[&str] = &["visa", "visa waiver", "waiver", "accord", "cord"];

    #[test]
    fn answers_as_substring_searches_do() {
        let set = PhraseSet::new(WORDS);
        for haystack in [
            "a visa waiver accord and another visa",
            "no match here",
            "cordial accord",
            "",
            "waiver visa waiver",
        ] {
            let finds: Vec<Option<usize>> = WORDS.iter().map(|w| haystack.find(w)).collect();
            assert_eq!(
                set.first_start(haystack),
                finds.iter().flatten().min().copied(),
                "{haystack}"
            );
            assert_eq!(set.is_match(haystack), finds.iter().any(Option::is_some));
            let expected: Vec<(usize, usize, usize)> = finds
                .iter()
                .enumerate()
                .filter_map(|(i, at)| at.map(|s| (i, s, s + WORDS[i].len())))
                .collect();
            assert_eq!(set.first_of_each(haystack), expected, "{haystack}");
            let every = set.occurrences(haystack).count();
            let by_search: usize = WORDS
                .iter()
                .map(|w| haystack.match_indices(w).count())
                .sum();
            assert_eq!(every, by_search, "{haystack}");
        }
    }
}
