//! One explainer instance in a page: it owns its state, the listeners it added and the elements it drives.
//!
//! Dropping an [`Explainer`] removes every listener it added (they are gloo `EventListener`s it owns), so the
//! markup goes back to being static. Events go through [`Explainer::dispatch`] to `state::update`, the only
//! place the state changes; the effects it returns are applied here.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, KeyboardEvent, MouseEvent};

use crate::browser::{document, dom, window};
use crate::document::ClaimIndex;
use crate::document::Document;
use crate::export::{QuoteOpenDetail, SectionToggleDetail};
use crate::html::element;
use crate::route::{parse_fragment, parse_return_state, place_url, return_state, Target, OVERVIEW_ID};
use crate::search::{highlighted, match_label};
use crate::state::{update, Effect, HeaderKey, Msg, State};
use crate::storage::{format_open, parse_open, parse_theme, OPEN_SECTIONS_KEY, THEME_KEY};
use crate::ui::{Theme, ViewOptions};
use crate::view::{
    aria_expanded, cited_words, explainer, show_all_label, CLEAR_ATTRIBUTE, CLOSED_PANEL_HIDDEN, COPY_ATTRIBUTE,
    CURRENT_CLASS, NO_MATCH_ATTRIBUTE, PANEL_ATTRIBUTE, QUOTES_ATTRIBUTE, SEARCH_ATTRIBUTE, SHOW_ALL_ATTRIBUTE,
    STATUS_ATTRIBUTE, THEME_ATTRIBUTE, THEME_CHOICE_ATTRIBUTE, TOGGLE_ATTRIBUTE,
};

/// The attribute on the root while an explainer drives it.
pub const ENHANCED_ATTRIBUTE: &str = "data-se-enhanced";
/// The event sent when a section opens or closes (`detail: { id, open }`).
pub const SECTION_TOGGLE_EVENT: &str = "section-toggle";
/// The event sent when a quote is opened in the article (`detail: { claim, quote, text }`).
pub const QUOTE_OPEN_EVENT: &str = "quote-open";

/// How an instance behaves in its page.
#[derive(Debug, Clone, PartialEq)]
pub struct Mode {
    /// The prefix of every element id the instance wrote (empty for the standalone page).
    pub id_prefix: String,
    /// Whether the instance follows `location.hash` (on start and on `hashchange`).
    pub read_hash: bool,
    /// Whether following a link inside the instance changes `location.hash` (adding a history entry).
    pub write_hash: bool,
    /// Where `section-toggle` and `quote-open` events are dispatched; the root when `None`.
    pub events: Option<Element>,
    /// Whether the open sections are remembered for the session (`sessionStorage`) and restored on load.
    pub remember: bool,
}

impl Mode {
    /// The standalone page: plain ids, and the URL fragment names what is open and marked.
    pub fn page() -> Mode {
        Mode { id_prefix: String::new(), read_hash: true, write_hash: true, events: None, remember: true }
    }

    /// An embed (element or `mount()`): its own id prefix, events sent from `events`, and `location.hash`
    /// followed and written only with deep links.
    pub fn embed(id_prefix: String, deep_links: bool, events: Element) -> Mode {
        Mode { id_prefix, read_hash: deep_links, write_hash: deep_links, events: Some(events), remember: false }
    }
}

/// Why an explainer could not be started; the markup is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnhanceError {
    /// The markup has a section header this build does not know, or a header without its panel.
    UnexpectedMarkup(String),
    /// The markup has no section headers at all.
    NoSections,
    /// A DOM call failed.
    Dom(String),
}

impl fmt::Display for EnhanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnhanceError::UnexpectedMarkup(what) => write!(f, "summit-explainer: unexpected markup: {what}"),
            EnhanceError::NoSections => {
                write!(f, "summit-explainer: the markup has no section headers ([data-se-toggle])")
            }
            EnhanceError::Dom(message) => write!(f, "summit-explainer: a DOM call failed: {message}"),
        }
    }
}

impl From<JsValue> for EnhanceError {
    fn from(value: JsValue) -> EnhanceError {
        EnhanceError::Dom(format!("{value:?}"))
    }
}

/// A running explainer. Keep it alive as long as the explainer should respond; drop it to detach.
pub struct Explainer {
    model: Rc<RefCell<Model>>,
    _listeners: Vec<Listener>,
}

thread_local! {
    /// How many listeners the explainers have added and not yet removed.
    static LISTENERS: Cell<usize> = const { Cell::new(0) };
}

