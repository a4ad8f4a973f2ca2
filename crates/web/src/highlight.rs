//! Cutting a text into plain and highlighted segments, so a template can put
//! the highlighted ones in `<mark>` while askama escapes every segment: the
//! evidence sentences of a document's record, and the matches that a search
//! snippet writes in `[brackets]`.

use entente_core::Record;
use entente_core::model::Span;

/// A piece of text, highlighted or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

/// The text of a document cut around the evidence spans of its record;
/// overlapping spans are joined and spans that do not fall on character
/// boundaries are dropped.
pub fn evidence_segments(text: &str, record: &Record) -> Vec<Segment> {
    let mut spans: Vec<Span> = record
        .persons
        .iter()
        .flat_map(|person| &person.evidence)
        .chain(record.events.iter().flat_map(|event| &event.evidence))
        .chain(
            record
                .agreements
                .iter()
                .flat_map(|agreement| &agreement.evidence),
        )
        .chain(record.quotes.iter().flat_map(|quote| &quote.evidence))
        .copied()
        .filter(|span| span.start < span.end && text.get(span.start..span.end).is_some())
        .collect();
    spans.sort();
    let mut joined: Vec<Span> = Vec::new();
    for span in spans {
        match joined.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => joined.push(span),
        }
    }
    let mut segments = Vec::new();
    let mut at = 0;
    for span in joined {
        push(&mut segments, &text[at..span.start], false);
        push(&mut segments, &text[span.start..span.end], true);
        at = span.end;
    }
    push(&mut segments, &text[at..], false);
    segments
}

/// A search snippet cut at its `[bracketed]` matches.
pub fn bracket_segments(snippet: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut rest = snippet;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        push(&mut segments, &rest[..open], false);
        push(&mut segments, &rest[open + 1..open + close], true);
        rest = &rest[open + close + 1..];
    }
    push(&mut segments, rest, false);
    segments
}

fn push(segments: &mut Vec<Segment>, text: &str, marked: bool) {
    if !text.is_empty() {
        segments.push(Segment {
            text: text.to_string(),
            marked,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_their_bracketed_words() {
        let segments = bracket_segments("Le [Togo] et le [Kazakhstan].");
        let marked: Vec<&str> = segments
            .iter()
            .filter(|segment| segment.marked)
            .map(|segment| segment.text.as_str())
            .collect();
        assert_eq!(marked, ["Togo", "Kazakhstan"]);
        assert_eq!(segments.last().unwrap().text, ".");
    }

    #[test]
    fn overlapping_evidence_is_one_mark() {
        let text = "One. Two three. Four.";
        let mut record: Record = serde_json::from_str(
            r#"{"id":"x","lang":"en","published":null,"countries":[],"persons":[],
                "events":[],"agreements":[],"sectors":[],"quotes":[]}"#,
        )
        .unwrap();
        record.quotes.push(entente_core::model::Quote {
            speaker: "A".into(),
            opening: "Two".into(),
            evidence: vec![Span { start: 5, end: 15 }, Span { start: 9, end: 15 }],
        });
        let segments = evidence_segments(text, &record);
        assert_eq!(segments.len(), 3);
        assert_eq!(segments[1].text, "Two three.");
        assert!(segments[1].marked);
    }
}
