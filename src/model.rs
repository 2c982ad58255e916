//! The shape of an explainer's content, as the build compiles it: sections, claims, speakers and the glance.
//!
//! Every value is `'static`: the content folder (`content/<name>/`) is checked and compiled into tables by the
//! build script (`content-compiler`), so the module holds them with no parsing or validation at run time.
//! Where each quote is in the article is in [`crate::document`].

/// A claim's place in the document: an index into [`crate::document::Core::claims`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimIndex(pub usize);

/// An anchor's place in the document: an index into [`crate::document::Core::anchors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnchorIndex(pub usize);

/// A collapsible part of the explainer, such as "Space".
#[derive(Debug, PartialEq, Eq)]
pub struct Section {
    /// Part of the public interface: deep links (`#space`) and embed options name sections by this id.
    pub id: &'static str,
    /// The heading shown on the section's toggle.
    pub title: &'static str,
    /// One sentence under the heading saying what the section covers.
    pub summary: &'static str,
}

/// A short, plain-language statement of something the article says. Its quotes are its
/// [`crate::document::ClaimEntry::anchors`].
#[derive(Debug, PartialEq, Eq)]
pub struct Claim {
    /// Unique across the whole explainer (claims and sections share one namespace).
    pub id: &'static str,
    /// The statement, in the explainer's words; it says nothing its quotes do not support (the content's
    /// `statement`; hosts read it with its lead joined, as `SummitClaim.text`).
    pub statement: &'static str,
    /// The attribution line the page shows under it, where the article attributes it: its speaker's label,
    /// then its setting (`President Joe Biden, at the news conference`), as the build wrote it from
    /// [`Attribution`].
    pub attribution: Option<&'static str>,
    /// The editor's note on the article's wording, where the claim repeats or repairs one of its slips or
    /// reads an unclear passage one way.
    pub note: Option<&'static str>,
}

/// Who said a claim, and where or when, as the content gives it (the structured form of
/// [`Claim::attribution`], which only the prerender's JSON-LD, "who said what" and `summitData()` read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// Who said it.
    pub speaker: SpeakerIndex,
    /// Where or when it was said, where the article gives that ("at the state dinner"); its words are among
    /// the claim's quotes.
    pub setting: Option<&'static str>,
}

/// A speaker's place in [`crate::document::Document::speakers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpeakerIndex(pub usize);

/// A person or body the article quotes or paraphrases.
#[derive(Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Its id in the content file.
    pub id: &'static str,
    /// How the explainer names it: as the article does, a title and a name, or "An official".
    pub label: &'static str,
    /// Its schema.org type (`Person`, `Organization`, `GovernmentOrganization`), if one fits: none for a
    /// plural of unnamed people, who are then never named as a quotation's speaker.
    pub schema_type: Option<&'static str>,
    /// Its schema.org name, if the article names it.
    pub name: Option<&'static str>,
    /// Its schema.org job title, for a person who has one.
    pub job_title: Option<&'static str>,
}

/// A figure or an event at a glance: the article's own words for it, what it is, and the quote holding them.
#[derive(Debug, PartialEq, Eq)]
pub struct GlanceItem {
    /// The figure (`$14.1 billion`) or the time (`later this week`), verbatim from the quote.
    pub words: &'static str,
    /// What it counts, or what happened.
    pub text: &'static str,
    /// The claim it belongs to.
    pub claim: ClaimIndex,
    /// The claim's quote that holds `words`.
    pub anchor: AnchorIndex,
}
