//! Embed options: the one set of options shared by the custom element (attributes), `mount()` (a JS object)
//! and the iframe (query parameters), each parsed here into one typed [`EmbedOptions`] or a typed
//! [`OptionsError`] that names the option, the bad value and what is allowed.
//!
//! The two spellings differ only in case: `headingLevel` in JavaScript, `heading-level` in attributes and
//! query strings. Values given as text (attributes, query) are lists separated by commas; in JavaScript they
//! are arrays. `null` and `undefined` in JavaScript mean "the default", so hosts can spread partial objects.

use crate::prelude::*;

use core::fmt;

use crate::document::Core;
use crate::route::percent_decode;
use crate::state::State;
use crate::ui::{ArticlePlacement, HeadingLevel, Theme, ViewOptions};
use crate::value::{number, quoted_short, shorten, Quoted, Value};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

/// Every option, as `(JavaScript name, attribute and query name)`, in the order the docs list them.
pub const OPTIONS: &[(&str, &str)] = &[
    ("sections", "sections"),
    ("open", "open"),
    ("theme", "theme"),
    ("headingLevel", "heading-level"),
    ("overview", "overview"),
    ("article", "article"),
    ("articleUrl", "article-url"),
    ("deepLinks", "deep-links"),
];

// Indices into `OPTIONS`.
const SECTIONS: usize = 0;
const OPEN: usize = 1;
const THEME: usize = 2;
const HEADING_LEVEL: usize = 3;
const OVERVIEW: usize = 4;
const ARTICLE: usize = 5;
const ARTICLE_URL: usize = 6;
const DEEP_LINKS: usize = 7;

/// The attribute names the custom element reads (and re-renders on when they change).
pub fn attribute_names() -> impl Iterator<Item = &'static str> {
    OPTIONS.iter().map(|&(_, attribute)| attribute)
}

/// How one embedded instance is set up. [`EmbedOptions::default`] is every section, all closed, theme
/// `auto`, section headings at level 2, the overview and the article shown, no deep links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The sections shown, by document index, in display order.
    pub sections: Vec<usize>,
    /// The sections that start open, by document index (each also in `sections`).
    pub open: Vec<usize>,
    /// The colour scheme.
    pub theme: Theme,
    /// The level of the section headings.
    pub heading_level: HeadingLevel,
    /// Whether the overview ("In brief") is shown.
    pub overview: bool,
    /// Whether the source article is shown in the instance, with every quote marked in it.
    pub article: bool,
    /// With the article hidden: the page that shows it, where each quote link points (`…#q-…`).
    pub article_url: Option<String>,
    /// Whether the instance reads and writes `location.hash` (opt-in; the instance needs a stable `id`).
    pub deep_links: bool,
}

impl EmbedOptions {
    /// The defaults, for `document`.
    pub fn default_for(document: &Core) -> EmbedOptions {
        EmbedOptions {
            sections: (0..document.sections.len()).collect(),
            open: Vec::new(),
            theme: Theme::Auto,
            heading_level: HeadingLevel::default(),
            overview: true,
            article: true,
            article_url: None,
            deep_links: false,
        }
    }

    /// The state the instance starts in.
    pub fn initial_state(&self, document: &Core) -> State {
        let mut state = State::closed(document);
        state.shown.clone_from(&self.sections);
        state.overview = self.overview;
        for &section in &self.open {
            state.open[section] = true;
        }
        state
    }

    /// How the instance is written, with every element id starting with `id_prefix`. `fallback_article_url`
    /// is where quote links point when the article is hidden and no `article-url` was given (the element and
    /// the iframe know where the standalone page is; `mount()` does not).
    pub fn view_options(&self, id_prefix: String, fallback_article_url: Option<&str>) -> ViewOptions {
        let article = if self.article {
            ArticlePlacement::Inline
        } else {
            match self.article_url.as_deref().or(fallback_article_url) {
                Some(url) => ArticlePlacement::Linked(url.to_string()),
                None => ArticlePlacement::Omitted,
            }
        };
        ViewOptions {
            id_prefix,
            heading_level: self.heading_level,
            theme: self.theme,
            article,
            theme_switch: false,
            copy_links: self.deep_links,
            glance: false,
            parts: true,
        }
    }

    /// The prefix of every element id of an instance. With deep links it is the host element's `id` and a
    /// dash (`summit-space`), so links stay the same from one visit to the next; otherwise `se<n>-`, unique in
    /// the page.
    pub fn id_prefix(&self, host_id: &str, instance: u32) -> Result<String, OptionsError> {
        if !self.deep_links {
            return Ok(format!("se{instance}-"));
        }
        let valid = !host_id.is_empty()
            && host_id.len() <= 64
            && host_id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            Ok(format!("{host_id}-"))
        } else {
            Err(OptionsError::DeepLinksNeedId { id: host_id.to_string() })
        }
    }
}

