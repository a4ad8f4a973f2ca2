//! Parquet, behind the `parquet` feature: one row group per table, Snappy
//! compressed, with an Arrow schema built from the declared columns (text as
//! UTF-8 strings, integers as INT64, nullability as declared).

use std::io::Write;
use std::sync::Arc;

use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::schema::Kind;
use crate::table::{Table, Value};

/// Writes `table` as a Parquet file.
pub fn write(table: &Table, out: &mut (impl Write + Send)) -> Result<(), String> {
    let columns = table.schema.columns;
    let fields: Vec<Field> = columns
        .iter()
        .map(|column| {
            let data_type = match column.kind {
                Kind::Text => DataType::Utf8,
                Kind::Int => DataType::Int64,
            };
            Field::new(column.name, data_type, column.nullable)
        })
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let arrays: Vec<ArrayRef> = columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let cells = table.rows.iter().map(|row| &row[index]);
            match column.kind {
                Kind::Text => Arc::new(
                    cells
                        .map(|value| match value {
                            Value::Text(text) => Some(text.as_str()),
                            _ => None,
                        })
                        .collect::<StringArray>(),
                ) as ArrayRef,
                Kind::Int => Arc::new(
                    cells
                        .map(|value| match value {
                            Value::Int(number) => Some(*number),
                            _ => None,
                        })
                        .collect::<Int64Array>(),
                ) as ArrayRef,
            }
        })
        .collect();
    let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(|error| error.to_string())?;
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer =
        ArrowWriter::try_new(out, schema, Some(properties)).map_err(|error| error.to_string())?;
    writer.write(&batch).map_err(|error| error.to_string())?;
    writer
        .close()
        .map(|_| ())
        .map_err(|error| error.to_string())
}
