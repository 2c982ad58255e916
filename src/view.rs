//! The one description of the explainer: a pure function from the document and the state to a node tree.
//!
//! The native writer turns that tree into the static page; the browser layer builds the same tree into an
//! empty element, or finds it already in the page and enhances it in place. The view never touches the DOM.

use std::borrow::Cow;

use crate::document::{AnchorIndex, ClaimIndex, Core, Document, Place};
use crate::hooks::{self, aria_expanded, CLOSED_PANEL_HIDDEN};
use crate::html::{element, text, Element, Node, Text};
use crate::route::{section_part_id, Target, ARTICLE_ID, GLANCE_ID, OVERVIEW_ID, SEARCH_ID, SECTIONS_ID, THEME_ID};
use crate::search::Query;
use crate::state::{Search, State};
use crate::text;
use crate::ui::{ArticlePlacement, Theme, ViewOptions};

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
        Cow::Owned(format!("\u{201c}{words}\u{201d}"))
    }
}

/// The texts of a claim that a search marks, with the hook of the element holding each, in the claim's order
/// (the hook of a quote's words repeats, once per quote): the view writes each with [`marked`], and the browser
/// layer, after each search, writes the n-th element with that hook the same way.
pub fn searched_texts(document: &Core, state: &State, claim: ClaimIndex) -> Vec<(hooks::Hook, Text)> {
    let entry = document.claim(claim);
    let mut texts = vec![(hooks::CLAIM_TEXT, Cow::Borrowed(entry.claim.text))];
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
    fn matching(&self, claims: std::ops::Range<usize>) -> Option<usize> {
        self.state.search.as_ref().map(|search| claims.filter(|&c| search.matching[c]).count())
    }

    fn id(&self, name: &str) -> Text {
        Cow::Owned(format!("{}{name}", self.options.id_prefix))
    }

    fn href(&self, target: Target) -> Text {
        self.id_href(&target.fragment(&self.document.core))
    }

    fn class(&self, base: &'static str, target: Target) -> Text {
        if self.state.current == Some(target) {
            Cow::Owned(format!("{base} {}", hooks::CURRENT.name))
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
                Some(format!("{number}.{position}"))
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
                external_link(format!("{url}#{ARTICLE_ID}")).text(text::STANDFIRST_ELSEWHERE).into(),
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
        Cow::Owned(format!("#{}{name}", self.options.id_prefix))
    }

    fn overview(&self) -> Element {
        let heading_id = self.id(&format!("{OVERVIEW_ID}--heading"));
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
                    .attr("maxlength", crate::search::MAX_CHARS.to_string()),
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

    fn section(&self, section: usize) -> Element {
        let data = &self.document.core.sections[section];
        let open = self.state.open[section];
        let claims = self.document.core.section_claims[section].clone();
        let button_id = self.id(&section_part_id(&self.document.core, section, "button"));
        let panel_id = self.id(&section_part_id(&self.document.core, section, "panel"));
        let matching = self.matching(claims.clone());
        let count = text::count_label(claims.len(), matching);
        let number = self.section_number(section).unwrap_or(0).to_string();

        let button = element("button")
            .attr("type", "button")
            .class("se-toggle")
            .part(self.options.parts, "toggle")
            .attr("id", button_id)
            .attr("aria-expanded", aria_expanded(open))
            .attr("aria-controls", panel_id.clone())
            .attr(hooks::TOGGLE.name, data.id)
            .child(element("span").class("se-toggle-number").text(number))
            .child(element("span").class(hooks::TOGGLE_TITLE.name).text(data.title))
            .child(element("span").class(hooks::COUNT.name).text(count))
            .child(element("span").class("se-toggle-icon").attr("aria-hidden", "true"));
        let mut panel = element("div")
            .class("se-panel")
            .part(self.options.parts, "panel")
            .attr("id", panel_id)
            .attr(hooks::PANEL.name, data.id);
        if !open {
            panel = panel.attr("hidden", CLOSED_PANEL_HIDDEN);
        }
        let panel = panel.child(element("ol").class("se-claims").children(self.claim_items(claims)));

        // Unnamed, so not a landmark: eight region landmarks would crowd a screen reader's landmark list.
        let mut item = element("section")
            .attr("class", self.class("se-section", Target::Section(section)))
            .part(self.options.parts, "section")
            .attr("id", self.id(data.id));
        if matching == Some(0) {
            item = item.attr("hidden", "");
        }
        item.child(self.heading(0).class("se-section-heading").child(button))
            .child(element("p").class(hooks::SUMMARY.name).text(data.summary))
            .child(panel)
    }

    /// A claim shown away from its section, as who said what lists it: its lead (the reporter's words that set
    /// it up, set apart, so no speaker's heading above seems to say them) joined before its statement, as
    /// [`Document::standing_alone`] joins them.
    fn standing_alone(&self, claim: ClaimIndex) -> Vec<Node> {
        let statement = self.document.core.claim(claim).claim.text;
        match self.document.lead(claim) {
            Some(lead) => vec![element("span").class("se-lead-in").text(lead).into(), text(" "), text(statement)],
            None => vec![text(statement)],
        }
    }

    /// A section's claims as its list shows them: a run of claims that share a lead, under the lead, said once
    /// (a nested list; the stylesheet hides the lead while a search hides all of its claims).
    fn claim_items(&self, claims: std::ops::Range<usize>) -> Vec<Node> {
        let mut items: Vec<Node> = Vec::new();
        let mut run: Option<(usize, Vec<Node>)> = None;
        let end_run = |items: &mut Vec<Node>, run: Option<(usize, Vec<Node>)>| {
            if let Some((lead, claims)) = run {
                items.push(
                    element("li")
                        .class("se-lead-group")
                        .child(element("p").class("se-lead").text(self.document.leads[lead]))
                        .child(element("ol").class("se-claims se-led-claims").children(claims))
                        .into(),
                );
            }
        };
        for claim in claims.map(ClaimIndex) {
            let lead = self.document.lead_of[claim.0];
            if run.as_ref().map(|(l, _)| *l) != lead {
                end_run(&mut items, run.take());
            }
            match lead {
                Some(lead) => run.get_or_insert_with(|| (lead, Vec::new())).1.push(self.claim(claim).into()),
                None => items.push(self.claim(claim).into()),
            }
        }
        end_run(&mut items, run);
        items
    }

    fn claim(&self, claim: ClaimIndex) -> Element {
        let entry = self.document.core.claim(claim);
        let target = Target::Claim(claim);
        let mut item = element("li")
            .attr("class", self.class(hooks::CLAIM.name, target))
            .part(self.options.parts, "claim")
            .attr("id", self.id(&target.fragment(&self.document.core)))
            .attr("tabindex", "-1");
        if self.hidden_by_search(claim) {
            item = item.attr("hidden", "");
        }
        if let Some(label) = self.claim_label(claim) {
            item = item.child(element("span").class("se-claim-number").text(label));
        }
        item = item.child(element("p").class(hooks::CLAIM_TEXT.name).children(self.marked(claim, entry.claim.text)));
        if let Some(attribution) = crate::search::attribution(&self.document.core, claim) {
            item = item.child(element("p").class(hooks::ATTRIBUTION.name).children(self.marked(claim, attribution)));
        }
        if let Some(note) = entry.claim.note {
            item = item.child(
                element("p")
                    .class("se-claim-note")
                    .child(element("span").class("se-claim-note-label").text(text::NOTE_LABEL))
                    .child(element("span").class(hooks::NOTE_TEXT.name).children(self.marked(claim, note))),
            );
        }
        // One quiet row: a link to each paragraph the claim's quotes are in (to the first of them there; the
        // quotes on demand list each), the quotes on demand, the claim's address. Spaces between the row's
        // parts, for reading without the stylesheet (reader modes, copied text).
        let mut row = element("p").class("se-claim-row");
        for anchor in linked_quotes(self.document, claim) {
            row = row.child(self.cite_link(anchor)).text(" ");
        }
        // An overview claim, a short version, links to the claims in full: to the first of each section's.
        // Those list its quotes, so it lists none of its own (unless this instance shows none of them).
        let core = &self.document.core;
        for full in core.in_full(claim, |full| self.shows_claim(full)) {
            row = row.child(self.see_link(full)).text(" ");
        }
        let listed = core.listed_quotes(claim, |full| self.shows_claim(full));
        if listed.is_empty() {
            return item.child(row);
        }
        let open = self.state.quotes_open.get(claim.0).copied().unwrap_or(false);
        // Each button's hidden words say which claim it is for: a list of the page's buttons stays usable.
        let label = self.claim_label(claim);
        let which = |to: &str| text::for_claim(to, label.as_deref());
        // The controls that need JavaScript, together (the span lays out as if it were not there).
        let mut actions = element("span").class(hooks::CLAIM_ACTIONS.name).attr(hooks::ENHANCED_ONLY.name, "").child(
            element("button")
                .attr("type", "button")
                .attr(hooks::QUOTES.name, "")
                .attr("aria-expanded", aria_expanded(open))
                .text(text::quotes_label(listed.len()))
                .child(element("span").class("se-vh").text(which("of"))),
        );
        // The overview's claims are short versions: their links are the claims in full.
        if self.options.copy_links && entry.place != Place::Overview {
            let which = which("to");
            actions = actions.text(" ").child(
                element("button")
                    .attr("type", "button")
                    .class("se-copy")
                    .attr(hooks::COPY.name, "")
                    .child(element("span").class(hooks::COPY_LABEL.name).text(text::COPY_LINK))
                    .child(element("span").class("se-vh").text(which)),
            );
        }
        row = row.child(actions);
        // The disclosure's list comes right after its row (no `aria-controls`: optional in the disclosure
        // pattern, ignored by most screen readers, and a long id twice per claim).
        let mut quotes = element("ul").class(hooks::CITATIONS.name);
        if !open {
            quotes = quotes.attr("hidden", CLOSED_PANEL_HIDDEN);
        }
        item.child(row).child(quotes.children(listed.iter().map(|&anchor| self.citation(claim, anchor).into())))
    }

    /// The link from an overview claim to the claim in full: `→ Talks` (the section's title), named as the section
    /// and what the link leads to.
    fn see_link(&self, full: ClaimIndex) -> Element {
        let section = match self.document.core.claim(full).place {
            Place::Section(section) => &self.document.core.sections[section],
            Place::Overview => unreachable!("the content compiler points `see` at section claims only"),
        };
        element("a")
            .class(hooks::SEE.name)
            .attr("href", self.href(Target::Claim(full)))
            .child(element("span").attr("aria-hidden", "true").text("\u{2192}\u{a0}"))
            .text(section.title)
            .child(element("span").class("se-vh").text(text::CLAIM_IN_FULL))
    }

    /// The link from a claim to one of its quotes in the article: `¶ 6`, named for a screen reader as the
    /// quote (the `ordinal`-th of the claim's, when it has several) in paragraph 6.
    fn cite_link(&self, anchor: AnchorIndex) -> Element {
        let paragraph = &self.document.paragraphs[self.document.quote_places[anchor.0].paragraph];
        let cite = match &self.options.article {
            ArticlePlacement::Inline => element("a").attr("href", self.href(Target::Anchor(anchor))),
            ArticlePlacement::Linked(url) => {
                external_link(format!("{url}#{}", Target::Anchor(anchor).fragment(&self.document.core)))
            }
            ArticlePlacement::Omitted => element("span"),
        };
        // Shown as `¶ 16`; named `Paragraph 16` (the name is what is shown, for voice control).
        let mut cite = cite
            .class("se-cite")
            .part(self.options.parts, "cite")
            .child(element("span").class("se-vh").text(text::PARAGRAPH))
            .child(element("span").attr("aria-hidden", "true").text("\u{b6}\u{a0}"));
        cite = match paragraph.number {
            Some(n) => cite.text(n.to_string()),
            // The date line, dateline and credits have no number: say which part of the article it is.
            None => cite.child(element("span").class("se-vh").text(text::ABOVE_THE_FIRST)),
        };
        if let ArticlePlacement::Linked(_) = self.options.article {
            cite = cite.child(element("span").class("se-vh").text(text::NEW_TAB));
        }
        cite
    }

    /// One of a claim's quotes, set as a quotation, with its paragraph and its context on demand.
    fn citation(&self, claim: ClaimIndex, anchor: AnchorIndex) -> Element {
        let paragraph = &self.document.paragraphs[self.document.quote_places[anchor.0].paragraph];
        let words = self.marked(claim, &cited_words(&self.document.core, anchor));
        let mut quote =
            element("span").class("se-quotation").child(element("span").class(hooks::CITE_WORDS.name).children(words));
        if let Some(number) = paragraph.number {
            quote = quote.text(" ").child(
                element("span")
                    .class("se-cite-where")
                    .child(element("span").class("se-vh").text(text::PARAGRAPH))
                    .child(element("span").attr("aria-hidden", "true").text("\u{b6}\u{a0}"))
                    .text(number.to_string()),
            );
        }
        element("li").class("se-citation").child(quote).child(self.context(anchor))
    }

    /// The quote in its surroundings, verbatim: a disclosure that works without JavaScript.
    fn context(&self, anchor: AnchorIndex) -> Element {
        let context = crate::context::context(self.document, anchor);
        let numbered = |number: usize| {
            element("span")
                .class("se-context-where")
                .child(element("span").class("se-vh").text(text::PARAGRAPH))
                .child(element("span").attr("aria-hidden", "true").text("\u{b6}\u{a0}"))
                .text(number.to_string())
        };
        let neighbour = |(number, sentence): (usize, &'static str)| -> Node {
            element("p").class("se-context-near").child(numbered(number)).text(" ").text(sentence).into()
        };
        let mut quote_paragraph = element("p").child(numbered(context.number)).text(" ");
        if !context.lead.is_empty() {
            quote_paragraph = quote_paragraph.text(context.lead);
        }
        quote_paragraph = quote_paragraph.child(element("mark").class("se-context-quote").text(context.quote));
        if !context.tail.is_empty() {
            quote_paragraph = quote_paragraph.text(context.tail);
        }
        let body = element("div")
            .class("se-context-body")
            .children(context.before.map(neighbour))
            .child(quote_paragraph)
            .children(context.after.map(neighbour));
        element("details")
            .class("se-context")
            .part(self.options.parts, "context")
            .child(element("summary").class("se-context-toggle").text(text::IN_CONTEXT))
            .child(body)
    }

    /// Numbers, timeline and who said what: each item links to the quote (or claim) it comes from.
    fn glance(&self) -> Element {
        use crate::glance::who_said_what;
        let document = self.document;
        let heading_id = self.id(&format!("{GLANCE_ID}--heading"));
        let quote_link = |anchor| element("a").class("se-glance-link").attr("href", self.href(Target::Anchor(anchor)));
        let figures = document.figures.iter().map(|figure| {
            let link = quote_link(figure.anchor)
                .child(element("span").class("se-figure-value").text(figure.words))
                .text(" ")
                .child(element("span").class("se-figure-label").text(figure.text));
            Node::from(element("li").class("se-figure").child(link))
        });
        let events = document.timeline.iter().map(|event| {
            let link = quote_link(event.anchor)
                .child(element("span").class("se-when").text(event.words))
                .text(" ")
                .child(element("span").class("se-what").text(event.text));
            Node::from(element("li").class("se-event").child(link))
        });
        let speakers = who_said_what(document).into_iter().map(|(speaker, claims)| {
            let items = claims.into_iter().map(|claim| {
                let link = element("a")
                    .class("se-glance-link")
                    .attr("href", self.href(Target::Claim(claim)))
                    .children(self.standing_alone(claim));
                Node::from(element("li").child(link))
            });
            Node::from(
                element("div")
                    .class("se-speaker")
                    .child(self.heading(2).class("se-speaker-name").text(document.speaker(speaker).label))
                    .child(element("ul").class("se-speaker-claims").children(items)),
            )
        });
        let part = |title: &'static str, list: Element| {
            Node::from(element("div").class("se-glance-part").child(self.heading(1).text(title)).child(list))
        };
        element("section")
            .class("se-glance")
            .part(self.options.parts, "glance")
            .attr("id", self.id(GLANCE_ID))
            .attr("aria-labelledby", heading_id.clone())
            .child(self.heading(0).class("se-glance-heading").attr("id", heading_id).text(text::GLANCE_HEADING))
            .child(part(text::IN_NUMBERS, element("ul").class("se-figures").children(figures)))
            .child(part(text::TIMELINE, element("ol").class("se-timeline").children(events)))
            .child(part(text::WHO_SAID_WHAT, element("div").class("se-speakers").children(speakers)))
    }

    fn article(&self) -> Element {
        let heading_id = self.id(&format!("{ARTICLE_ID}--heading"));
        let paragraphs = (0..self.document.paragraphs.len()).map(|p| self.paragraph(p).into());
        element("section")
            .class("se-article")
            .part(self.options.parts, "article")
            .attr("id", self.id(ARTICLE_ID))
            .attr("aria-labelledby", heading_id.clone())
            .child(self.heading(0).class("se-article-heading").attr("id", heading_id).text(text::ARTICLE_HEADING))
            .child(element("p").class("se-article-note").text(text::ARTICLE_NOTE))
            .child(element("div").class("se-article-body").attr("lang", "en").children(paragraphs))
    }

    fn paragraph(&self, paragraph: usize) -> Element {
        let document = self.document;
        let range = document.paragraphs[paragraph].range.clone();
        let mut p = match document.paragraphs[paragraph].number {
            Some(number) => {
                element("p").class("se-para").attr("id", self.id(&summit_rules::paragraph_id(number))).child(
                    element("span")
                        .class("se-para-number")
                        .child(element("span").class("se-vh").text(text::PARAGRAPH))
                        .text(number.to_string()),
                )
            }
            None => element("p").class("se-para se-para-meta"),
        };
        let mut at = range.start;
        let shown = |&(index, anchor): &(usize, &crate::document::QuotePlace)| {
            anchor.paragraph == paragraph && self.shows_anchor(AnchorIndex(index))
        };
        for (index, anchor) in document.quote_places.iter().enumerate().filter(shown) {
            if at < anchor.range.start {
                p = p.text(&document.article[at..anchor.range.start]);
            }
            p = p.child(self.quote_mark(AnchorIndex(index))).child(self.back_links(AnchorIndex(index)));
            at = anchor.range.end;
        }
        if at < range.end {
            p = p.text(&document.article[at..range.end]);
        }
        p
    }

    fn quote_mark(&self, anchor: AnchorIndex) -> Element {
        let target = Target::Anchor(anchor);
        element("mark")
            .attr("class", self.class(hooks::QUOTE_MARK.name, target))
            .part(self.options.parts, "quote")
            .attr("id", self.id(&target.fragment(&self.document.core)))
            .attr("tabindex", "-1")
            .text(self.document.core.anchor_text(anchor))
    }

    /// Links from a quote back to every claim citing it.
    fn back_links(&self, anchor: AnchorIndex) -> Element {
        let citations = self.document.core.anchors[anchor.0].cited_by.iter().filter(|c| self.shows_claim(c.claim));
        let links = citations.filter_map(|citation| {
            let (hidden, label) = match self.document.core.claim(citation.claim).place {
                Place::Overview => (text::BACK_TO_THE, text::OVERVIEW.to_string()),
                Place::Section(_) => (text::BACK_TO_CLAIM, self.claim_label(citation.claim)?),
            };
            let link = element("a")
                .class(hooks::BACKREF.name)
                .attr("href", self.href(Target::Claim(citation.claim)))
                .child(element("span").attr("aria-hidden", "true").text("\u{21a9}\u{fe0e}"))
                .child(element("span").class("se-vh").text(hidden))
                .text(label);
            Some(Node::from(link))
        });
        element("span").class(hooks::BACKREFS.name).children(links)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::HeadingLevel;
    use expect_test::{expect, Expect};

    /// The HTML of `node`, one block element a line, indented, so a snapshot reads like the page's outline.
    fn outline(node: &Node, depth: usize, out: &mut String) {
        const INLINE: &[&str] = &["a", "span", "mark", "q", "b"];
        match node {
            Node::Element(element) if element.is_void() => {
                out.push_str(&format!("{}{}\n", "  ".repeat(depth), node.to_html()));
            }
            Node::Element(element) if !INLINE.contains(&element.tag) => {
                let mut open = element.clone();
                open.children.clear();
                let tag = open.into_node().to_html();
                let start = &tag[..tag.len() - element.tag.len() - 3];
                out.push_str(&format!("{}{start}", "  ".repeat(depth)));
                let has_blocks =
                    element.children.iter().any(|c| matches!(c, Node::Element(e) if !INLINE.contains(&e.tag)));
                if has_blocks {
                    out.push('\n');
                    element.children.iter().for_each(|c| outline(c, depth + 1, out));
                    out.push_str(&format!("{}</{}>\n", "  ".repeat(depth), element.tag));
                } else {
                    element.children.iter().for_each(|c| out.push_str(&c.to_html()));
                    out.push_str(&format!("</{}>\n", element.tag));
                }
            }
            other => out.push_str(&format!("{}{}\n", "  ".repeat(depth), other.to_html())),
        }
    }

    /// The first element in `node` whose class attribute is `class`.
    fn with_class<'a>(node: &'a Node, class: &str) -> Option<&'a Node> {
        match node {
            Node::Element(element) if element.attribute("class") == Some(class) => Some(node),
            Node::Element(element) => element.children.iter().find_map(|child| with_class(child, class)),
            Node::Text(_) => None,
        }
    }

    /// Every element in `node` (itself included) that has `class` among its classes, in document order.
    fn all_with_class<'a>(node: &'a Node, class: &str, found: &mut Vec<&'a Element>) {
        if let Node::Element(element) = node {
            if element.attribute("class").is_some_and(|c| c.split(' ').any(|c| c == class)) {
                found.push(element);
            }
            element.children.iter().for_each(|child| all_with_class(child, class, found));
        }
    }

    /// The words a search marks are written by the same functions at first and after each search: the view
    /// of a state with a search holds, in each claim, the n-th element of each searched text's hook with
    /// exactly the content the browser layer writes there (`searched_texts` and `marked`).
    #[test]
    fn a_search_marks_the_same_parts_as_the_browser_layer_writes_again() {
        let document = Document::fixture();
        let mut state = State::closed(&document.core);
        crate::state::update(&mut state, &document.core, crate::state::Msg::Search("leaders rivers".into()));
        crate::state::update(&mut state, &document.core, crate::state::Msg::Search("the".into()));
        let query = state.search.as_ref().map(|search| search.query.clone());
        assert!(query.is_some());
        let page = explainer(document, &state, &ViewOptions::default()).into_node();
        let mut claims = Vec::new();
        all_with_class(&page, hooks::CLAIM.name, &mut claims);
        assert_eq!(claims.len(), document.core.claims.len());
        let mut marks = 0;
        for (index, claim) in claims.into_iter().enumerate() {
            let node = Node::Element(claim.clone());
            let mut seen: Vec<&str> = Vec::new();
            for (hook, words) in searched_texts(&document.core, &state, ClaimIndex(index)) {
                let nth = seen.iter().filter(|&&name| name == hook.name).count();
                seen.push(hook.name);
                let mut found = Vec::new();
                all_with_class(&node, hook.name, &mut found);
                let Some(part) = found.get(nth) else { continue }; // A short version lists no quotes.
                let shown = state.search.as_ref().is_some_and(|search| search.matching[index]);
                let written = marked(&words, query.as_ref().filter(|_| shown));
                marks += written.iter().filter(|n| matches!(n, Node::Element(e) if e.tag == "mark")).count();
                assert_eq!(part.children, written, "{} of claim {index}", hook.name);
            }
        }
        assert!(marks > 3, "the search marks words ({marks})");
    }

    /// A search's every state is the view's: hidden claims, sections and overview, the headers' counts, the
    /// live region and the no-match message are written for the state, not only by the browser's patches.
    #[test]
    fn the_view_draws_a_search_with_matches_and_without() {
        let document = Document::fixture();
        let view = |typed: &str| {
            let mut state = State::closed(&document.core);
            crate::state::update(&mut state, &document.core, crate::state::Msg::Search(typed.into()));
            let page = explainer(document, &state, &ViewOptions::default()).into_node();
            let mut out = String::new();
            // Each part by its opening tag (a section's and a claim's with their number and count only), and
            // the toolbar's status and message.
            for (class, whole) in
                [("se-overview", false), ("se-toolbar", true), ("se-section", false), ("se-claim", false)]
            {
                let mut found = Vec::new();
                all_with_class(&page, class, &mut found);
                for element in found {
                    let mut part = element.clone();
                    if !whole {
                        part.children.retain(|c| matches!(c, Node::Element(e) if e.tag == "h2" || e.tag == "span"));
                    }
                    let mut lines = String::new();
                    outline(&Node::Element(part), 0, &mut lines);
                    let wanted =
                        ["<section", "<li class=\"se-claim", "data-se-status", "se-no-match", "se-toggle-count"];
                    for line in lines.lines().filter(|line| wanted.iter().any(|w| line.contains(w))) {
                        out.push_str(line.trim_start());
                        out.push('\n');
                    }
                }
            }
            out
        };
        expect![[r#"
            <section class="se-overview" id="overview" aria-labelledby="overview--heading" hidden="">
            <p class="se-vh" role="status" data-se-status="">2 claims match</p>
            <p class="se-no-match" data-se-no-match="" hidden="">
            <span class="se-no-match-text"></span>
            <section class="se-section" id="talks" hidden="">
            <button type="button" class="se-toggle" id="talks--button" aria-expanded="false" aria-controls="talks--panel" data-se-toggle="talks"><span class="se-toggle-number">1</span><span class="se-toggle-title">Talks</span><span class="se-toggle-count">0 of 3 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
            <section class="se-section" id="rivers">
            <button type="button" class="se-toggle" id="rivers--button" aria-expanded="true" aria-controls="rivers--panel" data-se-toggle="rivers"><span class="se-toggle-number">2</span><span class="se-toggle-title">Rivers</span><span class="se-toggle-count">2 of 2 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
            <li class="se-claim" id="overview/met" tabindex="-1" hidden=""></li>
            <li class="se-claim" id="talks/agree" tabindex="-1" hidden=""><span class="se-claim-number">1.1</span></li>
            <li class="se-claim" id="talks/ran-late" tabindex="-1" hidden=""><span class="se-claim-number">1.2</span></li>
            <li class="se-claim" id="talks/meet-again" tabindex="-1" hidden=""><span class="se-claim-number">1.3</span></li>
            <li class="se-claim" id="rivers/high-water" tabindex="-1"><span class="se-claim-number">2.1</span></li>
            <li class="se-claim" id="rivers/bridges" tabindex="-1"><span class="se-claim-number">2.2</span></li>
        "#]].assert_eq(&view("rivers"));
        expect![[r#"
            <section class="se-overview" id="overview" aria-labelledby="overview--heading" hidden="">
            <p class="se-vh" role="status" data-se-status="">No claim matches</p>
            <p class="se-no-match" data-se-no-match="">
            <span class="se-no-match-text">No claim matches “&lt;b&gt;steel&lt;/b&gt;”.</span>
            <section class="se-section" id="talks" hidden="">
            <button type="button" class="se-toggle" id="talks--button" aria-expanded="false" aria-controls="talks--panel" data-se-toggle="talks"><span class="se-toggle-number">1</span><span class="se-toggle-title">Talks</span><span class="se-toggle-count">0 of 3 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
            <section class="se-section" id="rivers" hidden="">
            <button type="button" class="se-toggle" id="rivers--button" aria-expanded="false" aria-controls="rivers--panel" data-se-toggle="rivers"><span class="se-toggle-number">2</span><span class="se-toggle-title">Rivers</span><span class="se-toggle-count">0 of 2 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
            <li class="se-claim" id="overview/met" tabindex="-1" hidden=""></li>
            <li class="se-claim" id="talks/agree" tabindex="-1" hidden=""><span class="se-claim-number">1.1</span></li>
            <li class="se-claim" id="talks/ran-late" tabindex="-1" hidden=""><span class="se-claim-number">1.2</span></li>
            <li class="se-claim" id="talks/meet-again" tabindex="-1" hidden=""><span class="se-claim-number">1.3</span></li>
            <li class="se-claim" id="rivers/high-water" tabindex="-1" hidden=""><span class="se-claim-number">2.1</span></li>
            <li class="se-claim" id="rivers/bridges" tabindex="-1" hidden=""><span class="se-claim-number">2.2</span></li>
        "#]].assert_eq(&view("  <b>steel</b> "));
    }

    /// The relation the browser walks rather than finds by a hook holds in the view's own output: right after
    /// every marked quote, its way-back links.
    #[test]
    fn the_relation_the_browser_walks_is_the_views() {
        use crate::outline::{Markup, NativeMarkup};
        let document = Document::fixture();
        let page = explainer(document, &State::closed(&document.core), &ViewOptions::default());
        let relation = hooks::QUOTE_BACKREFS;
        let marks = NativeMarkup::new(&page).all(relation.from).unwrap();
        assert_eq!(marks.len(), document.core.anchors.len());
        for mark in &marks {
            assert!(mark.following(relation).is_some(), "no way back right after {:?}", mark.attribute("id"));
        }
    }

    /// The view writes every part name a host may style, and no other (`ui::PARTS`, which the README lists).
    #[test]
    fn every_part_name_is_written_and_listed() {
        fn parts(node: &Node, found: &mut Vec<String>) {
            if let Node::Element(element) = node {
                found.extend(element.attribute("part").map(str::to_string));
                element.children.iter().for_each(|child| parts(child, found));
            }
        }
        let document = Document::fixture();
        let mut found = Vec::new();
        let options = ViewOptions { parts: true, ..ViewOptions::default() };
        parts(&explainer(document, &State::closed(&document.core), &options).into_node(), &mut found);
        parts(&error_box("").into_node(), &mut found);
        found.sort();
        found.dedup();
        let mut listed = crate::ui::PARTS.map(str::to_string).to_vec();
        listed.sort();
        assert_eq!(found, listed);
    }

    /// Renders the test document for the state `state` makes, and compares the outline of the element with class
    /// `part` (`se` for the whole explainer).
    fn check(state: impl FnOnce(&mut State), options: ViewOptions, part: &str, expected: Expect) {
        let document = Document::fixture();
        let mut view_state = State::closed(&document.core);
        state(&mut view_state);
        let page = explainer(document, &view_state, &options).into_node();
        let mut out = String::new();
        outline(with_class(&page, part).expect("the part is in the page"), 0, &mut out);
        expected.assert_eq(&out);
    }

    /// The page's outline for `state` and `options`: the root and its parts in order, each by its opening tag
    /// (each part has a test of its own).
    fn skeleton(state: State, options: ViewOptions, expected: Expect) {
        let document = Document::fixture();
        let page = explainer(document, &state, &options);
        let open_tag = |element: &Element| {
            let mut open = element.clone();
            open.children.clear();
            let html = open.into_node().to_html();
            html[..html.len() - element.tag.len() - 3].to_string()
        };
        let mut out = format!("{}\n", open_tag(&page));
        for child in &page.children {
            if let Node::Element(part) = child {
                out.push_str(&format!("  {}\n", open_tag(part)));
            }
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn the_static_page_is_its_parts_in_order() {
        skeleton(
            State::closed(&Document::fixture().core),
            ViewOptions::default(),
            expect![[r#"
            <div class="se" data-se-root="">
              <div class="se-header">
              <section class="se-overview" id="overview" aria-labelledby="overview--heading">
              <div class="se-toolbar" data-se-enhanced-only="">
              <div class="se-sections" id="sections">
              <section class="se-glance" id="glance" aria-labelledby="glance--heading">
              <section class="se-article" id="article" aria-labelledby="article--heading">
              <div class="se-settings" data-se-enhanced-only="">
        "#]],
        );
    }

    #[test]
    fn the_header_names_the_source_and_where_its_words_are() {
        check(
            |_| {},
            ViewOptions::default(),
            "se-header",
            expect![[r##"
            <div class="se-header">
              <p class="se-kicker">Explainer</p>
              <h1 class="se-title">The fixture explainer: “we &lt;agree&gt;” &amp; more</h1>
              <p class="se-standfirst">Every statement below links to the words of one article (CNN, Springfield, dated 2000-01-01), shown in full <a href="#article">at the end</a>.</p>
            </div>
        "##]],
        );
    }

    #[test]
    fn the_overview_holds_short_versions_linked_to_their_claims_in_full() {
        check(
            |_| {},
            ViewOptions::default(),
            "se-overview",
            expect![[r##"
                <section class="se-overview" id="overview" aria-labelledby="overview--heading">
                  <h2 class="se-overview-heading" id="overview--heading">In brief</h2>
                  <ul class="se-claims se-overview-claims">
                    <li class="se-claim" id="overview/met" tabindex="-1">
                      <p class="se-claim-text">The leaders met.</p>
                      <p class="se-claim-row"><a href="#q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <a class="se-see" href="#talks/agree"><span aria-hidden="true">→&nbsp;</span>Talks<span class="se-vh">: the claim in full</span></a> </p>
                    </li>
                  </ul>
                </section>
            "##]],
        );
    }

    #[test]
    fn the_toolbar_is_there_before_javascript_but_only_shown_with_it() {
        check(
            |_| {},
            ViewOptions::default(),
            "se-toolbar",
            expect![[r#"
            <div class="se-toolbar" data-se-enhanced-only="">
              <div class="se-search" role="search">
                <label class="se-search-label" for="search">Search the claims</label>
                <input type="search" class="se-search-input" id="search" data-se-search="" autocomplete="off" spellcheck="false" maxlength="120">
              </div>
              <button type="button" class="se-show-all" data-se-show-all="" aria-expanded="false" aria-controls="talks--panel rivers--panel">Show all sections</button>
              <p class="se-vh" role="status" data-se-status=""></p>
              <p class="se-no-match" data-se-no-match="" hidden="">
                <span class="se-no-match-text"></span>
                <button type="button" class="se-clear" data-se-clear="">Clear the search</button>
              </p>
            </div>
        "#]],
        );
    }

    #[test]
    fn a_closed_section_keeps_its_claims_findable() {
        check(
            |_| {},
            ViewOptions::default(),
            "se-section",
            expect![[r##"
                <section class="se-section" id="talks">
                  <h2 class="se-section-heading">
                    <button type="button" class="se-toggle" id="talks--button" aria-expanded="false" aria-controls="talks--panel" data-se-toggle="talks"><span class="se-toggle-number">1</span><span class="se-toggle-title">Talks</span><span class="se-toggle-count">3 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
                  </h2>
                  <p class="se-section-summary">What was said, and when they meet again.</p>
                  <div class="se-panel" id="talks--panel" data-se-panel="talks" hidden="until-found">
                    <ol class="se-claims">
                      <li class="se-lead-group">
                        <p class="se-lead">The leaders met.</p>
                        <ol class="se-claims se-led-claims">
                          <li class="se-claim" id="talks/agree" tabindex="-1">
                            <span class="se-claim-number">1.1</span>
                            <p class="se-claim-text">Biden said they agree.</p>
                            <p class="se-attribution">President Joe Biden, at the meeting</p>
                            <p class="se-claim-row"><a href="#q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.1</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.1</span></button></span></p>
                            <ul class="se-citations" hidden="until-found">
                              <li class="se-citation">
                                <span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                                <details class="se-context">
                                  <summary class="se-context-toggle">In context</summary>
                                  <div class="se-context-body">
                                    <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> <mark class="se-context-quote">The leaders met.</mark> Biden said “we &lt;agree&gt;” &amp; left.</p>
                                    <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                                  </div>
                                </details>
                              </li>
                              <li class="se-citation">
                                <span class="se-quotation"><span class="se-cite-words">“Biden said “we &lt;agree&gt;””</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                                <details class="se-context">
                                  <summary class="se-context-toggle">In context</summary>
                                  <div class="se-context-body">
                                    <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> The leaders met. <mark class="se-context-quote">Biden said “we &lt;agree&gt;”</mark> &amp; left.</p>
                                    <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                                  </div>
                                </details>
                              </li>
                            </ul>
                          </li>
                          <li class="se-claim" id="talks/ran-late" tabindex="-1">
                            <span class="se-claim-number">1.2</span>
                            <p class="se-claim-text">The talks ran late into the night.</p>
                            <p class="se-attribution">An official</p>
                            <p class="se-claim-row"><a href="#q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <a href="#q-ran-late-2" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.2</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.2</span></button></span></p>
                            <ul class="se-citations" hidden="until-found">
                              <li class="se-citation">
                                <span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                                <details class="se-context">
                                  <summary class="se-context-toggle">In context</summary>
                                  <div class="se-context-body">
                                    <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> <mark class="se-context-quote">The leaders met.</mark> Biden said “we &lt;agree&gt;” &amp; left.</p>
                                    <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                                  </div>
                                </details>
                              </li>
                              <li class="se-citation">
                                <span class="se-quotation"><span class="se-cite-words">“The talks ran late into the night, an official said.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span></span>
                                <details class="se-context">
                                  <summary class="se-context-toggle">In context</summary>
                                  <div class="se-context-body">
                                    <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> Biden said “we &lt;agree&gt;” &amp; left.</p>
                                    <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> <mark class="se-context-quote">The talks ran late into the night, an official said.</mark> Both sides will meet again in spring.</p>
                                    <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span> The rivers are high this year.</p>
                                  </div>
                                </details>
                              </li>
                            </ul>
                          </li>
                        </ol>
                      </li>
                      <li class="se-claim" id="talks/meet-again" tabindex="-1">
                        <span class="se-claim-number">1.3</span>
                        <p class="se-claim-text">Both sides will meet again in spring.</p>
                        <p class="se-claim-note"><span class="se-claim-note-label">Note: </span><span class="se-claim-note-text">The article does not say which spring.</span></p>
                        <p class="se-claim-row"><a href="#q-meet-again-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quote<span class="se-vh"> of claim 1.3</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.3</span></button></span></p>
                        <ul class="se-citations" hidden="until-found">
                          <li class="se-citation">
                            <span class="se-quotation"><span class="se-cite-words">“Both sides will meet again in spring.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span></span>
                            <details class="se-context">
                              <summary class="se-context-toggle">In context</summary>
                              <div class="se-context-body">
                                <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> Biden said “we &lt;agree&gt;” &amp; left.</p>
                                <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said. <mark class="se-context-quote">Both sides will meet again in spring.</mark></p>
                                <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span> The rivers are high this year.</p>
                              </div>
                            </details>
                          </li>
                        </ul>
                      </li>
                    </ol>
                  </div>
                </section>
            "##]],
        );
    }

    /// A claim that follows a lead stands alone wherever it is shown away from its run: who said what shows the
    /// lead before it (the words `Document::standing_alone` joins), and the section shows the lead once, above
    /// the run.
    #[test]
    fn a_claim_under_a_lead_is_shown_with_it_where_it_stands_alone_and_under_it_in_its_section() {
        let document = Document::fixture();
        let page = explainer(document, &State::closed(&document.core), &ViewOptions::default()).into_node();
        let mut said = Vec::new();
        all_with_class(with_class(&page, "se-speakers").unwrap(), "se-glance-link", &mut said);
        let said: Vec<String> = said.iter().map(|&e| e.clone().into_node().text_content()).collect();
        let alone = |id: &str| document.standing_alone(document.core.claim_with_id(id).unwrap());
        assert_eq!(said, [alone("agree"), alone("ran-late")]);
        assert_eq!(said[1], "The leaders met. The talks ran late into the night.");
        let mut leads = Vec::new();
        all_with_class(&page, "se-lead-group", &mut leads);
        assert_eq!(leads.len(), 1, "one run, one lead");
        let group = leads[0].clone().into_node();
        let mut led = Vec::new();
        all_with_class(&group, "se-claim", &mut led);
        let led: Vec<&str> = led.iter().filter_map(|e| e.attribute("id")).collect();
        assert_eq!(led, ["talks/agree", "talks/ran-late"], "the run's claims, under it; `meet-again` after it");
    }

    #[test]
    fn the_glance_links_each_figure_event_and_speaker_to_its_source() {
        check(
            |_| {},
            ViewOptions::default(),
            "se-glance",
            expect![[r##"
                <section class="se-glance" id="glance" aria-labelledby="glance--heading">
                  <h2 class="se-glance-heading" id="glance--heading">Numbers, dates and who said what</h2>
                  <div class="se-glance-part">
                    <h3>In numbers</h3>
                    <ul class="se-figures">
                      <li class="se-figure"><a class="se-glance-link" href="#q-bridges-1"><span class="se-figure-value">3</span> <span class="se-figure-label">new bridges</span></a></li>
                    </ul>
                  </div>
                  <div class="se-glance-part">
                    <h3>Timeline</h3>
                    <ol class="se-timeline">
                      <li class="se-event"><a class="se-glance-link" href="#q-meet-again-1"><span class="se-when">in spring</span> <span class="se-what">Both sides meet again</span></a></li>
                    </ol>
                  </div>
                  <div class="se-glance-part">
                    <h3>Who said what</h3>
                    <div class="se-speakers">
                      <div class="se-speaker">
                        <h4 class="se-speaker-name">President Joe Biden</h4>
                        <ul class="se-speaker-claims">
                          <li><a class="se-glance-link" href="#talks/agree"><span class="se-lead-in">The leaders met.</span> Biden said they agree.</a></li>
                        </ul>
                      </div>
                      <div class="se-speaker">
                        <h4 class="se-speaker-name">An official</h4>
                        <ul class="se-speaker-claims">
                          <li><a class="se-glance-link" href="#talks/ran-late"><span class="se-lead-in">The leaders met.</span> The talks ran late into the night.</a></li>
                        </ul>
                      </div>
                    </div>
                  </div>
                </section>
            "##]],
        );
    }

    #[test]
    fn the_article_marks_each_quote_and_links_back_to_its_claims() {
        check(
            |_| {},
            ViewOptions::default(),
            "se-article",
            expect![[r##"
                <section class="se-article" id="article" aria-labelledby="article--heading">
                  <h2 class="se-article-heading" id="article--heading">The article</h2>
                  <p class="se-article-note">The source in full, unedited. Underlined passages are the quotes cited above; the link after each leads back to the claim that cites it.</p>
                  <div class="se-article-body" lang="en">
                    <p class="se-para se-para-meta"> date 2000-01-01 </p>
                    <p class="se-para se-para-meta">Springfield CNN —</p>
                    <p class="se-para" id="p1"><span class="se-para-number"><span class="se-vh">Paragraph </span>1</span><mark class="se-quote" id="q-agree-1" tabindex="-1">The leaders met.</mark><span class="se-backrefs"><a class="se-backref" href="#overview/met"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to the </span>overview</a><a class="se-backref" href="#talks/agree"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.1</a><a class="se-backref" href="#talks/ran-late"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.2</a></span> <mark class="se-quote" id="q-agree-2" tabindex="-1">Biden said “we &lt;agree&gt;”</mark><span class="se-backrefs"><a class="se-backref" href="#talks/agree"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.1</a></span> &amp; left.</p>
                    <p class="se-para" id="p2"><span class="se-para-number"><span class="se-vh">Paragraph </span>2</span><mark class="se-quote" id="q-ran-late-2" tabindex="-1">The talks ran late into the night, an official said.</mark><span class="se-backrefs"><a class="se-backref" href="#talks/ran-late"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.2</a></span> <mark class="se-quote" id="q-meet-again-1" tabindex="-1">Both sides will meet again in spring.</mark><span class="se-backrefs"><a class="se-backref" href="#talks/meet-again"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.3</a></span></p>
                    <p class="se-para" id="p3"><span class="se-para-number"><span class="se-vh">Paragraph </span>3</span><mark class="se-quote" id="q-high-water-1" tabindex="-1">The rivers are high this year.</mark><span class="se-backrefs"><a class="se-backref" href="#rivers/high-water"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>2.1</a></span> <mark class="se-quote" id="q-bridges-1" tabindex="-1">Engineers will build 3 new bridges.</mark><span class="se-backrefs"><a class="se-backref" href="#rivers/bridges"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>2.2</a></span></p>
                    <p class="se-para se-para-meta">CNN's Ann Writer and Bob Writer contributed to this report.</p>
                  </div>
                </section>
            "##]],
        );
    }

    #[test]
    fn the_theme_switch_closes_the_page() {
        check(
            |_| {},
            ViewOptions::default(),
            "se-settings",
            expect![[r#"
            <div class="se-settings" data-se-enhanced-only="">
              <fieldset class="se-theme">
                <legend class="se-theme-legend">Theme</legend>
                <label class="se-theme-choice">
                  <input type="radio" name="theme" value="auto" data-se-theme-choice="" checked="">
                  Auto
                </label>
                <label class="se-theme-choice">
                  <input type="radio" name="theme" value="light" data-se-theme-choice="">
                  Light
                </label>
                <label class="se-theme-choice">
                  <input type="radio" name="theme" value="dark" data-se-theme-choice="">
                  Dark
                </label>
              </fieldset>
            </div>
        "#]],
        );
    }

    #[test]
    fn an_open_section_with_a_marked_claim_in_an_embedded_instance() {
        check(
            |state| {
                state.open[0] = true;
                state.current = Some(Target::Claim(ClaimIndex(1)));
            },
            ViewOptions {
                id_prefix: "se1-".to_string(),
                heading_level: HeadingLevel::new(4).unwrap(),
                ..ViewOptions::default()
            },
            "se-sections",
            expect![[r##"
                <div class="se-sections" id="se1-sections">
                  <section class="se-section" id="se1-talks">
                    <h4 class="se-section-heading">
                      <button type="button" class="se-toggle" id="se1-talks--button" aria-expanded="true" aria-controls="se1-talks--panel" data-se-toggle="talks"><span class="se-toggle-number">1</span><span class="se-toggle-title">Talks</span><span class="se-toggle-count">3 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
                    </h4>
                    <p class="se-section-summary">What was said, and when they meet again.</p>
                    <div class="se-panel" id="se1-talks--panel" data-se-panel="talks">
                      <ol class="se-claims">
                        <li class="se-lead-group">
                          <p class="se-lead">The leaders met.</p>
                          <ol class="se-claims se-led-claims">
                            <li class="se-claim se-current" id="se1-talks/agree" tabindex="-1">
                              <span class="se-claim-number">1.1</span>
                              <p class="se-claim-text">Biden said they agree.</p>
                              <p class="se-attribution">President Joe Biden, at the meeting</p>
                              <p class="se-claim-row"><a href="#se1-q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.1</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.1</span></button></span></p>
                              <ul class="se-citations" hidden="until-found">
                                <li class="se-citation">
                                  <span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                                  <details class="se-context">
                                    <summary class="se-context-toggle">In context</summary>
                                    <div class="se-context-body">
                                      <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> <mark class="se-context-quote">The leaders met.</mark> Biden said “we &lt;agree&gt;” &amp; left.</p>
                                      <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                                    </div>
                                  </details>
                                </li>
                                <li class="se-citation">
                                  <span class="se-quotation"><span class="se-cite-words">“Biden said “we &lt;agree&gt;””</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                                  <details class="se-context">
                                    <summary class="se-context-toggle">In context</summary>
                                    <div class="se-context-body">
                                      <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> The leaders met. <mark class="se-context-quote">Biden said “we &lt;agree&gt;”</mark> &amp; left.</p>
                                      <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                                    </div>
                                  </details>
                                </li>
                              </ul>
                            </li>
                            <li class="se-claim" id="se1-talks/ran-late" tabindex="-1">
                              <span class="se-claim-number">1.2</span>
                              <p class="se-claim-text">The talks ran late into the night.</p>
                              <p class="se-attribution">An official</p>
                              <p class="se-claim-row"><a href="#se1-q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <a href="#se1-q-ran-late-2" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.2</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.2</span></button></span></p>
                              <ul class="se-citations" hidden="until-found">
                                <li class="se-citation">
                                  <span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                                  <details class="se-context">
                                    <summary class="se-context-toggle">In context</summary>
                                    <div class="se-context-body">
                                      <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> <mark class="se-context-quote">The leaders met.</mark> Biden said “we &lt;agree&gt;” &amp; left.</p>
                                      <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                                    </div>
                                  </details>
                                </li>
                                <li class="se-citation">
                                  <span class="se-quotation"><span class="se-cite-words">“The talks ran late into the night, an official said.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span></span>
                                  <details class="se-context">
                                    <summary class="se-context-toggle">In context</summary>
                                    <div class="se-context-body">
                                      <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> Biden said “we &lt;agree&gt;” &amp; left.</p>
                                      <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> <mark class="se-context-quote">The talks ran late into the night, an official said.</mark> Both sides will meet again in spring.</p>
                                      <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span> The rivers are high this year.</p>
                                    </div>
                                  </details>
                                </li>
                              </ul>
                            </li>
                          </ol>
                        </li>
                        <li class="se-claim" id="se1-talks/meet-again" tabindex="-1">
                          <span class="se-claim-number">1.3</span>
                          <p class="se-claim-text">Both sides will meet again in spring.</p>
                          <p class="se-claim-note"><span class="se-claim-note-label">Note: </span><span class="se-claim-note-text">The article does not say which spring.</span></p>
                          <p class="se-claim-row"><a href="#se1-q-meet-again-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quote<span class="se-vh"> of claim 1.3</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.3</span></button></span></p>
                          <ul class="se-citations" hidden="until-found">
                            <li class="se-citation">
                              <span class="se-quotation"><span class="se-cite-words">“Both sides will meet again in spring.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span></span>
                              <details class="se-context">
                                <summary class="se-context-toggle">In context</summary>
                                <div class="se-context-body">
                                  <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> Biden said “we &lt;agree&gt;” &amp; left.</p>
                                  <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said. <mark class="se-context-quote">Both sides will meet again in spring.</mark></p>
                                  <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span> The rivers are high this year.</p>
                                </div>
                              </details>
                            </li>
                          </ul>
                        </li>
                      </ol>
                    </div>
                  </section>
                  <section class="se-section" id="se1-rivers">
                    <h4 class="se-section-heading">
                      <button type="button" class="se-toggle" id="se1-rivers--button" aria-expanded="false" aria-controls="se1-rivers--panel" data-se-toggle="rivers"><span class="se-toggle-number">2</span><span class="se-toggle-title">Rivers</span><span class="se-toggle-count">2 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
                    </h4>
                    <p class="se-section-summary">High water, and 3 new bridges.</p>
                    <div class="se-panel" id="se1-rivers--panel" data-se-panel="rivers" hidden="until-found">
                      <ol class="se-claims">
                        <li class="se-claim" id="se1-rivers/high-water" tabindex="-1">
                          <span class="se-claim-number">2.1</span>
                          <p class="se-claim-text">The rivers are high this year.</p>
                          <p class="se-claim-row"><a href="#se1-q-high-water-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quote<span class="se-vh"> of claim 2.1</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 2.1</span></button></span></p>
                          <ul class="se-citations" hidden="until-found">
                            <li class="se-citation">
                              <span class="se-quotation"><span class="se-cite-words">“The rivers are high this year.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span></span>
                              <details class="se-context">
                                <summary class="se-context-toggle">In context</summary>
                                <div class="se-context-body">
                                  <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> Both sides will meet again in spring.</p>
                                  <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span> <mark class="se-context-quote">The rivers are high this year.</mark> Engineers will build 3 new bridges.</p>
                                </div>
                              </details>
                            </li>
                          </ul>
                        </li>
                        <li class="se-claim" id="se1-rivers/bridges" tabindex="-1">
                          <span class="se-claim-number">2.2</span>
                          <p class="se-claim-text">Engineers will build 3 new bridges.</p>
                          <p class="se-claim-row"><a href="#se1-q-bridges-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quote<span class="se-vh"> of claim 2.2</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 2.2</span></button></span></p>
                          <ul class="se-citations" hidden="until-found">
                            <li class="se-citation">
                              <span class="se-quotation"><span class="se-cite-words">“Engineers will build 3 new bridges.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span></span>
                              <details class="se-context">
                                <summary class="se-context-toggle">In context</summary>
                                <div class="se-context-body">
                                  <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> Both sides will meet again in spring.</p>
                                  <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span> The rivers are high this year. <mark class="se-context-quote">Engineers will build 3 new bridges.</mark></p>
                                </div>
                              </details>
                            </li>
                          </ul>
                        </li>
                      </ol>
                    </div>
                  </section>
                </div>
            "##]],
        );
    }

    #[test]
    fn an_embed_without_the_article_links_quotes_to_the_complete_explainer() {
        let options = || ViewOptions {
            theme: Theme::Dark,
            article: ArticlePlacement::Linked("https://explainer.example/".to_string()),
            ..ViewOptions::default()
        };
        // No overview, no glance, no article: the header, the toolbar and the sections, in the theme asked for.
        skeleton(
            State { overview: false, ..State::closed(&Document::fixture().core) },
            options(),
            expect![[r#"
            <div class="se" data-se-root="" data-se-theme="dark">
              <div class="se-header">
              <div class="se-toolbar" data-se-enhanced-only="">
              <div class="se-sections" id="sections">
              <div class="se-settings" data-se-enhanced-only="">
        "#]],
        );
        check(
            |state| state.overview = false,
            options(),
            "se-header",
            expect![[r#"
            <div class="se-header">
              <p class="se-kicker">Explainer</p>
              <h1 class="se-title">The fixture explainer: “we &lt;agree&gt;” &amp; more</h1>
              <p class="se-standfirst">Every statement below links to the words of one article (CNN, Springfield, dated 2000-01-01), shown in full <a href="https://explainer.example/#article" target="_blank" rel="noopener">in the complete explainer</a>.</p>
            </div>
        "#]],
        );
        check(
            |state| state.overview = false,
            options(),
            "se-claim-row",
            expect![[r#"
            <p class="se-claim-row"><a href="https://explainer.example/#q-agree-1" target="_blank" rel="noopener" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1<span class="se-vh"> (opens in a new tab)</span></a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.1</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.1</span></button></span></p>
        "#]],
        );
    }

    #[test]
    fn an_embed_without_any_article_shows_quotes_as_text() {
        let options = ViewOptions { article: ArticlePlacement::Omitted, ..ViewOptions::default() };
        check(
            |_| {},
            options,
            "se-citations",
            expect![[r#"
                <ul class="se-citations" hidden="until-found">
                  <li class="se-citation">
                    <span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                    <details class="se-context">
                      <summary class="se-context-toggle">In context</summary>
                      <div class="se-context-body">
                        <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> <mark class="se-context-quote">The leaders met.</mark> Biden said “we &lt;agree&gt;” &amp; left.</p>
                        <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                      </div>
                    </details>
                  </li>
                  <li class="se-citation">
                    <span class="se-quotation"><span class="se-cite-words">“Biden said “we &lt;agree&gt;””</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                    <details class="se-context">
                      <summary class="se-context-toggle">In context</summary>
                      <div class="se-context-body">
                        <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> The leaders met. <mark class="se-context-quote">Biden said “we &lt;agree&gt;”</mark> &amp; left.</p>
                        <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                      </div>
                    </details>
                  </li>
                </ul>
            "#]],
        );
    }

    #[test]
    fn headings_follow_the_level_asked_for() {
        let levels: Vec<_> = (0..=7).map(|n| HeadingLevel::new(n).map(|l| (l.tag(-1), l.tag(0)))).collect();
        assert_eq!(
            levels,
            [
                None,
                None,
                Some(("h1", "h2")),
                Some(("h2", "h3")),
                Some(("h3", "h4")),
                Some(("h4", "h5")),
                Some(("h5", "h6")),
                None
            ]
        );
    }

    /// Every id in the summit page is unique, and every in-page link points at one of them.
    #[test]
    fn a_short_version_links_to_the_first_claim_in_full_of_each_section_shown() {
        let document = Document::fixture();
        let met = document.core.claim_at(Place::Overview, "met").unwrap();
        let agree = document.core.claim_at(Place::Section(0), "agree").unwrap();
        let core = &document.core;
        assert_eq!(core.in_full(met, |_| true), [agree]);
        assert_eq!(core.listed_quotes(met, |_| true), [], "its claims in full list its quotes");
        assert_eq!(core.in_full(met, |c| c != agree), [], "its section is not shown");
        assert_eq!(core.listed_quotes(met, |c| c != agree), core.claim(met).anchors, "so it lists its own");
        assert_eq!(core.in_full(agree, |_| true), [], "a claim in full links to none");
    }

    /// The `name` of the first radio button in `node`.
    fn radio_group_name(node: &Node) -> Option<&str> {
        match node {
            Node::Element(element) if element.attribute("type") == Some("radio") => element.attribute("name"),
            Node::Element(element) => element.children.iter().find_map(radio_group_name),
            Node::Text(_) => None,
        }
    }

    #[test]
    fn every_link_in_the_summit_page_has_its_target_and_no_id_repeats() {
        fn walk<'a>(node: &'a Node, ids: &mut Vec<&'a str>, links: &mut Vec<&'a str>) {
            if let Node::Element(element) = node {
                ids.extend(element.attribute("id"));
                links.extend(element.attribute("href").and_then(|h| h.strip_prefix('#')));
                links.extend(element.attribute("aria-controls").into_iter().flat_map(str::split_whitespace));
                links.extend(element.attribute("aria-labelledby"));
                element.children.iter().for_each(|child| walk(child, ids, links));
            }
        }
        let document = Document::built_in();
        let mut state = State::closed(&document.core);
        state.open.iter_mut().for_each(|open| *open = true);
        let page = explainer(document, &state, &ViewOptions::default()).into_node();
        let (mut ids, mut links) = (Vec::new(), Vec::new());
        walk(&page, &mut ids, &mut links);
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "ids repeat");
        for link in &links {
            assert!(ids.contains(link), "#{link} points nowhere");
        }
        // The ids of the page's own parts are exactly the ones content may not take; every other id is made
        // from the content's (a section, `part/claim`, a quote's `q-…`, a paragraph's `p<n>`, or `<id>--<part>`).
        let made_from_content = |id: &str| {
            document.core.section_index(id).is_some()
                || id.contains('/')
                || id.starts_with(summit_rules::QUOTE_PREFIX)
                || id.contains("--")
                || id.strip_prefix('p').is_some_and(|n| n.parse::<usize>().is_ok())
        };
        let mut own: Vec<&str> = ids.iter().copied().filter(|id| !made_from_content(id)).collect();
        // The theme switch's radio group is named, not identified, and only the standalone page has it.
        let with_switch = ViewOptions { theme_switch: true, ..ViewOptions::default() };
        let switch = explainer(document, &state, &with_switch).into_node();
        own.push(
            with_class(&switch, "se-theme").and_then(radio_group_name).expect("the theme switch has a radio group"),
        );
        own.sort_unstable();
        let mut reserved = crate::document::RESERVED_IDS.to_vec();
        reserved.sort_unstable();
        assert_eq!(own, reserved, "the page's own ids are exactly the reserved ones");
        // Quote links: one per paragraph each claim cites, plus each figure and event at a glance.
        let citations = links.iter().filter(|l| l.starts_with("q-")).count();
        let at_a_glance = document.figures.len() + document.timeline.len();
        let linked: usize = (0..document.core.claims.len()).map(|c| linked_quotes(document, ClaimIndex(c)).len()).sum();
        assert!(linked < document.core.claims.iter().map(|c| c.anchors.len()).sum::<usize>(), "some share a paragraph");
        assert_eq!(citations, linked + at_a_glance);
        // Claim links: the way back from each quote, each attributed claim in "who said what", and a short
        // version's links to its claims in full (one per section).
        let claim_links = links.iter().filter(|l| l.contains('/')).count();
        let attributed = document.attributed.iter().filter(|a| a.is_some()).count();
        let in_full: usize =
            (0..document.core.claims.len()).map(|c| document.core.in_full(ClaimIndex(c), |_| true).len()).sum();
        assert!(in_full >= 3, "the summit's overview links to its claims in full");
        assert_eq!(
            claim_links,
            document.core.anchors.iter().map(|a| a.cited_by.len()).sum::<usize>() + attributed + in_full
        );
    }

    /// The article's text reaches the page whole: every paragraph, less the numbers and back-links, verbatim.
    #[test]
    fn the_page_shows_the_whole_article_verbatim() {
        fn text_without_decorations(node: &Node, out: &mut String) {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => {
                    if !matches!(element.attribute("class"), Some("se-para-number" | "se-backrefs")) {
                        element.children.iter().for_each(|child| text_without_decorations(child, out));
                    }
                }
            }
        }
        fn paragraphs(node: &Node, out: &mut Vec<String>) {
            if let Node::Element(element) = node {
                if element.tag == "p" && element.attribute("class").is_some_and(|c| c.starts_with("se-para")) {
                    let mut text = String::new();
                    text_without_decorations(node, &mut text);
                    out.push(text);
                } else {
                    element.children.iter().for_each(|child| paragraphs(child, out));
                }
            }
        }
        let document = Document::fixture();
        let page = explainer(document, &State::closed(&document.core), &ViewOptions::default()).into_node();
        let mut shown = Vec::new();
        paragraphs(&page, &mut shown);
        let source: Vec<&str> = (0..document.paragraphs.len()).map(|p| document.paragraph_text(p)).collect();
        assert_eq!(shown, source);
        assert_eq!(shown.len(), 6);
    }

    /// An embed of some sections marks only the quotes its claims cite: the others are the article's text,
    /// with no mark to land on and no way back to a claim the embed does not show.
    #[test]
    fn an_embed_marks_only_the_quotes_of_what_it_shows() {
        fn marks_and_backrefs(node: &Node, marks: &mut Vec<String>, backrefs: &mut Vec<String>) {
            if let Node::Element(element) = node {
                match (element.tag, element.attribute("class")) {
                    ("mark", Some(class)) if class.starts_with("se-quote") => {
                        marks.push(element.attribute("id").unwrap_or_default().to_string())
                    }
                    ("a", Some("se-backref")) => {
                        backrefs.push(element.attribute("href").unwrap_or_default().to_string())
                    }
                    _ => {}
                }
                element.children.iter().for_each(|child| marks_and_backrefs(child, marks, backrefs));
            }
        }
        let document = Document::fixture();
        let rivers = document.core.section_index("rivers").unwrap();
        let talks = document.core.section_index("talks").unwrap();
        let shown = |sections: Vec<usize>, overview: bool| {
            let state = State { shown: sections, overview, ..State::closed(&document.core) };
            let page = explainer(document, &state, &ViewOptions::default()).into_node();
            let (mut marks, mut backrefs) = (Vec::new(), Vec::new());
            marks_and_backrefs(&page, &mut marks, &mut backrefs);
            (marks, backrefs)
        };
        assert_eq!(
            shown(vec![rivers], false),
            (
                vec!["q-high-water-1".into(), "q-bridges-1".into()],
                vec!["#rivers/high-water".into(), "#rivers/bridges".into()]
            )
        );
        // "The leaders met." is cited by the overview's claim and by two in Talks (their lead's quote): with
        // Talks alone, it is marked, and leads back only to the claims that are there.
        let (marks, backrefs) = shown(vec![talks], false);
        assert_eq!(marks, ["q-agree-1", "q-agree-2", "q-ran-late-2", "q-meet-again-1"]);
        assert_eq!(
            backrefs,
            ["#talks/agree", "#talks/ran-late", "#talks/agree", "#talks/ran-late", "#talks/meet-again"]
        );
        let (marks, backrefs) = shown(vec![talks, rivers], true);
        assert_eq!(marks.len(), document.core.anchors.len());
        assert!(backrefs.contains(&"#overview/met".to_string()));
    }
}
