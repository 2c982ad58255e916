//! Content-hashed names for everything a page loads, so that each file can be cached for a year and a new
//! build can never meet an old copy of another: `dist` calls [`fingerprint`] last, before precompressing.
//!
//! - The files in [`HASHED`] move to `assets/` as `<stem>.<hash>.<ext>`: the hash is the first
//!   [`HASH_DIGITS`] hex digits of the SHA-256 of the file's bytes, after the file's own references have been
//!   rewritten, so a changed wasm changes its glue's name too, and that of the script importing the glue.
//!   A file that did not change keeps its name from one build to the next.
//! - The entry points a host or a reader types ([`ENTRY_POINTS`]: the pages, `embed.js`, `api.js`,
//!   `frame-resize.js`) keep their names, and their references are rewritten to the hashed names.
//! - A release's entry points for embedding ([`PINNED`]) are also written under `v/<version>/` (the version
//!   in `Cargo.toml`): a host that pins that path keeps this release's code and content for as long as the
//!   site keeps the release's files.
//! - `pkg/` stays as it is (the npm package, and the unhashed glue some hosts import); `assets/` has copies.
//! - `assets.json` maps each name as the build wrote it (`page/explainer.js`) to its hashed path.
//!
//! Every reference is listed in [`REFERENCES`] as its source writes it; the build fails if one no longer
//! occurs, or if a shipped file refers to a hashed file in any other way (a new reference nobody listed).

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

/// The folder of hashed files: a host may cache everything in it for a year.
pub const ASSETS: &str = "assets";

/// The manifest, beside `index.html`.
pub const MANIFEST: &str = "assets.json";

/// How many hex digits of the SHA-256 name a file: 32 bits, ample to tell apart the builds of one file.
pub const HASH_DIGITS: usize = 8;

/// What a URL is written between: a string's quotes, and the backticks of a template literal without
/// substitutions, which the minifier writes for some strings (`xtask/assets/minify.mjs`).
const QUOTES: [char; 3] = ['"', '\'', '`'];

/// The files named by their content, each after every file it refers to.
pub const HASHED: &[&str] = &[
    "page/explainer_bg.wasm",
    "pkg/summit_explainer_bg.wasm",
    "page/explainer.js",
    "pkg/summit_explainer.js",
    "main.js",
    "frame.js",
    "embed-demo.js",
    "style.css",
    "noscript.css",
    "explainer.css",
    "embed-demo.css",
];

/// The files that keep their names: what a reader opens and what a host pastes into its page.
pub const ENTRY_POINTS: &[&str] =
    &["index.html", "frame.html", "embed-demo.html", "embed.js", "api.js", "frame-resize.js"];

/// The entry points a host can pin to a release, under `v/<version>/`.
pub const PINNED: &[&str] = &["embed.js", "api.js", "frame.html", "frame-resize.js"];

/// Each reference a shipped file makes to another: `(file, the URL as the file writes it, the file it
/// names)`, all as the build writes them before hashing. A URL is matched between [`QUOTES`].
pub const REFERENCES: &[(&str, &str, &str)] = &[
    ("page/explainer.js", "explainer_bg.wasm", "page/explainer_bg.wasm"),
    ("pkg/summit_explainer.js", "summit_explainer_bg.wasm", "pkg/summit_explainer_bg.wasm"),
    ("main.js", "./page/explainer.js", "page/explainer.js"),
    ("frame.js", "./pkg/summit_explainer.js", "pkg/summit_explainer.js"),
    ("frame.js", "index.html", "index.html"),
    ("embed-demo.js", "./pkg/summit_explainer.js", "pkg/summit_explainer.js"),
    ("index.html", "style.css", "style.css"),
    ("index.html", "noscript.css", "noscript.css"),
    ("index.html", "page/explainer.js", "page/explainer.js"),
    ("index.html", "page/explainer_bg.wasm", "page/explainer_bg.wasm"),
    ("index.html", "main.js", "main.js"),
    ("frame.html", "favicon.svg", "favicon.svg"),
    ("frame.html", "explainer.css", "explainer.css"),
    ("frame.html", "pkg/summit_explainer.js", "pkg/summit_explainer.js"),
    ("frame.html", "pkg/summit_explainer_bg.wasm", "pkg/summit_explainer_bg.wasm"),
    ("frame.html", "frame.js", "frame.js"),
    ("frame.html", "index.html", "index.html"),
    ("embed.js", "pkg/summit_explainer_bg.wasm", "pkg/summit_explainer_bg.wasm"),
    ("embed.js", "./pkg/summit_explainer.js", "pkg/summit_explainer.js"),
    ("embed.js", "index.html", "index.html"),
    ("api.js", "./pkg/summit_explainer.js", "pkg/summit_explainer.js"),
    ("frame-resize.js", "frame.html", "frame.html"),
    ("embed-demo.html", "embed-demo.css", "embed-demo.css"),
    ("embed-demo.html", "embed-demo.js", "embed-demo.js"),
];

/// Logical name → hashed path, as `assets.json` holds it.
pub type Manifest = BTreeMap<String, String>;

