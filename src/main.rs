//! The `timeline` binary: everything happens in [`timeline::app::main`].
//!
//! The program starts from C's `main`, not Rust's: Rust's start-up finds the main thread's stack
//! guard by reading `/proc/self/maps` and installs a stack-overflow handler on an alternate
//! signal stack, a tenth of a lookup's instructions and a dozen system calls for a run that
//! lasts a millisecond and never recurses deeply (every nesting in a timeline file is bounded).
//! What that start-up does that the program relies on is done here: standard descriptors that
//! are closed are opened on `/dev/null` (so no file the program opens becomes its output) and
//! `SIGPIPE` is ignored (a closed pipe is an error to handle, not a kill). A panic exits 101
//! after its message, as from Rust's `main`.

// Built as a test (`cargo test` builds every binary so), the harness's `main` is kept: the
// binary has no tests, and running the program itself there would take the harness's arguments.
#![cfg_attr(not(test), no_main)]

/// The process's entry point, called by the C runtime (arguments are read through `std::env`).
#[cfg(not(test))]
#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    standard_descriptors_open();
    // SAFETY: setting a signal's disposition to SIG_IGN has no handler to race with.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    let code = std::panic::catch_unwind(timeline::app::main).unwrap_or(101);
    std::process::exit(code)
}

/// Opens `/dev/null` on any of descriptors 0, 1 and 2 that is closed, as Rust's start-up does.
#[cfg(not(test))]
fn standard_descriptors_open() {
    let mut fds = [0, 1, 2].map(|fd| libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    });
    // SAFETY: `fds` is three valid pollfd structures, and a zero timeout never blocks.
    let polled = unsafe { libc::poll(fds.as_mut_ptr(), 3, 0) };
    if polled == -1 {
        return;
    }
    for fd in fds.iter().filter(|fd| fd.revents & libc::POLLNVAL != 0) {
        // SAFETY: a NUL-terminated path; the lowest free descriptor is the closed one, so
        // descriptors are opened in order 0, 1, 2 as the loop goes.
        let opened = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR, 0) };
        if opened != fd.fd {
            // SAFETY: no descriptor to rely on; Rust's start-up aborts here too.
            unsafe { libc::abort() };
        }
    }
}
