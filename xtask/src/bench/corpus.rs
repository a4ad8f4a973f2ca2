//! The synthetic corpus of `cargo xtask bench`: variants of the example
//! articles, each with its countries swapped for others of the country
//! lexicon (names, demonyms and capitals, in the article's language), its
//! persons renamed after persons of other articles, and its years and
//! publication date shifted, so that no two articles are the same text and
//! nothing the extractor does can be answered from a cache. Every base
//! article is cut once into a template of literal text and holes; a variant
//! fills the holes. The generator is seeded, so a size gives the same corpus
//! on every run of the same examples.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, bail};
use serde::Serialize;

/// One example article as the generator needs it: its text, its publication
/// date, and what entente found in it (language and person names).
pub struct BaseArticle {
    pub id: String,
    pub text: String,
    pub published: Option<String>,
    pub lang: String,
    pub persons: Vec<String>,
}

/// What was written.
pub struct Corpus {
    pub articles: usize,
    /// Bytes of article text (UTF-8), the unit of every throughput figure.
    pub text_bytes: u64,
}

/// Writes a manifest of at least `target_bytes` bytes of article text to
/// `manifest`, one line per article with its text inline.
pub fn write(
    root: &Path,
    bases: &[BaseArticle],
    target_bytes: u64,
    manifest: &Path,
) -> anyhow::Result<Corpus> {
    if bases.is_empty() {
        bail!("no example articles to build the corpus from");
    }
    let lexicon = CountryLexicon::read(root)?;
    let person_pool: Vec<String> = bases
        .iter()
        .flat_map(|base| base.persons.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let templates: Vec<Template> = bases
        .iter()
        .map(|base| Template::cut(base, &lexicon))
        .collect();
    let file = std::fs::File::create(manifest)
        .with_context(|| format!("cannot create {}", manifest.display()))?;
    let mut out = BufWriter::new(file);
    let mut random = Random::new(0x0065_6e74_656e_7465);
    let mut corpus = Corpus {
        articles: 0,
        text_bytes: 0,
    };
    while corpus.text_bytes < target_bytes {
        let template = &templates[corpus.articles % templates.len()];
        let variant = template.fill(&lexicon, &person_pool, &mut random);
        let line = ManifestLine {
            id: format!("bench-{:06}-{}", corpus.articles, template.id),
            published: variant.published,
            text: &variant.text,
        };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
        corpus.articles += 1;
        corpus.text_bytes += variant.text.len() as u64;
    }
    out.flush()
        .with_context(|| format!("cannot write {}", manifest.display()))?;
    Ok(corpus)
}

#[derive(Serialize)]
struct ManifestLine<'a> {
    id: String,
    published: Option<String>,
    text: &'a str,
}

/// The kinds of country forms that are swapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Name,
    Demonym,
    Capital,
}

/// The language whose capitals both languages use: the lexicon lists
/// capitals in English only, and most are written the same in French.
const CAPITALS_LANG: &str = "en";

/// The countries that can stand in for others: those with a name, a demonym
/// and a capital in both languages, the capital in English.
struct CountryLexicon {
    /// Forms by (iso3, lang, kind), in lexicon order (the first is the
    /// preferred one).
    forms: HashMap<(String, String, Kind), Vec<String>>,
    pool: Vec<String>,
}

impl CountryLexicon {
    fn read(root: &Path) -> anyhow::Result<CountryLexicon> {
        let path = root.join("crates/core/lexicon/mul/countries.tsv");
        let tsv = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let mut forms: HashMap<(String, String, Kind), Vec<String>> = HashMap::new();
        for line in tsv.lines().filter(|line| !line.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            let [iso3, lang, kind, form] = fields[..] else {
                continue;
            };
            let kind = match kind {
                "name" => Kind::Name,
                "demonym" => Kind::Demonym,
                "capital" => Kind::Capital,
                _ => continue,
            };
            forms
                .entry((iso3.to_string(), lang.to_string(), kind))
                .or_default()
                .push(form.to_string());
        }
        let codes: BTreeSet<&String> = forms.keys().map(|(iso3, _, _)| iso3).collect();
        let has_plain_first = |iso3: &String, lang: &str, kind: Kind| {
            forms
                .get(&(iso3.clone(), lang.to_string(), kind))
                .and_then(|list| list.first())
                .is_some_and(|first| first.chars().all(is_plain_name_char))
        };
        let pool: Vec<String> = codes
            .into_iter()
            .filter(|iso3| {
                ["fr", "en"].iter().all(|lang| {
                    has_plain_first(iso3, lang, Kind::Name)
                        && has_plain_first(iso3, lang, Kind::Demonym)
                        && has_plain_first(iso3, CAPITALS_LANG, Kind::Capital)
                })
            })
            .cloned()
            .collect();
        if pool.len() < 20 {
            bail!(
                "{}: only {} countries have every form in both languages",
                path.display(),
                pool.len()
            );
        }
        Ok(CountryLexicon { forms, pool })
    }

