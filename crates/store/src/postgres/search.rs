//! Full-text search without extensions: text is folded in Rust (lower case,
//! accents removed, every other character a space) before PostgreSQL's
//! `simple` configuration turns it into a `tsvector`, and the user's words
//! are folded the same way into a `tsquery` of required lexemes (a word
//! ending in `*` is a prefix). Highlights and snippets are cut from the
//! original text by folding its words again, so they keep its accents.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// How many words a snippet shows at most.
const SNIPPET_WORDS: usize = 24;

/// One lexeme of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub prefix: bool,
}

impl Token {
    fn matches(&self, folded_word: &str) -> bool {
        if self.prefix {
            folded_word.starts_with(&self.text)
        } else {
            folded_word == self.text
        }
    }
}

/// The text as the search index sees it: folded words separated by spaces.
pub fn fold_text(text: &str) -> String {
    text.nfd()
        .filter(|character| !is_combining_mark(*character))
        .flat_map(|character| {
            let keep = character.is_alphanumeric();
            let lower: Vec<char> = if keep {
                character.to_lowercase().collect()
            } else {
                vec![' ']
            };
            lower
        })
        .collect()
}

/// The lexemes of a query; `None` when it has no letter or digit.
pub fn query_tokens(query: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    for word in query.split_whitespace() {
        let (word, prefix) = match word.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (word, false),
        };
        let folded = fold_text(word);
        let parts: Vec<&str> = folded.split_whitespace().collect();
        for (index, part) in parts.iter().enumerate() {
            tokens.push(Token {
                text: (*part).to_string(),
                prefix: prefix && index + 1 == parts.len(),
            });
        }
    }
    (!tokens.is_empty()).then_some(tokens)
}

/// The `to_tsquery('simple', ...)` text of the tokens: all required. Tokens
/// hold only letters and digits, so quoting them is enough.
pub fn tsquery(tokens: &[Token]) -> String {
    let lexemes: Vec<String> = tokens
        .iter()
        .map(|token| {
            let suffix = if token.prefix { ":*" } else { "" };
            format!("'{}'{suffix}", token.text)
        })
        .collect();
    lexemes.join(" & ")
}

/// The byte ranges of the words of `text`: runs of letters, digits and
/// combining marks.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (index, character) in text.char_indices() {
        let in_word = character.is_alphanumeric() || is_combining_mark(character);
        match (in_word, start) {
            (true, None) => start = Some(index),
            (false, Some(begin)) => {
                words.push((begin, index));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        words.push((begin, text.len()));
    }
    words
}

fn is_match(text: &str, word: (usize, usize), tokens: &[Token]) -> bool {
    let folded = fold_text(&text[word.0..word.1]);
    tokens.iter().any(|token| token.matches(&folded))
}

/// `text[from..to]` with every matching word in `[brackets]`.
fn bracket(
    text: &str,
    words: &[(usize, usize)],
    from: usize,
    to: usize,
    tokens: &[Token],
) -> String {
    let mut out = String::new();
    let mut at = from;
    for &word in words {
        if word.0 < from || word.1 > to || !is_match(text, word, tokens) {
            continue;
        }
        out.push_str(&text[at..word.0]);
        out.push('[');
        out.push_str(&text[word.0..word.1]);
        out.push(']');
        at = word.1;
    }
    out.push_str(&text[at..to]);
    out
}

/// The whole text with matching words in brackets.
pub fn highlight(text: &str, tokens: &[Token]) -> String {
    bracket(text, &words(text), 0, text.len(), tokens)
}

/// A passage of up to [`SNIPPET_WORDS`] words around the first match, with
/// matches in brackets and `…` where the text goes on.
pub fn snippet(text: &str, tokens: &[Token]) -> String {
    let words = words(text);
    let Some(first) = words.iter().position(|&word| is_match(text, word, tokens)) else {
        let end = words
            .get(SNIPPET_WORDS - 1)
            .map_or(text.len(), |word| word.1);
        return text[..end].to_string();
    };
    let start = first.saturating_sub(SNIPPET_WORDS / 3);
    let end = (start + SNIPPET_WORDS).min(words.len());
    let mut passage = bracket(text, &words, words[start].0, words[end - 1].1, tokens);
    if start > 0 {
        passage.insert(0, '…');
    }
    if end < words.len() {
        passage.push('…');
    }
    passage
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_folded_into_plain_words() {
        assert_eq!(fold_text("Côte d'Ivoire"), "cote d ivoire");
        assert_eq!(fold_text("Lome\u{301}, ÉTÉ"), "lome  ete");
    }

    #[test]
    fn queries_become_required_lexemes() {
        let tokens = query_tokens("Côte d'Ivoire barr*").unwrap();
        assert_eq!(tsquery(&tokens), "'cote' & 'd' & 'ivoire' & 'barr':*");
        assert_eq!(query_tokens(" - * "), None);
    }

    #[test]
    fn matches_are_bracketed_in_the_original_text() {
        let tokens = query_tokens("cote barr*").unwrap();
        assert_eq!(
            highlight("La Côte et M. Barrot.", &tokens),
            "La [Côte] et M. [Barrot]."
        );
        let long = "un ".repeat(30) + "Barrot " + &"deux ".repeat(30);
        let passage = snippet(&long, &tokens);
        assert!(
            passage.starts_with('…') && passage.ends_with('…'),
            "{passage}"
        );
        assert!(passage.contains("[Barrot]"), "{passage}");
    }
}
