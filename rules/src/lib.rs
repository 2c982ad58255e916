//! The rules that the content compiler (at build time) and the engine (natively and in the wasm) must agree
//! on, written once: what an id looks like and which are taken, what a quote's fragment starts with, where the
//! article's paragraphs and a paragraph's sentences begin and end, and how far apart two words are.
//!
//! It depends on nothing and needs no `std`, so that the page module can use it too.

#![no_std]
#![deny(missing_docs)]

extern crate alloc;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

/// The id of the overview ("In brief"), which is also the part of a fragment naming one of its claims.
pub const OVERVIEW_ID: &str = "overview";
/// The id of the in-page article.
pub const ARTICLE_ID: &str = "article";
/// The id of the article's structure at a glance.
pub const GLANCE_ID: &str = "glance";
/// The id of the search form.
pub const SEARCH_ID: &str = "search";
/// The id of the theme control.
pub const THEME_ID: &str = "theme";
/// The id of the list of sections (where the page's first skip link goes).
pub const SECTIONS_ID: &str = "sections";

/// Ids the page uses for its own elements, which no section or claim may take.
pub const RESERVED_IDS: &[&str] = &[OVERVIEW_ID, ARTICLE_ID, GLANCE_ID, SEARCH_ID, THEME_ID, SECTIONS_ID];

/// What every quote's fragment starts with (`q-<claim>-<n>`, the `n`th quote of the first claim citing it, as
/// `route::Target::fragment` writes it), so no section or claim id may start with it.
pub const QUOTE_PREFIX: &str = "q-";

/// A claim as it stands alone: the lead it follows, if any, then its statement, one space between (a lead is
/// whole sentences, so its claims' statements may lean on it: "More than 70 points were announced." "They
/// included …"). Who said what and the embeds' data show a claim this way.
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn standing_alone(lead: Option<&str>, statement: &str) -> String {
    match lead {
        // Joined, not formatted: `format!` would bring `core::fmt` into the wasm modules that call this.
        Some(lead) => [lead, " ", statement].concat(),
        None => String::from(statement),
    }
}

/// What the element id of a numbered paragraph of the in-page article starts with: `p1`, `p2`, … (see
/// [`paragraph_id`]), so no section or claim id may be `p` and digits.
pub const PARAGRAPH_PREFIX: &str = "p";

/// The element id of the article's `number`th substantive paragraph (1-based), without instance prefix.
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn paragraph_id(number: usize) -> String {
    format!("{PARAGRAPH_PREFIX}{number}")
}

/// Whether `id` is one [`paragraph_id`] writes: `p` and one or more digits.
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn is_paragraph_id(id: &str) -> bool {
    id.strip_prefix(PARAGRAPH_PREFIX)
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `name` is written as an id is: lowercase words of ASCII letters and digits joined by single hyphens.
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn well_formed(name: &str) -> bool {
    // A loop over bytes, not `split('-')`: the engine's own `split` instances are not shared with this crate's,
    // and a second copy costs the page module 220 B brotli.
    let mut after_hyphen = true;
    for byte in name.bytes() {
        match byte {
            b'-' if after_hyphen => return false,
            b'-' => after_hyphen = true,
            b'a'..=b'z' | b'0'..=b'9' => after_hyphen = false,
            _ => return false,
        }
    }
    !after_hyphen
}

/// Whether content may give a section or claim the id `id`: [`well_formed`], not starting with
/// [`QUOTE_PREFIX`], not a paragraph's ([`is_paragraph_id`]) and not one of [`RESERVED_IDS`].
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn is_valid_id(id: &str) -> bool {
    well_formed(id) && !id.starts_with(QUOTE_PREFIX) && !is_paragraph_id(id) && !RESERVED_IDS.contains(&id)
}

/// What [`is_valid_id`] allows, in words, for the content compiler's help line.
pub fn valid_id_help() -> String {
    format!(
        "use lowercase letters and digits in words joined by single hyphens, not starting with {QUOTE_PREFIX:?}, \
         not {PARAGRAPH_PREFIX:?} and digits (a paragraph's), and not one of {RESERVED_IDS:?}"
    )
}

/// The article's paragraphs, as byte ranges: runs of lines that are not blank (nor only spaces), each without
/// its final line break.
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn paragraphs(article: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in article.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let line_range = offset..offset + text.len();
        offset += line.len();
        if text.trim().is_empty() {
            ranges.extend(current.take());
        } else {
            current = Some(match current {
                Some(range) => range.start..line_range.end,
                None => line_range,
            });
        }
    }
    ranges.extend(current);
    ranges
}

