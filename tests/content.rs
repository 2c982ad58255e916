//! The real content's invariants, checked on `content/summit` itself (whatever content this build compiled in):
//! the article is the source byte for byte, every substantive paragraph is cited, every public section id is
//! there, and the files generated from the content are current. Mechanics are tested on the fixture instead.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use content_compiler::{compile_folder, Compiled};
use sha2::{Digest, Sha256};

/// SHA-256 of the source article, CNN's report dated 2024-04-11: the copy in `content/summit/article.txt` must
/// be it byte for byte (`.ci/run` also compares it with the shared source when that is there).
const ARTICLE_SHA256: &str = "8d5f2eb6d6ffbd5994cd4a6c4ce25e5a79be02a7e1d6ab3b2a08834ba893840d";

/// The section ids that embeds and deep links may name: the public interface, which the content must keep.
const PUBLIC_SECTION_IDS: &[&str] =
    &["defense-integration", "missile-defense", "space", "people-to-people", "economic-friction"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn summit() -> Compiled {
    let outcome = compile_folder(&root().join("content/summit"), "content/summit").expect("the content is readable");
    match outcome.compiled {
        Some(ref compiled) => compiled.clone(),
        None => panic!("content/summit is invalid:\n{}", outcome.render()),
    }
}

#[test]
fn the_article_is_the_source_byte_for_byte() {
    let article = std::fs::read(root().join("content/summit/article.txt")).unwrap();
    let hash: String = Sha256::digest(&article).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hash, ARTICLE_SHA256, "content/summit/article.txt is not the source article");
}

#[test]
fn every_substantive_paragraph_is_cited() {
    let summit = summit();
    println!("{}", summit.coverage_report());
    assert_eq!(summit.uncited_paragraphs(), Vec::<usize>::new());
    let substantive = summit.paragraphs.iter().filter(|p| p.number.is_some()).count();
    assert!(substantive > 30, "the article has {substantive} substantive paragraphs; expected more than 30");
}

#[test]
fn the_public_section_ids_are_there() {
    let ids: Vec<String> = summit().sections.into_iter().map(|s| s.id).collect();
    for id in PUBLIC_SECTION_IDS {
        assert!(ids.iter().any(|i| i == id), "section {id:?} is missing from {ids:?}");
    }
}

/// The README's list of sections is written from the content. Like rust-analyzer's generated files, a stale copy
/// is rewritten and the test fails once, so that the change is committed.
#[test]
fn the_readme_lists_the_contents_sections() {
    const BEGIN: &str = "<!-- generated: sections (from content/summit/explainer.toml by tests/content.rs) -->\n";
    const END: &str = "<!-- end generated -->";
    let mut table = String::from("| id | title | what it covers |\n|---|---|---|\n");
    for section in summit().sections {
        table.push_str(&format!("| `{}` | {} | {} |\n", section.id, section.title, section.summary));
    }
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(BEGIN).expect("README.md has the generated sections block") + BEGIN.len();
    let end = start + readme[start..].find(END).expect("the block ends");
    if readme[start..end] != table {
        std::fs::write(&path, format!("{}{table}{}", &readme[..start], &readme[end..])).unwrap();
        panic!("README.md's section list was stale and has been rewritten: commit it");
    }
}
