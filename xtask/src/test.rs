//! `cargo xtask test`: installs what is missing, then runs every test, stopping at the first failure.
//!
//! `--quick` stops after step 2, in Chromium only; `cargo xtask e2e [--grep PATTERN]` runs step 4 alone, on the
//! `dist/` there is.
//!
//! 1. `cargo fmt --check`, `cargo clippy -D warnings` (native, and for wasm32 in both modules, the page's without and with `std`), then native `cargo test` for the whole workspace (the content compiler, view,
//!    routing, state, tidy, the real content's invariants), and `check-content`'s report and coverage table;
//! 2. the browser layer under `wasm-pack test`, headless, in Chromium and in Firefox, in both modules: the
//!    embeds' and the page's (built without the `embed` feature, with `std` for the harness);
//! 3. the built site's byte budget (`xtask/budget.txt`);
//! 4. the built site, served locally under the strict CSP, driven end to end in headless Chromium and Firefox
//!    (`tests/e2e/`); the single file from `file://`;
//! 5. the npm package in a bundler: `dist/pkg/` packed (`pack`), installed into a scratch Vite project, built and
//!    driven in headless Chromium (`tests/e2e-vite/`);
//! 6. the fixture explainer built as a site of its own (`dist --content tests/fixtures/explainer`), smoke-tested
//!    (`tests/e2e-fixture/`);
//! 7. publishing: a second build of the site with one claim changed (`target/publish/b/`), and a server that
//!    serves whichever build `target/publish/live` points at; `tests/e2e-publish/` checks the cache headers,
//!    that the two builds share no hashed name with different bytes, and that an embed loaded from build A
//!    and met by build B (a browser or CDN keeping A's entry script) works or shows its notice.

use std::path::Path;
use std::process::Command;

use crate::content::{DEFAULT_CONTENT, FIXTURE_CONTENT};
use crate::dist::{dist, dist_dir, dist_of};
use crate::install::test_tools;
use crate::pack::pack_dir;
use crate::screenshots::check_screenshots;
use crate::serve::{spawn, Policy};
use crate::sizes::check_budget;
use crate::{root, run};

/// The page's module as its browser tests build it: `dist`'s `PAGE_FEATURES` and `std`, which the test
/// harness needs (the shipped module has none, and is its own panic handler).
const PAGE_TEST_FEATURES: &[&str] = &["--no-default-features", "--features", "page,std"];

/// How much of it to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gear {
    /// Everything.
    Full,
    /// The developer's loop: formatting, clippy, the native tests and the browser tests in Chromium.
    Quick,
}

/// Runs every test (or, in the quick gear, the fast ones).
pub fn test(gear: Gear) -> Result<(), String> {
    test_tools()?;
    let root = root();
    run(Command::new("cargo").args(["fmt", "--all", "--check"]).current_dir(&root))?;
    run(Command::new("cargo")
        .args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])
        .current_dir(&root))?;
    // The browser layer compiles only for wasm32: clippy reads it there too, in both modules. The page's
    // module as it ships has no `std`; its tests, whose harness needs `std`, build it with (`PAGE_TEST_FEATURES`).
    let page_lib: Vec<&str> = crate::dist::PAGE_FEATURES.iter().copied().chain(["--lib"]).collect();
    let page_tests: Vec<&str> = PAGE_TEST_FEATURES.iter().copied().chain(["--all-targets"]).collect();
    for features in [&["--all-targets"][..], &page_lib, &page_tests] {
        run(Command::new("cargo")
            .args(["clippy", "-p", "summit-explainer", "--target", "wasm32-unknown-unknown"])
            .args(features)
            .args(["--", "-D", "warnings"])
            .current_dir(&root))?;
    }
    run(Command::new("cargo").args(["test", "--workspace"]).current_dir(&root))?;
    report_coverage()?;
    let browsers: &[&str] = if gear == Gear::Quick { &["--chrome"] } else { &["--chrome", "--firefox"] };
    for browser in browsers {
        // The long-session tests keep the page busy for seconds at a time: on a loaded 2-core machine a
        // WebDriver call can wait longer than the runner's default 20 s, so the limits are raised.
        // Both modules: the embeds' (every test), and the page's, built without the embedding API (the
        // tests of the page; `embed` and `sessions` need the API).
        let page: Vec<&str> = PAGE_TEST_FEATURES.iter().copied().chain(["--test", "web"]).collect();
        let builds: [&[&str]; 2] = [&["--test", "web", "--test", "embed", "--test", "sessions"], &page];
        for build in builds {
            run(Command::new("wasm-pack")
                .env("WASM_BINDGEN_TEST_TIMEOUT", "180")
                .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "90")
                .args(["test", "--headless", browser, "--"])
                .args(build)
                .current_dir(&root))?;
        }
    }
    if gear == Gear::Quick {
        eprintln!("xtask: the quick tests passed (`cargo xtask test` runs everything)");
        return Ok(());
    }
    dist()?;
    check_budget(&dist_dir())?;
    check_screenshots(&dist_dir())?;
    check_html(&dist_dir())?;
    end_to_end(None)?;
    bundler_test()?;
    fixture_smoke_test()?;
    publishing_test()?;
    watch_test()?;
    eprintln!("xtask: every test passed; screenshots are in {}", root.join("target/screenshots").display());
    Ok(())
}

