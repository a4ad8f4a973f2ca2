//! Sentence boundaries. A line break always ends a sentence (titles, datelines
//! and captions stand on lines of their own); inside a line, a full stop,
//! question or exclamation mark ends one when a capital or an opening quote
//! follows and the word before it is not a known abbreviation or an initial.

/// A sentence as a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "M",
    "Mme",
    "Mmes",
    "MM",
    "Mlle",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "St",
    "Jr",
    "Sr",
    "Gen",
    "Col",
    "Lt",
    "Capt",
    "Prof",
    "Pr",
    "Me",
    "Mgr",
    "No",
    "n°",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "janv",
    "févr",
    "avr",
    "juil",
    "sept",
    "oct",
    "nov",
    "déc",
    "S.E",
    "H.E",
    "U.S",
    "U.K",
    "U.N",
    "etc",
    "vs",
    "cf",
    "Rep",
    "Sen",
    "Gov",
    "Amb",
    "Hon",
    "Excellency",
];

/// Splits `text` into sentences, skipping blank stretches.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut sentences);
        line_start += line.len();
    }
    sentences
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let line = &text[start..end];
    let char_at = |offset: usize| line[offset..].chars().next();
    let mut sentence_start = 0;
    // The marks are ASCII, so their bytes are character boundaries: the line
    // is scanned as bytes and characters are decoded only around a mark.
    let marks = memchr::memchr3_iter(b'.', b'!', b'?', line.as_bytes())
        .map(|offset| (offset, line.as_bytes()[offset]));
    for (offset, mark) in marks {
        // Closing quotes and brackets after the mark belong to the sentence.
        let mut after = offset + 1;
        // French typography puts a space before the closing guillemet.
        if let Some(space @ (' ' | '\u{a0}' | '\u{202f}')) = char_at(after)
            && char_at(after + space.len_utf8()) == Some('»')
        {
            after += space.len_utf8();
        }
        while let Some(closing @ ('»' | '"' | '”' | '’' | '\'' | ')')) = char_at(after) {
            after += closing.len_utf8();
        }
        if !char_at(after).is_some_and(char::is_whitespace) {
            continue;
        }
        let mut next = after;
        while let Some(space) = char_at(next).filter(|c| c.is_whitespace()) {
            next += space.len_utf8();
        }
        let Some(following) = char_at(next) else {
            continue;
        };
        let opens = following.is_uppercase()
            || following.is_ascii_digit()
            || matches!(following, '«' | '"' | '“' | '‘' | '\'' | '(');
        if !opens || (mark == b'.' && is_abbreviation(&line[..offset])) {
            continue;
        }
        push_trimmed(text, start + sentence_start, start + after, out);
        sentence_start = next;
    }
    push_trimmed(text, start + sentence_start, end, out);
}

/// Whether the word that ends `before` (the text up to a full stop) is an
/// abbreviation or a single capital initial.
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '«' | '"' | '“'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let mut letters = word.chars();
    let single_initial =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    single_initial || ABBREVIATIONS.contains(&word)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    if leading + trailing < slice.len() {
        out.push(Sentence {
            start: start + leading,
            end: end - trailing,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split_sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn splits_on_lines_and_full_stops() {
        check(
            "Titre du jour\n\nLe ministre est arrivé. Il a été reçu par M. Dupont.\n",
            &[
                "Titre du jour",
                "Le ministre est arrivé.",
                "Il a été reçu par M. Dupont.",
            ],
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside_sentences() {
        check(
            "Talks began on Sept. 24 with Gilberto Teodoro Jr. in Manila. John F. Kennedy was cited.",
            &[
                "Talks began on Sept. 24 with Gilberto Teodoro Jr. in Manila.",
                "John F. Kennedy was cited.",
            ],
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        check(
            "« Nous avançons. » Le ministre a conclu. \"We agree.\" He left.",
            &[
                "« Nous avançons. »",
                "Le ministre a conclu.",
                "\"We agree.\"",
                "He left.",
            ],
        );
    }
}
