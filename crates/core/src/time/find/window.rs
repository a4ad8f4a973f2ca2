//! The windows of a text a date family can match in, so that its regex runs
//! over a few short stretches instead of the whole text.
//!
//! Every match of a family contains one of its anchors: a run of digits, or
//! one of its anchor words (a month, a weekday, a keyword of a table of
//! phrases). How far a match reaches before and after its anchor is bounded
//! (see [`Reach`]), so the match lies inside the anchor's window, and a
//! family's matches all lie in the union of its anchors' windows.
//!
//! Searching each merged window with the whole text as context (look-around
//! still sees past the window edges) finds exactly the matches a search over
//! the whole text finds. A match starting in a window lies inside its own
//! anchor's window, which overlaps that window and so was merged into it: no
//! match crosses a window edge, and none starts between windows. A search
//! over the whole text, resuming after a match, therefore finds the same next
//! match as a search over the window holding that position (or the next
//! window): the candidates starting there are the same, and none of them is
//! cut off by the window's end.

use std::ops::Range;

use regex_automata::util::syntax;

/// What a family's matches always contain.
#[derive(Clone, Copy)]
pub(in crate::time) enum Anchor {
    /// A run of ASCII digits overlapping the capture group `group`, which
    /// always holds a digit.
    Digits { group: &'static str },
    /// One of `words`, ASCII letters matched without regard to case, inside
    /// the text of the capture group `group`, or anywhere in the match
    /// without one. The words are written so that every spelling the
    /// pattern accepts (case and accents) contains one of them as it stands.
    Words {
        words: &'static [&'static str],
        group: Option<&'static str>,
    },
}

impl Anchor {
    /// A run of digits overlapping `group`.
    pub(in crate::time) const fn digits_in(group: &'static str) -> Anchor {
        Anchor::Digits { group }
    }

    /// One of `words` inside the text of `group`.
    pub(in crate::time) const fn words_in(
        group: &'static str,
        words: &'static [&'static str],
    ) -> Anchor {
        Anchor::Words {
            words,
            group: Some(group),
        }
    }

    /// One of `words` anywhere in the match.
    pub(in crate::time) const fn words(words: &'static [&'static str]) -> Anchor {
        Anchor::Words { words, group: None }
    }
}

/// The most a run of whitespace costs: the longest UTF-8 encoding of a `\s`
/// character, which is what [`bound`] allows for each run.
const WHITESPACE_RUN_COST: usize = 3;

/// The most a run of digits costs: runs are capped so that a family with
/// `[0-9]+` (fractions of a second) stays bounded.
const DIGIT_RUN_COST: usize = 4;

/// How far a family's matches reach around an anchor, as the greatest cost
/// (see [`Costs`]) of the part of a match before the anchor and of the part
/// after it.
#[derive(Clone, Copy, Debug)]
pub(in crate::time) struct Reach {
    before: usize,
    after: usize,
    /// For a pattern with a list before its anchor, what comes before the
    /// list.
    list: Option<ListReach>,
}

/// How far a match reaches back past a list before its anchor: over any
/// run of characters the list's items are made of, then over the part of
/// the pattern before the list.
#[derive(Clone, Copy, Debug)]
pub(in crate::time) struct ListReach {
    is_list_char: fn(char) -> bool,
    before: usize,
}

impl Reach {
    /// The reach of a family's matches around its anchor, or `None` when
    /// matches are unbounded.
    ///
    /// When the anchor lies in a capture group at the top level of the
    /// pattern, the pattern is the part before the group, the group and the
    /// part after it: a match reaches back from an anchor touching the group
    /// no further than the part before and the group, and forward no further
    /// than the group and the part after. Otherwise the whole match bounds
    /// both.
    pub(super) fn new(pattern: &str, anchor: Anchor) -> Option<Reach> {
        let group = match anchor {
            Anchor::Digits { group } => Some(group),
            Anchor::Words { group, .. } => group,
        };
        if let Some((before, group, after)) = group.and_then(|group| split(pattern, group)) {
            return Some(Reach {
                before: bound(&format!("{before}{group}"))?,
                after: bound(&format!("{}{group}{after}", leading_flags(before)))?,
                list: None,
            });
        }
        let whole = bound(pattern)?;
        Some(Reach {
            before: whole,
            after: whole,
            list: None,
        })
    }

