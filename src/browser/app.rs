//! One explainer instance in a page: it owns its state, the listeners it added and the elements it drives.
//!
//! Dropping an [`Explainer`] removes every listener it added (each a `listener::Listener` it owns), so the
//! markup goes back to being static. Events go through [`Explainer::dispatch`] to `state::update`, the only
//! place the state changes; the effects it returns are applied here.

use crate::prelude::*;

use alloc::rc::Rc;
use core::cell::{Cell, RefCell};
use core::fmt;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use crate::browser::command::After;
use crate::browser::dom::{Attributes, HotStrings};
use crate::browser::listener::Listener;
use crate::browser::{dom, events, patch, window};
use crate::document::{Core, Document};
use crate::hooks::{self, aria_expanded};
use crate::state::{update, Effect, Msg, State};
use crate::storage::{parse_open, parse_theme, OPEN_SECTIONS_KEY, THEME_KEY};
use crate::ui::{Theme, ViewOptions};
use crate::view::explainer;

/// How an instance behaves in its page.
#[derive(Debug, Clone, PartialEq)]
pub struct Mode {
    /// The prefix of every element id the instance wrote (empty for the standalone page).
    pub id_prefix: String,
    /// Whether the instance follows `location.hash` (on start and on `hashchange`).
    pub read_hash: bool,
    /// Whether following a link inside the instance changes `location.hash` (adding a history entry).
    pub write_hash: bool,
    /// Where `section-toggle` and `quote-open` events are dispatched: the host's element, for an embed. The
    /// standalone page and the frame have no host listening, and send none (`None`); the page's own module,
    /// which has no host ever, carries no code for events and ignores it.
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

impl EnhanceError {
    /// What the console says: joined by hand, so that the wasm carries no formatting machinery for it.
    pub fn message(&self) -> String {
        match self {
            EnhanceError::UnexpectedMarkup(what) => ["summit-explainer: unexpected markup: ", what].concat(),
            EnhanceError::NoSections => {
                ["summit-explainer: the markup has no section headers (", hooks::TOGGLE.selector, ")"].concat()
            }
            EnhanceError::Dom(message) => ["summit-explainer: a DOM call failed: ", message].concat(),
        }
    }
}

impl fmt::Display for EnhanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl From<JsValue> for EnhanceError {
    fn from(value: JsValue) -> EnhanceError {
        EnhanceError::Dom(crate::browser::js::describe_error(&value))
    }
}

/// A running explainer. Keep it alive as long as the explainer should respond; drop it to detach.
pub struct Explainer {
    model: Rc<RefCell<Model>>,
    _listeners: Vec<Listener>,
}

/// The state and the elements it is shown in: the one owner of both.
pub(super) struct Model {
    pub(super) document: &'static Core,
    pub(super) state: State,
    pub(super) mode: Mode,
    pub(super) root: Element,
    /// Per document section: its header button and panel, where the section is shown.
    pub(super) toggles: Vec<Option<(HtmlElement, Element)>>,
    /// The "Show all sections" button, if the markup has one.
    pub(super) show_all: Option<Element>,
    /// A Back to a followed citation: the fragment it lands on, and the return. Its `hashchange` (which
    /// comes after `popstate`, once the browser has moved focus for the fragment) makes the return again.
    pub(super) returned_to: Cell<Option<(String, Msg)>>,
    /// The strings a click passes to the DOM, made once.
    pub(super) hot: HotStrings,
    /// Messages waiting their turn, first in, first out ([`dispatch`]): those sent while another was being
    /// sent (a patch's `focus()` runs the page's and the host's focus listeners at once, and one of them may
    /// click a control or call the handle).
    pub(super) pending: Cell<Vec<Msg>>,
    /// Whether a [`dispatch`] is sending messages now.
    pub(super) dispatching: Cell<bool>,
    /// Whether the explainer was dropped (unmounted) while its messages were being sent: the rest are not.
    pub(super) detached: Cell<bool>,
}

impl Explainer {
    /// Takes over markup that the view wrote (prerendered, or built by [`Explainer::render_into`]) under `root`,
    /// reading which sections it shows and which are open from the markup itself.
    ///
    /// `document` is the one the markup was written from: the embeds' module passes the one it was built
    /// from; the page's own module, which carries no content, reads it from the markup (`browser::markup`,
    /// `outline`).
    pub fn enhance(root: Element, document: &'static Core, mode: Mode) -> Result<Explainer, EnhanceError> {
        let hot = HotStrings::new();
        let mut state = State::closed(document);
        state.shown.clear();
        state.overview = root.query_selector(hooks::OVERVIEW.selector)?.is_some();
        let mut toggles: Vec<Option<(HtmlElement, Element)>> = (0..document.sections.len()).map(|_| None).collect();
        let buttons = root.query_selector_all(hooks::TOGGLE.selector)?;
        for i in 0..buttons.length() {
            let button: HtmlElement = buttons.item(i).and_then(|n| n.dyn_into().ok()).ok_or_else(|| {
                EnhanceError::UnexpectedMarkup(["a ", hooks::TOGGLE.selector, " that is not an HTML element"].concat())
            })?;
            let id = button.attr(hooks::TOGGLE.name).unwrap_or_default();
            let section = document
                .section_index(&id)
                .ok_or_else(|| EnhanceError::UnexpectedMarkup(["unknown section \"", &id, "\""].concat()))?;
            let panel = root
                .query_selector(&hooks::panel(&id))?
                .ok_or_else(|| EnhanceError::UnexpectedMarkup(["section \"", &id, "\" has no panel"].concat()))?;
            if toggles[section].is_some() {
                return Err(EnhanceError::UnexpectedMarkup(["section \"", &id, "\" appears twice"].concat()));
            }
            // The panel is the truth: the browser may have revealed it (find-in-page, a fragment) before we
            // were listening. Bring the header in line with it.
            let open = !panel.has_attr("hidden");
            if button.attr("aria-expanded").as_deref() != Some(aria_expanded(open)) {
                patch::show_expanded(&hot, &button, &panel, open)?;
            }
            state.open[section] = open;
            state.shown.push(section);
            toggles[section] = Some((button, panel));
        }
        if state.shown.is_empty() {
            return Err(EnhanceError::NoSections);
        }
        // The same for the claims' quotes: a list the browser revealed is shown, and its button says so.
        let lists = root.query_selector_all(hooks::REVEALED_CITATIONS)?;
        for list in (0..lists.length()).filter_map(|i| lists.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()) {
            if let Some(claim) = events::claim_in(document, &mode.id_prefix, &list) {
                state.quotes_open[claim.0] = true;
                if let Some(item) = list.closest_to(hooks::CLAIM.selector)? {
                    if let Some(button) = item.query_selector(hooks::QUOTES.selector)? {
                        button.set_attr("aria-expanded", aria_expanded(true))?;
                    }
                }
            }
        }

        // The controls that need JavaScript appear with `hooks::ENHANCED`, in step with the state read
        // from the markup.
        let show_all = root.query_selector(hooks::SHOW_ALL.selector)?;
        if let Some(button) = &show_all {
            patch::show_all_open(button, state.all_open())?;
        }

        let (read_hash, remember) = (mode.read_hash, mode.remember);
        let model = Rc::new(RefCell::new(Model {
            document,
            state,
            mode,
            root: root.clone(),
            toggles,
            show_all,
            returned_to: Cell::new(None),
            hot,
            pending: Cell::new(Vec::new()),
            dispatching: Cell::new(false),
            detached: Cell::new(false),
        }));
        let listeners = events::listen(&model);
        root.set_attr(hooks::ENHANCED.name, "")?;
        let explainer = Explainer { model, _listeners: listeners };
        if remember {
            restore_open_sections(&explainer.model);
            restore_theme(&explainer.model);
        }
        if read_hash {
            events::follow_hash(&explainer.model);
        }
        Ok(explainer)
    }

