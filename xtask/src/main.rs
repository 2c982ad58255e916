//! `cargo xtask`: the project's build, serve and test commands, as a plain Rust program.
//!
//! - `cargo xtask dist` writes the deployable site into `dist/`.
//! - `cargo xtask pack` builds it and packs its npm package (`dist/pkg/`) into `target/`.
//! - `cargo xtask serve [--port N] [--csp]` builds it and serves `dist/` at http://127.0.0.1:8000/ (with
//!   `--csp`, under the strict Content Security Policy).
//! - `cargo xtask bench [--rounds N] [--lighthouse]` measures bytes and timings against a baseline page (never asserted).
//! - `cargo xtask fuzz [--seconds N]` fuzzes every parser of outside input for N seconds each (not in CI).
//! - `cargo xtask screenshots` builds it and copies its screenshots into `docs/`, for the README.
//! - `cargo xtask check-content [--content DIR]` checks a content folder and prints the coverage table.
//! - `cargo xtask test` installs what is missing, then runs every test: native, browser (Chromium and Firefox)
//!   and end-to-end.
//!
//! Each installs the tools it needs first, idempotently (see `install`).

mod bench;
mod content;
mod dist;
mod fingerprint;
mod fuzz;
mod install;
mod names;
mod pack;
mod screenshots;
mod serve;
mod single;
mod sizes;
mod test;
mod watch;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  dist [--content DIR] [--out DIR]
                       build the static site of a content folder (default content/summit) into
                       dist/ (or DIR)
  pack                 build dist/, then pack its npm package dist/pkg/ into
                       target/summit-explainer-VERSION.tgz
  serve [--port N] [--csp] [--watch [--content DIR]]
                       build, then serve dist/ at http://127.0.0.1:N/ (default 8000);
                       --csp sends the strict Content-Security-Policy header;
                       --watch: a development build in target/dev-site/, rendered again on every
                       save of the content folder (default content/summit), the open page reloaded
                       and the content's errors shown over it; the element and the frame follow once
                       their module is built again, after 3 s without a save
  screenshots          build dist/, then copy its screenshots into docs/ (the README shows them;
                       `test` fails when they show an older page)
  check-content [--content DIR]
                       check a content folder (default content/summit): diagnostics, lints, coverage
  test [--quick]       install what is missing, then run every test (native, browsers, end-to-end);
                       --quick: fmt, clippy, native tests and the Chromium browser tests only
  e2e [--grep PATTERN] the end-to-end tests (those whose name matches PATTERN) against dist/ as it is
  e2e-publish          the publishing test against dist/ as it is (it builds the second site itself)
  e2e-watch            the editor's loop test: serve --watch on a copy of the fixture folder, edited
  budget               check dist/ as it is against xtask/budget.txt, printing every figure
  bench [--rounds N] [--lighthouse] | bench --edit [--rounds N]
                       measure bytes, timings (as ratios to a baseline page) and memory, and with
                       --lighthouse Lighthouse 12's scores; write target/bench/report.md;
                       --edit: the editor's loop (save -> page, save -> overlay under serve --watch)
  fuzz [--seconds N]   fuzz every parser of outside input for N seconds each (default 60; nightly)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => parse_dist(&args[1..]).and_then(|(content, out)| dist::dist_of(&content, &out)),
        Some("pack") if args.len() == 1 => pack::pack(),
        Some("serve") => parse_serve(&args[1..]).and_then(|serve| match serve.watch {
            Some(content) => watch::watch_and_serve(&content, serve.port, serve.policy),
            None => serve::build_and_serve(serve.port, serve.policy),
        }),
        Some("test") => match &args[1..] {
            [] => test::test(test::Gear::Full),
            [quick] if quick == "--quick" => test::test(test::Gear::Quick),
            _ => Err(USAGE.to_string()),
        },
        Some("e2e") => match &args[1..] {
            [] => test::end_to_end(None),
            [flag, pattern] if flag == "--grep" => test::end_to_end(Some(pattern)),
            _ => Err(USAGE.to_string()),
        },
        Some("e2e-publish") if args.len() == 1 => test::publishing_test(),
        Some("e2e-watch") if args.len() == 1 => test::watch_test(),
        Some("budget") if args.len() == 1 => sizes::check_budget(&dist::dist_dir()),
        Some("screenshots") if args.len() == 1 => screenshots::screenshots(),
        Some("check-content") => parse_content(&args[1..]).and_then(|dir| content::check_content(&dir)),
        Some("bench") => parse_bench(&args[1..]).and_then(|bench| match bench {
            Bench::Reader { rounds, lighthouse } => bench::bench(rounds, lighthouse),
            Bench::Edit { rounds } => bench::edit(rounds),
        }),
        Some("fuzz") => parse_seconds(&args[1..]).and_then(fuzz::fuzz),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// What `serve` was asked for.
