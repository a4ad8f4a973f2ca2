//! French date patterns: "le 24 septembre 2025", "les 4 et 5 décembre",
//! "fin septembre 2025", "en septembre dernier", "depuis 2014", "ce mardi",
//! "le 28", "hier", "la semaine prochaine", "prochainement". All are matched
//! without regard to case, and accents are optional.

use super::super::words::{
    DAY_FR, MONTH_FR, MONTH_FULL_FR, WEEKDAY_FR, YEAR, day_fits_month, day_number, month_number,
    weekday,
};
use super::super::{DateExpr, Direction, Qualifier};
use super::window::Anchor;
use super::{
    Family, Groups, bare_day, full_date, group, is_list, lower_after, lower_before, parse_year,
    range_start, table_expr, table_pattern, year_alone, year_group,
};

/// Prepositions that put a month or a year in a date context. Each carries
/// its own word boundary, as "à" cannot follow an ASCII one (see
/// [`Family::new`]); patterns put a boundary after them, before the month or
/// year.
const PREPOSITION: &str = r"(?:(?:\b(?:en|depuis|d[èe]s|jusqu['’](?:en|à|au)|d['’]ici(?:\s+à)?|avant|apr[eè]s|pour|(?:le|au|du|ce)\s+mois\s+de)|à\s+partir\s+de|à\s+compter\s+de)\s+)?";

/// The part of a month or a year: its start, middle or end.
const PART: &str = r"(?:\b(?:d[ée]but|fin|courant)\s+|(?:à\s+la\s+)?\bmi-\s*)?";

/// "dernier", "passé" or "prochain" after a weekday or a month.
const QUALIFIER: &str = r"(?P<q>dernier\b|prochain\b|pass(?:e\b|é))";

/// Words that may follow a bare day number ("le 28 à Lomé") without making
/// it a count or a rank ("le 1er ministre").
const DAY_FOLLOWERS: &[&str] = &[
    "à", "au", "aux", "en", "dans", "lors", "et", "avec", "pour", "par", "entre", "sur", "chez",
    "lorsque", "quand", "où", "courant", "dernier", "prochain", "puis", "mais", "le", "la", "les",
    "l", "il", "elle", "ils", "elles", "un", "une", "des",
];

/// Fixed relative phrases, longest readings first.
const RELATIVE: &[(&str, DateExpr)] = &[
    (r"\bavant[-\s]hier\b", DateExpr::RelativeDay(-2)),
    (r"\bapr[eè]s[-\s]demain\b", DateExpr::RelativeDay(2)),
    (r"\bhier\b", DateExpr::RelativeDay(-1)),
    (
        r"\b(?:aujourd['’]hui|ce\s+jour|ce\s+matin|ce\s+soir|cet\s+apr[eè]s-midi)\b",
        DateExpr::RelativeDay(0),
    ),
    (r"\bdemain\b", DateExpr::RelativeDay(1)),
    (
        r"\b(?:plus\s+t[ôo]t\s+|plus\s+tard\s+)?cette\s+semaine\b",
        DateExpr::RelativeWeek(0),
    ),
    (
        r"\b(?:la\s+)?semaine\s+(?:derni[eè]re|pass[ée]e)\b",
        DateExpr::RelativeWeek(-1),
    ),
    (
        r"\b(?:la\s+)?semaine\s+prochaine\b",
        DateExpr::RelativeWeek(1),
    ),
    (
        r"\b(?:plus\s+t[ôo]t\s+)?ce\s+mois(?:-ci)?\b",
        DateExpr::RelativeMonth(0),
    ),
    (
        r"\b(?:le\s+)?mois\s+(?:dernier\b|pass(?:e\b|é))",
        DateExpr::RelativeMonth(-1),
    ),
    (r"\b(?:le\s+)?mois\s+prochain\b", DateExpr::RelativeMonth(1)),
    (
        r"\b(?:(?:plus\s+t[ôo]t\s+|plus\s+tard\s+)?cette\s+ann[ée]e|l['’]ann[ée]e\s+en\s+cours|depuis\s+le\s+d[ée]but\s+de\s+l['’]ann[ée]e|(?:d['’]ici|avant)\s+(?:à\s+)?la\s+fin\s+de\s+l['’]ann[ée]e)\b",
        DateExpr::RelativeYear(0),
    ),
    (
        r"\bl['’]an(?:n[ée]e)?\s+(?:derni(?:er|[eè]re)\b|pass(?:ée?|ee?\b))",
        DateExpr::RelativeYear(-1),
    ),
    (
        r"\bl['’]an(?:n[ée]e)?\s+prochaine?\b",
        DateExpr::RelativeYear(1),
    ),
];

