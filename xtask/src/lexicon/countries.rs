//! Country rows of `countries.tsv`: names, demonyms and capitals in English
//! and French, read from world-countries (names, French translations,
//! demonyms, capitals, membership flags) and i18n-iso-countries (English and
//! French names with their usual alternates).

use std::collections::{BTreeMap, HashSet};

use anyhow::Context;
use serde_json::Value;

use super::fold;
use super::sources::SourcePaths;

/// Codes that world-countries gives otherwise than the project: Kosovo has
/// no ISO code, and the project uses the common user-assigned XKX.
const CODE_RENAMES: &[(&str, &str)] = &[("UNK", "XKX")];

/// States that are not UN members but are countries for the project: the
/// observer states, Taiwan, Kosovo and Western Sahara.
const NON_MEMBER_STATES: &[&str] = &["VAT", "PSE", "TWN", "UNK", "ESH"];

/// A GeoNames capital name among this many most frequent English or French
/// words is not added beside world-countries' spelling ("Male" for "Malé").
const COMMON_CAPITAL_RANK: usize = 5_000;

/// One line of `countries.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRow {
    pub iso3: String,
    pub lang: &'static str,
    pub kind: &'static str,
    pub form: String,
}

/// One country as the city generator needs it.
pub struct Country {
    pub iso3: String,
    pub cca2: String,
    /// The capitals in world-countries' English spelling.
    pub capitals: Vec<String>,
}

/// Everything read from the country sources.
pub struct CountrySources {
    pub countries: Vec<Country>,
    world_countries: Vec<Value>,
    i18n_en: serde_json::Map<String, Value>,
    i18n_fr: serde_json::Map<String, Value>,
}

/// Reads the country sources and keeps the countries of the project.
pub fn read(paths: &SourcePaths) -> anyhow::Result<CountrySources> {
    let world_countries: Vec<Value> = read_json(&paths.world_countries)?
        .as_array()
        .cloned()
        .context("world-countries: the top level is not an array")?;
    let i18n_countries = |value: Value| -> anyhow::Result<serde_json::Map<String, Value>> {
        value
            .get("countries")
            .and_then(Value::as_object)
            .cloned()
            .context("i18n-iso-countries: no `countries` object")
    };
    let i18n_en = i18n_countries(read_json(&paths.i18n_iso_countries_en)?)?;
    let i18n_fr = i18n_countries(read_json(&paths.i18n_iso_countries_fr)?)?;

    let mut kept = Vec::new();
    let mut countries = Vec::new();
    for entry in world_countries {
        let cca3 = str_at(&entry, &["cca3"]).to_string();
        let un_member = entry.get("unMember").and_then(Value::as_bool) == Some(true);
        if !un_member && !NON_MEMBER_STATES.contains(&cca3.as_str()) {
            continue;
        }
        let capitals = entry
            .get("capital")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        countries.push(Country {
            iso3: project_code(&cca3),
            cca2: str_at(&entry, &["cca2"]).to_string(),
            capitals,
        });
        kept.push(entry);
    }
    Ok(CountrySources {
        countries,
        world_countries: kept,
        i18n_en,
        i18n_fr,
    })
}

/// The rows generated for every kept country. `capital_names` gives, per
/// ISO3 code, the GeoNames name of each capital that the city generator
/// found, which becomes the first (preferred) English capital form.
pub fn rows(
    sources: &CountrySources,
    capital_names: &BTreeMap<String, Vec<String>>,
    common_words: &super::cities::CommonWords,
) -> Vec<CountryRow> {
    let mut rows = Vec::new();
    for entry in &sources.world_countries {
        let iso3 = project_code(str_at(entry, &["cca3"]));
        let cca2 = str_at(entry, &["cca2"]);
        let mut group = RowGroup::new(&iso3);
        for gender in ["m", "f"] {
            let english = str_at(entry, &["demonyms", "eng", gender]);
            group.demonym_keys.insert(fold::key(english));
        }

        // English names: common, official, alternates, then i18n-iso-countries.
        group.names("en", [str_at(entry, &["name", "common"])], false);
        group.names("en", [str_at(entry, &["name", "official"])], false);
        group.names("en", i18n_names(&sources.i18n_en, cca2), true);
        let alternates = entry
            .get("altSpellings")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str);
        group.names("en", alternates, false);

        // French names: the translation, the native French name of
        // French-speaking countries, then i18n-iso-countries.
        group.names(
            "fr",
            [str_at(entry, &["translations", "fra", "common"])],
            false,
        );
        group.names(
            "fr",
            [str_at(entry, &["translations", "fra", "official"])],
            false,
        );
        group.names(
            "fr",
            [str_at(entry, &["name", "native", "fra", "common"])],
            false,
        );
        group.names(
            "fr",
            [str_at(entry, &["name", "native", "fra", "official"])],
            false,
        );
        group.names("fr", i18n_names(&sources.i18n_fr, cca2), true);

        // Demonyms in every inflection.
        for gender in ["m", "f"] {
            let english = str_at(entry, &["demonyms", "eng", gender]);
            if !english.is_empty() {
                group.push("en", "demonym", english.to_string());
                if let Some(plural) = english_plural(english) {
                    group.push("en", "demonym", plural);
                }
            }
            let french = str_at(entry, &["demonyms", "fra", gender]).to_lowercase();
            if !french.is_empty() {
                group.push("fr", "demonym", french.clone());
                if !french.ends_with('s') && !french.ends_with('x') {
                    group.push("fr", "demonym", format!("{french}s"));
                }
            }
        }

        // Capitals: world-countries' spelling first (without "D.C."), then
        // GeoNames' unless it is a common word ("Male" for "Malé").
        for capital in entry
            .get("capital")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if let Some(short) = capital.strip_suffix(" D.C.") {
                group.push("en", "capital", short.to_string());
            }
            group.push("en", "capital", capital.to_string());
        }
        for name in capital_names.get(&iso3).into_iter().flatten() {
            if !common_words.is_within(&fold::key(name), COMMON_CAPITAL_RANK) {
                group.push("en", "capital", name.clone());
            }
        }
        rows.extend(group.finish());
    }
    rows.sort_by(|a, b| a.iso3.cmp(&b.iso3));
    rows
}

