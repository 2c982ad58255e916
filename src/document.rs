//! Resolves the data against the article: every quote to its one place, every paragraph to the claims citing it.
//!
//! [`Document::resolve`] is the only way to get a [`Document`], so nothing downstream (the view, routing, the
//! browser layer) can see a quote that was not found verbatim, matched twice, or overlaps another one.

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use crate::model::{Claim, Quote, Section};

/// Everything the explainer is made from, before validation.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// The article, verbatim.
    pub article: &'static str,
    /// Paragraphs of the article that need no citation (date line, credits).
    pub not_substantive: &'static [&'static str],
    /// Claims shown above the sections.
    pub overview: &'static [Claim],
    /// The collapsible sections.
    pub sections: &'static [Section],
}

impl Source {
    /// The summit data compiled into the crate.
    pub const SUMMIT: Source = Source {
        article: crate::data::ARTICLE,
        not_substantive: crate::data::NOT_SUBSTANTIVE,
        overview: crate::data::OVERVIEW,
        sections: crate::data::SECTIONS,
    };
}

/// A claim's place in the document: an index into [`Document::claims`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimIndex(pub usize);

/// An anchor's place in the document: an index into [`Document::anchors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnchorIndex(pub usize);

/// Where a claim is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// In the overview above the sections.
    Overview,
    /// In the section with this index into [`Document::sections`].
    Section(usize),
}

