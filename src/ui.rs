//! The shared UI types: how an instance of the explainer is to be written (its options, heading level, theme
//! and where the article is). The view writes with them; options parse into them, state and storage keep a
//! theme. They sit below all of those, so that no part of the core depends on the view.

use crate::prelude::*;

/// The heading level of the section headings, 2 to 6, so the explainer fits the outline of the page around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl HeadingLevel {
    /// Level `level`, if it is 2 to 6.
    pub fn new(level: u8) -> Option<HeadingLevel> {
        (2..=6).contains(&level).then_some(HeadingLevel(level))
    }

    /// The tag name for this level, or for `offset` levels above it (`-1` is the title's level).
    pub(crate) fn tag(self, offset: i8) -> &'static str {
        const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        let level = (self.0 as i8 + offset).clamp(1, 6);
        TAGS[level as usize - 1]
    }
}

impl Default for HeadingLevel {
    fn default() -> HeadingLevel {
        HeadingLevel(2)
    }
}

/// The colour scheme of an instance: `auto` follows the reader's system setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light, whatever the system says.
    Light,
    /// Dark, whatever the system says.
    Dark,
    /// The system's preference (`prefers-color-scheme`).
    #[default]
    Auto,
}

impl Theme {
    /// The theme called `name` (`light`, `dark`, `auto`).
    pub fn from_name(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// The theme's name, as options, storage and `data-se-theme` spell it.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Where the source article is, for the quote links.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ArticlePlacement {
    /// In the instance, after the sections, every quote marked in it with links back to its claims.
    #[default]
    Inline,
    /// Not in the instance: quote links open this page (which shows the article) at the quote, in a new tab.
    Linked(String),
    /// Nowhere: the quotes are shown with their paragraph numbers but are not links.
    Omitted,
}

/// The `part` names the view writes in a shadow root, for a host's `::part()`: the README and `explainer.css`
/// list exactly these, in this order (a tidy test), and the view writes every one (a test of the view).
pub const PARTS: [&str; 16] = [
    "root", "header", "title", "overview", "search", "show-all", "section", "toggle", "panel", "claim", "cite",
    "context", "glance", "article", "quote", "error",
];

/// How one instance of the explainer is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewOptions {
    /// Put before every element id, so several instances can share a document; empty for the standalone page.
    pub id_prefix: String,
    /// The level of the section headings; the title is one level above.
    pub heading_level: HeadingLevel,
    /// The colour scheme.
    pub theme: Theme,
    /// Where the article is.
    pub article: ArticlePlacement,
    /// Whether the reader gets a light / dark / auto switch (the standalone page; an embed follows its host).
    pub theme_switch: bool,
    /// Whether the article's structure at a glance (numbers, timeline, who said what) is shown.
    pub glance: bool,
    /// Whether each claim has a "Copy link" button (where the page's address leads back to the claim: the
    /// standalone page, an embed with deep links).
    pub copy_links: bool,
    /// Whether elements carry `part` names for `::part()`: only in a shadow root (the element, `mount()`) do
    /// they mean something.
    pub parts: bool,
}

impl Default for ViewOptions {
    /// The standalone page: plain ids, level-2 sections, the system's theme, everything shown.
    fn default() -> ViewOptions {
        ViewOptions {
            id_prefix: String::new(),
            heading_level: HeadingLevel::default(),
            theme: Theme::Auto,
            article: ArticlePlacement::Inline,
            theme_switch: true,
            copy_links: true,
            glance: true,
            parts: false,
        }
    }
}