    /// The reach of a family whose pattern holds `list`, a repeated group at
    /// its top level before the anchor's group, whose matches are made of
    /// characters `is_list_char` accepts; `None` when it is not so or
    /// matches are unbounded all the same.
    ///
    /// A match is the part before the list, the list, the part after it.
    /// Back from an anchor in the part after, it reaches over what the rest
    /// of that part bounds, then over the list: a run of list characters
    /// from where it ends to where it starts, so that the longest such run
    /// reaches at least as far. The part before the list is bounded again.
    pub(super) fn with_list(
        pattern: &str,
        anchor: Anchor,
        list: &str,
        is_list_char: fn(char) -> bool,
    ) -> Option<Reach> {
        let (before_list, after_list) = split_list(pattern, list)?;
        let flags = leading_flags(before_list);
        let reach = Reach::new(&format!("{flags}{after_list}"), anchor)?;
        Some(Reach {
            list: Some(ListReach {
                is_list_char,
                before: bound(before_list)?,
            }),
            ..reach
        })
    }
}

/// The bound of a pattern: the greatest cost (see [`Costs`]) of any text
/// it matches, or `None` when it has none.
///
/// It is the longest match of the pattern with each `\s+` and `\s*` read as
/// one optional whitespace character and each `[0-9]+` as one to four
/// digits. A match maps onto such a rewritten match no shorter than its
/// cost: each run of whitespace in it holds a character matched by a
/// whitespace item, which is three bytes long at most in the rewritten
/// pattern; each run of digits is matched either by a `[0-9]+`, four digits
/// at most, or by single digits, one for each; every other character by an
/// item at least as long.
fn bound(pattern: &str) -> Option<usize> {
    let rewritten = pattern
        .replace(r"\s+", r"\s")
        .replace(r"\s*", r"\s?")
        .replace("[0-9]+", "[0-9]{1,4}");
    let hir = syntax::parse(&rewritten).expect("date patterns are valid regexes");
    hir.properties().maximum_len()
}

/// The groups at the top level of a pattern: where each opens, and where
/// each closes (just after its parenthesis). `None` when the pattern has a
/// top-level alternation, whose branches need not share any part.
fn top_level_groups(pattern: &str) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut depth = 0usize;
    let (mut opens, mut closes) = (Vec::new(), Vec::new());
    let mut chars = pattern.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => {
                // Skips the class; a `]` first in it is a literal.
                let mut first = true;
                while let Some((_, c)) = chars.next() {
                    if c == ']' && !first {
                        break;
                    }
                    first = c == '^' && first;
                    if c == '\\' {
                        chars.next();
                    }
                }
            }
            '(' => {
                if depth == 0 {
                    opens.push(i);
                }
                depth += 1;
            }
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    closes.push(i + 1);
                }
            }
            '|' if depth == 0 => return None,
            _ => {}
        }
    }
    Some((opens, closes))
}

/// The pattern split around the capture group `name`: the part before, the
/// group, the part after. `None` unless the group is at the top level of a
/// pattern without a top-level alternation, where every match is a match of
/// the part before, then the group, then the part after.
fn split<'p>(pattern: &'p str, name: &str) -> Option<(&'p str, &'p str, &'p str)> {
    let open = pattern.find(&format!("(?P<{name}>"))?;
    let (opens, closes) = top_level_groups(pattern)?;
    if !opens.contains(&open) {
        return None;
    }
    let close = *closes.iter().find(|&&close| close > open)?;
    Some((&pattern[..open], &pattern[open..close], &pattern[close..]))
}

/// The pattern split around `list`, a group at its top level: the parts
/// before and after it. `None` unless `list` is found once, at the top level
/// of a pattern without a top-level alternation.
fn split_list<'p>(pattern: &'p str, list: &str) -> Option<(&'p str, &'p str)> {
    let start = pattern.find(list)?;
    let (opens, _) = top_level_groups(pattern)?;
    if pattern.rfind(list) != Some(start) || !opens.contains(&start) {
        return None;
    }
    Some((&pattern[..start], &pattern[start + list.len()..]))
}

/// The flags a pattern starts with, which hold for all of it.
fn leading_flags(pattern: &str) -> &str {
    if pattern.starts_with("(?i)") {
        "(?i)"
    } else {
        ""
    }
}

