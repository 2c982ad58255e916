//! The browser layer: the only code that touches the DOM. It builds or finds the view's markup, owns the state,
//! and splits by direction: `events` turns DOM events into messages, `app` sends them through
//! `state::update`, `patch` carries out the patches on the markup and `command` the commands on the world
//! outside it; `listener` holds (and counts) the listeners.

use crate::prelude::*;

mod app;
mod command;
pub mod dom;
#[cfg(feature = "embed")]
pub mod embed;
mod events;
pub mod js;
mod listener;
#[cfg(feature = "page")]
pub mod markup;
mod patch;

pub use app::{Controller, EnhanceError, Explainer, Mode};
pub use command::{QUOTE_OPEN_EVENT, SECTION_TOGGLE_EVENT};
#[cfg(feature = "embed")]
pub use embed::{mount, Mounted};
pub use listener::live_listeners;

use wasm_bindgen::prelude::*;

use dom::Attributes;

#[cfg(all(target_arch = "wasm32", not(any(feature = "embed", feature = "page"))))]
compile_error!("the wasm module needs a way in: the `embed` feature, the `page` feature, or both");

/// Reports a panic: to the console, with its message if it is plain text and where it struck, and in every
/// explainer on the page, which says in its own box that it stopped ([`report_failure`]); the host page goes
/// on. The message and the place are joined by hand: formatting them would bring Rust's formatting machinery
/// into the page's wasm for this alone.
fn report_panic(message: Option<&str>, at: Option<&core::panic::Location>) {
    let message = message.unwrap_or("a panic whose message is not plain text");
    let place = at.map(|at| [" at ", at.file(), ":", &crate::text::number(at.line() as usize)].concat());
    let said = ["summit-explainer: panicked: ", message, &place.unwrap_or_default()].concat();
    web_sys::console::error_1(&JsValue::from_str(&said));
    report_failure();
}

/// The page's module has no `std` (the `std` feature), so it is its own panic handler: it reports the panic
/// once, then stops the wasm (`unreachable`), as `std`'s `panic = "abort"` does. A panic while reporting one
/// stops at once. Only a message that is a plain literal is shown: one formatted at run time (an index out of
/// bounds, `unwrap` and `expect`, a `RefCell` already borrowed) is not, and the place is.
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    use core::sync::atomic::{AtomicBool, Ordering};
    static PANICKED: AtomicBool = AtomicBool::new(false);
    if !PANICKED.swap(true, Ordering::Relaxed) {
        report_panic(info.message().as_str(), info.location());
    }
    core::arch::wasm32::unreachable()
}

/// Runs when the module is instantiated: with `std`, its panic hook reports a panic ([`report_panic`]);
/// without, the module's panic handler does.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "std")]
    std::panic::set_hook(Box::new(|info| report_panic(info.payload_as_str(), info.location())));
}

/// Marks every explainer in the page as failed and puts [`view::failure_notice`] first in each, once: the
/// page's and the iframe's (`[data-se-root]` in the document) and each mounted one's (in its shadow root).
/// It runs inside the panic hook, so it borrows no state (the panic may have struck mid-update), only the
/// registry if it is free, and it ignores every DOM error: reporting must not panic again.
///
/// [`view::failure_notice`]: crate::view::failure_notice
pub fn report_failure() {
    use crate::hooks::FAILED;
    use crate::view::failure_notice;
    let Some(document) = the_window().and_then(|w| w.document()) else { return };
    let mut roots = Vec::new();
    if let Ok(found) = document.query_selector_all(crate::hooks::ROOT.selector) {
        roots.extend((0..found.length()).filter_map(|i| found.item(i)).filter_map(|n| n.dyn_into().ok()));
    }
    #[cfg(feature = "embed")]
    roots.extend(embed::mounted_roots());
    for root in roots {
        let root: web_sys::Element = root;
        if root.has_attr(FAILED.name) {
            continue;
        }
        let _ = root.set_attr(FAILED.name, "");
        if let Ok(notice) = dom::build(&document, &failure_notice().into_node()) {
            let _ = root.insert_before(&notice, root.first_child().as_ref());
        }
    }
}

/// How many DOM listeners the explainers hold (for leak tests: back to its old value once they are unmounted).
#[wasm_bindgen(js_name = liveListeners)]
pub fn live_listeners_js() -> usize {
    live_listeners()
}

/// Enhances the prerendered explainer in the page (`[data-se-root]`): sections become toggles, quote links
/// mark and focus their quote, and the URL fragment opens what it names. On any problem the static page is
/// left as it is, readable, and the error says what was missing. Its explainer lives as long as the page, so
/// it is enhanced once: a second call finds it enhanced and does nothing, and a call after the page's root
/// was replaced by one not marked enhanced is an error, since the first explainer's listeners on the window
/// are still there and a second explainer would answer every fragment twice. (A copy of the enhanced root
/// keeps the mark, and is taken for it.)
/// Only a module with the `page` feature has it: an embed renders its explainer itself.
#[cfg(feature = "page")]
#[wasm_bindgen(js_name = enhancePage)]
pub fn enhance_page() -> Result<(), JsError> {
    use core::sync::atomic::{AtomicBool, Ordering};
    static ENHANCED: AtomicBool = AtomicBool::new(false);
    let root =
        document().query_selector(crate::hooks::ROOT.selector).ok().flatten().ok_or_else(|| {
            JsError::new("summit-explainer: the page has no explainer (an element with data-se-root)")
        })?;
    if root.has_attr(crate::hooks::ENHANCED.name) {
        return Ok(());
    }
    if ENHANCED.load(Ordering::Relaxed) {
        return Err(JsError::new(
            "summit-explainer: enhancePage runs once per page, and the page's root was replaced after it ran",
        ));
    }
    let mode = Mode::page();
    let enhanced = markup::read(&root, &mode.id_prefix).and_then(|document| Explainer::enhance(root, document, mode));
    let explainer = enhanced.map_err(|e| JsError::new(&e.message()))?;
    ENHANCED.store(true, Ordering::Relaxed);
    // The page's explainer lives as long as the page: it is never dropped, so its listeners stay.
    core::mem::forget(explainer);
    Ok(())
}

/// The window; every page the explainer runs in has one.
pub fn window() -> web_sys::Window {
    the_window().expect_throw("summit-explainer needs a window")
}

#[wasm_bindgen]
extern "C" {
    /// The global `window`, if there is one: one import, read once, where `web_sys::window()` probes four
    /// names of the global object for it and checks what it found.
    #[wasm_bindgen(thread_local_v2, js_name = window)]
    static WINDOW: Option<web_sys::Window>;
}

fn the_window() -> Option<web_sys::Window> {
    WINDOW.with(Clone::clone)
}

/// The window's document.
pub fn document() -> web_sys::Document {
    window().document().expect_throw("summit-explainer needs a document")
}
