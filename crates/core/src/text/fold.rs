//! Accent- and case-free keys of a text, with a map from every key byte back
//! to the source bytes it came from. Gazetteers match on the key, so that
//! "ALGÉRIE", "Algérie" and "algerie" meet, and report spans in the source.

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The folded key of a text and the way back to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// Lower case, without combining marks, with typographic apostrophes as
    /// `'`, non-breaking hyphens as `-` and every run of whitespace as one
    /// space.
    pub key: String,
    /// For each key byte, the start of the source character it came from.
    source_starts: Vec<u32>,
    /// For each key byte, the end of the source character it came from.
    source_ends: Vec<u32>,
    /// The length of the source text.
    source_len: u32,
}

impl Folded {
    /// The source byte range that the key byte range `key_start..key_end`
    /// came from. Both ends lie on character boundaries of the source. An
    /// empty or out-of-range key range gives an empty source range at the
    /// nearest position.
    pub fn source_span(&self, key_start: usize, key_end: usize) -> (usize, usize) {
        let key_len = self.key.len();
        let key_start = key_start.min(key_len);
        let key_end = key_end.clamp(key_start, key_len);
        let start = self
            .source_starts
            .get(key_start)
            .copied()
            .unwrap_or(self.source_len);
        if key_end == key_start {
            return (start as usize, start as usize);
        }
        let end = self.source_ends[key_end - 1];
        (start as usize, end as usize)
    }

    /// The fold of the source range `start..end`, cut out of this fold of
    /// the whole source: the same as folding `&source[start..end]` when the
    /// range does not open inside a run of whitespace (then `None`: a run
    /// folds to one space, whose source starts before the range).
    pub fn slice(&self, source: &str, start: usize, end: usize) -> Option<Folded> {
        let (key_start, key_end) = self.key_range(source, start, end)?;
        let offset = start as u32;
        let len = (end - start) as u32;
        Some(Folded {
            key: self.key[key_start..key_end].to_string(),
            source_starts: self.source_starts[key_start..key_end]
                .iter()
                .map(|&s| s - offset)
                .collect(),
            source_ends: self.source_ends[key_start..key_end]
                .iter()
                .map(|&e| e.min(end as u32) - offset)
                .collect(),
            source_len: len,
        })
    }

    /// The key of the source range `start..end`, borrowed from this fold of
    /// the whole source: the key of [`Folded::slice`], without copying.
    pub fn key_of(&self, source: &str, start: usize, end: usize) -> Option<&str> {
        let (key_start, key_end) = self.key_range(source, start, end)?;
        Some(&self.key[key_start..key_end])
    }

    /// The key of the source range `start..end`: borrowed from this fold
    /// when [`Folded::key_of`] can cut it out, folded afresh when the range
    /// opens inside a run of whitespace. Always `fold(&source[start..end]).key`.
    pub fn key_or_fold(&self, source: &str, start: usize, end: usize) -> Cow<'_, str> {
        match self.key_of(source, start, end) {
            Some(key) => Cow::Borrowed(key),
            None => Cow::Owned(fold(&source[start..end]).key),
        }
    }

    /// The key bytes that the source range `start..end` folds to, when the
    /// range does not open inside a run of whitespace.
    fn key_range(&self, source: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        let opens_in_whitespace = source[start..]
            .chars()
            .next()
            .is_some_and(char::is_whitespace);
        if opens_in_whitespace {
            return None;
        }
        let key_start = self
            .source_starts
            .partition_point(|&s| (s as usize) < start);
        let key_end = self.source_starts.partition_point(|&s| (s as usize) < end);
        Some((key_start, key_end))
    }

    /// The source byte offset where the key byte `key_offset` starts.
    pub fn source_offset(&self, key_offset: usize) -> usize {
        self.source_starts
            .get(key_offset)
            .copied()
            .unwrap_or(self.source_len) as usize
    }
}

