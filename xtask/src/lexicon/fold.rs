//! The key two forms are compared on when the generator removes duplicates:
//! lower case, without accents, with typographic apostrophes and hyphens
//! read as their ASCII forms. It mirrors `entente_core::text::fold` without
//! the offset map, so that the generator does not depend on the core crate.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The comparison key of a form.
pub fn key(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for c in form.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{02BC}' | '\u{2018}' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase().filter(|c| !is_combining_mark(*c))),
        }
    }
    out.trim().replace('-', " ")
}
