//! Tests of the country and city gazetteers: the embedded files parse, every
//! country is found by its names and demonyms, and each ambiguity rule of
//! the matcher holds on a small example.

use super::countries::{EntryKind, LEXICON};
use super::*;

/// Checks the countries found in `text`, written "ISO3=matched text".
fn check(text: &str, expected: &[&str]) {
    let found: Vec<String> = find_countries(text)
        .iter()
        .map(|m| format!("{}={}", m.iso3, &text[m.start..m.end]))
        .collect();
    assert_eq!(found, expected, "countries in {text:?}");
}

/// Checks the cities found in `text`, written "Name(ISO3)=matched text".
fn check_cities(text: &str, expected: &[&str]) {
    let found: Vec<String> = find_cities(text)
        .iter()
        .map(|m| format!("{}({})={}", m.name, m.iso3, &text[m.start..m.end]))
        .collect();
    assert_eq!(found, expected, "cities in {text:?}");
}

#[test]
fn committed_files_parse() {
    assert_eq!(LEXICON.problems, Vec::<String>::new());
    assert_eq!(cities::LEXICON.problems, Vec::<String>::new());
    let codes: Vec<&str> = all_country_codes().collect();
    assert!(codes.len() >= 197, "only {} countries", codes.len());
    for code in ["VAT", "PSE", "TWN", "XKX", "ESH", "TGO", "KAZ"] {
        assert!(codes.contains(&code), "{code} is missing");
    }
    assert!(!codes.contains(&"UNK"), "Kosovo must be XKX");
    assert!(
        !codes.contains(&"HKG") && !codes.contains(&"PRI"),
        "no dependent territory"
    );
    assert!(cities::LEXICON.entries.len() > 5_000);
}

#[test]
fn hand_added_entries_name_known_countries() {
    let codes: Vec<&str> = all_country_codes().collect();
    for entry in LEXICON.entries.iter().filter(|e| e.hand_added) {
        let known = codes.contains(&entry.iso3);
        let geographic = entry.kind == EntryKind::Geographic && entry.iso3 == "-";
        assert!(
            known || geographic,
            "unknown code {} for {}",
            entry.iso3,
            entry.form
        );
    }
}

#[test]
fn shared_forms_are_settled() {
    // A form that several countries share must be settled by a hand-added
    // entry, else the reading would depend on file order.
    for (key, readings) in LEXICON.keys.iter().zip(&LEXICON.candidates) {
        let mut codes: Vec<&str> = readings
            .iter()
            .filter(|c| c.kind != EntryKind::Geographic)
            .map(|c| c.iso3)
            .collect();
        codes.sort_unstable();
        codes.dedup();
        assert!(codes.len() <= 1, "{key:?} is read as {codes:?}");
    }
}

