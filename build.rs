//! Parses the curated timeline at build time, so that the binary starts without parsing YAML.
//!
//! The loader's own source files are compiled into this script, so the build validates
//! `timeline.yaml` exactly as `timeline check` would: a broken file fails the build with every
//! problem at its file:line:column. The validated timeline is written to `OUT_DIR` in postcard
//! (a compact serde binary format), which `src/cache.rs` embeds and decodes in microseconds.

// The script uses the loader and little else of these modules.
#![allow(dead_code)]

#[path = "src/date.rs"]
mod date;
#[path = "src/error.rs"]
mod error;
#[path = "src/load.rs"]
mod load;
#[path = "src/model/mod.rs"]
mod model;

use std::path::Path;

fn main() {
    for input in [
        "timeline.yaml",
        "src/date.rs",
        "src/error.rs",
        "src/load.rs",
        "src/model",
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
    let bytes = postcard::to_stdvec(&timeline).expect("a timeline serializes");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("embedded.postcard"), bytes).expect("OUT_DIR is writable");
}
