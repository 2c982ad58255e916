//! The explainer's state and its one `update` function: messages in, state changed, effects out.
//!
//! The browser layer owns one [`State`], turns DOM events into [`Msg`]s, and applies the [`Effect`]s that
//! [`update`] returns. Nothing else changes the state, so every transition is testable natively.

use crate::document::{AnchorIndex, ClaimIndex, Document, Place};
use crate::route::Target;
use crate::search::{claim_matches, quotes_hit, Query};
use crate::ui::Theme;

/// Which sections are shown and open, and which place is marked as the reader's current target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The sections shown, by index into the document's sections, in display order (an embed may pick some).
    pub shown: Vec<usize>,
    /// One flag per section of the document, by index.
    pub open: Vec<bool>,
    /// The place last navigated to (a quote, a claim or a section), shown marked.
    pub current: Option<Target>,
    /// The search in progress, if any.
    pub search: Option<Search>,
    /// One flag per claim of the document: whether its quotes are shown (they are on demand; its row of
    /// paragraph links is always there).
    pub quotes_open: Vec<bool>,
}

/// A search in progress: the query, which claims match it, and what was open before it began (restored when
/// it is cleared).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// The query.
    pub query: Query,
    /// One flag per claim of the document: whether it matches (claims of sections not shown never do).
    pub matching: Vec<bool>,
    /// `State::open` when the search began.
    pub open_before: Vec<bool>,
    /// `State::quotes_open` when the search began.
    pub quotes_before: Vec<bool>,
}

/// Something that happened: a click, a key, a URL change, the browser revealing hidden text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// The reader pressed a section's header.
    Toggle(usize),
    /// Open or close a section (from the host, or because the browser revealed it for find-in-page).
    SetOpen(usize, bool),
    /// Follow a link or fragment to a place: open what hides it, mark it, bring it into view.
    Navigate(Target),
    /// The reader followed a claim's citation to its quote in the article: [`Msg::Navigate`] to the quote,
    /// remembering which claim it was cited from.
    Cite(ClaimIndex, AnchorIndex),
    /// The reader went Back from a quote they had followed from this claim's citation: back to the claim,
    /// focus on the citation they followed (the browser restores where the page was scrolled).
    Return(ClaimIndex, AnchorIndex),
    /// A navigation key on the header of a section (by document index): move focus between shown headers.
    HeaderKey(usize, HeaderKey),
    /// The "Show all sections" / "Hide all sections" control: open every shown section unless all are open,
    /// in which case close them all.
    ToggleAll,
    /// The search box now holds this text; empty (or only spaces) clears the search.
    Search(String),
    /// Show a claim's quotes, or hide them.
    ToggleQuotes(ClaimIndex),
    /// Show a claim's quotes (the browser revealed them for find-in-page).
    RevealQuotes(ClaimIndex),
    /// The reader chose a colour scheme.
    ChooseTheme(Theme),
}

/// The keys that move between section headers (WAI-ARIA accordion pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKey {
    /// ArrowDown: the next header, wrapping to the first.
    Next,
    /// ArrowUp: the previous header, wrapping to the last.
    Previous,
    /// Home: the first header.
    First,
    /// End: the last header.
    Last,
}

impl HeaderKey {
    /// The key for a `KeyboardEvent.key` value, if it is one of ours.
    pub fn from_key(key: &str) -> Option<HeaderKey> {
        match key {
            "ArrowDown" => Some(HeaderKey::Next),
            "ArrowUp" => Some(HeaderKey::Previous),
            "Home" => Some(HeaderKey::First),
            "End" => Some(HeaderKey::Last),
            _ => None,
        }
    }
}