    /// The forms of a country of one kind in a language; capitals are
    /// always the English ones (see [`CAPITALS_LANG`]).
    fn forms(&self, iso3: &str, lang: &str, kind: Kind) -> &[String] {
        let lang = if kind == Kind::Capital {
            CAPITALS_LANG
        } else {
            lang
        };
        self.forms
            .get(&(iso3.to_string(), lang.to_string(), kind))
            .map_or(&[], Vec::as_slice)
    }
}

/// Letters, spaces, apostrophes and hyphens: what a plain country name is
/// written with.
fn is_plain_name_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, ' ' | '\'' | '-')
}

/// One piece of a template.
#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Country {
        iso3: String,
        kind: Kind,
        /// The grammatical class of the form, for demonyms.
        class: Class,
        case: Case,
    },
    Person {
        index: usize,
        surname_only: bool,
    },
    Year(i32),
}

/// How a form was written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    AsIs,
    Capitalised,
    Lower,
    Upper,
}

/// Gender and number of a demonym, read from its ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Singular,
    Plural,
    FeminineSingular,
    FemininePlural,
}

impl Class {
    /// The class of `form`, one of a country's `forms` of its kind: the
    /// first listed is the (masculine) singular, the others are told by
    /// their endings.
    fn of(form: &str, forms: &[String], lang: &str) -> Class {
        if forms.first().is_some_and(|first| first == form) {
            return Class::Singular;
        }
        let form = form.to_lowercase();
        if lang == "fr" && form.ends_with("es") {
            Class::FemininePlural
        } else if lang == "fr" && form.ends_with('e') {
            Class::FeminineSingular
        } else if form.ends_with('s') || form.ends_with('x') {
            Class::Plural
        } else {
            Class::Singular
        }
    }
}

/// A base article cut into literal text and holes.
struct Template {
    id: String,
    lang: String,
    published: Option<String>,
    persons: usize,
    pieces: Vec<Piece>,
}

/// One filled template.
struct Variant {
    text: String,
    published: Option<String>,
}

/// A hole found in a base text: its byte range and what fills it.
struct Hole {
    start: usize,
    end: usize,
    piece: Piece,
}

impl Template {
    fn cut(base: &BaseArticle, lexicon: &CountryLexicon) -> Template {
        let text = &base.text;
        let lang = if base.lang == "fr" { "fr" } else { "en" };
        let mut holes = Vec::new();
        for iso3 in &lexicon.pool {
            for kind in [Kind::Name, Kind::Demonym, Kind::Capital] {
                let forms = lexicon.forms(iso3, lang, kind);
                for form in forms {
                    for (start, end) in whole_word_occurrences(text, form) {
                        let case = case_of(&text[start..end]);
                        let class = Class::of(form, forms, lang);
                        let iso3 = iso3.clone();
                        let piece = Piece::Country {
                            iso3,
                            kind,
                            class,
                            case,
                        };
                        holes.push(Hole { start, end, piece });
                    }
                }
            }
        }
        for (index, name) in base.persons.iter().enumerate() {
            for (start, end) in whole_word_occurrences(text, name) {
                let surname_only = false;
                let piece = Piece::Person {
                    index,
                    surname_only,
                };
                holes.push(Hole { start, end, piece });
            }
            let surname = surname(name);
            if surname != name && surname.chars().count() >= 3 {
                for (start, end) in whole_word_occurrences(text, surname) {
                    let surname_only = true;
                    let piece = Piece::Person {
                        index,
                        surname_only,
                    };
                    holes.push(Hole { start, end, piece });
                }
            }
        }
        for (start, end) in year_occurrences(text) {
            let year = text[start..end].parse().unwrap_or(2000);
            holes.push(Hole {
                start,
                end,
                piece: Piece::Year(year),
            });
        }
        // Leftmost-longest holes win; overlapping shorter ones stay text.
        holes.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut pieces = Vec::new();
        let mut position = 0;
        for hole in holes {
            if hole.start < position {
                continue;
            }
            pieces.push(Piece::Text(text[position..hole.start].to_string()));
            pieces.push(hole.piece);
            position = hole.end;
        }
        pieces.push(Piece::Text(text[position..].to_string()));
        Template {
            id: base.id.clone(),
            lang: lang.to_string(),
            published: base.published.clone(),
            persons: base.persons.len(),
            pieces,
        }
    }

