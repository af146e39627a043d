//! The curated timeline, checked the way a reader holding the encyclopedia article would check it:
//! the dates (in both calendars where Old Style applies), places and people of the key events of
//! the life, then the curator's contract of CURATING.md — every person and place used, one fact one
//! event, names that find something, sources that are the article's headings, periods, titles and
//! tags.
//!
//! Every check names the event, person or place at fault, and the collecting checks report every
//! fault at once rather than stopping at the first.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use timeline::date::Date;
use timeline::index::{Index, Query, fold};
use timeline::load::{Source, load};
use timeline::model::Event;
use timeline::view::Views;

/// The embedded timeline, loaded and indexed once for all tests.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let timeline = load(&Source::embedded()).unwrap_or_else(|problems| {
            let list: Vec<String> = problems
                .iter()
                .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
                .collect();
            panic!("the embedded timeline does not load:\n{}", list.join("\n"))
        });
        Index::new(timeline)
    })
}

fn event(id: &str) -> &'static Event {
    index()
        .events()
        .unwrap()
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event `{id}` in the timeline"))
}

fn person_id(i: usize) -> &'static str {
    &index().timeline().people[i].id
}

fn place_id(i: usize) -> &'static str {
    &index().timeline().places[i].id
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test day is ISO")
}

/// Collects the facts of one stretch of the life and reports every one that is wrong.
struct Facts {
    stretch: &'static str,
    checked: usize,
    wrong: Vec<String>,
}

impl Facts {
    fn new(stretch: &'static str) -> Facts {
        Facts {
            stretch,
            checked: 0,
            wrong: Vec::new(),
        }
    }

    fn fail(&mut self, id: &str, message: String) {
        self.wrong.push(format!("event `{id}`: {message}"));
    }

    /// Each event's date as written in the file, and the first and last Gregorian days it covers.
    fn dates(&mut self, facts: &[(&str, &str, &str, &str)]) {
        for &(id, written, first, last) in facts {
            self.checked += 1;
            let date = event(id).date;
            let got = (
                date.to_string(),
                date.earliest().to_string(),
                date.latest().to_string(),
            );
            if (got.0.as_str(), got.1.as_str(), got.2.as_str()) != (written, first, last) {
                self.fail(
                    id,
                    format!(
                        "date is `{}` ({} to {}), the article gives `{written}` ({first} to {last})",
                        got.0, got.1, got.2
                    ),
                );
            }
        }
    }

    /// Each event's date as every output format shows it, both calendars where Old Style applies.
    fn shown(&mut self, facts: &[(&str, &str)]) {
        let views = Views::new(index());
        for &(id, words) in facts {
            self.checked += 1;
            let row = views.row(event(id));
            if row.date != words {
                self.fail(id, format!("shown as `{}`, expected `{words}`", row.date));
            }
        }
    }

    /// Each event's place is the given place or lies within it.
    fn places(&mut self, facts: &[(&str, &str)]) {
        let timeline = index().timeline();
        for &(id, place) in facts {
            self.checked += 1;
            let chain: Vec<&str> = event(id)
                .place
                .map(|p| timeline.place_chain(p).map(|p| p.id.as_str()).collect())
                .unwrap_or_default();
            if !chain.contains(&place) {
                self.fail(id, format!("place is {chain:?}, expected within `{place}`"));
            }
        }
    }

    /// Each event has no place: the article does not say where it happened.
    fn no_place(&mut self, ids: &[&str]) {
        let timeline = index().timeline();
        for &id in ids {
            self.checked += 1;
            if let Some(p) = event(id).place {
                self.fail(
                    id,
                    format!(
                        "placed at `{}`, but the article gives no place",
                        timeline.places[p].id
                    ),
                );
            }
        }
    }

    /// Each event cites this article section (or the lead).
    fn sources(&mut self, facts: &[(&str, &str)]) {
        for &(id, source) in facts {
            self.checked += 1;
            let got = event(id).source.as_deref();
            if got != Some(source) {
                self.fail(id, format!("source is {got:?}, expected `{source}`"));
            }
        }
    }

    /// These people take part in each event (others may too).
    fn people(&mut self, facts: &[(&str, &[&str])]) {
        for &(id, people) in facts {
            self.checked += 1;
            let ids: Vec<&str> = event(id).people.iter().map(|&p| person_id(p)).collect();
            let missing: Vec<&&str> = people.iter().filter(|p| !ids.contains(p)).collect();
            if !missing.is_empty() {
                self.fail(id, format!("people are {ids:?}, missing {missing:?}"));
            }
        }
    }

    fn done(&self) {
        assert!(
            self.wrong.is_empty(),
            "{} wrong fact(s) of {} checked in {}:\n{}",
            self.wrong.len(),
            self.checked,
            self.stretch,
            self.wrong.join("\n")
        );
    }
}

// ---- Facts of the life, section by section of the article ----

#[test]
fn childhood_prison_and_siberia() {
    let mut f = Facts::new("1879–1902");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        ("birth", "1879-10-26 O.S.", "1879-11-07", "1879-11-07"),
        ("odessa-school", "1888~/1889~", "1888-01-01", "1889-12-31"),
        ("nikolayev-1896", "1896", "1896-01-01", "1896-12-31"),
        ("south-russian-workers-union", "1897-01~/1897-04~", "1897-01-01", "1897-04-30"),
        ("arrest-1898", "1898-01 O.S.", "1898-01-13", "1898-02-12"),
        ("rsdlp-first-congress", "1898-03-01 O.S./1898-03-03 O.S.", "1898-03-13", "1898-03-15"),
        ("marriage-sokolovskaya", "1899-22", "1899-06-01", "1899-08-31"),
        ("sentence-1900", "1900", "1900-01-01", "1900-12-31"),
        ("zinaida-birth", "1901", "1901-01-01", "1901-12-31"),
        ("escape-siberia", "1902-22", "1902-06-01", "1902-08-31"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let shown: &[(&str, &str)] = &[
        ("birth", "7 Nov 1879 [O.S. 26 Oct]"),
        ("marriage-sokolovskaya", "summer 1899"),
    ];
    f.shown(shown);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("birth", "yanovka"),
        ("birth", "ukraine"),
        ("odessa-school", "odessa"),
        ("nikolayev-1896", "nikolayev"),
        ("arrest-1898", "nikolayev"),
        ("marriage-sokolovskaya", "moscow"),
        ("escape-siberia", "siberia"),
    ];
    f.places(places);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("birth", &["david-bronstein", "anna-bronstein"]),
        ("marriage-sokolovskaya", &["alexandra-sokolovskaya"]),
        ("zinaida-birth", &["zinaida-volkova"]),
    ];
    f.people(people);
    f.done();
}

#[test]
fn emigration_london_and_the_split() {
    let mut f = Facts::new("1902–1904");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        // After the summer 1902 escape; by Lenin's letter of March 1903 he had written for months.
        ("london-1902", "1902-22/1903-03", "1902-06-01", "1903-03-31"),
        ("meets-sedova", "1902-09~/1902-12~", "1902-09-01", "1902-12-31"),
        ("marriage-sedova", "1903", "1903-01-01", "1903-12-31"),
        ("lenin-coopt-proposal", "1903-03", "1903-03-01", "1903-03-31"),
        ("rsdlp-second-congress", "1903-08", "1903-08-01", "1903-08-31"),
        ("leaves-mensheviks", "1904-09", "1904-09-01", "1904-09-30"),
        ("parvus-collaboration", "1904/1907", "1904-01-01", "1907-12-31"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("rsdlp-second-congress", "london"),
    ];
    f.places(places);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("meets-sedova", &["natalia-sedova"]),
        ("lenin-coopt-proposal", &["vladimir-lenin"]),
        ("parvus-collaboration", &["alexander-parvus"]),
    ];
    f.people(people);
    f.done();
}