/// What the browser layer must do to the page after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant's doc says what its fields hold.
pub enum Effect {
    /// Show a section as open or closed (its header's `aria-expanded` and its panel's `hidden`).
    SetExpanded { section: usize, open: bool },
    /// Remove the mark from a place.
    Unmark(Target),
    /// Mark a place as the current target.
    Mark(Target),
    /// Scroll a place into view and move keyboard focus to it.
    Reveal(Target),
    /// Move keyboard focus to a section's header.
    FocusHeader(usize),
    /// Move keyboard focus to a claim's citation of a quote.
    FocusCitation { claim: ClaimIndex, anchor: AnchorIndex },
    /// Tell the host that a quote was opened, and from which claim (the first citing it, when the reader
    /// came from elsewhere than a citation).
    QuoteOpened { claim: ClaimIndex, anchor: AnchorIndex },
    /// Every shown section is now open (`true`) or no longer all open: the show-all control follows.
    AllOpen(bool),
    /// Show or hide a claim (a search filters them).
    SetClaimVisible { claim: ClaimIndex, visible: bool },
    /// Show or hide a whole section (a search hides those without a match).
    SetSectionVisible { section: usize, visible: bool },
    /// Say on a section's header how many of its claims the search shows (`None`: no search, all of them).
    SectionCount { section: usize, matching: Option<usize> },
    /// Show or hide the overview (a search hides it when none of its claims match).
    SetOverviewVisible(bool),
    /// Mark the current query's words in a claim again (or unmark them, with no search).
    Highlight(ClaimIndex),
    /// Say how many claims match (`None`: the search was cleared).
    SearchCount(Option<usize>),
    /// Show a claim's quotes, or hide them (its toggle's `aria-expanded` and the list's `hidden`, together).
    SetQuotesOpen { claim: ClaimIndex, open: bool },
    /// Show the explainer in this colour scheme (and remember it, where the page remembers things).
    ApplyTheme(Theme),
}

impl State {
    /// Every section shown, in the document's order, and closed; nothing marked.
    pub fn closed(document: &Document) -> State {
        State {
            shown: (0..document.sections.len()).collect(),
            open: vec![false; document.sections.len()],
            current: None,
            search: None,
            quotes_open: vec![false; document.claims.len()],
        }
    }

    /// Whether every shown section is open (what the show-all control says).
    pub fn all_open(&self) -> bool {
        self.shown.iter().all(|&section| self.open[section])
    }
}

/// Applies `msg` to `state` and says what must change on the page. Messages naming sections that do not exist
/// or are not shown change nothing.
pub fn update(state: &mut State, document: &Document, msg: Msg) -> Vec<Effect> {
    let all_open = state.all_open();
    let mut effects = step(state, document, msg);
    if state.all_open() != all_open {
        effects.push(Effect::AllOpen(!all_open));
    }
    effects
}

fn step(state: &mut State, document: &Document, msg: Msg) -> Vec<Effect> {
    let mut effects = Vec::new();
    match msg {
        Msg::Toggle(section) => {
            if let Some(&open) = state.open.get(section) {
                set_open(state, section, !open, &mut effects);
            }
        }
        Msg::SetOpen(section, open) => set_open(state, section, open, &mut effects),
        Msg::Cite(claim, anchor) => {
            effects = step(state, document, Msg::Navigate(Target::Anchor(anchor)));
            if let Some(Effect::QuoteOpened { claim: cited_from, .. }) = effects.last_mut() {
                *cited_from = claim;
            }
        }
        Msg::Navigate(target) => {
            if !mark(state, document, target, &mut effects) {
                return effects;
            }
            effects.push(Effect::Reveal(target));
            if let Target::Anchor(anchor) = target {
                let claim = document.anchors[anchor.0].cited_by[0].claim;
                effects.push(Effect::QuoteOpened { claim, anchor });
            }
        }
        Msg::Return(claim, anchor) => {
            if document.claim(claim).anchors.contains(&anchor)
                && mark(state, document, Target::Claim(claim), &mut effects)
            {
                effects.push(Effect::FocusCitation { claim, anchor });
            }
        }
        Msg::HeaderKey(from, key) => {
            let count = state.shown.len();
            if let Some(position) = state.shown.iter().position(|&section| section == from) {
                let to = match key {
                    HeaderKey::Next => (position + 1) % count,
                    HeaderKey::Previous => (position + count - 1) % count,
                    HeaderKey::First => 0,
                    HeaderKey::Last => count - 1,
                };
                effects.push(Effect::FocusHeader(state.shown[to]));
            }
        }
        Msg::Search(input) => search(state, document, Query::parse(&input), &mut effects),
        Msg::ToggleQuotes(claim) => {
            if let Some(&open) = state.quotes_open.get(claim.0) {
                set_quotes_open(state, claim, !open, &mut effects);
            }
        }
        Msg::RevealQuotes(claim) => set_quotes_open(state, claim, true, &mut effects),
        Msg::ChooseTheme(theme) => effects.push(Effect::ApplyTheme(theme)),
        Msg::ToggleAll => {
            let open = !state.all_open();
            for section in state.shown.clone() {
                set_open(state, section, open, &mut effects);
            }
        }
    }
    effects
}

