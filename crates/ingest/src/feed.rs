//! RSS, Atom and JSON feeds, one document per item, read with feed-rs. The
//! file is decoded to UTF-8 first (its XML declaration, its BOM or a guess
//! decides the charset), so a feed in Windows-1252 without a declaration
//! reads as well as a UTF-8 one. An item's text is its title line, a blank
//! line, then the paragraphs of its content (or its summary when it has no
//! content) with the HTML stripped. Timestamps keep the date as written, as
//! everywhere in ingest: feed-rs is given a parser that drops the offset
//! rather than converting to UTC.

use std::collections::HashSet;
use std::path::Path;

use chrono::Datelike;
use entente_core::Document;
use feed_rs::model::{Entry, Feed, Text};

use crate::decode::decode_markup;
use crate::error::{IngestError, Result};
use crate::html::fragment_paragraphs;
use crate::inputs::SourcedDocument;
use crate::published::datetime_as_written;

/// Reads a feed file into one result per item, in the feed's order. The
/// whole file fails when it is not a feed; an item fails alone when it has
/// neither title nor text.
pub(crate) fn read_feed(path: &Path) -> Result<Vec<Result<SourcedDocument>>> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::from_io(path, source))?;
    let origin = path.display().to_string();
    let text = decode_markup(&bytes, &origin)?;
    let feed = parse_feed(&text).map_err(|reason| IngestError::Feed {
        origin: origin.clone(),
        reason,
    })?;
    let stem = match path.file_stem() {
        Some(stem) => stem.to_string_lossy().into_owned(),
        None => "feed".to_string(),
    };
    let mut seen_ids = HashSet::new();
    let documents = feed
        .entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let number = index + 1;
            let id = match sanitise_guid(&entry.id) {
                Some(id) if seen_ids.insert(id.clone()) => id,
                _ => format!("{stem}-{number}"),
            };
            item_document(&feed, entry, id, &format!("{origin}#{number}"))
        })
        .collect();
    Ok(documents)
}

/// Parses decoded feed text; the error is feed-rs's message.
fn parse_feed(text: &str) -> std::result::Result<Feed, String> {
    // The text is UTF-8 now, whatever the XML declaration says, so the
    // declaration goes: feed-rs would decode the bytes a second time.
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let without_declaration = match trimmed.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(rest, |(_, after)| after),
        None => trimmed,
    };
    feed_rs::parser::Builder::new()
        // An empty id marks an item without a guid; see `sanitise_guid`.
        .id_generator(|_links, _title, _uri| String::new())
        .timestamp_parser(timestamp_as_written)
        .sanitize_content(false)
        .build()
        .parse(without_declaration.as_bytes())
        .map_err(|error| error.to_string())
}

/// A feed-rs timestamp whose UTC fields hold the wall-clock time as written.
fn timestamp_as_written(value: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let datetime = datetime_as_written(value)?;
    let date = chrono::NaiveDate::from_ymd_opt(
        i32::from(datetime.year()),
        u32::try_from(datetime.month()).ok()?,
        u32::try_from(datetime.day()).ok()?,
    )?;
    let time = date.and_hms_opt(
        u32::try_from(datetime.hour()).ok()?,
        u32::try_from(datetime.minute()).ok()?,
        u32::try_from(datetime.second()).ok()?,
    )?;
    Some(time.and_utc())
}

/// One item as a document; `origin` (`path#n`) names it in errors and is its
/// source when it has no link.
fn item_document(feed: &Feed, entry: &Entry, id: String, origin: &str) -> Result<SourcedDocument> {
    let title = entry
        .title
        .as_ref()
        .map(|title| squeeze(&title.content))
        .filter(|title| !title.is_empty());
    let body = match (&entry.content, &entry.summary) {
        (Some(content), _) if content.body.is_some() => {
            let is_plain = content.content_type.to_string().starts_with("text/plain");
            let body = content.body.as_deref().unwrap_or_default();
            text_paragraphs(body, is_plain)
        }
        (_, Some(summary)) => text_paragraphs(&summary.content, is_plain_text(summary)),
        _ => Vec::new(),
    };
    let mut blocks: Vec<String> = title.iter().cloned().collect();
    blocks.extend(
        body.into_iter()
            .filter(|paragraph| Some(paragraph) != title.as_ref()),
    );
    if blocks.is_empty() {
        return Err(IngestError::EmptyText {
            origin: origin.to_string(),
        });
    }
    let published = entry.published.or(entry.updated).and_then(|timestamp| {
        let date = timestamp.date_naive();
        let month = i8::try_from(date.month()).ok()?;
        let day = i8::try_from(date.day()).ok()?;
        jiff::civil::Date::new(i16::try_from(date.year()).ok()?, month, day).ok()
    });
    let lang = entry
        .language
        .as_deref()
        .or(feed.language.as_deref())
        .and_then(primary_language);
    let link = entry
        .links
        .iter()
        .find(|link| matches!(link.rel.as_deref(), None | Some("alternate")))
        .map(|link| link.href.trim().to_string())
        .filter(|href| !href.is_empty());
    let authors: Vec<String> = entry
        .authors
        .iter()
        .filter_map(|person| person.name.as_deref().or(person.email.as_deref()))
        .map(squeeze)
        .filter(|name| !name.is_empty())
        .collect();
    Ok(SourcedDocument {
        document: Document {
            id,
            text: blocks.join("\n\n") + "\n",
            published,
            lang,
        },
        source: link.unwrap_or_else(|| origin.to_string()),
        title,
        author: (!authors.is_empty()).then(|| authors.join(", ")),
    })
}

