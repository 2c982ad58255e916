//! The URL fragment (`location.hash`, link targets): parsed or refused, never a panic; a place it accepts is
//! exactly the one whose name it decodes to, and an instance's prefix changes nothing else.
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_explainer::document::Document;
use summit_explainer::route::{parse_fragment, percent_decode, FragmentError};

fuzz_target!(|fragment: &str| {
    let document = Document::built_in();
    let read = fragment.strip_prefix('#').unwrap_or(fragment);
    let plain = parse_fragment(document, fragment, "");
    if let Ok(target) = plain {
        assert_eq!(percent_decode(read), Some(target.fragment(document)));
    }
    let prefixed = parse_fragment(document, &format!("#se1-{read}"), "se1-");
    match (&plain, &prefixed) {
        // The prefix adds four bytes, so only the length limit and emptiness can tell them apart.
        (Err(FragmentError::Empty), _) | (_, Err(FragmentError::TooLong(_))) => {}
        _ => assert_eq!(plain, prefixed),
    }
});