/// Makes `target` the current place: ends a search that hides it, opens its section, moves the mark to it.
/// `false` (and nothing done) when the target is in a section this instance does not show.
fn mark(state: &mut State, document: &Document, target: Target, effects: &mut Vec<Effect>) -> bool {
    if let Some(section) = target.section(document) {
        if !state.shown.contains(&section) {
            return false;
        }
    }
    // A link to a place the search is hiding ends the search: the reader asked to see it.
    if state.search.as_ref().is_some_and(|search| hides(document, search, target)) {
        let cleared = step(state, document, Msg::Search(String::new()));
        effects.extend(cleared);
    }
    if let Some(section) = target.section(document) {
        set_open(state, section, true, effects);
    }
    if let Some(previous) = state.current.replace(target) {
        if previous != target {
            effects.push(Effect::Unmark(previous));
        }
    }
    effects.push(Effect::Mark(target));
    true
}

/// Whether `search` hides `target`: a claim that does not match, or a section with no claim that does.
fn hides(document: &Document, search: &Search, target: Target) -> bool {
    match target {
        Target::Claim(claim) => !search.matching[claim.0],
        Target::Section(section) => !document.section_claims[section].clone().any(|c| search.matching[c]),
        Target::Anchor(_) => false,
    }
}

/// Runs `query` (or clears the search, for `None`): claims and sections shown or hidden to match, sections
/// with matches opened, the words marked, the count said; clearing restores what was open before.
fn search(state: &mut State, document: &Document, query: Option<Query>, effects: &mut Vec<Effect>) {
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
    let shown = state.shown.clone();
    let shown_claim = |claim: usize| match document.claims[claim].place {
        Place::Overview => true,
        Place::Section(section) => shown.contains(&section),
    };
    let matching: Vec<bool> = match &query {
        None => vec![true; claims],
        Some(query) => (0..claims).map(|c| shown_claim(c) && claim_matches(document, ClaimIndex(c), query)).collect(),
    };
    for claim in (0..claims).filter(|&c| shown_claim(c)) {
        if matching[claim] != was_matching[claim] {
            effects.push(Effect::SetClaimVisible { claim: ClaimIndex(claim), visible: matching[claim] });
        }
        if matching[claim] || was_matching[claim] {
            effects.push(Effect::Highlight(ClaimIndex(claim)));
        }
        // While searching, a claim matched in its quotes shows them, so the marked words can be seen. Only a
        // change in that moves them: what the reader opened or closed meanwhile stays, until the search ends.
        let hit = |query: Option<&Query>, matching: &[bool]| {
            query.is_some_and(|query| matching[claim] && quotes_hit(document, ClaimIndex(claim), query))
        };
        let (hit_now, hit_before) = (hit(query.as_ref(), &matching), hit(previous_query.as_ref(), &was_matching));
        if query.is_none() || hit_now != hit_before {
            set_quotes_open(state, ClaimIndex(claim), quotes_before[claim] || hit_now, effects);
        }
    }
    // A group of claims is visible while one of them matches; `Some` when that changed.
    let visibility = |claims: std::ops::Range<usize>| {
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
            effects.push(Effect::SetSectionVisible { section, visible });
        }
        let matching_now = count(&matching, query.is_some(), section);
        if matching_now != count(&was_matching, was_searching, section) {
            effects.push(Effect::SectionCount { section, matching: matching_now });
        }
        // While searching, what is open is what has matches (so "Show all" means what it says).
        let open = if query.is_some() { visible } else { open_before[section] };
        set_open(state, section, open, effects);
    }
    if let (_, Some(visible)) = visibility(document.overview_claims.clone()) {
        effects.push(Effect::SetOverviewVisible(visible));
    }
    match query {
        None => effects.push(Effect::SearchCount(None)),
        Some(query) => {
            let count = matching.iter().filter(|&&m| m).count();
            state.search = Some(Search { query, matching, open_before, quotes_before });
            effects.push(Effect::SearchCount(Some(count)));
        }
    }
}

fn set_quotes_open(state: &mut State, claim: ClaimIndex, open: bool, effects: &mut Vec<Effect>) {
    if let Some(flag) = state.quotes_open.get_mut(claim.0) {
        if *flag != open {
            *flag = open;
            effects.push(Effect::SetQuotesOpen { claim, open });
        }
    }
}

