//! Measures `timeline browse` without a terminal: how long the first screen takes and what each
//! key costs (update and draw into a ratatui TestBackend), on a timeline file or the embedded one.
//!
//! ```text
//! cargo run --release --example generate -- 100000 json > /tmp/100k.json
//! cargo run --release --example browse_bench -- /tmp/100k.json
//! cargo run --release --example browse_bench            # the embedded timeline
//! ```
//!
//! Each step prints its median over several repetitions, in milliseconds. Loading the file is
//! timed apart: it is the same for every command (see BENCHMARKS.md).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use timeline::browse::model::Model;
use timeline::browse::theme::Theme;
use timeline::browse::update::{Key, Msg, update};
use timeline::browse::view;
use timeline::index::Index;

const SIZE: (u16, u16) = (120, 40);

/// Prepares a fresh model.
type Setup<'f> = &'f dyn Fn(&mut Model);
/// The step measured.
type Action<'f> = &'f dyn Fn(&mut Model, &mut Terminal<TestBackend>);
/// A named step with its setup.
type Step<'f> = (&'static str, Setup<'f>, Action<'f>);

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1e3
}

/// The median time of `step` over `runs` runs, each on a fresh model prepared by `setup`.
fn measure(
    index: &Index,
    runs: usize,
    setup: &dyn Fn(&mut Model),
    step: &dyn Fn(&mut Model, &mut Terminal<TestBackend>),
) -> f64 {
    let theme = Theme {
        color: true,
        unicode: true,
    };
    let samples = (0..runs)
        .map(|_| {
            let mut model = Model::new(index, (0..index.len()).collect(), SIZE).unwrap();
            let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
            setup(&mut model);
            terminal.draw(|f| view::draw(f, &model, &theme)).unwrap();
            let start = Instant::now();
            step(&mut model, &mut terminal);
            terminal.draw(|f| view::draw(f, &model, &theme)).unwrap();
            start.elapsed()
        })
        .collect();
    median(samples)
}

fn keys(model: &mut Model, keys: &[Key]) {
    for &key in keys {
        update(model, Msg::Key(key));
    }
}

fn main() {
    let file = std::env::args().nth(1).map(PathBuf::from);
    let start = Instant::now();
    let index = Index::open(file.as_deref(), None).expect("the timeline loads");
    // Every event decoded, as the explorer has them, within the time measured.
    let events = index.events().expect("the events decode").len();
    let load = start.elapsed().as_secs_f64() * 1e3;
    println!("{events} events; load and index {load:.1} ms");
    let theme = Theme {
        color: true,
        unicode: true,
    };
    let first: Vec<Duration> = (0..9)
        .map(|_| {
            let start = Instant::now();
            let model = Model::new(&index, (0..events).collect(), SIZE).unwrap();
            let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
            terminal.draw(|f| view::draw(f, &model, &theme)).unwrap();
            start.elapsed()
        })
        .collect();
    println!("first screen (model + draw)    {:8.3} ms", median(first));
    let none: &dyn Fn(&mut Model) = &|_| {};
    let steps: [Step; 9] = [
        ("j (one row down)", none, &|m, _| keys(m, &[Key::Char('j')])),
        ("PgDn", none, &|m, _| keys(m, &[Key::PageDown])),
        ("G (to the last event)", none, &|m, _| keys(m, &[Key::End])),
        ("wheel (3 rows)", none, &|m, _| {
            update(m, Msg::Wheel(1));
        }),
        (
            "/ and the first letter (builds the search text)",
            none,
            &|m, _| keys(m, &[Key::Char('/'), Key::Char('k')]),
        ),
        (
            "each further letter of a search",
            &|m| keys(m, &[Key::Char('/'), Key::Char('k'), Key::Char('a')]),
            &|m, _| keys(m, &[Key::Char('m')]),
        ),
        (
            "Esc (clear the search)",
            &|m| {
                keys(
                    m,
                    &[Key::Char('/'), Key::Char('k'), Key::Char('a'), Key::Enter],
                )
            },
            &|m, _| keys(m, &[Key::Esc]),
        ),
        ("t (tag picker, counts)", none, &|m, _| {
            keys(m, &[Key::Char('t')])
        }),
        ("i (period picker, counts)", none, &|m, _| {
            keys(m, &[Key::Char('i')])
        }),
    ];
    for (what, setup, step) in steps {
        println!("{what:<48} {:8.3} ms", measure(&index, 7, setup, step));
    }
}