/// Which spelling the options were given in, so that errors use the host's own names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// `mount()` options: `headingLevel`.
    JavaScript,
    /// Element attributes: `heading-level`.
    Attribute,
    /// iframe query parameters: `heading-level`.
    Query,
}

impl Spelling {
    fn name(self, option: usize) -> &'static str {
        match self {
            Spelling::JavaScript => OPTIONS[option].0,
            Spelling::Attribute | Spelling::Query => OPTIONS[option].1,
        }
    }

    fn all_names(self) -> String {
        (0..OPTIONS.len()).map(|option| self.name(option)).collect::<Vec<_>>().join(", ")
    }
}

/// What was wrong with the options. Every message names the option, the value and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionsError {
    /// The options are not an object (in JavaScript).
    NotAnObject {
        /// What they were instead.
        got: String,
    },
    /// The options hold something that is not plain data.
    Unreadable {
        /// What: "a function", "objects nested more than 8 deep"…
        what: String,
    },
    /// An option this version does not have.
    UnknownOption {
        /// The name as given.
        name: String,
        /// Every option's name, in the host's spelling.
        allowed: String,
    },
    /// The same option twice (a query string can do that).
    Repeated {
        /// The option's name.
        option: &'static str,
    },
    /// A value of the wrong JavaScript type.
    WrongType {
        /// The option's name.
        option: &'static str,
        /// What it takes.
        expected: &'static str,
        /// What it got.
        got: String,
    },
    /// A value of the right type that is not allowed.
    BadValue {
        /// The option's name.
        option: &'static str,
        /// The value, quoted or as given.
        value: String,
        /// What is allowed.
        expected: String,
    },
    /// A section id that is not one of the document's.
    UnknownSection {
        /// The option's name.
        option: &'static str,
        /// The id as given.
        id: String,
        /// Every section id.
        allowed: String,
    },
    /// A section named twice in one list.
    DuplicateSection {
        /// The option's name.
        option: &'static str,
        /// The id.
        id: String,
    },
    /// `sections` names no section.
    NoSections {
        /// The option's name.
        option: &'static str,
        /// Every section id.
        allowed: String,
    },
    /// `open` names a section that `sections` leaves out.
    OpenNotShown {
        /// The `open` option's name.
        option: &'static str,
        /// The id.
        id: String,
        /// The `sections` option's name.
        sections_option: &'static str,
        /// The sections shown.
        shown: String,
    },
    /// `article-url` given while the article is shown, where it would do nothing.
    ArticleUrlUnused {
        /// The `article-url` option's name.
        option: &'static str,
        /// The `article` option's name.
        article_option: &'static str,
    },
    /// Deep links need a stable name for the instance: the host element's `id`.
    DeepLinksNeedId {
        /// The id the host element has (maybe empty).
        id: String,
    },
}

impl OptionsError {
    /// The option the error is about, as the host spelled it (`"the query string"` for a query that is not
    /// name=value pairs); `None` for an error about the options as a whole or about a name that is none.
    pub fn option(&self) -> Option<&'static str> {
        match self {
            OptionsError::Repeated { option }
            | OptionsError::WrongType { option, .. }
            | OptionsError::BadValue { option, .. }
            | OptionsError::UnknownSection { option, .. }
            | OptionsError::DuplicateSection { option, .. }
            | OptionsError::NoSections { option, .. }
            | OptionsError::OpenNotShown { option, .. }
            | OptionsError::ArticleUrlUnused { option, .. } => Some(option),
            OptionsError::NotAnObject { .. }
            | OptionsError::Unreadable { .. }
            | OptionsError::UnknownOption { .. }
            | OptionsError::DeepLinksNeedId { .. } => None,
        }
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionsError::NotAnObject { got } => {
                write!(f, "the options must be an object (or undefined), not {got}")
            }
            OptionsError::Unreadable { what } => {
                write!(f, "the options must be plain data (strings, numbers, booleans, arrays), but hold {what}")
            }
            OptionsError::UnknownOption { name, allowed } => {
                write!(f, "unknown option {}; expected one of {allowed}", Quoted(name))
            }
            OptionsError::Repeated { option } => write!(f, "option {option} is given more than once"),
            OptionsError::WrongType { option, expected, got } => {
                write!(f, "{option} must be {expected}, not {got}")
            }
            OptionsError::BadValue { option, value, expected } => {
                write!(f, "bad value {value} for {option}; expected {expected}")
            }
            OptionsError::UnknownSection { option, id, allowed } => {
                write!(f, "unknown section {} in {option}; expected one of {allowed}", Quoted(id))
            }
            OptionsError::DuplicateSection { option, id } => write!(f, "section {} appears twice in {option}", Quoted(id)),
            OptionsError::NoSections { option, allowed } => {
                write!(f, "{option} is empty; name at least one of {allowed}")
            }
            OptionsError::OpenNotShown { option, id, sections_option, shown } => write!(
                f,
                "section {} in {option} is not shown; {sections_option} has only {shown} (or leave {sections_option} out to show all)",
                Quoted(id)
            ),
            OptionsError::ArticleUrlUnused { option, article_option } => {
                write!(f, "{option} is only used when {article_option} is false (the article is hidden)")
            }
            OptionsError::DeepLinksNeedId { id } => write!(
                f,
                "deep links need a stable id of letters, digits, - or _ on the element (for example id=\"summit\"), not {}",
                Quoted(id)
            ),
        }
    }
}

