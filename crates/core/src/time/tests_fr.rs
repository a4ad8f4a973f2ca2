//! Tests of the French date patterns and their resolution. Publication dates
//! are chosen for their weekday: 2025-09-23 is a Tuesday, 2025-09-24 a
//! Wednesday, 2025-01-10 a Friday.

use super::Direction::{Future, Past};
use super::check::{check, check_with_year};
use crate::text::Lang::Fr;

#[test]
fn full_date() {
    check(
        "Le traité a été signé le 24 septembre 2025 à Dakar.",
        Fr,
        Some("2025-09-26"),
        Past,
        &["le 24 septembre 2025 = 2025-09-24"],
    );
    check(
        "Dakar, 24 Septembre 2025 - Les deux ministres se sont entretenus.",
        Fr,
        None,
        Past,
        &["24 Septembre 2025 = 2025-09-24"],
    );
}

#[test]
fn full_date_with_weekday() {
    check(
        "La cérémonie a eu lieu mercredi 24 septembre 2025 au palais.",
        Fr,
        Some("2025-09-26"),
        Past,
        &["mercredi 24 septembre 2025 = 2025-09-24"],
    );
}

#[test]
fn first_of_the_month() {
    check(
        "La commission mixte s'est réunie le 1er décembre à Niamey.",
        Fr,
        Some("2025-12-03"),
        Past,
        &["le 1er décembre = 2025-12-01"],
    );
    check(
        "Rendez-vous le 1ᵉʳ décembre.",
        Fr,
        Some("2025-11-03"),
        Future,
        &["le 1ᵉʳ décembre = 2025-12-01"],
    );
}

#[test]
fn day_month_takes_the_year_of_its_weekday() {
    // The nearest 24 September before publication is a Tuesday (2024); the
    // Wednesday one is the coming one.
    check(
        "Le sommet s'ouvrira mercredi 24 septembre à Abidjan.",
        Fr,
        Some("2025-09-20"),
        Past,
        &["mercredi 24 septembre = 2025-09-24"],
    );
}

#[test]
fn day_month_rolls_over_the_year() {
    check(
        "L'accord a été paraphé le 15 décembre.",
        Fr,
        Some("2025-01-10"),
        Past,
        &["le 15 décembre = 2024-12-15"],
    );
    check(
        "La visite est prévue le 15 décembre.",
        Fr,
        Some("2025-01-10"),
        Future,
        &["le 15 décembre = 2025-12-15"],
    );
    check(
        "La visite a eu lieu le 15 février.",
        Fr,
        Some("2025-02-15"),
        Past,
        &["le 15 février = 2025-02-15"],
    );
}

#[test]
fn day_month_takes_the_year_of_the_article() {
    check_with_year(
        "Les deux pays ont signé le 15 décembre un mémorandum.",
        Fr,
        Some("2025-01-10"),
        Past,
        Some(2025),
        &["le 15 décembre = 2025-12-15"],
    );
    check_with_year(
        "Les deux pays ont signé le 15 décembre un mémorandum.",
        Fr,
        None,
        Past,
        Some(2023),
        &["le 15 décembre = 2023-12-15"],
    );
}

#[test]
fn day_month_with_dernier_and_prochain() {
    check(
        "Il avait été nommé le 15 mars dernier.",
        Fr,
        Some("2025-03-10"),
        Future,
        &["le 15 mars dernier = 2024-03-15"],
    );
    check(
        "Il sera reçu le 15 mars prochain.",
        Fr,
        Some("2025-03-10"),
        Past,
        &["le 15 mars prochain = 2025-03-15"],
    );
}

#[test]
fn ranges_give_the_first_day() {
    check(
        "Le forum se tient les 4 et 5 décembre à Lomé.",
        Fr,
        Some("2023-12-07"),
        Past,
        &["les 4 et 5 décembre = 2023-12-04"],
    );
    check(
        "La foire aura lieu du 4 au 6 décembre 2023.",
        Fr,
        None,
        Future,
        &["du 4 au 6 décembre 2023 = 2023-12-04"],
    );
    check(
        "Une mission économique, 4-6 décembre, à Kigali.",
        Fr,
        Some("2023-11-20"),
        Future,
        &["4-6 décembre = 2023-12-04"],
    );
    check(
        "La COP s'est tenue du 28 novembre au 2 décembre 2023.",
        Fr,
        None,
        Past,
        &["du 28 novembre au 2 décembre 2023 = 2023-11-28"],
    );
    check(
        "Séjour du 28 décembre au 3 janvier 2024 à Accra.",
        Fr,
        None,
        Past,
        &["du 28 décembre au 3 janvier 2024 = 2023-12-28"],
    );
    check(
        "Les pourparlers ont eu lieu entre le 4 et le 6 décembre.",
        Fr,
        Some("2023-12-07"),
        Past,
        &["entre le 4 et le 6 décembre = 2023-12-04"],
    );
}

