//! The standalone page: the top-level `index.html` shell with the prerendered explainer written into it.

use std::fmt;

use crate::document::Document;
use crate::state::State;
use crate::ui::ViewOptions;
use crate::view::explainer;

/// The comment in `frame.html` that the explainer's title replaces.
pub const TITLE_MARKER: &str = "<!-- summit-explainer:title -->";

/// The comment in `index.html` that the prerendered explainer replaces.
pub const CONTENT_MARKER: &str = "<!-- summit-explainer:content -->";

/// Why the shell could not be filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    /// The shell has this many content markers instead of exactly one.
    MarkerCount(usize),
    /// The shell has this many head markers instead of exactly one.
    HeadMarkerCount(usize),
    /// The frame's shell has this many title markers instead of exactly one.
    TitleMarkerCount(usize),
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::MarkerCount(count) => {
                write!(f, "index.html must contain {CONTENT_MARKER} exactly once, but has it {count} times")
            }
            PageError::TitleMarkerCount(count) => {
                write!(f, "frame.html must contain {TITLE_MARKER} exactly once, but has it {count} times")
            }
            PageError::HeadMarkerCount(count) => {
                write!(f, "index.html must contain {} exactly once, but has it {count} times", crate::meta::HEAD_MARKER)
            }
        }
    }
}

/// The explainer as the static page shows it before (and without) JavaScript: every section closed.
pub fn prerendered_explainer(document: &Document) -> String {
    prerendered_view(document).into_node().to_html()
}

/// The explainer as the standalone page is prerendered: every section closed, the page's own options (the
/// tree [`prerendered_explainer`] writes, which the page's module reads back: `outline`'s tests).
pub fn prerendered_view(document: &Document) -> crate::html::Element {
    explainer(document, &State::closed(&document.core), &ViewOptions::default())
}

/// `shell` (the contents of `index.html`) with the prerendered explainer in place of its content marker and
/// the title, description, preview tags and JSON-LD ([`crate::meta::head`]) in place of its head marker. `site_url`, where the site
/// is published, makes the canonical link and absolute preview URLs.
pub fn standalone_page(shell: &str, document: &Document, site_url: Option<&str>) -> Result<String, PageError> {
    use crate::meta::{head, HEAD_MARKER};
    match shell.matches(CONTENT_MARKER).count() {
        1 => {}
        count => return Err(PageError::MarkerCount(count)),
    }
    match shell.matches(HEAD_MARKER).count() {
        1 => {}
        count => return Err(PageError::HeadMarkerCount(count)),
    }
    let page = shell.replacen(HEAD_MARKER, &head(document, site_url), 1);
    Ok(page.replacen(CONTENT_MARKER, &prerendered_explainer(document), 1))
}

