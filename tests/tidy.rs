//! Tidy checks: the codebase's rules, as ordinary tests (run natively by `cargo test`).
//!
//! Every module says what it is for; no string ever becomes markup; listeners are never leaked; only the
//! browser layer touches web-sys; the README's commands and CI agree.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Files below `dir` (relative to the root) whose names end with one of `extensions`.
fn files(dir: &str, extensions: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, extensions, out);
            } else if extensions.iter().any(|ext| path.to_string_lossy().ends_with(ext)) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), extensions, &mut out);
    out.sort();
    out
}

/// The component's stylesheet with its comments: its parts joined, as the build joins them.
fn stylesheet() -> String {
    content_compiler::css::component(&root().join(content_compiler::css::COMPONENT)).unwrap_or_else(|e| panic!("{e}"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string()
}

/// Lines of `text` that contain `needle` outside a `//` comment.
fn code_lines_with<'a>(text: &'a str, needle: &str) -> Vec<(usize, &'a str)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or("");
            code.contains(needle)
        })
        .map(|(number, line)| (number + 1, line))
        .collect()
}

#[test]
fn every_rust_module_starts_with_a_doc_comment() {
    let mut missing = Vec::new();
    for dir in [
        "src",
        "tests",
        "xtask/src",
        "fuzz/fuzz_targets",
        "content-compiler/src",
        "content-compiler/tests",
        "prerender/src",
    ] {
        for path in files(dir, &[".rs"]) {
            if !read(&path).starts_with("//!") {
                missing.push(relative(&path));
            }
        }
    }
    if !read(&root().join("build.rs")).starts_with("//!") {
        missing.push("build.rs".to_string());
    }
    assert!(missing.is_empty(), "modules without a //! doc comment: {missing:?}");
}