#[test]
fn month_of_a_year() {
    check(
        "Le président s'est rendu à Rabat en septembre 2025.",
        Fr,
        None,
        Past,
        &["en septembre 2025 = 2025-09"],
    );
    check(
        "Rapport publié septembre 2025, puis revu fin septembre 2025 et mi-octobre 2025.",
        Fr,
        None,
        Past,
        &[
            "septembre 2025 = 2025-09",
            "fin septembre 2025 = 2025-09",
            "mi-octobre 2025 = 2025-10",
        ],
    );
    check(
        "Lancement début septembre 2025.",
        Fr,
        None,
        Future,
        &["début septembre 2025 = 2025-09"],
    );
}

#[test]
fn month_without_a_year() {
    check(
        "Les deux chefs d'État se sont rencontrés en septembre.",
        Fr,
        Some("2025-10-05"),
        Past,
        &["en septembre = 2025-09"],
    );
    check(
        "Les deux chefs d'État se sont rencontrés en septembre.",
        Fr,
        Some("2025-03-01"),
        Past,
        &["en septembre = 2024-09"],
    );
    check(
        "Une visite est prévue en septembre.",
        Fr,
        Some("2025-03-01"),
        Future,
        &["en septembre = 2025-09"],
    );
    check(
        "Les travaux reprendront début mars, mi-avril ou fin mai.",
        Fr,
        Some("2025-01-20"),
        Future,
        &[
            "début mars = 2025-03",
            "mi-avril = 2025-04",
            "fin mai = 2025-05",
        ],
    );
    check(
        "Au cours du mois de mars, le ministre a voyagé.",
        Fr,
        Some("2025-05-02"),
        Past,
        &["du mois de mars = 2025-03"],
    );
}

#[test]
fn month_with_dernier_and_prochain() {
    check(
        "L'ambassadeur a été accrédité en septembre dernier.",
        Fr,
        Some("2025-09-10"),
        Past,
        &["en septembre dernier = 2024-09"],
    );
    check(
        "La commission se réunira en mars prochain.",
        Fr,
        Some("2025-03-01"),
        Future,
        &["en mars prochain = 2026-03"],
    );
}

#[test]
fn month_without_published_needs_the_article_year() {
    check(
        "Il est venu en septembre.",
        Fr,
        None,
        Past,
        &["en septembre = null"],
    );
    check_with_year(
        "Il est venu en septembre.",
        Fr,
        None,
        Past,
        Some(2022),
        &["en septembre = 2022-09"],
    );
}

#[test]
fn years() {
    check(
        "Les relations, établies en 2014, se renforcent depuis 2016.",
        Fr,
        None,
        Past,
        &["en 2014 = 2014", "depuis 2016 = 2016"],
    );
    check(
        "Le chantier a débuté fin 2023 et s'achèvera début 2024 ou mi-2025.",
        Fr,
        None,
        Past,
        &["fin 2023 = 2023", "début 2024 = 2024", "mi-2025 = 2025"],
    );
    check(
        "L'accord de 2019 reste en vigueur.",
        Fr,
        None,
        Past,
        &["2019 = 2019"],
    );
}

#[test]
fn weekdays() {
    // Published on Tuesday 2025-09-23.
    let published = Some("2025-09-23");
    check(
        "Il a été reçu ce mardi.",
        Fr,
        published,
        Past,
        &["ce mardi = 2025-09-23"],
    );
    check(
        "Il a été reçu mardi.",
        Fr,
        published,
        Past,
        &["mardi = 2025-09-23"],
    );
    check(
        "Il sera reçu mardi.",
        Fr,
        published,
        Future,
        &["mardi = 2025-09-23"],
    );
    check(
        "Il a été reçu mardi dernier.",
        Fr,
        published,
        Past,
        &["mardi dernier = 2025-09-16"],
    );
    check(
        "Il sera reçu mardi prochain.",
        Fr,
        published,
        Future,
        &["mardi prochain = 2025-09-30"],
    );
    check(
        "Il a été reçu jeudi.",
        Fr,
        published,
        Past,
        &["jeudi = 2025-09-18"],
    );
    check(
        "Il sera reçu jeudi.",
        Fr,
        published,
        Future,
        &["jeudi = 2025-09-25"],
    );
    check(
        "Il sera reçu ce jeudi.",
        Fr,
        published,
        Future,
        &["ce jeudi = 2025-09-25"],
    );
    check(
        "Il a parlé lundi soir.",
        Fr,
        published,
        Past,
        &["lundi = 2025-09-22"],
    );
}

#[test]
fn weekday_with_a_day() {
    check(
        "Le ministre est arrivé mardi 23 à Bamako.",
        Fr,
        Some("2025-09-24"),
        Past,
        &["mardi 23 = 2025-09-23"],
    );
}

