//! The export tables and their columns, declared once. The writers take
//! column names, types and nullability from here, and the test in
//! `tests/export.rs` checks that `docs/export-schema.md` lists exactly these
//! columns, so the documented schema cannot drift from the written one.

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text; Parquet `BYTE_ARRAY (STRING)`.
    Text,
    /// A 64-bit signed integer; Parquet `INT64`.
    Int,
}

impl Kind {
    /// The name the schema document uses.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "string",
            Kind::Int => "int64",
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// Whether the column may hold nulls (empty cells in CSV).
    pub nullable: bool,
    /// What the column means, as the schema document says it.
    pub meaning: &'static str,
}

/// One table: its name (also its file name) and its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSchema {
    pub name: &'static str,
    pub meaning: &'static str,
    pub columns: &'static [Column],
}

const fn text(name: &'static str, meaning: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Text,
        nullable: false,
        meaning,
    }
}

const fn maybe(name: &'static str, meaning: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Text,
        nullable: true,
        meaning,
    }
}

const fn int(name: &'static str, meaning: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Int,
        nullable: false,
        meaning,
    }
}

const DOC_ID: Column = text("doc_id", "id of the document the row comes from");
const ITEM: Column = int(
    "item",
    "position of the item in the document's record, from 0",
);

pub const DOCUMENTS: TableSchema = TableSchema {
    name: "documents",
    meaning: "the latest version of every stored document",
    columns: &[
        DOC_ID,
        text("source", "where the document came from: a path or a URL"),
        int("version", "its version under that source, from 1"),
        maybe("published", "publication date, YYYY-MM-DD"),
        text("lang", "ISO 639-1 language code"),
        maybe("title", "headline, when the input gave one"),
        text(
            "content_hash",
            "SHA-256 of the normalised text and the publication date",
        ),
        int("text_bytes", "length of the text in bytes"),
        text(
            "countries",
            "ISO3 codes of the countries named, sorted, `;`-separated",
        ),
        text("sectors", "sectors of cooperation, sorted, `;`-separated"),
    ],
};

pub const MENTIONS: TableSchema = TableSchema {
    name: "mentions",
    meaning: "pairs of countries a document names together (in its countries or as parties)",
    columns: &[
        DOC_ID,
        text(
            "country_a",
            "first country, ISO3, alphabetically before country_b",
        ),
        text("country_b", "second country, ISO3"),
    ],
};

pub const EVENTS: TableSchema = TableSchema {
    name: "events",
    meaning: "one row per event a document reports",
    columns: &[
        DOC_ID,
        ITEM,
        text(
            "type",
            "event type of the record contract (visit, meeting, call, ...)",
        ),
        text(
            "parties",
            "ISO3 codes of the countries involved, sorted, `;`-separated",
        ),
        maybe(
            "country_a",
            "first party when there are exactly two, else null",
        ),
        maybe(
            "country_b",
            "second party when there are exactly two, else null",
        ),
        maybe(
            "host",
            "country visited (visit) or receiving the envoy (envoy_accredited)",
        ),
        maybe(
            "date",
            "YYYY, YYYY-MM or YYYY-MM-DD, as precise as the text",
        ),
        maybe("place", "city, English exonym"),
        text("modality", "occurred, planned or proposed"),
        text(
            "cameo",
            "CAMEO event code (codebook 0.7b5), nearest where CAMEO has none",
        ),
        text(
            "plover_category",
            "PLOVER event category (CONSULT, SUPPORT, AGREE)",
        ),
        maybe(
            "plover_mode",
            "PLOVER mode (visit, phone), null where none applies",
        ),
        maybe(
            "plover_context",
            "PLOVER context: future for planned and proposed events",
        ),
        text(
            "participants",
            "names of the persons taking part, `;`-separated",
        ),
    ],
};

pub const AGREEMENTS: TableSchema = TableSchema {
    name: "agreements",
    meaning: "one row per agreement a document mentions, at the furthest stage it reports",
    columns: &[
        DOC_ID,
        ITEM,
        text(
            "topic",
            "agreement topic (visa_exemption, general_cooperation, a sector, ...)",
        ),
        text(
            "instrument",
            "agreement, memorandum, treaty, convention, protocol, ...",
        ),
        text(
            "parties",
            "ISO3 codes of the parties, sorted, `;`-separated",
        ),
        text(
            "status",
            "proposed, negotiating, signed, ratified or in_force",
        ),
        maybe("date", "date of the signature"),
        maybe("place", "city of the signature"),
        text(
            "signatories",
            "names of the persons who signed, `;`-separated",
        ),
    ],
};

pub const AGREEMENT_STAGES: TableSchema = TableSchema {
    name: "agreement_stages",
    meaning: "the lifecycle of each agreement merged across documents (the dossier of its \
              pair): one row per stage and document reporting it",
    columns: &[
        text(
            "agreement_id",
            "merged agreement: PAIR-N, N its rank in the pair's dossier",
        ),
        text("country_a", "first country of the pair, ISO3"),
        text("country_b", "second country of the pair, ISO3"),
        text("topic", "agreement topic"),
        text("instrument", "agreement instrument"),
        text(
            "agreement_status",
            "furthest stage reached by the merged agreement",
        ),
        text(
            "stage",
            "this stage: proposed, negotiating, signed, ratified or in_force",
        ),
        maybe("stage_date", "date of the stage, when a document gives one"),
        maybe(
            "reported",
            "publication date of the first document reporting the stage",
        ),
        maybe("place", "place of the stage"),
        DOC_ID,
    ],
};

pub const PERSONS: TableSchema = TableSchema {
    name: "persons",
    meaning: "one row per person a document names",
    columns: &[
        DOC_ID,
        ITEM,
        text("name", "fullest form of the name in the document"),
        maybe("country", "ISO3 code of the state the person acts for"),
        text(
            "role",
            "head_of_state, foreign_minister, minister, ambassador, ...",
        ),
    ],
};

pub const QUOTES: TableSchema = TableSchema {
    name: "quotes",
    meaning: "one row per direct quotation of five words or more",
    columns: &[
        DOC_ID,
        ITEM,
        text("speaker", "name of the speaker, as in persons"),
        maybe(
            "speaker_country",
            "the speaker's country from the same document's persons",
        ),
        maybe(
            "speaker_role",
            "the speaker's role from the same document's persons",
        ),
        text("opening", "first five words of the quotation"),
    ],
};

/// Every table, in the order they are written.
pub const TABLES: [&TableSchema; 7] = [
    &DOCUMENTS,
    &MENTIONS,
    &EVENTS,
    &AGREEMENTS,
    &AGREEMENT_STAGES,
    &PERSONS,
    &QUOTES,
];
