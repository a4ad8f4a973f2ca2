//! Text utilities shared by the extraction stages: the language of an
//! article, accent- and case-free keys with a map back to source offsets,
//! and sentence boundaries.

mod fold;
mod lang;
mod phrases;
mod sentences;

pub use fold::{Folded, fold};
pub use lang::{Lang, detect_lang};
pub use phrases::PhraseSet;
pub use sentences::{Sentence, split_sentences};
