//! Property tests of every parser of outside input: the URL fragment, the iframe's query string, the element's
//! attributes, `mount()`'s options, the stored open sections and theme, and the search box. For each: it never
//! panics on anything, it round-trips what this build writes, and it refuses what is not exactly that.
//!
//! The parsers' mechanics are tested on the engine's fixture explainer ([`Document::fixture`]), so editing the
//! real content never breaks them; a property that holds for every place or section of any document (every
//! fragment parses back, every set of sections round-trips) runs over the fixture and the built-in content
//! alike. Nothing here names a claim, a quote or an index of the real content.
//!
//! `PROPTEST_CASES=10000 cargo test --test properties` runs more cases than the default 256.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

#[path = "support/mount_errors.rs"]
mod mount_errors;

use summit_explainer::document::{AnchorIndex, ClaimIndex, Core, Document};
use summit_explainer::options::{from_attributes, from_js, from_query, EmbedOptions, OptionsError, OPTIONS};
use summit_explainer::route::{
    parse_fragment, parse_return_state, percent_decode, return_state, well_formed, FragmentError, Target,
    MAX_FRAGMENT_LEN,
};
use summit_explainer::search::{Query, MAX_CHARS, MAX_WORDS};
use summit_explainer::state::State;
use summit_explainer::storage::{format_open, parse_open, parse_theme, StorageError};
use summit_explainer::ui::{HeadingLevel, Theme};
use summit_explainer::value::Value;

/// The explainer the parsers' mechanics are tested on.
fn fixture() -> &'static Core {
    &Document::fixture().core
}

/// Both compiled explainers: the fixture and the content this build ships.
fn documents() -> [&'static Core; 2] {
    [&Document::fixture().core, &Document::built_in().core]
}

/// Either compiled explainer, for properties that hold for every place or section of any document.
fn any_document() -> impl Strategy<Value = &'static Core> {
    prop::sample::select(documents().to_vec())
}

/// Every name a fragment, an option or the stored text can give in either document: each section's id, each
/// claim's id, and each place's whole fragment (`talks/agree`, `q-agree-1`), read from the documents.
fn known_names() -> Vec<String> {
    let mut names = Vec::new();
    for document in documents() {
        names.extend(document.sections.iter().map(|section| section.id.to_string()));
        names.extend(document.claims.iter().map(|entry| entry.claim.id.to_string()));
        names.extend(Target::all(document).map(|target| target.fragment(document)));
    }
    names.sort();
    names.dedup();
    names
}

/// Text an attacker might try: markup, escapes, separators, traversal, prototype names, and any character.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("%".to_string()),
        Just("%2".to_string()),
        Just("%zz".to_string()),
        Just("%ff".to_string()),
        Just("%c3%a9".to_string()),
        Just("../".to_string()),
        Just("__proto__".to_string()),
        Just("constructor".to_string()),
        Just("q-".to_string()),
        Just("/".to_string()),
        Just(",".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just("#".to_string()),
        Just("v1:".to_string()),
        prop::sample::select(known_names()),
        Just("overview/".to_string()),
        Just("all".to_string()),
        Just("se1-".to_string()),
        any::<char>().prop_map(String::from),
        "[a-z-]{1,12}",
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|pieces| pieces.concat())
}

/// Every place a fragment can name in `document`.
fn any_target(document: &'static Core) -> impl Strategy<Value = Target> {
    prop_oneof![
        (0..document.sections.len()).prop_map(Target::Section),
        (0..document.claims.len()).prop_map(|c| Target::Claim(ClaimIndex(c))),
        (0..document.anchors.len()).prop_map(|a| Target::Anchor(AnchorIndex(a))),
    ]
}

/// Either document, with one of its places.
fn any_document_and_target() -> impl Strategy<Value = (&'static Core, Target)> {
    any_document().prop_flat_map(|document| (Just(document), any_target(document)))
}

