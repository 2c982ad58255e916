//! The core's part of the document as the standalone page's own module knows it: read back from the
//! prerendered markup, not compiled in. [`scan`] reads markup (the DOM in the browser, the view's own tree
//! natively: one read-only [`Markup`] trait for both) into a [`Scanned`] (ids and texts, as the view wrote
//! them); [`assemble`] turns that into the [`Core`] that state, routing, search and storage read, checking that
//! every place it names is where the markup says, so that the page's module carries no content of its own.
//!
//! The core it makes is complete: the native tests check that it equals the core of the document the markup
//! was written from. What only the view reads (the article around the quotes, paragraphs, the speakers'
//! structured data, the glance) the page's module neither needs nor has.

use crate::prelude::*;

use crate::document::{Anchor, Citation, ClaimEntry, Core, Place};
use crate::hooks::{self, Following, Hook};
use crate::model::{AnchorIndex, Claim, ClaimIndex, Section};
use crate::route::{Target, OVERVIEW_ID};

/// Markup to read, read-only, through the hooks the view writes: the DOM (`browser::markup`) or, natively,
/// the view's own tree ([`NativeMarkup`]), so that reading the view's output is tested without a browser.
pub trait Markup: Sized {
    /// Why a lookup failed (natively, never).
    type Error;
    /// The error for markup that lacks what the scan looks for.
    fn unreadable(message: String) -> Self::Error;
    /// The elements inside this one that carry `hook`, in document order.
    fn all(&self, hook: Hook) -> Result<Vec<Self>, Self::Error>;
    /// The first of them.
    fn first(&self, hook: Hook) -> Result<Option<Self>, Self::Error>;
    /// The element inside this one with the id `id`.
    fn with_id(&self, id: &str) -> Result<Option<Self>, Self::Error>;
    /// The value of the attribute `name`.
    fn attribute(&self, name: &str) -> Option<String>;
    /// Its text, as `textContent` reads it.
    fn text(&self) -> String;
    /// The element right after this one, if it is the one `relation` names.
    fn following(&self, relation: Following) -> Option<Self>;
}

/// Reads what the markup under `root` says (its ids without `prefix`).
pub fn scan<M: Markup>(root: &M, prefix: &str) -> Result<Scanned, M::Error> {
    let text =
        |within: &M, hook: Hook| -> Result<Option<String>, M::Error> { Ok(within.first(hook)?.map(|e| e.text())) };
    let unprefixed = |value: String| value.strip_prefix(prefix).map(str::to_string);
    let id = |element: &M| element.attribute("id").and_then(unprefixed).unwrap_or_default();
    let link_targets = |within: &M, hook: Hook| -> Result<Vec<String>, M::Error> {
        Ok(within
            .all(hook)?
            .iter()
            .filter_map(|link| link.attribute("href"))
            .filter_map(|href| href.strip_prefix('#').map(str::to_string))
            .filter_map(unprefixed)
            .collect())
    };
    let mut scanned = Scanned::default();
    for button in root.all(hooks::TOGGLE)? {
        let id = button.attribute(hooks::TOGGLE.name).unwrap_or_default();
        let section = root
            .with_id(&[prefix, &id].concat())?
            .ok_or_else(|| M::unreadable(["section \"", &id, "\" has no element with its id"].concat()))?;
        // What the view always writes is required: a part the markup lacks is refused, never read as empty.
        let lacks = |what: &str| M::unreadable(["section \"", &id, "\" has no ", what].concat());
        let title = text(&button, hooks::TOGGLE_TITLE)?.ok_or_else(|| lacks(hooks::TOGGLE_TITLE.selector))?;
        let summary = text(&section, hooks::SUMMARY)?.ok_or_else(|| lacks(hooks::SUMMARY.selector))?;
        scanned.sections.push(ScannedSection { id, title, summary });
    }
    for claim in root.all(hooks::CLAIM)? {
        let id = id(&claim);
        let lacks = || M::unreadable(["claim \"", &id, "\" has no ", hooks::CLAIM_TEXT.selector].concat());
        scanned.claims.push(ScannedClaim {
            statement: text(&claim, hooks::CLAIM_TEXT)?.ok_or_else(lacks)?,
            id,
            attribution: text(&claim, hooks::ATTRIBUTION)?,
            note: text(&claim, hooks::NOTE_TEXT)?,
            quotes: claim.all(hooks::CITE_WORDS)?.iter().map(M::text).collect(),
            in_full: link_targets(&claim, hooks::SEE)?,
        });
    }
    for mark in root.all(hooks::QUOTE_MARK)? {
        let cited_by = match mark.following(hooks::QUOTE_BACKREFS) {
            Some(backrefs) => link_targets(&backrefs, hooks::BACKREF)?,
            None => Vec::new(),
        };
        scanned.quotes.push(ScannedQuote { id: id(&mark), text: mark.text(), cited_by });
    }
    Ok(scanned)
}