#[test]
fn revolution_of_1905_in_old_style() {
    let mut f = Facts::new("1905–1906");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        ("putilov-strike", "1905-01-03 O.S.", "1905-01-16", "1905-01-16"),
        ("bloody-sunday", "1905-01-09 O.S.", "1905-01-22", "1905-01-22"),
        ("return-russia-1905", "1905-02 O.S.", "1905-02-14", "1905-03-13"),
        ("sytin-strike", "1905-09-19 O.S.", "1905-10-02", "1905-10-02"),
        ("return-petersburg-1905", "1905-10-15 O.S.", "1905-10-28", "1905-10-28"),
        ("nosar-arrest", "1905-11-26 O.S.", "1905-12-09", "1905-12-09"),
        ("soviet-proclamation", "1905-12-02 O.S.", "1905-12-15", "1905-12-15"),
        ("soviet-arrest", "1905-12-03 O.S.", "1905-12-16", "1905-12-16"),
        ("soviet-trial", "1906-10-04 O.S.", "1906-10-17", "1906-10-17"),
        // Convicted after the trial, before the journey of January 1907: no December in the article.
        ("sentence-1906", "1906-10-04 O.S./1907-01 O.S.", "1906-10-17", "1907-02-13"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let shown: &[(&str, &str)] = &[
        ("bloody-sunday", "22 Jan 1905 [O.S. 9 Jan]"),
        ("soviet-trial", "17 Oct 1906 [O.S. 4 Oct]"),
    ];
    f.shown(shown);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("putilov-strike", "saint-petersburg"),
        ("bloody-sunday", "winter-palace"),
        ("return-russia-1905", "kiev"),
        ("sytin-strike", "moscow"),
    ];
    f.places(places);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("bloody-sunday", &["georgi-gapon"]),
        ("nosar-arrest", &["georgy-nosar"]),
    ];
    f.people(people);
    // The article says where the Soviet sat, not where its leaders were tried.
    f.no_place(&["soviet-trial"]);
    f.done();
}

#[test]
fn second_emigration_and_world_war() {
    let mut f = Facts::new("1907–1917");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        ("escape-berezov", "1907-01 O.S.", "1907-01-14", "1907-02-13"),
        ("vienna-1907", "1907-10", "1907-10-01", "1907-10-31"),
        ("pravda-vienna", "1908-10", "1908-10-01", "1908-10-31"),
        ("sergei-sedov-birth", "1908-03-21", "1908-03-21", "1908-03-21"),
        ("prague-conference", "1912-01", "1912-01-01", "1912-01-31"),
        ("bolshevik-pravda", "1912-04-22 O.S.", "1912-05-05", "1912-05-05"),
        ("flight-switzerland", "1914-08-03", "1914-08-03", "1914-08-03"),
        // Undated: told among his Swiss months, after the war broke out.
        ("war-and-the-international", "1914-08-03/1914-11-19?", "1914-08-03", "1914-11-19"),
        ("move-to-france", "1914-11-19", "1914-11-19", "1914-11-19"),
        ("zimmerwald-conference", "1915-09", "1915-09-01", "1915-09-30"),
        ("deported-to-spain", "1916-03-31", "1916-03-31", "1916-03-31"),
        ("deported-to-united-states", "1916-12-25", "1916-12-25", "1916-12-25"),
        ("arrival-new-york", "1917-01-13", "1917-01-13", "1917-01-13"),
        ("leaves-new-york", "1917-03-27", "1917-03-27", "1917-03-27"),
        ("amherst-release", "1917-04-29", "1917-04-29", "1917-04-29"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("escape-berezov", "berezov"),
        ("sentence-1906", "obdorsk"),
        ("vienna-1907", "vienna"),
        ("prague-conference", "prague"),
        ("flight-switzerland", "switzerland"),
        ("zimmerwald-conference", "zimmerwald"),
        ("arrival-new-york", "new-york-city"),
        ("amherst-release", "canada"),
    ];
    f.places(places);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("pravda-vienna", &["adolph-joffe"]),
        ("amherst-release", &["pavel-milyukov"]),
    ];
    f.people(people);
    f.done();
}

#[test]
fn year_1917_in_new_style_as_the_article_writes_it() {
    let mut f = Facts::new("1917");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        ("return-russia-1917", "1917-05-17", "1917-05-17", "1917-05-17"),
        // "In June": the article's plain month; its 1917 is New Style.
        ("vtsik-1917", "1917-06", "1917-06-01", "1917-06-30"),
        ("arrest-1917", "1917-08-07", "1917-08-07", "1917-08-07"),
        ("release-1917", "1917-09-16~", "1917-09-16", "1917-09-16"),
        ("petrograd-soviet-chair", "1917-10-08", "1917-10-08", "1917-10-08"),
        ("october-uprising", "1917-11-07/1917-11-08", "1917-11-07", "1917-11-08"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let shown: &[(&str, &str)] = &[
        ("return-russia-1917", "17 May 1917 [O.S. 4 May]"),
        ("october-uprising", "7–8 Nov 1917 [O.S. 25–26 Oct]"),
    ];
    f.shown(shown);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("arrest-1917", "saint-petersburg"),
        ("october-uprising", "saint-petersburg"),
    ];
    f.places(places);
    f.no_place(&["vtsik-1917"]);
    f.done();

    // Petrograd was the city's name then: the row shows it, not today's name.
    let row = Views::new(index()).row(event("october-uprising"));
    assert_eq!(
        row.place.as_deref(),
        Some("Petrograd"),
        "event `october-uprising`: the city's name in 1917"
    );
    assert_eq!(
        (row.start_os.as_deref(), row.end_os.as_deref()),
        (Some("1917-10-25"), Some("1917-10-26")),
        "event `october-uprising`: the Old Style days"
    );
}

#[test]
fn brest_litovsk_red_army_and_civil_war() {
    let mut f = Facts::new("1917–1921");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        ("brest-litovsk-talks", "1917-12-22/1918-02-10", "1917-12-22", "1918-02-10"),
        ("vote-18-february-1918", "1918-02-18", "1918-02-18", "1918-02-18"),
        ("brest-litovsk-treaty", "1918-03-03", "1918-03-03", "1918-03-03"),
        ("brest-litovsk-ratified", "1918-03-15", "1918-03-15", "1918-03-15"),
        ("war-commissar", "1918-03-13", "1918-03-13", "1918-03-13"),
        ("lenin-shot", "1918-08-30", "1918-08-30", "1918-08-30"),
        ("central-committee-july-1919", "1919-07-03/1919-07-04", "1919-07-03", "1919-07-04"),
        // Beaten in the spring and over by mid-1919.
        ("kolchak-spring-offensive", "1919-21/1919-08~", "1919-03-01", "1919-08-31"),
        ("vatsetis-arrested", "1919-07-08", "1919-07-08", "1919-07-08"),
        ("petrograd-counter-offensive", "1919-10-22", "1919-10-22", "1919-10-22"),
        ("urals-winter", "1919-24", "1919-12-01", "1920-02-29"),
        ("battle-of-warsaw", "1920-08", "1920-08-01", "1920-08-31"),
        ("kronstadt-suppression", "1921-03", "1921-03-01", "1921-03-31"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let shown: &[(&str, &str)] = &[
        ("brest-litovsk-talks", "22 Dec 1917 – 10 Feb 1918 [O.S. 9 Dec 1917 – 28 Jan 1918]"),
    ];
    f.shown(shown);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("brest-litovsk-talks", "brest-litovsk"),
        ("brest-litovsk-treaty", "brest-litovsk"),
        ("urals-winter", "urals"),
        ("battle-of-warsaw", "warsaw"),
        ("kronstadt-suppression", "kronstadt"),
    ];
    f.places(places);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("lenin-shot", &["fanya-kaplan", "vladimir-lenin"]),
        ("vatsetis-arrested", &["ioakim-vatsetis", "sergey-kamenev"]),
    ];
    f.people(people);
    f.done();
}

