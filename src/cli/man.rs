//! The manual page timeline(1): one page for the whole program, rendered from whatever
//! `clap::Command` the command line is, so that every option of every subcommand is in it and no
//! page is referred to that does not exist.
//!
//! clap_mangen writes one page per command and points the main page at `timeline-who(1)` and
//! the like, which nobody installs; its option lists also trip `mandoc -T lint`. This module walks
//! the command itself and writes plain man(7) macros: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, a
//! COMMANDS section with a subsection (synopsis, description, options) per subcommand, then
//! EXAMPLES, EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO.

use std::io::{self, Write};

use clap::{Arg, ArgAction, Command};
use roff::{Inline, Roff, bold, italic, roman};

/// The date of the page's last revision, shown in its footer: a fixed date keeps the page the
/// same from one build to the next. Change it with the page.
const REVISED: &str = "2026-12-07";

/// Command lines a new reader can try, with what each shows.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "timeline --from 1917 --to 1921",
        "The events of the revolution and the civil war.",
    ),
    (
        "timeline who Kamenev",
        "Lev and Sergey Kamenev, each with a card, then their events.",
    ),
    (
        "timeline where Petrograd",
        "The city under all its names (Saint Petersburg, Petrograd, Leningrad) and its events.",
    ),
    (
        "timeline --in civil-war --tag war",
        "A period (see timeline periods), narrowed to a tag.",
    ),
    (
        "timeline show birth",
        "One event in full, New Style first with its Old Style day.",
    ),
    (
        "timeline chart --from 1917 --to 1929",
        "Periods, homes and events as bars over the years.",
    ),
    (
        "timeline on 11-07 -B 3",
        "What happened on 7 November and the three days before it.",
    ),
    (
        "timeline on 10-25",
        "What happened on 25 October, New Style or Old: the rising of 25 Oct 1917 O.S. too.",
    ),
    (
        "timeline --in 1917q2 --certain",
        "Only the events certainly in the second quarter of 1917, not those dated to the year.",
    ),
    (
        "timeline --tag family+death",
        "The events carrying both tags.",
    ),
    (
        "timeline export ics -o trotsky.ics",
        "The events known to the day, for a calendar program.",
    ),
    (
        "timeline export timelinejs -o trotsky.json",
        "A TimelineJS 3 document: a slide per event, an era per period.",
    ),
    (
        "timeline --format json | jq '.[].title'",
        "Every title, through jq.",
    ),
    ("timeline man | man -l -", "This page."),
];

/// What the exit status says.
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Something was found and shown."),
    (
        "1",
        "Nothing matched the filters, a name given (a tag, period, person, place or event id) \
         names nothing in the timeline, or there was nothing to export.",
    ),
    (
        "2",
        "Bad arguments, an option the command does not take, or a timeline file that cannot be \
         read; the message names the file, line and column.",
    ),
];

/// The environment the program reads beyond what an option names with its `[env: ...]`.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "TIMELINE_FILE",
        "The timeline file to read instead of the embedded one, as --file.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, no color (https://no-color.org).",
    ),
    (
        "CLICOLOR_FORCE",
        "When set and not 0, color even when not on a terminal.",
    ),
    (
        "CLICOLOR",
        "0: no color, on a terminal too (CLICOLOR_FORCE still forces it).",
    ),
    (
        "COLUMNS",
        "The width of tables and charts when not on a terminal, unless --width is given.",
    ),
    ("TERM", "dumb turns color off and draws charts in ASCII."),
    (
        "TIMELINE_CACHE",
        "off: do not keep parsed copies of large YAML files.",
    ),
    (
        "COMPLETE",
        "bash, zsh, fish, elvish or powershell: print that shell's completion script, as timeline completions does; the script sets it to ask for candidates.",
    ),
    (
        "XDG_CACHE_HOME",
        "Where the parse cache lives (default ~/.cache).",
    ),
    (
        "HOME",
        "The parse cache is under ~/.cache when XDG_CACHE_HOME is unset; a ~ in a --file \
         being completed is this folder.",
    ),
    (
        "TIMELINE_PAGER",
        "The pager for output taller than the terminal, before PAGER; empty or cat: none.",
    ),
    (
        "PAGER",
        "The pager when TIMELINE_PAGER is unset (default less); empty or cat: none.",
    ),
    (
        "LESS",
        "The options of less; when unset the pager gets FRX (quit when one screen holds the \
         output, keep colors), as git does.",
    ),
];

