//! Shell completion from the timeline in use: the shell calls back into the binary
//! (clap_complete's `CompleteEnv`), and the values of `--person`, `who`, `--place`, `where`, `--in`,
//! `--tag` and `show` come from the embedded timeline or the one `--file`/`TIMELINE_FILE` names.
//! A completion never prints an error: whatever fails, the shell is offered nothing.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::sync::OnceLock;

use clap::CommandFactory;
use clap_complete::env::{CompleteEnv, EnvCompleter, Shells};
use clap_complete::{CompletionCandidate, Shell};

use super::Cli;
use crate::error::Error;
use crate::index::{Index, Opened, fold};
use crate::term::Environment;

/// The variable the shell sets when it calls back: `COMPLETE=bash timeline -- timeline who Kam`.
const VAR: &str = "COMPLETE";

/// The shell that called back, kept before `CompleteEnv` removes [`VAR`] from the environment:
/// bash needs its values escaped.
static SHELL: OnceLock<String> = OnceLock::new();

/// When the shell asks (`COMPLETE=SHELL` is set), answers and exits: with the registration script
/// when no words follow, with the candidates for the word under the cursor when they do. Returns
/// when the variable is unset, empty or `0`: a normal run.
pub fn answer_if_asked() {
    let Some(shell) = std::env::var_os(VAR) else {
        return;
    };
    // A `COMPLETE` left in the environment for something else (`COMPLETE=1`) is not a shell
    // asking: the run goes on as if it were unset, rather than failing every command.
    let named = std::path::Path::new(&shell)
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|name| Shells::builtins().completer(name).is_some());
    if !named {
        return;
    }
    let _ = SHELL.set(shell.to_string_lossy().into_owned());
    let args: Vec<OsString> = std::env::args_os().collect();
    // The shell's call has `--` before the words; the registration script is asked for without.
    let registering = !args.iter().skip(1).any(|a| a == "--");
    if !registering {
        // A bug in a completer must not write a panic message over the user's command line.
        std::panic::set_hook(Box::new(|_| {}));
    }
    if registering && SHELL.get().is_some_and(|shell| is_bash(shell)) {
        // bash's registration from clap_complete quotes the path wrongly: ours instead, the
        // same that `timeline completions bash` prints (see `registration`).
        use std::io::Write as _;
        let code = match registration("bash", &completer()) {
            Some(script) => match std::io::stdout().write_all(&script) {
                Ok(()) => 0,
                Err(_) => 1,
            },
            None => 1,
        };
        std::process::exit(code);
    }
    let current_dir = std::env::current_dir().ok();
    match CompleteEnv::with_factory(Cli::command)
        .var(VAR)
        .try_complete(args, current_dir.as_deref())
    {
        Ok(true) => std::process::exit(0),
        Ok(false) => {}
        // `COMPLETE=tcsh timeline`: the person installing the script needs to know.
        Err(e) if registering => e.exit(),
        // The shells treat a failed call as "no candidates".
        Err(_) => std::process::exit(1),
    }
}

/// True for `COMPLETE=bash` or a path to it (`COMPLETE=/usr/bin/bash`), as `CompleteEnv` reads it.
fn is_bash(shell: &str) -> bool {
    std::path::Path::new(shell).file_stem() == Some(OsStr::new("bash"))
}

/// The script `timeline completions SHELL` prints: the dynamic engine's registration (as
/// `COMPLETE=SHELL timeline` prints it), which calls back into this binary.
pub fn script(shell: Shell) -> Result<Vec<u8>, Error> {
    let name = shell.to_string();
    let mut script = registration(&name, &completer())
        .ok_or_else(|| Error::Usage(format!("no completion script for {name}")))?;
    if shell == Shell::Zsh {
        // Saved as `_timeline` in $fpath, the file is autoloaded as the completion function
        // itself: it must then complete too, not only register, or the first Tab finds nothing.
        script.extend_from_slice(AUTOLOADED_ZSH.as_bytes());
    }
    Ok(script)
}

