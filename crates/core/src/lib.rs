//! entente-core turns the text of one news article into a document record:
//! the countries, persons, diplomatic events, agreements, sectors and quotes it
//! reports. The crate is pure and deterministic: it does no IO, never reads the
//! clock (the publication date is the only time anchor) and cannot fail; what
//! goes wrong on an input becomes a [`Diagnostic`] beside the record.

pub mod extract;
pub mod lexicon;
pub mod merge;
pub mod model;
pub mod text;
pub mod time;

pub use extract::{Diagnostic, Document, extract};
pub use model::Record;
