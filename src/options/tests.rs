//! The options' tests: each option parsed from attributes, a JavaScript value and a query string, and each
//! bad value's error.

use super::*;
use crate::document::Document;

/// `embed.js` names each attribute's property by camel-casing it; the option's JavaScript name must be that.
#[test]
fn each_options_javascript_name_is_its_attribute_camel_cased() {
    for &(js, attribute) in OPTIONS {
        let mut camel = String::new();
        let mut words = attribute.split('-');
        camel.push_str(words.next().unwrap());
        for word in words {
            let mut chars = word.chars();
            camel.extend(chars.next().map(|c| c.to_ascii_uppercase()));
            camel.push_str(chars.as_str());
        }
        assert_eq!(js, camel, "{attribute}");
    }
    let declarations = include_str!("../api.d.ts");
    for &(js, _) in OPTIONS {
        assert!(declarations.contains(&format!("  get {js}(): string | null;")), "api.d.ts: the getter {js}");
        assert!(declarations.contains(&format!("  set {js}(value: ")), "api.d.ts declares the property {js}");
    }
    // The props a framework passes: each option in both spellings, and the events' handlers; nothing else.
    let start = declarations.find("export interface SummitExplainerAttributes {").expect("declared");
    let block = &declarations[start..start + declarations[start..].find("\n}").unwrap()];
    let props: Vec<&str> = block
        .lines()
        .skip(1)
        .filter_map(|line| line.trim().split_once("?:").map(|(name, _)| name.trim_matches('"')))
        .filter(|name| !name.starts_with("on"))
        .collect();
    let mut expected = Vec::new();
    for &(js, attribute) in OPTIONS {
        expected.extend(if js == attribute { vec![js] } else { vec![attribute, js] });
    }
    assert_eq!(props, expected, "SummitExplainerAttributes lists each option as attribute and property");
}

/// The engine's test explainer: sections `talks` (0) and `rivers` (1).
fn fixture() -> &'static Core {
    &Document::fixture().core
}

#[test]
fn numbers_in_messages_read_as_javascript_writes_them() {
    let shown: Vec<String> = [7.0, 2.5, -0.125, 1e-9, 0.1 + 0.2, 1e20, f64::NAN, f64::NEG_INFINITY].map(number).into();
    assert_eq!(shown, ["7", "2.5", "-0.125", "0", "0.3", "a very large number", "NaN", "-Infinity"]);
}

#[test]
fn the_option_indices_name_their_options() {
    let named =
        [SECTIONS, OPEN, THEME, HEADING_LEVEL, OVERVIEW, ARTICLE, ARTICLE_URL, DEEP_LINKS].map(|i| OPTIONS[i].0);
    assert_eq!(named, ["sections", "open", "theme", "headingLevel", "overview", "article", "articleUrl", "deepLinks"]);
}

fn js(json: &str) -> Result<EmbedOptions, String> {
    let value: Value = serde_json::from_str(json).expect("test JSON is valid");
    from_js(fixture(), &value).map_err(|e| e.to_string())
}

fn ids(sections: &[usize]) -> Vec<&'static str> {
    sections.iter().map(|&s| fixture().sections[s].id).collect()
}

#[test]
fn defaults_are_everything_closed() {
    for options in [js("null").unwrap(), js("{}").unwrap(), from_query(fixture(), "").unwrap()] {
        assert_eq!(options, EmbedOptions::default_for(fixture()));
    }
    let options = js("{}").unwrap();
    assert_eq!(options.sections.len(), fixture().sections.len());
    assert!(options.open.is_empty() && options.article && options.overview && !options.deep_links);
    assert_eq!(options.theme, Theme::Auto);
}

#[test]
fn the_three_spellings_mean_the_same() {
    let from_js = js(r#"{"sections": ["rivers", "talks"], "open": ["rivers"], "theme": "dark",
        "headingLevel": 3, "overview": false, "article": false,
        "articleUrl": "https://example.org/explainer/", "deepLinks": true}"#)
    .unwrap();
    let attributes = [
        ("sections", "rivers, talks"),
        ("open", "rivers"),
        ("theme", "dark"),
        ("heading-level", "3"),
        ("overview", "false"),
        ("article", "false"),
        ("article-url", "https://example.org/explainer/"),
        ("deep-links", ""),
        ("class", "not ours"),
        ("id", "summit"),
    ];
    let from_attributes = from_attributes(fixture(), attributes).unwrap();
    let from_query = from_query(
        fixture(),
        "?sections=rivers%2Ctalks&open=rivers&theme=dark&heading-level=3&overview=false&article=false&article-url=https%3A%2F%2Fexample.org%2Fexplainer%2F&deep-links=true",
    )
    .unwrap();
    assert_eq!(from_js, from_attributes);
    assert_eq!(from_js, from_query);
    assert_eq!(ids(&from_js.sections), ["rivers", "talks"]);
    assert_eq!(ids(&from_js.open), ["rivers"]);
    assert_eq!(from_js.heading_level, HeadingLevel::new(3).unwrap());
    assert_eq!(from_js.article_url.as_deref(), Some("https://example.org/explainer/"));
}