/// The class of a byte for [`Costs::new`]: a digit, whitespace, the first
/// byte of a character that may be whitespace, or anything else.
const OTHER: u8 = 0;
const DIGIT: u8 = 1;
const MAYBE_WHITESPACE: u8 = 2;

/// The class of each byte. Whitespace is Unicode's White_Space property,
/// which is what both Rust and the regex crate call whitespace; outside
/// ASCII its characters all start with one of the bytes marked here.
static BYTE_CLASSES: [u8; 256] = {
    let mut classes = [OTHER; 256];
    let mut byte = 0;
    while byte < 256 {
        classes[byte] = match byte as u8 {
            b'0'..=b'9' => DIGIT,
            b' ' | b'\t'..=b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3 => MAYBE_WHITESPACE,
            _ => OTHER,
        };
        byte += 1;
    }
    classes
};

/// Eight bytes at a time, each byte's top bit set where a test holds of
/// it: [`Costs::new`] skips eight bytes holding no digit, no two whitespace
/// characters in a row and no byte a non-ASCII whitespace character starts
/// with.
const ONES: u64 = 0x0101_0101_0101_0101;
const TOP_BITS: u64 = 0x8080_8080_8080_8080;

/// Where the byte is not zero.
fn nonzero(bytes: u64) -> u64 {
    (((bytes & !TOP_BITS) + ONES * 0x7F) | bytes) & TOP_BITS
}

/// Where the byte, its top bit cleared, is at least `least`.
fn low_at_least(bytes: u64, least: u8) -> u64 {
    ((bytes & !TOP_BITS) + ONES * u64::from(0x80 - least)) & TOP_BITS
}

/// Where the byte is an ASCII digit.
fn digits(bytes: u64) -> u64 {
    !bytes & low_at_least(bytes, b'0') & !low_at_least(bytes, b'9' + 1)
}

/// Where the byte is ASCII whitespace: a space, or a tab to a carriage
/// return.
fn ascii_whitespace(bytes: u64) -> u64 {
    let space = !nonzero(bytes ^ (ONES * u64::from(b' ')));
    let tab_to_return = low_at_least(bytes, b'\t') & !low_at_least(bytes, b'\r' + 1);
    !bytes & (space | tab_to_return) & TOP_BITS
}

/// Where the byte is one a non-ASCII whitespace character starts with (see
/// [`BYTE_CLASSES`]).
fn maybe_unicode_whitespace(bytes: u64) -> u64 {
    let low = bytes & !TOP_BITS;
    let c2 = !nonzero(low ^ (ONES * 0x42));
    let e1_to_e3 = low_at_least(low, 0x61) & !low_at_least(low, 0x64);
    bytes & (c2 | e1_to_e3) & TOP_BITS
}

/// The length of the whitespace character at `i`, or 0.
fn whitespace_len(text: &str, i: usize) -> usize {
    let byte = text.as_bytes()[i];
    if byte.is_ascii() {
        usize::from(BYTE_CLASSES[usize::from(byte)] == MAYBE_WHITESPACE)
    } else {
        match text[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        }
    }
}

/// A run of whitespace or digits that costs less than its length.
struct LongRun {
    span: Range<usize>,
    /// The most the run, or any part of it, costs.
    cost: usize,
}

/// What windows are measured in: the cost of a stretch of text is its
/// length in bytes, except that a run of whitespace costs at most
/// [`WHITESPACE_RUN_COST`] and a run of digits at most [`DIGIT_RUN_COST`],
/// runs cut by the stretch's ends included.
pub(super) struct Costs {
    /// The runs longer than their cost, in order.
    long_runs: Vec<LongRun>,
}