/// A DOM listener that counts itself: made by [`listen`], removed (and uncounted) when dropped, which is when
/// its explainer is. The count is how the leak tests see that every listener goes with its explainer.
struct Listener {
    _listener: EventListener,
}

impl Listener {
    fn new(listener: EventListener) -> Listener {
        LISTENERS.with(|count| count.set(count.get() + 1));
        Listener { _listener: listener }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        LISTENERS.with(|count| count.set(count.get() - 1));
    }
}

/// How many DOM listeners all explainers in this page hold now (for leak tests).
pub fn live_listeners() -> usize {
    LISTENERS.with(Cell::get)
}

/// The state and the elements it is shown in: the one owner of both.
struct Model {
    document: &'static Document,
    state: State,
    mode: Mode,
    root: Element,
    /// Per document section: its header button and panel, where the section is shown.
    toggles: Vec<Option<(HtmlElement, Element)>>,
    /// The "Show all sections" button, if the markup has one.
    show_all: Option<Element>,
    /// A Back to a followed citation: the fragment it lands on, and the return. Its `hashchange` (which
    /// comes after `popstate`, once the browser has moved focus for the fragment) makes the return again.
    returned_to: Option<(String, Msg)>,
}

impl Explainer {
    /// Takes over markup that the view wrote (prerendered, or built by [`Explainer::render_into`]) under `root`,
    /// reading which sections it shows and which are open from the markup itself.
    pub fn enhance(root: Element, mode: Mode) -> Result<Explainer, EnhanceError> {
        let document = Document::built_in();
        let mut state = State::closed(document);
        state.shown.clear();
        let mut toggles: Vec<Option<(HtmlElement, Element)>> = (0..document.sections.len()).map(|_| None).collect();
        let buttons = root.query_selector_all(&format!("[{TOGGLE_ATTRIBUTE}]"))?;
        for i in 0..buttons.length() {
            let button: HtmlElement = buttons.item(i).and_then(|n| n.dyn_into().ok()).ok_or_else(|| {
                EnhanceError::UnexpectedMarkup(format!("a [{TOGGLE_ATTRIBUTE}] that is not an HTML element"))
            })?;
            let id = button.get_attribute(TOGGLE_ATTRIBUTE).unwrap_or_default();
            let section = document
                .section_index(&id)
                .ok_or_else(|| EnhanceError::UnexpectedMarkup(format!("unknown section {id:?}")))?;
            let panel = root
                .query_selector(&format!("[{PANEL_ATTRIBUTE}=\"{id}\"]"))?
                .ok_or_else(|| EnhanceError::UnexpectedMarkup(format!("section {id:?} has no panel")))?;
            if toggles[section].is_some() {
                return Err(EnhanceError::UnexpectedMarkup(format!("section {id:?} appears twice")));
            }
            // The panel is the truth: the browser may have revealed it (find-in-page, a fragment) before we
            // were listening. Bring the header in line with it.
            let open = !panel.has_attribute("hidden");
            if button.get_attribute("aria-expanded").as_deref() != Some(aria_expanded(open)) {
                show_expanded(&button, &panel, open)?;
            }
            state.open[section] = open;
            state.shown.push(section);
            toggles[section] = Some((button, panel));
        }
        if state.shown.is_empty() {
            return Err(EnhanceError::NoSections);
        }
        // The same for the claims' quotes: a list the browser revealed is shown, and its button says so.
        let lists = root.query_selector_all(".se-citations:not([hidden])")?;
        for list in (0..lists.length()).filter_map(|i| lists.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()) {
            if let Some(claim) = claim_in(document, &mode.id_prefix, &list) {
                state.quotes_open[claim.0] = true;
                if let Some(row) = list.previous_element_sibling() {
                    if let Some(button) = row.query_selector(&format!("[{QUOTES_ATTRIBUTE}]"))? {
                        button.set_attribute("aria-expanded", aria_expanded(true))?;
                    }
                }
            }
        }

        // The controls that need JavaScript appear with ENHANCED_ATTRIBUTE, in step with the state read
        // from the markup.
        let show_all = root.query_selector(&format!("[{SHOW_ALL_ATTRIBUTE}]"))?;
        if let Some(button) = &show_all {
            show_all_open(button, state.all_open())?;
        }

        let (read_hash, remember) = (mode.read_hash, mode.remember);
        let model = Rc::new(RefCell::new(Model {
            document,
            state,
            mode,
            root: root.clone(),
            toggles,
            show_all,
            returned_to: None,
        }));
        let mut listeners = vec![
            listen(&root, "click", &model, on_click),
            listen(&root, "keydown", &model, on_keydown),
            listen(&root, "beforematch", &model, on_beforematch),
            listen(&root, "input", &model, on_input),
            listen(&root, "change", &model, on_change),
        ];
        if read_hash {
            listeners.push(listen(&window(), "hashchange", &model, |model, _| on_hashchange(model)));
            listeners.push(listen(&window(), "popstate", &model, on_popstate));
        }
        if remember {
            // The open sections are stored when the page is left or hidden, not on every toggle: a toggle
            // then costs no synchronous storage write (and `pagehide` fires on reload and navigation too).
            let store = |model: &Rc<RefCell<Model>>, _: &Event| remember_open_sections(&model.borrow());
            listeners.push(listen(&window(), "pagehide", &model, store));
            listeners.push(listen(&crate::browser::document(), "visibilitychange", &model, |model, _| {
                if crate::browser::document().visibility_state() == web_sys::VisibilityState::Hidden {
                    remember_open_sections(&model.borrow());
                }
            }));
        }
        root.set_attribute(ENHANCED_ATTRIBUTE, "")?;
        let explainer = Explainer { model, _listeners: listeners };
        if remember {
            restore_open_sections(&explainer.model);
            restore_theme(&explainer.model);
        }
        if read_hash {
            on_hashchange(&explainer.model);
        }
        Ok(explainer)
    }