/// `text` with the bytes `mask` picks written as `%XX` escapes (upper or lower case hex).
fn percent_encode(text: &str, mask: &[bool], upper: bool) -> String {
    text.bytes()
        .enumerate()
        .map(|(i, b)| {
            if mask.get(i).copied().unwrap_or(false) || !b.is_ascii_alphanumeric() && !b"-_./:".contains(&b) {
                if upper {
                    format!("%{b:02X}")
                } else {
                    format!("%{b:02x}")
                }
            } else {
                (b as char).to_string()
            }
        })
        .collect()
}

proptest! {
    /// A history entry's state (which any script on the page may set) reads back only as a claim and a quote
    /// that claim cites, never a panic; what this build writes reads back as written.
    #[test]
    fn a_history_state_is_a_followed_citation_or_nothing(
        document in any_document(),
        junk in prop_oneof![hostile_text(), any::<String>()],
        prefix in prop_oneof![Just(""), Just("se1-")],
        claim in 0usize..64,
    ) {
        for state in [junk.clone(), format!("summit-explainer:return {junk}")] {
            if let Some((claim, anchor)) = parse_return_state(document, &state, prefix) {
                prop_assert!(document.claim(claim).anchors.contains(&anchor));
            }
        }
        let claim = ClaimIndex(claim % document.claims.len());
        let anchor = document.claim(claim).anchors[0];
        let written = return_state(document, prefix, claim, anchor);
        prop_assert_eq!(parse_return_state(document, &written, prefix), Some((claim, anchor)));
    }

    /// In either document, a fragment parses only to the place whose name it is, once decoded and without the
    /// prefix; anything else is refused with a reason, never a panic.
    #[test]
    fn a_fragment_names_exactly_its_place_or_nothing(
        document in any_document(),
        fragment in prop_oneof![hostile_text(), any::<String>()],
        prefix in prop_oneof![Just(""), Just("se1-"), Just("summit-")],
        hash in any::<bool>(),
    ) {
        let input = if hash { format!("#{fragment}") } else { fragment.clone() };
        // What the parser reads: the input without one leading "#".
        let read = input.strip_prefix('#').unwrap_or(&input);
        match parse_fragment(document, &input, prefix) {
            Ok(target) => {
                let decoded = percent_decode(read).expect("it decoded");
                let name = format!("{prefix}{}", target.fragment(document));
                // Or a claim named under another part, written as an id is: one that has moved still is found.
                let moved = match target {
                    Target::Claim(claim) => decoded
                        .strip_prefix(prefix)
                        .and_then(|rest| rest.split_once('/'))
                        .is_some_and(|(part, id)| id == document.claim(claim).claim.id && well_formed(part)),
                    _ => false,
                };
                prop_assert!(decoded == name || moved, "{decoded:?} named {name:?}");
            }
            Err(FragmentError::TooLong(len)) => prop_assert!(len > MAX_FRAGMENT_LEN),
            Err(FragmentError::BadEncoding) => prop_assert!(percent_decode(read).is_none()),
            Err(FragmentError::Empty) => prop_assert!(read.is_empty()),
            Err(_) => {}
        }
    }

    /// Every place's own fragment, in either document, however much of it is percent-encoded, parses back to
    /// that place.
    #[test]
    fn every_place_round_trips_through_any_encoding(
        (document, target) in any_document_and_target(),
        mask in prop::collection::vec(any::<bool>(), 0..64),
        upper in any::<bool>(),
        prefix in prop_oneof![Just(""), Just("se7-"), Just("summit-")],
    ) {
        let name = format!("{prefix}{}", target.fragment(document));
        let encoded = percent_encode(&name, &mask, upper);
        prop_assume!(encoded.len() <= MAX_FRAGMENT_LEN);
        prop_assert_eq!(parse_fragment(document, &format!("#{encoded}"), prefix), Ok(target));
        // Another instance's prefix never reaches it.
        prop_assert_eq!(parse_fragment(document, &format!("#{encoded}"), "other-"), Err(FragmentError::NotThisInstance));
    }

    /// Percent-decoding inverts percent-encoding, for any text.
    #[test]
    fn percent_decoding_inverts_encoding(text in any::<String>(), mask in prop::collection::vec(any::<bool>(), 0..64), upper in any::<bool>()) {
        prop_assert_eq!(percent_decode(&percent_encode(&text, &mask, upper)), Some(text));
    }

    /// Overlong fragments are refused before anything else is looked at, even when they start with a place's
    /// name.
    #[test]
    fn overlong_fragments_are_refused((target, extra) in (any_target(fixture()), 1..100_000usize)) {
        let name = target.fragment(fixture());
        let fragment = format!("#{name}{}", "a".repeat(MAX_FRAGMENT_LEN + extra - name.len()));
        prop_assert_eq!(parse_fragment(fixture(), &fragment, ""), Err(FragmentError::TooLong(MAX_FRAGMENT_LEN + extra)));
    }
}

