//! Plain-text articles on disk. A file is one article; its id is the file
//! name without its extension, so `texts/dev-fr-001.txt` is `dev-fr-001`.

use std::io;
use std::path::Path;

use entente_core::Document;

use crate::decode::decode;
use crate::error::{IngestError, Result};

/// Reads a plain-text article into a document whose id is the file name
/// without extension. `published` and `lang` are left unknown for the caller
/// to fill in.
///
/// Fails when the file is missing or unreadable, when its bytes are not text
/// ([`decode`]), or when the text is empty or only whitespace.
pub fn read_article(path: &Path) -> Result<Document> {
    let text = read_text(path)?;
    let id = match path.file_stem() {
        Some(stem) => stem.to_string_lossy().into_owned(),
        None => path.display().to_string(),
    };
    Ok(Document {
        id,
        text,
        published: None,
        lang: None,
    })
}

/// Reads and decodes the text of an article file, refusing an empty one.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => IngestError::NotFound {
            path: path.to_path_buf(),
        },
        _ => IngestError::Io {
            path: path.to_path_buf(),
            source,
        },
    })?;
    let origin = path.display().to_string();
    let text = decode(&bytes, &origin)?;
    if text.trim().is_empty() {
        return Err(IngestError::EmptyText { origin });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn the_id_is_the_file_name_without_extension() {
        let dir = tempfile::tempdir().unwrap();
        let path = temp_file(&dir, "dev-fr-001.txt", "Lomé et Astana.\r\n".as_bytes());
        let document = read_article(&path).unwrap();
        assert_eq!(document.id, "dev-fr-001");
        assert_eq!(document.text, "Lomé et Astana.\n");
        assert_eq!(document.published, None);
        assert_eq!(document.lang, None);

        let path = temp_file(&dir, "no-extension", b"Text.");
        assert_eq!(read_article(&path).unwrap().id, "no-extension");
        let path = temp_file(&dir, "two.dots.txt", b"Text.");
        assert_eq!(read_article(&path).unwrap().id, "two.dots");
    }

    #[test]
    fn a_latin_1_article_is_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let path = temp_file(
            &dir,
            "ci.txt",
            b"La C\xf4te d'Ivoire et le ministre des Affaires \xe9trang\xe8res.",
        );
        let document = read_article(&path).unwrap();
        assert_eq!(
            document.text,
            "La Côte d'Ivoire et le ministre des Affaires étrangères."
        );
    }

    #[test]
    fn a_missing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("absent.txt");
        let error = read_article(&path).unwrap_err();
        assert!(matches!(error, IngestError::NotFound { .. }), "{error:?}");
        assert_eq!(
            error.to_string(),
            format!("{}: no such file", path.display())
        );
    }

    #[test]
    fn a_directory_is_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_article(dir.path()).unwrap_err();
        assert!(matches!(error, IngestError::Io { .. }), "{error:?}");
        assert!(error.to_string().starts_with("cannot read "), "{error}");
    }

    #[test]
    fn an_empty_or_blank_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b" \r\n\t\n"[..])] {
            let path = temp_file(&dir, name, bytes);
            let error = read_article(&path).unwrap_err();
            assert!(
                matches!(error, IngestError::EmptyText { .. }),
                "{name}: {error:?}"
            );
            assert!(error.to_string().contains(name), "{error}");
        }
    }

    #[test]
    fn a_binary_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = temp_file(&dir, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        let error = read_article(&path).unwrap_err();
        assert!(
            matches!(error, IngestError::UnreadableEncoding { .. }),
            "{error:?}"
        );
        assert!(
            error.to_string().contains("image.png: unreadable encoding"),
            "{error}"
        );
    }
}
