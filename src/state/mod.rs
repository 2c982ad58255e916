//! The explainer's state and its one `update` function: messages in, state changed, effects out.
//!
//! The browser layer owns one [`State`], turns DOM events into [`Msg`]s, and applies the [`Effect`]s that
//! [`update`] returns. Nothing else changes the state, so every transition is testable natively.

use crate::prelude::*;

use crate::document::{AnchorIndex, ClaimIndex, Core, Place};
use crate::route::Target;
use crate::search::Query;
use crate::storage::format_open;
use crate::ui::Theme;

mod searching;
#[cfg(test)]
mod tests;

use searching::{hides, search};

/// Which sections are shown and open, and which place is marked as the reader's current target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The sections shown, by index into the document's sections, in display order (an embed may pick some).
    pub shown: Vec<usize>,
    /// Whether the overview is shown (an embed may leave it out).
    pub overview: bool,
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

/// A search in progress: what was typed, the query, which claims match it, and what was open before it began
/// (restored when it is cleared).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// What the reader typed, without the spaces around it (the no-match message quotes it).
    pub typed: String,
    /// The query.
    pub query: Query,
    /// One flag per claim of the document: whether it matches (claims this instance does not show never do).
    pub matching: Vec<bool>,
    /// `State::open` when the search began.
    pub open_before: Vec<bool>,
    /// `State::quotes_open` when the search began.
    pub quotes_before: Vec<bool>,
}

/// Something that happened: a click, a key, a URL change, the browser revealing hidden text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant's doc says what its fields hold.
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
    /// The reader cleared the search (its button, or Escape in the box): the box is emptied and keeps focus.
    ClearSearch,
    /// Show a claim's quotes, or hide them.
    ToggleQuotes(ClaimIndex),
    /// Show a claim's quotes (the browser revealed them for find-in-page).
    RevealQuotes(ClaimIndex),
    /// The reader chose a colour scheme.
    ChooseTheme(Theme),
    /// The reader followed a link in the explainer to a place it shows, from a claim (a citation) or not:
    /// a history entry for it, then [`Msg::Cite`] or [`Msg::Navigate`].
    Follow { target: Target, from: Option<ClaimIndex> },
    /// The reader asked for a claim's address ("Copy link").
    CopyLink(ClaimIndex),
    /// The claim's address is on the clipboard.
    LinkCopied(ClaimIndex),
    /// The clipboard refused the claim's address, `url`.
    CopyRefused { claim: ClaimIndex, url: String },
    /// The page is being left or hidden: a moment to remember what is open.
    PageHidden,
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

/// What the browser layer must do after an update: change the page ([`Patch`]) or reach outside it
/// ([`Command`]), in this order (a link's new history entry is made before the page moves).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A change to the explainer's markup.
    Patch(Patch),
    /// Something done outside the markup: the URL, storage, the clipboard, the host.
    Command(Command),
}

/// A change to the explainer's markup, carrying what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant's doc says what its fields hold.
pub enum Patch {
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
    /// Every shown section is now open (`true`) or no longer all open: the show-all control follows.
    AllOpen(bool),
    /// Show or hide a claim (a search filters them).
    SetClaimVisible { claim: ClaimIndex, visible: bool },
    /// Show or hide a whole section (a search hides those without a match).
    SetSectionVisible { section: usize, visible: bool },
    /// Say on a section's header how many of its `claims` the search shows (`None`: no search, all of them).
    SectionCount { section: usize, claims: usize, matching: Option<usize> },
    /// Show or hide the overview (a search hides it when none of its claims match).
    SetOverviewVisible(bool),
    /// Mark `query`'s words in a claim again (or unmark them, with `None`).
    Highlight { claim: ClaimIndex, query: Option<Query> },
    /// Say how many claims match (`None`: the search was cleared, and the box is emptied); with none, say
    /// that nothing matches what was `typed`.
    SearchCount { count: Option<usize>, typed: String },
    /// Move keyboard focus to the search box.
    FocusSearch,
    /// Show a claim's quotes, or hide them (its toggle's `aria-expanded` and the list's `hidden`, together).
    SetQuotesOpen { claim: ClaimIndex, open: bool },
    /// Show the explainer in this colour scheme.
    ApplyTheme(Theme),
    /// Every "Copy link" button says so again (only the latest copy is confirmed).
    ResetCopyLabels,
    /// A claim's link is on the clipboard: its button, and the live region, say so.
    LinkCopied(ClaimIndex),
    /// The clipboard was refused: show the claim's address selected, for the reader to copy.
    ShowLinkToCopy { claim: ClaimIndex, url: String },
}

