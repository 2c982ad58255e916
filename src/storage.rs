//! What the page remembers for the session (`sessionStorage`): which sections are open. The stored text is
//! outside input (anyone can edit it), so it is parsed here into known sections or ignored as a whole.

use crate::document::Document;
use crate::state::State;
use crate::view::Theme;

/// The `sessionStorage` key of the standalone page's open sections.
pub const OPEN_SECTIONS_KEY: &str = "summit-explainer:open";

/// The `localStorage` key of the reader's chosen theme (kept across visits: it is a preference).
pub const THEME_KEY: &str = "summit-explainer:theme";

/// The theme stored, if it is one this build knows (`light`, `dark`, `auto`).
pub fn parse_theme(stored: &str) -> Option<Theme> {
    Theme::from_name(stored)
}

/// The format's version, first in the stored text, so a later format can tell old data from its own.
const VERSION: &str = "v1:";

/// The longest stored text worth reading: all eight ids fit in well under this.
const MAX_LEN: usize = 512;

/// The stored form of the sections open in `state`, in display order: `v1:space,alliance`.
pub fn format_open(document: &Document, state: &State) -> String {
    let open: Vec<&str> = state.shown.iter().filter(|&&s| state.open[s]).map(|&s| document.sections[s].id).collect();
    format!("{VERSION}{}", open.join(","))
}

/// The sections a stored text names, by document index; `None` (ignore it all) for anything but a list this
/// build wrote: another version, an unknown or repeated id, or text too long to be ours.
pub fn parse_open(document: &Document, stored: &str) -> Option<Vec<usize>> {
    if stored.len() > MAX_LEN {
        return None;
    }
    let list = stored.strip_prefix(VERSION)?;
    let mut sections = Vec::new();
    for id in list.split(',').filter(|id| !id.is_empty()) {
        let section = document.section_index(id)?;
        if sections.contains(&section) {
            return None;
        }
        sections.push(section);
    }
    Some(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summit() -> &'static Document {
        Document::summit().expect("the summit data is valid")
    }

    #[test]
    fn open_sections_round_trip() {
        let document = summit();
        let mut state = State::closed(document);
        assert_eq!(format_open(document, &state), "v1:");
        assert_eq!(parse_open(document, "v1:"), Some(vec![]));
        state.open[2] = true;
        state.open[5] = true;
        let stored = format_open(document, &state);
        assert_eq!(stored, "v1:space,alliance");
        assert_eq!(parse_open(document, &stored), Some(vec![2, 5]));
    }

    #[test]
    fn the_theme_is_a_known_name_or_nothing() {
        for theme in [Theme::Light, Theme::Dark, Theme::Auto] {
            assert_eq!(parse_theme(theme.name()), Some(theme));
        }
        for garbage in ["", "Dark", "sepia", "dark ", "<x>", "v1:dark"] {
            assert_eq!(parse_theme(garbage), None, "{garbage:?}");
        }
    }

    #[test]
    fn garbage_is_ignored_as_a_whole() {
        let garbage = [
            "",
            "space",
            "v2:space",
            "v1:space,moon",
            "v1:space,space",
            "v1:__proto__",
            "v1:<img src=x onerror=alert(1)>",
            "v1:../../etc/passwd",
            "\u{0}",
            "v1:SPACE",
            "{\"open\":[\"space\"]}",
        ];
        for stored in garbage {
            assert_eq!(parse_open(summit(), stored), None, "{stored:?}");
        }
        let long = format!("v1:{}", "space,".repeat(200));
        assert_eq!(parse_open(summit(), &long), None, "too long");
        assert_eq!(parse_open(summit(), "v1:,space,"), Some(vec![2]), "empty items are no items");
    }
}
