//! The date finder: each language is a list of pattern families, one compiled
//! regex each, run over the windows of the text around the family's anchors
//! (see [`window`]). Every match that passes its family's guards becomes a
//! candidate; the longest candidates win and overlapping
//! shorter ones are dropped, so "le 24 septembre 2025" is one mention, not a
//! day, a month and a year.
//!
//! The guards live here too: they look at the text around a match for what a
//! regex without look-around cannot see (a year inside "Vision 2030", a
//! range "2024-2028", "ce jour-là").

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::ops::{Index, Range};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, Span};

use super::words::{YEAR, day_fits_month, day_number, month_number, weekday};
use super::{DateExpr, DateMention};
use crate::text::Lang;

use window::{Anchor, Costs, Reach};

mod en;
mod fr;
mod window;

/// The function that turns a match into a date expression, or rejects it.
type Build = fn(&Groups<'_>, &str) -> Option<DateExpr>;

/// One pattern family: a regex, what its matches always contain, and the
/// function that turns a match into a date expression, or rejects it.
pub(super) struct Family {
    regex: Regex,
    anchor: Anchor,
    /// How far matches reach around the anchor; `None` when they are
    /// unbounded, and the family searches the whole text.
    reach: Option<Reach>,
    build: Build,
}

impl Family {
    /// Compiles a family. The patterns are constants of this module, and a
    /// test compiles every family, so a failure here is a programming error.
    ///
    /// Every `\b` of a pattern becomes an ASCII word boundary: a Unicode one
    /// sends the regex engine to its slow path on any non-ASCII text, fifty
    /// times slower on French. An ASCII boundary takes "é" for a non-letter,
    /// so patterns leave it out next to a non-ASCII letter ("à partir de",
    /// "passé"), and [`find_dates`] checks the Unicode boundaries of every
    /// match instead.
    ///
    /// `anchor` must be found in every text the pattern matches, whatever
    /// the case of its ASCII letters: the family only searches around its
    /// anchors.
    pub(super) fn new(pattern: &str, anchor: Anchor, build: Build) -> Family {
        let pattern = pattern.replace(r"\b", r"(?-u:\b)");
        let regex = Regex::new(&pattern).expect("date patterns are valid regexes");
        // A search resumes at the end of the last match, which only moves on
        // when matches are never empty.
        let hir = syntax::parse(&pattern).expect("date patterns are valid regexes");
        let never_empty = hir.properties().minimum_len() > Some(0);
        assert!(never_empty, "a date pattern matches no empty text");
        Family {
            regex,
            anchor,
            reach: Reach::new(&pattern, anchor),
            build,
        }
    }

    /// Compiles a family whose pattern holds `list`, a repeated group at its
    /// top level before the anchor's group, made of characters that
    /// `is_list_char` accepts; such a family searches windows all the same
    /// (see [`Reach::with_list`]).
    pub(super) fn with_list(
        pattern: &str,
        anchor: Anchor,
        list: &str,
        is_list_char: fn(char) -> bool,
        build: Build,
    ) -> Family {
        let mut family = Family::new(pattern, anchor, build);
        let pattern = pattern.replace(r"\b", r"(?-u:\b)");
        let list = list.replace(r"\b", r"(?-u:\b)");
        family.reach = Reach::with_list(&pattern, anchor, &list, is_list_char);
        family
    }
}

/// The capture groups of a match, with the few lookups the build functions
/// make. The groups are only found when a build function asks for one
/// other than the whole match, as that takes a second, slower search.
pub(super) struct Groups<'t> {
    text: &'t str,
    whole: Span,
    regex: &'t Regex,
    /// The groups of the match once found, and whether they are.
    captures: &'t RefCell<Captures>,
    found: Cell<bool>,
}

/// The text a capture group matched.
#[derive(Clone, Copy)]
pub(super) struct Group<'t> {
    text: &'t str,
    span: Span,
}

impl<'t> Group<'t> {
    pub(super) fn start(&self) -> usize {
        self.span.start
    }

    pub(super) fn end(&self) -> usize {
        self.span.end
    }

