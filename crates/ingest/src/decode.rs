//! Bytes to text. Articles arrive as UTF-8, as UTF-16 with a byte-order mark,
//! or in a legacy single-byte charset (Windows-1252 and Latin-1 are common in
//! French news archives). [`decode`] strips a BOM, keeps valid UTF-8 as it is,
//! guesses any other charset with chardetng and decodes it with encoding_rs,
//! and refuses binary data. Line endings come out as `\n` only, so byte
//! offsets into the text do not depend on the platform that wrote the file.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

use crate::error::{IngestError, Result};

/// Decodes the bytes of an article into text with `\n` line endings and no
/// BOM. `origin` names the input (a path, or `manifest.jsonl:LINE`) in errors.
///
/// Fails with [`IngestError::UnreadableEncoding`] on binary data: bytes with
/// NUL characters, or whose decoding is riddled with control or replacement
/// characters.
pub fn decode(bytes: &[u8], origin: &str) -> Result<String> {
    decode_with_declared(bytes, None, origin)
}

/// Decodes a markup file (an HTML page or an XML feed): like [`decode`], but
/// when the bytes have no BOM and are not UTF-8, the charset the file declares
/// in its first kilobytes (`<meta charset>`, `http-equiv` content type, or
/// the XML declaration's `encoding`) wins over chardetng's guess.
pub(crate) fn decode_markup(bytes: &[u8], origin: &str) -> Result<String> {
    decode_with_declared(bytes, declared_charset(bytes), origin)
}

fn decode_with_declared(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    origin: &str,
) -> Result<String> {
    let (text, encoding) = if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        (text.into_owned(), encoding)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), UTF_8)
    } else {
        if bytes.contains(&0) {
            return Err(binary(origin));
        }
        // A declared UTF-8 or UTF-16 is wrong here: the bytes are not UTF-8,
        // and UTF-16 without a BOM is never declared in ASCII markup.
        let declared = declared
            .filter(|encoding| *encoding != UTF_8 && encoding.output_encoding() == *encoding);
        if let Some(encoding) = declared {
            let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
            check_is_text(&text, encoding, origin)?;
            return Ok(normalise_line_endings(text.into_owned()));
        }
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        // No top-level domain hint; UTF-8 is excluded since the bytes are not
        // valid UTF-8.
        let encoding = detector.guess(None, Utf8Detection::Deny);
        let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
        (text.into_owned(), encoding)
    };
    check_is_text(&text, encoding, origin)?;
    Ok(normalise_line_endings(text))
}

/// The charset that markup declares in its first 4 KiB: the value after
/// `charset=` (a `<meta>` tag) or `encoding=` in an `<?xml ...?>` declaration,
/// if encoding_rs knows that label.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut candidates = Vec::new();
    if let Some(declaration) = head.strip_prefix("<?xml") {
        let declaration = &declaration[..declaration.find("?>").unwrap_or(0)];
        if let Some(position) = declaration.find("encoding") {
            candidates.push(&declaration[position + "encoding".len()..]);
        }
    }
    let mut rest = head.as_str();
    while let Some(position) = rest.find("charset") {
        rest = &rest[position + "charset".len()..];
        candidates.push(rest);
    }
    candidates.into_iter().find_map(|after| {
        let value = after.trim_start().strip_prefix('=')?;
        let value = value.trim_start().trim_start_matches(['"', '\'']);
        let end = value
            .find(|c: char| !(c.is_ascii_alphanumeric() || "-_.:".contains(c)))
            .unwrap_or(value.len());
        Encoding::for_label(&value.as_bytes()[..end])
    })
}

fn binary(origin: &str) -> IngestError {
    IngestError::UnreadableEncoding {
        origin: origin.to_string(),
        reason: "it contains NUL bytes; is it a binary file?".to_string(),
    }
}

/// Refuses decoded text that looks like binary data: any NUL, or more than
/// one character in a hundred that is a replacement character (bytes the
/// charset cannot map) or a control character other than tab, line feed,
/// carriage return and form feed.
fn check_is_text(text: &str, encoding: &'static Encoding, origin: &str) -> Result<()> {
    if text.contains('\0') {
        return Err(binary(origin));
    }
    let mut total = 0usize;
    let mut suspicious = 0usize;
    for character in text.chars() {
        total += 1;
        let is_suspicious = character == char::REPLACEMENT_CHARACTER
            || (character.is_control() && !matches!(character, '\t' | '\n' | '\r' | '\x0c'));
        if is_suspicious {
            suspicious += 1;
        }
    }
    if suspicious * 100 > total {
        return Err(IngestError::UnreadableEncoding {
            origin: origin.to_string(),
            reason: format!(
                "{suspicious} of {total} characters are control or replacement characters \
                 when read as {}; is it a binary file?",
                encoding.name()
            ),
        });
    }
    Ok(())
}