impl core::error::Error for OptionsError {}

/// A value that cannot be read as options (such as a function, a symbol, or objects nested too deeply).
pub fn unreadable(message: impl fmt::Display) -> OptionsError {
    OptionsError::Unreadable { what: message.to_string() }
}

/// One option's raw value: text (attribute, query) or a JavaScript value.
#[derive(Clone, Copy)]
enum Raw<'a> {
    Text(&'a str),
    Js(&'a Value),
}

/// Parses `mount()` options. `Value::Null` (undefined) gives the defaults.
pub fn from_js(document: &Core, options: &Value) -> Result<EmbedOptions, OptionsError> {
    let entries = match options {
        Value::Null => return Ok(EmbedOptions::default_for(document)),
        Value::Object(entries) => entries,
        other => return Err(OptionsError::NotAnObject { got: other.describe() }),
    };
    let mut raw = entries.iter().map(|(name, value)| (name.as_str(), Raw::Js(value)));
    parse(document, Spelling::JavaScript, &mut raw)
}

/// The global HTML attributes a host may put on any element, which are not options and not ours to judge.
const GLOBAL_ATTRIBUTES: &[&str] = &[
    "accesskey",
    "autocapitalize",
    "autocorrect",
    "autofocus",
    "class",
    "contenteditable",
    "dir",
    "draggable",
    "enterkeyhint",
    "exportparts",
    "hidden",
    "id",
    "inert",
    "inputmode",
    "is",
    "itemid",
    "itemprop",
    "itemref",
    "itemscope",
    "itemtype",
    "lang",
    "nonce",
    "part",
    "popover",
    "role",
    "slot",
    "spellcheck",
    "style",
    "tabindex",
    "title",
    "translate",
    "writingsuggestions",
];

/// What to warn about on the element: each attribute that is neither an option nor a global HTML attribute
/// (nor `data-*`, `aria-*` or an `on…` handler), with the option it was probably meant to be. A typo is no
/// error (the element still shows, with that option at its default), but it must not pass silently.
pub fn unknown_attributes<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let host_owned =
        |name: &str| GLOBAL_ATTRIBUTES.contains(&name) || ["data-", "aria-", "on"].iter().any(|p| name.starts_with(p));
    names
        .into_iter()
        .filter(|name| !attribute_names().any(|known| known == *name) && !host_owned(name))
        .map(|name| {
            let near = summit_rules::nearest(name, attribute_names());
            let hint = near.map(|known| format!(" (did you mean {}?)", Quoted(known))).unwrap_or_default();
            format!(
                "summit-explainer: <summit-explainer> has an unknown attribute {}{hint}, which is ignored; its options \
                 are {}",
                quoted_short(name),
                Spelling::Attribute.all_names()
            )
        })
        .collect()
}

/// What `mount()` was given in place of the element to mount into, for its `TypeError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAnElement {
    /// `null`: usually a `querySelector` or `getElementById` that found nothing.
    Null,
    /// `undefined`, or no argument at all.
    Undefined,
    /// A string: a selector, where an element was expected.
    Text(String),
    /// Anything else, by its `typeof` (or its constructor's name).
    Other(String),
}