impl Costs {
    /// The costs of a text, and its runs of ASCII digits.
    pub(super) fn new(text: &str) -> (Costs, Vec<Range<usize>>) {
        let bytes = text.as_bytes();
        let mut long_runs = Vec::new();
        let mut digit_runs = Vec::new();
        let mut i = 0;
        // Whether the eight bytes skipped last ended with ASCII whitespace,
        // which may start a run.
        let mut after_whitespace = false;
        while i < bytes.len() {
            let stop = match bytes.get(i..i + 8) {
                Some(chunk) => {
                    let chunk = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                    let whitespace = ascii_whitespace(chunk);
                    let plain = digits(chunk) == 0
                        && whitespace & (whitespace >> 8) == 0
                        && !(after_whitespace && whitespace & 0x80 != 0)
                        && maybe_unicode_whitespace(chunk) == 0;
                    if plain {
                        // No digit and no two whitespace characters in a row:
                        // no run to note.
                        after_whitespace = whitespace >> 63 != 0;
                        i += 8;
                        continue;
                    }
                    i + 8
                }
                None => bytes.len(),
            };
            if after_whitespace {
                // The run starts with the last byte skipped.
                i -= 1;
                after_whitespace = false;
            }
            while i < stop {
                i = Costs::scan_at(text, i, &mut long_runs, &mut digit_runs);
            }
        }
        (Costs { long_runs }, digit_runs)
    }

    /// Notes the run of digits or whitespace starting at `i`, if any, and
    /// returns where to go on from: after the run, or after the character.
    fn scan_at(
        text: &str,
        mut i: usize,
        long_runs: &mut Vec<LongRun>,
        digit_runs: &mut Vec<Range<usize>>,
    ) -> usize {
        let bytes = text.as_bytes();
        match BYTE_CLASSES[usize::from(bytes[i])] {
            DIGIT => {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                digit_runs.push(start..i);
                if i - start > DIGIT_RUN_COST {
                    long_runs.push(LongRun {
                        span: start..i,
                        cost: DIGIT_RUN_COST,
                    });
                }
            }
            MAYBE_WHITESPACE => {
                let start = i;
                while i < bytes.len() {
                    match whitespace_len(text, i) {
                        0 => break,
                        len => i += len,
                    }
                }
                if i == start {
                    // A character that is no whitespace after all.
                    i += 1;
                } else if i - start > WHITESPACE_RUN_COST {
                    long_runs.push(LongRun {
                        span: start..i,
                        cost: WHITESPACE_RUN_COST,
                    });
                }
            }
            _ => i += 1,
        }
        i
    }

    /// The start of the widest stretch ending at `end` that costs at most
    /// `bound`, on a character boundary.
    fn reach_back(&self, text: &str, end: usize, bound: usize) -> usize {
        let mut start = end;
        let mut budget = bound;
        let before = self.long_runs.partition_point(|run| run.span.start < end);
        for run in self.long_runs[..before].iter().rev() {
            let run_end = run.span.end.min(end);
            let gap = start - run_end;
            if gap >= budget {
                break;
            }
            start = run_end;
            budget -= gap;
            let cost = (run_end - run.span.start).min(run.cost);
            if cost > budget {
                // The run's bytes cost one each up to its cost.
                break;
            }
            start = run.span.start;
            budget -= cost;
        }
        let mut start = start.saturating_sub(budget);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        start
    }

    /// The end of the widest stretch starting at `start` that costs at most
    /// `bound`, on a character boundary.
    fn reach_forward(&self, text: &str, start: usize, bound: usize) -> usize {
        let mut end = start;
        let mut budget = bound;
        let after = self.long_runs.partition_point(|run| run.span.end <= start);
        for run in &self.long_runs[after..] {
            let run_start = run.span.start.max(start);
            let gap = run_start - end;
            if gap >= budget {
                break;
            }
            end = run_start;
            budget -= gap;
            let cost = (run.span.end - run_start).min(run.cost);
            if cost > budget {
                break;
            }
            end = run.span.end;
            budget -= cost;
        }
        let mut end = (end + budget).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        end
    }

