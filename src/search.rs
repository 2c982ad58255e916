//! Searching the claims: what a query is, which claims match it, and where the matched words are.
//!
//! A query is up to [`MAX_WORDS`] words; a claim matches when every word occurs in its text, its attribution,
//! its note, the words of its quotes, or the title and summary of its section (a reader who types a section's
//! name means that section). Matching ignores case and treats curly and straight quotes alike. The query is
//! outside input (typed, or pasted): it is only ever compared, never interpreted.

use crate::prelude::*;

use core::ops::Range;

use crate::document::{ClaimIndex, Core, Place};
use crate::html::{element, text, Node};

/// The most words a query is read for.
pub const MAX_WORDS: usize = 8;
/// The longest query read, in characters; the rest is ignored.
pub const MAX_CHARS: usize = 120;

/// A parsed query: its words, folded for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    words: Vec<Vec<char>>,
}

/// One character as matching sees it: lower case, and quotes and dashes made plain.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        '\u{a0}' => ' ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => lowercase(c),
    }
}

mod lowercase {
    include!(concat!(env!("OUT_DIR"), "/lowercase.rs"));
}

/// `c` lowercased, where Unicode's mapping gives one character (otherwise `c`): `char::to_lowercase`, from
/// the build's compact table of runs rather than the standard library's (12 KB of the wasm).
fn lowercase(c: char) -> char {
    let at = c as u32;
    let runs = &lowercase::RUNS;
    let index = runs.partition_point(|run| run.0 <= at);
    match index.checked_sub(1).map(|i| runs[i]) {
        Some((first, last, stride, delta)) if at <= last && (at - first).is_multiple_of(u32::from(stride)) => {
            char::from_u32(at.wrapping_add_signed(delta)).unwrap_or(c)
        }
        _ => c,
    }
}

impl Query {
    /// The query typed: `None` when it has no words (the search is cleared).
    pub fn parse(input: &str) -> Option<Query> {
        let input: String = input.chars().take(MAX_CHARS).collect();
        let words: Vec<Vec<char>> =
            input.split_whitespace().take(MAX_WORDS).map(|word| word.chars().map(fold).collect()).collect();
        (!words.is_empty()).then_some(Query { words })
    }

    /// How many words the query has (at most [`MAX_WORDS`]).
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Where the query's words occur in `haystack`, as byte ranges, sorted and merged where they touch.
    pub fn ranges(&self, haystack: &str) -> Vec<Range<usize>> {
        let chars: Vec<(usize, char)> = haystack.char_indices().map(|(at, c)| (at, fold(c))).collect();
        let end_of = |i: usize| chars.get(i).map_or(haystack.len(), |&(at, _)| at);
        // Which characters some word covers; each run of covered characters is one range, so ranges that
        // overlap or touch come out merged and in order, with no sort (a sort is kilobytes in the wasm).
        let mut covered = vec![false; chars.len()];
        for word in &self.words {
            if word.len() > chars.len() {
                continue;
            }
            for start in 0..=chars.len() - word.len() {
                if chars[start..start + word.len()].iter().map(|&(_, c)| c).eq(word.iter().copied()) {
                    covered[start..start + word.len()].fill(true);
                }
            }
        }
        let mut merged: Vec<Range<usize>> = Vec::new();
        let mut run: Option<usize> = None;
        for (i, &on) in covered.iter().chain([&false]).enumerate() {
            match (on, run) {
                (true, None) => run = Some(i),
                (false, Some(start)) => {
                    merged.push(chars[start].0..end_of(i));
                    run = None;
                }
                _ => {}
            }
        }
        merged
    }

    /// Whether every word occurs in at least one of `fields`.
    fn matches_all<'a>(&self, fields: impl Iterator<Item = &'a str> + Clone) -> bool {
        self.words.iter().all(|word| {
            let one = Query { words: vec![word.clone()] };
            fields.clone().any(|field| !one.ranges(field).is_empty())
        })
    }
}

/// The texts a claim is searched in, as the page shows them: its statement, its attribution, its note, the
/// quotes it lists ([`Core::listed_quotes`]: a short version whose claims in full the page `shows` lists
/// none), and its section's title and summary.
pub fn claim_fields(document: &Core, claim: ClaimIndex, shows: impl Fn(ClaimIndex) -> bool) -> Vec<String> {
    let entry = document.claim(claim);
    let mut fields = vec![entry.claim.statement.to_string()];
    fields.extend(attribution(document, claim).map(str::to_string));
    fields.extend(entry.claim.note.map(str::to_string));
    fields.extend(document.listed_quotes(claim, shows).iter().map(|&anchor| document.anchor_text(anchor).to_string()));
    if let Place::Section(section) = entry.place {
        let section = &document.sections[section];
        fields.extend([section.title.to_string(), section.summary.to_string()]);
    }
    fields
}

/// A claim's attribution line, when it has one: `President Joe Biden, at the news conference`.
pub fn attribution(document: &Core, claim: ClaimIndex) -> Option<&'static str> {
    document.claim(claim).claim.attribution
}

/// Whether `claim` matches `query`, on a page that `shows` the claims it does.
pub fn claim_matches(document: &Core, claim: ClaimIndex, query: &Query, shows: impl Fn(ClaimIndex) -> bool) -> bool {
    let fields = claim_fields(document, claim, shows);
    query.matches_all(fields.iter().map(String::as_str))
}

/// Whether one of the query's words occurs in one of the quotes a claim lists (which are shown on demand).
pub fn quotes_hit(document: &Core, claim: ClaimIndex, query: &Query, shows: impl Fn(ClaimIndex) -> bool) -> bool {
    document.listed_quotes(claim, shows).iter().any(|&anchor| !query.ranges(document.anchor_text(anchor)).is_empty())
}

