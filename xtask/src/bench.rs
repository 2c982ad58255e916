//! `cargo xtask bench [--rounds N]`: what the explainer costs a reader, side by side with a baseline page.
//!
//! It builds the site, adds the benchmark's pages (`xtask/assets/bench/`: the baseline — the same prerendered
//! HTML with a few lines of vanilla JavaScript for the toggles — and host pages for the element and the
//! iframe), serves it under the strict CSP and loads every scenario in headless Chromium, interleaved, N
//! rounds (default 15). It prints, and writes to `target/bench/report.md`:
//! - bytes per file the browser requested, raw / gzip -9 / brotli -q11, the totals, and the critical path
//!   (the longest chain of requests, each requested by the one before);
//! - medians of navigation → interactive, first contentful paint and a section toggle, each as a ratio to the
//!   baseline's in the same run (absolute times are shown, but this machine is noisy: the ratio is the figure);
//! - the page on a phone (390 × 844): the average height of an open claim and the tallest open section;
//! - the wasm's initial linear memory and its largest items (twiggy, on a copy built for analysis);
//! - the goals of the performance issue, met or not;
//! - with `--lighthouse`, Lighthouse 12's four scores for the standalone page, mobile and desktop (installed
//!   on first use into `target/bench/lighthouse`, driving /usr/bin/chromium; Lighthouse 13 needs Node 22).
//!
//! `cargo xtask bench --edit [--rounds N]` measures the editor's loop instead ([`edit`]).
//!
//! Timings are never asserted; byte counts are, by `cargo xtask test` against `xtask/budget.txt`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::dist::{dist, dist_dir};
use crate::fingerprint::{read_manifest, resolve};
use crate::install::test_tools;
use crate::serve::{spawn, Policy};
use crate::sizes::{initial_memory, sizes, Sizes, ELEMENT_FILES, EMBED_WASM, IFRAME_FILES, PAGE_GLUE, PAGE_WASM};
use crate::{output, root, run};

const TWIGGY_VERSION: &str = "0.7.0";
const LIGHTHOUSE: &str = "lighthouse@12.8.2";

