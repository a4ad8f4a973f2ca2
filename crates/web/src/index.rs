//! The index the server builds once at start-up: the dossier of every pair
//! the store knows, and flat lists of their events, agreements and persons
//! under stable ids. An id is the pair's key, a letter for the kind and the
//! item's rank in the dossier (`KAZ-TGO-e3`): the merge sorts its lists
//! deterministically, so the same store always gives the same ids.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, mpsc};

use entente_core::lexicon::country_name_en;
use entente_core::merge::{
    AgreementEntry, Dossier, PersonEntry, SourcedRecord, TimelineEvent, build_dossier,
};
use entente_core::model::EventType;
use entente_store::{PairActivity, Store};
use serde::Serialize;

use crate::error::Result;

/// How many pairs the reading thread of [`Index::build`] reads ahead of the
/// merging threads: enough to keep them busy, few enough to keep memory flat.
const PAIRS_IN_FLIGHT: usize = 8;

/// The records of one pair, to merge into its dossier.
struct Job {
    /// The pair's rank in the activity list.
    position: usize,
    pair: [String; 2],
    sources: Vec<SourcedRecord>,
}

/// A pair of countries and how active it is.
#[derive(Debug, Clone, Serialize)]
pub struct PairSummary {
    /// `KAZ-TGO`: the two codes, sorted.
    pub key: String,
    pub pair: [String; 2],
    pub names: [String; 2],
    pub documents: i64,
    pub events: i64,
    pub agreements: i64,
    /// The latest publication date of the pair's documents.
    pub latest: Option<String>,
    /// The type of the pair's most recent dated event.
    pub latest_kind: Option<EventType>,
}

/// A country that some stored pair includes.
#[derive(Debug, Clone, Serialize)]
pub struct CountrySummary {
    pub code: String,
    pub name: String,
    pub partners: usize,
    pub documents: i64,
    pub events: i64,
    pub agreements: i64,
}

/// A merged event with its id and pair.
#[derive(Debug, Clone, Serialize)]
pub struct EventItem {
    pub id: String,
    pub pair: String,
    #[serde(flatten)]
    pub event: TimelineEvent,
}

/// A merged agreement with its id and pair.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementItem {
    pub id: String,
    pub pair: String,
    #[serde(flatten)]
    pub agreement: AgreementEntry,
}

/// A person of a pair's dossier with its id and pair.
#[derive(Debug, Clone, Serialize)]
pub struct PersonItem {
    pub id: String,
    pub pair: String,
    #[serde(flatten)]
    pub person: PersonEntry,
}

/// Everything the pages and the API read without asking the store again.
#[derive(Debug, Default)]
pub struct Index {
    /// Every pair, the most active first.
    pub pairs: Vec<PairSummary>,
    /// Every country of some pair, by code.
    pub countries: Vec<CountrySummary>,
    /// Each pair's dossier, by key.
    pub dossiers: BTreeMap<String, Dossier>,
    /// Every event, oldest first, undated last, then by id.
    pub events: Vec<EventItem>,
    /// Every agreement, by pair then rank.
    pub agreements: Vec<AgreementItem>,
    /// Every person, by pair then rank.
    pub persons: Vec<PersonItem>,
    /// The position of each pair in `pairs`, of each country in
    /// `countries` and of each item in its list, by key, code or id: the
    /// lookups of every request.
    positions: Positions,
}

/// Positions in the lists of an [`Index`], by key.
#[derive(Debug, Default)]
struct Positions {
    pairs: HashMap<String, usize>,
    countries: HashMap<String, usize>,
    events: HashMap<String, usize>,
    agreements: HashMap<String, usize>,
    persons: HashMap<String, usize>,
}

impl Positions {
    fn of(index: &Index) -> Positions {
        fn positions<T>(items: &[T], key: impl Fn(&T) -> &str) -> HashMap<String, usize> {
            items
                .iter()
                .enumerate()
                .map(|(position, item)| (key(item).to_string(), position))
                .collect()
        }
        Positions {
            pairs: positions(&index.pairs, |pair| &pair.key),
            countries: positions(&index.countries, |country| &country.code),
            events: positions(&index.events, |item| &item.id),
            agreements: positions(&index.agreements, |item| &item.id),
            persons: positions(&index.persons, |item| &item.id),
        }
    }
}

