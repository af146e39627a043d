//! The `timeline` binary: everything happens in [`timeline::app::main`].

// A million events are a few million small strings: mimalloc makes and frees them several times
// faster than the system allocator, most of all from the two parsing threads at once (issue 12).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(timeline::app::main());
}
