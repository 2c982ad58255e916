//! JavaScript values to and from the pure core's [`Value`], by hand rather than through serde (which would
//! add tens of kilobytes to the wasm): `from_js` reads a host's `mount()` options, `to_js` writes event
//! details and `summitData()`.
//!
//! Reading is bounded: objects nested deeper than [`MAX_DEPTH`] (or cyclic ones) are refused, since the wasm
//! stack is small and has no guard page.

use crate::prelude::*;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Object, Reflect};

use crate::options::{unreadable, OptionsError};
use crate::value::Value;

/// What a thrown JavaScript value says, for a message: an `Error`'s (or `DOMException`'s) `message`, or the
/// value itself if it is a string. Not `format!("{value:?}")`, which would bring wasm-bindgen's
/// `debugString` into the glue.
pub fn describe_error(value: &JsValue) -> String {
    let message = Reflect::get(value, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
    message.or_else(|| value.as_string()).unwrap_or_else(|| "a value that is not an Error".to_string())
}

/// How deeply nested a host's options may be; real ones are two levels deep.
pub const MAX_DEPTH: usize = 8;

/// The host's value as the core reads it: `undefined` and `null` are `Null`; functions, symbols and
/// bigints are refused, as are objects nested deeper than [`MAX_DEPTH`].
pub fn from_js(value: &JsValue) -> Result<Value, OptionsError> {
    read(value, 0)
}

fn read(value: &JsValue, depth: usize) -> Result<Value, OptionsError> {
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Value::Number(n));
    }
    if let Some(s) = value.as_string() {
        return Ok(Value::String(s));
    }
    if value.is_function() || value.is_symbol() || value.is_bigint() {
        let kind = if value.is_function() {
            "a function"
        } else if value.is_symbol() {
            "a symbol"
        } else {
            "a bigint"
        };
        return Err(unreadable(kind));
    }
    if depth >= MAX_DEPTH {
        return Err(unreadable(format_args!("objects nested more than {MAX_DEPTH} deep")));
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        return array.iter().map(|item| read(&item, depth + 1)).collect::<Result<_, _>>().map(Value::Array);
    }
    let Some(object) = value.dyn_ref::<Object>() else { return Err(unreadable("an unknown kind of value")) };
    let mut entries = Vec::new();
    for key in Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let item = Reflect::get(object, &key)
            .map_err(|_| unreadable(format_args!("a property {} that cannot be read", crate::value::Quoted(&name))))?;
        entries.push((name, read(&item, depth + 1)?));
    }
    Ok(Value::Object(entries))
}

/// The core's value as a plain JavaScript value (objects with their keys in order, arrays, primitives).
pub fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(entries) => {
            let object = Object::new();
            for (key, item) in entries {
                // Setting a data property on a fresh plain object cannot fail.
                let _ = Reflect::set(&object, &JsValue::from_str(key), &to_js(item));
            }
            object.into()
        }
    }
}
