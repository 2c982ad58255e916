//! The iframe's query string: parsed into consistent options or refused with a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_explainer::document::Document;
use summit_explainer::options::{from_query, OptionsError, OPTIONS};
use summit_explainer::route::percent_decode;

// The error is the one the query calls for: an unknown option for a name that is none, a bad query for
// a pair that is not valid percent-encoding, otherwise one that names an option the query gives (after
// decoding, as the parser reads it).
fuzz_target!(|query: &str| {
    let document = Document::built_in();
    let pairs = query.strip_prefix('?').unwrap_or(query).split('&').filter(|pair| !pair.is_empty());
    let names: Vec<Option<String>> = pairs
        .map(|pair| percent_decode(&pair.split_once('=').map_or(pair, |(name, _)| name).replace('+', " ")))
        .collect();
    match from_query(document, query) {
        Ok(options) => {
            assert!(!options.sections.is_empty());
            assert!(options.open.iter().all(|s| options.sections.contains(s)));
            assert!(names.iter().all(|name| name.as_deref().is_some_and(|n| OPTIONS.iter().any(|(_, q)| *q == n))));
        }
        Err(OptionsError::UnknownOption { name, .. }) => {
            let given = |n: &Option<String>| {
                n.as_deref().is_some_and(|n| n == name || name.strip_suffix('…').is_some_and(|start| n.starts_with(start)))
            };
            assert!(names.iter().any(given) && !OPTIONS.iter().any(|(_, q)| *q == name), "{name}");
        }
        Err(error) => {
            let option = error.option().unwrap_or_else(|| panic!("{error:?} from a query"));
            let named = names.iter().any(|name| name.as_deref() == Some(option));
            assert!(option == "the query string" || named, "{error} names {option}, which the query does not give");
        }
    }
});