/// A valid set of options for a document, as this build can be given them.
#[derive(Debug, Clone)]
struct Given {
    document: &'static Core,
    sections: Vec<usize>,
    open: Open,
    theme: Option<Theme>,
    heading_level: Option<u8>,
    overview: Option<bool>,
    article: Option<bool>,
    article_url: Option<&'static str>,
    deep_links: Option<bool>,
}

#[derive(Debug, Clone)]
enum Open {
    Default,
    All,
    /// Indices into `Given::sections`.
    Some(Vec<usize>),
}

fn any_given(document: &'static Core) -> impl Strategy<Value = Given> {
    let count = document.sections.len();
    let sections = Just((0..count).collect::<Vec<usize>>())
        .prop_shuffle()
        .prop_flat_map(move |all| (1..=count).prop_map(move |n| all[..n].to_vec()));
    let theme = prop_oneof![Just(None), Just(Some(Theme::Light)), Just(Some(Theme::Dark)), Just(Some(Theme::Auto))];
    let url = prop_oneof![Just("https://example.org/summit/"), Just("http://localhost:8000/index.html")];
    (
        sections,
        prop_oneof![Just(0u8), Just(1), Just(2)],
        prop::collection::vec(any::<prop::sample::Index>(), 0..4),
        theme,
        prop::option::of(2u8..=6),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
        prop::option::of(url),
        prop::option::of(any::<bool>()),
    )
        .prop_map(move |(sections, open_kind, picks, theme, heading_level, overview, article, url, deep_links)| {
            let open = match open_kind {
                0 => Open::Default,
                1 => Open::All,
                _ => {
                    let mut chosen: Vec<usize> = picks.iter().map(|p| p.index(sections.len())).collect();
                    chosen.sort_unstable();
                    chosen.dedup();
                    Open::Some(chosen)
                }
            };
            // An article URL is only an option while the article is hidden.
            let article_url = if article == Some(false) { url } else { None };
            Given { document, sections, open, theme, heading_level, overview, article, article_url, deep_links }
        })
}

impl Given {
    fn expected(&self) -> EmbedOptions {
        let mut options = EmbedOptions::default_for(self.document);
        options.sections.clone_from(&self.sections);
        options.open = match &self.open {
            Open::Default => vec![],
            Open::All => self.sections.clone(),
            Open::Some(picks) => picks.iter().map(|&p| self.sections[p]).collect(),
        };
        if let Some(theme) = self.theme {
            options.theme = theme;
        }
        if let Some(level) = self.heading_level {
            options.heading_level = HeadingLevel::new(level).expect("2 to 6");
        }
        options.overview = self.overview.unwrap_or(true);
        options.article = self.article.unwrap_or(true);
        options.article_url = self.article_url.map(String::from);
        options.deep_links = self.deep_links.unwrap_or(false);
        options
    }

    /// `(index into OPTIONS, value as text)`, in OPTIONS order.
    fn as_text(&self) -> Vec<(usize, String)> {
        let ids = |list: &[usize]| list.iter().map(|&s| self.document.sections[s].id).collect::<Vec<_>>().join(",");
        let mut pairs = vec![(0, ids(&self.sections))];
        match &self.open {
            Open::Default => {}
            Open::All => pairs.push((1, "all".into())),
            Open::Some(picks) => pairs.push((1, ids(&picks.iter().map(|&p| self.sections[p]).collect::<Vec<_>>()))),
        }
        pairs.extend(self.theme.map(|t| (2, t.name().to_string())));
        pairs.extend(self.heading_level.map(|l| (3, l.to_string())));
        pairs.extend(self.overview.map(|b| (4, b.to_string())));
        pairs.extend(self.article.map(|b| (5, b.to_string())));
        pairs.extend(self.article_url.map(|u| (6, u.to_string())));
        pairs.extend(self.deep_links.map(|b| (7, b.to_string())));
        pairs
    }