/// The closing quotation marks that may follow a sentence's last stop and still belong to it.
const CLOSING_MARKS: [char; 4] = ['\u{201d}', '"', '\u{2019}', '\''];

/// Byte offsets just after each sentence's end in `text`: after `.`, `?` or `!` and any closing quotation
/// marks, where a space follows; not after initials such as "U.S." (a word with stops and no lowercase ASCII
/// letter), nor at a decimal point (no space follows it).
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices().filter_map(move |(at, c)| {
        if !matches!(c, '.' | '?' | '!') {
            return None;
        }
        let mut end = at + c.len_utf8();
        let rest = |end: usize| text.get(end..).unwrap_or_default();
        while let Some(mark) = rest(end).chars().next().filter(|m| CLOSING_MARKS.contains(m)) {
            end += mark.len_utf8();
        }
        // Byte tests, not `char::is_uppercase` or `str::rsplit`: initials are ASCII, and Unicode's case tables
        // and a reverse searcher would cost the wasm 1.7 KB brotli.
        let before = text.as_bytes().get(..at).unwrap_or_default();
        let word_start = before.iter().rposition(|b| b.is_ascii_whitespace()).map_or(0, |space| space + 1);
        let word_before = before.get(word_start..).unwrap_or_default();
        let initials = c == '.' && word_before.contains(&b'.') && !word_before.iter().any(|b| b.is_ascii_lowercase());
        (rest(end).starts_with(' ') && !initials).then_some(end)
    })
}

/// The first sentence of `text` (all of it, if it has one sentence).
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn first_sentence(text: &str) -> &str {
    sentence_ends(text).next().and_then(|end| text.get(..end)).unwrap_or(text)
}

/// The last sentence of `text` (all of it, if it has one sentence).
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn last_sentence(text: &str) -> &str {
    sentence_ends(text).last().map_or(text, |end| text.get(end..).unwrap_or_default().trim_start())
}

/// The sentence of `text` around the bytes `range`: from the end of the sentence before it (or the start) to
/// the first sentence end at or after `range.end` (or the end of `text`). A range over several sentences gets
/// them all.
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn sentence_around(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = 0;
    for end in sentence_ends(text) {
        if end >= range.end {
            return start..end;
        }
        if end <= range.start {
            start = end;
        }
    }
    start..text.len()
}

