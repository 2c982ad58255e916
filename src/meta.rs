//! What the standalone page tells search engines and link previews, written into the head of `dist/index.html`:
//! schema.org JSON-LD (the explainer, the source `NewsArticle` and every quotation) and Open Graph / Twitter
//! card tags.
//!
//! Nothing here is invented. The source's dateline, publisher and contributors are the article's own date
//! line, dateline and credit line, as the build read them (`Document::facts`; `content_compiler::facts`
//! refuses an article whose lines have another shape, at the line). The article text carries no headline, so the `NewsArticle` has
//! none; the explainer's own headline is its title. A quotation names a speaker only where every claim citing
//! it attributes it to the same one.
//!
//! Native only (the build writes it); the wasm never carries it.

use serde_json::{json, Value};

use crate::document::Document;
use crate::html::{element, Node};
use crate::model::SpeakerIndex;
use crate::route::Target;

/// The comment in `index.html`'s head that [`head`] replaces.
pub const HEAD_MARKER: &str = "<!-- summit-explainer:head -->";

/// The preview image, next to `index.html`: a screenshot of the page, made by the build.
pub const PREVIEW_IMAGE: &str = "preview.png";
/// The preview image's size, the one Open Graph and Twitter cards show best.
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);
/// What the preview image shows, for readers who cannot see it.
pub const PREVIEW_ALT: &str =
    "The explainer's first screen: its title, how to read it, and the start of In brief, each item with a link to the article's paragraph and links to its sections.";

/// The schema.org type, name (or, for someone the article does not name, the explainer's description) and job
/// title the content gives a speaker; `None` where no type fits.
fn speaker_json(document: &Document, speaker: SpeakerIndex) -> Option<Value> {
    let speaker = document.speaker(speaker);
    let mut json = json!({ "@type": speaker.schema_type? });
    match speaker.name {
        Some(name) => json["name"] = json!(name),
        None => json["description"] = json!(speaker.label),
    }
    if let Some(job_title) = speaker.job_title {
        json["jobTitle"] = json!(job_title);
    }
    Some(json)
}

/// The speaker of a quote: the one that the claims giving its words as their speaker's own (`spoken`) agree
/// on. Words no claim gives as spoken are the reporter's account, spoken by no one; a claim that cites them
/// without `spoken` (for context, say) does not take them from their speaker.
pub fn quote_speaker(document: &Document, anchor: usize) -> Option<SpeakerIndex> {
    let citations = document.core.anchors[anchor].cited_by.iter();
    let mut speakers = citations
        .zip(document.quote_places[anchor].spoken)
        .filter(|(_, &spoken)| spoken)
        .map(|(c, _)| document.attribution(c.claim).map(|a| a.speaker));
    let first = speakers.next()??;
    speakers.all(|s| s == Some(first)).then_some(first)
}

/// The JSON-LD graph: the explainer (`Article`) and its source (`NewsArticle`); the explainer's parts
/// (`hasPart`) are one `Quotation` per quoted passage, each `isBasedOn` the source, written where they are
/// listed rather than listed by id and written again. `site_url` (the folder the page is published at) makes the ids
/// absolute; without it they are fragments of the page itself.
pub fn structured_data(document: &Document, site_url: Option<&str>) -> Value {
    let (title, description) = (document.title, document.description);
    let facts = &document.facts;
    let base = site_url.unwrap_or("");
    let id = |fragment: &str| format!("{base}#{fragment}");
    let quotations: Vec<Value> = (0..document.core.anchors.len())
        .map(|anchor| {
            let fragment = Target::Anchor(crate::document::AnchorIndex(anchor)).fragment(&document.core);
            let mut quotation = json!({
                "@type": "Quotation",
                "@id": id(&fragment),
                "text": document.core.anchor_text(crate::document::AnchorIndex(anchor)),
                "isBasedOn": { "@id": id("source") },
            });
            if let Some(character) = quote_speaker(document, anchor).and_then(|s| speaker_json(document, s)) {
                quotation["spokenByCharacter"] = character;
            }
            quotation
        })
        .collect();
    let publisher = json!({ "@type": "Organization", "name": facts.publisher });
    let mut explainer = json!({
        "@type": "Article",
        "@id": id("explainer"),
        "headline": title,
        "description": description,
        "inLanguage": "en",
        "isBasedOn": { "@id": id("source") },
        "about": { "@id": id("source") },
        "hasPart": quotations,
    });
    if let Some(site_url) = site_url {
        explainer["url"] = json!(site_url);
        explainer["image"] = json!(format!("{site_url}{PREVIEW_IMAGE}"));
    }
    // The date line gives a date, not what it is the date of (the story says it was updated since), so it is
    // not claimed as the publication date: the page cites it as the article does ("dated …").
    let source = json!({
        "@type": "NewsArticle",
        "@id": id("source"),
        "dateline": facts.dateline,
        "inLanguage": "en",
        "publisher": publisher,
        "contributor": facts.contributors.iter().map(|name| json!({ "@type": "Person", "name": name })).collect::<Vec<_>>(),
    });
    json!({ "@context": "https://schema.org", "@graph": [explainer, source] })
}

