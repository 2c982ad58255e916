//! `cargo xtask dist`: builds the deployable static site into `dist/`.
//!
//! `dist/index.html` is the prerendered page (the top-level `index.html` shell filled by the crate's own
//! view, natively) and `dist/page/` the module it loads, built without the embedding API; `dist/pkg/` is
//! the embeds' module, wasm-pack's `--target web` output with the wasm shrunk by wasm-opt (as `page/` is), made an
//! npm package (`package.json`, `README.md` and the element entry `element.js`: see `pack`);
//! `dist/explainer.css` is the component's stylesheet, its parts in `www/explainer/` joined, and
//! `dist/style.css` that (less "In context", `css::WITHOUT_ARTICLE`) and `www/page.css`; the rest is copied from `www/` (`embed.js` for the element,
//! `frame.html` for the iframe, `embed-demo.html`).
//! Every text and wasm file also gets its `.br` and `.gz`, which `serve` sends to browsers that accept them.
//! `dist/summit-explainer.html` is the whole page in one file (see `single`), and `dist/preview.png` its
//! link-preview image, a screenshot of that file (made when Chromium is installed).
//! Last, `fingerprint` moves what pages load into `dist/assets/` under content-hashed names (the glues, the
//! wasm, `main.js`, `frame.js`, the stylesheets), rewrites the entry points to them, writes the pinned entry
//! points under `dist/v/<version>/` and the manifest `dist/assets.json`; `dist/pkg/` keeps its own copies.
//!
//! `--content DIR` builds the site of another content folder (default `content/summit`) and `--out DIR` writes
//! it elsewhere (default `dist/`): the wasm and the prerendered page are compiled from that folder.
//!
//! `SUMMIT_EXPLAINER_URL`, if set, is the URL the site will be published at: the page then carries a
//! canonical link and absolute preview URLs.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use content_compiler::css::minify;

use crate::content::{content_folder, CONTENT_VARIABLE, DEFAULT_CONTENT};
use crate::fingerprint::fingerprint;
use crate::install::{build_tools, npm_bin};
use crate::pack::{root_manifest, write_package};
use crate::single::{single_file, Parts};
use crate::sizes::{BROTLI, GZIP, PAGE_GLUE, PAGE_WASM};
use crate::{root, run};

/// The WebAssembly features the Rust toolchain emits and every supported browser runs. Explicit, because
/// binaryen's `--all-features` output uses features Chromium rejects.
pub const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-call-indirect-overlong",
    "--enable-multivalue",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];

/// A 48 KiB stack instead of Rust's default 1 MiB: with the static data (about 74 KB) the module starts in
/// two 64 KiB pages. The deepest recursion is the view tree (a dozen levels) and `browser::js::from_js`
/// (bounded at 8). Only the release build has it; the e2e tests run that build.
const RELEASE_RUSTFLAGS: &str = "-C link-arg=-zstack-size=49152";

