//! The current heads of state and of government of every country, from the
//! generated `lexicon/mul/leaders.tsv` (read from the CIA World Factbook):
//! who a named person is when the text does not say their country.
//!
//! Matching is strict so that namesakes do not match: every word of the
//! leader's surname must be among the person's name words, and the person's
//! other words (first names) must all be words of the leader's name.

// Keys are the lexicons' own words: a fast hash without flood protection.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::gazetteer::tsv_lines;
use crate::model::Role;
use crate::text::fold;

const LEADERS_TSV: &str = include_str!("../../lexicon/mul/leaders.tsv");

/// Lower-case words of names that do not tell two persons apart
/// ("Lula da Silva", "al-Burhan"), with the French "ben" for "bin".
const PARTICLES: &[&str] = &[
    "al", "ben", "bin", "bint", "da", "das", "de", "del", "della", "di", "do", "dos", "du", "e",
    "el", "i", "ibn", "ibni", "la", "le", "ould", "van", "von", "y", "jr", "sr",
];

/// A head of state or of government.
#[derive(Debug, Clone)]
pub struct Leader {
    /// The name as the source writes it, in proper case.
    pub name: &'static str,
    /// The country, ISO 3166-1 alpha-3.
    pub iso3: &'static str,
    /// [`Role::HeadOfState`] or [`Role::HeadOfGovernment`].
    pub office: Role,
    /// When the leader took office: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or empty.
    pub since: &'static str,
    words: Vec<String>,
    surname: Vec<String>,
}

impl Leader {
    /// Whether the leader was in office on `date` (`YYYY-MM-DD`), as far as
    /// the start date given tells; unknown when no start date is given.
    pub fn in_office_on(&self, date: &str) -> bool {
        !self.since.is_empty()
            && date.len() >= self.since.len()
            && date[..self.since.len()] >= *self.since
    }
}

/// The folded words of a name, split at spaces, hyphens, dots and commas.
pub fn name_words(name: &str) -> Vec<String> {
    fold(name)
        .key
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '.' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The leaders, indexed by the first word of their surname.
static LEADERS: LazyLock<HashMap<String, Vec<Leader>>> = LazyLock::new(|| {
    let mut index: HashMap<String, Vec<Leader>> = HashMap::default();
    for (_, fields) in tsv_lines(LEADERS_TSV, "name") {
        let [name, surname, iso3, office, since, ..] = fields[..] else {
            continue;
        };
        let Some(office) = Role::parse(office) else {
            continue;
        };
        let surname = name_words(surname);
        let Some(first) = surname.first().cloned() else {
            continue;
        };
        index.entry(first).or_default().push(Leader {
            name,
            iso3,
            office,
            since,
            words: name_words(name),
            surname,
        });
    }
    index
});

/// The leaders a person's name (its folded words, see [`name_words`]) can
/// only be: a name of one word matches nobody.
pub fn leaders_named(words: &[String]) -> Vec<&'static Leader> {
    if words.len() < 2 {
        return Vec::new();
    }
    let mut found: Vec<&'static Leader> = Vec::new();
    for word in words {
        let Some(candidates) = LEADERS.get(word) else {
            continue;
        };
        for leader in candidates {
            let surname_named = leader.surname.iter().all(|w| words.contains(w));
            let others_known = words.iter().all(|w| {
                leader.surname.contains(w)
                    || leader.words.contains(w)
                    || PARTICLES.contains(&w.as_str())
            });
            if surname_named && others_known && !found.iter().any(|l| std::ptr::eq(*l, leader)) {
                found.push(leader);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_read() {
        let lines = tsv_lines(LEADERS_TSV, "name").count();
        let read: usize = LEADERS.values().map(Vec::len).sum();
        assert_eq!(read, lines);
    }

    #[test]
    fn a_name_matches_only_its_own_words() {
        let leader = LEADERS.values().flatten().next().expect("some leader");
        let words = name_words(leader.name);
        assert!(
            leaders_named(&words)
                .iter()
                .any(|l| std::ptr::eq(*l, leader))
        );
        let mut namesake = leader.surname.clone();
        namesake.insert(0, "zebulon".to_string());
        assert!(leaders_named(&namesake).is_empty());
        assert!(leaders_named(&leader.surname[..1]).is_empty());
    }

    #[test]
    fn office_dates_compare_on_the_precision_given() {
        let leader = |since| Leader {
            name: "",
            iso3: "",
            office: Role::HeadOfState,
            since,
            words: Vec::new(),
            surname: Vec::new(),
        };
        assert!(leader("2024-04-02").in_office_on("2024-04-02"));
        assert!(!leader("2024-04-02").in_office_on("2024-04-01"));
        assert!(leader("2018-04").in_office_on("2018-04-01"));
        assert!(leader("1997").in_office_on("1997-01-01"));
        assert!(!leader("").in_office_on("2024-01-01"));
    }
}
