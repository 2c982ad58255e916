//! Browser tests of the browser layer (`wasm-pack test --headless --chrome` / `--firefox`, via `cargo xtask test`):
//! the DOM output matches the static output, enhancement keeps the nodes, and toggling, quote links, the way
//! back and fragments work as a reader uses them.
//!
//! The page renders the content this build ships; the tests name only its public section ids and read every
//! claim, quote, count and text they need from the document (see `support`).

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use summit_explainer::browser::{dom, EnhanceError, Explainer, Mode};
use summit_explainer::document::{ClaimIndex, Place};
use summit_explainer::hooks;
use summit_explainer::route::Target;
use summit_explainer::state::State;
use summit_explainer::ui::ViewOptions;
use summit_explainer::view::{explainer, linked_quotes};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod support;

use support::{
    claim_id, claims_of, document, find, first_claim_of, first_quote, quote_id, section_ids, section_index, summit,
    PUBLIC_SECTIONS,
};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh, empty element in the page; the test removes it at the end.
fn container() -> Element {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    container
}

/// The page as the native writer prerenders it, built into a fresh container by the DOM backend.
fn prerendered() -> (Element, Element) {
    let container = container();
    let tree = explainer(summit(), &State::closed(&summit().core), &ViewOptions::default()).into_node();
    let root = dom::build(&document(), &tree).unwrap();
    container.append_child(&root).unwrap();
    (container, root.unchecked_into())
}

fn by_id(root: &Element, id: &str) -> HtmlElement {
    find(root, &format!("[id=\"{id}\"]"))
}

fn toggle(root: &Element, section: &str) -> HtmlElement {
    find(root, &format!("[data-se-toggle=\"{section}\"]"))
}

fn panel(root: &Element, section: &str) -> HtmlElement {
    find(root, &format!("[data-se-panel=\"{section}\"]"))
}

/// "open" or "closed", checked to agree between the header's `aria-expanded` and the panel's `hidden`.
fn shown_state(root: &Element, section: &str) -> &'static str {
    let expanded = toggle(root, section).get_attribute("aria-expanded");
    let hidden = panel(root, section).get_attribute("hidden");
    match (expanded.as_deref(), hidden.as_deref()) {
        (Some("true"), None) => "open",
        (Some("false"), Some("until-found")) => "closed",
        other => panic!("section {section}: header and panel disagree: {other:?}"),
    }
}

fn active_element_id() -> String {
    document().active_element().map(|e| e.id()).unwrap_or_default()
}

/// Enhances `root` as its module would: the page's reads the document back from the markup; the embeds' pass
/// the one the markup was written from.
fn enhance(root: &Element, mode: Mode) -> Result<Explainer, EnhanceError> {
    #[cfg(feature = "page")]
    let document = summit_explainer::browser::markup::read(root, &mode.id_prefix)?;
    #[cfg(not(feature = "page"))]
    let document = &summit().core;
    Explainer::enhance(root.clone(), document, mode)
}

fn page_mode() -> Mode {
    Mode { id_prefix: String::new(), read_hash: false, write_hash: false, events: None, remember: false }
}

