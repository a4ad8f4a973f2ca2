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

/// The ISO 639-1 code of the language of `text`, or `None` when the text is
/// too short or too mixed to tell.
pub fn detect_lang(text: &str) -> Option<&'static str> {
    let info = whatlang::detect(text)?;
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