/// JSON made safe inside `<script type="application/ld+json">`: `<`, `>` and `&` as `\u` escapes, so no
/// `</script>` or `<!--` can end or change the element, whatever the data holds.
pub fn script_json(value: &Value) -> String {
    let json = serde_json::to_string(value).expect("a JSON value serializes");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The head's preview tags (Open Graph, Twitter card; canonical link and absolute URLs when `site_url` is
/// known), then the JSON-LD, as HTML for [`HEAD_MARKER`]. `title` and `description` are the page's own
/// `<title>` and description, so a preview says what the page says.
pub fn head(document: &Document, site_url: Option<&str>) -> String {
    let (title, description) = (document.title, document.description);
    let meta = |attribute: &'static str, name: &'static str, content: String| {
        element("meta").attr(attribute, name).attr("content", content).into_node()
    };
    let image = format!("{}{PREVIEW_IMAGE}", site_url.unwrap_or(""));
    let mut nodes: Vec<Node> =
        vec![element("title").text(title).into_node(), meta("name", "description", description.into())];
    if let Some(site_url) = site_url {
        nodes.push(element("link").attr("rel", "canonical").attr("href", site_url.to_string()).into_node());
        nodes.push(meta("property", "og:url", site_url.to_string()));
    }
    nodes.extend([
        meta("property", "og:type", "article".into()),
        meta("property", "og:title", title.into()),
        meta("property", "og:description", description.into()),
        meta("property", "og:locale", "en_US".into()),
        meta("property", "og:image", image.clone()),
        meta("property", "og:image:type", "image/png".into()),
        meta("property", "og:image:width", PREVIEW_SIZE.0.to_string()),
        meta("property", "og:image:height", PREVIEW_SIZE.1.to_string()),
        meta("property", "og:image:alt", PREVIEW_ALT.into()),
        meta("name", "twitter:card", "summary_large_image".into()),
        meta("name", "twitter:title", title.into()),
        meta("name", "twitter:description", description.into()),
        meta("name", "twitter:image", image),
        meta("name", "twitter:image:alt", PREVIEW_ALT.into()),
    ]);
    let mut out = String::new();
    for node in nodes {
        node.write_html(&mut out);
        out.push('\n');
    }
    out.push_str("<script type=\"application/ld+json\">");
    out.push_str(&script_json(&structured_data(document, site_url)));
    out.push_str("</script>");
    out
}

/// A site URL for the build: absolute `https:` or `http:`, ending in `/` (the folder holding `index.html`).
pub fn parse_site_url(value: &str) -> Result<&str, String> {
    let scheme_ok = value.starts_with("https://") || value.starts_with("http://");
    let host = value.split_once("://").map(|(_, rest)| rest.split('/').next().unwrap_or("")).unwrap_or("");
    let clean = !value.bytes().any(|b| b.is_ascii_whitespace() || b"\"<>'`#?".contains(&b));
    if scheme_ok && !host.is_empty() && value.ends_with('/') && clean {
        Ok(value)
    } else {
        Err(format!(
            "SUMMIT_EXPLAINER_URL must be the absolute http(s) URL of the folder the site is published at, \
             ending in \"/\", with no query or fragment (like \"https://example.org/summit/\"), not {value:?}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> &'static Document {
        Document::fixture()
    }

    #[test]
    fn the_source_facts_are_the_articles_own_words() {
        let document = fixture();
        let facts = &document.facts;
        assert_eq!(
            (facts.date, facts.dateline, facts.publisher, facts.contributors),
            ("2000-01-01", "Springfield", "CNN", &["Ann Writer", "Bob Writer"][..])
        );
        for word in [facts.date, facts.dateline, facts.publisher].iter().chain(facts.contributors) {
            assert!(document.article.contains(word), "{word:?} is not in the article");
        }
        let data = structured_data(document, None);
        assert_eq!(data["@graph"][1]["dateline"], "Springfield");
        assert_eq!(data["@graph"][1]["contributor"][1]["name"], "Bob Writer");
    }

    /// Every quoted passage is a Quotation whose text is the article's, once each, in article order, with the
    /// speaker the citing claims agree on.
    #[test]
    fn the_quotations_are_the_anchors_verbatim() {
        let document = fixture();
        let data = structured_data(document, None);
        let graph = data["@graph"].as_array().unwrap();
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(graph.len(), 2, "the explainer and its source; the quotations are the explainer's parts");
        let quotations: Vec<&Value> = graph[0]["hasPart"].as_array().unwrap().iter().collect();
        assert!(quotations.iter().all(|q| q["@type"] == "Quotation"));
        assert_eq!(quotations.len(), document.core.anchors.len());
        let mut position = 0;
        for (anchor, quotation) in quotations.iter().enumerate() {
            let text = quotation["text"].as_str().unwrap();
            let found = document.article[position..].find(text).map(|i| i + position).expect("in article order");
            assert_eq!(found, document.quote_places[anchor].range.start);
            position = found + text.len();
            assert_eq!(quotation["isBasedOn"]["@id"], "#source");
            assert!(quotation["@id"].as_str().unwrap().starts_with("#q-"));
            match quote_speaker(document, anchor) {
                Some(speaker) => assert_eq!(quotation["spokenByCharacter"]["@type"], "Person", "{speaker:?}"),
                None => assert!(quotation.get("spokenByCharacter").is_none()),
            }
        }
        // A named speaker by name, with the job title; an unnamed one described as the explainer labels them.
        let characters: Vec<&Value> = quotations.iter().filter_map(|q| q.get("spokenByCharacter")).collect();
        assert_eq!(
            characters,
            [
                &json!({ "@type": "Person", "name": "Joe Biden", "jobTitle": "President of the United States" }),
                &json!({ "@type": "Person", "description": "An official" }),
            ]
        );
        let explainer = &graph[0];
        assert_eq!(
            (explainer["@type"].as_str(), explainer["headline"].as_str()),
            (Some("Article"), Some(document.title))
        );
        let source = &graph[1];
        assert_eq!(source["@type"], "NewsArticle");
        assert!(source.get("datePublished").is_none(), "the date line does not say it is the publication date");
        assert_eq!(source["publisher"]["name"], "CNN");
        assert!(source.get("headline").is_none(), "the article text gives no headline, so none is made up");
    }

    /// "The leaders met." is cited by a claim with no speaker and by Biden's (not as his words): no speaker.
    /// Biden's and the official's words, marked spoken, are theirs; the rest is the reporter's.
    #[test]
    fn a_quote_has_a_speaker_only_when_its_claims_agree_and_give_it_as_spoken() {
        let document = fixture();
        let speakers: Vec<(&str, Option<&str>)> = (0..document.core.anchors.len())
            .map(|anchor| {
                let text = document.core.anchor_text(crate::document::AnchorIndex(anchor));
                (text, quote_speaker(document, anchor).map(|s| document.speaker(s).id))
            })
            .collect();
        assert_eq!(
            speakers,
            [
                ("The leaders met.", None),
                ("Biden said \u{201c}we <agree>\u{201d}", Some("biden")),
                ("The talks ran late into the night, an official said.", Some("official")),
                ("Both sides will meet again in spring.", None),
                ("The rivers are high this year.", None),
                ("Engineers will build 3 new bridges.", None),
            ]
        );
    }

    #[test]
    fn json_in_a_script_element_cannot_close_it() {
        let value = json!({ "text": "</script><!-- & \u{2028}" });
        let written = script_json(&value);
        assert_eq!(written, r#"{"text":"\u003c/script\u003e\u003c!-- \u0026 \u2028"}"#);
        assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), value);
    }

    #[test]
    fn the_head_tags_repeat_the_title_and_description_and_use_the_site_url() {
        let head = head(fixture(), None);
        let title = "The fixture explainer: \u{201c}we &lt;agree&gt;\u{201d} &amp; more";
        assert!(head.starts_with(&format!("<title>{title}</title>\n")), "{head}");
        assert!(head.contains(&format!(r#"<meta property="og:title" content="{title}">"#)), "{head}");
        let description = "A small explainer for the engine's &quot;own&quot; tests.";
        assert!(head.contains(&format!(r#"<meta name="description" content="{description}">"#)), "{head}");
        assert!(head.contains(&format!(r#"<meta name="twitter:description" content="{description}">"#)), "{head}");
        assert!(head.contains(r#"<meta property="og:image" content="preview.png">"#));
        assert!(!head.contains("canonical"));
        let site = "https://example.org/summit/";
        let head = super::head(fixture(), Some(site));
        assert!(head.contains(r#"<link rel="canonical" href="https://example.org/summit/">"#), "{head}");
        assert!(head.contains(r#"content="https://example.org/summit/preview.png""#));
        assert!(head.contains(r##""@id":"https://example.org/summit/#source""##));
    }

    #[test]
    fn site_urls_are_checked() {
        assert_eq!(parse_site_url("https://example.org/summit/"), Ok("https://example.org/summit/"));
        for bad in [
            "example.org/",
            "https://example.org",
            "javascript:alert(1)//",
            "https:///",
            "https://a.b/?x/",
            "https://a.b/\"/",
        ] {
            let error = parse_site_url(bad).unwrap_err();
            assert!(
                error.starts_with("SUMMIT_EXPLAINER_URL must be") && error.contains(&format!("{bad:?}")),
                "{error}"
            );
        }
    }
}
