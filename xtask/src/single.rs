//! The single-file build, `dist/summit-explainer.html`: the prerendered page with its styles, the icon, the
//! JavaScript glue and the wasm (gzipped, as base64) inlined, so it opens from `file://` with no server and no network.
//!
//! Inline code is unavoidable here, so the file carries its own Content Security Policy in a `<meta>`: the
//! one inline script and the two inline style elements are allowed by their SHA-256 hashes, and nothing may be
//! fetched at all (`default-src 'none'`).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The start-up code appended to the glue (see the file's own comment).
const BOOT: &str = include_str!("../assets/single-boot.js");
const WASM_PLACEHOLDER: &str = "@WASM_BASE64@";

/// What goes into the single file, as the normal build wrote it.
pub struct Parts<'a> {
    /// `dist/index.html`.
    pub page: &'a str,
    /// `dist/style.css`.
    pub style: &'a str,
    /// `www/noscript.css`.
    pub noscript: &'a str,
    /// `www/favicon.svg`.
    pub favicon: &'a str,
    /// The one inline module script: [`module_script`], minified.
    pub script: &'a str,
}

/// The page's glue (`page/explainer.js` before it is minified) with the start-up code appended, which holds
/// the wasm gzipped (the boot code unzips it with `DecompressionStream`).
pub fn module_script(glue: &str, wasm_gzipped: &[u8]) -> String {
    format!("{glue}\n{}", BOOT.replace(WASM_PLACEHOLDER, &BASE64.encode(wasm_gzipped)))
}

/// `wasm` gzipped by Zopfli (15 iterations, its default): a gzip stream like `gzip -9`'s, 6 % smaller (the
/// page's module: 2.3 KB), which is worth the second it takes since base64 of it is most of the single file.
/// `DecompressionStream("gzip")` reads it as any gzip.
pub fn gzip(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    zopfli::compress(zopfli::Options::default(), zopfli::Format::Gzip, wasm, &mut out)
        .map_err(|e| format!("cannot gzip the wasm: {e}"))?;
    Ok(out)
}

/// The single file, or what in the page it could not find to replace.
pub fn single_file(parts: &Parts) -> Result<String, String> {
    let script = parts.script;
    for (what, text, closing) in [
        ("the glue", script, "</script"),
        ("style.css", parts.style, "</style"),
        ("noscript.css", parts.noscript, "</style"),
    ] {
        if text.to_ascii_lowercase().contains(closing) {
            return Err(format!("{what} contains {closing}, which would end its inline element"));
        }
    }
    let policy = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {} {}; img-src data:; object-src 'none'; \
         base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'",
        hash(script),
        hash(parts.style),
        hash(parts.noscript),
    );
    let favicon = format!("data:image/svg+xml;base64,{}", BASE64.encode(parts.favicon));
    let replacements = [
        (
            "<meta charset=\"utf-8\">",
            format!("<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"),
        ),
        (
            "<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">",
            format!("<link rel=\"icon\" href=\"{favicon}\" type=\"image/svg+xml\">"),
        ),
        ("<link rel=\"stylesheet\" href=\"style.css\">", format!("<style>{}</style>", parts.style)),
        ("<link rel=\"stylesheet\" href=\"noscript.css\">", format!("<style>{}</style>", parts.noscript)),
        ("<link rel=\"modulepreload\" href=\"page/explainer.js\">\n", String::new()),
        (
            "<link rel=\"preload\" href=\"page/explainer_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n",
            String::new(),
        ),
        ("<script type=\"module\" src=\"main.js\"></script>", format!("<script type=\"module\">{script}</script>")),
    ];
    let mut page = parts.page.to_string();
    for (from, to) in replacements {
        match page.matches(from).count() {
            1 => page = page.replacen(from, &to, 1),
            count => return Err(format!("dist/index.html should contain {from:?} once, not {count} times")),
        }
    }
    Ok(page)
}

/// A CSP hash source for `text`.
fn hash(text: &str) -> String {
    format!("'sha256-{}'", BASE64.encode(Sha256::digest(text.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<head><meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n\
        <link rel=\"stylesheet\" href=\"style.css\">\n<noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>\n\
        <link rel=\"modulepreload\" href=\"page/explainer.js\">\n\
        <link rel=\"preload\" href=\"page/explainer_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\
        <script type=\"module\" src=\"main.js\"></script></head>";

    fn parts<'a>(page: &'a str, script: &'a str) -> Parts<'a> {
        Parts { page, style: "a{}", noscript: "b{}", favicon: "<svg/>", script }
    }

    #[test]
    fn everything_is_inlined_and_allowed_by_hash_alone() {
        let script = module_script("export function enhancePage() {}", b"\0asm");
        let html = single_file(&parts(PAGE, &script)).unwrap();
        for gone in ["favicon.svg", "style.css", "noscript.css", "page/", "main.js", "src=", "preload"] {
            assert!(!html.contains(gone), "{gone} is still referenced:\n{html}");
        }
        assert!(html.contains("<style>a{}</style>") && html.contains("<noscript><style>b{}</style></noscript>"));
        assert!(html.contains("const WASM_GZIP_BASE64 = \"AGFzbQ==\";"), "{html}");
        assert!(html.contains("data:image/svg+xml;base64,PHN2Zy8+"));
        // The policy comes first, and its hashes are those of the inline elements' exact contents.
        let script = &html[html.find("<script type=\"module\">").unwrap() + 22..html.find("</script>").unwrap()];
        assert!(html.starts_with("<head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-"));
        assert!(html.contains(&format!("script-src {} 'wasm-unsafe-eval'", hash(script))));
        assert!(html.contains(&format!("style-src {} {};", hash("a{}"), hash("b{}"))));
        // A known answer (`printf 'a{}' | openssl dgst -sha256 -binary | base64`).
        assert_eq!(hash("a{}"), "'sha256-X1RutGBrXCt9KkSaXMK7tHftWiRscFHOhxsS8tv8hBk='");
    }

    #[test]
    fn a_page_of_another_shape_or_a_closing_tag_in_code_is_refused() {
        let error = single_file(&parts("<head></head>", "")).unwrap_err();
        assert_eq!(error, "dist/index.html should contain \"<meta charset=\\\"utf-8\\\">\" once, not 0 times");
        let error = single_file(&parts(PAGE, "const s = '</SCRIPT>';")).unwrap_err();
        assert_eq!(error, "the glue contains </script, which would end its inline element");
    }
}