fn is_plain_text(text: &Text) -> bool {
    text.content_type.to_string().starts_with("text/plain") && !text.content.contains("</")
}

/// The paragraphs of an item's content: blank-line separated blocks of plain
/// text, or the blocks of HTML, without the WordPress "The post ... appeared
/// first on ..." line.
fn text_paragraphs(body: &str, is_plain: bool) -> Vec<String> {
    let paragraphs = if is_plain {
        body.replace("\r\n", "\n")
            .split("\n\n")
            .map(squeeze)
            .filter(|paragraph| !paragraph.is_empty())
            .collect()
    } else {
        fragment_paragraphs(body)
    };
    paragraphs
        .into_iter()
        .filter(|p| !(p.starts_with("The post ") && p.contains(" appeared first on ")))
        .collect()
}

/// An item's guid made fit for an id: for a URL its path and query without
/// the file extension, for anything else the whole guid; characters other than
/// letters, digits, `.`, `_` and `-` become `-`; at most 80 characters, kept
/// from the end, where guids are distinct. `None` for a missing guid.
fn sanitise_guid(guid: &str) -> Option<String> {
    let guid = guid.trim();
    let meaningful = match guid.split_once("://") {
        Some((_scheme, rest)) => {
            let path = rest.split_once('/').map_or("", |(_host, path)| path);
            let path = path.split('#').next().unwrap_or_default();
            let path = path.trim_end_matches('/');
            match path.rsplit_once('.') {
                Some((stem, extension))
                    if extension.len() <= 5 && extension.chars().all(char::is_alphanumeric) =>
                {
                    stem
                }
                _ => path,
            }
        }
        None => guid,
    };
    let mut id = String::new();
    for character in meaningful.chars() {
        if character.is_alphanumeric() || matches!(character, '.' | '_' | '-') {
            id.push(character);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches(['-', '.']);
    let start = id
        .char_indices()
        .rev()
        .nth(79)
        .map_or(0, |(position, _)| position);
    let id = id[start..].trim_start_matches(['-', '.']);
    (!id.is_empty()).then(|| id.to_string())
}

fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let is_code =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    is_code.then_some(primary)
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_become_ids() {
        let check = |guid: &str, expected: Option<&str>| {
            assert_eq!(sanitise_guid(guid).as_deref(), expected, "{guid}");
        };
        check(
            "https://www.example.org/afrique/article/2025/01/21/paris-abidjan_4821.html",
            Some("afrique-article-2025-01-21-paris-abidjan_4821"),
        );
        check("https://example.org/?p=4821", Some("p-4821"));
        check("https://example.org/", None);
        check(
            "tag:example.org,2025:item-17",
            Some("tag-example.org-2025-item-17"),
        );
        check("urn:uuid:1225c695-cfb8", Some("urn-uuid-1225c695-cfb8"));
        check("4821", Some("4821"));
        check("  ", None);
        check("", None);
        let long = "a".repeat(100) + "-tail";
        assert_eq!(sanitise_guid(&long).unwrap().len(), 80);
        assert!(sanitise_guid(&long).unwrap().ends_with("-tail"));
    }

    #[test]
    fn timestamps_keep_the_wall_clock() {
        let check = |value: &str, expected: &str| {
            let timestamp = timestamp_as_written(value).unwrap();
            assert_eq!(timestamp.date_naive().to_string(), expected, "{value}");
        };
        check("Tue, 21 Jan 2025 23:30:00 -0500", "2025-01-21");
        check("Wed, 22 Jan 2025 00:30:00 +0100", "2025-01-22");
        check("2025-01-21T23:30:00-05:00", "2025-01-21");
        assert_eq!(timestamp_as_written("yesterday"), None);
    }
}
