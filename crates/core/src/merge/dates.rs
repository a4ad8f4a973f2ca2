//! Record dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as ranges of days, so that
//! mentions from different articles can be tested for compatibility: equal at
//! the coarser precision, within a few days when both give the day, and, for
//! an undated mention, on the side of the publication date its modality
//! implies (a happening reported done lies before it, an announced one after).

/// How far apart two full dates of one happening may be, in days.
pub(crate) const WINDOW_DAYS: i64 = 3;

/// How precise a stated date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Precision {
    Year,
    Month,
    Day,
}

/// The days a mention can lie on, as inclusive day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct DayRange {
    pub start: i64,
    pub end: i64,
    /// The precision of the stated date; `None` when the range comes only
    /// from the publication date.
    pub precision: Option<Precision>,
}

impl DayRange {
    /// Any day at all.
    const UNBOUNDED: DayRange = DayRange {
        start: i64::MIN,
        end: i64::MAX,
        precision: None,
    };

    /// The range of a mention: its stated date, or else, when `before` says
    /// the happening lies before publication, every day up to the end of the
    /// publication date, and every day from it otherwise.
    pub fn of_mention(date: Option<&str>, published: Option<&str>, before: bool) -> DayRange {
        if let Some(range) = date.and_then(parse) {
            return range;
        }
        match published.and_then(|text| parse(text.get(..10).unwrap_or(text))) {
            Some(published) if before => DayRange {
                start: i64::MIN,
                end: published.end,
                precision: None,
            },
            Some(published) => DayRange {
                start: published.start,
                end: i64::MAX,
                precision: None,
            },
            None => DayRange::UNBOUNDED,
        }
    }

    /// Whether two mentions can be dated on the same happening.
    pub fn compatible(self, other: DayRange) -> bool {
        if self.precision == Some(Precision::Day) && other.precision == Some(Precision::Day) {
            (self.start - other.start).abs() <= WINDOW_DAYS
        } else {
            self.start <= other.end && other.start <= self.end
        }
    }

    /// A span of days that overlaps the span of every compatible range: the
    /// range with the window added at its end.
    pub fn span(self) -> (i64, i64) {
        (self.start, self.end.saturating_add(WINDOW_DAYS))
    }

    /// Whether both ranges are the same stated day.
    pub fn same_day(self, other: DayRange) -> bool {
        self.precision == Some(Precision::Day) && self == other
    }
}

/// The range of days a record date covers, or `None` when it is not one.
pub(crate) fn parse(text: &str) -> Option<DayRange> {
    let mut parts = text.split('-');
    let year_text = parts.next()?;
    if year_text.len() != 4 {
        return None;
    }
    let year: i64 = year_text.parse().ok()?;
    let month = match parts.next() {
        Some(text) => Some(parse_part(text)?),
        None => None,
    };
    let day = match parts.next() {
        Some(text) => Some(parse_part(text)?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    let (first, last, precision) = match (month, day) {
        (None, _) => ((1, 1), (12, 31), Precision::Year),
        (Some(month), None) => (
            (month, 1),
            (month, days_in_month(year, month)?),
            Precision::Month,
        ),
        (Some(month), Some(day)) => {
            if day == 0 || day > days_in_month(year, month)? {
                return None;
            }
            ((month, day), (month, day), Precision::Day)
        }
    };
    Some(DayRange {
        start: day_number(year, first.0, first.1),
        end: day_number(year, last.0, last.1),
        precision: Some(precision),
    })
}

/// The precision of a record date, `None` when absent or malformed.
pub(crate) fn precision(date: Option<&str>) -> Option<Precision> {
    date.and_then(parse).and_then(|range| range.precision)
}

/// A two-digit month or day.
fn parse_part(text: &str) -> Option<i64> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i64, month: i64) -> Option<i64> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (the
/// days-from-civil algorithm).
fn day_number(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: Option<&str>, b: Option<&str>, expected: bool) {
        let a_range = DayRange::of_mention(a, Some("2023-11-28"), true);
        let b_range = DayRange::of_mention(b, Some("2023-11-28"), true);
        assert_eq!(a_range.compatible(b_range), expected, "{a:?} against {b:?}");
        assert_eq!(b_range.compatible(a_range), expected, "{b:?} against {a:?}");
    }

    #[test]
    fn dates_are_compatible_at_the_coarser_precision_or_within_the_window() {
        check(Some("2023"), Some("2023-11"), true);
        check(Some("2023-11"), Some("2023-11-28"), true);
        check(Some("2023-11"), Some("2023-12-01"), false);
        check(Some("2023-11-28"), Some("2023-12-01"), true);
        check(Some("2023-11-28"), Some("2023-12-02"), false);
        check(Some("2022"), Some("2023-11"), false);
        // An undated happening reported done lies before publication.
        check(None, Some("2023-11-20"), true);
        check(None, Some("2024-01"), false);
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2024, 3, 1) - day_number(2024, 2, 28), 2);
        assert_eq!(day_number(2023, 3, 1) - day_number(2023, 2, 28), 1);
        assert_eq!(parse("2023-02-29"), None);
        assert_eq!(parse("2023-13"), None);
        assert_eq!(parse("23-01"), None);
        assert_eq!(precision(Some("2025-09")), Some(Precision::Month));
    }

    #[test]
    fn an_announced_happening_lies_after_publication() {
        let planned = DayRange::of_mention(None, Some("2023-11-28"), false);
        assert!(planned.compatible(parse("2023-12-05").unwrap()));
        assert!(!planned.compatible(parse("2023-10").unwrap()));
        let unknown = DayRange::of_mention(None, None, false);
        assert!(unknown.compatible(parse("1990").unwrap()));
    }

    #[test]
    fn compatible_ranges_have_overlapping_spans() {
        let dates = [
            None,
            Some("2023"),
            Some("2023-11"),
            Some("2023-11-25"),
            Some("2023-11-28"),
            Some("2023-12-01"),
            Some("2023-12-02"),
            Some("2024-01"),
        ];
        let mut ranges = Vec::new();
        for date in dates {
            for published in [None, Some("2023-11-28"), Some("2023-12-03")] {
                for before in [true, false] {
                    ranges.push(DayRange::of_mention(date, published, before));
                }
            }
        }
        for a in &ranges {
            for b in &ranges {
                let ((a_first, a_last), (b_first, b_last)) = (a.span(), b.span());
                let overlap = a_first <= b_last && b_first <= a_last;
                assert!(!a.compatible(*b) || overlap, "{a:?} and {b:?}");
            }
        }
    }
}
