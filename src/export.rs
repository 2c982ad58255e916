//! The structured data as plain objects, for hosts that build their own view (`summitData()` in JavaScript),
//! and the TypeScript declarations of everything the JavaScript API takes and returns (`src/api.d.ts`).
//!
//! Quote offsets are in UTF-16 code units, JavaScript's string indices, so `article.slice(start, end)` is the
//! quote's text.

use crate::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use crate::document::{AnchorIndex, ClaimIndex, Core, Document};
use crate::route::Target;
use crate::value::Value;

/// The event sent when a section opens or closes (`detail`: [`SectionToggleDetail`]).
pub const SECTION_TOGGLE_EVENT: &str = "section-toggle";
/// The event sent when a quote is opened in the article (`detail`: [`QuoteOpenDetail`]).
pub const QUOTE_OPEN_EVENT: &str = "quote-open";

/// The TypeScript declarations appended to the generated `summit_explainer.d.ts`.
pub const TYPESCRIPT: &str = include_str!(concat!(env!("OUT_DIR"), "/api.d.ts"));

/// The whole explainer: the article verbatim and every claim with its quotes.
#[derive(Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct SummitData {
    /// The explainer's title.
    pub title: &'static str,
    /// The source, as the page cites it.
    pub source: &'static str,
    /// The article, verbatim.
    pub article: &'static str,
    /// The overview's claims.
    pub overview: Vec<ClaimData>,
    /// The sections, in the document's order.
    pub sections: Vec<SectionData>,
}

/// One section.
#[derive(Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct SectionData {
    /// The id the options and deep links use.
    pub id: &'static str,
    /// Its heading.
    pub title: &'static str,
    /// One sentence on what it covers.
    pub summary: &'static str,
    /// Its claims, in order.
    pub claims: Vec<ClaimData>,
}

/// One claim and the quotes it rests on.
#[derive(Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct ClaimData {
    /// `section/claim` (or `overview/claim`): the fragment of its deep link and the element id.
    pub id: String,
    /// What it says, standing alone: its lead (if it follows one) joined before its statement.
    pub text: String,
    /// The lead it follows on the page, if any: the words `text` starts with, said once above its run there.
    pub lead: Option<&'static str>,
    /// Who the article says said it, if it is an attribution.
    pub speaker: Option<&'static str>,
    /// Where or when, as the article gives it.
    pub setting: Option<&'static str>,
    /// The editor's note on the article's wording, if any.
    pub note: Option<&'static str>,
    /// Its quotes, in order.
    pub quotes: Vec<QuoteData>,
}

/// One quote: the article's words, and where they are.
#[derive(Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct QuoteData {
    /// `q-…`: the fragment of the quote in the article.
    pub id: String,
    /// The article's words, verbatim.
    pub text: &'static str,
    /// The number of the article paragraph holding it (as the page shows it).
    pub paragraph: usize,
    /// Where it starts in `article`, in UTF-16 code units.
    pub start: usize,
    /// Where it ends in `article`, in UTF-16 code units.
    pub end: usize,
}

impl SummitData {
    /// The data of `document`.
    pub fn new(document: &Document) -> SummitData {
        let claims = |range: core::ops::Range<usize>| range.map(|c| claim(document, ClaimIndex(c))).collect();
        SummitData {
            title: document.title,
            source: document.source,
            article: document.article,
            overview: claims(document.core.overview_claims.clone()),
            sections: document
                .core
                .sections
                .iter()
                .zip(document.core.section_claims)
                .map(|(section, range)| SectionData {
                    id: section.id,
                    title: section.title,
                    summary: section.summary,
                    claims: claims(range.clone()),
                })
                .collect(),
        }
    }
}

fn text(value: &str) -> Value {
    Value::String(value.to_string())
}

fn optional(value: Option<&str>) -> Value {
    value.map_or(Value::Null, text)
}

fn object(entries: Vec<(&str, Value)>) -> Value {
    Value::Object(entries.into_iter().map(|(key, value)| (key.to_string(), value)).collect())
}

fn list<T>(items: &[T], each: impl Fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(each).collect())
}

impl SummitData {
    /// As the plain object `summitData()` returns (the same keys, in the same order, as the declarations).
    pub fn to_value(&self) -> Value {
        object(vec![
            ("title", text(self.title)),
            ("source", text(self.source)),
            ("article", text(self.article)),
            ("overview", list(&self.overview, ClaimData::to_value)),
            ("sections", list(&self.sections, SectionData::to_value)),
        ])
    }
}

impl SectionData {
    fn to_value(&self) -> Value {
        object(vec![
            ("id", text(self.id)),
            ("title", text(self.title)),
            ("summary", text(self.summary)),
            ("claims", list(&self.claims, ClaimData::to_value)),
        ])
    }
}

impl ClaimData {
    fn to_value(&self) -> Value {
        object(vec![
            ("id", text(&self.id)),
            ("text", text(&self.text)),
            ("lead", optional(self.lead)),
            ("speaker", optional(self.speaker)),
            ("setting", optional(self.setting)),
            ("note", optional(self.note)),
            ("quotes", list(&self.quotes, QuoteData::to_value)),
        ])
    }
}