/// A claim with its place and the anchors of its quotes, in the claim's own order.
#[derive(Debug)]
pub struct ClaimEntry {
    /// The claim as written in the data.
    pub claim: &'static Claim,
    /// Where it is shown.
    pub place: Place,
    /// One anchor per quote of the claim, in the same order as `claim.quotes`.
    pub anchors: Vec<AnchorIndex>,
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
#[derive(Debug)]
pub struct Anchor {
    /// Byte range in the article.
    pub range: Range<usize>,
    /// Index into [`Document::paragraphs`] of the paragraph holding the whole span.
    pub paragraph: usize,
    /// Every citation of this span, in data order; never empty.
    pub cited_by: Vec<Citation>,
}

/// A paragraph of the article: a run of non-blank lines.
#[derive(Debug)]
pub struct Paragraph {
    /// Byte range in the article, without the surrounding blank lines.
    pub range: Range<usize>,
    /// Its number among the substantive paragraphs (1-based), or `None` for date line and credits.
    pub number: Option<usize>,
}

/// The validated explainer: the data, with every quote resolved to its place in the article.
#[derive(Debug)]
pub struct Document {
    /// The article, verbatim.
    pub article: &'static str,
    /// The article's paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// The sections, as in the data.
    pub sections: &'static [Section],
    /// Every claim: the overview's first, then each section's in order.
    pub claims: Vec<ClaimEntry>,
    /// Which claims are the overview's.
    pub overview_claims: Range<usize>,
    /// Which claims belong to each section, by section index.
    pub section_claims: Vec<Range<usize>>,
    /// Every quoted span, in article order; no two overlap.
    pub anchors: Vec<Anchor>,
}

/// Ids the page uses for its own elements, which no section or claim may take.
pub const RESERVED_IDS: &[&str] = &["overview", "article", "glance", "search", "theme"];

/// What is wrong with the data, naming the claim and quote concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant's doc says what its fields hold.
pub enum DataError {
    /// There are no sections at all.
    NoSections,
    /// An id is not lowercase words joined by hyphens, or has a reserved form.
    BadId { id: String },
    /// Two things share an id.
    DuplicateId { id: String },
    /// A section has no claims.
    SectionWithoutClaims { section: String },
    /// A claim cites nothing.
    ClaimWithoutCitation { claim: String },
    /// A quote's `exact` is empty or starts or ends with white space.
    QuoteNotTrimmed { claim: String, exact: String },
    /// A quote's words do not occur in the article.
    QuoteNotFound { claim: String, exact: String },
    /// A quote's words occur, but never with its prefix and suffix.
    QuoteContextNotFound { claim: String, exact: String, prefix: String, suffix: String },
    /// A quote matches more than once.
    QuoteAmbiguous { claim: String, exact: String, matches: usize },
    /// A quote runs over a paragraph break.
    QuoteSpansParagraphs { claim: String, exact: String },
    /// A claim cites the same words twice.
    QuoteRepeated { claim: String, exact: String },
    /// Two different quotes share part of the article (nested or partly overlapping).
    QuotesOverlap { first_claim: String, first: String, second_claim: String, second: String },
    /// An entry of `not_substantive` is not a paragraph of the article.
    NotAParagraph { text: String },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::NoSections => write!(f, "the explainer has no sections"),
            DataError::BadId { id } => write!(
                f,
                "id {id:?} is not allowed: use lowercase letters and digits in words joined by single hyphens, \
                 not starting with \"q-\" and not one of {RESERVED_IDS:?}"
            ),
            DataError::DuplicateId { id } => write!(f, "id {id:?} is used more than once"),
            DataError::SectionWithoutClaims { section } => write!(f, "section {section:?} has no claims"),
            DataError::ClaimWithoutCitation { claim } => write!(f, "claim {claim:?} cites no quote"),
            DataError::QuoteNotTrimmed { claim, exact } => {
                write!(f, "claim {claim:?}: quote {exact:?} is empty or starts or ends with white space")
            }
            DataError::QuoteNotFound { claim, exact } => {
                write!(f, "claim {claim:?}: quote {exact:?} is not in the article verbatim")
            }
            DataError::QuoteContextNotFound { claim, exact, prefix, suffix } => write!(
                f,
                "claim {claim:?}: quote {exact:?} is in the article, but never with prefix {prefix:?} and suffix {suffix:?}"
            ),
            DataError::QuoteAmbiguous { claim, exact, matches } => write!(
                f,
                "claim {claim:?}: quote {exact:?} matches {matches} places in the article; add a prefix or suffix"
            ),
            DataError::QuoteSpansParagraphs { claim, exact } => {
                write!(f, "claim {claim:?}: quote {exact:?} runs across a paragraph break")
            }
            DataError::QuoteRepeated { claim, exact } => {
                write!(f, "claim {claim:?}: quote {exact:?} is cited twice by the same claim")
            }
            DataError::QuotesOverlap { first_claim, first, second_claim, second } => write!(
                f,
                "claim {second_claim:?}: quote {second:?} overlaps quote {first:?} of claim {first_claim:?}; \
                 quotes must be the same words or not touch"
            ),
            DataError::NotAParagraph { text } => {
                write!(f, "{text:?} is listed as not substantive but is not a paragraph of the article")
            }
        }
    }
}

/// The figure the coverage test prints: how many substantive paragraphs are cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Substantive paragraphs cited by at least one claim.
    pub cited: usize,
    /// All substantive paragraphs.
    pub total: usize,
    /// Numbers of the substantive paragraphs nobody cites.
    pub uncited: Vec<usize>,
}

impl Document {
    /// The summit explainer, resolved once. An error here means the data is broken; `cargo test` catches it first.
    pub fn summit() -> Result<&'static Document, &'static [DataError]> {
        static SUMMIT: OnceLock<Result<Document, Vec<DataError>>> = OnceLock::new();
        match SUMMIT.get_or_init(|| Document::resolve(Source::SUMMIT)) {
            Ok(document) => Ok(document),
            Err(errors) => Err(errors),
        }
    }