/// The pages a reader or a host opens pass the W3C Nu Html Checker (`vnu-jar`, from npm) with no error.
fn check_html(dist: &Path) -> Result<(), String> {
    let checker = root().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let pages = ["index.html", "frame.html", "summit-explainer.html"].map(|page| dist.join(page));
    run(Command::new("java").arg("-jar").arg(checker).args(["--errors-only", "--format", "gnu"]).args(pages))
        .map_err(|e| format!("the Nu Html Checker found errors in dist/ (above): {e}"))?;
    eprintln!("xtask: the Nu Html Checker finds no error in index.html, frame.html and summit-explainer.html");
    Ok(())
}

/// The end-to-end tests (`tests/e2e/`, or those whose name matches `grep`) against the `dist/` there is, served
/// under the strict CSP.
pub fn end_to_end(grep: Option<&str>) -> Result<(), String> {
    let root = root();
    if !dist_dir().join("index.html").is_file() {
        return Err("there is no dist/ to test: run `cargo xtask dist` first".to_string());
    }
    let base_url = spawn(dist_dir(), Policy::Strict)?;
    eprintln!("xtask: serving dist/ at {base_url}, under the strict CSP, for the end-to-end tests");
    let mut node = Command::new("node");
    node.args(["--test", "--test-concurrency=1"]);
    if let Some(pattern) = grep {
        node.arg(format!("--test-name-pattern={pattern}"));
    }
    run(node
        .arg("tests/e2e/")
        .env("BASE_URL", &base_url)
        .env("SCREENSHOT_DIR", root.join("target/screenshots"))
        .current_dir(&root))
}

/// The npm package as a bundler's user gets it: packs the `dist/pkg/` built above into `target/`, then runs
/// `tests/e2e-vite/` on that tarball (a scratch Vite project under `target/e2e-vite/`, built and served).
fn bundler_test() -> Result<(), String> {
    let root = root();
    let tarball = pack_dir(&dist_dir().join("pkg"))?;
    run(Command::new("node")
        .args(["--test", "tests/e2e-vite/"])
        .env("PACKAGE_TARBALL", &tarball)
        .env("SCREENSHOT_DIR", root.join("target/screenshots"))
        .current_dir(&root))
}

/// A second explainer is a second folder: builds the fixture explainer's site with `dist --content`, serves it
/// and runs the smoke test on it (`tests/e2e-fixture/`).
fn fixture_smoke_test() -> Result<(), String> {
    let root = root();
    let out = root.join("target/fixture-dist");
    dist_of(FIXTURE_CONTENT, &out)?;
    let base_url = spawn(out, Policy::Strict)?;
    eprintln!("xtask: serving the fixture explainer at {base_url}, for its smoke test");
    run(Command::new("node").args(["--test", "tests/e2e-fixture/"]).env("BASE_URL", &base_url).current_dir(&root))
}

