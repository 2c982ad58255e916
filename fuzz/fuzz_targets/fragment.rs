//! The URL fragment (`location.hash`, link targets): parsed or refused, never a panic; a place it accepts is
//! exactly the one whose name it decodes to (or a claim that has moved, found by its id), and an instance's
//! prefix changes nothing else. A history entry's state, made of two fragments, reads back only as a claim and
//! a quote it cites.
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_explainer::document::Document;
use summit_explainer::route::{parse_fragment, parse_return_state, percent_decode, well_formed, FragmentError, Target};

fuzz_target!(|fragment: &str| {
    let document = Document::built_in();
    let read = fragment.strip_prefix('#').unwrap_or(fragment);
    let plain = parse_fragment(document, fragment, "");
    if let Ok(target) = plain {
        let decoded = percent_decode(read).expect("what parsed, decoded");
        // Its own name, or a claim's id under the name of another part (a claim that has moved is found).
        let moved = matches!(target, Target::Claim(claim)
            if decoded.split_once('/').is_some_and(|(part, id)| id == document.claim(claim).claim.id && well_formed(part)));
        assert!(decoded == target.fragment(document) || moved, "{decoded:?}");
    }
    if let Some((claim, anchor)) = parse_return_state(document, fragment, "") {
        assert!(document.claim(claim).anchors.contains(&anchor));
    }
    let prefixed = parse_fragment(document, &format!("#se1-{read}"), "se1-");
    match (&plain, &prefixed) {
        // The prefix adds four bytes, so only the length limit and emptiness can tell them apart.
        (Err(FragmentError::Empty), _) | (_, Err(FragmentError::TooLong(_))) => {}
        _ => assert_eq!(plain, prefixed),
    }
});
