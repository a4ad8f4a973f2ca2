//! The test helper shared by the date tests: find the dates of a sentence,
//! resolve each against a publication date, and compare "matched text =
//! resolved date" lines with the expected ones.

use jiff::civil::Date;

use super::{Direction, find_dates};
use crate::text::Lang;

/// Checks the dates found in `text` and their resolution. Each expected
/// entry reads "matched text = YYYY-MM-DD", with "null" for an unresolved
/// date.
#[track_caller]
pub(super) fn check(
    text: &str,
    lang: Lang,
    published: Option<&str>,
    direction: Direction,
    expected: &[&str],
) {
    check_with_year(text, lang, published, direction, None, expected);
}

/// [`check`] with a year fixed by the article.
#[track_caller]
pub(super) fn check_with_year(
    text: &str,
    lang: Lang,
    published: Option<&str>,
    direction: Direction,
    year_hint: Option<i16>,
    expected: &[&str],
) {
    let published: Option<Date> =
        published.map(|p| p.parse().expect("test publication dates are ISO dates"));
    let actual: Vec<String> = find_dates(text, lang)
        .iter()
        .map(|mention| {
            let resolved = mention
                .resolve(published, direction, year_hint)
                .map_or_else(|| "null".to_string(), |d| d.to_string());
            format!("{} = {resolved}", &text[mention.start..mention.end])
        })
        .collect();
    assert_eq!(actual, expected, "dates in {text:?}");
}
