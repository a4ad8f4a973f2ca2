//! Flattening stored records into the export tables. One row per item of a
//! record, each with the document id; list fields are joined with `;` so
//! every cell is a scalar that CSV and Parquet hold alike. This is plain
//! Rust over the records: no IO and no store.

use std::collections::BTreeSet;

use entente_store::{StoredRecord, content_hash};

use crate::codes::event_codes;
use crate::schema::{AGREEMENTS, DOCUMENTS, EVENTS, MENTIONS, PERSONS, QUOTES};
use crate::stages::agreement_stages;
use crate::table::{Table, Value};

/// Every export table, in the order of [`crate::TABLES`].
pub fn tables(stored: &[StoredRecord]) -> Vec<Table> {
    let mut documents = Table::new(&DOCUMENTS);
    let mut mentions = Table::new(&MENTIONS);
    let mut events = Table::new(&EVENTS);
    let mut agreements = Table::new(&AGREEMENTS);
    let mut persons = Table::new(&PERSONS);
    let mut quotes = Table::new(&QUOTES);
    for document in stored {
        documents.push(document_row(document));
        let doc_id = || Value::from(document.doc_id.as_str());
        let record = &document.record;
        for (a, b) in mentioned_pairs(document) {
            mentions.push(vec![doc_id(), a.into(), b.into()]);
        }
        for (item, event) in record.events.iter().enumerate() {
            let codes = event_codes(event.kind, event.modality);
            let parties = sorted(&event.parties);
            let (a, b) = match parties.as_slice() {
                [a, b] => (Value::from(a.as_str()), Value::from(b.as_str())),
                _ => (Value::Null, Value::Null),
            };
            events.push(vec![
                doc_id(),
                Value::count(item),
                event.kind.as_str().into(),
                Value::list(&parties),
                a,
                b,
                Value::text(event.host.clone()),
                Value::text(event.date.clone()),
                Value::text(event.place.clone()),
                event.modality.as_str().into(),
                codes.cameo.into(),
                codes.plover_category.into(),
                Value::text(codes.plover_mode),
                Value::text(codes.plover_context),
                Value::list(&event.participants),
            ]);
        }
        for (item, agreement) in record.agreements.iter().enumerate() {
            agreements.push(vec![
                doc_id(),
                Value::count(item),
                agreement.topic.as_str().into(),
                agreement.instrument.as_str().into(),
                Value::list(&sorted(&agreement.parties)),
                agreement.status.as_str().into(),
                Value::text(agreement.date.clone()),
                Value::text(agreement.place.clone()),
                Value::list(&agreement.signatories),
            ]);
        }
        for (item, person) in record.persons.iter().enumerate() {
            persons.push(vec![
                doc_id(),
                Value::count(item),
                person.name.as_str().into(),
                Value::text(person.country.clone()),
                person.role.as_str().into(),
            ]);
        }
        for (item, quote) in record.quotes.iter().enumerate() {
            let speaker = record
                .persons
                .iter()
                .find(|person| person.name == quote.speaker);
            quotes.push(vec![
                doc_id(),
                Value::count(item),
                quote.speaker.as_str().into(),
                Value::text(speaker.and_then(|person| person.country.clone())),
                Value::text(speaker.map(|person| person.role.as_str())),
                quote.opening.as_str().into(),
            ]);
        }
    }
    vec![
        documents,
        mentions,
        events,
        agreements,
        agreement_stages(stored),
        persons,
        quotes,
    ]
}

fn document_row(document: &StoredRecord) -> Vec<Value> {
    let record = &document.record;
    let sectors: Vec<&str> = record
        .sectors
        .iter()
        .map(|sector| sector.as_str())
        .collect();
    vec![
        document.doc_id.as_str().into(),
        document.source.as_str().into(),
        Value::Int(document.version),
        Value::text(document.published.clone()),
        record.lang.as_str().into(),
        Value::text(document.title.clone()),
        content_hash(&document.text, document.published.as_deref()).into(),
        Value::count(document.text.len()),
        Value::list(&sorted(&record.countries)),
        Value::list(&sorted(&sectors)),
    ]
}

/// Every sorted pair of distinct countries the record names together, in
/// `countries` or among the parties of one item; the store's mentions.
fn mentioned_pairs(document: &StoredRecord) -> BTreeSet<(String, String)> {
    let record = &document.record;
    let lists = std::iter::once(&record.countries)
        .chain(record.events.iter().map(|event| &event.parties))
        .chain(record.agreements.iter().map(|agreement| &agreement.parties));
    let mut pairs = BTreeSet::new();
    for list in lists {
        let distinct = sorted(list);
        for (index, a) in distinct.iter().enumerate() {
            for b in &distinct[index + 1..] {
                pairs.insert((a.clone(), b.clone()));
            }
        }
    }
    pairs
}

/// The distinct items of a list, sorted.
fn sorted<S: AsRef<str>>(items: &[S]) -> Vec<String> {
    let distinct: BTreeSet<&str> = items.iter().map(AsRef::as_ref).collect();
    distinct.into_iter().map(str::to_string).collect()
}
