//! The content hash that tells a document already stored from a new one.
//! It is the SHA-256 of the normalised text and the publication date, so it
//! is stable across runs, machines and versions of entente, and blind to
//! differences no reader sees: Unicode composition, line endings, spaces at
//! the ends of lines and blank lines around the text.

use std::borrow::Cow;

use sha2::{Digest, Sha256};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The text as hashed: NFC, `\n` line endings, no trailing spaces on a line,
/// no blank lines at the start or the end.
pub fn normalise(text: &str) -> String {
    // Most texts are already NFC, which a quick check tells without
    // composing a copy.
    let composed: Cow<'_, str> = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    };
    let lines: Vec<&str> = composed
        .split('\n')
        .map(|line| line.trim_end_matches('\r').trim_end())
        .collect();
    lines.join("\n").trim_matches('\n').to_string()
}

/// The content hash of a document, as 64 lower-case hex digits.
pub fn content_hash(text: &str, published: Option<&str>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(normalise(text).as_bytes());
    // A byte that normalised text never holds separates the two fields.
    hasher.update([0u8]);
    hasher.update(published.unwrap_or("").as_bytes());
    let digest = hasher.finalize();
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The content hash of a document as the store computes it.
pub fn document_hash(document: &entente_core::Document) -> String {
    let published = document.published.map(|date| date.to_string());
    content_hash(&document.text, published.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_differences_hash_the_same() {
        let plain = content_hash("Lomé, 3 mars.\nLe Togo.", Some("2025-03-03"));
        let variants = [
            "Lome\u{301}, 3 mars.\nLe Togo.",
            "Lomé, 3 mars.  \r\nLe Togo.\n\n",
            "\nLomé, 3 mars.\nLe Togo.",
        ];
        for variant in variants {
            assert_eq!(
                content_hash(variant, Some("2025-03-03")),
                plain,
                "{variant:?}"
            );
        }
    }

    #[test]
    fn text_and_date_both_count() {
        let plain = content_hash("Le Togo.", Some("2025-03-03"));
        assert_ne!(content_hash("Le Togo !", Some("2025-03-03")), plain);
        assert_ne!(content_hash("Le Togo.", Some("2025-03-04")), plain);
        assert_ne!(content_hash("Le Togo.", None), plain);
        assert_eq!(plain.len(), 64);
        // The hash is stable across versions: stored stores depend on it.
        assert_eq!(
            content_hash("", None),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
        );
    }
}