    /// The start of the window of an anchor starting at `anchor_start`.
    fn start(&self, text: &str, anchor_start: usize, reach: Reach) -> usize {
        let start = self.reach_back(text, anchor_start, reach.before);
        match reach.list {
            Some(list) => {
                let list_start = text[..start]
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| (list.is_list_char)(*c))
                    .last()
                    .map_or(start, |(i, _)| i);
                self.reach_back(text, list_start, list.before)
            }
            None => start,
        }
    }

    /// The merged windows around `anchors` (sorted by start), spans of text
    /// sorted by start, for a family whose matches reach `reach` around an
    /// anchor.
    ///
    /// Both reaches grow with the anchor's position, so windows come in
    /// order and each one need only be merged into the last.
    pub(super) fn windows(
        &self,
        text: &str,
        anchors: &[Range<usize>],
        reach: Reach,
    ) -> Vec<Range<usize>> {
        let mut windows: Vec<Range<usize>> = Vec::new();
        let mut last_anchor_end = 0;
        for anchor in anchors {
            if anchor.end <= last_anchor_end {
                // Its window lies inside the previous anchor's.
                continue;
            }
            last_anchor_end = anchor.end;
            let end = self.reach_forward(text, anchor.end, reach.after);
            match windows.last_mut() {
                // An anchor inside the last window needs no reach back: its
                // window starts inside the last one.
                Some(last) if anchor.start <= last.end => last.end = last.end.max(end),
                _ => {
                    let start = self.start(text, anchor.start, reach);
                    match windows.last_mut() {
                        Some(last) if start <= last.end => last.end = last.end.max(end),
                        _ => windows.push(start..end),
                    }
                }
            }
        }
        windows
    }
}

