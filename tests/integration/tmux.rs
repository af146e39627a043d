//! A real terminal for the tests that need one (`browse`, the pager, signals): a tmux server of
//! the test's own, driven by keys and read back as the screen. `.ci/run` installs tmux; a test
//! that needs it fails without it rather than skip.

use std::process::Command as StdCommand;
use std::time::{Duration, Instant};

use crate::common;

/// A tmux server of this test's own (its own socket), killed when dropped.
pub struct Tmux {
    socket: String,
    /// Scratch files of the session (the process-id script of [`Tmux::run_with_pid`]).
    dir: tempfile::TempDir,
}

impl Tmux {
    /// A detached session `width`×`height` running a plain shell (no line editor that would
    /// mend the terminal itself), on a server named after the test (`name`) and this process.
    pub fn start(name: &str, width: u16, height: u16) -> Tmux {
        Tmux::start_with(name, width, height, &[])
    }

    /// [`Tmux::start`] with more `NAME=value` variables in the shell's bare environment
    /// (`LANG=C.UTF-8`, or less shows the table's borders as bytes).
    pub fn start_with(name: &str, width: u16, height: u16, env: &[&str]) -> Tmux {
        common::require("tmux", &["-V"]);
        let tmux = Tmux {
            socket: format!("timeline-{name}-{}", std::process::id()),
            dir: tempfile::tempdir().unwrap(),
        };
        let status = tmux
            .command()
            .args(["new-session", "-d", "-s", "t", "-x", &width.to_string()])
            .args(["-y", &height.to_string()])
            .args(["env", "-i", "PATH=/usr/bin:/bin", "TERM=xterm-256color"])
            .args(env)
            .args(["PS1=$ ", "sh"])
            .status()
            .unwrap();
        assert!(status.success(), "tmux new-session: {status:?}");
        tmux.wait_for(&["$"]);
        tmux
    }

    /// A tmux command on this server (`resize-window`, ...).
    pub fn command(&self) -> StdCommand {
        let mut command = StdCommand::new("tmux");
        command.args(["-L", &self.socket]);
        command
    }

    /// Sends keys by their tmux names (`Enter`, `C-c`, `q`).
    pub fn send(&self, keys: &[&str]) {
        let status = self
            .command()
            .args(["send-keys", "-t", "t"])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Types `text` literally (no key names).
    pub fn type_text(&self, text: &str) {
        let status = self
            .command()
            .args(["send-keys", "-t", "t", "-l", text])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Types `ENV timeline ARGS; echo EXIT=$?` and Enter.
    pub fn run(&self, env: &str, args: &str) {
        let binary = assert_cmd::cargo::cargo_bin("timeline");
        self.type_text(&format!(
            "{env} '{}' {args}; echo EXIT=$?",
            binary.display()
        ));
        self.send(&["Enter"]);
    }

    /// As [`Tmux::run`], the program started by a shell that writes its process id first and
    /// then becomes it; the id. A script of its own says the exit status: the interactive
    /// shell would skip the `echo` after a program that SIGINT ended.
    pub fn run_with_pid(&self, env: &str, args: &str) -> String {
        let binary = assert_cmd::cargo::cargo_bin("timeline");
        let pid_file = self.dir.path().join("pid");
        let _ = std::fs::remove_file(&pid_file);
        let script = self.dir.path().join("run.sh");
        let text = "sh -c 'echo $$ > \"$0\"; exec \"$@\"' \"$@\"\necho EXIT=$?\n";
        std::fs::write(&script, text).unwrap();
        self.type_text(&format!(
            "{env} sh '{}' '{}' '{}' {args}",
            script.display(),
            pid_file.display(),
            binary.display()
        ));
        self.send(&["Enter"]);
        let start = Instant::now();
        loop {
            if let Ok(pid) = std::fs::read_to_string(&pid_file)
                && pid.ends_with('\n')
            {
                return pid.trim().to_string();
            }
            assert!(start.elapsed() < common::HANG_GUARD, "no process id");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The pane's text.
    pub fn screen(&self) -> String {
        self.capture(false)
    }

    /// The pane's text; with `escapes`, with its colors and attributes as escape sequences.
    pub fn capture(&self, escapes: bool) -> String {
        let mut command = self.command();
        command.args(["capture-pane", "-p", "-t", "t"]);
        if escapes {
            command.arg("-e");
        }
        let output = command.output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// The pane's text with what scrolled off it.
    pub fn history(&self) -> String {
        let output = self
            .command()
            .args(["capture-pane", "-p", "-t", "t", "-S", "-"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// A tmux format of the pane: `#{alternate_on}`, `#{cursor_flag}`...
    pub fn pane(&self, format: &str) -> String {
        let output = self
            .command()
            .args(["display-message", "-p", "-t", "t", format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// Waits for the screen to show every one of `texts` at once (a frame may be caught half
    /// drawn); the screen it found.
    pub fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), |screen| {
            texts.iter().all(|text| screen.contains(text))
        })
    }

    /// Waits for a screen that `shows` accepts (`what`, for the failure); the screen it found.
    /// The program draws when it draws: only the hang guard ends the wait, failing the test with
    /// the last screen seen.
    pub fn wait_until(&self, what: &str, shows: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if shows(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < common::HANG_GUARD,
                "waited for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").status();
    }
}
