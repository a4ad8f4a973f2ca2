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
    let mut normalised = String::with_capacity(text.len());
    for_each_normalised_piece(text, |piece| normalised.push_str(piece));
    normalised
}

/// Calls `write` with the pieces of [`normalise`]`(text)` in order, without
/// building the normalised copy (hashing a text is then one pass over it).
fn for_each_normalised_piece(text: &str, mut write: impl FnMut(&str)) {
    // Most texts are already NFC, which a quick check tells without
    // composing a copy.
    let composed: Cow<'_, str> = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    };
    // Blank lines are held back until a line with text follows them, so
    // those at the end are dropped; those at the start are never counted.
    let mut started = false;
    let mut blank_lines = 0;
    for line in composed.split('\n') {
        let line = line.trim_end_matches('\r').trim_end();
        if line.is_empty() {
            blank_lines += usize::from(started);
            continue;
        }
        if started {
            for _ in 0..=blank_lines {
                write("\n");
            }
        }
        write(line);
        started = true;
        blank_lines = 0;
    }
}

/// The content hash of a document, as 64 lower-case hex digits.
pub fn content_hash(text: &str, published: Option<&str>) -> String {
    let mut hasher = Sha256::new();
    for_each_normalised_piece(text, |piece| hasher.update(piece.as_bytes()));
    // A byte that normalised text never holds separates the two fields.
    hasher.update([0u8]);
    hasher.update(published.unwrap_or("").as_bytes());
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(2 * digest.len());
    for byte in digest {
        hex.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(HEX_DIGITS[usize::from(byte & 0xf)]));
    }
    hex
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

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

    /// The normalisation as it was first written, which stored hashes
    /// depend on: the streamed one must give the same text.
    fn normalise_by_joining(text: &str) -> String {
        let composed: String = text.nfc().collect();
        let lines: Vec<&str> = composed
            .split('\n')
            .map(|line| line.trim_end_matches('\r').trim_end())
            .collect();
        lines.join("\n").trim_matches('\n').to_string()
    }

    #[test]
    fn streamed_normalisation_is_the_joined_one() {
        let texts = [
            "",
            "\n",
            "\n\n \r\n",
            "a",
            "a\n",
            "\n\na\n\n",
            " a \r\n\r\n\n  b\t\n \n c\n\n\n",
            "Lome\u{301}, 3 mars.  \r\n\nLe Togo.\u{2028}\n\u{3000}\n",
            "x\r\ry\n\r\n",
        ];
        for text in texts {
            let expected = normalise_by_joining(text);
            assert_eq!(normalise(text), expected, "{text:?}");
            let mut hasher = Sha256::new();
            hasher.update(expected.as_bytes());
            hasher.update([0u8]);
            hasher.update(b"2025-03-03");
            let digest: String = hasher
                .finalize()
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect();
            assert_eq!(content_hash(text, Some("2025-03-03")), digest, "{text:?}");
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
