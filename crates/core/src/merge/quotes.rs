//! Key quotes: what persons of the pair said in the articles about it, with
//! the sentence that holds each quotation. A quotation repeated by several
//! articles (the same speaker, and openings whose first three words agree
//! without case, accents or punctuation) is listed once with all its sources.

use std::collections::{BTreeMap, BTreeSet};

use super::people::Registry;
use super::{KeyQuote, SourcedRecord, cite_spans, cut, date_order, finish_citations};
use crate::text::fold;

/// The quotes of persons acting for one of the pair, in the articles about
/// the pair, oldest first.
pub(crate) fn key_quotes(
    pair: &[String; 2],
    sources: &[&SourcedRecord],
    about: &[usize],
    registry: &Registry,
) -> Vec<KeyQuote> {
    let mut quotes: BTreeMap<(String, String), (KeyQuote, BTreeSet<usize>)> = BTreeMap::new();
    for &doc in about {
        let source = sources[doc];
        for quote in &source.record.quotes {
            let person = registry.resolve(doc, &quote.speaker);
            let country = person.and_then(|person| registry.country(person, sources));
            if !country.as_ref().is_some_and(|code| pair.contains(code)) {
                continue;
            }
            let speaker = registry.display(doc, &quote.speaker);
            let key = (speaker.clone(), opening_key(&quote.opening));
            let (entry, docs) = quotes.entry(key).or_insert_with(|| {
                let sentence = quote
                    .evidence
                    .first()
                    .and_then(|&span| cut(&source.text, span))
                    .filter(|sentence| !sentence.is_empty())
                    .map(str::to_string);
                let entry = KeyQuote {
                    speaker,
                    country,
                    opening: quote.opening.clone(),
                    sentence,
                    source_count: 0,
                    citations: Vec::new(),
                };
                (entry, BTreeSet::new())
            });
            docs.insert(doc);
            entry.citations.extend(cite_spans(source, &quote.evidence));
        }
    }
    let mut quotes: Vec<KeyQuote> = quotes
        .into_values()
        .map(|(mut entry, docs)| {
            entry.source_count = docs.len();
            entry.citations = finish_citations(std::mem::take(&mut entry.citations));
            entry
        })
        .collect();
    quotes.sort_by(|a, b| {
        let first = |quote: &KeyQuote| quote.citations.first().and_then(|c| c.published.clone());
        date_order(&first(a), &first(b))
            .then_with(|| (&a.speaker, &a.opening).cmp(&(&b.speaker, &b.opening)))
    });
    quotes
}

/// The first three words of an opening, without case, accents or
/// punctuation: what the scorer compares openings on.
fn opening_key(opening: &str) -> String {
    let folded = fold(opening).key;
    let letters: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    letters
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_agree_on_their_first_three_words() {
        assert_eq!(opening_key("« Nous avons de grandes"), "nous avons de");
        assert_eq!(
            opening_key("Les négociations d’aujourd’hui marquent"),
            opening_key("les negociations d'aujourd'hui")
        );
    }
}
