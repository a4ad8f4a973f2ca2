//! Greedy clustering of mentions into happenings or agreements, and the
//! settling of a cluster's values. Mentions are visited in an order computed
//! from their content alone, so the result does not depend on the order of
//! the input. A mention joins the one cluster whose every member it is
//! compatible with; when several clusters qualify it joins the only one it
//! has an affinity with (shared participants or signatories), and otherwise
//! starts its own rather than guess. A value the members disagree on is
//! settled by the most sources, and the disagreement is kept as a
//! contradiction.
//!
//! Two mentions are compatible when they come from different documents and
//! their keys (what compatibility reads of a mention besides its document)
//! are. Mentions with equal keys are compatible with the same mentions, so
//! the keys are compared once per pair of distinct keys, and only within a
//! block (a type of happening, a topic of agreement) and a window of days;
//! a cluster is then summed up by its documents, its distinct keys and its
//! names, which answer for its members as a whole.

use std::collections::{BTreeMap, BTreeSet};

use super::{Citation, Contradiction, DisputedValue, finish_citations};

/// What compatibility reads of a mention besides its document.
pub(crate) trait Key: Ord {
    type Block: Ord;

    /// Keys of different blocks are never compatible.
    fn block(&self) -> Self::Block;

    /// A span of day numbers, first and last; compatible keys have
    /// overlapping spans.
    fn span(&self) -> (i64, i64);

    /// Whether mentions with these keys, from different documents, can be
    /// together. It must be symmetric.
    fn compatible(&self, other: &Self) -> bool;
}

/// One mention to cluster: its document, its key, and its names (persons
/// taking part, signatories) as ids that `name_matches` compares.
#[derive(Debug, Clone)]
pub(crate) struct Item<K> {
    pub doc: usize,
    pub key: K,
    pub names: Vec<u32>,
}

/// Groups `items`, which the caller has sorted by a total, content-based
/// key, into clusters of indices, ascending inside each cluster. Two items
/// are compatible when their documents differ and their keys are
/// compatible; an item has an affinity with another when one of its names
/// matches one of the other's (`name_matches(its, other's)`).
///
/// An item compatible with two items that cannot be together (two meetings
/// of one article, a visit in March and one in November) is ambiguous.
/// Ambiguous items are placed after all others: each joins the one
/// compatible cluster it has an affinity with, else the one compatible
/// cluster made only of ambiguous items, else stands alone.
pub(crate) fn cluster<K: Key>(
    items: &[Item<K>],
    name_matches: impl Fn(u32, u32) -> bool,
) -> Vec<Vec<usize>> {
    let profiles = Profiles::new(items);
    let quiet = quiet_documents(items, &profiles);
    let ambiguous: Vec<bool> = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            quiet[profiles.of[index]]
                .as_ref()
                .is_some_and(|docs| !docs.contains(&item.doc))
        })
        .collect();
    let order = (0..items.len())
        .filter(|&index| !ambiguous[index])
        .chain((0..items.len()).filter(|&index| ambiguous[index]));

    let mut groups: Vec<Group> = Vec::new();
    // The clusters by the profile of the item that started them, and the
    // clusters holding an item of each document.
    let mut founded: Vec<Vec<usize>> = vec![Vec::new(); profiles.len()];
    let documents = items.iter().map(|item| item.doc + 1).max().unwrap_or(0);
    let mut groups_of_doc: Vec<Vec<usize>> = vec![Vec::new(); documents];
    for index in order {
        let item = &items[index];
        let profile = profiles.of[index];
        // A cluster qualifies when it holds nothing of the item's document
        // and each of its profiles is compatible with the item's, the
        // profile that started it first: only the clusters started by a
        // compatible profile need a look. `only` tells the one qualifying
        // cluster that `keep` keeps, if there is exactly one, testing the
        // cheap `keep` first and stopping at the second.
        let qualifies = |group: usize| {
            !groups_of_doc[item.doc].contains(&group)
                && groups[group]
                    .profiles
                    .iter()
                    .all(|&other| profiles.compatible(profile, other))
        };
        let only = |keep: &dyn Fn(&Group) -> bool| -> Option<usize> {
            let mut kept = profiles
                .compatible_with(profile)
                .flat_map(|founder| founded[founder].iter().copied())
                .filter(|&group| keep(&groups[group]) && qualifies(group));
            match (kept.next(), kept.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        };
        let close = |group: &Group| {
            item.names
                .iter()
                .any(|&name| group.names.iter().any(|&other| name_matches(name, other)))
        };
        let chosen = if ambiguous[index] {
            only(&close).or_else(|| only(&|group: &Group| group.ambiguous_only))
        } else {
            only(&|_: &Group| true).or_else(|| only(&close))
        };
        let group = chosen.unwrap_or_else(|| {
            groups.push(Group {
                members: Vec::new(),
                profiles: Vec::new(),
                names: Vec::new(),
                ambiguous_only: true,
            });
            founded[profile].push(groups.len() - 1);
            groups.len() - 1
        });
        let joined = &mut groups[group];
        joined.members.push(index);
        if !joined.profiles.contains(&profile) {
            joined.profiles.push(profile);
        }
        for &name in &item.names {
            if !joined.names.contains(&name) {
                joined.names.push(name);
            }
        }
        joined.ambiguous_only &= ambiguous[index];
        groups_of_doc[item.doc].push(group);
    }
    groups
        .into_iter()
        .map(|group| {
            let mut members = group.members;
            members.sort_unstable();
            members
        })
        .collect()
}