    fn fill(
        &self,
        lexicon: &CountryLexicon,
        person_pool: &[String],
        random: &mut Random,
    ) -> Variant {
        let year_shift = random.below(10) as i32 - 6;
        let day_shift = random.below(21) as i64 - 10;
        let mut countries: HashMap<&str, &str> = HashMap::new();
        let persons: Vec<&str> = (0..self.persons)
            .map(|_| person_pool[random.below(person_pool.len())].as_str())
            .collect();
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(literal) => text.push_str(literal),
                Piece::Year(year) => text.push_str(&(year + year_shift).to_string()),
                Piece::Person {
                    index,
                    surname_only,
                } => {
                    let name = persons[*index];
                    text.push_str(if *surname_only { surname(name) } else { name });
                }
                Piece::Country {
                    iso3,
                    kind,
                    class,
                    case,
                } => {
                    let target = *countries
                        .entry(iso3.as_str())
                        .or_insert_with(|| &lexicon.pool[random.below(lexicon.pool.len())]);
                    let forms = lexicon.forms(target, &self.lang, *kind);
                    let form = forms
                        .iter()
                        .find(|form| Class::of(form, forms, &self.lang) == *class)
                        .or(forms.first())
                        .map_or(iso3.as_str(), String::as_str);
                    text.push_str(&apply_case(form, *case));
                }
            }
        }
        let published = self
            .published
            .as_deref()
            .and_then(|date| shift_date(date, year_shift, day_shift));
        Variant { text, published }
    }
}

/// The last word of a person's name.
fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// The byte ranges where `form` occurs in `text` as whole words, written as
/// in the lexicon, capitalised, in lower case or in capitals.
fn whole_word_occurrences(text: &str, form: &str) -> Vec<(usize, usize)> {
    let spellings: BTreeSet<String> = [
        form.to_string(),
        apply_case(form, Case::Capitalised),
        apply_case(form, Case::Lower),
        form.to_uppercase(),
    ]
    .into_iter()
    .collect();
    let mut found = Vec::new();
    for spelling in &spellings {
        for (start, matched) in text.match_indices(spelling.as_str()) {
            let end = start + matched.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                found.push((start, end));
            }
        }
    }
    found
}

/// The byte ranges of the four-digit years 1950 to 2049 standing alone.
fn year_occurrences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut index = 0;
    while index + 4 <= bytes.len() {
        let digits = &bytes[index..index + 4];
        let alone = (index == 0 || !bytes[index - 1].is_ascii_alphanumeric())
            && bytes
                .get(index + 4)
                .is_none_or(|byte| !byte.is_ascii_alphanumeric());
        if alone
            && digits.iter().all(u8::is_ascii_digit)
            && (&digits[..2] == b"19" && digits[2] >= b'5'
                || &digits[..2] == b"20" && digits[2] <= b'4')
        {
            found.push((index, index + 4));
            index += 4;
        } else {
            index += 1;
        }
    }
    found
}

fn case_of(written: &str) -> Case {
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        Case::Upper
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        Case::Capitalised
    } else if letters.first().is_some_and(|c| c.is_lowercase()) {
        Case::Lower
    } else {
        Case::AsIs
    }
}

fn apply_case(form: &str, case: Case) -> String {
    let mut chars = form.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    match case {
        Case::AsIs => form.to_string(),
        Case::Upper => form.to_uppercase(),
        Case::Capitalised => first.to_uppercase().chain(chars).collect(),
        Case::Lower => first.to_lowercase().chain(chars).collect(),
    }
}

/// Shifts a `YYYY-MM-DD` date by whole years, then by days.
fn shift_date(date: &str, years: i32, days: i64) -> Option<String> {
    let mut parts = date.get(..10)?.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    // The 29th of February of a leap year becomes the 28th.
    let day = day.min(28 + u32::from(month != 2) * 3);
    let shifted = days_from_civil(year + years, month, day) + days;
    let (year, month, day) = civil_from_days(shifted);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a count of days since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A small seeded generator (SplitMix64): the corpus needs variety, not
/// cryptographic randomness, and the same corpus on every run.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_shift_by_years_and_days() {
        assert_eq!(
            shift_date("2025-01-21", 0, 0).as_deref(),
            Some("2025-01-21")
        );
        assert_eq!(
            shift_date("2025-01-21", -2, -21).as_deref(),
            Some("2022-12-31")
        );
        assert_eq!(
            shift_date("2024-02-29", 1, 0).as_deref(),
            Some("2025-02-28")
        );
        assert_eq!(
            shift_date("2025-12-30", 0, 3).as_deref(),
            Some("2026-01-02")
        );
        assert_eq!(shift_date("21 janvier", 0, 0), None);
    }

    #[test]
    fn years_stand_alone_between_1950_and_2049() {
        let text = "En 2025, Vision2030 et 1949, 1950 ou 12025.";
        let years: Vec<&str> = year_occurrences(text)
            .into_iter()
            .map(|(start, end)| &text[start..end])
            .collect();
        assert_eq!(years, ["2025", "1950"]);
    }

    #[test]
    fn forms_are_found_as_whole_words_in_any_case() {
        let text = "Les Ivoiriens et le ministre ivoirien; IVOIRIEN, ivoiriennes.";
        let found: Vec<&str> = whole_word_occurrences(text, "ivoirien")
            .into_iter()
            .map(|(start, end)| &text[start..end])
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            apply_case("côte d'Ivoire", Case::Capitalised),
            "Côte d'Ivoire"
        );
        assert_eq!(case_of("PARIS"), Case::Upper);
    }
}