    /// Builds the explainer for `state` into `container` (appending it) and starts it.
    pub fn render_into(
        container: &Element,
        state: &State,
        view_options: &ViewOptions,
        mode: Mode,
    ) -> Result<Explainer, EnhanceError> {
        let tree = explainer(Document::built_in(), state, view_options).into_node();
        let root: Element = dom::build(&document(), &tree)?.unchecked_into();
        container.append_child(&root)?;
        Explainer::enhance(root.clone(), mode).inspect_err(|_| root.remove())
    }

    /// Sends a message through `update` and applies its effects to the page.
    pub fn dispatch(&self, msg: Msg) {
        dispatch(&self.model, msg);
    }

    /// A handle that can send messages without holding on to the explainer (its listeners stay its own).
    pub fn controller(&self) -> Controller {
        Controller { model: Rc::clone(&self.model) }
    }

    /// A copy of the current state.
    pub fn state(&self) -> State {
        self.model.borrow().state.clone()
    }

    /// The element the explainer lives in.
    pub fn root(&self) -> Element {
        self.model.borrow().root.clone()
    }
}

/// Sends messages to a running explainer; once the explainer is dropped, its effects still reach the
/// (now static) markup, so hosts should stop using it.
#[derive(Clone)]
pub struct Controller {
    model: Rc<RefCell<Model>>,
}

impl Controller {
    /// As [`Explainer::dispatch`].
    pub fn dispatch(&self, msg: Msg) {
        dispatch(&self.model, msg);
    }

    /// As [`Explainer::state`].
    pub fn state(&self) -> State {
        self.model.borrow().state.clone()
    }
}

impl Drop for Explainer {
    /// The listeners go with the explainer; the markup stays, static again (the controls that need
    /// JavaScript invisible).
    fn drop(&mut self) {
        let _ = self.model.borrow().root.remove_attribute(ENHANCED_ATTRIBUTE);
    }
}

fn listen(
    target: &web_sys::EventTarget,
    event_type: &'static str,
    model: &Rc<RefCell<Model>>,
    handler: fn(&Rc<RefCell<Model>>, &Event),
) -> Listener {
    let model = Rc::clone(model);
    Listener::new(EventListener::new_with_options(
        target,
        event_type,
        EventListenerOptions::enable_prevent_default(),
        move |event| handler(&model, event),
    ))
}

fn dispatch(model: &Rc<RefCell<Model>>, msg: Msg) {
    let (events, target) = {
        let mut model = model.borrow_mut();
        let model = &mut *model;
        let mut events = Vec::new();
        let effects = update(&mut model.state, model.document, msg);
        for &effect in &effects {
            if let Err(error) = model.apply(effect, &mut events) {
                web_sys::console::error_1(&JsValue::from_str(&format!(
                    "summit-explainer: could not apply {}: {error}",
                    effect.name()
                )));
            }
        }
        (events, model.mode.events.clone().unwrap_or_else(|| model.root.clone()))
    };
    // After the state is released: a host listener may call back into the instance (`handle.close(…)`).
    for event in events {
        if let Err(error) = target.dispatch_event(&event) {
            web_sys::console::error_1(&error);
        }
    }
}