/// A cluster under construction, summed up for the joining test.
struct Group {
    members: Vec<usize>,
    /// The distinct profiles of the members.
    profiles: Vec<usize>,
    /// The distinct names of the members.
    names: Vec<u32>,
    /// Whether every member is ambiguous.
    ambiguous_only: bool,
}

/// The distinct keys of the items (profiles), numbered block by block and,
/// inside a block, by the start of their span, with the compatibility of
/// every two profiles of a block as rows of bits.
struct Profiles {
    /// The profile of each item.
    of: Vec<usize>,
    /// For each profile, the first profile of its block.
    base: Vec<usize>,
    /// For each profile, the start of its row in `bits`; a row has a bit per
    /// profile of the block.
    row_at: Vec<usize>,
    /// For each profile, the length of its row in words.
    words: Vec<usize>,
    bits: Vec<u64>,
}

impl Profiles {
    fn new<K: Key>(items: &[Item<K>]) -> Profiles {
        let spans: Vec<(i64, i64)> = items.iter().map(|item| item.key.span()).collect();
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| {
            (items[a].key.block(), spans[a].0, &items[a].key).cmp(&(
                items[b].key.block(),
                spans[b].0,
                &items[b].key,
            ))
        });
        let mut of = vec![0; items.len()];
        // The first item of each profile.
        let mut first: Vec<usize> = Vec::new();
        for (position, &index) in order.iter().enumerate() {
            if position == 0 || items[order[position - 1]].key != items[index].key {
                first.push(index);
            }
            of[index] = first.len() - 1;
        }
        let count = first.len();
        let mut profiles = Profiles {
            of,
            base: vec![0; count],
            row_at: vec![0; count],
            words: vec![0; count],
            bits: Vec::new(),
        };
        let key = |profile: usize| &items[first[profile]].key;
        let mut start = 0;
        while start < count {
            let block = key(start).block();
            let end = (start + 1..count)
                .find(|&profile| key(profile).block() != block)
                .unwrap_or(count);
            let words = (end - start).div_ceil(64);
            for profile in start..end {
                profiles.base[profile] = start;
                profiles.words[profile] = words;
                profiles.row_at[profile] = profiles.bits.len();
                profiles.bits.resize(profiles.bits.len() + words, 0);
            }
            // Profiles are in the order their spans start, so the profiles
            // whose span starts after the end of a profile's span are all
            // incompatible with it.
            for a in start..end {
                let reach = spans[first[a]].1;
                for b in a..end {
                    if spans[first[b]].0 > reach {
                        break;
                    }
                    let compatible = key(a).compatible(key(b));
                    debug_assert_eq!(compatible, key(b).compatible(key(a)), "asymmetric");
                    if compatible {
                        profiles.set(a, b);
                        profiles.set(b, a);
                    }
                }
            }
            start = end;
        }
        profiles
    }

    fn len(&self) -> usize {
        self.base.len()
    }

    fn set(&mut self, a: usize, b: usize) {
        let bit = b - self.base[a];
        self.bits[self.row_at[a] + bit / 64] |= 1 << (bit % 64);
    }

    fn row(&self, profile: usize) -> &[u64] {
        &self.bits[self.row_at[profile]..self.row_at[profile] + self.words[profile]]
    }

    /// Whether mentions of the two profiles, from different documents, are
    /// compatible.
    fn compatible(&self, a: usize, b: usize) -> bool {
        self.base[a] == self.base[b] && {
            let bit = b - self.base[a];
            self.row(a)[bit / 64] & (1 << (bit % 64)) != 0
        }
    }

    /// The profiles compatible with `profile`, in ascending order.
    fn compatible_with(&self, profile: usize) -> impl Iterator<Item = usize> + '_ {
        bit_indices(self.row(profile).iter().copied(), self.base[profile])
    }
}

