//! The page's own module reads the document from the prerendered markup (see `outline`): this is the
//! reading, through the hooks the view writes.

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::browser::EnhanceError;
use crate::document::Document;
use crate::hooks;
use crate::outline::{assemble, Scanned, ScannedClaim, ScannedQuote, ScannedSection};

/// The document the markup under `root` shows (its ids without `prefix`).
pub fn read(root: &Element, prefix: &str) -> Result<&'static Document, EnhanceError> {
    let text = |within: &Element, hook: hooks::Hook| -> Result<Option<String>, EnhanceError> {
        Ok(within.query_selector(hook.selector)?.and_then(|e| e.text_content()))
    };
    let unprefixed = |value: String| value.strip_prefix(prefix).map(str::to_string);
    let link_targets = |within: &Element, hook: hooks::Hook| -> Result<Vec<String>, EnhanceError> {
        Ok(all(within, hook.selector)?
            .iter()
            .filter_map(|link| link.get_attribute("href"))
            .filter_map(|href| href.strip_prefix('#').map(str::to_string))
            .filter_map(unprefixed)
            .collect())
    };
    let mut scanned = Scanned::default();
    for button in all(root, hooks::TOGGLE.selector)? {
        let id = button.get_attribute(hooks::TOGGLE.name).unwrap_or_default();
        let element_id = [prefix, &id].concat();
        let section = root
            .query_selector(&hooks::with_id(&element_id))?
            .ok_or_else(|| EnhanceError::UnexpectedMarkup(format!("section \"{id}\" has no element with its id")))?;
        let title = text(&button, hooks::TOGGLE_TITLE)?.unwrap_or_default();
        let summary = text(&section, hooks::SUMMARY)?.unwrap_or_default();
        scanned.sections.push(ScannedSection { id, title, summary });
    }
    for claim in all(root, hooks::CLAIM.selector)? {
        let id = unprefixed(claim.id()).unwrap_or_default();
        let quotes = all(&claim, hooks::CITE_WORDS.selector)?.iter().filter_map(|w| w.text_content()).collect();
        scanned.claims.push(ScannedClaim {
            text: text(&claim, hooks::CLAIM_TEXT)?.unwrap_or_default(),
            attribution: text(&claim, hooks::ATTRIBUTION)?,
            note: text(&claim, hooks::NOTE_TEXT)?,
            quotes,
            see: link_targets(&claim, hooks::SEE)?,
            id,
        });
    }
    for mark in all(root, hooks::QUOTE_MARK.selector)? {
        let backrefs = crate::browser::dom::following(&mark, hooks::QUOTE_BACKREFS);
        let cited_by = match &backrefs {
            Some(backrefs) => link_targets(backrefs, hooks::BACKREF)?,
            None => Vec::new(),
        };
        let id = unprefixed(mark.id()).unwrap_or_default();
        scanned.quotes.push(ScannedQuote { id, text: mark.text_content().unwrap_or_default(), cited_by });
    }
    assemble(scanned).map_err(EnhanceError::UnexpectedMarkup)
}

/// The elements under `root` that `selector` matches, in document order.
fn all(root: &Element, selector: &str) -> Result<Vec<Element>, EnhanceError> {
    let found = root.query_selector_all(selector)?;
    Ok((0..found.length()).filter_map(|i| found.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect())
}
