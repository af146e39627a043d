//! Output taller than the terminal goes through a pager, as git and gh do. The output is held
//! only until it is known not to fit the screen; from then on it goes to the pager as it is
//! made, so a long list is never held whole (a million events took 2.3 GB held).
//!
//! While the pager runs, the program behaves as git does with its pager: Ctrl-C is the pager's
//! (less uses it to stop a search) and does not end the program, and SIGTERM, SIGHUP or SIGQUIT
//! end it only once the pager has ended, so that no pager is left reading the terminal with the
//! shell (it swallowed the next keystroke). A pager that fails (exits with a failure or is
//! killed) is taken as not having shown the output: it is written directly instead, after a
//! note on stderr, or, when more than [`REPLAY`] bytes went to the pager, the run fails with a
//! message, so that a run never ends in success having shown nothing.

use std::io::{self, BufWriter, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What went to the pager is kept, up to this many bytes, to be written directly if the pager
/// fails: many screens, and still small.
const REPLAY: usize = 4 << 20;

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
    /// A writer that holds the output until it no longer fits the screen, then starts the pager
    /// and sends it everything, and writes output that fits to `stdout` directly. Call
    /// [`Pager::finish`] at the end.
    pub fn writer<'a>(&'a self, stdout: &'a mut dyn Write) -> Pager<'a> {
        Pager {
            paging: self,
            stdout,
            state: State::Holding {
                held: Vec::new(),
                lines: 0,
            },
        }
    }

    /// Writes `output` to `stdout` directly when it fits the screen, else through the pager.
    pub fn show(&self, output: &[u8], stdout: &mut dyn Write) -> io::Result<()> {
        let mut pager = self.writer(stdout);
        pager.write_all(output)?;
        pager.finish()
    }

    /// Starts the pager on a pipe; `None` when it cannot start.
    fn spawn(&self) -> Option<Child> {
        let mut command = Command::new("sh");
        // The shell's "not found" is said better by the note that the pager failed.
        command
            .args(["-c", &self.command])
            .stdin(Stdio::piped())
            .stderr(Stdio::null());
        // less: quit when one screen holds it, keep colors, leave the screen as it was (git's LESS).
        if self.less_defaults {
            command.env("LESS", "FRX");
        }
        command.spawn().ok()
    }
}

/// The output of a run on its way to the screen: see [`Paging::writer`].
pub struct Pager<'a> {
    paging: &'a Paging,
    stdout: &'a mut dyn Write,
    state: State,
}

/// Where a [`Pager`]'s output goes now.
enum State {
    /// Not yet taller than the screen: held.
    Holding {
        /// The output so far.
        held: Vec<u8>,
        /// Its lines.
        lines: usize,
    },
    /// To the pager.
    Paging(Running),
    /// To standard output: the pager could not start or failed.
    Direct,
}

/// A pager that was started, and what it was sent.
struct Running {
    child: Child,
    /// The pager's input; `None` once closed.
    input: Option<BufWriter<ChildStdin>>,
    /// What went to the pager, while it is at most [`REPLAY`] bytes.
    sent: Option<Vec<u8>>,
    /// The signal that asked the program to end while the pager ran, or 0.
    ending: Arc<AtomicUsize>,
}

impl Write for Pager<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.state {
            State::Holding { held, lines } => {
                held.extend_from_slice(buf);
                *lines += buf.iter().filter(|&&b| b == b'\n').count();
                if *lines >= self.paging.height {
                    let held = std::mem::take(held);
                    self.start(held)?;
                }
            }
            State::Paging(running) => {
                running.end_if_asked();
                if let Err(e) = running.send(buf) {
                    return self.pager_gone(e).map(|()| buf.len());
                }
            }
            State::Direct => self.stdout.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.state {
            State::Holding { .. } => Ok(()),
            State::Paging(running) => match running.input.as_mut().map(Write::flush) {
                Some(Err(e)) => self.pager_gone(e),
                _ => Ok(()),
            },
            State::Direct => self.stdout.flush(),
        }
    }
}

