//! The chart's axis, bars and labels, tested on the layouts they must give.

use chrono::NaiveDate;

use super::axis::{Axis, Unit, axis_labels, range_words};
use super::bars::{Bar, bar_cells, bar_char, without_years};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn whole_years_get_whole_columns() {
    let axis = Axis::new(day(1879, 1, 1), day(1940, 12, 31), 63, true);
    assert_eq!((axis.columns, axis.per_unit), (62, Some(1)));
    let axis = Axis::new(day(1879, 1, 1), day(1940, 12, 31), 131, true);
    assert_eq!((axis.columns, axis.per_unit), (124, Some(2)));
    assert_eq!(axis.position(day(1880, 1, 1)), 2.0);
    assert_eq!(axis.column(day(1940, 12, 31)), Some(123));
    assert_eq!(axis.column(day(1941, 1, 1)), None);
    let short = Axis::new(day(1918, 3, 1), day(1918, 5, 31), 60, false);
    assert_eq!((short.unit, short.columns), (Unit::Month, 60));
    let ragged = Axis::new(day(1917, 11, 7), day(1921, 3, 1), 50, false);
    assert_eq!((ragged.per_unit, ragged.columns), (None, 50));
    // Three years in 63 columns: a column per month would waste too much, so linear months.
    let civil_war = Axis::new(day(1918, 1, 1), day(1920, 12, 31), 63, true);
    assert_eq!((civil_war.unit, civil_war.per_unit), (Unit::Month, None));
    let by_years = Axis::new(day(1918, 1, 1), day(1920, 12, 31), 63, false);
    assert_eq!((by_years.unit, by_years.per_unit), (Unit::Year, Some(21)));
    let one_year = Axis::new(day(1917, 1, 1), day(1917, 12, 31), 63, false);
    assert_eq!((one_year.per_unit, one_year.columns), (Some(5), 60));
}

#[test]
fn partial_cells_use_eighths_and_right_blocks() {
    assert_eq!(bar_char(1.0, true, true, 0.5, true), '█');
    assert_eq!(bar_char(0.5, true, false, 0.25, true), '▌');
    assert_eq!(bar_char(0.125, true, false, 0.06, true), '▏');
    assert_eq!(bar_char(0.5, false, true, 0.75, true), '▐');
    assert_eq!(bar_char(0.1, false, true, 0.95, true), '▕');
    assert_eq!(bar_char(0.2, false, false, 0.8, true), '▕');
    assert_eq!(bar_char(0.0, false, false, 0.0, true), ' ');
    assert_eq!(bar_char(1.0, true, true, 0.5, false), '#');
    assert_eq!(bar_char(0.5, true, false, 0.25, false), '=');
    assert_eq!(bar_char(0.1, true, false, 0.05, false), '-');
}

#[test]
fn a_bar_covers_its_columns() {
    let axis = Axis::new(day(1900, 1, 1), day(1909, 12, 31), 20, false);
    let bar = Bar {
        first: day(1901, 1, 1),
        last: day(1903, 3, 31),
        color: Some(0),
    };
    let cells: String = bar_cells(&[bar], &axis, true).iter().map(|c| c.0).collect();
    assert_eq!(cells, "  ████▌             ");
}

#[test]
fn year_spans_in_titles_are_left_to_the_axis() {
    assert_eq!(
        without_years("Childhood and family (1879–1895)"),
        "Childhood and family"
    );
    assert_eq!(
        without_years("Head of the Red Army (spring 1918)"),
        "Head of the Red Army"
    );
    assert_eq!(without_years("Legacy"), "Legacy");
    assert_eq!(without_years("Exile (Prinkipo)"), "Exile (Prinkipo)");
}

#[test]
fn the_range_in_words() {
    assert_eq!(range_words(day(1879, 1, 1), day(1940, 12, 31)), "1879–1940");
    assert_eq!(
        range_words(day(1918, 3, 1), day(1918, 5, 31)),
        "Mar–May 1918"
    );
    assert_eq!(
        range_words(day(1917, 11, 7), day(1917, 11, 8)),
        "7–8 Nov 1917"
    );
}

#[test]
fn labels_never_overlap() {
    let axis = Axis::new(day(1879, 1, 1), day(1940, 12, 31), 63, true);
    let (ticks, labels) = axis_labels(&axis, 63);
    assert_eq!(ticks[0], 1);
    assert!(labels.starts_with(" 1880      1890"), "{labels:?}");
    // 1940 would run past the room, so it is left out rather than cut.
    assert!(labels.trim_end().ends_with("1920      1930"), "{labels:?}");
    assert_eq!(labels.chars().count(), 63);
}
