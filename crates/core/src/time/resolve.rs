//! The resolver: a date expression, the publication date, the direction of
//! the event and the year the article fixes give a [`PartialDate`]. The rules
//! are those of the record contract: a weekday is the nearest such day before
//! publication (after it for future events, the publication day itself when
//! it names it); a yearless day and month takes the article's year, else the
//! nearest in the event's direction; a week gives its month when it lies in
//! one. Without a publication date, relative expressions give nothing.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::{DateExpr, Direction, PartialDate, Qualifier};

pub(super) fn resolve(
    expr: DateExpr,
    published: Option<Date>,
    direction: Direction,
    year_hint: Option<i16>,
) -> Option<PartialDate> {
    match expr {
        DateExpr::Date { year, month, day } => Some(PartialDate::day(year, month, day)),
        DateExpr::MonthOfYear { year, month } => Some(PartialDate::month(year, month)),
        DateExpr::Year(year) => Some(PartialDate::year(year)),
        DateExpr::DayMonth {
            month,
            day,
            weekday,
            qualifier,
        } => day_month(
            month, day, weekday, qualifier, published, direction, year_hint,
        ),
        DateExpr::Month { month, qualifier } => {
            let year = month_year(month, qualifier, published, direction, year_hint)?;
            Some(PartialDate::month(year, month))
        }
        DateExpr::MonthOfRelativeYear { month, offset } => Some(PartialDate::month(
            published?.year() + i16::from(offset),
            month,
        )),
        DateExpr::Weekday { weekday, qualifier } => {
            weekday_date(weekday, qualifier, published?, direction).map(PartialDate::from)
        }
        DateExpr::Day { day, weekday } => {
            let published = published?;
            let before = nearest_day_of_month(day, published, Direction::Past);
            let after = nearest_day_of_month(day, published, Direction::Future);
            pick(before, after, weekday, direction).map(PartialDate::from)
        }
        DateExpr::RelativeDay(offset) => published?
            .checked_add(i64::from(offset).days())
            .ok()
            .map(PartialDate::from),
        DateExpr::RelativeWeek(offset) => {
            let published = published?;
            let back = published.weekday().to_monday_zero_offset();
            let monday = published
                .checked_add((i64::from(offset) * 7 - i64::from(back)).days())
                .ok()?;
            let sunday = monday.checked_add(6.days()).ok()?;
            (monday.month() == sunday.month())
                .then(|| PartialDate::month(monday.year(), monday.month()))
        }
        DateExpr::RelativeMonth(offset) => {
            let published = published?;
            let (year, month) = add_months(published.year(), published.month(), offset);
            Some(PartialDate::month(year, month))
        }
        DateExpr::RelativeYear(offset) => {
            Some(PartialDate::year(published?.year() + i16::from(offset)))
        }
        DateExpr::Vague(_) => None,
    }
}

/// A yearless day and month. "dernier" and "prochain" count from the
/// publication date; otherwise the article's year wins, then the nearest date
/// in the event's direction, or in the other direction when only that one
/// falls on the weekday the text gives.
fn day_month(
    month: i8,
    day: i8,
    weekday: Option<Weekday>,
    qualifier: Qualifier,
    published: Option<Date>,
    direction: Direction,
    year_hint: Option<i16>,
) -> Option<PartialDate> {
    let strict = match qualifier {
        Qualifier::Last => Some(Direction::Past),
        Qualifier::Next => Some(Direction::Future),
        Qualifier::Nearest | Qualifier::This => None,
    };
    if let (Some(strict), Some(published)) = (strict, published) {
        return nearest_in_years(month, day, published, strict, true).map(PartialDate::from);
    }
    if let Some(year) = year_hint {
        return Date::new(year, month, day).ok().map(PartialDate::from);
    }
    let published = published?;
    let before = nearest_in_years(month, day, published, Direction::Past, false);
    let after = nearest_in_years(month, day, published, Direction::Future, false);
    pick(before, after, weekday, direction).map(PartialDate::from)
}

/// The candidate in the event's direction, unless only the other one falls
/// on the weekday the text gives.
fn pick(
    before: Option<Date>,
    after: Option<Date>,
    weekday: Option<Weekday>,
    direction: Direction,
) -> Option<Date> {
    let (preferred, other) = match direction {
        Direction::Past => (before, after),
        Direction::Future => (after, before),
    };
    let on_weekday = |date: Option<Date>| date.is_some_and(|d| Some(d.weekday()) == weekday);
    if weekday.is_some() && !on_weekday(preferred) && on_weekday(other) {
        other
    } else {
        preferred
    }
}

/// The nearest existing `day` of `month` on or before `published` (or
/// strictly before when `strict`), or on or after it for the future.
fn nearest_in_years(
    month: i8,
    day: i8,
    published: Date,
    direction: Direction,
    strict: bool,
) -> Option<Date> {
    let step: i16 = match direction {
        Direction::Past => -1,
        Direction::Future => 1,
    };
    // Eight years always include a leap year, for 29 February.
    (0..8)
        .filter_map(|k| Date::new(published.year() + step * k, month, day).ok())
        .find(|date| match (direction, strict) {
            (Direction::Past, false) => *date <= published,
            (Direction::Past, true) => *date < published,
            (Direction::Future, false) => *date >= published,
            (Direction::Future, true) => *date > published,
        })
}

