//! Pieces of HTML that are a whole article body already, such as the content
//! of a feed item: no page around them, so no Readability, only the furniture
//! rules and a walk that turns blocks into paragraphs.

use scraper::{ElementRef, Html, Node};

use super::furniture::remove_furniture;

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
];

/// The paragraphs of an HTML fragment, furniture removed, white space
/// squeezed, empty ones dropped.
pub(crate) fn fragment_paragraphs(markup: &str) -> Vec<String> {
    let mut fragment = Html::parse_fragment(markup);
    remove_furniture(&mut fragment);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    collect(fragment.root_element(), &mut current, &mut paragraphs);
    end_paragraph(&mut current, &mut paragraphs);
    paragraphs
}

fn collect(element: ElementRef, current: &mut String, paragraphs: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => {
                current.push_str(text);
            }
            Node::Element(child_element) => {
                let is_block = BLOCKS.contains(&child_element.name());
                if is_block {
                    end_paragraph(current, paragraphs);
                }
                if let Some(child) = ElementRef::wrap(child) {
                    collect(child, current, paragraphs);
                }
                if is_block {
                    end_paragraph(current, paragraphs);
                }
            }
            _ => {}
        }
    }
}

fn end_paragraph(current: &mut String, paragraphs: &mut Vec<String>) {
    let paragraph = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(markup: &str, expected: &[&str]) {
        assert_eq!(fragment_paragraphs(markup), expected, "{markup}");
    }

    #[test]
    fn blocks_become_paragraphs() {
        check(
            "<p>Lomé, 3 mars —  le ministre\n a reçu <b>son homologue</b>.</p><p>Deuxième.</p>",
            &[
                "Lomé, 3 mars — le ministre a reçu son homologue.",
                "Deuxième.",
            ],
        );
        check(
            "Un texte<br>sur deux lignes",
            &["Un texte", "sur deux lignes"],
        );
        check(
            "<ul><li>Un accord</li><li>Deux accords</li></ul>",
            &["Un accord", "Deux accords"],
        );
        check(
            "<figure><img src=a.jpg><figcaption>Photo : DR</figcaption></figure><p>Texte.</p>",
            &["Photo : DR", "Texte."],
        );
        check("", &[]);
    }

    #[test]
    fn furniture_and_markup_are_dropped() {
        check(
            "<p>Texte.</p><p><strong>Lire aussi :</strong> <a href=/x>Autre</a></p>\
             <script>var a = 1;</script><div class=\"share-links\"><a href=/s>Partager</a></div>",
            &["Texte."],
        );
        check(
            "<p>Prix : 10&nbsp;&euro; &amp; plus</p>",
            &["Prix : 10 € & plus"],
        );
    }
}