/// Waits for the next `event` on `target`.
async fn next_event(target: &web_sys::EventTarget, event: &'static str) {
    let mut listener = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        listener = Some(EventListener::once(target, event, move |_| {
            resolve.call0(&JsValue::NULL).unwrap();
        }));
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn the_browser_builds_exactly_the_markup_the_native_writer_writes() {
    let container = container();
    for state in [
        State::closed(&summit().core),
        State { open: vec![true; summit().core.sections.len()], ..State::closed(&summit().core) },
    ] {
        let tree = explainer(summit(), &state, &ViewOptions::default()).into_node();
        let root = dom::build(&document(), &tree).unwrap();
        container.append_child(&root).unwrap();
        assert_eq!(container.inner_html(), tree.to_html());
        container.remove_child(&root).unwrap();
    }
    container.remove();
}

#[wasm_bindgen_test]
fn enhancing_keeps_every_node_and_changes_no_markup() {
    let (container, root) = prerendered();
    let before = root.inner_html();
    let first_button = toggle(&root, "defense-integration");
    let quote = quote_id(first_quote(first_claim_of("space")));
    let a_quote = by_id(&root, &quote);
    let explainer = enhance(&root, page_mode()).unwrap();
    assert_eq!(root.inner_html(), before, "enhancing must not rewrite the markup");
    assert!(toggle(&root, "defense-integration").is_same_node(Some(&first_button)));
    assert!(by_id(&root, &quote).is_same_node(Some(&a_quote)));
    assert!(root.has_attribute(hooks::ENHANCED.name));
    drop(explainer);
    assert!(!root.has_attribute(hooks::ENHANCED.name));
    container.remove();
}

#[wasm_bindgen_test]
fn a_panel_the_browser_revealed_before_enhancement_counts_as_open() {
    let (container, root) = prerendered();
    panel(&root, "space").remove_attribute("hidden").unwrap();
    let explainer = enhance(&root, page_mode()).unwrap();
    assert_eq!(shown_state(&root, "space"), "open");
    assert!(explainer.state().open[section_index("space")]);
    toggle(&root, "space").click();
    assert_eq!(shown_state(&root, "space"), "closed");
    container.remove();
}

#[wasm_bindgen_test]
fn beforematch_on_a_closed_panel_opens_its_section() {
    let (container, root) = prerendered();
    let explainer = enhance(&root, page_mode()).unwrap();
    let target = panel(&root, "people-to-people");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target.dispatch_event(&web_sys::Event::new_with_event_init_dict("beforematch", &init).unwrap()).unwrap();
    assert_eq!(shown_state(&root, "people-to-people"), "open");
    assert!(explainer.state().open[section_index("people-to-people")]);
    container.remove();
}

#[wasm_bindgen_test]
fn a_claims_quotes_show_on_demand_and_for_find_in_page() {
    let (container, root) = prerendered();
    // A list the browser revealed before the explainer started (find-in-page) counts as shown: the first
    // claim of a section; the second is clicked (both read from the content, so an editor may rename them).
    let space = claims_of("space");
    let early = by_id(&root, &claim_id(space[0]));
    find(&early, ".se-citations").remove_attribute("hidden").unwrap();
    let explainer = enhance(&root, page_mode()).unwrap();
    assert_eq!(find(&early, "[data-se-quotes]").get_attribute("aria-expanded").as_deref(), Some("true"));
    let claim = by_id(&root, &claim_id(space[1]));
    let button = find(&claim, "[data-se-quotes]");
    let list = find(&claim, ".se-citations");
    let shown = || (button.get_attribute("aria-expanded").unwrap(), list.has_attribute("hidden"));
    assert_eq!(shown(), ("false".to_string(), true), "hidden until asked");
    button.click();
    assert_eq!(shown(), ("true".to_string(), false));
    button.click();
    assert_eq!(shown(), ("false".to_string(), true));
    // Find-in-page reveals them (the browser fires beforematch on the hidden list).
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    list.dispatch_event(&web_sys::Event::new_with_event_init_dict("beforematch", &init).unwrap()).unwrap();
    assert_eq!(shown(), ("true".to_string(), false));
    assert_eq!(
        explainer.state().quotes_open.iter().filter(|&&open| open).count(),
        2,
        "this claim's and the early one's"
    );
    container.remove();
}

#[wasm_bindgen_test]
fn clicking_a_header_opens_and_closes_its_section_only() {
    let (container, root) = prerendered();
    let explainer = enhance(&root, page_mode()).unwrap();
    for section in summit().core.sections {
        assert_eq!(shown_state(&root, section.id), "closed");
    }
    toggle(&root, "space").click();
    assert_eq!(shown_state(&root, "space"), "open");
    assert_eq!(shown_state(&root, "defense-integration"), "closed");
    toggle(&root, "economic-friction").click();
    toggle(&root, "space").click();
    assert_eq!(shown_state(&root, "space"), "closed");
    assert_eq!(shown_state(&root, "economic-friction"), "open");
    let open: Vec<bool> = explainer.state().open;
    assert_eq!(open.iter().filter(|&&o| o).count(), 1);
    drop(explainer);
    toggle(&root, "space").click();
    assert_eq!(shown_state(&root, "space"), "closed", "a dropped explainer no longer listens");
    container.remove();
}

#[wasm_bindgen_test]
fn arrow_keys_home_and_end_move_between_headers() {
    let (container, root) = prerendered();
    let _explainer = enhance(&root, page_mode()).unwrap();
    let press = |key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        document().active_element().unwrap().dispatch_event(&event).unwrap();
        event.default_prevented()
    };
    let first = summit().core.sections[0].id;
    let last = summit().core.sections.last().unwrap().id;
    toggle(&root, first).focus().unwrap();
    assert!(press("ArrowDown"));
    assert_eq!(active_element_id(), format!("{}--button", summit().core.sections[1].id));
    press("ArrowUp");
    press("ArrowUp");
    assert_eq!(active_element_id(), format!("{last}--button"), "ArrowUp wraps to the last header");
    press("Home");
    assert_eq!(active_element_id(), format!("{first}--button"));
    press("End");
    assert_eq!(active_element_id(), format!("{last}--button"));
    assert!(!press("a"), "other keys are left alone");
    container.remove();
}

