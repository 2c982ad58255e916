//! The npm package: `dist/pkg/` made installable, and `cargo xtask pack`, its tarball.
//!
//! `dist` calls [`write_package`] once `dist/pkg/` holds wasm-pack's glue, the wasm and their declarations: it
//! adds `package.json` (name [`PACKAGE_NAME`]; version, license and description read from the root
//! `Cargo.toml` at run time), a `README.md`, and the element entry `element.js` (`summit-explainer/element`),
//! which is `www/embed.js` with [`element_edits`] applied, so that one edit of `www/embed.js` changes both and
//! the build fails if an edit no longer applies. `dist/embed.js` itself is copied unchanged.
//!
//! [`pack`] builds `dist/` and runs `npm pack` in `dist/pkg/`, writing `target/summit-explainer-VERSION.tgz`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{describe, root};

/// The package's name on npm.
pub const PACKAGE_NAME: &str = "summit-explainer";

/// The element entry, beside the glue in `dist/pkg/`.
const ELEMENT: &str = "element.js";

/// What the package ships besides `package.json` and `README.md` (which npm always includes).
const FILES: &[&str] = &[
    "summit_explainer.js",
    "summit_explainer.d.ts",
    "summit_explainer_bg.wasm",
    "summit_explainer_bg.wasm.d.ts",
    ELEMENT,
    "element.d.ts",
    "react.d.ts",
    "vue.d.ts",
    "svelte.d.ts",
];

/// How `www/embed.js`, which sits above `pkg/`, becomes `pkg/element.js`, which sits beside the glue: each
/// `(from, to)` must occur exactly once in `www/embed.js`. The last is the complete explainer that quote links
/// open when the article is hidden: the site's own `index.html`, which a bundled package does not have, so
/// `page` instead (see [`element_source`]).
fn element_edits(page: &str) -> [(&'static str, String); 3] {
    [
        (
            "new URL(\"pkg/summit_explainer_bg.wasm\", import.meta.url)",
            "new URL(\"summit_explainer_bg.wasm\", import.meta.url)".to_string(),
        ),
        ("import(\"./pkg/summit_explainer.js\")", "import(\"./summit_explainer.js\")".to_string()),
        ("new URL(\"index.html\", import.meta.url).href", serde_json::to_string(page).expect("a string serializes")),
    ]
}

/// The element's `d.ts`: it exports nothing; importing it defines `<summit-explainer>`. It pulls in the
/// module's declarations, whose global declarations (where they have them) describe the element and its events.
const ELEMENT_TYPES: &str = "\
// `import \"summit-explainer/element\"` defines the <summit-explainer> custom element, and exports nothing.
// The explainer's types (MountOptions, SectionId, the event details) are those of \"summit-explainer\".
import \"./summit_explainer.js\";
export {};
";

/// `summit-explainer/react`: types only, `<summit-explainer>` in React 19's JSX (`import type {} from
/// "summit-explainer/react"` once, or `"types"` in tsconfig). Its own entry, so that a host without React's
/// types is not asked for them.
const REACT_TYPES: &str = "\
// `import type {} from \"summit-explainer/react\"` types <summit-explainer> in React 19's JSX: its options as
// attributes or properties, and `onsection-toggle` / `onquote-open` with the events' details.
import type { DetailedHTMLProps, HTMLAttributes } from \"react\";
import type { SummitExplainerAttributes, SummitExplainerElement } from \"./summit_explainer.js\";

declare module \"react\" {
  namespace JSX {
    interface IntrinsicElements {
      \"summit-explainer\": Omit<DetailedHTMLProps<HTMLAttributes<SummitExplainerElement>, SummitExplainerElement>, keyof SummitExplainerAttributes> &
        SummitExplainerAttributes;
    }
  }
}
";

/// `summit-explainer/vue`: types only, `<summit-explainer>` in Vue's templates (vue-tsc, Volar) and `h()`:
/// its options as props in either spelling, its events as Vue's `onSectionToggle` / `onQuoteOpen`.
const VUE_TYPES: &str = "\
// `import type {} from \"summit-explainer/vue\"` types <summit-explainer> in Vue's templates (vue-tsc) and in
// h(): its options as props, `@section-toggle` / `@quote-open` with the events' details. Vue still needs
// `compilerOptions.isCustomElement: (tag) => tag === \"summit-explainer\"` to leave the element to the browser.
import type { DefineComponent } from \"vue\";
import type { QuoteOpenDetail, SectionToggleDetail, SummitExplainerAttributes } from \"./summit_explainer.js\";