/// Turns `\r\n` and lone `\r` into `\n`.
pub(crate) fn normalise_line_endings(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/test_data");

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{FIXTURES}/{name}");
        std::fs::read(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"))
    }

    fn unreadable_reason(bytes: &[u8]) -> String {
        match decode(bytes, "input.txt") {
            Err(IngestError::UnreadableEncoding { origin, reason }) => {
                assert_eq!(origin, "input.txt");
                reason
            }
            other => panic!("expected an unreadable encoding, got {other:?}"),
        }
    }

    #[test]
    fn windows_1252_french_is_guessed_and_decoded() {
        let bytes = fixture("cp1252-fr.txt");
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the fixture must not be UTF-8"
        );
        let text = decode(&bytes, "cp1252-fr.txt").unwrap();
        assert!(text.contains("Côte d'Ivoire"), "{text}");
        assert!(text.contains("ministre des Affaires étrangères"), "{text}");
        // Windows-1252 has typographic quotes and the euro sign where Latin-1
        // has control characters.
        assert!(text.contains("« Nous"), "{text}");
        assert!(text.contains("’"), "{text}");
        assert!(text.contains("€"), "{text}");
        assert!(!text.contains('\r'), "CRLF must become LF");
        assert!(!text.contains(char::REPLACEMENT_CHARACTER));
    }

    #[test]
    fn latin_1_french_is_guessed_and_decoded() {
        let bytes = fixture("latin1-fr.txt");
        let text = decode(&bytes, "latin1-fr.txt").unwrap();
        assert!(text.contains("Côte d'Ivoire"), "{text}");
        assert!(text.contains("ministre des Affaires étrangères"), "{text}");
        assert!(text.contains("coopération économique"), "{text}");
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        for name in ["utf16le-bom.txt", "utf16be-bom.txt"] {
            let text = decode(&fixture(name), name).unwrap();
            assert!(text.starts_with("Abidjan"), "{name}: {text:?}");
            assert!(text.contains("Côte d'Ivoire"), "{name}: {text}");
            assert!(
                !text.contains('\u{feff}'),
                "{name}: the BOM must be stripped"
            );
            assert!(!text.contains('\r'), "{name}: CRLF must become LF");
        }
    }

    #[test]
    fn utf8_is_kept_and_its_bom_stripped() {
        assert_eq!(decode("Lomé\n".as_bytes(), "a").unwrap(), "Lomé\n");
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice("Lomé et Astana".as_bytes());
        assert_eq!(decode(&bytes, "a").unwrap(), "Lomé et Astana");
    }

    #[test]
    fn line_endings_become_line_feeds() {
        assert_eq!(decode(b"a\r\nb\rc\n", "a").unwrap(), "a\nb\nc\n");
    }

    #[test]
    fn empty_input_decodes_to_empty_text() {
        assert_eq!(decode(b"", "a").unwrap(), "");
    }

    #[test]
    fn binary_data_is_refused() {
        let reason = unreadable_reason(&fixture("binary.bin"));
        assert!(reason.contains("NUL"), "{reason}");
        // A PNG header: not UTF-8, with NUL bytes.
        let reason = unreadable_reason(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert!(reason.contains("binary"), "{reason}");
        // Valid UTF-8 with a NUL is no text either.
        unreadable_reason(b"Paris\0Berlin");
    }

    #[test]
    fn control_characters_without_nul_are_refused() {
        let bytes: Vec<u8> = (0..400u32)
            .map(|index| [0x01, 0x02, 0x1b, 0x7f, 0x85][index as usize % 5])
            .collect();
        let reason = unreadable_reason(&bytes);
        assert!(
            reason.contains("control or replacement characters"),
            "{reason}"
        );
    }

    #[test]
    fn one_stray_control_character_in_a_long_text_is_tolerated() {
        let mut text = "Le ministre a reçu l'ambassadeur. ".repeat(10);
        text.push('\x07');
        assert!(decode(text.as_bytes(), "a").is_ok());
    }

    #[test]
    fn markup_declares_its_charset() {
        let check = |markup: &[u8], expected: Option<&str>| {
            let found = declared_charset(markup).map(|encoding| encoding.name());
            assert_eq!(found, expected, "{}", String::from_utf8_lossy(markup));
        };
        check(
            b"<html><head><meta charset=\"windows-1252\">",
            Some("windows-1252"),
        );
        check(b"<meta charset=ISO-8859-1>", Some("windows-1252"));
        check(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">",
            Some("ISO-8859-15"),
        );
        check(
            b"<?xml version=\"1.0\" encoding='ISO-8859-1'?><rss>",
            Some("windows-1252"),
        );
        check(b"<meta charset=\"utf-8\">", Some("UTF-8"));
        check(b"<meta charset=\"klingon\"><p>charset</p>", None);
        check(b"<p>Rien.</p>", None);
    }

    #[test]
    fn a_declared_charset_beats_the_guess_but_not_valid_utf8() {
        let declared = b"<meta charset=\"iso-8859-15\"><p>Prix : 10 \xa4</p>";
        let text = decode_markup(declared, "a.html").unwrap();
        assert!(text.ends_with("10 \u{20ac}</p>"), "{text}");
        let utf8 = "<meta charset=\"windows-1252\"><p>Lomé</p>";
        assert_eq!(decode_markup(utf8.as_bytes(), "a.html").unwrap(), utf8);
        let wrong = b"<meta charset=\"utf-8\"><p>C\xf4te d'Ivoire, \xe9t\xe9</p>";
        let text = decode_markup(wrong, "a.html").unwrap();
        assert!(text.contains("Côte d'Ivoire, été"), "{text}");
    }

    #[test]
    fn the_error_message_names_the_origin() {
        let error = decode(b"\0\0", "articles.jsonl:7").unwrap_err();
        assert_eq!(
            error.to_string(),
            "articles.jsonl:7: unreadable encoding: it contains NUL bytes; is it a binary file?"
        );
    }
}
