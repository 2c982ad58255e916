//! The iframe's query string: parsed into consistent options or refused with a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_explainer::document::Document;
use summit_explainer::options::from_query;

fuzz_target!(|query: &str| {
    let document = Document::built_in();
    match from_query(document, query) {
        Ok(options) => {
            assert!(!options.sections.is_empty());
            assert!(options.open.iter().all(|s| options.sections.contains(s)));
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
