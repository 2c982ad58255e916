//! What `mount()` must answer for any JavaScript value: the oracle that the property test
//! (`tests/properties.rs`) and the fuzz target (`fuzz/fuzz_targets/mount_options.rs`) both hold the parser
//! to, so the two cannot drift apart. Each includes this file with `#[path]`.

use summit_explainer::options::{EmbedOptions, OptionsError, OPTIONS};
use summit_explainer::value::Value;

/// `Ok` when `result` is what `value` calls for: options that are consistent, and only for an object or
/// nothing; not an object for anything else; an unknown option for a key that is none; otherwise an error
/// that names an option the value gives. `Err` says what was wrong.
pub fn check(value: &Value, result: &Result<EmbedOptions, OptionsError>) -> Result<(), String> {
    let keys: Vec<&str> = match value {
        Value::Object(entries) => entries.iter().map(|(key, _)| key.as_str()).collect(),
        _ => Vec::new(),
    };
    let an_object = matches!(value, Value::Object(_) | Value::Null);
    match result {
        Ok(options) => {
            if !an_object {
                return Err(format!("options from {value:?}, which is not an object"));
            }
            if options.sections.is_empty() || !options.open.iter().all(|s| options.sections.contains(s)) {
                return Err(format!("inconsistent options {options:?}"));
            }
        }
        Err(OptionsError::NotAnObject { .. }) => {
            if an_object {
                return Err(format!("{value:?} is an object or nothing, yet refused as not one"));
            }
        }
        Err(OptionsError::UnknownOption { name, .. }) => {
            // A long name is quoted shortened, with an ellipsis.
            let given = |key: &&str| *key == name || name.strip_suffix('…').is_some_and(|start| key.starts_with(start));
            let known = OPTIONS.iter().any(|(js, _)| *js == name);
            if known || !keys.iter().any(given) {
                return Err(name.clone());
            }
        }
        Err(error) => {
            if !an_object {
                return Err(format!("{error}"));
            }
            let Some(option) = error.option() else { return Err(format!("{error:?} from a plain value")) };
            if !keys.contains(&option) {
                return Err(format!("{error} names {option}, which {keys:?} does not give"));
            }
        }
    }
    Ok(())
}