#[test]
fn relative_days() {
    let published = Some("2025-09-24");
    check(
        "Il est arrivé hier.",
        Fr,
        published,
        Past,
        &["hier = 2025-09-23"],
    );
    check(
        "Il est arrivé avant-hier.",
        Fr,
        published,
        Past,
        &["avant-hier = 2025-09-22"],
    );
    check(
        "Il arrive aujourd'hui, il repart demain.",
        Fr,
        published,
        Future,
        &["aujourd'hui = 2025-09-24", "demain = 2025-09-25"],
    );
    check(
        "Il arrive aujourd’hui.",
        Fr,
        published,
        Past,
        &["aujourd’hui = 2025-09-24"],
    );
    check(
        "En ce jour de fête.",
        Fr,
        published,
        Past,
        &["ce jour = 2025-09-24"],
    );
    check("Ce jour-là, il pleuvait.", Fr, published, Past, &[]);
}

#[test]
fn relative_weeks() {
    // The week of Wednesday 2025-09-24 runs from 22 to 28 September; the next
    // one straddles September and October.
    let published = Some("2025-09-24");
    check(
        "Il a voyagé cette semaine.",
        Fr,
        published,
        Past,
        &["cette semaine = 2025-09"],
    );
    check(
        "Il a voyagé la semaine dernière.",
        Fr,
        published,
        Past,
        &["la semaine dernière = 2025-09"],
    );
    check(
        "Il voyagera la semaine prochaine.",
        Fr,
        published,
        Future,
        &["la semaine prochaine = null"],
    );
    check(
        "Il a voyagé cette semaine.",
        Fr,
        Some("2025-10-01"),
        Past,
        &["cette semaine = null"],
    );
}

#[test]
fn relative_months_and_years() {
    let published = Some("2025-01-15");
    check(
        "Signé le mois dernier.",
        Fr,
        published,
        Past,
        &["le mois dernier = 2024-12"],
    );
    check(
        "Prévu le mois prochain.",
        Fr,
        published,
        Future,
        &["le mois prochain = 2025-02"],
    );
    check(
        "Signé ce mois-ci.",
        Fr,
        published,
        Past,
        &["ce mois-ci = 2025-01"],
    );
    check(
        "Signé l'an dernier.",
        Fr,
        published,
        Past,
        &["l'an dernier = 2024"],
    );
    check(
        "Signé l'année dernière.",
        Fr,
        published,
        Past,
        &["l'année dernière = 2024"],
    );
    check(
        "Signé l’an passé.",
        Fr,
        published,
        Past,
        &["l’an passé = 2024"],
    );
    check(
        "Prévu l'année prochaine.",
        Fr,
        published,
        Future,
        &["l'année prochaine = 2026"],
    );
    check(
        "Prévu cette année.",
        Fr,
        published,
        Future,
        &["cette année = 2025"],
    );
    check(
        "Ratifié d'ici la fin de l'année.",
        Fr,
        published,
        Future,
        &["d'ici la fin de l'année = 2025"],
    );
}

#[test]
fn bare_day_of_month() {
    let published = Some("2025-09-24");
    check(
        "Il est arrivé le 28 à Lomé.",
        Fr,
        published,
        Past,
        &["le 28 = 2025-08-28"],
    );
    check(
        "Il arrivera le 28.",
        Fr,
        published,
        Future,
        &["le 28 = 2025-09-28"],
    );
    check(
        "Il est arrivé le 24.",
        Fr,
        published,
        Past,
        &["le 24 = 2025-09-24"],
    );
    check("Le 1er ministre a parlé.", Fr, published, Past, &[]);
    check(
        "Le 12 novembre, il a parlé.",
        Fr,
        published,
        Past,
        &["Le 12 novembre = 2024-11-12"],
    );
}

#[test]
fn numeric_dates() {
    check(
        "Communiqué du 24/09/2025 et du 25.09.2025, publié le 2025-09-26.",
        Fr,
        None,
        Past,
        &[
            "24/09/2025 = 2025-09-24",
            "25.09.2025 = 2025-09-25",
            "2025-09-26 = 2025-09-26",
        ],
    );
    check("Version 1.24.09.2025.", Fr, None, Past, &[]);
}

#[test]
fn vague_times() {
    let published = Some("2025-09-24");
    check(
        "Il se rendra prochainement à Tunis, bientôt à Alger.",
        Fr,
        published,
        Future,
        &["prochainement = null", "bientôt = null"],
    );
    check(
        "L'accord sera signé dans les prochains mois.",
        Fr,
        published,
        Future,
        &["dans les prochains mois = null"],
    );
    check(
        "Les travaux débuteront dans les semaines à venir.",
        Fr,
        published,
        Future,
        &["dans les semaines à venir = null"],
    );
}