#[test]
fn open_all_opens_every_section_shown() {
    let options = js(r#"{"sections": ["rivers"], "open": "all"}"#).unwrap();
    assert_eq!(ids(&options.open), ["rivers"], "only the sections shown");
    assert_eq!(options.initial_state(fixture()).open, [false, true]);
    let options = js(r#"{"sections": ["rivers", "talks"], "open": "all"}"#).unwrap();
    assert_eq!(ids(&options.open), ["rivers", "talks"]);
    let options = from_attributes(fixture(), [("open", "all")]).unwrap();
    assert_eq!(options.open.len(), fixture().sections.len());
    let state = options.initial_state(fixture());
    assert!(state.open.iter().all(|&open| open));
}

#[test]
fn null_means_the_default() {
    assert_eq!(js(r#"{"sections": null, "theme": null}"#).unwrap(), EmbedOptions::default_for(fixture()));
}

#[test]
fn initial_state_and_view_options_follow_the_options() {
    let options = js(r#"{"sections": ["rivers", "talks"], "open": ["talks"]}"#).unwrap();
    let state = options.initial_state(fixture());
    assert_eq!(ids(&state.shown), ["rivers", "talks"]);
    let open: Vec<&str> = ids(&(0..state.open.len()).filter(|&s| state.open[s]).collect::<Vec<_>>());
    assert_eq!(open, ["talks"]);
    let view = options.view_options("se1-".into(), Some("https://example.org/"));
    assert_eq!(view.article, ArticlePlacement::Inline, "the fallback is for a hidden article only");
    assert!(view.parts, "an embed in a shadow root names its parts for ::part()");
    assert!(!ViewOptions::default().parts, "the standalone page has no shadow root, so no part names");

    let hidden = js(r#"{"article": false}"#).unwrap();
    let fallback = hidden.view_options("se1-".into(), Some("https://example.org/"));
    assert_eq!(fallback.article, ArticlePlacement::Linked("https://example.org/".into()));
    assert_eq!(hidden.view_options("se1-".into(), None).article, ArticlePlacement::Omitted);
    let own = js(r#"{"article": false, "articleUrl": "https://own.example/"}"#).unwrap();
    let view = own.view_options("se1-".into(), Some("https://example.org/"));
    assert_eq!(view.article, ArticlePlacement::Linked("https://own.example/".into()));
}

#[test]
fn id_prefixes_are_unique_or_stable() {
    let plain = EmbedOptions::default_for(fixture());
    assert_eq!(plain.id_prefix("", 3).unwrap(), "se3-");
    assert_eq!(plain.id_prefix("whatever", 4).unwrap(), "se4-");
    let linked = EmbedOptions { deep_links: true, ..plain };
    assert_eq!(linked.id_prefix("summit", 3).unwrap(), "summit-");
    let expect = [
        (
            "",
            "deep links need a stable id of letters, digits, - or _ on the element (for example id=\"summit\"), not \"\"",
        ),
        (
            "a b",
            "deep links need a stable id of letters, digits, - or _ on the element (for example id=\"summit\"), not \"a b\"",
        ),
    ];
    for (id, message) in expect {
        assert_eq!(linked.id_prefix(id, 1).unwrap_err().to_string(), message);
    }
}

/// Every bad `mount()` input, with the exact message the host sees.
#[test]
fn bad_js_options_say_what_is_wrong() {
    let all = "talks, rivers";
    let cases = [
        (r#""talks""#, "the options must be an object (or undefined), not the string \"talks\"".to_string()),
        ("[]", "the options must be an object (or undefined), not an array".to_string()),
        (
            r#"{"sectons": ["talks"]}"#,
            "unknown option \"sectons\"; expected one of sections, open, theme, headingLevel, overview, article, articleUrl, deepLinks".to_string(),
        ),
        (
            r#"{"heading-level": 3}"#,
            "unknown option \"heading-level\"; expected one of sections, open, theme, headingLevel, overview, article, articleUrl, deepLinks".to_string(),
        ),
        (r#"{"open": ["tlaks"]}"#, format!("unknown section \"tlaks\" in open; expected one of {all}, or \"all\"")),
        (r#"{"sections": ["talks", "moon"]}"#, format!("unknown section \"moon\" in sections; expected one of {all}")),
        (r#"{"sections": "talks"}"#, "sections must be an array of section ids, not the string \"talks\"".to_string()),
        (r#"{"open": "talks"}"#, "open must be an array of section ids or \"all\", not the string \"talks\"".to_string()),
        (r#"{"open": true}"#, "open must be an array of section ids or \"all\", not the boolean true".to_string()),
        (
            r#"{"sections": ["talks", 3]}"#,
            "sections must be an array of section ids (strings), not an array holding the number 3".to_string(),
        ),
        (r#"{"sections": []}"#, format!("sections is empty; name at least one of {all}")),
        (r#"{"sections": ["talks", "talks"]}"#, "section \"talks\" appears twice in sections".to_string()),
        (
            r#"{"sections": ["talks"], "open": ["rivers"]}"#,
            "section \"rivers\" in open is not shown; sections has only talks (or leave sections out to show all)".to_string(),
        ),
        (
            r#"{"sections": ["rivers"], "open": ["rivers", "talks"]}"#,
            "section \"talks\" in open is not shown; sections has only rivers (or leave sections out to show all)".to_string(),
        ),
        (r#"{"theme": "purple"}"#, "bad value \"purple\" for theme; expected light, dark or auto".to_string()),
        (r#"{"theme": 1}"#, "theme must be one of \"light\", \"dark\" or \"auto\", not the number 1".to_string()),
        (r#"{"headingLevel": 7}"#, "bad value 7 for headingLevel; expected a whole number from 2 to 6".to_string()),
        (r#"{"headingLevel": 2.5}"#, "bad value 2.5 for headingLevel; expected a whole number from 2 to 6".to_string()),
        (r#"{"headingLevel": "3"}"#, "headingLevel must be a number from 2 to 6, not the string \"3\"".to_string()),
        (r#"{"article": "no"}"#, "article must be a boolean, not the string \"no\"".to_string()),
        (
            r#"{"articleUrl": "https://example.org/"}"#,
            "articleUrl is only used when article is false (the article is hidden)".to_string(),
        ),
        (
            r#"{"article": false, "articleUrl": "javascript:alert(1)"}"#,
            "bad value \"javascript:alert(1)\" for articleUrl; expected an absolute http:// or https:// URL without a #fragment".to_string(),
        ),
        (
            r#"{"article": false, "articleUrl": "/explainer"}"#,
            "bad value \"/explainer\" for articleUrl; expected an absolute http:// or https:// URL without a #fragment".to_string(),
        ),
        (r#"{"deepLinks": 1}"#, "deepLinks must be a boolean, not the number 1".to_string()),
    ];
    for (input, message) in cases {
        assert_eq!(js(input).unwrap_err(), message, "for {input}");
    }
}

/// Every bad attribute or query value, with its exact message; the names are the kebab-case ones.
#[test]
fn bad_text_options_say_what_is_wrong() {
    let attribute =
        |name: &'static str, value: &'static str| from_attributes(fixture(), [(name, value)]).unwrap_err().to_string();
    assert_eq!(
        attribute("heading-level", "seven"),
        "bad value \"seven\" for heading-level; expected a whole number from 2 to 6"
    );
    assert_eq!(
        attribute("heading-level", "1"),
        "bad value \"1\" for heading-level; expected a whole number from 2 to 6"
    );
    assert_eq!(
        attribute("deep-links", "yes"),
        "bad value \"yes\" for deep-links; expected true or false (or the name alone, for true)"
    );
    assert_eq!(attribute("sections", " , "), "sections is empty; name at least one of talks, rivers");
    assert_eq!(
        attribute("article-url", "https://example.org/"),
        "article-url is only used when article is false (the article is hidden)"
    );
    let long = "x".repeat(100_000);
    let message = from_attributes(fixture(), [("theme", long.as_str())]).unwrap_err().to_string();
    assert_eq!(message, format!("bad value \"{}\u{2026}\" for theme; expected light, dark or auto", "x".repeat(40)));

    let query = |q: &str| from_query(fixture(), q).unwrap_err().to_string();
    assert_eq!(query("?open=talks&open=rivers"), "option open is given more than once");
    assert_eq!(
        query("?utm_source=x"),
        "unknown option \"utm_source\"; expected one of sections, open, theme, heading-level, overview, article, article-url, deep-links"
    );
    assert_eq!(
        query("?open=%E0%A4"),
        "bad value \"open=%E0%A4\" for the query string; expected name=value pairs in valid percent-encoding"
    );
    assert_eq!(query("?headingLevel=3"), "unknown option \"headingLevel\"; expected one of sections, open, theme, heading-level, overview, article, article-url, deep-links");
    assert_eq!(
        query("?theme=<img src=x onerror=alert(1)>"),
        "bad value \"<img src=x onerror=alert(1)>\" for theme; expected light, dark or auto"
    );
}

#[test]
fn unknown_attributes_are_named_with_the_likely_option_and_host_attributes_are_not() {
    let warnings = unknown_attributes([
        "section",
        "headinglevel",
        "open",
        "id",
        "class",
        "style",
        "data-x",
        "aria-label",
        "onpointerdown",
        "colour",
    ]);
    let all = "sections, open, theme, heading-level, overview, article, article-url, deep-links";
    assert_eq!(
        warnings,
        [
            format!("summit-explainer: <summit-explainer> has an unknown attribute \"section\" (did you mean \"sections\"?), which is ignored; its options are {all}"),
            format!("summit-explainer: <summit-explainer> has an unknown attribute \"headinglevel\" (did you mean \"heading-level\"?), which is ignored; its options are {all}"),
            format!("summit-explainer: <summit-explainer> has an unknown attribute \"colour\", which is ignored; its options are {all}"),
        ]
    );
}

#[test]
fn a_mount_target_that_is_not_an_element_says_what_was_expected() {
    let says = |what: NotAnElement| what.to_string();
    assert_eq!(
        says(NotAnElement::Null),
        "summit-explainer: mount() takes the Element to mount into as its first argument, not null (did document.querySelector or getElementById find nothing?)"
    );
    assert_eq!(
        says(NotAnElement::Text("#m".into())),
        "summit-explainer: mount() takes the Element to mount into as its first argument, not a string: for a selector, pass document.querySelector(\"#m\")"
    );
    assert_eq!(
        says(NotAnElement::Other("a number".into())),
        "summit-explainer: mount() takes the Element to mount into as its first argument, not a number"
    );
}

/// The values the declarations allow are the ones the parser takes: the themes' names and the heading levels
/// `HeadingLevel::new` accepts, in each place `api.d.ts` lists them.
#[test]
fn the_declared_values_are_the_ones_parsed() {
    let declarations = include_str!("../api.d.ts");
    let themes: Vec<String> =
        [Theme::Light, Theme::Dark, Theme::Auto].iter().map(|t| format!("\"{}\"", t.name())).collect();
    for name in ["light", "dark", "auto", "purple"] {
        assert_eq!(Theme::from_name(name).is_some(), themes.contains(&format!("\"{name}\"")), "{name}");
    }
    let themes = themes.join(" | ");
    let levels: Vec<u8> = (0..=9).filter(|&level| HeadingLevel::new(level).is_some()).collect();
    let numbers = levels.iter().map(u8::to_string).collect::<Vec<_>>().join(" | ");
    let strings = levels.iter().map(|level| format!("\"{level}\"")).collect::<Vec<_>>().join(" | ");
    let lines = |needle: &str| declarations.lines().filter(move |line| line.contains(needle)).collect::<Vec<_>>();
    for line in lines("theme?:").into_iter().chain(lines("set theme(")) {
        assert!(line.contains(&themes), "{line}");
    }
    for line in
        lines("headingLevel?:").into_iter().chain(lines("set headingLevel(")).chain(lines("\"heading-level\"?:"))
    {
        assert!(line.contains(&numbers), "{line}");
    }
    for line in lines("set headingLevel(").into_iter().chain(lines("\"heading-level\"?:")) {
        assert!(line.contains(&strings), "{line}");
    }
    assert_eq!(lines("theme?:").len() + lines("set theme(").len(), 3);
    assert_eq!(lines("eadingLevel?:").len() + lines("set headingLevel(").len() + lines("\"heading-level\"?:").len(), 4);
}
