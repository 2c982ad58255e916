//! Every word the explainer's own interface says: labels, hidden names, live-region wording and notices, in
//! one place, so that a change of wording (or a translation) is one edit. The content's words (titles,
//! claims, quotes) are in the content folder; the messages for a host's developer (option and mount errors)
//! stay with their error types, where tests pin them.

use crate::prelude::*;

/// The small label above the title.
pub const KICKER: &str = "Explainer";

/// How the standfirst begins, where each statement links to its quote (the source and the way to the
/// article follow).
pub const STANDFIRST_LINKED: &str = "Every statement below links to the words of one article (";
/// How the standfirst begins in an embed without the article, where the paragraph numbers are references.
pub const STANDFIRST_OMITTED: &str = "Every statement below rests on the words of one article (";
/// After the source, where the article is shown: "…, shown in full" and the link to it.
pub const STANDFIRST_SHOWN: &str = "), shown in full ";
/// The standfirst's link to the article in the page.
pub const STANDFIRST_AT_THE_END: &str = "at the end";
/// The standfirst's link to the article in the complete explainer.
pub const STANDFIRST_ELSEWHERE: &str = "in the complete explainer";
/// How the standfirst ends in an embed without the article.
pub const STANDFIRST_QUOTED: &str = "), quoted with the number of the paragraph each quote comes from.";

/// The overview's heading: what was announced and what divides the two sides, each a short version of a
/// claim in a section.
pub const OVERVIEW_HEADING: &str = "In brief";

/// The search box's label.
pub const SEARCH_LABEL: &str = "Search the claims";
/// The button that clears the search.
pub const CLEAR_SEARCH: &str = "Clear the search";

/// The theme switch's legend.
pub const THEME_LEGEND: &str = "Theme";
/// The theme switch's choices, in the order shown: the system's, light, dark.
pub const THEME_AUTO: &str = "Auto";
/// See [`THEME_AUTO`].
pub const THEME_LIGHT: &str = "Light";
/// See [`THEME_AUTO`].
pub const THEME_DARK: &str = "Dark";

/// The show-all button's label: what pressing it will do.
pub fn show_all_label(all_open: bool) -> &'static str {
    if all_open {
        "Hide all sections"
    } else {
        "Show all sections"
    }
}

/// The count on a section's header: `3 claims`, or while a search runs, how many of them match: `1 of 3 claims`.
pub fn count_label(claims: usize, matching: Option<usize>) -> String {
    let noun = if claims == 1 { " claim" } else { " claims" };
    match matching {
        None => [&number(claims), noun].concat(),
        Some(matching) => [&number(matching), " of ", &number(claims), noun].concat(),
    }
}

/// What the live region says after a search: `5 claims match`, `1 claim matches`, `No claim matches`.
pub fn match_label(count: usize) -> String {
    match count {
        0 => "No claim matches".to_string(),
        1 => "1 claim matches".to_string(),
        n => [&number(n), " claims match"].concat(),
    }
}

/// The message shown under the search box when nothing matches what the reader typed.
pub fn no_match_message(typed: &str) -> String {
    ["No claim matches \u{201c}", typed, "\u{201d}."].concat()
}

/// What a claim's quotes button says (a disclosure: its `aria-expanded`, not its label, says whether they show).
pub fn quotes_label(quotes: usize) -> &'static str {
    if quotes == 1 {
        "Quote"
    } else {
        "Quotes"
    }
}

/// The hidden end of a claim's button's name, which says which claim it is for (`to` is "of" or "to"): a list
/// of the page's buttons stays usable.
pub fn for_claim(to: &str, label: Option<&str>) -> String {
    match label {
        Some(label) => [" ", to, " claim ", label].concat(),
        None => [" ", to, " this claim"].concat(),
    }
}

/// The "Copy link" button's label, before and after the link is copied (also said by the live region).
pub const COPY_LINK: &str = "Copy link";
/// See [`COPY_LINK`].
pub const LINK_COPIED: &str = "Link copied";
/// The label of the field showing a claim's address where the clipboard is refused.
pub const COPY_THIS_LINK: &str = "Copy this link: ";

/// Before an editor's note on the article's wording.
pub const NOTE_LABEL: &str = "Note: ";

/// The hidden word before a paragraph number shown as `¶ 6`: the link is named `Paragraph 6`.
pub const PARAGRAPH: &str = "Paragraph ";
/// The hidden name of a citation of the unnumbered lines above the first paragraph.
pub const ABOVE_THE_FIRST: &str = "above the first (the date line, dateline or credits)";
/// The hidden end of a link that opens in a new tab.
pub const NEW_TAB: &str = " (opens in a new tab)";
/// The hidden end of a short version's link to its claim in full (after the section's title).
pub const CLAIM_IN_FULL: &str = ": the claim in full";
/// The disclosure of a quote's surroundings.
pub const IN_CONTEXT: &str = "In context";
/// The hidden start of a quote's link back to the overview's claim citing it (then "overview").
pub const BACK_TO_THE: &str = "Back to the ";
/// What follows [`BACK_TO_THE`].
pub const OVERVIEW: &str = "overview";
/// The hidden start of a quote's link back to a section's claim (then its number, `1.2`).
pub const BACK_TO_CLAIM: &str = "Back to claim ";

/// The glance's heading and its three parts.
pub const GLANCE_HEADING: &str = "Numbers, dates and who said what";
/// See [`GLANCE_HEADING`].
pub const IN_NUMBERS: &str = "In numbers";
/// See [`GLANCE_HEADING`].
pub const TIMELINE: &str = "Timeline";
/// See [`GLANCE_HEADING`].
pub const WHO_SAID_WHAT: &str = "Who said what";

/// The article's heading, and the note under it.
pub const ARTICLE_HEADING: &str = "The article";
/// See [`ARTICLE_HEADING`].
pub const ARTICLE_NOTE: &str = "The source in full, unedited. Underlined passages are the quotes cited above; the link after each leads back to the claim that cites it.";

/// The title of an embed's box when it cannot start (the reason follows).
pub const NOT_SHOWN: &str = "The explainer could not be shown.";
/// The notice first in an explainer that stopped while running, and what the reader can still do.
pub const STOPPED: &str = "The explainer stopped responding.";
/// See [`STOPPED`].
pub const STOPPED_HELP: &str = "Everything is still shown below. Reload the page to use its controls again.";

/// `n` in decimal digits, as the page writes numbers: built by hand, since `format!` and `to_string` would
/// bring Rust's formatting machinery into the wasm for this alone.
pub fn number(n: usize) -> String {
    let mut digits = Vec::new();
    let mut rest = n;
    loop {
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_count_claims() {
        assert_eq!([0, 1, 5].map(match_label), ["No claim matches", "1 claim matches", "5 claims match"]);
        assert_eq!(count_label(1, None), "1 claim");
        assert_eq!(count_label(4, None), "4 claims");
        assert_eq!(count_label(3, Some(1)), "1 of 3 claims");
        assert_eq!(count_label(1, Some(0)), "0 of 1 claim");
        assert_eq!(for_claim("of", Some("1.2")), " of claim 1.2");
        assert_eq!(for_claim("to", None), " to this claim");
        assert_eq!(count_label(12, Some(10)), "10 of 12 claims");
    }

    #[test]
    fn numbers_are_written_as_rust_writes_them() {
        for n in [0, 7, 10, 99, 100, 1234, 90_001, usize::MAX] {
            assert_eq!(number(n), n.to_string());
        }
    }
}