struct Serve {
    port: u16,
    policy: serve::Policy,
    /// With `--watch`: the content folder to watch.
    watch: Option<String>,
}

fn parse_serve(args: &[String]) -> Result<Serve, String> {
    let mut port = 8000;
    let mut policy = serve::Policy::None;
    let (mut watching, mut content) = (false, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--csp" => policy = serve::Policy::Strict,
            "--watch" => watching = true,
            "--content" => content = Some(args.next().ok_or("--content takes a content folder")?.clone()),
            "--port" => {
                let value = args.next().ok_or("--port takes a port number")?;
                port =
                    value.parse().map_err(|_| format!("--port takes a port number from 0 to 65535, not {value:?}"))?;
            }
            _ => return Err(USAGE.to_string()),
        }
    }
    let watch = match (watching, content) {
        (true, content) => Some(content.unwrap_or_else(|| content::DEFAULT_CONTENT.to_string())),
        (false, None) => None,
        (false, Some(_)) => return Err("--content goes with --watch: `serve` alone serves dist/".to_string()),
    };
    Ok(Serve { port, policy, watch })
}

/// Which benchmark: the reader's (with Lighthouse or not) or the editor's loop.
enum Bench {
    Reader { rounds: u32, lighthouse: bool },
    Edit { rounds: u32 },
}

fn parse_bench(args: &[String]) -> Result<Bench, String> {
    let (mut rounds, mut lighthouse, mut edit) = (15, false, false);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lighthouse" => lighthouse = true,
            "--edit" => edit = true,
            "--rounds" => {
                let value = args.next().ok_or("--rounds takes a number of rounds")?;
                rounds = match value.parse() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(format!("--rounds takes a whole number of rounds, at least 1, not {value:?}")),
                };
            }
            _ => return Err(USAGE.to_string()),
        }
    }
    match (edit, lighthouse) {
        (true, true) => {
            Err("--edit measures the editor's loop; Lighthouse scores the reader's page: one at a time".into())
        }
        (true, false) => Ok(Bench::Edit { rounds }),
        (false, _) => Ok(Bench::Reader { rounds, lighthouse }),
    }
}

/// `[--content DIR] [--out DIR]`: the content folder and where its site goes.
fn parse_dist(args: &[String]) -> Result<(String, PathBuf), String> {
    let (mut content, mut out) = (content::DEFAULT_CONTENT.to_string(), dist::dist_dir());
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--content", Some(dir)) => content = dir.clone(),
            ("--out", Some(dir)) => out = std::env::current_dir().map_err(|e| e.to_string())?.join(dir),
            _ => return Err(USAGE.to_string()),
        }
    }
    Ok((content, out))
}

/// `[--content DIR]`: the content folder, relative to the repository's root.
fn parse_content(args: &[String]) -> Result<String, String> {
    match args {
        [] => Ok(content::DEFAULT_CONTENT.to_string()),
        [flag, dir] if flag == "--content" => Ok(dir.clone()),
        _ => Err(USAGE.to_string()),
    }
}

fn parse_seconds(args: &[String]) -> Result<u64, String> {
    match args {
        [] => Ok(60),
        [flag, seconds] if flag == "--seconds" => {
            seconds.parse().map_err(|_| format!("--seconds takes a whole number of seconds, not {seconds:?}"))
        }
        _ => Err(USAGE.to_string()),
    }
}

/// The repository's root folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repository").to_path_buf()
}

/// Removes the folder `dir` and all in it, if it is there.
fn clear(dir: &Path) -> Result<(), String> {
    match dir.exists() {
        true => std::fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display())),
        false => Ok(()),
    }
}

/// Runs a command to completion, failing with the command line if it fails.
fn run(command: &mut Command) -> Result<(), String> {
    eprintln!("xtask: running {}", describe(command));
    let status = command.status().map_err(|e| format!("cannot start {}: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(command)))
    }
}

/// A command's output, or `None` if it cannot run or fails.
fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let args = command.get_args().map(|a| a.to_string_lossy().into_owned());
    std::iter::once(command.get_program().to_string_lossy().into_owned()).chain(args).collect::<Vec<_>>().join(" ")
}