/// The release build's flags, as `CARGO_ENCODED_RUSTFLAGS` (so that a path with spaces stays one flag):
/// [`RELEASE_RUSTFLAGS`], and each crate registry's source folder mapped to nothing, so that the places a
/// panic reports in a dependency read `web-sys-0.3.107/src/…`, not the path of this machine's cargo home. The
/// wasm is then the same whoever builds it, and it does not carry the builder's home folder.
fn release_rustflags() -> String {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    let mut flags: Vec<String> = RELEASE_RUSTFLAGS.split(' ').map(String::from).collect();
    let sources = cargo_home.filter(|home| home.is_absolute()).map(|home| home.join("registry/src"));
    // Sorted, so that the flags (and cargo's fingerprint of them) are the same from one build to the next.
    let mut registries: Vec<PathBuf> = sources
        .and_then(|sources| std::fs::read_dir(sources).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .collect();
    registries.sort();
    for registry in &registries {
        match registry.to_str() {
            Some(path) => flags.push(format!("--remap-path-prefix={path}/=")),
            None => eprintln!("xtask: {} is not UTF-8: its paths stay in the wasm", registry.display()),
        }
    }
    if registries.is_empty() {
        eprintln!("xtask: no crate registry found under CARGO_HOME or ~/.cargo: dependencies' paths stay in the wasm");
    }
    flags.join("\x1f")
}

/// wasm-opt's passes for both modules: smallest code, run to a fixed point, and no custom section a browser
/// does not read (the toolchain's names, debug information and `target_features`, 148 B each).
const WASM_OPT_PASSES: &[&str] =
    &["-Oz", "--converge", "--strip-producers", "--strip-debug", "--strip-target-features"];

/// The cargo flags of the standalone page's module: the `page` way in alone (no `embed`, no content).
pub const PAGE_FEATURES: &[&str] = &["--no-default-features", "--features", "page"];

/// The stylesheets of `www/` that pages load, shipped without their comments (`embed-demo.css` is the demo
/// host's own, copied as it is).
const SHIPPED_STYLESHEETS: &[&str] = &["noscript.css"];

/// The site's folder.
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// Builds the default content's site into `dist/`.
pub fn dist() -> Result<(), String> {
    dist_of(DEFAULT_CONTENT, &dist_dir())
}

/// The preview image, next to `index.html` (`summit_explainer::meta::PREVIEW_IMAGE`; a test keeps them equal).
pub const PREVIEW_IMAGE: &str = "preview.png";

/// What a build is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// The site as it ships.
    Release,
    /// The development server's first build (`serve --watch`): the same site without what only a release
    /// needs (the single file, the preview image, the precompressed copies), which the server would have to
    /// remake on every save.
    Development,
}

/// Builds the site of the content folder `content` (relative to the repository's root) into `dist`.
pub fn dist_of(content: &str, dist: &Path) -> Result<(), String> {
    build(content, dist, Profile::Release)
}