    /// Validates `source` and resolves every quote, or lists every problem found.
    pub fn resolve(source: Source) -> Result<Document, Vec<DataError>> {
        let mut errors = Vec::new();
        let paragraphs = split_paragraphs(source.article, source.not_substantive, &mut errors);
        check_ids(&source, &mut errors);
        if source.sections.is_empty() {
            errors.push(DataError::NoSections);
        }

        let mut claims = Vec::new();
        let mut spans: Vec<(Range<usize>, Citation)> = Vec::new();
        let places = std::iter::once((Place::Overview, source.overview))
            .chain(source.sections.iter().enumerate().map(|(index, section)| (Place::Section(index), section.claims)));
        let mut place_claims = Vec::new();
        for (place, place_data) in places {
            let start = claims.len();
            if let (Place::Section(section), []) = (place, place_data) {
                errors.push(DataError::SectionWithoutClaims { section: source.sections[section].id.to_string() });
            }
            for claim in place_data {
                let index = ClaimIndex(claims.len());
                if claim.quotes.is_empty() {
                    errors.push(DataError::ClaimWithoutCitation { claim: claim.id.to_string() });
                }
                for (quote_number, quote) in claim.quotes.iter().enumerate() {
                    let Some(range) = locate(source.article, &paragraphs, claim, quote, &mut errors) else { continue };
                    if spans.iter().any(|(other, citation)| citation.claim == index && *other == range) {
                        let (claim, exact) = (claim.id.to_string(), quote.exact.to_string());
                        errors.push(DataError::QuoteRepeated { claim, exact });
                    } else {
                        spans.push((range, Citation { claim: index, quote: quote_number }));
                    }
                }
                claims.push(ClaimEntry { claim, place, anchors: Vec::new() });
            }
            place_claims.push(start..claims.len());
        }
        let overview_claims = place_claims[0].clone();
        let section_claims = place_claims.split_off(1);

        let anchors = merge_spans(spans, &paragraphs, &claims, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        // Each claim lists its anchors in the order of its quotes; every quote was resolved, so every slot fills.
        let mut slots: Vec<Vec<Option<AnchorIndex>>> =
            claims.iter().map(|entry| vec![None; entry.claim.quotes.len()]).collect();
        for (anchor_index, anchor) in anchors.iter().enumerate() {
            for citation in &anchor.cited_by {
                slots[citation.claim.0][citation.quote] = Some(AnchorIndex(anchor_index));
            }
        }
        for (entry, claim_slots) in claims.iter_mut().zip(slots) {
            entry.anchors = claim_slots.into_iter().flatten().collect();
        }

        Ok(Document {
            article: source.article,
            paragraphs,
            sections: source.sections,
            claims,
            overview_claims,
            section_claims,
            anchors,
        })
    }
}

impl Document {
    /// The text of an anchor: the quote's words as they stand in the article.
    pub fn anchor_text(&self, anchor: AnchorIndex) -> &'static str {
        &self.article[self.anchors[anchor.0].range.clone()]
    }

    /// The text of a paragraph, verbatim.
    pub fn paragraph_text(&self, paragraph: usize) -> &'static str {
        &self.article[self.paragraphs[paragraph].range.clone()]
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

    /// The number of distinct quotes cited in a section (a span cited by two of its claims counts once).
    pub fn section_quote_count(&self, section: usize) -> usize {
        self.distinct_quotes(self.section_claims[section].clone())
    }

    /// The number of distinct quotes cited by the claims in `claims`.
    fn distinct_quotes(&self, claims: Range<usize>) -> usize {
        let mut anchors: Vec<AnchorIndex> =
            claims.flat_map(|claim| self.claims[claim].anchors.iter().copied()).collect();
        anchors.sort_unstable();
        anchors.dedup();
        anchors.len()
    }