#[test]
fn lenins_illness_and_the_struggle_with_stalin() {
    let mut f = Facts::new("1922–1928");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        ("lenin-strokes", "1922-05-26/1923-03-10", "1922-05-26", "1923-03-10"),
        // 11 September is Lenin's proposal; the refusal followed, undated.
        ("sovnarkom-deputy-proposed", "1922-09-11", "1922-09-11", "1922-09-11"),
        ("sovnarkom-deputy-refused", "1922-09-11/1922-12?", "1922-09-11", "1922-12-31"),
        ("radek-organizer-of-victory", "1923-03-14", "1923-03-14", "1923-03-14"),
        ("letter-8-october", "1923-10-08", "1923-10-08", "1923-10-08"),
        ("thirteenth-conference", "1924-01-16/1924-01-18", "1924-01-16", "1924-01-18"),
        ("lenin-death", "1924-01-21", "1924-01-21", "1924-01-21"),
        ("resigned-army-posts", "1925-01-06", "1925-01-06", "1925-01-06"),
        // "Throughout the winter and spring", from the loss of his army posts.
        ("unemployed-1925", "1925-01-06/1925-21", "1925-01-06", "1925-05-31"),
        ("expelled-from-party", "1927-11-12", "1927-11-12", "1927-11-12"),
        ("exile-alma-ata", "1928-01-31", "1928-01-31", "1928-01-31"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("exile-alma-ata", "alma-ata"),
        ("exile-alma-ata", "kazakhstan"),
    ];
    f.places(places);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("radek-organizer-of-victory", &["karl-radek"]),
        ("lenin-death", &["vladimir-lenin"]),
        ("expelled-from-party", &["grigory-zinoviev"]),
    ];
    f.people(people);
    f.no_place(&["expelled-from-party"]);
    f.done();
}

#[test]
fn exile_turkey_france_norway() {
    let mut f = Facts::new("1929–1936");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        ("expelled-to-turkey", "1929-02", "1929-02-01", "1929-02-28"),
        ("moved-to-buyukada", "1929-04", "1929-04-01", "1929-04-30"),
        ("zinaida-death", "1933-01-05", "1933-01-05", "1933-01-05"),
        ("royan", "1933-07/1934-02", "1933-07-01", "1934-02-28"),
        ("knudsen-house", "1935-06-18/1936-09-02", "1935-06-18", "1936-09-02"),
        // "For a few weeks ... from 19 September 1935".
        ("oslo-hospital", "1935-09-19/1935-10~", "1935-09-19", "1935-10-31"),
        ("knudsen-house-burglary", "1936-08-05", "1936-08-05", "1936-08-05"),
        ("zinoviev-kamenev-executed", "1936-08-25", "1936-08-25", "1936-08-25"),
        ("hurum-house-arrest", "1936-09-02/1936-12-19", "1936-09-02", "1936-12-19"),
        ("deported-from-norway", "1936-12-19", "1936-12-19", "1936-12-19"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("expelled-to-turkey", "turkey"),
        ("moved-to-buyukada", "buyukada"),
        ("zinaida-death", "berlin"),
        ("royan", "royan"),
        ("knudsen-house", "norderhov"),
        // Norderhov is near Hønefoss, not in it: both lie in Ringerike.
        ("knudsen-house", "ringerike"),
        ("hurum-house-arrest", "hurum"),
    ];
    f.places(places);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("expelled-to-turkey", &["natalia-sedova", "lev-sedov"]),
        ("knudsen-house", &["konrad-knudsen"]),
        ("zinoviev-kamenev-executed", &["grigory-zinoviev", "lev-kamenev"]),
        ("hurum-house-arrest", &["trygve-lie"]),
        ("deported-from-norway", &["jonas-lie"]),
    ];
    f.people(people);
    f.done();

    let timeline = index().timeline();
    let norderhov = timeline
        .places
        .iter()
        .position(|p| p.id == "norderhov")
        .expect("Norderhov is a place");
    let in_honefoss = timeline
        .place_chain(norderhov)
        .any(|p| fold(&p.name) == "honefoss");
    assert!(
        !in_honefoss,
        "place `norderhov`: the article has it near Hønefoss, not within it"
    );

    // "his 108 days at Hurum", counting the day he left.
    let hurum = event("hurum-house-arrest").date;
    assert_eq!(
        hurum.span_days() - 1,
        108,
        "event `hurum-house-arrest`: the article's 108 days"
    );
}

#[test]
fn mexico_assassination_and_legacy() {
    let mut f = Facts::new("1937–2001");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        ("arrival-in-mexico", "1937-01-09", "1937-01-09", "1937-01-09"),
        ("casa-azul", "1937-01/1939-04", "1937-01-01", "1939-04-30"),
        ("dewey-commission", "1937-04", "1937-04-01", "1937-04-30"),
        ("sergei-sedov-death", "1937-10-29", "1937-10-29", "1937-10-29"),
        ("lev-sedov-death", "1938-02-16", "1938-02-16", "1938-02-16"),
        ("fourth-international-founded", "1938", "1938-01-01", "1938-12-31"),
        ("avenida-viena", "1939-04", "1939-04-01", "1939-04-30"),
        // Undated: after he was exiled (1928 or 1929), until his death.
        ("united-front-against-fascism", "1928/1940-08", "1928-01-01", "1940-08-31"),
        ("testament", "1940-02-27", "1940-02-27", "1940-02-27"),
        ("may-1940-raid", "1940-05-24", "1940-05-24", "1940-05-24"),
        ("ice-axe-attack", "1940-08-20", "1940-08-20", "1940-08-20"),
        ("death", "1940-08-21", "1940-08-21", "1940-08-21"),
        ("medvedev-forest-massacre", "1941-09", "1941-09-01", "1941-09-30"),
        ("sergei-sedov-bukharin-rehabilitated", "1988", "1988-01-01", "1988-12-31"),
        ("rehabilitation", "2001-06-16", "2001-06-16", "2001-06-16"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("arrival-in-mexico", "mexico"),
        ("casa-azul", "coyoacan"),
        ("dewey-commission", "coyoacan"),
        ("avenida-viena", "coyoacan"),
        ("may-1940-raid", "coyoacan"),
        ("ice-axe-attack", "coyoacan"),
        // He was to go to the United States to testify, and never went.
        ("dies-committee-agreed", "mexico"),
        ("dies-committee-refused", "mexico"),
        // Struck at home in Coyoacán; he died next day in a hospital the article does not name.
        ("death", "mexico"),
    ];
    f.places(places);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("arrival-in-mexico", &["lazaro-cardenas"]),
        ("casa-azul", &["diego-rivera", "frida-kahlo"]),
        ("dewey-commission", &["john-dewey"]),
        ("may-1940-raid", &["iosif-grigulevich", "david-alfaro-siqueiros", "esteban-volkov"]),
        ("ice-axe-attack", &["ramon-mercader"]),
        ("medvedev-forest-massacre", &["christian-rakovsky", "olga-kameneva"]),
    ];
    f.people(people);
    f.done();

    let death = event("death");
    assert_eq!(
        index().subject_age(&death.date).as_deref(),
        Some("60"),
        "event `death`: the article says he died at 60"
    );
}