impl fmt::Display for NotAnElement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "summit-explainer: mount() takes the Element to mount into as its first argument, ")?;
        match self {
            NotAnElement::Null => {
                write!(f, "not null (did document.querySelector or getElementById find nothing?)")
            }
            NotAnElement::Undefined => write!(f, "not undefined"),
            NotAnElement::Text(text) => {
                write!(f, "not a string: for a selector, pass document.querySelector({})", quoted_short(text))
            }
            NotAnElement::Other(kind) => write!(f, "not {}", shorten(kind)),
        }
    }
}

/// Parses the custom element's attributes, given as `(name, value)` pairs; attributes that are not options
/// (`id`, `class`, `style`, `data-…`) are the host's business and are skipped.
pub fn from_attributes<'a>(
    document: &Core,
    attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<EmbedOptions, OptionsError> {
    let ours = attributes.into_iter().filter(|(name, _)| attribute_names().any(|known| known == *name));
    parse(document, Spelling::Attribute, &mut ours.map(|(name, value)| (name, Raw::Text(value))))
}

/// Parses the iframe's query string (`?sections=space&open=all`; the `?` is optional). Every parameter must
/// be an option: a typo should say so rather than be ignored.
pub fn from_query(document: &Core, query: &str) -> Result<EmbedOptions, OptionsError> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut pairs = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let decode = |part: &str| percent_decode(&part.replace('+', " "));
        let bad = || OptionsError::BadValue {
            option: "the query string",
            value: quoted_short(pair),
            expected: "name=value pairs in valid percent-encoding".to_string(),
        };
        pairs.push((decode(name).ok_or_else(bad)?, decode(value).ok_or_else(bad)?));
    }
    parse(document, Spelling::Query, &mut pairs.iter().map(|(name, value)| (name.as_str(), Raw::Text(value))))
}

/// One parser for the three sources (a `dyn` iterator: one copy of it in the wasm, not one per source).
fn parse<'a>(
    document: &Core,
    spelling: Spelling,
    raw: &mut dyn Iterator<Item = (&'a str, Raw<'a>)>,
) -> Result<EmbedOptions, OptionsError> {
    let mut given: [Option<Raw>; OPTIONS.len()] = [None; OPTIONS.len()];
    for (name, value) in raw {
        let option = (0..OPTIONS.len())
            .find(|&option| spelling.name(option) == name)
            .ok_or_else(|| OptionsError::UnknownOption { name: shorten(name), allowed: spelling.all_names() })?;
        if given[option].is_some() {
            return Err(OptionsError::Repeated { option: spelling.name(option) });
        }
        // `undefined` and `null` mean the default, as if the option were left out.
        if !matches!(value, Raw::Js(Value::Null)) {
            given[option] = Some(value);
        }
    }
    let name = |option: usize| spelling.name(option);
    let mut options = EmbedOptions::default_for(document);
    if let Some(raw) = given[SECTIONS] {
        options.sections = section_list(document, name(SECTIONS), raw)?;
        if options.sections.is_empty() {
            return Err(OptionsError::NoSections { option: name(SECTIONS), allowed: section_ids(document) });
        }
    }
    if let Some(raw) = given[OPEN] {
        options.open = if is_all(raw) { options.sections.clone() } else { section_list(document, name(OPEN), raw)? };
        if let Some(&hidden) = options.open.iter().find(|section| !options.sections.contains(section)) {
            let shown = options.sections.iter().map(|&s| document.sections[s].id).collect::<Vec<_>>().join(", ");
            return Err(OptionsError::OpenNotShown {
                option: name(OPEN),
                id: document.sections[hidden].id.to_string(),
                sections_option: name(SECTIONS),
                shown,
            });
        }
    }
    if let Some(raw) = given[THEME] {
        let value = string(name(THEME), "one of \"light\", \"dark\" or \"auto\"", raw)?;
        options.theme = Theme::from_name(value).ok_or_else(|| OptionsError::BadValue {
            option: name(THEME),
            value: quoted_short(value),
            expected: "light, dark or auto".to_string(),
        })?;
    }
    if let Some(raw) = given[HEADING_LEVEL] {
        options.heading_level = heading_level(name(HEADING_LEVEL), raw)?;
    }
    if let Some(raw) = given[OVERVIEW] {
        options.overview = boolean(name(OVERVIEW), raw)?;
    }
    if let Some(raw) = given[ARTICLE] {
        options.article = boolean(name(ARTICLE), raw)?;
    }
    if let Some(raw) = given[ARTICLE_URL] {
        if options.article {
            return Err(OptionsError::ArticleUrlUnused { option: name(ARTICLE_URL), article_option: name(ARTICLE) });
        }
        options.article_url = Some(article_url(name(ARTICLE_URL), raw)?);
    }
    if let Some(raw) = given[DEEP_LINKS] {
        options.deep_links = boolean(name(DEEP_LINKS), raw)?;
    }
    Ok(options)
}