    /// Builds the explainer for `state` into `container` (appending it) and starts it.
    pub fn render_into(
        container: &Element,
        document: &'static Document,
        state: &State,
        view_options: &ViewOptions,
        mode: Mode,
    ) -> Result<Explainer, EnhanceError> {
        let tree = explainer(document, state, view_options).into_node();
        let root: Element = dom::build(&crate::browser::document(), &tree)?.unchecked_into();
        container.append_child(&root)?;
        Explainer::enhance(root.clone(), &document.core, mode).inspect_err(|_| root.remove())
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
        let model = self.model.borrow();
        model.detached.set(true);
        let _ = model.root.remove_attr(hooks::ENHANCED.name);
    }
}

/// How many messages one dispatch sends at most, its own and those sent while it runs: a listener that
/// answers every one of the explainer's actions with another would otherwise never let it finish.
const MESSAGES_PER_DISPATCH: usize = 64;

/// Sends `msg` through `update` and carries out its effects in order: patches on the markup, commands on the
/// world outside it. What must wait for the state to be released follows.
///
/// Messages are sent one at a time, first in, first out. The state changes only inside `update`, under the
/// one mutable borrow, and `update` calls no JavaScript. The effects run under a shared borrow, since they may
/// run other code at once: `focus()` runs every focus listener of the page and the host, and a host event
/// runs the host's listeners. A message sent meanwhile (a listener that clicks a header, a host that calls
/// `handle.closeSection(…)`) is queued in `pending` and sent once the one before it is done, so that each
/// message meets the state its predecessors left. The outermost call sends them all, in a loop.
pub(super) fn dispatch(model: &Rc<RefCell<Model>>, msg: Msg) {
    // Only `update` borrows the state mutably, and it calls no JavaScript: here it is never borrowed so.
    let Ok(shared) = model.try_borrow() else { return };
    let mut pending = shared.pending.take();
    pending.push(msg);
    shared.pending.set(pending);
    if shared.dispatching.replace(true) {
        return; // The call that is sending messages sends this one in its turn.
    }
    drop(shared);
    // In batches: what is queued while a batch is sent comes after it, so the order is the order of sending.
    let (mut sent, mut dropped) = (0, false);
    while !dropped {
        let batch = model.try_borrow().map(|shared| shared.pending.take()).unwrap_or_default();
        if batch.is_empty() {
            break;
        }
        for msg in batch {
            if model.try_borrow().map_or(true, |shared| shared.detached.get()) {
                break;
            }
            if sent == MESSAGES_PER_DISPATCH {
                dropped = true;
                web_sys::console::error_1(&JsValue::from_str(
                    "summit-explainer: too many messages sent while handling one; the rest are dropped",
                ));
                break;
            }
            sent += 1;
            send(model, msg);
        }
    }
    if let Ok(shared) = model.try_borrow() {
        shared.pending.take();
        shared.dispatching.set(false);
    }
}

/// Sends one message: `update`, then its effects, then what must wait for the state to be released.
fn send(model: &Rc<RefCell<Model>>, msg: Msg) {
    let effects = {
        let mut model = model.borrow_mut();
        let model = &mut *model;
        update(&mut model.state, model.document, msg)
    };
    let after = {
        let model = model.borrow();
        let mut after = Vec::new();
        for effect in effects {
            let done = match effect {
                Effect::Patch(patch) => model.patch(patch),
                Effect::Command(command) => model.command(command).map(|later| after.extend(later)),
            };
            // The error names what was missing or refused ("no element with id …"): the effect is logged
            // and skipped, the others still apply.
            if let Err(error) = done {
                web_sys::console::error_1(&JsValue::from_str(&error.message()));
            }
        }
        after
    };
    // After the state is released: a host listener may call back into the instance (`handle.closeSection(…)`).
    for later in after {
        match later {
            #[cfg(feature = "embed")]
            After::Send(event) => {
                // Only an instance with a host makes events (`Model::command`), and not once it is unmounted.
                let host = model.borrow().mode.events.clone().filter(|_| !model.borrow().detached.get());
                if let Some(Err(error)) = host.as_ref().map(|host| host.dispatch_event(&event)) {
                    web_sys::console::error_1(&error);
                }
            }
            After::Dispatch(msg) => dispatch(model, msg),
            After::Copy { claim, url } => {
                let written = window().navigator().clipboard().write_text(&url);
                let model = Rc::clone(model);
                dom::when_settled(&written, move |outcome| {
                    let msg = match outcome {
                        Ok(()) => Msg::LinkCopied(claim),
                        Err(_) => Msg::CopyRefused { claim, url },
                    };
                    dispatch(&model, msg);
                });
            }
        }
    }
}

/// Opens the sections the session remembers; anything stored that this build did not write is ignored.
fn restore_open_sections(model: &Rc<RefCell<Model>>) {
    let storage = window().session_storage().ok().flatten();
    let Some(stored) = storage.and_then(|s| s.get_item(OPEN_SECTIONS_KEY).ok().flatten()) else { return };
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