#[test]
fn facts_told_only_in_the_lead_or_inside_other_events() {
    let mut f = Facts::new("the audit's missing facts");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        // The lead: "just before" October; in June he still sat for the Mezhraiontsy.
        ("joined-bolsheviks", "1917-07~/1917-11-07", "1917-07-01", "1917-11-07"),
        ("first-politburo-1917", "1917", "1917-01-01", "1917-12-31"),
        ("not-rehabilitated-1950s", "195X", "1950-01-01", "1959-12-31"),
        // Told inside other events until now.
        ("bund-cofounded-rsdlp", "1898", "1898-01-01", "1898-12-31"),
        ("sedov-surname", "1917-11-07/1918?", "1917-11-07", "1918-12-31"),
        ("brest-tactics-1925", "1925", "1925-01-01", "1925-12-31"),
        ("joffe-friendship", "1907-10~/1927~", "1907-10-01", "1927-12-31"),
        ("expropriations-dispute", "191X", "1910-01-01", "1919-12-31"),
        ("kievskaya-mysl", "1907-10/1914-08-03", "1907-10-01", "1914-08-03"),
        ("vatsetis-clash-1918", "1918-01/1918-09", "1918-01-01", "1918-09-30"),
        ("zinoviev-rivalry", "1917-12~/1926", "1917-12-01", "1926-12-31"),
        ("marx-engels-permanent-revolution", "1850-03", "1850-03-01", "1850-03-31"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("first-politburo-1917", &[
            "vladimir-lenin", "grigory-zinoviev", "lev-kamenev", "joseph-stalin",
            "grigori-sokolnikov", "andrei-bubnov",
        ]),
        ("not-rehabilitated-1950s", &["nikita-khrushchev"]),
        ("sedov-surname", &["natalia-sedova", "lev-sedov", "sergei-sedov"]),
        ("joffe-friendship", &["adolph-joffe"]),
        ("expropriations-dispute", &["vladimir-lenin"]),
        ("vatsetis-clash-1918", &["ioakim-vatsetis"]),
        ("zinoviev-rivalry", &["grigory-zinoviev"]),
        ("marx-engels-permanent-revolution", &["karl-marx", "friedrich-engels"]),
    ];
    f.people(people);
    #[rustfmt::skip]
    let sources: &[(&str, &str)] = &[
        ("joined-bolsheviks", LEAD),
        ("first-politburo-1917", LEAD),
        ("not-rehabilitated-1950s", LEAD),
        ("bund-cofounded-rsdlp", "Split with Lenin (1903–1904)"),
        ("sedov-surname", "First emigration and second marriage (1902–1903)"),
        ("brest-tactics-1925", "Commissar for Foreign Affairs and Brest-Litovsk (1917–1918)"),
        ("marx-engels-permanent-revolution", "Permanent Revolution"),
    ];
    f.sources(sources);
    f.done();
}