/// The indices of the bits set in `words`, plus `base`.
fn bit_indices(words: impl Iterator<Item = u64>, base: usize) -> impl Iterator<Item = usize> {
    words.enumerate().flat_map(move |(at, mut word)| {
        std::iter::from_fn(move || {
            (word != 0).then(|| {
                let bit = word.trailing_zeros() as usize;
                word &= word - 1;
                base + at * 64 + bit
            })
        })
    })
}

/// For each profile, the documents whose items of that profile are not
/// ambiguous; `None` stands for every document.
///
/// The neighbours of an item of profile `p` and document `d` are the items
/// of the profiles compatible with `p` (the set `Q`) outside `d`. The item
/// is ambiguous when two neighbours are not compatible, that is when one of
/// these witnesses survives the removal of `d`'s items:
///
/// 1. a document `D` with two items of `Q`; it survives unless `D = d`;
/// 2. profiles `q ≠ r` of `Q` that are not compatible; they survive unless
///    all items of `q`, or all items of `r`, are in `d`;
/// 3. a profile `q` of `Q` not compatible with itself and given by two
///    items; it survives unless fewer than two of them lie outside `d`.
///
/// Each witness is thus killed by at most two documents, and the items of
/// `p` that are not ambiguous are those of the documents killing every
/// witness of `p`.
fn quiet_documents<K>(items: &[Item<K>], profiles: &Profiles) -> Vec<Option<Vec<usize>>> {
    let count = profiles.len();
    // The documents of each profile's items, with how many each.
    let mut by_profile: Vec<usize> = (0..items.len()).collect();
    by_profile.sort_unstable_by_key(|&index| (profiles.of[index], items[index].doc));
    let mut docs_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); count];
    for &index in &by_profile {
        let doc = items[index].doc;
        let docs = &mut docs_of[profiles.of[index]];
        match docs.last_mut() {
            Some((last, times)) if *last == doc => *times += 1,
            _ => docs.push((doc, 1)),
        }
    }
    // The document holding all items of a profile, if one does (witness 2).
    let sole: Vec<Option<usize>> = docs_of
        .iter()
        .map(|docs| match docs.as_slice() {
            [(doc, _)] => Some(*doc),
            _ => None,
        })
        .collect();
    // For a profile not compatible with itself and given twice, the
    // documents leaving fewer than two of its items (witness 3).
    let lone: Vec<Option<Vec<usize>>> = (0..count)
        .map(|profile| {
            let total: usize = docs_of[profile].iter().map(|(_, times)| times).sum();
            (total >= 2 && !profiles.compatible(profile, profile)).then(|| {
                docs_of[profile]
                    .iter()
                    .filter(|(_, times)| total - times < 2)
                    .map(|(doc, _)| *doc)
                    .collect()
            })
        })
        .collect();
    // Witness 1: for each profile, up to two documents with two items of
    // profiles compatible with it (two are enough to kill every item).
    let mut shared: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut by_doc: Vec<usize> = (0..items.len()).collect();
    by_doc.sort_unstable_by_key(|&index| (profiles.base[profiles.of[index]], items[index].doc));
    for run in by_doc.chunk_by(|&a, &b| {
        profiles.base[profiles.of[a]] == profiles.base[profiles.of[b]]
            && items[a].doc == items[b].doc
    }) {
        for (at, &a) in run.iter().enumerate() {
            for &b in &run[at + 1..] {
                let (pa, pb) = (profiles.of[a], profiles.of[b]);
                let both = profiles
                    .row(pa)
                    .iter()
                    .zip(profiles.row(pb))
                    .map(|(x, y)| x & y);
                for profile in bit_indices(both, profiles.base[pa]) {
                    let docs = &mut shared[profile];
                    if docs.len() < 2 && !docs.contains(&items[a].doc) {
                        docs.push(items[a].doc);
                    }
                }
            }
        }
    }

    (0..count)
        .map(|profile| {
            let mut quiet = Quiet::Every;
            for &doc in &shared[profile] {
                quiet.keep(&[doc]);
            }
            let row = profiles.row(profile);
            for q in profiles.compatible_with(profile) {
                if quiet.is_empty() {
                    break;
                }
                if let Some(docs) = &lone[q] {
                    quiet.keep(docs);
                }
                let apart = row.iter().zip(profiles.row(q)).map(|(x, y)| x & !y);
                for r in bit_indices(apart, profiles.base[profile]).filter(|&r| r > q) {
                    let killers: Vec<usize> = sole[q].into_iter().chain(sole[r]).collect();
                    quiet.keep(&killers);
                    if quiet.is_empty() {
                        break;
                    }
                }
            }
            match quiet {
                Quiet::Every => None,
                Quiet::Only(docs) => Some(docs),
            }
        })
        .collect()
}

