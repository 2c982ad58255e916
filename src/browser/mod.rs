//! The browser layer: the only code that touches the DOM. It builds or finds the view's markup, owns the state,
//! turns events into messages and applies the effects that `state::update` returns.

mod app;
pub mod dom;
pub mod embed;

pub use app::{Controller, EnhanceError, Explainer, Mode, ENHANCED_ATTRIBUTE, QUOTE_OPEN_EVENT, SECTION_TOGGLE_EVENT};
pub use embed::{mount, Mounted};

use wasm_bindgen::prelude::*;

use std::cell::RefCell;

thread_local! {
    /// The standalone page's explainer, kept alive for the life of the page (and dropped, listeners with it,
    /// if the page is enhanced again).
    static PAGE: RefCell<Option<Explainer>> = const { RefCell::new(None) };
}

/// Runs when the module is instantiated: panics are reported to the console instead of vanishing.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("summit-explainer: {info}")));
    }));
}

/// Enhances the prerendered explainer in the page (`[data-se-root]`): sections become toggles, quote links
/// mark and focus their quote, and the URL fragment opens what it names. On any problem the static page is
/// left as it is, readable, and the error says what was missing.
#[wasm_bindgen(js_name = enhancePage)]
pub fn enhance_page() -> Result<(), JsError> {
    let root = document()
        .query_selector("[data-se-root]")
        .ok()
        .flatten()
        .ok_or_else(|| JsError::new("summit-explainer: no [data-se-root] element in the page"))?;
    let explainer = Explainer::enhance(root, Mode::page()).map_err(|e| JsError::new(&e.to_string()))?;
    PAGE.with(|page| page.replace(Some(explainer)));
    Ok(())
}

/// The window; every page the explainer runs in has one.
pub fn window() -> web_sys::Window {
    web_sys::window().expect_throw("summit-explainer needs a window")
}

/// The window's document.
pub fn document() -> web_sys::Document {
    window().document().expect_throw("summit-explainer needs a document")
}
