//! The facts of the life, section by section of the article: the dates (in both calendars where
//! Old Style applies), places and people of the key events.

use timeline::index::fold;
use timeline::view::Views;

use super::{Facts, LEAD, event, index, listed, place_id};

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
        // The article: the Kherson governorate of the Russian Empire (where it lay in 1879).
        ("birth", "kherson-governorate"),
        ("birth", "russian-empire"),
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
        .place_chain_now(norderhov)
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