    pub(super) fn as_str(&self) -> &'t str {
        &self.text[self.span.range()]
    }
}

impl<'t> Groups<'t> {
    /// Group `index`, 0 being the whole match, if it took part in the match.
    pub(super) fn get(&self, index: usize) -> Option<Group<'t>> {
        if index == 0 {
            return Some(self.group(self.whole));
        }
        let span = self.captures().get_group(index)?;
        Some(self.group(span))
    }

    /// The group called `name`, if it took part in the match.
    pub(super) fn name(&self, name: &str) -> Option<Group<'t>> {
        let span = self.captures().get_group_by_name(name)?;
        Some(self.group(span))
    }

    fn group(&self, span: Span) -> Group<'t> {
        Group {
            text: self.text,
            span,
        }
    }

    /// The groups of the match, found by a search anchored at its start and
    /// ending at its end. That search finds the same match: of the ways the
    /// pattern matches from that start, the one taken first ends at the
    /// match's end, and look-around still sees the whole text.
    fn captures(&self) -> std::cell::Ref<'_, Captures> {
        if !self.found.get() {
            let input = Input::new(self.text)
                .range(self.whole.range())
                .anchored(Anchored::Yes);
            self.regex
                .search_captures(&input, &mut self.captures.borrow_mut());
            self.found.set(true);
        }
        self.captures.borrow()
    }
}

impl Index<&str> for Groups<'_> {
    type Output = str;

    /// The text of the group called `name`; panics when it took no part in
    /// the match, so only required groups are read this way.
    fn index(&self, name: &str) -> &str {
        self.name(name)
            .unwrap_or_else(|| panic!("group {name} took no part in the match"))
            .as_str()
    }
}

/// The families of one language, the language's own and the numeric ones,
/// with the anchor words of all of them, searched in one pass.
struct Families {
    families: Vec<Family>,
    /// Every anchor word of the families, ASCII case ignored, found with
    /// overlaps so that a word inside another ("mai" in "semaine") is found
    /// too.
    anchor_words: AhoCorasick,
    /// For each word of `anchor_words`, the families it anchors, family `i`
    /// as bit `i`.
    word_families: Vec<u64>,
}

impl Families {
    fn new(mut families: Vec<Family>) -> Families {
        families.extend(numeric_families());
        assert!(families.len() <= 64, "a family is a bit of a u64");
        let mut words: Vec<&str> = Vec::new();
        let mut word_families: Vec<u64> = Vec::new();
        for (i, family) in families.iter().enumerate() {
            if let Anchor::Words { words: anchors, .. } = family.anchor {
                for word in anchors {
                    let index = match words.iter().position(|w| w == word) {
                        Some(index) => index,
                        None => {
                            words.push(word);
                            word_families.push(0);
                            words.len() - 1
                        }
                    };
                    word_families[index] |= 1 << i;
                }
            }
        }
        let anchor_words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .expect("the anchor words build an automaton");
        Families {
            families,
            anchor_words,
            word_families,
        }
    }

    /// The costs of `text` and the spans of each family's anchors in it,
    /// sorted by start.
    fn anchors(&self, text: &str) -> (Costs, Vec<Vec<Range<usize>>>) {
        let (costs, digit_runs) = Costs::new(text);
        let mut anchors = vec![Vec::new(); self.families.len()];
        for found in self.anchor_words.find_overlapping_iter(text) {
            let mut families = self.word_families[found.pattern().as_usize()];
            while families != 0 {
                anchors[families.trailing_zeros() as usize].push(found.range());
                families &= families - 1;
            }
        }
        for (family, spans) in self.families.iter().zip(anchors.iter_mut()) {
            match family.anchor {
                Anchor::Digits { .. } => spans.clone_from(&digit_runs),
                // Overlapping matches come by end, not by start.
                Anchor::Words { .. } => spans.sort_unstable_by_key(|span| span.start),
            }
        }
        (costs, anchors)
    }
}

static FAMILIES_FR: LazyLock<Families> = LazyLock::new(|| Families::new(fr::families()));

static FAMILIES_EN: LazyLock<Families> = LazyLock::new(|| Families::new(en::families()));