fn is_all(raw: Raw) -> bool {
    matches!(raw, Raw::Text("all")) || matches!(raw, Raw::Js(Value::String(s)) if s == "all")
}

fn section_ids(document: &Core) -> String {
    document.sections.iter().map(|s| s.id).collect::<Vec<_>>().join(", ")
}

/// A list of section ids: `"space, economic-friction"` as text, `["space", "economic-friction"]` in JS.
fn section_list(document: &Core, option: &'static str, raw: Raw) -> Result<Vec<usize>, OptionsError> {
    let ids: Vec<&str> = match raw {
        Raw::Text(text) => text.split(',').map(str::trim).filter(|id| !id.is_empty()).collect(),
        Raw::Js(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(id) => Ok(id.as_str()),
                other => Err(OptionsError::WrongType {
                    option,
                    expected: "an array of section ids (strings)",
                    got: format!("an array holding {}", other.describe()),
                }),
            })
            .collect::<Result<_, _>>()?,
        Raw::Js(other) => {
            let expected = if option.starts_with("open") {
                "an array of section ids or \"all\""
            } else {
                "an array of section ids"
            };
            return Err(OptionsError::WrongType { option, expected, got: other.describe() });
        }
    };
    let mut sections = Vec::with_capacity(ids.len());
    for id in ids {
        let section = document.section_index(id).ok_or_else(|| OptionsError::UnknownSection {
            option,
            id: shorten(id),
            allowed: if option.starts_with("open") {
                format!("{}, or \"all\"", section_ids(document))
            } else {
                section_ids(document)
            },
        })?;
        if sections.contains(&section) {
            return Err(OptionsError::DuplicateSection { option, id: id.to_string() });
        }
        sections.push(section);
    }
    Ok(sections)
}

fn string<'a>(option: &'static str, expected: &'static str, raw: Raw<'a>) -> Result<&'a str, OptionsError> {
    match raw {
        Raw::Text(text) => Ok(text),
        Raw::Js(Value::String(text)) => Ok(text),
        Raw::Js(other) => Err(OptionsError::WrongType { option, expected, got: other.describe() }),
    }
}

/// `true`/`false`; as an attribute or parameter, also present with no value (`<summit-explainer deep-links>`).
fn boolean(option: &'static str, raw: Raw) -> Result<bool, OptionsError> {
    match raw {
        Raw::Text("" | "true") | Raw::Js(Value::Bool(true)) => Ok(true),
        Raw::Text("false") | Raw::Js(Value::Bool(false)) => Ok(false),
        Raw::Text(other) => Err(OptionsError::BadValue {
            option,
            value: quoted_short(other),
            expected: "true or false (or the name alone, for true)".to_string(),
        }),
        Raw::Js(other) => Err(OptionsError::WrongType { option, expected: "a boolean", got: other.describe() }),
    }
}

fn heading_level(option: &'static str, raw: Raw) -> Result<HeadingLevel, OptionsError> {
    let expected = || "a whole number from 2 to 6".to_string();
    let (level, shown) = match raw {
        Raw::Text(text) => (text.trim().parse::<u8>().ok(), quoted_short(text)),
        Raw::Js(Value::Number(n)) => {
            // `f64::fract` is `std`'s: a number in range is whole when its `u8` is the same number.
            let whole = (0.0..=255.0).contains(n) && f64::from(*n as u8) == *n;
            (whole.then_some(*n as u8), number(*n))
        }
        Raw::Js(other) => {
            return Err(OptionsError::WrongType { option, expected: "a number from 2 to 6", got: other.describe() })
        }
    };
    level.and_then(HeadingLevel::new).ok_or_else(|| OptionsError::BadValue {
        option,
        value: shown,
        expected: expected(),
    })
}

/// An absolute `http:` or `https:` URL without a fragment: quote links append their own. Anything else
/// (`javascript:`, `data:`, relative paths that would resolve against the host page) is refused.
fn article_url(option: &'static str, raw: Raw) -> Result<String, OptionsError> {
    let url = string(option, "a string (an absolute http or https URL)", raw)?;
    let lower = url.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '#' | '"' | '<' | '>'));
    if scheme_ok && clean && url.len() <= 2048 {
        Ok(url.to_string())
    } else {
        Err(OptionsError::BadValue {
            option,
            value: quoted_short(url),
            expected: "an absolute http:// or https:// URL without a #fragment".to_string(),
        })
    }
}