/// The nearest existing `day` of a month on or before `published`, or on or
/// after it for the future.
fn nearest_day_of_month(day: i8, published: Date, direction: Direction) -> Option<Date> {
    let step: i8 = match direction {
        Direction::Past => -1,
        Direction::Future => 1,
    };
    (0..13)
        .filter_map(|k| {
            let (year, month) = add_months(published.year(), published.month(), step * k);
            Date::new(year, month, day).ok()
        })
        .find(|date| match direction {
            Direction::Past => *date <= published,
            Direction::Future => *date >= published,
        })
}

/// The year of a yearless month.
fn month_year(
    month: i8,
    qualifier: Qualifier,
    published: Option<Date>,
    direction: Direction,
    year_hint: Option<i16>,
) -> Option<i16> {
    if let Some(published) = published {
        let (year, current) = (published.year(), published.month());
        match qualifier {
            Qualifier::This => return Some(year),
            Qualifier::Last => return Some(if month < current { year } else { year - 1 }),
            Qualifier::Next => return Some(if month > current { year } else { year + 1 }),
            Qualifier::Nearest => {}
        }
    }
    if let Some(year) = year_hint {
        return Some(year);
    }
    let published = published?;
    let (year, current) = (published.year(), published.month());
    Some(match direction {
        Direction::Past if month > current => year - 1,
        Direction::Future if month < current => year + 1,
        _ => year,
    })
}

/// The date of a weekday.
fn weekday_date(
    weekday: Weekday,
    qualifier: Qualifier,
    published: Date,
    direction: Direction,
) -> Option<Date> {
    let back = i64::from(published.weekday().since(weekday));
    let ahead = i64::from(published.weekday().until(weekday));
    let offset = match (qualifier, direction) {
        (Qualifier::Last, _) => -(if back == 0 { 7 } else { back }),
        (Qualifier::Next, _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (Qualifier::Nearest | Qualifier::This, Direction::Past) => -back,
        (Qualifier::Nearest | Qualifier::This, Direction::Future) => ahead,
    };
    published.checked_add(offset.days()).ok()
}

/// A month moved by `offset` months, across years.
fn add_months(year: i16, month: i8, offset: i8) -> (i16, i8) {
    let total = i32::from(year) * 12 + i32::from(month) - 1 + i32::from(offset);
    // The year stays within jiff's range because `offset` is small.
    (
        total.div_euclid(12) as i16,
        (total.rem_euclid(12) + 1) as i8,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn resolved(expr: DateExpr, published: &str, direction: Direction) -> Option<String> {
        let published: Option<Date> = published.parse().ok();
        resolve(expr, published, direction, None).map(|d| d.to_string())
    }

    #[test]
    fn weekday_arithmetic() {
        // 2025-09-24 is a Wednesday.
        let published = date(2025, 9, 24);
        let on = |wd, q, dir| weekday_date(wd, q, published, dir).map(|d| d.to_string());
        let near = Qualifier::Nearest;
        assert_eq!(
            on(Weekday::Wednesday, near, Direction::Past).as_deref(),
            Some("2025-09-24")
        );
        assert_eq!(
            on(Weekday::Wednesday, near, Direction::Future).as_deref(),
            Some("2025-09-24")
        );
        assert_eq!(
            on(Weekday::Tuesday, near, Direction::Past).as_deref(),
            Some("2025-09-23")
        );
        assert_eq!(
            on(Weekday::Tuesday, near, Direction::Future).as_deref(),
            Some("2025-09-30")
        );
        assert_eq!(
            on(Weekday::Wednesday, Qualifier::Last, Direction::Future).as_deref(),
            Some("2025-09-17")
        );
        assert_eq!(
            on(Weekday::Wednesday, Qualifier::Next, Direction::Past).as_deref(),
            Some("2025-10-01")
        );
    }

    #[test]
    fn leap_day_takes_the_nearest_leap_year() {
        let expr = DateExpr::DayMonth {
            month: 2,
            day: 29,
            weekday: None,
            qualifier: Qualifier::Nearest,
        };
        assert_eq!(
            resolved(expr, "2025-06-01", Direction::Past).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            resolved(expr, "2025-06-01", Direction::Future).as_deref(),
            Some("2028-02-29")
        );
    }

    #[test]
    fn bare_day_skips_short_months() {
        let expr = DateExpr::Day {
            day: 31,
            weekday: None,
        };
        assert_eq!(
            resolved(expr, "2025-05-10", Direction::Past).as_deref(),
            Some("2025-03-31")
        );
        assert_eq!(
            resolved(expr, "2025-05-10", Direction::Future).as_deref(),
            Some("2025-05-31")
        );
    }

    #[test]
    fn months_cross_years() {
        assert_eq!(add_months(2025, 1, -1), (2024, 12));
        assert_eq!(add_months(2025, 12, 1), (2026, 1));
        assert_eq!(add_months(2025, 5, -13), (2024, 4));
    }
}
