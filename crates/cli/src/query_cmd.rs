//! The read-only knowledge-base commands: `entente search`, `entente
//! countries`, `entente country` and `entente stats`. Each opens an existing
//! store, asks it one question and prints the answer as aligned text for a
//! person or as one JSON document for a program.

use std::fmt::Write as _;
use std::io::{self, Write};

use anyhow::Context;
use entente_store::{PairActivity, SearchHit, Stats};
use serde::Serialize;

use crate::Outcome;
use crate::kb_args::{CountriesArgs, CountryArgs, ListFormat, SearchArgs, StatsArgs};
use crate::kb_common::{country_label, country_name, open_store, resolve_country};

/// Runs `entente search`.
pub fn search(args: &SearchArgs) -> anyhow::Result<Outcome> {
    let store = open_store(&args.store.db)?;
    let query = args.query.join(" ");
    let hits = store.search(&query, args.limit)?;
    let output = match args.format {
        ListFormat::Json => json(&hits)?,
        ListFormat::Text if hits.is_empty() => format!("no document matches {query:?}\n"),
        ListFormat::Text => hits
            .iter()
            .map(search_hit_text)
            .collect::<Vec<_>>()
            .join("\n"),
    };
    print(&output)
}

/// One search hit as a few lines: id, date and source; the passage; the
/// evidence sentences with their facts.
fn search_hit_text(hit: &SearchHit) -> String {
    let mut text = String::new();
    let published = hit.published.as_deref().unwrap_or("undated");
    let version = if hit.version > 1 {
        format!(" (version {})", hit.version)
    } else {
        String::new()
    };
    let _ = writeln!(text, "{}  {published}  {}{version}", hit.doc_id, hit.source);
    if let Some(title) = &hit.title {
        let _ = writeln!(text, "  {title}");
    }
    let _ = writeln!(text, "  {}", one_line(&hit.snippet));
    for evidence in &hit.evidence {
        let _ = writeln!(text, "  - {}", one_line(&evidence.sentence));
        for fact in &evidence.facts {
            let _ = writeln!(text, "      {fact}");
        }
    }
    text
}

/// Runs `entente countries`.
pub fn countries(args: &CountriesArgs) -> anyhow::Result<Outcome> {
    let store = open_store(&args.store.db)?;
    let pairs = store.pairs_ranked(Some(args.limit))?;
    let output = match args.format {
        ListFormat::Json => json(&pairs)?,
        ListFormat::Text if pairs.is_empty() => {
            "no pair of countries is named together in the store\n".to_string()
        }
        ListFormat::Text => {
            let rows = pairs.iter().map(|activity| {
                let [a, b] = &activity.pair;
                let label = format!("{}-{}  {} – {}", a, b, country_name(a), country_name(b));
                (label, activity)
            });
            activity_table("pair", rows)
        }
    };
    print(&output)
}

/// Runs `entente country`.
pub fn country(args: &CountryArgs) -> anyhow::Result<Outcome> {
    let iso3 = resolve_country(&args.country)?;
    let store = open_store(&args.store.db)?;
    let pairs = store.partners(iso3)?;
    let partners: Vec<Partner<'_>> = pairs
        .iter()
        .map(|activity| {
            let [a, b] = &activity.pair;
            let partner = if a == iso3 { b } else { a };
            Partner { partner, activity }
        })
        .collect();
    let output = match args.format {
        ListFormat::Json => json(&serde_json::json!({ "country": iso3, "partners": partners }))?,
        ListFormat::Text if partners.is_empty() => format!(
            "no stored document names {} with another country\n",
            country_label(iso3)
        ),
        ListFormat::Text => {
            let rows = partners.iter().map(|partner| {
                let label = format!("{}  {}", partner.partner, country_name(partner.partner));
                (label, partner.activity)
            });
            let heading = format!("partners of {}\n", country_label(iso3));
            heading + &activity_table("partner", rows)
        }
    };
    print(&output)
}

/// A partner of a country, as `entente country --format json` prints it.
#[derive(Serialize)]
struct Partner<'a> {
    partner: &'a str,
    #[serde(flatten)]
    activity: &'a PairActivity,
}

/// Runs `entente stats`.
pub fn stats(args: &StatsArgs) -> anyhow::Result<Outcome> {
    let store = open_store(&args.store.db)?;
    let stats = store.stats()?;
    let output = match args.format {
        ListFormat::Json => json(&stats)?,
        ListFormat::Text => stats_text(&args.store.db.display().to_string(), &stats),
    };
    print(&output)
}

fn stats_text(store: &str, stats: &Stats) -> String {
    let rows = [
        ("documents", stats.documents),
        ("versions", stats.versions),
        ("mentions", stats.mentions),
        ("events", stats.events),
        ("agreements", stats.agreements),
        ("persons", stats.persons),
        ("pairs", stats.pairs),
    ];
    let mut text = format!("{store} (schema version {})\n", stats.schema_version);
    for (name, count) in rows {
        let _ = writeln!(text, "  {name:<11}{count:>8}");
    }
    text
}

/// An aligned table of pair activity, one row per labelled pair.
fn activity_table<'a>(
    heading: &str,
    rows: impl Iterator<Item = (String, &'a PairActivity)>,
) -> String {
    let rows: Vec<(String, &PairActivity)> = rows.collect();
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0)
        .max(heading.len());
    let mut text = format!(
        "{heading:<width$}  {:>6}  {:>10}  {:>9}  latest\n",
        "events", "agreements", "documents"
    );
    for (label, activity) in rows {
        let padding = width - label.chars().count();
        let latest = activity.latest.as_deref().unwrap_or("-");
        let _ = writeln!(
            text,
            "{label}{:padding$}  {:>6}  {:>10}  {:>9}  {latest}",
            "", activity.events, activity.agreements, activity.documents
        );
    }
    text
}

/// A passage on one line, whatever line breaks it held.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn json(value: &impl Serialize) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value).context("cannot serialise the answer")?;
    text.push('\n');
    Ok(text)
}

fn print(output: &str) -> anyhow::Result<Outcome> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write to stdout")?;
    Ok(Outcome::Success)
}
