//! The `timeline` binary: everything happens in [`timeline::app::main`].

fn main() {
    std::process::exit(timeline::app::main());
}
