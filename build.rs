//! Parses the curated timeline at build time, so that the binary starts without parsing YAML.
//!
//! The loader's own source files are compiled into this script, so the build validates
//! `timeline.yaml` exactly as `timeline check` would: a broken file fails the build with every
//! problem at its file:line:column. The validated timeline is written to `OUT_DIR` as an index
//! file (`src/store/index_file/`), which `src/store/` embeds and queries in place, as it does a
//! mapped cache entry: a run decodes only the events it shows.

// The script uses the loader and little else of these modules.
#![allow(dead_code, unused_imports)]

#[path = "src/date/mod.rs"]
mod date;
#[path = "src/store/index_file/encode.rs"]
mod encode;
#[path = "src/error.rs"]
mod error;
#[path = "src/store/index_file/layout.rs"]
mod layout;
#[path = "src/load/mod.rs"]
mod load;
#[path = "src/model/mod.rs"]
mod model;
// The loader's "did you mean" is `suggest`'s, which folds names as `names` does.
#[path = "src/names/mod.rs"]
mod names;
#[path = "src/suggest.rs"]
mod suggest;

use std::hash::{DefaultHasher, Hasher};
use std::path::Path;

fn main() {
    for input in [
        "timeline.yaml",
        "src/date",
        "src/error.rs",
        "src/load",
        "src/model",
        "src/store",
        "src/names",
        "src/suggest.rs",
    ] {
        println!("cargo::rerun-if-changed={input}");
    }
    let source = load::Source {
        name: "timeline.yaml".to_string(),
        text: load::EMBEDDED.to_string(),
    };
    let timeline = match load::load(&source) {
        Ok(timeline) => timeline,
        Err(problems) => {
            for problem in &problems {
                for line in problem.to_string().lines() {
                    println!("cargo::error={line}");
                }
            }
            std::process::exit(1);
        }
    };
    let fingerprint = format!("{:016x}", model_fingerprint());
    println!("cargo::rustc-env=TIMELINE_MODEL_FINGERPRINT={fingerprint}");
    let mut timeline = timeline;
    // Index order, as `Index::new` sorts (file order is unique, so the order is total); the
    // program checks the order when it opens the file.
    let mut events = std::mem::take(&mut timeline.events);
    events.sort_by_key(|e| e.order_key());
    let key = xxhash_rust::xxh3::xxh3_128(load::EMBEDDED.as_bytes());
    let mut bytes = Vec::new();
    // The embedded timeline is no file on disk: its index file carries no stamp.
    encode::encode(&mut bytes, &fingerprint, key, None, &timeline, &events)
        .expect("a timeline encodes");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("embedded.index"), bytes).expect("OUT_DIR is writable");
}

/// A hash of everything that shapes a parsed timeline: the program's version and the source of
/// the loader, its checks, the dates, the serialized model and the cache's format. The parse
/// cache keeps postcard, which has no field names, and a parse made by a build whose validation
/// differed must not be served either: an entry written by any other build is never decoded by
/// this one, as the cache's header carries this fingerprint.
fn model_fingerprint() -> u64 {
    let mut files: Vec<std::path::PathBuf> =
        ["src/model", "src/load", "src/store/index_file", "src/date"]
            .iter()
            .flat_map(|dir| {
                std::fs::read_dir(dir)
                    .expect("the source folders exist")
                    .map(|e| e.expect("a source folder is readable").path())
            })
            .collect();
    // The store's own files, not its folder: its tests shape no entry.
    let store = ["src/store/mod.rs", "src/store/cache.rs", "src/store/key.rs"];
    files.extend(["src/error.rs"].into_iter().chain(store).map(Into::into));
    files.sort();
    let mut hasher = DefaultHasher::new();
    hasher.write(env!("CARGO_PKG_VERSION").as_bytes());
    for file in files {
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(&file).expect("a source file is readable"));
    }
    hasher.finish()
}