/// A citation's `focus()` runs the page's focus listeners at once; one that clicks a section header then is
/// heard after the citation's effects, in order (the listener used to be refused by wasm-bindgen as a
/// closure called again while it ran, and the click was lost).
#[wasm_bindgen_test]
fn a_focus_listener_that_clicks_a_header_while_a_citation_moves_focus_is_heard_after_it() {
    let (container, root) = prerendered();
    let explainer = enhance(&root, page_mode()).unwrap();
    let [first, other, ..] = section_ids()[..] else { panic!("the content has two sections") };
    toggle(&root, first).click();
    let clicked = Rc::new(Cell::new(0));
    let count = Rc::clone(&clicked);
    let header = toggle(&root, other);
    let _listener = EventListener::new(&document(), "focusin", move |_| {
        if count.get() == 0 {
            count.set(1);
            header.click();
        }
    });
    let claim = first_claim_of(first);
    let quote = quote_id(first_quote(claim));
    find(&by_id(&root, &claim_id(claim)), &format!("a.se-cite[href=\"#{quote}\"]")).click();
    assert_eq!(clicked.get(), 1, "the listener clicked once, as focus moved to the quote");
    assert_eq!(shown_state(&root, other), "open", "its click was carried out");
    assert_eq!(active_element_id(), quote, "after the citation's own effects");
    assert!(!root.has_attribute(hooks::FAILED.name));
    drop(explainer);
    container.remove();
}

#[wasm_bindgen_test]
fn every_citation_lands_on_its_verbatim_quote_marked_and_focused_and_leads_back() {
    let (container, root) = prerendered();
    let explainer = enhance(&root, page_mode()).unwrap();
    let document_data = &summit().core;
    let mut followed = 0;
    for index in 0..document_data.claims.len() {
        let claim = Target::Claim(ClaimIndex(index));
        let claim_id = claim.fragment(document_data);
        if let Some(section) = claim.section(document_data) {
            let id = document_data.sections[section].id;
            if shown_state(&root, id) == "closed" {
                toggle(&root, id).click();
            }
        }
        // The row links to the first of the claim's quotes in each paragraph, and to nothing else there.
        let linked = linked_quotes(summit(), ClaimIndex(index));
        let links = by_id(&root, &claim_id).query_selector_all("a.se-cite").unwrap().length() as usize;
        assert_eq!(links, linked.len(), "{claim_id}: one link per paragraph");
        for anchor in linked {
            let quote_id = Target::Anchor(anchor).fragment(document_data);
            let link = find(&by_id(&root, &claim_id), &format!("a.se-cite[href=\"#{quote_id}\"]"));
            link.click();
            let mark = by_id(&root, &quote_id);
            assert_eq!(mark.text_content().unwrap(), document_data.anchor_text(anchor), "{quote_id}");
            assert!(mark.class_list().contains(hooks::CURRENT.name), "{quote_id} is marked");
            assert_eq!(active_element_id(), quote_id, "{quote_id} has focus");
            assert_eq!(root.query_selector_all(hooks::CURRENT.selector).unwrap().length(), 1, "one mark at a time");

            let back = mark.next_element_sibling().unwrap();
            let back_link = find(&back, &format!("a[href=\"#{claim_id}\"]"));
            back_link.click();
            let claim_element = by_id(&root, &claim_id);
            assert!(claim_element.class_list().contains(hooks::CURRENT.name), "{claim_id} is marked");
            assert_eq!(active_element_id(), claim_id, "{claim_id} has focus");
            assert!(!mark.class_list().contains(hooks::CURRENT.name));
            followed += 1;
        }
    }
    assert!(followed > document_data.claims.len(), "{followed} citations followed");
    drop(explainer);
    container.remove();
}

#[wasm_bindgen_test]
fn the_way_back_opens_a_closed_section() {
    let (container, root) = prerendered();
    let _explainer = enhance(&root, page_mode()).unwrap();
    let claim = first_claim_of("space");
    let mark = by_id(&root, &quote_id(first_quote(claim)));
    let back = find(&mark.next_element_sibling().unwrap(), &format!("a[href=\"#{}\"]", claim_id(claim)));
    assert_eq!(shown_state(&root, "space"), "closed");
    back.click();
    assert_eq!(shown_state(&root, "space"), "open");
    assert_eq!(active_element_id(), claim_id(claim));
    container.remove();
}

