//! English date patterns: "September 24, 2025", "24 September 2025", "Dec 5",
//! "December 4-6, 2023", "in late September", "since 2014", "last Tuesday",
//! "on the 28th", "yesterday", "earlier this month", "in the coming months".
//! Month and weekday names must be capitalised ("May", not the verb "may");
//! the words around them are matched without regard to case.

use super::super::words::{
    DAY_EN, MONTH_EN, MONTH_FULL_EN, WEEKDAY_EN, YEAR, day_fits_month, day_number, is_capitalised,
    month_number, weekday,
};
use super::super::{DateExpr, Direction, Qualifier};
use super::window::Anchor;
use super::{
    Family, Groups, bare_day, full_date, group, is_list, lower_before, next_word, parse_year,
    previous_word, range_start, table_expr, table_pattern, year_alone, year_group,
};

/// Prepositions that put a month or a year in a date context.
const PREPOSITION: &str =
    r"(?:(?:in|since|by|until|till|from|during|before|after|through|throughout|around)\s+)?";

/// The part of a month or a year: its start, middle or end.
const PART: &str = r"(?:(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)(?:\s+|-\s*))?";

/// Words that may follow a bare day ("on the 28th at the palace").
const DAY_FOLLOWERS: &[&str] = &[
    "at", "in", "with", "and", "when", "as", "during", "after", "before", "for", "by", "while",
    "where", "the", "but", "he", "she", "they", "it", "we",
];

/// Fixed relative phrases.
const RELATIVE: &[(&str, DateExpr)] = &[
    (
        r"\b(?:the\s+day\s+before\s+yesterday)\b",
        DateExpr::RelativeDay(-2),
    ),
    (
        r"\b(?:the\s+day\s+after\s+tomorrow)\b",
        DateExpr::RelativeDay(2),
    ),
    (r"\b(?:yesterday|last\s+night)\b", DateExpr::RelativeDay(-1)),
    (
        r"\b(?:(?:earlier\s+|later\s+)?today|this\s+(?:morning|afternoon|evening)|tonight)\b",
        DateExpr::RelativeDay(0),
    ),
    (r"\b(?:tomorrow)\b", DateExpr::RelativeDay(1)),
    (
        r"\b(?:(?:earlier\s+|later\s+)?this\s+week)\b",
        DateExpr::RelativeWeek(0),
    ),
    (r"\b(?:last\s+week)\b", DateExpr::RelativeWeek(-1)),
    (r"\b(?:next\s+week)\b", DateExpr::RelativeWeek(1)),
    (
        r"\b(?:(?:earlier\s+|later\s+)?this\s+month)\b",
        DateExpr::RelativeMonth(0),
    ),
    (r"\b(?:last\s+month)\b", DateExpr::RelativeMonth(-1)),
    (r"\b(?:next\s+month)\b", DateExpr::RelativeMonth(1)),
    (
        r"\b(?:(?:earlier\s+|later\s+)?this\s+year|(?:since\s+)?the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|by\s+(?:the\s+)?end\s+of\s+(?:the|this)\s+year|by\s+year[\s-]end)\b",
        DateExpr::RelativeYear(0),
    ),
    (r"\b(?:last\s+year)\b", DateExpr::RelativeYear(-1)),
    (r"\b(?:next\s+year)\b", DateExpr::RelativeYear(1)),
];

/// Vague times, found so that callers know a time was given.
const VAGUE: &[(&str, DateExpr)] = &[
    (
        r"\b(?:(?:as\s+)?soon(?:\s+as\s+possible)?|shortly|in\s+due\s+course|at\s+a\s+later\s+(?:date|stage)|(?:in|over|within)\s+the\s+(?:coming|next(?:\s+few)?|following)\s+(?:days|weeks|months|years)|in\s+the\s+(?:days|weeks|months|years)\s+(?:ahead|to\s+come)|in\s+the\s+(?:near|not\s+too\s+distant)\s+future)\b",
        DateExpr::Vague(Direction::Future),
    ),
    (r"\b(?:recently|lately)\b", DateExpr::Vague(Direction::Past)),
];

/// Anchor words of month names: each name of [`MONTH_EN`], full or
/// abbreviated, starts with one.
const MONTH_WORDS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Every weekday name ends in "day".
const WEEKDAY_WORDS: &[&str] = &["day"];

