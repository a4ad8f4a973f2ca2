//! CSV: a header line of column names, then one line per row, quoted where
//! needed by the csv crate (RFC 4180). A null is an empty cell.

use std::io::Write;

use crate::table::{Table, Value};

/// Writes `table` as CSV.
pub fn write(table: &Table, out: &mut impl Write) -> Result<(), String> {
    let mut writer = ::csv::Writer::from_writer(out);
    let header = table.schema.columns.iter().map(|column| column.name);
    writer
        .write_record(header)
        .map_err(|error| error.to_string())?;
    for row in &table.rows {
        let cells = row.iter().map(|value| match value {
            Value::Null => String::new(),
            Value::Int(number) => number.to_string(),
            Value::Text(text) => text.clone(),
        });
        writer
            .write_record(cells)
            .map_err(|error| error.to_string())?;
    }
    writer.flush().map_err(|error| error.to_string())
}
