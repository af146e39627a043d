//! TimelineJS 3 JSON: a title slide, one slide per event and eras from the periods, never two
//! over each other. Slides have no `group`: TimelineJS gives each group a row of its own, and with
//! a row per tag (19 on the embedded timeline) the rows took the whole height and cut the slides'
//! text off. Dates are only as precise as the timeline knows them; every slide shows its date in
//! the timeline's own words (`display_date`), both calendars where it has them.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::date::{Calendar, Date, Point, Precision};
use crate::error::Error;
use crate::index::Index;
use crate::view::Views;

/// A whole TimelineJS document.
#[derive(Debug, Serialize)]
pub struct Document {
    /// The title slide.
    pub title: Slide,
    /// One slide per event.
    pub events: Vec<Slide>,
    /// One band per period that overlaps the events.
    pub eras: Vec<Era>,
}

/// A slide: the title slide or an event.
#[derive(Debug, Serialize)]
pub struct Slide {
    /// When it starts; absent on the title slide.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<SlideDate>,
    /// When it ends, for intervals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<SlideDate>,
    /// The date in the timeline's words, shown in place of TimelineJS's own; absent on the title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    /// Headline and body (HTML).
    pub text: Text,
    /// An image or other media shown on the slide.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<SlideMedia>,
    /// The event's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
}

/// A slide's media: TimelineJS tells an image, a video or a page from its URL. The URL is as the
/// loader allowed it (http or https, no space or control); caption and credit are HTML.
#[derive(Debug, Serialize)]
pub struct SlideMedia {
    /// Where it is.
    pub url: String,
    /// What it shows.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// Whose it is.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub credit: String,
    /// The image's text alternative, as plain text: TimelineJS sets it as an attribute, where
    /// the caption's HTML escapes would show as they are ("&lt;b&gt;").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub alt: String,
}

/// A period drawn as a band under the slides.
#[derive(Debug, Serialize)]
pub struct Era {
    /// When it starts.
    pub start_date: SlideDate,
    /// When it ends.
    pub end_date: SlideDate,
    /// Its title.
    pub text: Text,
}

/// The text of a slide or era; TimelineJS reads both fields as HTML.
#[derive(Debug, Serialize)]
pub struct Text {
    /// The headline.
    pub headline: String,
    /// The body.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A TimelineJS date: a year, and a month and day only where they are needed.
///
/// TimelineJS fills a missing month or day with the first (`{"year": 1917}` is 1 January 1917),
/// so a start written as precisely as it is known sits on its first day. An end written that way
/// would end a year, a season or a month short, so an end coarser than a day is written as its
/// exact last day, with `display_date` saying how precisely it is known ("1917", "spring 1918").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlideDate {
    /// The year.
    pub year: i32,
    /// 1–12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// 1–31.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    /// The point in words where the fields say more than is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
}

impl SlideDate {
    /// An exact Gregorian day, in words at `words` if given.
    pub fn day(day: NaiveDate, words: Option<String>) -> SlideDate {
        SlideDate {
            year: day.year(),
            month: Some(day.month()),
            day: Some(day.day()),
            display_date: words,
        }
    }

    /// A start point as precisely as it is known. Days are Gregorian (TimelineJS knows no other
    /// calendar); a Gregorian month, season start or year is its first day already; an Old Style
    /// month (`1917-10 O.S.` begins on 14 October) is written as its exact first day, in words.
    pub fn start_of(point: &Point) -> SlideDate {
        let first = point.earliest();
        let coarse = |month: Option<u32>| SlideDate {
            year: first.year(),
            month,
            day: None,
            display_date: None,
        };
        match point.precision() {
            Precision::Day => SlideDate::day(first, None),
            _ if point.calendar() == Calendar::Julian => SlideDate::day(first, Some(point.words())),
            Precision::Month | Precision::Season => coarse(Some(first.month())),
            Precision::Year | Precision::Decade | Precision::Century => coarse(None),
        }
    }

    /// An end point: its exact last day, in words when it is known less precisely than that.
    pub fn end_of(point: &Point) -> SlideDate {
        let words = (point.precision() != Precision::Day).then(|| point.words());
        SlideDate::day(point.latest(), words)
    }
}

