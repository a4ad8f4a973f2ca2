//! `entente dossier A B`: the records of every stored document that names
//! both countries, merged into one cited dossier by
//! [`entente_core::merge::build_dossier`] and printed as text, Markdown or
//! JSON. This command only loads and prints; what the dossier says is the
//! merge's business.

use std::io::{self, Write};

use anyhow::{Context, bail};
use entente_core::merge::{SourcedRecord, build_dossier, render_markdown, render_text};

use crate::Outcome;
use crate::kb_args::{DossierArgs, DossierFormat};
use crate::kb_common::{country_label, open_store, resolve_country};

/// Runs `entente dossier`.
pub fn run(args: &DossierArgs) -> anyhow::Result<Outcome> {
    let first = resolve_country(&args.first)?;
    let second = resolve_country(&args.second)?;
    if first == second {
        bail!(
            "a dossier is about two countries, and {:?} and {:?} both name {}",
            args.first,
            args.second,
            country_label(first)
        );
    }
    let store = open_store(&args.store.db)?;
    let stored = store.records_for_pair(first, second)?;
    if stored.is_empty() {
        bail!(
            "{}: no stored document names both {} and {}; `entente country {first}` lists the \
             partners the store knows",
            args.store.db.display(),
            country_label(first),
            country_label(second)
        );
    }
    let sources: Vec<SourcedRecord> = stored.into_iter().map(SourcedRecord::from).collect();
    let dossier = build_dossier([first, second], &sources);
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = match args.format {
        DossierFormat::Text => write_rendered(&mut stdout, render_text(&dossier)),
        DossierFormat::Md => write_rendered(&mut stdout, render_markdown(&dossier)),
        // Streamed rather than built into a string first: a busy pair's
        // dossier is megabytes of JSON.
        DossierFormat::Json => match serde_json::to_writer_pretty(&mut stdout, &dossier) {
            Ok(()) => stdout.write_all(b"\n"),
            Err(error) if error.is_io() => Err(io::Error::from(error)),
            Err(error) => return Err(error).context("cannot serialise the dossier"),
        },
    };
    written
        .and_then(|()| stdout.flush())
        .context("cannot write to stdout")?;
    // The process ends here: freeing the records and the dossier one by one
    // would cost a tenth of the command's time for a busy pair.
    std::mem::forget((sources, dossier));
    Ok(Outcome::Success)
}

/// Writes a rendered dossier, ending it with a newline if it lacks one.
fn write_rendered(out: &mut impl Write, mut rendered: String) -> io::Result<()> {
    if !rendered.ends_with('\n') {
        rendered.push('\n');
    }
    out.write_all(rendered.as_bytes())
}
