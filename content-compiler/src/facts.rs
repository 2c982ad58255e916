//! What the article's own lines say about it: the date it carries, the dateline's place and publisher, and the
//! credit line's contributors. The page's structured data states them, so they are read here, once, and a line
//! of another shape is an error at that line of `article.txt` (`cargo xtask check-content` reports it), not a
//! failure of the prerender.

use std::ops::Range;

use crate::compiled::{Paragraph, SourceFacts};
use crate::diagnostic::Diagnostic;

/// The shapes of the three lines, as the help of an error names them.
const DATE_LINE: &str = "date YYYY-MM-DD";
/// See [`DATE_LINE`].
const DATELINE: &str = "<Place> <Publisher> —";
/// See [`DATE_LINE`].
const CREDIT_LINE: &str = "<Publisher>'s A and B contributed to this report.";

/// Reads the facts from the first paragraph of each shape; reports each line it cannot find.
pub fn read(article: &str, paragraphs: &[Paragraph], diagnostics: &mut Vec<Diagnostic>) -> Option<SourceFacts> {
    let texts: Vec<(Range<usize>, &str)> =
        paragraphs.iter().map(|p| (p.range.clone(), article[p.range.clone()].trim())).collect();
    let mut find = |line: &str, shape: &str, read: &dyn Fn(&str) -> bool| {
        let found = texts.iter().find(|(_, text)| read(text));
        if found.is_none() {
            diagnostics.push(
                Diagnostic::in_article(format!("the article has no {line} of the form {shape:?}"), 0..0, "").with_help(
                    format!(
                        "the page's structured data states the article's {line}; article.txt must keep it as the \
                         source has it"
                    ),
                ),
            );
        }
        found.cloned()
    };
    let date_line = find("date line", DATE_LINE, &|p| date(p).is_some());
    let the_dateline = find("dateline", DATELINE, &|p| dateline(p).is_some());
    let credits = find("credit line", CREDIT_LINE, &|p| credit_line(p).is_some());
    let ((_, date_text), (dateline_range, dateline_text), (credit_range, credit_text)) =
        (date_line?, the_dateline?, credits?);
    let (place, publisher) = dateline(dateline_text)?;
    let (credited, contributors) = credit_line(credit_text)?;
    if credited != publisher {
        diagnostics.push(
            Diagnostic::in_article(
                format!("the credit line credits {credited:?}, but the dateline's publisher is {publisher:?}"),
                credit_range,
                "this credit line",
            )
            .with_article(dateline_range, "the dateline")
            .with_help("the structured data names one publisher; the two lines must agree"),
        );
        return None;
    }
    Some(SourceFacts {
        date: date(date_text)?.to_string(),
        dateline: place.to_string(),
        publisher: publisher.to_string(),
        contributors: contributors.into_iter().map(str::to_string).collect(),
    })
}

/// `date 2024-04-11` → `2024-04-11`.
fn date(line: &str) -> Option<&str> {
    let date = line.strip_prefix("date ")?;
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &&str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (date.len() == 10 && parts.len() == 3 && parts.iter().all(digits)).then_some(date)
}

/// `Washington CNN —` → (`Washington`, `CNN`).
fn dateline(line: &str) -> Option<(&str, &str)> {
    line.strip_suffix(" —")?.rsplit_once(' ')
}

/// `CNN's Ann, Bo and Cy contributed to this report.` → (`CNN`, [`Ann`, `Bo`, `Cy`]).
fn credit_line(line: &str) -> Option<(&str, Vec<&str>)> {
    let (publisher, names) = line.strip_suffix(" contributed to this report.")?.split_once("'s ")?;
    let names = names.split(", ").flat_map(|n| n.split(" and ")).map(|n| n.trim_start_matches("and "));
    Some((publisher, names.filter(|n| !n.is_empty()).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The facts of `article`, or the messages of what stopped them.
    fn facts(article: &str) -> Result<SourceFacts, Vec<String>> {
        let paragraphs: Vec<Paragraph> =
            summit_rules::paragraphs(article).into_iter().map(|range| Paragraph { range, number: None }).collect();
        let mut diagnostics = Vec::new();
        read(article, &paragraphs, &mut diagnostics).ok_or_else(|| diagnostics.into_iter().map(|d| d.message).collect())
    }

    #[test]
    fn the_facts_are_the_articles_own_words() {
        let facts =
            facts(" date 2024-04-11 \n\nTokyo AP —\n\nText.\n\nAP's Ann, Bo and Cy contributed to this report.");
        assert_eq!(
            facts,
            Ok(SourceFacts {
                date: "2024-04-11".into(),
                dateline: "Tokyo".into(),
                publisher: "AP".into(),
                contributors: vec!["Ann".into(), "Bo".into(), "Cy".into()],
            })
        );
    }

    #[test]
    fn lines_of_another_shape_are_refused_by_name() {
        assert_eq!(
            facts("date 2024-4-11\n\nWashington CNN —\n\nText."),
            Err(vec![
                "the article has no date line of the form \"date YYYY-MM-DD\"".to_string(),
                "the article has no credit line of the form \"<Publisher>'s A and B contributed to this report.\""
                    .to_string(),
            ])
        );
        assert_eq!(
            facts("date 2024-04-11\n\nWashington CNN\n\nCNN's Ann contributed to this report."),
            Err(vec!["the article has no dateline of the form \"<Place> <Publisher> —\"".to_string()])
        );
        assert_eq!(
            facts("date 2024-04-11\n\nTokyo AP —\n\nCNN's Ann contributed to this report."),
            Err(vec!["the credit line credits \"CNN\", but the dateline's publisher is \"AP\"".to_string()])
        );
    }
}
