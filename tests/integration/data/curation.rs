//! The curator's contract of CURATING.md: sources that are the article's headings, periods that
//! show every event, short titles and tags from the vocabulary, every person and place used, one
//! fact one event, and names that are unique and find someone.

use std::collections::{BTreeMap, BTreeSet};

use timeline::index::{Query, fold};
use timeline::model::Event;

use super::{LEAD, day, event, index, person_id, place_id};

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
    for e in index().events() {
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
    for (position, e) in index.events().iter().enumerate() {
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

#[test]
fn titles_are_short_and_tags_come_from_the_vocabulary() {
    let mut wrong = Vec::new();
    for e in index().events() {
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
    for e in index().events() {
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
    let events = index().events();
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
    for e in index().events() {
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
    ] {
        if text(event(id)).contains(claim) {
            wrong.push(format!("event `{id}`: the article does not say `{claim}`"));
        }
    }
    // What it does say: one of the Mezhraiontsy's leaders; the Weil stay itself.
    for (id, said) in [
        ("mezhraiontsy", "one of its leaders"),
        ("simone-weil-house", "bodyguards"),
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
