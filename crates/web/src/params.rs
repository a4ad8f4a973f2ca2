//! Reading what a request asks for: pages of results with a capped size,
//! countries by code or name (with suggestions when unknown), pairs in any
//! order or spelling, and dates at the precision the records use.

use entente_core::lexicon::lookup_country;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

/// The most results one page holds.
pub const MAX_LIMIT: usize = 200;

/// The page size when none is asked for.
pub const DEFAULT_LIMIT: usize = 50;

/// The query string of every list endpoint, as typed; each handler reads
/// the filters it knows and ignores the others.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    pub limit: Option<String>,
    pub offset: Option<String>,
    pub q: Option<String>,
    pub country: Option<String>,
    pub pair: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub modality: Option<String>,
    pub status: Option<String>,
    pub topic: Option<String>,
    pub role: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A page of results: where it starts and how many it holds at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

/// One page of a list, with the size of the whole list.
#[derive(Debug, Serialize)]
pub struct Paged<T> {
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
    pub items: Vec<T>,
}

impl Page {
    /// Reads `limit` (1 to [`MAX_LIMIT`]) and `offset`.
    pub fn parse(query: &ListQuery) -> Result<Page, ApiError> {
        let limit = match query.limit.as_deref() {
            None | Some("") => DEFAULT_LIMIT,
            Some(text) => {
                let limit: usize = text.parse().map_err(|_| {
                    ApiError::bad_request(format!("limit {text:?} is not a whole number"))
                })?;
                if limit == 0 || limit > MAX_LIMIT {
                    return Err(ApiError::bad_request(format!(
                        "limit {limit} is out of range: a page holds 1 to {MAX_LIMIT} results"
                    )));
                }
                limit
            }
        };
        let offset = match query.offset.as_deref() {
            None | Some("") => 0,
            Some(text) => text.parse().map_err(|_| {
                ApiError::bad_request(format!("offset {text:?} is not a whole number"))
            })?,
        };
        Ok(Page { limit, offset })
    }

    /// The page's slice of `items`, cloned, with the total count.
    pub fn cut<T: Clone>(self, items: &[T]) -> Paged<T> {
        Paged {
            total: items.len(),
            limit: self.limit,
            offset: self.offset,
            items: items
                .iter()
                .skip(self.offset)
                .take(self.limit)
                .cloned()
                .collect(),
        }
    }
}

/// The ISO3 code of the country `query` names, or a 404 with the closest
/// known names.
pub fn country(query: &str) -> Result<&'static str, ApiError> {
    lookup_country(query.trim()).map_err(|suggestions| {
        let mut error = ApiError::not_found(format!("unknown country {query:?}"));
        error.suggestions = suggestions
            .iter()
            .map(|name| match lookup_country(name) {
                Ok(iso3) => format!("{name} ({iso3})"),
                Err(_) => (*name).to_string(),
            })
            .collect();
        if error.suggestions.is_empty() {
            error.error.push_str(
                ": give an ISO 3166-1 code (TGO, KZ) or a name in English or French (Togo, Côte d'Ivoire)",
            );
        }
        error
    })
}

/// The two ISO3 codes, sorted, that `spec` names: `KAZ-TGO`, `TGO-KAZ`,
/// `togo-kazakhstan` or `Togo,Kazakhstan`. Names holding a hyphen
/// (`guinea-bissau-togo`) are found by trying every place to cut.
pub fn pair(spec: &str) -> Result<[&'static str; 2], ApiError> {
    let spec = spec.trim();
    if let Some((first, second)) = spec.split_once(',') {
        return sorted(country(first)?, country(second)?, spec);
    }
    let cuts: Vec<usize> = spec.match_indices('-').map(|(at, _)| at).collect();
    for &at in &cuts {
        let (first, second) = (&spec[..at], &spec[at + 1..]);
        if let (Some(a), Some(b)) = (loose_country(first), loose_country(second)) {
            return sorted(a, b, spec);
        }
    }
    match cuts.as_slice() {
        [] => Err(ApiError::bad_request(format!(
            "pair {spec:?} is not two countries joined by '-' (KAZ-TGO)"
        ))),
        // With one cut the halves can be checked one by one, for suggestions.
        [at] => sorted(country(&spec[..*at])?, country(&spec[at + 1..])?, spec),
        _ => Err(ApiError::not_found(format!(
            "pair {spec:?} does not name two known countries"
        ))),
    }
}

