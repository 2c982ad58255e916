//! What the compiled content must link: every substantive paragraph cited, each short version's `see` a
//! claim in full that cites its words, each glance item found in its claim's quotes.

use toml::Spanned;

use crate::compiled::{Compiled, GlanceItem};
use crate::diagnostic::Diagnostic;

use super::{nearest, ClaimRef};

/// Every substantive paragraph is cited at least once.
pub(super) fn check_coverage(compiled: &Compiled, diagnostics: &mut Vec<Diagnostic>) {
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
pub(super) fn check_see(claims: &[ClaimRef<'_>], compiled: &mut Compiled, diagnostics: &mut Vec<Diagnostic>) {
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
pub(super) fn glance_item(
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