/// Names every file of [`HASHED`] in `dist` by its content, rewrites every reference, writes the pinned
/// entry points of release `version` and the manifest.
pub fn fingerprint(dist: &Path, version: &str) -> Result<Manifest, String> {
    let mut manifest = Manifest::new();
    std::fs::create_dir_all(dist.join(ASSETS)).map_err(|e| format!("cannot create {ASSETS}/: {e}"))?;
    for &logical in HASHED {
        let path = dist.join(logical);
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let bytes = match is_text(logical) {
            true => rewrite(logical, &utf8(logical, bytes)?, &place(logical), &manifest, None)?.into_bytes(),
            false => bytes,
        };
        let hashed = hashed_name(logical, &bytes);
        write(&dist.join(&hashed), &bytes)?;
        // The package keeps its files under their own names; the rest are now only in assets/.
        if !logical.starts_with("pkg/") {
            std::fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
        manifest.insert(logical.to_string(), hashed);
    }
    let _ = std::fs::remove_dir(dist.join("page")); // Empty now.
    let release = format!("v/{version}");
    for &entry in ENTRY_POINTS {
        let path = dist.join(entry);
        let source = utf8(entry, std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?)?;
        if PINNED.contains(&entry) {
            let pinned = format!("{release}/{entry}");
            write(&dist.join(&pinned), rewrite(entry, &source, &pinned, &manifest, Some(&release))?.as_bytes())?;
        }
        write(&path, rewrite(entry, &source, entry, &manifest, None)?.as_bytes())?;
    }
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    write(&dist.join(MANIFEST), json.as_bytes())?;
    for dir in [".", ASSETS, &release] {
        check_no_stray_reference(&dist.join(dir), &manifest)?;
    }
    Ok(manifest)
}

/// An entry point's new text (`index.html` rendered again) with its references rewritten as [`fingerprint`]
/// rewrote them in `dist`, whose files it refers to are unchanged.
pub fn rewrite_entry(dist: &Path, entry: &str, source: &str) -> Result<String, String> {
    rewrite(entry, source, entry, &read_manifest(dist)?, None)
}

/// The manifest of a built `dist/` (empty for a build from before hashed names).
pub fn read_manifest(dist: &Path) -> Result<Manifest, String> {
    match std::fs::read_to_string(dist.join(MANIFEST)) {
        Ok(json) => serde_json::from_str(&json).map_err(|e| format!("{MANIFEST} does not parse: {e}")),
        Err(_) => Ok(Manifest::new()),
    }
}

/// Where the file the build wrote as `logical` is served from in `dist`: its hashed path, if it has one.
pub fn resolve(dist: &Path, logical: &str) -> Result<std::path::PathBuf, String> {
    Ok(dist.join(read_manifest(dist)?.get(logical).map_or(logical, String::as_str)))
}

/// `text` with every hashed path of `manifest` put back to the name the build wrote it under, so that a
/// digest of a page does not change when only the hashes it refers to do.
pub fn unhashed(text: &str, manifest: &Manifest) -> String {
    manifest.iter().fold(text.to_string(), |text, (logical, hashed)| text.replace(hashed.as_str(), logical))
}

/// `assets/<stem>.<hash>.<ext>` for the file written as `logical`, holding `bytes`.
fn hashed_name(logical: &str, bytes: &[u8]) -> String {
    let name = logical.rsplit('/').next().expect("a path has a last part");
    let (stem, extension) = name.rsplit_once('.').expect("every hashed file has an extension");
    let digest = format!("{:x}", Sha256::digest(bytes));
    format!("{ASSETS}/{stem}.{}.{extension}", &digest[..HASH_DIGITS])
}

/// Where a hashed file's references are resolved from, before its hash is known: `assets/<name>` (only
/// the folder matters, and every hashed file is in `assets/`).
fn place(logical: &str) -> String {
    format!("{ASSETS}/{}", logical.rsplit('/').next().unwrap_or(logical))
}

/// `source` (the file written as `file`, to be served from `at`) with each of its [`REFERENCES`] made a
/// URL relative to `at`: to the hashed file, to the release's own copy of a pinned entry point (when
/// writing `release`'s), or to the entry point at the site's root.
fn rewrite(file: &str, source: &str, at: &str, manifest: &Manifest, release: Option<&str>) -> Result<String, String> {
    let mut text = source.to_string();
    for &(_, url, target) in REFERENCES.iter().filter(|(from, ..)| *from == file) {
        let served = match (manifest.get(target), release) {
            (Some(hashed), _) => hashed.clone(),
            (None, _) if HASHED.contains(&target) => {
                return Err(format!("{file} refers to {target}, which is hashed after it: reorder HASHED"))
            }
            (None, Some(release)) if PINNED.contains(&target) => format!("{release}/{target}"),
            (None, _) => target.to_string(),
        };
        let mut relative = relative_url(at, &served);
        if url.starts_with("./") && !relative.starts_with("../") {
            relative = format!("./{relative}");
        }
        let mut found = 0;
        for quote in QUOTES {
            let quoted = format!("{quote}{url}{quote}");
            found += text.matches(&quoted).count();
            text = text.replace(&quoted, &format!("{quote}{relative}{quote}"));
        }
        if found == 0 {
            return Err(format!(
                "{file} no longer refers to {url:?} as xtask/src/fingerprint.rs's REFERENCES says: update the list"
            ));
        }
    }
    Ok(text)
}

/// The URL of `to` relative to the file `from` (both paths from the site's root).
fn relative_url(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from.split('/').collect::<Vec<_>>().split_last().map_or(Vec::new(), |(_, d)| d.to_vec());
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let ups = "../".repeat(from_dir.len() - common);
    format!("{ups}{}", to_parts[common..].join("/"))
}

/// Fails if a text file in `dir` (not its subfolders) refers, between quotes or after a `/`, to a hashed
/// file by the name the build wrote it under: a reference [`REFERENCES`] does not list.
fn check_no_stray_reference(dir: &Path, manifest: &Manifest) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        // The single file inlines its module (whose default wasm URL is unused), and names nothing.
        if !path.is_file() || !is_text(&name) || name == "summit-explainer.html" {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for logical in manifest.keys() {
            let base = logical.rsplit('/').next().unwrap_or(logical);
            for before in QUOTES.iter().chain(&['/']) {
                for after in QUOTES {
                    if text.contains(&format!("{before}{base}{after}")) {
                        return Err(format!(
                            "{} refers to {base} by its unhashed name: add the reference to REFERENCES in \
                             xtask/src/fingerprint.rs",
                            path.display()
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

fn is_text(name: &str) -> bool {
    [".js", ".css", ".html"].iter().any(|ext| name.ends_with(ext))
}

fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8"))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_made_relative_to_the_file_that_holds_them() {
        assert_eq!(relative_url("index.html", "assets/style.1.css"), "assets/style.1.css");
        assert_eq!(relative_url("assets/main.1.js", "assets/explainer.2.js"), "explainer.2.js");
        assert_eq!(relative_url("assets/frame.1.js", "index.html"), "../index.html");
        assert_eq!(relative_url("v/0.1.0/embed.js", "assets/x.wasm"), "../../assets/x.wasm");
        assert_eq!(relative_url("v/0.1.0/frame-resize.js", "v/0.1.0/frame.html"), "frame.html");
    }

    #[test]
    fn a_reference_is_rewritten_where_it_is_and_a_missing_one_fails_the_build() {
        let manifest: Manifest =
            [("pkg/summit_explainer.js".to_string(), "assets/summit_explainer.abc.js".to_string())]
                .into_iter()
                .collect();
        let source = "await import(\"./pkg/summit_explainer.js\"); new URL(\"index.html\", import.meta.url);\n\
            fetch(new URL(\"pkg/summit_explainer_bg.wasm\", import.meta.url));";
        let mut manifest = manifest;
        manifest.insert("pkg/summit_explainer_bg.wasm".into(), "assets/summit_explainer_bg.def.wasm".into());
        let root = rewrite("embed.js", source, "embed.js", &manifest, None).unwrap();
        assert!(root.contains("import(\"./assets/summit_explainer.abc.js\")"), "{root}");
        assert!(root.contains("new URL(\"assets/summit_explainer_bg.def.wasm\""), "{root}");
        assert!(root.contains("new URL(\"index.html\""), "{root}");
        let pinned = rewrite("embed.js", source, "v/1.0.0/embed.js", &manifest, Some("v/1.0.0")).unwrap();
        assert!(pinned.contains("import(\"../../assets/summit_explainer.abc.js\")"), "{pinned}");
        assert!(pinned.contains("new URL(\"../../index.html\""), "the site's page: {pinned}");

        let drifted = source.replace("./pkg/summit_explainer.js", "./pkg/glue.js");
        let error = rewrite("embed.js", &drifted, "embed.js", &manifest, None).unwrap_err();
        assert!(error.contains("no longer refers to \"./pkg/summit_explainer.js\""), "{error}");
    }

    #[test]
    fn a_name_changes_with_the_bytes_only() {
        let a = hashed_name("page/explainer_bg.wasm", b"one");
        assert!(a.starts_with("assets/explainer_bg.") && a.ends_with(".wasm"), "{a}");
        assert_eq!(a.len(), "assets/explainer_bg..wasm".len() + HASH_DIGITS);
        assert_eq!(a, hashed_name("page/explainer_bg.wasm", b"one"));
        assert_ne!(a, hashed_name("page/explainer_bg.wasm", b"two"));
    }

    #[test]
    fn every_reference_is_between_files_the_build_ships() {
        for &(file, url, target) in REFERENCES {
            let known = |name: &str| HASHED.contains(&name) || ENTRY_POINTS.contains(&name) || name == "favicon.svg";
            assert!(known(file) && known(target), "{file} → {target}");
            assert!(!url.is_empty());
        }
        for (position, &file) in HASHED.iter().enumerate() {
            for &(_, _, target) in REFERENCES.iter().filter(|(from, ..)| *from == file) {
                if let Some(at) = HASHED.iter().position(|&h| h == target) {
                    assert!(at < position, "{file} is hashed before {target}, which it refers to");
                }
            }
        }
    }
}
