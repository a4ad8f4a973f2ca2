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

/// A cheap first reading for the two languages the extractor knows: French
/// or English when one set of function words clearly outnumbers the other,
/// else `None` and the statistical detector decides.
fn french_or_english(sample: &str) -> Option<&'static str> {
    let (mut french, mut english) = (0usize, 0usize);
    let mut count = |word: &str| {
        // Every function word is short: longer words need no lower-casing.
        if word.len() > 5 {
            return;
        }
        let mut buffer = [0u8; 5];
        let lower: std::borrow::Cow<'_, str> = if word.is_ascii() {
            buffer[..word.len()].copy_from_slice(word.as_bytes());
            buffer[..word.len()].make_ascii_lowercase();
            // Lower-casing keeps ASCII bytes ASCII.
            std::borrow::Cow::Borrowed(
                std::str::from_utf8(&buffer[..word.len()]).unwrap_or_default(),
            )
        } else {
            std::borrow::Cow::Owned(word.to_lowercase())
        };
        french += usize::from(FRENCH_WORDS.contains(&lower.as_ref()));
        english += usize::from(ENGLISH_WORDS.contains(&lower.as_ref()));
    };
    // The words are the runs of letters. ASCII bytes are read as they are,
    // other characters decoded.
    let bytes = sample.as_bytes();
    let mut word_start = None;
    let mut offset = 0;
    while offset < bytes.len() {
        let (is_letter, width) = if bytes[offset].is_ascii() {
            (bytes[offset].is_ascii_alphabetic(), 1)
        } else {
            let c = sample[offset..].chars().next().unwrap_or_default();
            (c.is_alphabetic(), c.len_utf8())
        };
        match (is_letter, word_start) {
            (true, None) => word_start = Some(offset),
            (false, Some(start)) => {
                count(&sample[start..offset]);
                word_start = None;
            }
            _ => {}
        }
        offset += width;
    }
    if let Some(start) = word_start {
        count(&sample[start..]);
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
