//! The HTML pages answered in-process: every page renders, article text is
//! escaped (an article holding `<script>` shows it as text), the security
//! headers are set, other spellings of a country or pair redirect to the
//! canonical address, and unknown ones get a 404 page with suggestions.

mod common;

use axum::http::StatusCode;
use common::{examples_app, get};

const SCRIPT_ARTICLE: &str = "Paris, March 3. The French foreign minister Jean-Noël Barrot met \
     his Ghanaian counterpart in Paris on Monday <script>alert(1)</script> to discuss trade.";

#[tokio::test]
async fn article_text_is_escaped() {
    let (_dir, state) = examples_app(&[("script-1", SCRIPT_ARTICLE)]);
    let (status, headers, body) = get(&state, "/documents/script-1").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(!body.contains("<script>alert(1)</script>"), "{body}");
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || body.contains("&#60;script&#62;"),
        "{body}"
    );
    let policy = headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(policy.contains("default-src 'self'"), "{policy}");
    assert!(!body.contains("<script"), "no page carries a script");
    let (_, _, search) = get(&state, "/search?q=alert").await;
    assert!(!search.contains("<script>alert"), "{search}");
}

#[tokio::test]
async fn every_page_renders() {
    let (_dir, state) = examples_app(&[]);
    let index = state.index();
    let pair = &index.pairs[0].key;
    let event = &index.events[0].id;
    let agreement = &index.agreements[0].id;
    let person = &index.persons[0].id;
    for uri in [
        "/".to_string(),
        "/search?q=Paris".to_string(),
        "/search".to_string(),
        "/countries/FRA".to_string(),
        format!("/pairs/{pair}"),
        format!("/events/{event}"),
        format!("/agreements/{agreement}"),
        format!("/persons/{person}"),
        "/documents/dev-fr-001".to_string(),
        "/static/style.css".to_string(),
    ] {
        let (status, _, body) = get(&state, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    }
    let (_, _, pair_page) = get(&state, &format!("/pairs/{pair}")).await;
    let marks = pair_page.matches("class=\"mark ").count();
    assert_eq!(marks, index.dossiers[pair].timeline.len());
    assert!(pair_page.contains("<title id=\"timeline-title\">"));
    let (_, _, document) = get(&state, "/documents/dev-fr-001").await;
    assert!(document.contains("<mark>"));
}

#[tokio::test]
async fn other_spellings_redirect_and_unknown_names_are_404() {
    let (_dir, state) = examples_app(&[]);
    let key = state.index().pairs[0].key.clone();
    let (a, b) = key.split_once('-').unwrap();
    let (status, headers, _) = get(&state, &format!("/pairs/{b}-{a}")).await;
    assert_eq!(status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(headers["location"], format!("/pairs/{key}").as_str());
    let (status, headers, _) = get(&state, "/countries/france").await;
    assert_eq!(status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(headers["location"], "/countries/FRA");
    let (status, _, body) = get(&state, "/countries/Kazakstan").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Kazakhstan (KAZ)"), "{body}");
    let (status, _, _) = get(&state, "/events/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get(&state, "/nowhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
