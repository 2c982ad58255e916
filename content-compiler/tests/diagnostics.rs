//! Each kind of mistake an editor makes, on a copy of the engine's fixture explainer broken in one place,
//! with the diagnostic it gets pinned whole: the message, the file, line and column, the text, and the advice.

use content_compiler::{compile, Outcome, Sources};
use expect_test::{expect, Expect};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/explainer");

fn fixture() -> (String, String) {
    let read = |file: &str| std::fs::read_to_string(format!("{FIXTURE}/{file}")).expect("the fixture is readable");
    (read("explainer.toml"), read("article.txt"))
}

fn outcome(explainer: String, article: String) -> Outcome {
    compile(Sources { explainer_name: "explainer.toml".into(), explainer, article_name: "article.txt".into(), article })
}

/// Compiles the fixture with `from` replaced by `to` in its `explainer.toml` (once, and it must be there), and
/// compares every diagnostic rendered, or "ok".
fn check(from: &str, to: &str, expected: Expect) {
    check_edits(&[(from, to)], expected)
}

/// [`check`] with several edits, made in order.
fn check_edits(edits: &[(&str, &str)], expected: Expect) {
    let (mut explainer, article) = fixture();
    for (from, to) in edits {
        assert_eq!(explainer.matches(from).count(), 1, "{from:?} occurs once in the fixture");
        explainer = explainer.replacen(from, to, 1);
    }
    let outcome = outcome(explainer, article);
    let rendered = if outcome.diagnostics.is_empty() { "ok\n".to_string() } else { outcome.render() };
    expected.assert_eq(&rendered);
}

#[test]
fn the_fixture_itself_is_clean() {
    let (explainer, article) = fixture();
    let outcome = outcome(explainer, article);
    assert_eq!(outcome.summary(), "0 errors, 0 warnings, 0 notes", "{}", outcome.render());
    assert!(outcome.compiled.is_some());
}

