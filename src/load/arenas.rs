//! Telling glibc's allocator to grow its memory in big steps before a big load.
//!
//! A thread's arena grows by `mprotect` as far as each allocation needs, a page or two at a
//! time: reading a million events made 77,000 such calls, a fifth of the run's system time.
//! With a top pad of 64 MiB each growth reaches that much further (15 calls). The pad is
//! address space, touched only as it is used; it only matters to a run that allocates that much.
//!
//! For JSON only: the YAML reader frees as much as it keeps, and with the pad its arenas held
//! 143 MB more at the peak (1.13 GB against 0.99 GB for the 1M YAML first run) for 0.15 s less
//! system time; the JSON run holds 27 MB more (920 MB against 893 MB).

/// How far past each need an arena grows.
const TOP_PAD: usize = 64 << 20;

/// Makes the allocator grow in [`TOP_PAD`] steps from now on: for a run about to load a big
/// file. Only glibc has the knob; elsewhere nothing changes.
pub(super) fn grow_in_big_steps() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt changes a tuning parameter of glibc's allocator; any value is valid.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, TOP_PAD as libc::c_int);
    }
}
