//! Direct quotations of at least five words and who said them. The speaker
//! is read from the attribution after the quote ("», a déclaré X", "\" X
//! said"), then from the clause before it ("X a souligné : «"), with pronouns
//! and titles ("a-t-elle souligné", "a déclaré le président kazakh") resolved
//! to the named person.

use super::article::Article;
use super::persons::{PersonEntity, PersonMention};
use crate::lexicon::cues;
use crate::model::{Quote, Span};

/// Minimum number of words of a quotation.
const MIN_WORDS: usize = 5;

/// A quotation of the text: the span from its opening mark to its closing
/// one, and what stands between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Quotation<'t> {
    start: usize,
    end: usize,
    inner: &'t str,
}

/// The quotations of `text` in order, none overlapping: «…» (spaces
/// inside the guillemets left out of the words), “…” and "…" on one line,
/// and ‘‘…’’, ‘’…’’ and ''…'' on one line. The first opening mark that
/// closes wins and the search goes on after its close; a mark that never
/// closes is passed over. A byte scan to the next opening mark, then a
/// search for its close: no regex engine walks the quotation.
fn quotations(text: &str) -> Vec<Quotation<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    // The first byte of every opening mark: « is C2 AB, “ and ‘ start with
    // E2, the others are ASCII. A byte is compared, not a character decoded.
    let opens = |byte: &u8| matches!(byte, 0xC2 | 0xE2 | b'\'' | b'"');
    while let Some(offset) = text.as_bytes()[at..].iter().position(opens) {
        let start = at + offset;
        match quotation_at(text, start) {
            Some(quotation) => {
                at = quotation.end;
                found.push(quotation);
            }
            None => at = start + text[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

/// The quotation that opens at `start`, if its marks close.
fn quotation_at(text: &str, start: usize) -> Option<Quotation<'_>> {
    let rest = &text[start..];
    let closed = |opening: &str, inner_len: usize, closing: &str| {
        (inner_len > 0).then(|| Quotation {
            start,
            end: start + opening.len() + inner_len + closing.len(),
            inner: &rest[opening.len()..opening.len() + inner_len],
        })
    };
    if let Some(body) = rest.strip_prefix('«') {
        // Spaces after « and before » are typography, not words.
        let inner_len = body.find('»')?;
        let quotation = closed("«", inner_len, "»")?;
        return Some(Quotation {
            inner: quotation.inner.trim(),
            ..quotation
        });
    }
    // Marks that close on the same line, the first close ending the quote.
    for (opening, closing) in [("“", '”'), ("\"", '"')] {
        if let Some(body) = rest.strip_prefix(opening) {
            let stop = body.find([closing, '\n'])?;
            return body[stop..]
                .starts_with(closing)
                .then(|| closed(opening, stop, closing.encode_utf8(&mut [0; 4])))
                .flatten();
        }
    }
    // Doubled marks: the first closing pair after at least one character.
    for (opening, closing) in [("‘‘", "’’"), ("‘’", "’’"), ("''", "''")] {
        if let Some(body) = rest.strip_prefix(opening) {
            let line = &body[..body.find('\n').unwrap_or(body.len())];
            let first = line.chars().next()?.len_utf8();
            let inner_len = first + line[first..].find(closing)?;
            return closed(opening, inner_len, closing);
        }
    }
    None
}

/// Pronouns that stand for the last person named.
const PRONOUNS: &[&str] = &["il", "elle", "t-il", "t-elle", "he", "she", "-il", "-elle"];

/// Words that attribute a quote to something other than a named person.
const NON_PERSON_SOURCES: &[&str] = &[
    "communique",
    "statement",
    "ministry",
    "ministere",
    "source",
    "sources",
    "spokesperson",
    "officials",
    "responsables",
    "diplomate",
    "diplomat",
    "observateur",
    "observer",
    "analyst",
    "entourage",
    "presidency",
    "presidence",
    "gouvernement",
    "government",
    "office",
];

pub(crate) fn find_quotes(
    article: &Article,
    entities: &[PersonEntity],
    mentions: &[PersonMention],
) -> Vec<Quote> {
    let text = article.text;
    let mut quotes = Vec::new();
    for quotation in quotations(text) {
        let words: Vec<&str> = quotation.inner.split_whitespace().collect();
        if words.len() < MIN_WORDS {
            continue;
        }
        let whole = (quotation.start, quotation.end);
        let Some(speaker) = speaker_of(article, entities, mentions, whole.0, whole.1) else {
            continue;
        };
        let opening = words
            .iter()
            .take(MIN_WORDS)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        quotes.push(Quote {
            speaker: entities[speaker].name.clone(),
            opening,
            evidence: vec![Span {
                start: whole.0,
                end: whole.1,
            }],
        });
    }
    quotes
}

fn speaker_of(
    article: &Article,
    entities: &[PersonEntity],
    mentions: &[PersonMention],
    start: usize,
    end: usize,
) -> Option<usize> {
    let text = article.text;
    let paragraph_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    // The attribution after the quote runs to the end of its sentence.
    let sentence_end = article
        .sentence_at(end.saturating_sub(1))
        .map(|i| article.sentences[i].end)
        .unwrap_or(paragraph_end);
    let after_end = if sentence_end > end {
        sentence_end
    } else {
        // The quote closes its sentence: the attribution may follow on the
        // same line up to the next full stop ("» a-t-il dit.").
        text[end..paragraph_end]
            .find(['.', '«', '“'])
            .map_or(paragraph_end, |i| end + i)
    };
    let after = &text[end..after_end.max(end)];
    let after_key = article.key_of(end, after_end.max(end));
    // The next quote opening ends the attribution.
    let after_key = after_key.split(['«', '“', '"']).next().unwrap_or("");
    let attribution_limit = end + after.len().min(after_key.len());
    if let Some(mention) = mentions
        .iter()
        .find(|m| m.start >= end && m.end <= attribution_limit)
        && words_between(&text[end..mention.start]) <= 6
    {
        return Some(mention.entity);
    }
    let first_words: Vec<&str> = after_key
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    if first_words.iter().any(|w| NON_PERSON_SOURCES.contains(w)) {
        return None;
    }
    if let Some(entity) = titled_speaker(article, entities, after_key, end, attribution_limit) {
        return Some(entity);
    }
    let pronoun = first_words.iter().any(|w| {
        PRONOUNS.iter().any(|p| {
            w.ends_with(p)
                && (w.len() == p.len()
                    || w.ends_with(&format!("-{p}"))
                    || p.starts_with('-')
                    || p.starts_with('t'))
        })
    });
    // The clause before the quote, in the same sentence.
    let sentence_start = article
        .sentence_at(start)
        .map(|i| article.sentences[i].start)
        .unwrap_or(start);
    let before_mention = mentions
        .iter()
        .rev()
        .find(|m| m.end <= start && m.start >= sentence_start);
    if let Some(mention) = before_mention {
        let between = article.key_of(mention.end, start);
        if !NON_PERSON_SOURCES
            .iter()
            .any(|w| between.split_whitespace().any(|x| x == *w))
        {
            return Some(mention.entity);
        }
    }
    if pronoun || sentence_start == start {
        // A pronoun stands for the subject: the first person named in the
        // sentence, else in the sentences before, within two paragraphs.
        let window = text[..start]
            .rfind("\n\n")
            .and_then(|i| text[..i].rfind("\n\n"))
            .unwrap_or(0);
        let mut sentence_index = article.sentence_at(start);
        while let Some(index) = sentence_index {
            let sentence = &article.sentences[index];
            if sentence.end < window {
                break;
            }
            let limit = if sentence.start == sentence_start {
                start
            } else {
                sentence.end
            };
            if let Some(mention) = mentions
                .iter()
                .find(|m| m.start >= sentence.start && m.end <= limit)
            {
                return Some(mention.entity);
            }
            sentence_index = index.checked_sub(1);
        }
    }
    None
}

fn words_between(text: &str) -> usize {
    text.split_whitespace().count()
}

/// "a déclaré le président kazakh": the person of the article with that
/// title's role (and country, when the phrase names one).
fn titled_speaker(
    article: &Article,
    entities: &[PersonEntity],
    after_key: &str,
    start: usize,
    end: usize,
) -> Option<usize> {
    let head: String = after_key
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    let cue = cues::titles(article.lang).find(&head).into_iter().next()?;
    let country = article.countries_in(start, end).next().map(|m| m.iso3);
    let candidates: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].titled && entities[i].role == cue.label)
        .filter(|&i| country.is_none() || entities[i].country == country)
        .collect();
    (candidates.len() == 1).then(|| candidates[0])
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    /// The pattern the scanner replaces, which defines what a quotation is:
    /// the scanner must find the same spans and the same words.
    fn by_pattern(text: &str) -> Vec<(usize, usize, String)> {
        let pattern = Regex::new(concat!(
            r"«\s*(?P<a>[^»]+?)\s*»",
            r"|“(?P<b>[^”\n]+)”",
            r"|‘‘(?P<c>[^\n]+?)’’",
            r"|‘’(?P<d>[^\n]+?)’’",
            r"|''(?P<e>[^\n]+?)''",
            r#"|"(?P<f>[^"\n]+)""#,
        ))
        .expect("quotation pattern");
        pattern
            .captures_iter(text)
            .map(|found| {
                let whole = found.get(0).expect("group 0");
                let inner = ["a", "b", "c", "d", "e", "f"]
                    .iter()
                    .find_map(|name| found.name(name))
                    .expect("one group matches");
                (whole.start(), whole.end(), words(inner.as_str()))
            })
            .collect()
    }

    fn by_scanner(text: &str) -> Vec<(usize, usize, String)> {
        quotations(text)
            .into_iter()
            .map(|q| (q.start, q.end, words(q.inner)))
            .collect()
    }

    fn words(inner: &str) -> String {
        inner.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_scanner_finds_what_the_pattern_finds() {
        let cases = [
            "Il a dit : « Nous avançons ensemble vers la paix. » Puis il est parti.",
            "«   » « x » «» «\u{a0}mot\u{202f}» « ouvert sans fin",
            "He said “we will sign it soon”, and “open\nline” then “”.",
            "\"a\" \"\" \"open\nx\" \"nested 'inner' quote\" '' ''x'' ''y\n''",
            "‘‘double’’ ‘’mixed’’ ‘‘’’ ‘‘a’’’ ‘ lone ’ ‘‘open\n’’",
            "« premier « imbriqué » suite » et “a «b» c” puis «a “b” c»",
            "l'homme d'État a dit '' bonjour '' et 'non'",
        ];
        for text in cases {
            assert_eq!(by_scanner(text), by_pattern(text), "{text:?}");
        }
    }

    #[test]
    fn the_scanner_agrees_with_the_pattern_on_the_example_articles() {
        let folder =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
        let mut quoted = 0;
        for entry in std::fs::read_dir(&folder).expect("the example articles") {
            let path = entry.expect("a folder entry").path();
            let text = std::fs::read_to_string(&path).expect("an example article");
            let expected = by_pattern(&text);
            assert_eq!(by_scanner(&text), expected, "{}", path.display());
            quoted += expected.len();
        }
        assert!(
            quoted > 20,
            "the examples quote people: {quoted} quotations"
        );
    }
}