/// The editor's loop on this machine: `serve --watch` on a copy of the site's content folder (built warm
/// first), and N rounds (default 15) in headless Chromium of save → the open page reloaded and showing a
/// one-word change of one statement, and save → the overlay for a broken quote (`tests/e2e-watch/bench.mjs`).
/// Prints the medians, with what the server spent compiling the content and rendering the page.
pub fn edit(rounds: u32) -> Result<(), String> {
    test_tools()?;
    let work = root().join("target/bench/edit");
    crate::test::copy_content(&root().join(crate::content::DEFAULT_CONTENT), &work.join("content"))?;
    let base = crate::watch::spawn("target/bench/edit/content", &work.join("site"), Policy::Strict)?;
    eprintln!("xtask: measuring the editor's loop, {rounds} rounds, against {base}");
    let out = Command::new("node")
        .args(["tests/e2e-watch/bench.mjs", &rounds.to_string()])
        .env("BASE_URL", &base)
        .env("CONTENT_DIR", "target/bench/edit/content")
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run node: {e}"));
    crate::watch::quiesce();
    let out = out?;
    if !out.status.success() {
        return Err(format!("the edit benchmark failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| format!("bad output: {e}"))?;
    let median = |key: &str| {
        let mut values: Vec<f64> =
            json[key].as_array().into_iter().flatten().filter_map(serde_json::Value::as_f64).collect();
        values.sort_by(f64::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
    };
    println!("the editor's loop, medians of {rounds} rounds (goal: save -> page at most 1 s, stretch 300 ms):");
    println!("  save -> reloaded page showing the change   {:>6.0} ms", median("reload"));
    println!("    of which the server compiled the content {:>6.0} ms", median("compile"));
    println!("    and rendered the page                    {:>6.0} ms", median("render"));
    println!("  save -> overlay for a broken quote         {:>6.0} ms", median("overlay"));
    Ok(())
}

/// One scenario's medians and files, as `bench.mjs` reports them.
struct Scenario {
    name: &'static str,
    interactive: f64,
    fcp: f64,
    toggle: f64,
    files: Vec<(String, u64)>,
}

/// Runs the benchmark.
pub fn bench(rounds: u32, lighthouse: bool) -> Result<(), String> {
    test_tools()?;
    dist()?;
    let site = root().join("target/bench/site");
    build_site(&site)?;
    let base = spawn(site.clone(), Policy::Strict)?;
    eprintln!("xtask: benchmarking {rounds} rounds against {base}");
    let out = Command::new("node")
        .arg(root().join("xtask/assets/bench/bench.mjs"))
        .args([base.as_str(), &rounds.to_string()])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !out.status.success() {
        return Err(format!("the browser benchmark failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("bad benchmark output: {e}"))?;
    let scenarios: Vec<Scenario> = ["baseline", "page", "element", "iframe"]
        .into_iter()
        .map(|name| {
            let s = &json[name];
            Scenario {
                name,
                interactive: s["interactive"].as_f64().unwrap_or(f64::NAN),
                fcp: s["fcp"].as_f64().unwrap_or(f64::NAN),
                toggle: s["toggle"].as_f64().unwrap_or(f64::NAN),
                files: s["files"]
                    .as_array()
                    .map(|files| {
                        files
                            .iter()
                            .map(|f| {
                                let url = f["url"].as_str().unwrap_or("");
                                (
                                    url.strip_prefix(base.as_str()).unwrap_or(url).to_string(),
                                    f["depth"].as_u64().unwrap_or(0),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let mut report = report(&site, &scenarios, &json["phone"], rounds)?;
    if lighthouse {
        report.push_str(&lighthouse_scores(&base)?);
    }
    println!("{report}");
    let path = root().join("target/bench/report.md");
    std::fs::write(&path, &report).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!("xtask: the report is in {}", path.display());
    Ok(())
}

/// `dist/` plus the benchmark's own pages.
fn build_site(site: &Path) -> Result<(), String> {
    crate::clear(site)?;
    copy_dir(&dist_dir(), site)?;
    let assets = root().join("xtask/assets/bench");
    for file in ["baseline.js", "element.html", "iframe.html"] {
        std::fs::copy(assets.join(file), site.join(file)).map_err(|e| format!("cannot copy {file}: {e}"))?;
    }
    let page = std::fs::read_to_string(site.join("index.html")).map_err(|e| e.to_string())?;
    // The baseline preloads nothing of the wasm's and runs baseline.js instead of main.js (by its hashed name).
    let main = read_manifest(site)?.get("main.js").cloned().unwrap_or_else(|| "main.js".into());
    let baseline: String = page
        .lines()
        .filter(|line| !(line.starts_with("<link rel=\"modulepreload\"") || line.starts_with("<link rel=\"preload\"")))
        .map(|line| {
            line.replace(
                &format!("<script type=\"module\" src=\"{main}\">"),
                "<script type=\"module\" src=\"baseline.js\">",
            ) + "\n"
        })
        .collect();
    if !baseline.contains("baseline.js") {
        return Err("dist/index.html no longer loads main.js as the benchmark expects".into());
    }
    std::fs::write(site.join("baseline.html"), baseline).map_err(|e| e.to_string())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn report(site: &Path, scenarios: &[Scenario], phone: &serde_json::Value, rounds: u32) -> Result<String, String> {
    let mut out = String::new();
    let commit =
        output(Command::new("git").args(["rev-parse", "--short", "HEAD"]).current_dir(root())).unwrap_or_default();
    let _ = writeln!(
        out,
        "# summit-explainer benchmark\n\nCommit {} · {rounds} interleaved rounds · headless Chromium · strict CSP\n",
        commit.trim()
    );

    let _ = writeln!(out, "## Bytes on first load (from the browser's request log)\n");
    let mut totals = Vec::new();
    for scenario in scenarios {
        let _ = writeln!(
            out,
            "### {}\n\n| file | raw | gzip -9 | brotli -q11 | chain depth |\n|---|---:|---:|---:|---:|",
            scenario.name
        );
        let mut total = Sizes::default();
        let mut depth = 0;
        for (file, file_depth) in &scenario.files {
            let path: PathBuf = site.join(file.split(['?', '#']).next().unwrap_or(file));
            let size = sizes(&path)?;
            total = total + size;
            depth = depth.max(*file_depth);
            let _ = writeln!(out, "| {file} | {} | {} | {} | {file_depth} |", size.raw, size.gzip, size.brotli);
        }
        let _ = writeln!(
            out,
            "| **total ({} requests, critical path {depth})** | **{}** | **{}** | **{}** | |\n",
            scenario.files.len(),
            total.raw,
            total.gzip,
            total.brotli
        );
        totals.push((scenario.name, total, depth));
    }

    let baseline = &scenarios[0];
    let ratio = |value: f64, base: f64| if base > 0.0 { format!("{:.2}×", value / base) } else { "–".into() };
    let _ = writeln!(out, "## Timings (medians; ratio to the baseline page in the same run)\n");
    let _ = writeln!(out, "| scenario | navigation → interactive | ratio | first contentful paint | ratio | toggle | ratio |\n|---|---:|---:|---:|---:|---:|---:|");
    for s in scenarios {
        let _ = writeln!(
            out,
            "| {} | {:.1} ms | {} | {:.1} ms | {} | {:.3} ms | {} |",
            s.name,
            s.interactive,
            ratio(s.interactive, baseline.interactive),
            s.fcp,
            ratio(s.fcp, baseline.fcp),
            s.toggle,
            ratio(s.toggle, baseline.toggle)
        );
    }

    let goal = |met: bool| if met { "met" } else { "not met" };
    let number = |key: &str| phone[key].as_f64().unwrap_or(f64::NAN);
    let _ = writeln!(
        out,
        "\n## On a phone (390 × 844, every section open, quotes closed)\n\n| figure | goal | now | |\n|---|---|---:|---|\n\
         | an open claim, on average ({} claims) | ≤ 180 px | {:.0} px | {} |\n\
         | the tallest open section (`{}`) | ≤ 2 screens | {:.0} px, {:.2} screens | {} |",
        number("claims"),
        number("claim"),
        goal(number("claim") <= 180.0),
        phone["tallest"].as_str().unwrap_or("?"),
        number("tallest_height"),
        number("tallest_height") / number("screen"),
        goal(number("tallest_height") <= 2.0 * number("screen")),
    );

    let wasm = std::fs::read(resolve(site, EMBED_WASM)?).map_err(|e| e.to_string())?;
    let memory = initial_memory(&wasm)?;
    let page_memory = initial_memory(&std::fs::read(resolve(site, PAGE_WASM)?).map_err(|e| e.to_string())?)?;
    let wasm_sizes = sizes(&resolve(site, PAGE_WASM)?)?;
    let embed_sizes = sizes(&resolve(site, EMBED_WASM)?)?;
    let _ = writeln!(
        out,
        "\n## The wasm\n\nThe page's module: {} B brotli, initial memory {page_memory} bytes. The embeds' module: {} B brotli, initial memory {memory} bytes ({} KiB).\n",
        wasm_sizes.brotli,
        embed_sizes.brotli,
        memory / 1024
    );
    match twiggy_top() {
        Ok(top) => {
            let _ =
                writeln!(out, "Largest items (twiggy, on a copy built for analysis with names kept):\n\n```\n{top}```");
        }
        Err(error) => {
            let _ = writeln!(out, "(twiggy: {error})");
        }
    }

    // The goals of "The page module at the limit" (issue 26), with the figures it started from (ef86c84);
    // the stretch goals in brackets.
    let page = totals.iter().find(|(name, ..)| *name == "page").map(|(_, t, _)| t.brotli).unwrap_or(0);
    let brotli_of = |files: &[&str]| -> Result<u64, String> {
        files.iter().map(|file| sizes(&resolve(site, file)?).map(|s| s.brotli)).sum::<Result<u64, String>>()
    };
    let critical = brotli_of(&["index.html", "style.css"])?;
    let glue = brotli_of(&[PAGE_GLUE])?;
    let element = brotli_of(ELEMENT_FILES)?;
    let iframe = brotli_of(IFRAME_FILES)?;
    let single = brotli_of(&["summit-explainer.html"])?;
    let get = |name: &str| scenarios.iter().find(|s| s.name == name).expect("a scenario");
    let page_s = get("page");
    let _ = writeln!(out, "\n## Goals\n\n| figure | goal | at the start | now | |\n|---|---|---:|---:|---|");
    let bytes = [
        ("the page's wasm", "≤ 20,000 B (12,000)", 47_893, wasm_sizes.brotli, 20_000),
        ("the page's JS glue", "≤ 3,000 B (2,000)", 5_454, glue, 3_000),
        ("standalone page, first load, everything", "≤ 40,000 B (32,000)", 69_597, page, 40_000),
        ("render-critical bytes of the page (HTML + CSS)", "≤ 14,000 B (12,500)", 15_925, critical, 14_000),
        ("element on a host page, everything it adds", "≤ 60,000 B (45,000)", 87_801, element, 60_000),
        ("iframe on a host page", "≤ 62,000 B (47,000)", 91_343, iframe, 62_000),
        ("single file", "≤ 50,000 B (40,000)", 78_871, single, 50_000),
    ];
    for (figure, target, start, now, limit) in bytes {
        let _ = writeln!(out, "| {figure} | {target} | {start} B | {now} B | {} |", goal(now <= limit));
    }
    let r = page_s.interactive / baseline.interactive;
    let _ =
        writeln!(out, "| navigation → interactive, page | ≤ 1.25× (1.1×) | 1.55× | {r:.2}× | {} |", goal(r <= 1.25));
    let r = page_s.toggle / baseline.toggle;
    let _ = writeln!(
        out,
        "| toggle, page | ≤ 2× (1.5×) | 5.1× (0.041 ms) | {r:.2}× ({:.3} ms) | {} |",
        page_s.toggle,
        goal(r <= 2.0)
    );
    let r = page_s.fcp / baseline.fcp;
    let _ = writeln!(out, "| first contentful paint, page | keep (≤ 1.1×) | met | {r:.2}× | {} |", goal(r <= 1.1));
    let _ = writeln!(
        out,
        "| initial linear memory | keep (≤ 128 KiB) | met | {} KiB | {} |",
        memory / 1024,
        goal(memory <= 128 * 1024)
    );
    Ok(out)
}

/// twiggy's top items of a release build with target-cpu=mvp (twiggy cannot read newer opcodes) and names.
fn twiggy_top() -> Result<String, String> {
    if output(Command::new("twiggy").arg("--version")).is_none() {
        run(Command::new("cargo").args(["install", "twiggy", "--version", TWIGGY_VERSION, "--locked"]))?;
    }
    let target = root().join("target/bench/analysis");
    run(Command::new("cargo")
        .args(["build", "--release", "--lib", "--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(&target)
        .args(crate::dist::PAGE_FEATURES)
        .env("RUSTFLAGS", "-C target-cpu=mvp")
        .current_dir(root()))?;
    let wasm = target.join("wasm32-unknown-unknown/release/summit_explainer.wasm");
    output(Command::new("twiggy").args(["top", "-n", "15"]).arg(&wasm)).ok_or_else(|| "twiggy failed".to_string())
}

/// Lighthouse's four category scores for the standalone page, mobile and desktop, as a Markdown section.
fn lighthouse_scores(base: &str) -> Result<String, String> {
    let dir = root().join("target/bench/lighthouse");
    let bin = dir.join("node_modules/.bin/lighthouse");
    if !bin.exists() {
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        run(Command::new("npm")
            .args(["install", "--no-save", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir)
            .arg(LIGHTHOUSE))?;
    }
    let mut out = String::from("\n## Lighthouse (the standalone page)\n\n| | performance | accessibility | best practices | SEO |\n|---|---:|---:|---:|---:|\n");
    for (name, preset) in [("mobile", None), ("desktop", Some("--preset=desktop"))] {
        let json = dir.join(format!("{name}.json"));
        run(Command::new(&bin)
            .arg(format!("{base}index.html"))
            .args(preset)
            .args(["--quiet", "--output=json", "--only-categories=performance,accessibility,best-practices,seo"])
            .arg(format!("--output-path={}", json.display()))
            .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --no-first-run")
            .env("CHROME_PATH", std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())))?;
        let text = std::fs::read_to_string(&json).map_err(|e| format!("cannot read {}: {e}", json.display()))?;
        let report: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("bad Lighthouse report: {e}"))?;
        let score = |category: &str| {
            report["categories"][category]["score"].as_f64().map_or("–".to_string(), |s| format!("{:.0}", s * 100.0))
        };
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} |",
            score("performance"),
            score("accessibility"),
            score("best-practices"),
            score("seo")
        );
    }
    Ok(out)
}
