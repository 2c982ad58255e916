//! Element ids and URL fragments: what each place in the page is called, and parsing a fragment back to it.
//!
//! One function makes the name of every navigable place ([`Target::fragment`]) and one parses it
//! ([`parse_fragment`]); the view writes the names as element ids and link targets, so a link, an id and the
//! parser can never disagree. Fragments are outside input: anything that does not name a place is a
//! [`FragmentError`] saying why, and the browser layer ignores it (the fragment may be the host page's own).

use crate::prelude::*;

use core::fmt;

use crate::document::{AnchorIndex, ClaimIndex, Core, Place};

/// A place a link or the URL can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A section (by index into [`Document::sections`]): `#space`.
    Section(usize),
    /// A claim: `#space/first-non-american`, or `#overview/state-visit` for the overview's.
    Claim(ClaimIndex),
    /// A quote in the article: `#q-first-non-american-1` (named after the first claim citing it).
    Anchor(AnchorIndex),
}

/// The longest fragment worth looking at; real ones are far shorter.
pub const MAX_FRAGMENT_LEN: usize = 256;

/// The ids of the page's own parts, which no section or claim may take.
pub use summit_rules::{ARTICLE_ID, GLANCE_ID, OVERVIEW_ID, QUOTE_PREFIX, SEARCH_ID, SECTIONS_ID, THEME_ID};

/// The address of a place in the page at `page_url` (any fragment it has is replaced): what "Copy link"
/// copies. `prefix` is the instance's id prefix.
pub fn place_url(page_url: &str, prefix: &str, document: &Core, target: Target) -> String {
    let page = page_url.split('#').next().unwrap_or(page_url);
    [page, "#", prefix, &target.fragment(document)].concat()
}

/// The id of a part of a place that is not a navigation target itself (a heading, a section's button or
/// panel): the place's id, `--`, the part. `--` cannot occur in a data id, so these never meet a target's.
pub fn part_id(place: &str, part: &str) -> String {
    [place, "--", part].concat()
}

/// [`part_id`] of a section.
pub fn section_part_id(document: &Core, section: usize, part: &str) -> String {
    part_id(document.sections[section].id, part)
}

impl Target {
    /// The name of this place, without prefix or `#`: the element id (after the instance prefix) and fragment.
    pub fn fragment(self, document: &Core) -> String {
        match self {
            Target::Section(section) => document.sections[section].id.to_string(),
            Target::Claim(claim) => {
                let entry = document.claim(claim);
                [place_id(document, entry.place), "/", entry.claim.id].concat()
            }
            Target::Anchor(anchor) => {
                // Named after the first claim in full that cites it, so that a short version in the overview
                // (whose quotes its claim in full always cites) can come and go without renaming quotes.
                let cited_by = document.anchors[anchor.0].cited_by;
                let first =
                    cited_by.iter().find(|c| document.claim(c.claim).place != Place::Overview).unwrap_or(&cited_by[0]);
                [QUOTE_PREFIX, document.claim(first.claim).claim.id, "-", &crate::text::number(first.quote + 1)]
                    .concat()
            }
        }
    }

    /// The section that must be open for this place to be seen, if any.
    pub fn section(self, document: &Core) -> Option<usize> {
        match self {
            Target::Section(section) => Some(section),
            Target::Claim(claim) => match document.claim(claim).place {
                Place::Section(section) => Some(section),
                Place::Overview => None,
            },
            Target::Anchor(_) => None,
        }
    }
}

fn place_id(document: &Core, place: Place) -> &'static str {
    match place {
        Place::Overview => OVERVIEW_ID,
        Place::Section(section) => document.sections[section].id,
    }
}

