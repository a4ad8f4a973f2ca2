//! The `agreement_stages` table: the lifecycle of each agreement as the
//! merge sees it across documents. For every pair of countries that some
//! document reports an event or agreement between, the records naming both
//! are merged into that pair's dossier by [`entente_core::merge`], the same
//! merge `entente dossier` prints, and each stage of each merged agreement
//! becomes one row per document that reports it.

use entente_core::merge::{SourcedRecord, build_dossier, pairs};
use entente_store::StoredRecord;

use crate::schema::AGREEMENT_STAGES;
use crate::table::{Table, Value};

/// The agreement stages of every pair in `stored`.
pub fn agreement_stages(stored: &[StoredRecord]) -> Table {
    let sources: Vec<SourcedRecord> = stored.iter().cloned().map(SourcedRecord::from).collect();
    let mut table = Table::new(&AGREEMENT_STAGES);
    for [a, b] in pairs(&sources) {
        let about: Vec<SourcedRecord> = sources
            .iter()
            .filter(|source| names_both(source, &a, &b))
            .cloned()
            .collect();
        let dossier = build_dossier([a.as_str(), b.as_str()], &about);
        for (rank, agreement) in dossier.agreements.iter().enumerate() {
            let agreement_id = format!("{a}-{b}-{}", rank + 1);
            for stage in &agreement.stages {
                for doc_id in &stage.doc_ids {
                    table.push(vec![
                        agreement_id.as_str().into(),
                        a.as_str().into(),
                        b.as_str().into(),
                        agreement.topic.as_str().into(),
                        agreement.instrument.as_str().into(),
                        agreement.status.as_str().into(),
                        stage.status.as_str().into(),
                        Value::text(stage.date.clone()),
                        Value::text(stage.reported.clone()),
                        Value::text(stage.place.clone()),
                        doc_id.as_str().into(),
                    ]);
                }
            }
        }
    }
    table
}

/// Whether a record names both countries, as the store's pair query reads it.
fn names_both(source: &SourcedRecord, a: &str, b: &str) -> bool {
    let record = &source.record;
    std::iter::once(&record.countries)
        .chain(record.events.iter().map(|event| &event.parties))
        .chain(record.agreements.iter().map(|agreement| &agreement.parties))
        .any(|list| list.iter().any(|code| code == a) && list.iter().any(|code| code == b))
}
