//! The glance (numbers, timeline, who said what) and the article itself, each quote marked in it with its way
//! back to the claims that cite it.

use crate::prelude::*;

use crate::document::{AnchorIndex, Place};
use crate::hooks;
use crate::html::{element, Element, Node};
use crate::route::{part_id, Target, ARTICLE_ID, GLANCE_ID};
use crate::text;

use super::View;

impl View<'_> {
    /// Numbers, timeline and who said what: each item links to the quote (or claim) it comes from.
    pub(super) fn glance(&self) -> Element {
        use crate::glance::who_said_what;
        let document = self.document;
        let heading_id = self.id(&part_id(GLANCE_ID, "heading"));
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

    pub(super) fn article(&self) -> Element {
        let heading_id = self.id(&part_id(ARTICLE_ID, "heading"));
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

    pub(super) fn paragraph(&self, paragraph: usize) -> Element {
        let document = self.document;
        let range = document.paragraphs[paragraph].range.clone();
        let mut p = match document.paragraphs[paragraph].number {
            Some(number) => {
                element("p").class("se-para").attr("id", self.id(&summit_rules::paragraph_id(number))).child(
                    element("span")
                        .class("se-para-number")
                        .child(element("span").class("se-vh").text(text::PARAGRAPH))
                        .text(text::number(number)),
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
                p = p.text(document.article.get(at..anchor.range.start).unwrap_or_default());
            }
            p = p.child(self.quote_mark(AnchorIndex(index))).child(self.back_links(AnchorIndex(index)));
            at = anchor.range.end;
        }
        if at < range.end {
            p = p.text(document.article.get(at..range.end).unwrap_or_default());
        }
        p
    }

    pub(super) fn quote_mark(&self, anchor: AnchorIndex) -> Element {
        let target = Target::Anchor(anchor);
        element("mark")
            .attr("class", self.class(hooks::QUOTE_MARK.name, target))
            .part(self.options.parts, "quote")
            .attr("id", self.id(&target.fragment(&self.document.core)))
            .attr("tabindex", "-1")
            .text(self.document.core.anchor_text(anchor))
    }

    /// Links from a quote back to every claim citing it.
    pub(super) fn back_links(&self, anchor: AnchorIndex) -> Element {
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