/// Something done outside the explainer's markup. Where the instance does not do it (an embed keeps no
/// history of its own and remembers nothing), the browser layer leaves it undone.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant's doc says what its fields hold.
pub enum Command {
    /// Add a history entry for `target` (where the instance writes the URL); following a citation, the
    /// entry left remembers it, for Back to return to.
    PushUrl { target: Target, returns_to: Option<(ClaimIndex, AnchorIndex)> },
    /// Put a claim's address on the clipboard; [`Msg::LinkCopied`] or [`Msg::CopyRefused`] says how it went.
    CopyLink(ClaimIndex),
    /// Remember the colour scheme chosen (where the instance remembers things).
    StoreTheme(Theme),
    /// Remember which sections are open, as stored text (`storage::format_open`).
    StoreOpenSections(String),
    /// Tell the host.
    Send(HostEvent),
}

/// An event for the host page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant's doc says what its fields hold.
pub enum HostEvent {
    /// `section-toggle`: a section opened or closed.
    SectionToggle { section: usize, open: bool },
    /// `quote-open`: a quote was opened, from this claim (the first citing it, when the reader came from
    /// elsewhere than a citation).
    QuoteOpen { claim: ClaimIndex, anchor: AnchorIndex },
}

impl From<Patch> for Effect {
    fn from(patch: Patch) -> Effect {
        Effect::Patch(patch)
    }
}

impl From<Command> for Effect {
    fn from(command: Command) -> Effect {
        Effect::Command(command)
    }
}

impl State {
    /// Every section shown, in the document's order, and closed; nothing marked.
    pub fn closed(document: &Core) -> State {
        State {
            shown: (0..document.sections.len()).collect(),
            overview: true,
            open: vec![false; document.sections.len()],
            current: None,
            search: None,
            quotes_open: vec![false; document.claims.len()],
        }
    }

    /// Whether this instance shows a claim: the overview's when the overview is shown, a section's when its
    /// section is.
    pub fn shows_claim(&self, document: &Core, claim: ClaimIndex) -> bool {
        match document.claim(claim).place {
            Place::Overview => self.overview,
            Place::Section(section) => self.shown.contains(&section),
        }
    }

    /// Whether every shown section is open (what the show-all control says).
    pub fn all_open(&self) -> bool {
        self.shown.iter().all(|&section| self.open[section])
    }

    /// The open sections, by document index, in display order.
    pub fn open_sections(&self) -> Vec<usize> {
        self.shown.iter().copied().filter(|&section| self.open[section]).collect()
    }
}

/// Applies `msg` to `state` and says what must change on the page. Messages naming sections that do not exist
/// or are not shown change nothing.
pub fn update(state: &mut State, document: &Core, msg: Msg) -> Vec<Effect> {
    let all_open = state.all_open();
    let mut effects = step(state, document, msg);
    if state.all_open() != all_open {
        effects.push(Patch::AllOpen(!all_open).into());
    }
    effects
}