/// The view's own tree as [`Markup`]: an element, with the element right after it where it has one (for the
/// native tests; nothing in the shipped wasm uses it, so the linker drops it).
#[derive(Debug, Clone, Copy)]
pub struct NativeMarkup<'a> {
    element: &'a crate::html::Element,
    next: Option<&'a crate::html::Element>,
}

impl<'a> NativeMarkup<'a> {
    /// The markup of `root` (the view's output).
    pub fn new(root: &'a crate::html::Element) -> NativeMarkup<'a> {
        NativeMarkup { element: root, next: None }
    }

    /// Every element inside this one, in document order, for which `wanted` holds.
    fn descendants(&self, wanted: &dyn Fn(&crate::html::Element) -> bool) -> Vec<NativeMarkup<'a>> {
        fn walk<'a>(
            element: &'a crate::html::Element,
            wanted: &dyn Fn(&crate::html::Element) -> bool,
            out: &mut Vec<NativeMarkup<'a>>,
        ) {
            let children: Vec<&crate::html::Element> = element
                .children
                .iter()
                .filter_map(|child| match child {
                    crate::html::Node::Element(e) => Some(e),
                    crate::html::Node::Text(_) => None,
                })
                .collect();
            for (i, &child) in children.iter().enumerate() {
                if wanted(child) {
                    out.push(NativeMarkup { element: child, next: children.get(i + 1).copied() });
                }
                walk(child, wanted, out);
            }
        }
        let mut out = Vec::new();
        walk(self.element, wanted, &mut out);
        out
    }
}

/// Whether `element` carries `hook` (its class among its classes, or its attribute), as its selector matches.
fn carries(element: &crate::html::Element, hook: Hook) -> bool {
    match hook.selector.as_bytes()[0] {
        b'.' => element.attribute("class").is_some_and(|classes| classes.split(' ').any(|c| c == hook.name)),
        _ => element.attribute(hook.name).is_some(),
    }
}

impl Markup for NativeMarkup<'_> {
    type Error = String;

    fn unreadable(message: String) -> String {
        message
    }

    fn all(&self, hook: Hook) -> Result<Vec<Self>, String> {
        Ok(self.descendants(&|element| carries(element, hook)))
    }

    fn first(&self, hook: Hook) -> Result<Option<Self>, String> {
        Ok(self.all(hook)?.into_iter().next())
    }

    fn with_id(&self, id: &str) -> Result<Option<Self>, String> {
        Ok(self.descendants(&|element| element.attribute("id") == Some(id)).into_iter().next())
    }

    fn attribute(&self, name: &str) -> Option<String> {
        self.element.attribute(name).map(str::to_string)
    }

    fn text(&self) -> String {
        crate::html::Node::Element(self.element.clone()).text_content()
    }

    fn following(&self, relation: Following) -> Option<Self> {
        self.next.filter(|next| carries(next, relation.to)).map(NativeMarkup::new)
    }
}

/// What the markup says, as the browser layer reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scanned {
    /// The sections, in page order.
    pub sections: Vec<ScannedSection>,
    /// The claims, in page order (the overview's first).
    pub claims: Vec<ScannedClaim>,
    /// The quotes marked in the article, in its order.
    pub quotes: Vec<ScannedQuote>,
}

/// A section's header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScannedSection {
    /// Its id (`data-se-toggle`).
    pub id: String,
    /// Its title, as the header shows it.
    pub title: String,
    /// The sentence under the header.
    pub summary: String,
}

/// A claim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScannedClaim {
    /// Its element's id without the instance's prefix: `space/first-non-american`, `overview/state-visit`.
    pub id: String,
    /// The statement.
    pub statement: String,
    /// The attribution line, if it has one.
    pub attribution: Option<String>,
    /// The editor's note, if it has one.
    pub note: Option<String>,
    /// Its quotes' words as listed under it, in order (with the curly quotes the view adds).
    pub quotes: Vec<String>,
    /// For a short version, the claims in full its links lead to, without `#` and prefix.
    pub in_full: Vec<String>,
}

