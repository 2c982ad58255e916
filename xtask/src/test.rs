//! `cargo xtask test`: installs what is missing, then runs every test, stopping at the first failure.
//!
//! 1. `cargo fmt --check`, then native `cargo test` for the whole workspace (data, view, routing, state, tidy),
//!    and the coverage figure;
//! 2. the browser layer under `wasm-pack test`, headless, in Chromium and in Firefox;
//! 3. the built site's byte budget (`xtask/budget.txt`);
//! 4. the built site, served locally under the strict CSP, driven end to end in headless Chromium and Firefox
//!    (`tests/e2e/`); the single file from `file://`.

use std::process::Command;

use summit_explainer::document::Document;

use crate::dist::{dist, dist_dir};
use crate::install::test_tools;
use crate::serve::{spawn, Policy};
use crate::sizes::check_budget;
use crate::{root, run};

/// Runs every test.
pub fn test() -> Result<(), String> {
    test_tools()?;
    let root = root();
    run(Command::new("cargo").args(["fmt", "--all", "--check"]).current_dir(&root))?;
    run(Command::new("cargo").args(["test", "--workspace"]).current_dir(&root))?;
    report_coverage()?;
    for browser in ["--chrome", "--firefox"] {
        run(Command::new("wasm-pack")
            .args(["test", "--headless", browser, "--", "--test", "web", "--test", "embed", "--test", "sessions"])
            .current_dir(&root))?;
    }
    dist()?;
    check_budget(&dist_dir())?;
    let base_url = spawn(dist_dir(), Policy::Strict)?;
    eprintln!("xtask: serving dist/ at {base_url}, under the strict CSP, for the end-to-end tests");
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "tests/e2e/"])
        .env("BASE_URL", &base_url)
        .env("SCREENSHOT_DIR", root.join("target/screenshots"))
        .current_dir(&root))?;
    eprintln!("xtask: every test passed; screenshots are in {}", root.join("target/screenshots").display());
    Ok(())
}

/// Prints how much of the article the claims cite, and fails below 100%.
fn report_coverage() -> Result<(), String> {
    let document = Document::summit().map_err(|errors| format!("the summit data is invalid: {errors:?}"))?;
    println!("{}", document.coverage_report());
    let coverage = document.coverage();
    if coverage.cited < coverage.total {
        return Err(format!("substantive paragraphs without a citation: {:?}", coverage.uncited));
    }
    Ok(())
}
