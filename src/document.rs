//! The compiled explainer: the content with every quote resolved to its place in the article.
//!
//! A [`Document`] is only ever made by the build (`content-compiler` checks the content folder and writes it
//! as a `static`), so nothing downstream (the view, routing, the browser layer) can see a quote that was not
//! found verbatim, matched twice, or overlaps another one. [`Document::built_in`] is the explainer this build
//! was made from; [`Document::fixture`] is the small explainer the engine's own tests run on.
//!
//! Its [`Core`] is the part the core (state, routing, search, storage) reads: sections, claims, their
//! places, quotes and citations. The standalone page's module has no `Document`: it reads its `Core` back
//! from the prerendered markup (`outline`), complete, and the native tests check it is the one the markup
//! was written from. The rest (the article and its paragraphs, the speakers' structured data, the glance)
//! only the view, the prerender and the embeds read.

use crate::prelude::*;

use core::ops::Range;

pub use crate::model::{AnchorIndex, ClaimIndex};
use crate::model::{Attribution, Claim, GlanceItem, Section, Speaker, SpeakerIndex};

/// Where a claim is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// In the overview above the sections: a short version, which links to the section claims that tell it
    /// in full ([`ClaimEntry::in_full`]) and lists no quotes of its own where the page shows one of them.
    Overview,
    /// In the section with this index into [`Core::sections`].
    Section(usize),
}

/// A claim with its place and the anchors of its quotes, in the claim's own order (a setting's quote last).
#[derive(Debug, PartialEq, Eq)]
pub struct ClaimEntry {
    /// The claim.
    pub claim: Claim,
    /// Where it is shown.
    pub place: Place,
    /// One anchor per quote of the claim.
    pub anchors: &'static [AnchorIndex],
    /// For a short version in the overview: the claims in full it links to, the first of them in each
    /// section that tells it, in the content's order. Empty for a section claim.
    pub in_full: &'static [ClaimIndex],
}

/// One citation: quote number `quote` (0-based) of claim `claim`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    /// The citing claim.
    pub claim: ClaimIndex,
    /// Which of its quotes.
    pub quote: usize,
}

/// A resolved quote: one span of the article, cited by one or more claims.
#[derive(Debug, PartialEq, Eq)]
pub struct Anchor {
    /// Its words, verbatim: a slice of the article (where it is: [`Document::quote_places`]).
    pub text: &'static str,
    /// Every citation of this span, in content order; never empty.
    pub cited_by: &'static [Citation],
}

/// Where a quote is in the article, and how its claims cite it.
#[derive(Debug, PartialEq, Eq)]
pub struct QuotePlace {
    /// Byte range in the article.
    pub range: Range<usize>,
    /// Index into [`Document::paragraphs`] of the paragraph holding the whole span.
    pub paragraph: usize,
    /// For each of the anchor's citations, in order: whether the claim gives these words as its speaker's own
    /// (direct speech), not the reporter's account.
    pub spoken: &'static [bool],
}

/// What the article's own lines say about it (read and checked by the build: `content_compiler::facts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFacts {
    /// From the date line `date 2024-04-11`: the date the article carries, of what it does not say.
    pub date: &'static str,
    /// The place of the dateline `Washington CNN —`.
    pub dateline: &'static str,
    /// The publisher the dateline and the credit line agree on.
    pub publisher: &'static str,
    /// From `CNN's Kevin Liptak and Samantha Waldenberg contributed to this report.`, in its order.
    pub contributors: &'static [&'static str],
}

/// A paragraph of the article: a run of non-blank lines.
#[derive(Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range in the article, without the surrounding blank lines.
    pub range: Range<usize>,
    /// Its number among the substantive paragraphs (1-based), or `None` for date line and credits.
    pub number: Option<usize>,
}

/// What the core reads of an explainer: its sections, its claims with their places, texts and quotes, and
/// the quotes with who cites them. Compiled as part of a [`Document`], or read back from the markup by the
/// standalone page's module (`outline::assemble`): the two are equal.
#[derive(Debug, PartialEq, Eq)]
pub struct Core {
    /// The sections, in page order.
    pub sections: &'static [Section],
    /// Every claim: the overview's first, then each section's in order.
    pub claims: &'static [ClaimEntry],
    /// Which claims are the overview's.
    pub overview_claims: Range<usize>,
    /// Which claims belong to each section, by section index.
    pub section_claims: &'static [Range<usize>],
    /// Every quoted span, in article order; no two overlap.
    pub anchors: &'static [Anchor],
}

/// The compiled explainer: the content, with every quote resolved to its place in the article.
#[derive(Debug, PartialEq, Eq)]
pub struct Document {
    /// What the core reads.
    pub core: Core,
    /// The article, verbatim.
    pub article: &'static str,
    /// The explainer's headline: the page's `<title>` and `<h1>`.
    pub title: &'static str,
    /// The description for search engines and link previews.
    pub description: &'static str,
    /// Where the article comes from, as the page cites it.
    pub source: &'static str,
    /// The article's date, dateline, publisher and contributors, in its words. Only the prerender's JSON-LD
    /// states them, so the wasm does not carry them.
    #[cfg(not(target_arch = "wasm32"))]
    pub facts: SourceFacts,
    /// The article's paragraphs, in order.
    pub paragraphs: &'static [Paragraph],
    /// Everyone the claims are attributed to, in the order "who said what" lists them.
    pub speakers: &'static [Speaker],
    /// The leads runs of section claims share, each said once above its run: whole sentences its claims'
    /// statements may lean on ("They included …").
    pub leads: &'static [&'static str],
    /// The index into [`Document::leads`] of the lead each claim follows, by claim index.
    pub lead_of: &'static [Option<usize>],
    /// Who said each claim, by claim index, where the article attributes it.
    pub attributed: &'static [Option<Attribution>],
    /// Where each anchor is, by anchor index.
    pub quote_places: &'static [QuotePlace],
    /// The numbers at a glance.
    pub figures: &'static [GlanceItem],
    /// The timeline at a glance, oldest first.
    pub timeline: &'static [GlanceItem],
}

