//! `prerender`: what `cargo xtask` needs from the engine, written natively from the compiled-in content.
//!
//! - `prerender page SHELL` prints `SHELL` (the `index.html` shell) with the prerendered explainer, its head
//!   tags and JSON-LD filled in; `SUMMIT_EXPLAINER_URL`, if set, is the URL the site will be published at.
//! - `prerender fragments` prints the fragment of every place (section, claim, quote), one a line, for the
//!   fuzzers' seeds.
//! - `prerender folder` prints the content folder the engine was compiled from.

use std::process::ExitCode;

use summit_explainer::document::Document;
use summit_explainer::meta::parse_site_url;
use summit_explainer::page::standalone_page;
use summit_explainer::route::Target;

const USAGE: &str = "usage: prerender page SHELL | prerender fragments | prerender folder";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let document = Document::built_in();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["page", shell] => page(document, shell),
        ["fragments"] => Ok(Target::all(document).map(|t| format!("#{}\n", t.fragment(document))).collect()),
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
    let shell = std::fs::read_to_string(shell).map_err(|e| format!("cannot read {shell}: {e}"))?;
    standalone_page(&shell, document, site_url).map_err(|e| e.to_string())
}