fn step(state: &mut State, document: &Core, msg: Msg) -> Vec<Effect> {
    let mut effects = Vec::new();
    match msg {
        Msg::Toggle(section) => {
            if let Some(&open) = state.open.get(section) {
                set_open(state, section, !open, &mut effects);
            }
        }
        Msg::SetOpen(section, open) => set_open(state, section, open, &mut effects),
        Msg::Follow { target, from } => {
            let (msg, returns_to) = match (target, from) {
                (Target::Anchor(anchor), Some(claim)) => (Msg::Cite(claim, anchor), Some((claim, anchor))),
                _ => (Msg::Navigate(target), None),
            };
            let moves = step(state, document, msg);
            // Nothing to follow (a section this instance does not show): no history entry either.
            if !moves.is_empty() {
                effects.push(Command::PushUrl { target, returns_to }.into());
                effects.extend(moves);
            }
        }
        Msg::Cite(claim, anchor) => {
            effects = step(state, document, Msg::Navigate(Target::Anchor(anchor)));
            if let Some(Effect::Command(Command::Send(HostEvent::QuoteOpen { claim: cited_from, .. }))) =
                effects.last_mut()
            {
                *cited_from = claim;
            }
        }
        Msg::Navigate(target) => {
            if !mark(state, document, target, &mut effects) {
                return effects;
            }
            effects.push(Patch::Reveal(target).into());
            if let Target::Anchor(anchor) = target {
                let claim = document.anchors[anchor.0].cited_by[0].claim;
                effects.push(Command::Send(HostEvent::QuoteOpen { claim, anchor }).into());
            }
        }
        Msg::Return(claim, anchor) => {
            if document.claim(claim).anchors.contains(&anchor)
                && mark(state, document, Target::Claim(claim), &mut effects)
            {
                effects.push(Patch::FocusCitation { claim, anchor }.into());
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
                effects.push(Patch::FocusHeader(state.shown[to]).into());
            }
        }
        Msg::Search(input) => search(state, document, Query::parse(&input), input.trim(), &mut effects),
        Msg::ClearSearch => {
            // Ending a search says so (`SearchCount`); with none running, the box may still hold spaces,
            // and is emptied all the same.
            let searching = state.search.is_some();
            search(state, document, None, "", &mut effects);
            if !searching {
                effects.push(Patch::SearchCount { count: None, typed: String::new() }.into());
            }
            effects.push(Patch::FocusSearch.into());
        }
        Msg::ToggleQuotes(claim) => {
            if let Some(&open) = state.quotes_open.get(claim.0) {
                set_quotes_open(state, claim, !open, &mut effects);
            }
        }
        Msg::RevealQuotes(claim) => set_quotes_open(state, claim, true, &mut effects),
        Msg::ChooseTheme(theme) => {
            effects.extend([Patch::ApplyTheme(theme).into(), Command::StoreTheme(theme).into()]);
        }
        Msg::CopyLink(claim) => {
            if claim.0 < document.claims.len() {
                effects.extend([Patch::ResetCopyLabels.into(), Command::CopyLink(claim).into()]);
            }
        }
        Msg::LinkCopied(claim) => effects.push(Patch::LinkCopied(claim).into()),
        Msg::CopyRefused { claim, url } => effects.push(Patch::ShowLinkToCopy { claim, url }.into()),
        Msg::PageHidden => {
            effects.push(Command::StoreOpenSections(format_open(document, &state.open_sections())).into());
        }
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
fn mark(state: &mut State, document: &Core, target: Target, effects: &mut Vec<Effect>) -> bool {
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
            effects.push(Patch::Unmark(previous).into());
        }
    }
    effects.push(Patch::Mark(target).into());
    true
}

fn set_quotes_open(state: &mut State, claim: ClaimIndex, open: bool, effects: &mut Vec<Effect>) {
    if let Some(flag) = state.quotes_open.get_mut(claim.0) {
        if *flag != open {
            *flag = open;
            effects.push(Patch::SetQuotesOpen { claim, open }.into());
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
            effects.push(Patch::SetExpanded { section, open }.into());
            effects.push(Command::Send(HostEvent::SectionToggle { section, open }).into());
        }
    }
}
