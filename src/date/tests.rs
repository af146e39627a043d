//! The date grammar, calendars and words, tested against the days they must give.

use chrono::{Datelike, NaiveDate};

use super::grammar::{split_at_dashes, trim};
use super::*;

#[test]
fn old_style_is_read_in_any_case_and_years_with_x_are_their_first_year() {
    for text in [
        "1917-10-25 O.S.",
        "1917-10-25 o.s.",
        "1917-10-25 os",
        "1917-10-25 O.s",
    ] {
        let date = Date::parse(text).unwrap();
        assert!(date.is_old_style(), "{text}");
        assert_eq!(date.earliest(), day(1917, 11, 7), "{text}");
    }
    assert!(Date::parse("1917-10-25O.S.").is_err());
    assert!(Date::parse("1917-10-25 é").is_err());
    assert_eq!(Date::parse("191X").unwrap().earliest(), day(1910, 1, 1));
    assert_eq!(Date::parse("19XX").unwrap().latest(), day(1999, 12, 31));
    assert_eq!(Date::parse("0042").unwrap().earliest().year(), 42);
    assert!(Date::parse("00XX").is_err());
    for text in [
        "1917-",
        "-1917",
        "1917--01",
        "1917-01-01-01",
        " 1917 ",
        "\u{a0}1917",
        "1917/",
    ] {
        let parts: Vec<&str> = split_at_dashes(text).collect();
        assert_eq!(parts, text.split('-').collect::<Vec<_>>(), "{text:?}");
        assert_eq!(trim(text), text.trim(), "{text:?}");
    }
    assert_eq!(
        Date::parse(" 1917-10 ").unwrap(),
        Date::parse("1917-10").unwrap()
    );
    assert!(Date::parse("1917/1918/1919").is_err());
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn span(text: &str) -> (NaiveDate, NaiveDate) {
    let date: Date = text.parse().unwrap();
    (date.earliest(), date.latest())
}

#[test]
fn precisions_cover_their_whole_unit() {
    assert_eq!(span("1902"), (day(1902, 1, 1), day(1902, 12, 31)));
    assert_eq!(span("1902-06"), (day(1902, 6, 1), day(1902, 6, 30)));
    assert_eq!(span("1904-02"), (day(1904, 2, 1), day(1904, 2, 29)));
    assert_eq!(span("1902-21"), (day(1902, 3, 1), day(1902, 5, 31)));
    assert_eq!(span("1902-22"), (day(1902, 6, 1), day(1902, 8, 31)));
    assert_eq!(span("1902-23"), (day(1902, 9, 1), day(1902, 11, 30)));
    assert_eq!(span("1919-24"), (day(1919, 12, 1), day(1920, 2, 29)));
    assert_eq!(span("191X"), (day(1910, 1, 1), day(1919, 12, 31)));
    assert_eq!(span("19XX"), (day(1900, 1, 1), day(1999, 12, 31)));
}

#[test]
fn qualifiers_keep_strict_bounds_and_show_in_words() {
    let date: Date = "1900~".parse().unwrap();
    assert_eq!(
        (date.earliest(), date.latest()),
        (day(1900, 1, 1), day(1900, 12, 31))
    );
    assert!(date.is_approximate() && !date.is_uncertain());
    assert_eq!(date.words(), "c. 1900");
    assert_eq!(Date::parse("1917-10?").unwrap().words(), "Oct 1917?");
    assert_eq!(Date::parse("1917-10%").unwrap().words(), "c. Oct 1917?");
}

#[test]
fn old_style_around_the_1900_leap_day() {
    // Julian 1900 is a leap year; Gregorian 1900 is not. The gap was 12 days until
    // Julian 29 Feb 1900 and 13 days after it.
    assert_eq!(span("1900-02-28 O.S.").0, day(1900, 3, 12));
    assert_eq!(span("1900-02-29 O.S.").0, day(1900, 3, 13));
    assert_eq!(span("1900-03-01 O.S.").0, day(1900, 3, 14));
    let refused = Date::parse("1900-02-29").unwrap_err();
    assert!(refused.message.contains("not a leap year"), "{refused}");
    assert!(Date::parse("1901-02-29 O.S.").is_err());
}

#[test]
fn old_style_around_the_1918_switch() {
    // Soviet Russia went from Wednesday 31 January 1918 (O.S.) to Thursday 14 February.
    assert_eq!(span("1918-01-31 O.S.").0, day(1918, 2, 13));
    assert_eq!(span("1918-02-01 O.S.").0, day(1918, 2, 14));
    assert_eq!(span("1917-10-25 O.S.").0, day(1917, 11, 7));
    assert_eq!(span("1879-10-26 O.S.").0, day(1879, 11, 7));
    assert_eq!(to_julian(day(1918, 2, 14)), (1918, 2, 1));
}

#[test]
fn old_style_months_and_seasons_convert_their_bounds() {
    assert_eq!(span("1917-10 O.S."), (day(1917, 10, 14), day(1917, 11, 13)));
    assert_eq!(span("1905-24 O.S."), (day(1905, 12, 14), day(1906, 3, 13)));
}

#[test]
fn impossible_dates_are_refused_with_a_reason() {
    for (text, reason) in [
        ("1917-02-30", "has 28 days"),
        ("1917-13", "neither a month"),
        ("1917-00-01", "not 01–12"),
        ("abc", "four digits"),
        ("17", "four digits"),
        ("1917-1", "two digits"),
        ("1917-10-25-1", "too many"),
        ("1X17", "not a year"),
        ("191X-01", "only the last"),
        ("0000", "no year 0"),
        ("", "empty"),
        ("1921/1917", "ends"),
        ("1917/1918/1919", "exactly one"),
    ] {
        let err = Date::parse(text).unwrap_err();
        assert!(err.message.contains(reason), "{text}: {err}");
    }
}

#[test]
fn words_follow_precision_and_compact_intervals() {
    let words = |t: &str| Date::parse(t).unwrap().words();
    assert_eq!(words("1902"), "1902");
    assert_eq!(words("1902-06"), "Jun 1902");
    assert_eq!(words("1902-22"), "summer 1902");
    assert_eq!(words("1919-24"), "winter 1919–20");
    assert_eq!(words("1917-11-07"), "7 Nov 1917");
    assert_eq!(words("191X"), "1910s");
    assert_eq!(words("1917-12-22/1918-02-10"), "22 Dec 1917 – 10 Feb 1918");
    assert_eq!(words("1935-06-18/1936-09-02"), "18 Jun 1935 – 2 Sep 1936");
    assert_eq!(words("1936-06-18/1936-09-02"), "18 Jun – 2 Sep 1936");
    assert_eq!(
        words("1898-03-01 O.S./1898-03-03 O.S."),
        "1–3 Mar 1898 O.S."
    );
    assert_eq!(words("1918-05/1918-06"), "May–Jun 1918");
    assert_eq!(words("1920-09~/1920-12~"), "c. Sep–Dec 1920");
    assert_eq!(words("1917-10-25 O.S./1918"), "25 Oct 1917 O.S. – 1918");
}

#[test]
fn dual_words_show_both_calendars_whichever_was_entered() {
    let entered_old = Date::parse("1917-10-25 O.S.").unwrap();
    let entered_new = Date::parse("1917-11-07").unwrap();
    assert_eq!(entered_old.dual_words(), "7 Nov 1917 [O.S. 25 Oct]");
    assert_eq!(entered_new.dual_words(), "7 Nov 1917 [O.S. 25 Oct]");
    let uprising = Date::parse("1917-11-07/1917-11-08").unwrap();
    assert_eq!(uprising.dual_words(), "7–8 Nov 1917 [O.S. 25–26 Oct]");
    assert_eq!(Date::parse("1905").unwrap().dual_words(), "1905");
    assert_eq!(
        Date::parse("1905-02 O.S.").unwrap().dual_words(),
        "Feb 1905 O.S."
    );
    // A year that changes between the calendars is written on both sides.
    let new_year = Date::parse("1904-12-25 O.S./1905-01-09 O.S.").unwrap();
    assert_eq!(
        new_year.dual_words(),
        "7–22 Jan 1905 [O.S. 25 Dec 1904 – 9 Jan 1905]"
    );
    let across = Date::parse("1904-12-20 O.S./1904-12-30 O.S.").unwrap();
    assert_eq!(across.dual_words(), "2–12 Jan 1905 [O.S. 20–30 Dec 1904]");
    // Qualifiers stay on the New Style words; the twin is the bare day.
    let approximate = Date::parse("1917-09-03~ O.S.").unwrap();
    assert_eq!(approximate.dual_words(), "c. 16 Sep 1917 [O.S. 3 Sep]");
    let start_day = Date::parse("1905-10-15 O.S./1905-12~ O.S.").unwrap();
    assert_eq!(
        start_day.dual_words(),
        "28 Oct 1905 [O.S. 15 Oct] – c. Dec 1905 O.S."
    );
}

#[test]
fn canonical_form_reads_back() {
    for text in [
        "1902",
        "1902-06",
        "1902-22~",
        "1917-10-25 O.S.",
        "191X?",
        "19XX%",
        "1935-06-18/1936-09-02",
        "1898-03-01 O.S./1898-03-03 O.S.",
    ] {
        let date = Date::parse(text).unwrap();
        assert_eq!(date.to_string(), text);
        assert_eq!(Date::parse(&date.to_string()).unwrap(), date);
    }
}

proptest::proptest! {
    #[test]
    fn julian_round_trip(days in 0i64..(365 * 600)) {
        // Every Gregorian day from 1582 to ~2182 has one Julian name that maps back to it.
        let gregorian = day(1582, 10, 15) + chrono::Duration::days(days);
        let (y, m, d) = to_julian(gregorian);
        let text = format!("{y:04}-{m:02}-{d:02} O.S.");
        let date = Date::parse(&text).unwrap();
        proptest::prop_assert_eq!(date.earliest(), gregorian);
        proptest::prop_assert_eq!(date.to_string(), text);
    }

    #[test]
    fn jdn_agrees_with_chrono(days in 0i64..(365 * 600)) {
        let gregorian = day(1582, 10, 15) + chrono::Duration::days(days);
        let jdn = julian_day_number(Calendar::Gregorian, gregorian.year(), gregorian.month(), gregorian.day());
        proptest::prop_assert_eq!(gregorian_from_jdn(jdn), Some(gregorian));
    }
}