#[wasm_bindgen_test]
async fn a_section_fragment_opens_it_on_load_and_on_hashchange() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    history.replace_state_with_url(&JsValue::NULL, "", Some("#missile-defense")).unwrap();
    let (container, root) = prerendered();
    let explainer = enhance(&root, Mode { remember: false, ..Mode::page() }).unwrap();
    assert_eq!(shown_state(&root, "missile-defense"), "open", "on load");
    assert_eq!(active_element_id(), "missile-defense--button");
    assert!(by_id(&root, "missile-defense").class_list().contains(hooks::CURRENT.name));

    window.location().set_hash("space").unwrap();
    next_event(&window, "hashchange").await;
    assert_eq!(shown_state(&root, "space"), "open", "on hashchange");
    assert_eq!(shown_state(&root, "missile-defense"), "open");

    for junk in ["nothing-here", "%zz", "space/nope", "<img src=x onerror=alert(1)>"] {
        window.location().set_hash(junk).unwrap();
        next_event(&window, "hashchange").await;
    }
    assert_eq!(
        explainer.state().current,
        Some(Target::Section(section_index("space"))),
        "junk fragments change nothing"
    );
    assert!(root.is_connected());

    drop(explainer);
    history.replace_state_with_url(&JsValue::NULL, "", Some("#")).unwrap();
    container.remove();
}

#[wasm_bindgen_test]
fn clicking_a_quote_link_in_page_mode_records_it_in_the_url() {
    let window = web_sys::window().unwrap();
    let (container, root) = prerendered();
    let explainer = enhance(&root, Mode { remember: false, ..Mode::page() }).unwrap();
    toggle(&root, "space").click();
    let claim = first_claim_of("space");
    let quote = quote_id(first_quote(claim));
    find(&by_id(&root, &claim_id(claim)), &format!("a.se-cite[href=\"#{quote}\"]")).click();
    assert_eq!(window.location().hash().unwrap(), format!("#{quote}"));
    drop(explainer);
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some("#")).unwrap();
    container.remove();
}

#[wasm_bindgen_test]
fn markup_the_build_does_not_know_is_refused_and_left_as_it_was() {
    let container = container();
    let unknown = document().create_element("button").unwrap();
    unknown.set_attribute("data-se-toggle", "no-such-section").unwrap();
    container.append_child(&unknown).unwrap();
    let before = container.inner_html();
    let error = enhance(&container, page_mode()).err().expect("unknown markup is refused");
    // The embeds' module knows its sections; the page's reads them from the markup, and finds no section.
    let expected = match cfg!(feature = "embed") {
        true => "unknown section \"no-such-section\"",
        false => "section \"no-such-section\" has no element with its id",
    };
    assert_eq!(error.to_string(), format!("summit-explainer: unexpected markup: {expected}"));
    assert_eq!(container.inner_html(), before);
    assert!(!container.has_attribute(hooks::ENHANCED.name));
    let empty = document().create_element("div").unwrap();
    let error = enhance(&empty, page_mode()).err().expect("no sections is refused");
    assert_eq!(error.to_string(), "summit-explainer: the markup has no section headers ([data-se-toggle])");
    container.remove();
}

/// The page's own module carries no content: it reads the document from the prerendered markup, and the core
/// cannot tell what it read from the document the page was rendered from.
#[cfg(feature = "page")]
#[wasm_bindgen_test]
fn the_page_module_reads_from_the_markup_the_document_it_was_rendered_from() {
    let (container, root) = prerendered();
    let read = summit_explainer::browser::markup::read(&root, "").unwrap();
    assert_eq!(*read, summit().core);
    // The same with a search running: the marked words are read as the text they mark.
    let explainer = enhance(&root, page_mode()).unwrap();
    explainer.dispatch(summit_explainer::state::Msg::Search("the".into()));
    let read = summit_explainer::browser::markup::read(&root, "").unwrap();
    assert_eq!(*read, summit().core);
    drop(explainer);
    container.remove();
}

#[wasm_bindgen_test]
fn rendering_into_an_empty_element_builds_the_same_view_and_starts_it() {
    let container = container();
    let mut state = State::closed(&summit().core);
    state.open[section_index("space")] = true;
    let explainer = Explainer::render_into(&container, summit(), &state, &ViewOptions::default(), page_mode()).unwrap();
    let root = explainer.root();
    assert_eq!(shown_state(&root, "space"), "open");
    assert_eq!(shown_state(&root, "people-to-people"), "closed");
    toggle(&root, "people-to-people").click();
    assert_eq!(shown_state(&root, "people-to-people"), "open");
    assert!(explainer.state().open[section_index("people-to-people")]);
    container.remove();
}

