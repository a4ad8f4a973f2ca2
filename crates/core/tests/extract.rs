//! Behaviour of the extractor on short articles written for these tests:
//! one `check`-style helper per field, and one test per rule of the
//! annotation conventions that the extractor implements.

use entente_core::model::{EventType, Modality, Record, Status, Topic};
use entente_core::{Document, extract};

fn record(lang: &str, published: &str, text: &str) -> Record {
    let document = Document {
        id: "test".to_string(),
        text: text.to_string(),
        published: Some(published.parse().expect("a valid date")),
        lang: Some(lang.to_string()),
    };
    extract(&document).0
}

fn events(record: &Record, kind: EventType) -> Vec<(Vec<String>, Option<String>, Modality)> {
    record
        .events
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| (e.parties.clone(), e.date.clone(), e.modality))
        .collect()
}

#[test]
fn teaser_lines_are_not_part_of_the_article() {
    let text = "Le Sénégal et le Japon renforcent leur coopération\n\n\
                DAKAR – Le ministre japonais des Affaires étrangères a été reçu mardi à Dakar.\n\n\
                Lire aussi : Le Maroc et le Brésil signent un accord\n";
    let record = record("fr", "2025-04-30", text);
    assert_eq!(record.countries, ["JPN", "SEN"]);
}

#[test]
fn a_tour_gives_one_visit_per_destination() {
    let text = "Leader ends tour\n\n\
                JAKARTA — Indonesian President Prabowo Subianto held talks in Jakarta on Monday \
                before a tour that will take him to Egypt and Qatar next week.\n";
    let record = record("en", "2025-04-07", text);
    let visits = events(&record, EventType::Visit);
    let parties: Vec<Vec<String>> = visits.iter().map(|(p, _, _)| p.clone()).collect();
    assert!(
        parties.contains(&vec!["EGY".to_string(), "IDN".to_string()]),
        "{visits:?}"
    );
    assert!(
        parties.contains(&vec!["IDN".to_string(), "QAT".to_string()]),
        "{visits:?}"
    );
    assert!(
        visits
            .iter()
            .all(|(_, _, modality)| *modality == Modality::Planned),
        "{visits:?}"
    );
}

#[test]
fn an_enumeration_of_signed_agreements_gives_one_item_each() {
    let text = "Ghana and Turkey sign agreements\n\n\
                ACCRA — Ghana and Turkey on Tuesday signed agreements on air services, \
                on health and medical sciences and on the mutual abolition of visas for holders \
                of diplomatic passports.\n";
    let record = record("en", "2025-03-13", text);
    let mut topics: Vec<Topic> = record.agreements.iter().map(|a| a.topic).collect();
    topics.sort();
    assert_eq!(
        topics,
        [
            Topic::VisaExemption,
            Topic::AirServices,
            Topic::Sector(entente_core::model::Sector::Health)
        ]
    );
    for agreement in &record.agreements {
        assert_eq!(agreement.status, Status::Signed);
        assert_eq!(agreement.date.as_deref(), Some("2025-03-11"));
        assert_eq!(agreement.place.as_deref(), Some("Accra"));
    }
    assert_eq!(events(&record, EventType::AgreementSigned).len(), 3);
}

#[test]
fn a_signing_announced_for_later_is_under_negotiation() {
    let text = "Sommet bilatéral\n\n\
                ALGER – Le sommet entre l'Algérie et l'Italie doit déboucher sur la signature \
                d'un accord dans l'énergie, \
                dont le texte est encore en cours de finalisation.\n";
    let record = record("fr", "2025-07-21", text);
    let statuses: Vec<Status> = record.agreements.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [Status::Negotiating]);
}

#[test]
fn relations_are_dated_by_the_date_stated_for_them() {
    let text = "Anniversaire\n\n\
                Le Chili et la Corée du Sud ont établi leurs relations diplomatiques le 18 avril 1962, \
                a rappelé mardi le ministère.\n";
    let record = record("fr", "2025-04-22", text);
    let relations = events(&record, EventType::RelationsEstablished);
    assert_eq!(relations.len(), 1, "{relations:?}");
    assert_eq!(relations[0].1.as_deref(), Some("1962-04-18"));
}

