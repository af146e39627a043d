//! The `timeline` binary: everything happens in [`timeline::app::main`].

/// Small blocks from an arena: a run is short, and glibc's malloc was a quarter of a lookup.
#[global_allocator]
static ALLOCATOR: timeline::arena::Arena = timeline::arena::Arena::new();

fn main() {
    std::process::exit(timeline::app::main());
}