#[test]
fn no_string_becomes_markup_and_no_listener_leaks() {
    const FORBIDDEN: &[&str] = &[
        "set_inner_html",
        "innerHTML",
        "insert_adjacent_html",
        "insertAdjacentHTML",
        "outer_html",
        "outerHTML",
        "document.write",
        "createContextualFragment",
        "DOMParser",
        ".forget()",
        "Closure::forget",
        "mem::forget",
    ];
    // The one explainer meant to live as long as its page: the standalone page's, which its module (built
    // without `std`, so with no thread-local to keep it in) never drops; a second `enhancePage` does nothing.
    const KEPT_FOR_THE_PAGE: &str = "src/browser/mod.rs: core::mem::forget(explainer);";
    let mut found = Vec::new();
    let sources = [
        files("src", &[".rs"]),
        files("www", &[".js", ".html"]),
        files("xtask/src", &[".rs"]),
        files("xtask/assets", &[".js", ".mjs"]),
        vec![root().join("index.html")],
    ];
    for path in sources.iter().flatten() {
        let text = read(path);
        for needle in FORBIDDEN {
            for (number, line) in code_lines_with(&text, needle) {
                if format!("{}: {}", relative(path), line.trim()) != KEPT_FOR_THE_PAGE {
                    found.push(format!("{}:{number}: {}", relative(path), line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "string-to-HTML sinks or leaked listeners:\n{}", found.join("\n"));
}

#[test]
fn only_the_browser_layer_touches_web_sys() {
    let mut found = Vec::new();
    for path in files("src", &[".rs"]) {
        if path.starts_with(root().join("src/browser")) {
            continue;
        }
        for needle in ["web_sys", "wasm_bindgen", "gloo", "js_sys"] {
            for (number, line) in code_lines_with(&read(&path), needle) {
                if !line.trim_start().starts_with("//") && !line.contains("#[cfg(target_arch") {
                    found.push(format!("{}:{number}: {}", relative(&path), line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "browser APIs outside src/browser:\n{}", found.join("\n"));
}

/// The core is layered: the view writes with the shared UI types (`ui`), and only the browser layer and the
/// page writer build on the view, so no part of the core depends on how the page is written.
#[test]
fn only_the_browser_layer_and_the_page_writer_use_the_view() {
    let mut found = Vec::new();
    for path in files("src", &[".rs"]) {
        let allowed = ["src/browser", "src/view", "src/page.rs"];
        if allowed.iter().any(|allowed| path.starts_with(root().join(allowed))) {
            continue;
        }
        // Tests may make their fixtures with the view (the scan of the page reads the view's own output).
        let text = read(&path);
        let code = text.split("\n#[cfg(test)]").next().unwrap_or(&text);
        for (number, line) in code_lines_with(code, "crate::view") {
            if !line.trim_start().starts_with("//") {
                found.push(format!("{}:{number}: {}", relative(&path), line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "the core depends on the view:\n{}", found.join("\n"));
}

/// The browser layer walks from one element to another only as `hooks` names it (`dom::following`): no other
/// sibling or parent walk, which would be a relation of the markup nothing names or tests.
#[test]
fn the_browser_layer_walks_the_markup_only_as_the_hooks_name() {
    let mut found = Vec::new();
    for path in files("src/browser", &[".rs"]) {
        for (number, line) in read(&path).lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let walk = ["previous_element_sibling", "next_element_sibling", "parent_element", "parent_node"]
                .iter()
                .any(|walk| code.contains(walk));
            let named = relative(&path) == "src/browser/dom.rs" && code.contains("relation");
            if walk && !named {
                found.push(format!("{}:{}: {}", relative(&path), number + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "walks the hooks do not name:\n{}", found.join("\n"));
}

/// The README and the stylesheet's head list exactly the part names the view writes (`ui::PARTS`), in order.
#[test]
fn the_part_names_are_listed_as_the_view_writes_them() {
    let readme = read(&root().join("README.md"));
    let start = readme.find("Parts for `::part()`: ").expect("README.md lists the parts");
    let list = &readme[start..start + readme[start..].find(".\n").expect("the list ends a sentence")];
    let in_readme: Vec<&str> = list.split('`').skip(3).step_by(2).filter(|name| !name.contains(' ')).collect();
    assert_eq!(in_readme, summit_explainer::ui::PARTS, "README.md's parts");
    let css = stylesheet();
    let start = css.find("::part(").expect("explainer.css lists the parts") + "::part(".len();
    let list: String = css[start..start + css[start..].find(')').unwrap()].split_whitespace().collect();
    assert_eq!(list.split('|').collect::<Vec<_>>(), summit_explainer::ui::PARTS, "explainer.css's parts");
}

/// The custom properties a host may set are those the stylesheet reads (`var(--se-…`), and the stylesheet's
/// head and the README list exactly those, in the stylesheet's order (`--se-rem`, the unit, is told apart).
#[test]
fn the_custom_properties_are_listed_as_the_stylesheet_reads_them() {
    let css = stylesheet();
    let mut read_by_css: Vec<&str> = Vec::new();
    for (at, _) in css.match_indices("var(--se-") {
        let name = &css[at + "var(".len()..];
        let name = &name[..name.find([',', ')']).expect("a var() ends")];
        if !read_by_css.contains(&name) {
            read_by_css.push(name);
        }
    }
    let themed: Vec<&str> = read_by_css.iter().copied().filter(|&name| name != "--se-rem").collect();
    assert!(read_by_css.contains(&"--se-rem") && themed.len() > 10, "{read_by_css:?}");
    let head =
        &css[css.find("custom properties on").expect("the head lists them")..css.find("Inside the element").unwrap()];
    let in_head: Vec<&str> =
        head.split_whitespace().filter(|w| w.starts_with("--se-")).map(|w| w.trim_end_matches('.')).collect();
    assert_eq!(in_head, themed, "explainer.css's head");
    let readme = read(&root().join("README.md"));
    let start = readme.find("`--se-bg`").expect("README.md lists the custom properties");
    let list = &readme[start..start + readme[start..].find("Sizes are multiples").unwrap()];
    let in_readme: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
    assert_eq!(in_readme, themed, "README.md's custom properties");
}

/// The README's table of embed options names exactly the options the parser knows, in its order, each as an
/// attribute (and query key) and as a `mount()` key: renaming one in `options::OPTIONS` fails here until the
/// README says so too (`api.d.ts` is checked against the same table in `export.rs`).
/// The browser layer finds the markup only through `hooks`: no selector is written or built in it, and no
/// lookup is by an `:nth-child` selector (issue 15's test: `grep -rn 'nth-child\|format!("\.se' src/browser`).
#[test]
fn the_browser_layer_finds_the_markup_only_through_the_hooks() {
    let mut found = Vec::new();
    for path in files("src/browser", &[".rs"]) {
        let text = read(&path);
        let code = text.split("\n#[cfg(test)]").next().unwrap_or(&text);
        for (number, line) in code.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let lookup = ["query_selector", ".closest(", ".matches("].iter().any(|call| code.contains(call));
            let built = ["format!(\".", "format!(\"[", "format!(\"a[", "format!(\":"].iter().any(|f| code.contains(f));
            if code.contains("nth-child") || built || (lookup && code.contains('"')) {
                found.push(format!("{}:{}: {}", relative(&path), number + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "selectors outside src/hooks.rs:\n{}", found.join("\n"));
}

/// The interface's words are in `src/text.rs`: the view and the browser layer write no words of their own (a
/// string literal starting with a capitalised word, or a literal with letters written as text), so a change of
/// wording is one edit.
#[test]
fn the_interface_words_are_in_one_place() {
    let mut found = Vec::new();
    let mut sources = files("src/browser", &[".rs"]);
    sources.extend(files("src/view", &[".rs"]).into_iter().filter(|path| !path.ends_with("tests.rs")));
    for path in sources {
        let text = read(&path);
        let code = text.split("\n#[cfg(test)]").next().unwrap_or(&text);
        for (number, line) in code.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            // wasm-bindgen's attributes name TypeScript types, not words for the reader.
            if code.contains("wasm_bindgen(") {
                continue;
            }
            for literal in code.split('"').skip(1).step_by(2) {
                let first = literal.split(' ').next().unwrap_or("");
                let capitalised = first.len() > 1
                    && first.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && first.chars().skip(1).all(|c| c.is_ascii_lowercase());
                // Key names are the DOM's, not ours.
                if capitalised && !["Escape"].contains(&first) {
                    found.push(format!("{}:{}: {literal:?}", relative(&path), number + 1));
                }
            }
            // Text written into the page is never a literal with words in it (glyphs and spaces are not words).
            for written in code.split(".text(\"").skip(1) {
                let literal = written.split('"').next().unwrap_or("");
                if literal.chars().any(|c| c.is_ascii_alphabetic() && !literal.contains('\\')) {
                    found.push(format!("{}:{}: {literal:?}", relative(&path), number + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "interface text outside src/text.rs:\n{}", found.join("\n"));
}

/// The core is layered: no module depends, through others, on itself (`document` on nothing above it, the
/// shared UI types and `Value` on nothing of the view's). A module's dependencies are the `crate::…` paths in
/// its code, tests left out; `src/browser/` counts as one module.
#[test]
fn the_modules_depend_on_each_other_without_cycles() {
    use std::collections::BTreeMap;
    let module_of = |path: &Path| {
        let name = relative(path);
        match name.strip_prefix("src/browser/") {
            Some(_) => "browser".to_string(),
            None => name.trim_start_matches("src/").trim_end_matches(".rs").to_string(),
        }
    };
    let sources = files("src", &[".rs"]);
    let modules: Vec<String> = sources.iter().map(|path| module_of(path)).collect();
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in &sources {
        let module = module_of(path);
        let text = read(path);
        let code = text.split("\n#[cfg(test)]").next().unwrap_or(&text);
        let mut uses: Vec<String> = graph.remove(&module).unwrap_or_default();
        for line in code.lines().map(|line| line.split("//").next().unwrap_or("")) {
            let mut named: Vec<String> = line
                .match_indices("crate::")
                .map(|(i, _)| line[i + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect())
                .collect();
            // `use crate::{a, b::c}` names several.
            if let Some(list) = line.trim().strip_prefix("use crate::{") {
                named.extend(list.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').map(str::to_string));
            }
            for used in named {
                if modules.contains(&used) && used != module && !uses.contains(&used) {
                    uses.push(used);
                }
            }
        }
        graph.insert(module, uses);
    }
    fn cycle(graph: &BTreeMap<String, Vec<String>>, at: &str, path: &mut Vec<String>) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == at) {
            return Some(path[start..].iter().cloned().chain([at.to_string()]).collect());
        }
        path.push(at.to_string());
        for next in graph.get(at).into_iter().flatten() {
            if let Some(found) = cycle(graph, next, path) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    for module in graph.keys() {
        if let Some(found) = cycle(&graph, module, &mut Vec::new()) {
            panic!("a cycle among the modules: {}", found.join(" → "));
        }
    }
    assert!(graph["document"].iter().all(|m| m == "model"), "document depends on {:?}", graph["document"]);
    for below in ["ui", "value", "hooks", "text", "model"] {
        assert!(!graph[below].iter().any(|m| m == "view"), "{below} depends on the view");
    }
}

#[test]
fn the_readme_options_table_is_the_parsers() {
    let readme = read(&root().join("README.md"));
    let header = "| attribute / query (`mount()` key) | values | default |\n|---|---|---|\n";
    let start = readme.find(header).expect("README.md has the options table") + header.len();
    let rows: Vec<String> = readme[start..]
        .lines()
        .take_while(|line| line.starts_with('|'))
        .map(|line| line.split(" | ").next().unwrap_or("").trim_start_matches("| ").to_string())
        .collect();
    let expected: Vec<String> =
        summit_explainer::options::OPTIONS.iter().map(|(js, attribute)| format!("`{attribute}` (`{js}`)")).collect();
    assert_eq!(rows, expected, "README.md's options table and options::OPTIONS");
}

#[test]
fn the_browser_layer_never_unwraps() {
    let mut found = Vec::new();
    for path in files("src/browser", &[".rs"]) {
        for (number, line) in code_lines_with(&read(&path), ".unwrap()") {
            found.push(format!("{}:{number}: {}", relative(&path), line.trim()));
        }
    }
    assert!(
        found.is_empty(),
        "unwrap() in the browser layer (use expect with a reason, or propagate):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_readme_commands_exist_and_ci_runs_the_test_one() {
    let readme = read(&root().join("README.md"));
    for command in ["cargo xtask serve", "cargo xtask test"] {
        assert!(readme.contains(&format!("\n{command}\n")), "README.md does not show `{command}` on a line of its own");
    }
    let xtask = read(&root().join("xtask/src/main.rs"));
    for command in ["Some(\"serve\")", "Some(\"test\")", "Some(\"dist\")"] {
        assert!(xtask.contains(command), "xtask has no {command} command");
    }
    let ci = read(&root().join(".ci/run"));
    assert!(
        code_lines_with(&ci, "cargo xtask test").iter().any(|(_, l)| !l.trim_start().starts_with('#')),
        ".ci/run does not call `cargo xtask test`"
    );
}

/// Content lives in `content/`, the engine in `src/`: no statement, quote, title, summary or speaker label of
/// the compiled-in explainer is written into the engine, the page shell or the declarations, and no section id
/// is, but where the web pages show an embed (`www/embed-demo.*`, which use public ids as a host would).
#[test]
fn the_engine_names_no_content() {
    use summit_explainer::document::{AnchorIndex, Document};
    fn texts(document: &Document) -> Vec<&'static str> {
        let mut texts: Vec<&str> = vec![document.title, document.description];
        let core = &document.core;
        texts.extend(core.sections.iter().flat_map(|s| [s.title, s.summary]));
        texts.extend(core.claims.iter().map(|c| c.claim.statement));
        texts.extend(document.speakers.iter().map(|s| s.label));
        texts.extend((0..core.anchors.len()).map(|a| core.anchor_text(AnchorIndex(a))));
        texts
    }
    let document = Document::built_in();
    // The engine's tests may name the fixture's content, where it happens to share a text with the real one.
    let fixture = texts(Document::fixture());
    let texts: Vec<&str> = texts(document).into_iter().filter(|t| !fixture.contains(t)).collect();
    let ids: Vec<String> = document.core.sections.iter().map(|s| format!("\"{}\"", s.id)).collect();
    let mut engine = files("src", &[".rs", ".ts"]);
    engine.extend(files("www", &[".js", ".html", ".css"]));
    engine.push(root().join("index.html"));
    let mut found = Vec::new();
    for path in engine {
        let text = read(&path);
        let name = relative(&path);
        for needle in texts.iter().filter(|t| t.len() > 12) {
            if text.contains(*needle) {
                found.push(format!("{name}: {needle:?}"));
            }
        }
        if !name.starts_with("www/embed-demo") {
            for id in &ids {
                for (number, line) in code_lines_with(&text, id) {
                    found.push(format!("{name}:{number}: {}", line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "content written into the engine (it belongs in content/):\n{}", found.join("\n"));
}

/// The tests and the build tools read the summit's claims from the document, so that an editor renaming a
/// claim breaks nothing but `tests/content.rs` (which pins the public interface) and the fixtures: no claim's
/// fragment (`section/claim`), quote id (`q-claim-1`) or quoted id is written in `tests/` or `xtask/`.
#[test]
fn the_tests_name_no_summit_claim() {
    use summit_explainer::document::Document;
    use summit_explainer::route::Target;
    let core = &Document::built_in().core;
    let fixture: Vec<&str> = Document::fixture().core.claims.iter().map(|c| c.claim.id).collect();
    let mut needles = Vec::new();
    for (c, entry) in core.claims.iter().enumerate().filter(|(_, e)| !fixture.contains(&e.claim.id)) {
        let id = entry.claim.id;
        needles.push(Target::Claim(summit_explainer::document::ClaimIndex(c)).fragment(core));
        needles.push(format!("q-{id}-"));
        needles.push(format!("\"{id}\""));
    }
    let mut found = Vec::new();
    for dir in ["tests", "xtask"] {
        for path in files(dir, &[".rs", ".mjs", ".js", ".ts", ".html", "-regressions"]) {
            let name = relative(&path);
            if name == "tests/content.rs" || name == "tests/tidy.rs" || name.starts_with("tests/fixtures/") {
                continue;
            }
            let text = read(&path);
            for needle in &needles {
                for (number, line) in code_lines_with(&text, needle) {
                    found.push(format!("{name}:{number}: {}", line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "summit claims named in the tests (read them from the document):\n{}", found.join("\n"));
}

/// xtask does not link the engine (so that it builds while the content is invalid): the one name they share,
/// the preview image's, is kept equal here.
#[test]
fn xtask_names_the_preview_image_as_the_engine_does() {
    let dist = read(&root().join("xtask/src/dist.rs"));
    let line = format!("pub const PREVIEW_IMAGE: &str = {:?};", summit_explainer::meta::PREVIEW_IMAGE);
    assert!(dist.contains(&line), "xtask/src/dist.rs must have `{line}`");
}

/// `unsafe` is denied in every crate (`[workspace.lints]`) and allowed once: the wasm modules' allocator in
/// `src/lib.rs`, with its `SAFETY:` argument above it, as SECURITY.md says. A second `allow`, or an `unsafe`
/// block anywhere else, fails here and goes into SECURITY.md's list first.
#[test]
fn the_one_unsafe_is_the_allocator() {
    let manifest = read(&root().join("Cargo.toml"));
    assert!(manifest.contains("unsafe_code = \"deny\""), "Cargo.toml's [workspace.lints.rust] must deny unsafe_code");
    let (allow, block) = (concat!("allow(", "unsafe_code)"), concat!("unsafe", " {"));
    let mut found = Vec::new();
    let mut sources = Vec::new();
    for dir in ["src", "tests", "xtask/src", "fuzz/fuzz_targets", "content-compiler/src", "rules/src", "prerender/src"]
    {
        sources.extend(files(dir, &[".rs"]));
    }
    sources.push(root().join("build.rs"));
    for file in &sources {
        let text = read(file);
        for needle in [allow, block] {
            for (line, _) in code_lines_with(&text, needle) {
                found.push(format!("{}:{line}: {needle}", relative(file)));
            }
        }
    }
    let lib = read(&root().join("src/lib.rs"));
    let at = |needle: &str| code_lines_with(&lib, needle).first().map(|(line, _)| *line);
    let (allow_line, block_line) = (at(allow).expect("src/lib.rs allows unsafe_code for its allocator"), at(block));
    assert_eq!(
        found,
        vec![format!("src/lib.rs:{allow_line}: {allow}"), format!("src/lib.rs:{}: {block}", block_line.unwrap_or(0))],
        "the only unsafe code is the wasm modules' allocator (list another in SECURITY.md first)"
    );
    let above: Vec<&str> = lib.lines().take(allow_line - 1).collect();
    let argument =
        above.iter().rev().take_while(|line| line.trim_start().starts_with("//")).any(|l| l.contains("// SAFETY:"));
    assert!(argument, "src/lib.rs: the allocator's {allow} needs its `// SAFETY:` argument just above it");
    assert!(read(&root().join("SECURITY.md")).contains("lol_alloc"), "SECURITY.md lists the allocator");
}

/// The strict CSP (`style-src 'self'`, no inline script) holds by construction: no page ships inline code,
/// event-handler or `style` attributes, and no Rust code writes a `style` attribute.
#[test]
fn nothing_needs_unsafe_inline() {
    let mut pages = files("www", &[".html"]);
    pages.push(root().join("index.html"));
    for page in pages {
        let text = read(&page).to_ascii_lowercase();
        let name = relative(&page);
        assert!(!text.contains("<style"), "{name} has a <style> element");
        assert!(!text.contains(" style="), "{name} has a style attribute");
        for piece in text.split("<script").skip(1) {
            let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
            assert!(tag.contains(" src="), "{name} has an inline script: <script{tag}>");
        }
        for word in text.split(|c: char| c.is_ascii_whitespace()) {
            let handler = word.strip_prefix("on").is_some_and(|rest| {
                rest.split_once('=').is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_alphabetic()))
            });
            assert!(!handler, "{name} has an event-handler attribute: {word}");
        }
    }
    for file in files("src", &[".rs"]) {
        let text = read(&file);
        for needle in ["attr(\"style\"", "set_attribute(\"style\"", "\"onclick\"", "set_attribute(\"on"] {
            assert_eq!(code_lines_with(&text, needle), vec![], "{} writes {needle}", relative(&file));
        }
    }
}

/// Every parser of outside input has property tests (`tests/properties.rs`) and a fuzz target
/// (`fuzz/fuzz_targets/`) that `cargo xtask fuzz` runs.
#[test]
fn every_parser_of_outside_input_is_property_tested_and_fuzzed() {
    const PARSERS: &[(&str, &str, &str)] = &[
        ("the URL fragment", "parse_fragment(", "fragment"),
        ("a history entry's state", "parse_return_state(", "fragment"),
        ("the iframe's query string", "from_query(", "query"),
        ("the element's attributes", "from_attributes(", "attributes"),
        ("mount()'s options", "from_js(", "mount_options"),
        ("the stored open sections", "parse_open(", "storage"),
        ("the stored theme", "parse_theme(", "storage"),
        ("the search box", "Query::parse(", "search"),
    ];
    let properties = read(&root().join("tests/properties.rs"));
    for (input, parser, target) in PARSERS {
        assert!(properties.contains(parser), "no property test calls {parser}) ({input})");
        let fuzz = read(&root().join(format!("fuzz/fuzz_targets/{target}.rs")));
        assert!(fuzz.contains(parser), "fuzz target {target} does not call {parser}) ({input})");
    }
    let fuzz_manifest = read(&root().join("fuzz/Cargo.toml"));
    let xtask = read(&root().join("xtask/src/fuzz.rs"));
    for (_, _, target) in PARSERS {
        assert!(fuzz_manifest.contains(&format!("name = \"{target}\"")), "fuzz/Cargo.toml lacks {target}");
        assert!(xtask.contains(&format!("\"{target}\"")), "cargo xtask fuzz does not run {target}");
    }
}

/// The rules both the compiler and the engine apply (ids, fragments, paragraphs, sentences, edit distance)
/// are written once, in `rules/`: a second copy is how "In context" came to cut sentences at "U.S.".
#[test]
fn the_shared_rules_are_written_only_in_the_rules_crate() {
    let mut found = Vec::new();
    for dir in ["src", "content-compiler/src", "xtask/src"] {
        for path in files(dir, &[".rs"]) {
            let text = read(&path);
            for needle in [
                "fn edit_distance",
                "fn sentence_ends",
                "fn first_sentence",
                "fn last_sentence",
                "fn well_formed",
                "fn is_valid_id",
                "fn paragraphs(",
                "split(\"\\n\\n\")",
                "const RESERVED_IDS",
            ] {
                for (number, line) in code_lines_with(&text, needle) {
                    // A splitter takes text; a walk over the view's nodes (`paragraphs(node: &Node, …)`) is not one.
                    if !needle.starts_with("fn ") || line.contains("&str") || line.contains("&'static str") {
                        found.push(format!("{}:{number}: {}", relative(&path), line.trim()));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "a shared rule written outside rules/ (use summit_rules):\n{}", found.join("\n"));
}

/// The scripts that ship with the page (the boot modules) and the benchmark find the markup by the hooks'
/// names too: every `data-se-…` attribute and `.se-…` class they name is a hook's, or a class the view writes.
#[test]
fn the_scripts_find_the_markup_by_the_hooks_names() {
    let hooks: Vec<&str> = summit_explainer::hooks::ALL.iter().map(|hook| hook.name).collect();
    // Classes the scripts read that the browser layer never needs to: the benchmark's claims and sections.
    let views = ["se-section"];
    let mut scripts = files("www", &[".js"]);
    scripts.extend(files("xtask/assets", &[".js", ".mjs"]));
    let mut unknown = Vec::new();
    for path in scripts {
        let text = read(&path);
        for (at, _) in text.match_indices("se-") {
            let before = text[..at].chars().next_back();
            let attribute = text[..at].ends_with("data-");
            if !(attribute || before == Some('.')) {
                continue;
            }
            let start = if attribute { at - "data-".len() } else { at };
            let name: String = text[start..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            if !hooks.contains(&name.as_str()) && !views.contains(&name.as_str()) {
                unknown.push(format!("{}: {name}", relative(&path)));
            }
        }
    }
    assert!(unknown.is_empty(), "names no hook has:\n{}", unknown.join("\n"));
}
