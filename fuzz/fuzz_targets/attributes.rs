//! The custom element's attributes: any names and values, parsed or refused; the host's own attributes
//! (anything that is not an option) never change the result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_explainer::document::Document;
use summit_explainer::options::{attribute_names, from_attributes};

fuzz_target!(|attributes: Vec<(&str, &str)>| {
    let document = Document::built_in();
    let result = from_attributes(document, attributes.iter().copied());
    let ours = attributes.iter().copied().filter(|(name, _)| attribute_names().any(|known| known == *name));
    assert_eq!(from_attributes(document, ours), result);
    if let Ok(options) = result {
        assert!(options.open.iter().all(|s| options.sections.contains(s)));
    }
});
