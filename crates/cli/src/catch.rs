//! A panic in the extractor is a bug, but it should cost one article, not the
//! batch. [`catch_panic`] runs one extraction and turns a panic into a
//! one-line message (what went wrong and where), which the caller reports like
//! any other failed article. While it runs, the panic hook records the message
//! instead of printing its multi-line report; panics anywhere else still go to
//! the default hook.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// The longest panic message kept, in characters.
const MAX_MESSAGE_CHARS: usize = 300;

static INSTALL_HOOK: Once = Once::new();

thread_local! {
    /// Whether this thread is inside [`catch_panic`].
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message of the panic the hook saw last on this thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `work`, returning its value, or the panic's message and location on
/// one line if it panics.
pub fn catch_panic<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    INSTALL_HOOK.call_once(install_hook);
    CATCHING.with(|catching| catching.set(true));
    // The caller drops whatever `work` touched after a panic, so no broken
    // state is observed.
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    CATCHING.with(|catching| catching.set(false));
    result.map_err(|payload| {
        LAST_PANIC
            .with(|last| last.borrow_mut().take())
            .unwrap_or_else(|| one_line(&payload_message(payload.as_ref())))
    })
}

fn install_hook() {
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !CATCHING.with(Cell::get) {
            default_hook(info);
            return;
        }
        let mut message = one_line(&payload_message(info.payload()));
        if let Some(location) = info.location() {
            let (file, line, column) = (location.file(), location.line(), location.column());
            message.push_str(&format!(" (at {file}:{line}:{column})"));
        }
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
    }));
}

fn payload_message(payload: &(dyn Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        message.to_string()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// Puts a message on one line, shortened to [`MAX_MESSAGE_CHARS`].
fn one_line(message: &str) -> String {
    let flat: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX_MESSAGE_CHARS {
        return flat;
    }
    let mut short: String = flat.chars().take(MAX_MESSAGE_CHARS).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_passes_through() {
        assert_eq!(catch_panic(|| 42), Ok(42));
    }

    #[test]
    fn a_panic_becomes_one_line_with_its_location() {
        let message = catch_panic(|| -> u32 { panic!("bad\nindex {}", 7) }).unwrap_err();
        assert!(message.starts_with("bad index 7 (at "), "{message}");
        assert!(message.contains("catch.rs:"), "{message}");
        // The thread goes back to normal afterwards.
        assert!(!CATCHING.with(Cell::get));
        assert_eq!(catch_panic(|| "fine"), Ok("fine"));
    }

    #[test]
    fn long_messages_are_shortened() {
        let message = catch_panic(|| -> () { panic!("{}", "x".repeat(1000)) }).unwrap_err();
        assert!(
            message.starts_with(&"x".repeat(MAX_MESSAGE_CHARS)),
            "{message}"
        );
        assert!(
            message.ends_with('…') || message.contains("(at "),
            "{message}"
        );
        assert!(message.chars().count() < 400, "{message}");
    }
}
