//! The schema.org object that a news page embeds in its
//! `<script type="application/ld+json">` blocks: the first `NewsArticle` (or
//! another article type) found in the blocks, their arrays and their
//! `@graph`s, and the text of its fields, which schema.org allows as strings,
//! objects or lists of either.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use serde_json::{Map, Value};

/// The `@type`s of schema.org objects that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNews",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

static JSON_LD: LazyLock<Selector> = LazyLock::new(|| {
    // A constant selector, checked by the tests of this module.
    Selector::parse(r#"script[type="application/ld+json"]"#)
        .expect("a selector of this module is valid CSS")
});

/// The first schema.org article object in the page's JSON-LD blocks, looking
/// inside arrays and `@graph`s. A block that is not valid JSON is skipped.
pub(super) fn article(page: &Html) -> Option<Map<String, Value>> {
    let mut candidates = Vec::new();
    for script in page.select(&JSON_LD) {
        let source: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(source.trim()) {
            collect_objects(value, &mut candidates);
        }
    }
    let is_article = |object: &Map<String, Value>| {
        let types = match object.get("@type") {
            Some(Value::String(kind)) => vec![kind.as_str()],
            Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        types.iter().any(|kind| ARTICLE_TYPES.contains(kind))
    };
    let position = candidates.iter().position(is_article).or_else(|| {
        candidates
            .iter()
            .position(|object| object.contains_key("headline"))
    })?;
    Some(candidates.swap_remove(position))
}

fn collect_objects(value: Value, objects: &mut Vec<Map<String, Value>>) {
    match value {
        Value::Array(values) => {
            for value in values {
                collect_objects(value, objects);
            }
        }
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph") {
                collect_objects(graph, objects);
            }
            objects.push(object);
        }
        _ => {}
    }
}

/// A JSON-LD value as text: a string, or the `@value`, `name` or `@id` of
/// an object, or the first of an array.
pub(super) fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => squeeze(text),
        Value::Object(object) => ["@value", "name", "@id"]
            .iter()
            .find_map(|key| object.get(*key).and_then(text_of))?,
        Value::Array(values) => values.iter().find_map(text_of)?,
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// The names of JSON-LD authors (a string, a person, or a list of them),
/// joined with ", ".
pub(super) fn names_of(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::Array(values) => values.iter().filter_map(names_of).collect(),
        Value::Object(object) => object.get("name").and_then(text_of).into_iter().collect(),
        Value::String(name) if !is_url(name) => vec![squeeze(name)],
        _ => Vec::new(),
    };
    let names: Vec<String> = names.into_iter().filter(|name| !name.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn is_url(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://")
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(scripts: &str) -> Option<Map<String, Value>> {
        article(&Html::parse_document(&format!(
            "<html><head>{scripts}</head><body></body></html>"
        )))
    }

    fn script(json: &str) -> String {
        format!("<script type=\"application/ld+json\">{json}</script>")
    }

    #[test]
    fn the_article_is_found_in_lists_and_graphs() {
        let scripts = script(r#"{"@type": "Organization", "name": "Le Site"}"#)
            + &script(
                r#"[{"@type": "WebSite", "headline": "Pas celui-ci"},
                    {"@graph": [{"@type": "BreadcrumbList"},
                                {"@type": ["NewsArticle"], "headline": "Celui-ci"}]}]"#,
            );
        let found = check(&scripts).unwrap();
        assert_eq!(found["headline"], "Celui-ci");
        // Without an article type, an object with a headline will do.
        let found = check(&script(r#"{"@type": "WebPage", "headline": "Page"}"#)).unwrap();
        assert_eq!(found["headline"], "Page");
        assert_eq!(check(&script(r#"{"@type": "Organization"}"#)), None);
        assert_eq!(check(&script("{not json")), None);
        assert_eq!(check(""), None);
    }

    #[test]
    fn fields_are_strings_objects_or_lists() {
        let value = |json: &str| serde_json::from_str::<Value>(json).unwrap();
        assert_eq!(
            text_of(&value(r#"" Le  titre ""#)).as_deref(),
            Some("Le titre")
        );
        assert_eq!(
            text_of(&value(r#"{"@value": "fr"}"#)).as_deref(),
            Some("fr")
        );
        assert_eq!(
            text_of(&value(r#"[{"name": "Un"}, "Deux"]"#)).as_deref(),
            Some("Un")
        );
        assert_eq!(text_of(&value("12")), None);
        assert_eq!(
            names_of(&value(
                r#"[{"@type": "Person", "name": "A"}, "B", "https://x.example/c", {"url": "u"}]"#
            ))
            .as_deref(),
            Some("A, B")
        );
        assert_eq!(names_of(&value(r#"{"name": "  "}"#)), None);
    }
}
