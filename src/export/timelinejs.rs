//! TimelineJS 3 JSON: a title slide, one slide per event and an era per period. Dates are only
//! as precise as the timeline knows them; approximate, seasonal and Old Style dates carry their
//! words in `display_date`.

use chrono::Datelike;
use serde::Serialize;

use crate::date::{Calendar, Date, Point, Precision, to_julian};
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
    /// The date in words where TimelineJS could not say it from the fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    /// Headline and body (HTML).
    pub text: Text,
    /// The row the slide sits in: the event's first tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The event's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
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

/// A TimelineJS date: a year, and a month and day only where the timeline knows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SlideDate {
    /// The year.
    pub year: i32,
    /// 1–12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// 1–31.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

impl SlideDate {
    /// A point as precisely as it is known. Days are Gregorian (TimelineJS knows no other
    /// calendar); months and years are as written, so `1917-10 O.S.` stays October; a season
    /// starts with its first month, a decade or century with its first year.
    pub fn of(point: &Point, last_day: bool) -> SlideDate {
        let day = if last_day {
            point.latest()
        } else {
            point.earliest()
        };
        let (year, month) = match point.calendar() {
            Calendar::Julian => {
                let (y, m, _) = to_julian(point.earliest());
                (y, m)
            }
            Calendar::Gregorian => (point.earliest().year(), point.earliest().month()),
        };
        match point.precision() {
            Precision::Day => SlideDate {
                year: day.year(),
                month: Some(day.month()),
                day: Some(day.day()),
            },
            Precision::Month => SlideDate {
                year,
                month: Some(month),
                day: None,
            },
            Precision::Season => SlideDate {
                year: point.earliest().year(),
                month: Some(point.earliest().month()),
                day: None,
            },
            // An end at a decade or century runs to its last year: `192X` ends in 1929.
            Precision::Decade | Precision::Century if last_day => SlideDate {
                year: point.latest().year(),
                month: None,
                day: None,
            },
            Precision::Year | Precision::Decade | Precision::Century => SlideDate {
                year,
                month: None,
                day: None,
            },
        }
    }
}

/// The start and (for intervals) end of a date.
fn slide_dates(date: &Date) -> (SlideDate, Option<SlideDate>) {
    let start = SlideDate::of(date.start(), false);
    let end = date.end().map(|end| SlideDate::of(end, true));
    (start, end)
}

/// True when the fields alone would misstate the date, so the words must be shown.
fn needs_words(date: &Date, old_style: bool) -> bool {
    let coarse = |p: &Point| {
        matches!(
            p.precision(),
            Precision::Season | Precision::Decade | Precision::Century
        )
    };
    date.is_approximate()
        || date.is_uncertain()
        || old_style
        || coarse(date.start())
        || date.end().is_some_and(coarse)
}

/// Escapes text for the HTML TimelineJS renders.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The TimelineJS document of the events at `positions`.
pub fn timelinejs(index: &Index, positions: &[usize]) -> Document {
    let timeline = index.timeline();
    let views = Views::new(index);
    let events = index.events();
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
        group: None,
        unique_id: None,
    };
    let slides = positions
        .iter()
        .map(|&i| {
            let event = &events[i];
            let row = views.row(event);
            let (start, end) = slide_dates(&event.date);
            let mut body = String::new();
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
            Slide {
                start_date: Some(start),
                end_date: end,
                display_date: needs_words(&event.date, row.start_os.is_some())
                    .then(|| row.date.clone()),
                text: Text {
                    headline: html(&row.title),
                    text: body,
                },
                group: row.tags.first().cloned(),
                unique_id: Some(row.id),
            }
        })
        .collect();
    let first = positions.iter().map(|&i| events[i].date.earliest()).min();
    let last = positions.iter().map(|&i| events[i].date.latest()).max();
    let eras = match (first, last) {
        (Some(first), Some(last)) => timeline
            .periods
            .iter()
            .filter(|p| p.span.earliest() <= last && p.span.latest() >= first)
            .map(|p| {
                let (start, end) = slide_dates(&p.span);
                Era {
                    start_date: start,
                    end_date: end.unwrap_or_else(|| SlideDate::of(p.span.start(), true)),
                    text: Text {
                        headline: html(&p.title),
                        text: String::new(),
                    },
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    Document {
        title,
        events: slides,
        eras,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(text: &str) -> SlideDate {
        SlideDate::of(Date::parse(text).unwrap().start(), false)
    }

    #[test]
    fn dates_are_only_as_precise_as_written() {
        let ymd = |y, m, d| SlideDate {
            year: y,
            month: m,
            day: d,
        };
        assert_eq!(point("1917-10-25 O.S."), ymd(1917, Some(11), Some(7)));
        assert_eq!(point("1917-10 O.S."), ymd(1917, Some(10), None));
        assert_eq!(point("1902-22"), ymd(1902, Some(6), None));
        assert_eq!(point("1896"), ymd(1896, None, None));
        assert_eq!(point("191X"), ymd(1910, None, None));
        let decades = Date::parse("191X/192X").unwrap();
        assert_eq!(slide_dates(&decades).1, Some(ymd(1929, None, None)));
        let span = Date::parse("1928/1929-02").unwrap();
        assert_eq!(
            slide_dates(&span),
            (ymd(1928, None, None), Some(ymd(1929, Some(2), None)))
        );
    }

    #[test]
    fn words_are_shown_only_when_the_fields_fall_short() {
        let words = |t: &str| needs_words(&Date::parse(t).unwrap(), false);
        assert!(!words("1917-11-07"));
        assert!(!words("1917-11"));
        assert!(words("1902-22"));
        assert!(words("1900~"));
        assert!(words("191X"));
        assert!(needs_words(&Date::parse("1917-11-07").unwrap(), true));
    }
}
