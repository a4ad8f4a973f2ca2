//! RSS 2.0, Atom and JSON feeds written for these tests: one document per
//! item, with the item's metadata.

use entente_ingest::{IngestError, SourcedDocument, read_inputs};

use crate::{example_article, fixture, format_chain, read_all};

fn read_feed(name: &str) -> Vec<SourcedDocument> {
    let (documents, errors) = read_all(&[fixture(&format!("feeds/{name}"))]);
    assert!(errors.is_empty(), "{name}: {errors:?}");
    documents
}

#[test]
fn an_rss_feed_gives_one_document_per_item() {
    let path = fixture("feeds/courrier-afrique.rss");
    let items = read_feed("courrier-afrique.rss");
    assert_eq!(items.len(), 3);
    let ids: Vec<&str> = items.iter().map(|item| item.document.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "afrique-article-2025-04-30-dakar-tokyo-65-ans_5120",
            "courrier-4410",
            "courrier-afrique-3"
        ]
    );

    let (title, paragraphs) = example_article("dev-fr-003");
    let first = &items[0];
    let text = &first.document.text;
    assert!(
        text.starts_with(&format!("{title}\n\n{}\n\n", paragraphs[1])),
        "{text}"
    );
    assert!(text.contains(&paragraphs[3]), "{text}");
    for furniture in [
        "Lire aussi",
        "ce que l'Afrique attend",
        "appeared first on",
        "<p>",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
    assert_eq!(first.title.as_deref(), Some(title.as_str()));
    assert_eq!(first.author.as_deref(), Some("Aïcha Diop"));
    // 23:40 in UTC-5 on the 30th is the 1st of May in UTC; the date written wins.
    assert_eq!(first.document.published.unwrap().to_string(), "2025-04-30");
    assert_eq!(first.document.lang.as_deref(), Some("fr"));
    assert_eq!(
        first.source,
        "https://www.courrier-deux-rives.example/afrique/article/2025/04/30/dakar-tokyo-65-ans_5120.html"
    );

    // An item with only an escaped HTML description.
    let (title, paragraphs) = example_article("dev-fr-005");
    let second = &items[1];
    assert_eq!(
        second.document.text,
        format!("{title}\n\n{}\n\n{}\n", paragraphs[0], paragraphs[1])
    );
    assert_eq!(second.document.published.unwrap().to_string(), "2024-06-08");
    assert_eq!(second.author, None);

    // An item with neither guid nor link is named by its position.
    let third = &items[2];
    assert_eq!(third.source, format!("{}#3", path.display()));
    assert!(third.document.text.ends_with("réunis lundi à Lomé.\n"));
    assert_eq!(third.document.published.unwrap().to_string(), "2025-04-28");
}

#[test]
fn an_atom_feed_gives_one_document_per_entry() {
    let items = read_feed("meridian-world.atom");
    assert_eq!(items.len(), 2);
    let (title, paragraphs) = example_article("dev-en-004");
    let first = &items[0];
    assert_eq!(
        first.document.id,
        "tag-meridianpost.example-2025-world-asia-4471"
    );
    assert_eq!(
        first.document.text,
        format!(
            "{title}\n\n{}\n\n{}\n\n{}\n",
            paragraphs[0], paragraphs[1], paragraphs[2]
        )
    );
    // Published at 06:15 in Hanoi, which is the 25th in UTC.
    assert_eq!(first.document.published.unwrap().to_string(), "2025-05-26");
    assert_eq!(first.document.lang.as_deref(), Some("en"));
    assert_eq!(first.author.as_deref(), Some("Wire staff"));
    assert_eq!(
        first.source,
        "https://meridianpost.example/world/asia/macron-hanoi-deals/"
    );

    // A plain-text summary keeps its paragraphs; `updated` stands in for a
    // missing `published`.
    let (title, paragraphs) = example_article("dev-en-006");
    let second = &items[1];
    assert_eq!(
        second.document.text,
        format!("{title}\n\n{}\n\n{}\n", paragraphs[0], paragraphs[1])
    );
    assert_eq!(second.document.published.unwrap().to_string(), "2025-10-27");
    assert_eq!(
        second.source,
        "https://meridianpost.example/world/asia/carney-marcos-fta/"
    );
}

#[test]
fn a_json_feed_gives_one_document_per_item() {
    let items = read_feed("wire-briefs.json");
    let ids: Vec<&str> = items.iter().map(|item| item.document.id.as_str()).collect();
    assert_eq!(ids, ["brief-901", "brief-902"]);
    assert!(
        items[0]
            .document
            .text
            .starts_with("Ghana and Côte d'Ivoire sign a cocoa pricing accord\n\nACCRA — Ghana")
    );
    assert_eq!(items[0].author.as_deref(), Some("Wire desk"));
    assert_eq!(items[0].document.lang.as_deref(), Some("en"));
    // 21:30 in Santiago on the 13th, not the 14th of UTC.
    assert_eq!(
        items[1].document.published.unwrap().to_string(),
        "2025-03-13"
    );
}

#[test]
fn a_feed_without_a_feed_extension_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("afrique-flux");
    std::fs::copy(fixture("feeds/courrier-afrique.rss"), &path).unwrap();
    let (documents, errors) = read_all(&[path]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(documents.len(), 3);
}

#[test]
fn a_latin_1_feed_is_decoded_from_its_xml_declaration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.xml");
    let feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel>\
        <title>Flux</title><item><title>Le ministre des Affaires étrangères à Abidjan</title>\
        <description>La Côte d'Ivoire et le Sénégal ont signé un accord.</description>\
        </item></channel></rss>";
    let bytes: Vec<u8> = feed
        .chars()
        .map(|character| character as u32 as u8)
        .collect();
    std::fs::write(&path, bytes).unwrap();
    let (documents, errors) = read_all(&[path]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        documents[0].document.text,
        "Le ministre des Affaires étrangères à Abidjan\n\nLa Côte d'Ivoire et le Sénégal ont signé un accord.\n"
    );
    assert_eq!(documents[0].document.id, "latin1-1");
}

#[test]
fn a_malformed_feed_is_an_error_naming_the_file() {
    for name in ["truncated.rss", "sitemap.xml"] {
        let path = fixture(&format!("feeds/{name}"));
        let results: Vec<_> = read_inputs(std::slice::from_ref(&path)).collect();
        assert_eq!(results.len(), 1, "{name}: {results:?}");
        let error = results.into_iter().next().unwrap().unwrap_err();
        assert!(
            matches!(error, IngestError::Feed { .. }),
            "{name}: {error:?}"
        );
        let message = format_chain(&error);
        let expected = format!(
            "{}: not a readable RSS, Atom or JSON feed: ",
            path.display()
        );
        assert!(message.starts_with(&expected), "{message}");
    }
}

#[test]
fn an_empty_item_is_an_error_and_the_other_items_come_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gaps.rss");
    std::fs::write(
        &path,
        "<rss version=\"2.0\"><channel><title>F</title>\
         <item><title>Premier</title></item><item><description> </description></item>\
         <item><title>Troisième</title></item></channel></rss>",
    )
    .unwrap();
    let results: Vec<_> = read_inputs(std::slice::from_ref(&path)).collect();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0].as_ref().unwrap().document.text, "Premier\n");
    let error = results[1].as_ref().unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}#2: the article is empty (only whitespace)",
            path.display()
        )
    );
    assert_eq!(results[2].as_ref().unwrap().document.id, "gaps-3");
}
