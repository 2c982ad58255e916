//! The embedding API: `mount()` for scripts, `mountElement()` for the `<summit-explainer>` shim
//! (`www/embed.js`) and `mountFrame()` for `frame.html`; each parses its options in the pure core and
//! starts an [`Explainer`] that a registry owns until `unmount()`.
//!
//! The element and `mount()` render into a shadow root with the component's stylesheet adopted (compiled in,
//! so no URL, request or flash of unstyled content): the host's CSS cannot break the explainer and its CSS
//! cannot touch the host. Hosts theme it through `--se-*` custom properties and `::part(…)`.

use core::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use web_sys::js_sys::Array;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::browser::dom::Attributes;
use crate::browser::{document, dom, js, Controller, EnhanceError, Explainer, Mode};
use crate::document::Document;
use crate::export::{SummitData, TYPESCRIPT};
use crate::options::{self, EmbedOptions};
use crate::state::Msg;
use crate::ui::ViewOptions;
use crate::value::Value;
use crate::view::error_box;

#[wasm_bindgen(typescript_custom_section)]
const _: &str = TYPESCRIPT;

thread_local! {
    /// How many instances this page has started: the `n` of their `se<n>-` id prefixes.
    static INSTANCES: Cell<u32> = const { Cell::new(0) };
    /// Every mounted explainer, by instance number. The registry owns them, not the JavaScript handles: a
    /// host that drops its handle (and lets it be garbage-collected) keeps a working explainer.
    static LIVE: RefCell<Vec<Live>> = const { RefCell::new(Vec::new()) };
    /// The component's stylesheet, parsed once and adopted by every shadow root.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// The component's styles (`www/explainer.css`, as the build ships it), for the shadow roots.
const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/explainer.css"));

/// A mounted explainer and the outermost node it added, which `unmount()` removes.
struct Live {
    instance: u32,
    explainer: Explainer,
    added: Element,
}

/// The roots of the mounted explainers, if the registry is free (it is not while a mount is being changed);
/// for [`crate::browser::report_failure`], which must not panic.
pub(crate) fn mounted_roots() -> Vec<Element> {
    LIVE.with(|live| {
        let Ok(live) = live.try_borrow() else { return Vec::new() };
        live.iter()
            .filter_map(|live| match live.added.shadow_root() {
                // mount(): the wrapper it added holds the explainer in its shadow root.
                Some(shadow) => shadow.query_selector(crate::hooks::ROOT.selector).ok().flatten(),
                // The element and the iframe: what was added is the explainer's root.
                None => Some(live.added.clone()),
            })
            .collect()
    })
}

/// How many explainers are mounted and not yet unmounted (for leak tests).
#[wasm_bindgen(js_name = liveInstances)]
pub fn live_instances() -> usize {
    LIVE.with(|live| live.borrow().len())
}

/// A mounted explainer. `unmount()` removes every node and listener it added; until then `openSection(id)` and
/// `closeSection(id)` drive it from the host.
#[wasm_bindgen]
pub struct Mounted {
    instance: u32,
}

#[wasm_bindgen]
impl Mounted {
    /// Opens section `id` (one of those shown), as if the reader had opened it; `section-toggle` follows.
    /// Called from a listener of the explainer's own action (a focus it moved, a `section-toggle`), the section
    /// opens once that action is done.
    #[wasm_bindgen(js_name = openSection)]
    pub fn open_section(&self, #[wasm_bindgen(unchecked_param_type = "SectionId")] id: &str) -> Result<(), JsError> {
        self.set_open(id, true)
    }

    /// Closes section `id` (one of those shown); `section-toggle` follows.
    #[wasm_bindgen(js_name = closeSection)]
    pub fn close_section(&self, #[wasm_bindgen(unchecked_param_type = "SectionId")] id: &str) -> Result<(), JsError> {
        self.set_open(id, false)
    }

    /// The ids of the sections open now, in display order.
    #[wasm_bindgen(js_name = openSections, unchecked_return_type = "SectionId[]")]
    pub fn open_sections(&self) -> Vec<String> {
        let Some(controller) = self.controller() else { return Vec::new() };
        let state = controller.state();
        let sections = content().core.sections;
        state.shown.iter().filter(|&&s| state.open[s]).map(|&s| sections[s].id.to_string()).collect()
    }

    /// Removes the explainer's nodes and listeners. Calling it again does nothing.
    pub fn unmount(&self) {
        let taken = LIVE.with(|live| {
            let mut live = live.borrow_mut();
            let position = live.iter().position(|live| live.instance == self.instance)?;
            Some(live.remove(position))
        });
        // Dropped outside the registry's borrow: dropping runs no host code, but keep the borrow short.
        if let Some(Live { explainer, added, .. }) = taken {
            drop(explainer);
            added.remove();
        }
    }

    /// Whether the explainer is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.controller().is_some()
    }

    fn controller(&self) -> Option<Controller> {
        LIVE.with(|live| {
            live.borrow().iter().find(|live| live.instance == self.instance).map(|live| live.explainer.controller())
        })
    }

    fn set_open(&self, id: &str, open: bool) -> Result<(), JsError> {
        let explainer = self.controller().ok_or_else(|| error("this explainer has been unmounted"))?;
        let document = &content().core;
        let state = explainer.state();
        let shown: Vec<&str> = state.shown.iter().map(|&s| document.sections[s].id).collect();
        match document.section_index(id).filter(|s| state.shown.contains(s)) {
            Some(section) => {
                explainer.dispatch(Msg::SetOpen(section, open));
                Ok(())
            }
            None => Err(error(&format!(
                "unknown section {}; this explainer shows {}",
                crate::value::Quoted(id),
                shown.join(", ")
            ))),
        }
    }
}

