//! The family's births and deaths as events, the people's life dates as their events give them,
//! and Old Style only where the article uses it.

use timeline::date::Date;

use super::{day, event, index};

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