/// A quote marked in the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScannedQuote {
    /// Its element's id without the prefix: `q-first-non-american-1`.
    pub id: String,
    /// Its words.
    pub text: String,
    /// The claims its way-back links lead to, without `#` and prefix.
    pub cited_by: Vec<String>,
}

/// Makes the core `scanned` describes, or says what in the markup does not fit together. The core lives as
/// long as the page (it is leaked, once per enhancement).
pub fn assemble(scanned: Scanned) -> Result<&'static Core, String> {
    let sections: Vec<Section> = scanned
        .sections
        .iter()
        .map(|s| Section { id: leak_str(&s.id), title: leak_str(&s.title), summary: leak_str(&s.summary) })
        .collect();
    let section_of = |id: &str| sections.iter().position(|s| s.id == id);

    // Places: the overview's claims first, then each section's, in the sections' order.
    let mut places = Vec::with_capacity(scanned.claims.len());
    for claim in &scanned.claims {
        let (part, _) =
            claim.id.split_once('/').ok_or_else(|| ["claim \"", &claim.id, "\" has no part in its id"].concat())?;
        places.push(match part {
            OVERVIEW_ID => Place::Overview,
            section => Place::Section(
                section_of(section)
                    .ok_or_else(|| ["claim \"", &claim.id, "\": no section \"", section, "\""].concat())?,
            ),
        });
    }
    let rank = |place: &Place| match *place {
        Place::Overview => 0,
        Place::Section(section) => section + 1,
    };
    if places.windows(2).any(|pair| rank(&pair[0]) > rank(&pair[1])) {
        return Err("the claims are not in page order (the overview's, then each section's)".into());
    }
    let range_of = |wanted: Place| {
        let start = places
            .iter()
            .position(|p| *p == wanted)
            .unwrap_or_else(|| places.iter().filter(|p| rank(p) < rank(&wanted)).count());
        start..start + places.iter().filter(|p| **p == wanted).count()
    };
    let overview_claims = range_of(Place::Overview);
    let section_claims: Vec<_> = (0..sections.len()).map(|s| range_of(Place::Section(s))).collect();

    let anchor_with_words = |words: &str| {
        let bare = words.strip_prefix('\u{201c}').and_then(|w| w.strip_suffix('\u{201d}'));
        let find = |text: &str| scanned.quotes.iter().position(|q| q.text == text);
        find(words).or_else(|| bare.and_then(find)).map(AnchorIndex)
    };

    // Each claim's quotes: those listed under it, in order; an overview claim lists none, and its quotes are
    // those whose way back leads to it, in the article's order.
    let mut anchors_of = Vec::with_capacity(scanned.claims.len());
    for (index, claim) in scanned.claims.iter().enumerate() {
        let anchors: Vec<AnchorIndex> = match places[index] {
            Place::Section(_) => claim
                .quotes
                .iter()
                .map(|words| {
                    anchor_with_words(words).ok_or_else(|| {
                        ["claim \"", &claim.id, "\" quotes words the article does not mark: ", words].concat()
                    })
                })
                .collect::<Result<_, _>>()?,
            Place::Overview => (0..scanned.quotes.len())
                .filter(|&q| scanned.quotes[q].cited_by.contains(&claim.id))
                .map(AnchorIndex)
                .collect(),
        };
        anchors_of.push(anchors);
    }
    let mut citations: Vec<Vec<Citation>> = vec![Vec::new(); scanned.quotes.len()];
    for (claim, anchors) in anchors_of.iter().enumerate() {
        for (quote, anchor) in anchors.iter().enumerate() {
            citations[anchor.0].push(Citation { claim: ClaimIndex(claim), quote });
        }
    }
    for (quote, citing) in scanned.quotes.iter().zip(&citations) {
        let named: Vec<&str> = citing.iter().map(|c| scanned.claims[c.claim.0].id.as_str()).collect();
        if citing.is_empty() || named != quote.cited_by {
            return Err([
                "quote \"",
                &quote.id,
                "\" is cited by ",
                &spaced(named.iter().copied()),
                ", but its way back leads to ",
                &spaced(quote.cited_by.iter().map(String::as_str)),
            ]
            .concat());
        }
    }

    let mut claims = Vec::with_capacity(scanned.claims.len());
    for ((claim, place), anchors) in scanned.claims.iter().zip(places).zip(anchors_of) {
        let (_, id) = claim.id.split_once('/').ok_or_else(|| ["claim \"", &claim.id, "\" is in no part"].concat())?;
        let in_full = claim
            .in_full
            .iter()
            .map(|full| {
                let index = scanned.claims.iter().position(|other| other.id == *full);
                index
                    .map(ClaimIndex)
                    .ok_or_else(|| ["claim \"", &claim.id, "\" links to no claim \"", full, "\""].concat())
            })
            .collect::<Result<Vec<_>, _>>()?;
        claims.push(ClaimEntry {
            claim: Claim {
                id: leak_str(id),
                statement: leak_str(&claim.statement),
                attribution: claim.attribution.as_deref().map(leak_str),
                note: claim.note.as_deref().map(leak_str),
            },
            place,
            anchors: leak(anchors),
            in_full: leak(in_full),
        });
    }
    let anchors = scanned
        .quotes
        .iter()
        .zip(citations)
        .map(|(quote, cited_by)| Anchor { text: leak_str(&quote.text), cited_by: leak(cited_by) })
        .collect();
    let core: &'static Core = Box::leak(Box::new(Core {
        sections: leak(sections),
        claims: leak(claims),
        overview_claims,
        section_claims: leak(section_claims),
        anchors: leak(anchors),
    }));
    // Every place is named as the markup names it, so links, ids and the fragment parser agree.
    for (index, quote) in scanned.quotes.iter().enumerate() {
        let named = Target::Anchor(AnchorIndex(index)).fragment(core);
        if named != quote.id {
            return Err(["quote \"", &quote.id, "\" would be called \"", &named, "\""].concat());
        }
    }
    Ok(core)
}

