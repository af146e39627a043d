//! The curator's contract of CURATING.md: sources that are the article's headings, periods that
//! show every event, short titles and tags from the vocabulary, every person and place used, one
//! fact one event, and names that are unique and find someone.

use std::collections::{BTreeMap, BTreeSet};

use timeline::index::{Query, fold};
use timeline::model::Event;

use super::{LEAD, day, event, index, listed, person_id, place_id};

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
    let mut mark_place = |p: usize, day| {
        // A region or country is used through any place within it on the event's day, or
        // today (Ukraine, where Yanovka lies now).
        let then = timeline.place_chain_on(p, day);
        for place in then.chain(timeline.place_chain_now(p)) {
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
            mark_place(p, e.date.earliest());
        }
    }
    for s in &timeline.stays {
        mark_place(s.place, s.span.earliest());
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