#[test]
fn accents_and_abbreviations() {
    check(
        "Le 3 fevrier 2024, le 15 aout 2024 et le 9 decembre 2024.",
        Fr,
        None,
        Past,
        &[
            "Le 3 fevrier 2024 = 2024-02-03",
            "le 15 aout 2024 = 2024-08-15",
            "le 9 decembre 2024 = 2024-12-09",
        ],
    );
    check(
        "Publié le 5 janv. 2024, revu le 6 févr. 2024, le 7 sept. 2024 et le 8 déc. 2024.",
        Fr,
        None,
        Past,
        &[
            "le 5 janv. 2024 = 2024-01-05",
            "le 6 févr. 2024 = 2024-02-06",
            "le 7 sept. 2024 = 2024-09-07",
            "le 8 déc. 2024 = 2024-12-08",
        ],
    );
}

#[test]
fn without_published_relative_dates_are_null() {
    check(
        "Reçu hier puis mardi, signé le 24 septembre 2025 et en 2014, voyage la semaine prochaine.",
        Fr,
        None,
        Past,
        &[
            "hier = null",
            "mardi = null",
            "le 24 septembre 2025 = 2025-09-24",
            "en 2014 = 2014",
            "la semaine prochaine = null",
        ],
    );
    check(
        "Signé le 15 décembre.",
        Fr,
        None,
        Past,
        &["le 15 décembre = null"],
    );
}

#[test]
fn ordinals_are_not_years() {
    check(
        "Ils ont célébré le 10e anniversaire de leurs relations.",
        Fr,
        Some("2025-09-24"),
        Past,
        &[],
    );
}

#[test]
fn month_names_out_of_date_context() {
    check(
        "La mission vers Mars et le groupe Mai Lan ont été évoqués.",
        Fr,
        Some("2025-09-24"),
        Past,
        &[],
    );
    check(
        "Les sept pays ont signé.",
        Fr,
        Some("2025-09-24"),
        Past,
        &[],
    );
    check(
        "Il est parti en mai.",
        Fr,
        Some("2025-09-24"),
        Past,
        &["en mai = 2025-05"],
    );
}

#[test]
fn numbers_that_are_not_years() {
    check(
        "La COP29, le G20, la Vision 2030 et l'Agenda 2063 de l'UA.",
        Fr,
        None,
        Past,
        &[],
    );
    check(
        "Un prêt de 3,3 milliards de dollars, 2000 soldats et 1850 habitants.",
        Fr,
        None,
        Past,
        &[],
    );
    check(
        "Le plan 2024-2028 et le numéro +228 22 21 2024 56.",
        Fr,
        None,
        Past,
        &[],
    );
    check(
        "Depuis les années 1990, la coopération s'intensifie.",
        Fr,
        None,
        Past,
        &[],
    );
}

#[test]
fn feasts_named_after_weekdays() {
    check(
        "Le Mardi gras et le Vendredi saint sont fériés.",
        Fr,
        Some("2025-09-24"),
        Past,
        &[],
    );
}

#[test]
fn month_of_a_relative_year() {
    let published = Some("2025-02-10");
    check(
        "Il s'était rendu à Dakar en mai de l'année dernière.",
        Fr,
        published,
        Past,
        &["en mai de l'année dernière = 2024-05"],
    );
    check(
        "Le sommet aura lieu en mars l'an prochain.",
        Fr,
        published,
        Future,
        &["en mars l'an prochain = 2026-03"],
    );
    check(
        "Il était venu en janvier cette année.",
        Fr,
        published,
        Past,
        &["en janvier cette année = 2025-01"],
    );
}

#[test]
fn from_a_month() {
    check(
        "La liaison reprendra à partir de décembre.",
        Fr,
        Some("2025-09-24"),
        Future,
        &["à partir de décembre = 2025-12"],
    );
}

#[test]
fn idioms_that_are_not_dates() {
    check(
        "Leur amitié ne date pas d'hier.",
        Fr,
        Some("2025-09-24"),
        Past,
        &[],
    );
}

#[test]
fn words_ending_or_starting_with_accents() {
    let published = Some("2025-09-24");
    check(
        "Reçu mardi passé, il avait signé le mois passé et voyagé la semaine passée.",
        Fr,
        published,
        Past,
        &[
            "mardi passé = 2025-09-23",
            "le mois passé = 2025-08",
            "la semaine passée = 2025-09",
        ],
    );
    check(
        "Le visa sera exigé à compter de 2026, la réunion reportée à une date ultérieure.",
        Fr,
        published,
        Future,
        &["à compter de 2026 = 2026", "à une date ultérieure = null"],
    );
    check("Thierry et Hiérarchie.", Fr, published, Past, &[]);
}
