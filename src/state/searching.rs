//! The search as a transition: which claims and sections a query shows and hides, what it opens and marks,
//! and what clearing it restores.

use crate::prelude::*;

use crate::document::{ClaimIndex, Core};
use crate::route::Target;
use crate::search::{claim_matches, quotes_hit, Query};

use super::{set_open, set_quotes_open, Effect, Patch, Search, State};

/// Whether `search` hides `target`: a claim that does not match, or a section with no claim that does.
pub(super) fn hides(document: &Core, search: &Search, target: Target) -> bool {
    match target {
        Target::Claim(claim) => !search.matching[claim.0],
        Target::Section(section) => !document.section_claims[section].clone().any(|c| search.matching[c]),
        Target::Anchor(_) => false,
    }
}

/// Runs `query` (or clears the search, for `None`): claims and sections shown or hidden to match, sections
/// with matches opened, the words marked, the count said; clearing restores what was open before.
pub(super) fn search(state: &mut State, document: &Core, query: Option<Query>, typed: &str, effects: &mut Vec<Effect>) {
    let claims = document.claims.len();
    let previous = state.search.take();
    if query.is_none() && previous.is_none() {
        return;
    }
    // What was open before the first keystroke of this search: kept while it runs, restored when it ends.
    let open_before = previous.as_ref().map_or_else(|| state.open.clone(), |p| p.open_before.clone());
    let quotes_before = previous.as_ref().map_or_else(|| state.quotes_open.clone(), |p| p.quotes_before.clone());
    let was_searching = previous.is_some();
    let previous_query = previous.as_ref().map(|p| p.query.clone());
    let was_matching = previous.map_or_else(|| vec![true; claims], |p| p.matching);
    let shown: Vec<bool> = (0..claims).map(|c| state.shows_claim(document, ClaimIndex(c))).collect();
    let shown_claim = |claim: usize| shown[claim];
    let shows = |claim: ClaimIndex| shown[claim.0];
    let matching: Vec<bool> = match &query {
        None => vec![true; claims],
        Some(query) => {
            (0..claims).map(|c| shown_claim(c) && claim_matches(document, ClaimIndex(c), query, shows)).collect()
        }
    };
    for claim in (0..claims).filter(|&c| shown_claim(c)) {
        if matching[claim] != was_matching[claim] {
            effects.push(Patch::SetClaimVisible { claim: ClaimIndex(claim), visible: matching[claim] }.into());
        }
        // A claim shown has the query's words marked; a hidden one, none (unmarked as it hides, if it had marks).
        if matching[claim] {
            effects.push(Patch::Highlight { claim: ClaimIndex(claim), query: query.clone() }.into());
        } else if was_matching[claim] && was_searching {
            effects.push(Patch::Highlight { claim: ClaimIndex(claim), query: None }.into());
        }
        // While searching, a claim matched in its quotes shows them, so the marked words can be seen. Only a
        // change in that moves them: what the reader opened or closed meanwhile stays, until the search ends.
        let hit = |query: Option<&Query>, matching: &[bool]| {
            query.is_some_and(|query| matching[claim] && quotes_hit(document, ClaimIndex(claim), query, shows))
        };
        let (hit_now, hit_before) = (hit(query.as_ref(), &matching), hit(previous_query.as_ref(), &was_matching));
        if query.is_none() || hit_now != hit_before {
            set_quotes_open(state, ClaimIndex(claim), quotes_before[claim] || hit_now, effects);
        }
    }
    // A group of claims is visible while one of them matches; `Some` when that changed.
    let visibility = |claims: core::ops::Range<usize>| {
        let (visible, was_visible) = (claims.clone().any(|c| matching[c]), claims.clone().any(|c| was_matching[c]));
        (visible, (visible != was_visible).then_some(visible))
    };
    // How many of a section's claims match, while searching; `None` when not.
    let count = |matching: &[bool], searching: bool, section: usize| {
        searching.then(|| document.section_claims[section].clone().filter(|&c| matching[c]).count())
    };
    for section in state.shown.clone() {
        let (visible, changed) = visibility(document.section_claims[section].clone());
        if let Some(visible) = changed {
            effects.push(Patch::SetSectionVisible { section, visible }.into());
        }
        let matching_now = count(&matching, query.is_some(), section);
        if matching_now != count(&was_matching, was_searching, section) {
            let claims = document.section_claims[section].len();
            effects.push(Patch::SectionCount { section, claims, matching: matching_now }.into());
        }
        // While searching, what is open is what has matches (so "Show all" means what it says).
        let open = if query.is_some() { visible } else { open_before[section] };
        set_open(state, section, open, effects);
    }
    if let (true, (_, Some(visible))) = (state.overview, visibility(document.overview_claims.clone())) {
        effects.push(Patch::SetOverviewVisible(visible).into());
    }
    match query {
        None => effects.push(Patch::SearchCount { count: None, typed: String::new() }.into()),
        Some(query) => {
            let search = Search { typed: typed.to_string(), query, matching, open_before, quotes_before };
            effects.push(Patch::SearchCount { count: Some(search.matches()), typed: typed.to_string() }.into());
            state.search = Some(search);
        }
    }
}

impl Search {
    /// How many claims match (what the live region says).
    pub fn matches(&self) -> usize {
        self.matching.iter().filter(|&&m| m).count()
    }
}
