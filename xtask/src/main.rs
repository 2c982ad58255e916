//! `cargo xtask`: the project's build, serve and test commands, as a plain Rust program.
//!
//! - `cargo xtask dist` writes the deployable site into `dist/`.
//! - `cargo xtask serve [--port N]` builds it and serves `dist/` at http://127.0.0.1:8000/.
//! - `cargo xtask test` installs what is missing, then runs every test: native, browser (Chromium and Firefox)
//!   and end-to-end.
//!
//! Each installs the tools it needs first, idempotently (see `install`).

mod dist;
mod install;
mod serve;
mod test;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  dist                 build the static site into dist/
  serve [--port N]     build, then serve dist/ at http://127.0.0.1:N/ (default 8000)
  test                 install what is missing, then run every test (native, browsers, end-to-end)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") if args.len() == 1 => dist::dist(),
        Some("serve") => parse_port(&args[1..]).and_then(serve::build_and_serve),
        Some("test") if args.len() == 1 => test::test(),
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

fn parse_port(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(8000),
        [flag, port] if flag == "--port" => {
            port.parse().map_err(|_| format!("--port takes a port number from 0 to 65535, not {port:?}"))
        }
        _ => Err(USAGE.to_string()),
    }
}

/// The repository's root folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repository").to_path_buf()
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
