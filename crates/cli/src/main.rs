//! The `entente` binary: command-line parsing and glue around the library crates.

fn main() {}