impl Pager<'_> {
    /// Ends the output: what is held (it fit the screen) is written, or the pager is sent the
    /// end of its input and waited for.
    pub fn finish(mut self) -> io::Result<()> {
        match std::mem::replace(&mut self.state, State::Direct) {
            State::Holding { held, .. } => self.stdout.write_all(&held),
            State::Paging(mut running) => {
                let closed = running.close();
                let status = running.wait()?;
                match closed {
                    Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
                    _ if status.success() => Ok(()),
                    _ => self.fall_back(running, status),
                }
            }
            State::Direct => Ok(()),
        }
    }

    /// Starts the pager with `held`, the output so far; without a pager it is written directly.
    fn start(&mut self, held: Vec<u8>) -> io::Result<()> {
        let Some(mut child) = self.paging.spawn() else {
            self.state = State::Direct;
            return self.stdout.write_all(&held);
        };
        let input = child.stdin.take().map(BufWriter::new);
        let mut running = Running {
            child,
            input,
            sent: Some(Vec::new()),
            ending: Arc::new(AtomicUsize::new(0)),
        };
        running.catch_signals();
        let sent = running.send(&held);
        self.state = State::Paging(running);
        sent.or_else(|e| self.pager_gone(e))
    }

    /// The pager stopped reading (`e`): the reader quit it, which ends the run quietly as a
    /// closed pipe does, or it failed and the output goes to the screen directly.
    fn pager_gone(&mut self, e: io::Error) -> io::Result<()> {
        let State::Paging(mut running) = std::mem::replace(&mut self.state, State::Direct) else {
            return Err(e);
        };
        if e.kind() != io::ErrorKind::BrokenPipe {
            // Not the pager's doing: it is waited for when `running` is dropped.
            return Err(e);
        }
        running.input = None;
        let status = running.wait()?;
        if status.success() {
            return Err(e);
        }
        self.fall_back(running, status)
    }

    /// After the pager failed with `status`: what it was sent is written directly, and what
    /// follows too; if that is no longer held, the run fails saying so.
    fn fall_back(&mut self, running: Running, status: ExitStatus) -> io::Result<()> {
        let command = &self.paging.command;
        let Some(sent) = running.sent else {
            return Err(io::Error::other(format!(
                "the pager `{command}` failed ({status}) after more output than is kept to show \
                 again; run with --no-pager or another TIMELINE_PAGER"
            )));
        };
        crate::error::say(&format!(
            "timeline: the pager `{command}` failed ({status}); the output follows without it"
        ));
        self.state = State::Direct;
        self.stdout.write_all(&sent)
    }
}

impl Drop for Pager<'_> {
    /// A run that ends early (an error, the reader quitting) still waits for its pager: the
    /// shell must not get the terminal back while the pager reads it.
    fn drop(&mut self) {
        if let State::Paging(running) = &mut self.state {
            running.input = None;
            let _ = running.wait();
        }
    }
}

impl Running {
    /// Sends `bytes` to the pager, keeping a copy while what was sent is small.
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Some(sent) = &mut self.sent {
            if sent.len() + bytes.len() <= REPLAY {
                sent.extend_from_slice(bytes);
            } else {
                self.sent = None;
            }
        }
        match &mut self.input {
            Some(input) => input.write_all(bytes),
            None => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }

    /// Closes the pager's input, so that it sees the end of the output.
    fn close(&mut self) -> io::Result<()> {
        match self.input.take() {
            Some(mut input) => input.flush(),
            None => Ok(()),
        }
    }

    /// Waits for the pager to end; then ends the program if a signal asked for it meanwhile.
    fn wait(&mut self) -> io::Result<ExitStatus> {
        let status = self.child.wait()?;
        self.end_if_asked();
        Ok(status)
    }

    /// From now on, until the program ends: SIGINT is left to the pager, and SIGTERM, SIGHUP
    /// and SIGQUIT are noted, to end the program once the pager has ended ([`Running::wait`]).
    fn catch_signals(&self) {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        // Registration fails only for signals that cannot be caught, which these are not; if
        // it did, the signal would keep its default action, as before the pager.
        let _ = signal_hook::flag::register_usize(SIGINT, Arc::new(AtomicUsize::new(0)), 1);
        for signal in [SIGTERM, SIGHUP, SIGQUIT] {
            let _ = signal_hook::flag::register_usize(
                signal,
                Arc::clone(&self.ending),
                signal as usize,
            );
        }
    }

    /// When a signal asked the program to end: closes the pager's input, waits for the pager,
    /// and ends the program by that signal.
    fn end_if_asked(&mut self) {
        let signal = self.ending.load(Ordering::SeqCst);
        if signal == 0 {
            return;
        }
        self.input = None;
        let _ = self.child.wait();
        let _ = signal_hook::low_level::emulate_default_handler(signal as i32);
    }
}
