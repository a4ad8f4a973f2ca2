//! `entente serve`: opens the store read-only, builds the web index and
//! serves the JSON API and the pages of entente-web until interrupted. This
//! command only starts the server; routes and pages are entente-web's.

use anyhow::Context;

use crate::Outcome;
use crate::args::ServeArgs;

/// Runs `entente serve`.
pub fn run(args: &ServeArgs) -> anyhow::Result<Outcome> {
    let store = entente_web::open_store(&args.store.db)?;
    let state = entente_web::AppState::new(store)
        .with_context(|| format!("cannot index {}", args.store.db.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async {
        let (listener, local) = entente_web::bind(args.addr).await?;
        let index = state.index();
        eprintln!(
            "entente: serving {} ({} pairs, {} events) on http://{local}/ (Ctrl-C stops)",
            args.store.db.display(),
            index.pairs.len(),
            index.events.len()
        );
        entente_web::serve(listener, state).await
    })?;
    Ok(Outcome::Success)
}
