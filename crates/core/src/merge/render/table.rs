//! Plain-text layout helpers for the terminal rendering: tables with aligned
//! columns and capped widths, citation number lists, and text flattened to
//! one line or cut with an ellipsis.

use std::fmt::Write;

/// A table with a header row, indented by two spaces; nothing when empty.
pub(super) fn table(out: &mut String, header: &[&str], rows: Vec<Vec<String>>, widths: &[usize]) {
    if rows.is_empty() {
        return;
    }
    let mut all = vec![header.iter().map(|cell| cell.to_string()).collect()];
    all.extend(rows);
    table_rows(out, "  ", all, widths);
}

/// Rows with aligned columns. A width caps a column (0: no cap); the last
/// column is not padded.
pub(super) fn table_rows(out: &mut String, indent: &str, rows: Vec<Vec<String>>, widths: &[usize]) {
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .enumerate()
                .map(|(column, cell)| match widths.get(column) {
                    Some(&cap) if cap > 0 => cut(&flatten(&cell), cap),
                    _ => flatten(&cell),
                })
                .collect()
        })
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |column: usize| {
        rows.iter()
            .filter_map(|row| row.get(column))
            .map(|cell| cell.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..columns).map(width).collect();
    for row in &rows {
        let mut line = indent.to_string();
        for (column, cell) in row.iter().enumerate() {
            if column + 1 == row.len() {
                line.push_str(cell);
            } else {
                let padding = widths[column] - cell.chars().count();
                line.push_str(cell);
                line.push_str(&" ".repeat(padding + 2));
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// Citation numbers as "[1, 2, 5]", runs shortened to "3-5".
pub(super) fn refs(numbers: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < numbers.len() {
        let start = numbers[index];
        let mut end = start;
        while index + 1 < numbers.len() && numbers[index + 1] == end + 1 {
            index += 1;
            end += 1;
        }
        parts.push(if end > start + 1 {
            format!("{start}-{end}")
        } else if end == start + 1 {
            format!("{start}, {end}")
        } else {
            start.to_string()
        });
        index += 1;
    }
    format!("[{}]", parts.join(", "))
}

/// Text on one line: every run of whitespace as one space.
pub(super) fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text cut to `width` characters, with an ellipsis when cut.
pub(super) fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_runs_of_citation_numbers() {
        assert_eq!(refs(&[1, 2, 3, 5, 7, 8]), "[1-3, 5, 7, 8]");
        assert_eq!(refs(&[]), "[]");
    }

    #[test]
    fn aligns_columns_and_cuts_long_cells() {
        let mut out = String::new();
        let rows = vec![
            vec!["2023".to_string(), "visit".to_string(), "x".to_string()],
            vec![
                "2025-09-24".to_string(),
                "a very long label".to_string(),
                "y".to_string(),
            ],
        ];
        table_rows(&mut out, "", rows, &[10, 8, 0]);
        assert_eq!(out, "2023        visit    x\n2025-09-24  a very…  y\n");
    }
}
