//! The contract between the view and the browser layer: every class and attribute the browser code finds the
//! markup by (or sets on it), named once. The view writes them with [`Hook::name`]; the browser finds them with
//! [`Hook::selector`] or one of the selector functions here, which are the only selectors built at run time.
//! A lookup by place (the n-th quote of a claim) is by index in Rust, never by an `:nth-child` selector.

use crate::prelude::*;

/// A class or an attribute of the markup, with the selector that finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hook {
    /// The class or attribute name, as the view writes it.
    pub name: &'static str,
    /// The selector for an element that has it: `.name` or `[name]`.
    pub selector: &'static str,
}

macro_rules! hooks {
    ($($(#[$doc:meta])* $kind:ident $constant:ident = $name:literal;)*) => {
        $( $(#[$doc])* pub const $constant: Hook = hooks!(@ $kind $name); )*
        /// Every hook: the view's tests check that each is written by the view, or is one the browser
        /// writes itself (`view::tests::every_hook_is_written_by_the_view_or_listed_as_the_browsers`).
        pub const ALL: &[Hook] = &[$($constant),*];
    };
    (@ class $name:literal) => { Hook { name: $name, selector: concat!(".", $name) } };
    (@ attribute $name:literal) => { Hook { name: $name, selector: concat!("[", $name, "]") } };
}

hooks! {
    /// The explainer's root element.
    attribute ROOT = "data-se-root";
    /// A section's header button; its value is the section's id.
    attribute TOGGLE = "data-se-toggle";
    /// A section's panel; its value is the section's id.
    attribute PANEL = "data-se-panel";
    /// The "Show all sections" button.
    attribute SHOW_ALL = "data-se-show-all";
    /// A claim's "Copy link" button.
    attribute COPY = "data-se-copy";
    /// The button that shows a claim's quotes or hides them.
    attribute QUOTES = "data-se-quotes";
    /// The search box.
    attribute SEARCH = "data-se-search";
    /// The live region that says how many claims match.
    attribute STATUS = "data-se-status";
    /// The message shown when nothing matches.
    attribute NO_MATCH = "data-se-no-match";
    /// The button that clears the search.
    attribute CLEAR = "data-se-clear";
    /// The theme switch's radio buttons (their value is the theme's name).
    attribute THEME_CHOICE = "data-se-theme-choice";
    /// On the root (and the standalone page's `<html>`): the colour scheme, absent for `auto`.
    attribute THEME = "data-se-theme";
    /// The controls that only work with JavaScript. They keep their place but stay invisible until the root
    /// is enhanced (so showing them shifts nothing), and are not shown at all without JavaScript
    /// (`noscript.css`) or when the script failed.
    attribute ENHANCED_ONLY = "data-se-enhanced-only";
    /// On the root while an explainer drives it.
    attribute ENHANCED = "data-se-enhanced";
    /// On the root once the explainer has failed (a panic): every section is then shown open and the
    /// controls that need JavaScript are hidden (see `explainer.css`).
    attribute FAILED = "data-se-failed";
    /// The notice that says so.
    attribute FAILURE = "data-se-failure";
    /// The wrapper `mount()` appends to a host's element, holding the shadow root.
    attribute MOUNT = "data-se-mount";
    /// The element in a shadow root that holds the explainer (also its id there: a shadow root's ids are its
    /// own).
    class HOST = "se-host";
    /// The overview, which a search hides when none of its claims match.
    class OVERVIEW = "se-overview";
    /// A claim, in the overview or a section; its id names it.
    class CLAIM = "se-claim";
    /// A claim's statement.
    class CLAIM_TEXT = "se-claim-text";
    /// A claim's attribution line.
    class ATTRIBUTION = "se-attribution";
    /// The text of a claim's note.
    class NOTE_TEXT = "se-claim-note-text";
    /// A claim's list of quotes, shown on demand.
    class CITATIONS = "se-citations";
    /// A quote's words in that list.
    class CITE_WORDS = "se-cite-words";
    /// The count on a section's header, which a search rewrites.
    class COUNT = "se-toggle-count";
    /// A claim's controls that need JavaScript (the quotes button, "Copy link", the field of a refused copy).
    class CLAIM_ACTIONS = "se-claim-actions";
    /// The "Copy link" button's visible label.
    class COPY_LABEL = "se-copy-label";
    /// The field that shows a claim's address where the clipboard is refused.
    class COPY_FALLBACK = "se-copy-fallback";
    /// The read-only field in it.
    class COPY_FIELD = "se-copy-field";
    /// The words of the no-match message.
    class NO_MATCH_TEXT = "se-no-match-text";
    /// The current target of navigation.
    class CURRENT = "se-current";
    /// A section header's title (the page's module reads the document from the markup: see `outline`).
    class TOGGLE_TITLE = "se-toggle-title";
    /// The sentence under a section's header.
    class SUMMARY = "se-section-summary";
    /// An overview claim's link to a claim that tells it in full.
    class SEE = "se-see";
    /// A quote marked in the in-page article.
    class QUOTE_MARK = "se-quote";
    /// The way-back links after a marked quote, one per claim citing it (right after it: [`QUOTE_BACKREFS`]).
    class BACKREFS = "se-backrefs";
    /// One of them.
    class BACKREF = "se-backref";
}

/// The one relation between elements that the browser walks rather than finds by a hook: an element right
/// after one with `from`, when it has `to` (`browser::dom::following`). The view writes it so, and a test of
/// the view checks it over its own output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Following {
    /// The element walked from.
    pub from: Hook,
    /// What the element right after it has.
    pub to: Hook,
}

/// A marked quote's way-back links come right after its mark: the page's module reads whom a quote is cited
/// by so (`browser::markup`).
pub const QUOTE_BACKREFS: Following = Following { from: QUOTE_MARK, to: BACKREFS };

/// The value of a closed panel's `hidden` attribute: hidden, but found by find-in-page and fragment links.
pub const CLOSED_PANEL_HIDDEN: &str = "until-found";

/// A claim's list of quotes that the browser has revealed (find-in-page, a fragment).
pub const REVEALED_CITATIONS: &str = ".se-citations:not([hidden])";

/// A wrapper `mount()` appended directly to the element it is given.
pub const OWN_MOUNT: &str = ":scope > [data-se-mount]";

/// A link to a place in the same page.
pub const FRAGMENT_LINK: &str = "a[href^='#']";

/// Everything a click in an explainer can be for, in one selector, so that a click costs one `closest`: the
/// show-all, clear, copy, quotes and section buttons, and links to places in the page. (A test keeps it the
/// hooks' own selectors.)
pub const CLICKABLE: &str =
    "[data-se-show-all],[data-se-clear],[data-se-copy],[data-se-quotes],[data-se-toggle],a[href^='#']";

/// The value of a header's `aria-expanded` for an open or closed section.
pub fn aria_expanded(open: bool) -> &'static str {
    if open {
        "true"
    } else {
        "false"
    }
}

/// The element with this id (inside a root: an element has no `getElementById`).
pub fn with_id(id: &str) -> String {
    ["[id=\"", &css_string(id), "\"]"].concat()
}

/// The panel of the section with this id.
pub fn panel(section_id: &str) -> String {
    ["[", PANEL.name, "=\"", &css_string(section_id), "\"]"].concat()
}

/// A link to exactly this `href`.
pub fn link_to(href: &str) -> String {
    ["a[href=\"", &css_string(href), "\"]"].concat()
}

/// The theme switch's radio button for this theme name.
pub fn theme_choice(name: &str) -> String {
    ["[", THEME_CHOICE.name, "][value=\"", &css_string(name), "\"]"].concat()
}

/// `value` as the inside of a double-quoted CSS string: a quote or a backslash cannot end it early. (Ids are
/// checked words and prefixes are checked too; this holds even if they were not.)
fn css_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\a "),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hook_is_found_by_its_own_name() {
        assert_eq!(TOGGLE.selector, "[data-se-toggle]");
        assert_eq!(CLAIM.selector, ".se-claim");
        for hook in ALL {
            assert!(hook.selector == format!(".{}", hook.name) || hook.selector == format!("[{}]", hook.name));
        }
    }

    #[test]
    fn the_selectors_written_out_are_the_hooks_own() {
        assert_eq!(REVEALED_CITATIONS, [CITATIONS.selector, ":not([hidden])"].concat());
        assert_eq!(OWN_MOUNT, [":scope > ", MOUNT.selector].concat());
    }

    #[test]
    fn a_click_is_matched_against_the_hooks_own_selectors() {
        let clickable =
            [SHOW_ALL.selector, CLEAR.selector, COPY.selector, QUOTES.selector, TOGGLE.selector, FRAGMENT_LINK];
        assert_eq!(CLICKABLE, clickable.join(","));
    }

    #[test]
    fn values_cannot_break_out_of_their_selector() {
        assert_eq!(with_id("talks/agree"), "[id=\"talks/agree\"]");
        assert_eq!(with_id("a\"]*,[x=\"\\"), "[id=\"a\\\"]*,[x=\\\"\\\\\"]");
        assert_eq!(panel("talks"), "[data-se-panel=\"talks\"]");
        assert_eq!(link_to("#q-1"), "a[href=\"#q-1\"]");
        assert_eq!(theme_choice("dark"), "[data-se-theme-choice][value=\"dark\"]");
    }
}
