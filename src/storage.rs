//! What the page remembers for the session (`sessionStorage`): which sections are open. The stored text is
//! outside input (anyone can edit it), so it is parsed here into known sections or refused as a whole, with a
//! [`StorageError`] saying why; the browser layer then ignores it.

use crate::prelude::*;

use core::fmt;

use crate::document::Core;
use crate::ui::Theme;
use crate::value::Quoted;

/// The `sessionStorage` key of the standalone page's open sections.
pub const OPEN_SECTIONS_KEY: &str = "summit-explainer:open";

/// The `localStorage` key of the reader's chosen theme (kept across visits: it is a preference).
pub const THEME_KEY: &str = "summit-explainer:theme";

/// Why stored text is not this build's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// Longer than anything this build writes (the length given).
    TooLong(usize),
    /// Not in this build's format (`v1:` first).
    WrongVersion,
    /// Names a section this build does not have.
    UnknownSection(String),
    /// Names a section twice.
    Repeated(String),
    /// Not `light`, `dark` or `auto`.
    UnknownTheme(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::TooLong(len) => {
                write!(f, "the stored text is {len} bytes long; this build writes at most {MAX_LEN}")
            }
            StorageError::WrongVersion => write!(f, "the stored text does not start with {}", Quoted(VERSION)),
            StorageError::UnknownSection(id) => write!(f, "the stored text names an unknown section {}", Quoted(id)),
            StorageError::Repeated(id) => write!(f, "the stored text names {} twice", Quoted(id)),
            StorageError::UnknownTheme(name) => {
                write!(f, "the stored theme {} is not light, dark or auto", Quoted(name))
            }
        }
    }
}

/// The theme stored, if it is one this build knows (`light`, `dark`, `auto`).
pub fn parse_theme(stored: &str) -> Result<Theme, StorageError> {
    Theme::from_name(stored).ok_or_else(|| StorageError::UnknownTheme(stored.chars().take(32).collect()))
}

/// The format's version, first in the stored text, so a later format can tell old data from its own.
const VERSION: &str = "v1:";

/// The longest stored text worth reading: all eight ids fit in well under this.
const MAX_LEN: usize = 512;

/// The stored form of the open sections (by document index, in display order: `State::open_sections`):
/// `v1:space,alliance`.
pub fn format_open(document: &Core, open: &[usize]) -> String {
    let open: Vec<&str> = open.iter().map(|&s| document.sections[s].id).collect();
    [VERSION, &open.join(",")].concat()
}

/// The sections a stored text names, by document index; an error (ignore it all) for anything but a list this
/// build wrote: another version, an unknown or repeated id, or text too long to be ours.
pub fn parse_open(document: &Core, stored: &str) -> Result<Vec<usize>, StorageError> {
    if stored.len() > MAX_LEN {
        return Err(StorageError::TooLong(stored.len()));
    }
    let list = stored.strip_prefix(VERSION).ok_or(StorageError::WrongVersion)?;
    let mut sections = Vec::new();
    for id in list.split(',').filter(|id| !id.is_empty()) {
        let section = document.section_index(id).ok_or_else(|| StorageError::UnknownSection(id.to_string()))?;
        if sections.contains(&section) {
            return Err(StorageError::Repeated(id.to_string()));
        }
        sections.push(section);
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::state::State;

    /// The engine's test explainer: sections `talks` (0) and `rivers` (1).
    fn fixture() -> &'static Core {
        &Document::fixture().core
    }

    #[test]
    fn open_sections_round_trip() {
        let document = fixture();
        let mut state = State::closed(document);
        assert_eq!(format_open(document, &state.open_sections()), "v1:");
        assert_eq!(parse_open(document, "v1:"), Ok(vec![]));
        state.open[1] = true;
        let stored = format_open(document, &state.open_sections());
        assert_eq!(stored, "v1:rivers", "only the open sections are stored");
        assert_eq!(parse_open(document, &stored), Ok(vec![1]));
        state.open[0] = true;
        let stored = format_open(document, &state.open_sections());
        assert_eq!(stored, "v1:talks,rivers");
        assert_eq!(parse_open(document, &stored), Ok(vec![0, 1]));
        state.shown = vec![1, 0];
        let stored = format_open(document, &state.open_sections());
        assert_eq!(stored, "v1:rivers,talks", "in display order");
        assert_eq!(parse_open(document, &stored), Ok(vec![1, 0]));
    }

    /// An invariant of any explainer, so it is checked on the real content too: with every section open, what
    /// is stored fits in what is read, and reads back.
    #[test]
    fn every_section_open_round_trips_in_every_document() {
        for document in [&Document::fixture().core, &Document::built_in().core] {
            let state = State { open: vec![true; document.sections.len()], ..State::closed(document) };
            let stored = format_open(document, &state.open_sections());
            assert!(stored.len() <= MAX_LEN, "{stored:?} is longer than {MAX_LEN}");
            assert_eq!(parse_open(document, &stored), Ok((0..document.sections.len()).collect()));
        }
    }

    #[test]
    fn the_theme_is_a_known_name_or_nothing() {
        for theme in [Theme::Light, Theme::Dark, Theme::Auto] {
            assert_eq!(parse_theme(theme.name()), Ok(theme));
        }
        for garbage in ["", "Dark", "sepia", "dark ", "<x>", "v1:dark"] {
            assert_eq!(parse_theme(garbage), Err(StorageError::UnknownTheme(garbage.into())), "{garbage:?}");
        }
        let long = parse_theme(&"x".repeat(1000)).unwrap_err().to_string();
        assert_eq!(long, format!("the stored theme {:?} is not light, dark or auto", "x".repeat(32)));
    }

    #[test]
    fn garbage_is_ignored_as_a_whole() {
        let garbage = [
            "",
            "talks",
            "v2:talks",
            "v1:talks,moon",
            "v1:talks,talks",
            "v1:__proto__",
            "v1:<img src=x onerror=alert(1)>",
            "v1:../../etc/passwd",
            "\u{0}",
            "v1:TALKS",
            "{\"open\":[\"talks\"]}",
        ];
        for stored in garbage {
            assert!(parse_open(fixture(), stored).is_err(), "{stored:?}");
        }
        let long = format!("v1:{}", "talks,".repeat(200));
        assert_eq!(parse_open(fixture(), &long), Err(StorageError::TooLong(1203)));
        assert_eq!(parse_open(fixture(), "v1:,talks,"), Ok(vec![0]), "empty items are no items");
        let why = |stored: &str| parse_open(fixture(), stored).unwrap_err().to_string();
        assert_eq!(why("v2:talks"), "the stored text does not start with \"v1:\"");
        assert_eq!(why("v1:talks,moon"), "the stored text names an unknown section \"moon\"");
        assert_eq!(why("v1:talks,talks"), "the stored text names \"talks\" twice");
    }
}