impl Index {
    /// Reads every pair of `store` and builds its dossier. The calling
    /// thread reads the records of one pair after the other while a thread
    /// per core merges them, at most [`PAIRS_IN_FLIGHT`] pairs ahead.
    pub fn build(store: &impl Store) -> Result<Index> {
        let activity = store.pairs_ranked(None)?;
        let workers = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(activity.len())
            .max(1);
        let mut dossiers: Vec<Option<Dossier>> = Vec::new();
        dossiers.resize_with(activity.len(), || None);
        let (work, jobs) = mpsc::sync_channel::<Job>(PAIRS_IN_FLIGHT);
        let jobs = Mutex::new(jobs);
        let (finished, built) = mpsc::channel::<(usize, Dossier)>();
        std::thread::scope(|scope| -> Result<()> {
            for _ in 0..workers {
                let (jobs, finished) = (&jobs, finished.clone());
                scope.spawn(move || {
                    loop {
                        // A worker that panicked poisons the lock; the scope
                        // re-raises its panic once the others are done.
                        let job = match jobs.lock() {
                            Ok(jobs) => jobs.recv(),
                            Err(_) => return,
                        };
                        let Ok(job) = job else { return };
                        let pair = [job.pair[0].as_str(), job.pair[1].as_str()];
                        let dossier = build_dossier(pair, &job.sources);
                        if finished.send((job.position, dossier)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(finished);
            for (position, pair) in activity.iter().enumerate() {
                let stored = store.records_for_pair(&pair.pair[0], &pair.pair[1])?;
                let sources = stored.into_iter().map(SourcedRecord::from).collect();
                let job = Job {
                    position,
                    pair: pair.pair.clone(),
                    sources,
                };
                if work.send(job).is_err() {
                    break;
                }
                for (position, dossier) in built.try_iter() {
                    dossiers[position] = Some(dossier);
                }
            }
            drop(work);
            for (position, dossier) in built {
                dossiers[position] = Some(dossier);
            }
            Ok(())
        })?;
        let mut index = Index::default();
        for (pair, dossier) in activity.iter().zip(dossiers) {
            // Every job was built unless a worker panicked, which the scope
            // has re-raised.
            if let Some(dossier) = dossier {
                index.add(pair, dossier);
            }
        }
        index.events.sort_by(|a, b| {
            let key = |item: &EventItem| (item.event.date.is_none(), item.event.date.clone());
            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
        });
        index.countries = countries(&index.pairs);
        index.positions = Positions::of(&index);
        Ok(index)
    }

    fn add(&mut self, activity: &PairActivity, dossier: Dossier) {
        let key = format!("{}-{}", activity.pair[0], activity.pair[1]);
        let latest_kind = dossier
            .timeline
            .iter()
            .filter(|event| event.date.is_some())
            .max_by(|a, b| a.date.cmp(&b.date))
            .map(|event| event.kind);
        self.pairs.push(PairSummary {
            key: key.clone(),
            pair: activity.pair.clone(),
            names: activity.pair.clone().map(|code| country_name(&code)),
            documents: activity.documents,
            events: activity.events,
            agreements: activity.agreements,
            latest: activity.latest.clone(),
            latest_kind,
        });
        for (rank, event) in dossier.timeline.iter().enumerate() {
            self.events.push(EventItem {
                id: event_id(&key, rank),
                pair: key.clone(),
                event: event.clone(),
            });
        }
        for (rank, agreement) in dossier.agreements.iter().enumerate() {
            self.agreements.push(AgreementItem {
                id: agreement_id(&key, rank),
                pair: key.clone(),
                agreement: agreement.clone(),
            });
        }
        for (rank, person) in dossier.people.iter().enumerate() {
            self.persons.push(PersonItem {
                id: person_id(&key, rank),
                pair: key.clone(),
                person: person.clone(),
            });
        }
        self.dossiers.insert(key, dossier);
    }

    /// The pair whose key is `key`.
    pub fn pair(&self, key: &str) -> Option<&PairSummary> {
        self.positions.pairs.get(key).map(|&at| &self.pairs[at])
    }

    /// The pairs that include `code`, the most active first.
    pub fn partners(&self, code: &str) -> Vec<&PairSummary> {
        self.pairs
            .iter()
            .filter(|pair| pair.pair.iter().any(|member| member == code))
            .collect()
    }

    pub fn country(&self, code: &str) -> Option<&CountrySummary> {
        self.positions
            .countries
            .get(code)
            .map(|&at| &self.countries[at])
    }

    pub fn event(&self, id: &str) -> Option<&EventItem> {
        self.positions.events.get(id).map(|&at| &self.events[at])
    }

    pub fn agreement(&self, id: &str) -> Option<&AgreementItem> {
        self.positions
            .agreements
            .get(id)
            .map(|&at| &self.agreements[at])
    }

    pub fn person(&self, id: &str) -> Option<&PersonItem> {
        self.positions.persons.get(id).map(|&at| &self.persons[at])
    }
}

/// The id of the event at `rank` (from 0) in a pair's timeline: `KAZ-TGO-e1`.
pub fn event_id(pair_key: &str, rank: usize) -> String {
    format!("{pair_key}-e{}", rank + 1)
}

/// The id of the agreement at `rank` in a pair's dossier: `KAZ-TGO-a1`.
pub fn agreement_id(pair_key: &str, rank: usize) -> String {
    format!("{pair_key}-a{}", rank + 1)
}

/// The id of the person at `rank` in a pair's dossier: `KAZ-TGO-p1`.
pub fn person_id(pair_key: &str, rank: usize) -> String {
    format!("{pair_key}-p{}", rank + 1)
}

/// A country's English name, or its code when the lexicon has none.
pub fn country_name(code: &str) -> String {
    country_name_en(code).unwrap_or(code).to_string()
}

/// The countries of the pairs, with their activity added up, by code.
fn countries(pairs: &[PairSummary]) -> Vec<CountrySummary> {
    let mut by_code: BTreeMap<&str, CountrySummary> = BTreeMap::new();
    for pair in pairs {
        for code in &pair.pair {
            let country = by_code.entry(code).or_insert_with(|| CountrySummary {
                code: code.clone(),
                name: country_name(code),
                partners: 0,
                documents: 0,
                events: 0,
                agreements: 0,
            });
            country.partners += 1;
            country.documents += pair.documents;
            country.events += pair.events;
            country.agreements += pair.agreements;
        }
    }
    by_code.into_values().collect()
}
