//! The people registry: every person named in any article, resolved across
//! documents by the name rule of `names`, so that "Tokayev", "Tokaïev" and
//! "Kassym-Jomart Tokayev" are one person under the fullest name. A person's
//! country is the one most articles give (weighted by how often each names
//! them) and a missing country or role is filled from other articles.

mod entries;

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use super::SourcedRecord;
use super::names::NameKey;
use crate::model::Person;

/// One person as one article names them.
struct Mention<'a> {
    doc: usize,
    person: &'a Person,
    /// Shared by the mentions of one spelling.
    key: Rc<NameKey>,
}

/// The persons of all articles, each a cluster of mentions.
pub(crate) struct Registry<'a> {
    mentions: Vec<Mention<'a>>,
    /// Each person's mentions, indices into `mentions`.
    persons: Vec<Vec<usize>>,
    /// The person of each mention.
    person_of: Vec<usize>,
    /// The first mention of each name as written in each document.
    by_name: BTreeMap<(usize, &'a str), usize>,
    /// The mentions by the loose spelling of their last word.
    by_last: BTreeMap<String, Vec<usize>>,
    /// Each person's name, worked out when first asked for.
    names: Vec<OnceCell<String>>,
}

impl<'a> Registry<'a> {
    /// Resolves the persons of every source. Longer names are placed first,
    /// so a shorter form joins the fullest name it matches; a form matching
    /// several persons joins the one its own article names, or stays apart.
    pub fn build(sources: &[&'a SourcedRecord]) -> Registry<'a> {
        let mut mentions: Vec<Mention<'a>> = Vec::new();
        let mut keys: HashMap<&str, Rc<NameKey>> = HashMap::default();
        for (doc, source) in sources.iter().enumerate() {
            for person in &source.record.persons {
                let key = keys
                    .entry(&person.name)
                    .or_insert_with(|| Rc::new(NameKey::new(&person.name)));
                if key.len() > 0 {
                    mentions.push(Mention {
                        doc,
                        person,
                        key: Rc::clone(key),
                    });
                }
            }
        }
        mentions.sort_by(|a, b| {
            (
                std::cmp::Reverse(a.key.len()),
                &a.key.words,
                &a.person.name,
                a.doc,
            )
                .cmp(&(
                    std::cmp::Reverse(b.key.len()),
                    &b.key.words,
                    &b.person.name,
                    b.doc,
                ))
        });
        let mut persons: Vec<Vec<usize>> = Vec::new();
        let mut person_of = Vec::with_capacity(mentions.len());
        // Matching names share their last word, so only persons with the same
        // one are compared.
        let mut persons_by_last: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, mention) in mentions.iter().enumerate() {
            let head = |members: &Vec<usize>| &mentions[members[0]];
            let same_last = persons_by_last.get(mention.key.last());
            let candidates: Vec<usize> = same_last
                .into_iter()
                .flatten()
                .copied()
                .filter(|&person| head(&persons[person]).key.matches(&mention.key))
                .filter(|&person| {
                    // A surname alone must not join a person of another country.
                    let country = mention.person.country.as_deref();
                    mention.key.len() > 1
                        || country.is_none()
                        || persons[person].iter().all(|&member| {
                            let other = mentions[member].person.country.as_deref();
                            other.is_none() || other == country
                        })
                })
                .collect();
            let chosen = match candidates.as_slice() {
                [] => None,
                [only] => Some(*only),
                several => {
                    // The same name seen before, then the person of the same
                    // article.
                    let same_name: Vec<usize> = several
                        .iter()
                        .copied()
                        .filter(|&person| head(&persons[person]).key.words == mention.key.words)
                        .collect();
                    let same_doc: Vec<usize> = several
                        .iter()
                        .copied()
                        .filter(|&person| {
                            persons[person]
                                .iter()
                                .any(|&m| mentions[m].doc == mention.doc)
                        })
                        .collect();
                    match (same_doc.as_slice(), same_name.as_slice()) {
                        ([only], _) | ([], [only]) => Some(*only),
                        _ => None,
                    }
                }
            };
            let person = chosen.unwrap_or_else(|| {
                persons.push(Vec::new());
                let person = persons.len() - 1;
                let last = mention.key.last().to_string();
                persons_by_last.entry(last).or_default().push(person);
                person
            });
            persons[person].push(index);
            person_of.push(person);
        }
        let mut registry = Registry {
            mentions,
            persons,
            person_of,
            by_name: BTreeMap::new(),
            by_last: BTreeMap::new(),
            names: Vec::new(),
        };
        registry.names = (0..registry.persons.len())
            .map(|_| OnceCell::new())
            .collect();
        for (index, mention) in registry.mentions.iter().enumerate() {
            let name = mention.person.name.as_str();
            registry.by_name.entry((mention.doc, name)).or_insert(index);
            let last = mention.key.last().to_string();
            registry.by_last.entry(last).or_default().push(index);
        }
        registry
    }

    /// The person a name used in document `doc` refers to: the person of that
    /// document with this name, else the only one there matching it, else the
    /// only one anywhere matching it.
    pub fn resolve(&self, doc: usize, name: &str) -> Option<usize> {
        if let Some(&index) = self.by_name.get(&(doc, name)) {
            return Some(self.person_of[index]);
        }
        let key = NameKey::new(name);
        let matching = |only_this_doc: bool| -> BTreeSet<usize> {
            let same_last = self.by_last.get(key.last());
            same_last
                .into_iter()
                .flatten()
                .copied()
                .filter(|&index| {
                    let mention = &self.mentions[index];
                    (!only_this_doc || mention.doc == doc) && mention.key.matches(&key)
                })
                .map(|index| self.person_of[index])
                .collect()
        };
        let local = matching(true);
        let found = if local.is_empty() {
            matching(false)
        } else {
            local
        };
        match found.len() {
            1 => found.into_iter().next(),
            _ => None,
        }
    }

    /// The name to show for a name used in document `doc`.
    pub fn display(&self, doc: usize, name: &str) -> String {
        match self.resolve(doc, name) {
            Some(person) => self.name(person),
            None => name.to_string(),
        }
    }

    /// The fullest name of a person; its most frequent spelling on a tie.
    pub fn name(&self, person: usize) -> String {
        self.names[person]
            .get_or_init(|| self.work_out_name(person))
            .clone()
    }

    fn work_out_name(&self, person: usize) -> String {
        let members = &self.persons[person];
        let longest = members
            .iter()
            .map(|&m| self.mentions[m].key.len())
            .max()
            .unwrap_or(0);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &m in members
            .iter()
            .filter(|&&m| self.mentions[m].key.len() == longest)
        {
            *counts
                .entry(self.mentions[m].person.name.as_str())
                .or_default() += 1;
        }
        let best = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
        best.map(|(name, _)| name.to_string()).unwrap_or_default()
    }

    /// The country a person acts for: the one the articles give most often,
    /// each weighted by how many times it names the person; the earliest
    /// article's on a tie.
    pub fn country(&self, person: usize, sources: &[&SourcedRecord]) -> Option<String> {
        let votes = self.country_votes(person, sources);
        let best = votes.iter().min_by(|a, b| {
            (std::cmp::Reverse(a.1.0), a.1.1.is_none(), &a.1.1, a.0).cmp(&(
                std::cmp::Reverse(b.1.0),
                b.1.1.is_none(),
                &b.1.1,
                b.0,
            ))
        });
        best.map(|(country, _)| country.to_string())
    }

    /// For each country given, its weight and the earliest publication date.
    fn country_votes<'s>(
        &'s self,
        person: usize,
        sources: &'s [&SourcedRecord],
    ) -> BTreeMap<&'s str, (usize, Option<&'s String>)> {
        let mut votes: BTreeMap<&str, (usize, Option<&String>)> = BTreeMap::new();
        for &m in &self.persons[person] {
            let mention = &self.mentions[m];
            if let Some(country) = mention.person.country.as_deref() {
                let published = sources[mention.doc].published.as_ref();
                let vote = votes.entry(country).or_insert((0, published));
                vote.0 += mention.person.evidence.len().max(1);
                if published.is_some() && (vote.1.is_none() || published < vote.1) {
                    vote.1 = published;
                }
            }
        }
        votes
    }

    /// The documents naming a person.
    pub fn docs(&self, person: usize) -> BTreeSet<usize> {
        self.persons[person]
            .iter()
            .map(|&m| self.mentions[m].doc)
            .collect()
    }
}