/// Anchor words of [`RELATIVE`]: each phrase contains one ("day" for
/// "yesterday" and "today", "night" for "tonight").
const RELATIVE_WORDS: &[&str] = &[
    "day",
    "night",
    "morning",
    "afternoon",
    "evening",
    "tomorrow",
    "week",
    "month",
    "year",
];

/// Anchor words of [`VAGUE`]: each phrase contains one.
const VAGUE_WORDS: &[&str] = &[
    "soon", "shortly", "course", "later", "day", "week", "month", "year", "future", "recently",
    "lately",
];

pub(super) fn families() -> Vec<Family> {
    vec![
        // "24 September 2025", "Tuesday, 24 September", "the 24th of September".
        Family::new(
            &format!(
                r"(?i)\b(?:(?P<wd>{WEEKDAY_EN}),?\s+)?(?:the\s+)?(?P<day>{DAY_EN})\s+(?:of\s+)?(?P<month>{MONTH_EN})(?:,?\s+{})?",
                year_group("year")
            ),
            Anchor::words_in("month", MONTH_WORDS),
            day_month,
        ),
        // "September 24, 2025", "Sept. 24", "Dec 5", "Tuesday, September 24".
        Family::new(
            &format!(
                r"(?i)\b(?:(?P<wd>{WEEKDAY_EN}),?\s+)?(?P<month>{MONTH_EN})\s+(?P<day>{DAY_EN})\b(?:,?\s+{})?",
                year_group("year")
            ),
            Anchor::words_in("month", MONTH_WORDS),
            |caps, text| {
                let after = &text[caps.name("day")?.end()..];
                let mut ahead = after.chars();
                let joined = matches!(
                    (ahead.next(), ahead.next()),
                    (Some('.' | ',' | ':'), Some(c)) if c.is_ascii_digit()
                );
                if joined || next_word(text, caps.name("day")?.end()) == Some("Movement") {
                    return None;
                }
                day_month(caps, text)
            },
        ),
        // "between 4 and 6 December", "4-6 December 2023".
        Family::with_list(
            &format!(
                r"(?i)\b(?:(?P<lead>between|from)\s+(?:the\s+)?)?(?P<day1>{DAY_EN})(?:\s+(?:of\s+)?(?P<month1>{MONTH_EN})(?:,?\s+(?P<year1>{YEAR}))?)?{}(?:\s+(?P<conn>and|to|through|until)\s+(?:the\s+)?|\s*[-–—]\s*)(?P<day2>{DAY_EN})\s+(?:of\s+)?(?P<month>{MONTH_EN})(?:,?\s+{})?",
                day_list(),
                year_group("year")
            ),
            Anchor::words_in("month", MONTH_WORDS),
            &day_list(),
            is_day_list_char,
            |caps, _| {
                if !capitalised(caps, &["month1", "month"]) || is_list(caps, "between") {
                    return None;
                }
                range_start(
                    (&caps["day1"], group(caps, "month1"), group(caps, "year1")),
                    (&caps["day2"], &caps["month"], group(caps, "year")),
                )
            },
        ),
        // "December 4-6, 2023", "from Nov. 28 to Dec. 2".
        Family::new(
            &format!(
                r"(?i)\b(?:(?P<lead>between|from)\s+)?(?P<month1>{MONTH_EN})\s+(?P<day1>{DAY_EN})(?:,?\s+(?P<year1>{YEAR}))?(?:\s+(?P<conn>and|to|through|until)\s+|\s*[-–—]\s*)(?:(?P<month2>{MONTH_EN})\s+)?(?P<day2>{DAY_EN})\b(?:,?\s+{})?",
                year_group("year")
            ),
            Anchor::words_in("month1", MONTH_WORDS),
            |caps, _| {
                if !capitalised(caps, &["month1", "month2"])
                    || (caps.name("month2").is_some() && is_list(caps, "between"))
                {
                    return None;
                }
                let last_month = group(caps, "month2").unwrap_or(&caps["month1"]);
                let first_month = caps.name("month2").map(|_| &caps["month1"]);
                range_start(
                    (&caps["day1"], first_month, group(caps, "year1")),
                    (&caps["day2"], last_month, group(caps, "year")),
                )
            },
        ),
        // "September 2025", "in early September 2025".
        Family::new(
            &format!(
                r"(?i)\b(?P<prep>{PREPOSITION}{PART})(?P<month>{MONTH_EN}),?\s+{}",
                year_group("year")
            ),
            Anchor::words_in("month", MONTH_WORDS),
            |caps, _| {
                if !capitalised(caps, &["month"]) {
                    return None;
                }
                Some(DateExpr::MonthOfYear {
                    year: parse_year(&caps["year"])?,
                    month: month_number(&caps["month"])?,
                })
            },
        ),
        // "in September", "in mid-September", "late September", "last May".
        Family::new(
            &format!(
                r"(?i)\b(?P<prep>{PREPOSITION}{PART}|(?P<q>this|last|next)\s+)(?P<month>{MONTH_FULL_EN})"
            ),
            Anchor::words_in("month", MONTH_WORDS),
            month,
        ),
        // "in May last year", "in March this year".
        Family::new(
            &format!(
                r"(?i)\b(?P<prep>{PREPOSITION}{PART})(?P<month>{MONTH_FULL_EN})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"
            ),
            Anchor::words_in("month", MONTH_WORDS),
            |caps, _| {
                if !capitalised(caps, &["month"]) || caps["prep"].is_empty() {
                    return None;
                }
                let offset = match caps["rel"].to_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                Some(DateExpr::MonthOfRelativeYear {
                    month: month_number(&caps["month"])?,
                    offset,
                })
            },
        ),
        // "in 2014", "since 2014", "late 2023", "mid-2023", "the 2019 accord".
        Family::new(
            &format!(r"(?i)\b(?P<prep>{PREPOSITION}{PART}){}", year_group("year")),
            Anchor::digits_in("year"),
            year_alone,
        ),
        // "Tuesday", "on Tuesday", "this Tuesday", "last Tuesday", "next Tuesday".
        Family::new(
            &format!(r"(?i)\b(?:(?P<q>this|last|next|on)\s+)?(?P<wd>{WEEKDAY_EN})"),
            Anchor::words_in("wd", WEEKDAY_WORDS),
            weekday_alone,
        ),
        // "Tuesday the 24th", "on Tuesday 24th".
        Family::new(
            &format!(
                r"(?i)\b(?:(?:on|this)\s+)?(?P<wd>{WEEKDAY_EN}),?\s+(?:the\s+)?(?P<day>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))\b"
            ),
            Anchor::words_in("wd", WEEKDAY_WORDS),
            |caps, text| {
                if !capitalised(caps, &["wd"]) {
                    return None;
                }
                bare_day(caps, text, DAY_FOLLOWERS)
            },
        ),
        // "on the 28th".
        Family::new(
            r"(?i)\bon\s+the\s+(?P<day>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))\b",
            Anchor::digits_in("day"),
            |caps, text| bare_day(caps, text, DAY_FOLLOWERS),
        ),
        Family::new(
            &table_pattern(RELATIVE),
            Anchor::words(RELATIVE_WORDS),
            |caps, text| {
                let whole = caps.get(0)?;
                if starts_with_last_or_next(whole.as_str()) && follows_the(text, whole.start()) {
                    return None;
                }
                table_expr(caps, RELATIVE)
            },
        ),
        Family::new(
            &table_pattern(VAGUE),
            Anchor::words(VAGUE_WORDS),
            |caps, text| {
                // "shortly after independence" is relative to another event.
                let relative_to_other = next_word(text, caps.get(0)?.end()).is_some_and(|word| {
                    matches!(
                        word.to_lowercase().as_str(),
                        "after" | "before" | "afterwards" | "thereafter"
                    )
                });
                if relative_to_other {
                    return None;
                }
                table_expr(caps, VAGUE)
            },
        ),
    ]
}

