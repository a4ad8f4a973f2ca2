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

/// Whether a packed lower-case word is one of the French (`Some(true)`) or
/// English (`Some(false)`) function words.
fn function_word(packed: u64) -> Option<bool> {
    FUNCTION_WORDS
        .binary_search_by_key(&packed, |&(word, _)| word)
        .ok()
        .map(|found| FUNCTION_WORDS[found].1)
}

/// What a byte of UTF-8 text is to the word reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ByteKind {
    /// An ASCII letter.
    Letter,
    /// Any other ASCII byte.
    Other,
    /// A byte of a character beyond ASCII, which has to be decoded.
    NotAscii,
}

const BYTE_KINDS: [ByteKind; 256] = {
    let mut kinds = [ByteKind::NotAscii; 256];
    let mut byte = 0;
    while byte < 128 {
        kinds[byte] = if (byte as u8).is_ascii_alphabetic() {
            ByteKind::Letter
        } else {
            ByteKind::Other
        };
        byte += 1;
    }
    kinds
};

/// A cheap first reading for the two languages the extractor knows: French
/// or English when one set of function words clearly outnumbers the other,
/// else `None` and the statistical detector decides.
fn french_or_english(sample: &str) -> Option<&'static str> {
    let (mut french, mut english) = (0usize, 0usize);
    // The words are the runs of letters. ASCII bytes are read as they are,
    // other characters decoded. An ASCII word is packed lower-cased as it is
    // read; only words short enough to be function words are looked up.
    let bytes = sample.as_bytes();
    let letter_at = |offset: usize| -> Option<usize> {
        let c = sample[offset..].chars().next()?;
        c.is_alphabetic().then_some(c.len_utf8())
    };
    let mut offset = 0;
    while offset < bytes.len() {
        let byte = bytes[offset];
        let kind = BYTE_KINDS[usize::from(byte)];
        if kind == ByteKind::Other {
            offset += 1;
            continue;
        }
        if kind == ByteKind::NotAscii && letter_at(offset).is_none() {
            offset += sample[offset..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let start = offset;
        let mut packed = 0u64;
        let mut ascii = true;
        while offset < bytes.len() {
            let byte = bytes[offset];
            let kind = BYTE_KINDS[usize::from(byte)];
            if kind == ByteKind::Other {
                break;
            }
            if kind == ByteKind::Letter {
                let at = offset - start;
                if at < SHORT_WORD {
                    // ASCII letters lower-case by their 0x20 bit.
                    packed |= u64::from(byte | 0x20) << (8 * at);
                }
                offset += 1;
            } else {
                let Some(width) = letter_at(offset) else {
                    break;
                };
                ascii = false;
                offset += width;
            }
        }
        if offset - start > SHORT_WORD {
            continue;
        }
        if !ascii {
            let lower = sample[start..offset].to_lowercase();
            if lower.len() > SHORT_WORD {
                continue;
            }
            packed = pack(lower.as_bytes());
        }
        match function_word(packed) {
            Some(true) => french += 1,
            Some(false) => english += 1,
            None => {}
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
    fn function_words_are_counted_in_either_case_and_only_in_their_list() {
        let french = FRENCH_WORDS.join(" ");
        let english = ENGLISH_WORDS.join(", ");
        assert_eq!(french_or_english(&french), Some("fr"));
        assert_eq!(french_or_english(&french.to_uppercase()), Some("fr"));
        assert_eq!(french_or_english(&english), Some("en"));
        assert_eq!(french_or_english(&english.to_uppercase()), Some("en"));
        // Longer words, words that only start like one, digits inside.
        let neither = "thee les1 léa whiche président ÉTÉS lesquels andthe ".repeat(5);
        assert_eq!(french_or_english(&neither), None);
        assert_eq!(french_or_english(&format!("{neither}{french}")), Some("fr"));
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