    fn as_js(&self) -> Value {
        let ids = |list: &[usize]| {
            Value::Array(list.iter().map(|&s| Value::String(self.document.sections[s].id.to_string())).collect())
        };
        let mut entries = vec![("sections".to_string(), ids(&self.sections))];
        match &self.open {
            Open::Default => entries.push(("open".into(), Value::Null)),
            Open::All => entries.push(("open".into(), Value::String("all".into()))),
            Open::Some(picks) => {
                entries.push(("open".into(), ids(&picks.iter().map(|&p| self.sections[p]).collect::<Vec<_>>())))
            }
        }
        entries.extend(self.theme.map(|t| ("theme".to_string(), Value::String(t.name().into()))));
        entries.extend(self.heading_level.map(|l| ("headingLevel".to_string(), Value::Number(f64::from(l)))));
        entries.extend(self.overview.map(|b| ("overview".to_string(), Value::Bool(b))));
        entries.extend(self.article.map(|b| ("article".to_string(), Value::Bool(b))));
        entries.extend(self.article_url.map(|u| ("articleUrl".to_string(), Value::String(u.into()))));
        entries.extend(self.deep_links.map(|b| ("deepLinks".to_string(), Value::Bool(b))));
        Value::Object(entries)
    }
}

/// Any JavaScript value a host could pass (as `browser::js::from_js` reads it).
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        prop_oneof![hostile_text(), "[a-z-]{0,12}".prop_map(String::from)].prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        let key = prop_oneof![(0..OPTIONS.len()).prop_map(|o| OPTIONS[o].0.to_string()), hostile_text(),];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..6).prop_map(Value::Object),
        ]
    })
}