/// Vague times, found so that callers know a time was given.
const VAGUE: &[(&str, DateExpr)] = &[
    (
        r"\b(?:prochainement|bient[ôo]t|sous\s+peu|d['’]ici\s+peu|incessamment|ult[ée]rieurement|dans\s+un\s+(?:avenir|futur)\s+(?:proche|imm[ée]diat)|dans\s+les\s+meilleurs\s+d[ée]lais|(?:dans\s+les|au\s+cours\s+des|d['’]ici\s+les)\s+(?:prochaine?s\s+(?:jours|semaines|mois|ann[ée]es)|(?:jours|semaines|mois|ann[ée]es)\s+(?:à\s+venir|qui\s+viennent)))\b|à\s+une\s+date\s+ult[ée]rieure\b",
        DateExpr::Vague(Direction::Future),
    ),
    (
        r"\b(?:r[ée]cemment|derni[eè]rement)\b",
        DateExpr::Vague(Direction::Past),
    ),
];

/// Anchor words of month names: each spelling of [`MONTH_FR`], accented or
/// not, in any case, contains one ("vr." for "févr.", "c." for "déc.").
const MONTH_WORDS: &[&str] = &[
    "janv", "vrier", "vr.", "v.", "mars", "avr", "mai", "juin", "juil", "ao", "sept", "oct", "nov",
    "cembre", "c.",
];

const WEEKDAY_WORDS: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// Anchor words of [`RELATIVE`]: each phrase contains one.
const RELATIVE_WORDS: &[&str] = &[
    "hier", "demain", "jour", "matin", "soir", "midi", "semaine", "mois", "ann", "l'an", "l’an",
];

/// Anchor words of [`VAGUE`]: each phrase contains one ("rieure" for
/// "ultérieurement" and "ultérieure").
const VAGUE_WORDS: &[&str] = &[
    "prochainement",
    "bient",
    "peu",
    "incessamment",
    "rieure",
    "avenir",
    "futur",
    "meilleurs",
    "jour",
    "semaine",
    "mois",
    "ann",
    "cemment",
    "rement",
];

