//! The checks that make content trustworthy, and the resolution they allow: every quote found verbatim at
//! exactly one place inside one paragraph, no two quotes overlapping unless they are the same words, every
//! substantive paragraph cited, every id well formed and unique, every figure and time of the glance found in
//! its claim's quotes. What passes becomes a [`Compiled`].

use std::ops::Range;

use toml::Spanned;

use crate::compiled::{Claim, Compiled, Lead, Section, Speaker};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{ClaimSpec, EventSpec, Explainer, FigureSpec, QuoteSpec};

mod links;
mod quotes;

use links::{check_coverage, check_see, glance_item};
use quotes::{locate, merge_spans, split_paragraphs, Span};

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
    // The page's module reads an overview claim's quotes back from the article's way-back links, which come
    // in the article's order (`outline`), so the content lists them in that order too.
    for (claim, spec) in compiled_claims.iter().zip(&explainer.overview) {
        if let Some(at) = claim.anchors.windows(2).position(|pair| pair[0] > pair[1]) {
            let span = spec.quotes.get(at + 1).map_or_else(|| spec.id.span(), Spanned::span);
            diagnostics.push(
                Diagnostic::error(
                    format!("overview claim `{}` lists its quotes out of the article's order", spec.id.get_ref()),
                    span,
                    "the article has this one earlier",
                )
                .with_help("list an overview claim's quotes in the order the article has them"),
            );
        }
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

/// The candidate closest to `word`, if close enough to be a slip: the rules crate's one rule.
pub(crate) use summit_rules::nearest;
