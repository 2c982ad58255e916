//! The checks that make content trustworthy, and the resolution they allow: every quote found verbatim at
//! exactly one place inside one paragraph, no two quotes overlapping unless they are the same words, every
//! substantive paragraph cited, every id well formed and unique, every figure and time of the glance found in
//! its claim's quotes. What passes becomes a [`Compiled`].

use std::ops::Range;

use toml::Spanned;

use crate::compiled::{Anchor, Claim, Compiled, GlanceItem, Lead, Paragraph, Section, Speaker};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{ClaimSpec, EventSpec, Explainer, FigureSpec, QuoteSpec};

/// Ids the page uses for its own elements, which no section or claim may take.
pub use summit_rules::{is_valid_id, valid_id_help, RESERVED_IDS};

/// A claim as the checks walk it: its spec, and where it is shown.
pub(crate) struct ClaimRef<'a> {
    pub spec: &'a ClaimSpec,
    pub section: Option<usize>,
}

/// Every claim of the explainer: the overview's first, then each section's, in order.
pub(crate) fn all_claims(explainer: &Explainer) -> Vec<ClaimRef<'_>> {
    let overview = explainer.overview.iter().map(|spec| ClaimRef { spec, section: None });
    let sections =
        explainer.sections.iter().enumerate().flat_map(|(index, section)| {
            section.claims.iter().map(move |spec| ClaimRef { spec, section: Some(index) })
        });
    overview.chain(sections).collect()
}

