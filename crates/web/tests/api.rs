//! The JSON API answered in-process over a store of the bundled examples:
//! every endpoint, its pagination and filters, and the 4xx answers to bad
//! parameters (unknown country, bad dates, page size over the cap), plus the
//! OpenAPI document listing every route of the router.

mod common;

use axum::http::StatusCode;
use common::{examples_app, get, get_json};
use serde_json::Value;

fn items(json: &Value) -> &Vec<Value> {
    json["items"].as_array().expect("a page has items")
}

#[tokio::test]
async fn every_list_endpoint_answers_a_page() {
    let (_dir, state) = examples_app(&[]);
    for uri in [
        "/api/v1/countries",
        "/api/v1/pairs",
        "/api/v1/events",
        "/api/v1/agreements",
        "/api/v1/persons",
        "/api/v1/documents",
        "/api/v1/search?q=ministre",
    ] {
        let (status, json) = get_json(&state, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {json}");
        assert!(!items(&json).is_empty(), "{uri} lists something");
        assert_eq!(json["offset"], 0, "{uri}");
        assert_eq!(json["limit"], 50, "{uri}");
    }
    let (_, documents) = get_json(&state, "/api/v1/documents?limit=200").await;
    assert_eq!(documents["total"], 44);
}

#[tokio::test]
async fn pages_are_stable_and_capped() {
    let (_dir, state) = examples_app(&[]);
    let (_, all) = get_json(&state, "/api/v1/events?limit=200").await;
    let (_, second) = get_json(&state, "/api/v1/events?limit=5&offset=5").await;
    assert_eq!(items(&second)[..], items(&all)[5..10]);
    let (_, again) = get_json(&state, "/api/v1/events?limit=5&offset=5").await;
    assert_eq!(second, again);
    for (uri, needle) in [
        ("/api/v1/events?limit=201", "out of range"),
        ("/api/v1/pairs?limit=0", "out of range"),
        ("/api/v1/persons?limit=many", "not a whole number"),
        ("/api/v1/documents?offset=-1", "not a whole number"),
    ] {
        let (status, json) = get_json(&state, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            json["error"].as_str().unwrap().contains(needle),
            "{uri}: {json}"
        );
    }
}

#[tokio::test]
async fn countries_and_pairs_are_found_by_code_or_name() {
    let (_dir, state) = examples_app(&[]);
    let (status, json) = get_json(&state, "/api/v1/countries/France").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json["code"], "FRA");
    assert!(!json["pairs"].as_array().unwrap().is_empty());
    let (status, json) = get_json(&state, "/api/v1/countries/Kazakstan").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json["error"], "unknown country \"Kazakstan\"");
    assert_eq!(json["suggestions"][0], "Kazakhstan (KAZ)");

    let (_, pairs) = get_json(&state, "/api/v1/pairs?limit=1").await;
    let key = items(&pairs)[0]["key"].as_str().unwrap().to_string();
    let (a, b) = key.split_once('-').unwrap();
    let (status, dossier) = get_json(&state, &format!("/api/v1/pairs/{b}-{a}")).await;
    assert_eq!(status, StatusCode::OK, "{key}: {dossier}");
    assert_eq!(dossier["key"], key.as_str());
    let timeline = dossier["dossier"]["timeline"].as_array().unwrap();
    assert_eq!(
        dossier["event_ids"].as_array().unwrap().len(),
        timeline.len()
    );
    assert_eq!(dossier["event_ids"][0], format!("{key}-e1").as_str());

    let (status, json) = get_json(&state, "/api/v1/pairs/TGO-TGO").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{json}");
    let (status, json) = get_json(&state, "/api/v1/pairs/Atlantis-TGO").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{json}");
    let (status, _) = get_json(&state, "/api/v1/pairs?country=Narnia").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn events_are_filtered_by_country_pair_type_modality_and_dates() {
    let (_dir, state) = examples_app(&[]);
    let (_, json) = get_json(
        &state,
        "/api/v1/events?type=visit&modality=occurred&limit=200",
    )
    .await;
    assert!(!items(&json).is_empty());
    assert!(
        items(&json)
            .iter()
            .all(|event| event["type"] == "visit" && event["modality"] == "occurred")
    );
    let (_, json) = get_json(
        &state,
        "/api/v1/events?country=FRA&from=2025-01&to=2025-12-31&limit=200",
    )
    .await;
    assert!(!items(&json).is_empty());
    for event in items(&json) {
        assert!(event["pair"].as_str().unwrap().contains("FRA"), "{event}");
        assert!(
            event["date"].as_str().unwrap().starts_with("2025"),
            "{event}"
        );
    }
    let first = &items(&json)[0];
    let (status, one) = get_json(
        &state,
        &format!("/api/v1/events/{}", first["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(&one, first);
    let pair = first["pair"].as_str().unwrap();
    let (_, by_pair) = get_json(&state, &format!("/api/v1/events?pair={pair}&limit=200")).await;
    assert!(items(&by_pair).iter().all(|event| event["pair"] == pair));

    for (uri, status) in [
        ("/api/v1/events?from=2025-02-30", StatusCode::BAD_REQUEST),
        ("/api/v1/events?to=21/01/2025", StatusCode::BAD_REQUEST),
        (
            "/api/v1/events?from=2025-06&to=2025-01",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/v1/events?type=parade", StatusCode::BAD_REQUEST),
        ("/api/v1/events?modality=maybe", StatusCode::BAD_REQUEST),
        ("/api/v1/events?country=Narnia", StatusCode::NOT_FOUND),
        ("/api/v1/events/XXX-YYY-e1", StatusCode::NOT_FOUND),
    ] {
        let (got, json) = get_json(&state, uri).await;
        assert_eq!(got, status, "{uri}: {json}");
        assert!(json["error"].is_string(), "{uri}: {json}");
    }
}

#[tokio::test]
async fn agreements_persons_documents_and_search_answer() {
    let (_dir, state) = examples_app(&[]);
    let (_, json) = get_json(&state, "/api/v1/agreements?status=signed&limit=200").await;
    assert!(!items(&json).is_empty());
    assert!(
        items(&json)
            .iter()
            .all(|agreement| agreement["status"] == "signed")
    );
    let id = items(&json)[0]["id"].as_str().unwrap().to_string();
    let (status, one) = get_json(&state, &format!("/api/v1/agreements/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["id"], id.as_str());
    let (status, _) = get_json(&state, "/api/v1/agreements?topic=gossip").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = get_json(&state, "/api/v1/agreements?status=done").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (_, json) = get_json(&state, "/api/v1/persons?role=foreign_minister&limit=200").await;
    assert!(
        items(&json)
            .iter()
            .all(|person| person["role"] == "foreign_minister")
    );
    let id = items(&json)[0]["id"].as_str().unwrap().to_string();
    let (status, _) = get_json(&state, &format!("/api/v1/persons/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = get_json(&state, "/api/v1/persons/nobody").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, document) = get_json(&state, "/api/v1/documents/dev-fr-001").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(document["record"]["id"], "dev-fr-001");
    let (status, _) = get_json(&state, "/api/v1/documents/missing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, json) = get_json(&state, "/api/v1/search?q=c%C3%B4te").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!items(&json).is_empty());
    let (status, json) = get_json(&state, "/api/v1/search").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{json}");
    let (status, _) = get_json(&state, "/api/v1/search?q=visa&limit=1000").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = get_json(&state, "/api/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_document_lists_every_route() {
    let (_dir, state) = examples_app(&[]);
    let (status, json) = get_json(&state, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(json["openapi"].as_str().unwrap().starts_with("3."));
    let paths = json["paths"].as_object().unwrap();
    for route in entente_web::api_paths() {
        assert!(
            paths.contains_key(*route),
            "{route} is missing from openapi.json"
        );
    }
    assert_eq!(
        paths.len(),
        entente_web::api_paths().len(),
        "openapi.json lists a route the router lacks"
    );
    // Every route answers something other than the API's 404 for no route.
    for route in entente_web::api_paths() {
        let uri = format!(
            "/api/v1{}",
            route
                .replace("{code}", "TGO")
                .replace("{pair}", "KAZ-TGO")
                .replace("{id}", "x")
        );
        let (_, _, body) = get(&state, &uri).await;
        assert!(!body.contains("no such API route"), "{uri} is not routed");
    }
}
