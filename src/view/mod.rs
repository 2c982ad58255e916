//! The one description of the explainer: a pure function from the document and the state to a node tree.
//!
//! The native writer turns that tree into the static page; the browser layer builds the same tree into an
//! empty element, or finds it already in the page and enhances it in place. The view never touches the DOM.

use crate::prelude::*;

use alloc::borrow::Cow;

use crate::document::{AnchorIndex, ClaimIndex, Core, Document, Place};
use crate::hooks::{self, aria_expanded};
use crate::html::{element, text, Element, Node, Text};
use crate::route::{part_id, section_part_id, Target, ARTICLE_ID, OVERVIEW_ID, SEARCH_ID, SECTIONS_ID, THEME_ID};
use crate::search::Query;
use crate::state::{Search, State};
use crate::text;
use crate::ui::{ArticlePlacement, Theme, ViewOptions};

mod article;
mod claims;
#[cfg(test)]
mod tests;

/// Builds the whole explainer for `state`.
pub fn explainer(document: &Document, state: &State, options: &ViewOptions) -> Element {
    let view = View { document, state, options };
    let mut root = element("div").class("se").attr(hooks::ROOT.name, "").part(options.parts, "root");
    if options.theme != Theme::Auto {
        root = root.attr(hooks::THEME.name, options.theme.name());
    }
    root = root.child(view.header());
    if state.overview {
        root = root.child(view.overview());
    }
    let sections = state.shown.iter().map(|&s| view.section(s).into());
    let sections = element("div").class("se-sections").attr("id", view.id(SECTIONS_ID)).children(sections);
    root = root.child(view.toolbar()).child(sections);
    if options.glance && options.article == ArticlePlacement::Inline {
        root = root.child(view.glance());
    }
    if options.article == ArticlePlacement::Inline {
        root = root.child(view.article());
    }
    // The theme is a setting of the page, not a filter of the content: it closes the explainer, away from
    // the search above the sections and out of the first screen.
    if options.theme_switch {
        root = root
            .child(element("div").class("se-settings").attr(hooks::ENHANCED_ONLY.name, "").child(view.theme_switch()));
    }
    root
}

/// What an embed shows in its own box when it cannot start: a short message, never a blank area.
pub fn error_box(message: &str) -> Element {
    element("div")
        .class("se se-error")
        .attr("role", "alert")
        .part(true, "error")
        .child(element("p").class("se-error-title").text(text::NOT_SHOWN))
        .child(element("p").class("se-error-message").text(message.to_string()))
}

/// What an explainer shows, first in its own box, once it has failed while running: the content stays
/// readable below it, and the page around it is untouched.
pub fn failure_notice() -> Element {
    element("div")
        .class("se-error se-failure")
        .attr("role", "alert")
        .part(true, "error")
        .attr(hooks::FAILURE.name, "")
        .child(element("p").class("se-error-title").text(text::STOPPED))
        .child(element("p").class("se-error-message").text(text::STOPPED_HELP))
}

/// The quotes a claim's row links to: the first of its quotes in each paragraph they are in, in the claim's
/// order (a claim with three quotes in paragraph 7 shows one `¶ 7`, not three).
pub fn linked_quotes(document: &Document, claim: ClaimIndex) -> Vec<AnchorIndex> {
    let mut paragraphs = Vec::new();
    let mut linked = Vec::new();
    for &anchor in document.core.claim(claim).anchors {
        let paragraph = document.quote_places[anchor.0].paragraph;
        if !paragraphs.contains(&paragraph) {
            paragraphs.push(paragraph);
            linked.push(anchor);
        }
    }
    linked
}

/// A quote as a citation shows it: the article's words, in quotation marks unless they start with one.
pub fn cited_words(document: &Core, anchor: AnchorIndex) -> Text {
    let words = document.anchor_text(anchor);
    if words.starts_with('\u{201c}') {
        Cow::Borrowed(words)
    } else {
        Cow::Owned(["\u{201c}", words, "\u{201d}"].concat())
    }
}

/// The texts of a claim that a search marks, with the hook of the element holding each, in the claim's order
/// (the hook of a quote's words repeats, once per quote): the view writes each with [`marked`], and the browser
/// layer, after each search, writes the n-th element with that hook the same way.
pub fn searched_texts(document: &Core, state: &State, claim: ClaimIndex) -> Vec<(hooks::Hook, Text)> {
    let entry = document.claim(claim);
    let mut texts = vec![(hooks::CLAIM_TEXT, Cow::Borrowed(entry.claim.statement))];
    if let Some(attribution) = entry.claim.attribution {
        texts.push((hooks::ATTRIBUTION, Cow::Borrowed(attribution)));
    }
    if let Some(note) = entry.claim.note {
        texts.push((hooks::NOTE_TEXT, Cow::Borrowed(note)));
    }
    let listed = document.listed_quotes(claim, |full| state.shows_claim(document, full));
    texts.extend(listed.iter().map(|&anchor| (hooks::CITE_WORDS, cited_words(document, anchor))));
    texts
}

