//! `mount()`'s options: any JavaScript value (as serde-wasm-bindgen reads it), parsed or refused.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use summit_explainer::document::Document;
use summit_explainer::options::{from_js, OptionsError, OPTIONS};
use summit_explainer::value::Value;

/// A JavaScript value; keys are often option names, so the fuzzer reaches the option parsers.
#[derive(Debug, Arbitrary)]
enum Js {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Js>),
    Object(Vec<(Key, Js)>),
}

#[derive(Debug, Arbitrary)]
enum Key {
    Option(u8),
    Other(String),
}

impl Js {
    fn value(self) -> Value {
        match self {
            Js::Null => Value::Null,
            Js::Bool(b) => Value::Bool(b),
            Js::Number(n) => Value::Number(n),
            Js::String(s) => Value::String(s),
            Js::Array(items) => Value::Array(items.into_iter().map(Js::value).collect()),
            Js::Object(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(key, value)| {
                        let key = match key {
                            Key::Option(o) => OPTIONS[usize::from(o) % OPTIONS.len()].0.to_string(),
                            Key::Other(name) => name,
                        };
                        (key, value.value())
                    })
                    .collect(),
            ),
        }
    }
}

// The error is the one the value calls for, as the property test `any_mount_value_is_parsed_or_refused_with_the_error_it_calls_for`
// says: not an object for anything but an object or nothing; an unknown option for a key that is none;
// otherwise one that names an option the value gives.
fuzz_target!(|value: Js| {
    let document = Document::built_in();
    let value = value.value();
    let keys: Vec<&str> = match &value {
        Value::Object(entries) => entries.iter().map(|(key, _)| key.as_str()).collect(),
        _ => Vec::new(),
    };
    let an_object = matches!(value, Value::Object(_) | Value::Null);
    match from_js(document, &value) {
        Ok(options) => {
            assert!(an_object);
            assert!(!options.sections.is_empty());
            assert!(options.open.iter().all(|s| options.sections.contains(s)));
        }
        Err(OptionsError::NotAnObject { .. }) => assert!(!an_object),
        Err(OptionsError::UnknownOption { name, .. }) => {
            // A long name is quoted shortened, with an ellipsis.
            let given = |key: &&str| *key == name || name.strip_suffix('…').is_some_and(|start| key.starts_with(start));
            assert!(keys.iter().any(given) && !OPTIONS.iter().any(|(js, _)| *js == name), "{name}");
        }
        Err(error) => {
            let option = error.option().unwrap_or_else(|| panic!("{error:?} from a plain value"));
            assert!(an_object && keys.contains(&option), "{error} names {option}, which {keys:?} does not give");
        }
    }
});
