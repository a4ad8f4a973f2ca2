//! Folder walks: sorted, recursive, hidden entries skipped, unknown
//! extensions skipped, one bad file reported without stopping the walk.

use std::path::Path;

use entente_ingest::{IngestError, read_inputs};

use crate::{format_chain, read_all};

/// Writes `files` (relative path, bytes) under a new temporary folder.
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn relative(source: &str, root: &Path) -> String {
    let root = root.display().to_string();
    source
        .strip_prefix(&root)
        .unwrap_or(source)
        .trim_start_matches(['/', '\\'])
        .replace('\\', "/")
}

#[test]
fn a_nested_folder_is_walked_in_sorted_order_and_a_broken_file_does_not_stop_it() {
    let dir = folder(&[
        ("b.txt", "Lomé, le 3 mars.".as_bytes()),
        ("a/z.txt", b"Texte Z."),
        ("a/deep/y", b"Texte Y, sans extension."),
        ("a/broken.txt", b"\x7fELF\x02\x01\x01\0\0\0\x03\0>\0"),
        (".hidden.txt", b"Jamais lu."),
        (".git/config", b"[core]"),
        ("a/page_files/style.css", b"body { color: red }"),
        ("a/photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        (
            "c/list.jsonl",
            b"{\"id\": \"inline\", \"text\": \"Texte en ligne.\", \"published\": \"2025-01-21\"}\n\
              {\"id\": \"by-file\", \"file\": \"../b.txt\"}\n",
        ),
    ]);
    let (documents, errors) = read_all(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = documents.iter().map(|d| d.document.id.as_str()).collect();
    assert_eq!(ids, ["y", "z", "b", "inline", "by-file"]);
    let sources: Vec<String> = documents
        .iter()
        .map(|d| relative(&d.source, dir.path()))
        .collect();
    assert_eq!(
        sources,
        [
            "a/deep/y",
            "a/z.txt",
            "b.txt",
            "c/list.jsonl:1",
            "c/../b.txt"
        ]
    );
    assert_eq!(documents[3].document.text, "Texte en ligne.");
    assert_eq!(
        documents[3].document.published.map(|d| d.to_string()),
        Some("2025-01-21".to_string())
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        matches!(errors[0], IngestError::UnreadableEncoding { .. }),
        "{:?}",
        errors[0]
    );
    assert!(
        format_chain(&errors[0]).contains("broken.txt: unreadable encoding"),
        "{}",
        errors[0]
    );
}

#[test]
fn the_iteration_is_lazy() {
    let dir = folder(&[("a.txt", b"Texte A."), ("b.txt", b"Texte B.")]);
    let mut inputs = read_inputs(&[dir.path().to_path_buf()]);
    assert_eq!(inputs.next().unwrap().unwrap().document.id, "a");
    // A file removed after the walk began is reported when its turn comes.
    std::fs::remove_file(dir.path().join("b.txt")).unwrap();
    let error = inputs.next().unwrap().unwrap_err();
    assert!(matches!(error, IngestError::NotFound { .. }), "{error:?}");
    assert!(inputs.next().is_none());
}

#[test]
fn explicit_paths_are_read_in_the_order_given_even_hidden_or_oddly_named() {
    let dir = folder(&[
        ("z.txt", b"Texte Z."),
        (".notes.txt", b"Texte cache."),
        ("article.md", b"Texte Markdown."),
    ]);
    let paths = ["z.txt", ".notes.txt", "article.md", "absent.txt"].map(|n| dir.path().join(n));
    let (documents, errors) = read_all(&paths);
    let ids: Vec<&str> = documents.iter().map(|d| d.document.id.as_str()).collect();
    assert_eq!(ids, ["z", ".notes", "article"]);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        format!("{}: no such file", paths[3].display())
    );
}

#[test]
fn a_manifest_line_error_names_the_line_and_the_walk_goes_on() {
    let dir = folder(&[
        (
            "m.jsonl",
            b"{\"id\": \"a\", \"text\": \"A.\"}\nnot json\n{\"id\": \"c\", \"text\": \"C.\"}\n",
        ),
        ("n.txt", b"Texte N."),
    ]);
    let (documents, errors) = read_all(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = documents.iter().map(|d| d.document.id.as_str()).collect();
    assert_eq!(ids, ["a", "c", "n"]);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].to_string().contains("m.jsonl:2: not valid JSON"),
        "{}",
        errors[0]
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_reported_once() {
    let dir = folder(&[("a/t.txt", b"Texte.")]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
    let (documents, errors) = read_all(&[dir.path().to_path_buf()]);
    assert_eq!(documents.len(), 1);
    assert_eq!(errors.len(), 1);
    assert!(
        matches!(errors[0], IngestError::FolderLoop { .. }),
        "{:?}",
        errors[0]
    );
}

#[test]
fn the_fixture_folder_reads_with_one_error_per_broken_file() {
    let (documents, errors) = read_all(&[crate::fixture("")]);
    let mut failed: Vec<String> = errors
        .iter()
        .map(|error| {
            let message = error.to_string();
            let origin = message.split(": ").next().unwrap().to_string();
            relative(&origin, &crate::fixture(""))
        })
        .collect();
    failed.sort();
    // `binary.bin` and `README.md` have extensions that name no format.
    assert_eq!(
        failed,
        [
            "feeds/sitemap.xml",
            "feeds/truncated.rss",
            "html/no-article.html"
        ]
    );
    let ids: Vec<&str> = documents.iter().map(|d| d.document.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cp1252-fr",
            "afrique-article-2025-04-30-dakar-tokyo-65-ans_5120",
            "courrier-4410",
            "courrier-afrique-3",
            "tag-meridianpost.example-2025-world-asia-4471",
            "tag-meridianpost.example-2025-world-asia-5120",
            "brief-901",
            "brief-902",
            "diplomatie-paris-abidjan",
            "echo-rabat-brasilia-cp1252",
            "india-kenya-credit-line",
            "latin1-fr",
            "utf16be-bom",
            "utf16le-bom",
        ]
    );
}