/// `shell` (the contents of `frame.html`, the iframe's page) with the explainer's title in place of its title
/// marker; the frame renders the explainer itself.
pub fn frame_page(shell: &str, document: &Document) -> Result<String, PageError> {
    match shell.matches(TITLE_MARKER).count() {
        1 => Ok(shell.replacen(
            TITLE_MARKER,
            &crate::html::element("title").text(document.title).into_node().to_html(),
            1,
        )),
        count => Err(PageError::TitleMarkerCount(count)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> &'static Document {
        Document::fixture()
    }

    fn summit() -> &'static Document {
        Document::built_in()
    }

    #[test]
    fn the_frame_gets_the_explainers_title() {
        let page = frame_page(&format!("<head>{TITLE_MARKER}</head>"), fixture()).unwrap();
        assert_eq!(
            page,
            "<head><title>The fixture explainer: \u{201c}we &lt;agree&gt;\u{201d} &amp; more</title></head>"
        );
        assert_eq!(
            frame_page("<head></head>", fixture()).unwrap_err().to_string(),
            "frame.html must contain <!-- summit-explainer:title --> exactly once, but has it 0 times"
        );
        let real =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/frame.html")).unwrap();
        assert_eq!(frame_page(&real, fixture()).unwrap().matches("<title>").count(), 1);
    }

    #[test]
    fn the_shell_must_have_exactly_one_marker() {
        use crate::meta::HEAD_MARKER;
        let head = HEAD_MARKER;
        assert_eq!(standalone_page(&format!("{head}<main></main>"), fixture(), None), Err(PageError::MarkerCount(0)));
        let twice = format!("{head}{CONTENT_MARKER}{CONTENT_MARKER}");
        let error = standalone_page(&twice, fixture(), None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "index.html must contain <!-- summit-explainer:content --> exactly once, but has it 2 times"
        );
        let no_head = standalone_page(&format!("<main>{CONTENT_MARKER}</main>"), fixture(), None);
        assert_eq!(no_head, Err(PageError::HeadMarkerCount(0)));
        let page = standalone_page(&format!("{head}<main>{CONTENT_MARKER}</main>"), fixture(), None).unwrap();
        assert!(page.starts_with("<title>The fixture explainer: "), "{page}");
        assert_eq!(page.matches("<title>").count(), 1);
        assert!(page.contains("<main><div class=\"se\" data-se-root=\"\">") && page.ends_with("</div></main>"));
    }

    /// The real shell: one marker, one `h1` once filled, and every local file it loads is one the build ships.
    #[test]
    fn index_html_fills_and_loads_only_files_the_build_ships() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shell = std::fs::read_to_string(root.join("index.html")).unwrap();
        let page = standalone_page(&shell, summit(), None).unwrap();
        assert_eq!(page.matches("<h1").count(), 1);
        let mut loaded = Vec::new();
        for attribute in ["href=\"", "src=\""] {
            for piece in page.split(attribute).skip(1) {
                let url = &piece[..piece.find('"').unwrap()];
                if !url.starts_with('#') {
                    loaded.push(url);
                }
            }
        }
        assert_eq!(
            loaded,
            ["favicon.svg", "style.css", "noscript.css", "page/explainer.js", "page/explainer_bg.wasm", "main.js"]
        );
        // style.css is built from the component's parts and page.css (see xtask/src/dist.rs); the rest are
        // copied as they are.
        fn sources(url: &str) -> Vec<&str> {
            match url {
                "style.css" => vec!["explainer", "page.css"],
                other => vec![other],
            }
        }
        for url in loaded.iter().filter(|url| !url.starts_with("page/")) {
            for source in sources(url) {
                assert!(root.join("www").join(source).exists(), "index.html loads {url}, but www/{source} is missing");
            }
        }
    }

    /// The real page's JSON-LD is valid JSON, and says what the data says: the page's own title as the
    /// explainer's headline, and each quotation the article's words.
    #[test]
    fn the_pages_json_ld_parses_and_matches_the_data() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shell = std::fs::read_to_string(root.join("index.html")).unwrap();
        let page = standalone_page(&shell, summit(), None).unwrap();
        let open = "<script type=\"application/ld+json\">";
        assert_eq!(page.matches(open).count(), 1);
        let start = page.find(open).unwrap() + open.len();
        let json = &page[start..start + page[start..].find("</script>").unwrap()];
        let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        let graph = value["@graph"].as_array().unwrap();
        let title = &page[page.find("<title>").unwrap() + 7..page.find("</title>").unwrap()];
        assert_eq!(graph[0]["headline"], title);
        let parts = graph[0]["hasPart"].as_array().unwrap();
        assert!(parts.iter().all(|q| q["@type"] == "Quotation"));
        let texts: Vec<&str> = parts.iter().map(|q| q["text"].as_str().unwrap()).collect();
        let anchors: Vec<&str> = (0..summit().core.anchors.len())
            .map(|a| summit().core.anchor_text(crate::document::AnchorIndex(a)))
            .collect();
        assert_eq!(texts, anchors);
        for text in texts {
            assert!(summit().article.contains(text));
        }
    }
}
