//! Greedy clustering of mentions into happenings or agreements, and the
//! settling of a cluster's values. Mentions are visited in an order computed
//! from their content alone, so the result does not depend on the order of
//! the input. A mention joins the one cluster whose every member it is
//! compatible with; when several clusters qualify it joins the only one it
//! has an affinity with (shared participants or signatories), and otherwise
//! starts its own rather than guess. A value the members disagree on is
//! settled by the most sources, and the disagreement is kept as a
//! contradiction.

use std::collections::{BTreeMap, BTreeSet};

use super::{Citation, Contradiction, DisputedValue, finish_citations};

/// Groups `mentions`, which the caller has sorted by a total, content-based
/// key, into clusters of indices, ascending inside each cluster.
///
/// A mention compatible with two mentions that cannot be together (two
/// meetings of one article, a visit in March and one in November) is
/// ambiguous. Ambiguous mentions are placed after all others: each joins
/// the one compatible cluster it has an affinity with, else the one
/// compatible cluster made only of ambiguous mentions, else stands alone.
pub(crate) fn cluster<M>(
    mentions: &[M],
    compatible: impl Fn(&M, &M) -> bool,
    affinity: impl Fn(&M, &M) -> bool,
) -> Vec<Vec<usize>> {
    let ambiguous: Vec<bool> = (0..mentions.len())
        .map(|index| {
            let neighbours: Vec<usize> = (0..mentions.len())
                .filter(|&other| other != index && compatible(&mentions[index], &mentions[other]))
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
        let close = |members: &Vec<usize>| members.iter().any(|&m| affinity(mention, &mentions[m]));
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
    use super::*;

    #[test]
    fn joins_the_only_compatible_cluster_and_leaves_ambiguous_mentions_to_affinity() {
        // Numbers are compatible when within two of each other; 3 is
        // compatible with both 1 and 5, which are not, and has no affinity
        // to decide; 2 is compatible with 1 and 3 only, which are.
        let mentions = [1, 3, 5, 2];
        let near = |a: &i32, b: &i32| (a - b).abs() <= 2;
        let clusters = cluster(&mentions, near, |_, _| false);
        assert_eq!(clusters, vec![vec![0, 3], vec![2], vec![1]]);
        let clusters = cluster(&mentions, near, |a, b| a + b == 8);
        assert_eq!(clusters, vec![vec![0, 3], vec![1, 2]]);
    }
}
