//! Finding a country from what a user types: an ISO 3166-1 code (alpha-3
//! or alpha-2) or a name in French or English, in any case and with or
//! without accents ("KAZ", "kz", "Kazakhstan", "côte d'ivoire", "la
//! Gambie"). Names come from the country lexicon, so every name and
//! demonym the extractor knows is understood here too. When nothing
//! matches, the closest names by prefix and edit distance are offered.

use std::sync::LazyLock;

use super::countries::{EntryKind, LEXICON};
use super::gazetteer::match_key;

/// How many suggestions a failed lookup offers at most.
const MAX_SUGGESTIONS: usize = 5;

/// Each country's alpha-3 code followed by its alpha-2 code, for the
/// countries of the lexicon (ISO 3166-1; XK is the user-assigned code of
/// Kosovo). Source: npm package world-countries 5.1.0 (ODbL-1.0), the
/// same package `cargo xtask lexicon` reads.
const ALPHA2: &str = "
    AFGAF AGOAO ALBAL ANDAD AREAE ARGAR ARMAM ATGAG AUSAU AUTAT AZEAZ BDIBI BELBE BENBJ
    BFABF BGDBD BGRBG BHRBH BHSBS BIHBA BLRBY BLZBZ BOLBO BRABR BRBBB BRNBN BTNBT BWABW
    CAFCF CANCA CHECH CHLCL CHNCN CIVCI CMRCM CODCD COGCG COLCO COMKM CPVCV CRICR CUBCU
    CYPCY CZECZ DEUDE DJIDJ DMADM DNKDK DOMDO DZADZ ECUEC EGYEG ERIER ESHEH ESPES ESTEE
    ETHET FINFI FJIFJ FRAFR FSMFM GABGA GBRGB GEOGE GHAGH GINGN GMBGM GNBGW GNQGQ GRCGR
    GRDGD GTMGT GUYGY HNDHN HRVHR HTIHT HUNHU IDNID INDIN IRLIE IRNIR IRQIQ ISLIS ISRIL
    ITAIT JAMJM JORJO JPNJP KAZKZ KENKE KGZKG KHMKH KIRKI KNAKN KORKR KWTKW LAOLA LBNLB
    LBRLR LBYLY LCALC LIELI LKALK LSOLS LTULT LUXLU LVALV MARMA MCOMC MDAMD MDGMG MDVMV
    MEXMX MHLMH MKDMK MLIML MLTMT MMRMM MNEME MNGMN MOZMZ MRTMR MUSMU MWIMW MYSMY NAMNA
    NERNE NGANG NICNI NLDNL NORNO NPLNP NRUNR NZLNZ OMNOM PAKPK PANPA PERPE PHLPH PLWPW
    PNGPG POLPL PRKKP PRTPT PRYPY PSEPS QATQA ROURO RUSRU RWARW SAUSA SDNSD SENSN SGPSG
    SLBSB SLESL SLVSV SMRSM SOMSO SRBRS SSDSS STPST SURSR SVKSK SVNSI SWESE SWZSZ SYCSC
    SYRSY TCDTD TGOTG THATH TJKTJ TKMTM TLSTL TONTO TTOTT TUNTN TURTR TUVTV TWNTW TZATZ
    UGAUG UKRUA URYUY USAUS UZBUZ VATVA VCTVC VENVE VNMVN VUTVU WSMWS XKXXK YEMYE ZAFZA
    ZMBZM ZWEZW
";

/// Articles a name may be typed with ("la France", "the Gambia").
const ARTICLES: &[&str] = &["la ", "le ", "les ", "l'", "the "];

/// The ISO3 code of the country `query` names, or, when it names none, up to
/// five country names close to it, the closest first (empty when nothing is
/// close).
pub fn lookup_country(query: &str) -> Result<&'static str, Vec<&'static str>> {
    let key = match_key(query);
    if key.is_empty() {
        return Err(Vec::new());
    }
    if let Some(iso3) = code(&key) {
        return Ok(iso3);
    }
    let unarticled = ARTICLES
        .iter()
        .find_map(|article| key.strip_prefix(article));
    for key in std::iter::once(key.as_str()).chain(unarticled) {
        if let Some(iso3) = name(key) {
            return Ok(iso3);
        }
    }
    Err(suggestions(unarticled.unwrap_or(&key)))
}

/// The country whose ISO3 or ISO2 code is `key` (folded to lower case).
/// The code table is read directly rather than through the lexicon, so a
/// command given codes never builds the country automaton.
fn code(key: &str) -> Option<&'static str> {
    let codes = match key.len() {
        3 => 0..3,
        2 => 3..5,
        _ => return None,
    };
    ALPHA2
        .split_whitespace()
        .find(|entry| entry[codes.clone()].eq_ignore_ascii_case(key))
        .map(|entry| &entry[..3])
}