    /// The coverage figure and each section's counts, as `cargo xtask test` prints them.
    pub fn coverage_report(&self) -> String {
        let coverage = self.coverage();
        let percent = (coverage.cited * 100).checked_div(coverage.total).unwrap_or(0);
        let mut report =
            format!("coverage: {} of {} substantive paragraphs cited ({percent}%)\n", coverage.cited, coverage.total);
        for (index, section) in self.sections.iter().enumerate() {
            let counts = crate::view::count_label(self.section_claims[index].len(), self.section_quote_count(index));
            report.push_str(&format!("  {:<20} {counts}\n", section.id));
        }
        report.push_str(&format!(
            "  {:<20} {}\n",
            "overview",
            crate::view::count_label(self.overview_claims.len(), self.distinct_quotes(self.overview_claims.clone()))
        ));
        report.push_str(&format!(
            "  in all: {} claims citing {} distinct quotes",
            self.claims.len(),
            self.anchors.len()
        ));
        if !coverage.uncited.is_empty() {
            report.push_str(&format!("\n  uncited paragraphs: {:?}", coverage.uncited));
        }
        report
    }

    /// How many substantive paragraphs at least one claim cites.
    pub fn coverage(&self) -> Coverage {
        let mut cited = vec![false; self.paragraphs.len()];
        for anchor in &self.anchors {
            cited[anchor.paragraph] = true;
        }
        let substantive = self.paragraphs.iter().enumerate().filter_map(|(i, p)| p.number.map(|n| (i, n)));
        let uncited: Vec<usize> = substantive.clone().filter(|&(i, _)| !cited[i]).map(|(_, n)| n).collect();
        let total = substantive.count();
        Coverage { cited: total - uncited.len(), total, uncited }
    }
}

/// Splits the article into paragraphs (runs of non-blank lines) and numbers the substantive ones.
fn split_paragraphs(article: &str, not_substantive: &[&str], errors: &mut Vec<DataError>) -> Vec<Paragraph> {
    let mut ranges = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in article.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let line_range = offset..offset + text.len();
        offset += line.len();
        if text.trim().is_empty() {
            ranges.extend(current.take());
        } else {
            current = Some(match current {
                Some(range) => range.start..line_range.end,
                None => line_range,
            });
        }
    }
    ranges.extend(current);

    for text in not_substantive {
        if !ranges.iter().any(|range| &article[range.clone()] == *text) {
            errors.push(DataError::NotAParagraph { text: text.to_string() });
        }
    }
    let mut number = 0;
    ranges
        .into_iter()
        .map(|range| {
            let substantive = !not_substantive.contains(&&article[range.clone()]);
            Paragraph {
                number: substantive.then(|| {
                    number += 1;
                    number
                }),
                range,
            }
        })
        .collect()
}

/// Whether `id` is lowercase words of letters and digits joined by single hyphens, and not of a reserved form.
pub fn is_valid_id(id: &str) -> bool {
    let words_ok = !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    words_ok && !id.starts_with("q-") && !RESERVED_IDS.contains(&id)
}

fn check_ids(source: &Source, errors: &mut Vec<DataError>) {
    let section_ids = source.sections.iter().map(|section| section.id);
    let claim_ids = source.overview.iter().chain(source.sections.iter().flat_map(|s| s.claims)).map(|c| c.id);
    let mut seen: Vec<&str> = Vec::new();
    for id in section_ids.chain(claim_ids) {
        if !is_valid_id(id) {
            errors.push(DataError::BadId { id: id.to_string() });
        } else if seen.contains(&id) {
            errors.push(DataError::DuplicateId { id: id.to_string() });
        }
        seen.push(id);
    }
}