/// A country from a URL part, where spaces may be written as hyphens.
fn loose_country(part: &str) -> Option<&'static str> {
    lookup_country(part)
        .or_else(|_| lookup_country(&part.replace(['-', '_'], " ")))
        .ok()
}

fn sorted(a: &'static str, b: &'static str, spec: &str) -> Result<[&'static str; 2], ApiError> {
    if a == b {
        return Err(ApiError::bad_request(format!(
            "pair {spec:?} names {a} twice; a pair is two countries"
        )));
    }
    Ok(if a < b { [a, b] } else { [b, a] })
}

/// The canonical key of a pair: `KAZ-TGO`.
pub fn pair_key(pair: [&str; 2]) -> String {
    format!("{}-{}", pair[0], pair[1])
}

/// Checks a date filter: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date.
pub fn date(name: &str, text: &str) -> Result<String, ApiError> {
    let bad = |why: &str| {
        ApiError::bad_request(format!(
            "{name} {text:?} is not a date: {why} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        ))
    };
    let parts: Vec<&str> = text.split('-').collect();
    let widths_ok = match parts.as_slice() {
        [year] => year.len() == 4,
        [year, month] => year.len() == 4 && month.len() == 2,
        [year, month, day] => year.len() == 4 && month.len() == 2 && day.len() == 2,
        _ => false,
    };
    if !widths_ok
        || !parts
            .iter()
            .all(|part| part.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad("wrong shape"));
    }
    let padded = match parts.len() {
        1 => format!("{text}-01-01"),
        2 => format!("{text}-01"),
        _ => text.to_string(),
    };
    padded
        .parse::<jiff::civil::Date>()
        .map_err(|_| bad("no such day"))?;
    Ok(text.to_string())
}

/// The first and last day a date of any precision may stand for, as
/// strings that compare in date order.
pub fn date_bounds(date: &str) -> (String, String) {
    match date.len() {
        4 => (format!("{date}-01-01"), format!("{date}-12-31")),
        7 => (format!("{date}-01"), format!("{date}-31")),
        _ => (date.to_string(), date.to_string()),
    }
}

/// Whether a date of any precision may fall within `from` and `to`.
pub fn within(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(date) = date else { return false };
    let (start, end) = date_bounds(date);
    from.is_none_or(|from| end >= date_bounds(from).0)
        && to.is_none_or(|to| start <= date_bounds(to).1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_read_in_any_order_and_spelling() {
        assert_eq!(pair("KAZ-TGO").unwrap(), ["KAZ", "TGO"]);
        assert_eq!(pair("TGO-KAZ").unwrap(), ["KAZ", "TGO"]);
        assert_eq!(pair("togo-kazakhstan").unwrap(), ["KAZ", "TGO"]);
        assert_eq!(pair("guinea-bissau-togo").unwrap(), ["GNB", "TGO"]);
        assert_eq!(pair("TGO-TGO").unwrap_err().status, 400);
        assert_eq!(pair("Kazakstan-TGO").unwrap_err().status, 404);
        assert_eq!(pair("KAZTGO").unwrap_err().status, 400);
    }

    #[test]
    fn dates_are_checked_at_every_precision() {
        assert!(date("from", "2025").is_ok());
        assert!(date("from", "2025-02").is_ok());
        assert!(date("from", "2025-02-28").is_ok());
        assert!(date("from", "2025-02-30").is_err());
        assert!(date("from", "2025-13").is_err());
        assert!(date("from", "21/01/2025").is_err());
        assert!(within(Some("2025-01"), Some("2025-01-15"), None));
        assert!(!within(Some("2024-12-31"), Some("2025"), None));
        assert!(within(Some("2025-03-01"), None, Some("2025-03")));
        assert!(!within(None, Some("2025"), None));
    }

    #[test]
    fn page_sizes_are_capped() {
        let query = |limit: &str| ListQuery {
            limit: Some(limit.to_string()),
            ..ListQuery::default()
        };
        assert_eq!(Page::parse(&query("200")).unwrap().limit, 200);
        assert_eq!(Page::parse(&query("201")).unwrap_err().status, 400);
        assert_eq!(Page::parse(&query("0")).unwrap_err().status, 400);
        assert_eq!(Page::parse(&query("ten")).unwrap_err().status, 400);
    }
}
