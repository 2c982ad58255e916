//! Events in: each DOM event an explainer listens to becomes a message for `state::update` (or nothing, when
//! it is not the explainer's). The handlers read the event and the markup; they change neither.

use crate::prelude::*;

use alloc::rc::Rc;
use core::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent, MouseEvent};

use crate::browser::app::{dispatch, Model};
use crate::browser::dom;
use crate::browser::dom::Attributes;
use crate::browser::window;
use crate::document::{ClaimIndex, Core};
use crate::hooks::{self, Hook};
use crate::route::{parse_fragment, parse_return_state, Target};
use crate::state::{HeaderKey, Msg};
use crate::ui::Theme;

/// The element inside the root nearest to the event's target that matches `selector`.
fn closest_inside(model: &Rc<RefCell<Model>>, event: &Event, selector: &str) -> Option<Element> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let found = target.closest_to(selector).ok()??;
    model.borrow().root.contains(Some(&found)).then_some(found)
}

/// The claim an element is in.
fn claim_of(model: &Rc<RefCell<Model>>, element: &Element) -> Option<ClaimIndex> {
    let model = model.borrow();
    claim_in(model.document, &model.mode.id_prefix, element)
}

/// The claim an element is in, read from the claim's id (with the instance's `prefix`).
pub(super) fn claim_in(document: &Core, prefix: &str, element: &Element) -> Option<ClaimIndex> {
    let claim = element.closest_to(hooks::CLAIM.selector).ok()??;
    match parse_fragment(document, &["#", &claim.id()].concat(), prefix) {
        Ok(Target::Claim(claim)) => Some(claim),
        _ => None,
    }
}

/// The section an element names in its `hook` attribute.
fn section_of(model: &Rc<RefCell<Model>>, element: &Element, hook: Hook) -> Option<usize> {
    model.borrow().document.section_index(&element.attr(hook.name)?)
}

/// A press on one of the controls, or a link to a place the explainer shows: one `closest` finds which.
fn on_click(model: &Rc<RefCell<Model>>, event: &Event) {
    // A section header's click, the most frequent, passes the DOM no string of its own (`dom::HotStrings`).
    let Some(control) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(control) = dom::closest_with(&control, &model.borrow().hot.clickable) else { return };
    if !model.borrow().root.contains(Some(&control)) {
        return;
    }
    let is = |hook: Hook| control.has_attr(hook.name);
    let toggle = dom::get_attribute_with(&control, &model.borrow().hot.toggle);
    if let Some(id) = toggle {
        let section = model.borrow().document.section_index(&id);
        if let Some(section) = section {
            dispatch(model, Msg::Toggle(section));
        }
        return;
    }
    if is(hooks::SHOW_ALL) {
        dispatch(model, Msg::ToggleAll);
        return;
    }
    if is(hooks::CLEAR) {
        dispatch(model, Msg::ClearSearch);
        return;
    }
    if is(hooks::COPY) || is(hooks::QUOTES) {
        if let Some(claim) = claim_of(model, &control) {
            dispatch(model, if is(hooks::COPY) { Msg::CopyLink(claim) } else { Msg::ToggleQuotes(claim) });
        }
        return;
    }
    let link = control;
    if event
        .dyn_ref::<MouseEvent>()
        .is_some_and(|m| m.button() != 0 || m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key())
    {
        return; // A new tab or window: leave it to the browser.
    }
    let href = link.attr("href").unwrap_or_default();
    let target = {
        let model = model.borrow();
        parse_fragment(model.document, &href, &model.mode.id_prefix).ok().filter(|&t| model.shows(t))
    };
    if let Some(target) = target {
        event.prevent_default();
        // A citation knows its claim: the host hears which claim the quote was opened from.
        dispatch(model, Msg::Follow { target, from: claim_of(model, &link) });
    }
}

/// Typing in the search box searches.
fn on_input(model: &Rc<RefCell<Model>>, event: &Event) {
    if let Some(input) = closest_inside(model, event, hooks::SEARCH.selector) {
        let value = input.unchecked_ref::<web_sys::HtmlInputElement>().value();
        dispatch(model, Msg::Search(value));
    }
}

/// A theme radio button was chosen.
fn on_change(model: &Rc<RefCell<Model>>, event: &Event) {
    if let Some(choice) = closest_inside(model, event, hooks::THEME_CHOICE.selector) {
        let value = choice.unchecked_ref::<web_sys::HtmlInputElement>().value();
        if let Some(theme) = Theme::from_name(&value) {
            dispatch(model, Msg::ChooseTheme(theme));
        }
    }
}