#[test]
fn every_country_is_found_by_names_and_a_demonym() {
    let mut failures = Vec::new();
    for code in all_country_codes() {
        let finds = |text: &str, form: &str| {
            let start = text.find(form).unwrap();
            find_countries(text)
                .iter()
                .any(|m| m.iso3 == code && m.start <= start && m.end >= start + form.len())
        };
        let entries: Vec<_> = LEXICON
            .entries
            .iter()
            .filter(|e| e.iso3 == code && !e.hand_added)
            .collect();
        let english = country_name_en(code).unwrap();
        let text = format!("The president of {english} arrived.");
        if !finds(&text, english) {
            failures.push(text);
        }
        let french = entries
            .iter()
            .find(|e| e.lang == "fr" && e.kind == EntryKind::Name)
            .map(|e| e.form)
            .unwrap();
        let text = format!("Le président du {french} est arrivé.");
        if !finds(&text, french) {
            failures.push(text);
        }
        let demonym_found = LEXICON
            .entries
            .iter()
            .filter(|e| e.iso3 == code && e.kind == EntryKind::Demonym)
            .any(|e| {
                let text = if e.lang == "en" {
                    format!("The {} delegation arrived.", e.form)
                } else {
                    format!("La délégation {} est arrivée.", e.form)
                };
                finds(&text, e.form)
            });
        if !demonym_found {
            failures.push(format!("no demonym of {code}"));
        }
        if capital_of(code).is_none() {
            failures.push(format!("no capital of {code}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn finds_names_demonyms_and_capitals() {
    check(
        "Le président togolais a reçu à Lomé son homologue kazakh.",
        &["TGO=togolais", "TGO=Lomé", "KAZ=kazakh"],
    );
    check(
        "Kazakhs and Kazakhstanis met Togolese officials in Astana.",
        &[
            "KAZ=Kazakhs",
            "KAZ=Kazakhstanis",
            "TGO=Togolese",
            "KAZ=Astana",
        ],
    );
    check(
        "ALGÉRIE : l'Italie et d'Algérie",
        &["DZA=ALGÉRIE", "ITA=Italie", "DZA=Algérie"],
    );
    check(
        "les Ivoiriennes et la Côte d’Ivoire",
        &["CIV=Ivoiriennes", "CIV=Côte d’Ivoire"],
    );
    check(
        "Pékin, Moscou, Londres, Le Caire, Abou Dhabi",
        &[
            "CHN=Pékin",
            "RUS=Moscou",
            "GBR=Londres",
            "EGY=Le Caire",
            "ARE=Abou Dhabi",
        ],
    );
    check(
        "Filipino and Philippine workers",
        &["PHL=Filipino", "PHL=Philippine"],
    );
}

#[test]
fn names_must_be_capitalized() {
    // Lower-case "turkey", "china" and "chad" are words, not countries.
    check("We ate turkey on china plates, said chad.", &[]);
    check(
        "Turkey, China and Chad signed.",
        &["TUR=Turkey", "CHN=China", "TCD=Chad"],
    );
    // All-capital headlines keep their countries.
    check("TURKEY AND CHINA", &["TUR=TURKEY", "CHN=CHINA"]);
    // English demonyms are capitalized; French ones are not.
    check("french fries and la cuisine française", &["FRA=française"]);
    // Acronyms must be in capitals: "us" is a pronoun.
    check("Let us go to the US and the UK.", &["USA=US", "GBR=UK"]);
}

#[test]
fn whole_words_and_longest_forms() {
    check(
        "Niger, Nigeria, nigérien, nigérian",
        &["NER=Niger", "NGA=Nigeria", "NER=nigérien", "NGA=nigérian"],
    );
    check(
        "Guinée, Guinée-Bissau, Guinée équatoriale",
        &["GIN=Guinée", "GNB=Guinée-Bissau", "GNQ=Guinée équatoriale"],
    );
    check(
        "Guinea, Guinea-Bissau and Papua New Guinea",
        &["GIN=Guinea", "GNB=Guinea-Bissau", "PNG=Papua New Guinea"],
    );
    check(
        "Dominica and the Dominican Republic",
        &["DMA=Dominica", "DOM=Dominican Republic"],
    );
    check("Sudan and South Sudan", &["SDN=Sudan", "SSD=South Sudan"]);
    check("Omanais et Romanians", &["OMN=Omanais", "ROU=Romanians"]);
}

#[test]
fn congo_and_its_democratic_republic() {
    check("le Congo et la RD Congo", &["COG=Congo", "COD=RD Congo"]);
    check(
        "la République démocratique du Congo et la RDC",
        &["COD=République démocratique du Congo", "COD=RDC"],
    );
    check("Congolese troops in the DRC", &["COG=Congolese", "COD=DRC"]);
}

#[test]
fn georgia_the_us_state() {
    check(
        "He flew from Atlanta, Georgia, to Tbilisi.",
        &["GEO=Tbilisi"],
    );
    check("Savannah, Georgia, U.S.", &["USA=U.S."]);
    check("the state of Georgia voted", &[]);
    check(
        "Georgia, US, and Georgia the country",
        &["USA=US", "GEO=Georgia"],
    );
    check(
        "Georgia and Armenia signed.",
        &["GEO=Georgia", "ARM=Armenia"],
    );
}

#[test]
fn first_names_are_not_countries() {
    check("Jordan Bardella met Chad Johnson.", &[]);
    check(
        "Jordan's King Abdullah and the King of Jordan",
        &["JOR=Jordan", "JOR=Jordan"],
    );
    check("Michael Jordan scored.", &[]);
    check("Jordan and Israel", &["JOR=Jordan", "ISR=Israel"]);
    check("Israel Katz spoke for Israel.", &["ISR=Israel"]);
    check("Maurice Kamto et l'île Maurice", &["MUS=île Maurice"]);
}

#[test]
fn capitals_give_their_country() {
    // The caller decides whether a capital stands for its government.
    check("Washington and Beijing", &["USA=Washington", "CHN=Beijing"]);
    check("Lomé et Astana", &["TGO=Lomé", "KAZ=Astana"]);
    check(
        "Yaoundé, N'Djamena, N’Djamena",
        &["CMR=Yaoundé", "TCD=N'Djamena", "TCD=N’Djamena"],
    );
}

#[test]
fn korea_is_the_south_unless_north() {
    check(
        "Korean and South Korean firms",
        &["KOR=Korean", "KOR=South Korean"],
    );
    check("North Korean missiles", &["PRK=North Korean"]);
    check(
        "la Corée, la Corée du Nord, nord-coréen, coréenne",
        &[
            "KOR=Corée",
            "PRK=Corée du Nord",
            "PRK=nord-coréen",
            "KOR=coréenne",
        ],
    );
    check("les Coréens du Nord", &["PRK=Coréens du Nord"]);
}

#[test]
fn palestinian_and_american() {
    check(
        "Palestinian and palestinienne",
        &["PSE=Palestinian", "PSE=palestinienne"],
    );
    check(
        "Americans and américaines",
        &["USA=Americans", "USA=américaines"],
    );
    check("Latin America and Latin American leaders", &[]);
    check("l'Amérique latine et les pays latino-américains", &[]);
    check("South American and North American markets", &[]);
}

#[test]
fn geographic_names_are_not_countries() {
    check("in the Indian Ocean, l'océan Indien", &[]);
    check("en mer de Chine méridionale et dans le golfe Persique", &[]);
    check("the Niger Delta and the Congo Basin", &[]);
    check("la péninsule coréenne", &[]);
    check("American Samoa and Samoa", &["WSM=Samoa"]);
}

#[test]
fn compounds_give_each_side() {
    check(
        "le partenariat franco-vietnamien",
        &["FRA=franco", "VNM=vietnamien"],
    );
    check("le forum sino-africain", &["CHN=sino"]);
    check(
        "les relations russo-ukrainiennes",
        &["RUS=russo", "UKR=ukrainiennes"],
    );
    check(
        "la coopération germano-italo-japonaise",
        &["DEU=germano", "ITA=italo", "JPN=japonaise"],
    );
    check("The Indo-Pacific and Anglo-Saxon law", &[]);
    check("Franco-German talks", &["FRA=Franco", "DEU=German"]);
}

#[test]
fn languages_are_not_peoples() {
    check("Il parle français, traduit en anglais.", &[]);
    check("La langue arabe et la langue française", &[]);
    check("published in French and English", &[]);
    check("She speaks Chinese.", &[]);
    check(
        "He speaks Arabic and French; il parle arabe et français.",
        &[],
    );
    check("in French territory", &["FRA=French"]);
    check("a French-speaking country", &[]);
    check("le Français Emmanuel Macron", &["FRA=Français"]);
}

#[test]
fn cities_with_their_exonyms() {
    check_cities(
        "Pékin et Abou Dhabi",
        &["Beijing(CHN)=Pékin", "Abu Dhabi(ARE)=Abou Dhabi"],
    );
    check_cities(
        "à Lomé, puis New York",
        &["Lomé(TGO)=Lomé", "New York City(USA)=New York"],
    );
    check_cities(
        "Le Caire, Alger, Genève, La Haye, Bruxelles",
        &[
            "Cairo(EGY)=Le Caire",
            "Algiers(DZA)=Alger",
            "Geneva(CHE)=Genève",
            "The Hague(NLD)=La Haye",
            "Brussels(BEL)=Bruxelles",
        ],
    );
    check_cities("the nice city", &[]);
    // Common words that GeoNames lists as city names are blocked.
    check_cities("Seul le Golfe compte.", &[]);
    // A city name inside a longer proper name is not a city.
    check_cities("The Washington Post and Mr. Jackson", &[]);
    check_cities(
        "le corridor Lomé-Cotonou, à Lomé jeudi",
        &["Lomé(TGO)=Lomé", "Cotonou(BEN)=Cotonou", "Lomé(TGO)=Lomé"],
    );
    assert_eq!(country_of_city("Lomé"), Some("TGO"));
    assert_eq!(country_of_city("Pékin"), Some("CHN"));
    assert_eq!(capital_of("KAZ"), Some("Astana"));
    assert_eq!(capital_of("USA"), Some("Washington"));
    assert_eq!(country_name_en("TGO"), Some("Togo"));
}
