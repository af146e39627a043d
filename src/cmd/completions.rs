//! `timeline completions SHELL`: the script that registers completion for bash, zsh, fish, elvish
//! or PowerShell. It is the dynamic engine's (as `COMPLETE=SHELL timeline` prints it): the shell
//! calls back into the binary, which answers from the timeline in use (see [`crate::complete`]).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::error::Error;

/// The flags of `timeline completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the script.
pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<(), Error> {
    let shell = args.shell.to_string();
    let script = crate::complete::registration(&shell, &completer())
        .ok_or_else(|| Error::Usage(format!("no completion script for {shell}")))?;
    out.write_all(&script)?;
    if args.shell == clap_complete::Shell::Zsh {
        // Saved as `_timeline` in $fpath, the file is autoloaded as the completion function
        // itself: it must then complete too, not only register, or the first Tab finds nothing.
        out.write_all(AUTOLOADED_ZSH.as_bytes())?;
    }
    Ok(())
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
