//! What a news page says about itself: title, publication date, author,
//! language and canonical URL, read from `<meta>` tags (Open Graph, Dublin
//! Core, the common `name=date` and `name=author`), from the schema.org
//! `NewsArticle` in its JSON-LD ([`json_ld`]), and from the markup
//! (`<html lang>`, `<title>`, `<time datetime>`, the visible byline). Each
//! field takes the first source that has it, in the order `read_metadata`
//! tries them.

use std::sync::LazyLock;

use jiff::civil::Date;
use scraper::{ElementRef, Html, Selector};

use super::json_ld;
use crate::published::date_as_written;

/// The metadata of one page; every field may be missing.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PageMetadata {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub author: Option<String>,
    pub lang: Option<String>,
    pub canonical_url: Option<String>,
    /// The byline as the page shows it ("Par notre correspondant à Paris",
    /// "By Priya Raman"), which Readability takes out of the main text.
    pub byline: Option<String>,
}

/// `<meta>` names and properties that give the publication date, best first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static HTML: LazyLock<Selector> = LazyLock::new(|| selector("html[lang]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel=canonical][href]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"[class*=byline], [class*=Byline], [itemprop=author], [class*=signature], [rel=author]"#,
    )
});

fn selector(css: &str) -> Selector {
    // The selectors are constants of this module, checked by its tests.
    Selector::parse(css).expect("a selector of this module is valid CSS")
}

/// Reads the metadata of a parsed page.
pub(crate) fn read_metadata(page: &Html) -> PageMetadata {
    let metas = Metas::new(page);
    let article = json_ld::article(page);
    let article_text = |field: &str| {
        let value = article.as_ref()?.get(field)?;
        json_ld::text_of(value)
    };

    let title = metas
        .get(&["og:title"])
        .or_else(|| article_text("headline"))
        .or_else(|| metas.get(&["twitter:title", "dc.title"]))
        .or_else(|| {
            page.select(&TITLE)
                .next()
                .map(|title| page_title(page, &title))
        })
        .filter(|title| !title.is_empty());

    let published = metas
        .get(&DATE_METAS[..2])
        .and_then(|value| date_as_written(&value))
        .or_else(|| article_text("datePublished").and_then(|value| date_as_written(&value)))
        .or_else(|| {
            metas
                .get(&DATE_METAS[2..])
                .and_then(|value| date_as_written(&value))
        })
        .or_else(|| {
            page.select(&TIME)
                .filter_map(|time| time.value().attr("datetime"))
                .find_map(date_as_written)
        });

    let author = article
        .as_ref()
        .and_then(|article| article.get("author"))
        .and_then(json_ld::names_of)
        .or_else(|| metas.get(&["author", "dc.creator", "byl", "sailthru.author"]))
        .or_else(|| {
            metas
                .get(&["article:author"])
                .filter(|author| !is_url(author))
        })
        .map(|author| strip_by(&author).to_string())
        .filter(|author| !author.is_empty());

    let lang = page
        .select(&HTML)
        .next()
        .and_then(|html| html.value().attr("lang"))
        .map(str::to_string)
        .or_else(|| article_text("inLanguage"))
        .or_else(|| metas.get(&["content-language", "og:locale", "dc.language"]))
        .and_then(|tag| primary_language(&tag));

    let canonical_url = page
        .select(&CANONICAL)
        .filter_map(|link| link.value().attr("href"))
        .map(str::trim)
        .find(|href| is_url(href))
        .map(str::to_string)
        .or_else(|| metas.get(&["og:url"]).filter(|url| is_url(url)))
        .or_else(|| article_text("url").filter(|url| is_url(url)));

    PageMetadata {
        title,
        published,
        author,
        lang,
        canonical_url,
        byline: visible_byline(page),
    }
}

/// The first short byline the page shows. Called again once the furniture
/// is gone, so that the byline of a teaser or a comment does not count.
pub(crate) fn visible_byline(page: &Html) -> Option<String> {
    page.select(&BYLINE)
        .map(|element| squeezed(&element))
        .find(|text| !text.is_empty() && text.chars().count() <= 120)
}

/// The title of a page from its `<title>`, without the site's name: the
/// `<h1>` that the `<title>` contains, or the `<title>` without a last part
/// after " | ", " - ", " – " or " — " when what is left has three words or
/// more.
fn page_title(page: &Html, title: &ElementRef) -> String {
    let title = squeezed(title);
    let headline = page
        .select(&H1)
        .map(|h1| squeezed(&h1))
        .find(|h1| !h1.is_empty() && title.contains(h1.as_str()));
    if let Some(headline) = headline {
        return headline;
    }
    for separator in [" | ", " - ", " – ", " — "] {
        if let Some((rest, _site)) = title.rsplit_once(separator)
            && rest.split_whitespace().count() >= 3
        {
            return rest.to_string();
        }
    }
    title
}

/// The `<meta>` tags of a page, by lower-cased name, property or http-equiv.
struct Metas(Vec<(String, String)>);