fn set_open(state: &mut State, section: usize, open: bool, effects: &mut Vec<Effect>) {
    if !state.shown.contains(&section) {
        return;
    }
    if let Some(flag) = state.open.get_mut(section) {
        if *flag != open {
            *flag = open;
            effects.push(Effect::SetExpanded { section, open });
        }
    }
}

impl Effect {
    /// The effect's name, for messages (the browser build carries no `Debug` formatting).
    pub fn name(self) -> &'static str {
        match self {
            Effect::SetExpanded { .. } => "SetExpanded",
            Effect::Unmark(_) => "Unmark",
            Effect::Mark(_) => "Mark",
            Effect::Reveal(_) => "Reveal",
            Effect::FocusHeader(_) => "FocusHeader",
            Effect::FocusCitation { .. } => "FocusCitation",
            Effect::QuoteOpened { .. } => "QuoteOpened",
            Effect::AllOpen(_) => "AllOpen",
            Effect::SetClaimVisible { .. } => "SetClaimVisible",
            Effect::SetSectionVisible { .. } => "SetSectionVisible",
            Effect::SectionCount { .. } => "SectionCount",
            Effect::SetOverviewVisible(_) => "SetOverviewVisible",
            Effect::Highlight(_) => "Highlight",
            Effect::SearchCount(_) => "SearchCount",
            Effect::SetQuotesOpen { .. } => "SetQuotesOpen",
            Effect::ApplyTheme(_) => "ApplyTheme",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// The engine's test explainer: sections `talks` (0: claims 1 to 3) and `rivers` (1: claims 4 and 5), and
    /// the overview claim `met` (0). Each anchor is cited first by the claim of the same index; anchor 0 ("The
    /// leaders met.") is also cited by `agree` (claim 1).
    fn fixture() -> &'static Document {
        Document::fixture()
    }

    /// Runs `msgs` on the fixture from the closed state and prints each message's effects, then the final state.
    fn check(msgs: &[Msg], expected: Expect) {
        let document = fixture();
        let mut state = State::closed(document);
        let mut log = String::new();
        for msg in msgs {
            let effects = update(&mut state, document, msg.clone());
            log.push_str(&format!("{msg:?} -> {effects:?}\n"));
        }
        log.push_str(&format!("open: {:?}\ncurrent: {:?}\n", state.open, state.current));
        expected.assert_eq(&log);
    }

