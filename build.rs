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
#[path = "src/parallel.rs"]
mod parallel;
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
        "src/parallel.rs",
        "src/names",
        "src/suggest.rs",
    ] {
        println!("cargo::rerun-if-changed={input}");
    }
    link_for_a_fast_start();
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
    events.sort_by_key(|e| (e.date.earliest(), e.date.latest(), e.file_order));
    let key = xxhash_rust::xxh3::xxh3_128(load::EMBEDDED.as_bytes());
    let mut bytes = Vec::new();
    // The embedded timeline is no file on disk: its index file carries no stamp.
    encode::encode(&mut bytes, &fingerprint, key, None, &timeline, &events)
        .expect("a timeline encodes");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("embedded.index"), bytes).expect("OUT_DIR is writable");
}

/// Link flags for a fast start, each worth a tenth of a lookup on the embedded timeline:
///
/// - on Linux with glibc, the binary's relocations packed (DT_RELR, glibc 2.36 and later): the
///   dynamic loader applies five thousand of them at every start, from a table a thirtieth the
///   size;
/// - with lld (Rust's linker for x86_64 Linux since 1.90, unless another is configured), the
///   functions common runs execute laid out first and together (`link/startup-order.txt`, made by
///   `link/order.sh`): scattered over 4 MB of code they cost 30 more page faults per run.
fn link_for_a_fast_start() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux" || var("CARGO_CFG_TARGET_ENV") != "gnu" {
        return;
    }
    println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    println!("cargo::rerun-if-changed=link/startup-order.txt");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    if links_with_rust_lld() {
        let order = concat!(env!("CARGO_MANIFEST_DIR"), "/link/startup-order.txt");
        println!("cargo::rustc-link-arg-bins=-Wl,--symbol-ordering-file={order}");
        // Names the code no longer has are skipped; the file is a hint, not a contract.
        println!("cargo::rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// True when the binary is linked by the rust-lld that rustc uses by default on
/// x86_64-unknown-linux-gnu from 1.90 on: no linker configured, no linker flag among the
/// RUSTFLAGS. The ordering flags are lld's own, and GNU ld would refuse them.
fn links_with_rust_lld() -> bool {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_ARCH") != "x86_64" || std::env::var_os("RUSTC_LINKER").is_some() {
        return false;
    }
    let flags = var("CARGO_ENCODED_RUSTFLAGS");
    if flags.contains("linker")
        || flags.contains("link-self-contained")
        || flags.contains("link-arg")
    {
        return false;
    }
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let version = std::process::Command::new(rustc).arg("-V").output();
    let version = version.map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let minor = version.ok().and_then(|v| {
        let number = v.split_whitespace().nth(1)?.to_string();
        let mut parts = number.split('.');
        Some((
            parts.next()?.parse::<u32>().ok()?,
            parts.next()?.parse::<u32>().ok()?,
        ))
    });
    minor.is_some_and(|(major, minor)| major > 1 || minor >= 90)
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
