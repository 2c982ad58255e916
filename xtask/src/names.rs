//! Short names between the page's module and its glue. wasm-bindgen names each import after the DOM call and
//! a hash (`__wbg_setAttribute_88f6aa917c674879`), written in the wasm and again in the glue; the hashes
//! do not compress. Binaryen renames the imports, the exports and the import module (`"a"`), and says how; the
//! glue is rewritten to match, every old name checked to be gone.

use std::path::Path;
use std::process::Command;

use crate::install::npm_bin;

/// What Binaryen renamed: `(old, new)` imports and exports, and the import module's old name.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Renames {
    pub imports: Vec<(String, String)>,
    pub exports: Vec<(String, String)>,
    pub module: String,
}

/// Reads `--minify-imports-and-exports-and-modules`' mapping (JSON: `imports` as `[module, old, new]`,
/// `exports` as `[old, new]`).
pub fn parse_renames(json: &str) -> Result<Renames, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("wasm-opt's mapping: {e}"))?;
    let text = |v: &serde_json::Value| v.as_str().map(str::to_string).ok_or("wasm-opt's mapping: not a string");
    let mut renames = Renames::default();
    for entry in value["imports"].as_array().ok_or("wasm-opt's mapping has no imports")? {
        let module = text(&entry[0])?;
        if !renames.module.is_empty() && renames.module != module {
            return Err(format!("the page module imports from {} and {module}: one module expected", renames.module));
        }
        renames.module = module;
        renames.imports.push((text(&entry[1])?, text(&entry[2])?));
    }
    for entry in value["exports"].as_array().ok_or("wasm-opt's mapping has no exports")? {
        renames.exports.push((text(&entry[0])?, text(&entry[1])?));
    }
    Ok(renames)
}

/// The first import's module name in `wasm` (every import of the page's module is from one).
pub fn import_module(wasm: &[u8]) -> Result<String, String> {
    let leb = |at: &mut usize| crate::sizes::leb128(wasm, at).map(|n| n as usize);
    let mut at = 8; // magic and version
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(&mut at)?;
        if id == 2 {
            let mut p = at;
            let _count = leb(&mut p)?;
            let len = leb(&mut p)?;
            let name = wasm.get(p..p + len).ok_or("truncated wasm")?;
            return String::from_utf8(name.to_vec()).map_err(|_| "an import module name is not UTF-8".to_string());
        }
        at += size;
    }
    Err("the wasm has no imports".into())
}

/// `text` with every whole identifier `old` replaced by `new` (an identifier character on neither side).
fn replace_identifier(text: &str, old: &str, new: &str) -> String {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(found) = rest.find(old) {
        let before = if found > 0 { rest[..found].chars().last() } else { out.chars().last() };
        let after = rest[found + old.len()..].chars().next();
        out.push_str(&rest[..found]);
        if before.is_some_and(is_ident) || after.is_some_and(is_ident) {
            out.push_str(old);
        } else {
            out.push_str(new);
        }
        rest = &rest[found + old.len()..];
    }
    out.push_str(rest);
    out
}

/// The glue with the new names: each import's key, each `wasm.export`, and the import module's name.
pub fn rename_glue(glue: &str, renames: &Renames, new_module: &str) -> Result<String, String> {
    let mut glue = glue.to_string();
    for (old, new) in &renames.imports {
        if !glue.contains(old.as_str()) {
            return Err(format!("the glue does not define the import {old}"));
        }
        glue = replace_identifier(&glue, old, new);
    }
    for (old, new) in &renames.exports {
        glue = glue.replace(&format!("wasm.{old}"), &format!("wasm.{new}"));
    }
    let module = format!("\"{}\"", renames.module);
    if glue.matches(&module).count() != 1 {
        return Err(format!("the glue names the import module {module} other than once"));
    }
    glue = glue.replace(&module, &format!("\"{new_module}\""));
    for (old, _) in &renames.imports {
        if replace_identifier(&glue, old, "") != glue {
            return Err(format!("the glue still names the import {old} after renaming"));
        }
    }
    for (old, _) in &renames.exports {
        if glue.contains(&format!("wasm.{old}")) && !renames.exports.iter().any(|(_, new)| new == old) {
            return Err(format!("the glue still calls the export {old} after renaming"));
        }
    }
    Ok(glue)
}

/// Renames `wasm`'s imports and exports (written to `out`) and returns `glue` rewritten to match.
pub fn shorten_names(wasm: &Path, out: &Path, glue: &str, features: &[&str]) -> Result<String, String> {
    let mut command = Command::new(npm_bin("wasm-opt"));
    command.args(features).arg("--minify-imports-and-exports-and-modules").arg(wasm).arg("-o").arg(out);
    eprintln!("xtask: running wasm-opt --minify-imports-and-exports-and-modules {}", wasm.display());
    let output = command.output().map_err(|e| format!("cannot start wasm-opt: {e}"))?;
    if !output.status.success() {
        return Err(format!("wasm-opt failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let renames = parse_renames(&String::from_utf8_lossy(&output.stdout))?;
    let minified = std::fs::read(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
    rename_glue(glue, &renames, &import_module(&minified)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_identifiers_are_renamed() {
        let glue = "__wbg_set_1: function() {}, __wbg_set_12: function() {}, x.__wbg_set_1, a__wbg_set_1";
        assert_eq!(
            replace_identifier(glue, "__wbg_set_1", "a"),
            "a: function() {}, __wbg_set_12: function() {}, x.a, a__wbg_set_1"
        );
    }

    #[test]
    fn the_glue_follows_the_mapping_and_nothing_of_the_old_names_is_left() {
        let json =
            r#"{ "imports": [["./explainer_bg.js", "__wbg_focus_0a8d", "b"]], "exports": [["enhancePage", "c"]] }"#;
        let renames = parse_renames(json).unwrap();
        let glue = "const import0 = { __wbg_focus_0a8d: function(arg0) { arg0.focus(); } };\n\
                    return { \"./explainer_bg.js\": import0 };\nwasm.enhancePage();";
        assert_eq!(
            rename_glue(glue, &renames, "a").unwrap(),
            "const import0 = { b: function(arg0) { arg0.focus(); } };\nreturn { \"a\": import0 };\nwasm.c();"
        );
        assert!(rename_glue("no such import", &renames, "a").is_err());
    }

    #[test]
    fn the_import_module_is_read_from_the_import_section() {
        // magic, version; an import section (id 2): one import from "a", named "b", a function of type 0.
        let wasm = [0, b'a', b's', b'm', 1, 0, 0, 0, 2, 7, 1, 1, b'a', 1, b'b', 0, 0];
        assert_eq!(import_module(&wasm), Ok("a".to_string()));
    }
}
