//! Output taller than the terminal goes through a pager, as git and gh do: the run's output is
//! kept in memory, then written directly when it fits the screen, else piped to the pager.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// Where the output of a run goes once it is complete.
#[derive(Debug, Clone)]
pub struct Paging {
    /// The pager command (a shell command line), when paging applies.
    pub command: String,
    /// The terminal's height: output of fewer lines is written directly.
    pub height: usize,
    /// Whether to give the pager `LESS=FRX`: when the user has no `LESS` of their own.
    pub less_defaults: bool,
}

impl Paging {
    /// Writes `output` to `stdout` directly when it fits the screen, else through the pager. A
    /// pager that cannot start means the output is written directly; a pager the reader quits
    /// early (`q` in less) ends the run quietly.
    pub fn show(&self, output: &[u8], stdout: &mut dyn Write) -> io::Result<()> {
        let lines = output.iter().filter(|&&b| b == b'\n').count();
        if lines < self.height {
            return stdout.write_all(output);
        }
        let mut command = Command::new("sh");
        // The shell's "not found" would only repeat what the output written directly shows.
        command
            .args(["-c", &self.command])
            .stdin(Stdio::piped())
            .stderr(Stdio::null());
        // less: quit when one screen holds it, keep colors, leave the screen as it was (git's LESS).
        if self.less_defaults {
            command.env("LESS", "FRX");
        }
        let Ok(mut child) = command.spawn() else {
            return stdout.write_all(output);
        };
        if let Some(mut stdin) = child.stdin.take() {
            match stdin.write_all(output) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
                _ => {}
            }
        }
        // 127: the shell found no such pager; the output is not lost for that.
        if child.wait()?.code() == Some(127) {
            return stdout.write_all(output);
        }
        Ok(())
    }
}