/// A `CustomEvent` for the host: bubbling, and composed so it leaves a shadow root.
fn host_event(event_type: &str, detail: &crate::options::Value) -> Result<web_sys::CustomEvent, EnhanceError> {
    let detail = crate::browser::js::to_js(detail);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    Ok(web_sys::CustomEvent::new_with_event_init_dict(event_type, &init)?)
}

/// The element inside the root nearest to the event's target that matches `selector`.
fn closest_inside(model: &Rc<RefCell<Model>>, event: &Event, selector: &str) -> Option<Element> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let found = target.closest(selector).ok()??;
    model.borrow().root.contains(Some(&found)).then_some(found)
}

/// The claim an element is in.
fn claim_of(model: &Rc<RefCell<Model>>, element: &Element) -> Option<ClaimIndex> {
    let model = model.borrow();
    claim_in(model.document, &model.mode.id_prefix, element)
}

/// The claim an element is in, read from the claim's id (with the instance's `prefix`).
fn claim_in(document: &Document, prefix: &str, element: &Element) -> Option<ClaimIndex> {
    let claim = element.closest(".se-claim").ok()??;
    match parse_fragment(document, &format!("#{}", claim.id()), prefix) {
        Ok(Target::Claim(claim)) => Some(claim),
        _ => None,
    }
}

fn section_of(model: &Rc<RefCell<Model>>, element: &Element, attribute: &str) -> Option<usize> {
    model.borrow().document.section_index(&element.get_attribute(attribute)?)
}

fn on_click(model: &Rc<RefCell<Model>>, event: &Event) {
    if closest_inside(model, event, &format!("[{SHOW_ALL_ATTRIBUTE}]")).is_some() {
        dispatch(model, Msg::ToggleAll);
        return;
    }
    if closest_inside(model, event, &format!("[{CLEAR_ATTRIBUTE}]")).is_some() {
        clear_search(model);
        return;
    }
    if let Some(button) = closest_inside(model, event, &format!("[{COPY_ATTRIBUTE}]")) {
        copy_link(model, button);
        return;
    }
    if let Some(button) = closest_inside(model, event, &format!("[{QUOTES_ATTRIBUTE}]")) {
        if let Some(claim) = claim_of(model, &button) {
            dispatch(model, Msg::ToggleQuotes(claim));
        }
        return;
    }
    if let Some(button) = closest_inside(model, event, &format!("[{TOGGLE_ATTRIBUTE}]")) {
        if let Some(section) = section_of(model, &button, TOGGLE_ATTRIBUTE) {
            dispatch(model, Msg::Toggle(section));
        }
        return;
    }
    let Some(link) = closest_inside(model, event, "a[href^='#']") else { return };
    if event
        .dyn_ref::<MouseEvent>()
        .is_some_and(|m| m.button() != 0 || m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key())
    {
        return; // A new tab or window: leave it to the browser.
    }
    let href = link.get_attribute("href").unwrap_or_default();
    let (target, write_hash) = {
        let model = model.borrow();
        let target = parse_fragment(model.document, &href, &model.mode.id_prefix).ok().filter(|&t| model.shows(t));
        (target, model.mode.write_hash)
    };
    // A citation knows its claim: the host hears which claim the quote was opened from.
    let cited_from = claim_of(model, &link);
    if let Some(target) = target {
        event.prevent_default();
        let msg = match (target, cited_from) {
            (Target::Anchor(anchor), Some(claim)) => Msg::Cite(claim, anchor),
            _ => Msg::Navigate(target),
        };
        // The new entry is made before the page moves, so the one left keeps the scroll position Back restores.
        if write_hash {
            let history = window().history();
            let own_history = model.borrow().mode.remember; // The standalone page's; an embed's is the host's.
            if let (true, Msg::Cite(claim, anchor), Ok(history)) = (own_history, &msg, &history) {
                // This entry remembers the citation followed from it, for Back to return focus to it.
                let state = {
                    let model = model.borrow();
                    return_state(model.document, &model.mode.id_prefix, *claim, *anchor)
                };
                if let Err(error) = history.replace_state(&JsValue::from_str(&state), "") {
                    web_sys::console::warn_1(&error);
                }
            }
            let pushed = history.and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&href)));
            if let Err(error) = pushed {
                web_sys::console::warn_1(&error);
            }
        }
        dispatch(model, msg);
    }
}