/// Finds the date expressions of `text`, sorted by position, without
/// overlaps; where two readings overlap the longer one wins.
///
/// Each family searches only the windows around its anchors (see
/// [`window`]), which finds the matches a search of the whole text finds.
pub fn find_dates(text: &str, lang: Lang) -> Vec<DateMention> {
    let families = match lang {
        Lang::Fr => &*FAMILIES_FR,
        Lang::En => &*FAMILIES_EN,
    };
    // Anchor words miss letters that only Unicode case folding finds.
    let anchors = (!window::has_non_ascii_case_fold(text)).then(|| families.anchors(text));
    select_longest(candidates(text, families, anchors.as_ref()))
}

/// Every reading of `text` the families find and accept. With `anchors`,
/// the families whose matches are bounded search only the windows around
/// their anchors; the others, and all without `anchors`, the whole text.
fn candidates(
    text: &str,
    families: &Families,
    anchors: Option<&(Costs, Vec<Vec<Range<usize>>>)>,
) -> Vec<DateMention> {
    let mut candidates = Vec::new();
    for (i, family) in families.families.iter().enumerate() {
        let windows = match (anchors, family.reach) {
            (Some((costs, anchors)), Some(reach)) => costs.windows(text, &anchors[i], reach),
            _ => std::iter::once(0..text.len()).collect(),
        };
        let captures = RefCell::new(family.regex.create_captures());
        for window in windows {
            let mut input = Input::new(text).range(window);
            while let Some(whole) = family.regex.search(&input) {
                input.set_start(whole.end());
                if !on_word_edges(text, whole.start(), whole.end()) {
                    continue;
                }
                let groups = Groups {
                    text,
                    whole: whole.span(),
                    regex: &family.regex,
                    captures: &captures,
                    found: Cell::new(false),
                };
                if let Some(expr) = (family.build)(&groups, text) {
                    candidates.push(DateMention {
                        start: whole.start(),
                        end: whole.end(),
                        expr,
                    });
                }
            }
        }
    }
    candidates
}

/// Whether `[start, end)` neither starts nor ends inside a word, letters of
/// any script counted.
fn on_word_edges(text: &str, start: usize, end: usize) -> bool {
    let is_word = |c: char| c.is_alphanumeric();
    let matched = &text[start..end];
    let cut_at_start = matched.chars().next().is_some_and(is_word)
        && text[..start].chars().next_back().is_some_and(is_word);
    let cut_at_end = matched.chars().next_back().is_some_and(is_word)
        && text[end..].chars().next().is_some_and(is_word);
    !cut_at_start && !cut_at_end
}

/// Keeps the longest candidates that do not overlap a longer (or, at equal
/// length, an earlier) one, sorted by position.
fn select_longest(mut candidates: Vec<DateMention>) -> Vec<DateMention> {
    candidates.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
    // The kept mentions by start; they never overlap, so the one starting
    // last before a candidate's end is the only one that can overlap it.
    let mut kept: BTreeMap<usize, DateMention> = BTreeMap::new();
    for candidate in candidates {
        let overlaps = kept
            .range(..candidate.end)
            .next_back()
            .is_some_and(|(_, previous)| previous.end > candidate.start);
        if !overlaps {
            kept.insert(candidate.start, candidate);
        }
    }
    kept.into_values().collect()
}

