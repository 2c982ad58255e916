//! The standalone page: the top-level `index.html` shell with the prerendered explainer written into it.

use std::fmt;

use crate::document::Document;
use crate::state::State;
use crate::view::{explainer, ViewOptions};

/// The comment in `index.html` that the prerendered explainer replaces.
pub const CONTENT_MARKER: &str = "<!-- summit-explainer:content -->";

/// Why the shell could not be filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    /// The shell has this many content markers instead of exactly one.
    MarkerCount(usize),
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::MarkerCount(count) => {
                write!(f, "index.html must contain {CONTENT_MARKER} exactly once, but has it {count} times")
            }
        }
    }
}

/// The explainer as the static page shows it before (and without) JavaScript: every section closed.
pub fn prerendered_explainer(document: &Document) -> String {
    explainer(document, &State::closed(document), &ViewOptions::default()).into_node().to_html()
}

/// `shell` (the contents of `index.html`) with the prerendered explainer in place of its marker.
pub fn standalone_page(shell: &str, document: &Document) -> Result<String, PageError> {
    match shell.matches(CONTENT_MARKER).count() {
        1 => Ok(shell.replacen(CONTENT_MARKER, &prerendered_explainer(document), 1)),
        count => Err(PageError::MarkerCount(count)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summit() -> &'static Document {
        Document::summit().expect("the summit data is valid")
    }

    #[test]
    fn the_shell_must_have_exactly_one_marker() {
        assert_eq!(standalone_page("<main></main>", summit()), Err(PageError::MarkerCount(0)));
        let twice = format!("{CONTENT_MARKER}{CONTENT_MARKER}");
        let error = standalone_page(&twice, summit()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "index.html must contain <!-- summit-explainer:content --> exactly once, but has it 2 times"
        );
        let page = standalone_page(&format!("<main>{CONTENT_MARKER}</main>"), summit()).unwrap();
        assert!(
            page.starts_with("<main><div class=\"se\" data-se-root=\"\" part=\"root\">")
                && page.ends_with("</div></main>")
        );
    }

    /// The real shell: one marker, one `h1` once filled, and every local file it loads is one the build ships.
    #[test]
    fn index_html_fills_and_loads_only_files_the_build_ships() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shell = std::fs::read_to_string(root.join("index.html")).unwrap();
        let page = standalone_page(&shell, summit()).unwrap();
        assert_eq!(page.matches("<h1").count(), 1);
        let mut loaded = Vec::new();
        for attribute in ["href=\"", "src=\""] {
            for piece in page.split(attribute).skip(1) {
                let url = &piece[..piece.find('"').unwrap()];
                if !url.starts_with('#') {
                    loaded.push(url);
                }
            }
        }
        assert_eq!(loaded, ["favicon.svg", "style.css", "noscript.css", "pkg/summit_explainer.js", "main.js"]);
        // style.css is built from these two (see xtask/src/dist.rs); the rest are copied as they are.
        fn sources(url: &str) -> Vec<&str> {
            match url {
                "style.css" => vec!["explainer.css", "page.css"],
                other => vec![other],
            }
        }
        for url in loaded.iter().filter(|url| !url.starts_with("pkg/")) {
            for source in sources(url) {
                assert!(root.join("www").join(source).is_file(), "index.html loads {url}, but www/{source} is missing");
            }
        }
    }
}