/// Typing in the search box searches.
fn on_input(model: &Rc<RefCell<Model>>, event: &Event) {
    if let Some(input) = closest_inside(model, event, &format!("[{SEARCH_ATTRIBUTE}]")) {
        let value = input.unchecked_ref::<web_sys::HtmlInputElement>().value();
        dispatch(model, Msg::Search(value));
    }
}

/// "Copy link": the claim's address goes to the clipboard, and the button says so. Where the clipboard is
/// refused (no permission, an old browser, a sandboxed frame), the address is shown selected instead, for the
/// reader to copy.
fn copy_link(model: &Rc<RefCell<Model>>, button: Element) {
    let Some(claim) = claim_of(model, &button) else { return };
    let (url, status) = {
        let model = model.borrow();
        let target = Target::Claim(claim);
        let page = window().location().href().unwrap_or_default();
        let status = model.root.query_selector(&format!("[{STATUS_ATTRIBUTE}]")).ok().flatten();
        (place_url(&page, &model.mode.id_prefix, model.document, target), status)
    };
    // Only the latest copy is confirmed.
    if let Ok(labels) = model.borrow().root.query_selector_all(".se-copy-label") {
        for label in (0..labels.length()).filter_map(|i| labels.item(i)) {
            label.set_text_content(Some("Copy link"));
        }
    }
    let navigator = window().navigator();
    let has_clipboard = web_sys::js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has_clipboard {
        show_link_to_copy(&button, &url);
        return;
    }
    let written = wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(&url));
    wasm_bindgen_futures::spawn_local(async move {
        match written.await {
            Ok(_) => {
                if let Ok(Some(label)) = button.query_selector(".se-copy-label") {
                    label.set_text_content(Some("Link copied"));
                }
                if let Some(status) = status {
                    status.set_text_content(Some("Link copied"));
                }
            }
            Err(_) => show_link_to_copy(&button, &url),
        }
    });
}

/// Shows `url` selected in a read-only field after `button`, for the reader to copy themselves.
fn show_link_to_copy(button: &Element, url: &str) {
    let Some(line) = button.parent_element() else { return };
    let existing = line.query_selector(".se-copy-fallback").ok().flatten();
    let field = match existing {
        Some(field) => field,
        None => {
            let tree = element("label")
                .class("se-copy-fallback")
                .text("Copy this link: ")
                .child(element("input").attr("type", "text").attr("readonly", "").class("se-copy-field"))
                .into_node();
            match dom::build(&crate::browser::document(), &tree) {
                Ok(node) if line.append_child(&node).is_ok() => node.unchecked_into(),
                _ => return,
            }
        }
    };
    if let Ok(Some(input)) = field.query_selector("input") {
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        input.set_value(url);
        let _ = input.focus();
        input.select();
    }
}

/// A theme radio button was chosen.
fn on_change(model: &Rc<RefCell<Model>>, event: &Event) {
    if let Some(choice) = closest_inside(model, event, &format!("[{THEME_CHOICE_ATTRIBUTE}]")) {
        let value = choice.unchecked_ref::<web_sys::HtmlInputElement>().value();
        if let Some(theme) = Theme::from_name(&value) {
            dispatch(model, Msg::ChooseTheme(theme));
        }
    }
}

/// Empties the search box and clears the search, leaving focus in the box.
fn clear_search(model: &Rc<RefCell<Model>>) {
    let input = model.borrow().root.query_selector(&format!("[{SEARCH_ATTRIBUTE}]")).ok().flatten();
    if let Some(input) = input {
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        input.set_value("");
        let _ = input.focus();
    }
    dispatch(model, Msg::Search(String::new()));
}

fn on_keydown(model: &Rc<RefCell<Model>>, event: &Event) {
    let Some(keyboard) = event.dyn_ref::<KeyboardEvent>() else { return };
    if keyboard.key() == "Escape" && closest_inside(model, event, &format!("[{SEARCH_ATTRIBUTE}]")).is_some() {
        event.prevent_default();
        clear_search(model);
        return;
    }
    let Some(key) = event.dyn_ref::<KeyboardEvent>().and_then(|k| HeaderKey::from_key(&k.key())) else { return };
    let Some(button) = closest_inside(model, event, &format!("[{TOGGLE_ATTRIBUTE}]")) else { return };
    if let Some(section) = section_of(model, &button, TOGGLE_ATTRIBUTE) {
        event.prevent_default();
        dispatch(model, Msg::HeaderKey(section, key));
    }
}