/// The candidate a mistyped `word` most likely meant, if one is close enough to be a slip: the nearest by
/// [`edit_distance`], within 3 edits or a third of its length, or the same but for hyphens. The one rule
/// for every "did you mean" (the content's ids, the element's attributes).
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|&(distance, candidate)| {
            distance <= 3.max(candidate.chars().count() / 3) || candidate.replace('-', "") == word.replace('-', "")
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// The number of single-character insertions, deletions and substitutions that turn `a` into `b`.
#[inline] // Instantiated in the caller's crate, so its generic helpers are the caller's own copies.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    fn sentences(text: &str) -> Vec<&str> {
        let mut start = 0;
        let mut out: Vec<&str> = sentence_ends(text)
            .map(|end| {
                let s = text[start..end].trim();
                start = end;
                s
            })
            .collect();
        out.push(text[start..].trim());
        out
    }

    #[test]
    fn ids_are_lowercase_words_joined_by_single_hyphens() {
        for good in ["space", "missile-defense", "g7", "a-1-b"] {
            assert!(well_formed(good) && is_valid_id(good), "{good}");
        }
        for good in ["p", "p1a", "pacific", "p-1"] {
            assert!(is_valid_id(good) && !is_paragraph_id(good), "{good}");
        }
        for bad in ["", "-space", "space-", "mis--sile", "Space", "spa ce", "é", "space/x"] {
            assert!(!well_formed(bad) && !is_valid_id(bad), "{bad:?}");
        }
        for taken in ["overview", "article", "q-space", "q-1", "p1", "p12"] {
            assert!(well_formed(taken) && !is_valid_id(taken), "{taken}");
        }
    }

    #[test]
    fn paragraphs_are_runs_of_lines_that_are_not_blank() {
        let article = "date x\n\nOne line\nand another.\n \t\nLast.\r\n\n\n";
        let texts: Vec<&str> = paragraphs(article).into_iter().map(|r| &article[r]).collect();
        assert_eq!(texts, ["date x", "One line\nand another.", "Last."]);
        assert_eq!(paragraphs("Only."), vec![0..5]);
        assert!(paragraphs("\n \n").is_empty());
    }

    #[test]
    fn sentences_end_at_stops_followed_by_a_space() {
        let text = "One. Two? \u{201c}Three.\u{201d} Four 14.1 billion. Five";
        assert_eq!(sentences(text), ["One.", "Two?", "\u{201c}Three.\u{201d}", "Four 14.1 billion.", "Five"]);
        assert_eq!(first_sentence("He said \u{201c}Go.\u{201d} Then left."), "He said \u{201c}Go.\u{201d}");
        assert_eq!(first_sentence("$14.1 billion deal."), "$14.1 billion deal.", "a decimal point is no stop");
        assert_eq!(
            sentences("\u{2018}It\u{2019}s \u{2018}done.\u{2019}\u{201d} Then"),
            ["\u{2018}It\u{2019}s \u{2018}done.\u{2019}\u{201d}", "Then"]
        );
        assert_eq!(last_sentence("Only one."), "Only one.");
        // A text with no sentence end is its own last and first sentence, as it is.
        assert_eq!(last_sentence("  no end here"), "  no end here");
        assert_eq!(first_sentence("  no end here"), "  no end here");
        assert_eq!(last_sentence("First.  Then the rest"), "Then the rest");
    }

    /// The bug this crate was made for: the engine cut "In context" at "U.S." while the compiler did not.
    #[test]
    fn initials_end_no_sentence() {
        let text = "It includes changing the U.S. force structure, which will take months. Then J.R.R. Tolkien wrote.";
        assert_eq!(
            sentences(text),
            ["It includes changing the U.S. force structure, which will take months.", "Then J.R.R. Tolkien wrote."]
        );
        assert_eq!(first_sentence(text), "It includes changing the U.S. force structure, which will take months.");
        assert_eq!(last_sentence(text), "Then J.R.R. Tolkien wrote.");
        assert_eq!(last_sentence("The U.S. and Japan. The U.S. did."), "The U.S. did.");
        assert_eq!(first_sentence("Go? No! Yes."), "Go?");
    }

    #[test]
    fn the_sentence_around_a_range_is_whole() {
        let text = "First one. The U.S. said so, officials said. Last.";
        let at = |word: &str| {
            let start = text.find(word).unwrap();
            start..start + word.len()
        };
        assert_eq!(&text[sentence_around(text, at("said so"))], " The U.S. said so, officials said.");
        assert_eq!(&text[sentence_around(text, at("First"))], "First one.");
        assert_eq!(&text[sentence_around(text, at("Last"))], " Last.");
        assert_eq!(&text[sentence_around(text, at("one. The"))], "First one. The U.S. said so, officials said.");
    }

    #[test]
    fn a_claim_stands_alone_with_its_lead_before_it() {
        assert_eq!(
            standing_alone(Some("Ten points were announced."), "They included a council."),
            "Ten points were announced. They included a council."
        );
        assert_eq!(standing_alone(None, "Biden said so."), "Biden said so.");
    }

    #[test]
    fn the_nearest_candidate_is_offered_only_when_it_is_a_likely_slip() {
        let options = ["sections", "open", "heading-level", "deep-links"];
        assert_eq!(nearest("opne", options.into_iter()), Some("open"));
        assert_eq!(nearest("headinglevel", options.into_iter()), Some("heading-level"));
        assert_eq!(nearest("deep_links", options.into_iter()), Some("deep-links"));
        assert_eq!(nearest("deeplinks-on", options.into_iter()), None, "the same but for hyphens is not enough");
        assert_eq!(nearest("colour", options.into_iter()), None);
        assert_eq!(nearest("the-leaders-mets", ["the-leaders-met", "agree"].into_iter()), Some("the-leaders-met"));
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("open", "open"), 0);
        assert_eq!(edit_distance("opne", "open"), 2);
        assert_eq!(edit_distance("heading-levl", "heading-level"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("ü", "u"), 1, "characters, not bytes");
        assert_eq!(edit_distance("abc", "").to_string(), "3");
    }
}