impl QuoteData {
    fn to_value(&self) -> Value {
        object(vec![
            ("id", text(&self.id)),
            ("text", text(self.text)),
            ("paragraph", Value::Number(self.paragraph as f64)),
            ("start", Value::Number(self.start as f64)),
            ("end", Value::Number(self.end as f64)),
        ])
    }
}

fn claim(document: &Document, index: ClaimIndex) -> ClaimData {
    let entry = document.core.claim(index);
    let utf16 = |byte: usize| document.article.get(..byte).unwrap_or_default().encode_utf16().count();
    ClaimData {
        id: Target::Claim(index).fragment(&document.core),
        text: document.standing_alone(index),
        lead: document.lead(index),
        speaker: document.attribution(index).map(|a| document.speaker(a.speaker).label),
        setting: document.attribution(index).and_then(|a| a.setting),
        note: entry.claim.note,
        quotes: entry
            .anchors
            .iter()
            .map(|&anchor| {
                let data = &document.quote_places[anchor.0];
                QuoteData {
                    id: Target::Anchor(anchor).fragment(&document.core),
                    text: document.core.anchor_text(anchor),
                    paragraph: document.paragraphs[data.paragraph].number.unwrap_or(0),
                    start: utf16(data.range.start),
                    end: utf16(data.range.end),
                }
            })
            .collect(),
    }
}

/// The detail of a `quote-open` event.
#[derive(Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct QuoteOpenDetail {
    /// The claim the quote was opened from (`section/claim`).
    pub claim: String,
    /// The quote (`q-…`).
    pub quote: String,
    /// The quote's words.
    pub text: &'static str,
}

impl QuoteOpenDetail {
    /// The detail for quote `anchor` opened from `claim`.
    pub fn new(document: &Core, claim: ClaimIndex, anchor: AnchorIndex) -> QuoteOpenDetail {
        QuoteOpenDetail {
            claim: Target::Claim(claim).fragment(document),
            quote: Target::Anchor(anchor).fragment(document),
            text: document.anchor_text(anchor),
        }
    }
}

impl QuoteOpenDetail {
    /// As the event's `detail` object.
    pub fn to_value(&self) -> Value {
        object(vec![("claim", text(&self.claim)), ("quote", text(&self.quote)), ("text", text(self.text))])
    }
}

/// The detail of a `section-toggle` event.
#[derive(Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct SectionToggleDetail {
    /// The section's id.
    pub id: &'static str,
    /// Whether it is now open.
    pub open: bool,
}

impl SectionToggleDetail {
    /// As the event's `detail` object.
    pub fn to_value(&self) -> Value {
        object(vec![("id", text(self.id)), ("open", Value::Bool(self.open))])
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::options::OPTIONS;

    /// The declarations name the events the explainer sends, each with its detail, wherever a host listens:
    /// the element, any element (mount()'s target), the document and the window, and a framework's handler.
    #[test]
    fn the_declared_events_are_the_ones_sent() {
        let events = [(SECTION_TOGGLE_EVENT, "SectionToggleDetail"), (QUOTE_OPEN_EVENT, "QuoteOpenDetail")];
        for map in ["HTMLElementEventMap", "ElementEventMap", "DocumentEventMap", "WindowEventMap"] {
            let start = TYPESCRIPT.find(&format!("interface {map} {{")).unwrap_or_else(|| panic!("{map} declared"));
            let block = &TYPESCRIPT[start..start + TYPESCRIPT[start..].find('}').unwrap()];
            let declared: Vec<&str> = block.lines().skip(1).map(str::trim).filter(|l| !l.is_empty()).collect();
            let sent: Vec<String> =
                events.iter().map(|(name, detail)| format!("\"{name}\": CustomEvent<{detail}>;")).collect();
            assert_eq!(declared, sent, "{map}");
        }
        for (name, detail) in events {
            let handler = format!("\"on{name}\"?: (event: CustomEvent<{detail}>) => void;");
            assert!(TYPESCRIPT.contains(&handler), "{handler}");
        }
    }

    /// The engine's test explainer: `met` in the overview, `agree` (1), `ran-late`, `meet-again` in `talks`,
    /// `high-water` and `bridges` in `rivers`; `agree` cites "The leaders met." (`q-agree-2`) second; `met` is its short version.
    fn fixture() -> &'static Document {
        Document::fixture()
    }

    /// An invariant of any explainer, so it is checked on the real content too.
    #[test]
    fn quote_offsets_are_javascript_string_indices() {
        for document in [Document::fixture(), Document::built_in()] {
            let data = SummitData::new(document);
            let article: Vec<u16> = data.article.encode_utf16().collect();
            let quotes: Vec<&QuoteData> = data
                .overview
                .iter()
                .chain(data.sections.iter().flat_map(|s| &s.claims))
                .flat_map(|c| &c.quotes)
                .collect();
            assert_eq!(quotes.len(), document.core.claims.iter().map(|c| c.anchors.len()).sum::<usize>());
            for quote in quotes {
                assert_eq!(String::from_utf16(&article[quote.start..quote.end]).unwrap(), quote.text, "{}", quote.id);
                assert!(quote.paragraph >= 1, "{} is in a numbered paragraph", quote.id);
            }
        }
    }