/// The browser is about to reveal a closed panel for find-in-page or a fragment link: keep the header in step.
fn on_beforematch(model: &Rc<RefCell<Model>>, event: &Event) {
    // A claim's quotes, and the section around them, are both revealed.
    if let Some(claim) = closest_inside(model, event, ".se-citations").and_then(|list| claim_of(model, &list)) {
        dispatch(model, Msg::RevealQuotes(claim));
    }
    let Some(panel) = closest_inside(model, event, &format!("[{PANEL_ATTRIBUTE}]")) else { return };
    if let Some(section) = section_of(model, &panel, PANEL_ATTRIBUTE) {
        dispatch(model, Msg::SetOpen(section, true));
    }
}

/// Back (or Forward) to an entry that remembers a citation followed from it: focus returns to that citation.
/// The entry's state is checked like any fragment; anything else in it is ignored.
fn on_popstate(model: &Rc<RefCell<Model>>, _: &Event) {
    // Whatever an earlier popstate expected of its hashchange is over.
    model.borrow_mut().returned_to = None;
    // The entry's state is the event's too; reading it from `history` needs no more of web-sys.
    let Some(state) = window().history().and_then(|h| h.state()).ok().and_then(|s| s.as_string()) else { return };
    let returned = {
        let model = model.borrow();
        parse_return_state(model.document, &state, &model.mode.id_prefix)
    };
    let Some((claim, anchor)) = returned else { return };
    let msg = Msg::Return(claim, anchor);
    model.borrow_mut().returned_to = window().location().hash().ok().map(|hash| (hash, msg.clone()));
    dispatch(model, msg);
}

/// The URL fragment names a place: go there. Unknown or malformed fragments are ignored.
fn on_hashchange(model: &Rc<RefCell<Model>>) {
    let Ok(hash) = window().location().hash() else { return };
    // Back to a followed citation: the return, not the fragment's place, is where the reader goes.
    let returned = model.borrow_mut().returned_to.take();
    if let Some((_, msg)) = returned.filter(|(returned, _)| *returned == hash) {
        dispatch(model, msg);
        return;
    }
    let target = {
        let model = model.borrow();
        // A fragment that is not ours may well be the host page's own: ignored, not reported.
        parse_fragment(model.document, &hash, &model.mode.id_prefix).ok().filter(|&t| model.shows(t))
    };
    if let Some(target) = target {
        dispatch(model, Msg::Navigate(target));
    }
}

fn set_hidden(element: &Element, hidden: bool) -> Result<(), JsValue> {
    if hidden {
        element.set_attribute("hidden", "")
    } else {
        element.remove_attribute("hidden")
    }
}

/// The session's storage, if the browser allows it (a sandboxed frame or a privacy setting may not: then
/// nothing is remembered, quietly).
fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn remember_open_sections(model: &Model) {
    if let Some(storage) = session_storage() {
        // A full or refused storage only means the state is not remembered.
        let _ = storage.set_item(OPEN_SECTIONS_KEY, &format_open(model.document, &model.state));
    }
}

/// Opens the sections the session remembers; anything stored that this build did not write is ignored.
fn restore_open_sections(model: &Rc<RefCell<Model>>) {
    let Some(stored) = session_storage().and_then(|s| s.get_item(OPEN_SECTIONS_KEY).ok().flatten()) else { return };
    let sections = parse_open(model.borrow().document, &stored).unwrap_or_default(); // Not ours: ignored.
    for section in sections {
        dispatch(model, Msg::SetOpen(section, true));
    }
}

/// Applies the theme the reader chose on an earlier visit; anything else stored is ignored.
fn restore_theme(model: &Rc<RefCell<Model>>) {
    let stored = window().local_storage().ok().flatten().and_then(|s| s.get_item(THEME_KEY).ok().flatten());
    if let Some(theme) = stored.as_deref().and_then(|s| parse_theme(s).ok()).filter(|&t| t != Theme::Auto) {
        dispatch(model, Msg::ChooseTheme(theme));
    }
}

/// The show-all button says what it will do, and whether everything is expanded.
fn show_all_open(button: &Element, all_open: bool) -> Result<(), JsValue> {
    button.set_attribute("aria-expanded", aria_expanded(all_open))?;
    button.set_text_content(Some(show_all_label(all_open)));
    Ok(())
}

