//! The pages in a real headless Chromium driven through chromedriver with
//! fantoccini: search from the home page, the Togo–Kazakhstan dossier with
//! one timeline mark per merged event and the visa exemption signed, and an
//! event's source document with its evidence sentence in `<mark>`. Without
//! chromedriver (or the seed articles) the test fails when `CI` is set and
//! prints a skip notice otherwise.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{build_store, seeds_manifest, workspace_dir};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

/// Stops chromedriver when the test ends, whichever way it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The chromedriver binary: `$CHROMEDRIVER`, else the Debian package's.
fn chromedriver() -> Option<PathBuf> {
    let path = std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"));
    path.exists().then_some(path)
}

/// Fails under CI and skips elsewhere when something the test needs is missing.
fn missing(what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!(
            "{what}: the browser test needs it under CI (see .ci/run, which installs chromium and chromium-driver)"
        );
    }
    eprintln!("skipping the browser test: {what} (install chromium and chromium-driver to run it)");
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("a bound address").port()
}

async fn start_browser(driver: &Path, profile: &Path) -> (Driver, Client) {
    let port = free_port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver(child);
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_string(),
        serde_json::json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string()),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,1600",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    let started = Instant::now();
    loop {
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match client {
            Ok(client) => return (driver, client),
            Err(error) if started.elapsed() > Duration::from_secs(30) => {
                panic!("cannot start a session with chromedriver on port {port}: {error}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_searches_reads_the_dossier_and_checks_a_source() {
    let Some(driver_path) = chromedriver() else {
        return missing("chromedriver is not installed");
    };
    if !seeds_manifest().exists() {
        return missing("the seed articles in ../shared are missing");
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let manifests = [
        workspace_dir().join("examples/articles.jsonl"),
        seeds_manifest(),
    ];
    let store = entente_web::open_store(&build_store(dir.path(), &manifests, &[]))
        .expect("the store opens");
    let state = entente_web::AppState::new(store).expect("the index builds");
    let dossier = state
        .index()
        .dossiers
        .get("KAZ-TGO")
        .expect("the seeds give KAZ-TGO")
        .clone();
    let (listener, addr) = entente_web::bind("127.0.0.1:0".parse().unwrap())
        .await
        .expect("a port");
    let server = tokio::spawn(entente_web::serve(listener, state));
    let base = format!("http://{addr}");
    let (_driver, client) = start_browser(&driver_path, &dir.path().join("profile")).await;

    client
        .goto(&format!("{base}/"))
        .await
        .expect("the home page opens");
    let search = client
        .find(Locator::Css("form.search.big input[name=q]"))
        .await
        .expect("a search box");
    search.send_keys("Kazakhstan").await.expect("typing");
    client
        .find(Locator::Css("form.search.big button"))
        .await
        .expect("a button")
        .click()
        .await
        .expect("a click");
    // A click starts a navigation; wait for the new page's content.
    client
        .wait()
        .for_element(Locator::Css("li.hit"))
        .await
        .expect("search results");
    let hits = client
        .find_all(Locator::Css("li.hit"))
        .await
        .expect("results");
    assert!(
        !hits.is_empty(),
        "searching Kazakhstan finds the seed articles"
    );
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("/search?q=Kazakhstan")
    );

    client
        .goto(&format!("{base}/pairs/togo-kazakhstan"))
        .await
        .expect("the pair page opens");
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/pairs/KAZ-TGO"),
        "the pair redirects"
    );
    let marks = client
        .find_all(Locator::Css("svg.timeline .mark"))
        .await
        .expect("marks");
    assert_eq!(
        marks.len(),
        dossier.timeline.len(),
        "one mark per merged event"
    );
    let signed = client
        .find_all(Locator::Css(
            ".agreement[data-topic=visa_exemption] li.step.reached[data-status=signed]",
        ))
        .await
        .expect("lifecycle steps");
    assert_eq!(signed.len(), 1, "the visa exemption shows as signed");

    let (rank, event) = dossier
        .timeline
        .iter()
        .enumerate()
        .find(|(_, event)| {
            event
                .citations
                .iter()
                .any(|citation| !citation.sentence.is_empty())
        })
        .expect("an event with an evidence sentence");
    let links = client
        .find_all(Locator::Css("a.event-link"))
        .await
        .expect("event links");
    links[rank].click().await.expect("following the event link");
    client
        .wait()
        .for_element(Locator::Css("a.source"))
        .await
        .expect("the event page");
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with(&format!("/events/KAZ-TGO-e{}", rank + 1))
    );
    let citation = event
        .citations
        .iter()
        .find(|citation| !citation.sentence.is_empty())
        .unwrap();
    let sources = client
        .find_all(Locator::Css("a.source"))
        .await
        .expect("sources");
    let mut opened = false;
    for source in sources {
        if source.text().await.unwrap() == citation.doc_id {
            source.click().await.expect("following the source");
            opened = true;
            break;
        }
    }
    assert!(opened, "the event page links {}", citation.doc_id);
    client
        .wait()
        .for_element(Locator::Css("article.text mark"))
        .await
        .expect("the document page");
    let mut marked = Vec::new();
    for mark in client
        .find_all(Locator::Css("article.text mark"))
        .await
        .expect("marks")
    {
        marked.push(mark.text().await.expect("a mark's text"));
    }
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        marked
            .iter()
            .any(|text| words(text).contains(&words(&citation.sentence))),
        "the evidence sentence {:?} is inside a <mark>; marks: {marked:?}",
        citation.sentence
    );
    client.close().await.expect("the session closes");
    server.abort();
}
