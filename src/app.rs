//! One run of the program: arguments into a resolved command line, that into a configuration,
//! then the command. Every error ends in [`main`].

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::cli::Cli;
use crate::config::Config;
use crate::error::Error;
use crate::term::Environment;

/// Runs the program with the process's arguments and environment; returns the exit code.
pub fn main() -> i32 {
    // First: when the shell calls back for candidates, nothing else may print.
    crate::complete::answer_if_asked();
    crate::process::start();
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = match parse(&args) {
        Ok(cli) => cli,
        // --help and --version end here too, with exit 0 once written.
        Err(ParseEnd::Clap(e)) => return crate::process::clap_ending(e),
        Err(ParseEnd::Error(e)) => return report(&e),
    };
    let env = Environment::from_process();
    let stdout = io::stdout();
    let is_terminal = stdout.is_terminal();
    let (output, layout) = crate::cmd::output_of(&cli);
    let config = match Config::new(&cli.global, output, &layout, &env, is_terminal) {
        Ok(config) => config.highlighting(crate::cmd::search_of(&cli)),
        Err(e) => return report(&e),
    };
    // 64 KiB, a pipe's capacity: a list of 97k lines is 10 MB, written in 150 calls, not 1,200.
    let mut out = BufWriter::new(stdout.lock());
    let result = match &config.paging {
        // Held until it no longer fits the screen, then sent to the pager as it is made.
        Some(paging) => {
            let mut pager = paging.writer(&mut out);
            crate::cmd::run(&cli, &config, &mut pager)
                .and_then(|()| pager.finish().map_err(Error::from))
        }
        None => crate::cmd::run(&cli, &config, &mut out),
    }
    .and_then(|()| out.flush().map_err(Error::from));
    match result {
        Ok(()) => 0,
        // `timeline | head -1`: the reader has what it wanted.
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            drop(out);
            report(&e)
        }
    }
}

/// Says what went wrong on stderr and gives the exit code it maps to.
fn report(e: &Error) -> i32 {
    crate::error::say(e);
    e.exit_code()
}

/// How parsing the command line can end without a command to run.
pub enum ParseEnd {
    /// clap's own ending: help, version, or a malformed command line.
    Clap(clap::Error),
    /// A command line clap accepted but the commands refuse.
    Error(Error),
}

/// Parses `args` into a command line whose flags all belong to its command.
pub fn parse(args: &[OsString]) -> Result<Cli, ParseEnd> {
    let cli = crate::lean_cli::parse(args).map_err(|e| {
        match flag_of_another_command(&e, args).or_else(|| word_for_a_command(&e)) {
            Some(error) => ParseEnd::Error(error),
            None => ParseEnd::Clap(e),
        }
    })?;
    crate::cmd::resolve(cli).map_err(ParseEnd::Error)
}

/// For `timeline brest`, `timeline 1917` or `timeline Kamenev`: a way forward in place of clap's
/// "unrecognized subcommand", when clap has no close command name to offer.
fn word_for_a_command(e: &clap::Error) -> Option<Error> {
    if e.kind() != ErrorKind::InvalidSubcommand {
        return None;
    }
    let Some(ContextValue::String(word)) = e.get(ContextKind::InvalidSubcommand) else {
        return None;
    };
    let shown = crate::error::quote(word);
    let quoted = shell_word(&shown);
    let is_year = (1..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
    let way = if is_year {
        format!("for the events of {shown}: timeline --in {shown}")
    } else {
        // The embedded timeline knows the names; a file given with --file is not read for a hint.
        let index = crate::cache::open(None, None, crate::cache::Access::All).ok();
        let named = |found: Vec<usize>| !found.is_empty();
        match index {
            Some(index) if named(index.find_people(word)) => format!(
                "for their events: timeline who {quoted}; for the word: timeline --search {quoted}"
            ),
            Some(index) if named(index.find_places(word)) => format!(
                "for the events there: timeline where {quoted}; for the word: timeline --search {quoted}"
            ),
            // `timeline whoo`: clap's "a similar subcommand exists" says it best.
            _ if e.get(ContextKind::SuggestedSubcommand).is_some() => return None,
            _ => format!("to search for it: timeline --search {quoted}"),
        }
    };
    Some(Error::Usage(format!(
        "`{shown}` is not a command; {way} (commands: `timeline --help`)"
    )))
}

/// `word` as it would be typed in a shell.
fn shell_word(word: &str) -> String {
    if word
        .chars()
        .all(|c| c.is_alphanumeric() || "-_.,/".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// For `timeline show birth --limit 3`, an error naming `show` and the commands that take
/// `--limit`, in place of clap's "unexpected argument".
fn flag_of_another_command(e: &clap::Error, args: &[OsString]) -> Option<Error> {
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(flag)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let flag = flag.split('=').next().unwrap_or(flag);
    if !flag.starts_with("--") {
        return None;
    }
    use clap::CommandFactory;
    let root = Cli::command();
    let command = args.iter().skip(1).find_map(|a| {
        let a = a.to_str()?;
        root.get_subcommands()
            .find(|s| s.get_name() == a)
            .map(|s| s.get_name().to_string())
    })?;
    let known = root
        .get_subcommands()
        .flat_map(|s| s.get_arguments())
        .chain(root.get_arguments())
        .any(|a| a.get_long() == Some(flag.trim_start_matches('-')));
    known.then(|| crate::cmd::not_taken(&command, flag))
}