/// A slice of `text`, at compile time: the compiled tables give each quote's words as a slice of the article
/// (stored once), and a range off a character boundary fails the build.
pub const fn slice(text: &'static str, start: usize, end: usize) -> &'static str {
    text.split_at(end).0.split_at(start).1
}

/// Ids the page uses for its own elements, which no section or claim may take (the content compiler refuses
/// them from the same list).
pub use summit_rules::RESERVED_IDS;

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

mod fixture {
    include!(concat!(env!("OUT_DIR"), "/fixture.rs"));
}

impl Document {
    /// The content folder [`Document::built_in`] was compiled from, relative to the repository's root.
    pub const BUILT_IN_FOLDER: &'static str = env!("SUMMIT_EXPLAINER_CONTENT_FOLDER");

    /// The explainer this build was compiled from (`content/summit` unless the build was told otherwise).
    pub fn built_in() -> &'static Document {
        &built_in::DOCUMENT
    }

    /// The engine's test explainer (`tests/fixtures/explainer`): a few short paragraphs, so that tests of
    /// mechanics do not depend on the real content. The linker drops it from the shipped wasm.
    pub fn fixture() -> &'static Document {
        &fixture::DOCUMENT
    }

    /// A speaker.
    pub fn speaker(&self, speaker: SpeakerIndex) -> &'static Speaker {
        &self.speakers[speaker.0]
    }

    /// Who said `claim`, and where, if the article attributes it.
    pub fn attribution(&self, claim: ClaimIndex) -> Option<Attribution> {
        self.attributed[claim.0]
    }

    /// The lead `claim` follows, if it is in a run that shares one.
    pub fn lead(&self, claim: ClaimIndex) -> Option<&'static str> {
        self.lead_of[claim.0].map(|lead| self.leads[lead])
    }

    /// `claim` as it stands alone, its lead joined before it: what who said what and the embeds' data show,
    /// where it is not under its lead.
    pub fn standing_alone(&self, claim: ClaimIndex) -> String {
        summit_rules::standing_alone(self.lead(claim), self.core.claim(claim).claim.statement)
    }

    /// The text of a paragraph, verbatim.
    pub fn paragraph_text(&self, paragraph: usize) -> &'static str {
        self.article.get(self.paragraphs[paragraph].range.clone()).unwrap_or_default()
    }
}

impl Core {
    /// The text of an anchor: the quote's words as they stand in the article.
    pub fn anchor_text(&self, anchor: AnchorIndex) -> &'static str {
        self.anchors[anchor.0].text
    }

    /// The claim at `index`.
    pub fn claim(&self, index: ClaimIndex) -> &ClaimEntry {
        &self.claims[index.0]
    }

    /// The index of the section with this id.
    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|section| section.id == id)
    }

    /// The claim with this id among those shown at `place`.
    pub fn claim_at(&self, place: Place, id: &str) -> Option<ClaimIndex> {
        let range = match place {
            Place::Overview => self.overview_claims.clone(),
            Place::Section(section) => self.section_claims.get(section)?.clone(),
        };
        range.map(ClaimIndex).find(|&index| self.claims[index.0].claim.id == id)
    }

    /// The claims in full a short version links to, of those the page shows (`shows`): none for a claim in
    /// full, or when the page shows none of them.
    pub fn in_full(&self, claim: ClaimIndex, shows: impl Fn(ClaimIndex) -> bool) -> Vec<ClaimIndex> {
        self.claim(claim).in_full.iter().copied().filter(|&full| shows(full)).collect()
    }

    /// The quotes a claim lists under it, which a search also reads: its own, but none for a short version
    /// whose claims in full the page shows (they list them). The one rule for the view, the search and the
    /// markup reader.
    pub fn listed_quotes(&self, claim: ClaimIndex, shows: impl Fn(ClaimIndex) -> bool) -> &'static [AnchorIndex] {
        let entry = self.claim(claim);
        match entry.in_full.iter().any(|&full| shows(full)) {
            true => &[],
            false => entry.anchors,
        }
    }

    /// The claim with this id, wherever it is shown (claim ids are unique in an explainer).
    pub fn claim_with_id(&self, id: &str) -> Option<ClaimIndex> {
        self.claims.iter().position(|entry| entry.claim.id == id).map(ClaimIndex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_numbered_but_for_the_date_line_dateline_and_credits() {
        let document = Document::fixture();
        let numbered: Vec<Option<usize>> = document.paragraphs.iter().map(|p| p.number).collect();
        assert_eq!(numbered, [None, None, Some(1), Some(2), Some(3), None]);
        assert_eq!(document.paragraph_text(2), "The leaders met. Biden said \u{201c}we <agree>\u{201d} & left.");
    }

    #[test]
    fn claims_are_found_by_place_and_id() {
        let document = Document::fixture();
        let document = &document.core;
        let talks = document.section_index("talks").expect("the fixture has a talks section");
        let agree = document.claim_at(Place::Section(talks), "agree").expect("agree is in talks");
        assert_eq!(document.claim(agree).claim.id, "agree");
        assert_eq!(document.claim_at(Place::Overview, "agree"), None);
        assert_eq!(document.section_index("moon"), None);
    }
}