/// Escape in the search box clears it; the navigation keys move between section headers.
fn on_keydown(model: &Rc<RefCell<Model>>, event: &Event) {
    let Some(keyboard) = event.dyn_ref::<KeyboardEvent>() else { return };
    if keyboard.key() == "Escape" && closest_inside(model, event, hooks::SEARCH.selector).is_some() {
        event.prevent_default();
        dispatch(model, Msg::ClearSearch);
        return;
    }
    let Some(key) = HeaderKey::from_key(&keyboard.key()) else { return };
    let Some(button) = closest_inside(model, event, hooks::TOGGLE.selector) else { return };
    if let Some(section) = section_of(model, &button, hooks::TOGGLE) {
        event.prevent_default();
        dispatch(model, Msg::HeaderKey(section, key));
    }
}

/// The browser is about to reveal a closed panel for find-in-page or a fragment link: keep the header in step.
fn on_beforematch(model: &Rc<RefCell<Model>>, event: &Event) {
    // A claim's quotes, and the section around them, are both revealed.
    if let Some(claim) = closest_inside(model, event, hooks::CITATIONS.selector).and_then(|list| claim_of(model, &list))
    {
        dispatch(model, Msg::RevealQuotes(claim));
    }
    let Some(panel) = closest_inside(model, event, hooks::PANEL.selector) else { return };
    if let Some(section) = section_of(model, &panel, hooks::PANEL) {
        dispatch(model, Msg::SetOpen(section, true));
    }
}

/// Back (or Forward) to an entry that remembers a citation followed from it: focus returns to that citation.
/// The entry's state is checked like any fragment; anything else in it is ignored.
fn on_popstate(model: &Rc<RefCell<Model>>, _: &Event) {
    // Whatever an earlier popstate expected of its hashchange is over.
    model.borrow().returned_to.set(None);
    // The entry's state is the event's too; reading it from `history` needs no more of web-sys.
    let Some(state) = window().history().and_then(|h| h.state()).ok().and_then(|s| s.as_string()) else { return };
    let returned = {
        let model = model.borrow();
        parse_return_state(model.document, &state, &model.mode.id_prefix)
    };
    let Some((claim, anchor)) = returned else { return };
    let msg = Msg::Return(claim, anchor);
    model.borrow().returned_to.set(window().location().hash().ok().map(|hash| (hash, msg.clone())));
    dispatch(model, msg);
}

fn on_hashchange(model: &Rc<RefCell<Model>>, _: &Event) {
    follow_hash(model);
}

/// The URL fragment names a place: go there. Unknown or malformed fragments are ignored.
pub(super) fn follow_hash(model: &Rc<RefCell<Model>>) {
    let Ok(hash) = window().location().hash() else { return };
    // Back to a followed citation: the return, not the fragment's place, is where the reader goes.
    let returned = model.borrow().returned_to.take();
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

/// The page is left (`pagehide` fires on reload and navigation too) or hidden: what is open is remembered
/// then, not on every toggle, so a toggle costs no synchronous storage write.
fn on_page_hidden(model: &Rc<RefCell<Model>>, event: &Event) {
    let hidden = crate::browser::document().visibility_state() == web_sys::VisibilityState::Hidden;
    if event.type_() == "pagehide" || hidden {
        dispatch(model, Msg::PageHidden);
    }
}

/// The listeners of an instance: on its root, and on the window where it follows the URL or remembers.
pub(super) fn listen(model: &Rc<RefCell<Model>>) -> Vec<crate::browser::listener::Listener> {
    use crate::browser::listener::{Cancels, Listener};
    let (root, read_hash, remember) = {
        let model = model.borrow();
        (model.root.clone(), model.mode.read_hash, model.mode.remember)
    };
    let mut listeners = vec![
        Listener::new(&root, "click", Cancels::Yes, model, on_click),
        Listener::new(&root, "keydown", Cancels::Yes, model, on_keydown),
        Listener::new(&root, "beforematch", Cancels::No, model, on_beforematch),
        Listener::new(&root, "input", Cancels::No, model, on_input),
        Listener::new(&root, "change", Cancels::No, model, on_change),
    ];
    let window = window();
    if read_hash {
        listeners.push(Listener::new(&window, "hashchange", Cancels::No, model, on_hashchange));
        listeners.push(Listener::new(&window, "popstate", Cancels::No, model, on_popstate));
    }
    if remember {
        listeners.push(Listener::new(&window, "pagehide", Cancels::No, model, on_page_hidden));
        let document = crate::browser::document();
        listeners.push(Listener::new(&document, "visibilitychange", Cancels::No, model, on_page_hidden));
    }
    listeners
}
