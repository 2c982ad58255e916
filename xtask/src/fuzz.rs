//! `cargo xtask fuzz [--seconds N]`: runs every cargo-fuzz target in `fuzz/` for N seconds each (default 60)
//! and prints, per parser, how long it ran and how many inputs it tried. Not part of `cargo xtask test`: it
//! needs the nightly toolchain and cargo-fuzz (installed here if missing), and its time is open-ended.
//!
//! Each target starts from a seed corpus of what this build writes (every fragment, a few valid query
//! strings, stored values), so the fuzzer begins inside the parsers rather than at their first refusal.
//! Corpora and crash artifacts stay in `fuzz/corpus/` and `fuzz/artifacts/` (ignored by git).

use std::path::Path;
use std::process::Command;

use crate::install::put_cargo_bin_on_path;
use crate::{output, root, run};

/// The fuzz targets, one per parser of outside input.
const TARGETS: &[&str] = &["fragment", "query", "attributes", "mount_options", "storage", "search"];
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// Runs every target for `seconds` each, then prints the table.
pub fn fuzz(seconds: u64) -> Result<(), String> {
    put_cargo_bin_on_path();
    let toolchains = output(Command::new("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if !toolchains.lines().any(|t| t.starts_with("nightly")) {
        run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    if output(Command::new("cargo").args(["fuzz", "--version"])).is_none() {
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION]))?;
    }
    let fuzz_dir = root().join("fuzz");
    seed(&fuzz_dir)?;
    let mut rows = Vec::new();
    for target in TARGETS {
        let log = fuzz_dir.join("artifacts").join(format!("{target}.log"));
        std::fs::create_dir_all(log.parent().expect("a folder")).map_err(|e| e.to_string())?;
        eprintln!("xtask: fuzzing {target} for {seconds} s");
        let out = Command::new("cargo")
            .args(["+nightly", "fuzz", "run", target, "--release", "--", "-print_final_stats=1"])
            .arg(format!("-max_total_time={seconds}"))
            .current_dir(root())
            .output()
            .map_err(|e| format!("cannot run cargo fuzz: {e}"))?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        std::fs::write(&log, stderr.as_bytes()).map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!("fuzzing {target} failed ({}); see {}", out.status, log.display()));
        }
        let stat = |name: &str| {
            stderr
                .lines()
                .find_map(|line| line.strip_prefix(name)?.trim().trim_start_matches(':').trim().parse::<u64>().ok())
        };
        let runs = stat("stat::number_of_executed_units").unwrap_or(0);
        let time = stat("stat::total_time_s").unwrap_or(seconds);
        let corpus = std::fs::read_dir(fuzz_dir.join("corpus").join(target)).map(|d| d.count()).unwrap_or(0);
        rows.push(format!("| {target} | {time} | {runs} | {} | {corpus} |", runs / time.max(1)));
    }
    let table = format!(
        "| target | seconds | executions | per second | corpus |\n|---|---|---|---|---|\n{}\n",
        rows.join("\n")
    );
    println!("{table}");
    let report = root().join("target/fuzz-report.md");
    std::fs::write(&report, &table).map_err(|e| e.to_string())?;
    eprintln!("xtask: no target failed; the table is in {}", report.display());
    Ok(())
}

/// Writes the seed inputs into each target's corpus (as `seed-N`, so seeding again overwrites them).
fn seed(fuzz_dir: &Path) -> Result<(), String> {
    let fragments: Vec<String> = crate::dist::prerender(crate::content::DEFAULT_CONTENT, &["fragments".as_ref()])?
        .lines()
        .map(str::to_string)
        .collect();
    let seeds: &[(&str, Vec<String>)] = &[
        ("fragment", fragments),
        (
            "query",
            vec![
                "?sections=space,economic-friction&open=space&heading-level=3".into(),
                "sections=people-to-people&open=all&theme=dark&overview=false".into(),
                "article=false&article-url=https%3A%2F%2Fexample.org%2F&deep-links".into(),
            ],
        ),
        ("storage", vec!["v1:space,alliance".into(), "v1:".into(), "dark".into()]),
        ("search", vec!["cherry trees".into(), "Kishida \u{201c}state\u{201d}".into()]),
    ];
    for (target, inputs) in seeds {
        let dir = fuzz_dir.join("corpus").join(target);
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for (i, input) in inputs.iter().enumerate() {
            std::fs::write(dir.join(format!("seed-{i}")), input).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
