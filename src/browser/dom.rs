//! The DOM output of the view: builds real nodes from a [`Node`] tree, text as text nodes, never parsing markup.
//! Also the strings a click passes to the DOM, made into JavaScript strings once ([`HotStrings`]).

use crate::prelude::*;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::hooks::{self, CLOSED_PANEL_HIDDEN};
use crate::html::Node;

/// What a section header's click passes to the DOM, as JavaScript strings made once: a Rust `&str` is copied
/// and decoded on every call, which was a fifth of a toggle's time (`closest`'s selector alone is 98 bytes).
pub(crate) struct HotStrings {
    /// [`hooks::CLICKABLE`].
    pub clickable: JsValue,
    /// [`hooks::TOGGLE`]'s name.
    pub toggle: JsValue,
    /// `aria-expanded`, and its two values.
    pub aria_expanded: JsValue,
    pub expanded: [JsValue; 2],
    /// `hidden`, and a closed panel's value of it.
    pub hidden: JsValue,
    pub until_found: JsValue,
}

impl HotStrings {
    /// Made once per explainer, when it starts ([`Model`](super::app)'s `hot`).
    pub(crate) fn new() -> HotStrings {
        HotStrings {
            clickable: hooks::CLICKABLE.into(),
            toggle: hooks::TOGGLE.name.into(),
            aria_expanded: "aria-expanded".into(),
            expanded: [hooks::aria_expanded(false).into(), hooks::aria_expanded(true).into()],
            hidden: "hidden".into(),
            until_found: CLOSED_PANEL_HIDDEN.into(),
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// An element, for the calls that take their strings as JavaScript values.
    #[wasm_bindgen(extends = Element)]
    type Hot;
    #[wasm_bindgen(method, catch, js_name = closest)]
    fn closest(this: &Hot, selectors: &JsValue) -> Result<Option<Element>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setAttribute)]
    fn set_attribute(this: &Hot, name: &JsValue, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = removeAttribute)]
    fn remove_attribute(this: &Hot, name: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, js_name = hasAttribute)]
    fn has_attribute(this: &Hot, name: &JsValue) -> bool;
    #[wasm_bindgen(method, js_name = getAttribute)]
    fn get_attribute(this: &Hot, name: &JsValue) -> Option<String>;

    /// A promise, for `then` with functions made in JavaScript already.
    type Thenable;
    #[wasm_bindgen(method, js_name = then)]
    fn then(this: &Thenable, fulfilled: &JsValue, rejected: &JsValue) -> JsValue;
}

/// Calls `then` once `promise` settles: `Ok` if it was fulfilled with nothing (as the clipboard's `writeText`
/// is), `Err` with the reason if it was rejected (or fulfilled with a value). One JavaScript function serves
/// both outcomes; JavaScript owns it (`into_js_value`), so it is freed with the promise's reactions, and
/// nothing is left behind; the page needs no futures runtime for its one promise. An `Fn`, like the
/// listeners, so the glue carries one kind of closure.
pub(crate) fn when_settled(promise: &web_sys::js_sys::Promise, then: impl FnOnce(Result<(), JsValue>) + 'static) {
    let then = core::cell::Cell::new(Some(then));
    let settled = Closure::<dyn Fn(JsValue)>::new(move |outcome: JsValue| {
        if let Some(then) = then.take() {
            then(if outcome.is_undefined() { Ok(()) } else { Err(outcome) })
        }
    })
    .into_js_value();
    promise.unchecked_ref::<Thenable>().then(&settled, &settled);
}

/// An element's attribute and `closest` calls with Rust strings, through the bindings above: the glue has
/// one import per DOM operation, whichever way its strings come (web-sys's methods of the same names would
/// each be a second import). Every module uses these, not web-sys's.
pub(crate) trait Attributes {
    /// `getAttribute`.
    fn attr(&self, name: &str) -> Option<String>;
    /// `setAttribute`.
    fn set_attr(&self, name: &str, value: &str) -> Result<(), JsValue>;
    /// `hasAttribute`.
    fn has_attr(&self, name: &str) -> bool;
    /// `removeAttribute`.
    fn remove_attr(&self, name: &str) -> Result<(), JsValue>;
    /// `closest`.
    fn closest_to(&self, selectors: &str) -> Result<Option<Element>, JsValue>;
}

impl Attributes for Element {
    fn attr(&self, name: &str) -> Option<String> {
        get_attribute_with(self, &JsValue::from_str(name))
    }

    fn set_attr(&self, name: &str, value: &str) -> Result<(), JsValue> {
        set_attribute_with(self, &JsValue::from_str(name), &JsValue::from_str(value))
    }

    fn has_attr(&self, name: &str) -> bool {
        has_attribute_with(self, &JsValue::from_str(name))
    }

    fn remove_attr(&self, name: &str) -> Result<(), JsValue> {
        remove_attribute_with(self, &JsValue::from_str(name))
    }

    fn closest_to(&self, selectors: &str) -> Result<Option<Element>, JsValue> {
        self.unchecked_ref::<Hot>().closest(&JsValue::from_str(selectors))
    }
}

/// `Element.closest`, with a selector already in JavaScript.
pub(crate) fn closest_with(element: &Element, selectors: &JsValue) -> Option<Element> {
    element.unchecked_ref::<Hot>().closest(selectors).ok().flatten()
}

/// `Element.setAttribute`, with the name and value already in JavaScript.
pub(crate) fn set_attribute_with(element: &Element, name: &JsValue, value: &JsValue) -> Result<(), JsValue> {
    element.unchecked_ref::<Hot>().set_attribute(name, value)
}

/// `Element.removeAttribute`, likewise.
pub(crate) fn remove_attribute_with(element: &Element, name: &JsValue) -> Result<(), JsValue> {
    element.unchecked_ref::<Hot>().remove_attribute(name)
}

/// `Element.hasAttribute`, likewise.
pub(crate) fn has_attribute_with(element: &Element, name: &JsValue) -> bool {
    element.unchecked_ref::<Hot>().has_attribute(name)
}

/// `Element.getAttribute`, likewise.
pub(crate) fn get_attribute_with(element: &Element, name: &JsValue) -> Option<String> {
    element.unchecked_ref::<Hot>().get_attribute(name)
}

/// The element right after `element`, if it is the one `relation` names (see [`hooks::Following`]). Only the
/// page's module, which reads its document from the markup, walks it.
#[cfg(feature = "page")]
pub(crate) fn following(element: &Element, relation: hooks::Following) -> Option<Element> {
    element.next_element_sibling().filter(|next| next.matches(relation.to.selector).unwrap_or(false))
}

/// Creates the DOM nodes for `node` (and its descendants) in `document`, detached.
pub fn build(document: &web_sys::Document, node: &Node) -> Result<web_sys::Node, JsValue> {
    match node {
        Node::Text(value) => Ok(document.create_text_node(value).into()),
        Node::Element(element) => {
            let dom = document.create_element(element.tag)?;
            for (name, value) in &element.attributes {
                dom.set_attr(name, value)?;
            }
            for child in &element.children {
                dom.append_child(&build(document, child)?)?;
            }
            Ok(dom.into())
        }
    }
}