/// The start and (for intervals) end of a date.
fn slide_dates(date: &Date) -> (SlideDate, Option<SlideDate>) {
    let mut start = SlideDate::start_of(date.start());
    let end = date.end().map(SlideDate::end_of);
    // TimelineJS drops an end that agrees with the start on every field the start has, so
    // `1917-11/1917-11-30` would lose its end: such a start is written as its exact first day.
    if let Some(end) = &end {
        let agrees = start.year == end.year
            && start.month.is_none_or(|m| Some(m) == end.month)
            && start.day.is_none_or(|d| Some(d) == end.day);
        if agrees && start.day.is_none() {
            start = SlideDate::day(date.earliest(), Some(date.start().words()));
        }
    }
    (start, end)
}

/// Escapes text for the HTML TimelineJS renders.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The TimelineJS document of the events at `positions`.
pub fn timelinejs(index: &Index, positions: &[usize]) -> Result<Document, Error> {
    let timeline = index.timeline();
    let views = Views::new(index);
    let events = index.events()?;
    let title = Slide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: Text {
            headline: html(&timeline.title),
            text: timeline
                .subject()
                .map(|s| {
                    let life = s.life_words();
                    match &s.about {
                        Some(about) if !life.is_empty() => {
                            format!("<p>{}</p><p>{}</p>", html(&life), html(about))
                        }
                        Some(about) => format!("<p>{}</p>", html(about)),
                        None if !life.is_empty() => format!("<p>{}</p>", html(&life)),
                        None => String::new(),
                    }
                })
                .unwrap_or_default(),
        },
        media: None,
        unique_id: None,
    };
    let slides = positions
        .iter()
        .map(|&i| {
            let event = &events[i];
            let row = views.row(event);
            let (start, end) = slide_dates(&event.date);
            let mut body = String::new();
            // A marker in the time navigation shows the headline in about 90 pixels: an event
            // with a label shows it there, and its full title opens the slide's text.
            let headline = match &row.label {
                Some(label) => {
                    body.push_str(&format!("<p><strong>{}</strong></p>", html(&row.title)));
                    html(label)
                }
                None => html(&row.title),
            };
            if let Some(summary) = &row.summary {
                body.push_str(&format!("<p>{}</p>", html(summary)));
            }
            let mut context: Vec<String> = Vec::new();
            if let Some(place) = &row.place {
                context.push(html(place));
            }
            if !row.people.is_empty() {
                context.push(format!("with {}", html(&row.people.join(", "))));
            }
            if !context.is_empty() {
                body.push_str(&format!("<p><em>{}</em></p>", context.join(" · ")));
            }
            if let Some(link) = &row.link {
                body.push_str(&format!(
                    "<p><a href=\"{}\">{}</a></p>",
                    html(link),
                    html(link)
                ));
            }
            let media = row.media.as_ref().map(|m| SlideMedia {
                url: m.url.clone(),
                caption: m.caption.as_deref().map(html).unwrap_or_default(),
                credit: m.credit.as_deref().map(html).unwrap_or_default(),
                alt: m.caption.clone().unwrap_or_else(|| row.title.clone()),
            });
            Slide {
                start_date: Some(start),
                end_date: end,
                // Every slide in one style, the timeline's own, with both calendars where it
                // has them: TimelineJS's "August 20, 1940" beside "7–8 Nov 1917 [O.S. 25–26
                // Oct]" read as two programs' work.
                display_date: Some(row.date.clone()),
                text: Text {
                    headline,
                    text: body,
                },
                media,
                unique_id: Some(row.id),
            }
        })
        .collect();
    Ok(Document {
        title,
        events: slides,
        eras: eras(index, positions)?,
    })
}