/// Appended to the zsh script: when run as the autoloaded `_timeline`, complete at once.
const AUTOLOADED_ZSH: &str = r#"
if [[ "${funcstack[1]}" == "_timeline" ]]; then
    _clap_dynamic_completer_timeline "$@"
fi
"#;

/// The program the script calls back, as `CompleteEnv` names it: as it was invoked, made
/// absolute when it was a relative path (`./target/debug/timeline`), so a bare `timeline` is
/// found on $PATH when the shell completes.
fn completer() -> String {
    let invoked = PathBuf::from(
        std::env::args_os()
            .next()
            .unwrap_or_else(|| "timeline".into()),
    );
    let path = match std::env::current_dir() {
        Ok(dir) if invoked.components().count() > 1 => dir.join(invoked),
        _ => invoked,
    };
    path.to_string_lossy().into_owned()
}

/// The registration script for `shell` (as `COMPLETE=SHELL timeline` prints it), calling back
/// into `completer`; `None` for a shell the dynamic engine does not know.
///
/// bash's is written with a stand-in for the path, put in afterwards quoted as bash needs:
/// clap_complete's bash template wraps the path it has quoted for a shell in double quotes
/// (`"'/opt/my tools/timeline'"`), so a path with a space names no program and a path holding
/// `$(…)` runs it on every Tab (see docs/upstream/clap_complete-bash-quoting.md).
fn registration(shell: &str, completer: &str) -> Option<Vec<u8>> {
    let shells = Shells::builtins();
    let adapter: &dyn EnvCompleter = shells.completer(shell)?;
    let mut script = Vec::new();
    if shell != "bash" {
        adapter
            .write_registration(VAR, "timeline", "timeline", completer, &mut script)
            .ok()?;
        return Some(script);
    }
    adapter
        .write_registration(VAR, "timeline", "timeline", BASH_STAND_IN, &mut script)
        .ok()?;
    let script = String::from_utf8(script).ok()?;
    let quoted_stand_in = format!("\"{BASH_STAND_IN}\"");
    // The template must still hold the stand-in once, double-quoted: if a new clap_complete
    // writes it otherwise, no script rather than a wrong one.
    if script.matches(&quoted_stand_in).count() != 1 {
        return None;
    }
    Some(
        script
            .replace(&quoted_stand_in, &bash_quote(completer))
            .into_bytes(),
    )
}

/// A word that no quoting changes and that the template's other names (`NAME`, `BIN`, `VAR`)
/// do not hold, written where the path goes and then replaced.
const BASH_STAND_IN: &str = "timeline_completer_path";

/// `text` as one bash word that nothing in it can expand: in single quotes, each single quote
/// written as `'\''` (close, an escaped quote, open again).
fn bash_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The words of the command line being completed, as the shell passed them after `--`, without
/// the program's name.
fn typed_words() -> Vec<String> {
    std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(2)
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// The timeline the completed command would read: `--file` as typed so far, else
/// `TIMELINE_FILE`, else the embedded one. `None` when it cannot be read.
fn timeline_in_use() -> Option<Opened> {
    let env = Environment::from_process();
    let file = file_given(&typed_words()).or_else(|| {
        std::env::var_os("TIMELINE_FILE")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    // A FIFO or a terminal (`--file /dev/stdin`, `--file -`) would hold the shell's Tab until
    // someone writes: only a regular file is read while completing.
    if file
        .as_deref()
        .is_some_and(|f| !f.is_file() || crate::load::is_standard_input(f))
    {
        return None;
    }
    let cache_dir = crate::store::directory(&env);
    // A damaged index file offers nothing to complete (no completion is better than a slow
    // one); the next command run answers it and rewrites the entry.
    Index::open(file.as_deref(), cache_dir.as_deref()).ok()
}

/// The last `--file PATH`, `--file=PATH`, `-f PATH` or `-fPATH` among `words`, unquoted, with a
/// leading `~/` meaning the home folder as the shell would have it.
fn file_given(words: &[String]) -> Option<PathBuf> {
    let mut found = None;
    let mut words = words.iter().map(|w| unquote(w));
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.as_str() {
            "--file" | "-f" => words.next(),
            _ => word
                .strip_prefix("--file=")
                .or_else(|| word.strip_prefix("-f").filter(|rest| !rest.is_empty()))
                .map(str::to_string),
        };
        if value.is_some() {
            found = value;
        }
    }
    let path = found?;
    match path.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME").map(|home| PathBuf::from(home).join(rest)),
        None => Some(PathBuf::from(path)),
    }
}

/// A word as the shell would pass it to the program: quotes and backslashes removed. The
/// shells hand the word under the cursor over as typed (`Sergey\ Kam`, `"Sergey Kam`).
fn unquote(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '\\') | (Some('"'), '\\') => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    out
}

