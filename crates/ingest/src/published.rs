//! Publication dates as inputs give them: a plain `YYYY-MM-DD` date, or a
//! timestamp (RFC 3339, with or without its offset) of which only the date as
//! written is kept. The date is the extractor's anchor for relative dates, so a
//! timestamp is not shifted to UTC: "2025-01-21T23:30:00+01:00" is the 21st.

use jiff::civil::{Date, DateTime};

/// Why a string is not a publication date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a date: {reason} (expected YYYY-MM-DD or an RFC 3339 timestamp)")]
pub struct InvalidDate {
    /// The string as given.
    pub value: String,
    /// What is wrong with it.
    pub reason: String,
}

/// Parses a publication date: `2025-01-21`, or a timestamp such as
/// `2025-01-21T10:00:00Z` or `2025-01-21T23:30:00+01:00`, whose date is kept.
pub fn parse_published(value: &str) -> Result<Date, InvalidDate> {
    let invalid = |reason: &str| InvalidDate {
        value: value.to_string(),
        reason: reason.to_string(),
    };
    let trimmed = value.trim();
    let bytes = trimmed.as_bytes();
    let has_date_shape = bytes.len() >= 10
        && bytes[..10]
            .iter()
            .enumerate()
            .all(|(index, byte)| match index {
                4 | 7 => *byte == b'-',
                _ => byte.is_ascii_digit(),
            });
    if !has_date_shape {
        return Err(invalid("it does not start with YYYY-MM-DD"));
    }
    // The first ten bytes are ASCII, so slicing there is on a char boundary.
    let date_part = &trimmed[..10];
    let date = date_part
        .parse::<Date>()
        .map_err(|error| invalid(&error.to_string()))?;
    if trimmed.len() == 10 {
        return Ok(date);
    }
    if !matches!(bytes[10], b'T' | b't' | b' ') {
        return Err(invalid("unexpected text after the date"));
    }
    let is_timestamp = trimmed.parse::<jiff::Timestamp>().is_ok();
    let is_datetime = trimmed.parse::<DateTime>().is_ok();
    if is_timestamp || is_datetime {
        Ok(date)
    } else {
        Err(invalid("the time after the date is not valid"))
    }
}

/// The wall-clock date and time of a timestamp as its writer gave it, read
/// leniently from what pages and feeds carry: RFC 3339 or ISO 8601 with or
/// without an offset (`2025-01-21T23:30:00+01:00`, `...Z`), a bare date, or
/// RFC 2822 (`Tue, 21 Jan 2025 23:30:00 +0100`, even with a wrong weekday).
/// The offset is dropped, never applied, so the date is the one written.
pub(crate) fn datetime_as_written(value: &str) -> Option<DateTime> {
    let trimmed = value.trim();
    if let Ok(datetime) = trimmed.parse::<DateTime>() {
        return Some(datetime);
    }
    let without_zulu = trimmed
        .strip_suffix(['Z', 'z'])
        .filter(|rest| rest.len() > 10);
    if let Some(datetime) = without_zulu.and_then(|rest| rest.parse::<DateTime>().ok()) {
        return Some(datetime);
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(trimmed) {
        return Some(zoned.datetime());
    }
    // A weekday that disagrees with the date is a common slip in feeds.
    let without_weekday = trimmed.split_once(',').map(|(_, rest)| rest.trim());
    if let Some(zoned) = without_weekday.and_then(|rest| jiff::fmt::rfc2822::parse(rest).ok()) {
        return Some(zoned.datetime());
    }
    let date_part = trimmed.get(..10)?;
    let rest = &trimmed[10..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    date_part
        .parse::<Date>()
        .ok()
        .map(|date| date.to_datetime(jiff::civil::Time::midnight()))
}

/// The date of a timestamp as its writer gave it; see [`datetime_as_written`].
pub(crate) fn date_as_written(value: &str) -> Option<Date> {
    datetime_as_written(value).map(|datetime| datetime.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str, expected: Option<&str>) {
        let parsed = parse_published(value).ok().map(|date| date.to_string());
        assert_eq!(parsed.as_deref(), expected, "parsing {value:?}");
    }

    #[test]
    fn plain_dates() {
        check("2025-01-21", Some("2025-01-21"));
        check(" 2024-02-29 ", Some("2024-02-29"));
        check("2025-02-30", None);
        check("2025-1-5", None);
        check("20250121", None);
        check("21/01/2025", None);
        check("", None);
        check("2025-01-21x", None);
    }

    #[test]
    fn timestamps_keep_the_date_as_written() {
        check("2025-01-21T10:00:00Z", Some("2025-01-21"));
        check("2025-01-21T23:30:00+01:00", Some("2025-01-21"));
        check("2025-01-21T23:30:00-05:00", Some("2025-01-21"));
        check("2025-01-21 10:00:00+01:00", Some("2025-01-21"));
        check("2025-01-21T10:00:00", Some("2025-01-21"));
        check("2025-01-21T25:00:00Z", None);
        check("2025-01-21Tnoon", None);
    }

    #[test]
    fn dates_as_written_in_pages_and_feeds() {
        let check = |value: &str, expected: Option<&str>| {
            let found = date_as_written(value).map(|date| date.to_string());
            assert_eq!(found.as_deref(), expected, "reading {value:?}");
        };
        check("2025-01-21T23:30:00+01:00", Some("2025-01-21"));
        check("2025-01-21T23:30:00-05:00", Some("2025-01-21"));
        check("2025-01-21T23:30:00Z", Some("2025-01-21"));
        check("2025-01-21T23:30:00.000+0100", Some("2025-01-21"));
        check("2025-01-21", Some("2025-01-21"));
        check("2025-01-21 à 18h42", Some("2025-01-21"));
        check("Tue, 21 Jan 2025 23:30:00 +0100", Some("2025-01-21"));
        check("Mon, 21 Jan 2025 23:30:00 -0500", Some("2025-01-21"));
        check("21 Jan 2025 23:30:00 GMT", Some("2025-01-21"));
        check("20250121", Some("2025-01-21"));
        check("2025-02-30", None);
        check("21 janvier 2025", None);
        check("", None);
    }

    #[test]
    fn the_error_names_the_value() {
        let error = parse_published("2025-13-01").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("\"2025-13-01\" is not a date")
        );
    }
}
