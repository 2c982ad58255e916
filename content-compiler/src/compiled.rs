//! The checked content, resolved against the article: what the code generator writes as tables. Every index
//! here points into a vector of the same `Compiled`, and every range into its article.

use std::ops::Range;

/// A whole explainer, checked and resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    /// The article, verbatim.
    pub article: String,
    /// The headline.
    pub title: String,
    /// The description for search engines and previews.
    pub description: String,
    /// Where the article comes from.
    pub source: String,
    /// What the article's own lines say about it.
    pub facts: SourceFacts,
    /// The article's paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// The speakers, in the order "who said what" lists them.
    pub speakers: Vec<Speaker>,
    /// The sections, in page order.
    pub sections: Vec<Section>,
    /// Which claims are the overview's (they come first).
    pub overview: Range<usize>,
    /// Every claim: the overview's, then each section's.
    pub claims: Vec<Claim>,
    /// The leads runs of claims share, in the content's order.
    pub leads: Vec<Lead>,
    /// Every quoted span, in article order; no two overlap.
    pub anchors: Vec<Anchor>,
    /// The numbers at a glance.
    pub figures: Vec<GlanceItem>,
    /// The timeline at a glance.
    pub timeline: Vec<GlanceItem>,
}

/// What the article's date line, dateline and credit line say, in their words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFacts {
    /// From the date line `date 2024-04-11`: the date the article carries, of what it does not say.
    pub date: String,
    /// The place of the dateline `Washington CNN —`.
    pub dateline: String,
    /// The publisher the dateline and the credit line agree on.
    pub publisher: String,
    /// The credit line's names, in its order.
    pub contributors: Vec<String>,
}

/// A run of non-blank lines of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range in the article.
    pub range: Range<usize>,
    /// Its number among the substantive paragraphs (1-based); `None` for the date line, credits and the like.
    pub number: Option<usize>,
}

/// A speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Its id in the content file.
    pub id: String,
    /// How the page names it.
    pub label: String,
    /// Its schema.org type, if one fits.
    pub schema_type: Option<&'static str>,
    /// Its schema.org name, if the article names it.
    pub name: Option<String>,
    /// Its schema.org job title, if any.
    pub job_title: Option<String>,
}

/// A section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Its public id.
    pub id: String,
    /// Its heading.
    pub title: String,
    /// Its one-line summary.
    pub summary: String,
    /// Which claims are its own.
    pub claims: Range<usize>,
}

/// A claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Its id.
    pub id: String,
    /// Its statement.
    pub statement: String,
    /// The index of its speaker.
    pub speaker: Option<usize>,
    /// Where or when, as the page shows it.
    pub setting: Option<String>,
    /// The editor's note on the article's wording, if any.
    pub note: Option<String>,
    /// The section it is in; `None` for the overview.
    pub section: Option<usize>,
    /// The index of the lead it follows, if it is in a run that shares one.
    pub lead: Option<usize>,
    /// For an overview claim, the section claims that tell it in full.
    pub see: Vec<usize>,
    /// The anchors of its quotes, in the order written (the setting's quote last, unless it lies inside
    /// one of the claim's own quotes).
    pub anchors: Vec<usize>,
}

/// What a run of claims shares, said once above them; its quotes are the first of each claim's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    /// Its id.
    pub id: String,
    /// Its text: whole sentences.
    pub text: String,
}

/// A quoted span of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Byte range in the article.
    pub range: Range<usize>,
    /// The paragraph holding it.
    pub paragraph: usize,
    /// `(claim, quote number)` of every citation, in content order; never empty.
    pub cited_by: Vec<(usize, usize)>,
    /// For each citation, whether it marks the words as its speaker's own (`spoken = true`).
    pub spoken: Vec<bool>,
}

/// A figure or an event at a glance: the article's words for it, what it is, and the quote holding the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlanceItem {
    /// The figure or the time, verbatim from the quote.
    pub words: String,
    /// What it counts, or what happened.
    pub text: String,
    /// The claim it belongs to.
    pub claim: usize,
    /// The first of the claim's anchors holding `words`.
    pub anchor: usize,
}

impl Compiled {
    /// The line the page shows under a claim the article attributes: the speaker's label, then the
    /// setting (`President Joe Biden, at the state dinner`). Written once here, for the compiled tables and
    /// for the document the development server compiles at run time.
    pub fn attribution_line(&self, claim: usize) -> Option<String> {
        let claim = &self.claims[claim];
        claim.speaker.map(|speaker| {
            let label = &self.speakers[speaker].label;
            match &claim.setting {
                Some(setting) => format!("{label}, {setting}"),
                None => label.clone(),
            }
        })
    }

    /// For a short version in the overview, the claims in full the page links it to: the first of its `see`
    /// claims in each section that has one, in `see`'s order. Empty for a section claim.
    pub fn in_full(&self, claim: usize) -> Vec<usize> {
        let mut sections = Vec::new();
        let mut linked = Vec::new();
        for &full in &self.claims[claim].see {
            if let Some(section) = self.claims[full].section.filter(|s| !sections.contains(s)) {
                sections.push(section);
                linked.push(full);
            }
        }
        linked
    }

    /// The words of an anchor.
    pub fn anchor_text(&self, anchor: usize) -> &str {
        &self.article[self.anchors[anchor].range.clone()]
    }

    /// The number of distinct quotes the claims in `claims` cite.
    pub fn distinct_quotes(&self, claims: Range<usize>) -> usize {
        let mut anchors: Vec<usize> = self.claims[claims].iter().flat_map(|c| c.anchors.iter().copied()).collect();
        anchors.sort_unstable();
        anchors.dedup();
        anchors.len()
    }

    /// Numbers of the substantive paragraphs no claim cites.
    pub fn uncited_paragraphs(&self) -> Vec<usize> {
        let mut cited = vec![false; self.paragraphs.len()];
        for anchor in &self.anchors {
            cited[anchor.paragraph] = true;
        }
        self.paragraphs.iter().zip(cited).filter(|(_, cited)| !cited).filter_map(|(p, _)| p.number).collect()
    }

    /// The coverage table `check-content` prints: how many substantive paragraphs are cited, and each part's
    /// claims and quotes.
    pub fn coverage_report(&self) -> String {
        let total = self.paragraphs.iter().filter(|p| p.number.is_some()).count();
        let uncited = self.uncited_paragraphs();
        let cited = total - uncited.len();
        let percent = (cited * 100).checked_div(total).unwrap_or(0);
        let mut report = format!("coverage: {cited} of {total} substantive paragraphs cited ({percent}%)\n");
        let plural = |n: usize, word: &str| format!("{n:>3} {word}{}", if n == 1 { " " } else { "s" });
        let row = |name: &str, claims: Range<usize>| {
            let quotes = self.distinct_quotes(claims.clone());
            format!("  {name:<24} {} {}\n", plural(claims.len(), "claim"), plural(quotes, "quote"))
        };
        report.push_str(&row("overview", self.overview.clone()));
        for section in &self.sections {
            report.push_str(&row(&section.id, section.claims.clone()));
        }
        report.push_str(&format!(
            "  in all: {} claims citing {} distinct quotes\n",
            self.claims.len(),
            self.anchors.len()
        ));
        if !uncited.is_empty() {
            report.push_str(&format!("  uncited paragraphs: {uncited:?}\n"));
        }
        report
    }
}