/// Checks `explainer` against `article`, pushing every problem; returns the resolved content if there is none.
///
/// `source` is the text of `explainer.toml`, so that a diagnostic can point inside a quote.
pub fn check(
    explainer: &Explainer,
    source: &str,
    article: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Compiled> {
    let errors = |diagnostics: &[Diagnostic]| diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let errors_before = errors(diagnostics);
    let paragraphs = split_paragraphs(article, &explainer.not_substantive, diagnostics);
    let facts = crate::facts::read(article, &paragraphs, diagnostics);
    let claims = all_claims(explainer);
    check_texts(explainer, &claims, diagnostics);
    check_ids(explainer, &claims, diagnostics);
    let speakers = check_speakers(explainer, &claims, diagnostics);
    let leads = check_leads(explainer, &claims, diagnostics);
    if explainer.sections.is_empty() {
        diagnostics.push(
            Diagnostic::error("the explainer has no sections", 0..0, "")
                .with_help("add a section: [[sections]] with id, title, summary and at least one [[sections.claims]]"),
        );
    }
    for section in &explainer.sections {
        if section.claims.is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    format!("section `{}` has no claims", section.id.get_ref()),
                    section.id.span(),
                    "this section",
                )
                .with_help("add a [[sections.claims]] table after it, or remove the section"),
            );
        }
    }

    // Every quote to its place, claim by claim: its lead's first, then its own, a setting's after them.
    let lead_quotes: Vec<Vec<(Range<usize>, &Spanned<QuoteSpec>)>> = explainer
        .leads
        .iter()
        .map(|lead| {
            let located = lead.quotes.iter().filter_map(|quote| {
                if quote.get_ref().spoken {
                    diagnostics.push(
                        Diagnostic::error(
                            format!("lead `{}` marks a quote as spoken", lead.id.get_ref()),
                            quote.span(),
                            "spoken by whom?",
                        )
                        .with_help("a lead has no speaker; give the words to a claim with a `speaker`"),
                    );
                }
                Some((locate(article, &paragraphs, source, quote, diagnostics)?, quote))
            });
            located.collect()
        })
        .collect();
    let mut spans: Vec<Span> = Vec::new();
    let mut compiled_claims = Vec::new();
    for (index, claim) in claims.iter().enumerate() {
        let spec = claim.spec;
        let mut own: Vec<Range<usize>> = Vec::new();
        for (range, quote) in leads[index].iter().flat_map(|&lead| &lead_quotes[lead]) {
            spans.push(Span {
                range: range.clone(),
                citation: (index, own.len()),
                spoken: false,
                source: quote.span(),
            });
            own.push(range.clone());
        }
        let from_lead = own.len();
        if spec.quotes.is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    format!("claim `{}` cites no quote", spec.id.get_ref()),
                    spec.id.span(),
                    "this claim",
                )
                .with_help("add the article's words that support it: quotes = [\"…\"]"),
            );
        }
        for quote in &spec.quotes {
            let Some(range) = locate(article, &paragraphs, source, quote, diagnostics) else { continue };
            if own[..from_lead].contains(&range) {
                diagnostics.push(
                    Diagnostic::error(
                        format!("claim `{}` cites words its lead already cites", spec.id.get_ref()),
                        quote.span(),
                        "cited by the lead",
                    )
                    .with_help("remove it here: a claim cites its lead's quotes before its own"),
                );
                continue;
            }
            if own.contains(&range) {
                diagnostics.push(Diagnostic::error(
                    format!("claim `{}` cites the same words twice", spec.id.get_ref()),
                    quote.span(),
                    "cited again here",
                ));
                continue;
            }
            if quote.get_ref().spoken && spec.speaker.is_none() {
                diagnostics.push(
                    Diagnostic::error(
                        format!("claim `{}` marks a quote as spoken, but names no speaker", spec.id.get_ref()),
                        quote.span(),
                        "spoken by whom?",
                    )
                    .with_help("name the claim's `speaker`, or remove `spoken = true`"),
                );
            }
            spans.push(Span {
                range: range.clone(),
                citation: (index, own.len()),
                spoken: quote.get_ref().spoken,
                source: quote.span(),
            });
            own.push(range);
        }
        if let Some(setting) = &spec.setting {
            let quote = &setting.quote;
            if let Some(range) = locate(article, &paragraphs, source, quote, diagnostics) {
                let inside_own = own.iter().any(|r| r.start <= range.start && range.end <= r.end);
                if !inside_own {
                    spans.push(Span {
                        range: range.clone(),
                        citation: (index, own.len()),
                        spoken: false,
                        source: quote.span(),
                    });
                    own.push(range);
                }
            }
        }
        let speaker = spec.speaker.as_ref().and_then(|s| speakers.iter().position(|id| id == s.get_ref()));
        compiled_claims.push(Claim {
            id: spec.id.get_ref().clone(),
            statement: spec.statement.get_ref().clone(),
            speaker,
            setting: spec.setting.as_ref().map(|s| s.text.get_ref().clone()),
            note: spec.note.as_ref().map(|n| n.get_ref().clone()),
            section: claim.section,
            lead: leads[index],
            see: Vec::new(),
            anchors: Vec::new(),
        });
    }
    let anchors = merge_spans(spans, &paragraphs, diagnostics);
    for (anchor_index, anchor) in anchors.iter().enumerate() {
        for &(claim, _) in &anchor.cited_by {
            compiled_claims[claim].anchors.push(anchor_index);
        }
    }
    // `merge_spans` sorts by position; each claim lists its anchors in the order of its quotes.
    for (claim_index, claim) in compiled_claims.iter_mut().enumerate() {
        claim.anchors.sort_by_key(|&a| anchors[a].cited_by.iter().find(|c| c.0 == claim_index).map(|c| c.1));
        claim.anchors.dedup();
    }

    let mut compiled = Compiled {
        article: article.to_string(),
        title: explainer.title.get_ref().clone(),
        description: explainer.description.get_ref().clone(),
        source: explainer.source.get_ref().clone(),
        facts: facts?,
        paragraphs,
        speakers: explainer
            .speakers
            .iter()
            .map(|s| Speaker {
                id: s.id.get_ref().clone(),
                label: s.label.get_ref().clone(),
                schema_type: s.schema_type.as_ref().map(|t| t.get_ref().name()),
                name: s.name.as_ref().map(|n| n.get_ref().clone()),
                job_title: s.job_title.as_ref().map(|j| j.get_ref().clone()),
            })
            .collect(),
        sections: Vec::new(),
        overview: 0..explainer.overview.len(),
        claims: compiled_claims,
        leads: explainer
            .leads
            .iter()
            .map(|lead| Lead { id: lead.id.get_ref().clone(), text: lead.text.get_ref().clone() })
            .collect(),
        anchors,
        figures: Vec::new(),
        timeline: Vec::new(),
    };
    let mut start = compiled.overview.end;
    for section in &explainer.sections {
        let end = start + section.claims.len();
        compiled.sections.push(Section {
            id: section.id.get_ref().clone(),
            title: section.title.get_ref().clone(),
            summary: section.summary.get_ref().clone(),
            claims: start..end,
        });
        start = end;
    }
    if errors(diagnostics) > errors_before {
        return None;
    }
    check_see(&claims, &mut compiled, diagnostics);
    check_coverage(&compiled, diagnostics);
    compiled.figures = explainer
        .figures
        .iter()
        .filter_map(|FigureSpec { figure, label, claim }| glance_item(&compiled, claim, figure, label, diagnostics))
        .collect();
    compiled.timeline = explainer
        .timeline
        .iter()
        .filter_map(|EventSpec { when, what, claim }| glance_item(&compiled, claim, when, what, diagnostics))
        .collect();
    (errors(diagnostics) == errors_before).then_some(compiled)
}

