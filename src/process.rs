//! Where the process meets its surroundings at start-up: signals that must become errors, and
//! empty variables that mean unset.

/// Prepares the process before anything is read or written.
///
/// - `SIGXFSZ` is ignored, so a write past `ulimit -f` fails with `EFBIG` and becomes an error
///   message (and the temporary file is removed), instead of killing the process mid-write.
/// - An empty `TIMELINE_FILE` means unset, as an empty `NO_COLOR` does: `TIMELINE_FILE= timeline`
///   reads the embedded timeline instead of failing with "a value is required".
pub fn start() {
    // SAFETY: setting a signal's disposition to SIG_IGN has no handler to race with.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    if std::env::var_os("TIMELINE_FILE").is_some_and(|v| v.is_empty()) {
        // SAFETY: called first thing in `main`, before any thread exists that could read the
        // environment at the same time.
        unsafe { std::env::remove_var("TIMELINE_FILE") };
    }
}
