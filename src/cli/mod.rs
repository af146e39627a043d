//! The command line, and the only module that knows clap: the arguments are parsed once
//! ([`parse`]) and turned into plain settings — the [`Choices`] that shape the output and the
//! [`cmd::Command`] to run — which is all the rest of the program sees. Help, version, clap's
//! messages and the friendlier ones for common mistakes end here too.
//!
//! - `args.rs`: the top level and the flag groups the commands share.
//! - `commands.rs`: each subcommand's own flags, and what they settle into.
//! - `values.rs`: the values the flags take.
//! - `complete.rs` and `man.rs`: shell completion and the man page, made from clap's tree.

mod args;
mod commands;
pub mod complete;
mod groups;
pub mod man;
mod values;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

pub use self::args::Cli;
use self::args::{Command, GlobalArgs};
use self::groups::{CommandArgs, ListViewArgs};
use crate::cmd;
use crate::config::Choices;
use crate::error::{Error, QUOTE_CHARS, say};

/// A command line turned into what the run needs: nothing in it knows clap.
#[derive(Debug)]
pub struct Invocation {
    /// What the command line asks of the output; [`crate::config::Config::new`] settles it
    /// with the environment and the terminal.
    pub choices: Choices,
    /// The command to run, with its settings.
    pub command: cmd::Command,
}

/// How parsing the command line can end without a command to run.
#[derive(Debug)]
pub enum ParseEnd {
    /// clap's own ending (help, version, or its message for a malformed command line), already
    /// written; the exit code.
    Written(i32),
    /// A command line the program refuses, to be reported as any other error.
    Error(Error),
}

/// Parses `args` (the program's name first) once, and turns them into plain settings.
pub fn parse(args: &[OsString]) -> Result<Invocation, ParseEnd> {
    // `timeline help --help` (help about help): the program's help, as git gives; clap would
    // take `--help` for the name of a command to explain.
    let asks_help_of_help = args.get(1).is_some_and(|a| a == "help")
        && args.len() > 2
        && args[2..].iter().all(|a| a == "--help" || a == "-h");
    let help_only: Vec<OsString> = args
        .iter()
        .take(1)
        .cloned()
        .chain(["--help".into()])
        .collect();
    let args = if asks_help_of_help {
        &help_only[..]
    } else {
        args
    };
    let parsed = Cli::command()
        .try_get_matches_from(args)
        .and_then(|matches| {
            let name = matches.subcommand_name().map(str::to_string);
            Ok((name, Cli::from_arg_matches(&matches)?))
        });
    let (name, cli) = parsed.map_err(|e| {
        match flag_of_another_command(&e, args).or_else(|| word_for_a_command(&e)) {
            Some(error) => ParseEnd::Error(error),
            None => ParseEnd::Written(clap_ending(e)),
        }
    })?;
    settle(cli, name.as_deref()).map_err(ParseEnd::Error)
}

/// The plain settings of a parsed command line: its subcommand's flags, with the flags given
/// before the subcommand's name handed to it.
fn settle(cli: Cli, name: Option<&str>) -> Result<Invocation, Error> {
    let Cli {
        command,
        list,
        global,
    } = cli;
    let Some(command) = command else {
        return settled(list, global, None);
    };
    // The event list's flags typed before the subcommand's name: `timeline --from 1917 who`.
    let earlier = Some((name.unwrap_or_default(), list));
    match command {
        Command::Who(args) => settled(args, global, earlier),
        Command::Where(args) => settled(args, global, earlier),
        Command::Periods(args) => settled(args, global, earlier),
        Command::Tags(args) => settled(args, global, earlier),
        Command::Show(args) => settled(args, global, earlier),
        Command::Check(args) => settled(args, global, earlier),
        Command::Chart(args) => settled(args, global, earlier),
        Command::Stats(args) => settled(args, global, earlier),
        Command::Stays(args) => settled(args, global, earlier),
        Command::On(args) => settled(args, global, earlier),
        Command::Around(args) => settled(args, global, earlier),
        Command::Export(args) => settled(args, global, earlier),
        Command::Browse(args) => settled(args, global, earlier),
        Command::Completions(args) => settled(args, global, earlier),
        Command::Schema => settled(commands::NoFlags(cmd::Command::Schema), global, earlier),
        Command::Template => settled(commands::NoFlags(cmd::Command::Template), global, earlier),
        Command::Man => {
            let mut page = Vec::new();
            man::render(Cli::command(), &mut page)?;
            settled(
                commands::NoFlags(cmd::Command::Print(page)),
                global,
                earlier,
            )
        }
    }
}