/// Folds `text` into its key: canonical decomposition, combining marks
/// dropped, lower case, `’` and `ʼ` read as `'`, and whitespace runs read as
/// one space. Ligatures that French writes (`œ`, `æ`) and `ß` are spelled
/// out, so a key can be longer or shorter than its source.
pub fn fold(text: &str) -> Folded {
    // The key is built as bytes: whole characters only are pushed, so it
    // stays UTF-8.
    let mut key: Vec<u8> = Vec::with_capacity(text.len());
    let mut source_starts = Vec::with_capacity(text.len());
    let mut source_ends = Vec::with_capacity(text.len());
    let mut previous_space = false;
    let bytes = text.as_bytes();
    let mut offset = 0;
    while offset < bytes.len() {
        let byte = bytes[offset];
        // A run of ASCII bytes in which no whitespace follows whitespace,
        // most of any text, folds byte for byte: lower case, whitespace as a
        // space, each key byte from its own source byte.
        if byte.is_ascii() && !(previous_space && byte.is_ascii_whitespace()) {
            let run_start = offset;
            let mut space = previous_space;
            while let Some(&byte) = bytes.get(offset) {
                let whitespace = byte.is_ascii_whitespace();
                if !byte.is_ascii() || whitespace && space {
                    break;
                }
                space = whitespace;
                offset += 1;
            }
            key.extend(bytes[run_start..offset].iter().map(|&byte| {
                if byte.is_ascii_whitespace() {
                    b' '
                } else {
                    byte.to_ascii_lowercase()
                }
            }));
            source_starts.extend(run_start as u32..offset as u32);
            source_ends.extend(run_start as u32 + 1..offset as u32 + 1);
            previous_space = space;
            continue;
        }
        let start = offset as u32;
        // The ASCII bytes the run left are whitespace after whitespace: the
        // space already in the key stands for them too.
        if byte.is_ascii() {
            offset += 1;
            extend_last(&mut source_ends, offset as u32);
            continue;
        }
        // `offset` is a character boundary: it only ever steps over whole
        // characters.
        let Some(c) = text[offset..].chars().next() else {
            break;
        };
        offset += c.len_utf8();
        let end = offset as u32;
        let key_len_before = key.len();
        let mut push = |c: char| key.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        if c.is_whitespace() {
            if previous_space {
                extend_last(&mut source_ends, end);
            } else {
                push(' ');
            }
            previous_space = true;
        } else {
            previous_space = false;
            match c {
                '\u{2019}' | '\u{02BC}' | '\u{2018}' => push('\''),
                '\u{2010}' | '\u{2011}' => push('-'),
                'œ' | 'Œ' => key.extend_from_slice(b"oe"),
                'æ' | 'Æ' => key.extend_from_slice(b"ae"),
                'ß' => key.extend_from_slice(b"ss"),
                _ => decompose_canonical(c, |part| {
                    if !is_combining_mark(part) {
                        for lower in part.to_lowercase() {
                            if !is_combining_mark(lower) {
                                push(lower);
                            }
                        }
                    }
                }),
            }
        }
        for _ in key_len_before..key.len() {
            source_starts.push(start);
            source_ends.push(end);
        }
    }
    Folded {
        key: String::from_utf8(key).expect("the key is made of whole characters"),
        source_starts,
        source_ends,
        source_len: text.len() as u32,
    }
}