/// Numeric dates, shared by both languages: "24/09/2025", "24.09.2025",
/// "24-09-2025" (day first; month first only when the first number cannot
/// be a month) and ISO "2025-09-24".
fn numeric_families() -> Vec<Family> {
    vec![
        Family::new(
            r"\b(?P<a>[0-9]{1,2})(?P<s1>[./-])(?P<b>[0-9]{1,2})(?P<s2>[./-])(?P<year>[0-9]{4})\b",
            Anchor::digits_in("a"),
            |caps, text| {
                let whole = caps.get(0)?;
                if caps["s1"] != caps["s2"] || !stands_apart(text, whole.start(), whole.end()) {
                    return None;
                }
                let first: i8 = caps["a"].parse().ok()?;
                let second: i8 = caps["b"].parse().ok()?;
                let (day, month) = if second > 12 && first <= 12 {
                    (second, first)
                } else {
                    (first, second)
                };
                full_date(parse_year(&caps["year"])?, month, day)
            },
        ),
        Family::new(
            r"\b(?P<year>[0-9]{4})(?P<s1>[-/])(?P<month>[0-9]{2})(?P<s2>[-/])(?P<day>[0-9]{2})(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?",
            Anchor::digits_in("year"),
            |caps, text| {
                let whole = caps.get(0)?;
                if caps["s1"] != caps["s2"] || !stands_apart(text, whole.start(), whole.end()) {
                    return None;
                }
                let year = parse_year(&caps["year"])?;
                full_date(year, caps["month"].parse().ok()?, caps["day"].parse().ok()?)
            },
        ),
    ]
}

/// Whether a numeric date is not part of a longer run of numbers (a version,
/// an address, a phone number).
fn stands_apart(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    let mut back = before.chars().rev();
    let joined_before = matches!(
        (back.next(), back.next()),
        (Some('.' | '/' | '-'), Some(c)) if c.is_ascii_digit()
    );
    let mut ahead = after.chars();
    let joined_after = matches!(
        (ahead.next(), ahead.next()),
        (Some('.' | '/' | '-' | ':'), Some(c)) if c.is_ascii_digit()
    ) || after.starts_with(|c: char| c.is_ascii_digit());
    !joined_before && !joined_after
}

/// A full date, if it exists.
pub(super) fn full_date(year: i16, month: i8, day: i8) -> Option<DateExpr> {
    jiff::civil::Date::new(year, month, day).ok()?;
    Some(DateExpr::Date { year, month, day })
}

/// A year as written, if it lies in 1900–2100.
pub(super) fn parse_year(year: &str) -> Option<i16> {
    let year: i16 = year.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// The first day of a range ("les 4 et 5 décembre", "du 28 novembre au 2
/// décembre 2023", "December 4-6, 2023") from its parts as written: the first
/// day with its month and year when given, the last day with its month and
/// year when given. A first month later than the last one belongs to the year
/// before.
pub(super) fn range_start(
    first: (&str, Option<&str>, Option<&str>),
    last: (&str, &str, Option<&str>),
) -> Option<DateExpr> {
    let (day1, month1, year1) = first;
    let (day2, month2, year2) = last;
    let day1 = day_number(day1)?;
    let day2 = day_number(day2)?;
    let last_month = month_number(month2)?;
    let first_month = match month1 {
        Some(word) => month_number(word)?,
        None if day2 <= day1 => return None,
        None => last_month,
    };
    if !day_fits_month(day1, first_month) || !day_fits_month(day2, last_month) {
        return None;
    }
    let first_year = match (year1, year2) {
        (Some(year1), _) => Some(parse_year(year1)?),
        (None, Some(year2)) => {
            let year2 = parse_year(year2)?;
            Some(if first_month > last_month {
                year2 - 1
            } else {
                year2
            })
        }
        (None, None) => None,
    };
    match first_year {
        Some(year) => full_date(year, first_month, day1),
        None => Some(DateExpr::DayMonth {
            month: first_month,
            day: day1,
            weekday: None,
            qualifier: super::Qualifier::Nearest,
        }),
    }
}

/// Whether a range match is rather a list of two full dates joined by "et"
/// or "and" ("le 15 août et le 9 décembre"), which is two mentions; `between`
/// is the word that makes it a range anyway ("entre", "between").
pub(super) fn is_list(caps: &Groups<'_>, between: &str) -> bool {
    let joined_by_and =
        group(caps, "conn").is_some_and(|c| matches!(c.to_lowercase().as_str(), "et" | "and"));
    let led_by_between = group(caps, "lead").is_some_and(|l| l.to_lowercase().starts_with(between));
    caps.name("month1").is_some() && joined_by_and && !led_by_between
}

/// The text of an optional capture group.
pub(super) fn group<'t>(caps: &Groups<'t>, name: &str) -> Option<&'t str> {
    caps.name(name).map(|m| m.as_str())
}