/// `text` as nodes, the words of `query` (if any) marked: text stays text, never markup.
pub fn marked(text: &str, query: Option<&Query>) -> Vec<Node> {
    crate::search::highlighted(text, query)
}

/// The field that shows a claim's address where the clipboard is refused (the browser fills it in).
pub fn link_to_copy() -> Element {
    element("label")
        .class(hooks::COPY_FALLBACK.name)
        .text(text::COPY_THIS_LINK)
        .child(element("input").attr("type", "text").attr("readonly", "").class(hooks::COPY_FIELD.name))
}

/// A link to another page (the complete explainer), opened in a new tab without giving it this window.
fn external_link(href: String) -> Element {
    element("a").attr("href", href).attr("target", "_blank").attr("rel", "noopener")
}

struct View<'a> {
    document: &'a Document,
    state: &'a State,
    options: &'a ViewOptions,
}

impl View<'_> {
    /// Searched text of `claim` as the view writes it: with the search's words marked, in a claim it shows.
    fn marked(&self, claim: ClaimIndex, text: &str) -> Vec<Node> {
        let query = self.state.search.as_ref().filter(|search| search.matching[claim.0]).map(|search| &search.query);
        marked(text, query)
    }

    /// Whether a search is running and hides `claim`.
    fn hidden_by_search(&self, claim: ClaimIndex) -> bool {
        self.state.search.as_ref().is_some_and(|search| !search.matching[claim.0])
    }

    /// While a search runs, how many of `claims` (a section's, or the overview's) it shows: a part with none
    /// is hidden.
    fn matching(&self, claims: core::ops::Range<usize>) -> Option<usize> {
        self.state.search.as_ref().map(|search| claims.filter(|&c| search.matching[c]).count())
    }

    fn id(&self, name: &str) -> Text {
        Cow::Owned([&self.options.id_prefix, name].concat())
    }

    fn href(&self, target: Target) -> Text {
        self.id_href(&target.fragment(&self.document.core))
    }

    fn class(&self, base: &'static str, target: Target) -> Text {
        if self.state.current == Some(target) {
            Cow::Owned([base, " ", hooks::CURRENT.name].concat())
        } else {
            Cow::Borrowed(base)
        }
    }

    fn heading(&self, offset: i8) -> Element {
        element(self.options.heading_level.tag(offset))
    }

    /// The position (1-based) at which a section is shown, if it is.
    fn section_number(&self, section: usize) -> Option<usize> {
        self.state.shown.iter().position(|&s| s == section).map(|p| p + 1)
    }

    /// Whether this instance shows a claim: the overview's when the overview is shown, a section's when its
    /// section is.
    fn shows_claim(&self, claim: ClaimIndex) -> bool {
        self.state.shows_claim(&self.document.core, claim)
    }

    /// Whether a quote is cited by a claim this instance shows: only those are marked in the article, so an
    /// embed of some sections does not offer the others' quotes as citations.
    fn shows_anchor(&self, anchor: AnchorIndex) -> bool {
        self.document.core.anchors[anchor.0].cited_by.iter().any(|citation| self.shows_claim(citation.claim))
    }

    /// A claim's label: `3.2` for the second claim of the third section shown; `None` for the overview's.
    fn claim_label(&self, claim: ClaimIndex) -> Option<String> {
        match self.document.core.claim(claim).place {
            Place::Overview => None,
            Place::Section(section) => {
                let number = self.section_number(section)?;
                let position = claim.0 - self.document.core.section_claims[section].start + 1;
                Some([text::number(number), text::number(position)].join("."))
            }
        }
    }

    fn header(&self) -> Element {
        // One sentence on how to read what follows: where every statement's words are.
        let lead = match self.options.article {
            ArticlePlacement::Omitted => text::STANDFIRST_OMITTED,
            _ => text::STANDFIRST_LINKED,
        };
        let standfirst = element("p").class("se-standfirst").children([text(lead), text(self.document.source)]);
        let standfirst = match &self.options.article {
            ArticlePlacement::Inline => standfirst.children([
                text(text::STANDFIRST_SHOWN),
                element("a").attr("href", self.id_href(ARTICLE_ID)).text(text::STANDFIRST_AT_THE_END).into(),
                text("."),
            ]),
            ArticlePlacement::Linked(url) => standfirst.children([
                text(text::STANDFIRST_SHOWN),
                external_link([url, "#", ARTICLE_ID].concat()).text(text::STANDFIRST_ELSEWHERE).into(),
                text("."),
            ]),
            ArticlePlacement::Omitted => standfirst.text(text::STANDFIRST_QUOTED),
        };
        // Not a <header>: at the top of an embed it would be a second banner landmark in the host page.
        element("div")
            .class("se-header")
            .part(self.options.parts, "header")
            .child(element("p").class("se-kicker").text(text::KICKER))
            .child(self.heading(-1).class("se-title").part(self.options.parts, "title").text(self.document.title))
            .child(standfirst)
    }

    fn id_href(&self, name: &str) -> Text {
        Cow::Owned(["#", &self.options.id_prefix, name].concat())
    }

    fn overview(&self) -> Element {
        let heading_id = self.id(&part_id(OVERVIEW_ID, "heading"));
        let mut overview = element("section")
            .class(hooks::OVERVIEW.name)
            .part(self.options.parts, "overview")
            .attr("id", self.id(OVERVIEW_ID))
            .attr("aria-labelledby", heading_id.clone());
        if self.matching(self.document.core.overview_claims.clone()) == Some(0) {
            overview = overview.attr("hidden", "");
        }
        overview
            .child(self.heading(0).class("se-overview-heading").attr("id", heading_id).text(text::OVERVIEW_HEADING))
            .child(
                element("ul")
                    .class("se-claims se-overview-claims")
                    .children(self.document.core.overview_claims.clone().map(|c| self.claim(ClaimIndex(c)).into())),
            )
    }

    /// The controls above the sections; invisible until the browser layer makes them work.
    fn toolbar(&self) -> Element {
        // The panels it controls, by id (built as one string: one `join` the less in the wasm).
        let mut panels = String::new();
        for &section in &self.state.shown {
            if !panels.is_empty() {
                panels.push(' ');
            }
            panels.push_str(&self.options.id_prefix);
            panels.push_str(&section_part_id(&self.document.core, section, "panel"));
        }
        let all_open = self.state.all_open();
        let search_id = self.id(SEARCH_ID);
        let search = element("div")
            .class("se-search")
            .attr("role", "search")
            .child(element("label").class("se-search-label").attr("for", search_id.clone()).text(text::SEARCH_LABEL))
            .child(
                element("input")
                    .attr("type", "search")
                    .class("se-search-input")
                    .part(self.options.parts, "search")
                    .attr("id", search_id)
                    .attr(hooks::SEARCH.name, "")
                    .attr("autocomplete", "off")
                    .attr("spellcheck", "false")
                    .attr("maxlength", text::number(crate::search::MAX_CHARS)),
            );
        let show_all = element("button")
            .attr("type", "button")
            .class("se-show-all")
            .part(self.options.parts, "show-all")
            .attr(hooks::SHOW_ALL.name, "")
            .attr("aria-expanded", aria_expanded(all_open))
            .attr("aria-controls", panels)
            .text(text::show_all_label(all_open));
        // While a search runs, the live region says how many claims match; with none, the message says so.
        let matches = self.state.search.as_ref().map(Search::matches);
        let mut status = element("p").class("se-vh").attr("role", "status").attr(hooks::STATUS.name, "");
        if let Some(count) = matches {
            status = status.text(text::match_label(count));
        }
        let mut no_match = element("p").class("se-no-match").attr(hooks::NO_MATCH.name, "");
        let mut no_match_text = element("span").class(hooks::NO_MATCH_TEXT.name);
        match (matches, &self.state.search) {
            (Some(0), Some(search)) => no_match_text = no_match_text.text(text::no_match_message(&search.typed)),
            _ => no_match = no_match.attr("hidden", ""),
        }
        let no_match = no_match.child(no_match_text).child(
            element("button")
                .attr("type", "button")
                .class("se-clear")
                .attr(hooks::CLEAR.name, "")
                .text(text::CLEAR_SEARCH),
        );
        element("div")
            .class("se-toolbar")
            .attr(hooks::ENHANCED_ONLY.name, "")
            .child(search)
            .child(show_all)
            .child(status)
            .child(no_match)
    }

    /// Light, dark or the system's: three radio buttons in a labelled group.
    fn theme_switch(&self) -> Element {
        let name = self.id(THEME_ID);
        let choices = [Theme::Auto, Theme::Light, Theme::Dark].map(|theme| {
            let mut input = element("input")
                .attr("type", "radio")
                .attr("name", name.clone())
                .attr("value", theme.name())
                .attr(hooks::THEME_CHOICE.name, "");
            if theme == self.options.theme {
                input = input.attr("checked", "");
            }
            let label = match theme {
                Theme::Auto => text::THEME_AUTO,
                Theme::Light => text::THEME_LIGHT,
                Theme::Dark => text::THEME_DARK,
            };
            Node::from(element("label").class("se-theme-choice").child(input).text(label))
        });
        element("fieldset")
            .class("se-theme")
            .child(element("legend").class("se-theme-legend").text(text::THEME_LEGEND))
            .children(choices)
    }
}