#[test]
fn a_byline_is_a_person_without_country() {
    let text = "Titre\n\nPar Marie Dupont\n\nLe président ghanéen John Mahama a reçu jeudi son homologue togolais.\n";
    let record = record("fr", "2025-03-14", text);
    let byline = record
        .persons
        .iter()
        .find(|p| p.name == "Marie Dupont")
        .expect("the byline");
    assert_eq!(byline.country, None);
    let president = record
        .persons
        .iter()
        .find(|p| p.name == "John Mahama")
        .expect("the president");
    assert_eq!(president.country.as_deref(), Some("GHA"));
}

#[test]
fn who_receives_a_visitor_belongs_to_the_country_visited() {
    let persons = |lang: &str, text: &str| -> Vec<(String, Option<String>)> {
        record(lang, "2025-03-12", text)
            .persons
            .into_iter()
            .map(|p| (p.name, p.country))
            .collect()
    };
    let french = "Le Ghana et le Portugal veulent doubler leurs échanges\n\n\
                  La ministre portugaise de l'Économie, Ana Ribeiro, a effectué lundi une visite \
                  de travail à Accra. La délégation lusitanienne a ensuite été reçue au palais \
                  présidentiel par le président Kwame Mensah.\n";
    assert!(persons("fr", french).contains(&("Kwame Mensah".to_string(), Some("GHA".to_string()))));
    let english = "Ghana and Portugal look to double trade\n\n\
                   Portuguese Economy Minister Ana Ribeiro paid a working visit to Accra on \
                   Monday. The Portuguese delegation was later received at the presidential \
                   palace by President Kwame Mensah.\n";
    assert!(
        persons("en", english).contains(&("Kwame Mensah".to_string(), Some("GHA".to_string())))
    );
}

#[test]
fn a_current_leader_named_without_a_country_is_that_country_s() {
    let persons = |text: &str| -> Vec<(String, Option<String>, String)> {
        record("fr", "2025-06-10", text)
            .persons
            .into_iter()
            .map(|p| (p.name, p.country, p.role.to_string()))
            .collect()
    };
    // The country named beside him is not his: the leaders' list says whose he is.
    let text = "Le Portugal et la Zambie veulent doubler leurs échanges\n\n\
                À Lisbonne, le président Hakainde Hichilema a rencontré lundi des \
                investisseurs venus de Porto. Hakainde Hichilema a salué un partenariat solide.\n";
    assert!(persons(text).contains(&(
        "Hakainde Hichilema".to_string(),
        Some("ZMB".to_string()),
        "head_of_state".to_string()
    )));
    // Without a title, the office comes from the list too.
    let untitled = "Le Portugal et la Zambie veulent doubler leurs échanges\n\n\
                    Hakainde Hichilema a rencontré lundi à Lisbonne des investisseurs venus de Porto.\n";
    assert!(persons(untitled).contains(&(
        "Hakainde Hichilema".to_string(),
        Some("ZMB".to_string()),
        "head_of_state".to_string()
    )));
    // A country the text states beside the name is kept; a namesake is not the leader.
    let stated = "Le Portugal et le Malawi veulent doubler leurs échanges\n\n\
                  Le président malawien Hakainde Hichilema a rencontré lundi à Lisbonne \
                  l'homme d'affaires Joseph Hichilema.\n";
    let found = persons(stated);
    assert!(found.contains(&(
        "Hakainde Hichilema".to_string(),
        Some("MWI".to_string()),
        "head_of_state".to_string()
    )));
    assert!(
        !found
            .iter()
            .any(|(name, country, _)| name == "Joseph Hichilema"
                && country.as_deref() == Some("ZMB"))
    );
}