/// Finds the one place where `quote` matches, or records why it does not.
fn locate(
    article: &str,
    paragraphs: &[Paragraph],
    claim: &Claim,
    quote: &Quote,
    errors: &mut Vec<DataError>,
) -> Option<Range<usize>> {
    let named = |exact: &str| (claim.id.to_string(), exact.to_string());
    if quote.exact.is_empty() || quote.exact.trim() != quote.exact {
        let (claim, exact) = named(quote.exact);
        errors.push(DataError::QuoteNotTrimmed { claim, exact });
        return None;
    }
    let occurrences: Vec<usize> = article.match_indices(quote.exact).map(|(start, _)| start).collect();
    let matches: Vec<usize> = occurrences
        .iter()
        .copied()
        .filter(|&start| {
            article[..start].ends_with(quote.prefix) && article[start + quote.exact.len()..].starts_with(quote.suffix)
        })
        .collect();
    let (claim_id, exact) = named(quote.exact);
    match (occurrences.len(), matches.as_slice()) {
        (0, _) => errors.push(DataError::QuoteNotFound { claim: claim_id, exact }),
        (_, []) => errors.push(DataError::QuoteContextNotFound {
            claim: claim_id,
            exact,
            prefix: quote.prefix.to_string(),
            suffix: quote.suffix.to_string(),
        }),
        (_, [start]) => {
            let range = *start..start + quote.exact.len();
            if paragraph_of(paragraphs, &range).is_some() {
                return Some(range);
            }
            errors.push(DataError::QuoteSpansParagraphs { claim: claim_id, exact });
        }
        (_, several) => errors.push(DataError::QuoteAmbiguous { claim: claim_id, exact, matches: several.len() }),
    }
    None
}

fn paragraph_of(paragraphs: &[Paragraph], range: &Range<usize>) -> Option<usize> {
    paragraphs.iter().position(|p| p.range.start <= range.start && range.end <= p.range.end)
}

