//! How the claims read, as `check-content` reports it: statement and note lengths per part and in all, the
//! runs of eight words that recur across statements, and the statements that speak of the article or the
//! explainer rather than of the news. The lints `long`, `repeated` and `long-note` (in [`crate::lints`]) hold
//! the content to these figures; the median (a target of 18 words) is the editors' to meet.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::compiled::Compiled;

/// Words in a run that counts as repeated.
pub const RUN: usize = 8;

/// A statement longer than this many words is counted as long (the `long` lint).
pub const LONG_STATEMENT: usize = 35;

/// A note longer than this many words is too long to read beside its claim (the `long-note` lint). A note is
/// shown whole, next to its claim, so this is the limit of what a reader sees: the slip, and what the claim
/// makes of it.
pub const LONG_NOTE: usize = 25;

/// The words of `text`: split at white space, each without the punctuation around it, in lower case.
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The median of `values` (the mean of the two middle ones for an even count); `None` for none.
pub fn median(values: &[usize]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

/// One part's figures (the overview, a section, or all of them).
#[derive(Debug, Clone, PartialEq)]
pub struct Lengths {
    /// Claims.
    pub claims: usize,
    /// Median statement length, in words.
    pub median: Option<f64>,
    /// The longest statement, in words.
    pub longest: usize,
    /// Statements over [`LONG_STATEMENT`] words.
    pub long: usize,
    /// Notes.
    pub notes: usize,
    /// Median note length, in words.
    pub note_median: Option<f64>,
    /// The longest note, in words.
    pub note_longest: usize,
}

/// A run of [`RUN`] words found in more than one statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeated {
    /// The words, joined by spaces.
    pub run: String,
    /// The ids of the claims whose statements have it, in page order.
    pub claims: Vec<String>,
}

/// The figures `check-content` prints.
#[derive(Debug, Clone, PartialEq)]
pub struct Readability {
    /// Per part: its name (`overview` or the section's id) and figures; then `in all`.
    pub parts: Vec<(String, Lengths)>,
    /// Every run of [`RUN`] words in more than one statement, in the order of the first statement holding it.
    pub repeated: Vec<Repeated>,
    /// The claims whose statements speak of "the article" or "the explainer".
    pub meta: Vec<String>,
}

impl Readability {
    /// Measures `compiled`'s claims.
    pub fn of(compiled: &Compiled) -> Readability {
        let lengths = |claims: Range<usize>| {
            let statements: Vec<usize> =
                compiled.claims[claims.clone()].iter().map(|c| words(&c.statement).len()).collect();
            let notes: Vec<usize> = compiled.claims[claims.clone()]
                .iter()
                .filter_map(|c| c.note.as_deref())
                .map(|n| words(n).len())
                .collect();
            Lengths {
                claims: claims.len(),
                median: median(&statements),
                longest: statements.iter().copied().max().unwrap_or(0),
                long: statements.iter().filter(|&&n| n > LONG_STATEMENT).count(),
                notes: notes.len(),
                note_median: median(&notes),
                note_longest: notes.iter().copied().max().unwrap_or(0),
            }
        };
        let mut parts = vec![("overview".to_string(), lengths(compiled.overview.clone()))];
        parts.extend(compiled.sections.iter().map(|s| (s.id.clone(), lengths(s.claims.clone()))));
        parts.push(("in all".to_string(), lengths(0..compiled.claims.len())));

        let mut runs: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
        for (index, claim) in compiled.claims.iter().enumerate() {
            let words = words(&claim.statement);
            for window in words.windows(RUN) {
                let (_, claims) = runs.entry(window.join(" ")).or_insert_with(|| (index, Vec::new()));
                if claims.last() != Some(&claim.id) {
                    claims.push(claim.id.clone());
                }
            }
        }
        let mut repeated: Vec<(usize, Repeated)> = runs
            .into_iter()
            .filter(|(_, (_, claims))| claims.len() > 1)
            .map(|(run, (first, claims))| (first, Repeated { run, claims }))
            .collect();
        repeated.sort_by_key(|(first, _)| *first);
        let meta = compiled
            .claims
            .iter()
            .filter(|c| {
                let words = words(&c.statement);
                words.windows(2).any(|pair| pair[0] == "the" && (pair[1] == "article" || pair[1] == "explainer"))
            })
            .map(|c| c.id.clone())
            .collect();
        Readability { parts, repeated: repeated.into_iter().map(|(_, r)| r).collect(), meta }
    }

    /// The table and lists, as `check-content` prints them.
    pub fn report(&self) -> String {
        let figure = |value: Option<f64>| value.map_or_else(|| "-".to_string(), |v| format!("{v}"));
        let mut out = format!(
            "readability (words): {:<24} {:>6} {:>6} {:>7} {:>4} {:>6} {:>6} {:>7}\n",
            "",
            "claims",
            "median",
            "longest",
            format!(">{LONG_STATEMENT}"),
            "notes",
            "median",
            "longest"
        );
        for (name, l) in &self.parts {
            out.push_str(&format!(
                "  {name:<42} {:>6} {:>6} {:>7} {:>4} {:>6} {:>6} {:>7}\n",
                l.claims,
                figure(l.median),
                l.longest,
                l.long,
                l.notes,
                figure(l.note_median),
                if l.notes == 0 { "-".to_string() } else { l.note_longest.to_string() }
            ));
        }
        // Runs that overlap in the same claims are one repeated phrase: say it once, with how many runs it holds.
        out.push_str(&format!("  runs of {RUN} words repeated across statements: {}\n", self.repeated.len()));
        let mut groups: Vec<(&Vec<String>, &str, usize)> = Vec::new();
        for repeated in &self.repeated {
            match groups.iter_mut().find(|(claims, _, _)| **claims == repeated.claims) {
                Some(group) => group.2 += 1,
                None => groups.push((&repeated.claims, &repeated.run, 1)),
            }
        }
        for (claims, run, count) in groups {
            let more = match count {
                1 => String::new(),
                2 => " (and 1 more run)".to_string(),
                _ => format!(" (and {} more runs)", count - 1),
            };
            out.push_str(&format!("    \u{201c}{run}\u{201d}{more}: {}\n", claims.join(", ")));
        }
        if !self.meta.is_empty() {
            out.push_str(&format!(
                "  statements that speak of the article or the explainer: {}\n",
                self.meta.join(", ")
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_the_punctuation_around_them_and_keep_what_is_inside() {
        assert_eq!(
            words("“The U.S. and Japan’s — 70 points,” he said."),
            ["the", "u.s", "and", "japan’s", "70", "points", "he", "said"]
        );
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[9, 1, 5]), Some(5.0));
        assert_eq!(median(&[1, 2, 3, 10]), Some(2.5));
    }
}