/// The word under the cursor, as the candidates need it.
struct Word {
    /// What a candidate must start with: the word folded (case and accents aside; `Троц` is
    /// `trots`), keeping a final space so `Lev ` means the word `Lev`.
    prefix: String,
    /// Whether candidates are escaped for the shell: bash inserts a candidate as it is, so a
    /// space or quote in it needs a backslash, except inside quotes the user opened (bash then
    /// passes the word without them, so a bare space shows it); zsh and fish quote themselves.
    escape: bool,
}

impl Word {
    /// The word `current` as the shell passed it.
    fn of(current: &OsStr) -> Word {
        let raw = current.to_string_lossy();
        let typed = unquote(&raw);
        let mut prefix = fold(&typed);
        if !prefix.is_empty() && typed.ends_with(char::is_whitespace) {
            prefix.push(' ');
        }
        // `COMPLETE=/usr/bin/bash` is bash too, as `CompleteEnv` reads it.
        let bash = SHELL.get().is_some_and(|shell| is_bash(shell));
        Word {
            prefix,
            escape: bash && !has_bare_space(&raw),
        }
    }

    /// Whether `value` completes this word.
    fn completed_by(&self, value: &str) -> bool {
        fold(value).starts_with(&self.prefix)
    }

    /// A candidate for `value` with `help`; `None` for a value a shell could not take as one
    /// word.
    fn candidate(&self, value: &str, help: Option<String>) -> Option<CompletionCandidate> {
        if value.is_empty() || value.chars().any(char::is_control) {
            return None;
        }
        let help = help.filter(|h| !h.is_empty()).map(|h| help_line(&h).into());
        let value = if self.escape {
            backslashed(value)
        } else {
            value.to_string()
        };
        Some(CompletionCandidate::new(value).help(help))
    }
}

/// Whether `raw` has a space no backslash escapes.
fn has_bare_space(raw: &str) -> bool {
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            c if c.is_whitespace() => return true,
            _ => {}
        }
    }
    false
}

/// `value` with a backslash before every character bash would otherwise act on.
fn backslashed(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    for (i, c) in value.chars().enumerate() {
        let special = c.is_whitespace()
            || "'\"\\$`!&;|<>()*?[]{}".contains(c)
            || (i == 0 && "~#".contains(c));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One line of help, with nothing a terminal would act on.
fn help_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    line.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The values among `names` (each owner's names, its main one first) that complete `prefix`:
/// whole names and, once something is typed, the rest of a name from one of its words
/// (`Kamenev` of Lev Kamenev for `Kam`). Each value once, in alphabetical order (case and
/// accents aside), as a reader scans a list of names.
fn completing_names<'a>(
    names: impl Iterator<Item = Vec<&'a str>> + Clone,
    prefix: &str,
) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    let mut values = Vec::new();
    let mut offer = |value: &'a str| {
        let folded = fold(value);
        if folded.starts_with(prefix) && seen.insert(folded) {
            values.push(value);
        }
    };
    for owner in names.clone() {
        // With nothing typed, one name per owner: every alias would drown the list.
        let wanted = if prefix.is_empty() { 1 } else { owner.len() };
        owner.into_iter().take(wanted).for_each(&mut offer);
    }
    if !prefix.is_empty() {
        for name in names.flatten() {
            let tails = name
                .char_indices()
                .filter(|&(i, c)| i > 0 && c.is_whitespace())
                .map(|(i, _)| name[i..].trim_start());
            tails.for_each(&mut offer);
        }
    }
    values.sort_by_cached_key(|value| fold(value));
    values
}

