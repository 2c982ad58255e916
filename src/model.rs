//! The shape of the summit data: sections hold claims, claims cite quotes from the article.
//!
//! These are plain `'static` values so that the data in [`crate::data`] compiles into the module with no
//! parsing at run time. Nothing here knows where a quote is in the article: [`crate::document`] resolves and
//! validates that.

/// A collapsible part of the explainer, such as "Space".
#[derive(Debug)]
pub struct Section {
    /// Part of the public interface: deep links (`#space`) and embed options name sections by this id.
    pub id: &'static str,
    /// The heading shown on the section's toggle.
    pub title: &'static str,
    /// One sentence under the heading saying what the section covers.
    pub summary: &'static str,
    /// What the article says on this subject, in the article's own order where that reads well.
    pub claims: &'static [Claim],
}

/// A short, plain-language statement of something the article says.
#[derive(Debug)]
pub struct Claim {
    /// Unique across the whole explainer (claims and sections share one namespace).
    pub id: &'static str,
    /// The statement, in our words; it may say nothing the quotes do not support.
    pub text: &'static str,
    /// Who said it, where the article attributes it.
    pub speaker: Option<Speaker>,
    /// Where or when it was said, where the article gives that ("at the state dinner Wednesday evening").
    pub setting: Option<&'static str>,
    /// The article's words that support the statement: at least one.
    pub quotes: &'static [Quote],
}

/// A quote, shaped like a W3C Web Annotation `TextQuoteSelector`.
///
/// `exact` is the article's text verbatim. `prefix` and `suffix` are the text right before and after it; they are
/// empty unless `exact` alone occurs more than once, in which case they must make the match unique.
#[derive(Debug)]
pub struct Quote {
    /// The quoted words, byte for byte as in the article.
    pub exact: &'static str,
    /// Text that must stand immediately before `exact`; empty for none.
    pub prefix: &'static str,
    /// Text that must stand immediately after `exact`; empty for none.
    pub suffix: &'static str,
}

impl Quote {
    /// A quote whose words occur exactly once in the article.
    pub const fn exact(exact: &'static str) -> Quote {
        Quote { exact, prefix: "", suffix: "" }
    }

    /// A quote made unique by the text around it.
    pub const fn in_context(prefix: &'static str, exact: &'static str, suffix: &'static str) -> Quote {
        Quote { exact, prefix, suffix }
    }
}

/// The people and bodies the article quotes or paraphrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    /// President Joe Biden.
    Biden,
    /// Prime Minister Fumio Kishida.
    Kishida,
    /// The article's "senior official", "senior US official" or "senior Biden administration official".
    SeniorOfficial,
    /// The article's unnamed "official" (no rank given).
    Official,
    /// The article's "officials", plural and unnamed.
    Officials,
    /// The U.S. National Park Service.
    NationalParkService,
}

impl Speaker {
    /// How the explainer names the speaker.
    pub fn name(self) -> &'static str {
        match self {
            Speaker::Biden => "President Joe Biden",
            Speaker::Kishida => "Prime Minister Fumio Kishida",
            Speaker::SeniorOfficial => "A senior U.S. administration official",
            Speaker::Official => "An administration official",
            Speaker::Officials => "Officials",
            Speaker::NationalParkService => "The National Park Service",
        }
    }
}