/// Builds the site of `content` into `dist`, for `profile`.
pub fn build(content: &str, dist: &Path, profile: Profile) -> Result<(), String> {
    content_folder(content)?;
    if dist.exists() {
        may_replace(dist)?;
    }
    build_tools()?;
    let root = root();
    let dist = dist.to_path_buf();
    // Two modules of one crate: the embeds' (the whole API) and the page's (no embedding API: it enhances
    // the prerendered page and renders nothing).
    let wasm_pack_out = root.join("target/wasm-pack");
    let page_out = root.join(crate::sizes::PAGE_MODULE_NAMED).parent().expect("a folder").to_path_buf();
    for (out, name, features) in
        [(&wasm_pack_out, "summit_explainer", None), (&page_out, "explainer", Some(PAGE_FEATURES))]
    {
        run(with_content(
            Command::new("wasm-pack").env_remove("RUSTFLAGS").env("CARGO_ENCODED_RUSTFLAGS", release_rustflags()),
            content,
        )
        .args(["build", "--target", "web", "--release", "--no-pack", "--out-name", name, "--out-dir"])
        .arg(out)
        .args(features.map(|flags| std::iter::once(&"--").chain(flags)).into_iter().flatten())
        .current_dir(&root))?;
    }

    crate::clear(&dist)?;
    let pkg = dist.join("pkg");
    create_dir(&pkg)?;
    run(Command::new(npm_bin("wasm-opt"))
        .args(WASM_OPT_PASSES)
        .args(WASM_FEATURES)
        .arg(wasm_pack_out.join("summit_explainer_bg.wasm"))
        .arg("-o")
        .arg(pkg.join("summit_explainer_bg.wasm")))?;
    for file in ["summit_explainer.js", "summit_explainer.d.ts", "summit_explainer_bg.wasm.d.ts"] {
        copy(&wasm_pack_out.join(file), &pkg.join(file))?;
    }
    create_dir(&dist.join("page"))?;
    let optimized = page_out.join("explainer_bg.opt.wasm");
    run(Command::new(npm_bin("wasm-opt"))
        .args(WASM_OPT_PASSES)
        .args(WASM_FEATURES)
        .arg(page_out.join("explainer_bg.wasm"))
        .arg("-o")
        .arg(&optimized))?;
    // The page's module and its glue ship together (one build, hashed names): their names between them can
    // be short. The embeds' glue is checked against its module by name (`embed.js`), so it keeps them.
    let glue = read(&page_out.join("explainer.js"))?;
    // Kept as it is before minifying: the single file's script joins it to its boot code, which calls the
    // glue's functions by name, and minifies the two as one.
    let page_glue = crate::names::shorten_names(&optimized, &dist.join(PAGE_WASM), &glue, WASM_FEATURES)?;
    write(&dist.join(PAGE_GLUE), &page_glue)?;

    let page = prerender(content, &[OsStr::new("page"), root.join("index.html").as_os_str()])?;
    // After the prerenderer, which has checked SUMMIT_EXPLAINER_URL, on which the package's element relies.
    write_package(&pkg)?;
    write(&dist.join("index.html"), &page)?;

    // The standalone page loads one stylesheet: the component's (without "In context", which it never shows) and the page's, joined.
    let www = root.join("www");
    // Stylesheets ship without their comments (`content_compiler::css`).
    let folder = root.join(content_compiler::css::COMPONENT);
    let component = content_compiler::css::component(&folder)?;
    let page_component = content_compiler::css::page_component(&folder)?;
    let style = minify(&format!("{page_component}\n{}", read(&www.join("page.css"))?));
    write(&dist.join("style.css"), &style)?;
    // The element's and the iframe's: the component's alone.
    write(&dist.join("explainer.css"), &minify(&component))?;
    for entry in std::fs::read_dir(&www).map_err(|e| format!("cannot list www/: {e}"))? {
        let path = entry.map_err(|e| format!("cannot list www/: {e}"))?.path();
        let name = path.file_name().expect("a file has a name");
        if !path.is_file() || name == "page.css" || name == "frame.html" {
            continue;
        }
        if SHIPPED_STYLESHEETS.iter().any(|shipped| name == *shipped) {
            write(&dist.join(name), &minify(&read(&path)?))?;
        } else {
            copy(&path, &dist.join(name))?;
        }
    }
    let frame = prerender(content, &[OsStr::new("frame"), www.join("frame.html").as_os_str()])?;
    write(&dist.join("frame.html"), &frame)?;
    minify_scripts(&shipped_scripts(&dist)?)?;

    if profile == Profile::Development {
        fingerprint(&dist, &root_manifest()?.version)?;
        eprintln!("xtask: wrote {} (development build)", dist.display());
        return Ok(());
    }
    // The single file is the standalone page: it holds the page's module.
    let page_wasm = dist.join(PAGE_WASM);
    let wasm = std::fs::read(&page_wasm).map_err(|e| format!("cannot read {}: {e}", page_wasm.display()))?;
    let wasm = crate::single::gzip(&wasm)?;
    let script = root.join("target/single-file/module.js");
    create_dir(script.parent().expect("a folder"))?;
    write(&script, &crate::single::module_script(&page_glue, &wasm))?;
    minify_scripts(std::slice::from_ref(&script))?;
    let single = single_file(&Parts {
        page: &page,
        style: &style,
        noscript: &minify(&read(&www.join("noscript.css"))?),
        favicon: &read(&www.join("favicon.svg"))?,
        script: &read(&script)?,
    })?;
    write(&dist.join("summit-explainer.html"), &single)?;
    preview_image(&dist)?;
    // Last, once every file is written: what pages load is named by its content (see `fingerprint`).
    fingerprint(&dist, &root_manifest()?.version)?;
    precompress(&dist)?;
    eprintln!("xtask: wrote {}", dist.display());
    Ok(())
}

/// The scripts the site's pages load: `www/`'s and the two glues. The embeds' glue is also the npm package's
/// entry (`pkg/` is both what the element and the frame load and what `pack` packs), so the package ships it
/// minified too; its `.d.ts` files keep every doc comment for hosts' editors. The package's own
/// `element.js`, which no page of the site loads, is not among them: a host's bundler minifies it, and its
/// readers see it as written.
fn shipped_scripts(dist: &Path) -> Result<Vec<PathBuf>, String> {
    let mut scripts = Vec::new();
    for folder in [dist.to_path_buf(), dist.join("page")] {
        for entry in std::fs::read_dir(&folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_file() && path.extension().is_some_and(|e| e == "js") {
                scripts.push(path);
            }
        }
    }
    scripts.push(dist.join("pkg/summit_explainer.js"));
    Ok(scripts)
}

