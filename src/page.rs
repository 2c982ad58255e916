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