/// Shows a section open or closed: the header's `aria-expanded` and the panel's `hidden`, always together.
/// A section's header and panel, and a claim's quotes button and list, are shown with the same two attributes.
fn show_expanded(button: &Element, panel: &Element, open: bool) -> Result<(), JsValue> {
    button.set_attribute("aria-expanded", aria_expanded(open))?;
    if open {
        panel.remove_attribute("hidden")
    } else {
        panel.set_attribute("hidden", CLOSED_PANEL_HIDDEN)
    }
}

impl Model {
    /// Whether this instance shows `target` (an embed may leave out sections, the overview or the article).
    fn shows(&self, target: Target) -> bool {
        self.element(target).is_ok()
    }

    /// Applies one effect to the page; events for the host are added to `events`, to be sent afterwards.
    fn apply(&self, effect: Effect, events: &mut Vec<web_sys::CustomEvent>) -> Result<(), EnhanceError> {
        match effect {
            Effect::SetExpanded { section, open } => {
                let (button, panel) = self.toggle(section)?;
                show_expanded(button, panel, open)?;
                let id = self.document.sections[section].id;
                events.push(host_event(SECTION_TOGGLE_EVENT, &SectionToggleDetail { id, open }.to_value())?);
            }
            Effect::QuoteOpened { claim, anchor } => {
                events.push(host_event(
                    QUOTE_OPEN_EVENT,
                    &QuoteOpenDetail::new(self.document, claim, anchor).to_value(),
                )?);
            }
            Effect::Mark(target) => self.element(target)?.class_list().add_1(CURRENT_CLASS)?,
            Effect::Unmark(target) => self.element(target)?.class_list().remove_1(CURRENT_CLASS)?,
            Effect::Reveal(target) => {
                let element = self.element(target)?;
                let options = web_sys::ScrollIntoViewOptions::new();
                let block = match target {
                    Target::Section(_) => web_sys::ScrollLogicalPosition::Start,
                    Target::Claim(_) | Target::Anchor(_) => web_sys::ScrollLogicalPosition::Center,
                };
                options.set_block(block);
                element.scroll_into_view_with_scroll_into_view_options(&options);
                let focus_target: HtmlElement = match target {
                    Target::Section(section) => self.toggle(section)?.0.clone(),
                    _ => element.dyn_into().map_err(|e: Element| {
                        EnhanceError::UnexpectedMarkup(format!("#{} is not an HTML element", e.id()))
                    })?,
                };
                let focus = web_sys::FocusOptions::new();
                focus.set_prevent_scroll(true);
                focus_target.focus_with_options(&focus)?;
            }
            Effect::FocusHeader(section) => self.toggle(section)?.0.focus()?,
            Effect::FocusCitation { claim, anchor } => {
                let href = format!("#{}{}", self.mode.id_prefix, Target::Anchor(anchor).fragment(self.document));
                let claim = self.element(Target::Claim(claim))?;
                let link = claim.query_selector(&format!("a[href=\"{href}\"]"))?.ok_or_else(|| {
                    EnhanceError::UnexpectedMarkup(format!("no citation of {href} in #{}", claim.id()))
                })?;
                link.unchecked_into::<HtmlElement>().focus()?;
            }
            Effect::SetClaimVisible { claim, visible } => set_hidden(&self.element(Target::Claim(claim))?, !visible)?,
            Effect::SetSectionVisible { section, visible } => {
                set_hidden(&self.element(Target::Section(section))?, !visible)?
            }
            Effect::SectionCount { section, matching } => {
                let (button, _) = self.toggle(section)?;
                let count = button
                    .query_selector(&format!(".{}", crate::view::COUNT_CLASS))?
                    .ok_or_else(|| EnhanceError::UnexpectedMarkup(format!("no count on #{}", button.id())))?;
                let claims = self.document.section_claims[section].len();
                count.set_text_content(Some(&crate::view::count_label(claims, matching)));
            }
            Effect::SetOverviewVisible(visible) => {
                let id = format!("{}{OVERVIEW_ID}", self.mode.id_prefix);
                set_hidden(&self.find(&format!("[id=\"{id}\"]"))?, !visible)?
            }
            Effect::Highlight(claim) => self.highlight(claim)?,
            Effect::SetQuotesOpen { claim, open } => {
                let item = self.element(Target::Claim(claim))?;
                let missing =
                    || EnhanceError::UnexpectedMarkup(format!("no quotes or no quotes button in #{}", item.id()));
                let button = item.query_selector(&format!("[{QUOTES_ATTRIBUTE}]"))?.ok_or_else(missing)?;
                let list = item.query_selector(".se-citations")?.ok_or_else(missing)?;
                show_expanded(&button, &list, open)?;
            }
            Effect::SearchCount(count) => {
                let status = self.find(&format!("[{STATUS_ATTRIBUTE}]"))?;
                let no_match = self.find(&format!("[{NO_MATCH_ATTRIBUTE}]"))?;
                status.set_text_content(Some(&count.map(match_label).unwrap_or_default()));
                let input: web_sys::HtmlInputElement = self.find(&format!("[{SEARCH_ATTRIBUTE}]"))?.unchecked_into();
                match count {
                    // Cleared, perhaps by following a link to a claim the search hid: the box follows.
                    None => input.set_value(""),
                    Some(0) => {
                        let text = format!("No claim matches \u{201c}{}\u{201d}.", input.value().trim());
                        self.find(".se-no-match-text")?.set_text_content(Some(&text));
                    }
                    Some(_) => {}
                }
                set_hidden(&no_match, count != Some(0))?;
            }
            Effect::ApplyTheme(theme) => {
                let mut targets = vec![self.root.clone()];
                if self.mode.remember {
                    // The standalone page: the page around the explainer follows too, and the choice is kept.
                    targets.extend(crate::browser::document().document_element());
                    if let Some(storage) = window().local_storage().ok().flatten() {
                        let _ = storage.set_item(THEME_KEY, theme.name());
                    }
                }
                for target in targets {
                    match theme {
                        Theme::Auto => target.remove_attribute(THEME_ATTRIBUTE)?,
                        _ => target.set_attribute(THEME_ATTRIBUTE, theme.name())?,
                    }
                }
                let selector = format!("[{THEME_CHOICE_ATTRIBUTE}][value=\"{}\"]", theme.name());
                if let Some(choice) = self.root.query_selector(&selector)? {
                    choice.unchecked_into::<web_sys::HtmlInputElement>().set_checked(true);
                }
            }
            Effect::AllOpen(all_open) => {
                if let Some(button) = &self.show_all {
                    show_all_open(button, all_open)?;
                }
            }
        }
        Ok(())
    }

