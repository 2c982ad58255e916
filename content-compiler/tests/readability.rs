//! The readability table `check-content` prints, on the engine's fixture explainer edited to show each figure:
//! two statements sharing a run of eight words, one that speaks of the article, a note.

use content_compiler::readability::Readability;
use content_compiler::{compile, Sources};
use expect_test::expect;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/explainer");

#[test]
fn the_table_gives_lengths_per_part_repeated_runs_and_statements_about_the_article() {
    let read = |file: &str| std::fs::read_to_string(format!("{FIXTURE}/{file}")).expect("the fixture is readable");
    let mut explainer = read("explainer.toml");
    for (from, to) in [
        (
            "statement = \"The talks ran late into the night.\"",
            "statement = \"The talks ran late into the night, and an official said so.\"",
        ),
        (
            "statement = \"Both sides will meet again in spring.\"",
            "statement = \"The talks ran late into the night, and both sides will meet again in spring.\"",
        ),
        (
            "statement = \"Engineers will build 3 new bridges.\"",
            "statement = \"The article says engineers will build 3 new bridges.\"",
        ),
        // The `repeated` lint refuses the shared run unless it is listed, with its reason.
        (
            "claim = \"meet-again\"",
            "claim = \"meet-again\"\n\n[lints.warn]\nrepeated = [{ claim = \"meet-again\", reason = \"a test\" }]",
        ),
    ] {
        assert_eq!(explainer.matches(from).count(), 1, "{from}");
        explainer = explainer.replacen(from, to, 1);
    }
    let outcome = compile(Sources {
        explainer_name: "explainer.toml".into(),
        explainer,
        article_name: "article.txt".into(),
        article: read("article.txt"),
    });
    let compiled = outcome.compiled.as_ref().unwrap_or_else(|| panic!("{}", outcome.render()));
    expect![[r#"
        readability (words):                          claims median longest  >35  notes median longest
          overview                                        1      3       3    0      0      -       -
          talks                                           3     12      15    0      1      7       7
          rivers                                          2    7.5       9    0      0      -       -
          in all                                          6    7.5      15    0      1      7       7
          runs of 8 words repeated across statements: 1
            “the talks ran late into the night and”: ran-late, meet-again
          statements that speak of the article or the explainer: bridges
    "#]]
    .assert_eq(&Readability::of(compiled).report());
}