#[wasm_bindgen_test]
fn show_all_appears_with_javascript_and_its_label_follows_the_sections() {
    let (container, root) = prerendered();
    let button = find(&root, "[data-se-show-all]");
    // The page's stylesheet is not loaded here; the rule that matters, from explainer.css, is.
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!(concat!(env!("OUT_DIR"), "/explainer.css"))));
    container.append_child(&style).unwrap();
    let visible = || {
        let check: js_sys::Function =
            js_sys::Reflect::get(&button, &"checkVisibility".into()).unwrap().unchecked_into();
        let options = js_sys::JSON::parse(r#"{"visibilityProperty": true}"#).unwrap();
        check.call1(&button, &options).unwrap().as_bool().unwrap()
    };
    assert!(!visible(), "without the browser layer the control is invisible (it would do nothing)");
    let explainer = enhance(&root, page_mode()).unwrap();
    assert!(visible());
    let label = || (button.text_content().unwrap(), button.get_attribute("aria-expanded").unwrap());
    assert_eq!(label(), ("Show all sections".to_string(), "false".to_string()));
    button.click();
    assert!(summit().core.sections.iter().all(|s| shown_state(&root, s.id) == "open"));
    assert_eq!(label(), ("Hide all sections".to_string(), "true".to_string()));
    toggle(&root, "space").click();
    assert_eq!(label(), ("Show all sections".to_string(), "false".to_string()), "one closed: show all again");
    button.click();
    assert_eq!(shown_state(&root, "space"), "open");
    button.click();
    assert!(summit().core.sections.iter().all(|s| shown_state(&root, s.id) == "closed"));
    assert!(explainer.state().open.iter().all(|&open| !open));
    drop(explainer);
    assert!(!visible(), "invisible again once the explainer is gone");
    container.remove();
}

#[wasm_bindgen_test]
fn the_open_sections_are_remembered_for_the_session_and_garbage_is_ignored() {
    let storage = web_sys::window().unwrap().session_storage().unwrap().unwrap();
    let key = summit_explainer::storage::OPEN_SECTIONS_KEY;
    let remembering = || Mode { read_hash: false, write_hash: false, ..Mode::page() };

    // Two sections stored open (not in page order: any order is read), and a third that starts closed.
    let (kept, closed, opened) = ("economic-friction", "space", "missile-defense");
    let stored = format!("v1:{kept},{closed}");
    storage.set_item(key, &stored).unwrap();
    let (container, root) = prerendered();
    let explainer = enhance(&root, remembering()).unwrap();
    assert_eq!(shown_state(&root, kept), "open");
    assert_eq!(shown_state(&root, closed), "open");
    assert_eq!(shown_state(&root, opened), "closed");
    assert_eq!(explainer.state().open.iter().filter(|&&open| open).count(), 2, "only those two");
    toggle(&root, closed).click();
    toggle(&root, opened).click();
    // Stored when the page is left (or hidden), not on every toggle.
    assert_eq!(storage.get_item(key).unwrap().as_deref(), Some(stored.as_str()), "not yet");
    let window = web_sys::window().unwrap();
    window.dispatch_event(&web_sys::Event::new("pagehide").unwrap()).unwrap();
    // In page order.
    let now_open: Vec<&str> =
        summit().core.sections.iter().map(|s| s.id).filter(|id| [kept, opened].contains(id)).collect();
    assert_eq!(storage.get_item(key).unwrap(), Some(format!("v1:{}", now_open.join(","))));
    drop(explainer);
    container.remove();

    for garbage in ["v1:space,moon", "{\"open\": true}", "v1:__proto__", "v9:space"] {
        storage.set_item(key, garbage).unwrap();
        let (container, root) = prerendered();
        let explainer = enhance(&root, remembering()).unwrap();
        assert!(explainer.state().open.iter().all(|&open| !open), "{garbage:?} opens nothing");
        container.remove();
    }
    storage.remove_item(key).unwrap();
}

/// Types `text` into the search box as a reader would (value, then an `input` event).
fn type_search(root: &Element, text: &str) {
    let input: web_sys::HtmlInputElement = find(root, "[data-se-search]").unchecked_into();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

fn visible_claims(root: &Element) -> Vec<String> {
    let list = root.query_selector_all(".se-claim:not([hidden])").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into::<Element>().id()).collect()
}

/// Whether `word` (ASCII, lower case, no spaces) occurs, in any case, in what the page shows of a claim: its
/// statement, its speaker and setting, or the words of its quotes. (Worked out here, not with the engine's own
/// matching, so that the test checks the page against an independent account.)
fn mentions(claim: ClaimIndex, word: &str) -> bool {
    let document = summit();
    let entry = document.core.claim(claim);
    let mut fields = vec![entry.claim.statement];
    if let Some(attribution) = document.attribution(claim) {
        fields.push(document.speaker(attribution.speaker).label);
        fields.extend(attribution.setting);
    }
    fields.extend(entry.anchors.iter().map(|&anchor| document.core.anchor_text(anchor)));
    fields.iter().any(|field| field.to_ascii_lowercase().contains(word))
}

