//! `cargo xtask`: maintenance tasks of the project.

fn main() {}
