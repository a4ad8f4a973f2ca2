//! Benchmarks of the extractor on the example articles of `examples/`:
//! `extract` on each article alone (time per article), on all of them in a
//! row (MB/s and articles/s over the whole set), and the analysis stages that
//! every article goes through before the extraction proper (folding,
//! sentences, language identification, the country and city gazetteers and
//! the date finder), each over the whole set, so that their costs read as
//! shares of the whole. Run with `cargo bench -p entente-core`; the figures
//! against the Python pipeline come from `cargo xtask bench` (see
//! BENCHMARKS.md).

use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use entente_core::text::Lang;
use entente_core::{Document, extract, lexicon, text, time};

fn main() {
    divan::main();
}

/// One example article.
struct Article {
    document: Document,
    lang: Lang,
}

impl std::fmt::Display for Article {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.document.id)
    }
}

/// The example articles of `examples/articles.jsonl`, with their
/// publication dates, in manifest order.
static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| {
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let manifest = std::fs::read_to_string(format!("{examples}/articles.jsonl"))
        .expect("the benchmarks read examples/articles.jsonl");
    manifest
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let entry: serde_json::Value = serde_json::from_str(line).expect("a manifest line");
            let id = entry["id"].as_str().expect("an id").to_string();
            let file = entry["file"].as_str().expect("a file");
            let text = std::fs::read_to_string(format!("{examples}/{file}")).expect("an article");
            let published = entry["published"]
                .as_str()
                .map(|date| date.parse().expect("a YYYY-MM-DD date"));
            let lang = if id.contains("-fr-") {
                Lang::Fr
            } else {
                Lang::En
            };
            let document = Document {
                id,
                text,
                published,
                lang: None,
            };
            Article { document, lang }
        })
        .collect()
});

fn all_articles() -> &'static [Article] {
    &ARTICLES
}

fn total_bytes() -> usize {
    ARTICLES
        .iter()
        .map(|article| article.document.text.len())
        .sum()
}

/// Builds the lexicons, automata and regexes once, before any timing.
fn warm_up() {
    for article in all_articles() {
        divan::black_box(extract(&article.document));
    }
}

/// `extract` on one article: the time per article.
#[divan::bench(args = all_articles())]
fn extract_article(bencher: Bencher, article: &Article) {
    warm_up();
    bencher
        .counter(BytesCount::of_str(&article.document.text))
        .bench(|| extract(divan::black_box(&article.document)));
}

/// `extract` on every example article in a row: MB/s and articles/s.
#[divan::bench]
fn extract_all(bencher: Bencher) {
    warm_up();
    bencher
        .counter(BytesCount::new(total_bytes()))
        .counter(ItemsCount::new(all_articles().len()))
        .bench(|| {
            for article in all_articles() {
                divan::black_box(extract(divan::black_box(&article.document)));
            }
        });
}

/// The analysis stages, each over every example article.
mod stages {
    use super::*;

    fn over_all<T>(bencher: Bencher, stage: impl Fn(&Article) -> T + Sync) {
        warm_up();
        bencher.counter(BytesCount::new(total_bytes())).bench(|| {
            for article in all_articles() {
                divan::black_box(stage(divan::black_box(article)));
            }
        });
    }

    #[divan::bench]
    fn fold(bencher: Bencher) {
        over_all(bencher, |article| text::fold(&article.document.text));
    }

    #[divan::bench]
    fn split_sentences(bencher: Bencher) {
        over_all(bencher, |article| {
            text::split_sentences(&article.document.text)
        });
    }

    #[divan::bench]
    fn detect_lang(bencher: Bencher) {
        over_all(bencher, |article| text::detect_lang(&article.document.text));
    }

    #[divan::bench]
    fn find_countries(bencher: Bencher) {
        over_all(bencher, |article| {
            lexicon::find_countries(&article.document.text)
        });
    }

    #[divan::bench]
    fn find_cities(bencher: Bencher) {
        over_all(bencher, |article| {
            lexicon::find_cities(&article.document.text)
        });
    }

    #[divan::bench]
    fn find_dates(bencher: Bencher) {
        over_all(bencher, |article| {
            time::find_dates(&article.document.text, article.lang)
        });
    }

    #[divan::bench]
    fn sector_cues(bencher: Bencher) {
        over_all(bencher, |article| {
            let folded = text::fold(&article.document.text);
            lexicon::cues::sectors(article.lang).find(&folded.key)
        });
    }
}
