//! Dates in article text, resolved against the publication date: absolute
//! ("le 24 septembre 2025", "Sept. 24, 2025", "24/09/2025"), partial ("en
//! novembre", "in 2014") and relative ("ce mardi", "last week", "hier"), each
//! at the precision the text supports.
//!
//! [`find_dates`] runs each pattern family over the parts of a text where it
//! can match and returns [`DateMention`]s, which [`DateMention::resolve`]
//! turns into a [`PartialDate`] given the publication date, the direction the
//! event leans to (reported events lean to the past, announced ones to the
//! future) and the year the article fixes, if any. Nothing here reads the
//! clock.
//!
//! Deliberate limits: ranges of years ("2024-2028", "2024/2025") give no
//! year, as they name periods of programmes rather than dates; a range of
//! days gives its first day; numeric dates read day first unless the first
//! number cannot be a month ("09/25/2025"); weekends ("ce week-end"), times of
//! day and ordinal periods ("3e trimestre") are not read; a day and month
//! followed by a relative year ("on May 5 last year") are two mentions.

mod find;
mod resolve;
mod words;

#[cfg(test)]
mod check;
#[cfg(test)]
mod tests_en;
#[cfg(test)]
mod tests_fr;

use std::fmt;

use jiff::civil::Weekday;

pub use find::find_dates;

/// A date at the precision the text supports; Display gives "YYYY",
/// "YYYY-MM" or "YYYY-MM-DD".
///
/// A day is only set together with a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i16) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A date known to the month.
    pub fn month(year: i16, month: i8) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A date known to the day.
    pub fn day(year: i16, month: i8, day: i8) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// The full calendar date, when the day is known and valid.
    pub fn to_date(self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year, self.month?, self.day?).ok()
    }
}

impl From<jiff::civil::Date> for PartialDate {
    fn from(date: jiff::civil::Date) -> PartialDate {
        PartialDate::day(date.year(), date.month(), date.day())
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

/// Which way a relative or yearless date leans: events already reported lean
/// to the past, announced ones to the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Past,
    Future,
}

/// The word that ties a weekday, a month or a yearless day to the
/// publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// No qualifier ("mardi", "on Tuesday", "en mars"): the nearest one in the
    /// event's direction, the publication day itself included.
    Nearest,
    /// "ce mardi", "this Tuesday", "this March": for weekdays the same as
    /// [`Qualifier::Nearest`], for months the publication year.
    This,
    /// "mardi dernier", "last Tuesday", "en mars dernier": strictly before
    /// the publication date, whatever the direction.
    Last,
    /// "mardi prochain", "next Tuesday", "en mars prochain": strictly after
    /// the publication date, whatever the direction.
    Next,
}

/// What a date expression says, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateExpr {
    /// A full calendar date: "le 24 septembre 2025", "Sept. 24, 2025",
    /// "24/09/2025", "2025-09-24", and the first day of a range ("du 4 au 6
    /// décembre 2023", "December 4-6, 2023").
    Date { year: i16, month: i8, day: i8 },
    /// A month of a stated year: "septembre 2025", "fin septembre 2025",
    /// "in early September 2025".
    MonthOfYear { year: i16, month: i8 },
    /// A year: "en 2014", "depuis 2014", "fin 2023", "late 2023", "the 2019
    /// accord".
    Year(i16),
    /// A day and month without a year: "le 1er décembre", "lundi 24
    /// septembre", "Dec 5", "le 15 mars dernier", "les 4 et 5 décembre". The
    /// weekday, when the text gives one, picks the year among the two nearest.
    DayMonth {
        month: i8,
        day: i8,
        weekday: Option<Weekday>,
        qualifier: Qualifier,
    },
    /// A month without a year: "en septembre", "fin septembre", "septembre
    /// dernier", "le mois de mars", "in late March", "last May".
    Month { month: i8, qualifier: Qualifier },
    /// A month of a year counted from the publication year: "en mai de
    /// l'année dernière" (offset -1), "in March this year" (0), "in May next
    /// year" (1).
    MonthOfRelativeYear { month: i8, offset: i8 },
    /// A weekday: "mardi", "ce mardi", "mardi dernier", "next Tuesday".
    Weekday {
        weekday: Weekday,
        qualifier: Qualifier,
    },
    /// A day of the month alone: "le 28", "mardi 24", "on the 28th".
    Day { day: i8, weekday: Option<Weekday> },
    /// A day counted from publication: "avant-hier" is -2, "hier" -1,
    /// "aujourd'hui" 0, "demain" 1.
    RelativeDay(i8),
    /// A week counted from the publication week: "la semaine dernière" is -1,
    /// "this week" 0, "next week" 1.
    RelativeWeek(i8),
    /// A month counted from the publication month: "le mois dernier" is -1,
    /// "earlier this month" 0, "next month" 1.
    RelativeMonth(i8),
    /// A year counted from the publication year: "l'an dernier" is -1, "cette
    /// année" and "later this year" 0, "next year" 1.
    RelativeYear(i8),
    /// A vague time, "prochainement", "in the coming months", "récemment",
    /// leaning the given way; it never resolves.
    Vague(Direction),
}

/// A date expression found in text, not yet resolved.
///
/// The byte span covers the whole expression, its preposition or article
/// included ("depuis 2014", "le 24 septembre", "in early March"), so callers
/// can read the preposition back from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub expr: DateExpr,
}

impl DateMention {
    /// Whether the expression needs the publication date (or, for a yearless
    /// day and month, the year the article fixes) to resolve. Vague
    /// expressions count as relative.
    pub fn is_relative(&self) -> bool {
        !matches!(
            self.expr,
            DateExpr::Date { .. } | DateExpr::MonthOfYear { .. } | DateExpr::Year(_)
        )
    }

    /// Whether the expression is vague ("prochainement", "soon") and never
    /// resolves to a date.
    pub fn is_vague(&self) -> bool {
        matches!(self.expr, DateExpr::Vague(_))
    }

    /// The date the expression names, at the precision the text supports.
    ///
    /// `published` anchors relative expressions; without it they give
    /// `None`. `direction` says which way weekdays, yearless dates and bare
    /// days lean. `year_hint`: a year the article fixes for yearless day and
    /// month dates, if any; it wins over `published` except for "dernier" and
    /// "prochain", which are relative to the publication date.
    pub fn resolve(
        &self,
        published: Option<jiff::civil::Date>,
        direction: Direction,
        year_hint: Option<i16>,
    ) -> Option<PartialDate> {
        resolve::resolve(self.expr, published, direction, year_hint)
    }
}
