//! The view's tests: snapshots of each part of the page for a state, and the relations the browser layer and
//! the prerender rely on, checked on the fixture and the summit.

use super::*;
use crate::ui::HeadingLevel;
use expect_test::{expect, Expect};

/// The HTML of `node`, one block element a line, indented, so a snapshot reads like the page's outline.
fn outline(node: &Node, depth: usize, out: &mut String) {
    const INLINE: &[&str] = &["a", "span", "mark", "q", "b"];
    match node {
        Node::Element(element) if element.is_void() => {
            out.push_str(&format!("{}{}\n", "  ".repeat(depth), node.to_html()));
        }
        Node::Element(element) if !INLINE.contains(&element.tag) => {
            let mut open = element.clone();
            open.children.clear();
            let tag = open.into_node().to_html();
            let start = &tag[..tag.len() - element.tag.len() - 3];
            out.push_str(&format!("{}{start}", "  ".repeat(depth)));
            let has_blocks = element.children.iter().any(|c| matches!(c, Node::Element(e) if !INLINE.contains(&e.tag)));
            if has_blocks {
                out.push('\n');
                element.children.iter().for_each(|c| outline(c, depth + 1, out));
                out.push_str(&format!("{}</{}>\n", "  ".repeat(depth), element.tag));
            } else {
                element.children.iter().for_each(|c| out.push_str(&c.to_html()));
                out.push_str(&format!("</{}>\n", element.tag));
            }
        }
        other => out.push_str(&format!("{}{}\n", "  ".repeat(depth), other.to_html())),
    }
}

/// The first element in `node` whose class attribute is `class`.
fn with_class<'a>(node: &'a Node, class: &str) -> Option<&'a Node> {
    match node {
        Node::Element(element) if element.attribute("class") == Some(class) => Some(node),
        Node::Element(element) => element.children.iter().find_map(|child| with_class(child, class)),
        Node::Text(_) => None,
    }
}

/// Every element in `node` (itself included) that has `class` among its classes, in document order.
fn all_with_class<'a>(node: &'a Node, class: &str, found: &mut Vec<&'a Element>) {
    if let Node::Element(element) = node {
        if element.attribute("class").is_some_and(|c| c.split(' ').any(|c| c == class)) {
            found.push(element);
        }
        element.children.iter().for_each(|child| all_with_class(child, class, found));
    }
}

/// The words a search marks are written by the same functions at first and after each search: the view
/// of a state with a search holds, in each claim, the n-th element of each searched text's hook with
/// exactly the content the browser layer writes there (`searched_texts` and `marked`).
#[test]
fn a_search_marks_the_same_parts_as_the_browser_layer_writes_again() {
    let document = Document::fixture();
    let mut state = State::closed(&document.core);
    crate::state::update(&mut state, &document.core, crate::state::Msg::Search("leaders rivers".into()));
    crate::state::update(&mut state, &document.core, crate::state::Msg::Search("the".into()));
    let query = state.search.as_ref().map(|search| search.query.clone());
    assert!(query.is_some());
    let page = explainer(document, &state, &ViewOptions::default()).into_node();
    let mut claims = Vec::new();
    all_with_class(&page, hooks::CLAIM.name, &mut claims);
    assert_eq!(claims.len(), document.core.claims.len());
    let mut marks = 0;
    for (index, claim) in claims.into_iter().enumerate() {
        let node = Node::Element(claim.clone());
        let mut seen: Vec<&str> = Vec::new();
        for (hook, words) in searched_texts(&document.core, &state, ClaimIndex(index)) {
            let nth = seen.iter().filter(|&&name| name == hook.name).count();
            seen.push(hook.name);
            let mut found = Vec::new();
            all_with_class(&node, hook.name, &mut found);
            let Some(part) = found.get(nth) else { continue }; // A short version lists no quotes.
            let shown = state.search.as_ref().is_some_and(|search| search.matching[index]);
            let written = marked(&words, query.as_ref().filter(|_| shown));
            marks += written.iter().filter(|n| matches!(n, Node::Element(e) if e.tag == "mark")).count();
            assert_eq!(part.children, written, "{} of claim {index}", hook.name);
        }
    }
    assert!(marks > 3, "the search marks words ({marks})");
}

