//! Long sessions and failures, in the browser (`wasm-pack test`, Chromium and Firefox): a thousand toggles
//! leave header, panel and state in agreement; three hundred mount/unmount cycles leave no node, instance or
//! listener behind and the wasm memory stops growing; a failure shows inside each explainer's own box.
//!
//! The sections are read from the content this build ships, whatever their number; only public section ids
//! are named (see `support`).

#![cfg(all(target_arch = "wasm32", feature = "embed"))]

use summit_explainer::browser::embed::{live_instances, mount, mount_element};
use summit_explainer::browser::{live_listeners, report_failure};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod support;

use support::{document, find, host_element, is_open, root_in, section_ids};

wasm_bindgen_test_configure!(run_in_browser);

/// The sections the markup shows open, in page order, after checking that each header and its panel agree.
fn open_in_markup(root: &Element) -> Vec<bool> {
    section_ids().iter().map(|id| is_open(root, id)).collect()
}

/// The wasm module's linear memory, in bytes.
fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
    f64::from(buffer.byte_length())
}

/// A small deterministic sequence (a linear congruential generator), so a failure can be replayed.
struct Steps(u32);

impl Steps {
    fn next(&mut self, below: u32) -> u32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (self.0 >> 8) % below
    }
}

/// A task boundary: a long test gives the browser a turn now and then, so that the test driver's messages are
/// answered (ChromeDriver gives up on a renderer silent for 30 s, which a slow machine can reach).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_thousand_toggles_leave_header_panel_and_state_in_agreement() {
    let host = host_element();
    let handle = mount(host.clone().into(), None).unwrap();
    let root = root_in(&host);
    let sections = section_ids();
    let count = sections.len();
    let mut expected = vec![false; count];
    let mut steps = Steps(7);
    for step in 0..1000 {
        let section = steps.next(count as u32) as usize;
        let id = sections[section];
        match steps.next(10) {
            // Mostly the reader's clicks; sometimes the host's API, or "Show all" / "Hide all".
            0 => {
                handle.open_section(id).unwrap();
                expected[section] = true;
            }
            1 => {
                handle.close_section(id).unwrap();
                expected[section] = false;
            }
            2 => {
                let all_open = expected.iter().all(|&open| open);
                find(&root, "[data-se-show-all]").click();
                expected = vec![!all_open; count];
            }
            _ => {
                find(&root, &format!("[data-se-toggle=\"{id}\"]")).click();
                expected[section] = !expected[section];
            }
        }
        if step % 50 == 49 {
            next_task().await;
            assert_eq!(open_in_markup(&root), expected, "after step {step}");
            let ids: Vec<&str> = sections.iter().zip(&expected).filter(|(_, open)| **open).map(|(id, _)| *id).collect();
            assert_eq!(handle.open_sections(), ids, "after step {step}");
            let label = find(&root, "[data-se-show-all]").text_content().unwrap();
            let all_open = expected.iter().all(|&open| open);
            assert_eq!(label, if all_open { "Hide all sections" } else { "Show all sections" });
        }
    }
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn three_hundred_mount_cycles_leave_nothing_behind_and_memory_stops_growing() {
    let host = host_element();
    let before = host.inner_html();
    let (instances, listeners) = (live_instances(), live_listeners());
    let mut memory_at_50 = 0.0;
    for cycle in 1..=300 {
        let options = js_sys::JSON::parse(r#"{"open": "all", "deepLinks": false}"#).unwrap();
        let handle = mount(host.clone().into(), Some(options)).unwrap();
        assert!(live_listeners() > listeners, "a mounted explainer listens");
        find(&root_in(&host), "[data-se-toggle=\"space\"]").click();
        handle.unmount();
        assert_eq!(host.inner_html(), before, "cycle {cycle}: every node it added is gone");
        assert_eq!((live_instances(), live_listeners()), (instances, listeners), "cycle {cycle}");
        if cycle == 50 {
            memory_at_50 = memory_bytes();
        }
        if cycle % 25 == 0 {
            next_task().await;
        }
    }
    assert_eq!(memory_bytes(), memory_at_50, "the linear memory grew between cycle 50 and cycle 300");

    // The element's way in, too (its shadow root and the container in it stay with the host element, for the
    // next render; the explainer goes).
    let element: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&element).unwrap();
    element.set_attribute("sections", "space,economic-friction").unwrap();
    for cycle in 1..=100 {
        let handle = mount_element(element.clone(), "https://explainer.example/".into()).unwrap();
        handle.unmount();
        let shadow = element.shadow_root().unwrap();
        assert!(shadow.query_selector("[data-se-root]").unwrap().is_none(), "cycle {cycle}");
        assert_eq!(shadow.query_selector_all("*").unwrap().length(), 1, "cycle {cycle}: only the container is left");
        assert_eq!((live_instances(), live_listeners()), (instances, listeners), "element cycle {cycle}");
        if cycle % 25 == 0 {
            next_task().await;
        }
    }
    assert_eq!(memory_bytes(), memory_at_50, "the linear memory grew with the element's cycles");
    element.remove();
    host.remove();
}

#[wasm_bindgen_test]
fn a_failure_shows_inside_each_explainer_once_and_leaves_the_host_alone() {
    let host = host_element();
    let handle = mount(host.clone().into(), None).unwrap();
    let element: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&element).unwrap();
    let other = mount_element(element.clone(), "https://explainer.example/".into()).unwrap();
    let other_root = element.shadow_root().unwrap().query_selector("[data-se-root]").unwrap().unwrap();

    report_failure();
    report_failure(); // A second panic adds nothing.
    for root in [root_in(&host).unchecked_into::<Element>(), other_root] {
        assert!(root.has_attribute("data-se-failed"));
        let notices = root.query_selector_all("[data-se-failure]").unwrap();
        assert_eq!(notices.length(), 1, "one notice per explainer");
        let first = root.first_element_child().unwrap();
        assert!(first.has_attribute("data-se-failure"), "the notice comes first in the explainer's box");
        assert_eq!(first.get_attribute("role").as_deref(), Some("alert"));
        // The content stays readable: every panel is shown.
        let panel = find(&root, "[data-se-panel=\"space\"]");
        let claims = find(&panel, ".se-claims");
        assert!(claims.offset_height() > 0, "the panel's claims are visible");
        let quotes = find(&panel, ".se-citations");
        assert!(quotes.offset_height() > 0, "and their quotes, which were on demand");
    }
    assert_eq!(
        host.first_element_child().unwrap().text_content().unwrap(),
        "The host's own paragraph.",
        "the host's own content is untouched"
    );
    assert!(document().body().unwrap().query_selector(":scope > [data-se-failure]").unwrap().is_none());
    handle.unmount();
    other.unmount();
    host.remove();
    element.remove();
}