/// Parses a URL fragment (with or without its `#`, percent-encoded or not) into a place of the page.
///
/// `prefix` is the instance's id prefix (empty for the standalone page). Anything else — unknown ids, bad
/// percent-encoding, overlong input, another instance's prefix — is a [`FragmentError`].
pub fn parse_fragment(document: &Core, fragment: &str, prefix: &str) -> Result<Target, FragmentError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Err(FragmentError::Empty);
    }
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Err(FragmentError::TooLong(fragment.len()));
    }
    let decoded = percent_decode(fragment).ok_or(FragmentError::BadEncoding)?;
    let name = decoded.strip_prefix(prefix).ok_or(FragmentError::NotThisInstance)?;
    let unknown = || FragmentError::Unknown(name.to_string());
    if let Some(quote) = name.strip_prefix(QUOTE_PREFIX) {
        return (0..document.anchors.len())
            .map(AnchorIndex)
            .find(|&anchor| Target::Anchor(anchor).fragment(document).strip_prefix(QUOTE_PREFIX) == Some(quote))
            .map(Target::Anchor)
            .ok_or_else(unknown);
    }
    match name.split_once('/') {
        None => document.section_index(name).map(Target::Section).ok_or_else(unknown),
        Some((part, claim)) => {
            let place = match part {
                OVERVIEW_ID => Some(Place::Overview),
                section => document.section_index(section).map(Place::Section),
            };
            // Claim ids are unique, so a link to a claim that has moved to another part (named as an id is
            // written) still finds it.
            let moved = || well_formed(part).then(|| document.claim_with_id(claim)).flatten();
            place
                .and_then(|place| document.claim_at(place, claim))
                .or_else(moved)
                .map(Target::Claim)
                .ok_or_else(unknown)
        }
    }
}

pub use summit_rules::well_formed;

/// Why a fragment names no place of this explainer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FragmentError {
    /// `#` alone, or nothing.
    Empty,
    /// Longer than [`MAX_FRAGMENT_LEN`] bytes (the length given), so not looked at.
    TooLong(usize),
    /// A `%` escape that is malformed or decodes to bytes that are not UTF-8.
    BadEncoding,
    /// Without this instance's id prefix: the host page's own, or another instance's.
    NotThisInstance,
    /// Well formed, but no section, claim or quote has this name (the name, decoded, without the prefix).
    Unknown(String),
}

impl fmt::Display for FragmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FragmentError::Empty => f.write_str("the fragment is empty"),
            FragmentError::TooLong(len) => {
                write!(f, "the fragment is {len} bytes long; at most {MAX_FRAGMENT_LEN} are read")
            }
            FragmentError::BadEncoding => f.write_str("the fragment has a malformed %-escape or is not UTF-8"),
            FragmentError::NotThisInstance => f.write_str("the fragment is not this explainer's"),
            FragmentError::Unknown(name) => write!(f, "no section, claim or quote is called {name:?}"),
        }
    }
}

