//! What the browser tests share: the page's document, a host element of the host's own, the explainer inside
//! what `mount()` added, element lookup, a section's state as header and panel show it, and what the tests
//! need to know about the content.
//!
//! The page and the embeds render the content this build ships ([`Document::built_in`]), which editors change
//! at will. So the tests name only the public section ids ([`PUBLIC_SECTIONS`]) and read everything else —
//! claims, quotes, counts, texts — from the compiled document at run time: adding or moving a claim never
//! breaks them.
//!
//! Each test file includes it with `mod support;` and uses what it needs.

#![allow(dead_code)] // Not every test file uses every helper.

use summit_explainer::document::{AnchorIndex, ClaimIndex, Document};
use summit_explainer::route::Target;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The section ids of the public interface (deep links, embed options): these stay whatever the content does.
pub const PUBLIC_SECTIONS: [&str; 5] =
    ["defense-integration", "missile-defense", "space", "people-to-people", "economic-friction"];

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The explainer the page and every embed render.
pub fn summit() -> &'static Document {
    Document::built_in()
}

/// Every section id of the explainer, in page order.
pub fn section_ids() -> Vec<&'static str> {
    summit().core.sections.iter().map(|section| section.id).collect()
}

/// The index of a section, by id (one of [`PUBLIC_SECTIONS`]).
pub fn section_index(id: &str) -> usize {
    summit().core.section_index(id).unwrap_or_else(|| panic!("the explainer has no section {id:?}"))
}

/// The claims of a section, in order.
pub fn claims_of(section: &str) -> Vec<ClaimIndex> {
    summit().core.section_claims[section_index(section)].clone().map(ClaimIndex).collect()
}

/// The first claim of a section.
pub fn first_claim_of(section: &str) -> ClaimIndex {
    *claims_of(section).first().unwrap_or_else(|| panic!("section {section:?} has no claim"))
}

/// A claim's element id and deep link, without prefix: `space/first-claim`.
pub fn claim_id(claim: ClaimIndex) -> String {
    Target::Claim(claim).fragment(&summit().core)
}

/// A claim's first quote (the first link under the claim).
pub fn first_quote(claim: ClaimIndex) -> AnchorIndex {
    summit().core.claim(claim).anchors[0]
}

/// A quote's element id in the article and its fragment, without prefix: `q-first-claim-1`.
pub fn quote_id(anchor: AnchorIndex) -> String {
    Target::Anchor(anchor).fragment(&summit().core)
}

/// A fresh element in the page holding one paragraph of the host's own.
pub fn host_element() -> Element {
    let host = document().create_element("div").unwrap();
    let paragraph = document().create_element("p").unwrap();
    paragraph.set_text_content(Some("The host's own paragraph."));
    host.append_child(&paragraph).unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// The explainer's root inside what `mount()` added to `host` (a wrapper with a shadow root).
pub fn root_in(host: &Element) -> HtmlElement {
    let wrapper = find(host, ":scope > [data-se-mount]");
    let shadow = wrapper.shadow_root().expect("mount() renders into a shadow root");
    shadow.query_selector("[data-se-root]").unwrap().expect("the explainer is in the shadow root").unchecked_into()
}

pub fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}")).unchecked_into()
}

/// Whether `section` is open, after checking that its header's `aria-expanded` and its panel's `hidden` agree.
pub fn is_open(root: &Element, section: &str) -> bool {
    let expanded = find(root, &format!("[data-se-toggle=\"{section}\"]")).get_attribute("aria-expanded");
    let hidden = find(root, &format!("[data-se-panel=\"{section}\"]")).has_attribute("hidden");
    assert_eq!(expanded.as_deref() == Some("true"), !hidden, "{section}: header and panel agree");
    !hidden
}
