//! Site furniture, removed from a page before the main text is looked for.
//! Readability scores blocks by their text and links, which keeps a teaser or
//! a share prompt that sits inside the article's own container; these rules
//! name what news sites wrap around an article (menus, cookie banners,
//! "Lire aussi" and "Read more" teasers, share buttons, comment boxes,
//! newsletters, footers) by tag, role, class, id or opening words, and detach
//! it from the tree. Nothing that holds the headline or the article itself is
//! ever removed.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

/// Elements that never carry article text.
static NEVER_TEXT: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "script, style, noscript, template, iframe, svg, canvas, form, \
    button, input, select, textarea, nav, footer, aside, dialog, \
    [role=navigation], [role=banner], [role=contentinfo], [role=complementary], \
    [role=dialog], [role=alertdialog], [hidden], [aria-hidden=true]",
    )
});

static EVERY_ELEMENT: LazyLock<Selector> = LazyLock::new(|| selector("*"));
static LINK: LazyLock<Selector> = LazyLock::new(|| selector("a[href]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time"));
/// What marks the element that holds the headline or the article.
static ARTICLE: LazyLock<Selector> =
    LazyLock::new(|| selector("h1, article, main, [itemprop=articleBody]"));

/// Compiles a selector written in this module.
fn selector(css: &str) -> Selector {
    // The selectors are constants of this module, checked by its tests.
    Selector::parse(css).expect("a selector of this module is valid CSS")
}

/// Parts of class names and ids (split at `-`, `_` and spaces) that name
/// furniture.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "commentaires",
    "consent",
    "cookie",
    "cookies",
    "didomi",
    "disqus",
    "footer",
    "gdpr",
    "menu",
    "mostread",
    "navbar",
    "newsletter",
    "newsletters",
    "onetrust",
    "outbrain",
    "partage",
    "paywall",
    "pied",
    "popular",
    "promo",
    "recommendations",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "teaser",
    "teasers",
];

/// Consecutive parts of class names and ids that name teasers.
const FURNITURE_PAIRS: &[(&str, &str)] = &[
    ("read", "more"),
    ("read", "also"),
    ("see", "also"),
    ("most", "read"),
    ("lire", "aussi"),
    ("voir", "aussi"),
    ("a", "lire"),
];

/// Opening words of a teaser block: a short block that starts so and holds a
/// link points to another article.
const TEASER_OPENINGS: &[&str] = &[
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire également",
    "à lire également",
    "voir aussi",
    "sur le même sujet",
    "read more",
    "read also",
    "also read",
    "see also",
    "related:",
    "related stories",
    "more on this",
];

/// Opening words of a publication stamp ("Publié le 21 janvier 2025 à
/// 18h42"): the date is metadata, read from the markup, not article text.
const STAMP_OPENINGS: &[&str] = &[
    "publié le",
    "mis à jour le",
    "modifié le",
    "published",
    "updated",
    "last updated",
    "posted on",
];

/// Whole texts of short blocks that are prompts, not prose.
const PROMPTS: &[&str] = &[
    "share this article",
    "share this story",
    "share",
    "partager",
    "partager cet article",
    "advertisement",
    "publicité",
    "sponsored",
];

/// Detaches the furniture from the page's tree.
pub(crate) fn remove_furniture(page: &mut Html) {
    let mut doomed = Vec::new();
    for element in page.select(&EVERY_ELEMENT) {
        let is_furniture = NEVER_TEXT.matches(&element)
            || names_furniture(&element)
            || is_teaser(&element)
            || is_prompt(&element)
            || is_stamp(&element);
        if is_furniture && !holds_the_article(&element) {
            doomed.push(element.id());
        }
    }
    for id in doomed {
        // An element inside an already detached one is detached with it;
        // detaching it again is harmless.
        if let Some(mut node) = page.tree.get_mut(id) {
            node.detach();
        }
    }
}

/// Whether the class or id of an element names furniture.
fn names_furniture(element: &ElementRef) -> bool {
    let value = element.value();
    let names = value.attr("class").into_iter().chain(value.id());
    names.into_iter().any(|name| {
        let lower = name.to_lowercase();
        let parts: Vec<&str> = lower
            .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .collect();
        parts.iter().any(|part| FURNITURE_WORDS.contains(part))
            || parts
                .windows(2)
                .any(|pair| FURNITURE_PAIRS.contains(&(pair[0], pair[1])))
    })
}