    #[test]
    fn quotes_are_exported_with_their_ids_paragraphs_and_offsets() {
        let data = SummitData::new(fixture());
        let agree = &data.sections[0].claims[0];
        assert_eq!(agree.id, "talks/agree");
        assert_eq!((agree.speaker, agree.setting), (Some("President Joe Biden"), Some("at the meeting")));
        let quotes: Vec<(&str, usize, usize, usize)> =
            agree.quotes.iter().map(|q| (q.id.as_str(), q.paragraph, q.start, q.end)).collect();
        // After the dateline's one-unit dash; each curly quotation mark is one unit too (three bytes in UTF-8).
        // Its lead's quote ("The leaders met.") first, then its own.
        assert_eq!(quotes, [("q-agree-1", 1, 38, 54), ("q-agree-2", 1, 55, 78)]);
        // A claim under a lead stands alone in the data: the lead, then its statement.
        let ran_late = &data.sections[0].claims[1];
        assert_eq!(ran_late.text, "The leaders met. The talks ran late into the night.");
        assert_eq!(ran_late.lead, Some("The leaders met."));
        assert_eq!(data.sections[0].claims[2].lead, None);
        assert_eq!(data.overview[0].id, "overview/met");
        assert_eq!(data.overview[0].quotes[0].id, "q-agree-1");
    }

    /// The keys of one serialized object, sorted.
    fn keys(value: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> = value.as_object().expect("an object").keys().cloned().collect();
        keys.sort();
        keys
    }

    /// The member names of `interface name { … }` in the declarations, sorted.
    fn members(name: &str) -> Vec<String> {
        let start =
            TYPESCRIPT.find(&format!("export interface {name} {{")).unwrap_or_else(|| panic!("{name} declared"));
        let body = &TYPESCRIPT[start..];
        let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
        let mut names: Vec<String> = body
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with("/**") && !line.starts_with('*'))
            .map(|line| line.split([':', '?', '(']).next().unwrap().trim().to_string())
            .collect();
        names.sort();
        names
    }

    /// A value as JSON, to compare with what serde writes from the structs.
    fn json(value: &Value) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::json!(*n as u64),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => serde_json::Value::Array(items.iter().map(json).collect()),
            Value::Object(entries) => {
                serde_json::Value::Object(entries.iter().map(|(k, v)| (k.clone(), json(v))).collect())
            }
        }
    }

    /// The objects the browser builds (`to_value`) are exactly what serde would write from the structs: the
    /// same keys, types and values (the wasm carries no serde, the native tests do).
    #[test]
    fn to_value_writes_what_serde_would() {
        let data = SummitData::new(fixture());
        assert_eq!(json(&data.to_value()), serde_json::to_value(&data).unwrap());
        // `agree` opening the quote it shares with its short version `met`: named after `agree`.
        let detail =
            QuoteOpenDetail::new(&fixture().core, ClaimIndex(1), fixture().core.claim(ClaimIndex(1)).anchors[1]);
        assert_eq!((detail.claim.as_str(), detail.quote.as_str()), ("talks/agree", "q-agree-2"));
        assert_eq!(json(&detail.to_value()), serde_json::to_value(&detail).unwrap());
        for open in [true, false] {
            let toggle = SectionToggleDetail { id: "talks", open };
            assert_eq!(json(&toggle.to_value()), serde_json::to_value(&toggle).unwrap());
        }
    }

    #[test]
    fn the_typescript_declarations_match_what_is_exported() {
        let data = serde_json::to_value(SummitData::new(fixture())).unwrap();
        let section = &data["sections"][0];
        let claim = &section["claims"][0];
        assert_eq!(members("SummitData"), keys(&data));
        assert_eq!(members("SummitSection"), keys(section));
        assert_eq!(members("SummitClaim"), keys(claim));
        assert_eq!(members("SummitQuote"), keys(&claim["quotes"][0]));
        let detail =
            QuoteOpenDetail::new(&fixture().core, ClaimIndex(0), fixture().core.claim(ClaimIndex(0)).anchors[0]);
        assert_eq!(members("QuoteOpenDetail"), keys(&serde_json::to_value(detail).unwrap()));
        let toggle = SectionToggleDetail { id: "talks", open: true };
        assert_eq!(members("SectionToggleDetail"), keys(&serde_json::to_value(toggle).unwrap()));
        let mut options: Vec<String> = OPTIONS.iter().map(|(js, _)| js.to_string()).collect();
        options.sort();
        assert_eq!(members("MountOptions"), options);
    }

    /// The declarations are written from the real content: every public section id is in `SectionId`.
    #[test]
    fn the_typescript_section_ids_are_the_built_in_sections() {
        let ids: Vec<String> = Document::built_in().core.sections.iter().map(|s| format!("\"{}\"", s.id)).collect();
        assert!(TYPESCRIPT.contains(&format!("export type SectionId =\n  | {};", ids.join("\n  | "))));
    }
}
