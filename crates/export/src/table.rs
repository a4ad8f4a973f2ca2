//! A built table: its declared schema and its rows of plain values, in the
//! order of the schema's columns. Writers read tables only through this
//! type, so every format writes the same rows.

use crate::schema::TableSchema;

/// A cell: text, an integer or nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
}

impl Value {
    /// Text, or null when there is none.
    pub fn text(text: Option<impl Into<String>>) -> Value {
        text.map_or(Value::Null, |text| Value::Text(text.into()))
    }

    /// A list of strings joined with `;`, the list separator of every export.
    pub fn list<S: AsRef<str>>(items: &[S]) -> Value {
        let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        Value::Text(items.join(";"))
    }

    /// An index or a count as an integer.
    pub fn count(number: usize) -> Value {
        Value::Int(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

/// A table ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub schema: &'static TableSchema,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// An empty table of the given schema.
    pub fn new(schema: &'static TableSchema) -> Table {
        Table {
            schema,
            rows: Vec::new(),
        }
    }

    /// Adds a row; it must have one value per column.
    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.schema.columns.len(), "{}", self.schema.name);
        self.rows.push(row);
    }
}
