//! `Value`: a JavaScript value as the core sees it. The browser layer reads the host's objects into it
//! (`browser::js`), native tests read it from JSON (through serde, which the wasm does not carry), `options`
//! parses it and `export` writes it.

use crate::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use core::fmt;
#[cfg(not(target_arch = "wasm32"))]
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JavaScript value: read from the host's object by the browser layer (`browser::js`), from JSON in native
/// tests (through serde, which the wasm does not carry), and written back by `export`.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null` or `undefined`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, its entries in order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// How a value is named in a message: its type, and the value itself when short.
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "null".to_string(),
            Value::Bool(b) => format!("the boolean {b}"),
            Value::Number(n) => format!("the number {}", number(*n)),
            Value::String(s) => ["the string ", &quoted_short(s)].concat(),
            Value::Array(_) => "an array".to_string(),
            Value::Object(_) => "an object".to_string(),
        }
    }
}

/// A JavaScript number as a message shows it, to three decimals at most, without Rust's float formatting
/// (which would add kilobytes to the wasm for the sake of error messages).
pub(crate) fn number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".to_string();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if n.abs() >= 1e15 {
        return if n > 0.0 { "a very large number" } else { "a very large negative number" }.to_string();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    // Rounded half away from zero, as `f64::round` (which is `std`'s): below 1e18 the cast truncates exactly,
    // and what it cut off is exact too.
    let scaled = n.abs() * 1000.0;
    let truncated = scaled as u64;
    let thousandths = if scaled - truncated as f64 >= 0.5 { truncated + 1 } else { truncated };
    let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:03}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// At most 40 characters of outside text, for messages.
pub(crate) fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => [text.get(..end).unwrap_or_default(), "\u{2026}"].concat(),
        None => text.to_string(),
    }
}

/// Outside text as a message shows it: at most 40 characters ([`shorten`]), [`Quoted`].
pub(crate) fn quoted_short(text: &str) -> String {
    Quoted(&shorten(text)).to_string()
}

/// A text as a message quotes it: in double quotes, with `"`, `\\`, line breaks, tabs, control characters,
/// the spaces other than U+0020 and the invisible characters (zero-width spaces and joiners, direction marks,
/// variation selectors, tags, the byte order mark) escaped as Rust's `{:?}` escapes them, so that what a host
/// passed is seen exactly. Not `{:?}` itself, which carries Unicode's tables of printable characters into the
/// embeds' wasm for the sake of error messages. Unlike `{:?}`, it leaves combining marks, private-use and
/// unassigned characters as they are.
pub(crate) struct Quoted<'a>(pub &'a str);

impl core::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        use core::fmt::Write as _;
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() || is_invisible(c) => {
                    f.write_str("\\u{")?;
                    let code = c as u32;
                    let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
                    for shift in (0..digits).rev() {
                        let digit = (code >> (shift * 4)) & 0xf;
                        f.write_char(char::from_digit(digit, 16).unwrap_or('0'))?;
                    }
                    f.write_char('}')?;
                }
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// The characters a reader cannot tell from a space or from nothing, which Rust's `{:?}` escapes: the other
/// spaces, the format characters and the variation selectors.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{1680}'
            | '\u{180e}'
            | '\u{2000}'..='\u{200f}'
            | '\u{2028}'..='\u{202f}'
            | '\u{205f}'..='\u{206f}'
            | '\u{3000}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
            | '\u{e0100}'..='\u{e01ef}'
    )
}

#[cfg(not(target_arch = "wasm32"))]
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
struct ValueVisitor;

#[cfg(not(target_arch = "wasm32"))]
impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JavaScript value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            entries.push((key, value));
        }
        Ok(Value::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_text_reads_as_rusts_debug_quoting_does() {
        for text in [
            "",
            "plain",
            "say \"hi\" \\ there",
            "line\nbreak\r\ttab\0",
            "bell\u{7}delete\u{7f}c1\u{85}",
            "zero\u{200b}width\u{200d}joiner\u{200f}mark",
            "line\u{2028}separator\u{202e}override\u{2060}joiner\u{feff}bom\u{ad}soft",
            "no\u{a0}break\u{2003}em\u{202f}narrow\u{205f}math\u{3000}ideographic\u{1680}ogham",
            "selector\u{fe0f}\u{e0100}tag\u{e0041}\u{e007f}grapheme\u{34f}arabic\u{61c}mongolian\u{180e}\u{fffa}",
            "a reader’s “curly quotes”, 漢字 and é",
        ] {
            assert_eq!(Quoted(text).to_string(), format!("{text:?}"), "{text:?}");
        }
    }
}
