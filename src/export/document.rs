//! The Markdown document export: the timeline's title, a section per period in the order the
//! periods begin, and a bullet per event with its date, title and place.

use crate::error::Error;
use crate::index::Index;
use crate::render::escape_markdown as escape;
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
            text.push_str(&format!(
                "- **{}** — {}",
                escape(&row.date),
                escape(&row.title)
            ));
            if let Some(place) = &row.place {
                text.push_str(&format!(" ({})", escape(place)));
            }
            text.push('\n');
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_characters_are_escaped() {
        assert_eq!(escape("*Pravda* [Vienna]"), "\\*Pravda\\* \\[Vienna\\]");
        assert_eq!(escape("Lenin's #1"), "Lenin's \\#1");
    }
}
