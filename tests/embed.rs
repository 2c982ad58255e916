//! Browser tests of the embedding API (`wasm-pack test`, Chromium and Firefox, via `cargo xtask test`):
//! `mount()` builds what its options ask for, throws a clear `Error` and touches nothing on bad input,
//! sends its events, keeps instances apart, and `unmount()` leaves nothing behind.
//!
//! The embeds render the content this build ships; the tests name only its public section ids and read every
//! claim, quote, count and text they need from the document (see `support`).

#![cfg(all(target_arch = "wasm32", feature = "embed"))]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use summit_explainer::browser::embed::{live_instances, mount, mount_element, summit_data};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlElement};

mod support;

use support::{
    claim_id, document, find, first_claim_of, first_quote, host_element, is_open, quote_id, root_in, section_ids,
    summit,
};

wasm_bindgen_test_configure!(run_in_browser);

fn options(json: &str) -> Option<JsValue> {
    Some(js_sys::JSON::parse(json).expect("test JSON is valid"))
}

fn message(value: impl Into<JsValue>) -> String {
    let value: JsValue = value.into();
    let error: &js_sys::Error = value.dyn_ref().expect("a real JavaScript Error");
    String::from(error.message())
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn attribute_of_all(root: &Element, selector: &str, attribute: &str) -> Vec<String> {
    all(root, selector).iter().map(|e| e.get_attribute(attribute).unwrap_or_default()).collect()
}

/// Records the `detail` of every `event_type` event reaching `target`, as JSON.
fn record(target: &Element, event_type: &'static str) -> (EventListener, Rc<RefCell<Vec<String>>>) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&log);
    let listener = EventListener::new(target, event_type, move |event| {
        let event: &CustomEvent = event.dyn_ref().expect("a CustomEvent");
        assert!(event.bubbles() && event.composed(), "{event_type} bubbles and is composed");
        sink.borrow_mut().push(String::from(js_sys::JSON::stringify(&event.detail()).unwrap()));
    });
    (listener, log)
}

#[wasm_bindgen_test]
fn mount_shows_the_sections_asked_for_in_that_order_and_unmount_leaves_nothing() {
    let host = host_element();
    let before = host.inner_html();
    let live = live_instances();
    let handle = mount(
        host.clone().into(),
        options(
            r#"{"sections": ["economic-friction", "space"], "open": ["space"], "headingLevel": 4, "theme": "dark"}"#,
        ),
    )
    .unwrap();
    assert_eq!(live_instances(), live + 1);
    let root = root_in(&host);
    assert_eq!(attribute_of_all(&root, "[data-se-toggle]", "data-se-toggle"), ["economic-friction", "space"]);
    assert!(is_open(&root, "space") && !is_open(&root, "economic-friction"));
    assert_eq!(all(&root, "h4.se-section-heading").len(), 2);
    assert_eq!(all(&root, "h3.se-title").len(), 1, "the title is one level above the sections");
    assert_eq!(root.get_attribute("data-se-theme").as_deref(), Some("dark"));
    assert!(all(&root, "[id]").iter().all(|e| e.id().starts_with("se")), "every id carries the instance prefix");
    assert_eq!(handle.open_sections(), ["space"]);

    find(&root, "[data-se-toggle=\"economic-friction\"]").click();
    assert_eq!(handle.open_sections(), ["economic-friction", "space"]);
    handle.close_section("space").unwrap();
    assert!(!is_open(&root, "space"));

    handle.unmount();
    assert_eq!(host.inner_html(), before, "unmount removes every node it added, and only those");
    assert_eq!(live_instances(), live);
    assert!(!handle.mounted());
    handle.unmount(); // Again: nothing happens.
    assert_eq!(
        message(handle.open_section("space").unwrap_err()),
        "summit-explainer: this explainer has been unmounted"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn bad_options_throw_a_clear_error_and_leave_the_element_as_it_was() {
    let host = host_element();
    let before = host.inner_html();
    let live = live_instances();
    // Every section id of this build, in page order, as the messages list them.
    let every_id = section_ids().join(", ");
    let cases = [
        (
            r#"{"open": ["spcae"]}"#,
            format!("summit-explainer: unknown section \"spcae\" in open; expected one of {every_id}, or \"all\""),
        ),
        (r#"{"sections": "space"}"#, "summit-explainer: sections must be an array of section ids, not the string \"space\"".to_string()),
        (
            r#"{"colour": "red"}"#,
            "summit-explainer: unknown option \"colour\"; expected one of sections, open, theme, headingLevel, overview, article, articleUrl, deepLinks".to_string(),
        ),
        (r#"{"headingLevel": 9}"#, "summit-explainer: bad value 9 for headingLevel; expected a whole number from 2 to 6".to_string()),
        (r#"[1, 2]"#, "summit-explainer: the options must be an object (or undefined), not an array".to_string()),
        (
            r#"{"deepLinks": true}"#,
            "summit-explainer: deep links need a stable id of letters, digits, - or _ on the element (for example id=\"summit\"), not \"\"".to_string(),
        ),
    ];
    for (input, expected) in cases {
        let error = mount(host.clone().into(), options(input)).err().unwrap_or_else(|| panic!("{input} is refused"));
        assert_eq!(message(error), expected);
        assert_eq!(host.inner_html(), before, "{input} leaves the element untouched");
    }
    // Values that are not plain data: a function, a function inside, a cyclic object, deep nesting.
    let function: JsValue = js_sys::Function::new_no_args("return 1").into();
    let holding = options(r#"{"open": null}"#).unwrap();
    js_sys::Reflect::set(&holding, &"open".into(), &function).unwrap();
    let cyclic = options(r#"{"sections": ["space"]}"#).unwrap();
    js_sys::Reflect::set(&cyclic, &"theme".into(), &cyclic).unwrap();
    let deep = options(&format!("{{\"open\": {}1{}}}", "[".repeat(20), "]".repeat(20))).unwrap();
    let plain = "summit-explainer: the options must be plain data (strings, numbers, booleans, arrays), but hold";
    for (value, what) in [
        (function.clone(), "a function"),
        (holding, "a function"),
        (cyclic, "objects nested more than 8 deep"),
        (deep, "objects nested more than 8 deep"),
    ] {
        let error = mount(host.clone().into(), Some(value)).err().expect("refused");
        assert_eq!(message(error), format!("{plain} {what}"));
        assert_eq!(host.inner_html(), before);
    }
    assert_eq!(live_instances(), live);

    let handle = mount(host.clone().into(), None).unwrap();
    let again = mount(host.clone().into(), None).err().expect("one explainer per element");
    assert_eq!(message(again), "summit-explainer: this element already holds an explainer; unmount() it first");
    assert_eq!(
        message(handle.open_section("moon").unwrap_err()),
        format!("summit-explainer: unknown section \"moon\"; this explainer shows {every_id}")
    );
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
fn a_mount_target_that_is_not_an_element_is_a_type_error_saying_what_was_expected() {
    let live = live_instances();
    let expect = "summit-explainer: mount() takes the Element to mount into as its first argument, ";
    for (target, says) in [
        (JsValue::NULL, "not null (did document.querySelector or getElementById find nothing?)"),
        (JsValue::UNDEFINED, "not undefined"),
        (JsValue::from_str("#m"), "not a string: for a selector, pass document.querySelector(\"#m\")"),
        (JsValue::from_f64(3.0), "not the number 3"),
    ] {
        let error = mount(target, None).err().expect("refused");
        assert!(error.is_instance_of::<js_sys::TypeError>(), "a TypeError, not a crash inside the wasm");
        assert_eq!(message(error), format!("{expect}{says}"));
    }
    assert_eq!(live_instances(), live, "nothing was mounted");
}

#[wasm_bindgen_test]
fn toggles_and_quotes_are_announced_to_the_host_as_events() {
    let host = host_element();
    let (_toggles, toggled) = record(&host, "section-toggle");
    let (_quotes, opened) = record(&host, "quote-open");
    let handle = mount(host.clone().into(), options(r#"{"sections": ["space"]}"#)).unwrap();
    let root = root_in(&host);
    find(&root, "[data-se-toggle=\"space\"]").click();
    handle.close_section("space").unwrap();
    handle.close_section("space").unwrap(); // Already closed: no event.
    assert_eq!(*toggled.borrow(), [r#"{"id":"space","open":true}"#, r#"{"id":"space","open":false}"#]);

    // The first citation of the section's first claim.
    let claim = first_claim_of("space");
    let anchor = first_quote(claim);
    let citation = find(&root, &format!("[id$=\"{}\"] .se-cite", claim_id(claim)));
    citation.click();
    let quote = find(&root, "mark.se-current");
    assert!(quote.id().ends_with(&quote_id(anchor)), "{}", quote.id());
    assert_eq!(opened.borrow().len(), 1);
    let expected = js_sys::Object::new();
    js_sys::Reflect::set(&expected, &"claim".into(), &claim_id(claim).into()).unwrap();
    js_sys::Reflect::set(&expected, &"quote".into(), &quote_id(anchor).into()).unwrap();
    js_sys::Reflect::set(&expected, &"text".into(), &summit().core.anchor_text(anchor).into()).unwrap();
    assert_eq!(opened.borrow()[0], String::from(js_sys::JSON::stringify(&expected).unwrap()));
    assert_eq!(toggled.borrow().len(), 2, "the quote is in the article, so no section toggled");
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
fn a_host_listener_may_call_back_into_the_instance() {
    let host = host_element();
    let handle =
        Rc::new(mount(host.clone().into(), options(r#"{"sections": ["space", "economic-friction"]}"#)).unwrap());
    let inner = Rc::clone(&handle);
    // Opening one section closes the other: the listener runs while the instance is handling the click.
    let _listener = EventListener::new(&host, "section-toggle", move |event| {
        let detail = event.unchecked_ref::<CustomEvent>().detail();
        let id = js_sys::Reflect::get(&detail, &"id".into()).unwrap().as_string().unwrap();
        let open = js_sys::Reflect::get(&detail, &"open".into()).unwrap().as_bool().unwrap();
        if open {
            let other = if id == "space" { "economic-friction" } else { "space" };
            inner.close_section(other).unwrap();
        }
    });
    let root = root_in(&host);
    find(&root, "[data-se-toggle=\"space\"]").click();
    find(&root, "[data-se-toggle=\"economic-friction\"]").click();
    assert_eq!(handle.open_sections(), ["economic-friction"]);
    handle.unmount();
    host.remove();
}

/// `focus()` runs the host's focus listeners at once, while the instance is carrying out a citation's effects:
/// a listener that calls the handle then reads the state the citation left, and its call is made once the
/// citation is done, its events in order (it used to panic on the borrowed state and stop the explainer).
#[wasm_bindgen_test]
fn a_host_focus_listener_may_call_the_handle_while_a_citation_moves_focus() {
    let host = host_element();
    let events = Rc::new(RefCell::new(Vec::new()));
    let listen = |event_type: &'static str| {
        let log = Rc::clone(&events);
        EventListener::new(&host, event_type, move |_| log.borrow_mut().push(event_type))
    };
    let (_toggles, _quotes) = (listen("section-toggle"), listen("quote-open"));
    let handle = Rc::new(
        mount(host.clone().into(), options(r#"{"sections": ["space", "economic-friction"], "open": ["space"]}"#))
            .unwrap(),
    );
    let inner = Rc::clone(&handle);
    let heard = Rc::new(RefCell::new(Vec::new()));
    let log = Rc::clone(&heard);
    let _listener = EventListener::new(&host, "focusin", move |_| {
        log.borrow_mut().push(inner.open_sections());
        inner.close_section("space").unwrap();
        log.borrow_mut().push(inner.open_sections());
    });
    let root = root_in(&host);
    let claim = first_claim_of("space");
    find(&root, &format!("[id$=\"{}\"] .se-cite", claim_id(claim))).click();
    assert!(!root.has_attribute("data-se-failed"), "the explainer goes on");
    assert_eq!(*heard.borrow(), [vec!["space"], vec!["space"]], "the listener ran once, and its call waited its turn");
    assert_eq!(handle.open_sections(), Vec::<String>::new(), "its call was carried out after");
    assert_eq!(*events.borrow(), ["quote-open", "section-toggle"], "the events in the order of the changes");
    let quote = find(&root, "mark.se-current");
    assert!(quote.id().ends_with(&quote_id(first_quote(claim))), "{}", quote.id());
    handle.unmount();
    host.remove();
}

/// A host that answers every action of the explainer's with another (here: each focus with a citation, which
/// moves focus again) does not hang the page or overflow the stack: past a bound, the rest are dropped, said.
#[wasm_bindgen_test]
fn a_host_answering_each_action_with_another_is_cut_off() {
    let host = host_element();
    let handle = mount(host.clone().into(), options(r#"{"sections": ["space"], "open": ["space"]}"#)).unwrap();
    let root = root_in(&host);
    // Two citations of different quotes: following one moves focus away from the other's.
    let citations: Vec<HtmlElement> =
        all(&root, "[data-se-panel=\"space\"] .se-cite").into_iter().map(JsCast::unchecked_into).collect();
    let second = citations
        .iter()
        .find(|c| c.get_attribute("href") != citations[0].get_attribute("href"))
        .expect("the section cites two quotes")
        .clone();
    let pair = [citations[0].clone(), second];
    let answers = Rc::new(Cell::new(0));
    let count = Rc::clone(&answers);
    // Inside the shadow root, where focus moving from one quote to another is seen (the host sees only focus
    // coming in from outside).
    let _listener = EventListener::new(&root, "focusin", move |_| {
        count.set(count.get() + 1);
        pair[count.get() % 2].click();
    });
    citations[0].click();
    assert!((2..100).contains(&answers.get()), "{} answers: cut off", answers.get());
    assert!(!root.has_attribute("data-se-failed"), "the explainer goes on");
    assert_eq!(handle.open_sections(), ["space"]);
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
fn two_instances_have_their_own_state_ids_and_quote_links() {
    let first_host = host_element();
    let second_host = host_element();
    let first = mount(first_host.clone().into(), options(r#"{"sections": ["space"]}"#)).unwrap();
    let second = mount(second_host.clone().into(), options(r#"{"sections": ["space"]}"#)).unwrap();
    let first_root = root_in(&first_host);
    let second_root = root_in(&second_host);
    let first_ids = attribute_of_all(&first_root, "[id]", "id");
    let second_ids = attribute_of_all(&second_root, "[id]", "id");
    assert!(first_ids.iter().all(|id| !second_ids.contains(id)), "no id is shared, even across shadow roots");
    first.open_section("space").unwrap();
    find(&first_root, ".se-cite").click();
    assert_eq!(all(&first_root, ".se-current").len(), 1);
    assert!(all(&second_root, ".se-current").is_empty(), "a quote link in one never marks the other");
    let focused = first_root.get_root_node().unchecked_into::<web_sys::ShadowRoot>().active_element();
    let focused = focused.map(|e| e.id()).unwrap_or_default();
    assert_eq!(focused, find(&first_root, "mark.se-current").id(), "focus moved to the marked quote");
    assert_eq!(first.open_sections(), ["space"]);
    assert!(second.open_sections().is_empty());
    first.unmount();
    second.unmount();
    first_host.remove();
    second_host.remove();
}

#[wasm_bindgen_test]
fn dropping_the_handle_keeps_the_explainer_working() {
    let host = host_element();
    // What the garbage collector does to a handle the host let go of: free() it.
    let handle = JsValue::from(mount(host.clone().into(), options(r#"{"sections": ["space"]}"#)).unwrap());
    let free: js_sys::Function = js_sys::Reflect::get(&handle, &"free".into()).unwrap().unchecked_into();
    free.call0(&handle).unwrap();
    let root = root_in(&host);
    find(&root, "[data-se-toggle=\"space\"]").click();
    assert!(is_open(&root, "space"), "the registry, not the handle, owns the explainer");
    host.remove();
}

#[wasm_bindgen_test]
fn a_section_mounted_inside_a_hidden_container_shows_when_revealed() {
    // The same section mounted in plain view: the height it has when laid out normally.
    let reference_host = host_element();
    let reference =
        mount(reference_host.clone().into(), options(r#"{"sections": ["space"], "open": ["space"]}"#)).unwrap();
    let full_height = find(&root_in(&reference_host), "[data-se-panel=\"space\"]").offset_height();
    assert!(full_height > 0, "an open panel in view has a height");
    reference.unmount();
    reference_host.remove();

    let host = host_element();
    host.unchecked_ref::<HtmlElement>().set_hidden(true);
    let handle = mount(host.clone().into(), options(r#"{"sections": ["space"], "open": ["space"]}"#)).unwrap();
    let root = root_in(&host);
    let panel = find(&root, "[data-se-panel=\"space\"]");
    assert_eq!(panel.offset_height(), 0, "nothing is laid out while hidden");
    handle.close_section("space").unwrap();
    handle.open_section("space").unwrap();
    host.unchecked_ref::<HtmlElement>().set_hidden(false);
    assert_eq!(panel.offset_height(), full_height, "the open panel has its full height once shown");
    find(&root, "[data-se-toggle=\"space\"]").click();
    assert!(!is_open(&root, "space"));
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
fn the_element_api_reads_attributes_and_shows_bad_ones_in_its_own_box() {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host.set_attribute("sections", "space, economic-friction").unwrap();
    host.set_attribute("open", "all").unwrap();
    host.set_attribute("class", "anything the host likes").unwrap();
    let page = || "https://explainer.example/index.html".to_string();
    let handle = mount_element(host.clone(), page()).unwrap();
    assert_eq!(handle.open_sections(), ["space", "economic-friction"]);
    let shadow = host.shadow_root().expect("the element renders into its shadow root");
    assert_eq!(shadow.adopted_style_sheets().length(), 1, "with the component's stylesheet");
    handle.unmount();
    assert!(shadow.query_selector("[data-se-root]").unwrap().is_none());

    host.set_attribute("heading-level", "7").unwrap();
    let error = mount_element(host.clone(), page()).err().expect("refused");
    let expected =
        "summit-explainer: <summit-explainer>: bad value \"7\" for heading-level; expected a whole number from 2 to 6";
    assert_eq!(message(error), expected);
    let shown: HtmlElement =
        shadow.query_selector("[role=alert]").unwrap().expect("the message is shown").unchecked_into();
    assert_eq!(
        shown.text_content().unwrap(),
        format!("The explainer could not be shown.{}", &expected["summit-explainer: ".len()..])
    );

    host.set_attribute("heading-level", "3").unwrap();
    host.set_attribute("article", "false").unwrap();
    let handle = mount_element(host.clone(), page()).unwrap();
    assert!(shadow.query_selector("[role=alert]").unwrap().is_none(), "the old message is gone");
    let root: Element = shadow.query_selector("[data-se-root]").unwrap().unwrap();
    let href = find(&root, ".se-cite").get_attribute("href").unwrap();
    assert!(href.starts_with("https://explainer.example/index.html#q-"), "{href}");
    assert!(root.query_selector(".se-article").unwrap().is_none());
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
fn the_exported_data_slices_back_to_every_quote() {
    let data = summit_data().unwrap();
    let article = js_sys::Reflect::get(&data, &"article".into()).unwrap().as_string().unwrap();
    let article = js_sys::JsString::from(article);
    let sections: js_sys::Array = js_sys::Reflect::get(&data, &"sections".into()).unwrap().unchecked_into();
    let ids: Vec<String> =
        sections.iter().map(|s| js_sys::Reflect::get(&s, &"id".into()).unwrap().as_string().unwrap()).collect();
    assert_eq!(ids, section_ids(), "every section, in page order");
    let mut quotes = 0;
    for section in sections.iter() {
        let claims: js_sys::Array = js_sys::Reflect::get(&section, &"claims".into()).unwrap().unchecked_into();
        for claim in claims.iter() {
            let speaker = js_sys::Reflect::get(&claim, &"speaker".into()).unwrap();
            assert!(speaker.is_null() || speaker.is_string(), "speaker is a string or null, never undefined");
            let list: js_sys::Array = js_sys::Reflect::get(&claim, &"quotes".into()).unwrap().unchecked_into();
            for quote in list.iter() {
                let get = |key: &str| js_sys::Reflect::get(&quote, &key.into()).unwrap();
                let (start, end) = (get("start").as_f64().unwrap() as u32, get("end").as_f64().unwrap() as u32);
                assert_eq!(article.slice(start, end), get("text").as_string().unwrap());
                quotes += 1;
            }
        }
    }
    // Every quote of every section's claim, each counted once per claim citing it.
    let content = &summit().core;
    let expected: usize =
        content.section_claims.iter().flat_map(|claims| claims.clone()).map(|c| content.claims[c].anchors.len()).sum();
    assert!(expected > 0);
    assert_eq!(quotes, expected);
}