/// More days in a range, between the first and the last ("4, 5 and 6
/// December").
fn day_list() -> String {
    format!(r"(?:\s*,\s*{DAY_EN})*")
}

/// Whether a character can be part of a [`day_list`]: whitespace, a comma,
/// a digit or a letter of an ordinal suffix ("st", "nd", "rd", "th") in
/// either case, the long s "ſ" included.
fn is_day_list_char(c: char) -> bool {
    c.is_whitespace()
        || c == ','
        || c.is_ascii_digit()
        || matches!(c.to_ascii_lowercase(), 's' | 't' | 'n' | 'd' | 'r' | 'h')
        || c == 'ſ'
}

/// Whether the named groups that matched all start with a capital letter.
fn capitalised(caps: &Groups<'_>, names: &[&str]) -> bool {
    names
        .iter()
        .filter_map(|name| caps.name(name))
        .all(|word| is_capitalised(word.as_str()))
}

fn starts_with_last_or_next(phrase: &str) -> bool {
    let lower = phrase.to_lowercase();
    lower.starts_with("last") || lower.starts_with("next")
}

/// "the last week of March", "over the next year": "last" and "next" after
/// "the" order things, they do not point from the publication date.
fn follows_the(text: &str, start: usize) -> bool {
    let before = lower_before(text, start, 5);
    before.ends_with("the ") || before.ends_with("the\u{a0}")
}