/// People for `--person`, `--with` and `who`: names and aliases, with the person's about line
/// (or, for a value several people share, their names) as help.
pub fn people(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(index) = timeline_in_use() else {
        return Vec::new();
    };
    let people = &index.timeline().people;
    let names = people.iter().map(|p| p.all_names().collect::<Vec<_>>());
    let word = Word::of(current);
    completing_names(names, &word.prefix)
        .into_iter()
        .filter_map(|value| {
            // The help says whom the value finds, so a candidate that finds nobody is dropped.
            let found = index.find_people(value);
            let help = match found.as_slice() {
                [] => return None,
                [one] => {
                    let person = &people[*one];
                    let about = person.about.as_deref().unwrap_or_default();
                    Some(match (person.name == value, about.is_empty()) {
                        (true, _) => about.to_string(),
                        (false, true) => person.name.clone(),
                        (false, false) => format!("{}: {about}", person.name),
                    })
                }
                many => Some(names_of(many.iter().map(|&p| people[p].name.as_str()))),
            };
            word.candidate(value, help)
        })
        .collect()
}

/// Places for `--place` and `where`: every name a place has had, with the place's current name
/// (or the place it is within) as help.
pub fn places(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(index) = timeline_in_use() else {
        return Vec::new();
    };
    let places = &index.timeline().places;
    let names = places.iter().map(|p| p.all_names().collect::<Vec<_>>());
    let word = Word::of(current);
    completing_names(names, &word.prefix)
        .into_iter()
        .filter_map(|value| {
            let found = index.find_places(value);
            let help = match found.as_slice() {
                [] => return None,
                [one] => {
                    let place = &places[*one];
                    if place.name == value {
                        place
                            .within_now()
                            .map(|w| format!("in {}", places[w].name_now()))
                    } else {
                        Some(place.name.clone())
                    }
                }
                many => Some(names_of(many.iter().map(|&p| places[p].name.as_str()))),
            };
            word.candidate(value, help)
        })
        .collect()
}

/// "A, B, C and 4 more": a few names, for a value several owners share.
fn names_of<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> String {
    const SHOWN: usize = 3;
    let total = names.len();
    let mut text = names.take(SHOWN).collect::<Vec<_>>().join(", ");
    if total > SHOWN {
        text.push_str(&format!(" and {} more", total - SHOWN));
    }
    text
}

/// Periods and years for `--in`: period ids with their titles, then the years of the life.
pub fn periods_and_years(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(index) = timeline_in_use() else {
        return Vec::new();
    };
    let word = Word::of(current);
    let periods = index
        .timeline()
        .periods
        .iter()
        .filter(|p| word.completed_by(&p.id))
        .filter_map(|p| word.candidate(&p.id, Some(p.title.clone())));
    let mut candidates: Vec<CompletionCandidate> = periods.collect();
    candidates.extend(years_of(&index, &word));
    candidates
}

/// Years for `--from` and `--to`: the years of the life.
pub fn years(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(index) = timeline_in_use() else {
        return Vec::new();
    };
    years_of(&index, &Word::of(current))
}

/// The years from the subject's birth to their death (or, without those, the years the events
/// span) that complete `word`.
fn years_of(index: &Opened, word: &Word) -> Vec<CompletionCandidate> {
    use chrono::Datelike;
    let timeline = index.timeline();
    let Ok(events) = index.events() else {
        return Vec::new();
    };
    let life = timeline
        .subject()
        .and_then(|s| Some((s.born.as_ref()?, s.died.as_ref())))
        .map(|(born, died)| {
            let last = died.map_or_else(|| timeline_last_year(events), |d| d.latest().year());
            (born.earliest().year(), last)
        });
    let (first, last) = match life {
        Some(span) => span,
        None => match events.first() {
            Some(first) => (first.date.earliest().year(), timeline_last_year(events)),
            None => return Vec::new(),
        },
    };
    (first..=last)
        .map(|year| year.to_string())
        .filter(|year| word.completed_by(year))
        .filter_map(|year| word.candidate(&year, None))
        .collect()
}

