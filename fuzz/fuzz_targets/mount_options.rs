//! `mount()`'s options: any JavaScript value (as serde-wasm-bindgen reads it), parsed or refused.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use summit_explainer::document::Document;
use summit_explainer::options::{from_js, OPTIONS};
use summit_explainer::value::Value;

#[path = "../../tests/support/mount_errors.rs"]
mod mount_errors;

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

// The answer is the one the value calls for: the property test's oracle, shared.
fuzz_target!(|value: Js| {
    let value = value.value();
    let result = from_js(Document::built_in(), &value);
    if let Err(why) = mount_errors::check(&value, &result) {
        panic!("{why}");
    }
});
