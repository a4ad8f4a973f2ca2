//! The command line of the knowledge-base subcommands (`ingest`, `search`,
//! `dossier`, `countries`, `country`, `stats`): clap derive structs with the
//! help that teaches each one. They share [`DbArgs`], the store to use, which
//! `--db`, then `ENTENTE_DB`, then `entente.db` in the current folder name.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Where the store is: the argument every knowledge-base command takes.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The store, a SQLite file: `--db`, else $ENTENTE_DB, else entente.db in the current folder.
    #[arg(
        long,
        value_name = "FILE",
        env = "ENTENTE_DB",
        default_value = "entente.db"
    )]
    pub db: PathBuf,
}

/// Read articles, extract their records and store both in the knowledge base.
#[derive(Debug, Args)]
#[command(
    long_about = "Read articles, extract their records and store both in the knowledge base.\n\n\
                  PATH may be a plain-text file (its id is the file name without extension), an \
                  HTML page, an RSS, Atom or JSON feed, a JSON Lines manifest (see `entente help \
                  extract`) or a folder, read recursively in sorted order.\n\n\
                  Each document is stored with its source (the path, or the URL a page or feed \
                  gives), a hash of its text and publication date, its text and its record. \
                  Ingesting the same content again changes nothing; changed content under a \
                  source already stored is kept as that source's next version, and queries read \
                  only the latest.\n\n\
                  Documents are committed in batches, so an interrupted run loses at most one \
                  batch, and running the same command again completes it without duplicates. \
                  Documents are extracted on --jobs threads (one per core by default) and stored \
                  in input order whatever the number. A \
                  document that cannot be read or extracted is skipped and listed at the end with \
                  the reason; the others are stored.",
    after_help = "Examples:\n  \
                  entente ingest examples/articles.jsonl\n  \
                  entente ingest news/ --db /data/relations.db\n  \
                  ENTENTE_DB=/data/relations.db entente ingest feed.xml page.html\n\n\
                  On a terminal a progress line shows the documents read and the throughput. At \
                  the end a summary gives the counts of documents added, new versions, \
                  unchanged and failed; each failure is printed on stderr.\n\n\
                  Exit status: 0 when every document was stored, 1 when any failed or the store \
                  cannot be opened, 2 on a usage error."
)]
pub struct IngestArgs {
    /// Files, folders, manifests or feeds to read.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub store: DbArgs,

    /// Documents committed per transaction (fewer when the input pauses); a crash loses at most one batch.
    #[arg(long, value_name = "N", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch_size: u32,

    /// How many documents to extract at once, each on its own thread (default: one per core).
    /// Documents are stored in input order whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
}

/// Search the stored documents and evidence sentences for words.
#[derive(Debug, Args)]
#[command(
    long_about = "Search the stored documents, and the evidence sentences of their records, for \
                  words.\n\n\
                  Every word must appear; case and accents are ignored (\"cote\" finds \"Côte\"), \
                  and a word ending in `*` matches as a prefix (\"kazakh*\"). Punctuation is \
                  searched as written, so \"d'Ivoire\" works. The best matches come first, each \
                  with a passage of the text and the evidence sentences that match, with the facts \
                  the extractor drew from them.",
    after_help = "Examples:\n  \
                  entente search Kazakhstan\n  \
                  entente search \"visa exemption\" --limit 5\n  \
                  entente search 'ambassad*' --format json | jq -r '.[].doc_id'"
)]
pub struct SearchArgs {
    /// The words to look for.
    #[arg(value_name = "QUERY", required = true)]
    pub query: Vec<String>,

    #[command(flatten)]
    pub store: DbArgs,

    /// How many documents to show at most.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Print what the stored articles say about a pair of countries, merged and cited.
#[derive(Debug, Args)]
#[command(
    long_about = "Print the dossier of a pair of countries: what every stored article says about \
                  the two, merged across articles and cited.\n\n\
                  The dossier holds the documents about the pair, a timeline of visits, meetings, \
                  calls, signings and envoys, the agreements and how far they got, the people \
                  acting for each side, the sectors of cooperation, the commitments not yet \
                  reported done, key quotes, and the points where sources disagree.\n\n\
                  A country is an ISO 3166-1 code (KAZ or KZ) or a name in English or French, in \
                  any case, with or without accents (\"Côte d'Ivoire\", \"cote d'ivoire\", \
                  \"Ivory Coast\"). An unknown name is refused with the closest known names.",
    after_help = "Examples:\n  \
                  entente dossier Togo Kazakhstan\n  \
                  entente dossier KAZ TGO --format md > togo-kazakhstan.md\n  \
                  entente dossier \"Côte d'Ivoire\" France --format json | jq '.timeline'"
)]
pub struct DossierArgs {
    /// The first country: a code or a name.
    #[arg(value_name = "A")]
    pub first: String,

    /// The second country: a code or a name.
    #[arg(value_name = "B")]
    pub second: String,

    #[command(flatten)]
    pub store: DbArgs,

    /// Output format: text for a terminal, md (Markdown) for a report, json for programs.
    #[arg(long, value_enum, default_value_t = DossierFormat::Text)]
    pub format: DossierFormat,
}

/// List the pairs of countries in the store, the most active first.
#[derive(Debug, Args)]
#[command(
    long_about = "List the pairs of countries named together in the stored documents, the most \
                  active first: by the number of events between them (once per document that \
                  reports one), then agreements, then documents that name both.",
    after_help = "Examples:\n  \
                  entente countries\n  \
                  entente countries --limit 10 --format json"
)]
pub struct CountriesArgs {
    #[command(flatten)]
    pub store: DbArgs,

    /// How many pairs to show at most.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// List a country's partners in the store, the most active first.
#[derive(Debug, Args)]
#[command(
    long_about = "List the partners of a country in the stored documents, the most active first, \
                  ranked as in `entente countries`.\n\n\
                  The country is an ISO 3166-1 code or a name in English or French.",
    after_help = "Examples:\n  \
                  entente country Togo\n  \
                  entente country KAZ --format json"
)]
pub struct CountryArgs {
    /// The country: a code or a name.
    #[arg(value_name = "COUNTRY")]
    pub country: String,

    #[command(flatten)]
    pub store: DbArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Count the documents, mentions, events, agreements and persons in the store.
#[derive(Debug, Args)]
#[command(
    long_about = "Count what the store holds: documents (each source once, however many \
                  versions it has), stored versions, mentions (pairs of countries named together, \
                  once per document), events, agreements, distinct persons and pairs of \
                  countries. Only the latest version of each document counts.",
    after_help = "Examples:\n  \
                  entente stats\n  \
                  entente stats --format json | jq .documents"
)]
pub struct StatsArgs {
    #[command(flatten)]
    pub store: DbArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// How a list or a count is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned lines for a terminal.
    Text,
    /// One JSON document.
    Json,
}

/// How a dossier is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DossierFormat {
    /// Plain text for a terminal.
    Text,
    /// Markdown, for a report.
    Md,
    /// JSON, for programs.
    Json,
}