    /// The first element inside the root matching `selector`.
    fn find(&self, selector: &str) -> Result<Element, EnhanceError> {
        self.root.query_selector(selector)?.ok_or_else(|| EnhanceError::UnexpectedMarkup(format!("no {selector}")))
    }

    /// Marks the current query's words in a claim's statement, attribution, note and quotes, rebuilding their text
    /// from the data (text nodes and `<mark>`s, never markup).
    fn highlight(&self, claim: ClaimIndex) -> Result<(), EnhanceError> {
        let item = self.element(Target::Claim(claim))?;
        let query = self.state.search.as_ref().map(|search| &search.query);
        let entry = self.document.claim(claim);
        let mut fields: Vec<(String, String)> = vec![(".se-claim-text".into(), entry.claim.text.to_string())];
        if let Some(attribution) = crate::search::attribution(self.document, claim) {
            fields.push((".se-attribution".into(), attribution));
        }
        if let Some(note) = entry.claim.note {
            fields.push((".se-claim-note-text".into(), note.to_string()));
        }
        for (i, &anchor) in entry.anchors.iter().enumerate() {
            let selector = format!(".se-citation:nth-child({}) .se-cite-words", i + 1);
            fields.push((selector, cited_words(self.document, anchor).into_owned()));
        }
        let document = crate::browser::document();
        for (selector, text) in fields {
            let Some(target) = item.query_selector(&selector)? else { continue };
            target.replace_children_with_node_0();
            for node in highlighted(&text, query) {
                target.append_child(&dom::build(&document, &node)?)?;
            }
        }
        Ok(())
    }

    fn toggle(&self, section: usize) -> Result<&(HtmlElement, Element), EnhanceError> {
        self.toggles[section].as_ref().ok_or_else(|| {
            EnhanceError::UnexpectedMarkup(format!("section {} is not shown", self.document.sections[section].id))
        })
    }

    /// The element a target names, inside this instance only.
    fn element(&self, target: Target) -> Result<Element, EnhanceError> {
        let id = format!("{}{}", self.mode.id_prefix, target.fragment(self.document));
        self.root
            .query_selector(&format!("[id=\"{id}\"]"))?
            .ok_or_else(|| EnhanceError::UnexpectedMarkup(format!("no element with id {id:?}")))
    }
}
