//! Dates as a person types them in a query (`--from`, `--to`, `--in`, `around`): the file's
//! grammar, and also month names (`Oct 1917`, `October 1917`, `25 Oct 1917`) and quarters
//! (`1917q4`, as hledger takes them). A timeline file keeps the one canonical grammar; these
//! forms are only read, and each becomes a date of that grammar.
//!
//! ```
//! use timeline::date::query_date;
//!
//! assert_eq!(query_date("Oct 1917").unwrap().to_string(), "1917-10");
//! assert_eq!(query_date("25 october 1917 O.S.").unwrap().to_string(), "1917-10-25 O.S.");
//! assert_eq!(query_date("1917q4").unwrap().to_string(), "1917-10/1917-12");
//! assert_eq!(query_date("1917-10").unwrap().to_string(), "1917-10");
//! assert!(query_date("Octember 1917").is_err());
//! ```

use super::grammar::trim;
use super::{Date, DateError, error};

/// The months' English names, as `%B` writes them; a query may shorten each to three letters.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads a date as a query takes it: the file's grammar first, then a month name or a quarter.
/// An error is the grammar's own when the text uses no month name or quarter.
pub fn query_date(text: &str) -> Result<Date, DateError> {
    let grammar = match Date::parse(text) {
        Ok(date) => return Ok(date),
        Err(e) => e,
    };
    let text = trim(text);
    // A quarter is a span; it takes no qualifier and no calendar.
    if let Some(date) = quarter(text) {
        return date;
    }
    // Keep a trailing qualifier or calendar as the grammar writes it: `Oct 1917 O.S.`.
    let (body, suffix) = split_suffix(text);
    match named_month(body) {
        Some(Ok(canonical)) => Date::parse(&format!("{canonical}{suffix}")),
        Some(Err(e)) => Err(e),
        None => Err(grammar),
    }
}

/// `1917q4` (any case): the first month of the quarter to its last, or `None` when the text is
/// not shaped as a quarter.
fn quarter(text: &str) -> Option<Result<Date, DateError>> {
    let (year, q) = text.split_once(['q', 'Q'])?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let first_month = match q {
        "1" => 1,
        "2" => 4,
        "3" => 7,
        "4" => 10,
        _ => return Some(Err(error(format!("`{q}` is no quarter: 1917q1 to 1917q4")))),
    };
    Some(Date::parse(&format!(
        "{year}-{first_month:02}/{year}-{:02}",
        first_month + 2
    )))
}

/// `text` cut before a trailing ` O.S.` and a `~`, `?` or `%` on the word before it.
fn split_suffix(text: &str) -> (&str, &str) {
    let lower = text.to_ascii_lowercase();
    let calendar = [" o.s.", " o.s", " os"]
        .iter()
        .find(|s| lower.ends_with(*s))
        .map_or(0, |s| s.len());
    let mut cut = text.len() - calendar;
    if text[..cut].ends_with(['~', '?', '%']) {
        cut -= 1;
    }
    (&text[..cut], &text[cut..])
}

/// `Oct 1917`, `October 1917`, `25 Oct 1917`, `Oct 25 1917`, `Oct 25, 1917` written in the
/// grammar's form (`1917-10`, `1917-10-25`); `None` when no word names a month.
fn named_month(text: &str) -> Option<Result<String, DateError>> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (month_at, month) = words
        .iter()
        .enumerate()
        .find_map(|(at, word)| month_number(word).map(|m| (at, m)))?;
    let numbers: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(at, _)| at != month_at)
        .map(|(_, w)| *w)
        .collect();
    let is_number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let shape = "a month's name goes with a year of four digits: `Oct 1917`, `25 Oct 1917`";
    Some(match numbers.as_slice() {
        [year] if year.len() == 4 && is_number(year) => Ok(format!("{year}-{month:02}")),
        [day, year] | [year, day]
            if year.len() == 4 && is_number(year) && day.len() <= 2 && is_number(day) =>
        {
            let day: u32 = day.parse().unwrap_or(0);
            Ok(format!("{year}-{month:02}-{day:02}"))
        }
        _ => Err(error(shape)),
    })
}

/// The number of the month a word names: its English name or its first three letters, any
/// case, a trailing dot allowed (`Sept.` too).
fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    let found = MONTHS
        .iter()
        .position(|name| *name == word || (word.len() <= 4 && name.starts_with(&word)))?;
    u32::try_from(found + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        query_date(text).map_or_else(|e| format!("error: {e}"), |d| d.to_string())
    }

    #[test]
    fn month_names_read_as_the_grammar_writes_them() {
        for (text, canonical) in [
            ("Oct 1917", "1917-10"),
            ("October 1917", "1917-10"),
            ("oct. 1917", "1917-10"),
            ("Sept 1917", "1917-09"),
            ("25 Oct 1917", "1917-10-25"),
            ("Oct 25, 1917", "1917-10-25"),
            ("25 Oct 1917 O.S.", "1917-10-25 O.S."),
            ("Oct 1917~", "1917-10~"),
            ("1917Q1", "1917-01/1917-03"),
            ("1917q4", "1917-10/1917-12"),
        ] {
            assert_eq!(read(text), canonical, "{text}");
        }
    }

    #[test]
    fn what_is_no_date_stays_an_error() {
        for text in [
            "Octember 1917",
            "Oct",
            "Oct 17",
            "31 Feb 1917",
            "1917q5",
            "1917q",
            "Oct 1917 1918",
            "",
            "ma 1917",
        ] {
            assert!(query_date(text).is_err(), "{text}");
        }
    }
}