/// Builds the explainer into `element` (appended after what it holds, in a shadow root of its own) and
/// starts it. Events are sent from `element`.
///
/// Bad options throw an `Error` that names the option, the value and what is allowed, and leave `element`
/// as it was; anything but an element to mount into throws a `TypeError` that says what was expected.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: Option<JsValue>,
) -> Result<Mounted, JsValue> {
    let element = element.dyn_into::<Element>().map_err(|value| {
        let what = if value.is_null() {
            options::NotAnElement::Null
        } else if value.is_undefined() {
            options::NotAnElement::Undefined
        } else if let Some(text) = value.as_string() {
            options::NotAnElement::Text(text)
        } else {
            let described = js::from_js(&value).map(|v| v.describe());
            options::NotAnElement::Other(described.unwrap_or_else(|_| "a function, a symbol or a bigint".to_string()))
        };
        JsValue::from(web_sys::js_sys::TypeError::new(&what.to_string()))
    })?;
    mount_into(element, options).map_err(JsValue::from)
}

fn mount_into(element: Element, options: Option<JsValue>) -> Result<Mounted, JsError> {
    let document = &content().core;
    let value = match options {
        None => Value::Null,
        Some(js) if js.is_null() || js.is_undefined() => Value::Null,
        Some(js) => js::from_js(&js).map_err(|e| error(&e.to_string()))?,
    };
    let options = options::from_js(document, &value).map_err(|e| error(&e.to_string()))?;
    if element.query_selector(crate::hooks::OWN_MOUNT).ok().flatten().is_some() {
        return Err(error("this element already holds an explainer; unmount() it first"));
    }
    let prefix = options.id_prefix(&element.id(), next_instance()).map_err(|e| error(&e.to_string()))?;
    let started = (|| {
        let wrapper = crate::browser::document().create_element("div")?;
        wrapper.set_attr(crate::hooks::MOUNT.name, "")?;
        let container = container_in(&shadow_of(&wrapper)?)?;
        element.append_child(&wrapper)?;
        Ok::<_, JsValue>((wrapper, container))
    })();
    let (wrapper, container) = started.map_err(|e| error(&js::describe_error(&e)))?;
    let mode = Mode::embed(prefix, options.deep_links, element);
    let view = options.view_options(mode.id_prefix.clone(), None);
    render(&container, content(), &options, &view, mode, Some(wrapper.clone())).map_err(|e| {
        wrapper.remove();
        error(&e)
    })
}

/// The `<summit-explainer>` element: reads `host`'s attributes and builds the explainer into `host`'s shadow
/// root (made the first time), replacing what it showed before. Events are sent from `host`.
/// `article_url` is the complete explainer, for quote links when the article is hidden (empty for none: quotes
/// are then shown with their paragraph numbers, unlinked, as `mount()` shows them). On bad attributes
/// the element shows what is wrong, in its own box, and the error is thrown.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement, article_url: String) -> Result<Mounted, JsError> {
    let document = &content().core;
    let container =
        shadow_of(&host).and_then(|shadow| container_in(&shadow)).map_err(|e| error(&js::describe_error(&e)))?;
    container.replace_children_with_node_0();
    let names = host.get_attribute_names();
    let attributes: Vec<(String, String)> = names
        .iter()
        .filter_map(|name| name.as_string())
        .map(|name| {
            let value = host.attr(&name).unwrap_or_default();
            (name, value)
        })
        .collect();
    for warning in options::unknown_attributes(attributes.iter().map(|(name, _)| name.as_str())) {
        web_sys::console::warn_1(&warning.into());
    }
    let parsed = options::from_attributes(document, attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let started = parsed.map_err(|e| e.to_string()).and_then(|options| {
        let prefix = options.id_prefix(&host.id(), next_instance()).map_err(|e| e.to_string())?;
        // An empty page (the npm package's element, which knows no complete explainer) shows quotes unlinked.
        let page = Some(article_url.as_str()).filter(|url| !url.is_empty());
        let view = options.view_options(prefix.clone(), page);
        let mode = Mode::embed(prefix, options.deep_links, host.into());
        render(&container, content(), &options, &view, mode, None)
    });
    started.map_err(|message| show_error(&container, "<summit-explainer>", &message))
}