type SummitExplainerProps = Omit<SummitExplainerAttributes, \"onsection-toggle\" | \"onquote-open\"> & {
  onSectionToggle?: (event: CustomEvent<SectionToggleDetail>) => void;
  onQuoteOpen?: (event: CustomEvent<QuoteOpenDetail>) => void;
};

declare module \"vue\" {
  interface GlobalComponents {
    \"summit-explainer\": DefineComponent<SummitExplainerProps>;
  }
}
";

/// `summit-explainer/svelte`: types only, `<summit-explainer>` in Svelte 5's markup (svelte-check).
const SVELTE_TYPES: &str = "\
// `import type {} from \"summit-explainer/svelte\"` types <summit-explainer> in Svelte 5's markup (svelte-check):
// its options as attributes in either spelling, `onsection-toggle` / `onquote-open` with the events' details.
import type { HTMLAttributes } from \"svelte/elements\";
import type { SummitExplainerAttributes, SummitExplainerElement } from \"./summit_explainer.js\";

declare module \"svelte/elements\" {
  interface SvelteHTMLElements {
    \"summit-explainer\": Omit<HTMLAttributes<SummitExplainerElement>, keyof SummitExplainerAttributes> & SummitExplainerAttributes;
  }
}
";

/// The root `Cargo.toml`'s `[package]` fields that the package repeats.
#[derive(Debug, PartialEq, Eq)]
pub struct Manifest {
    pub version: String,
    pub license: String,
    pub description: String,
    /// `publish = false` in Cargo.toml: the npm package is `private` too, so `npm publish` refuses it.
    pub private: bool,
}

/// Reads [`Manifest`] from the text of a `Cargo.toml`: `key = "value"` lines of its `[package]` table.
pub fn manifest(cargo_toml: &str) -> Result<Manifest, String> {
    let mut in_package = false;
    let mut fields = std::collections::HashMap::new();
    for line in cargo_toml.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if let (true, Some((key, value))) = (in_package, line.split_once('=')) {
            fields.insert(key.trim(), value.trim());
        }
    }
    let string = |key: &str| {
        let value = fields.get(key).ok_or_else(|| format!("Cargo.toml's [package] has no {key}"))?;
        value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .filter(|v| !v.contains(['"', '\\']))
            .map(str::to_string)
            .ok_or_else(|| format!("Cargo.toml's [package] {key} is not a plain string: {value}"))
    };
    Ok(Manifest {
        version: string("version")?,
        license: string("license")?,
        description: string("description")?,
        private: fields.get("publish").is_some_and(|v| *v == "false"),
    })
}

/// The root `Cargo.toml`'s [`Manifest`].
pub fn root_manifest() -> Result<Manifest, String> {
    let path = root().join("Cargo.toml");
    manifest(&std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?)
}

/// `package.json`. Written by hand rather than with serde_json, whose maps sort their keys: the order of
/// conditions in `exports` matters (`types` first).
pub fn package_json(manifest: &Manifest) -> String {
    let s = |text: &str| serde_json::to_string(text).expect("a string serializes");
    let files = FILES.iter().map(|f| format!("\n    {}", s(f))).collect::<Vec<_>>().join(",");
    let private = if manifest.private { "\n  \"private\": true," } else { "" };
    format!(
        r#"{{
  "name": {name},
  "version": {version},
  "description": {description},
  "license": {license},{private}
  "type": "module",
  "main": "./summit_explainer.js",
  "types": "./summit_explainer.d.ts",
  "exports": {{
    ".": {{
      "types": "./summit_explainer.d.ts",
      "default": "./summit_explainer.js"
    }},
    "./element": {{
      "types": "./element.d.ts",
      "default": "./{ELEMENT}"
    }},
    "./react": {{
      "types": "./react.d.ts"
    }},
    "./vue": {{
      "types": "./vue.d.ts"
    }},
    "./svelte": {{
      "types": "./svelte.d.ts"
    }},
    "./summit_explainer_bg.wasm": "./summit_explainer_bg.wasm",
    "./package.json": "./package.json"
  }},
  "files": [{files}
  ],
  "sideEffects": [
    "./{ELEMENT}"
  ]
}}
"#,
        name = s(PACKAGE_NAME),
        version = s(&manifest.version),
        description = s(&manifest.description),
        license = s(&manifest.license),
    )
}

