//! The shape of `explainer.toml`, as an editor writes it: every field an author can get wrong keeps its span,
//! so that a diagnostic can point at it, and every table refuses keys it does not know.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explainer {
    /// The explainer's headline: the page's `<title>` and its `<h1>`.
    pub title: Spanned<String>,
    /// One or two sentences for search engines and link previews.
    pub description: Spanned<String>,
    /// Where the article comes from, as the page cites it.
    pub source: Spanned<String>,
    /// Paragraphs of the article that need no citation (date line, credits), each exactly as in the article.
    #[serde(default)]
    pub not_substantive: Vec<Spanned<String>>,
    /// The people and bodies the claims are attributed to, in the order "who said what" lists them.
    #[serde(default)]
    pub speakers: Vec<SpeakerSpec>,
    /// What a run of section claims shares, said once above them (`lead = "…"` on each claim of the run).
    #[serde(default)]
    pub leads: Vec<LeadSpec>,
    /// Claims shown above the sections.
    #[serde(default)]
    pub overview: Vec<ClaimSpec>,
    /// The collapsible sections, in the order the page shows them.
    #[serde(default)]
    pub sections: Vec<SectionSpec>,
    /// The numbers at a glance.
    #[serde(default)]
    pub figures: Vec<FigureSpec>,
    /// The timeline at a glance.
    #[serde(default)]
    pub timeline: Vec<EventSpec>,
    /// Which fidelity lints are warnings rather than errors, and for what.
    #[serde(default)]
    pub lints: LintSettings,
}

/// One speaker.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerSpec {
    /// What claims name in their `speaker` field.
    pub id: Spanned<String>,
    /// How the page names the speaker ("President Joe Biden").
    pub label: Spanned<String>,
    /// The schema.org type the structured data gives the speaker; none for a speaker no type fits (unnamed
    /// "officials", plural), who is then never named as a quotation's speaker.
    #[serde(rename = "type")]
    pub schema_type: Option<Spanned<SchemaType>>,
    /// The schema.org `name`, for a speaker the article names ("Joe Biden"); an unnamed one is described by
    /// its label instead.
    pub name: Option<Spanned<String>>,
    /// The schema.org `jobTitle`, for a person.
    pub job_title: Option<Spanned<String>>,
}

/// The schema.org types a speaker can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum SchemaType {
    /// One person, named or not.
    Person,
    /// An organization, or a group of people the article does not single out.
    Organization,
    /// A government body.
    GovernmentOrganization,
}

impl SchemaType {
    /// The type's name in schema.org.
    pub fn name(self) -> &'static str {
        match self {
            SchemaType::Person => "Person",
            SchemaType::Organization => "Organization",
            SchemaType::GovernmentOrganization => "GovernmentOrganization",
        }
    }
}

/// One section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    /// Its id: deep links (`#space`) and embed options name it by this.
    pub id: Spanned<String>,
    /// The heading on its toggle.
    pub title: Spanned<String>,
    /// One sentence under the heading.
    pub summary: Spanned<String>,
    /// Its claims, in order.
    #[serde(default)]
    pub claims: Vec<ClaimSpec>,
}

/// A lead: one or more sentences a run of claims shares, drawn once above them. Each claim of the run cites the
/// lead's quotes before its own, and wherever a claim is shown alone (who said what, the embeds' data) the lead
/// is joined before its statement, so the claim's own statement may lean on it ("They included …").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadSpec {
    /// What claims name in their `lead` field.
    pub id: Spanned<String>,
    /// The lead, whole sentences in the explainer's words.
    pub text: Spanned<String>,
    /// The article's words that support it: the reporter's account (a lead has no speaker, so no quote of it
    /// is `spoken`).
    #[serde(default)]
    pub quotes: Vec<Spanned<QuoteSpec>>,
}

/// One claim.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimSpec {
    /// Unique across the explainer (claims and sections share one namespace).
    pub id: Spanned<String>,
    /// What the claim says, in the explainer's words.
    pub statement: Spanned<String>,
    /// The id of the lead it follows, for a section claim in a run that shares one.
    pub lead: Option<Spanned<String>>,
    /// The id of the speaker the article attributes it to.
    pub speaker: Option<Spanned<String>>,
    /// Where or when it was said, with the article's words for it.
    pub setting: Option<SettingSpec>,
    /// The article's words that support the statement.
    #[serde(default)]
    pub quotes: Vec<Spanned<QuoteSpec>>,
    /// Why a claim that cites an attributed sentence names no speaker (printed as a note by the build).
    pub unattributed: Option<Spanned<String>>,
    /// An editor's note shown with the claim: where it repeats or repairs a slip of the article's wording, or
    /// reads an unclear passage one way, it says so here.
    pub note: Option<Spanned<String>>,
    /// For an overview claim only: the ids of the section claims that tell it in full. The overview claim
    /// may cite only words those claims cite, so the short version never rests on a quote they do not use.
    #[serde(default)]
    pub see: Vec<Spanned<String>>,
}