/// Lets the last key byte (a space standing for a run of whitespace) cover
/// the source up to `end`.
fn extend_last(source_ends: &mut [u32], end: u32) {
    if let Some(last) = source_ends.last_mut() {
        *last = end;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_slice_of_the_whole_fold_is_the_fold_of_the_slice() {
        let text = "Le  président\u{a0}Œdipe  a dit: « Straße ». Ensuite\n\n  il part.  ";
        let whole = fold(text);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &start in &bounds {
            for &end in bounds.iter().filter(|&&end| end >= start) {
                match whole.slice(text, start, end) {
                    Some(slice) => assert_eq!(slice, fold(&text[start..end]), "{start}..{end}"),
                    None => assert!(text[start..].starts_with(char::is_whitespace)),
                }
            }
        }
    }

    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, expected_key: &str) {
        assert_eq!(fold(text).key, expected_key, "folding {text:?}");
    }

    #[test]
    fn folds_case_accents_and_apostrophes() {
        check("ALGÉRIE", "algerie");
        check("Côte d’Ivoire", "cote d'ivoire");
        check("Türkiye", "turkiye");
        check("Lomé  et\n\nAstana", "lome et astana");
        check("Cœur", "coeur");
        check("Straße", "strasse");
        check("N\u{a0}'Djamena", "n 'djamena");
    }

    #[test]
    fn maps_key_spans_back_to_source() {
        let text = "À Lomé, l’ŒUVRE";
        let folded = fold(text);
        let start = folded.key.find("lome").unwrap();
        let (s, e) = folded.source_span(start, start + 4);
        assert_eq!(&text[s..e], "Lomé");
        let start = folded.key.find("oeuvre").unwrap();
        let (s, e) = folded.source_span(start, start + 6);
        assert_eq!(&text[s..e], "ŒUVRE");
        // Half of a ligature maps to the whole source character.
        let (s, e) = folded.source_span(start, start + 1);
        assert_eq!(&text[s..e], "Œ");
    }

    /// The character-by-character fold that [`fold`] speeds up for ASCII.
    fn reference_fold(text: &str) -> Folded {
        let mut key = String::new();
        let (mut source_starts, mut source_ends) = (Vec::new(), Vec::new());
        let mut previous_space = false;
        for (start, c) in text.char_indices() {
            let end = (start + c.len_utf8()) as u32;
            let key_len_before = key.len();
            if c.is_ascii() {
                if c.is_ascii_whitespace() {
                    if previous_space {
                        extend_last(&mut source_ends, end);
                    } else {
                        key.push(' ');
                    }
                    previous_space = true;
                } else {
                    key.push(c.to_ascii_lowercase());
                    previous_space = false;
                }
            } else if c.is_whitespace() {
                if previous_space {
                    extend_last(&mut source_ends, end);
                } else {
                    key.push(' ');
                }
                previous_space = true;
            } else {
                previous_space = false;
                match c {
                    '\u{2019}' | '\u{02BC}' | '\u{2018}' => key.push('\''),
                    '\u{2010}' | '\u{2011}' => key.push('-'),
                    'œ' | 'Œ' => key.push_str("oe"),
                    'æ' | 'Æ' => key.push_str("ae"),
                    'ß' => key.push_str("ss"),
                    _ => decompose_canonical(c, |part| {
                        if !is_combining_mark(part) {
                            for lower in part.to_lowercase() {
                                if !is_combining_mark(lower) {
                                    key.push(lower);
                                }
                            }
                        }
                    }),
                }
            }
            for _ in key_len_before..key.len() {
                source_starts.push(start as u32);
                source_ends.push(end);
            }
        }
        Folded {
            key,
            source_starts,
            source_ends,
            source_len: text.len() as u32,
        }
    }

    #[test]
    fn the_ascii_fast_path_folds_the_examples_as_before() {
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
        for entry in std::fs::read_dir(examples).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_eq!(fold(&text), reference_fold(&text));
        }
    }

    proptest! {
        #[test]
        fn the_ascii_fast_path_folds_as_before(text in "[ -~\t\n\r\x0b\x0c\u{a0}\u{2009}\u{3000}a-zA-ZÀ-ÿœŒßæÆ’ʼ‘‐‑İǅ\u{301}\u{1e9e}-]{0,60}|\\PC{0,40}") {
            prop_assert_eq!(fold(&text), reference_fold(&text));
        }

        #[test]
        fn spans_lie_on_char_boundaries(text in "\\PC{0,40}", a in 0usize..120, b in 0usize..120) {
            let folded = fold(&text);
            let (key_start, key_end) = (a.min(b), a.max(b));
            let (start, end) = folded.source_span(key_start, key_end);
            prop_assert!(start <= end);
            prop_assert!(end <= text.len());
            prop_assert!(text.is_char_boundary(start));
            prop_assert!(text.is_char_boundary(end));
            if key_end <= folded.key.len() && key_start < key_end {
                prop_assert!(start < end);
            }
        }

        #[test]
        fn whole_key_maps_to_whole_source(text in "[a-zA-ZÀ-ÿœŒß’ .\\-]{0,40}") {
            let folded = fold(&text);
            let (start, end) = folded.source_span(0, folded.key.len());
            if !folded.key.is_empty() {
                prop_assert_eq!(start, 0);
                prop_assert_eq!(end, text.len());
            }
        }
    }
}