/// The country a name or demonym of the lexicon, as a match key, stands for.
fn name(key: &str) -> Option<&'static str> {
    let index = LEXICON.index_of_key.get(key)?;
    LEXICON.candidates[*index]
        .iter()
        .find(|candidate| matches!(candidate.kind, EntryKind::Name | EntryKind::Demonym))
        .map(|candidate| candidate.iso3)
}

/// The names of the lexicon with their match keys and countries.
static NAMES: LazyLock<Vec<(String, &'static str, &'static str)>> = LazyLock::new(|| {
    LEXICON
        .entries
        .iter()
        .filter(|entry| entry.kind == EntryKind::Name)
        .map(|entry| (match_key(entry.form), entry.form, entry.iso3))
        .collect()
});

/// Up to [`MAX_SUGGESTIONS`] names close to `key`, one per country: names
/// with a word that starts with `key` first, then names within a few edits.
fn suggestions(key: &str) -> Vec<&'static str> {
    let query_chars = key.chars().count();
    let max_distance = (query_chars / 4).max(1);
    let mut scored: Vec<(usize, usize, &'static str, &'static str)> = NAMES
        .iter()
        .filter_map(|(name_key, form, iso3)| {
            let prefix = query_chars >= 2
                && (name_key.starts_with(key)
                    || name_key
                        .split([' ', '\''])
                        .any(|word| word.starts_with(key)));
            if prefix {
                return Some((0, name_key.len(), *form, *iso3));
            }
            let distance = edit_distance(key, name_key);
            (distance <= max_distance).then_some((1, distance, *form, *iso3))
        })
        .collect();
    scored.sort();
    let mut suggested: Vec<&'static str> = Vec::new();
    let mut countries: Vec<&'static str> = Vec::new();
    for (_, _, form, iso3) in scored {
        if countries.contains(&iso3) {
            continue;
        }
        countries.push(iso3);
        suggested.push(form);
        if suggested.len() == MAX_SUGGESTIONS {
            break;
        }
    }
    suggested
}

/// The edit distance between two strings, in characters: insertions,
/// deletions, substitutions and swaps of two neighbours ("Frnace") count one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j] is the distance between a[..i] and b[..j].
    let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = rows[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitution.min(rows[i - 1][j] + 1).min(rows[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `query` finds `expected`.
    fn check(query: &str, expected: &str) {
        assert_eq!(lookup_country(query), Ok(expected), "{query:?}");
    }

    /// Checks that `query` finds nothing and suggests `expected`, in order.
    fn check_suggestions(query: &str, expected: &[&str]) {
        assert_eq!(lookup_country(query), Err(expected.to_vec()), "{query:?}");
    }

    #[test]
    fn codes_in_any_case() {
        check("KAZ", "KAZ");
        check("tgo", "TGO");
        check("kz", "KAZ");
        check("FR", "FRA");
        check("XK", "XKX");
        check(" civ ", "CIV");
    }

    #[test]
    fn english_names() {
        check("Kazakhstan", "KAZ");
        check("Togo", "TGO");
        check("ivory coast", "CIV");
        check("United States", "USA");
        check("the Gambia", "GMB");
        check("South Korea", "KOR");
        check("Congo", "COG");
        check("DR Congo", "COD");
    }

    #[test]
    fn french_names_with_or_without_accents() {
        check("Allemagne", "DEU");
        check("Côte d'Ivoire", "CIV");
        check("cote d’ivoire", "CIV");
        check("ÉTATS-UNIS", "USA");
        check("etats unis", "USA");
        check("la France", "FRA");
        check("l'Inde", "IND");
        check("Ouzbékistan", "UZB");
        check("RDC", "COD");
    }

    #[test]
    fn demonyms_name_their_country() {
        check("togolais", "TGO");
        check("Kazakhstani", "KAZ");
    }

    #[test]
    fn every_code_of_the_lexicon_is_found() {
        for iso3 in crate::lexicon::all_country_codes() {
            check(iso3, iso3);
            let name = crate::lexicon::country_name_en(iso3).expect("every country has a name");
            check(name, iso3);
        }
        assert_eq!(ALPHA2.split_whitespace().count(), 198);
    }

    #[test]
    fn unknown_names_get_close_suggestions() {
        check_suggestions("Kazakstan", &["Kazakhstan"]);
        check_suggestions("Allemange", &["Allemagne"]);
        check_suggestions("Frnace", &["France"]);
        check_suggestions("Congo-B", &["Congo-Brazzaville"]);
        let suggested = lookup_country("Guin").unwrap_err();
        assert!(suggested.contains(&"Guinea"), "{suggested:?}");
        assert!(suggested.len() <= MAX_SUGGESTIONS);
        check_suggestions("Xyzzyland", &[]);
        check_suggestions("", &[]);
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("kazakstan", "kazakhstan"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("côte", "cote"), 1);
        assert_eq!(edit_distance("togo", "togo"), 0);
        assert_eq!(edit_distance("frnace", "france"), 1);
    }
}