/// Whether `text` holds a character that a case-insensitive pattern takes
/// for an ASCII letter although it is none: the long s "ſ" and the Kelvin
/// sign "K". Anchor words, matched by ASCII case only, would miss them.
pub(super) fn has_non_ascii_case_fold(text: &str) -> bool {
    text.contains(['\u{17F}', '\u{212A}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_regex_crate_agrees_on_whitespace_and_ascii_case() {
        // Costs take whitespace as Rust does, anchor words take case as
        // ASCII does; `has_non_ascii_case_fold` names the exceptions.
        let whitespace = regex::Regex::new(r"^\s$").unwrap();
        let ascii_letter = regex::Regex::new(r"(?i)^[a-z]$").unwrap();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let text = c.encode_utf8(&mut buffer);
            assert_eq!(whitespace.is_match(text), c.is_whitespace());
            let folds = !c.is_ascii() && ascii_letter.is_match(text);
            assert_eq!(folds, has_non_ascii_case_fold(text));
        }
    }

    #[test]
    fn long_runs_cost_little() {
        let text = "le     24    septembre 20251";
        let (costs, digit_runs) = Costs::new(text);
        assert_eq!(digit_runs, vec![7..9, 23..28]);
        // Back from "septembre": spaces 3, "24" 2, spaces 3, "le" 2.
        assert_eq!(costs.reach_back(text, 13, 10), 0);
        assert_eq!(costs.reach_back(text, 13, 9), 1);
        // "septembre " 10, "20251" 4.
        assert_eq!(costs.reach_forward(text, 13, 14), text.len());
        assert_eq!(costs.reach_forward(text, 13, 13), text.len() - 2);
        // A run cut by the stretch's end costs no more than a whole one.
        assert_eq!(costs.reach_back(text, 5, 5), 0);
        assert_eq!(costs.reach_back(text, 5, 4), 1);
        assert_eq!(costs.reach_forward(text, 25, 3), text.len());
    }

    #[test]
    fn eight_bytes_at_a_time_as_one_at_a_time() {
        let classify = |test: fn(u64) -> u64, byte: u8| {
            test(u64::from_le_bytes([
                b'a', byte, b'a', b'a', b'a', b'a', b'a', byte,
            ])) != 0
        };
        for byte in 0..=u8::MAX {
            assert_eq!(classify(digits, byte), byte.is_ascii_digit());
            let whitespace = BYTE_CLASSES[usize::from(byte)] == MAYBE_WHITESPACE;
            assert_eq!(
                classify(ascii_whitespace, byte),
                whitespace && byte.is_ascii()
            );
            assert_eq!(
                classify(maybe_unicode_whitespace, byte),
                whitespace && !byte.is_ascii()
            );
        }
    }

    #[test]
    fn runs_across_eight_byte_boundaries() {
        let text = "abcdefg  \u{a0}\u{a0}hij 123456789 k";
        let (costs, digit_runs) = Costs::new(text);
        let runs: Vec<_> = costs.long_runs.iter().map(|run| run.span.clone()).collect();
        assert_eq!(runs, vec![7..13, 17..26]);
        assert_eq!(digit_runs, vec![17..26]);
        // A run starting with the last of eight bytes skipped.
        let text = "abcdefg    hi";
        let (costs, _) = Costs::new(text);
        let runs: Vec<_> = costs.long_runs.iter().map(|run| run.span.clone()).collect();
        assert_eq!(runs, vec![7..11]);
    }

    proptest::proptest! {
        #[test]
        fn eight_bytes_at_a_time_finds_the_runs_one_at_a_time_does(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    " ", "\t", "\n", "\u{a0}", "\u{3000}", "\u{2019}", "é", "«", "0", "42",
                    "a", "bc", "defgh", ",",
                ][..]),
                0..60,
            ),
        ) {
            let text: String = pieces.concat();
            let (costs, digit_runs) = Costs::new(&text);
            let (mut long_runs, mut expected_digit_runs) = (Vec::new(), Vec::new());
            let mut i = 0;
            while i < text.len() {
                i = Costs::scan_at(&text, i, &mut long_runs, &mut expected_digit_runs);
            }
            let spans = |runs: &[LongRun]| runs.iter().map(|run| run.span.clone()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(spans(&costs.long_runs), spans(&long_runs));
            proptest::prop_assert_eq!(digit_runs, expected_digit_runs);
        }
    }

    #[test]
    fn unicode_whitespace_runs_are_runs() {
        let text = "a\u{a0}\u{a0} \u{3000}b";
        let (costs, _) = Costs::new(text);
        assert_eq!(costs.reach_back(text, text.len() - 1, 3), 1);
    }

    #[test]
    fn windows_keep_to_character_boundaries() {
        let text = "é1é";
        let (costs, _) = Costs::new(text);
        assert_eq!(costs.reach_back(text, 5, 1), 3);
        assert_eq!(costs.reach_forward(text, 0, 1), 2);
        assert_eq!(costs.reach_forward(text, 2, 2), text.len());
    }

    #[test]
    fn reach_splits_around_a_top_level_group() {
        let words = Anchor::Words {
            words: &["mai"],
            group: Some("month"),
        };
        // The reach before and after, of a family without a list.
        let parts = |reach: Option<Reach>| {
            reach
                .filter(|r| r.list.is_none())
                .map(|r| (r.before, r.after))
        };
        let reach = parts(Reach::new(
            r"(?i)le\s+(?P<month>mai)(?:\s+[0-9]{4})?",
            words,
        ));
        assert_eq!(reach, Some((2 + 3 + 3, 3 + 3 + 4)));
        let nested = parts(Reach::new(r"(?:le\s+(?P<month>mai))?\s+[0-9]{4}", words));
        assert_eq!(nested, Some((15, 15)));
        let alternation = parts(Reach::new(r"(?P<month>mai)|[0-9]{4}", words));
        assert_eq!(alternation, Some((4, 4)));
        let unbounded = Reach::new(r"(?:,\s*[0-9])*\s+(?P<month>mai)", words);
        assert!(unbounded.is_none());
        let fraction = parts(Reach::new(r"T[0-9]+", Anchor::Digits { group: "none" }));
        assert_eq!(fraction, Some((5, 5)));
    }

    #[test]
    fn lists_reach_back_over_their_characters() {
        let words = Anchor::Words {
            words: &["mai"],
            group: Some("month"),
        };
        let list = r"(?:\s*,\s*[0-9])*";
        let pattern = format!(r"(?i)(?:le\s+)?[0-9]{list}\s+et\s+(?P<month>mai)");
        let is_list_char = |c: char| c.is_whitespace() || c == ',' || c.is_ascii_digit();
        let reach = Reach::with_list(&pattern, words, list, is_list_char).unwrap();
        assert_eq!((reach.before, reach.after), (3 + 2 + 3 + 3, 3));
        let text = "xxxxxx le 1, 2 , 3, 4 et mai";
        let (costs, _) = Costs::new(text);
        assert_eq!(costs.start(text, 25, reach), 3);
        assert!(Reach::with_list(&pattern, words, "(?:,)*", is_list_char).is_none());
    }

    #[test]
    fn overlapping_windows_merge() {
        let text = "aaaa 1 bbbbbbbbbbbbbbbbbbbb 2 c 3";
        let (costs, anchors) = Costs::new(text);
        assert_eq!(anchors, vec![5..6, 28..29, 32..33]);
        let reach = Reach {
            before: 4,
            after: 4,
            list: None,
        };
        assert_eq!(costs.windows(text, &anchors, reach), vec![1..10, 24..33]);
    }
}
