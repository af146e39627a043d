//! The Markdown document export: the timeline's title, a section per period in the order the
//! periods begin, and a bullet per event with its date, title and place.

use crate::error::Error;
use crate::index::Index;
use crate::render::{escape_markdown as escape, listed_title};
use crate::view::Views;

/// The document of the events at `positions`.
pub fn document(index: &Index, positions: &[usize]) -> Result<String, Error> {
    let timeline = index.timeline();
    let views = Views::new(index);
    let events = index.events()?;
    let mut periods: Vec<usize> = (0..timeline.periods.len()).collect();
    periods.sort_by_key(|&p| timeline.periods[p].span.earliest());
    // Events without a period go last, under a heading of their own.
    let sections = periods.into_iter().map(Some).chain([None]);
    let mut text = format!("# {}\n", escape(&timeline.title));
    for section in sections {
        let members: Vec<usize> = positions
            .iter()
            .copied()
            .filter(|&i| events[i].period == section)
            .collect();
        if members.is_empty() {
            continue;
        }
        match section {
            Some(p) => {
                let period = &timeline.periods[p];
                text.push_str(&format!(
                    "\n## {}\n\n*{}*\n\n",
                    escape(&period.title),
                    period.span.words()
                ));
            }
            None => text.push_str("\n## Other events\n\n"),
        }
        for row in members.iter().map(|&i| views.row(&events[i])) {
            let title = escape(&listed_title(&row, true));
            let title = match &row.link {
                Some(url) => format!("[{title}]({})", destination(url)),
                None => title,
            };
            text.push_str(&format!("- **{}** — {title}", escape(&row.date)));
            if let Some(place) = &row.place {
                text.push_str(&format!(" ({})", escape(place)));
            }
            if let Some(media) = &row.media {
                let words = media.caption.as_deref().unwrap_or("media");
                text.push_str(&format!(
                    " · [{}]({})",
                    escape(words),
                    destination(&media.url)
                ));
                if let Some(credit) = &media.credit {
                    text.push_str(&format!(" ({})", escape(credit)));
                }
            }
            text.push('\n');
        }
    }
    Ok(text)
}

/// A URL as a Markdown link's destination: in angle brackets, which may hold anything but a
/// line break (the loader refuses those) and the brackets themselves, written `%3C` and `%3E` as
/// a browser would; a `)` or a space then cannot end the link early.
fn destination(url: &str) -> String {
    format!("<{}>", url.replace('<', "%3C").replace('>', "%3E"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_cannot_break_out_of_its_destination() {
        assert_eq!(
            destination("https://x.org/a)b>c<d"),
            "<https://x.org/a)b%3Ec%3Cd>"
        );
    }

    #[test]
    fn formatting_characters_are_escaped() {
        assert_eq!(escape("*Pravda* [Vienna]"), "\\*Pravda\\* \\[Vienna\\]");
        assert_eq!(escape("Lenin's #1"), "Lenin's \\#1");
    }
}
