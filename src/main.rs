//! The `timeline` binary: parse, run, report, as ripgrep's `main` does. Every error ends in
//! [`main`]; a closed pipe (`timeline | head -1`) ends with exit 0, as the reader has what it
//! wanted. Rust's own start-up stays: it ignores `SIGPIPE` (a closed pipe is an error to handle,
//! not a kill), opens closed standard descriptors on `/dev/null`, and reports a stack overflow.

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use timeline::cli::{self, Invocation, ParseEnd};
use timeline::config::Config;
use timeline::error::Error;
use timeline::term::Environment;

fn main() -> ExitCode {
    // First: when the shell calls back for candidates, nothing else may print.
    cli::complete::answer_if_asked();
    timeline::process::start();
    let args: Vec<OsString> = std::env::args_os().collect();
    let invocation = match cli::parse(&args) {
        Ok(invocation) => invocation,
        // --help and --version end here too, with exit 0 once written.
        Err(ParseEnd::Written(code)) => return exit_code(code),
        Err(ParseEnd::Error(e)) => return report(&e),
    };
    match run(&invocation) {
        Ok(()) => ExitCode::SUCCESS,
        // `timeline | head -1`: the reader has what it wanted.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => report(&e),
    }
}

/// Settles the configuration with the environment and the terminal, runs the command, and
/// writes its output: through the pager when it is long and a person reads it.
fn run(invocation: &Invocation) -> Result<(), Error> {
    let env = Environment::from_process();
    let stdout = io::stdout();
    let config = Config::new(&invocation.choices, &env, stdout.is_terminal())?;
    // 64 KiB, a pipe's capacity: a list of 97k lines is 10 MB, written in 150 calls, not 1,200.
    let mut out = BufWriter::new(stdout.lock());
    match &config.paging {
        // Held until it no longer fits the screen, then sent to the pager as it is made.
        Some(paging) => {
            let mut pager = paging.writer(&mut out);
            timeline::cmd::run(&invocation.command, &config, &mut pager)?;
            pager.finish()?;
        }
        None => timeline::cmd::run(&invocation.command, &config, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

/// Says what went wrong on stderr and gives the exit code it maps to.
fn report(e: &Error) -> ExitCode {
    timeline::error::say(e);
    exit_code(e.exit_code())
}

/// The exit code `code` (0 to 255) as the process returns it.
fn exit_code(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
