//! Text utilities shared by the extraction stages: the language of an
//! article, accent- and case-free keys with a map back to source offsets,
//! and sentence boundaries.

mod lang;

pub use lang::{Lang, detect_lang};