/// Related pages, and where the formats the program writes are described.
const SEE_ALSO: &[(&str, &str)] = &[
    ("less(1)", "the default pager"),
    ("calendar(1)", "what timeline on follows"),
    ("jq(1)", "for --format json"),
    (
        "khal(1), calcurse(1)",
        "calendar programs that read timeline export ics",
    ),
];

/// Writes the page for `command` (the program's `Cli::command()`).
pub fn render(command: Command, out: &mut dyn Write) -> io::Result<()> {
    let mut command = command;
    command.build();
    let name = command.get_name().to_string();
    let mut page = Roff::new();
    let source = format!(
        "{name} {}",
        command.get_version().unwrap_or(env!("CARGO_PKG_VERSION"))
    );
    page.control(
        "TH",
        [
            name.to_uppercase().as_str(),
            "1",
            REVISED,
            &source,
            "User Commands",
        ],
    );

    page.control("SH", ["NAME"]);
    let about = command
        .get_about()
        .map(|a| a.to_string())
        .unwrap_or_default();
    page.text([roman(format!("{name} - {}", about.trim_end_matches('.')))]);

    page.control("SH", ["SYNOPSIS"]);
    synopsis(&mut page, &command);
    for sub in visible_subcommands(&command) {
        page.control("br", []);
        synopsis(&mut page, sub);
    }

    page.control("SH", ["DESCRIPTION"]);
    paragraphs(&mut page, &long_about(&command));

    page.control("SH", ["OPTIONS"]);
    options(&mut page, command.get_arguments().filter(|a| shown(a)));

    page.control("SH", ["COMMANDS"]);
    let described: Vec<&Arg> = command.get_arguments().filter(|a| shown(a)).collect();
    for sub in visible_subcommands(&command) {
        subcommand(&mut page, sub, &described);
    }

    page.control("SH", ["EXAMPLES"]);
    for (line, what) in EXAMPLES {
        page.control("TP", []);
        page.text([bold(*line)]);
        page.text([roman(*what)]);
    }
    tagged(&mut page, "EXIT STATUS", EXIT_STATUS);
    tagged(&mut page, "ENVIRONMENT", ENVIRONMENT);
    page.control("SH", ["FILES"]);
    page.control("TP", []);
    page.text([italic("$XDG_CACHE_HOME/timeline")]);
    page.text([roman(
        "Parsed copies of large YAML timeline files, refreshed when the file changes; safe to delete.",
    )]);
    page.control("SH", ["SEE ALSO"]);
    let mut line = Vec::new();
    for (n, (pages, what)) in SEE_ALSO.iter().enumerate() {
        if n > 0 {
            line.push(roman("; "));
        }
        line.push(bold(*pages));
        line.push(roman(format!(" ({what})")));
    }
    line.push(roman(
        ". TimelineJS (https://timeline.knightlab.com) and markwhen (https://markwhen.com) read \
         the exports of the same names; the README and docs/VIEWS.md of the source describe \
         every view.",
    ));
    page.text(line);
    out.write_all(page.render().as_bytes())
}

/// A section of tagged paragraphs.
fn tagged(page: &mut Roff, title: &str, items: &[(&str, &str)]) {
    page.control("SH", [title]);
    for (tag, text) in items {
        page.control("TP", []);
        page.text([bold(*tag)]);
        page.text([roman(*text)]);
    }
}