/// A word to search for, read from the claims: the first (alphabetically) of their words that matches two
/// claims or more, none in the overview, and leaves at least one public section without a match. With the
/// claims it matches, in page order.
fn search_word() -> (String, Vec<ClaimIndex>) {
    let document = &summit().core;
    let mut words: Vec<String> = document
        .claims
        .iter()
        .flat_map(|entry| entry.claim.statement.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|word| word.len() >= 4)
        .map(str::to_ascii_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
        .into_iter()
        .find_map(|word| {
            let matching: Vec<ClaimIndex> =
                (0..document.claims.len()).map(ClaimIndex).filter(|&claim| mentions(claim, &word)).collect();
            let in_overview = matching.iter().any(|&claim| document.claim(claim).place == Place::Overview);
            let a_section_without =
                PUBLIC_SECTIONS.iter().any(|id| claims_of(id).iter().all(|claim| !matching.contains(claim)));
            (matching.len() >= 2 && !in_overview && a_section_without).then_some((word, matching))
        })
        .expect("some word of the claims matches a few claims of the sections only")
}

#[wasm_bindgen_test]
fn searching_filters_opens_highlights_and_announces_and_escape_restores() {
    let document_data = &summit().core;
    let (word, matching) = search_word();
    let has_match =
        |section: usize| matching.iter().any(|&claim| document_data.claim(claim).place == Place::Section(section));
    // A section with no match, open before the search.
    let unmatched = *PUBLIC_SECTIONS.iter().find(|id| !has_match(section_index(id))).expect("search_word leaves one");
    let (container, root) = prerendered();
    let explainer = enhance(&root, page_mode()).unwrap();
    toggle(&root, unmatched).click();
    type_search(&root, &word);
    let visible = visible_claims(&root);
    assert_eq!(
        visible,
        matching.iter().map(|&claim| claim_id(claim)).collect::<Vec<_>>(),
        "{word:?} shows what matches"
    );
    for (index, section) in document_data.sections.iter().enumerate() {
        let hidden = find(&root, &format!("section[id=\"{}\"]", section.id)).hidden();
        if has_match(index) {
            assert!(!hidden, "{}: a section with a match is shown", section.id);
            assert_eq!(shown_state(&root, section.id), "open", "and open");
        } else {
            assert!(hidden, "{}: a section without a match is hidden", section.id);
            assert_eq!(shown_state(&root, section.id), "closed", "and closed: what is open is what has matches");
        }
    }
    assert!(find(&root, "#overview").hidden(), "no claim of the overview matches {word:?}");
    assert_eq!(find(&root, "[data-se-show-all]").text_content().unwrap(), "Show all sections");
    let hits: Vec<String> = {
        let list = root.query_selector_all("mark.se-hit").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
    };
    assert!(!hits.is_empty() && hits.iter().all(|h| h.to_ascii_lowercase() == word), "{word:?}: {hits:?}");
    for &claim in &matching {
        let claim_text = find(&by_id(&root, &claim_id(claim)), ".se-claim-text");
        assert_eq!(
            claim_text.text_content().unwrap(),
            document_data.claim(claim).claim.statement,
            "marking keeps the text"
        );
    }
    assert_eq!(find(&root, "[data-se-status]").text_content().unwrap(), format!("{} claims match", matching.len()));
    assert!(find(&root, "[data-se-no-match]").hidden());

    let nothing = format!("{word} <b>steel</b>");
    assert!(!(0..document_data.claims.len()).any(|claim| mentions(ClaimIndex(claim), "<b>steel</b>")));
    type_search(&root, &nothing);
    assert!(visible_claims(&root).is_empty());
    let no_match = find(&root, "[data-se-no-match]");
    assert!(!no_match.hidden());
    assert_eq!(
        find(&root, ".se-no-match-text").text_content().unwrap(),
        format!("No claim matches \u{201c}{nothing}\u{201d}.")
    );
    assert!(root.query_selector("b").unwrap().is_none(), "the query is text, never markup");

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let input = find(&root, "[data-se-search]");
    input
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
    assert_eq!(input.unchecked_ref::<web_sys::HtmlInputElement>().value(), "");
    assert_eq!(visible_claims(&root).len(), document_data.claims.len(), "every claim is back");
    assert!(root.query_selector("mark.se-hit").unwrap().is_none(), "and unmarked");
    assert!(document_data.sections.iter().all(|s| !find(&root, &format!("section[id=\"{}\"]", s.id)).hidden()));
    assert!(!find(&root, "#overview").hidden());
    let open: Vec<&str> =
        document_data.sections.iter().filter(|s| shown_state(&root, s.id) == "open").map(|s| s.id).collect();
    assert_eq!(open, [unmatched], "what was open before the search");
    assert_eq!(find(&root, "[data-se-status]").text_content().unwrap(), "");
    assert!(explainer.state().search.is_none());
    container.remove();
}

#[wasm_bindgen_test]
fn the_theme_switch_themes_the_page_and_is_remembered() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = summit_explainer::storage::THEME_KEY;
    let html = document().document_element().unwrap();
    let remembering = || Mode { read_hash: false, write_hash: false, ..Mode::page() };
    let choose = |root: &Element, theme: &str| {
        let radio: web_sys::HtmlInputElement =
            find(root, &format!("[data-se-theme-choice][value=\"{theme}\"]")).unchecked_into();
        radio.click();
    };
    storage.remove_item(key).unwrap();

    let (container, root) = prerendered();
    let explainer = enhance(&root, remembering()).unwrap();
    assert_eq!(root.get_attribute("data-se-theme"), None, "auto by default");
    choose(&root, "dark");
    assert_eq!(root.get_attribute("data-se-theme").as_deref(), Some("dark"));
    assert_eq!(html.get_attribute("data-se-theme").as_deref(), Some("dark"), "the page follows");
    assert_eq!(storage.get_item(key).unwrap().as_deref(), Some("dark"));
    drop(explainer);
    container.remove();

    let (container, root) = prerendered();
    let _explainer = enhance(&root, remembering()).unwrap();
    assert_eq!(root.get_attribute("data-se-theme").as_deref(), Some("dark"), "restored on the next visit");
    let checked: web_sys::HtmlInputElement = find(&root, "[data-se-theme-choice][value=\"dark\"]").unchecked_into();
    assert!(checked.checked(), "and the switch says so");
    choose(&root, "auto");
    assert_eq!(root.get_attribute("data-se-theme"), None);
    assert_eq!(html.get_attribute("data-se-theme"), None);
    container.remove();

    storage.set_item(key, "<script>").unwrap();
    let (container, root) = prerendered();
    let _explainer = enhance(&root, remembering()).unwrap();
    assert_eq!(root.get_attribute("data-se-theme"), None, "garbage is ignored");
    container.remove();
    storage.remove_item(key).unwrap();
}

