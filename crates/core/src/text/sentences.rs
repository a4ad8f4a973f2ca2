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
    let mut sentence_start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (index, &(offset, ch)) in chars.iter().enumerate() {
        if !matches!(ch, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets after the mark belong to the sentence.
        let mut after = index + 1;
        // French typography puts a space before the closing guillemet.
        if chars
            .get(after)
            .is_some_and(|&(_, c)| c == ' ' || c == '\u{a0}' || c == '\u{202f}')
            && chars.get(after + 1).is_some_and(|&(_, c)| c == '»')
        {
            after += 1;
        }
        while after < chars.len() && matches!(chars[after].1, '»' | '"' | '”' | '’' | '\'' | ')')
        {
            after += 1;
        }
        if after >= chars.len() || !chars[after].1.is_whitespace() {
            continue;
        }
        let mut next = after;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        let Some(&(_, following)) = chars.get(next) else {
            continue;
        };
        let opens = following.is_uppercase()
            || following.is_ascii_digit()
            || matches!(following, '«' | '"' | '“' | '‘' | '\'' | '(');
        if !opens || (ch == '.' && is_abbreviation(&line[..offset])) {
            continue;
        }
        let end_offset = chars.get(after).map_or(line.len(), |&(o, _)| o);
        push_trimmed(text, start + sentence_start, start + end_offset, out);
        sentence_start = chars[next].0;
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