proptest! {
    /// Valid options for either document (any of its sections, in any order), written as the iframe's query
    /// string (percent-encoded any which way), as the element's attributes, or as a `mount()` object, all
    /// parse to the same options.
    #[test]
    fn valid_options_parse_alike_in_all_three_ways(
        given in any_document().prop_flat_map(any_given),
        mask in prop::collection::vec(any::<bool>(), 0..64),
        upper in any::<bool>(),
    ) {
        let document = given.document;
        let expected = given.expected();
        let text = given.as_text();
        let query: Vec<String> = text
            .iter()
            .map(|(o, v)| format!("{}={}", percent_encode(OPTIONS[*o].1, &mask, upper), percent_encode(v, &mask, upper)))
            .collect();
        prop_assert_eq!(from_query(document, &format!("?{}", query.join("&"))), Ok(expected.clone()));
        let attributes: Vec<(&str, &str)> = text.iter().map(|(o, v)| (OPTIONS[*o].1, v.as_str())).collect();
        prop_assert_eq!(from_attributes(document, attributes), Ok(expected.clone()));
        prop_assert_eq!(from_js(document, &given.as_js()), Ok(expected));
    }

    /// A query string never panics the parser, and one naming no option of ours is refused by name.
    #[test]
    fn any_query_is_parsed_or_refused(query in prop_oneof![hostile_text(), any::<String>()]) {
        let document = fixture();
        if let Ok(options) = from_query(document, &query) {
            // Whatever it accepted is a consistent set of options.
            prop_assert!(!options.sections.is_empty());
            prop_assert!(options.open.iter().all(|s| options.sections.contains(s)));
        }
        let unknown = format!("{query}&zz-not-an-option=1");
        prop_assert!(from_query(document, &unknown).is_err());
    }

    /// Attributes that are not options are the host's; any value of an option is parsed or refused.
    #[test]
    fn any_attributes_are_parsed_or_refused(
        values in prop::collection::vec((0..OPTIONS.len(), prop_oneof![hostile_text(), any::<String>()]), 0..6),
        host in prop::collection::vec(("(id|class|style|data-[a-z]{1,5}|on[a-z]{1,5})", hostile_text()), 0..3),
    ) {
        let document = fixture();
        let mut attributes: Vec<(&str, &str)> = values.iter().map(|(o, v)| (OPTIONS[*o].1, v.as_str())).collect();
        let result = from_attributes(document, attributes.clone());
        attributes.extend(host.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        prop_assert_eq!(from_attributes(document, attributes), result, "the host's own attributes change nothing");
    }

    /// Any JavaScript value passed to `mount()` is parsed or refused with a typed error, and the error is
    /// the one the value calls for: not an object for anything but an object or nothing; an unknown option
    /// for a key that is none; otherwise it names an option the value gives.
    #[test]
    fn any_mount_value_is_parsed_or_refused_with_the_error_it_calls_for(value in any_value()) {
        let result = from_js(fixture(), &value);
        if let Err(why) = mount_errors::check(&value, &result) {
            return Err(TestCaseError::fail(why));
        }
    }

    /// A repeated option is refused, in any order.
    #[test]
    fn a_repeated_option_is_refused(option in 0..OPTIONS.len(), first in "[a-z]{0,6}", second in "[a-z]{0,6}") {
        let name = OPTIONS[option].1;
        let result = from_query(fixture(), &format!("{name}={first}&{name}={second}"));
        prop_assert_eq!(result, Err(OptionsError::Repeated { option: name }));
    }
}

proptest! {
    /// The open sections this build stores, for any sections of either document shown in any order, read
    /// back as the same sections in the order shown; other text is refused whole.
    #[test]
    fn stored_sections_round_trip(
        (document, shown, open) in any_document().prop_flat_map(|document| {
            let count = document.sections.len();
            (
                Just(document),
                Just((0..count).collect::<Vec<usize>>()).prop_shuffle(),
                prop::collection::vec(any::<bool>(), count),
            )
        }),
    ) {
        let mut state = State::closed(document);
        state.shown = shown;
        state.open = open;
        let expected: Vec<usize> = state.shown.iter().copied().filter(|&s| state.open[s]).collect();
        prop_assert_eq!(parse_open(document, &format_open(document, &state.open_sections())), Ok(expected));
    }

    #[test]
    fn other_stored_text_is_refused_whole(stored in prop_oneof![hostile_text(), any::<String>()]) {
        let document = fixture();
        match parse_open(document, &stored) {
            Ok(sections) => {
                // Only a list of known ids, each once, after the version, is read.
                let list = stored.strip_prefix("v1:").expect("the version");
                let named: Vec<&str> = list.split(',').filter(|id| !id.is_empty()).collect();
                let ids: Vec<&str> = sections.iter().map(|&s| document.sections[s].id).collect();
                prop_assert_eq!(named, ids);
            }
            Err(StorageError::WrongVersion) => prop_assert!(!stored.starts_with("v1:")),
            Err(_) => {}
        }
        prop_assert_eq!(parse_theme(&stored).is_ok(), ["light", "dark", "auto"].contains(&stored.as_str()));
    }

    /// The search box: any input is bounded to a few words, blank input is no search, and what it finds in
    /// either document's article is sorted, merged and on character boundaries.
    #[test]
    fn any_search_input_is_bounded(
        document in prop::sample::select(vec![Document::fixture(), Document::built_in()]),
        input in prop_oneof![hostile_text(), any::<String>(), "( *[a-z]{1,3}){0,40}"],
    ) {
        match Query::parse(&input) {
            Some(query) => {
                let article = document.article;
                let ranges = query.ranges(article);
                prop_assert!(ranges.windows(2).all(|w| w[0].end < w[1].start), "sorted and merged");
                prop_assert!(ranges.iter().all(|r| article.is_char_boundary(r.start) && article.is_char_boundary(r.end)));
                prop_assert!(query.word_count() <= MAX_WORDS);
            }
            None => prop_assert!(input.chars().take(MAX_CHARS).collect::<String>().trim().is_empty()),
        }
    }
}
