//! sessionStorage's open sections and localStorage's theme, which anyone can edit: read as this build wrote
//! them or refused whole; what is accepted writes back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_explainer::document::Document;
use summit_explainer::state::State;
use summit_explainer::storage::{format_open, parse_open, parse_theme};

fuzz_target!(|stored: &str| {
    let document = Document::built_in();
    if let Ok(sections) = parse_open(document, stored) {
        let mut state = State::closed(document);
        for &section in &sections {
            state.open[section] = true;
        }
        let mut sorted = sections.clone();
        sorted.sort_unstable();
        assert_eq!(parse_open(document, &format_open(document, &state.open_sections())), Ok(sorted));
    }
    assert_eq!(parse_theme(stored).is_ok(), matches!(stored, "light" | "dark" | "auto"));
});