/// The text just before `start`, at most `bytes` long, lowercased.
pub(super) fn lower_before(text: &str, start: usize, bytes: usize) -> String {
    let from = (start.saturating_sub(bytes)..=start)
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(start);
    text[from..start].to_lowercase()
}

/// The text just after `end`, at most `chars` characters, lowercased.
pub(super) fn lower_after(text: &str, end: usize, chars: usize) -> String {
    text[end..]
        .chars()
        .take(chars)
        .collect::<String>()
        .to_lowercase()
}

/// The regex of a table of fixed phrases: phrase `i` is capture group `i + 1`,
/// matched without regard to case. Phrases carry their own word boundaries.
pub(super) fn table_pattern(table: &[(&str, DateExpr)]) -> String {
    let alternatives: Vec<String> = table
        .iter()
        .map(|(phrase, _)| format!("({phrase})"))
        .collect();
    format!(r"(?i){}", alternatives.join("|"))
}

/// The expression of the phrase of a table that matched.
pub(super) fn table_expr(caps: &Groups<'_>, table: &[(&str, DateExpr)]) -> Option<DateExpr> {
    (0..table.len())
        .find(|i| caps.get(i + 1).is_some())
        .map(|i| table[i].1)
}

/// The word directly before `start`, across exactly one space, as its
/// letters only ("l'Agenda 2063" gives "Agenda").
pub(super) fn previous_word(text: &str, start: usize) -> Option<&str> {
    let before = &text[..start];
    let space = before.chars().next_back().filter(|c| c.is_whitespace())?;
    let before = &before[..before.len() - space.len_utf8()];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some(&before[word_start..])
}

/// The word directly after `end`, across any spaces, as its letters only;
/// `None` when punctuation, a digit or the end of the text comes first.
pub(super) fn next_word(text: &str, end: usize) -> Option<&str> {
    let after = text[end..].trim_start();
    let word_end = after
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(i, _)| i);
    (word_end > 0).then(|| &after[..word_end])
}

/// Words that, after a number, show it counts something and is no year.
const COUNTED: &[&str] = &[
    "personnes",
    "people",
    "soldats",
    "soldiers",
    "troops",
    "hommes",
    "men",
    "habitants",
    "residents",
    "participants",
    "délégués",
    "delegates",
    "étudiants",
    "students",
    "emplois",
    "jobs",
    "km",
    "kilomètres",
    "kilometres",
    "kilometers",
    "miles",
    "mètres",
    "metres",
    "meters",
    "m",
    "hectares",
    "ha",
    "tonnes",
    "tons",
    "mw",
    "gw",
    "dollars",
    "euros",
    "francs",
    "fcfa",
    "usd",
    "eur",
    "millions",
    "million",
    "milliards",
    "billion",
    "heures",
    "hours",
    "pages",
];

/// Words before a year that do not make it part of a name, though they may
/// be capitalised at the start of a sentence.
const YEAR_LEADS: &[&str] = &[
    "the", "of", "and", "or", "in", "since", "by", "until", "from", "between", "after", "before",
    "during", "around", "to", "le", "la", "les", "l", "de", "du", "des", "et", "ou", "en",
    "depuis", "fin", "début", "entre", "après", "avant", "pendant", "durant", "vers", "dès", "à",
    "a", "an", "un", "une",
];

/// Words that number things, so that the number after them is no year
/// ("résolution 1973", "page 2019").
const NUMBERING: &[&str] = &[
    "résolution",
    "resolution",
    "décret",
    "decree",
    "loi",
    "law",
    "article",
    "page",
    "p",
    "n",
    "no",
    "numéro",
    "number",
    "vol",
    "flight",
    "route",
    "ligne",
    "line",
    "code",
    "chapitre",
    "chapter",
    "section",
    "point",
    "room",
    "salle",
];