/// `pkg/element.js`: `embed` (the text of `www/embed.js`) with [`element_edits`] applied. `site_url` is where
/// the site is published (`SUMMIT_EXPLAINER_URL`, already checked by the prerenderer): its `index.html` is then
/// the complete explainer that quote links open when the article is hidden; without it the element has none,
/// and a page that hides the article should give `article-url`.
pub fn element_source(embed: &str, site_url: Option<&str>) -> Result<String, String> {
    let page = site_url.map(|url| format!("{url}index.html")).unwrap_or_default();
    let mut source = String::from(
        "// Generated by `cargo xtask dist` from www/embed.js (edit that file, not this one): the element entry of\n\
         // the npm package, `import \"summit-explainer/element\"`, which finds the glue and the wasm beside itself.\n",
    );
    let mut rest = embed.to_string();
    for (from, to) in element_edits(&page) {
        let count = rest.matches(from).count();
        if count != 1 {
            return Err(format!(
                "www/embed.js has {count} occurrences of `{from}`, where the package's element (pkg/{ELEMENT}) \
                 differs from it; update element_edits in xtask/src/pack.rs to match"
            ));
        }
        rest = rest.replacen(from, &to, 1);
    }
    for reference in references(&rest) {
        if !FILES.contains(&reference.trim_start_matches("./")) {
            return Err(format!(
                "pkg/{ELEMENT} would load {reference:?}, which the package does not ship; update element_edits in \
                 xtask/src/pack.rs to match www/embed.js"
            ));
        }
    }
    source.push_str(&rest);
    Ok(source)
}

/// What a module's code (not its `//` comments) loads: `new URL("…"`, `import("…"` and `from "…"`.
fn references(source: &str) -> Vec<&str> {
    let code = source.lines().filter(|line| !line.trim_start().starts_with("//"));
    let mut found = Vec::new();
    for line in code {
        for opening in ["new URL(\"", "import(\"", "from \""] {
            for (at, _) in line.match_indices(opening) {
                let rest = &line[at + opening.len()..];
                found.extend(rest.split('"').next());
            }
        }
    }
    found
}

/// The package's README: how to install and use it.
pub fn readme(manifest: &Manifest) -> String {
    let tarball = tarball_name(&manifest.version);
    format!(
        "# {PACKAGE_NAME}

{description}

An ES module package for apps built with a bundler (Vite, webpack 5): the explainer's WebAssembly engine,
its JavaScript API and the `<summit-explainer>` custom element. Built by `cargo xtask dist` and packed by
`cargo xtask pack` in the summit-explainer repository.

## Install

```sh
npm install path/to/{tarball}
```

## The JavaScript API

```js
import init, {{ mount, summitData }} from \"{PACKAGE_NAME}\";

await init(); // fetches summit_explainer_bg.wasm, found relative to the module
const target = document.getElementById(\"explainer\");
const handle = mount(target, {{ sections: [\"space\"], open: [\"space\"], headingLevel: 3 }});
target.addEventListener(\"section-toggle\", (event) => console.log(event.detail)); // {{ id, open }}
```

`mount(target, options)` returns a handle with `openSection(id)`, `closeSection(id)`, `openSections()`,
`mounted` and `unmount()`; `summitData()` returns everything the explainer shows as plain objects.

## The element

```js
import \"{PACKAGE_NAME}/element\"; // defines <summit-explainer>; it loads the wasm itself
```

```html
<summit-explainer sections=\"space,economic-friction\" open=\"space\" heading-level=\"3\"></summit-explainer>
```

The attributes are `mount()`'s options in kebab-case. With `article=\"false\"`, give `article-url` (the
absolute URL of a complete explainer): the package does not include the explainer's own page.

## Bundlers

The glue and the element find the wasm as `new URL(\"summit_explainer_bg.wasm\", import.meta.url)`, a pattern
Vite and webpack 5 follow: the wasm is emitted as an asset of the build (checked with `vite build` by the
repository's end-to-end test). With a bundler that does not, serve `summit_explainer_bg.wasm` yourself and
pass its URL: `await init({{ module_or_path: url }})` (the package exports it as
`{PACKAGE_NAME}/summit_explainer_bg.wasm`). The element's module has a side effect (it defines the element);
the API's module has none.

The wasm uses these WebAssembly features, which every browser the package supports has: bulk memory,
multi-value, mutable globals, non-trapping float-to-int, reference types and sign extension. It carries no
`target_features` section (no browser reads one), so a tool of the host's that rewrites it, such as Binaryen's
`wasm-opt`, needs them named: `{wasm_opt_flags}`.

## Types

`summit_explainer.d.ts` declares the API (`MountOptions`, `SectionId`, `SummitData`, the event details);
`package.json`'s `exports` give TypeScript both entries.

License: {license}.
",
        description = manifest.description,
        license = manifest.license,
        wasm_opt_flags = crate::dist::WASM_FEATURES.join(" "),
    )
}

