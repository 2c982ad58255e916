//! The content compiler: reads an explainer's content folder (`article.txt`, verbatim, and `explainer.toml`,
//! everything the explainer says), checks it, and compiles it into Rust tables for the engine.
//!
//! Every problem is a [`Diagnostic`] at the file, line and column it concerns, rendered as rustc renders its
//! own. The engine's build script runs [`compile_folder`] and fails on any error; `cargo xtask check-content`
//! runs it and prints everything, with the coverage table.
//!
//! - [`schema`]: the TOML's shape (unknown keys are errors);
//! - [`check`]: verbatim, unique, non-overlapping quotes inside one paragraph; ids; coverage; the glance;
//! - [`facts`]: the article's date line, dateline and credit line;
//! - [`lints`]: fidelity (figures, names, attribution);
//! - [`codegen`]: the Rust tables;
//! - [`css`]: the stylesheets as shipped, without their comments.

#![deny(missing_docs)]

pub mod check;
pub mod codegen;
pub mod compiled;
pub mod css;
pub mod diagnostic;
pub mod facts;
pub mod lints;
pub mod readability;
pub mod schema;

use std::path::Path;

pub use compiled::Compiled;
pub use diagnostic::{Diagnostic, Severity, Sources};

/// The environment variable through which a build is told which content folder to compile (relative to the
/// engine's root, or absolute); unset, it is [`DEFAULT_CONTENT`].
pub const CONTENT_VARIABLE: &str = "SUMMIT_EXPLAINER_CONTENT";
/// The content folder the site is built from by default.
pub const DEFAULT_CONTENT: &str = "content/summit";
/// The engine's test explainer, compiled into every build beside the real one.
pub const FIXTURE_CONTENT: &str = "tests/fixtures/explainer";

/// The names of the two files of a content folder.
pub const ARTICLE_FILE: &str = "article.txt";
/// See [`ARTICLE_FILE`].
pub const EXPLAINER_FILE: &str = "explainer.toml";

/// What checking a content folder found.
#[derive(Debug)]
pub struct Outcome {
    /// The files, for rendering the diagnostics.
    pub sources: Sources,
    /// Every problem, warning and note, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// The compiled explainer, if there is no error.
    pub compiled: Option<Compiled>,
}

impl Outcome {
    /// The number of diagnostics of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// Every diagnostic rendered in full, separated by blank lines.
    pub fn render(&self) -> String {
        self.diagnostics.iter().map(|d| self.sources.render(d) + "\n").collect::<Vec<_>>().join("\n")
    }

    /// `N errors, N warnings, N notes`.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}, {}",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning"),
            plural(self.count(Severity::Note), "note")
        )
    }
}

/// Reads and checks the content folder `dir`; `display` is how diagnostics name it (a relative path, say).
/// An unreadable file is an `Err`; everything about the content itself is in the [`Outcome`].
pub fn compile_folder(dir: &Path, display: &str) -> Result<Outcome, String> {
    let read = |file: &str| {
        let path = dir.join(file);
        std::fs::read_to_string(&path).map_err(|error| format!("cannot read {}: {error}", path.display()))
    };
    let join = |file: &str| {
        if display.is_empty() {
            file.to_string()
        } else {
            format!("{}/{file}", display.trim_end_matches('/'))
        }
    };
    Ok(compile(Sources {
        explainer_name: join(EXPLAINER_FILE),
        explainer: read(EXPLAINER_FILE)?,
        article_name: join(ARTICLE_FILE),
        article: read(ARTICLE_FILE)?,
    }))
}

/// Parses, checks and lints the two files.
pub fn compile(sources: Sources) -> Outcome {
    let mut diagnostics = Vec::new();
    let compiled = match toml::from_str::<schema::Explainer>(&sources.explainer) {
        Err(error) => {
            diagnostics.push(parse_error(&error));
            None
        }
        Ok(explainer) => {
            let compiled = check::check(&explainer, &sources.explainer, &sources.article, &mut diagnostics);
            if let Some(compiled) = &compiled {
                lints::lint(&explainer, &sources.explainer, compiled, &mut diagnostics);
            }
            compiled
        }
    };
    let failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Outcome { sources, diagnostics, compiled: compiled.filter(|_| !failed) }
}

/// A TOML syntax or shape error (an unknown key, a missing field, a wrong type) at its place.
fn parse_error(error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim().to_string();
    let span = error.span().unwrap_or(0..0);
    let help = if message.starts_with("unknown field") {
        "remove the key, or correct its spelling to one of the expected keys"
    } else if message.starts_with("missing field") {
        "add the field to this table"
    } else {
        "see the README's \"Editing the explainer\" for the file's shape"
    };
    let first_line = message.lines().next().unwrap_or("").to_string();
    Diagnostic::error(first_line.clone(), span, first_line).with_help(help)
}