impl Metas {
    fn new(page: &Html) -> Metas {
        let mut pairs = Vec::new();
        for meta in page.select(&META) {
            let element = meta.value();
            let key = element
                .attr("property")
                .or_else(|| element.attr("name"))
                .or_else(|| element.attr("itemprop"))
                .or_else(|| element.attr("http-equiv"));
            let (Some(key), Some(content)) = (key, element.attr("content")) else {
                continue;
            };
            let content = squeeze(content);
            if !content.is_empty() {
                pairs.push((key.trim().to_lowercase(), content));
            }
        }
        Metas(pairs)
    }

    /// The content of the first of `keys` that the page has.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.0
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, content)| content.clone())
        })
    }
}

/// "By Priya Raman" and "Par Jean Dupont" without their first word.
fn strip_by(author: &str) -> &str {
    for prefix in ["By ", "by ", "BY ", "Par ", "par ", "PAR "] {
        if let Some(rest) = author.strip_prefix(prefix) {
            return rest.trim();
        }
    }
    author.trim()
}

/// The primary subtag of a language tag, lower-cased: "fr-FR" and "fr_FR"
/// give "fr". An empty or non-alphabetic tag gives nothing.
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let is_code =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    is_code.then_some(primary)
}

fn is_url(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://")
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squeezed(element: &ElementRef) -> String {
    squeeze(&element.text().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metadata(head: &str, body: &str) -> PageMetadata {
        read_metadata(&Html::parse_document(&format!(
            "<html{head}</head><body>{body}</body></html>"
        )))
    }

    fn json_ld(json: &str) -> String {
        format!("><head><script type=\"application/ld+json\">{json}</script>")
    }

    #[test]
    fn open_graph_comes_before_json_ld_and_markup() {
        let found = metadata(
            " lang=\"fr_CA\"><head><title>Titre long | Site</title>\
             <meta property=\"og:title\" content=\" Titre  OG \">\
             <meta property=\"article:published_time\" content=\"2025-01-21T23:30:00-05:00\">\
             <meta name=\"author\" content=\"Par Jean Dupont\">\
             <link rel=\"canonical\" href=\"/relative\">\
             <meta property=\"og:url\" content=\"https://site.example/a\">",
            "<time datetime=\"2024-01-01\">1er janvier</time>",
        );
        assert_eq!(found.title.as_deref(), Some("Titre OG"));
        assert_eq!(found.published.unwrap().to_string(), "2025-01-21");
        assert_eq!(found.author.as_deref(), Some("Jean Dupont"));
        assert_eq!(found.lang.as_deref(), Some("fr"));
        assert_eq!(
            found.canonical_url.as_deref(),
            Some("https://site.example/a")
        );
    }

    #[test]
    fn json_ld_fields_are_read() {
        let found = metadata(
            &json_ld(
                r#"{"@graph": [{"@type": ["ReportageNews"], "headline": "Le titre",
                     "datePublished": "2024-12-05", "inLanguage": "en-GB",
                     "author": [{"name": "A. Auteur"}, "B. Autrice", "https://x.example/c"],
                     "url": "https://site.example/b"}]}"#,
            ),
            "",
        );
        assert_eq!(found.title.as_deref(), Some("Le titre"));
        assert_eq!(found.published.unwrap().to_string(), "2024-12-05");
        assert_eq!(found.author.as_deref(), Some("A. Auteur, B. Autrice"));
        assert_eq!(found.lang.as_deref(), Some("en"));
        assert_eq!(
            found.canonical_url.as_deref(),
            Some("https://site.example/b")
        );
    }

    #[test]
    fn broken_json_ld_is_skipped_and_the_markup_used() {
        let found = metadata(
            &json_ld(r#"{"@type": "NewsArticle", "headline": "Cassé",}"#),
            "<h1>Lomé accueille le sommet</h1>\
             <p class=\"byline\">Par <a rel=author href=/a>Awa Koné</a></p>\
             <time datetime=\"Tue, 21 Jan 2025 10:00:00 +0000\">mardi</time>",
        );
        assert_eq!(found.title, None);
        assert_eq!(found.published.unwrap().to_string(), "2025-01-21");
        assert_eq!(found.byline.as_deref(), Some("Par Awa Koné"));
        assert_eq!(found.lang, None);
    }

    #[test]
    fn the_site_name_leaves_the_title() {
        let title = |head: &str, body: &str| metadata(head, body).title;
        assert_eq!(
            title("><head><title>Accord signé à Dakar - Le Site</title>", "").as_deref(),
            Some("Accord signé à Dakar")
        );
        assert_eq!(
            title("><head><title>Dakar | Le Site</title>", "<h1>Dakar</h1>").as_deref(),
            Some("Dakar")
        );
        assert_eq!(
            title("><head><title>Brève - Site</title>", "").as_deref(),
            Some("Brève - Site")
        );
    }

    #[test]
    fn dates_fall_back_in_order() {
        let published =
            |head: &str, body: &str| metadata(head, body).published.map(|date| date.to_string());
        assert_eq!(
            published(
                "><head><meta name=\"DC.date.issued\" content=\"2023-03-04\">",
                ""
            )
            .as_deref(),
            Some("2023-03-04")
        );
        assert_eq!(
            published(
                "><head><meta name=\"date\" content=\"hier\">",
                "<time datetime=\"nonsense\"></time><time datetime=\"2022-02-02T10:00\"></time>"
            )
            .as_deref(),
            Some("2022-02-02")
        );
        assert_eq!(published("><head>", "<p>Le 3 mars 2025.</p>"), None);
    }
}
