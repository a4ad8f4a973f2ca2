//! Hand-written cue lexicons: office titles and the role they give, and the
//! words that name a sector of cooperation, in each language. Keys are folded
//! (lower case, no accents); a final `*` accepts any word ending.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Role, Sector};
use crate::text::Lang;

/// A set of cue phrases, each with a label, matched as whole words in folded text.
#[derive(Debug)]
pub struct CueSet<T: Copy> {
    pattern: Regex,
    exact: HashMap<String, T>,
    /// Prefixes of `*` cues, longest first.
    prefixes: Vec<(String, T)>,
}

/// One cue found in folded text: a byte range of the folded key and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch<T> {
    pub start: usize,
    pub end: usize,
    pub label: T,
}

impl<T: Copy> CueSet<T> {
    /// Builds a set from `(cue, label)` pairs.
    pub fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut exact = HashMap::new();
        let mut prefixes = Vec::new();
        let mut alternatives = Vec::new();
        for (cue, label) in entries {
            if let Some(prefix) = cue.strip_suffix('*') {
                alternatives.push(format!("{}\\w*", regex::escape(prefix)));
                prefixes.push((prefix.to_string(), label));
            } else {
                alternatives.push(regex::escape(&cue).replace("\\?", "?"));
                exact.insert(cue, label);
            }
        }
        // Longer alternatives first, so that at one position the longest cue wins.
        alternatives.sort_by_key(|alternative| std::cmp::Reverse(alternative.len()));
        prefixes.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
        let source = format!(r"\b(?:{})\b", alternatives.join("|"));
        // The pattern is built from escaped lexicon keys, so it always compiles.
        let pattern = Regex::new(&source).expect("cue lexicon compiles to a regex");
        CueSet {
            pattern,
            exact,
            prefixes,
        }
    }

    /// Parses a TSV lexicon whose second column is parsed by `label`.
    pub fn from_tsv(tsv: &str, label: impl Fn(&str) -> Option<T>) -> Self {
        let entries = tsv
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let (cue, value) = line.split_once('\t')?;
                Some((crate::text::fold(cue.trim()).key, label(value.trim())?))
            });
        CueSet::new(entries)
    }

    /// Every cue in `folded`, left to right, without overlaps.
    pub fn find(&self, folded: &str) -> Vec<CueMatch<T>> {
        self.pattern
            .find_iter(folded)
            .filter_map(|found| {
                let label = self.label_of(found.as_str())?;
                Some(CueMatch {
                    start: found.start(),
                    end: found.end(),
                    label,
                })
            })
            .collect()
    }

    /// Whether any cue occurs in `folded`.
    pub fn is_match(&self, folded: &str) -> bool {
        self.pattern.is_match(folded)
    }

    fn label_of(&self, matched: &str) -> Option<T> {
        if let Some(label) = self.exact.get(matched) {
            return Some(*label);
        }
        self.prefixes
            .iter()
            .find(|(prefix, _)| matched.starts_with(prefix.as_str()))
            .map(|(_, label)| *label)
    }
}

static TITLES_FR: LazyLock<CueSet<Role>> =
    LazyLock::new(|| CueSet::from_tsv(include_str!("../../lexicon/fr/titles.tsv"), Role::parse));
static TITLES_EN: LazyLock<CueSet<Role>> =
    LazyLock::new(|| CueSet::from_tsv(include_str!("../../lexicon/en/titles.tsv"), Role::parse));
static SECTORS_FR: LazyLock<CueSet<Sector>> =
    LazyLock::new(|| CueSet::from_tsv(include_str!("../../lexicon/fr/sectors.tsv"), Sector::parse));
static SECTORS_EN: LazyLock<CueSet<Sector>> =
    LazyLock::new(|| CueSet::from_tsv(include_str!("../../lexicon/en/sectors.tsv"), Sector::parse));

/// Office titles of `lang` and the role each gives.
pub fn titles(lang: Lang) -> &'static CueSet<Role> {
    match lang {
        Lang::Fr => &TITLES_FR,
        Lang::En => &TITLES_EN,
    }
}

/// Words of `lang` that name a sector of cooperation.
pub fn sectors(lang: Lang) -> &'static CueSet<Sector> {
    match lang {
        Lang::Fr => &SECTORS_FR,
        Lang::En => &SECTORS_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn roles(lang: Lang, text: &str) -> Vec<Role> {
        titles(lang)
            .find(&fold(text).key)
            .iter()
            .map(|m| m.label)
            .collect()
    }

    fn sector_labels(lang: Lang, text: &str) -> Vec<Sector> {
        sectors(lang)
            .find(&fold(text).key)
            .iter()
            .map(|m| m.label)
            .collect()
    }

    #[test]
    fn every_line_of_the_title_and_sector_lexicons_parses() {
        for tsv in [
            include_str!("../../lexicon/fr/titles.tsv"),
            include_str!("../../lexicon/en/titles.tsv"),
        ] {
            for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
                let (_, role) = line.split_once('\t').expect("two columns");
                assert!(Role::parse(role).is_some(), "unknown role in {line:?}");
            }
        }
        for tsv in [
            include_str!("../../lexicon/fr/sectors.tsv"),
            include_str!("../../lexicon/en/sectors.tsv"),
        ] {
            for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
                let (_, sector) = line.split_once('\t').expect("two columns");
                assert!(
                    Sector::parse(sector).is_some(),
                    "unknown sector in {line:?}"
                );
            }
        }
    }

    #[test]
    fn the_longest_title_wins_in_both_languages() {
        assert_eq!(
            roles(Lang::Fr, "le ministre des Affaires étrangères"),
            [Role::ForeignMinister]
        );
        assert_eq!(
            roles(Lang::Fr, "le Premier ministre"),
            [Role::HeadOfGovernment]
        );
        assert_eq!(
            roles(Lang::Fr, "le président du Conseil"),
            [Role::HeadOfGovernment]
        );
        assert_eq!(roles(Lang::Fr, "l'ambassadrice"), [Role::Ambassador]);
        assert_eq!(roles(Lang::En, "Foreign Minister"), [Role::ForeignMinister]);
        assert_eq!(roles(Lang::En, "Prime Minister"), [Role::HeadOfGovernment]);
        assert_eq!(roles(Lang::En, "Vice President"), [Role::Official]);
        assert_eq!(roles(Lang::En, "Defence Secretary"), [Role::Minister]);
        assert_eq!(roles(Lang::En, "presidential"), []);
    }

    #[test]
    fn sector_cues_match_whole_words_and_prefer_longer_phrases() {
        assert_eq!(
            sector_labels(Lang::Fr, "la sécurité alimentaire et l'agriculture"),
            [Sector::FoodSecurity, Sector::Agriculture]
        );
        assert_eq!(
            sector_labels(Lang::Fr, "les investissements miniers"),
            [Sector::Investment, Sector::Mining]
        );
        assert_eq!(
            sector_labels(Lang::En, "food security and defence"),
            [Sector::FoodSecurity, Sector::Security]
        );
        assert_eq!(sector_labels(Lang::En, "the portfolio"), []);
    }
}