/// The last year any event reaches.
fn timeline_last_year(events: &[crate::model::Event]) -> i32 {
    use chrono::Datelike;
    events
        .iter()
        .map(|e| e.date.latest().year())
        .max()
        .unwrap_or(0)
}

/// Tags for `--tag`, most used first, with their event counts.
pub fn tags(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(index) = timeline_in_use() else {
        return Vec::new();
    };
    let word = Word::of(current);
    index
        .tag_counts()
        .unwrap_or_default()
        .into_iter()
        .filter(|(tag, _)| word.completed_by(tag))
        .filter_map(|(tag, count)| {
            let events = if count == 1 { "event" } else { "events" };
            word.candidate(&tag, Some(format!("{count} {events}")))
        })
        .collect()
}

/// Event ids for `show`, in date order, with their dates and titles.
pub fn events(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(index) = timeline_in_use() else {
        return Vec::new();
    };
    let word = Word::of(current);
    index
        .events()
        .unwrap_or_default()
        .iter()
        .filter(|e| word.completed_by(&e.id))
        .filter_map(|e| word.candidate(&e.id, Some(format!("{}: {}", e.date.words(), e.title))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquote_removes_what_the_shell_would() {
        assert_eq!(unquote(r"Sergey\ Kam"), "Sergey Kam");
        assert_eq!(unquote(r#""Sergey Kam"#), "Sergey Kam");
        assert_eq!(unquote("'Zinov'\\''ev'"), "Zinov'ev");
        assert_eq!(unquote(r#""a\"b""#), "a\"b");
        assert_eq!(unquote("'a\\b'"), "a\\b");
    }

    #[test]
    fn bash_values_come_escaped_unless_typed_in_quotes() {
        assert_eq!(backslashed("Sergey Kamenev"), r"Sergey\ Kamenev");
        assert_eq!(backslashed("Zinov'ev"), r"Zinov\'ev");
        assert_eq!(backslashed("~a#b"), r"\~a#b");
        assert_eq!(backslashed("civil-war"), "civil-war");
        assert!(has_bare_space("Sergey Kam"));
        assert!(!has_bare_space(r"Sergey\ Kam"));
        assert!(!has_bare_space("Sergey"));
    }

    #[test]
    fn file_is_read_from_every_spelling_of_the_flag() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for (line, file) in [
            (&["--file", "a.yaml", "who"][..], Some("a.yaml")),
            (&["--file=b.yaml", "who"], Some("b.yaml")),
            (&["-f", "c.yaml"], Some("c.yaml")),
            (&["-fd.yaml"], Some("d.yaml")),
            (&["who", r"my\ life.yaml"], None),
            (&["-f", r"my\ life.yaml"], Some("my life.yaml")),
            (&["--", "--file", "x"], None),
        ] {
            assert_eq!(
                file_given(&words(line)),
                file.map(PathBuf::from),
                "{line:?}"
            );
        }
    }

    #[test]
    fn names_complete_from_any_word() {
        let names = vec![
            vec!["Lev Kamenev", "Kamenev"],
            vec!["Sergey Kamenev", "Kamenev"],
        ];
        assert_eq!(
            completing_names(names.clone().into_iter(), "kam"),
            vec!["Kamenev"]
        );
        assert_eq!(
            completing_names(names.clone().into_iter(), "serg"),
            vec!["Sergey Kamenev"]
        );
        assert_eq!(
            completing_names(names.clone().into_iter(), ""),
            vec!["Lev Kamenev", "Sergey Kamenev"]
        );
        let names = vec![vec!["Zinoviev"], vec!["Álvarez"]];
        assert_eq!(
            completing_names(names.into_iter(), ""),
            vec!["Álvarez", "Zinoviev"]
        );
    }
}