/// The names, with a space between each two (`join`, without its generic copy in the wasm).
fn spaced<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for name in names {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(name);
    }
    out
}

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_string().into_boxed_str())
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::document::Document;

    /// What the standalone page prerenders of `document`, read back by the scan the browser runs on the DOM.
    fn scan_view(document: &Document) -> Scanned {
        let page = crate::page::prerendered_view(document);
        scan(&NativeMarkup::new(&page), "").unwrap()
    }

    #[test]
    fn the_document_read_back_from_the_markup_is_the_one_the_core_was_given() {
        for document in [Document::fixture(), Document::built_in()] {
            let read = assemble(scan_view(document)).unwrap();
            assert_eq!(*read, document.core);
        }
    }

    #[test]
    fn markup_that_does_not_fit_together_is_refused_with_what_is_wrong() {
        let document = Document::fixture();
        let refused = |change: &dyn Fn(&mut Scanned)| {
            let mut scanned = scan_view(document);
            change(&mut scanned);
            assemble(scanned).unwrap_err()
        };
        assert_eq!(
            refused(&|s| s.claims.swap(0, 1)),
            "the claims are not in page order (the overview's, then each section's)"
        );
        assert_eq!(refused(&|s| s.claims[1].id = "moon/agree".into()), "claim \"moon/agree\": no section \"moon\"");
        assert_eq!(
            refused(&|s| s.claims[1].quotes[0] = "\u{201c}Nobody said this.\u{201d}".into()),
            "claim \"talks/agree\" quotes words the article does not mark: \u{201c}Nobody said this.\u{201d}"
        );
        assert_eq!(
            refused(&|s| s.quotes[0].cited_by.pop().map(drop).unwrap_or(())),
            "quote \"q-agree-1\" is cited by overview/met talks/agree talks/ran-late, but its way back leads to overview/met talks/agree"
        );
        assert_eq!(refused(&|s| s.quotes[0].id = "q-met-1".into()), "quote \"q-met-1\" would be called \"q-agree-1\"");
    }

    /// The page's markup without every element of `class`.
    fn without(element: &crate::html::Element, class: &str) -> crate::html::Element {
        let mut kept = element.clone();
        kept.children = element
            .children
            .iter()
            .filter(|child| !matches!(child, crate::html::Node::Element(e) if e.attribute("class") == Some(class)))
            .map(|child| match child {
                crate::html::Node::Element(e) => crate::html::Node::Element(without(e, class)),
                text => text.clone(),
            })
            .collect();
        kept
    }

    #[test]
    fn markup_that_lacks_a_part_the_view_always_writes_is_refused_not_read_as_empty() {
        let page = crate::page::prerendered_view(Document::fixture());
        let scanned = |class: &str| scan(&NativeMarkup::new(&without(&page, class)), "").map(|_| ()).unwrap_err();
        assert_eq!(scanned(hooks::TOGGLE_TITLE.name), "section \"talks\" has no .se-toggle-title");
        assert_eq!(scanned(hooks::SUMMARY.name), "section \"talks\" has no .se-section-summary");
        assert_eq!(scanned(hooks::CLAIM_TEXT.name), "claim \"overview/met\" has no .se-claim-text");
    }
}
