//! The stylesheets as shipped: comments and layout white space taken out, nothing else changed. The engine's
//! build script compiles the component's stylesheet into the wasm this way, and `cargo xtask dist` writes the
//! site's. (The comments are for the people who edit `www/*.css`; readers should not download them.) The
//! component's stylesheet is written as parts ([`COMPONENT`]) and shipped joined ([`component`]).

use std::path::{Path, PathBuf};

/// The component's stylesheet, under the project root: a folder of parts (`1-base.css`, `2-claims.css`, …)
/// that joined in file-name order are `explainer.css`, the stylesheet the element, the iframe and the page
/// use. The order of the names is the order of the cascade.
pub const COMPONENT: &str = "www/explainer";

/// The parts of the component's stylesheet in `folder`, in file-name order.
pub fn component_parts(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut parts = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "css") {
            parts.push(path);
        }
    }
    parts.sort();
    Ok(parts)
}

/// The component's stylesheet, with its comments: its parts in `folder` joined, in file-name order.
pub fn component(folder: &Path) -> Result<String, String> {
    joined(folder, |_| true)
}

/// The parts in `folder` that `keep` keeps, joined in file-name order.
fn joined(folder: &Path, keep: impl Fn(&Path) -> bool) -> Result<String, String> {
    let parts = component_parts(folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    if !parts.iter().any(|part| part.ends_with(WITHOUT_ARTICLE)) {
        return Err(format!("{} has no {WITHOUT_ARTICLE}", folder.display()));
    }
    let mut joined = String::new();
    for part in parts.into_iter().filter(|part| keep(part)) {
        let text = std::fs::read_to_string(&part).map_err(|e| format!("cannot read {}: {e}", part.display()))?;
        joined.push_str(&text);
        joined.push('\n');
    }
    Ok(joined)
}

/// The part of the component's stylesheet only an instance without the article uses ("In context"): the
/// standalone page, which always shows the article, leaves it out ([`page_component`]).
pub const WITHOUT_ARTICLE: &str = "8-without-article.css";

/// The component's stylesheet as the standalone page loads it: every part but [`WITHOUT_ARTICLE`].
pub fn page_component(folder: &Path) -> Result<String, String> {
    joined(folder, |part| !part.ends_with(WITHOUT_ARTICLE))
}

/// `css` without its comments, with each run of white space outside strings made one space, and none left
/// next to `{`, `}`, `;` or after `,` (so `a, b` and `x: 1` stay as valid as they were; `calc(1 + 2)` keeps
/// the spaces its operators need).
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                flush(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            c => {
                flush(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out.trim().replace(";}", "}")
}

/// Writes the space white space left before `next`, unless a space is not needed there.
fn flush(out: &mut String, pending_space: &mut bool, next: char) {
    if std::mem::take(pending_space) {
        let after_punctuation = out.ends_with(['{', '}', ';', ',', ':', '>']) || out.is_empty();
        if !after_punctuation && !matches!(next, '{' | '}' | ';' | ',' | '>') {
            out.push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn comments_and_layout_go_values_stay() {
        let css = "/* A comment. */\n.a,\n.b > .c :focus {\n  margin: calc(1.5 * var(--x)) 0;\n  content: \"\\2014 /* kept */ \";\n}\n\n@media (min-width: 40rem) {\n  .a { color: red; }\n}\n";
        assert_eq!(
            minify(css),
            ".a,.b>.c :focus{margin:calc(1.5 * var(--x)) 0;content:\"\\2014 /* kept */ \"}@media (min-width:40rem){.a{color:red}}"
        );
    }

    #[test]
    fn a_descendant_pseudo_class_keeps_its_space() {
        assert_eq!(minify(".a :hover {}"), ".a :hover{}");
        assert_eq!(minify(".a:hover {}"), ".a:hover{}");
    }
}