/// Whether a four-digit year at `[start, end)` reads as a year: not inside a
/// number, a range ("2024-2028" gives no year), an amount or a count, nor,
/// without a preposition, inside a name ("Vision 2030", "Agenda 2063",
/// "COP 2030") or a decade ("les années 1990").
pub(super) fn year_stands_alone(
    text: &str,
    start: usize,
    end: usize,
    has_preposition: bool,
) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    let mut back = before.chars().rev();
    let (last, second_last) = (back.next(), back.next());
    let joined_before = match (last, second_last) {
        (Some(c), _) if c.is_ascii_digit() => true,
        (Some('.' | ',' | '-' | '–' | '/'), Some(c)) if c.is_ascii_digit() => true,
        (Some(c), Some(d)) if c.is_whitespace() && d.is_ascii_digit() => true,
        _ => false,
    };
    let currency = before
        .trim_end()
        .ends_with(['$', '€', '£', '¥', '#', '+', '№', '°']);
    let mut ahead = after.chars();
    let joined_after = match (ahead.next(), ahead.next()) {
        (Some('.' | ',' | '-' | '–' | '/' | ':'), Some(c)) if c.is_ascii_digit() => true,
        (Some(c), Some(d)) if c.is_whitespace() && d.is_ascii_digit() => !has_preposition,
        _ => false,
    };
    let amount = after.trim_start().starts_with(['%', '$', '€', '£'])
        || next_word(text, end).is_some_and(|word| COUNTED.contains(&word.to_lowercase().as_str()));
    if joined_before || currency || joined_after || amount {
        return false;
    }
    if has_preposition {
        return true;
    }
    match previous_word(text, start) {
        Some(word) => {
            let lower = word.to_lowercase();
            let decade = matches!(lower.as_str(), "années" | "annees" | "years");
            let numbered = NUMBERING.contains(&lower.as_str());
            let name = word.chars().next().is_some_and(char::is_uppercase)
                && !YEAR_LEADS.contains(&lower.as_str())
                && month_number(word).is_none();
            !decade && !numbered && !name
        }
        None => true,
    }
}

/// A year with what may come before it ("en 2014", "since 2014", "mi-2023",
/// "2019"), read from the whole match: the pattern ends with the year's four
/// digits, and all before them is the preposition or the part of the year.
/// Finding the groups would take a second search for the most common match
/// of all.
pub(super) fn year_alone(caps: &Groups<'_>, text: &str) -> Option<DateExpr> {
    let whole = caps.get(0)?;
    let year_start = whole.end() - 4;
    let has_preposition = whole.start() < year_start;
    year_stands_alone(text, year_start, whole.end(), has_preposition)
        .then_some(DateExpr::Year(parse_year(&text[year_start..whole.end()])?))
}

/// A day of the month named alone, with its weekday when the family has one
/// ("mardi 24", "on the 28th"), when what follows ends a date (see
/// [`bare_day_ends`]).
pub(super) fn bare_day(caps: &Groups<'_>, text: &str, allowed: &[&str]) -> Option<DateExpr> {
    if !bare_day_ends(text, caps.get(0)?.end(), allowed) {
        return None;
    }
    Some(DateExpr::Day {
        day: day_number(&caps["day"])?,
        weekday: group(caps, "wd").and_then(weekday),
    })
}

/// Whether a bare day number ("le 28", "on the 28th") is followed by what
/// ends a date: punctuation, the end of the text or one of `allowed` words,
/// rather than by a noun it counts or qualifies ("le 1er ministre").
pub(super) fn bare_day_ends(text: &str, end: usize, allowed: &[&str]) -> bool {
    let after = &text[end..];
    let rest = after.trim_start();
    if rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '%' | '°')) {
        return false;
    }
    let mut ahead = after.chars();
    if let (Some('.' | ','), Some(c)) = (ahead.next(), ahead.next())
        && c.is_ascii_digit()
    {
        return false;
    }
    let rest = lower_after(text, end, 12);
    let rest = rest.trim_start();
    if rest.starts_with("pour cent") || rest.starts_with("per cent") {
        return false;
    }
    match next_word(text, end) {
        Some(word) => allowed.contains(&word.to_lowercase().as_str()),
        None => true,
    }
}

/// The regex fragment of a year group.
pub(super) fn year_group(name: &str) -> String {
    format!(r"(?P<{name}>{YEAR})\b")
}