/// Sorts the spans into article order, merges identical ones, and rejects any that overlap without being equal.
fn merge_spans(
    mut spans: Vec<(Range<usize>, Citation)>,
    paragraphs: &[Paragraph],
    claims: &[ClaimEntry],
    errors: &mut Vec<DataError>,
) -> Vec<Anchor> {
    spans.sort_by_key(|(range, citation)| (range.start, range.end, citation.claim, citation.quote));
    let mut anchors: Vec<Anchor> = Vec::new();
    for (range, citation) in spans {
        if let Some(last) = anchors.last_mut() {
            if last.range == range {
                last.cited_by.push(citation);
                continue;
            }
            if range.start < last.range.end {
                let first = last.cited_by[0];
                errors.push(DataError::QuotesOverlap {
                    first_claim: claims[first.claim.0].claim.id.to_string(),
                    first: claims[first.claim.0].claim.quotes[first.quote].exact.to_string(),
                    second_claim: claims[citation.claim.0].claim.id.to_string(),
                    second: claims[citation.claim.0].claim.quotes[citation.quote].exact.to_string(),
                });
                continue;
            }
        }
        let paragraph = paragraph_of(paragraphs, &range).expect("located spans lie within one paragraph");
        anchors.push(Anchor { range, paragraph, cited_by: vec![citation] });
    }
    anchors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Speaker;
    use expect_test::{expect, Expect};

    const ARTICLE: &str =
        " date 2000-01-01 \n\nAlpha said the cat sat. The dog sat too.\n\nThe cat ran.\nIt ran far.\n\n\n\nCredits.\n";

    fn claim(id: &'static str, quotes: Vec<Quote>) -> Claim {
        Claim { id, text: "A claim.", speaker: Some(Speaker::Biden), setting: None, quotes: Vec::leak(quotes) }
    }

    fn section(id: &'static str, claims: Vec<Claim>) -> Section {
        Section { id, title: "A section", summary: "A summary.", claims: Vec::leak(claims) }
    }

    fn source(sections: Vec<Section>) -> Source {
        Source {
            article: ARTICLE,
            not_substantive: &[" date 2000-01-01 ", "Credits."],
            overview: &[],
            sections: Vec::leak(sections),
        }
    }

    /// Resolves `sections` against the small test article and prints every error, one a line, or "ok".
    fn check(sections: Vec<Section>, expected: Expect) {
        let actual = match Document::resolve(source(sections)) {
            Ok(document) => {
                let spans: Vec<_> = document.anchors.iter().map(|a| &ARTICLE[a.range.clone()]).collect();
                format!("ok {spans:?}\n")
            }
            Err(errors) => errors.iter().map(|e| format!("{e}\n")).collect(),
        };
        expected.assert_eq(&actual);
    }

    #[test]
    fn a_quote_must_occur_verbatim() {
        check(
            vec![section("s", vec![claim("c", vec![Quote::exact("The cat sat.")])])],
            expect![[r#"
                claim "c": quote "The cat sat." is not in the article verbatim
            "#]],
        );
    }

    #[test]
    fn a_quote_must_match_once_and_context_makes_it_unique() {
        check(
            vec![section("s", vec![claim("c", vec![Quote::exact("sat")])])],
            expect![[r#"
                claim "c": quote "sat" matches 2 places in the article; add a prefix or suffix
            "#]],
        );
        check(
            vec![section(
                "s",
                vec![claim("c", vec![Quote::in_context("dog ", "sat", ""), Quote::in_context("", "cat", " sat")])],
            )],
            expect![[r#"
                ok ["cat", "sat"]
            "#]],
        );
        check(
            vec![section("s", vec![claim("c", vec![Quote::in_context("bird ", "sat", "")])])],
            expect![[r#"
                claim "c": quote "sat" is in the article, but never with prefix "bird " and suffix ""
            "#]],
        );
    }

    #[test]
    fn a_quote_stays_inside_one_paragraph_and_is_trimmed() {
        check(
            vec![section(
                "s",
                vec![claim(
                    "c",
                    vec![
                        Quote::exact("The cat ran.\nIt ran far."),
                        Quote::exact("too.\n\nThe cat ran"),
                        Quote::exact(" The dog"),
                    ],
                )],
            )],
            expect![[r#"
                claim "c": quote "too.\n\nThe cat ran" runs across a paragraph break
                claim "c": quote " The dog" is empty or starts or ends with white space
            "#]],
        );
    }

    #[test]
    fn quotes_are_the_same_words_or_do_not_touch() {
        check(
            vec![section(
                "s",
                vec![
                    claim("first", vec![Quote::exact("Alpha said the cat sat.")]),
                    claim("same", vec![Quote::exact("Alpha said the cat sat.")]),
                    claim("nested", vec![Quote::exact("the cat sat")]),
                    claim("partly", vec![Quote::exact("sat. The dog")]),
                ],
            )],
            expect![[r#"
                claim "nested": quote "the cat sat" overlaps quote "Alpha said the cat sat." of claim "first"; quotes must be the same words or not touch
                claim "partly": quote "sat. The dog" overlaps quote "Alpha said the cat sat." of claim "first"; quotes must be the same words or not touch
            "#]],
        );
        check(
            vec![section(
                "s",
                vec![
                    claim("first", vec![Quote::exact("Alpha said the cat sat.")]),
                    claim("same", vec![Quote::exact("Alpha said the cat sat.")]),
                ],
            )],
            expect![[r#"
                ok ["Alpha said the cat sat."]
            "#]],
        );
        check(
            vec![section(
                "s",
                vec![claim("twice", vec![Quote::exact("The dog sat too."), Quote::exact("The dog sat too.")])],
            )],
            expect![[r#"
                claim "twice": quote "The dog sat too." is cited twice by the same claim
            "#]],
        );
    }

    #[test]
    fn ids_are_unique_well_formed_and_not_reserved() {
        let quote = || vec![Quote::exact("The cat ran.")];
        check(
            vec![
                section("s", vec![claim("c", quote()), claim("s", quote())]),
                section("Space", vec![claim("c", quote())]),
                section(
                    "article",
                    vec![claim("q-1", quote()), claim("a--b", quote()), claim("", quote()), claim("x/y", quote())],
                ),
            ],
            expect![[r#"
                id "Space" is not allowed: use lowercase letters and digits in words joined by single hyphens, not starting with "q-" and not one of ["overview", "article", "glance", "search", "theme"]
                id "article" is not allowed: use lowercase letters and digits in words joined by single hyphens, not starting with "q-" and not one of ["overview", "article", "glance", "search", "theme"]
                id "s" is used more than once
                id "c" is used more than once
                id "q-1" is not allowed: use lowercase letters and digits in words joined by single hyphens, not starting with "q-" and not one of ["overview", "article", "glance", "search", "theme"]
                id "a--b" is not allowed: use lowercase letters and digits in words joined by single hyphens, not starting with "q-" and not one of ["overview", "article", "glance", "search", "theme"]
                id "" is not allowed: use lowercase letters and digits in words joined by single hyphens, not starting with "q-" and not one of ["overview", "article", "glance", "search", "theme"]
                id "x/y" is not allowed: use lowercase letters and digits in words joined by single hyphens, not starting with "q-" and not one of ["overview", "article", "glance", "search", "theme"]
            "#]],
        );
    }

    #[test]
    fn every_claim_cites_and_every_section_has_claims() {
        check(
            vec![section("empty", vec![]), section("s", vec![claim("bare", vec![])])],
            expect![[r#"
                section "empty" has no claims
                claim "bare" cites no quote
            "#]],
        );
        check(
            vec![],
            expect![[r#"
            the explainer has no sections
        "#]],
        );
    }

    #[test]
    fn not_substantive_entries_must_be_whole_paragraphs() {
        let mut bad = source(vec![section("s", vec![claim("c", vec![Quote::exact("The cat ran.")])])]);
        bad.not_substantive = &["Credits", "The cat ran."];
        let errors: Vec<String> = Document::resolve(bad).unwrap_err().iter().map(|e| e.to_string()).collect();
        assert_eq!(
            errors,
            [
                "\"Credits\" is listed as not substantive but is not a paragraph of the article",
                "\"The cat ran.\" is listed as not substantive but is not a paragraph of the article",
            ]
        );
    }

    #[test]
    fn coverage_counts_substantive_paragraphs_with_a_citation() {
        let document =
            Document::resolve(source(vec![section("s", vec![claim("c", vec![Quote::exact("It ran far.")])])])).unwrap();
        let numbers: Vec<_> =
            document.paragraphs.iter().enumerate().map(|(i, p)| (document.paragraph_text(i), p.number)).collect();
        assert_eq!(
            numbers,
            [
                (" date 2000-01-01 ", None),
                ("Alpha said the cat sat. The dog sat too.", Some(1)),
                ("The cat ran.\nIt ran far.", Some(2)),
                ("Credits.", None)
            ]
        );
        assert_eq!(document.coverage(), Coverage { cited: 1, total: 2, uncited: vec![1] });
    }

    #[test]
    fn the_summit_data_is_valid_and_cites_every_substantive_paragraph() {
        let document = match Document::summit() {
            Ok(document) => document,
            Err(errors) => {
                panic!("the summit data is invalid:\n{}", errors.iter().map(|e| format!("  {e}\n")).collect::<String>())
            }
        };
        let coverage = document.coverage();
        println!("{}", document.coverage_report());
        assert!(coverage.uncited.is_empty(), "substantive paragraphs with no citation: {:?}", coverage.uncited);
        assert!(
            coverage.total > 30,
            "the article has {} substantive paragraphs; expected more than 30",
            coverage.total
        );
    }

    #[test]
    fn the_public_section_ids_are_there() {
        let document = Document::summit().unwrap();
        let ids: Vec<_> = document.sections.iter().map(|s| s.id).collect();
        for id in ["defense-integration", "missile-defense", "space", "people-to-people", "economic-friction"] {
            assert!(ids.contains(&id), "section {id:?} is missing from {ids:?}");
        }
    }

    #[test]
    fn the_article_copy_is_byte_for_byte_the_shared_source() {
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/source/article.txt");
        let original = std::fs::read(&shared).unwrap_or_else(|e| panic!("cannot read {}: {e}", shared.display()));
        assert!(original == crate::data::ARTICLE.as_bytes(), "src/article.txt differs from {}", shared.display());
    }
}