/// `text` as nodes, the query's words inside `<mark class="se-hit">`: text stays text, never markup.
pub fn highlighted(haystack: &str, query: Option<&Query>) -> Vec<Node> {
    let Some(query) = query else { return vec![text(haystack.to_string())] };
    let mut nodes = Vec::new();
    let mut at = 0;
    // `get`, not indexing: `ranges` are on character boundaries, and indexing would carry its formatted panic
    // message into the wasm.
    let part = |range: Range<usize>| haystack.get(range).unwrap_or_default().to_string();
    for range in query.ranges(haystack) {
        if at < range.start {
            nodes.push(text(part(at..range.start)));
        }
        nodes.push(element("mark").class("se-hit").text(part(range.clone())).into());
        at = range.end;
    }
    if at < haystack.len() || nodes.is_empty() {
        nodes.push(text(part(at..haystack.len())));
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn the_compact_lowercase_table_is_the_standard_librarys_mapping_for_every_character() {
        let mut mapped = 0;
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            let expected = match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            };
            assert_eq!(lowercase(c), expected, "{c:?} (U+{:04X})", c as u32);
            mapped += usize::from(expected != c);
        }
        assert!(mapped > 1000, "{mapped} characters lowercase to another");
        assert!(lowercase::RUNS.len() < mapped / 2, "{} runs for {mapped} characters", lowercase::RUNS.len());
    }
    use crate::html::Node;

    /// The engine's test explainer: `met` in the overview, `agree`, `ran-late`, `meet-again` in `talks`,
    /// `high-water` and `bridges` in `rivers`.
    fn fixture() -> &'static Core {
        &Document::fixture().core
    }

    fn q(input: &str) -> Query {
        Query::parse(input).expect("a query with words")
    }

    fn marked(haystack: &str, input: &str) -> String {
        highlighted(haystack, Some(&q(input)))
            .iter()
            .map(|node| match node {
                Node::Text(t) => t.to_string(),
                Node::Element(e) => format!("[{}]", e.children.iter().map(Node::text_content).collect::<String>()),
            })
            .collect()
    }

    #[test]
    fn empty_queries_clear_the_search() {
        for input in ["", "   ", "\t\n"] {
            assert_eq!(Query::parse(input), None, "{input:?}");
        }
    }

    #[test]
    fn matching_ignores_case_and_quote_styles() {
        assert_eq!(
            marked("Kishida\u{2019}s visit to Washington", "kishida's WASHINGTON"),
            "[Kishida’s] visit to [Washington]"
        );
        assert_eq!(marked("a \u{201c}lattice-shaped\u{201d} idea", "\"lattice"), "a [“lattice]-shaped” idea");
        assert_eq!(marked("cherry trees, cherry blossoms", "cherry"), "[cherry] trees, [cherry] blossoms");
        assert_eq!(marked("overlapping", "overl lapp"), "[overlapp]ing", "overlapping matches merge");
        assert_eq!(marked("overlapping", "over lap"), "[overlap]ping", "touching matches merge");
        assert_eq!(marked("trees, cherry trees", "trees cherry"), "[trees], [cherry] [trees]", "in the text's order");
        assert_eq!(marked("Café au lait", "CAFÉ LAIT"), "[Café] au [lait]", "at the end, across a two-byte letter");
        assert_eq!(marked("no match here", "moon"), "no match here");
        assert_eq!(marked("İstanbul", "i"), "İstanbul", "a letter whose lower case is two characters is kept as is");
    }

    #[test]
    fn queries_are_bounded() {
        let long = "moon ".repeat(1000);
        let query = q(&long);
        assert_eq!(query.words.len(), MAX_WORDS);
        let chars = "x".repeat(10_000);
        assert_eq!(q(&chars).words[0].len(), MAX_CHARS);
    }

    #[test]
    fn every_word_must_match_somewhere_in_the_claim() {
        let document = fixture();
        let matching = |input: &str| -> Vec<String> {
            (0..document.claims.len())
                .map(ClaimIndex)
                .filter(|&c| claim_matches(document, c, &q(input), |_| true))
                .map(|c| crate::route::Target::Claim(c).fragment(document))
                .collect()
        };
        // `agree` says "Biden said they agree." and quotes "Biden said “we <agree>”".
        assert_eq!(matching("they \"we"), ["talks/agree"], "text and quote together");
        // `ran-late` cites its lead's quote, "The leaders met.", like `agree`.
        assert_eq!(matching("leaders"), ["overview/met", "talks/agree", "talks/ran-late"], "a quote alone is enough");
        assert_eq!(matching("<agree>"), ["talks/agree"], "markup in a quote is only text");
        assert_eq!(matching("engineers 3"), ["rivers/bridges"], "numbers are words too");
        assert_eq!(matching("president joe"), ["talks/agree"], "attributions are searched");
        assert_eq!(matching("meeting"), ["talks/agree"], "settings are searched");
        assert_eq!(matching("leaders bridges"), Vec::<String>::new(), "each word in the same claim");
        assert_eq!(matching("moon"), Vec::<String>::new());
        // A section's title or summary finds all its claims, and only those; the overview has neither.
        assert_eq!(matching("TALKS"), ["talks/agree", "talks/ran-late", "talks/meet-again"], "a section's title");
        assert_eq!(matching("high water"), ["rivers/high-water", "rivers/bridges"], "its summary");
        assert_eq!(matching("rivers leaders"), Vec::<String>::new(), "the section's words and the claim's together");
        assert_eq!(matching("<img src=x onerror=alert(1)>"), Vec::<String>::new());
    }
}