/// Checks, over every character, that `is_list_char` accepts what the
/// regex character class `class` matches, case folding included.
#[cfg(test)]
pub(super) fn assert_list_chars_match(is_list_char: fn(char) -> bool, class: &str) {
    let class = regex::Regex::new(&format!("(?i)^{class}$")).expect("a character class");
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let mut buffer = [0; 4];
        assert_eq!(
            is_list_char(c),
            class.is_match(c.encode_utf8(&mut buffer)),
            "{c:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_compiles() {
        for families in [&*FAMILIES_FR, &*FAMILIES_EN] {
            assert!(!families.families.is_empty());
        }
    }

    /// Pieces of text close to dates, so that random joins of them make
    /// many matches, near misses and matches cut by window edges.
    const PIECES: &[&str] = &[
        "le",
        "Le",
        "du",
        "les",
        "et",
        "au",
        "entre",
        "en",
        "depuis",
        "fin",
        "mi-",
        "ce",
        "cette",
        "l'an",
        "l’année",
        "L'AN",
        "dernier",
        "dernière",
        "prochain",
        "prochaine",
        "passé",
        "semaine",
        "mois",
        "année",
        "hier",
        "demain",
        "aujourd'hui",
        "ce soir",
        "bientôt",
        "récemment",
        "ultérieure",
        "peu",
        "jours",
        "à venir",
        "mardi",
        "LUNDI",
        "septembre",
        "Sept.",
        "déc.",
        "DÉCEMBRE",
        "févr.",
        "fév.",
        "mars",
        "août",
        "AOÛT",
        "mai",
        "1er",
        "1",
        "4",
        "24",
        "28",
        "31",
        "2025",
        "1990",
        "2100",
        "09",
        "24/09/2025",
        "2025-09-24",
        "2025-09-24T10:30:00.123456789Z",
        "the",
        "of",
        "on",
        "in",
        "since",
        "between",
        "from",
        "and",
        "to",
        "this",
        "last",
        "next",
        "early",
        "late",
        "mid-",
        "Tuesday",
        "Friday",
        "September",
        "Dec",
        "Sept.",
        "May",
        "may",
        "24th",
        "1st",
        "yesterday",
        "today",
        "tonight",
        "week",
        "month",
        "year",
        "year-end",
        "soon",
        "as soon as possible",
        "shortly",
        "coming",
        "months",
        "future",
        "recently",
        "Mars",
        ",",
        ".",
        "-",
        "–",
        "'",
        "ſept",
        "K",
        "Vision",
        "personnes",
        "%",
    ];

    /// What may join two pieces: nothing, or whitespace of various kinds.
    const JOINS: &[&str] = &[
        "",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\u{a0}",
        "\t\n ",
        "\n \n  \n",
        "\u{a0}\u{3000} ",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn windows_find_what_the_whole_text_holds(
            parts in proptest::collection::vec(
                (proptest::sample::select(PIECES), proptest::sample::select(JOINS)),
                0..40,
            ),
        ) {
            let text: String = parts.iter().flat_map(|(piece, join)| [*piece, *join]).collect();
            for families in [&*FAMILIES_FR, &*FAMILIES_EN] {
                let anchors = families.anchors(&text);
                let windowed = candidates(&text, families, Some(&anchors));
                let whole = candidates(&text, families, None);
                proptest::prop_assert_eq!(windowed, whole);
            }
        }
    }

    #[test]
    fn longest_candidate_wins() {
        let mention = |start, end| DateMention {
            start,
            end,
            expr: DateExpr::Year(2000),
        };
        let chosen = select_longest(vec![mention(5, 9), mention(0, 12), mention(12, 14)]);
        assert_eq!(chosen, vec![mention(0, 12), mention(12, 14)]);
    }

    #[test]
    fn previous_and_next_words() {
        let text = "l'Agenda 2063 pour 2000 soldats.";
        assert_eq!(previous_word(text, 9), Some("Agenda"));
        assert_eq!(next_word(text, 23), Some("soldats"));
        assert_eq!(next_word(text, 31), None);
    }
}