/// Decodes `%XX` escapes (two hex digits, nothing else: `%+f` is malformed, as the URL standard has it);
/// `None` for a malformed escape or bytes that are not UTF-8.
pub fn percent_decode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let digit = |at: usize| bytes.get(at).and_then(|&b| char::from(b).to_digit(16));
            let (high, low) = (digit(i + 1)?, digit(i + 2)?);
            out.push((high * 16 + low) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

// After the code the wasm runs: only tests and the build use this, and code added above would move panic
// locations (their line numbers are data in the wasm, and the byte budget is exact).
impl Target {
    /// Every place in `document` a fragment can name: its sections, then its claims, then its quotes.
    pub fn all(document: &Core) -> impl Iterator<Item = Target> {
        let sections = (0..document.sections.len()).map(Target::Section);
        let claims = (0..document.claims.len()).map(|c| Target::Claim(ClaimIndex(c)));
        let anchors = (0..document.anchors.len()).map(|a| Target::Anchor(AnchorIndex(a)));
        sections.chain(claims).chain(anchors)
    }
}

/// What a history entry's state starts with when it remembers the citation followed from it.
const RETURN_STATE: &str = "summit-explainer:return ";

/// The history state that remembers a citation followed from an entry: the claim's fragment and the quote's,
/// with the instance's `prefix`, for Back to return focus to the citation.
pub fn return_state(document: &Core, prefix: &str, claim: ClaimIndex, anchor: AnchorIndex) -> String {
    let (claim, anchor) = (Target::Claim(claim).fragment(document), Target::Anchor(anchor).fragment(document));
    [RETURN_STATE, "#", prefix, &claim, " #", prefix, &anchor].concat()
}

/// The citation a history state remembers, if it is one of ours: a claim of this instance and a quote that
/// claim cites. Anything else a page may have put in the state is `None`.
pub fn parse_return_state(document: &Core, state: &str, prefix: &str) -> Option<(ClaimIndex, AnchorIndex)> {
    let (claim, anchor) = state.strip_prefix(RETURN_STATE)?.split_once(' ')?;
    match (parse_fragment(document, claim, prefix).ok()?, parse_fragment(document, anchor, prefix).ok()?) {
        (Target::Claim(claim), Target::Anchor(anchor)) if document.claim(claim).anchors.contains(&anchor) => {
            Some((claim, anchor))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// The engine's test explainer: sections `talks` (0: `agree`, `ran-late`, `meet-again`) and `rivers`
    /// (1: `high-water`, `bridges`), overview claim `met`. The quote "The leaders met." is anchor 0, cited first
    /// by `met` (a short version of `agree`) and then by `agree` as its lead's quote, first, so it is called
    /// `q-agree-1`.
    fn fixture() -> &'static Core {
        &Document::fixture().core
    }

    #[test]
    fn a_copied_link_is_the_page_address_with_the_place_as_fragment() {
        let document = fixture();
        let claim = document.claim_at(Place::Section(0), "agree").unwrap();
        let url = |page: &str, prefix: &str| place_url(page, prefix, document, Target::Claim(claim));
        assert_eq!(url("https://example.org/explainer/", ""), "https://example.org/explainer/#talks/agree");
        assert_eq!(url("https://example.org/?a=b#q-agree-2", ""), "https://example.org/?a=b#talks/agree");
        assert_eq!(
            url("https://host.example/story#explainer-talks", "explainer-"),
            "https://host.example/story#explainer-talks/agree"
        );
    }

    /// Parses `fragment` in the fixture and names the result the way the page does, or "-" for none.
    fn check(fragment: &str, prefix: &str, expected: &str) {
        let document = fixture();
        let actual = match parse_fragment(document, fragment, prefix) {
            Ok(target) => format!("{target:?} {}", target.fragment(document)),
            Err(error) => format!("- {error}"),
        };
        assert_eq!(actual, expected, "fragment {fragment:?} with prefix {prefix:?}");
    }

    #[test]
    fn fragments_name_sections_claims_and_quotes() {
        check("#talks", "", "Section(0) talks");
        check("talks", "", "Section(0) talks");
        check("#rivers", "", "Section(1) rivers");
        check("#talks/agree", "", "Claim(ClaimIndex(1)) talks/agree");
        check("#rivers/bridges", "", "Claim(ClaimIndex(5)) rivers/bridges");
        check("#overview/met", "", "Claim(ClaimIndex(0)) overview/met");
        check("#q-agree-1", "", "Anchor(AnchorIndex(0)) q-agree-1");
        check("#q-agree-2", "", "Anchor(AnchorIndex(1)) q-agree-2");
        check("#q-bridges-1", "", "Anchor(AnchorIndex(5)) q-bridges-1");
        check("#%74alks", "", "Section(0) talks");
        check("#se1-talks", "se1-", "Section(0) talks");
    }

    #[test]
    fn each_kind_of_refusal_says_why() {
        check("", "", "- the fragment is empty");
        check("#", "", "- the fragment is empty");
        check(&format!("#{}", "a".repeat(100_000)), "", "- the fragment is 100000 bytes long; at most 256 are read");
        check("#%zz", "", "- the fragment has a malformed %-escape or is not UTF-8");
        check("#%+f", "", "- the fragment has a malformed %-escape or is not UTF-8");
        check("#%2", "", "- the fragment has a malformed %-escape or is not UTF-8");
        check("#%ff%fe", "", "- the fragment has a malformed %-escape or is not UTF-8");
        check("#talks", "se1-", "- the fragment is not this explainer's");
        check("#%3Cimg%20src=x%3E", "", "- no section, claim or quote is called \"<img src=x>\"");
        check("#q-agree-9", "", "- no section, claim or quote is called \"q-agree-9\"");
        // A quote two claims cite is named after the first claim in full only, not its overview's short version.
        check("#q-met-1", "", "- no section, claim or quote is called \"q-met-1\"");
    }

    #[test]
    fn a_link_to_a_claim_that_moved_to_another_part_still_finds_it() {
        check("#talks/bridges", "", "Claim(ClaimIndex(5)) rivers/bridges");
        check("#talks/met", "", "Claim(ClaimIndex(0)) overview/met");
        check("#overview/agree", "", "Claim(ClaimIndex(1)) talks/agree");
        check("#a-section-since-removed/agree", "", "Claim(ClaimIndex(1)) talks/agree");
    }

    #[test]
    fn anything_else_is_ignored() {
        for fragment in [
            "",
            "#",
            "#tlaks",
            "#TALKS",
            "#talks/",
            "#talks/no-such-claim",
            "#talks/agree/extra",
            "#overview",
            "#article",
            "#q-",
            "#q-agree-9",
            "#q-met-1",
            "#nowhere/no-such-claim",
            "#,talks/agree",
            "#Talks/agree",
            "#talks--panel/agree",
            "#%",
            "#%zz",
            "#%ff%fe",
            "#<img src=x onerror=alert(1)>",
            "#__proto__",
            "#../../etc/passwd",
            "#talks--panel",
        ] {
            assert!(parse_fragment(fixture(), fragment, "").is_err(), "{fragment:?}");
        }
    }

    /// An invariant of any explainer, so it is checked on the real content too.
    #[test]
    fn every_place_parses_back_from_its_own_fragment() {
        for document in [&Document::fixture().core, &Document::built_in().core] {
            let mut places = 0;
            for target in Target::all(document) {
                let fragment = target.fragment(document);
                assert_eq!(parse_fragment(document, &fragment, ""), Ok(target), "{fragment}");
                assert_eq!(parse_fragment(document, &format!("#x-{fragment}"), "x-"), Ok(target), "{fragment}");
                places += 1;
            }
            assert_eq!(places, document.sections.len() + document.claims.len() + document.anchors.len());
        }
    }

    #[test]
    fn a_return_state_reads_back_as_written_and_nothing_else_does() {
        let document = fixture();
        for (c, entry) in document.claims.iter().enumerate() {
            for &anchor in entry.anchors {
                for prefix in ["", "se1-"] {
                    let state = return_state(document, prefix, ClaimIndex(c), anchor);
                    assert_eq!(parse_return_state(document, &state, prefix), Some((ClaimIndex(c), anchor)), "{state}");
                }
                let other = return_state(document, "se1-", ClaimIndex(c), anchor);
                assert_eq!(parse_return_state(document, &other, ""), None, "another instance's: {other}");
            }
        }
        let agree = Target::Claim(ClaimIndex(1)).fragment(document);
        let not_cited = (0..document.anchors.len()).find(|&a| !document.claims[1].anchors.contains(&AnchorIndex(a)));
        let forged =
            format!("{RETURN_STATE}#{agree} #{}", Target::Anchor(AnchorIndex(not_cited.unwrap())).fragment(document));
        for state in [forged.as_str(), "", "summit-explainer:return", "summit-explainer:return #talks #talks", "{}"] {
            assert_eq!(parse_return_state(document, state, ""), None, "{state:?}");
        }
    }
}
