//! `cargo xtask check-content [--content DIR]`: checks a content folder in seconds, without building the site:
//! every diagnostic rendered at its line, the fidelity lints, the coverage table and how the claims read.

use std::path::{Path, PathBuf};

use content_compiler::compile_folder;

use crate::root;

pub use content_compiler::{CONTENT_VARIABLE, DEFAULT_CONTENT, FIXTURE_CONTENT};

/// `dir` as given (relative to the repository's root), checked to be a content folder.
pub fn content_folder(dir: &str) -> Result<PathBuf, String> {
    let path = root().join(dir);
    for file in [content_compiler::ARTICLE_FILE, content_compiler::EXPLAINER_FILE] {
        if !path.join(file).is_file() {
            return Err(format!("{dir} is not a content folder: it has no {file}"));
        }
    }
    Ok(path)
}

/// Prints every diagnostic, the coverage table and the readability table; fails if there is an error.
pub fn check_content(dir: &str) -> Result<(), String> {
    let path = content_folder(dir)?;
    let outcome = compile_folder(&path, &display(&path))?;
    eprint!("{}", outcome.render());
    if let Some(compiled) = &outcome.compiled {
        println!("{}", compiled.coverage_report());
        println!("{}", content_compiler::readability::Readability::of(compiled).report());
    }
    println!("{dir}: {}", outcome.summary());
    match outcome.count(content_compiler::Severity::Error) {
        0 => Ok(()),
        errors => Err(format!("{dir} has {errors} error{}", if errors == 1 { "" } else { "s" })),
    }
}

/// How diagnostics name a folder: relative to the repository's root where it is inside it.
fn display(path: &Path) -> String {
    let root = root();
    path.strip_prefix(&root).unwrap_or(path).display().to_string()
}