/// The rows of one country, without duplicates.
struct RowGroup {
    iso3: String,
    seen: HashSet<(&'static str, &'static str, String)>,
    /// The English demonyms, which some sources list among the names.
    demonym_keys: HashSet<String>,
    rows: Vec<CountryRow>,
}

impl RowGroup {
    fn new(iso3: &str) -> RowGroup {
        RowGroup {
            iso3: iso3.to_string(),
            seen: HashSet::new(),
            demonym_keys: HashSet::new(),
            rows: Vec::new(),
        }
    }

    fn names<'a>(
        &mut self,
        lang: &'static str,
        raw: impl IntoIterator<Item = &'a str>,
        allow_codes: bool,
    ) {
        for raw in raw {
            for form in clean_name(raw, allow_codes) {
                if self.demonym_keys.contains(&fold::key(&form)) {
                    continue;
                }
                self.push(lang, "name", form);
            }
        }
    }

    fn push(&mut self, lang: &'static str, kind: &'static str, form: String) {
        let form = form.trim().to_string();
        if form.is_empty() || !is_latin(&form) {
            return;
        }
        if self.seen.insert((lang, kind, fold::key(&form))) {
            self.rows.push(CountryRow {
                iso3: self.iso3.clone(),
                lang,
                kind,
                form,
            });
        }
    }

    /// The rows ordered by language, then kind, keeping the source order
    /// inside each (the first English capital is the preferred one).
    fn finish(mut self) -> Vec<CountryRow> {
        let kind_rank = |kind: &str| match kind {
            "name" => 0,
            "demonym" => 1,
            _ => 2,
        };
        let lang_rank = |lang: &str| if lang == "en" { 0 } else { 1 };
        self.rows
            .sort_by_key(|row| (lang_rank(row.lang), kind_rank(row.kind)));
        self.rows
    }
}

/// The usable forms in one raw name. Inverted forms ("Korea, Republic of")
/// are dropped, a parenthesis gives two forms ("Saint-Siège (Vatican)")
/// unless it abbreviates a qualifier ("Congo (Rép. dém.)"), two-letter codes
/// are dropped unless `allow_codes`, and a name must start with a capital.
fn clean_name(raw: &str, allow_codes: bool) -> Vec<String> {
    let raw = raw.trim().replace("' ", "'").replace('’', "'");
    if raw.is_empty() || raw.contains(',') {
        return Vec::new();
    }
    let mut forms = Vec::new();
    if let Some((outer, rest)) = raw.split_once('(') {
        let inner = rest.trim_end_matches(')').trim();
        if inner.contains('.') {
            return Vec::new();
        }
        forms.push(outer.trim().to_string());
        let last_word_capitalized = inner
            .split_whitespace()
            .last()
            .and_then(|word| word.chars().next())
            .is_some_and(char::is_uppercase);
        if last_word_capitalized {
            forms.push(inner.to_string());
        }
    } else {
        forms.push(raw);
    }
    forms.retain(|form| {
        let starts_upper = form.chars().next().is_some_and(char::is_uppercase);
        let letters = form.chars().filter(|c| c.is_alphabetic()).count();
        starts_upper && (letters >= 3 || allow_codes)
    });
    forms
}

/// Whether every letter of `form` is a Latin letter.
pub fn is_latin(form: &str) -> bool {
    form.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| (c as u32) < 0x250 || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// The plural of an English demonym, when it has one ("Kazakhstanis",
/// "Filipinos"; not "Togolese", "British" or "Swiss").
fn english_plural(demonym: &str) -> Option<String> {
    let lower = demonym.to_lowercase();
    let invariable = ["sh", "ch", "ss", "ese", "s", "x", "z"];
    if invariable.iter().any(|end| lower.ends_with(end)) {
        return None;
    }
    Some(format!("{demonym}s"))
}

/// The names i18n-iso-countries gives for a two-letter code, one or several.
fn i18n_names<'a>(
    names: &'a serde_json::Map<String, Value>,
    cca2: &str,
) -> impl Iterator<Item = &'a str> {
    let value = names.get(cca2);
    let single = value.and_then(Value::as_str);
    let list = value.and_then(Value::as_array).into_iter().flatten();
    single.into_iter().chain(list.filter_map(Value::as_str))
}

/// The project's code for a world-countries code.
fn project_code(cca3: &str) -> String {
    CODE_RENAMES
        .iter()
        .find(|(from, _)| *from == cca3)
        .map_or(cca3, |(_, to)| to)
        .to_string()
}

/// The string at a path of object keys, or "" when absent.
fn str_at<'a>(value: &'a Value, path: &[&str]) -> &'a str {
    let mut current = value;
    for key in path {
        match current.get(key) {
            Some(next) => current = next,
            None => return "",
        }
    }
    current.as_str().unwrap_or("")
}

fn read_json(path: &std::path::Path) -> anyhow::Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", path.display()))
}
