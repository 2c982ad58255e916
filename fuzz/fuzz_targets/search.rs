//! The search box: any input is a bounded query (or none), and its matches are whole characters of the article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_explainer::document::Document;
use summit_explainer::search::{highlighted, Query, MAX_WORDS};

fuzz_target!(|input: &str| {
    let document = Document::built_in();
    if let Some(query) = Query::parse(input) {
        assert!(query.word_count() <= MAX_WORDS);
        for range in query.ranges(document.article) {
            assert!(document.article.is_char_boundary(range.start) && document.article.is_char_boundary(range.end));
        }
        let nodes = highlighted(document.paragraph_text(0), Some(&query));
        assert!(!nodes.is_empty());
    }
});
