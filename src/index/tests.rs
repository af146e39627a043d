//! The index against a small fixture and the embedded timeline: order, ranges, names, filters.

use super::*;
use crate::load::{Source, load};

const FIXTURE: &str = "title: t
subject: me
people:
  - {id: me, name: Me, born: 1879-10-26 O.S., died: 1940-08-21}
  - {id: lev, name: Lev Kamenev, aliases: [Kamenev]}
  - {id: sergey, name: Sergey Kamenev, aliases: [Kamenev]}
  - {id: lazaro, name: Lázaro Cárdenas}
places:
  - {id: mexico, name: Mexico}
  - {id: coyoacan, name: Coyoacán, within: mexico}
  - id: spb
    name: Saint Petersburg
    names: [{name: Petrograd, from: 1914-08-31, to: 1924-01-26}]
events:
  - {id: late, date: 1920, title: A long year, people: [lev]}
  - {id: early, date: 1917-11-07, title: Uprising, place: spb}
  - {id: span, date: 1917-12-22/1918-02-10, title: Talks at Brest, people: [sergey]}
  - {id: mex, date: 1937-01-09, title: Arrived, place: coyoacan, people: [lazaro]}
  - {id: same-day-longer, date: 1917-11, title: November, tags: [Revolution]}
";

fn index() -> Index {
    Index::new(
        load(&Source {
            name: "t".into(),
            text: FIXTURE.into(),
        })
        .unwrap(),
    )
}

#[test]
fn a_name_finds_what_the_name_table_finds_for_every_name_embedded() {
    let index = Index::new(crate::store::embedded().unwrap());
    let people = NameTable::new(index.timeline.people.iter().map(|p| p.all_names()));
    let places = NameTable::new(index.timeline.places.iter().map(|p| p.all_names()));
    let names = index.timeline.people.iter().flat_map(|p| p.all_names());
    let names = names.chain(index.timeline.places.iter().flat_map(|p| p.all_names()));
    for name in names.chain(["kamenev", "LEV  kamenev", "Trotzki", "Троцкий", "kamen", ""]) {
        assert_eq!(index.find_people(name), people.find(name), "{name}");
        assert_eq!(index.find_places(name), places.find(name), "{name}");
    }
}

fn ids(index: &Index, positions: Vec<usize>) -> Vec<&str> {
    positions
        .iter()
        .map(|&i| index.events().unwrap()[i].id.as_str())
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn sorts_by_start_then_shorter_span_then_file_order() {
    let index = index();
    let all = index.select(&Query::default()).unwrap();
    assert_eq!(
        ids(&index, all),
        ["same-day-longer", "early", "span", "late", "mex"]
    );
}

#[test]
fn range_keeps_events_that_overlap_it() {
    let index = index();
    let query = |from, to| Query {
        range: Some((from, to)),
        ..Query::default()
    };
    // The Brest talks began in 1917 and still overlap January 1918.
    let january = index
        .select(&query(day(1918, 1, 1), day(1918, 1, 31)))
        .unwrap();
    assert_eq!(ids(&index, january), ["span"]);
    let nothing = index
        .select(&query(day(1930, 1, 1), day(1936, 12, 31)))
        .unwrap();
    assert!(nothing.is_empty());
    let edge = index
        .select(&query(day(1920, 12, 31), day(1937, 1, 9)))
        .unwrap();
    assert_eq!(ids(&index, edge), ["late", "mex"]);
}

#[test]
fn names_fold_accents_and_find_namesakes() {
    let index = index();
    assert_eq!(index.find_people("kamenev").len(), 2);
    assert_eq!(index.find_people("LEV KAMENEV"), [1]);
    assert_eq!(index.find_people("cardenas"), [3]);
    assert_eq!(index.find_places("petrograd"), [2]);
    assert_eq!(index.find_places("coyoacan"), [1]);
    assert!(index.find_people("nobody").is_empty());
}

#[test]
fn names_are_found_under_other_spellings_and_namesakes_stay_shown() {
    let index = index();
    assert_eq!(index.find_people("Kamenew"), [1, 2]);
    assert_eq!(index.find_people("Каменев"), [1, 2]);
    assert_eq!(index.find_people("Lev Kamenew"), [1]);
    assert_eq!(index.find_people("Sergej Kamenew"), [2]);
    assert_eq!(index.find_people("Kardenas"), [3]);
    assert_eq!(index.find_places("Koyoakan"), [1]);
    assert_eq!(index.find_places("Petrograd"), [2]);
    assert_eq!(index.find_places("Петроград"), [2]);
}

#[test]
fn a_name_that_finds_nothing_suggests_the_closest() {
    let index = index();
    assert!(index.find_people("Cardnas").is_empty());
    assert_eq!(index.suggest_people("Cardnas"), [3]);
    assert_eq!(index.suggest_people("Kamnev"), [1, 2]);
    assert_eq!(index.suggest_places("Petrogard"), [(2, "Petrograd")]);
    assert!(index.suggest_people("zzzzzz").is_empty());
    assert!(index.suggest_places(&"x".repeat(1 << 20)).is_empty());
}

#[test]
fn a_place_includes_the_places_within_it() {
    let index = index();
    let mexico = index.find_places("Mexico");
    let query = Query {
        places: Some(index.places_within(&mexico)),
        ..Query::default()
    };
    assert_eq!(ids(&index, index.select(&query).unwrap()), ["mex"]);
}

#[test]
fn tag_text_reverse_and_limit_filters() {
    let index = index();
    let tag = Query {
        tags: vec![vec!["revolution".into()]],
        ..Query::default()
    };
    assert_eq!(
        ids(&index, index.select(&tag).unwrap()),
        ["same-day-longer"]
    );
    let text = Query {
        text: Some(WordQuery::parse("BREST")),
        ..Query::default()
    };
    assert_eq!(ids(&index, index.select(&text).unwrap()), ["span"]);
    let last = Query {
        reverse: true,
        limit: Some(2),
        ..Query::default()
    };
    assert_eq!(ids(&index, index.select(&last).unwrap()), ["mex", "late"]);
    let person = Query {
        people: Some(vec![2]),
        ..Query::default()
    };
    assert_eq!(ids(&index, index.select(&person).unwrap()), ["span"]);
}

#[test]
fn age_is_honest_about_coarse_dates() {
    let index = index();
    let age = |t: &str| index.subject_age(&Date::parse(t).unwrap());
    assert_eq!(age("1917-11-07").as_deref(), Some("38"));
    assert_eq!(age("1917-11-06").as_deref(), Some("37"));
    assert_eq!(age("1896").as_deref(), Some("16–17"));
    assert_eq!(age("1870"), None);
    assert_eq!(age("2001"), None);
}
