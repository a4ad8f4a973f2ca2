//! The command line as typed: clap derive structs, one per subcommand, with
//! the help text that teaches each one. Nothing here reads files; the
//! subcommand modules resolve these arguments into work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

pub use crate::kb_args::{
    CountriesArgs, CountryArgs, DossierArgs, IngestArgs, SearchArgs, StatsArgs,
};

/// Extract diplomatic relations between countries from French and English news articles.
#[derive(Debug, Parser)]
#[command(
    name = "entente",
    version,
    about,
    long_about = "Extract diplomatic relations between countries from French and English news \
                  articles.\n\n\
                  entente reads articles as plain text and writes one JSON record per article: \
                  the countries it names, the persons and their roles, the visits, meetings, \
                  calls and signings it reports, the agreements, the sectors of cooperation and \
                  the quotes.",
    after_help = "Start with the bundled examples:\n  \
                  entente extract --manifest examples/articles.jsonl\n\n\
                  Run `entente help extract` for the input formats and the error behaviour."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract one JSON record per article, as JSON Lines on stdout.
    #[command(
        long_about = "Extract one JSON record per article and print them on stdout as JSON Lines, \
                      in input order, one record per line as soon as it is ready.\n\n\
                      Give the articles either as plain-text files (the id is the file name \
                      without extension) or as a manifest: a JSON Lines file with one article per \
                      line, like\n\n  \
                      {\"id\": \"dev-fr-001\", \"published\": \"2025-01-21\", \"file\": \"texts/dev-fr-001.txt\"}\n  \
                      {\"id\": \"wire-17\", \"published\": null, \"lang\": \"fr\", \"text\": \"Lomé, 3 mars ...\"}\n\n\
                      `file` is relative to the manifest's folder (to the current directory when \
                      the manifest is read from stdin). `published` anchors relative dates such as \
                      \"ce mardi\" or \"last week\"; without it they stay unresolved.\n\n\
                      Files may be UTF-8, UTF-16 with a byte-order mark or a legacy charset such \
                      as Windows-1252 or Latin-1, which is detected.\n\n\
                      An article that cannot be read is reported on stderr, one line naming the \
                      file or `manifest.jsonl:LINE`, and the others are still processed; the exit \
                      status is then 1. Notes from the extractor (an unsupported language, say) \
                      print as `warning: ID: ...` and do not count as failures.",
        after_help = "Examples:\n  \
                      entente extract --manifest examples/articles.jsonl > records.jsonl\n  \
                      entente extract article.txt --published 2025-01-21 --lang fr\n  \
                      entente extract texts/*.txt | jq -c '{id, countries}'\n  \
                      cat articles.jsonl | entente extract --manifest -\n\n\
                      Exit status: 0 when every article was processed, 1 when any failed, \
                      2 on a usage error."
    )]
    Extract(ExtractArgs),

    // The knowledge-base commands take their help from their structs in
    // kb_args.rs, whose doc comments a variant's own would override.
    Ingest(IngestArgs),

    Search(SearchArgs),

    Dossier(DossierArgs),

    Countries(CountriesArgs),

    Country(CountryArgs),

    Stats(StatsArgs),

    Serve(ServeArgs),

    Export(crate::export_cmd::ExportArgs),
}

/// Arguments of `entente extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Plain-text articles to read; each id is the file name without extension.
    #[arg(
        value_name = "FILE",
        required_unless_present = "manifest",
        conflicts_with = "manifest"
    )]
    pub files: Vec<PathBuf>,

    /// Read the articles from a JSON Lines manifest instead ('-' reads it from stdin, line by line).
    #[arg(long, value_name = "FILE.jsonl|-")]
    pub manifest: Option<PathBuf>,

    /// Publication date of the FILEs (YYYY-MM-DD or an RFC 3339 timestamp), the anchor of relative dates.
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "manifest")]
    pub published: Option<Date>,

    /// Language of the FILEs; detected from the text when not given.
    #[arg(long, value_enum, conflicts_with = "manifest")]
    pub lang: Option<Lang>,

    /// How many articles to extract at once, each on its own thread (default: one per core).
    /// Records come out in input order whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
}

/// Serve the knowledge base as a web site and a JSON API, read-only.
#[derive(Debug, Args)]
#[command(
    long_about = "Serve the knowledge base as a web site and a JSON API, read-only.\n\n\
                  The pages (home, search, countries, pair dossiers with SVG timelines, events, \
                  agreements, persons and articles with their evidence highlighted) work without \
                  JavaScript. The JSON API is under /api/v1, described by /api/v1/openapi.json. \
                  The dossiers are built once at start-up; restart the server after an ingest.",
    after_help = "Examples:\n  \
                  entente ingest examples/articles.jsonl && entente serve\n  \
                  entente serve --db /data/relations.db --addr 127.0.0.1:3000\n\n\
                  The server listens on localhost only unless --addr names another address."
)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: crate::kb_args::DbArgs,

    /// The address to listen on; port 0 picks a free port.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
}

/// A language the extractor reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

fn parse_date(value: &str) -> Result<Date, entente_ingest::InvalidDate> {
    entente_ingest::parse_published(value)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn files_and_manifest_exclude_each_other() {
        assert!(
            Cli::try_parse_from(["entente", "extract", "a.txt", "--manifest", "m.jsonl"]).is_err()
        );
        assert!(Cli::try_parse_from(["entente", "extract"]).is_err());
        assert!(
            Cli::try_parse_from(["entente", "extract", "--manifest", "-", "--lang", "fr"]).is_err()
        );
    }

    #[test]
    fn published_accepts_dates_and_timestamps() {
        let cli = Cli::try_parse_from([
            "entente",
            "extract",
            "a.txt",
            "--published",
            "2025-01-21T09:00:00Z",
        ])
        .unwrap();
        let Command::Extract(extract_args) = cli.command else {
            panic!("expected the extract subcommand");
        };
        assert_eq!(extract_args.published.unwrap().to_string(), "2025-01-21");
        assert!(
            Cli::try_parse_from(["entente", "extract", "a.txt", "--published", "21/01/2025"])
                .is_err()
        );
    }
}
