//! JSON Lines: one object per row, keys in column order, nulls written as
//! `null` and integers as numbers, so `jq` and dataframe readers see the
//! declared types.

use std::io::Write;

use serde_json::{Map, Value as Json};

use crate::table::{Table, Value};

/// Writes `table` as JSON Lines.
pub fn write(table: &Table, out: &mut impl Write) -> Result<(), String> {
    for row in &table.rows {
        let mut object = Map::new();
        for (column, value) in table.schema.columns.iter().zip(row) {
            let json = match value {
                Value::Null => Json::Null,
                Value::Int(number) => Json::from(*number),
                Value::Text(text) => Json::from(text.as_str()),
            };
            object.insert(column.name.to_string(), json);
        }
        serde_json::to_writer(&mut *out, &object).map_err(|error| error.to_string())?;
        out.write_all(b"\n").map_err(|error| error.to_string())?;
    }
    Ok(())
}