/// What `args` settle into, after taking over the `earlier` flags (given before the name of
/// the command they are for) and refusing those the command does not take.
fn settled<A: CommandArgs>(
    mut args: A,
    global: GlobalArgs,
    earlier: Option<(&str, ListViewArgs)>,
) -> Result<Invocation, Error> {
    let groups = args.groups_mut();
    if let Some((name, earlier)) = earlier {
        earlier.hand_to(groups, name)?;
    }
    let output = args.output();
    let groups = args.groups_mut();
    let choices = Choices {
        file: global.file,
        color: global.color,
        no_pager: global.no_pager,
        output,
        format: groups.format.and_then(|f| f.format),
        width: groups.layout.as_ref().and_then(|l| l.width),
        ascii: groups.layout.is_some_and(|l| l.ascii),
        search: groups.filters.and_then(|f| f.search.clone()),
    };
    Ok(Invocation {
        choices,
        command: args.into_command()?,
    })
}

/// The error for a flag a command does not take, naming the commands that do.
fn not_taken(command: &str, flag: &str) -> Error {
    let long = flag.trim_start_matches('-');
    let root = Cli::command();
    // A flag of the same name that means something else for this command (chart's --format).
    let own = root
        .find_subcommand(command)
        .is_some_and(|sub| sub.get_arguments().any(|a| a.get_long() == Some(long)));
    if own {
        return Error::Usage(format!(
            "`timeline {command}` takes a {flag} of its own, after its name (see `timeline \
             {command} --help`)"
        ));
    }
    let mut takers: Vec<String> = Vec::new();
    if root
        .get_arguments()
        .any(|a| a.get_long() == Some(long) && !a.is_global_set())
    {
        takers.push("the event list (no command)".to_string());
    }
    for sub in root.get_subcommands() {
        if sub.get_arguments().any(|a| a.get_long() == Some(long)) {
            takers.push(sub.get_name().to_string());
        }
    }
    let hint = if takers.is_empty() {
        String::new()
    } else {
        format!("; it works with {}", takers.join(", "))
    };
    Error::Usage(format!(
        "`timeline {command}` does not take {flag} (see `timeline {command} --help`){hint}"
    ))
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
    // A flag in a command's place (`timeline help --frobnicate`) is no word to search for.
    if word.starts_with('-') {
        return None;
    }
    let shown = crate::error::quote(word);
    let quoted = shell_word(&shown);
    let is_year = (1..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
    let way = if is_year {
        format!("for the events of {shown}: timeline --in {shown}")
    } else {
        // The embedded timeline knows the names; a file given with --file is not read for a hint.
        let index = crate::index::Index::open(None, None).ok();
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
    known.then(|| not_taken(&command, flag))
}

/// Ends the run the way clap asked to: help or version on stdout (checked: `--help >/dev/full`
/// fails), a usage error on stderr; returns the exit code.
/// `text` with every run of characters without a space longer than [`QUOTE_CHARS`] cut there,
/// with `…`: clap quotes the arguments it refuses whole, and an argument may be 100 KB.
fn cut_long_words(text: &str) -> String {
    let mut cut = String::with_capacity(text.len().min(4096));
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_whitespace() { 0 } else { run + 1 };
        if run <= QUOTE_CHARS {
            cut.push(c);
        } else if run == QUOTE_CHARS + 1 {
            cut.push('…');
        }
    }
    cut
}

fn clap_ending(e: clap::Error) -> i32 {
    if e.use_stderr() {
        // Plain text: `say` shows any control character of the user's arguments escaped, and
        // an argument of 100 KB is cut as every value a message quotes is.
        say(&cut_long_words(&e.render().to_string()));
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
