//! Patches out: each [`Patch`] that `state::update` returns, carried out on the instance's markup. A patch is
//! an optimisation of drawing `view::explainer` again for the new state, and leaves exactly that markup (a
//! browser test checks it after random sequences of messages). Parts that are built again (a claim's words
//! marked for a search, the field of a link to copy) are built by the view's own functions, as at first.

use crate::prelude::*;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use crate::browser::app::{EnhanceError, Model};
use crate::browser::dom::Attributes;
use crate::browser::dom::{self, HotStrings};
use crate::document::ClaimIndex;
use crate::hooks::{self, aria_expanded};
use crate::route::Target;
use crate::search::Query;
use crate::state::Patch;
use crate::text;
use crate::ui::Theme;
use crate::view::{link_to_copy, marked, searched_texts};

pub(super) fn set_hidden(element: &Element, hidden: bool) -> Result<(), JsValue> {
    if hidden {
        element.set_attr("hidden", "")
    } else {
        element.remove_attr("hidden")
    }
}

/// The show-all button says what it will do, and whether everything is expanded.
pub(super) fn show_all_open(button: &Element, all_open: bool) -> Result<(), JsValue> {
    button.set_attr("aria-expanded", aria_expanded(all_open))?;
    button.set_text_content(Some(text::show_all_label(all_open)));
    Ok(())
}

/// Shows a section open or closed: the header's `aria-expanded` and the panel's `hidden`, always together.
/// A section's header and panel, and a claim's quotes button and list, are shown with the same two attributes.
pub(super) fn show_expanded(hot: &HotStrings, button: &Element, panel: &Element, open: bool) -> Result<(), JsValue> {
    dom::set_attribute_with(button, &hot.aria_expanded, &hot.expanded[usize::from(open)])?;
    if open {
        dom::remove_attribute_with(panel, &hot.hidden)
    } else {
        dom::set_attribute_with(panel, &hot.hidden, &hot.until_found)
    }
}

impl Model {
    /// Whether this instance shows `target` (an embed may leave out sections, the overview or the article).
    pub(super) fn shows(&self, target: Target) -> bool {
        self.element(target).is_ok()
    }

    /// Carries out one patch on the markup.
    pub(super) fn patch(&self, patch: Patch) -> Result<(), EnhanceError> {
        match patch {
            Patch::SetExpanded { section, open } => {
                let (button, panel) = self.toggle(section)?;
                show_expanded(&self.hot, button, panel, open)?;
            }
            Patch::Mark(target) => self.element(target)?.class_list().add_1(hooks::CURRENT.name)?,
            Patch::Unmark(target) => self.element(target)?.class_list().remove_1(hooks::CURRENT.name)?,
            Patch::Reveal(target) => {
                let element = self.element(target)?;
                let options = web_sys::ScrollIntoViewOptions::new();
                let block = match target {
                    Target::Section(_) => web_sys::ScrollLogicalPosition::Start,
                    Target::Claim(_) | Target::Anchor(_) => web_sys::ScrollLogicalPosition::Center,
                };
                options.set_block(block);
                element.scroll_into_view_with_scroll_into_view_options(&options);
                let focus_target: HtmlElement = match target {
                    Target::Section(section) => self.toggle(section)?.0.clone(),
                    _ => element.dyn_into().map_err(|e: Element| {
                        EnhanceError::UnexpectedMarkup(["#", &e.id(), " is not an HTML element"].concat())
                    })?,
                };
                let focus = web_sys::FocusOptions::new();
                focus.set_prevent_scroll(true);
                focus_target.focus_with_options(&focus)?;
            }
            Patch::FocusHeader(section) => self.toggle(section)?.0.focus()?,
            Patch::FocusCitation { claim, anchor } => {
                let href = ["#", &self.mode.id_prefix, &Target::Anchor(anchor).fragment(self.document)].concat();
                let claim = self.element(Target::Claim(claim))?;
                let link = claim.query_selector(&hooks::link_to(&href))?.ok_or_else(|| {
                    EnhanceError::UnexpectedMarkup(["no citation of ", &href, " in #", &claim.id()].concat())
                })?;
                link.unchecked_into::<HtmlElement>().focus()?;
            }
            Patch::SetClaimVisible { claim, visible } => set_hidden(&self.element(Target::Claim(claim))?, !visible)?,
            Patch::SetSectionVisible { section, visible } => {
                set_hidden(&self.element(Target::Section(section))?, !visible)?
            }
            Patch::SectionCount { section, claims, matching } => {
                let (button, _) = self.toggle(section)?;
                let count = button
                    .query_selector(hooks::COUNT.selector)?
                    .ok_or_else(|| EnhanceError::UnexpectedMarkup(["no count on #", &button.id()].concat()))?;
                count.set_text_content(Some(&text::count_label(claims, matching)));
            }
            Patch::SetOverviewVisible(visible) => set_hidden(&self.find(hooks::OVERVIEW.selector)?, !visible)?,
            Patch::Highlight { claim, query } => self.highlight(claim, query.as_ref())?,
            Patch::SetQuotesOpen { claim, open } => {
                let item = self.element(Target::Claim(claim))?;
                let missing =
                    || EnhanceError::UnexpectedMarkup(["no quotes or no quotes button in #", &item.id()].concat());
                let button = item.query_selector(hooks::QUOTES.selector)?.ok_or_else(missing)?;
                let list = item.query_selector(hooks::CITATIONS.selector)?.ok_or_else(missing)?;
                show_expanded(&self.hot, &button, &list, open)?;
            }
            Patch::SearchCount { count, typed } => {
                let status = self.find(hooks::STATUS.selector)?;
                let no_match = self.find(hooks::NO_MATCH.selector)?;
                status.set_text_content(Some(&count.map(text::match_label).unwrap_or_default()));
                // Cleared, perhaps by following a link to a claim the search hid: the box follows.
                if count.is_none() {
                    self.search_box()?.set_value("");
                }
                // As the view writes it: the message only while nothing matches.
                let message = if count == Some(0) { text::no_match_message(&typed) } else { String::new() };
                self.find(hooks::NO_MATCH_TEXT.selector)?.set_text_content(Some(&message));
                set_hidden(&no_match, count != Some(0))?;
            }
            Patch::FocusSearch => self.search_box()?.focus()?,
            Patch::ApplyTheme(theme) => {
                let mut targets = vec![self.root.clone()];
                if self.mode.remember {
                    // The standalone page: the page around the explainer follows too.
                    targets.extend(crate::browser::document().document_element());
                }
                for target in targets {
                    match theme {
                        Theme::Auto => target.remove_attr(hooks::THEME.name)?,
                        _ => target.set_attr(hooks::THEME.name, theme.name())?,
                    }
                }
                if let Some(choice) = self.root.query_selector(&hooks::theme_choice(theme.name()))? {
                    choice.unchecked_into::<web_sys::HtmlInputElement>().set_checked(true);
                }
            }
            Patch::AllOpen(all_open) => {
                if let Some(button) = &self.show_all {
                    show_all_open(button, all_open)?;
                }
            }
            Patch::ResetCopyLabels => {
                let labels = self.root.query_selector_all(hooks::COPY_LABEL.selector)?;
                for label in (0..labels.length()).filter_map(|i| labels.item(i)) {
                    label.set_text_content(Some(text::COPY_LINK));
                }
            }
            Patch::LinkCopied(claim) => {
                let item = self.element(Target::Claim(claim))?;
                if let Some(label) = item.query_selector(hooks::COPY_LABEL.selector)? {
                    label.set_text_content(Some(text::LINK_COPIED));
                }
                self.find(hooks::STATUS.selector)?.set_text_content(Some(text::LINK_COPIED));
            }
            Patch::ShowLinkToCopy { claim, url } => self.show_link_to_copy(claim, &url)?,
        }
        Ok(())
    }

