//! The page's own module reads the document from the prerendered markup (see `outline`): the DOM as
//! `outline::Markup`, which `outline::scan` reads as it reads the view's own tree in the native tests.

use crate::prelude::*;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::browser::dom::Attributes;
use crate::browser::EnhanceError;
use crate::document::Core;
use crate::hooks::{self, Following, Hook};
use crate::outline::{assemble, scan, Markup};

/// The core of the document the markup under `root` shows (its ids without `prefix`).
pub fn read(root: &Element, prefix: &str) -> Result<&'static Core, EnhanceError> {
    assemble(scan(root, prefix)?).map_err(EnhanceError::UnexpectedMarkup)
}

impl Markup for Element {
    type Error = EnhanceError;

    fn unreadable(message: String) -> EnhanceError {
        EnhanceError::UnexpectedMarkup(message)
    }

    fn all(&self, hook: Hook) -> Result<Vec<Element>, EnhanceError> {
        let found = self.query_selector_all(hook.selector)?;
        Ok((0..found.length()).filter_map(|i| found.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect())
    }

    fn first(&self, hook: Hook) -> Result<Option<Element>, EnhanceError> {
        Ok(self.query_selector(hook.selector)?)
    }

    fn with_id(&self, id: &str) -> Result<Option<Element>, EnhanceError> {
        Ok(self.query_selector(&hooks::with_id(id))?)
    }

    fn attribute(&self, name: &str) -> Option<String> {
        self.attr(name)
    }

    fn text(&self) -> String {
        self.text_content().unwrap_or_default()
    }

    fn following(&self, relation: Following) -> Option<Element> {
        crate::browser::dom::following(self, relation)
    }
}