    #[test]
    fn toggling_opens_and_closes_one_section() {
        check(
            &[Msg::Toggle(1), Msg::Toggle(0), Msg::Toggle(1)],
            expect![[r#"
                Toggle(1) -> [SetExpanded { section: 1, open: true }]
                Toggle(0) -> [SetExpanded { section: 0, open: true }, AllOpen(true)]
                Toggle(1) -> [SetExpanded { section: 1, open: false }, AllOpen(false)]
                open: [true, false]
                current: None
            "#]],
        );
    }

    #[test]
    fn setting_a_section_to_its_current_state_changes_nothing() {
        check(
            &[
                Msg::SetOpen(1, true),
                Msg::SetOpen(1, true),
                Msg::SetOpen(0, false),
                Msg::SetOpen(99, true),
                Msg::Toggle(99),
            ],
            expect![[r#"
                SetOpen(1, true) -> [SetExpanded { section: 1, open: true }]
                SetOpen(1, true) -> []
                SetOpen(0, false) -> []
                SetOpen(99, true) -> []
                Toggle(99) -> []
                open: [false, true]
                current: None
            "#]],
        );
    }

    #[test]
    fn navigating_to_a_claim_opens_its_section_and_moves_the_mark() {
        let document = fixture();
        assert_eq!(Target::Claim(ClaimIndex(4)).fragment(document), "rivers/high-water");
        assert_eq!(Target::Claim(ClaimIndex(0)).fragment(document), "overview/met");
        assert_eq!(Target::Anchor(AnchorIndex(1)).fragment(document), "q-agree-1");
        check(
            &[
                Msg::Navigate(Target::Anchor(AnchorIndex(1))),
                Msg::Navigate(Target::Claim(ClaimIndex(4))),
                Msg::Navigate(Target::Claim(ClaimIndex(4))),
                Msg::Navigate(Target::Claim(ClaimIndex(0))),
                Msg::Navigate(Target::Section(0)),
            ],
            expect![[r#"
                Navigate(Anchor(AnchorIndex(1))) -> [Mark(Anchor(AnchorIndex(1))), Reveal(Anchor(AnchorIndex(1))), QuoteOpened { claim: ClaimIndex(1), anchor: AnchorIndex(1) }]
                Navigate(Claim(ClaimIndex(4))) -> [SetExpanded { section: 1, open: true }, Unmark(Anchor(AnchorIndex(1))), Mark(Claim(ClaimIndex(4))), Reveal(Claim(ClaimIndex(4)))]
                Navigate(Claim(ClaimIndex(4))) -> [Mark(Claim(ClaimIndex(4))), Reveal(Claim(ClaimIndex(4)))]
                Navigate(Claim(ClaimIndex(0))) -> [Unmark(Claim(ClaimIndex(4))), Mark(Claim(ClaimIndex(0))), Reveal(Claim(ClaimIndex(0)))]
                Navigate(Section(0)) -> [SetExpanded { section: 0, open: true }, Unmark(Claim(ClaimIndex(0))), Mark(Section(0)), Reveal(Section(0)), AllOpen(true)]
                open: [true, true]
                current: Some(Section(0))
            "#]],
        );
    }

    #[test]
    fn opening_a_quote_says_from_which_claim() {
        let document = fixture();
        // "The leaders met.": cited by the overview's `met`, then by `agree`.
        let shared = AnchorIndex(0);
        let citing: Vec<ClaimIndex> = document.anchors[shared.0].cited_by.iter().map(|c| c.claim).collect();
        assert_eq!(citing, [ClaimIndex(0), ClaimIndex(1)]);
        let (first, second) = (citing[0], citing[1]);
        assert_eq!((document.claim(first).claim.id, document.claim(second).claim.id), ("met", "agree"));
        // The claim a citation was followed from is reported as given; from elsewhere, the first citing claim.
        let mut state = State::closed(document);
        let opened = |effects: Vec<Effect>| {
            effects.into_iter().filter(|e| matches!(e, Effect::QuoteOpened { .. })).collect::<Vec<_>>()
        };
        assert_eq!(
            opened(update(&mut state, document, Msg::Cite(second, shared))),
            [Effect::QuoteOpened { claim: second, anchor: shared }]
        );
        assert_eq!(
            opened(update(&mut state, document, Msg::Navigate(Target::Anchor(shared)))),
            [Effect::QuoteOpened { claim: first, anchor: shared }]
        );
        assert_eq!(opened(update(&mut state, document, Msg::Navigate(Target::Claim(first)))), []);
    }

    #[test]
    fn sections_an_embed_does_not_show_cannot_be_opened_or_navigated_to() {
        let document = fixture();
        let mut state = State { shown: vec![1], ..State::closed(document) };
        let claim_in_0 = ClaimIndex(document.section_claims[0].start);
        assert_eq!(document.claim(claim_in_0).claim.id, "agree");
        for msg in [
            Msg::Toggle(0),
            Msg::SetOpen(0, true),
            Msg::Navigate(Target::Section(0)),
            Msg::Navigate(Target::Claim(claim_in_0)),
        ] {
            assert_eq!(update(&mut state, document, msg.clone()), [], "{msg:?}");
        }
        assert_eq!(state, State { shown: vec![1], ..State::closed(document) });
        assert_eq!(
            update(&mut state, document, Msg::Toggle(1)),
            [Effect::SetExpanded { section: 1, open: true }, Effect::AllOpen(true)],
            "the one section shown is all of them"
        );
    }

    #[test]
    fn show_all_opens_what_is_closed_then_hides_everything() {
        let document = fixture();
        // Both sections shown, `rivers` first.
        let mut state = State { shown: vec![1, 0], ..State::closed(document) };
        assert!(!state.all_open());
        update(&mut state, document, Msg::Toggle(1));
        let effects = update(&mut state, document, Msg::ToggleAll);
        assert_eq!(
            effects,
            [Effect::SetExpanded { section: 0, open: true }, Effect::AllOpen(true)],
            "only the closed ones change"
        );
        assert_eq!(
            update(&mut state, document, Msg::Toggle(0)),
            [Effect::SetExpanded { section: 0, open: false }, Effect::AllOpen(false)]
        );
        assert_eq!(
            update(&mut state, document, Msg::Toggle(0)),
            [Effect::SetExpanded { section: 0, open: true }, Effect::AllOpen(true)]
        );
        let effects = update(&mut state, document, Msg::ToggleAll);
        assert_eq!(
            effects,
            [
                Effect::SetExpanded { section: 1, open: false },
                Effect::SetExpanded { section: 0, open: false },
                Effect::AllOpen(false)
            ],
            "in display order"
        );
        assert!(state.open.iter().all(|&open| !open));

        // Only `rivers` shown: `talks` is left alone.
        let mut state = State { shown: vec![1], ..State::closed(document) };
        let effects = update(&mut state, document, Msg::ToggleAll);
        assert_eq!(
            effects,
            [Effect::SetExpanded { section: 1, open: true }, Effect::AllOpen(true)],
            "sections not shown are left alone"
        );
        assert_eq!(state.open, [false, true]);
        let effects = update(&mut state, document, Msg::ToggleAll);
        assert_eq!(effects, [Effect::SetExpanded { section: 1, open: false }, Effect::AllOpen(false)]);
        assert!(state.open.iter().all(|&open| !open));
    }

    #[test]
    fn a_search_filters_opens_and_counts_and_clearing_it_restores_what_was_open() {
        let document = fixture();
        let talks = document.section_index("talks").unwrap();
        let rivers = document.section_index("rivers").unwrap();
        let mut state = State::closed(document);
        update(&mut state, document, Msg::Toggle(rivers));
        let effects = update(&mut state, document, Msg::Search("  Leaders ".into()));
        let count = |effects: &[Effect]| {
            effects.iter().find_map(|e| match e {
                Effect::SearchCount(count) => Some(*count),
                _ => None,
            })
        };
        // `met` says it; `agree` cites it.
        let leaders_claims: Vec<&str> = (0..document.claims.len())
            .filter(|&c| claim_matches(document, ClaimIndex(c), &Query::parse("leaders").unwrap()))
            .map(|c| document.claims[c].claim.id)
            .collect();
        assert_eq!(leaders_claims, ["met", "agree"]);
        assert_eq!(count(&effects), Some(Some(leaders_claims.len())));
        assert!(state.open[talks], "a section with a match opens");
        assert!(!state.open[rivers], "one without closes");
        assert!(
            effects.contains(&Effect::SetSectionVisible { section: rivers, visible: false }),
            "one without is hidden"
        );
        let hidden_claims =
            effects.iter().filter(|e| matches!(e, Effect::SetClaimVisible { visible: false, .. })).count();
        assert_eq!(hidden_claims, document.claims.len() - leaders_claims.len());
        let counts = |effects: &[Effect]| -> Vec<(usize, Option<usize>)> {
            effects
                .iter()
                .filter_map(|e| match *e {
                    Effect::SectionCount { section, matching } => Some((section, matching)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            counts(&effects),
            [(talks, Some(1)), (rivers, Some(0))],
            "each header says how many of its claims match"
        );

        // Typing on narrows from the last results; nothing already hidden is hidden twice.
        let effects = update(&mut state, document, Msg::Search("leaders Biden".into()));
        assert_eq!(count(&effects), Some(Some(1)));
        assert_eq!(counts(&effects), [], "the sections' counts did not change");
        assert!(effects.iter().all(|e| !matches!(e, Effect::SetClaimVisible { visible: true, .. })));
        assert!(effects.contains(&Effect::SetOverviewVisible(false)), "the overview's `met` no longer matches");

        let effects = update(&mut state, document, Msg::Search(String::new()));
        assert_eq!(count(&effects), Some(None));
        assert_eq!(counts(&effects), [(talks, None), (rivers, None)], "cleared, the headers count all claims again");
        assert_eq!(state.search, None);
        let mut expected_open = vec![false; document.sections.len()];
        expected_open[rivers] = true;
        assert_eq!(state.open, expected_open, "what was open before the search is open again, and only that");
        let shown_again = effects.iter().filter(|e| matches!(e, Effect::SetClaimVisible { visible: true, .. })).count();
        assert_eq!(shown_again, document.claims.len() - 1);
        assert_eq!(update(&mut state, document, Msg::Search(" ".into())), [], "clearing twice does nothing");
    }

    #[test]
    fn quotes_show_on_demand_for_find_in_page_and_for_a_search_that_matched_them() {
        let document = fixture();
        let talks = document.section_index("talks").unwrap();
        let agree = document.claim_at(Place::Section(talks), "agree").unwrap();
        let ran_late = document.claim_at(Place::Section(talks), "ran-late").unwrap();
        let mut state = State::closed(document);
        assert!(state.quotes_open.iter().all(|&open| !open), "quotes start hidden");
        assert_eq!(
            update(&mut state, document, Msg::ToggleQuotes(agree)),
            [Effect::SetQuotesOpen { claim: agree, open: true }]
        );
        assert_eq!(update(&mut state, document, Msg::RevealQuotes(agree)), [], "already shown");
        assert_eq!(
            update(&mut state, document, Msg::ToggleQuotes(agree)),
            [Effect::SetQuotesOpen { claim: agree, open: false }]
        );
        assert_eq!(
            update(&mut state, document, Msg::RevealQuotes(ran_late)),
            [Effect::SetQuotesOpen { claim: ran_late, open: true }]
        );

        // "agree" occurs in `agree`'s quote: its quotes show while the search runs, so the marked words can be
        // seen; `ran-late`'s were shown before and stay; clearing restores what was shown before.
        let quotes = |effects: &[Effect]| -> Vec<(ClaimIndex, bool)> {
            effects
                .iter()
                .filter_map(|e| match *e {
                    Effect::SetQuotesOpen { claim, open } => Some((claim, open)),
                    _ => None,
                })
                .collect()
        };
        let effects = update(&mut state, document, Msg::Search("agree".into()));
        assert_eq!(quotes(&effects), [(agree, true)]);
        // The reader closes them; typing on, with the same claims matched in their quotes, leaves them closed.
        update(&mut state, document, Msg::ToggleQuotes(agree));
        assert_eq!(quotes(&update(&mut state, document, Msg::Search("agree ".into()))), []);
        assert!(!state.quotes_open[agree.0]);
        update(&mut state, document, Msg::ToggleQuotes(agree));
        let effects = update(&mut state, document, Msg::Search(String::new()));
        assert_eq!(quotes(&effects), [(agree, false)], "the end of the search restores what was shown before it");
        assert!(state.quotes_open[ran_late.0], "shown before the search, shown after");

        // "leaders" is in the words `met` (a short version, with no quotes of its own to show) and `agree` cite:
        // `agree` shows them, `met` matches on its statement and shows nothing.
        let met = document.claim_at(Place::Overview, "met").unwrap();
        let effects = update(&mut state, document, Msg::Search("leaders".into()));
        assert_eq!(quotes(&effects), [(agree, true)]);
        assert!(effects.contains(&Effect::Highlight(met)), "the short version matches on its statement");
        assert!(!crate::search::quotes_hit(document, met, &crate::search::Query::parse("leaders").unwrap()));
    }

    #[test]
    fn back_from_a_quote_returns_focus_to_the_citation_followed() {
        let document = fixture();
        let talks = document.section_index("talks").unwrap();
        let agree = document.claim_at(Place::Section(talks), "agree").unwrap();
        let (first, second) = (document.claim(agree).anchors[0], document.claim(agree).anchors[1]);
        let mut state = State::closed(document);
        update(&mut state, document, Msg::Toggle(talks));
        update(&mut state, document, Msg::Cite(agree, second));
        update(&mut state, document, Msg::Toggle(talks)); // The reader closed the section meanwhile.
        let effects = update(&mut state, document, Msg::Return(agree, second));
        assert_eq!(
            effects,
            [
                Effect::SetExpanded { section: talks, open: true },
                Effect::Unmark(Target::Anchor(second)),
                Effect::Mark(Target::Claim(agree)),
                Effect::FocusCitation { claim: agree, anchor: second },
            ],
            "the section opens again so the citation can take focus; the mark moves back to the claim"
        );
        assert_eq!(state.current, Some(Target::Claim(agree)));
        assert!(!effects.iter().any(|e| matches!(e, Effect::Reveal(_))), "the browser restores the scroll position");

        // A return that names a quote the claim does not cite (a forged history entry) does nothing.
        let elsewhere =
            (0..document.anchors.len()).map(AnchorIndex).find(|a| !document.claim(agree).anchors.contains(a));
        assert_eq!(update(&mut state, document, Msg::Return(agree, elsewhere.unwrap())), []);
        // One hidden by a search ends the search first.
        update(&mut state, document, Msg::Search("rivers".into()));
        let effects = update(&mut state, document, Msg::Return(agree, first));
        assert!(effects.contains(&Effect::SearchCount(None)));
        assert_eq!(effects.last(), Some(&Effect::FocusCitation { claim: agree, anchor: first }));
    }

    #[test]
    fn following_a_link_to_a_claim_the_search_hides_ends_the_search() {
        let document = fixture();
        let mut state = State::closed(document);
        update(&mut state, document, Msg::Search("leaders".into()));
        let hidden =
            (0..document.claims.len()).map(ClaimIndex).find(|c| !state.search.as_ref().unwrap().matching[c.0]).unwrap();
        assert_eq!(document.claim(hidden).claim.id, "ran-late");
        let effects = update(&mut state, document, Msg::Navigate(Target::Claim(hidden)));
        assert!(effects.contains(&Effect::SearchCount(None)));
        assert!(effects.contains(&Effect::Mark(Target::Claim(hidden))));
        assert_eq!(state.search, None);
    }

    #[test]
    fn header_keys_move_between_headers_and_wrap() {
        check(
            &[
                Msg::HeaderKey(0, HeaderKey::Next),
                Msg::HeaderKey(1, HeaderKey::Next),
                Msg::HeaderKey(0, HeaderKey::Previous),
                Msg::HeaderKey(1, HeaderKey::Previous),
                Msg::HeaderKey(1, HeaderKey::First),
                Msg::HeaderKey(0, HeaderKey::Last),
                Msg::HeaderKey(0, HeaderKey::First),
                Msg::HeaderKey(1, HeaderKey::Last),
                Msg::HeaderKey(2, HeaderKey::Next),
            ],
            expect![[r#"
                HeaderKey(0, Next) -> [FocusHeader(1)]
                HeaderKey(1, Next) -> [FocusHeader(0)]
                HeaderKey(0, Previous) -> [FocusHeader(1)]
                HeaderKey(1, Previous) -> [FocusHeader(0)]
                HeaderKey(1, First) -> [FocusHeader(0)]
                HeaderKey(0, Last) -> [FocusHeader(1)]
                HeaderKey(0, First) -> [FocusHeader(0)]
                HeaderKey(1, Last) -> [FocusHeader(1)]
                HeaderKey(2, Next) -> []
                open: [false, false]
                current: None
            "#]],
        );
    }

    #[test]
    fn header_keys_follow_the_display_order_of_the_shown_sections() {
        let document = fixture();
        let mut state = State { shown: vec![1, 0], ..State::closed(document) };
        let moves = [
            (1, HeaderKey::Next),
            (0, HeaderKey::Next),
            (1, HeaderKey::Previous),
            (0, HeaderKey::First),
            (1, HeaderKey::Last),
        ];
        let effects: Vec<_> =
            moves.iter().map(|&(from, key)| update(&mut state, document, Msg::HeaderKey(from, key))).collect();
        assert_eq!(
            effects,
            [
                vec![Effect::FocusHeader(0)],
                vec![Effect::FocusHeader(1)],
                vec![Effect::FocusHeader(0)],
                vec![Effect::FocusHeader(1)],
                vec![Effect::FocusHeader(0)]
            ]
        );
        let mut state = State { shown: vec![1], ..State::closed(document) };
        assert_eq!(
            update(&mut state, document, Msg::HeaderKey(0, HeaderKey::Next)),
            [],
            "a header not shown moves nothing"
        );
        assert_eq!(update(&mut state, document, Msg::HeaderKey(1, HeaderKey::Next)), [Effect::FocusHeader(1)]);
    }

    #[test]
    fn only_navigation_keys_are_ours() {
        let keys = ["ArrowDown", "ArrowUp", "Home", "End", "Enter", " ", "Tab", "arrowdown"];
        let parsed: Vec<_> = keys.iter().map(|k| HeaderKey::from_key(k)).collect();
        assert_eq!(
            parsed,
            [
                Some(HeaderKey::Next),
                Some(HeaderKey::Previous),
                Some(HeaderKey::First),
                Some(HeaderKey::Last),
                None,
                None,
                None,
                None
            ]
        );
    }
}