/// The tarball `npm pack` writes for `version`.
pub fn tarball_name(version: &str) -> String {
    format!("{PACKAGE_NAME}-{version}.tgz")
}

/// Writes `package.json`, `README.md`, `element.js` and `element.d.ts` into `pkg` (the glue's folder).
pub fn write_package(pkg: &Path) -> Result<(), String> {
    let manifest = root_manifest()?;
    let embed = root().join("www/embed.js");
    let embed = std::fs::read_to_string(&embed).map_err(|e| format!("cannot read {}: {e}", embed.display()))?;
    let site_url = std::env::var("SUMMIT_EXPLAINER_URL").ok().filter(|url| !url.is_empty());
    let files = [
        ("package.json", package_json(&manifest)),
        ("README.md", readme(&manifest)),
        (ELEMENT, element_source(&embed, site_url.as_deref())?),
        ("element.d.ts", ELEMENT_TYPES.to_string()),
        ("react.d.ts", REACT_TYPES.to_string()),
        ("vue.d.ts", VUE_TYPES.to_string()),
        ("svelte.d.ts", SVELTE_TYPES.to_string()),
    ];
    for (name, contents) in files {
        let path = pkg.join(name);
        std::fs::write(&path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// `cargo xtask pack`: builds `dist/`, then packs `dist/pkg/` into `target/`.
pub fn pack() -> Result<(), String> {
    crate::dist::dist()?;
    let tarball = pack_dir(&crate::dist::dist_dir().join("pkg"))?;
    let size = std::fs::metadata(&tarball).map_err(|e| format!("cannot read {}: {e}", tarball.display()))?.len();
    println!("{} ({size} bytes)", tarball.display());
    Ok(())
}

/// Runs `npm pack` in `pkg` (a folder [`write_package`] completed), writing the tarball into `target/`; returns
/// its path.
pub fn pack_dir(pkg: &Path) -> Result<PathBuf, String> {
    let target = root().join("target");
    std::fs::create_dir_all(&target).map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    let mut command = Command::new("npm");
    command.args(["pack", "--json", "--pack-destination"]).arg(&target).current_dir(pkg);
    eprintln!("xtask: running {} in {}", describe(&command), pkg.display());
    let out = command.output().map_err(|e| format!("cannot start {}: {e}", describe(&command)))?;
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        return Err(format!("{} failed ({})", describe(&command), out.status));
    }
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("npm pack printed other than JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))?;
    let packed = report.get(0).ok_or("npm pack packed nothing")?;
    let filename = packed["filename"].as_str().ok_or("npm pack did not name its tarball")?;
    let shipped: Vec<&str> =
        packed["files"].as_array().into_iter().flatten().filter_map(|f| f["path"].as_str()).collect();
    for file in FILES.iter().chain(&["package.json", "README.md"]) {
        if !shipped.contains(file) {
            return Err(format!("npm pack left {file} out of {filename} (it packed {shipped:?})"));
        }
    }
    Ok(target.join(filename))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_package_repeats_cargo_toml() {
        let manifest = root_manifest().unwrap();
        let cargo = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
        assert!(cargo.contains(&format!("version = \"{}\"", manifest.version)));
        let json: serde_json::Value = serde_json::from_str(&package_json(&manifest)).unwrap();
        assert_eq!(json["name"], PACKAGE_NAME);
        assert_eq!(json["version"], manifest.version.as_str());
        assert_eq!(json["license"], manifest.license.as_str());
        assert_eq!(json["type"], "module");
        assert_eq!(json["exports"]["."]["default"], "./summit_explainer.js");
        assert_eq!(json["exports"]["./element"]["default"], "./element.js");
        let files: Vec<&str> = json["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
        assert_eq!(files, FILES);
        let text = package_json(&manifest);
        let (types, default) = (text.find("\"types\": \"./element.d.ts\""), text.find("\"default\": \"./element.js\""));
        assert!(types < default, "TypeScript reads `types` only before `default`");
    }

    /// Every method the package's README names on a handle is one the API declares (it once said `open(id)`
    /// and `close(id)` for `openSection(id)` and `closeSection(id)`).
    #[test]
    fn the_package_readme_names_the_handles_methods_as_the_api_has_them() {
        let readme = readme(&root_manifest().unwrap());
        let sentence =
            readme.lines().skip_while(|line| !line.contains("returns a handle with")).take(2).collect::<String>();
        // The handle is `Mounted` (src/browser/embed.rs): its members are its methods, by their `js_name`.
        let api = std::fs::read_to_string(root().join("src/browser/embed.rs")).unwrap();
        let named: Vec<&str> = sentence.split('`').skip(1).step_by(2).collect();
        assert!(named.len() >= 5, "{sentence}");
        for name in named.iter().filter(|name| !name.starts_with("mount(")) {
            let member = name.split('(').next().unwrap();
            assert!(
                api.contains(&format!("js_name = {member})"))
                    || api.contains(&format!("js_name = {member},"))
                    || api.contains(&format!("pub fn {member}(")),
                "the package's README names `{name}`, which the handle (`Mounted`) does not have"
            );
        }
    }

    #[test]
    fn a_manifest_is_read_from_its_package_table_only() {
        let toml = "[package]\nname = \"x\"\nversion = \"1.2.3\"\nlicense = \"MIT\"\ndescription = \"An x.\"\n\
                    publish = false\n\n[dependencies]\nversion = \"9\"\n";
        let expected =
            Manifest { version: "1.2.3".into(), license: "MIT".into(), description: "An x.".into(), private: true };
        assert_eq!(manifest(toml), Ok(expected));
        assert!(manifest("[package]\nversion = \"1\"\n").unwrap_err().contains("no license"));
    }

    /// `www/embed.js` is the element's one source: if an edit stops applying, this fails (and so does `dist`).
    #[test]
    fn the_package_element_is_embed_js_with_its_paths_moved() {
        let embed = std::fs::read_to_string(root().join("www/embed.js")).unwrap();
        let element = element_source(&embed, None).unwrap();
        assert!(element.contains("new URL(\"summit_explainer_bg.wasm\", import.meta.url)"));
        assert!(element.contains("import(\"./summit_explainer.js\")"));
        assert!(element.contains("const explainerPage = \"\";"));
        let published = element_source(&embed, Some("https://example.org/summit/")).unwrap();
        assert!(published.contains("const explainerPage = \"https://example.org/summit/index.html\";"));
        // Every other line is embed.js's own.
        let generated_header = 2;
        assert_eq!(element.lines().count(), embed.lines().count() + generated_header);
        let changed = element.lines().skip(generated_header).zip(embed.lines()).filter(|(a, b)| a != b).count();
        assert_eq!(changed, element_edits("").len());

        let drifted = embed.replace("import(\"./pkg/summit_explainer.js\")", "import(\"./pkg/glue.js\")");
        let error = element_source(&drifted, None).unwrap_err();
        assert!(error.contains("0 occurrences of `import(\"./pkg/summit_explainer.js\")`"), "{error}");
        let more = format!("{embed}\nconst sheet = new URL(\"explainer.css\", import.meta.url);\n");
        let error = element_source(&more, None).unwrap_err();
        assert!(error.contains("would load \"explainer.css\""), "{error}");
    }
}
