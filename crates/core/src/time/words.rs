//! The calendar words of each language: regex fragments for month names,
//! weekdays, day numbers and years, and the lookups that turn a matched word
//! back into a number. Fragments are written for case-insensitive regexes;
//! French accents are optional ("fevrier", "aout", "decembre").

use jiff::civil::Weekday;

/// French month names, full or abbreviated with a period ("janv.",
/// "sept."); the period is required so that "sept" the number never
/// matches.
pub const MONTH_FR: &str = r"(?:(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\b|(?:janv|f[ée]vr|f[ée]v|avr|juil|sept|oct|nov|d[ée]c)\.)";

/// French month names in full, for months named without a day or a year.
pub const MONTH_FULL_FR: &str = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\b";

/// English month names, full or abbreviated ("Sept.", "Dec"). Callers check
/// that the match is capitalised, which keeps out "may" the verb.
pub const MONTH_EN: &str = r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.|\b))";

/// English month names in full, for months named without a day or a year.
pub const MONTH_FULL_EN: &str =
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\b";

pub const WEEKDAY_FR: &str = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b";

/// English weekdays; callers check that the match is capitalised.
pub const WEEKDAY_EN: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b";

/// A French day of the month, "1er" included.
pub const DAY_FR: &str = r"(?:1er|1ᵉʳ|3[01]|[12][0-9]|0?[1-9])";

/// An English day of the month with an optional ordinal suffix.
pub const DAY_EN: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?";

/// A year between 1900 and 2100.
pub const YEAR: &str = r"(?:19[0-9]{2}|20[0-9]{2}|2100)";

/// Removes the accents the French calendar words can carry and lowercases.
fn plain(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'û' | 'ù' => 'u',
            'â' | 'à' => 'a',
            other => other,
        })
        .filter(|c| *c != '.')
        .collect()
}

/// The number of a month name of either language, full or abbreviated.
pub fn month_number(word: &str) -> Option<i8> {
    let month = match plain(word).as_str() {
        "janvier" | "janv" | "january" | "jan" => 1,
        "fevrier" | "fevr" | "fev" | "february" | "feb" => 2,
        "mars" | "march" | "mar" => 3,
        "avril" | "avr" | "april" | "apr" => 4,
        "mai" | "may" => 5,
        "juin" | "june" | "jun" => 6,
        "juillet" | "juil" | "july" | "jul" => 7,
        "aout" | "august" | "aug" => 8,
        "septembre" | "sept" | "september" | "sep" => 9,
        "octobre" | "october" | "oct" => 10,
        "novembre" | "november" | "nov" => 11,
        "decembre" | "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

/// The weekday a name of either language stands for.
pub fn weekday(word: &str) -> Option<Weekday> {
    let weekday = match plain(word).as_str() {
        "lundi" | "monday" => Weekday::Monday,
        "mardi" | "tuesday" => Weekday::Tuesday,
        "mercredi" | "wednesday" => Weekday::Wednesday,
        "jeudi" | "thursday" => Weekday::Thursday,
        "vendredi" | "friday" => Weekday::Friday,
        "samedi" | "saturday" => Weekday::Saturday,
        "dimanche" | "sunday" => Weekday::Sunday,
        _ => return None,
    };
    Some(weekday)
}

/// The number of a day of the month as written ("1er", "24th", "07").
pub fn day_number(word: &str) -> Option<i8> {
    let digits = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    let day: i8 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// Whether a day exists in a month of some year (29 February included).
pub fn day_fits_month(day: i8, month: i8) -> bool {
    jiff::civil::Date::new(2000, month, day).is_ok()
}

/// Whether a word starts with a capital letter, as English month and weekday
/// names do.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_of_both_languages() {
        assert_eq!(month_number("Février"), Some(2));
        assert_eq!(month_number("fevr."), Some(2));
        assert_eq!(month_number("août"), Some(8));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("déc."), Some(12));
        assert_eq!(month_number("Dec"), Some(12));
        assert_eq!(month_number("mois"), None);
    }

    #[test]
    fn day_numbers_keep_ordinals_out() {
        assert_eq!(day_number("1er"), Some(1));
        assert_eq!(day_number("1ᵉʳ"), Some(1));
        assert_eq!(day_number("24th"), Some(24));
        assert_eq!(day_number("07"), Some(7));
        assert_eq!(day_number("32"), None);
        assert!(!day_fits_month(31, 4));
        assert!(day_fits_month(29, 2));
    }
}
