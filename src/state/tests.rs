//! The transitions, message by message: what each does to the state and the effects it returns, on the
//! fixture.

use super::*;
use crate::document::Document;
use crate::search::claim_matches;
use expect_test::{expect, Expect};

/// The engine's test explainer: sections `talks` (0: claims 1 to 3) and `rivers` (1: claims 4 and 5), and
/// the overview claim `met` (0). Each anchor is cited first by the claim of the same index; anchor 0 ("The
/// leaders met.") is also cited by `agree` (claim 1).
fn fixture() -> &'static Core {
    &Document::fixture().core
}

/// `update`'s patches, without its commands (their own tests look at those).
fn patches(state: &mut State, document: &Core, msg: Msg) -> Vec<Patch> {
    let effects = update(state, document, msg);
    effects
        .into_iter()
        .filter_map(|effect| if let Effect::Patch(patch) = effect { Some(patch) } else { None })
        .collect()
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
            Toggle(1) -> [Patch(SetExpanded { section: 1, open: true }), Command(Send(SectionToggle { section: 1, open: true }))]
            Toggle(0) -> [Patch(SetExpanded { section: 0, open: true }), Command(Send(SectionToggle { section: 0, open: true })), Patch(AllOpen(true))]
            Toggle(1) -> [Patch(SetExpanded { section: 1, open: false }), Command(Send(SectionToggle { section: 1, open: false })), Patch(AllOpen(false))]
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
            SetOpen(1, true) -> [Patch(SetExpanded { section: 1, open: true }), Command(Send(SectionToggle { section: 1, open: true }))]
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
    assert_eq!(Target::Anchor(AnchorIndex(1)).fragment(document), "q-agree-2");
    check(
        &[
            Msg::Navigate(Target::Anchor(AnchorIndex(1))),
            Msg::Navigate(Target::Claim(ClaimIndex(4))),
            Msg::Navigate(Target::Claim(ClaimIndex(4))),
            Msg::Navigate(Target::Claim(ClaimIndex(0))),
            Msg::Navigate(Target::Section(0)),
        ],
        expect![[r#"
            Navigate(Anchor(AnchorIndex(1))) -> [Patch(Mark(Anchor(AnchorIndex(1)))), Patch(Reveal(Anchor(AnchorIndex(1)))), Command(Send(QuoteOpen { claim: ClaimIndex(1), anchor: AnchorIndex(1) }))]
            Navigate(Claim(ClaimIndex(4))) -> [Patch(SetExpanded { section: 1, open: true }), Command(Send(SectionToggle { section: 1, open: true })), Patch(Unmark(Anchor(AnchorIndex(1)))), Patch(Mark(Claim(ClaimIndex(4)))), Patch(Reveal(Claim(ClaimIndex(4))))]
            Navigate(Claim(ClaimIndex(4))) -> [Patch(Mark(Claim(ClaimIndex(4)))), Patch(Reveal(Claim(ClaimIndex(4))))]
            Navigate(Claim(ClaimIndex(0))) -> [Patch(Unmark(Claim(ClaimIndex(4)))), Patch(Mark(Claim(ClaimIndex(0)))), Patch(Reveal(Claim(ClaimIndex(0))))]
            Navigate(Section(0)) -> [Patch(SetExpanded { section: 0, open: true }), Command(Send(SectionToggle { section: 0, open: true })), Patch(Unmark(Claim(ClaimIndex(0)))), Patch(Mark(Section(0))), Patch(Reveal(Section(0))), Patch(AllOpen(true))]
            open: [true, true]
            current: Some(Section(0))
        "#]],
    );
}

#[test]
fn opening_a_quote_says_from_which_claim() {
    let document = fixture();
    // "The leaders met.": cited by the overview's `met`, then by `agree` and `ran-late` (their lead's quote).
    let shared = AnchorIndex(0);
    let citing: Vec<ClaimIndex> = document.anchors[shared.0].cited_by.iter().map(|c| c.claim).collect();
    assert_eq!(citing, [ClaimIndex(0), ClaimIndex(1), ClaimIndex(2)]);
    let (first, second) = (citing[0], citing[1]);
    assert_eq!((document.claim(first).claim.id, document.claim(second).claim.id), ("met", "agree"));
    // The claim a citation was followed from is reported as given; from elsewhere, the first citing claim.
    let mut state = State::closed(document);
    let opened = |effects: Vec<Effect>| {
        effects
            .into_iter()
            .filter(|e| matches!(e, Effect::Command(Command::Send(HostEvent::QuoteOpen { .. }))))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        opened(update(&mut state, document, Msg::Cite(second, shared))),
        [Effect::Command(Command::Send(HostEvent::QuoteOpen { claim: second, anchor: shared }))]
    );
    assert_eq!(
        opened(update(&mut state, document, Msg::Navigate(Target::Anchor(shared)))),
        [Effect::Command(Command::Send(HostEvent::QuoteOpen { claim: first, anchor: shared }))]
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
        assert_eq!(patches(&mut state, document, msg.clone()), [], "{msg:?}");
    }
    assert_eq!(state, State { shown: vec![1], ..State::closed(document) });
    assert_eq!(
        patches(&mut state, document, Msg::Toggle(1)),
        [Patch::SetExpanded { section: 1, open: true }, Patch::AllOpen(true)],
        "the one section shown is all of them"
    );
}

#[test]
fn show_all_opens_what_is_closed_then_hides_everything() {
    let document = fixture();
    // Both sections shown, `rivers` first.
    let mut state = State { shown: vec![1, 0], ..State::closed(document) };
    assert!(!state.all_open());
    patches(&mut state, document, Msg::Toggle(1));
    let effects = patches(&mut state, document, Msg::ToggleAll);
    assert_eq!(
        effects,
        [Patch::SetExpanded { section: 0, open: true }, Patch::AllOpen(true)],
        "only the closed ones change"
    );
    assert_eq!(
        patches(&mut state, document, Msg::Toggle(0)),
        [Patch::SetExpanded { section: 0, open: false }, Patch::AllOpen(false)]
    );
    assert_eq!(
        patches(&mut state, document, Msg::Toggle(0)),
        [Patch::SetExpanded { section: 0, open: true }, Patch::AllOpen(true)]
    );
    let effects = patches(&mut state, document, Msg::ToggleAll);
    assert_eq!(
        effects,
        [
            Patch::SetExpanded { section: 1, open: false },
            Patch::SetExpanded { section: 0, open: false },
            Patch::AllOpen(false)
        ],
        "in display order"
    );
    assert!(state.open.iter().all(|&open| !open));

    // Only `rivers` shown: `talks` is left alone.
    let mut state = State { shown: vec![1], ..State::closed(document) };
    let effects = patches(&mut state, document, Msg::ToggleAll);
    assert_eq!(
        effects,
        [Patch::SetExpanded { section: 1, open: true }, Patch::AllOpen(true)],
        "sections not shown are left alone"
    );
    assert_eq!(state.open, [false, true]);
    let effects = patches(&mut state, document, Msg::ToggleAll);
    assert_eq!(effects, [Patch::SetExpanded { section: 1, open: false }, Patch::AllOpen(false)]);
    assert!(state.open.iter().all(|&open| !open));
}

/// An embed without the overview: its claims are not counted, not found and not touched (there is no
/// overview to hide: a patch for it would name an element that is not there).
#[test]
fn a_search_in_an_instance_without_the_overview_leaves_the_overview_out() {
    let document = fixture();
    let mut state = State { overview: false, ..State::closed(document) };
    let effects = patches(&mut state, document, Msg::Search("leaders".into()));
    // `met`, in the overview, says it; only `agree` and `ran-late` (which cite their lead's quote) are shown.
    assert!(effects.contains(&Patch::SearchCount { count: Some(2), typed: "leaders".into() }), "{effects:?}");
    let overview = document.overview_claims.clone();
    assert!(!effects.iter().any(|e| matches!(e, Patch::SetOverviewVisible(_))));
    assert!(!effects.iter().any(|e| matches!(e,
        Patch::SetClaimVisible { claim, .. } | Patch::Highlight { claim, .. } if overview.contains(&claim.0))));
    let effects = patches(&mut state, document, Msg::Search(String::new()));
    assert!(!effects.iter().any(|e| matches!(e, Patch::SetOverviewVisible(_))));
}

#[test]
fn a_search_filters_opens_and_counts_and_clearing_it_restores_what_was_open() {
    let document = fixture();
    let talks = document.section_index("talks").unwrap();
    let rivers = document.section_index("rivers").unwrap();
    let mut state = State::closed(document);
    patches(&mut state, document, Msg::Toggle(rivers));
    let effects = patches(&mut state, document, Msg::Search("  Leaders ".into()));
    let count = |effects: &[Patch]| {
        effects.iter().find_map(|e| match e {
            Patch::SearchCount { count, .. } => Some(*count),
            _ => None,
        })
    };
    // `met` says it; `agree` and `ran-late` cite it (their lead's quote).
    let leaders_claims: Vec<&str> = (0..document.claims.len())
        .filter(|&c| claim_matches(document, ClaimIndex(c), &Query::parse("leaders").unwrap(), |_| true))
        .map(|c| document.claims[c].claim.id)
        .collect();
    assert_eq!(leaders_claims, ["met", "agree", "ran-late"]);
    assert_eq!(count(&effects), Some(Some(leaders_claims.len())));
    assert!(state.open[talks], "a section with a match opens");
    assert!(!state.open[rivers], "one without closes");
    assert!(effects.contains(&Patch::SetSectionVisible { section: rivers, visible: false }), "one without is hidden");
    let hidden_claims = effects.iter().filter(|e| matches!(e, Patch::SetClaimVisible { visible: false, .. })).count();
    assert_eq!(hidden_claims, document.claims.len() - leaders_claims.len());
    let counts = |effects: &[Patch]| -> Vec<(usize, Option<usize>)> {
        effects
            .iter()
            .filter_map(|e| match *e {
                Patch::SectionCount { section, matching, .. } => Some((section, matching)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        counts(&effects),
        [(talks, Some(2)), (rivers, Some(0))],
        "each header says how many of its claims match"
    );

    // Typing on narrows from the last results; nothing already hidden is hidden twice.
    let effects = patches(&mut state, document, Msg::Search("leaders Biden".into()));
    assert_eq!(count(&effects), Some(Some(1)));
    assert_eq!(counts(&effects), [(talks, Some(1))], "only the header whose count changed: `ran-late` is out");
    assert!(effects.iter().all(|e| !matches!(e, Patch::SetClaimVisible { visible: true, .. })));
    assert!(effects.contains(&Patch::SetOverviewVisible(false)), "the overview's `met` no longer matches");

    let effects = patches(&mut state, document, Msg::Search(String::new()));
    assert_eq!(count(&effects), Some(None));
    assert_eq!(counts(&effects), [(talks, None), (rivers, None)], "cleared, the headers count all claims again");
    assert_eq!(state.search, None);
    let mut expected_open = vec![false; document.sections.len()];
    expected_open[rivers] = true;
    assert_eq!(state.open, expected_open, "what was open before the search is open again, and only that");
    let shown_again = effects.iter().filter(|e| matches!(e, Patch::SetClaimVisible { visible: true, .. })).count();
    assert_eq!(shown_again, document.claims.len() - 1);
    assert_eq!(patches(&mut state, document, Msg::Search(" ".into())), [], "clearing twice does nothing");
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
        patches(&mut state, document, Msg::ToggleQuotes(agree)),
        [Patch::SetQuotesOpen { claim: agree, open: true }]
    );
    assert_eq!(patches(&mut state, document, Msg::RevealQuotes(agree)), [], "already shown");
    assert_eq!(
        patches(&mut state, document, Msg::ToggleQuotes(agree)),
        [Patch::SetQuotesOpen { claim: agree, open: false }]
    );
    assert_eq!(
        patches(&mut state, document, Msg::RevealQuotes(ran_late)),
        [Patch::SetQuotesOpen { claim: ran_late, open: true }]
    );

    // "agree" occurs in `agree`'s quote: its quotes show while the search runs, so the marked words can be
    // seen; `ran-late`'s were shown before and stay; clearing restores what was shown before.
    let quotes = |effects: &[Patch]| -> Vec<(ClaimIndex, bool)> {
        effects
            .iter()
            .filter_map(|e| match *e {
                Patch::SetQuotesOpen { claim, open } => Some((claim, open)),
                _ => None,
            })
            .collect()
    };
    let effects = patches(&mut state, document, Msg::Search("agree".into()));
    assert_eq!(quotes(&effects), [(agree, true)]);
    // The reader closes them; typing on, with the same claims matched in their quotes, leaves them closed.
    patches(&mut state, document, Msg::ToggleQuotes(agree));
    assert_eq!(quotes(&patches(&mut state, document, Msg::Search("agree ".into()))), []);
    assert!(!state.quotes_open[agree.0]);
    patches(&mut state, document, Msg::ToggleQuotes(agree));
    let effects = patches(&mut state, document, Msg::Search(String::new()));
    assert_eq!(quotes(&effects), [(agree, false)], "the end of the search restores what was shown before it");
    assert!(state.quotes_open[ran_late.0], "shown before the search, shown after");

    // "leaders" is in the words `met` (a short version, with no quotes of its own to show) and `agree` cite:
    // `agree` shows them, `met` matches on its statement and shows nothing.
    let met = document.claim_at(Place::Overview, "met").unwrap();
    let effects = patches(&mut state, document, Msg::Search("leaders".into()));
    assert_eq!(quotes(&effects), [(agree, true)]);
    assert!(
        effects.iter().any(|e| matches!(e, Patch::Highlight { claim, .. } if *claim == met)),
        "the short version matches on its statement"
    );
    let leaders = crate::search::Query::parse("leaders").unwrap();
    assert!(!crate::search::quotes_hit(document, met, &leaders, |_| true));

    // An embed that shows the overview but not the section with `met`'s claim in full: `met` lists its own
    // quotes, as the view draws it, so a search finds words in them and shows them.
    let mut embed = State { shown: vec![1], ..State::closed(document) };
    assert!(crate::search::quotes_hit(document, met, &leaders, |c| embed.shows_claim(document, c)));
    let effects = patches(&mut embed, document, Msg::Search("leaders".into()));
    assert_eq!(quotes(&effects), [(met, true)], "its own quotes shown, matched");
}

#[test]
fn back_from_a_quote_returns_focus_to_the_citation_followed() {
    let document = fixture();
    let talks = document.section_index("talks").unwrap();
    let agree = document.claim_at(Place::Section(talks), "agree").unwrap();
    let (first, second) = (document.claim(agree).anchors[0], document.claim(agree).anchors[1]);
    let mut state = State::closed(document);
    patches(&mut state, document, Msg::Toggle(talks));
    patches(&mut state, document, Msg::Cite(agree, second));
    patches(&mut state, document, Msg::Toggle(talks)); // The reader closed the section meanwhile.
    let effects = patches(&mut state, document, Msg::Return(agree, second));
    assert_eq!(
        effects,
        [
            Patch::SetExpanded { section: talks, open: true },
            Patch::Unmark(Target::Anchor(second)),
            Patch::Mark(Target::Claim(agree)),
            Patch::FocusCitation { claim: agree, anchor: second },
        ],
        "the section opens again so the citation can take focus; the mark moves back to the claim"
    );
    assert_eq!(state.current, Some(Target::Claim(agree)));
    assert!(!effects.iter().any(|e| matches!(e, Patch::Reveal(_))), "the browser restores the scroll position");

    // A return that names a quote the claim does not cite (a forged history entry) does nothing.
    let elsewhere = (0..document.anchors.len()).map(AnchorIndex).find(|a| !document.claim(agree).anchors.contains(a));
    assert_eq!(patches(&mut state, document, Msg::Return(agree, elsewhere.unwrap())), []);
    // One hidden by a search ends the search first.
    patches(&mut state, document, Msg::Search("rivers".into()));
    let effects = patches(&mut state, document, Msg::Return(agree, first));
    assert!(effects.contains(&Patch::SearchCount { count: None, typed: String::new() }));
    assert_eq!(effects.last(), Some(&Patch::FocusCitation { claim: agree, anchor: first }));
}

#[test]
fn following_a_link_to_a_claim_the_search_hides_ends_the_search() {
    let document = fixture();
    let mut state = State::closed(document);
    patches(&mut state, document, Msg::Search("leaders".into()));
    let hidden =
        (0..document.claims.len()).map(ClaimIndex).find(|c| !state.search.as_ref().unwrap().matching[c.0]).unwrap();
    assert_eq!(document.claim(hidden).claim.id, "meet-again");
    let effects = patches(&mut state, document, Msg::Navigate(Target::Claim(hidden)));
    assert!(effects.contains(&Patch::SearchCount { count: None, typed: String::new() }));
    assert!(effects.contains(&Patch::Mark(Target::Claim(hidden))));
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
            HeaderKey(0, Next) -> [Patch(FocusHeader(1))]
            HeaderKey(1, Next) -> [Patch(FocusHeader(0))]
            HeaderKey(0, Previous) -> [Patch(FocusHeader(1))]
            HeaderKey(1, Previous) -> [Patch(FocusHeader(0))]
            HeaderKey(1, First) -> [Patch(FocusHeader(0))]
            HeaderKey(0, Last) -> [Patch(FocusHeader(1))]
            HeaderKey(0, First) -> [Patch(FocusHeader(0))]
            HeaderKey(1, Last) -> [Patch(FocusHeader(1))]
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
        moves.iter().map(|&(from, key)| patches(&mut state, document, Msg::HeaderKey(from, key))).collect();
    assert_eq!(
        effects,
        [
            vec![Patch::FocusHeader(0)],
            vec![Patch::FocusHeader(1)],
            vec![Patch::FocusHeader(0)],
            vec![Patch::FocusHeader(1)],
            vec![Patch::FocusHeader(0)]
        ]
    );
    let mut state = State { shown: vec![1], ..State::closed(document) };
    assert_eq!(
        patches(&mut state, document, Msg::HeaderKey(0, HeaderKey::Next)),
        [],
        "a header not shown moves nothing"
    );
    assert_eq!(patches(&mut state, document, Msg::HeaderKey(1, HeaderKey::Next)), [Patch::FocusHeader(1)]);
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

#[test]
fn following_a_link_makes_its_history_entry_before_the_page_moves() {
    check(
        &[
            Msg::Follow { target: Target::Anchor(AnchorIndex(1)), from: Some(ClaimIndex(1)) },
            Msg::Follow { target: Target::Claim(ClaimIndex(4)), from: Some(ClaimIndex(1)) },
        ],
        expect![[r#"
            Follow { target: Anchor(AnchorIndex(1)), from: Some(ClaimIndex(1)) } -> [Command(PushUrl { target: Anchor(AnchorIndex(1)), returns_to: Some((ClaimIndex(1), AnchorIndex(1))) }), Patch(Mark(Anchor(AnchorIndex(1)))), Patch(Reveal(Anchor(AnchorIndex(1)))), Command(Send(QuoteOpen { claim: ClaimIndex(1), anchor: AnchorIndex(1) }))]
            Follow { target: Claim(ClaimIndex(4)), from: Some(ClaimIndex(1)) } -> [Command(PushUrl { target: Claim(ClaimIndex(4)), returns_to: None }), Patch(SetExpanded { section: 1, open: true }), Command(Send(SectionToggle { section: 1, open: true })), Patch(Unmark(Anchor(AnchorIndex(1)))), Patch(Mark(Claim(ClaimIndex(4)))), Patch(Reveal(Claim(ClaimIndex(4))))]
            open: [false, true]
            current: Some(Claim(ClaimIndex(4)))
        "#]],
    );
    // A section this instance does not show: nothing moves, so no entry either.
    let document = fixture();
    let mut state = State { shown: vec![1], ..State::closed(document) };
    let follow = Msg::Follow { target: Target::Section(0), from: None };
    assert_eq!(update(&mut state, document, follow), []);
}

#[test]
fn copy_link_asks_for_the_clipboard_and_says_how_it_went() {
    check(
        &[
            Msg::CopyLink(ClaimIndex(1)),
            Msg::LinkCopied(ClaimIndex(1)),
            Msg::CopyLink(ClaimIndex(4)),
            Msg::CopyRefused { claim: ClaimIndex(4), url: "https://example.org/#rivers/high-water".into() },
            Msg::CopyLink(ClaimIndex(99)),
        ],
        expect![[r#"
            CopyLink(ClaimIndex(1)) -> [Patch(ResetCopyLabels), Command(CopyLink(ClaimIndex(1)))]
            LinkCopied(ClaimIndex(1)) -> [Patch(LinkCopied(ClaimIndex(1)))]
            CopyLink(ClaimIndex(4)) -> [Patch(ResetCopyLabels), Command(CopyLink(ClaimIndex(4)))]
            CopyRefused { claim: ClaimIndex(4), url: "https://example.org/#rivers/high-water" } -> [Patch(ShowLinkToCopy { claim: ClaimIndex(4), url: "https://example.org/#rivers/high-water" })]
            CopyLink(ClaimIndex(99)) -> []
            open: [false, false]
            current: None
        "#]],
    );
}

#[test]
fn a_theme_is_shown_and_stored_and_what_is_open_is_stored_when_the_page_is_hidden() {
    check(
        &[Msg::ChooseTheme(Theme::Dark), Msg::Toggle(1), Msg::Toggle(0), Msg::PageHidden],
        expect![[r#"
            ChooseTheme(Dark) -> [Patch(ApplyTheme(Dark)), Command(StoreTheme(Dark))]
            Toggle(1) -> [Patch(SetExpanded { section: 1, open: true }), Command(Send(SectionToggle { section: 1, open: true }))]
            Toggle(0) -> [Patch(SetExpanded { section: 0, open: true }), Command(Send(SectionToggle { section: 0, open: true })), Patch(AllOpen(true))]
            PageHidden -> [Command(StoreOpenSections("v1:talks,rivers"))]
            open: [true, true]
            current: None
        "#]],
    );
}

#[test]
fn clearing_the_search_empties_the_box_and_keeps_focus_there() {
    check(
        &[Msg::ClearSearch, Msg::Search("rivers".into()), Msg::ClearSearch],
        expect![[r#"
            ClearSearch -> [Patch(SearchCount { count: None, typed: "" }), Patch(FocusSearch)]
            Search("rivers") -> [Patch(SetClaimVisible { claim: ClaimIndex(0), visible: false }), Patch(SetClaimVisible { claim: ClaimIndex(1), visible: false }), Patch(SetClaimVisible { claim: ClaimIndex(2), visible: false }), Patch(SetClaimVisible { claim: ClaimIndex(3), visible: false }), Patch(Highlight { claim: ClaimIndex(4), query: Some(Query { words: [['r', 'i', 'v', 'e', 'r', 's']] }) }), Patch(SetQuotesOpen { claim: ClaimIndex(4), open: true }), Patch(Highlight { claim: ClaimIndex(5), query: Some(Query { words: [['r', 'i', 'v', 'e', 'r', 's']] }) }), Patch(SetSectionVisible { section: 0, visible: false }), Patch(SectionCount { section: 0, claims: 3, matching: Some(0) }), Patch(SectionCount { section: 1, claims: 2, matching: Some(2) }), Patch(SetExpanded { section: 1, open: true }), Command(Send(SectionToggle { section: 1, open: true })), Patch(SetOverviewVisible(false)), Patch(SearchCount { count: Some(2), typed: "rivers" })]
            ClearSearch -> [Patch(SetClaimVisible { claim: ClaimIndex(0), visible: true }), Patch(Highlight { claim: ClaimIndex(0), query: None }), Patch(SetClaimVisible { claim: ClaimIndex(1), visible: true }), Patch(Highlight { claim: ClaimIndex(1), query: None }), Patch(SetClaimVisible { claim: ClaimIndex(2), visible: true }), Patch(Highlight { claim: ClaimIndex(2), query: None }), Patch(SetClaimVisible { claim: ClaimIndex(3), visible: true }), Patch(Highlight { claim: ClaimIndex(3), query: None }), Patch(Highlight { claim: ClaimIndex(4), query: None }), Patch(SetQuotesOpen { claim: ClaimIndex(4), open: false }), Patch(Highlight { claim: ClaimIndex(5), query: None }), Patch(SetSectionVisible { section: 0, visible: true }), Patch(SectionCount { section: 0, claims: 3, matching: None }), Patch(SectionCount { section: 1, claims: 2, matching: None }), Patch(SetExpanded { section: 1, open: false }), Command(Send(SectionToggle { section: 1, open: false })), Patch(SetOverviewVisible(true)), Patch(SearchCount { count: None, typed: "" }), Patch(FocusSearch)]
            open: [false, false]
            current: None
        "#]],
    );
}