#[test]
fn a_straight_quote_for_a_curly_one_shows_the_closest_passage_and_the_character() {
    check(
        r#"quotes = [{ exact = "Biden said “we <agree>”", spoken = true }]"#,
        r#"quotes = ["Biden said \"we <agree>\""]"#,
        expect![[r#"
            error: a quote is not in the article verbatim
              --> explainer.toml:48:11
               |
            48 | quotes = ["Biden said \"we <agree>\""]
               |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^ the quote differs here
               |
              ::: article.txt:5:18
               |
             5 | The leaders met. Biden said “we <agree>” & left.
               |                  -----------------------
               |                  |          |
               |                  |          info: the article has `“` (U+201C LEFT DOUBLE QUOTATION MARK) here
               |                  info: the closest passage of the article
               |
               = help: the quote has `"` (U+0022 QUOTATION MARK (a straight double quote)) after "Biden said "; copy the passage from article.txt exactly
        "#]],
    );
    // Written as a literal string, the quote can be pointed into: the mark is at its column.
    check(
        r#"quotes = [{ exact = "Biden said “we <agree>”", spoken = true }]"#,
        r#"quotes = ['Biden said "we <agree>"']"#,
        expect![[r#"
            error: a quote is not in the article verbatim
              --> explainer.toml:48:23
               |
            48 | quotes = ['Biden said "we <agree>"']
               |                       ^ the quote differs here
               |
              ::: article.txt:5:18
               |
             5 | The leaders met. Biden said “we <agree>” & left.
               |                  -----------------------
               |                  |          |
               |                  |          info: the article has `“` (U+201C LEFT DOUBLE QUOTATION MARK) here
               |                  info: the closest passage of the article
               |
               = help: the quote has `"` (U+0022 QUOTATION MARK (a straight double quote)) after "Biden said "; copy the passage from article.txt exactly
        "#]],
    );
}

#[test]
fn an_unknown_key_is_an_error_at_the_key() {
    check(
        "statement = \"The rivers are high this year.\"",
        "statment = \"The rivers are high this year.\"",
        expect![[r#"
            error: unknown field `statment`, expected one of `id`, `statement`, `lead`, `speaker`, `setting`, `quotes`, `unattributed`, `note`, `see`
              --> explainer.toml:70:1
               |
            70 | statment = "The rivers are high this year."
               | ^^^^^^^^ unknown field `statment`, expected one of `id`, `statement`, `lead`, `speaker`, `setting`, `quotes`, `unattributed`, `note`, `see`
               |
               = help: remove the key, or correct its spelling to one of the expected keys
        "#]],
    );
}

#[test]
fn a_duplicate_id_points_at_both_uses() {
    check(
        "id = \"high-water\"",
        "id = \"agree\"",
        expect![[r#"
            error: id `agree` is used more than once
              --> explainer.toml:69:6
               |
            43 | id = "agree"
               |      ------- info: first used here
            44 | lead = "the-meeting"
            ...
            68 | [[sections.claims]]
            69 | id = "agree"
               |      ^^^^^^^ used again here
               |
               = help: sections and claims share one namespace: rename one of them
        "#]],
    );
}

#[test]
fn a_number_not_in_the_quotes_is_a_fidelity_error_at_the_number() {
    check(
        "statement = \"Engineers will build 3 new bridges.\"",
        "statement = \"Engineers will build 4 new bridges by May.\"",
        expect![[r#"
            error: [figures] `bridges` says "4", which is not in its quotes
              --> explainer.toml:75:35
               |
            75 | statement = "Engineers will build 4 new bridges by May."
               |                                   ^
               |
               = help: say only the figures, dates and times that the cited words say, in their words
               = help: if it cannot be fixed yet, list "bridges" in [lints.warn] figures (and fix it soon)

            error: [figures] `bridges` says "May", which is not in its quotes
              --> explainer.toml:75:52
               |
            75 | statement = "Engineers will build 4 new bridges by May."
               |                                                    ^^^
               |
               = help: say only the figures, dates and times that the cited words say, in their words
               = help: if it cannot be fixed yet, list "bridges" in [lints.warn] figures (and fix it soon)
        "#]],
    );
}

#[test]
fn a_quote_that_matches_twice_shows_both_places() {
    check(
        r#"quotes = ["The rivers are high this year."]"#,
        r#"quotes = ["will"]"#,
        expect![[r#"
            error: a quote matches 2 places in the article
              --> explainer.toml:71:11
               |
            71 | quotes = ["will"]
               |           ^^^^^^ this quote
               |
              ::: article.txt:7:65
               |
             7 | The talks ran late into the night, an official said. Both sides will meet again in spring.
               |                                                                 ---- info: it matches here
             8 |
             9 | The rivers are high this year. Engineers will build 3 new bridges.
               |                                          ---- info: it matches here
               |
               = help: make it longer, or write it as { exact = "…", prefix = "…" } with the text just before it
        "#]],
    );
}

#[test]
fn prefix_and_suffix_make_a_quote_unique_or_say_where_the_words_are() {
    check(
        r#"quotes = ["The rivers are high this year."]"#,
        r#"quotes = ["The rivers are high this year.", { exact = "will", prefix = "Engineers " }]"#,
        expect![[r#"
            error: two quotes overlap without being the same words
              --> explainer.toml:71:45
               |
            71 | quotes = ["The rivers are high this year.", { exact = "will", prefix = "Engineers " }]
               |                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this quote
            72 |
            ...
            75 | statement = "Engineers will build 3 new bridges."
            76 | quotes = ["Engineers will build 3 new bridges."]
               |           ------------------------------------- info: overlaps this quote
               |
              ::: article.txt:9:42
               |
             9 | The rivers are high this year. Engineers will build 3 new bridges.
               |                                -----------------------------------
               |                                |         |
               |                                |         info: its words
               |                                info: the earlier quote's words
               |
               = help: quote exactly the same words as the other quote, or words that do not touch them
        "#]],
    );
    check(
        r#"quotes = ["The rivers are high this year."]"#,
        r#"quotes = [{ exact = "will", prefix = "Nobody " }]"#,
        expect![[r#"
            error: a quote's words are in the article, but never with its prefix and suffix
              --> explainer.toml:71:11
               |
            71 | quotes = [{ exact = "will", prefix = "Nobody " }]
               |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this quote
               |
              ::: article.txt:7:65
               |
             7 | The talks ran late into the night, an official said. Both sides will meet again in spring.
               |                                                                 ---- info: the words occur here
               |
               = help: prefix "Nobody " must stand right before the words and suffix "" right after them
        "#]],
    );
}

#[test]
fn a_quote_across_a_paragraph_break_is_refused() {
    check(
        r#"quotes = ["The rivers are high this year."]"#,
        r#"quotes = ["in spring.\n\nThe rivers are high this year."]"#,
        expect![[r#"
            error: a quote runs across a paragraph break
              --> explainer.toml:71:11
               |
            71 |   quotes = ["in spring.\n\nThe rivers are high this year."]
               |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this quote
               |
              ::: article.txt:7:81
               |
             7 |   The talks ran late into the night, an official said. Both sides will meet again in spring.
               |  _________________________________________________________________________________-
             8 | |
             9 | | The rivers are high this year. Engineers will build 3 new bridges.
               | |______________________________- info: these words
               |
               = help: split it into one quote per paragraph
        "#]],
    );
}

#[test]
fn overlapping_quotes_point_at_both() {
    check(
        r#"quotes = ["The rivers are high this year."]"#,
        r#"quotes = ["Both sides will meet"]"#,
        expect![[r#"
            error: two quotes overlap without being the same words
              --> explainer.toml:61:11
               |
            61 | quotes = ["Both sides will meet again in spring."]
               |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this quote
            62 |
            ...
            70 | statement = "The rivers are high this year."
            71 | quotes = ["Both sides will meet"]
               |           ---------------------- info: overlaps this quote
               |
              ::: article.txt:7:54
               |
             7 | The talks ran late into the night, an official said. Both sides will meet again in spring.
               |                                                      -------------------------------------
               |                                                      |
               |                                                      info: its words
               |                                                      info: the earlier quote's words
               |
               = help: quote exactly the same words as the other quote, or words that do not touch them
        "#]],
    );
}

#[test]
fn an_uncited_paragraph_is_shown() {
    check_edits(
        &[
            (r#"quotes = ["The rivers are high this year."]"#, r#"quotes = ["The leaders met."]"#),
            (r#"quotes = ["Engineers will build 3 new bridges."]"#, r#"quotes = ["The leaders met."]"#),
        ],
        expect![[r#"
            error: paragraph 3 of the article is cited by no claim
             --> article.txt:9:1
              |
            9 | The rivers are high this year. Engineers will build 3 new bridges.
              | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this paragraph
              |
              = help: cite it from a claim, or list it in `not_substantive` if it says nothing (a date line, credits)

            error: no quote of claim `bridges` says "3"
              --> explainer.toml:79:10
               |
            79 | figure = "3"
               |          ^^^ not in the claim's quotes
               |
              ::: article.txt:5:1
               |
             5 | The leaders met. Biden said “we <agree>” & left.
               | ---------------- info: the claim's first quote
               |
               = help: use the article's own words for it, as one of the claim's quotes has them
        "#]],
    );
}

#[test]
fn an_unknown_speaker_suggests_the_nearest() {
    check(
        "speaker = \"official\"",
        "speaker = \"oficial\"",
        expect![[r#"
            error: claim `ran-late` names speaker `oficial`, which is not in [[speakers]]
              --> explainer.toml:54:11
               |
            54 | speaker = "oficial"
               |           ^^^^^^^^^ unknown speaker
               |
               = help: did you mean `official`?
        "#]],
    );
}

#[test]
fn an_attributed_sentence_needs_a_speaker_or_a_reason() {
    check(
        "speaker = \"official\"\n",
        "",
        expect![[r#"
            error: claim `ran-late` marks a quote as spoken, but names no speaker
              --> explainer.toml:54:11
               |
            54 | quotes = [{ exact = "The talks ran late into the night, an official said.", spoken = true }]
               |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ spoken by whom?
               |
               = help: name the claim's `speaker`, or remove `spoken = true`
        "#]],
    );
    check(
        "speaker = \"official\"\n",
        "unattributed = \"the official's words are the article's only account of the talks\"\n",
        expect![[r#"
            error: claim `ran-late` marks a quote as spoken, but names no speaker
              --> explainer.toml:55:11
               |
            55 | quotes = [{ exact = "The talks ran late into the night, an official said.", spoken = true }]
               |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ spoken by whom?
               |
               = help: name the claim's `speaker`, or remove `spoken = true`
        "#]],
    );
}

#[test]
fn a_name_not_in_the_quotes_is_flagged_and_a_warn_list_makes_it_a_warning() {
    check(
        "statement = \"The rivers are high this year.\"",
        "statement = \"The Potomac rivers are high this year.\"",
        expect![[r#"
            error: [names] `high-water` names "Potomac", which is not in its quotes
              --> explainer.toml:70:18
               |
            70 | statement = "The Potomac rivers are high this year."
               |                  ^^^^^^^
               |
               = help: name only whom and what the cited words name; widen a quote if the name is next to it
               = help: if it cannot be fixed yet, list "high-water" in [lints.warn] names (and fix it soon)
        "#]],
    );
    check_edits(
        &[
            (
                "statement = \"The rivers are high this year.\"",
                "statement = \"The Potomac rivers are high this year.\"",
            ),
            (
                "claim = \"meet-again\"",
                "claim = \"meet-again\"\n\n[lints.warn]\nnames = [\"high-water\", \"bridges\", \"bridge\"]",
            ),
        ],
        expect![[r#"
            warning: [names] `high-water` names "Potomac", which is not in its quotes
              --> explainer.toml:70:18
               |
            70 | statement = "The Potomac rivers are high this year."
               |                  -------
               |
               = help: name only whom and what the cited words name; widen a quote if the name is next to it

            warning: [lints.warn] names lists `bridges`, which the lint no longer flags
              --> explainer.toml:89:24
               |
            89 | names = ["high-water", "bridges", "bridge"]
               |                        --------- no longer needed
               |
               = help: remove it from the list, so that the lint is an error for it again

            error: [lints.warn] names names `bridge`, which is not a claim, section or glance item
              --> explainer.toml:89:35
               |
            89 | names = ["high-water", "bridges", "bridge"]
               |                                   ^^^^^^^^ unknown subject
               |
               = help: did you mean `bridges`?
        "#]],
    );
}

/// The readability lints: a statement over 35 words, a note over 25 and a statement repeating eight words of an
/// earlier one are errors, each at its text; listed with a reason, each is a warning, and the reason is
/// printed; a listed claim the lint no longer flags is said to be so.
#[test]
fn a_long_statement_a_long_note_and_a_repeated_run_are_errors_until_listed_with_a_reason() {
    let long = "The talks ran late into the night, and the talks ran late into the night again, and once more the \
                talks ran late into the night, as the talks ran late into the night each time the leaders met.";
    let note = "The article does not say which spring, nor which year, nor where they will meet, nor who will come, \
                nor what they will talk about, nor how long they will stay.";
    let edits = [
        ("statement = \"The talks ran late into the night.\"", &*format!("statement = \"{long}\"")),
        ("note = \"The article does not say which spring.\"", &*format!("note = \"{note}\"")),
        ("statement = \"The rivers are high this year.\"", "statement = \"The talks ran late into the night again.\""),
    ];
    check_edits(
        &edits,
        expect![[r#"
            error: [long] claim `ran-late`'s statement has 39 words; at most 35 read at once
              --> explainer.toml:53:13
               |
            53 | ... = "The talks ran late into the night, and the talks ran late into the night again, and once more the talks ran late into the night, as the talks ran late into the night each time the leaders met."
               |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
               |
               = help: say less, or split it into two claims, each citing its own quotes
               = help: if it cannot be fixed yet, list { claim = "ran-late", reason = "…" } in [lints.warn] long (and fix it soon)

            error: [long-note] claim `meet-again`'s note has 31 words; at most 25 read beside a claim
              --> explainer.toml:60:8
               |
            60 | ... = "The article does not say which spring, nor which year, nor where they will meet, nor who will come, nor what they will talk about, nor how long they will stay."
               |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
               |
               = help: keep the slip and what the claim makes of it; cut the rest
               = help: if it cannot be fixed yet, list { claim = "meet-again", reason = "…" } in [lints.warn] long-note (and fix it soon)

            error: [repeated] claim `high-water`'s statement repeats 8 words of `ran-late`'s: “the talks ran late into the night again”
              --> explainer.toml:70:13
               |
            70 | statement = "The talks ran late into the night again."
               |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
               |
               = help: say it once: shorten what the two share, or say it in one of them only
               = help: if it cannot be fixed yet, list { claim = "high-water", reason = "…" } in [lints.warn] repeated (and fix it soon)
        "#]],
    );
    let listed = "claim = \"meet-again\"\n\n[lints.warn]\nlong = [{ claim = \"ran-late\", reason = \"a test of the lint\" }]\n\
                  long-note = [{ claim = \"meet-again\", reason = \"a test\" }, { claim = \"agree\", reason = \"stale\" }]\n\
                  repeated = [{ claim = \"high-water\", reason = \"a lead they share\" }]";
    let mut all = edits.to_vec();
    all.push(("claim = \"meet-again\"", listed));
    check_edits(
        &all,
        expect![[r#"
            warning: [long] claim `ran-late`'s statement has 39 words; at most 35 read at once
              --> explainer.toml:53:13
               |
            53 | ... = "The talks ran late into the night, and the talks ran late into the night again, and once more the talks ran late into the night, as the talks ran late into the night each time the leaders met."
               |       --------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
               |
               = help: say less, or split it into two claims, each citing its own quotes

            warning: [long-note] claim `meet-again`'s note has 31 words; at most 25 read beside a claim
              --> explainer.toml:60:8
               |
            60 | ... = "The article does not say which spring, nor which year, nor where they will meet, nor who will come, nor what they will talk about, nor how long they will stay."
               |       -----------------------------------------------------------------------------------------------------------------------------------------------------------------
               |
               = help: keep the slip and what the claim makes of it; cut the rest

            warning: [repeated] claim `high-water`'s statement repeats 8 words of `ran-late`'s: “the talks ran late into the night again”
              --> explainer.toml:70:13
               |
            70 | statement = "The talks ran late into the night again."
               |             ------------------------------------------
               |
               = help: say it once: shorten what the two share, or say it in one of them only

            note: claim `ran-late` stays as it is: a test of the lint
              --> explainer.toml:89:40
               |
            89 | long = [{ claim = "ran-late", reason = "a test of the lint" }]
               |                                        -------------------- note: the reason given
               |

            note: claim `high-water` stays as it is: a lead they share
              --> explainer.toml:91:46
               |
            91 | repeated = [{ claim = "high-water", reason = "a lead they share" }]
               |                                              ------------------- note: the reason given
               |

            note: claim `meet-again` stays as it is: a test
              --> explainer.toml:90:47
               |
            90 | long-note = [{ claim = "meet-again", reason = "a test" }, { claim = "agree", reason = "stale" }]
               |                                               -------- note: the reason given
               |

            warning: [lints.warn] long-note lists `agree`, which the lint no longer flags
              --> explainer.toml:90:69
               |
            90 | long-note = [{ claim = "meet-again", reason = "a test" }, { claim = "agree", reason = "stale" }]
               |                                                                     ------- no longer needed
               |
               = help: remove it from the list, so that the lint is an error for it again
        "#]],
    );
}

#[test]
fn a_glance_item_must_be_the_words_of_its_claims_quotes() {
    check(
        "figure = \"3\"",
        "figure = \"\"",
        expect![[r#"
            error: a figure is empty, spans lines or starts or ends with white space
              --> explainer.toml:79:10
               |
            79 | figure = ""
               |          ^^ here
               |
               = help: write it as one line of text with no leading or trailing spaces
        "#]],
    );
    check(
        "figure = \"3\"",
        "figure = \"three\"",
        expect![[r#"
            error: no quote of claim `bridges` says "three"
              --> explainer.toml:79:10
               |
            79 | figure = "three"
               |          ^^^^^^^ not in the claim's quotes
               |
              ::: article.txt:9:32
               |
             9 | The rivers are high this year. Engineers will build 3 new bridges.
               |                                ----------------------------------- info: the claim's first quote
               |
               = help: use the article's own words for it, as one of the claim's quotes has them
        "#]],
    );
    check(
        "claim = \"meet-again\"",
        "claim = \"meet-agian\"",
        expect![[r#"
            error: no claim has the id `meet-agian`
              --> explainer.toml:86:9
               |
            86 | claim = "meet-agian"
               |         ^^^^^^^^^^^^ unknown claim
               |
               = help: did you mean `meet-again`?
        "#]],
    );
}

#[test]
fn a_spoken_quote_needs_a_speaker() {
    check(
        r#"quotes = ["The rivers are high this year."]"#,
        r#"quotes = [{ exact = "The rivers are high this year.", spoken = true }]"#,
        expect![[r#"
            error: claim `high-water` marks a quote as spoken, but names no speaker
              --> explainer.toml:71:11
               |
            71 | quotes = [{ exact = "The rivers are high this year.", spoken = true }]
               |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ spoken by whom?
               |
               = help: name the claim's `speaker`, or remove `spoken = true`
        "#]],
    );
}

#[test]
fn a_setting_needs_its_quote() {
    check(
        r#"setting = { text = "at the meeting", quote = "The leaders met." }"#,
        r#"setting = { text = "at the meeting" }"#,
        expect![[r#"
            error: missing field `quote`
              --> explainer.toml:47:11
               |
            47 | setting = { text = "at the meeting" }
               |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing field `quote`
               |
               = help: add the field to this table
        "#]],
    );
}

#[test]
fn ids_are_well_formed_and_not_reserved() {
    check(
        "id = \"rivers\"",
        "id = \"Rivers\"",
        expect![[r#"
            error: id `Rivers` is not allowed
              --> explainer.toml:64:6
               |
            64 | id = "Rivers"
               |      ^^^^^^^^ this id
               |
               = help: use lowercase letters and digits in words joined by single hyphens, not starting with "q-", not "p" and digits (a paragraph's), and not one of ["overview", "article", "glance", "search", "theme", "sections"]
        "#]],
    );
    // A paragraph's element id (`p3`) would collide with the article's third paragraph.
    check(
        "id = \"rivers\"",
        "id = \"p3\"",
        expect![[r#"
            error: id `p3` is not allowed
              --> explainer.toml:64:6
               |
            64 | id = "p3"
               |      ^^^^ this id
               |
               = help: use lowercase letters and digits in words joined by single hyphens, not starting with "q-", not "p" and digits (a paragraph's), and not one of ["overview", "article", "glance", "search", "theme", "sections"]
        "#]],
    );
    check(
        "id = \"rivers\"",
        "id = \"article\"",
        expect![[r#"
            error: id `article` is not allowed
              --> explainer.toml:64:6
               |
            64 | id = "article"
               |      ^^^^^^^^^ this id
               |
               = help: use lowercase letters and digits in words joined by single hyphens, not starting with "q-", not "p" and digits (a paragraph's), and not one of ["overview", "article", "glance", "search", "theme", "sections"]
        "#]],
    );
}

#[test]
fn not_substantive_entries_are_whole_paragraphs() {
    check(
        "\"Springfield CNN —\",",
        "\"Springfield CNN\",",
        expect![[r#"
        error: listed as not substantive, but not a paragraph of the article
          --> explainer.toml:10:3
           |
        10 |   "Springfield CNN",
           |   ^^^^^^^^^^^^^^^^^ not a whole paragraph
           |
           = help: copy the whole paragraph from article.txt, spaces included
    "#]],
    );
}

#[test]
fn an_overview_claim_lists_its_quotes_in_the_articles_order() {
    check(
        r#"see = ["agree"]
quotes = ["The leaders met."]"#,
        r#"quotes = ["& left.", "The leaders met."]"#,
        expect![[r#"
            error: overview claim `met` lists its quotes out of the article's order
              --> explainer.toml:34:22
               |
            34 | quotes = ["& left.", "The leaders met."]
               |                      ^^^^^^^^^^^^^^^^^^ the article has this one earlier
               |
               = help: list an overview claim's quotes in the order the article has them
        "#]],
    );
}

#[test]
fn a_short_version_points_at_claims_in_sections_that_cite_all_its_words() {
    check(
        r#"see = ["agree"]"#,
        r#"see = ["agre"]"#,
        expect![[r#"
            error: no claim in a section has the id `agre`
              --> explainer.toml:34:8
               |
            34 | see = ["agre"]
               |        ^^^^^^ unknown claim
               |
               = help: did you mean `agree`?
        "#]],
    );
    check(
        r#"see = ["agree"]
quotes = ["The leaders met."]"#,
        r#"see = ["ran-late"]
quotes = ["The leaders met."]"#,
        expect![[r#"
            ok
        "#]],
    );
    check(
        r#"id = "ran-late""#,
        r#"id = "ran-late"
see = ["agree"]"#,
        expect![[r#"
            error: claim `ran-late` is in a section, so it has no `see`
              --> explainer.toml:52:8
               |
            52 | see = ["agree"]
               |        ^^^^^^^ here
               |
               = help: `see` links an overview claim to the section claims that tell it in full
        "#]],
    );
}

/// The structured data states the article's dateline, publisher and contributors, so an article whose lines
/// lose their shape is refused at the line, by `check-content` as by the build.
#[test]
fn a_credit_line_that_disagrees_with_the_dateline_is_an_error_at_both_lines() {
    let (explainer, article) = fixture();
    let article = article.replacen("CNN's Ann Writer", "AP's Ann Writer", 1);
    expect![[r#"
        error: listed as not substantive, but not a paragraph of the article
          --> explainer.toml:11:3
           |
        11 |   "CNN's Ann Writer and Bob Writer contributed to this report.",
           |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ not a whole paragraph
           |
           = help: copy the whole paragraph from article.txt, spaces included

        error: the credit line credits "AP", but the dateline's publisher is "CNN"
          --> article.txt:11:1
           |
         3 | Springfield CNN —
           | ----------------- info: the dateline
         4 |
        ...
        10 |
        11 | AP's Ann Writer and Bob Writer contributed to this report.
           | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this credit line
           |
           = help: the structured data names one publisher; the two lines must agree
    "#]]
    .assert_eq(&outcome(explainer.clone(), article).render());
    let (_, article) = fixture();
    let article = article.replacen("Springfield CNN —", "Springfield CNN:", 1);
    expect![[r#"
        error: listed as not substantive, but not a paragraph of the article
          --> explainer.toml:10:3
           |
        10 |   "Springfield CNN —",
           |   ^^^^^^^^^^^^^^^^^^^ not a whole paragraph
           |
           = help: copy the whole paragraph from article.txt, spaces included

        error: the article has no dateline of the form "<Place> <Publisher> —"
         --> article.txt:1:1
          |
        1 |  date 2000-01-01 
          | ^
          |
          = help: the page's structured data states the article's dateline; article.txt must keep it as the source has it
    "#]].assert_eq(&outcome(explainer, article).render());
}

#[test]
fn a_claim_names_a_lead_that_exists_and_stands_with_its_run() {
    // A slip in the lead's name.
    check(
        "id = \"ran-late\"\nlead = \"the-meeting\"",
        "id = \"ran-late\"\nlead = \"the-meting\"",
        expect![[r#"
        error: claim `ran-late` follows lead `the-meting`, which is not in [[leads]]
          --> explainer.toml:52:8
           |
        52 | lead = "the-meting"
           |        ^^^^^^^^^^^^ unknown lead
           |
           = help: did you mean `the-meeting`?
    "#]],
    );
    // A claim of the run moved away from it, in the same section.
    check_edits(
        &[
            ("id = \"ran-late\"\nlead = \"the-meeting\"\n", "id = \"ran-late\"\n"),
            ("id = \"meet-again\"\n", "id = \"meet-again\"\nlead = \"the-meeting\"\n"),
        ],
        expect![[r#"
            error: claim `meet-again` follows lead `the-meeting`, but is not next to its other claims
              --> explainer.toml:58:8
               |
            58 | lead = "the-meeting"
               |        ^^^^^^^^^^^^^ apart from the lead's run
               |
               = help: move it next to the other claims that follow this lead in its section
        "#]],
    );
    // An overview claim cannot follow one; a lead no claim follows is an error.
    check(
        "id = \"met\"\n",
        "id = \"met\"\nlead = \"the-meeting\"\n",
        expect![[r#"
        error: overview claim `met` follows a lead
          --> explainer.toml:33:8
           |
        33 | lead = "the-meeting"
           |        ^^^^^^^^^^^^^ in the overview
           |
           = help: a lead is for a run of section claims; say it in the overview claim itself

        error: claim `met` cites words its lead already cites
          --> explainer.toml:36:11
           |
        36 | quotes = ["The leaders met."]
           |           ^^^^^^^^^^^^^^^^^^ cited by the lead
           |
           = help: remove it here: a claim cites its lead's quotes before its own
    "#]],
    );
    check_edits(
        &[
            ("id = \"agree\"\nlead = \"the-meeting\"\n", "id = \"agree\"\n"),
            ("id = \"ran-late\"\nlead = \"the-meeting\"\n", "id = \"ran-late\"\n"),
        ],
        expect![[r#"
            error: no claim follows lead `the-meeting`
              --> explainer.toml:27:6
               |
            27 | id = "the-meeting"
               |      ^^^^^^^^^^^^^ unused
               |
               = help: name it on the claims it leads (`lead = "…"`), or remove it
        "#]],
    );
}

#[test]
fn a_lead_cites_its_quotes_once_for_all_its_claims_and_none_as_spoken() {
    // The claim cites its lead's quote again.
    check(
        "quotes = [{ exact = \"Biden said “we <agree>”\", spoken = true }]",
        "quotes = [{ exact = \"Biden said “we <agree>”\", spoken = true }, \"The leaders met.\"]",
        expect![[r#"
            error: claim `agree` cites words its lead already cites
              --> explainer.toml:48:65
               |
            48 | quotes = [{ exact = "Biden said “we <agree>”", spoken = true }, "The leaders met."]
               |                                                                 ^^^^^^^^^^^^^^^^^^ cited by the lead
               |
               = help: remove it here: a claim cites its lead's quotes before its own
        "#]],
    );
    check(
        "text = \"The leaders met.\"\nquotes = [\"The leaders met.\"]",
        "text = \"The leaders met.\"\nquotes = [{ exact = \"The leaders met.\", spoken = true }]",
        expect![[r#"
            error: lead `the-meeting` marks a quote as spoken
              --> explainer.toml:29:11
               |
            29 | quotes = [{ exact = "The leaders met.", spoken = true }]
               |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ spoken by whom?
               |
               = help: a lead has no speaker; give the words to a claim with a `speaker`
        "#]],
    );
    // A lead's figures and names answer to its own quotes, as a statement's do.
    check(
        "text = \"The leaders met.\"",
        "text = \"The 2 leaders met in Paris.\"",
        expect![[r#"
        error: [figures] `the-meeting` says "2", which is not in its quotes
          --> explainer.toml:28:13
           |
        28 | text = "The 2 leaders met in Paris."
           |             ^
           |
           = help: say only the figures, dates and times that the cited words say, in their words
           = help: if it cannot be fixed yet, list "the-meeting" in [lints.warn] figures (and fix it soon)

        error: [names] `the-meeting` names "Paris", which is not in its quotes
          --> explainer.toml:28:30
           |
        28 | text = "The 2 leaders met in Paris."
           |                              ^^^^^
           |
           = help: name only whom and what the cited words name; widen a quote if the name is next to it
           = help: if it cannot be fixed yet, list "the-meeting" in [lints.warn] names (and fix it soon)
    "#]],
    );
}
