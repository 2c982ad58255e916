//! Finding each quote in the article: the paragraphs, the one place a quote's words occur, and, where they do
//! not, the diagnostic that says how near the article comes (a look-alike character, the longest prefix).

use std::ops::Range;

use toml::Spanned;

use crate::compiled::{Anchor, Paragraph};
use crate::diagnostic::Diagnostic;
use crate::schema::QuoteSpec;

/// Splits the article into paragraphs (runs of non-blank lines) and numbers the substantive ones.
pub(super) fn split_paragraphs(
    article: &str,
    not_substantive: &[Spanned<String>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Paragraph> {
    let ranges = summit_rules::paragraphs(article);

    for text in not_substantive {
        if !ranges.iter().any(|range| article[range.clone()] == **text.get_ref()) {
            diagnostics.push(
                Diagnostic::error(
                    "listed as not substantive, but not a paragraph of the article",
                    text.span(),
                    "not a whole paragraph",
                )
                .with_help("copy the whole paragraph from article.txt, spaces included"),
            );
        }
    }
    let mut number = 0;
    ranges
        .into_iter()
        .map(|range| {
            let substantive = !not_substantive.iter().any(|text| *text.get_ref() == article[range.clone()]);
            Paragraph {
                number: substantive.then(|| {
                    number += 1;
                    number
                }),
                range,
            }
        })
        .collect()
}

/// Finds the one place where `quote` matches, or reports why it does not.
pub(super) fn locate(
    article: &str,
    paragraphs: &[Paragraph],
    source: &str,
    quote: &Spanned<QuoteSpec>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Range<usize>> {
    let spec = quote.get_ref();
    let exact = spec.exact.as_str();
    if exact.is_empty() || exact.trim() != exact {
        diagnostics.push(
            Diagnostic::error("a quote is empty or starts or ends with white space", quote.span(), "this quote")
                .with_help("quote the words themselves; put the text around them in `prefix` and `suffix`"),
        );
        return None;
    }
    let occurrences = occurrences(article, exact);
    let matches: Vec<usize> = occurrences
        .iter()
        .copied()
        .filter(|&start| {
            article[..start].ends_with(&spec.prefix) && article[start + exact.len()..].starts_with(&spec.suffix)
        })
        .collect();
    match (occurrences.as_slice(), matches.as_slice()) {
        ([], _) => diagnostics.push(not_verbatim(article, source, quote)),
        (_, []) => diagnostics.push(
            Diagnostic::error(
                "a quote's words are in the article, but never with its prefix and suffix",
                quote.span(),
                "this quote",
            )
            .with_article(occurrences[0]..occurrences[0] + exact.len(), "the words occur here")
            .with_help(format!(
                "prefix {:?} must stand right before the words and suffix {:?} right after them",
                spec.prefix, spec.suffix
            )),
        ),
        (_, [start]) => {
            let range = *start..start + exact.len();
            if paragraph_of(paragraphs, &range).is_some() {
                return Some(range);
            }
            diagnostics.push(
                Diagnostic::error("a quote runs across a paragraph break", quote.span(), "this quote")
                    .with_article(range, "these words")
                    .with_help("split it into one quote per paragraph"),
            );
        }
        (_, several) => {
            let mut diagnostic = Diagnostic::error(
                format!("a quote matches {} places in the article", several.len()),
                quote.span(),
                "this quote",
            )
            .with_help("make it longer, or write it as { exact = \"…\", prefix = \"…\" } with the text just before it");
            for start in several.iter().take(2) {
                diagnostic = diagnostic.with_article(*start..start + exact.len(), "it matches here");
            }
            diagnostics.push(diagnostic);
        }
    }
    None
}

/// Every place `exact` starts in `article`, overlapping ones included ("ha ha" is twice in "ha ha ha").
pub(super) fn occurrences(article: &str, exact: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(found) = article[from..].find(exact) {
        let start = from + found;
        starts.push(start);
        from = start + article[start..].chars().next().map_or(1, char::len_utf8);
    }
    starts
}

/// The diagnostic for a quote the article does not contain: the closest passage, and the first character
/// where they part (the usual slip is a straight quote for a curly one, or a hyphen for a dash).
pub(super) fn not_verbatim(article: &str, source: &str, quote: &Spanned<QuoteSpec>) -> Diagnostic {
    let exact = quote.get_ref().exact.as_str();
    let (start, matched, end) = match look_alike(article, exact) {
        // The same words but for quotes and dashes: the passage is the whole quote's length, in characters.
        Some((start, differs_at, end)) => (start, differs_at - start, end),
        None => match longest_prefix(article, exact) {
            Some((start, matched)) => (start, matched, start + exact.len()),
            None => {
                return Diagnostic::error("a quote is not in the article verbatim", quote.span(), "this quote")
                    .with_help("no passage of the article comes close: copy the words from article.txt exactly")
            }
        },
    };
    let differs_at = start + matched;
    let theirs = article[differs_at..].chars().next();
    let ours = exact[matched..].chars().next().expect("the whole quote does not occur");
    let passage_end = article[differs_at..]
        .char_indices()
        .map(|(i, _)| differs_at + i)
        .find(|&i| i >= end || article[i..].starts_with('\n'))
        .unwrap_or(article.len());
    let label = match theirs {
        Some(theirs) => format!("the article has {} here", describe(theirs)),
        None => "the article ends here".to_string(),
    };
    // Point at the character itself where the quote is a plain string written without escapes before it.
    let span = quote.span();
    let at = span.start + 1 + matched;
    let written = quote.get_ref().plain && source.get(span.start + 1..at) == Some(&exact[..matched]);
    let primary = if written && source[at..].starts_with(ours) { at..at + ours.len_utf8() } else { span };
    Diagnostic::error("a quote is not in the article verbatim", primary, "the quote differs here")
        .with_article(start..passage_end, "the closest passage of the article")
        .with_article(differs_at..differs_at + theirs.map_or(0, char::len_utf8), label)
        .with_help(format!(
            "the quote has {} after {:?}; copy the passage from article.txt exactly",
            describe(ours),
            tail(&exact[..matched], 24)
        ))
}

/// Where the article has `exact` but for the kind of quotation mark or dash: the passage's start, the byte
/// offset of the first character that differs, and the passage's end.
pub(super) fn look_alike(article: &str, exact: &str) -> Option<(usize, usize, usize)> {
    fn fold(c: char) -> char {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            c => c,
        }
    }
    let folded_exact: String = exact.chars().map(fold).collect();
    let article_chars: Vec<(usize, char)> = article.char_indices().collect();
    let folded_article: String = article_chars.iter().map(|&(_, c)| fold(c)).collect();
    // Folding maps characters to characters, so a match's character index is the article's too.
    let byte_start = folded_article.find(&folded_exact)?;
    let char_start = folded_article[..byte_start].chars().count();
    let start = article_chars[char_start].0;
    let end = article_chars.get(char_start + folded_exact.chars().count()).map_or(article.len(), |&(i, _)| i);
    let differs = article[start..].chars().zip(exact.chars()).scan(start, |at, (theirs, ours)| {
        let here = *at;
        *at += theirs.len_utf8();
        Some((here, theirs != ours))
    });
    differs.into_iter().find(|&(_, differ)| differ).map(|(at, _)| (start, at, end))
}

/// The longest prefix of `exact` that the article contains, at least a few characters long: where it occurs
/// and its length in bytes.
pub(super) fn longest_prefix(article: &str, exact: &str) -> Option<(usize, usize)> {
    let boundaries: Vec<usize> = exact.char_indices().map(|(i, _)| i).chain([exact.len()]).collect();
    // If a prefix occurs, so do all shorter ones: search for the longest.
    let (mut low, mut high) = (0, boundaries.len() - 1);
    while low < high {
        let middle = (low + high).div_ceil(2);
        if article.contains(&exact[..boundaries[middle]]) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    let matched = boundaries[low];
    (low >= 6.min(boundaries.len() - 1)).then(|| (article.find(&exact[..matched]).expect("the prefix occurs"), matched))
}

/// The last `count` characters of `text`.
pub(super) fn tail(text: &str, count: usize) -> &str {
    let start = text.char_indices().rev().nth(count.saturating_sub(1)).map_or(0, |(i, _)| i);
    &text[start..]
}

/// A character as a reader can tell it apart from its look-alikes.
pub(super) fn describe(c: char) -> String {
    let name = match c {
        '\'' => "APOSTROPHE (a straight quote)",
        '"' => "QUOTATION MARK (a straight double quote)",
        '\u{2018}' => "LEFT SINGLE QUOTATION MARK",
        '\u{2019}' => "RIGHT SINGLE QUOTATION MARK (a curly apostrophe)",
        '\u{201c}' => "LEFT DOUBLE QUOTATION MARK",
        '\u{201d}' => "RIGHT DOUBLE QUOTATION MARK",
        '-' => "HYPHEN-MINUS",
        '\u{2013}' => "EN DASH",
        '\u{2014}' => "EM DASH",
        ' ' => "SPACE",
        '\u{a0}' => "NO-BREAK SPACE",
        '\n' => "a line break",
        '\u{2026}' => "HORIZONTAL ELLIPSIS",
        _ => "",
    };
    if name.is_empty() {
        format!("`{c}` (U+{:04X})", c as u32)
    } else {
        let shown = if c.is_control() { c.escape_debug().to_string() } else { c.to_string() };
        format!("`{shown}` (U+{:04X} {name})", c as u32)
    }
}

pub(super) fn paragraph_of(paragraphs: &[Paragraph], range: &Range<usize>) -> Option<usize> {
    paragraphs.iter().position(|p| p.range.start <= range.start && range.end <= p.range.end)
}

/// One quote of one claim, located: its range in the article, its citation, whether it is marked spoken, and
/// its span in the content file.
pub(super) struct Span {
    pub(super) range: Range<usize>,
    pub(super) citation: (usize, usize),
    pub(super) spoken: bool,
    pub(super) source: Range<usize>,
}

/// Sorts the spans into article order, merges identical ones, and rejects any that overlap without being equal.
pub(super) fn merge_spans(
    mut spans: Vec<Span>,
    paragraphs: &[Paragraph],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Anchor> {
    spans.sort_by_key(|span| (span.range.start, span.range.end, span.citation));
    let mut anchors: Vec<Anchor> = Vec::new();
    let mut first_spans: Vec<Range<usize>> = Vec::new();
    for Span { range, citation, spoken, source: span } in spans {
        if let Some(last) = anchors.last_mut() {
            if last.range == range {
                last.cited_by.push(citation);
                last.spoken.push(spoken);
                continue;
            }
            if range.start < last.range.end {
                let earlier = first_spans.last().cloned().unwrap_or(0..0);
                diagnostics.push(
                    Diagnostic::error("two quotes overlap without being the same words", span, "this quote")
                        .with_explainer(earlier, "overlaps this quote")
                        .with_article(range.clone(), "its words")
                        .with_article(last.range.clone(), "the earlier quote's words")
                        .with_help("quote exactly the same words as the other quote, or words that do not touch them"),
                );
                continue;
            }
        }
        let paragraph = paragraph_of(paragraphs, &range).expect("located spans lie within one paragraph");
        anchors.push(Anchor { range, paragraph, cited_by: vec![citation], spoken: vec![spoken] });
        first_spans.push(span);
    }
    anchors
}

#[cfg(test)]
mod tests {
    use super::occurrences;

    #[test]
    fn occurrences_include_overlapping_ones() {
        assert_eq!(occurrences("ha ha ha said nobody.", "ha ha"), [0, 3]);
        assert_eq!(occurrences("\u{201c}a\u{201d} \u{201c}a\u{201d}", "\u{201c}a"), [0, 8]);
        assert_eq!(occurrences("abc", "d"), Vec::<usize>::new());
    }
}
