//! The sections and their claims: each section's header and panel, each claim with its lead, its links to
//! the quotes it cites, and those quotes, each with the article's sentences around it.

use crate::prelude::*;

use crate::document::{AnchorIndex, ClaimIndex, Place};
use crate::hooks::{self, aria_expanded, CLOSED_PANEL_HIDDEN};
use crate::html::{element, text, Element, Node};
use crate::route::{section_part_id, Target};
use crate::text;
use crate::ui::ArticlePlacement;

use super::{cited_words, external_link, linked_quotes, View};

impl View<'_> {
    pub(super) fn section(&self, section: usize) -> Element {
        let data = &self.document.core.sections[section];
        let open = self.state.open[section];
        let claims = self.document.core.section_claims[section].clone();
        let button_id = self.id(&section_part_id(&self.document.core, section, "button"));
        let panel_id = self.id(&section_part_id(&self.document.core, section, "panel"));
        let matching = self.matching(claims.clone());
        let count = text::count_label(claims.len(), matching);
        let number = text::number(self.section_number(section).unwrap_or(0));

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
    pub(super) fn standing_alone(&self, claim: ClaimIndex) -> Vec<Node> {
        let statement = self.document.core.claim(claim).claim.statement;
        match self.document.lead(claim) {
            Some(lead) => vec![element("span").class("se-lead-in").text(lead).into(), text(" "), text(statement)],
            None => vec![text(statement)],
        }
    }

    /// A section's claims as its list shows them: a run of claims that share a lead, under the lead, said once
    /// (a nested list; the stylesheet hides the lead while a search hides all of its claims).
    pub(super) fn claim_items(&self, claims: core::ops::Range<usize>) -> Vec<Node> {
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

    pub(super) fn claim(&self, claim: ClaimIndex) -> Element {
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
        item =
            item.child(element("p").class(hooks::CLAIM_TEXT.name).children(self.marked(claim, entry.claim.statement)));
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
    pub(super) fn see_link(&self, full: ClaimIndex) -> Element {
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
    pub(super) fn cite_link(&self, anchor: AnchorIndex) -> Element {
        let paragraph = &self.document.paragraphs[self.document.quote_places[anchor.0].paragraph];
        let cite = match &self.options.article {
            ArticlePlacement::Inline => element("a").attr("href", self.href(Target::Anchor(anchor))),
            ArticlePlacement::Linked(url) => {
                external_link([url, "#", &Target::Anchor(anchor).fragment(&self.document.core)].concat())
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
            Some(n) => cite.text(text::number(n)),
            // The date line, dateline and credits have no number: say which part of the article it is.
            None => cite.child(element("span").class("se-vh").text(text::ABOVE_THE_FIRST)),
        };
        if let ArticlePlacement::Linked(_) = self.options.article {
            cite = cite.child(element("span").class("se-vh").text(text::NEW_TAB));
        }
        cite
    }

    /// One of a claim's quotes, set as a quotation, with its paragraph and its context on demand.
    pub(super) fn citation(&self, claim: ClaimIndex, anchor: AnchorIndex) -> Element {
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
                    .text(text::number(number)),
            );
        }
        let item = element("li").class("se-citation").child(quote);
        match self.options.article {
            // The article is in the instance: the ¶ link shows the quote marked in its whole paragraph, with
            // the way back, so "In context" would show the same words again, at their cost in bytes.
            ArticlePlacement::Inline => item,
            // The reader's only view of the words around the quote.
            ArticlePlacement::Linked(_) | ArticlePlacement::Omitted => item.child(self.context(anchor)),
        }
    }

    /// The quote in its surroundings, verbatim, where the article is not in the instance: a disclosure that
    /// works without JavaScript.
    pub(super) fn context(&self, anchor: AnchorIndex) -> Element {
        let context = crate::context::context(self.document, anchor);
        let numbered = |number: usize| {
            element("span")
                .class("se-context-where")
                .child(element("span").class("se-vh").text(text::PARAGRAPH))
                .child(element("span").attr("aria-hidden", "true").text("\u{b6}\u{a0}"))
                .text(text::number(number))
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
}
