//! The people section of a dossier: registry entries for the persons of the
//! pair, with every name variant, the roles reported and when, the sentences
//! naming them, and a contradiction wherever articles disagree on the
//! country a person acts for.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use super::Registry;
use crate::merge::{
    Citation, Contradiction, DisputedValue, PersonEntry, RoleReport, SourcedRecord, cite_spans,
    date_order, finish_citations,
};
use crate::model::{Person, Role, Span};
use crate::text::{Sentence, split_sentences};

impl Registry<'_> {
    /// The registry entries of the persons acting for one of the pair and
    /// named in an article about it, ordered by country, office and name.
    /// Disagreements over a person's country become contradictions.
    pub fn entries(
        &self,
        pair: &[String; 2],
        about: &[usize],
        sources: &[&SourcedRecord],
        contradictions: &mut Vec<Contradiction>,
    ) -> Vec<PersonEntry> {
        let mut entries = Vec::new();
        let mut is_about = vec![false; sources.len()];
        for &doc in about {
            is_about[doc] = true;
        }
        let sentences = Sentences::new(sources);
        for person in 0..self.persons.len() {
            let country = self.country(person, sources);
            let in_pair = country.as_ref().is_some_and(|code| pair.contains(code));
            if !in_pair || self.docs(person).iter().all(|&doc| !is_about[doc]) {
                continue;
            }
            let entry = self.entry(person, country, sources, &sentences);
            let votes = self.country_votes(person, sources);
            if votes.len() > 1 {
                contradictions.push(Contradiction {
                    subject: format!("person {}", entry.name),
                    field: "country".to_string(),
                    values: votes
                        .keys()
                        .map(|&code| DisputedValue {
                            value: code.to_string(),
                            citations: self.citations_where(person, sources, &sentences, |p| {
                                p.country.as_deref() == Some(code)
                            }),
                        })
                        .collect(),
                });
            }
            entries.push(entry);
        }
        entries.sort_by(|a, b| (&a.country, a.role, &a.name).cmp(&(&b.country, b.role, &b.name)));
        entries
    }

    fn entry(
        &self,
        person: usize,
        country: Option<String>,
        sources: &[&SourcedRecord],
        sentences: &Sentences,
    ) -> PersonEntry {
        let name = self.name(person);
        let mut variants = BTreeSet::new();
        let mut roles: BTreeMap<Role, RoleReport> = BTreeMap::new();
        for &m in &self.persons[person] {
            let mention = &self.mentions[m];
            variants.insert(mention.person.name.clone());
            let source = sources[mention.doc];
            let report = roles
                .entry(mention.person.role)
                .or_insert_with(|| RoleReport {
                    role: mention.person.role,
                    first_reported: source.published.clone(),
                    last_reported: source.published.clone(),
                    doc_ids: Vec::new(),
                });
            if date_order(&source.published, &report.first_reported).is_lt() {
                report.first_reported = source.published.clone();
            }
            if source.published.is_some() && source.published > report.last_reported {
                report.last_reported = source.published.clone();
            }
            report.doc_ids.push(source.doc_id.clone());
        }
        variants.remove(&name);
        let mut roles: Vec<RoleReport> = roles.into_values().collect();
        roles.sort_by(|a, b| {
            date_order(&a.first_reported, &b.first_reported).then(a.role.cmp(&b.role))
        });
        let role = roles
            .iter()
            .filter(|report| report.role != Role::Other)
            .max_by(|a, b| {
                (&a.last_reported, std::cmp::Reverse(a.role))
                    .cmp(&(&b.last_reported, std::cmp::Reverse(b.role)))
            })
            .map_or(Role::Other, |report| report.role);
        PersonEntry {
            name,
            variants: variants.into_iter().collect(),
            country,
            role,
            roles,
            source_count: self.docs(person).len(),
            citations: self.citations_where(person, sources, sentences, |_| true),
        }
    }

    /// The sentence of the first mention of the person in each article whose
    /// record satisfies `keep`.
    fn citations_where(
        &self,
        person: usize,
        sources: &[&SourcedRecord],
        sentences: &Sentences,
        keep: impl Fn(&Person) -> bool,
    ) -> Vec<Citation> {
        let mut citations = Vec::new();
        for &m in &self.persons[person] {
            let mention = &self.mentions[m];
            if !keep(mention.person) {
                continue;
            }
            let source = sources[mention.doc];
            let span = mention
                .person
                .evidence
                .iter()
                .min()
                .map(|&span| sentence_around(sentences.of(mention.doc), span));
            citations.extend(cite_spans(source, span.as_slice()));
        }
        finish_citations(citations)
    }
}

/// The sentences of each source, split once and only when asked for.
struct Sentences<'s> {
    sources: &'s [&'s SourcedRecord],
    split: Vec<OnceCell<Vec<Sentence>>>,
}

impl<'s> Sentences<'s> {
    fn new(sources: &'s [&'s SourcedRecord]) -> Sentences<'s> {
        Sentences {
            sources,
            split: (0..sources.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    fn of(&self, doc: usize) -> &[Sentence] {
        self.split[doc].get_or_init(|| split_sentences(&self.sources[doc].text))
    }
}

/// The sentences a span lies in, so that a name is cited in its context.
fn sentence_around(sentences: &[Sentence], span: Span) -> Span {
    let overlapping = sentences.iter().filter(|sentence| {
        sentence.start < span.end.max(span.start + 1) && span.start < sentence.end
    });
    let start = overlapping.clone().map(|sentence| sentence.start).min();
    let end = overlapping.map(|sentence| sentence.end).max();
    match (start, end) {
        (Some(start), Some(end)) => Span { start, end },
        _ => span,
    }
}