/// A search's every state is the view's: hidden claims, sections and overview, the headers' counts, the
/// live region and the no-match message are written for the state, not only by the browser's patches.
#[test]
fn the_view_draws_a_search_with_matches_and_without() {
    let document = Document::fixture();
    let view = |typed: &str| {
        let mut state = State::closed(&document.core);
        crate::state::update(&mut state, &document.core, crate::state::Msg::Search(typed.into()));
        let page = explainer(document, &state, &ViewOptions::default()).into_node();
        let mut out = String::new();
        // Each part by its opening tag (a section's and a claim's with their number and count only), and
        // the toolbar's status and message.
        for (class, whole) in [("se-overview", false), ("se-toolbar", true), ("se-section", false), ("se-claim", false)]
        {
            let mut found = Vec::new();
            all_with_class(&page, class, &mut found);
            for element in found {
                let mut part = element.clone();
                if !whole {
                    part.children.retain(|c| matches!(c, Node::Element(e) if e.tag == "h2" || e.tag == "span"));
                }
                let mut lines = String::new();
                outline(&Node::Element(part), 0, &mut lines);
                let wanted = ["<section", "<li class=\"se-claim", "data-se-status", "se-no-match", "se-toggle-count"];
                for line in lines.lines().filter(|line| wanted.iter().any(|w| line.contains(w))) {
                    out.push_str(line.trim_start());
                    out.push('\n');
                }
            }
        }
        out
    };
    expect![[r#"
        <section class="se-overview" id="overview" aria-labelledby="overview--heading" hidden="">
        <p class="se-vh" role="status" data-se-status="">2 claims match</p>
        <p class="se-no-match" data-se-no-match="" hidden="">
        <span class="se-no-match-text"></span>
        <section class="se-section" id="talks" hidden="">
        <button type="button" class="se-toggle" id="talks--button" aria-expanded="false" aria-controls="talks--panel" data-se-toggle="talks"><span class="se-toggle-number">1</span><span class="se-toggle-title">Talks</span><span class="se-toggle-count">0 of 3 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
        <section class="se-section" id="rivers">
        <button type="button" class="se-toggle" id="rivers--button" aria-expanded="true" aria-controls="rivers--panel" data-se-toggle="rivers"><span class="se-toggle-number">2</span><span class="se-toggle-title">Rivers</span><span class="se-toggle-count">2 of 2 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
        <li class="se-claim" id="overview/met" tabindex="-1" hidden=""></li>
        <li class="se-claim" id="talks/agree" tabindex="-1" hidden=""><span class="se-claim-number">1.1</span></li>
        <li class="se-claim" id="talks/ran-late" tabindex="-1" hidden=""><span class="se-claim-number">1.2</span></li>
        <li class="se-claim" id="talks/meet-again" tabindex="-1" hidden=""><span class="se-claim-number">1.3</span></li>
        <li class="se-claim" id="rivers/high-water" tabindex="-1"><span class="se-claim-number">2.1</span></li>
        <li class="se-claim" id="rivers/bridges" tabindex="-1"><span class="se-claim-number">2.2</span></li>
    "#]].assert_eq(&view("rivers"));
    expect![[r#"
        <section class="se-overview" id="overview" aria-labelledby="overview--heading" hidden="">
        <p class="se-vh" role="status" data-se-status="">No claim matches</p>
        <p class="se-no-match" data-se-no-match="">
        <span class="se-no-match-text">No claim matches “&lt;b&gt;steel&lt;/b&gt;”.</span>
        <section class="se-section" id="talks" hidden="">
        <button type="button" class="se-toggle" id="talks--button" aria-expanded="false" aria-controls="talks--panel" data-se-toggle="talks"><span class="se-toggle-number">1</span><span class="se-toggle-title">Talks</span><span class="se-toggle-count">0 of 3 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
        <section class="se-section" id="rivers" hidden="">
        <button type="button" class="se-toggle" id="rivers--button" aria-expanded="false" aria-controls="rivers--panel" data-se-toggle="rivers"><span class="se-toggle-number">2</span><span class="se-toggle-title">Rivers</span><span class="se-toggle-count">0 of 2 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
        <li class="se-claim" id="overview/met" tabindex="-1" hidden=""></li>
        <li class="se-claim" id="talks/agree" tabindex="-1" hidden=""><span class="se-claim-number">1.1</span></li>
        <li class="se-claim" id="talks/ran-late" tabindex="-1" hidden=""><span class="se-claim-number">1.2</span></li>
        <li class="se-claim" id="talks/meet-again" tabindex="-1" hidden=""><span class="se-claim-number">1.3</span></li>
        <li class="se-claim" id="rivers/high-water" tabindex="-1" hidden=""><span class="se-claim-number">2.1</span></li>
        <li class="se-claim" id="rivers/bridges" tabindex="-1" hidden=""><span class="se-claim-number">2.2</span></li>
    "#]].assert_eq(&view("  <b>steel</b> "));
}

/// The relation the browser walks rather than finds by a hook holds in the view's own output: right after
/// every marked quote, its way-back links.
#[test]
fn the_relation_the_browser_walks_is_the_views() {
    use crate::outline::{Markup, NativeMarkup};
    let document = Document::fixture();
    let page = explainer(document, &State::closed(&document.core), &ViewOptions::default());
    let relation = hooks::QUOTE_BACKREFS;
    let marks = NativeMarkup::new(&page).all(relation.from).unwrap();
    assert_eq!(marks.len(), document.core.anchors.len());
    for mark in &marks {
        assert!(mark.following(relation).is_some(), "no way back right after {:?}", mark.attribute("id"));
    }
}

/// The view writes every part name a host may style, and no other (`ui::PARTS`, which the README lists).
#[test]
fn every_part_name_is_written_and_listed() {
    fn parts(node: &Node, found: &mut Vec<String>) {
        if let Node::Element(element) = node {
            found.extend(element.attribute("part").map(str::to_string));
            element.children.iter().for_each(|child| parts(child, found));
        }
    }
    let document = Document::fixture();
    let mut found = Vec::new();
    let options = ViewOptions { parts: true, ..ViewOptions::default() };
    parts(&explainer(document, &State::closed(&document.core), &options).into_node(), &mut found);
    // "In context" is only where the article is not in the instance.
    let without_article = ViewOptions { article: ArticlePlacement::Omitted, ..options };
    parts(&explainer(document, &State::closed(&document.core), &without_article).into_node(), &mut found);
    parts(&error_box("").into_node(), &mut found);
    found.sort();
    found.dedup();
    let mut listed = crate::ui::PARTS.map(str::to_string).to_vec();
    listed.sort();
    assert_eq!(found, listed);
}

/// Renders the test document for the state `state` makes, and compares the outline of the element with class
/// `part` (`se` for the whole explainer).
fn check(state: impl FnOnce(&mut State), options: ViewOptions, part: &str, expected: Expect) {
    let document = Document::fixture();
    let mut view_state = State::closed(&document.core);
    state(&mut view_state);
    let page = explainer(document, &view_state, &options).into_node();
    let mut out = String::new();
    outline(with_class(&page, part).expect("the part is in the page"), 0, &mut out);
    expected.assert_eq(&out);
}

/// The page's outline for `state` and `options`: the root and its parts in order, each by its opening tag
/// (each part has a test of its own).
fn skeleton(state: State, options: ViewOptions, expected: Expect) {
    let document = Document::fixture();
    let page = explainer(document, &state, &options);
    let open_tag = |element: &Element| {
        let mut open = element.clone();
        open.children.clear();
        let html = open.into_node().to_html();
        html[..html.len() - element.tag.len() - 3].to_string()
    };
    let mut out = format!("{}\n", open_tag(&page));
    for child in &page.children {
        if let Node::Element(part) = child {
            out.push_str(&format!("  {}\n", open_tag(part)));
        }
    }
    expected.assert_eq(&out);
}

#[test]
fn the_static_page_is_its_parts_in_order() {
    skeleton(
        State::closed(&Document::fixture().core),
        ViewOptions::default(),
        expect![[r#"
        <div class="se" data-se-root="">
          <div class="se-header">
          <section class="se-overview" id="overview" aria-labelledby="overview--heading">
          <div class="se-toolbar" data-se-enhanced-only="">
          <div class="se-sections" id="sections">
          <section class="se-glance" id="glance" aria-labelledby="glance--heading">
          <section class="se-article" id="article" aria-labelledby="article--heading">
          <div class="se-settings" data-se-enhanced-only="">
    "#]],
    );
}

#[test]
fn the_header_names_the_source_and_where_its_words_are() {
    check(
        |_| {},
        ViewOptions::default(),
        "se-header",
        expect![[r##"
        <div class="se-header">
          <p class="se-kicker">Explainer</p>
          <h1 class="se-title">The fixture explainer: “we &lt;agree&gt;” &amp; more</h1>
          <p class="se-standfirst">Every statement below links to the words of one article (CNN, Springfield, dated 2000-01-01), shown in full <a href="#article">at the end</a>.</p>
        </div>
    "##]],
    );
}

#[test]
fn the_overview_holds_short_versions_linked_to_their_claims_in_full() {
    check(
        |_| {},
        ViewOptions::default(),
        "se-overview",
        expect![[r##"
            <section class="se-overview" id="overview" aria-labelledby="overview--heading">
              <h2 class="se-overview-heading" id="overview--heading">In brief</h2>
              <ul class="se-claims se-overview-claims">
                <li class="se-claim" id="overview/met" tabindex="-1">
                  <p class="se-claim-text">The leaders met.</p>
                  <p class="se-claim-row"><a href="#q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <a class="se-see" href="#talks/agree"><span aria-hidden="true">→&nbsp;</span>Talks<span class="se-vh">: the claim in full</span></a> </p>
                </li>
              </ul>
            </section>
        "##]],
    );
}

#[test]
fn the_toolbar_is_there_before_javascript_but_only_shown_with_it() {
    check(
        |_| {},
        ViewOptions::default(),
        "se-toolbar",
        expect![[r#"
        <div class="se-toolbar" data-se-enhanced-only="">
          <div class="se-search" role="search">
            <label class="se-search-label" for="search">Search the claims</label>
            <input type="search" class="se-search-input" id="search" data-se-search="" autocomplete="off" spellcheck="false" maxlength="120">
          </div>
          <button type="button" class="se-show-all" data-se-show-all="" aria-expanded="false" aria-controls="talks--panel rivers--panel">Show all sections</button>
          <p class="se-vh" role="status" data-se-status=""></p>
          <p class="se-no-match" data-se-no-match="" hidden="">
            <span class="se-no-match-text"></span>
            <button type="button" class="se-clear" data-se-clear="">Clear the search</button>
          </p>
        </div>
    "#]],
    );
}

#[test]
fn a_closed_section_keeps_its_claims_findable() {
    check(
        |_| {},
        ViewOptions::default(),
        "se-section",
        expect![[r##"
            <section class="se-section" id="talks">
              <h2 class="se-section-heading">
                <button type="button" class="se-toggle" id="talks--button" aria-expanded="false" aria-controls="talks--panel" data-se-toggle="talks"><span class="se-toggle-number">1</span><span class="se-toggle-title">Talks</span><span class="se-toggle-count">3 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
              </h2>
              <p class="se-section-summary">What was said, and when they meet again.</p>
              <div class="se-panel" id="talks--panel" data-se-panel="talks" hidden="until-found">
                <ol class="se-claims">
                  <li class="se-lead-group">
                    <p class="se-lead">The leaders met.</p>
                    <ol class="se-claims se-led-claims">
                      <li class="se-claim" id="talks/agree" tabindex="-1">
                        <span class="se-claim-number">1.1</span>
                        <p class="se-claim-text">Biden said they agree.</p>
                        <p class="se-attribution">President Joe Biden, at the meeting</p>
                        <p class="se-claim-row"><a href="#q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.1</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.1</span></button></span></p>
                        <ul class="se-citations" hidden="until-found">
                          <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span></li>
                          <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“Biden said “we &lt;agree&gt;””</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span></li>
                        </ul>
                      </li>
                      <li class="se-claim" id="talks/ran-late" tabindex="-1">
                        <span class="se-claim-number">1.2</span>
                        <p class="se-claim-text">The talks ran late into the night.</p>
                        <p class="se-attribution">An official</p>
                        <p class="se-claim-row"><a href="#q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <a href="#q-ran-late-2" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.2</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.2</span></button></span></p>
                        <ul class="se-citations" hidden="until-found">
                          <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span></li>
                          <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“The talks ran late into the night, an official said.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span></span></li>
                        </ul>
                      </li>
                    </ol>
                  </li>
                  <li class="se-claim" id="talks/meet-again" tabindex="-1">
                    <span class="se-claim-number">1.3</span>
                    <p class="se-claim-text">Both sides will meet again in spring.</p>
                    <p class="se-claim-note"><span class="se-claim-note-label">Note: </span><span class="se-claim-note-text">The article does not say which spring.</span></p>
                    <p class="se-claim-row"><a href="#q-meet-again-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quote<span class="se-vh"> of claim 1.3</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.3</span></button></span></p>
                    <ul class="se-citations" hidden="until-found">
                      <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“Both sides will meet again in spring.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span></span></li>
                    </ul>
                  </li>
                </ol>
              </div>
            </section>
        "##]],
    );
}

/// A claim that follows a lead stands alone wherever it is shown away from its run: who said what shows the
/// lead before it (the words `Document::standing_alone` joins), and the section shows the lead once, above
/// the run.
#[test]
fn a_claim_under_a_lead_is_shown_with_it_where_it_stands_alone_and_under_it_in_its_section() {
    let document = Document::fixture();
    let page = explainer(document, &State::closed(&document.core), &ViewOptions::default()).into_node();
    let mut said = Vec::new();
    all_with_class(with_class(&page, "se-speakers").unwrap(), "se-glance-link", &mut said);
    let said: Vec<String> = said.iter().map(|&e| e.clone().into_node().text_content()).collect();
    let alone = |id: &str| document.standing_alone(document.core.claim_with_id(id).unwrap());
    assert_eq!(said, [alone("agree"), alone("ran-late")]);
    assert_eq!(said[1], "The leaders met. The talks ran late into the night.");
    let mut leads = Vec::new();
    all_with_class(&page, "se-lead-group", &mut leads);
    assert_eq!(leads.len(), 1, "one run, one lead");
    let group = leads[0].clone().into_node();
    let mut led = Vec::new();
    all_with_class(&group, "se-claim", &mut led);
    let led: Vec<&str> = led.iter().filter_map(|e| e.attribute("id")).collect();
    assert_eq!(led, ["talks/agree", "talks/ran-late"], "the run's claims, under it; `meet-again` after it");
}

#[test]
fn the_glance_links_each_figure_event_and_speaker_to_its_source() {
    check(
        |_| {},
        ViewOptions::default(),
        "se-glance",
        expect![[r##"
            <section class="se-glance" id="glance" aria-labelledby="glance--heading">
              <h2 class="se-glance-heading" id="glance--heading">Numbers, dates and who said what</h2>
              <div class="se-glance-part">
                <h3>In numbers</h3>
                <ul class="se-figures">
                  <li class="se-figure"><a class="se-glance-link" href="#q-bridges-1"><span class="se-figure-value">3</span> <span class="se-figure-label">new bridges</span></a></li>
                </ul>
              </div>
              <div class="se-glance-part">
                <h3>Timeline</h3>
                <ol class="se-timeline">
                  <li class="se-event"><a class="se-glance-link" href="#q-meet-again-1"><span class="se-when">in spring</span> <span class="se-what">Both sides meet again</span></a></li>
                </ol>
              </div>
              <div class="se-glance-part">
                <h3>Who said what</h3>
                <div class="se-speakers">
                  <div class="se-speaker">
                    <h4 class="se-speaker-name">President Joe Biden</h4>
                    <ul class="se-speaker-claims">
                      <li><a class="se-glance-link" href="#talks/agree"><span class="se-lead-in">The leaders met.</span> Biden said they agree.</a></li>
                    </ul>
                  </div>
                  <div class="se-speaker">
                    <h4 class="se-speaker-name">An official</h4>
                    <ul class="se-speaker-claims">
                      <li><a class="se-glance-link" href="#talks/ran-late"><span class="se-lead-in">The leaders met.</span> The talks ran late into the night.</a></li>
                    </ul>
                  </div>
                </div>
              </div>
            </section>
        "##]],
    );
}

#[test]
fn the_article_marks_each_quote_and_links_back_to_its_claims() {
    check(
        |_| {},
        ViewOptions::default(),
        "se-article",
        expect![[r##"
            <section class="se-article" id="article" aria-labelledby="article--heading">
              <h2 class="se-article-heading" id="article--heading">The article</h2>
              <p class="se-article-note">The source in full, unedited. Underlined passages are the quotes cited above; the link after each leads back to the claim that cites it.</p>
              <div class="se-article-body" lang="en">
                <p class="se-para se-para-meta"> date 2000-01-01 </p>
                <p class="se-para se-para-meta">Springfield CNN —</p>
                <p class="se-para" id="p1"><span class="se-para-number"><span class="se-vh">Paragraph </span>1</span><mark class="se-quote" id="q-agree-1" tabindex="-1">The leaders met.</mark><span class="se-backrefs"><a class="se-backref" href="#overview/met"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to the </span>overview</a><a class="se-backref" href="#talks/agree"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.1</a><a class="se-backref" href="#talks/ran-late"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.2</a></span> <mark class="se-quote" id="q-agree-2" tabindex="-1">Biden said “we &lt;agree&gt;”</mark><span class="se-backrefs"><a class="se-backref" href="#talks/agree"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.1</a></span> &amp; left.</p>
                <p class="se-para" id="p2"><span class="se-para-number"><span class="se-vh">Paragraph </span>2</span><mark class="se-quote" id="q-ran-late-2" tabindex="-1">The talks ran late into the night, an official said.</mark><span class="se-backrefs"><a class="se-backref" href="#talks/ran-late"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.2</a></span> <mark class="se-quote" id="q-meet-again-1" tabindex="-1">Both sides will meet again in spring.</mark><span class="se-backrefs"><a class="se-backref" href="#talks/meet-again"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>1.3</a></span></p>
                <p class="se-para" id="p3"><span class="se-para-number"><span class="se-vh">Paragraph </span>3</span><mark class="se-quote" id="q-high-water-1" tabindex="-1">The rivers are high this year.</mark><span class="se-backrefs"><a class="se-backref" href="#rivers/high-water"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>2.1</a></span> <mark class="se-quote" id="q-bridges-1" tabindex="-1">Engineers will build 3 new bridges.</mark><span class="se-backrefs"><a class="se-backref" href="#rivers/bridges"><span aria-hidden="true">↩︎</span><span class="se-vh">Back to claim </span>2.2</a></span></p>
                <p class="se-para se-para-meta">CNN's Ann Writer and Bob Writer contributed to this report.</p>
              </div>
            </section>
        "##]],
    );
}

#[test]
fn the_theme_switch_closes_the_page() {
    check(
        |_| {},
        ViewOptions::default(),
        "se-settings",
        expect![[r#"
        <div class="se-settings" data-se-enhanced-only="">
          <fieldset class="se-theme">
            <legend class="se-theme-legend">Theme</legend>
            <label class="se-theme-choice">
              <input type="radio" name="theme" value="auto" data-se-theme-choice="" checked="">
              Auto
            </label>
            <label class="se-theme-choice">
              <input type="radio" name="theme" value="light" data-se-theme-choice="">
              Light
            </label>
            <label class="se-theme-choice">
              <input type="radio" name="theme" value="dark" data-se-theme-choice="">
              Dark
            </label>
          </fieldset>
        </div>
    "#]],
    );
}

#[test]
fn an_open_section_with_a_marked_claim_in_an_embedded_instance() {
    check(
        |state| {
            state.open[0] = true;
            state.current = Some(Target::Claim(ClaimIndex(1)));
        },
        ViewOptions {
            id_prefix: "se1-".to_string(),
            heading_level: HeadingLevel::new(4).unwrap(),
            ..ViewOptions::default()
        },
        "se-sections",
        expect![[r##"
            <div class="se-sections" id="se1-sections">
              <section class="se-section" id="se1-talks">
                <h4 class="se-section-heading">
                  <button type="button" class="se-toggle" id="se1-talks--button" aria-expanded="true" aria-controls="se1-talks--panel" data-se-toggle="talks"><span class="se-toggle-number">1</span><span class="se-toggle-title">Talks</span><span class="se-toggle-count">3 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
                </h4>
                <p class="se-section-summary">What was said, and when they meet again.</p>
                <div class="se-panel" id="se1-talks--panel" data-se-panel="talks">
                  <ol class="se-claims">
                    <li class="se-lead-group">
                      <p class="se-lead">The leaders met.</p>
                      <ol class="se-claims se-led-claims">
                        <li class="se-claim se-current" id="se1-talks/agree" tabindex="-1">
                          <span class="se-claim-number">1.1</span>
                          <p class="se-claim-text">Biden said they agree.</p>
                          <p class="se-attribution">President Joe Biden, at the meeting</p>
                          <p class="se-claim-row"><a href="#se1-q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.1</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.1</span></button></span></p>
                          <ul class="se-citations" hidden="until-found">
                            <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span></li>
                            <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“Biden said “we &lt;agree&gt;””</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span></li>
                          </ul>
                        </li>
                        <li class="se-claim" id="se1-talks/ran-late" tabindex="-1">
                          <span class="se-claim-number">1.2</span>
                          <p class="se-claim-text">The talks ran late into the night.</p>
                          <p class="se-attribution">An official</p>
                          <p class="se-claim-row"><a href="#se1-q-agree-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</a> <a href="#se1-q-ran-late-2" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.2</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.2</span></button></span></p>
                          <ul class="se-citations" hidden="until-found">
                            <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span></li>
                            <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“The talks ran late into the night, an official said.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span></span></li>
                          </ul>
                        </li>
                      </ol>
                    </li>
                    <li class="se-claim" id="se1-talks/meet-again" tabindex="-1">
                      <span class="se-claim-number">1.3</span>
                      <p class="se-claim-text">Both sides will meet again in spring.</p>
                      <p class="se-claim-note"><span class="se-claim-note-label">Note: </span><span class="se-claim-note-text">The article does not say which spring.</span></p>
                      <p class="se-claim-row"><a href="#se1-q-meet-again-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quote<span class="se-vh"> of claim 1.3</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.3</span></button></span></p>
                      <ul class="se-citations" hidden="until-found">
                        <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“Both sides will meet again in spring.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span></span></li>
                      </ul>
                    </li>
                  </ol>
                </div>
              </section>
              <section class="se-section" id="se1-rivers">
                <h4 class="se-section-heading">
                  <button type="button" class="se-toggle" id="se1-rivers--button" aria-expanded="false" aria-controls="se1-rivers--panel" data-se-toggle="rivers"><span class="se-toggle-number">2</span><span class="se-toggle-title">Rivers</span><span class="se-toggle-count">2 claims</span><span class="se-toggle-icon" aria-hidden="true"></span></button>
                </h4>
                <p class="se-section-summary">High water, and 3 new bridges.</p>
                <div class="se-panel" id="se1-rivers--panel" data-se-panel="rivers" hidden="until-found">
                  <ol class="se-claims">
                    <li class="se-claim" id="se1-rivers/high-water" tabindex="-1">
                      <span class="se-claim-number">2.1</span>
                      <p class="se-claim-text">The rivers are high this year.</p>
                      <p class="se-claim-row"><a href="#se1-q-high-water-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quote<span class="se-vh"> of claim 2.1</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 2.1</span></button></span></p>
                      <ul class="se-citations" hidden="until-found">
                        <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“The rivers are high this year.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span></span></li>
                      </ul>
                    </li>
                    <li class="se-claim" id="se1-rivers/bridges" tabindex="-1">
                      <span class="se-claim-number">2.2</span>
                      <p class="se-claim-text">Engineers will build 3 new bridges.</p>
                      <p class="se-claim-row"><a href="#se1-q-bridges-1" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quote<span class="se-vh"> of claim 2.2</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 2.2</span></button></span></p>
                      <ul class="se-citations" hidden="until-found">
                        <li class="se-citation"><span class="se-quotation"><span class="se-cite-words">“Engineers will build 3 new bridges.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>3</span></span></li>
                      </ul>
                    </li>
                  </ol>
                </div>
              </section>
            </div>
        "##]],
    );
}

#[test]
fn an_embed_without_the_article_links_quotes_to_the_complete_explainer() {
    let options = || ViewOptions {
        theme: Theme::Dark,
        article: ArticlePlacement::Linked("https://explainer.example/".to_string()),
        ..ViewOptions::default()
    };
    // No overview, no glance, no article: the header, the toolbar and the sections, in the theme asked for.
    skeleton(
        State { overview: false, ..State::closed(&Document::fixture().core) },
        options(),
        expect![[r#"
        <div class="se" data-se-root="" data-se-theme="dark">
          <div class="se-header">
          <div class="se-toolbar" data-se-enhanced-only="">
          <div class="se-sections" id="sections">
          <div class="se-settings" data-se-enhanced-only="">
    "#]],
    );
    check(
        |state| state.overview = false,
        options(),
        "se-header",
        expect![[r#"
        <div class="se-header">
          <p class="se-kicker">Explainer</p>
          <h1 class="se-title">The fixture explainer: “we &lt;agree&gt;” &amp; more</h1>
          <p class="se-standfirst">Every statement below links to the words of one article (CNN, Springfield, dated 2000-01-01), shown in full <a href="https://explainer.example/#article" target="_blank" rel="noopener">in the complete explainer</a>.</p>
        </div>
    "#]],
    );
    check(
        |state| state.overview = false,
        options(),
        "se-claim-row",
        expect![[r#"
        <p class="se-claim-row"><a href="https://explainer.example/#q-agree-1" target="_blank" rel="noopener" class="se-cite"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1<span class="se-vh"> (opens in a new tab)</span></a> <span class="se-claim-actions" data-se-enhanced-only=""><button type="button" data-se-quotes="" aria-expanded="false">Quotes<span class="se-vh"> of claim 1.1</span></button> <button type="button" class="se-copy" data-se-copy=""><span class="se-copy-label">Copy link</span><span class="se-vh"> to claim 1.1</span></button></span></p>
    "#]],
    );
}

#[test]
fn an_embed_without_any_article_shows_quotes_as_text() {
    let options = ViewOptions { article: ArticlePlacement::Omitted, ..ViewOptions::default() };
    check(
        |_| {},
        options,
        "se-citations",
        expect![[r#"
            <ul class="se-citations" hidden="until-found">
              <li class="se-citation">
                <span class="se-quotation"><span class="se-cite-words">“The leaders met.”</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                <details class="se-context">
                  <summary class="se-context-toggle">In context</summary>
                  <div class="se-context-body">
                    <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> <mark class="se-context-quote">The leaders met.</mark> Biden said “we &lt;agree&gt;” &amp; left.</p>
                    <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                  </div>
                </details>
              </li>
              <li class="se-citation">
                <span class="se-quotation"><span class="se-cite-words">“Biden said “we &lt;agree&gt;””</span> <span class="se-cite-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span></span>
                <details class="se-context">
                  <summary class="se-context-toggle">In context</summary>
                  <div class="se-context-body">
                    <p><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>1</span> The leaders met. <mark class="se-context-quote">Biden said “we &lt;agree&gt;”</mark> &amp; left.</p>
                    <p class="se-context-near"><span class="se-context-where"><span class="se-vh">Paragraph </span><span aria-hidden="true">¶&nbsp;</span>2</span> The talks ran late into the night, an official said.</p>
                  </div>
                </details>
              </li>
            </ul>
        "#]],
    );
}

#[test]
fn headings_follow_the_level_asked_for() {
    let levels: Vec<_> = (0..=7).map(|n| HeadingLevel::new(n).map(|l| (l.tag(-1), l.tag(0)))).collect();
    assert_eq!(
        levels,
        [
            None,
            None,
            Some(("h1", "h2")),
            Some(("h2", "h3")),
            Some(("h3", "h4")),
            Some(("h4", "h5")),
            Some(("h5", "h6")),
            None
        ]
    );
}

/// Every id in the summit page is unique, and every in-page link points at one of them.
#[test]
fn a_short_version_links_to_the_first_claim_in_full_of_each_section_shown() {
    let document = Document::fixture();
    let met = document.core.claim_at(Place::Overview, "met").unwrap();
    let agree = document.core.claim_at(Place::Section(0), "agree").unwrap();
    let core = &document.core;
    assert_eq!(core.in_full(met, |_| true), [agree]);
    assert_eq!(core.listed_quotes(met, |_| true), [], "its claims in full list its quotes");
    assert_eq!(core.in_full(met, |c| c != agree), [], "its section is not shown");
    assert_eq!(core.listed_quotes(met, |c| c != agree), core.claim(met).anchors, "so it lists its own");
    assert_eq!(core.in_full(agree, |_| true), [], "a claim in full links to none");
}

/// The `name` of the first radio button in `node`.
fn radio_group_name(node: &Node) -> Option<&str> {
    match node {
        Node::Element(element) if element.attribute("type") == Some("radio") => element.attribute("name"),
        Node::Element(element) => element.children.iter().find_map(radio_group_name),
        Node::Text(_) => None,
    }
}

#[test]
fn every_link_in_the_summit_page_has_its_target_and_no_id_repeats() {
    fn walk<'a>(node: &'a Node, ids: &mut Vec<&'a str>, links: &mut Vec<&'a str>) {
        if let Node::Element(element) = node {
            ids.extend(element.attribute("id"));
            links.extend(element.attribute("href").and_then(|h| h.strip_prefix('#')));
            links.extend(element.attribute("aria-controls").into_iter().flat_map(str::split_whitespace));
            links.extend(element.attribute("aria-labelledby"));
            element.children.iter().for_each(|child| walk(child, ids, links));
        }
    }
    let document = Document::built_in();
    let mut state = State::closed(&document.core);
    state.open.iter_mut().for_each(|open| *open = true);
    let page = explainer(document, &state, &ViewOptions::default()).into_node();
    let (mut ids, mut links) = (Vec::new(), Vec::new());
    walk(&page, &mut ids, &mut links);
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "ids repeat");
    for link in &links {
        assert!(ids.contains(link), "#{link} points nowhere");
    }
    // The ids of the page's own parts are exactly the ones content may not take; every other id is made
    // from the content's (a section, `part/claim`, a quote's `q-…`, a paragraph's `p<n>`, or `<id>--<part>`).
    let made_from_content = |id: &str| {
        document.core.section_index(id).is_some()
            || id.contains('/')
            || id.starts_with(summit_rules::QUOTE_PREFIX)
            || id.contains("--")
            || id.strip_prefix('p').is_some_and(|n| n.parse::<usize>().is_ok())
    };
    let mut own: Vec<&str> = ids.iter().copied().filter(|id| !made_from_content(id)).collect();
    // The theme switch's radio group is named, not identified, and only the standalone page has it.
    let with_switch = ViewOptions { theme_switch: true, ..ViewOptions::default() };
    let switch = explainer(document, &state, &with_switch).into_node();
    own.push(with_class(&switch, "se-theme").and_then(radio_group_name).expect("the theme switch has a radio group"));
    own.sort_unstable();
    let mut reserved = crate::document::RESERVED_IDS.to_vec();
    reserved.sort_unstable();
    assert_eq!(own, reserved, "the page's own ids are exactly the reserved ones");
    // Quote links: one per paragraph each claim cites, plus each figure and event at a glance.
    let citations = links.iter().filter(|l| l.starts_with("q-")).count();
    let at_a_glance = document.figures.len() + document.timeline.len();
    let linked: usize = (0..document.core.claims.len()).map(|c| linked_quotes(document, ClaimIndex(c)).len()).sum();
    assert!(linked < document.core.claims.iter().map(|c| c.anchors.len()).sum::<usize>(), "some share a paragraph");
    assert_eq!(citations, linked + at_a_glance);
    // Claim links: the way back from each quote, each attributed claim in "who said what", and a short
    // version's links to its claims in full (one per section).
    let claim_links = links.iter().filter(|l| l.contains('/')).count();
    let attributed = document.attributed.iter().filter(|a| a.is_some()).count();
    let in_full: usize =
        (0..document.core.claims.len()).map(|c| document.core.in_full(ClaimIndex(c), |_| true).len()).sum();
    assert!(in_full >= 3, "the summit's overview links to its claims in full");
    assert_eq!(
        claim_links,
        document.core.anchors.iter().map(|a| a.cited_by.len()).sum::<usize>() + attributed + in_full
    );
}

/// The article's text reaches the page whole: every paragraph, less the numbers and back-links, verbatim.
#[test]
fn the_page_shows_the_whole_article_verbatim() {
    fn text_without_decorations(node: &Node, out: &mut String) {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => {
                if !matches!(element.attribute("class"), Some("se-para-number" | "se-backrefs")) {
                    element.children.iter().for_each(|child| text_without_decorations(child, out));
                }
            }
        }
    }
    fn paragraphs(node: &Node, out: &mut Vec<String>) {
        if let Node::Element(element) = node {
            if element.tag == "p" && element.attribute("class").is_some_and(|c| c.starts_with("se-para")) {
                let mut text = String::new();
                text_without_decorations(node, &mut text);
                out.push(text);
            } else {
                element.children.iter().for_each(|child| paragraphs(child, out));
            }
        }
    }
    let document = Document::fixture();
    let page = explainer(document, &State::closed(&document.core), &ViewOptions::default()).into_node();
    let mut shown = Vec::new();
    paragraphs(&page, &mut shown);
    let source: Vec<&str> = (0..document.paragraphs.len()).map(|p| document.paragraph_text(p)).collect();
    assert_eq!(shown, source);
    assert_eq!(shown.len(), 6);
}

/// An embed of some sections marks only the quotes its claims cite: the others are the article's text,
/// with no mark to land on and no way back to a claim the embed does not show.
#[test]
fn an_embed_marks_only_the_quotes_of_what_it_shows() {
    fn marks_and_backrefs(node: &Node, marks: &mut Vec<String>, backrefs: &mut Vec<String>) {
        if let Node::Element(element) = node {
            match (element.tag, element.attribute("class")) {
                ("mark", Some(class)) if class.starts_with("se-quote") => {
                    marks.push(element.attribute("id").unwrap_or_default().to_string())
                }
                ("a", Some("se-backref")) => backrefs.push(element.attribute("href").unwrap_or_default().to_string()),
                _ => {}
            }
            element.children.iter().for_each(|child| marks_and_backrefs(child, marks, backrefs));
        }
    }
    let document = Document::fixture();
    let rivers = document.core.section_index("rivers").unwrap();
    let talks = document.core.section_index("talks").unwrap();
    let shown = |sections: Vec<usize>, overview: bool| {
        let state = State { shown: sections, overview, ..State::closed(&document.core) };
        let page = explainer(document, &state, &ViewOptions::default()).into_node();
        let (mut marks, mut backrefs) = (Vec::new(), Vec::new());
        marks_and_backrefs(&page, &mut marks, &mut backrefs);
        (marks, backrefs)
    };
    assert_eq!(
        shown(vec![rivers], false),
        (
            vec!["q-high-water-1".into(), "q-bridges-1".into()],
            vec!["#rivers/high-water".into(), "#rivers/bridges".into()]
        )
    );
    // "The leaders met." is cited by the overview's claim and by two in Talks (their lead's quote): with
    // Talks alone, it is marked, and leads back only to the claims that are there.
    let (marks, backrefs) = shown(vec![talks], false);
    assert_eq!(marks, ["q-agree-1", "q-agree-2", "q-ran-late-2", "q-meet-again-1"]);
    assert_eq!(backrefs, ["#talks/agree", "#talks/ran-late", "#talks/agree", "#talks/ran-late", "#talks/meet-again"]);
    let (marks, backrefs) = shown(vec![talks, rivers], true);
    assert_eq!(marks.len(), document.core.anchors.len());
    assert!(backrefs.contains(&"#overview/met".to_string()));
}

/// Every class and attribute name in `node`, as written (a `class` split into its names).
fn names_written(node: &Node, out: &mut std::collections::BTreeSet<String>) {
    if let Node::Element(element) = node {
        for (name, value) in &element.attributes {
            if *name == "class" {
                out.extend(value.split(' ').filter(|c| !c.is_empty()).map(str::to_string));
            } else {
                out.insert(name.to_string());
            }
        }
        element.children.iter().for_each(|child| names_written(child, out));
    }
}

/// What the view writes of the summit in the states that between them show every part: closed; every
/// section and every claim's quotes open, a claim current, a search running; a search that matches nothing;
/// an embed (dark, parts named, the article elsewhere); and the notices of a failure, a refused copy and an
/// embed that cannot start.
fn every_name_the_view_writes() -> std::collections::BTreeSet<String> {
    let document = Document::built_in();
    let core = &document.core;
    let mut written = std::collections::BTreeSet::new();
    let closed = State::closed(core);
    let mut open = State::closed(core);
    crate::state::update(&mut open, core, crate::state::Msg::ToggleAll);
    for claim in 0..core.claims.len() {
        crate::state::update(&mut open, core, crate::state::Msg::ToggleQuotes(ClaimIndex(claim)));
    }
    crate::state::update(
        &mut open,
        core,
        crate::state::Msg::Navigate(Target::Claim(ClaimIndex(core.claims.len() - 1))),
    );
    let mut searching = open.clone();
    crate::state::update(&mut searching, core, crate::state::Msg::Search("Kishida".into()));
    let mut nothing = State::closed(core);
    crate::state::update(&mut nothing, core, crate::state::Msg::Search("zzzz".into()));
    let embed = ViewOptions {
        id_prefix: "se1-".to_string(),
        theme: Theme::Dark,
        article: ArticlePlacement::Linked("https://explainer.example/".to_string()),
        theme_switch: false,
        parts: true,
        ..ViewOptions::default()
    };
    for (state, options) in [
        (&closed, ViewOptions::default()),
        (&open, ViewOptions::default()),
        (&searching, ViewOptions::default()),
        (&nothing, ViewOptions::default()),
        (&open, embed),
    ] {
        names_written(&explainer(document, state, &options).into_node(), &mut written);
    }
    for extra in [failure_notice(), link_to_copy(), error_box("a message")] {
        names_written(&extra.into_node(), &mut written);
    }
    written
}

/// The hooks the browser layer writes itself, each for a reason the view cannot share: the view describes
/// the markup before any script runs.
const WRITTEN_BY_THE_BROWSER: &[(&str, &str)] = &[
    (hooks::ENHANCED.name, "set on the root once an explainer drives it"),
    (hooks::FAILED.name, "set on the root when the explainer has failed"),
    (hooks::MOUNT.name, "the wrapper mount() appends to a host's element"),
    (hooks::HOST.name, "the element in a shadow root that holds the explainer"),
];

/// `hooks::ALL` is the contract: every hook the browser finds the markup by is one the view writes (or one the
/// browser writes itself, listed with its reason).
#[test]
fn every_hook_is_written_by_the_view_or_listed_as_the_browsers() {
    let written = every_name_the_view_writes();
    let missing: Vec<&str> = hooks::ALL
        .iter()
        .map(|hook| hook.name)
        .filter(|name| !written.contains(*name) && !WRITTEN_BY_THE_BROWSER.iter().any(|(own, _)| own == name))
        .collect();
    assert_eq!(missing, Vec::<&str>::new(), "hooks the view never writes");
    for (name, why) in WRITTEN_BY_THE_BROWSER {
        assert!(!written.contains(*name), "{name} is listed as the browser's ({why}), but the view writes it");
    }
}

/// The stylesheets style only what is there: every `.se-…` class and `data-se-…` attribute they name is one
/// the view writes, one its shells write, or a hook the browser writes (above).
#[test]
fn every_class_and_attribute_the_stylesheets_name_is_written() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let component = content_compiler::css::component(&root.join(content_compiler::css::COMPONENT)).unwrap();
    let mut css = component;
    for other in ["www/page.css", "www/noscript.css"] {
        css.push_str(&std::fs::read_to_string(root.join(other)).unwrap());
    }
    let css = content_compiler::css::minify(&css); // Comments may name anything.
    let mut written = every_name_the_view_writes();
    // The shells the view is written into name their own (the iframe's body, the page's skip links).
    for shell in ["index.html", "www/frame.html"] {
        let html = std::fs::read_to_string(root.join(shell)).unwrap();
        for classes in html.split("class=\"").skip(1) {
            written.extend(classes[..classes.find('"').unwrap()].split(' ').map(str::to_string));
        }
    }
    let mut named = std::collections::BTreeSet::new();
    for start in ["se-", "data-se-"] {
        for (at, _) in css.match_indices(start) {
            let before = css[..at].chars().next_back();
            // A class after `.`, an attribute after `[`; not the middle of another word or a custom property.
            if !matches!(before, Some('.') | Some('[')) {
                continue;
            }
            let name: String =
                css[at..].chars().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-').collect();
            named.insert(name);
        }
    }
    assert!(named.len() > 40, "{named:?}");
    let browsers: Vec<&str> = WRITTEN_BY_THE_BROWSER.iter().map(|(name, _)| *name).collect();
    let unwritten: Vec<&String> =
        named.iter().filter(|name| !written.contains(*name) && !browsers.contains(&name.as_str())).collect();
    assert_eq!(unwritten, Vec::<&String>::new(), "the stylesheets name what nothing writes");
}

/// What a search reads of a claim (`search::claim_fields`) is what the view marks in it (`searched_texts`),
/// a quote with the marks the view may put round it, and then its section's title and summary.
#[test]
fn a_search_reads_the_texts_the_view_marks() {
    let document = Document::built_in();
    let core = &document.core;
    let state = State::closed(core);
    for claim in (0..core.claims.len()).map(ClaimIndex) {
        let marked = searched_texts(core, &state, claim);
        let searched = crate::search::claim_fields(core, claim, |full| state.shows_claim(core, full));
        let in_section = match core.claim(claim).place {
            Place::Overview => 0,
            Place::Section(_) => 2,
        };
        let id = core.claim(claim).claim.id;
        assert_eq!(marked.len(), searched.len() - in_section, "{id}");
        for ((hook, shown), read) in marked.iter().zip(&searched) {
            let quoted = ["\u{201c}", read, "\u{201d}"].concat();
            assert!(shown == read || (*hook == hooks::CITE_WORDS && *shown == quoted), "{id}: {shown} / {read}");
        }
    }
}
