//! HTML pages written for these tests in the shape of saved news pages, with
//! their furniture; their bodies are example articles of the project.

use entente_ingest::{IngestError, SourcedDocument, read_inputs};

use crate::{example_article, fixture, format_chain};

fn read_page(name: &str) -> SourcedDocument {
    let path = fixture(&format!("html/{name}"));
    let mut results: Vec<_> = read_inputs(&[path]).collect();
    assert_eq!(results.len(), 1, "{name}: {results:?}");
    results
        .remove(0)
        .unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// Asserts that the text has the plain-text article shape: the title, a
/// blank line, then paragraphs separated by single blank lines.
fn assert_shape(text: &str, title: &str) {
    assert!(text.starts_with(&format!("{title}\n\n")), "{text}");
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{text:?}");
    assert!(!text.contains("\n\n\n"), "{text:?}");
    for paragraph in text.trim_end().split("\n\n") {
        assert!(!paragraph.contains('\n'), "{paragraph:?}");
        assert_eq!(paragraph, paragraph.trim(), "{paragraph:?}");
    }
}

fn assert_absent(text: &str, furniture: &[&str]) {
    for piece in furniture {
        assert!(!text.contains(piece), "{piece:?} is furniture:\n{text}");
    }
}

#[test]
fn a_french_page_keeps_the_article_and_drops_the_furniture() {
    let page = read_page("diplomatie-paris-abidjan.html");
    let (title, paragraphs) = example_article("dev-fr-001");
    let text = &page.document.text;
    assert_shape(text, &title);
    for paragraph in &paragraphs {
        if paragraph.starts_with("Lire aussi") || paragraph.starts_with("Photo :") {
            continue;
        }
        assert!(
            text.contains(paragraph.as_str()),
            "missing {paragraph:?} in\n{text}"
        );
    }
    // The byline and the photo caption are article text.
    assert!(
        text.contains("\n\nPar notre correspondant à Paris\n\n"),
        "{text}"
    );
    assert!(
        text.contains("au Quai d'Orsay. Photo : MEAE / DR\n\n"),
        "{text}"
    );
    assert_absent(
        text,
        &[
            "cookies",
            "Tout accepter",
            "S'abonner",
            "Accueil",
            "Rubriques",
            "Partager",
            "Facebook",
            "Envoyer par e-mail",
            "Lire aussi",
            "Port-Bouët, la fin d'une époque",
            "Les vœux d'Alassane Ouattara",
            "Sur le même sujet",
            "Le Sénégal reprend",
            "lettre Afrique",
            "Réactions",
            "Réagissez",
            "Kouassi_77",
            "Il était temps",
            "Mentions légales",
            "Tous droits réservés",
            "Publié le",
            "dataLayer",
        ],
    );
    assert_eq!(page.document.id, "diplomatie-paris-abidjan");
    assert_eq!(page.document.lang.as_deref(), Some("fr"));
    // The page was published at 18:42 Paris time on the 21st.
    assert_eq!(page.document.published.unwrap().to_string(), "2025-01-21");
    assert_eq!(page.title.as_deref(), Some(title.as_str()));
    assert_eq!(page.author.as_deref(), Some("Rédaction internationale"));
    assert_eq!(
        page.source,
        "https://www.courrier-deux-rives.example/international/article/2025/01/21/paris-abidjan-defense_4821.html"
    );
}

#[test]
fn an_english_page_keeps_the_article_and_drops_the_furniture() {
    let page = read_page("india-kenya-credit-line.html");
    let (title, paragraphs) = example_article("dev-en-002");
    let text = &page.document.text;
    assert_shape(text, &title);
    for paragraph in paragraphs.iter().filter(|p| *p != "Share this article") {
        assert!(
            text.contains(paragraph.as_str()),
            "missing {paragraph:?} in\n{text}"
        );
    }
    assert!(
        text.ends_with("\n\nBilateral trade stands at about $3.3 billion.\n"),
        "{text}"
    );
    assert_absent(
        text,
        &[
            "Cookie",
            "I Accept",
            "Subscribe",
            "Sign in",
            "Opinion",
            "Share",
            "Copy link",
            "Read more",
            "trade corridor through Mombasa",
            "Advertisement",
            "Related",
            "three-day state visit",
            "Comments",
            "Join the conversation",
            "Most read",
            "Floods cut off",
            "Privacy policy",
            "All rights reserved",
            "9:40 PM IST",
            "Meridian Post",
        ],
    );
    assert_eq!(page.document.lang.as_deref(), Some("en"));
    // 21:40 in New Delhi is still the 5th, whatever the time in UTC.
    assert_eq!(page.document.published.unwrap().to_string(), "2023-12-05");
    assert_eq!(page.title.as_deref(), Some(title.as_str()));
    // The JSON-LD author wins over a `<meta name="author">` naming the staff.
    assert_eq!(page.author.as_deref(), Some("Priya Raman"));
    assert_eq!(
        page.source,
        "https://meridianpost.example/world/asia/india-kenya-credit-line-modi-ruto-pacts-2023-12-05/"
    );
}

#[test]
fn a_windows_1252_page_is_decoded_from_its_meta_charset() {
    let page = read_page("echo-rabat-brasilia-cp1252.html");
    let (title, paragraphs) = example_article("dev-fr-005");
    let text = &page.document.text;
    assert_shape(text, &title);
    for paragraph in &paragraphs {
        assert!(
            text.contains(paragraph.as_str()),
            "missing {paragraph:?} in\n{text}"
        );
    }
    assert!(text.contains("« dialogue stratégique »"), "{text}");
    assert!(text.contains("São Paulo"), "{text}");
    assert!(
        !text.contains('\r') && !text.contains('\u{fffd}'),
        "{text:?}"
    );
    assert_absent(
        text,
        &[
            "cookies",
            "Archives",
            "À lire aussi",
            "la RAM rouvre sa ligne",
            "Partager",
            "Imprimer",
            "Commentaires",
            "Soyez le premier",
            "Mentions légales",
            "Publié le",
        ],
    );
    assert_eq!(page.document.published.unwrap().to_string(), "2024-06-08");
    assert_eq!(page.document.lang.as_deref(), Some("fr"));
    assert_eq!(page.author.as_deref(), Some("Service international"));
    // Without og:title or JSON-LD, the title is the `<h1>` that the
    // `<title>` repeats before the site's name.
    assert_eq!(page.title.as_deref(), Some(title.as_str()));
    assert!(page.source.ends_with("echo-rabat-brasilia-cp1252.html"));
}

#[test]
fn a_page_without_an_article_is_an_error_naming_the_file() {
    let path = fixture("html/no-article.html");
    let results: Vec<_> = read_inputs(std::slice::from_ref(&path)).collect();
    assert_eq!(results.len(), 1);
    let error = results.into_iter().next().unwrap().unwrap_err();
    assert!(matches!(error, IngestError::Html { .. }), "{error:?}");
    let message = format_chain(&error);
    let expected = format!("{}: no article in this HTML page: ", path.display());
    assert!(message.starts_with(&expected), "{message}");
}

#[test]
fn a_binary_file_named_html_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photo.html");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let error = read_inputs(std::slice::from_ref(&path))
        .next()
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(error, IngestError::UnreadableEncoding { .. }),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("photo.html: unreadable encoding"),
        "{error}"
    );
}

#[test]
fn a_truncated_page_still_gives_its_text() {
    let markup = std::fs::read_to_string(fixture("html/diplomatie-paris-abidjan.html")).unwrap();
    let cut = markup.find("<section class=\"lire-aussi\">").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.htm");
    std::fs::write(&path, &markup[..cut + 30]).unwrap();
    let page = read_inputs(std::slice::from_ref(&path))
        .next()
        .unwrap()
        .unwrap();
    assert!(
        page.document.text.contains("« franc et cordial »"),
        "{}",
        page.document.text
    );
    assert_eq!(page.document.id, "cut");
}
