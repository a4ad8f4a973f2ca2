//! Language identification of an article's body text.

/// A language the extractor has lexicons and patterns for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses an ISO 639-1 code of a supported language.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// How many bytes of an article language detection reads.
const LANGUAGE_SAMPLE: usize = 2000;

/// Function words that only French or only English uses often.
const FRENCH_WORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "que", "qui", "avec",
    "sur", "au", "aux", "son", "ses", "ont", "été",
];
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "was", "that", "for", "with", "on", "its", "his", "her", "has",
    "have", "from", "by", "were", "which", "said",
];

/// The longest function word of either list, in bytes.
const SHORT_WORD: usize = 5;

/// A word of at most [`SHORT_WORD`] bytes packed into an integer, its first
/// byte lowest; words hold no NUL byte, so the padding tells the length.
const fn pack(word: &[u8]) -> u64 {
    let mut packed = 0u64;
    let mut i = 0;
    while i < word.len() {
        packed |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    packed
}

/// Every function word packed, with whether it is French, sorted by its
/// packed value for a binary search.
const FUNCTION_WORDS: [(u64, bool); FRENCH_WORDS.len() + ENGLISH_WORDS.len()] = {
    let mut table = [(0u64, false); FRENCH_WORDS.len() + ENGLISH_WORDS.len()];
    let mut i = 0;
    while i < table.len() {
        let (word, french) = if i < FRENCH_WORDS.len() {
            (FRENCH_WORDS[i], true)
        } else {
            (ENGLISH_WORDS[i - FRENCH_WORDS.len()], false)
        };
        assert!(word.len() <= SHORT_WORD);
        table[i] = (pack(word.as_bytes()), french);
        i += 1;
    }
    // Insertion sort: const evaluation has no slice sort.
    let mut i = 1;
    while i < table.len() {
        let mut j = i;
        while j > 0 && table[j - 1].0 > table[j].0 {
            let swap = table[j - 1];
            table[j - 1] = table[j];
            table[j] = swap;
            j -= 1;
        }
        i += 1;
    }
    table
};

/// Whether a word is one of the French (`Some(true)`) or English
/// (`Some(false)`) function words, compared lower-cased.
fn function_word(word: &str) -> Option<bool> {
    if word.len() > SHORT_WORD {
        return None;
    }
    let packed = if word.is_ascii() {
        let mut lower = [0u8; SHORT_WORD];
        lower[..word.len()].copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        pack(&lower)
    } else {
        let lower = word.to_lowercase();
        if lower.len() > SHORT_WORD {
            return None;
        }
        pack(lower.as_bytes())
    };
    FUNCTION_WORDS
        .binary_search_by_key(&packed, |&(word, _)| word)
        .ok()
        .map(|found| FUNCTION_WORDS[found].1)
}

/// A cheap first reading for the two languages the extractor knows: French
/// or English when one set of function words clearly outnumbers the other,
/// else `None` and the statistical detector decides.
fn french_or_english(sample: &str) -> Option<&'static str> {
    let (mut french, mut english) = (0usize, 0usize);
    // The words are the runs of letters. ASCII bytes are read as they are,
    // other characters decoded; only words short enough to be function
    // words are looked up.
    let bytes = sample.as_bytes();
    let letter_at = |offset: usize| -> (bool, usize) {
        let byte = bytes[offset];
        if byte.is_ascii() {
            (byte.is_ascii_alphabetic(), 1)
        } else {
            let c = sample[offset..].chars().next().unwrap_or_default();
            (c.is_alphabetic(), c.len_utf8())
        }
    };
    let mut offset = 0;
    while offset < bytes.len() {
        let (is_letter, width) = letter_at(offset);
        if !is_letter {
            offset += width;
            continue;
        }
        let start = offset;
        offset += width;
        while offset < bytes.len() {
            let (is_letter, width) = letter_at(offset);
            if !is_letter {
                break;
            }
            offset += width;
        }
        if offset - start <= SHORT_WORD {
            match function_word(&sample[start..offset]) {
                Some(true) => french += 1,
                Some(false) => english += 1,
                None => {}
            }
        }
    }
    if french >= 12 && french >= 4 * english.max(1) {
        Some("fr")
    } else if english >= 12 && english >= 4 * french.max(1) {
        Some("en")
    } else {
        None
    }
}

/// The ISO 639-1 code of the language of `text`, or `None` when the text is
/// too short or too mixed to tell.
pub fn detect_lang(text: &str) -> Option<&'static str> {
    // The opening of an article says its language as surely as the whole,
    // and detection cost grows with the length of the text.
    let sample = &text[..text.floor_char_boundary(text.len().min(LANGUAGE_SAMPLE))];
    if let Some(code) = french_or_english(sample) {
        return Some(code);
    }
    let info = whatlang::detect(sample)?;
    let three = info.lang().code();
    // whatlang names languages by ISO 639-3; the record uses ISO 639-1 where
    // one exists. Languages missing from this table keep their 639-3 code.
    let two = match three {
        "eng" => "en",
        "fra" => "fr",
        "deu" => "de",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "nld" => "nl",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "ara" => "ar",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "tur" => "tr",
        "pes" => "fa",
        "hin" => "hi",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "ell" => "el",
        "heb" => "he",
        "ron" => "ro",
        "hun" => "hu",
        "ces" => "cs",
        "ind" => "id",
        "vie" => "vi",
        "tha" => "th",
        other => other,
    };
    Some(two)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_found_in_either_case_and_only_in_their_list() {
        for word in FRENCH_WORDS {
            assert_eq!(function_word(word), Some(true), "{word}");
            assert_eq!(function_word(&word.to_uppercase()), Some(true), "{word}");
        }
        for word in ENGLISH_WORDS {
            assert_eq!(function_word(word), Some(false), "{word}");
            assert_eq!(function_word(&word.to_uppercase()), Some(false), "{word}");
        }
        for word in ["", "l", "thee", "les1", "lé", "whiche", "président"] {
            assert_eq!(function_word(word), None, "{word}");
        }
    }

    #[test]
    fn french_and_english_articles_are_told_apart() {
        let french = "Le ministre des Affaires étrangères a été reçu mardi par le président, \
                      avec qui il a évoqué la coopération dans les domaines de la santé et de \
                      l'éducation, ainsi que la situation au Sahel et les échanges commerciaux.";
        let english = "The foreign minister was received on Tuesday by the president, with whom \
                       he discussed cooperation in health and education, the situation in the \
                       Sahel and the growth of trade between the two countries, officials said.";
        assert_eq!(detect_lang(french), Some("fr"));
        assert_eq!(detect_lang(english), Some("en"));
    }

    #[test]
    fn other_languages_go_to_the_statistical_detector() {
        let german = "Der Außenminister wurde am Dienstag vom Präsidenten empfangen, mit dem er \
                      über die Zusammenarbeit in Gesundheit und Bildung sprach.";
        let spanish = "El ministro de Asuntos Exteriores fue recibido el martes por el presidente, \
                       con quien habló de la cooperación en salud y educación.";
        assert_eq!(detect_lang(german), Some("de"));
        assert_eq!(detect_lang(spanish), Some("es"));
    }
}
