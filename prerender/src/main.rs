//! `prerender`: what `cargo xtask` needs from the engine, written natively from the compiled-in content.
//!
//! - `prerender page SHELL` prints `SHELL` (the `index.html` shell) with the prerendered explainer, its head
//!   tags and JSON-LD filled in; `SUMMIT_EXPLAINER_URL`, if set, is the URL the site will be published at.
//! - `prerender frame SHELL` prints `SHELL` (`frame.html`) with the explainer's title filled in.
//! - `prerender fragments` prints the fragment of every place (section, claim, quote), one a line, for the
//!   fuzzers' seeds.
//! - `prerender folder` prints the content folder the engine was compiled from.
//!
//! `--content DIR` first (`prerender --content DIR page SHELL`) renders from the content folder `DIR` as it
//! is on disk, compiled now (`summit_explainer::live`), not from the compiled-in content: the development
//! server's loop, which compiles no Rust after a save. On diagnostics it prints them and exits with 2.

use std::process::ExitCode;

use summit_explainer::document::Document;
use summit_explainer::meta::parse_site_url;
use summit_explainer::page::{frame_page, standalone_page};
use summit_explainer::route::Target;

const USAGE: &str =
    "usage: prerender [--content DIR] page SHELL | prerender [--content DIR] frame SHELL | prerender fragments | prerender folder";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let document = match args.first().map(String::as_str) {
        Some("--content") if args.len() > 1 => {
            let dir = args[1].clone();
            args.drain(..2);
            match summit_explainer::live::compile(std::path::Path::new(&dir), &dir) {
                Ok(document) => document,
                Err(diagnostics) => {
                    eprint!("{diagnostics}");
                    return ExitCode::from(2);
                }
            }
        }
        _ => Document::built_in(),
    };
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["page", shell] => page(document, shell),
        ["frame", shell] => read(shell).and_then(|shell| frame_page(&shell, document).map_err(|e| e.to_string())),
        ["fragments"] => {
            Ok(Target::all(&document.core).map(|t| format!("#{}\n", t.fragment(&document.core))).collect())
        }
        ["folder"] => Ok(format!("{}\n", Document::BUILT_IN_FOLDER)),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn page(document: &Document, shell: &str) -> Result<String, String> {
    let site_url = std::env::var("SUMMIT_EXPLAINER_URL").ok().filter(|url| !url.is_empty());
    let site_url = site_url.as_deref().map(parse_site_url).transpose()?;
    standalone_page(&read(shell)?, document, site_url).map_err(|e| e.to_string())
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}