#[wasm_bindgen_test]
async fn a_claim_deep_link_opens_its_section_and_marks_and_focuses_the_claim() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    // The last claim of a section, then a claim in the overview (or, were the overview empty, in another
    // section).
    let linked = claim_id(*claims_of("economic-friction").last().unwrap());
    let document_data = &summit().core;
    let other =
        claim_id(ClaimIndex(document_data.overview_claims.clone().next().unwrap_or_else(|| first_claim_of("space").0)));
    history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{linked}"))).unwrap();
    let (container, root) = prerendered();
    let explainer = enhance(&root, Mode { remember: false, ..Mode::page() }).unwrap();
    assert_eq!(shown_state(&root, "economic-friction"), "open", "on load");
    let claim = by_id(&root, &linked);
    assert!(claim.class_list().contains(hooks::CURRENT.name));
    assert_eq!(active_element_id(), linked);

    window.location().set_hash(&other).unwrap();
    next_event(&window, "hashchange").await;
    assert!(by_id(&root, &other).class_list().contains(hooks::CURRENT.name), "on hashchange");
    assert!(!claim.class_list().contains(hooks::CURRENT.name), "the mark moved");
    drop(explainer);
    history.replace_state_with_url(&JsValue::NULL, "", Some("#")).unwrap();
    container.remove();
}

/// A small deterministic generator (xorshift64*), so that a failing sequence is replayed from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A copy of `root` without what the browser, not the view, owns: the root's enhanced flag, the open state of
/// "In context" disclosures (the reader's, never the state's), and adjacent text nodes joined.
fn as_the_view_owns(root: &Element) -> Element {
    let copy: Element = root.clone_node_with_deep(true).unwrap().unchecked_into();
    copy.remove_attribute(hooks::ENHANCED.name).unwrap();
    let open = copy.query_selector_all("details[open]").unwrap();
    for i in 0..open.length() {
        open.item(i).unwrap().unchecked_into::<Element>().remove_attribute("open").unwrap();
    }
    copy.normalize();
    copy
}