fn day_month(caps: &Groups<'_>, _text: &str) -> Option<DateExpr> {
    if !capitalised(caps, &["month", "wd"]) {
        return None;
    }
    let day = day_number(&caps["day"])?;
    let month = month_number(&caps["month"])?;
    if !day_fits_month(day, month) {
        return None;
    }
    if let Some(year) = caps.name("year") {
        return full_date(parse_year(year.as_str())?, month, day);
    }
    Some(DateExpr::DayMonth {
        month,
        day,
        weekday: caps.name("wd").and_then(|w| weekday(w.as_str())),
        qualifier: Qualifier::Nearest,
    })
}

/// A month without a year needs a preposition, a part ("late") or "this",
/// "last", "next", which keeps out "May" the verb and the name.
fn month(caps: &Groups<'_>, text: &str) -> Option<DateExpr> {
    if !capitalised(caps, &["month"]) || caps["prep"].is_empty() {
        return None;
    }
    let qualifier = match group(caps, "q").map(str::to_lowercase).as_deref() {
        Some("this") => Qualifier::This,
        Some("last") | Some("next") if follows_the(text, caps.get(0)?.start()) => return None,
        Some("last") => Qualifier::Last,
        Some("next") => Qualifier::Next,
        _ => Qualifier::Nearest,
    };
    Some(DateExpr::Month {
        month: month_number(&caps["month"])?,
        qualifier,
    })
}

/// Words before a weekday that make it a feast or a nickname ("Good Friday",
/// "Super Tuesday").
const WEEKDAY_NAMES_BEFORE: &[&str] = &[
    "Good", "Black", "Super", "Holy", "Ash", "Cyber", "Bloody", "Easter", "Palm", "Maundy",
];

/// Words after a weekday that make it a newspaper's title ("Sunday Times").
const WEEKDAY_NAMES_AFTER: &[&str] = &[
    "Times",
    "Telegraph",
    "Express",
    "Mirror",
    "Post",
    "Standard",
    "Nation",
    "Observer",
    "Herald",
    "Mail",
    "Tribune",
    "Independent",
    "Guardian",
];

fn weekday_alone(caps: &Groups<'_>, text: &str) -> Option<DateExpr> {
    let day = caps.name("wd")?;
    if !is_capitalised(day.as_str())
        || previous_word(text, day.start()).is_some_and(|w| WEEKDAY_NAMES_BEFORE.contains(&w))
        || next_word(text, day.end()).is_some_and(|w| WEEKDAY_NAMES_AFTER.contains(&w))
    {
        return None;
    }
    let qualifier = match group(caps, "q").map(str::to_lowercase).as_deref() {
        Some("this") => Qualifier::This,
        Some("last") | Some("next") if follows_the(text, caps.get(0)?.start()) => return None,
        Some("last") => Qualifier::Last,
        Some("next") => Qualifier::Next,
        _ => Qualifier::Nearest,
    };
    Some(DateExpr::Weekday {
        weekday: weekday(day.as_str())?,
        qualifier,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_list_characters_are_those_the_list_matches() {
        super::super::assert_list_chars_match(is_day_list_char, r"[\s,0-9stndrh]");
    }
}