/// The subcommands a reader can use (not clap's `help`, not hidden ones).
fn visible_subcommands(command: &Command) -> impl Iterator<Item = &Command> {
    command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// An argument worth listing: not hidden, not clap's help and version flags.
fn shown(arg: &Arg) -> bool {
    !arg.is_hide_set()
        && !matches!(
            arg.get_action(),
            ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong | ArgAction::Version
        )
}

/// The command's full description, or its one line.
fn long_about(command: &Command) -> String {
    command
        .get_long_about()
        .or(command.get_about())
        .map(|a| a.to_string())
        .unwrap_or_default()
}

/// Text split at blank lines into paragraphs, each filled by the formatter. The help is written
/// for a terminal, with Markdown's backticks around what is typed (`timeline periods`); a man
/// page shows them as they are, so they are left out.
fn paragraphs(page: &mut Roff, text: &str) {
    for (i, paragraph) in text.split("\n\n").enumerate() {
        let paragraph = paragraph
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('`', "");
        if paragraph.is_empty() {
            continue;
        }
        if i > 0 {
            page.control("PP", []);
        }
        page.text([roman(paragraph)]);
    }
}

/// One usage line: the command's full name in bold, then what it takes.
fn synopsis(page: &mut Roff, command: &Command) {
    let name = command
        .get_bin_name()
        .unwrap_or(command.get_name())
        .to_string();
    let usage = command.clone().render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim();
    let rest = usage.strip_prefix(name.as_str()).unwrap_or(usage).trim();
    page.text([bold(name), roman(format!(" {rest}"))]);
}

/// A subcommand's subsection: headed by its usage, then its description, the options only it takes; then its
/// own subcommands, if any.
/// A subcommand's subsection. Its options that mean what they mean under OPTIONS (`described`:
/// the filters, the list and format flags) are named in one line instead of described again,
/// which made the page three times as long.
fn subcommand(page: &mut Roff, command: &Command, described: &[&Arg]) {
    let usage = command.clone().render_usage().to_string();
    page.control("SS", [usage.trim_start_matches("Usage:").trim()]);
    paragraphs(page, &long_about(command));
    // Global options are listed once, under OPTIONS; clap copies them into every subcommand.
    let (shared, own): (Vec<&Arg>, Vec<&Arg>) = command
        .get_arguments()
        .filter(|a| shown(a) && !a.is_global_set())
        .partition(|a| described.iter().any(|d| same_option(a, d)));
    if !own.is_empty() {
        options(page, own.into_iter());
    }
    if !shared.is_empty() {
        let mut line = vec![roman("Also ")];
        for (n, arg) in shared.iter().enumerate() {
            if n > 0 {
                line.push(roman(", "));
            }
            match arg.get_long() {
                Some(long) => line.push(bold(format!("--{long}"))),
                None => line.extend(option_tag(arg)),
            }
        }
        line.push(roman(", as under OPTIONS."));
        page.control("PP", []);
        page.text(line);
    }
    for sub in visible_subcommands(command) {
        subcommand(page, sub, described);
    }
}

/// True when two options have the same name, value and help: one described twice.
fn same_option(a: &Arg, b: &Arg) -> bool {
    let help = |arg: &Arg| {
        arg.get_long_help()
            .or(arg.get_help())
            .map(|h| h.to_string())
    };
    a.get_long() == b.get_long()
        && a.get_short() == b.get_short()
        && a.get_value_names() == b.get_value_names()
        && help(a) == help(b)
        && a.get_default_values() == b.get_default_values()
}

/// The tag of an option: `-o, --output FILE`, `--anniversaries`, or a positional's `NAME`.
fn option_tag(arg: &Arg) -> Vec<Inline> {
    let mut tag = Vec::new();
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
    if arg.is_positional() {
        tag.push(italic(value));
        return tag;
    }
    if let Some(short) = arg.get_short() {
        tag.push(bold(format!("-{short}")));
    }
    if let Some(long) = arg.get_long() {
        if !tag.is_empty() {
            tag.push(roman(", "));
        }
        tag.push(bold(format!("--{long}")));
    }
    if arg.get_action().takes_values() {
        tag.push(roman(" "));
        tag.push(italic(value));
    }
    tag
}

/// Tagged paragraphs for arguments: the help, the values it accepts, its default, its variable.
fn options<'a>(page: &mut Roff, args: impl Iterator<Item = &'a Arg>) {
    for arg in args {
        page.control("TP", []);
        page.text(option_tag(arg));
        let help = arg
            .get_long_help()
            .or(arg.get_help())
            .map(|h| h.to_string())
            .unwrap_or_default();
        let mut notes = Vec::new();
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && arg.get_action().takes_values() {
            notes.push(format!("One of: {}.", values.join(", ")));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && arg.get_action().takes_values() {
            notes.push(format!("Default: {}.", defaults.join(", ")));
        }
        if let Some(env) = arg.get_env() {
            notes.push(format!("Also read from {}.", env.to_string_lossy()));
        }
        let mut help = help.trim().to_string();
        if !help.is_empty() && !help.ends_with(['.', '!', '?']) {
            help.push('.');
        }
        let text = [help.as_str(), &notes.join(" ")]
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        paragraphs(page, &text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    use crate::cli::Cli;

    fn page() -> String {
        let mut out = Vec::new();
        render(Cli::command(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_example_is_a_command_line_the_program_takes() {
        for (line, _) in EXAMPLES {
            // Only the part before a pipe is ours; split it as a shell would (no quotes there).
            let ours = line.split('|').next().unwrap();
            let words: Vec<&str> = ours.split_whitespace().collect();
            assert!(Cli::try_parse_from(&words).is_ok(), "{line}");
        }
    }

    #[test]
    fn a_shared_option_is_described_once_and_named_where_it_applies() {
        let page = page();
        // --from's help, as roff writes it.
        let from_help = "Events that end on or after the start of DATE";
        assert_eq!(page.matches(from_help).count(), 1, "described once");
        let who = &page[page.find(".SS \"timeline who").expect("a who subsection")..];
        let who = &who[..who[4..].find(".SS").map_or(who.len(), |end| end + 4)];
        assert!(who.contains("\\-\\-from"), "who names --from: {who}");
        // An option of its own is described in full where it belongs.
        assert!(page.contains("Look DAYS days either side of the date"));
    }

    #[test]
    fn every_option_of_every_subcommand_is_on_the_page() {
        let page = page();
        let mut command = Cli::command();
        command.build();
        let mut stack: Vec<&Command> = vec![&command];
        let mut checked = 0;
        while let Some(cmd) = stack.pop() {
            for arg in cmd.get_arguments().filter(|a| shown(a)) {
                if let Some(long) = arg.get_long() {
                    // roff escapes every hyphen: `--no-pager` is `\-\-no\-pager`.
                    let escaped = format!("--{long}").replace('-', "\\-");
                    assert!(page.contains(&escaped), "--{long}");
                    checked += 1;
                }
                if let Some(short) = arg.get_short() {
                    assert!(page.contains(&format!("\\-{short}")), "-{short}");
                }
            }
            stack.extend(visible_subcommands(cmd));
        }
        assert!(checked > 15, "{checked}");
        assert!(
            !page.contains("timeline-"),
            "no page of a subcommand is referred to"
        );
    }

    #[test]
    fn the_page_has_see_also_every_variable_read_and_no_markdown() {
        let page = page();
        assert!(page.contains(".SH \"SEE ALSO\""), "no SEE ALSO");
        let environment = &page[page.find(".SH ENVIRONMENT").unwrap()..];
        for var in [
            "TIMELINE_FILE",
            "TIMELINE_PAGER",
            "PAGER",
            "LESS",
            "NO_COLOR",
            "CLICOLOR",
            "CLICOLOR_FORCE",
            "COLUMNS",
            "TERM",
            "TIMELINE_CACHE",
            "XDG_CACHE_HOME",
            "HOME",
            "COMPLETE",
        ] {
            assert!(environment.contains(&format!("\\fB{var}\\fR")), "{var}");
        }
        assert!(!page.contains('`'), "a Markdown backtick on the page");
    }
}