pub(super) fn families() -> Vec<Family> {
    vec![
        // "le 24 septembre 2025", "mercredi 24 septembre", "le 1er décembre",
        // "le 15 mars dernier".
        Family::new(
            &format!(
                r"(?i)\b(?:(?:le|du|ce)\s+)?(?:(?P<wd>{WEEKDAY_FR}),?\s+)?(?P<day>{DAY_FR})\s+(?P<month>{MONTH_FR})(?:\s+{}|\s+(?P<q>dernier|prochain)\b)?",
                year_group("year")
            ),
            Anchor::words_in("month", MONTH_WORDS),
            day_month,
        ),
        // "les 4 et 5 décembre", "du 4 au 6 décembre 2023", "4-6 décembre",
        // "du 28 novembre au 2 décembre".
        Family::with_list(
            &format!(
                r"(?i)\b(?:(?P<lead>les|du|entre\s+les?)\s+)?(?P<day1>{DAY_FR})(?:\s+(?P<month1>{MONTH_FR})(?:\s+(?P<year1>{YEAR}))?)?{}(?:\s+(?P<conn>et|au)\s+(?:le\s+)?|\s*[-–—]\s*)(?P<day2>{DAY_FR})\s+(?P<month>{MONTH_FR})(?:\s+{})?",
                day_list(),
                year_group("year")
            ),
            Anchor::words_in("month", MONTH_WORDS),
            &day_list(),
            is_day_list_char,
            |caps, _| {
                if is_list(caps, "entre") {
                    return None;
                }
                range_start(
                    (&caps["day1"], group(caps, "month1"), group(caps, "year1")),
                    (&caps["day2"], &caps["month"], group(caps, "year")),
                )
            },
        ),
        // "septembre 2025", "en septembre 2025", "fin septembre 2025".
        Family::new(
            &format!(
                r"(?i)(?P<prep>{PREPOSITION}{PART})\b(?P<month>{MONTH_FR})\s+{}",
                year_group("year")
            ),
            Anchor::words_in("month", MONTH_WORDS),
            |caps, _| {
                Some(DateExpr::MonthOfYear {
                    year: parse_year(&caps["year"])?,
                    month: month_number(&caps["month"])?,
                })
            },
        ),
        // "en septembre", "début septembre", "mi-septembre", "septembre
        // dernier", "le mois de mars".
        Family::new(
            &format!(
                r"(?i)(?P<prep>{PREPOSITION}{PART})\b(?P<month>{MONTH_FULL_FR})(?:\s+{QUALIFIER})?"
            ),
            Anchor::words_in("month", MONTH_WORDS),
            month,
        ),
        // "en mai de l'année dernière", "en mars cette année".
        Family::new(
            &format!(
                r"(?i)(?P<prep>{PREPOSITION}{PART})\b(?P<month>{MONTH_FULL_FR})\s+(?:de\s+)?(?:l['’]an(?:n[ée]e)?\s+(?P<rel>derni(?:er|[eè]re)\b|pass(?:ée?|ee?\b)|prochaine?\b)|cette\s+ann[ée]e\b)"
            ),
            Anchor::words_in("month", MONTH_WORDS),
            |caps, _| {
                let offset = match group(caps, "rel").map(str::to_lowercase) {
                    Some(word) if word.starts_with("prochain") => 1,
                    Some(_) => -1,
                    None => 0,
                };
                Some(DateExpr::MonthOfRelativeYear {
                    month: month_number(&caps["month"])?,
                    offset,
                })
            },
        ),
        // "en 2014", "depuis 2014", "fin 2023", "mi-2023", "2019".
        Family::new(
            &format!(
                r"(?i)(?P<prep>(?:(?:\b(?:en|depuis|d[èe]s|jusqu['’](?:en|à|au)|d['’]ici(?:\s+à)?|avant|apr[eè]s|pour|courant|(?:en\s+)?l['’]an(?:n[ée]e)?)|à\s+partir\s+de|à\s+compter\s+de)\s+)?{PART})\b{}",
                year_group("year")
            ),
            Anchor::digits_in("year"),
            year_alone,
        ),
        // "mardi", "ce mardi", "mardi dernier", "mardi prochain".
        Family::new(
            &format!(r"(?i)\b(?:(?P<this>ce)\s+)?(?P<wd>{WEEKDAY_FR})(?:\s+{QUALIFIER})?"),
            Anchor::words_in("wd", WEEKDAY_WORDS),
            weekday_alone,
        ),
        // "mardi 24", "ce mardi 24".
        Family::new(
            &format!(r"(?i)\b(?:(?:ce|le)\s+)?(?P<wd>{WEEKDAY_FR}),?\s+(?P<day>{DAY_FR})\b"),
            Anchor::words_in("wd", WEEKDAY_WORDS),
            |caps, text| bare_day(caps, text, DAY_FOLLOWERS),
        ),
        // "le 28": a day of the month alone. "le 1er" is left out, as it is
        // more often a rank.
        Family::new(
            r"(?i)\ble\s+(?P<day>3[01]|[12][0-9]|0?[1-9])\b",
            Anchor::digits_in("day"),
            |caps, text| bare_day(caps, text, DAY_FOLLOWERS),
        ),
        Family::new(
            &table_pattern(RELATIVE),
            Anchor::words(RELATIVE_WORDS),
            |caps, text| {
                let whole = caps.get(0)?;
                let after = lower_after(text, whole.end(), 3);
                let phrase = whole.as_str().to_lowercase();
                let that_day = phrase.starts_with("ce jour")
                    && (after.starts_with("-là")
                        || after.starts_with("-la")
                        || after.starts_with(" là"));
                // "Ce n'est pas d'hier": it is nothing new.
                let not_new = phrase == "hier" && {
                    let before = lower_before(text, whole.start(), 8);
                    before.ends_with("pas d'") || before.ends_with("pas d’")
                };
                if that_day || not_new {
                    return None;
                }
                table_expr(caps, RELATIVE)
            },
        ),
        Family::new(
            &table_pattern(VAGUE),
            Anchor::words(VAGUE_WORDS),
            |caps, _| table_expr(caps, VAGUE),
        ),
    ]
}