/// `frame.html`: parses the query string, builds the explainer into `container` and starts it. The frame's
/// own URL fragment is followed (so `frame.html#space` opens a section); it is changed only with
/// `deep-links`, since a frame's history entries are the host page's too.
#[wasm_bindgen(js_name = mountFrame)]
pub fn mount_frame(container: Element, query: String, article_url: String) -> Result<Mounted, JsError> {
    let document = &content().core;
    let started = options::from_query(document, &query).map_err(|e| e.to_string()).and_then(|options| {
        // Not in a shadow root: `part` names would mean nothing.
        let view = ViewOptions { parts: false, ..options.view_options(String::new(), Some(&article_url)) };
        // Like the standalone page, but its history entries are the host's, and its storage may be too.
        let mode = Mode { write_hash: options.deep_links, remember: false, ..Mode::page() };
        render(&container, content(), &options, &view, mode, None)
    });
    started.map_err(|message| show_error(&container, "frame.html", &message))
}

/// `element`'s open shadow root, made (with the component's stylesheet) if it has none.
fn shadow_of(element: &Element) -> Result<ShadowRoot, JsValue> {
    if let Some(shadow) = element.shadow_root() {
        return Ok(shadow);
    }
    let shadow = element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let sheet = SHEET.with(|sheet| {
        if let Some(sheet) = &*sheet.borrow() {
            return Ok::<_, JsValue>(sheet.clone());
        }
        let parsed = CssStyleSheet::new()?;
        parsed.replace_sync(STYLESHEET)?;
        *sheet.borrow_mut() = Some(parsed.clone());
        Ok(parsed)
    })?;
    shadow.set_adopted_style_sheets(&Array::of1(&sheet));
    Ok(shadow)
}

/// The element in `shadow` that holds the explainer, made if missing.
fn container_in(shadow: &ShadowRoot) -> Result<Element, JsValue> {
    // Ids in a shadow root are its own: this one cannot meet the host's or the explainer's (`se<n>-…`).
    if let Some(container) = shadow.get_element_by_id(crate::hooks::HOST.name) {
        return Ok(container);
    }
    let container = crate::browser::document().create_element("div")?;
    container.set_id(crate::hooks::HOST.name);
    container.set_class_name(crate::hooks::HOST.name);
    shadow.append_child(&container)?;
    Ok(container)
}

/// The attributes `<summit-explainer>` reads, for its `observedAttributes`.
#[wasm_bindgen(js_name = observedAttributes)]
pub fn observed_attributes() -> Vec<String> {
    options::attribute_names().map(str::to_string).collect()
}

/// Everything the explainer shows, as plain objects: the article verbatim, and every claim with its quotes
/// and their offsets in the article.
#[wasm_bindgen(js_name = summitData, unchecked_return_type = "SummitData")]
pub fn summit_data() -> Result<JsValue, JsError> {
    Ok(js::to_js(&SummitData::new(content()).to_value()))
}

/// The number the next instance will have.
fn next_instance() -> u32 {
    INSTANCES.with(|n| n.get() + 1)
}

/// The explainer the embeds' module was built with. The exports ask for it here; what they call below them
/// (rendering, the browser layer) takes the document as an argument.
fn content() -> &'static Document {
    Document::built_in()
}

fn render(
    container: &Element,
    document: &'static Document,
    options: &EmbedOptions,
    view: &ViewOptions,
    mode: Mode,
    wrapper: Option<Element>,
) -> Result<Mounted, String> {
    let state = options.initial_state(&document.core);
    let explainer =
        Explainer::render_into(container, document, &state, view, mode).map_err(|e: EnhanceError| e.message())?;
    let instance = INSTANCES.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    // What unmount() removes: the wrapper `mount()` added around the explainer, or the explainer's root.
    let added = wrapper.unwrap_or_else(|| explainer.root());
    LIVE.with(|live| live.borrow_mut().push(Live { instance, explainer, added }));
    Ok(Mounted { instance })
}

/// Replaces what `container` shows with a short, contained message; returns the error to throw.
fn show_error(container: &Element, what: &str, message: &str) -> JsError {
    let message = format!("{what}: {message}");
    container.replace_children_with_node_0();
    if let Ok(node) = dom::build(&document(), &error_box(&message).into_node()) {
        let _ = container.append_child(&node);
    }
    error(&message)
}

/// A JavaScript `Error` whose message starts with the project's name.
fn error(message: &str) -> JsError {
    JsError::new(&format!("summit-explainer: {message}"))
}
