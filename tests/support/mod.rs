//! What the browser tests share: the page's document, a host element of the host's own, the explainer inside
//! what `mount()` added, element lookup, and a section's state as header and panel show it.
//!
//! Each test file includes it with `mod support;` and uses what it needs.

#![allow(dead_code)] // Not every test file uses every helper.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
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