/// More days in a range, between the first and the last ("les 4, 5 et 6
/// décembre").
fn day_list() -> String {
    format!(r"(?:\s*,\s*{DAY_FR})*")
}

/// Whether a character can be part of a [`day_list`]: whitespace, a comma,
/// a digit or a letter of "1er" and "1ᵉʳ", in either case.
fn is_day_list_char(c: char) -> bool {
    c.is_whitespace()
        || c == ','
        || c.is_ascii_digit()
        || matches!(c, 'e' | 'E' | 'r' | 'R' | 'ᵉ' | 'ʳ')
}

/// "dernier" and "passé" point strictly before publication, "prochain"
/// strictly after.
fn qualifier(word: Option<&str>) -> Option<Qualifier> {
    let word = word?.to_lowercase();
    Some(if word.starts_with("prochain") {
        Qualifier::Next
    } else {
        Qualifier::Last
    })
}

fn day_month(caps: &Groups<'_>, _text: &str) -> Option<DateExpr> {
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
        qualifier: qualifier(caps.name("q").map(|q| q.as_str())).unwrap_or(Qualifier::Nearest),
    })
}

/// A month without a year needs a preposition or "dernier"/"prochain", which
/// keeps out the planet ("Mars") and other homographs.
fn month(caps: &Groups<'_>, _text: &str) -> Option<DateExpr> {
    let preposition = caps["prep"].to_lowercase();
    let qualifier = match qualifier(caps.name("q").map(|q| q.as_str())) {
        Some(qualifier) => qualifier,
        None if preposition.is_empty() => return None,
        None if preposition.starts_with("ce") => Qualifier::This,
        None => Qualifier::Nearest,
    };
    Some(DateExpr::Month {
        month: month_number(&caps["month"])?,
        qualifier,
    })
}

/// Feasts and titles named after a weekday.
const WEEKDAY_NAMES_AFTER: &[&str] = &[
    "gras",
    "saint",
    "sainte",
    "de pâques",
    "de paques",
    "des rameaux",
];

fn weekday_alone(caps: &Groups<'_>, text: &str) -> Option<DateExpr> {
    let whole = caps.get(0)?;
    let after = lower_after(text, whole.end(), 12);
    let after = after.trim_start();
    if WEEKDAY_NAMES_AFTER
        .iter()
        .any(|name| after.starts_with(name))
    {
        return None;
    }
    if lower_before(text, whole.start(), 12).ends_with("journal du ") {
        return None;
    }
    let qualifier = match qualifier(caps.name("q").map(|q| q.as_str())) {
        Some(qualifier) => qualifier,
        None if caps.name("this").is_some() => Qualifier::This,
        None => Qualifier::Nearest,
    };
    Some(DateExpr::Weekday {
        weekday: weekday(&caps["wd"])?,
        qualifier,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_list_characters_are_those_the_list_matches() {
        super::super::assert_list_chars_match(is_day_list_char, r"[\s,0-9erᵉʳ]");
    }
}