/// Statements, titles, labels and summaries are non-empty and carry no stray white space.
fn check_texts(explainer: &Explainer, claims: &[ClaimRef<'_>], diagnostics: &mut Vec<Diagnostic>) {
    let mut texts: Vec<(&str, &Spanned<String>)> = vec![
        ("the title", &explainer.title),
        ("the description", &explainer.description),
        ("the source", &explainer.source),
    ];
    for speaker in &explainer.speakers {
        texts.push(("a speaker's label", &speaker.label));
    }
    for section in &explainer.sections {
        texts.push(("a section's title", &section.title));
        texts.push(("a section's summary", &section.summary));
    }
    for lead in &explainer.leads {
        texts.push(("a lead", &lead.text));
    }
    for claim in claims {
        texts.push(("a statement", &claim.spec.statement));
        if let Some(setting) = &claim.spec.setting {
            texts.push(("a setting", &setting.text));
        }
        if let Some(note) = &claim.spec.note {
            texts.push(("a note", note));
        }
    }
    for figure in &explainer.figures {
        texts.push(("a figure", &figure.figure));
        texts.push(("a figure's label", &figure.label));
    }
    for event in &explainer.timeline {
        texts.push(("an event's time", &event.when));
        texts.push(("an event", &event.what));
    }
    for speaker in &explainer.speakers {
        texts.extend(speaker.name.iter().map(|name| ("a speaker's name", name)));
        texts.extend(speaker.job_title.iter().map(|title| ("a speaker's job title", title)));
    }
    for (what, text) in texts {
        let value = text.get_ref();
        if value.trim().is_empty() || value.trim() != value || value.contains('\n') {
            diagnostics.push(
                Diagnostic::error(
                    format!("{what} is empty, spans lines or starts or ends with white space"),
                    text.span(),
                    "here",
                )
                .with_help("write it as one line of text with no leading or trailing spaces"),
            );
        }
    }
}

fn check_ids(explainer: &Explainer, claims: &[ClaimRef<'_>], diagnostics: &mut Vec<Diagnostic>) {
    let section_ids = explainer.sections.iter().map(|section| &section.id);
    let claim_ids = claims.iter().map(|claim| &claim.spec.id);
    let mut seen: Vec<&Spanned<String>> = Vec::new();
    for id in section_ids.chain(claim_ids) {
        if !is_valid_id(id.get_ref()) {
            diagnostics.push(
                Diagnostic::error(format!("id `{}` is not allowed", id.get_ref()), id.span(), "this id")
                    .with_help(valid_id_help()),
            );
        } else if let Some(first) = seen.iter().find(|other| other.get_ref() == id.get_ref()) {
            diagnostics.push(
                Diagnostic::error(
                    format!("id `{}` is used more than once", id.get_ref()),
                    id.span(),
                    "used again here",
                )
                .with_explainer(first.span(), "first used here")
                .with_help("sections and claims share one namespace: rename one of them"),
            );
        }
        seen.push(id);
    }
}

/// Speaker ids are unique; every claim's speaker exists. Returns the speaker ids in order.
fn check_speakers(explainer: &Explainer, claims: &[ClaimRef<'_>], diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let ids = check_own_ids("speaker", explainer.speakers.iter().map(|speaker| &speaker.id), diagnostics);
    for claim in claims {
        let Some(speaker) = &claim.spec.speaker else { continue };
        if !ids.contains(speaker.get_ref()) {
            diagnostics.push(unknown_id(claim, "names", "speaker", speaker, &ids));
        }
    }
    ids
}

/// The ids of a list with a namespace of its own (speakers, leads), in order: each well formed and used once,
/// or an error naming the `kind` of id.
fn check_own_ids<'a>(
    kind: &str,
    ids: impl Iterator<Item = &'a Spanned<String>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for id in ids {
        let value = id.get_ref();
        if !is_valid_id(value) {
            diagnostics.push(
                Diagnostic::error(format!("{kind} id `{value}` is not allowed"), id.span(), "this id")
                    .with_help(valid_id_help()),
            );
        } else if seen.contains(value) {
            diagnostics.push(Diagnostic::error(
                format!("{kind} id `{value}` is used more than once"),
                id.span(),
                "used again here",
            ));
        }
        seen.push(value.clone());
    }
    seen
}

/// A claim naming a `kind` of id (a speaker, a lead) that its list does not have: the nearest id suggested,
/// or every id listed.
fn unknown_id(claim: &ClaimRef<'_>, verb: &str, kind: &str, name: &Spanned<String>, ids: &[String]) -> Diagnostic {
    let diagnostic = Diagnostic::error(
        format!("claim `{}` {verb} {kind} `{}`, which is not in [[{kind}s]]", claim.spec.id.get_ref(), name.get_ref()),
        name.span(),
        format!("unknown {kind}"),
    );
    match nearest(name.get_ref(), ids.iter().map(String::as_str)) {
        Some(near) => diagnostic.with_help(format!("did you mean `{near}`?")),
        None => diagnostic.with_help(format!("the {kind}s are: {}", ids.join(", "))),
    }
}

/// Each claim's lead, by claim: a lead is named by the claims of one run in each section that uses it (they
/// stand together, under it), never by an overview claim, and cites at least one quote; every lead is used.
fn check_leads(
    explainer: &Explainer,
    claims: &[ClaimRef<'_>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Option<usize>> {
    let ids = check_own_ids("lead", explainer.leads.iter().map(|lead| &lead.id), diagnostics);
    for lead in &explainer.leads {
        let id = lead.id.get_ref();
        if lead.quotes.is_empty() {
            diagnostics.push(
                Diagnostic::error(format!("lead `{id}` cites no quote"), lead.id.span(), "this lead")
                    .with_help("add the article's words that support it: quotes = [\"…\"]"),
            );
        }
    }
    let mut found: Vec<Option<usize>> = Vec::new();
    // The lead of the claim before, in the same part of the page, and the (lead, section) runs already ended.
    let mut ended: Vec<(usize, Option<usize>)> = Vec::new();
    let mut previous: Option<(Option<usize>, Option<usize>)> = None;
    for claim in claims {
        let lead = claim.spec.lead.as_ref().and_then(|name| {
            let index = ids.iter().position(|id| id == name.get_ref());
            if index.is_none() {
                diagnostics.push(unknown_id(claim, "follows", "lead", name, &ids));
            }
            index
        });
        if let (Some(name), None) = (&claim.spec.lead, claim.section) {
            diagnostics.push(
                Diagnostic::error(
                    format!("overview claim `{}` follows a lead", claim.spec.id.get_ref()),
                    name.span(),
                    "in the overview",
                )
                .with_help("a lead is for a run of section claims; say it in the overview claim itself"),
            );
        }
        // A run ends where the lead or the section changes; the same lead again in that section is a second run.
        if let Some((before, section)) = previous {
            if before.is_some() && (before != lead || section != claim.section) {
                ended.extend(before.map(|before| (before, section)));
            }
        }
        if let (Some(index), Some(name)) = (lead, &claim.spec.lead) {
            if ended.contains(&(index, claim.section)) {
                diagnostics.push(
                    Diagnostic::error(
                        format!(
                            "claim `{}` follows lead `{}`, but is not next to its other claims",
                            claim.spec.id.get_ref(),
                            name.get_ref()
                        ),
                        name.span(),
                        "apart from the lead's run",
                    )
                    .with_help("move it next to the other claims that follow this lead in its section"),
                );
            }
        }
        previous = Some((lead, claim.section));
        found.push(lead);
    }
    for (index, lead) in explainer.leads.iter().enumerate() {
        if !found.contains(&Some(index)) {
            diagnostics.push(
                Diagnostic::error(format!("no claim follows lead `{}`", lead.id.get_ref()), lead.id.span(), "unused")
                    .with_help("name it on the claims it leads (`lead = \"…\"`), or remove it"),
            );
        }
    }
    found
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely slip.
pub(crate) fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|candidate| (summit_rules::edit_distance(word, candidate), candidate))
        .filter(|&(distance, candidate)| distance <= 3.max(candidate.chars().count() / 3))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Splits the article into paragraphs (runs of non-blank lines) and numbers the substantive ones.
fn split_paragraphs(
    article: &str,
    not_substantive: &[Spanned<String>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Paragraph> {
    let ranges = summit_rules::paragraphs(article);

    for text in not_substantive {
        if !ranges.iter().any(|range| article[range.clone()] == **text.get_ref()) {
            diagnostics.push(
                Diagnostic::error(
                    "listed as not substantive, but not a paragraph of the article",
                    text.span(),
                    "not a whole paragraph",
                )
                .with_help("copy the whole paragraph from article.txt, spaces included"),
            );
        }
    }
    let mut number = 0;
    ranges
        .into_iter()
        .map(|range| {
            let substantive = !not_substantive.iter().any(|text| *text.get_ref() == article[range.clone()]);
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

/// Finds the one place where `quote` matches, or reports why it does not.
fn locate(
    article: &str,
    paragraphs: &[Paragraph],
    source: &str,
    quote: &Spanned<QuoteSpec>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Range<usize>> {
    let spec = quote.get_ref();
    let exact = spec.exact.as_str();
    if exact.is_empty() || exact.trim() != exact {
        diagnostics.push(
            Diagnostic::error("a quote is empty or starts or ends with white space", quote.span(), "this quote")
                .with_help("quote the words themselves; put the text around them in `prefix` and `suffix`"),
        );
        return None;
    }
    let occurrences = occurrences(article, exact);
    let matches: Vec<usize> = occurrences
        .iter()
        .copied()
        .filter(|&start| {
            article[..start].ends_with(&spec.prefix) && article[start + exact.len()..].starts_with(&spec.suffix)
        })
        .collect();
    match (occurrences.as_slice(), matches.as_slice()) {
        ([], _) => diagnostics.push(not_verbatim(article, source, quote)),
        (_, []) => diagnostics.push(
            Diagnostic::error(
                "a quote's words are in the article, but never with its prefix and suffix",
                quote.span(),
                "this quote",
            )
            .with_article(occurrences[0]..occurrences[0] + exact.len(), "the words occur here")
            .with_help(format!(
                "prefix {:?} must stand right before the words and suffix {:?} right after them",
                spec.prefix, spec.suffix
            )),
        ),
        (_, [start]) => {
            let range = *start..start + exact.len();
            if paragraph_of(paragraphs, &range).is_some() {
                return Some(range);
            }
            diagnostics.push(
                Diagnostic::error("a quote runs across a paragraph break", quote.span(), "this quote")
                    .with_article(range, "these words")
                    .with_help("split it into one quote per paragraph"),
            );
        }
        (_, several) => {
            let mut diagnostic = Diagnostic::error(
                format!("a quote matches {} places in the article", several.len()),
                quote.span(),
                "this quote",
            )
            .with_help("make it longer, or write it as { exact = \"…\", prefix = \"…\" } with the text just before it");
            for start in several.iter().take(2) {
                diagnostic = diagnostic.with_article(*start..start + exact.len(), "it matches here");
            }
            diagnostics.push(diagnostic);
        }
    }
    None
}

/// Every place `exact` starts in `article`, overlapping ones included ("ha ha" is twice in "ha ha ha").
fn occurrences(article: &str, exact: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(found) = article[from..].find(exact) {
        let start = from + found;
        starts.push(start);
        from = start + article[start..].chars().next().map_or(1, char::len_utf8);
    }
    starts
}

/// The diagnostic for a quote the article does not contain: the closest passage, and the first character
/// where they part (the usual slip is a straight quote for a curly one, or a hyphen for a dash).
fn not_verbatim(article: &str, source: &str, quote: &Spanned<QuoteSpec>) -> Diagnostic {
    let exact = quote.get_ref().exact.as_str();
    let (start, matched, end) = match look_alike(article, exact) {
        // The same words but for quotes and dashes: the passage is the whole quote's length, in characters.
        Some((start, differs_at, end)) => (start, differs_at - start, end),
        None => match longest_prefix(article, exact) {
            Some((start, matched)) => (start, matched, start + exact.len()),
            None => {
                return Diagnostic::error("a quote is not in the article verbatim", quote.span(), "this quote")
                    .with_help("no passage of the article comes close: copy the words from article.txt exactly")
            }
        },
    };
    let differs_at = start + matched;
    let theirs = article[differs_at..].chars().next();
    let ours = exact[matched..].chars().next().expect("the whole quote does not occur");
    let passage_end = article[differs_at..]
        .char_indices()
        .map(|(i, _)| differs_at + i)
        .find(|&i| i >= end || article[i..].starts_with('\n'))
        .unwrap_or(article.len());
    let label = match theirs {
        Some(theirs) => format!("the article has {} here", describe(theirs)),
        None => "the article ends here".to_string(),
    };
    // Point at the character itself where the quote is a plain string written without escapes before it.
    let span = quote.span();
    let at = span.start + 1 + matched;
    let written = quote.get_ref().plain && source.get(span.start + 1..at) == Some(&exact[..matched]);
    let primary = if written && source[at..].starts_with(ours) { at..at + ours.len_utf8() } else { span };
    Diagnostic::error("a quote is not in the article verbatim", primary, "the quote differs here")
        .with_article(start..passage_end, "the closest passage of the article")
        .with_article(differs_at..differs_at + theirs.map_or(0, char::len_utf8), label)
        .with_help(format!(
            "the quote has {} after {:?}; copy the passage from article.txt exactly",
            describe(ours),
            tail(&exact[..matched], 24)
        ))
}

/// Where the article has `exact` but for the kind of quotation mark or dash: the passage's start, the byte
/// offset of the first character that differs, and the passage's end.
fn look_alike(article: &str, exact: &str) -> Option<(usize, usize, usize)> {
    fn fold(c: char) -> char {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            c => c,
        }
    }
    let folded_exact: String = exact.chars().map(fold).collect();
    let article_chars: Vec<(usize, char)> = article.char_indices().collect();
    let folded_article: String = article_chars.iter().map(|&(_, c)| fold(c)).collect();
    // Folding maps characters to characters, so a match's character index is the article's too.
    let byte_start = folded_article.find(&folded_exact)?;
    let char_start = folded_article[..byte_start].chars().count();
    let start = article_chars[char_start].0;
    let end = article_chars.get(char_start + folded_exact.chars().count()).map_or(article.len(), |&(i, _)| i);
    let differs = article[start..].chars().zip(exact.chars()).scan(start, |at, (theirs, ours)| {
        let here = *at;
        *at += theirs.len_utf8();
        Some((here, theirs != ours))
    });
    differs.into_iter().find(|&(_, differ)| differ).map(|(at, _)| (start, at, end))
}

/// The longest prefix of `exact` that the article contains, at least a few characters long: where it occurs
/// and its length in bytes.
fn longest_prefix(article: &str, exact: &str) -> Option<(usize, usize)> {
    let boundaries: Vec<usize> = exact.char_indices().map(|(i, _)| i).chain([exact.len()]).collect();
    // If a prefix occurs, so do all shorter ones: search for the longest.
    let (mut low, mut high) = (0, boundaries.len() - 1);
    while low < high {
        let middle = (low + high).div_ceil(2);
        if article.contains(&exact[..boundaries[middle]]) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    let matched = boundaries[low];
    (low >= 6.min(boundaries.len() - 1)).then(|| (article.find(&exact[..matched]).expect("the prefix occurs"), matched))
}

/// The last `count` characters of `text`.
fn tail(text: &str, count: usize) -> &str {
    let start = text.char_indices().rev().nth(count.saturating_sub(1)).map_or(0, |(i, _)| i);
    &text[start..]
}

/// A character as a reader can tell it apart from its look-alikes.
fn describe(c: char) -> String {
    let name = match c {
        '\'' => "APOSTROPHE (a straight quote)",
        '"' => "QUOTATION MARK (a straight double quote)",
        '\u{2018}' => "LEFT SINGLE QUOTATION MARK",
        '\u{2019}' => "RIGHT SINGLE QUOTATION MARK (a curly apostrophe)",
        '\u{201c}' => "LEFT DOUBLE QUOTATION MARK",
        '\u{201d}' => "RIGHT DOUBLE QUOTATION MARK",
        '-' => "HYPHEN-MINUS",
        '\u{2013}' => "EN DASH",
        '\u{2014}' => "EM DASH",
        ' ' => "SPACE",
        '\u{a0}' => "NO-BREAK SPACE",
        '\n' => "a line break",
        '\u{2026}' => "HORIZONTAL ELLIPSIS",
        _ => "",
    };
    if name.is_empty() {
        format!("`{c}` (U+{:04X})", c as u32)
    } else {
        let shown = if c.is_control() { c.escape_debug().to_string() } else { c.to_string() };
        format!("`{shown}` (U+{:04X} {name})", c as u32)
    }
}

fn paragraph_of(paragraphs: &[Paragraph], range: &Range<usize>) -> Option<usize> {
    paragraphs.iter().position(|p| p.range.start <= range.start && range.end <= p.range.end)
}

/// One quote of one claim, located: its range in the article, its citation, whether it is marked spoken, and
/// its span in the content file.
struct Span {
    range: Range<usize>,
    citation: (usize, usize),
    spoken: bool,
    source: Range<usize>,
}

/// Sorts the spans into article order, merges identical ones, and rejects any that overlap without being equal.
fn merge_spans(mut spans: Vec<Span>, paragraphs: &[Paragraph], diagnostics: &mut Vec<Diagnostic>) -> Vec<Anchor> {
    spans.sort_by_key(|span| (span.range.start, span.range.end, span.citation));
    let mut anchors: Vec<Anchor> = Vec::new();
    let mut first_spans: Vec<Range<usize>> = Vec::new();
    for Span { range, citation, spoken, source: span } in spans {
        if let Some(last) = anchors.last_mut() {
            if last.range == range {
                last.cited_by.push(citation);
                last.spoken.push(spoken);
                continue;
            }
            if range.start < last.range.end {
                let earlier = first_spans.last().cloned().unwrap_or(0..0);
                diagnostics.push(
                    Diagnostic::error("two quotes overlap without being the same words", span, "this quote")
                        .with_explainer(earlier, "overlaps this quote")
                        .with_article(range.clone(), "its words")
                        .with_article(last.range.clone(), "the earlier quote's words")
                        .with_help("quote exactly the same words as the other quote, or words that do not touch them"),
                );
                continue;
            }
        }
        let paragraph = paragraph_of(paragraphs, &range).expect("located spans lie within one paragraph");
        anchors.push(Anchor { range, paragraph, cited_by: vec![citation], spoken: vec![spoken] });
        first_spans.push(span);
    }
    anchors
}

/// Every substantive paragraph is cited at least once.
fn check_coverage(compiled: &Compiled, diagnostics: &mut Vec<Diagnostic>) {
    let uncited = compiled.uncited_paragraphs();
    for paragraph in compiled.paragraphs.iter().filter(|p| p.number.is_some_and(|n| uncited.contains(&n))) {
        diagnostics.push(
            Diagnostic::in_article(
                format!("paragraph {} of the article is cited by no claim", paragraph.number.unwrap_or(0)),
                paragraph.range.clone(),
                "this paragraph",
            )
            .with_help(
                "cite it from a claim, or list it in `not_substantive` if it says nothing (a date line, credits)",
            ),
        );
    }
}

/// `see` is for overview claims only; it names section claims, and they cite every quote of the overview
/// claim pointing to them (so the short version rests on nothing the claims in full do not cite).
fn check_see(claims: &[ClaimRef<'_>], compiled: &mut Compiled, diagnostics: &mut Vec<Diagnostic>) {
    for (index, claim) in claims.iter().enumerate() {
        let id = claim.spec.id.get_ref();
        if let (Some(_), Some(first)) = (claim.section, claim.spec.see.first()) {
            diagnostics.push(
                Diagnostic::error(format!("claim `{id}` is in a section, so it has no `see`"), first.span(), "here")
                    .with_help("`see` links an overview claim to the section claims that tell it in full"),
            );
            continue;
        }
        if claim.spec.see.is_empty() {
            continue;
        }
        let mut targets = Vec::new();
        for see in &claim.spec.see {
            let in_sections = || compiled.claims.iter().enumerate().filter(|(_, c)| c.section.is_some());
            match in_sections().find(|(_, c)| c.id == *see.get_ref()) {
                Some((target, _)) => targets.push(target),
                None => {
                    let mut diagnostic = Diagnostic::error(
                        format!("no claim in a section has the id `{}`", see.get_ref()),
                        see.span(),
                        "unknown claim",
                    );
                    if let Some(near) = nearest(see.get_ref(), in_sections().map(|(_, c)| c.id.as_str())) {
                        diagnostic = diagnostic.with_help(format!("did you mean `{near}`?"));
                    }
                    diagnostics.push(diagnostic);
                }
            }
        }
        if targets.len() < claim.spec.see.len() {
            continue;
        }
        let cited_in_full = |anchor: &usize| targets.iter().any(|&t| compiled.claims[t].anchors.contains(anchor));
        if let Some(&missing) = compiled.claims[index].anchors.iter().find(|anchor| !cited_in_full(anchor)) {
            let names: Vec<String> = claim.spec.see.iter().map(|s| format!("`{}`", s.get_ref())).collect();
            diagnostics.push(
                Diagnostic::error(
                    format!(
                        "claim `{id}` cites words that {}, which it points to, {}",
                        names.join(" and "),
                        if names.len() == 1 { "does not" } else { "do not" }
                    ),
                    claim.spec.see[0].span(),
                    "the claims in full",
                )
                .with_article(compiled.anchors[missing].range.clone(), "cited by the overview claim only")
                .with_help("cite only words the claims in full cite, or add them to their quotes"),
            );
            continue;
        }
        compiled.claims[index].see = targets;
    }
}

/// A figure or an event: its claim exists and one of the claim's quotes holds its words.
fn glance_item(
    compiled: &Compiled,
    claim: &Spanned<String>,
    words: &Spanned<String>,
    text: &Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<GlanceItem> {
    let Some(claim_index) = compiled.claims.iter().position(|c| c.id == *claim.get_ref()) else {
        let mut diagnostic =
            Diagnostic::error(format!("no claim has the id `{}`", claim.get_ref()), claim.span(), "unknown claim");
        if let Some(near) = nearest(claim.get_ref(), compiled.claims.iter().map(|c| c.id.as_str())) {
            diagnostic = diagnostic.with_help(format!("did you mean `{near}`?"));
        }
        diagnostics.push(diagnostic);
        return None;
    };
    let anchor = compiled.claims[claim_index]
        .anchors
        .iter()
        .copied()
        .find(|&a| compiled.anchor_text(a).contains(words.get_ref().as_str()));
    match anchor {
        Some(anchor) => Some(GlanceItem {
            words: words.get_ref().clone(),
            text: text.get_ref().clone(),
            claim: claim_index,
            anchor,
        }),
        None => {
            let mut diagnostic = Diagnostic::error(
                format!("no quote of claim `{}` says {:?}", claim.get_ref(), words.get_ref()),
                words.span(),
                "not in the claim's quotes",
            );
            if let Some(&first) = compiled.claims[claim_index].anchors.first() {
                diagnostic = diagnostic.with_article(compiled.anchors[first].range.clone(), "the claim's first quote");
            }
            diagnostics.push(
                diagnostic.with_help("use the article's own words for it, as one of the claim's quotes has them"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_include_overlapping_ones() {
        assert_eq!(occurrences("ha ha ha said nobody.", "ha ha"), [0, 3]);
        assert_eq!(occurrences("\u{201c}a\u{201d} \u{201c}a\u{201d}", "\u{201c}a"), [0, 8]);
        assert_eq!(occurrences("abc", "d"), Vec::<usize>::new());
    }
}
