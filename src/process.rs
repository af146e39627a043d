//! Where the process meets its surroundings: start-up (signals that must become errors, empty
//! variables that mean unset) and the command line's own output (help, version, usage errors),
//! written and checked like any other output.

use std::io::{self, IsTerminal, Write};

use clap::Parser;

use crate::error::say;

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

/// Parses the command line. `--help`, `--version` and usage errors end the run: the text is
/// written (help to stdout, errors to stderr) and the exit code returned as `Err`. A failed
/// write of the help (`--help >/dev/full`) is an error too, not a silent success.
pub fn parse<P: Parser>() -> Result<P, i32> {
    P::try_parse().map_err(clap_ending)
}

/// Ends the run the way clap asked to: help or version on stdout (checked: `--help >/dev/full`
/// fails), a usage error on stderr; returns the exit code.
pub fn clap_ending(e: clap::Error) -> i32 {
    {
        if e.use_stderr() {
            // Plain text: `say` shows any control character of the user's arguments escaped.
            say(&e.render());
            return e.exit_code();
        }
        let text = if io::stdout().is_terminal() {
            e.render().ansi().to_string()
        } else {
            e.render().to_string()
        };
        let mut stdout = io::stdout().lock();
        match stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Ok(()) => e.exit_code(),
            // `timeline --help | head -1`: the reader has what it wanted.
            Err(w) if w.kind() == io::ErrorKind::BrokenPipe => e.exit_code(),
            Err(w) => {
                say(&format!("error: cannot write to standard output: {w}"));
                2
            }
        }
    }
}