/// The audit of issue 20 against the article: dates no more precise than it gives them, places and
/// people it names, person notes that add nothing to it, and the dated facts of its argument
/// passages that were not yet events.
#[test]
fn the_audit_against_the_article() {
    let mut f = Facts::new("the audit against the article");
    #[rustfmt::skip]
    let dates: &[(&str, &str, &str, &str)] = &[
        // A month at the Amherst camp, ending with his release on 29 April.
        ("halifax-detention", "1917-03~/1917-04-29", "1917-03-01", "1917-04-29"),
        // Before the rising it preceded.
        ("armed-uprising-debate", "1917-10~/1917-11-07", "1917-10-01", "1917-11-07"),
        // Over by its formal acceptance on 13 March.
        ("foreign-affairs-resignation", "1918-02~/1918-03-13", "1918-02-01", "1918-03-13"),
        // 6 June is the day of Vatsetis's order, which Trotsky backed.
        ("eastern-front-halt", "1919-06-06", "1919-06-06", "1919-06-06"),
        // Awarded for the October defence; the article gives no date.
        ("order-of-the-red-banner", "1919-10/1919-12?", "1919-10-01", "1919-12-31"),
        // Carried to the Tenth Congress of March 1921.
        ("trade-union-debate", "1920-09~/1921-03", "1920-09-01", "1921-03-31"),
        // Elected after Nosar's arrest, before the Soviet's own.
        ("soviet-chairman", "1905-11-26 O.S./1905-12-03 O.S.", "1905-12-09", "1905-12-16"),
        // After the escape of January 1907, before the move to Vienna in October.
        ("london-1907", "1907-01 O.S./1907-10", "1907-01-14", "1907-10-31"),
        ("rsdlp-fifth-congress", "1907-01 O.S./1907-10", "1907-01-14", "1907-10-31"),
        ("swiss-socialist-party", "1914-08-03/1914-11-19", "1914-08-03", "1914-11-19"),
        // Left straight after the conference; Lenin died while he was on the way.
        ("caucasus-journey", "1924-01-18/1924-01-21", "1924-01-18", "1924-01-21"),
        // "Shortly after Lenin's death in 1924".
        ("chkheidze-letter-published", "1924-01-21/1924", "1924-01-21", "1924-12-31"),
        // "Following" the crisis of 6 February 1934.
        ("sarraut-expulsion-decree", "1934-02-06/1934-12?", "1934-02-06", "1934-12-31"),
        // "On Trotsky's arrival" on 9 January 1937.
        ("hidalgo-train", "1937-01-09/1937-01", "1937-01-09", "1937-01-31"),
        // After he agreed, towards the end of 1939.
        ("dies-committee-refused", "1939-10~/1940?", "1939-10-01", "1940-12-31"),
        // Dated facts of the lead and of the argument passages, now events.
        ("civil-war-victory", "1918/1923", "1918-01-01", "1923-12-31"),
        ("party-discussion-1923", "1923-12/1924-01-16", "1923-12-01", "1924-01-16"),
        ("supporters-removed-1924", "1924-01-18/1924-12?", "1924-01-18", "1924-12-31"),
        ("shut-out-1924", "1924", "1924-01-01", "1924-12-31"),
        ("socialism-in-one-country", "1924", "1924-01-01", "1924-12-31"),
    ];
    f.dates(dates);
    #[rustfmt::skip]
    let places: &[(&str, &str)] = &[
        ("halifax-detention", "nova-scotia"),
        ("stalin-seeks-my-death", "coyoacan"),
    ];
    f.places(places);
    // London-based, not founded in London; a ship near Istanbul, not in it.
    f.no_place(&["iskra-founded", "gorky-appeal"]);
    #[rustfmt::skip]
    let people: &[(&str, &[&str])] = &[
        ("tass-plot-announcement", &["grigory-zinoviev", "lev-kamenev"]),
        ("tenth-congress-defeat", &[
            "nikolai-krestinsky", "yevgeni-preobrazhensky", "leonid-serebryakov",
        ]),
    ];
    f.people(people);
    #[rustfmt::skip]
    let sources: &[(&str, &str)] = &[
        ("civil-war-victory", LEAD),
        ("party-discussion-1923", "Left opposition (1923–1924)"),
        ("socialism-in-one-country", "After Lenin's death (1924)"),
    ];
    f.sources(sources);
    f.done();

    // Person notes and stay notes add nothing the article does not say.
    let timeline = index().timeline();
    let mut wrong = Vec::new();
    for (id, claim) in [
        ("jonas-lie", "police officer"),
        ("felix-dzerzhinsky", "cheka"),
        ("sergey-kirov", "leningrad"),
        ("fanya-kaplan", "wounded"),
        ("frida-kahlo", "owner"),
        ("esteban-volkov", "guardian"),
        ("lev-kamenev", "shot"),
        ("grigory-zinoviev", "shot"),
        ("lavr-kornilov", "general"),
    ] {
        let person = timeline
            .people
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no person `{id}`"));
        if fold(person.about.as_deref().unwrap_or("")).contains(claim) {
            wrong.push(format!("person `{id}`: the article does not say `{claim}`"));
        }
    }
    for stay in &timeline.stays {
        if fold(stay.note.as_deref().unwrap_or("")).contains("capital") {
            wrong.push(format!(
                "stay at `{}`: the article does not call it the capital",
                place_id(stay.place)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // The month at the camp is a month: April 1917 finds it.
    assert!(
        listed(&["--from", "1917-04", "--to", "1917-04"])
            .contains(&"halifax-detention".to_string()),
        "`--from 1917-04 --to 1917-04` misses the month at the Amherst camp"
    );
}

/// His parents, sisters, wives, children and grandson, whose births and deaths are his life too.
const FAMILY: [&str; 10] = [
    "david-bronstein",
    "anna-bronstein",
    "olga-kameneva",
    "alexandra-sokolovskaya",
    "natalia-sedova",
    "zinaida-volkova",
    "nina-nevelson",
    "lev-sedov",
    "sergei-sedov",
    "esteban-volkov",
];

#[test]
fn every_dated_birth_and_death_in_the_family_is_an_event() {
    let timeline = index().timeline();
    let mut wrong = Vec::new();
    for id in FAMILY {
        let person = timeline
            .people
            .iter()
            .position(|p| p.id == id)
            .unwrap_or_else(|| panic!("no person `{id}`"));
        let p = &timeline.people[person];
        for (what, date, tag) in [("born", p.born, "family"), ("died", p.died, "death")] {
            let Some(date) = date else { continue };
            let told = index().events().unwrap().iter().any(|e| {
                e.date == date && e.people.contains(&person) && e.tags.iter().any(|t| t == tag)
            });
            if !told {
                wrong.push(format!(
                    "person `{id}` {what} {date}, but no `{tag}` event of theirs has that date"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn life_dates_of_the_people_match_their_events() {
    let timeline = index().timeline();
    let person = |id: &str| {
        timeline
            .people
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no person `{id}`"))
    };
    let written = |d: Option<Date>| d.map(|d| d.to_string());
    let expected = [
        ("trotsky", Some("1879-10-26 O.S."), Some("1940-08-21")),
        ("david-bronstein", Some("1847"), Some("1922")),
        ("anna-bronstein", Some("1850"), Some("1910")),
        ("alexandra-sokolovskaya", Some("1872"), Some("1938")),
        ("zinaida-volkova", Some("1901"), Some("1933-01-05")),
        ("nina-nevelson", Some("1902"), Some("1928-06-09")),
        ("lev-sedov", Some("1906"), Some("1938-02-16")),
        ("sergei-sedov", Some("1908-03-21"), Some("1937-10-29")),
        ("esteban-volkov", Some("1926-03-07"), None),
        ("vladimir-lenin", None, Some("1924-01-21")),
        ("lev-kamenev", None, Some("1936-08-25")),
        ("grigory-zinoviev", None, Some("1936-08-25")),
    ];
    let mut wrong = Vec::new();
    for (id, born, died) in expected {
        let p = person(id);
        let got = (written(p.born), written(p.died));
        let want = (born.map(str::to_string), died.map(str::to_string));
        if got != want {
            wrong.push(format!(
                "person `{id}`: born/died {got:?}, the article gives {want:?}"
            ));
        }
    }
    // A death the file records as an event must fall on the person's date of death.
    for (event_id, person_id) in [
        ("lenin-death", "vladimir-lenin"),
        ("zinoviev-kamenev-executed", "lev-kamenev"),
        ("zinoviev-kamenev-executed", "grigory-zinoviev"),
        ("sergei-sedov-death", "sergei-sedov"),
        ("lev-sedov-death", "lev-sedov"),
        ("zinaida-death", "zinaida-volkova"),
        ("nina-death", "nina-nevelson"),
        ("death", "trotsky"),
    ] {
        if person(person_id).died != Some(event(event_id).date) {
            wrong.push(format!(
                "person `{person_id}` died {:?} but event `{event_id}` is dated {}",
                written(person(person_id).died),
                event(event_id).date
            ));
        }
    }
    if person("trotsky").born != Some(event("birth").date) {
        wrong.push("person `trotsky`: born date differs from event `birth`".to_string());
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn old_style_only_where_the_article_uses_it() {
    let julian_end = day("1918-02-14");
    let mut wrong = Vec::new();
    for e in index().events().unwrap() {
        if e.date.is_old_style() && e.date.latest() >= julian_end {
            wrong.push(format!(
                "event `{}`: `{}` is marked O.S. but Russia was Gregorian from 14 Feb 1918",
                e.id, e.date
            ));
        }
    }
    // The article marks these Julian (birth, January 1905) or gives them from the Russian press.
    for id in [
        "birth",
        "putilov-strike",
        "general-strike-1905",
        "bloody-sunday",
        "sytin-strike",
        "return-petersburg-1905",
        "nosar-arrest",
        "soviet-proclamation",
        "soviet-trial",
        "sentence-1906",
        "february-revolution",
    ] {
        if !event(id).date.is_old_style() {
            wrong.push(format!(
                "event `{id}`: `{}` should be the article's Old Style date",
                event(id).date
            ));
        }
    }
    // The 1917 dates the article writes in New Style must not be read as Julian.
    for id in [
        "return-russia-1917",
        "vtsik-1917",
        "arrest-1917",
        "petrograd-soviet-chair",
        "october-uprising",
        "brest-litovsk-talks",
    ] {
        if event(id).date.is_old_style() {
            wrong.push(format!(
                "event `{id}`: `{}` is New Style in the article, not O.S.",
                event(id).date
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

// ---- The curator's contract ----

/// The article's section headings, exactly as it writes them (en dashes included). The
/// sub-headings `1918`, `1919` and `1920` are cited as `Civil War (1918–1920)`, and the article's
/// lists (See also, Notes, References…) hold no facts.
const HEADINGS: [&str; 32] = [
    "Childhood and family (1879–1895)",
    "Early political activities and life (1896–1917)",
    "Revolutionary activity and imprisonment (1896–1898)",
    "First marriage and Siberian exile (1899–1902)",
    "First emigration and second marriage (1902–1903)",
    "Split with Lenin (1903–1904)",
    "1905 revolution and trial (1905–1906)",
    "Second emigration (1907–1914)",
    "World War I (1914–1917)",
    "Russian Revolution and aftermath",
    "Commissar for Foreign Affairs and Brest-Litovsk (1917–1918)",
    "Head of the Red Army (spring 1918)",
    "Civil War (1918–1920)",
    "Trade union debate (1920–1921)",
    "Trotsky's contribution to the Russian Revolution",
    "Lenin's illness (1922–1923)",
    "Left opposition (1923–1924)",
    "After Lenin's death (1924)",
    "A year in the wilderness (1925)",
    "United Opposition (1926–1927)",
    "Defeat and exile (1927–1928)",
    "Fate of Left Oppositionists after Trotsky's exile (1929–1941)",
    "Exile (1929–1940)",
    "Moscow show trials",
    "Fourth International",
    "Dies Committee",
    "Final months",
    "Assassination",
    "Legacy",
    "Contributions to theory",
    "Permanent Revolution",
    "The United Front",
];

/// The `source` of the facts only the article's untitled lead gives.
const LEAD: &str = "(lead)";

const TAGS: [&str; 20] = [
    "family",
    "education",
    "revolution",
    "party",
    "congress",
    "opposition",
    "office",
    "writing",
    "arrest",
    "prison",
    "exile",
    "escape",
    "journey",
    "war",
    "diplomacy",
    "trial",
    "attack",
    "death",
    "health",
    "legacy",
];

#[test]
fn every_source_is_an_article_heading() {
    let timeline = index().timeline();
    let mut wrong = Vec::new();
    for e in index().events().unwrap() {
        match e.source.as_deref() {
            Some(s) if HEADINGS.contains(&s) || s == LEAD => {}
            Some(s) => wrong.push(format!("event `{}`: source `{s}` is not a heading", e.id)),
            None => wrong.push(format!("event `{}`: no source", e.id)),
        }
    }
    for (i, s) in timeline.stays.iter().enumerate() {
        if let Some(source) = s.source.as_deref()
            && !HEADINGS.contains(&source)
        {
            wrong.push(format!(
                "stay {i} at `{}`: source `{source}` is not a heading",
                place_id(s.place)
            ));
        }
    }
    for p in &timeline.periods {
        if !HEADINGS.contains(&p.title.as_str()) {
            wrong.push(format!(
                "period `{}`: title `{}` is not a heading",
                p.id, p.title
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_event_falls_in_a_period_that_shows_it() {
    let index = index();
    let periods = &index.timeline().periods;
    let mut wrong = Vec::new();
    for (position, e) in index.events().unwrap().iter().enumerate() {
        // Before his birth (his parents' births, the theory's origin) there is no period yet.
        let before_birth = index
            .timeline()
            .subject()
            .and_then(|s| s.born)
            .is_some_and(|born| e.date.latest() < born.earliest());
        let Some(p) = e.period else {
            if !before_birth {
                wrong.push(format!("event `{}` ({}) falls in no period", e.id, e.date));
            }
            continue;
        };
        // `timeline --in PERIOD` must list it.
        let span = periods[p].span;
        let listed = index
            .select(&Query {
                range: Some((span.earliest(), span.latest())),
                ..Query::default()
            })
            .unwrap();
        if !listed.contains(&position) {
            wrong.push(format!(
                "event `{}` ({}) is assigned to period `{}` but `--in {}` does not list it",
                e.id, e.date, periods[p].id, periods[p].id
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A period spans what the article dates for its section's subject, not the heading's years (those
/// stay in the title): CURATING.md, "Periods".
#[test]
fn periods_span_what_their_sections_date() {
    #[rustfmt::skip]
    let spans: [(&str, &str, &str); 22] = [
        // Born 7 November 1879; the move to Nikolayev in 1896 ends it.
        ("childhood", "1879-11-07", "1896-12-31"),
        // Nikolayev in 1896, then two years in prison awaiting trial from January 1898.
        ("revolutionary-activity", "1896-01-01", "1900-12-31"),
        // The prison wedding of summer 1899 to the escape of summer 1902.
        ("siberian-exile", "1899-06-01", "1902-08-31"),
        // After the escape of summer 1902; married in 1903.
        ("first-emigration", "1902-06-01", "1903-12-31"),
        // The congress of August 1903; members changed sides through 1903 and 1904.
        ("split-with-lenin", "1903-08-01", "1904-12-31"),
        // The Putilov strike of 3 January 1905 (O.S.) to the trial of 4 October 1906 (O.S.).
        ("revolution-1905", "1905-01-16", "1906-10-17"),
        // The escape in January 1907 (O.S.) to the flight from Vienna on 3 August 1914.
        ("second-emigration", "1907-01-14", "1914-08-03"),
        // The war's outbreak to "by the end of 1917".
        ("world-war-i", "1914-08-03", "1917-12-31"),
        // Commissar from November 1917 to the treaty's ratification on 15 March 1918.
        ("foreign-affairs", "1917-11-01", "1918-03-15"),
        // The Supreme Military Council of 4 March 1918, through the spring.
        ("red-army", "1918-03-04", "1918-05-31"),
        // The Czechoslovak rising of May 1918 to the peace argument won after Warsaw in 1920.
        ("civil-war", "1918-05-01", "1920-12-31"),
        // Late 1920 to the Tenth Congress of March 1921.
        ("trade-union-debate", "1920-09-01", "1921-03-31"),
        // Lenin's health failing in late 1921 to Rakovsky's removal in mid-1923.
        ("lenins-illness", "1921-09-01", "1923-08-31"),
        // The crisis from mid-1923 to the conference and Lenin's death in January 1924.
        ("left-opposition", "1923-05-01", "1924-01-31"),
        // Lenin's death to the loss of his army posts on 6 January 1925.
        ("after-lenins-death", "1924-01-21", "1925-01-06"),
        // From the loss of his posts to the XIVth Congress of December 1925.
        ("wilderness", "1925-01-06", "1925-12-31"),
        // The alliance of early 1926 through 1927.
        ("united-opposition", "1926-01-01", "1927-12-31"),
        // Out of the Central Committee in October 1927 to the expulsion of February 1929.
        ("defeat-and-exile", "1927-10-01", "1929-02-28"),
        // From his expulsion to the Medvedev Forest massacre of September 1941.
        ("fate-of-oppositionists", "1929-02-01", "1941-09-30"),
        // Deported in February 1929; in exile until his death.
        ("exile", "1929-02-01", "1940-08-21"),
        ("assassination", "1939-03-01", "1940-08-21"),
        // After his death to the rehabilitation of 16 June 2001.
        ("legacy", "1940-08-22", "2001-06-16"),
    ];
    let periods = &index().timeline().periods;
    let mut wrong = Vec::new();
    if periods.len() != spans.len() {
        wrong.push(format!(
            "{} periods, {} pinned here",
            periods.len(),
            spans.len()
        ));
    }
    for (id, first, last) in spans {
        let Some(p) = periods.iter().find(|p| p.id == id) else {
            wrong.push(format!("no period `{id}`"));
            continue;
        };
        let got = (p.span.earliest(), p.span.latest());
        if got != (day(first), day(last)) {
            wrong.push(format!(
                "period `{id}` spans {} to {}, its section dates {first} to {last}",
                got.0, got.1
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The ids `timeline ARGS --format json` lists, run as a reader runs it on the embedded timeline.
fn listed(args: &[&str]) -> Vec<String> {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(args)
        .args(["--format", "json"])
        .env_remove("TIMELINE_FILE")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "timeline {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let events: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the output is JSON");
    events
        .as_array()
        .expect("a JSON list")
        .iter()
        .map(|e| e["id"].as_str().expect("an id").to_string())
        .collect()
}

/// `--in foreign-affairs` is his time as commissar, not the whole of 1917: New York is World War I.
#[test]
fn foreign_affairs_starts_when_he_took_the_post() {
    let ids = listed(&["--in", "foreign-affairs"]);
    for id in [
        "foreign-affairs-commissar",
        "brest-litovsk-talks",
        "brest-litovsk-ratified",
    ] {
        assert!(
            ids.iter().any(|i| i == id),
            "`--in foreign-affairs` lacks `{id}`"
        );
    }
    for id in ["arrival-new-york", "vyse-avenue", "return-russia-1917"] {
        assert!(
            !ids.iter().any(|i| i == id),
            "`--in foreign-affairs` lists `{id}`, outside the commissar's months"
        );
    }
    let shown = std::process::Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(["show", "arrival-new-york", "--format", "json"])
        .env_remove("TIMELINE_FILE")
        .output()
        .expect("the binary runs");
    let card: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("the card is JSON");
    assert_eq!(
        card["periods"],
        serde_json::json!(["world-war-i"]),
        "event `arrival-new-york` lies in World War I only"
    );
    // The debate runs to the Tenth Congress; the Red Army's spring starts in March.
    assert!(listed(&["--in", "trade-union-debate"]).contains(&"tenth-congress-defeat".to_string()));
    assert!(!listed(&["--in", "red-army"]).contains(&"narva-rout".to_string()));
}

#[test]
fn titles_are_short_and_tags_come_from_the_vocabulary() {
    let mut wrong = Vec::new();
    for e in index().events().unwrap() {
        let length = e.title.chars().count();
        if length > 70 || e.title.trim().is_empty() {
            wrong.push(format!(
                "event `{}`: title is {length} characters (at most 70)",
                e.id
            ));
        }
        if e.title.starts_with("Trotsky ") {
            wrong.push(format!(
                "event `{}`: the subject is implied, not named",
                e.id
            ));
        }
        if !(1..=3).contains(&e.tags.len()) {
            wrong.push(format!(
                "event `{}`: {} tags (one to three)",
                e.id,
                e.tags.len()
            ));
        }
        for t in &e.tags {
            if !TAGS.contains(&t.as_str()) {
                wrong.push(format!(
                    "event `{}`: tag `{t}` is not in the vocabulary",
                    e.id
                ));
            }
        }
        let unique: BTreeSet<&String> = e.tags.iter().collect();
        if unique.len() != e.tags.len() {
            wrong.push(format!("event `{}`: a tag is repeated", e.id));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_person_and_place_is_used() {
    let timeline = index().timeline();
    let mut person_used = vec![false; timeline.people.len()];
    let mut place_used = vec![false; timeline.places.len()];
    if let Some(s) = timeline.subject {
        person_used[s] = true;
    }
    let mut mark_place = |p: usize| {
        // A region or country is used through any place within it.
        for place in timeline.place_chain(p) {
            let i = timeline
                .places
                .iter()
                .position(|q| q.id == place.id)
                .expect("a place of the chain is a place");
            place_used[i] = true;
        }
    };
    for e in index().events().unwrap() {
        for &p in &e.people {
            person_used[p] = true;
        }
        if let Some(p) = e.place {
            mark_place(p);
        }
    }
    for s in &timeline.stays {
        mark_place(s.place);
    }
    let unused_people: Vec<&str> = (0..timeline.people.len())
        .filter(|&i| !person_used[i])
        .map(person_id)
        .collect();
    let unused_places: Vec<&str> = (0..timeline.places.len())
        .filter(|&i| !place_used[i])
        .map(place_id)
        .collect();
    assert!(
        unused_people.is_empty() && unused_places.is_empty(),
        "named by no event or stay: people {unused_people:?}, places {unused_places:?}"
    );
}

#[test]
fn one_fact_one_event() {
    let events = index().events().unwrap();
    let mut wrong = Vec::new();
    // Two events starting the same day with near-identical titles tell one fact twice.
    for (i, a) in events.iter().enumerate() {
        for b in &events[i + 1..] {
            if b.date.earliest() != a.date.earliest() {
                continue;
            }
            let (ta, tb) = (fold(&a.title), fold(&b.title));
            let similarity = strsim::normalized_levenshtein(&ta, &tb);
            if similarity > 0.7 || ta.contains(&tb) || tb.contains(&ta) {
                wrong.push(format!(
                    "events `{}` and `{}` ({}) look like one fact: {:?} / {:?} ({similarity:.2})",
                    a.id,
                    b.id,
                    a.date.earliest(),
                    a.title,
                    b.title
                ));
            }
        }
    }
    // Facts the article tells in two sections, each to be told once here.
    let has = |e: &Event, person: &str| e.people.iter().any(|&p| person_id(p) == person);
    let tagged = |e: &Event, tag: &str| e.tags.iter().any(|t| t == tag);
    let text = |e: &Event| {
        fold(&format!(
            "{} {}",
            e.title,
            e.summary.as_deref().unwrap_or("")
        ))
    };
    type Matcher<'a> = Box<dyn Fn(&Event) -> bool + 'a>;
    let once: [(&str, Matcher); 6] = [
        (
            "Lenin's death",
            Box::new(|e| has(e, "vladimir-lenin") && tagged(e, "death")),
        ),
        (
            "the expulsion to Turkey",
            Box::new(|e| {
                tagged(e, "exile")
                    && tagged(e, "journey")
                    && e.date.earliest().to_string().starts_with("1929-02")
            }),
        ),
        (
            "Sergei Sedov's death",
            Box::new(|e| has(e, "sergei-sedov") && tagged(e, "death")),
        ),
        (
            "permanent revolution with Parvus",
            Box::new(|e| has(e, "alexander-parvus") && text(e).contains("permanent")),
        ),
        (
            "the execution of Zinoviev and Kamenev",
            Box::new(|e| has(e, "lev-kamenev") && tagged(e, "death")),
        ),
        (
            "Trotsky's death",
            Box::new(|e| tagged(e, "death") && e.date.earliest() == day("1940-08-21")),
        ),
    ];
    for (fact, matches) in &once {
        let ids: Vec<&str> = events
            .iter()
            .filter(|e| matches(e))
            .map(|e| e.id.as_str())
            .collect();
        if ids.len() != 1 {
            wrong.push(format!(
                "{fact} should be one event, found {}: {ids:?}",
                ids.len()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn titles_and_summaries_claim_only_what_the_article_says() {
    let mut wrong = Vec::new();
    let text = |e: &Event| {
        fold(&format!(
            "{} {}",
            e.title,
            e.summary.as_deref().unwrap_or("")
        ))
    };
    // A summary tells the event; what the article does or does not say belongs in CURATING.md.
    for e in index().events().unwrap() {
        let said = text(e);
        for about_the_source in [
            "the article sets",
            "the article gives",
            "the article does",
            "the article dates",
            "the article says",
            "without dating",
        ] {
            if said.contains(about_the_source) {
                wrong.push(format!(
                    "event `{}`: describes the source (`{about_the_source}`), not the event",
                    e.id
                ));
            }
        }
    }
    // Claims the audit found the article does not make.
    for (id, claim) in [
        ("mezhraiontsy", "rose to lead"),
        ("mezhraiontsy", "he led this"),
        ("german-reply-1918", "harsher"),
        ("nachalo", "menshevik paper"),
        // The name went to his side, those who opposed the Central Committee's line.
        ("thirteenth-conference", "his critics were called"),
        ("south-russian-workers-union", "giving up"),
        ("swiss-socialist-party", "led the swiss"),
        // Witnesses tell the struggle; the hand was broken in it.
        ("ice-axe-attack", "breaking mercader"),
        // Indoors 22 hours a day only until the walks were banned in October.
        ("hurum-house-arrest", "for 108 days"),
        ("condemned-norway-internment", "labour government"),
        ("european-revolution-dispute", "fed the later"),
        ("sergei-sedov-death", " died"),
        ("red-terror", "told to carry it out"),
    ] {
        if text(event(id)).contains(claim) {
            wrong.push(format!("event `{id}`: the article does not say `{claim}`"));
        }
    }
    // What it does say: one of the Mezhraiontsy's leaders; the Weil stay itself.
    for (id, said) in [
        ("mezhraiontsy", "one of its leaders"),
        ("simone-weil-house", "bodyguards"),
        ("thirteenth-conference", "his side"),
        ("sergei-sedov-death", "killed"),
        ("ice-axe-attack", "witnesses"),
    ] {
        if !text(event(id)).contains(said) {
            wrong.push(format!("event `{id}`: should say `{said}`"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn names_are_unique_to_their_owner_unless_shared_on_purpose() {
    let timeline = index().timeline();
    // Namesakes the article itself distinguishes.
    let allowed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::from([
        ("kamenev", BTreeSet::from(["lev-kamenev", "sergey-kamenev"])),
        ("lie", BTreeSet::from(["trygve-lie", "jonas-lie"])),
        ("sedov", BTreeSet::from(["lev-sedov", "sergei-sedov"])),
    ]);
    let mut owners: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for p in &timeline.people {
        for name in p.all_names() {
            owners.entry(fold(name)).or_default().insert(&p.id);
        }
    }
    let mut wrong = Vec::new();
    for (name, ids) in &owners {
        if ids.len() > 1 && allowed.get(name.as_str()) != Some(ids) {
            wrong.push(format!("person name `{name}` is shared by {ids:?}"));
        }
    }
    for (name, ids) in &allowed {
        if owners.get(*name) != Some(ids) {
            wrong.push(format!(
                "`{name}` should find exactly {ids:?}, finds {:?}",
                owners.get(*name)
            ));
        }
    }
    let mut place_owners: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for p in &timeline.places {
        for name in p.all_names() {
            place_owners.entry(fold(name)).or_default().insert(&p.id);
        }
    }
    for (name, ids) in &place_owners {
        if ids.len() > 1 {
            wrong.push(format!("place name `{name}` is shared by {ids:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn names_a_reader_types_find_someone() {
    let index = index();
    let lookups = [
        ("Trotsky", "trotsky"),
        ("Bronstein", "trotsky"),
        ("Lev Bronstein", "trotsky"),
        ("Pero", "trotsky"),
        ("Lvov", "trotsky"),
        ("Yanovsky", "trotsky"),
        ("Antid Oto", "trotsky"),
        ("Lenin", "vladimir-lenin"),
        ("Stalin", "joseph-stalin"),
        ("Zinoviev", "grigory-zinoviev"),
        ("Bukharin", "nikolai-bukharin"),
        ("Parvus", "alexander-parvus"),
        ("Martov", "julius-martov"),
        ("Plekhanov", "georgi-plekhanov"),
        ("Sokolovskaya", "alexandra-sokolovskaya"),
        ("Sedova", "natalia-sedova"),
        ("Natasha", "natalia-sedova"),
        ("Kameneva", "olga-kameneva"),
        ("Rakovsky", "christian-rakovsky"),
        ("Khrustalev", "georgy-nosar"),
        ("Khrustalyov", "georgy-nosar"),
        ("Vacietis", "ioakim-vatsetis"),
        ("Vatsetis", "ioakim-vatsetis"),
        ("Mercader", "ramon-mercader"),
        ("cardenas", "lazaro-cardenas"),
        ("Rivera", "diego-rivera"),
        ("Knudsen", "konrad-knudsen"),
        ("Esteban", "esteban-volkov"),
    ];
    let counts = index.person_event_counts();
    let mut wrong = Vec::new();
    for (name, id) in lookups {
        let found: Vec<&str> = index.find_people(name).into_iter().map(person_id).collect();
        if found != [id] {
            wrong.push(format!(
                "person `{name}` finds {found:?}, expected [{id:?}]"
            ));
            continue;
        }
        let i = index.find_people(name)[0];
        if counts[i] == 0 {
            wrong.push(format!("person `{name}` ({id}) has no events"));
        }
    }
    // Gorky's son is Maxim Peshkov; no other entry may answer to the name.
    let peshkovs: Vec<&str> = index
        .timeline()
        .people
        .iter()
        .filter(|p| p.all_names().any(|n| fold(n).contains("peshkov")))
        .map(|p| p.id.as_str())
        .collect();
    if peshkovs != ["maxim-peshkov"] {
        wrong.push(format!(
            "the name Peshkov is carried by {peshkovs:?}, only Maxim Peshkov should carry it"
        ));
    }
    // Namesakes: the surname finds both, the full name one.
    for (name, ids) in [
        ("Kamenev", vec!["lev-kamenev", "sergey-kamenev"]),
        ("Lie", vec!["trygve-lie", "jonas-lie"]),
        ("Sedov", vec!["lev-sedov", "sergei-sedov"]),
    ] {
        let mut found: Vec<&str> = index.find_people(name).into_iter().map(person_id).collect();
        found.sort_unstable();
        let mut want = ids.clone();
        want.sort_unstable();
        if found != want {
            wrong.push(format!(
                "person `{name}` finds {found:?}, expected {want:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn place_names_a_reader_types_find_events() {
    let index = index();
    let lookups = [
        ("Petrograd", "saint-petersburg"),
        ("Leningrad", "saint-petersburg"),
        ("St Petersburg", "saint-petersburg"),
        ("Prinkipo", "buyukada"),
        ("buyukada", "buyukada"),
        ("Büyükada", "buyukada"),
        ("Constantinople", "istanbul"),
        ("Istanbul", "istanbul"),
        ("Alma-Ata", "alma-ata"),
        ("Alma Ata", "alma-ata"),
        ("Almaty", "alma-ata"),
        ("Kiev", "kiev"),
        ("Kyiv", "kiev"),
        ("Nikolayev", "nikolayev"),
        ("Mykolaiv", "nikolayev"),
        ("Yanovka", "yanovka"),
        ("Yanivka", "yanovka"),
        ("Odessa", "odessa"),
        ("honefoss", "ringerike"),
        ("Ringerike", "ringerike"),
        ("coyoacan", "coyoacan"),
        ("Coyoacán", "coyoacan"),
        ("Obdorsk", "obdorsk"),
        ("Hurum", "hurum"),
        ("Brest-Litovsk", "brest-litovsk"),
        ("Zimmerwald", "zimmerwald"),
        ("Bronx", "the-bronx"),
        ("Casa Azul", "la-casa-azul"),
    ];
    let mut wrong = Vec::new();
    for (name, id) in lookups {
        let found = index.find_places(name);
        let ids: Vec<&str> = found.iter().map(|&i| place_id(i)).collect();
        if ids != [id] {
            wrong.push(format!("place `{name}` finds {ids:?}, expected [{id:?}]"));
            continue;
        }
        let events = index
            .select(&Query {
                places: Some(index.places_within(&found)),
                ..Query::default()
            })
            .unwrap();
        if events.is_empty() {
            wrong.push(format!("place `{name}` ({id}) has no events"));
        }
    }
    // Historical names are shown for the days they were in use.
    let timeline = index.timeline();
    let place = |id: &str| {
        timeline
            .places
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no place `{id}`"))
    };
    for (id, on, name) in [
        ("saint-petersburg", "1905-01-22", "Saint Petersburg"),
        ("saint-petersburg", "1917-11-07", "Petrograd"),
        ("saint-petersburg", "1927-11-12", "Leningrad"),
        ("istanbul", "1929-02-01", "Constantinople"),
        ("istanbul", "1935-01-01", "Istanbul"),
        ("nikolayev", "1896-01-01", "Nikolayev"),
        ("kiev", "1905-02-14", "Kiev"),
    ] {
        let got = place(id).name_on(day(on));
        if got != name {
            wrong.push(format!(
                "place `{id}` on {on} is called `{got}`, expected `{name}`"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

// ---- The file as other programs read it ----

/// The README's example timeline: the first ```yaml block.
fn readme_example() -> String {
    let readme = std::fs::read_to_string("README.md").expect("README.md is readable");
    let start = readme
        .find("```yaml\n")
        .expect("the README has a YAML example")
        + 8;
    let end = start
        + readme[start..]
            .find("```")
            .expect("the YAML example is closed");
    readme[start..end].to_string()
}

/// PyYAML (YAML 1.1, like js-yaml) reads an unquoted `1917-10-25` as a timestamp and `1917` as an
/// integer; a timeline must read as text there too. Skips with a note when PyYAML is missing
/// (`.ci/run` installs it).
#[test]
fn every_date_is_a_string_under_yaml_1_1() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let example = dir.path().join("readme-example.yaml");
    std::fs::write(&example, readme_example()).expect("the example is written");
    let output = std::process::Command::new("python3")
        .arg("tests/clients/yaml11.py")
        .args([
            "timeline.yaml",
            "tests/fixtures/small.yaml",
            "tests/fixtures/views-life.yaml",
            "tests/fixtures/broken.yaml",
        ])
        .arg(&example)
        .output();
    let output = match output {
        Ok(o) if o.status.code() == Some(3) => {
            eprintln!("note: PyYAML is not installed; YAML 1.1 check skipped");
            return;
        }
        Ok(o) => o,
        Err(e) => {
            eprintln!("note: python3 cannot run ({e}); YAML 1.1 check skipped");
            return;
        }
    };
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "read as YAML 1.1, these are not strings:\n{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(report.lines().count(), 5, "one line per file:\n{report}");
}

/// The README opens with the timeline's size ("330+ events, 100+ people and 75+ places"): each
/// figure must hold and stay close enough (within a tenth) to tell a reader something.
#[test]
fn the_readme_states_the_timelines_size() {
    let readme = std::fs::read_to_string("README.md").expect("README.md is readable");
    let opening: String = readme
        .split("\n\n")
        .nth(1)
        .expect("the README has an opening paragraph")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let timeline = index().timeline();
    let mut wrong = Vec::new();
    for (what, count) in [
        ("events", timeline.events.len()),
        ("people", timeline.people.len()),
        ("places", timeline.places.len()),
    ] {
        let words: Vec<&str> = opening.split(' ').collect();
        let Some(at) = words
            .iter()
            .position(|w| w.trim_end_matches([',', '.']) == what)
        else {
            wrong.push(format!("the README's opening does not say how many {what}"));
            continue;
        };
        let stated: usize = words[at - 1]
            .trim_end_matches('+')
            .parse()
            .unwrap_or_else(|_| panic!("`{} {what}` is not a count", words[at - 1]));
        if count < stated || count * 10 > stated * 11 {
            wrong.push(format!(
                "the README says {} {what}, the timeline has {count}",
                words[at - 1]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
