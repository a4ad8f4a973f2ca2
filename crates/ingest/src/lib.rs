//! Ingest: reading articles into documents.
