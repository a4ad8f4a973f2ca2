//! HTML pages saved from news sites, one document each. The bytes are decoded
//! with the charset the page declares (or the one guessed), the metadata is
//! read with scraper ([`metadata`]), the site furniture is cut out
//! ([`furniture`]), and dom_smoothie, a port of Mozilla's Readability, finds
//! the main text in what remains. The text handed to the extractor has the
//! shape of a plain-text article: the title line, a blank line, then the
//! byline, the paragraphs and the captions, separated by blank lines.

mod fragment;
mod furniture;
mod json_ld;
mod metadata;

use std::path::Path;
use std::sync::LazyLock;

use dom_smoothie::{Config, Readability, TextMode};
use entente_core::Document;
use scraper::{Html, Node, Selector};

use crate::decode::decode_markup;
use crate::error::{IngestError, Result};
use crate::inputs::SourcedDocument;

pub(crate) use fragment::fragment_paragraphs;
pub(crate) use metadata::PageMetadata;

/// Reads a saved news page. The document id is the file name without its
/// extension; the source is the page's canonical URL when it gives one, the
/// path otherwise.
pub(crate) fn read_page(path: &Path) -> Result<SourcedDocument> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::from_io(path, source))?;
    let origin = path.display().to_string();
    let markup = decode_markup(&bytes, &origin)?;
    let (text, metadata) = page_text(&markup).map_err(|reason| IngestError::Html {
        origin: origin.clone(),
        reason,
    })?;
    let id = match path.file_stem() {
        Some(stem) => stem.to_string_lossy().into_owned(),
        None => origin.clone(),
    };
    Ok(SourcedDocument {
        document: Document {
            id,
            text,
            published: metadata.published,
            lang: metadata.lang,
        },
        source: metadata.canonical_url.unwrap_or(origin),
        title: metadata.title,
        author: metadata.author,
    })
}

/// The article text of a page and its metadata, or why there is none.
pub(crate) fn page_text(markup: &str) -> std::result::Result<(String, PageMetadata), String> {
    let mut page = Html::parse_document(markup);
    let mut metadata = metadata::read_metadata(&page);
    furniture::remove_furniture(&mut page);
    metadata.byline = metadata::visible_byline(&page);
    mark_blocks(&mut page);
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(page.html(), None, Some(config))
        .map_err(|error| format!("the page cannot be read ({error})"))?;
    let article = readability
        .parse()
        .map_err(|error| format!("no main text found ({error})"))?;

    let title = metadata
        .title
        .clone()
        .unwrap_or_else(|| squeeze(&article.title));
    let body = paragraphs(&article.text_content);
    let mut blocks: Vec<String> = Vec::new();
    if !title.is_empty() {
        blocks.push(title.clone());
    }
    let byline_is_missing = |byline: &String| {
        let key = squeeze(byline);
        !body.iter().any(|paragraph| paragraph.contains(&key))
    };
    if let Some(byline) = metadata.byline.as_ref().filter(|b| byline_is_missing(b)) {
        blocks.push(byline.clone());
    }
    blocks.extend(body.into_iter().filter(|paragraph| *paragraph != title));
    if blocks.len() <= usize::from(!title.is_empty()) {
        return Err("no main text found (the page has no paragraphs)".to_string());
    }
    Ok((blocks.join("\n\n") + "\n", metadata))
}

/// Block elements that dom_query's formatted text does not end with a line
/// break, so that a caption would run into the next paragraph.
static UNMARKED_BLOCKS: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "figure, figcaption, header, main, address, dd, dt, details, summary, caption, \
         center, hgroup, fieldset, legend",
    )
});

fn selector(css: &str) -> Selector {
    // The selectors are constants of this module, checked by its tests.
    Selector::parse(css).expect("a selector of this module is valid CSS")
}

/// Renames the blocks that the formatted text would run together to `div`,
/// which it ends with a line break.
fn mark_blocks(page: &mut Html) {
    // The qualified name of a `div`, taken from a parsed one.
    let fragment = Html::parse_fragment("<div></div>");
    let Some(div_name) = fragment
        .select(&selector("div"))
        .next()
        .map(|div| div.value().name.clone())
    else {
        return;
    };
    let ids: Vec<_> = page
        .select(&UNMARKED_BLOCKS)
        .map(|block| block.id())
        .collect();
    for id in ids {
        if let Some(mut node) = page.tree.get_mut(id)
            && let Node::Element(element) = node.value()
        {
            element.name = div_name.clone();
        }
    }
}

/// The paragraphs of Readability's formatted text: its lines (it squeezes the
/// white space of text and breaks lines only between blocks, list items and
/// at `<br>`), without the empty ones.
fn paragraphs(formatted: &str) -> Vec<String> {
    formatted
        .lines()
        .map(squeeze)
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(markup: &str) -> String {
        page_text(markup)
            .unwrap_or_else(|reason| panic!("{reason}"))
            .0
    }

    #[test]
    fn a_short_page_gives_its_title_and_paragraphs() {
        let text = text_of(
            "<html><head><title>Lomé et Accra | Le Site</title></head><body>\
             <article><h1>Lomé et Accra</h1><p>Le ministre togolais a reçu son homologue \
             ghanéen mardi à Lomé.</p><p>Ils ont signé un accord.</p></article></body></html>",
        );
        assert_eq!(
            text,
            "Lomé et Accra\n\nLe ministre togolais a reçu son homologue ghanéen mardi à Lomé.\n\n\
             Ils ont signé un accord.\n"
        );
    }

    #[test]
    fn captions_list_items_and_line_breaks_are_paragraphs() {
        let paragraph = "Le ministre a détaillé les accords signés à Dakar ce mardi. ".repeat(6);
        let text = text_of(&format!(
            "<html><body><article><h1>Titre</h1><p>{paragraph}</p>\
             <figure><img src=a.jpg><figcaption>Photo : DR</figcaption></figure>\
             <p>{paragraph}</p><ul><li>Un accord sur l'eau ;</li><li>un accord sur l'énergie.</li></ul>\
             <p>Première ligne<br>seconde ligne</p></article></body></html>"
        ));
        let paragraph = paragraph.trim();
        assert_eq!(
            text,
            format!(
                "Titre\n\n{paragraph}\n\nPhoto : DR\n\n{paragraph}\n\nUn accord sur l'eau ;\n\n\
                 un accord sur l'énergie.\n\nPremière ligne\n\nseconde ligne\n"
            )
        );
    }

    #[test]
    fn a_page_without_text_is_refused() {
        let reason =
            page_text("<html><body><nav><a href=/>Accueil</a></nav></body></html>").unwrap_err();
        assert!(reason.starts_with("no main text found"), "{reason}");
        let reason = page_text("").unwrap_err();
        assert!(reason.starts_with("no main text found"), "{reason}");
    }

    #[test]
    fn the_selectors_compile() {
        LazyLock::force(&UNMARKED_BLOCKS);
    }
}
