//! Compiles the explainer's content into the crate: checks the content folder (`content/summit`, or the one
//! named by `SUMMIT_EXPLAINER_CONTENT`) and the engine's test fixture, and writes them as Rust tables into
//! `OUT_DIR`, with the TypeScript declarations that name the content's section ids. Any error in the content
//! fails the build, printed at its file, line and column; `cargo xtask check-content` shows the same faster.

use std::path::{Path, PathBuf};

use content_compiler::{CONTENT_VARIABLE, DEFAULT_CONTENT, FIXTURE_CONTENT};

/// The declarations' placeholder for the section ids, which the build replaces with their union.
const SECTION_IDS_PLACEHOLDER: &str =
    "export type SectionId = never; // the content's section ids, written by build.rs";

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-env-changed={CONTENT_VARIABLE}");
    let content = match std::env::var(CONTENT_VARIABLE) {
        Ok(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join(DEFAULT_CONTENT),
    };
    let compiled = compile(&root, &content, &out.join("content.rs"));
    let folder = content.strip_prefix(&root).unwrap_or(&content).display().to_string();
    println!("cargo:rustc-env=SUMMIT_EXPLAINER_CONTENT_FOLDER={folder}");
    compile(&root, &root.join(FIXTURE_CONTENT), &out.join("fixture.rs"));

    // The component's stylesheet, for the shadow roots, without the comments its editors need.
    let stylesheet = root.join(content_compiler::css::COMPONENT);
    println!("cargo:rerun-if-changed={}", stylesheet.display());
    let css = content_compiler::css::component(&stylesheet).unwrap_or_else(|e| panic!("{e}"));
    write(&out.join("explainer.css"), &content_compiler::css::minify(&css));

    write(&out.join("lowercase.rs"), &lowercase_table());

    let declarations = root.join("src/api.d.ts");
    println!("cargo:rerun-if-changed={}", declarations.display());
    let template = std::fs::read_to_string(&declarations).expect("src/api.d.ts is readable");
    assert_eq!(
        template.matches(SECTION_IDS_PLACEHOLDER).count(),
        1,
        "src/api.d.ts has the section id placeholder once"
    );
    let union = format!("export type SectionId =\n{};", content_compiler::codegen::typescript_section_ids(&compiled));
    write(&out.join("api.d.ts"), &template.replace(SECTION_IDS_PLACEHOLDER, &union));
}

/// Checks the content folder `dir` and writes its tables to `target`; on an error, prints every diagnostic
/// and stops the build.
fn compile(root: &Path, dir: &Path, target: &Path) -> content_compiler::Compiled {
    for file in [content_compiler::ARTICLE_FILE, content_compiler::EXPLAINER_FILE] {
        println!("cargo:rerun-if-changed={}", dir.join(file).display());
    }
    let display = dir.strip_prefix(root).unwrap_or(dir).display().to_string();
    let outcome = content_compiler::compile_folder(dir, &display).unwrap_or_else(|message| {
        eprintln!("error: {message}");
        std::process::exit(1)
    });
    match outcome.compiled {
        Some(ref compiled) => {
            // Warnings and notes, one line each; `cargo xtask check-content` renders them in full.
            for diagnostic in &outcome.diagnostics {
                println!("cargo:warning={}", outcome.sources.one_line(diagnostic));
            }
            write(target, &content_compiler::codegen::rust_tables(compiled));
            compiled.clone()
        }
        None => {
            eprintln!("{}", outcome.render());
            eprintln!("error: the content in {display} is invalid: {}", outcome.summary());
            eprintln!("(run `cargo xtask check-content --content {display}` to see it again without building)");
            std::process::exit(1)
        }
    }
}

/// Unicode's lowercase mapping, where it is one character, as runs `(first, last, stride, delta)`: every
/// `stride`-th character from `first` to `last` lowercases to itself plus `delta`. Made from the toolchain's
/// own `char::to_lowercase` (so it is exactly that mapping, which a test of `search` checks for every
/// character), in about a fifth of the space of the standard library's table, which the wasm then leaves out.
fn lowercase_table() -> String {
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
    for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
        let mut lower = c.to_lowercase();
        let (Some(l), None) = (lower.next(), lower.next()) else { continue };
        if l == c {
            continue;
        }
        let (at, delta) = (c as u32, i64::from(l as u32) - i64::from(c as u32));
        match runs.last_mut() {
            Some(run) if run.3 == delta && run.0 == run.1 && (at - run.1 == 1 || at - run.1 == 2) => {
                run.2 = at - run.1;
                run.1 = at;
            }
            Some(run) if run.3 == delta && run.0 != run.1 && at - run.1 == run.2 => run.1 = at,
            _ => runs.push((at, at, 1, delta)),
        }
    }
    let rows: Vec<String> =
        runs.iter().map(|(first, last, stride, delta)| format!("({first}, {last}, {stride}, {delta})")).collect();
    format!(
        "/// Unicode's single-character lowercase mappings as runs (written by build.rs).\n\
         pub static RUNS: [(u32, u32, u8, i32); {}] = [{}];\n",
        runs.len(),
        rows.join(", ")
    )
}

/// Writes `text` to `path` unless it already holds it (so that an unchanged build does not recompile).
fn write(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}