    /// The first element inside the root matching `selector`.
    fn find(&self, selector: &str) -> Result<Element, EnhanceError> {
        let missing = || EnhanceError::UnexpectedMarkup(["no ", selector].concat());
        self.root.query_selector(selector)?.ok_or_else(missing)
    }

    fn search_box(&self) -> Result<web_sys::HtmlInputElement, EnhanceError> {
        Ok(self.find(hooks::SEARCH.selector)?.unchecked_into())
    }

    /// Marks `query`'s words in a claim's statement, attribution, note and quotes: each part's content is built
    /// again by the view's own function (text nodes and `<mark>`s, never markup).
    fn highlight(&self, claim: ClaimIndex, query: Option<&Query>) -> Result<(), EnhanceError> {
        let item = self.element(Target::Claim(claim))?;
        let document = crate::browser::document();
        let texts = searched_texts(self.document, &self.state, claim);
        for (i, (hook, words)) in texts.iter().enumerate() {
            // The n-th part with this hook in the claim (a claim's quotes share theirs), by place.
            let nth = texts[..i].iter().filter(|(earlier, _)| earlier == hook).count() as u32;
            let found = item.query_selector_all(hook.selector)?.item(nth).and_then(|n| n.dyn_into::<Element>().ok());
            let Some(target) = found else { continue };
            target.replace_children_with_node_0();
            for node in marked(words, query) {
                target.append_child(&dom::build(&document, &node)?)?;
            }
        }
        Ok(())
    }

    /// Shows `url` selected in a read-only field after the claim's "Copy link", for the reader to copy.
    fn show_link_to_copy(&self, claim: ClaimIndex, url: &str) -> Result<(), EnhanceError> {
        let item = self.element(Target::Claim(claim))?;
        let missing = || EnhanceError::UnexpectedMarkup(["no claim actions in #", &item.id()].concat());
        let line = item.query_selector(hooks::CLAIM_ACTIONS.selector)?.ok_or_else(missing)?;
        let field = match line.query_selector(hooks::COPY_FALLBACK.selector)? {
            Some(field) => field,
            None => {
                let field = dom::build(&crate::browser::document(), &link_to_copy().into_node())?;
                line.append_child(&field)?;
                field.unchecked_into()
            }
        };
        if let Some(input) = field.query_selector(hooks::COPY_FIELD.selector)? {
            let input: web_sys::HtmlInputElement = input.unchecked_into();
            input.set_value(url);
            input.focus()?;
            input.select();
        }
        Ok(())
    }

    pub(super) fn toggle(&self, section: usize) -> Result<&(HtmlElement, Element), EnhanceError> {
        self.toggles[section].as_ref().ok_or_else(|| {
            EnhanceError::UnexpectedMarkup(["section ", self.document.sections[section].id, " is not shown"].concat())
        })
    }

    /// The element a target names, inside this instance only.
    pub(super) fn element(&self, target: Target) -> Result<Element, EnhanceError> {
        let id = [&*self.mode.id_prefix, &target.fragment(self.document)].concat();
        self.root
            .query_selector(&hooks::with_id(&id))?
            .ok_or_else(|| EnhanceError::UnexpectedMarkup(["no element with id \"", &id, "\""].concat()))
    }
}