/// The documents killing every witness seen so far.
enum Quiet {
    Every,
    Only(Vec<usize>),
}

impl Quiet {
    /// Keeps only the documents among `docs`, those killing one more witness.
    fn keep(&mut self, docs: &[usize]) {
        match self {
            Quiet::Every => *self = Quiet::Only(docs.to_vec()),
            Quiet::Only(kept) => kept.retain(|doc| docs.contains(doc)),
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, Quiet::Only(docs) if docs.is_empty())
    }
}

/// Picks the value most documents give among `values` (each with the
/// citations of the mentions giving it), preferring the least by `tie` among
/// equals. When two values are not `same`, the disagreement is recorded under
/// `subject` and `field` with every value and its citations.
pub(crate) fn settle(
    subject: &str,
    field: &str,
    values: BTreeMap<String, Vec<Citation>>,
    same: impl Fn(&str, &str) -> bool,
    tie: impl Fn(&str, &str) -> std::cmp::Ordering,
    contradictions: &mut Vec<Contradiction>,
) -> Option<String> {
    let documents = |citations: &Vec<Citation>| {
        citations
            .iter()
            .map(|citation| &citation.doc_id)
            .collect::<BTreeSet<_>>()
            .len()
    };
    let chosen = values
        .iter()
        .min_by(|a, b| {
            documents(b.1)
                .cmp(&documents(a.1))
                .then_with(|| tie(a.0, b.0))
        })
        .map(|(value, _)| value.clone());
    let conflict = values.keys().any(|a| values.keys().any(|b| !same(a, b)));
    if conflict {
        contradictions.push(Contradiction {
            subject: subject.to_string(),
            field: field.to_string(),
            values: values
                .into_iter()
                .map(|(value, citations)| DisputedValue {
                    value,
                    citations: finish_citations(citations),
                })
                .collect(),
        });
    }
    chosen
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A test key: a block, a span of days and a tag; keys are compatible
    /// in the same block with overlapping spans when each tag is among the
    /// other's friends.
    #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
    struct TestKey {
        block: u8,
        start: i64,
        end: i64,
        tag: u8,
        friends: u8,
    }

    impl Key for TestKey {
        type Block = u8;

        fn block(&self) -> u8 {
            self.block
        }

        fn span(&self) -> (i64, i64) {
            (self.start, self.end)
        }

        fn compatible(&self, other: &Self) -> bool {
            self.block == other.block
                && self.start <= other.end
                && other.start <= self.end
                && self.friends & (1 << other.tag) != 0
                && other.friends & (1 << self.tag) != 0
        }
    }

    /// The clustering as first written: every item's neighbours compared
    /// pairwise, every member of every cluster tested. The fast one must
    /// give the same clusters in the same order.
    fn reference<M>(
        mentions: &[M],
        compatible: impl Fn(&M, &M) -> bool,
        affinity: impl Fn(&M, &M) -> bool,
    ) -> Vec<Vec<usize>> {
        let ambiguous: Vec<bool> = (0..mentions.len())
            .map(|index| {
                let neighbours: Vec<usize> = (0..mentions.len())
                    .filter(|&other| {
                        other != index && compatible(&mentions[index], &mentions[other])
                    })
                    .collect();
                neighbours.iter().any(|&x| {
                    neighbours
                        .iter()
                        .any(|&y| x < y && !compatible(&mentions[x], &mentions[y]))
                })
            })
            .collect();
        let order = (0..mentions.len())
            .filter(|&index| !ambiguous[index])
            .chain((0..mentions.len()).filter(|&index| ambiguous[index]));
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        for index in order {
            let mention = &mentions[index];
            let candidates: Vec<usize> = (0..clusters.len())
                .filter(|&position| {
                    clusters[position]
                        .iter()
                        .all(|&member| compatible(mention, &mentions[member]))
                })
                .collect();
            let only = |keep: &dyn Fn(&Vec<usize>) -> bool| -> Option<usize> {
                let kept: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&position| keep(&clusters[position]))
                    .collect();
                match kept.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                }
            };
            let close =
                |members: &Vec<usize>| members.iter().any(|&m| affinity(mention, &mentions[m]));
            let chosen = if ambiguous[index] {
                only(&close)
                    .or_else(|| only(&|members: &Vec<usize>| members.iter().all(|&m| ambiguous[m])))
            } else {
                only(&|_: &Vec<usize>| true).or_else(|| only(&close))
            };
            match chosen {
                Some(position) => clusters[position].push(index),
                None => clusters.push(vec![index]),
            }
        }
        for members in &mut clusters {
            members.sort_unstable();
        }
        clusters
    }

    /// Both clusterings of `items`, names matching by the bits of `matches`
    /// (bit `4 * a + b` for name `a` against name `b`).
    fn both(items: &[Item<TestKey>], matches: u16) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
        let name_matches = |a: u32, b: u32| matches & (1 << (4 * a + b)) != 0;
        let fast = cluster(items, name_matches);
        let slow = reference(
            items,
            |a, b| a.doc != b.doc && a.key.compatible(&b.key),
            |a, b| {
                a.names
                    .iter()
                    .any(|&x| b.names.iter().any(|&y| name_matches(x, y)))
            },
        );
        (fast, slow)
    }

    fn item(doc: usize, start: i64, end: i64, tag: u8, friends: u8) -> Item<TestKey> {
        Item {
            doc,
            key: TestKey {
                block: 0,
                start,
                end,
                tag,
                friends,
            },
            names: Vec::new(),
        }
    }

    #[test]
    fn joins_the_only_compatible_cluster_and_leaves_ambiguous_mentions_to_affinity() {
        // Days are compatible when within two of each other; 3 is
        // compatible with both 1 and 5, which are not, and has no affinity
        // to decide; 2 is compatible with 1 and 3 only, which are.
        let near = |doc, day: i64| item(doc, day - 1, day + 1, 0, 1);
        let mut items = vec![near(0, 1), near(1, 3), near(2, 5), near(3, 2)];
        let (fast, slow) = both(&items, 0);
        assert_eq!(fast, vec![vec![0, 3], vec![2], vec![1]]);
        assert_eq!(fast, slow);
        // Names 1 and 2 match: 3 goes with 5.
        items[1].names = vec![1];
        items[2].names = vec![2];
        let (fast, slow) = both(&items, 1 << 6);
        assert_eq!(fast, vec![vec![0, 3], vec![1, 2]]);
        assert_eq!(fast, slow);
    }

    #[test]
    fn mentions_of_one_document_never_share_a_cluster() {
        // The third is compatible with the first two, which are of one
        // document: it is ambiguous and, without affinity, stands alone.
        let items = [
            item(0, 1, 1, 0, 1),
            item(0, 1, 1, 0, 1),
            item(1, 1, 1, 0, 1),
        ];
        let (fast, slow) = both(&items, 0);
        assert_eq!(fast, vec![vec![0], vec![1], vec![2]]);
        assert_eq!(fast, slow);
    }

    fn items() -> impl Strategy<Value = Vec<Item<TestKey>>> {
        let one = (0..6usize, 0..2u8, 0..6i64, 0..3i64, 0..3u8, 0..8u8)
            .prop_flat_map(|(doc, block, start, length, tag, friends)| {
                (
                    Just(Item {
                        doc,
                        key: TestKey {
                            block,
                            start,
                            end: start + length,
                            tag,
                            friends,
                        },
                        names: Vec::new(),
                    }),
                    proptest::collection::vec(0..4u32, 0..3),
                )
            })
            .prop_map(|(mut item, names)| {
                item.names = names;
                item
            });
        proptest::collection::vec(one, 0..30)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn the_fast_clustering_is_the_reference_clustering(
            items in items(),
            matches in any::<u16>(),
            copies in 1..4usize,
        ) {
            // Copies of the items in new documents, as a store of repeated
            // articles holds them.
            let mut all: Vec<Item<TestKey>> = Vec::new();
            for copy in 0..copies {
                all.extend(items.iter().map(|item| Item {
                    doc: item.doc + 6 * copy,
                    key: item.key.clone(),
                    names: item.names.clone(),
                }));
            }
            all.sort_by(|a, b| (&a.key, a.doc, &a.names).cmp(&(&b.key, b.doc, &b.names)));
            let (fast, slow) = both(&all, matches);
            prop_assert_eq!(fast, slow);
        }
    }
}