/// Where two trees first differ: the path of the element, and each side's opening tag and text.
fn first_difference(live: &web_sys::Node, view: &web_sys::Node, path: &str) -> Option<String> {
    if live.is_equal_node(Some(view)) {
        return None;
    }
    let (a, b) = (live.child_nodes(), view.child_nodes());
    let shallow = |node: &web_sys::Node| match node.dyn_ref::<Element>() {
        Some(element) => {
            let html = element.outer_html();
            let end = html.find('>').map_or(html.len(), |i| i + 1);
            format!(
                "{} ({:?})",
                &html[..end],
                element.text_content().unwrap_or_default().chars().take(80).collect::<String>()
            )
        }
        None => format!("{:?}", node.text_content().unwrap_or_default()),
    };
    let same_self = {
        let (x, y) = (live.clone_node().unwrap(), view.clone_node().unwrap());
        x.is_equal_node(Some(&y))
    };
    if same_self && a.length() == b.length() {
        for i in 0..a.length() {
            let (x, y) = (a.item(i).unwrap(), b.item(i).unwrap());
            if let Some(found) = first_difference(&x, &y, &format!("{path} > {}", x.node_name().to_lowercase())) {
                return Some(found);
            }
        }
    }
    Some(format!("at {path}:\n  live: {}\n  view: {}", shallow(live), shallow(view)))
}

/// The view draws every state: after each step of random sequences of what a reader does (headers, show all,
/// searches with and without matches, clearing, the quotes, citations, the way back, the claims in full) and
/// of what a host or the URL sends (open and close, navigate), the live markup is exactly the view of the
/// explainer's new state. The patches are an optimisation of drawing again, never a second description.
#[wasm_bindgen_test]
fn after_any_sequence_of_messages_the_markup_is_the_view_of_the_state() {
    let document_data = &summit().core;
    let (word, _) = search_word();
    let overview_word = document_data.claims[document_data.overview_claims.start]
        .claim
        .statement
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| w.len() >= 5)
        .unwrap()
        .to_ascii_lowercase();
    let searches = [word.clone(), overview_word, format!("{word} zzqx"), "the".into(), String::new(), "  ".into()];
    let claims = document_data.claims.len();
    for seed in 1..=6u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let (container, root) = prerendered();
        let running = enhance(&root, page_mode()).unwrap();
        let mut steps = Vec::new();
        for _ in 0..40 {
            let claim = ClaimIndex(rng.below(claims));
            let item = by_id(&root, &claim_id(claim));
            let step = match rng.below(11) {
                0 | 1 => {
                    let id = *rng.pick(&section_ids());
                    toggle(&root, id).click();
                    format!("click the header of {id}")
                }
                2 => {
                    find(&root, "[data-se-show-all]").click();
                    "click show all".to_string()
                }
                3 | 4 => {
                    let text = rng.pick(&searches).clone();
                    type_search(&root, &text);
                    format!("type {text:?}")
                }
                5 => {
                    find(&root, "[data-se-clear]").click();
                    "click clear".to_string()
                }
                6 => {
                    let init = web_sys::KeyboardEventInit::new();
                    init.set_key("Escape");
                    init.set_bubbles(true);
                    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
                    find(&root, "[data-se-search]").dispatch_event(&event).unwrap();
                    "Escape in the search box".to_string()
                }
                7 => match item.query_selector("[data-se-quotes]").unwrap() {
                    Some(button) => {
                        button.unchecked_into::<HtmlElement>().click();
                        format!("click the quotes of {}", claim_id(claim))
                    }
                    None => "nothing (a short version has no quotes button)".to_string(),
                },
                8 => {
                    let links = item.query_selector_all(".se-cite, .se-see").unwrap();
                    let link: HtmlElement =
                        links.item(rng.below(links.length() as usize) as u32).unwrap().unchecked_into();
                    link.click();
                    format!("follow {} from {}", link.get_attribute("href").unwrap(), claim_id(claim))
                }
                9 => {
                    let anchor = *rng.pick(document_data.claim(claim).anchors);
                    running.dispatch(summit_explainer::state::Msg::Return(claim, anchor));
                    format!("back to {} from {}", claim_id(claim), quote_id(anchor))
                }
                _ => {
                    let section = rng.below(document_data.sections.len());
                    let open = rng.below(2) == 0;
                    running.dispatch(summit_explainer::state::Msg::SetOpen(section, open));
                    format!("the host sets {} open: {open}", document_data.sections[section].id)
                }
            };
            steps.push(step);
            let view = explainer(summit(), &running.state(), &ViewOptions::default()).into_node();
            let view: Element = dom::build(&document(), &view).unwrap().unchecked_into();
            view.normalize();
            let live = as_the_view_owns(&root);
            if let Some(difference) = first_difference(&live, &view, "div.se") {
                panic!(
                    "seed {seed}, after:\n  {}\nthe markup is not the view of the state {difference}",
                    steps.join("\n  ")
                );
            }
        }
        drop(running);
        container.remove();
    }
}