/// The eras: TimelineJS draws them all in one row, so no two may overlap. A period nested in
/// another (or holding one) competes with it for its place in the row, and the one more events
/// belong to as their own period keeps it (ties: the longer, then the first in the file): Exile
/// rather than the theme that runs past it, the Civil War rather than a debate inside it. Periods
/// that merely overlap at their ends are both kept, the earlier ending the day before the later
/// begins.
fn eras(index: &Index, positions: &[usize]) -> Result<Vec<Era>, Error> {
    let timeline = index.timeline();
    let events = index.events()?;
    let (Some(first), Some(last)) = (
        positions.iter().map(|&i| events[i].date.earliest()).min(),
        positions.iter().map(|&i| events[i].date.latest()).max(),
    ) else {
        return Ok(Vec::new());
    };
    let periods = &timeline.periods;
    let spans: Vec<(NaiveDate, NaiveDate)> = periods
        .iter()
        .map(|p| (p.span.earliest(), p.span.latest()))
        .collect();
    let mut own = vec![0usize; periods.len()];
    for event in events {
        if let Some(p) = event.period {
            own[p] += 1;
        }
    }
    let mut order: Vec<usize> = (0..periods.len())
        .filter(|&p| spans[p].0 <= last && spans[p].1 >= first)
        .collect();
    order.sort_by_key(|&p| (std::cmp::Reverse(own[p]), spans[p].0 - spans[p].1));
    let nested = |a: usize, b: usize| {
        let ((a0, a1), (b0, b1)) = (spans[a], spans[b]);
        (a0 >= b0 && a1 <= b1) || (b0 >= a0 && b1 <= a1)
    };
    let mut kept: Vec<usize> = Vec::new();
    for p in order {
        if !kept.iter().any(|&k| nested(p, k)) {
            kept.push(p);
        }
    }
    kept.sort_by_key(|&p| spans[p]);
    let mut eras = Vec::new();
    for (n, &p) in kept.iter().enumerate() {
        let (start, mut end) = spans[p];
        if let Some(&next) = kept.get(n + 1) {
            end = end.min(spans[next].0 - chrono::Duration::days(1));
        }
        // TimelineJS drops an end whose fields equal the start's and then refuses the era:
        // exact first and last days that differ never are equal.
        if end <= start {
            continue;
        }
        eras.push(Era {
            start_date: SlideDate::day(start, None),
            end_date: SlideDate::day(end, None),
            text: Text {
                headline: html(&periods[p].title),
                text: String::new(),
            },
        });
    }
    Ok(eras)
}
#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, month: Option<u32>, day: Option<u32>) -> SlideDate {
        SlideDate {
            year,
            month,
            day,
            display_date: None,
        }
    }

    fn start(text: &str) -> SlideDate {
        SlideDate::start_of(Date::parse(text).unwrap().start())
    }

    fn end(text: &str) -> SlideDate {
        let date = Date::parse(text).unwrap();
        slide_dates(&date).1.unwrap()
    }

    fn words(date: SlideDate, words: &str) -> SlideDate {
        SlideDate {
            display_date: Some(words.to_string()),
            ..date
        }
    }

    #[test]
    fn starts_are_only_as_precise_as_written() {
        assert_eq!(start("1917-10-25 O.S."), ymd(1917, Some(11), Some(7)));
        assert_eq!(start("1902-22"), ymd(1902, Some(6), None));
        assert_eq!(start("1896"), ymd(1896, None, None));
        assert_eq!(start("191X"), ymd(1910, None, None));
        // An Old Style month starts on the 14th: the exact day, with the month's name in words.
        assert_eq!(
            start("1917-10 O.S."),
            words(ymd(1917, Some(10), Some(14)), "Oct 1917 O.S.")
        );
    }

    #[test]
    fn ends_reach_their_last_day() {
        assert_eq!(
            end("1904/1917"),
            words(ymd(1917, Some(12), Some(31)), "1917")
        );
        assert_eq!(
            end("1918-01/1918-21"),
            words(ymd(1918, Some(5), Some(31)), "spring 1918")
        );
        assert_eq!(
            end("191X/192X"),
            words(ymd(1929, Some(12), Some(31)), "1920s")
        );
        assert_eq!(
            end("1928/1929-02"),
            words(ymd(1929, Some(2), Some(28)), "Feb 1929")
        );
        assert_eq!(end("1918-03-01/1918-03-12"), ymd(1918, Some(3), Some(12)));
    }

    #[test]
    fn a_start_never_makes_timelinejs_drop_the_end() {
        // {1917, 11} and {1917, 11, 30} agree on the start's fields: TimelineJS would drop the end.
        let date = Date::parse("1917-11/1917-11-30").unwrap();
        let (start, end) = slide_dates(&date);
        assert_eq!(start, words(ymd(1917, Some(11), Some(1)), "Nov 1917"));
        assert_eq!(end, Some(ymd(1917, Some(11), Some(30))));
        let year = Date::parse("1917/1917-12").unwrap();
        assert_eq!(
            slide_dates(&year).0,
            words(ymd(1917, Some(1), Some(1)), "1917")
        );
        // A start that differs keeps its own precision.
        assert_eq!(
            slide_dates(&Date::parse("1904/1917").unwrap()).0,
            ymd(1904, None, None)
        );
    }
}