/// The text of an element with runs of white space made single spaces.
fn squeezed_text(element: &ElementRef) -> String {
    let text: String = element.text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short block that opens with "Lire aussi", "Read more"... and links away.
fn is_teaser(element: &ElementRef) -> bool {
    if !matches!(
        element.value().name(),
        "p" | "div" | "section" | "li" | "ul" | "span" | "h2" | "h3" | "h4"
    ) {
        return false;
    }
    let text = squeezed_text(element).to_lowercase();
    let opens_teaser = TEASER_OPENINGS
        .iter()
        .any(|opening| text.starts_with(opening));
    let links_away =
        element.select(&LINK).next().is_some() || element.value().name().starts_with('h');
    opens_teaser && links_away && text.chars().count() < 300
}

/// A short block whose whole text is a prompt such as "Share this article".
fn is_prompt(element: &ElementRef) -> bool {
    if !matches!(element.value().name(), "p" | "div" | "span" | "li") {
        return false;
    }
    let text = squeezed_text(element).to_lowercase();
    let text = text.trim_end_matches([':', '.', ' ']);
    PROMPTS.contains(&text)
}

/// A block that is only a `<time>`, or a short one that opens with "Publié
/// le", "Updated"... and holds a `<time>` or a few words with digits.
fn is_stamp(element: &ElementRef) -> bool {
    if !matches!(element.value().name(), "p" | "div" | "span") {
        return false;
    }
    let text = squeezed_text(element).to_lowercase();
    let length = text.chars().count();
    let time = element.select(&TIME).next();
    if time.is_some_and(|time| squeezed_text(&time).to_lowercase() == text) {
        return true;
    }
    let has_digit = text.chars().any(|character| character.is_ascii_digit());
    STAMP_OPENINGS
        .iter()
        .any(|opening| text.starts_with(opening))
        && ((time.is_some() && length < 160) || (has_digit && length < 80))
}

/// Whether an element holds the headline or the article: such an element is
/// a container whose class merely mentions comments or sharing.
fn holds_the_article(element: &ElementRef) -> bool {
    matches!(element.value().name(), "html" | "body" | "main" | "article")
        || element.select(&ARTICLE).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Removes the furniture of a page whose body is `body` and checks which
    /// texts are left.
    fn check(body: &str, kept: &[&str], removed: &[&str]) {
        let mut page = Html::parse_document(&format!("<html><body>{body}</body></html>"));
        remove_furniture(&mut page);
        let text: String = page.root_element().text().collect();
        for piece in kept {
            assert!(text.contains(piece), "{piece:?} was removed from {body}");
        }
        for piece in removed {
            assert!(!text.contains(piece), "{piece:?} was kept from {body}");
        }
    }

    #[test]
    fn furniture_is_named_by_tag_role_class_or_id() {
        check(
            "<nav>Menu</nav><div role=navigation>Rubriques</div>\
             <div class=\"cookie-banner\">Cookies</div><div id=onetrust-banner-sdk>Consent</div>\
             <div class=\"article__share\">Partager</div><section id=comments>Avis</section>\
             <ul class=\"breadcrumb\"><li>Accueil</li></ul><div class=\"a-lire\">Voir</div>\
             <div class=\"read-more-box\">More</div><footer>Pied</footer>\
             <p class=\"adresse\">Le texte reste.</p><p class=\"shared-history\">Aussi.</p>",
            &["Le texte reste.", "Aussi."],
            &[
                "Menu",
                "Rubriques",
                "Cookies",
                "Consent",
                "Partager",
                "Avis",
                "Accueil",
                "Voir",
                "More",
                "Pied",
            ],
        );
    }

    #[test]
    fn teasers_prompts_and_stamps_are_named_by_their_words() {
        check(
            "<article><h1>Titre</h1>\
             <p><strong>Lire aussi :</strong> <a href=/a>Autre article</a></p>\
             <p>À lire également | <a href=/b>Un autre</a></p>\
             <p>Read more: <a href=/c>Another story</a></p>\
             <p>Lire aussi les réactions, a dit le ministre, qui n'a pas donné de lien.</p>\
             <div>Share this article</div><span>Publicité</span>\
             <p>Publié le <time datetime=2025-01-21>21 janvier 2025</time></p>\
             <div><time datetime=2025-01-21>21/01/2025</time></div>\
             <p>Le ministre a été reçu le <time datetime=2025-01-20>20 janvier</time>.</p>\
             <p>Updated figures show a rise in trade with Kenya this year.</p>\
             <p>Mis à jour le 22/01/2025 à 10h00</p></article>",
            &[
                "Titre",
                "Lire aussi les réactions",
                "Le ministre a été reçu le 20 janvier.",
                "Updated figures show",
            ],
            &[
                "Autre article",
                "Un autre",
                "Another story",
                "Share this article",
                "Publicité",
                "Publié le",
                "21/01/2025",
                "Mis à jour",
            ],
        );
    }

    #[test]
    fn a_container_of_the_article_is_never_removed() {
        check(
            "<div class=\"page has-comments\"><article><h1>Titre</h1><p>Texte.</p></article>\
             <div class=\"comment\">Un avis.</div></div>\
             <form id=aspnetForm><h1>Autre titre</h1></form>",
            &["Titre", "Texte.", "Autre titre"],
            &["Un avis."],
        );
    }
}