/// The editor's loop: a copy of the fixture explainer's folder served by `serve --watch` under the strict
/// CSP, edited on disk by `tests/e2e-watch/`. Then `dist/`, built before, is checked to hold none of it.
pub fn watch_test() -> Result<(), String> {
    let root = root();
    let work = root.join("target/watch-test");
    let content = work.join("content");
    copy_content(&root.join(FIXTURE_CONTENT), &content)?;
    let base_url = crate::watch::spawn("target/watch-test/content", &work.join("site"), Policy::Strict)?;
    eprintln!("xtask: serving target/watch-test/content with --watch at {base_url}, for the editor's loop");
    let tested = run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "tests/e2e-watch/"])
        .env("BASE_URL", &base_url)
        .env("CONTENT_DIR", "target/watch-test/content")
        .current_dir(&root));
    // The next steps build into target/ too: no build of the watcher's may run beside them.
    crate::watch::quiesce();
    tested?;
    crate::watch::check_release_has_none(&dist_dir())
}

/// A fresh copy of the content folder `from` at `to`.
pub fn copy_content(from: &Path, to: &Path) -> Result<(), String> {
    crate::clear(to)?;
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for file in [content_compiler::ARTICLE_FILE, content_compiler::EXPLAINER_FILE] {
        std::fs::copy(from.join(file), to.join(file)).map_err(|e| format!("cannot copy {file}: {e}"))?;
    }
    Ok(())
}

/// The claim build B changes, and what it says there: its quote restated, which the content's checks accept.
const CHANGED_CLAIM: (&str, &str) = (
    "statement = \"Japan’s first astronaut on the Moon would be the first non-American to set foot there.\"",
    "statement = \"The astronaut would be the first non-American to set foot on the Moon.\"",
);

/// Builds B (the site's content with [`CHANGED_CLAIM`] changed) next to `dist/` (A), serves
/// `target/publish/live` (a link to A, which the test points at B) and runs `tests/e2e-publish/`.
pub fn publishing_test() -> Result<(), String> {
    let root = root();
    let work = root.join("target/publish");
    let content = work.join("content-b");
    std::fs::create_dir_all(&content).map_err(|e| format!("cannot create {}: {e}", content.display()))?;
    let source = root.join(DEFAULT_CONTENT);
    for file in [content_compiler::ARTICLE_FILE, content_compiler::EXPLAINER_FILE] {
        let text = std::fs::read_to_string(source.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        let text = match file == content_compiler::EXPLAINER_FILE {
            true if text.matches(CHANGED_CLAIM.0).count() == 1 => text.replace(CHANGED_CLAIM.0, CHANGED_CLAIM.1),
            true => return Err(format!("{DEFAULT_CONTENT}/{file} no longer has `{}` once", CHANGED_CLAIM.0)),
            false => text,
        };
        std::fs::write(content.join(file), text).map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    let b = work.join("b");
    dist_of("target/publish/content-b", &b)?;
    let live = work.join("live");
    let _ = std::fs::remove_file(&live);
    std::os::unix::fs::symlink(dist_dir(), &live).map_err(|e| format!("cannot link {}: {e}", live.display()))?;
    let base_url = spawn(live.clone(), Policy::Strict)?;
    eprintln!("xtask: serving target/publish/live (build A, then B) at {base_url}, for the publishing test");
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "tests/e2e-publish/"])
        .env("BASE_URL", &base_url)
        .env("LIVE_DIR", &live)
        .env("BUILD_A", dist_dir())
        .env("BUILD_B", &b)
        .env("RELEASE", crate::pack::root_manifest()?.version)
        .env("SCREENSHOT_DIR", root.join("target/screenshots"))
        .current_dir(&root))
}

/// Prints the content's diagnostics and coverage table (`check-content`), and fails on an error.
fn report_coverage() -> Result<(), String> {
    crate::content::check_content(crate::content::DEFAULT_CONTENT)
}