/// Minifies `scripts` in place (`xtask/assets/minify.mjs`): comments, whitespace and local names are for
/// readers of this repository's sources, not for every visitor to download.
fn minify_scripts(scripts: &[PathBuf]) -> Result<(), String> {
    run(Command::new("node").arg(root().join("xtask/assets/minify.mjs")).args(scripts).current_dir(root()))
}

/// Refuses to empty a folder that is not an earlier build: one that is the repository or holds it, or is
/// neither empty nor holds what `dist` writes (an `index.html` and a `pkg/`). `--out .` must not delete the
/// sources.
fn may_replace(dist: &Path) -> Result<(), String> {
    let canonical =
        |path: &Path| std::fs::canonicalize(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    let (dist_path, root) = (canonical(dist)?, canonical(&root())?);
    if root.starts_with(&dist_path) {
        return Err(format!("{} holds the repository: it cannot be the output folder", dist.display()));
    }
    let empty = std::fs::read_dir(dist).map_err(|e| e.to_string())?.next().is_none();
    let earlier_build = dist.join("index.html").is_file() && dist.join("pkg").is_dir();
    if empty || earlier_build {
        Ok(())
    } else {
        Err(format!(
            "{} holds something other than an earlier build (no index.html and pkg/): choose another --out, or empty it",
            dist.display()
        ))
    }
}

/// `command` set to build the engine with the content folder `content`: the build script reads it from
/// [`CONTENT_VARIABLE`], unset for the default folder (so that switching does not rebuild the default).
pub fn with_content<'a>(command: &'a mut Command, content: &str) -> &'a mut Command {
    let content = content.trim_start_matches("./").trim_end_matches('/');
    if content == DEFAULT_CONTENT {
        command.env_remove(CONTENT_VARIABLE)
    } else {
        command.env(CONTENT_VARIABLE, content)
    }
}

/// What `prerender ARGS` prints, built with the content folder `content`.
pub fn prerender(content: &str, args: &[&OsStr]) -> Result<String, String> {
    let mut command = Command::new("cargo");
    with_content(command.args(["run", "--quiet", "--package", "prerender", "--"]).args(args), content);
    eprintln!("xtask: running {}", crate::describe(&command));
    let out = command.current_dir(root()).output().map_err(|e| format!("cannot run prerender: {e}"))?;
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        return Err(format!("prerender {args:?} failed ({})", out.status));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("prerender wrote other than UTF-8: {e}"))
}

/// Writes `F.br` and `F.gz` ([`BROTLI`], [`GZIP`]: the flags the sizes are measured with) next to every text and wasm file `F` in `dist/`, as a
/// production server would serve them; `cargo xtask serve` picks them by `Accept-Encoding`.
fn precompress(dir: &Path) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let compressible =
            ["html", "css", "js", "wasm", "svg"].iter().any(|ext| path.extension().is_some_and(|e| e == *ext));
        if compressible {
            for (tool, args) in [BROTLI, GZIP] {
                let status = Command::new(tool).args(args).args(["-f", "-k"]).arg(&path).status();
                if !status.as_ref().is_ok_and(|s| s.success()) {
                    return Err(format!("{tool} could not compress {}: {status:?}", path.display()));
                }
            }
        }
    }
    Ok(())
}

/// Screenshots the single file into `dist/preview.png` with Chromium; without Chromium (a machine that only
/// builds), says so and leaves the image out.
fn preview_image(dist: &Path) -> Result<(), String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        eprintln!("xtask: no Chromium at {chromium}, so no dist/{PREVIEW_IMAGE} (`cargo xtask test` installs it)");
        return Ok(());
    }
    run(Command::new("node").arg(root().join("xtask/assets/preview.mjs")).arg(dist).current_dir(root()))
}

fn create_dir(path: &Path) -> Result<(), String> {
    std::fs::create_dir_all(path).map_err(|e| format!("cannot create {}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map(drop).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