/// Where or when a claim was said, cited like a claim.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingSpec {
    /// As the page shows it ("at the state dinner").
    pub text: Spanned<String>,
    /// The article's words it rests on.
    pub quote: Spanned<QuoteSpec>,
}

/// A quote: a string of the article's words, or a table with the words and the text around them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpec {
    /// The quoted words, byte for byte as in the article.
    pub exact: String,
    /// Text that must stand immediately before `exact`; empty for none.
    pub prefix: String,
    /// Text that must stand immediately after `exact`; empty for none.
    pub suffix: String,
    /// Whether the words are the speaker's own (direct speech, with or without quotation marks), as opposed
    /// to the reporter's account of what was said: only then does the structured data name the speaker.
    pub spoken: bool,
    /// Whether it was written as a plain string (so its span is the string literal itself).
    pub plain: bool,
}

impl<'de> Deserialize<'de> for QuoteSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The table form.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Table {
            exact: String,
            #[serde(default)]
            prefix: String,
            #[serde(default)]
            suffix: String,
            #[serde(default)]
            spoken: bool,
        }

        struct QuoteVisitor;

        impl<'de> Visitor<'de> for QuoteVisitor {
            type Value = QuoteSpec;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "the article's words as a string, or a table { exact = \"…\", prefix = \"…\", suffix = \"…\", spoken = true }",
                )
            }

            fn visit_str<E: de::Error>(self, exact: &str) -> Result<QuoteSpec, E> {
                Ok(QuoteSpec {
                    exact: exact.to_string(),
                    prefix: String::new(),
                    suffix: String::new(),
                    spoken: false,
                    plain: true,
                })
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<QuoteSpec, M::Error> {
                let table = Table::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(QuoteSpec {
                    exact: table.exact,
                    prefix: table.prefix,
                    suffix: table.suffix,
                    spoken: table.spoken,
                    plain: false,
                })
            }
        }

        deserializer.deserialize_any(QuoteVisitor)
    }
}

/// A figure at a glance.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    /// The figure, verbatim from a quote of `claim` ("$14.1 billion").
    pub figure: Spanned<String>,
    /// What it counts, in a few words.
    pub label: Spanned<String>,
    /// The id of the claim whose quote holds the figure.
    pub claim: Spanned<String>,
}

/// An event on the timeline.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    /// When, verbatim from a quote of `claim` ("later this week").
    pub when: Spanned<String>,
    /// What happened or will happen.
    pub what: Spanned<String>,
    /// The id of the claim whose quote holds the time.
    pub claim: Spanned<String>,
}

/// The lints that are warnings for named subjects, until the content is fixed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintSettings {
    /// For each lint, the subjects (a claim or section id, `title`, `description`, `figure:<claim>`,
    /// `timeline:<claim>`) for which it only warns.
    #[serde(default)]
    pub warn: WarnLists,
}

/// One list of subjects per lint.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarnLists {
    /// Figures, dates, months and weekdays not found in the cited quotes.
    #[serde(default)]
    pub figures: Vec<Spanned<String>>,
    /// Proper names not found in the cited quotes or the setting.
    #[serde(default)]
    pub names: Vec<Spanned<String>>,
    /// Claims that cite an attributed sentence but name no speaker.
    #[serde(default)]
    pub attribution: Vec<Spanned<String>>,
    /// Claims whose statement is longer than a reader takes in at once, each with the reason it stays long.
    #[serde(default)]
    pub long: Vec<Exception>,
    /// Claims whose statement repeats a run of words of an earlier statement, each with its reason.
    #[serde(default)]
    pub repeated: Vec<Exception>,
    /// Claims whose note is longer than a reader takes in beside the claim, each with its reason.
    #[serde(default, rename = "long-note")]
    pub long_note: Vec<Exception>,
}

/// A readability lint's exception: the claim it is for, and why the claim stays as it is (`check-content`
/// prints the reason as a note, so an exception is never silent).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// The claim's id.
    pub claim: Spanned<String>,
    /// Why the claim stays as it is.
    pub reason: Spanned<String>,
}
