//! Fidelity lints: checks that nothing the explainer says goes beyond the article's words it cites.
//!
//! 1. `figures`: every figure (digits, number words, ordinals, sums of money), date, month, weekday or
//!    relative day in a statement, lead, setting, summary, title, description or glance item occurs in the quotes
//!    it rests on (a section's title and summary: any quote its claims cite; the explainer's title and
//!    description: any quote at all).
//! 2. `names`: every capitalised word of a statement or a lead (a proper name) occurs in its quotes, the
//!    setting's and the lead's included.
//! 3. `attribution`: a claim that cites a sentence the article attributes to someone ("said", "added",
//!    "according to", …) names a speaker, or says in `unattributed` why not (printed as a note).
//!
//! (A setting carries its own quote by construction: the schema requires one.)
//!
//! And three readability lints, on the figures of [`crate::readability`]:
//!
//! 4. `long`: a statement of more than [`LONG_STATEMENT`] words.
//! 5. `repeated`: a statement holding a run of [`RUN`] words that an earlier statement has.
//! 6. `long-note`: a note of more than [`LONG_NOTE`] words.
//!
//! Each finding is an error, unless `[lints.warn]` lists its subject for that lint (a readability lint's
//! exception as `{ claim = "…", reason = "…" }`, the reason printed as a note).

use std::collections::BTreeSet;
use std::ops::Range;

use toml::Spanned;

use crate::check::all_claims;
use crate::compiled::Compiled;
use crate::diagnostic::{Diagnostic, Severity};
use crate::readability::{self, LONG_NOTE, LONG_STATEMENT, RUN};
use crate::schema::{Explainer, WarnLists};

/// The lints by name, as `[lints.warn]` names them.
pub const LINTS: &[&str] = &["figures", "names", "attribution", "long", "repeated", "long-note"];

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "half",
    "twice",
    "double",
    "triple",
];
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "twentieth",
    "hundredth",
    "thousandth",
    "last",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const RELATIVE_DAYS: &[&str] = &["today", "tonight", "yesterday", "tomorrow", "weekend"];

/// Words that start sentences without being names.
const SENTENCE_STARTERS: &[&str] = &[
    "a", "an", "the", "it", "its", "he", "she", "they", "we", "i", "this", "that", "these", "those", "some", "one",
    "another", "but", "and", "or", "so", "yet", "even", "also", "as", "at", "in", "on", "of", "for", "with", "by",
    "from", "to", "after", "before", "while", "when", "where", "whether", "if", "although", "though", "instead",
    "both", "all", "each", "every", "no", "not", "more", "most", "many", "much", "such", "there", "here", "new",
];

/// Phrases by which a sentence attributes what it says.
const ATTRIBUTION_WORDS: &[&str] =
    &["said", "says", "added", "adds", "noted", "told", "stated", "explained", "argued", "insisted"];

/// A word of a text: its bytes, as written.
fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &(offset, c)) in chars.iter().enumerate() {
        let previous = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let joins = match c {
            c if c.is_alphanumeric() => true,
            '$' => next.is_some_and(|n| n.is_ascii_digit()),
            // 3,000 and 14.1; U.S.
            ',' | '.' => {
                let between_digits =
                    previous.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
                let between_capitals =
                    c == '.' && previous.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase);
                start.is_some() && (between_digits || between_capitals)
            }
            _ => false,
        };
        match (joins, start) {
            (true, None) => start = Some(offset),
            (false, Some(s)) => {
                words.push((s..offset, &text[s..offset]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s..text.len(), &text[s..]));
    }
    words
}

/// The lowercase words of the texts.
fn vocabulary<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    texts.into_iter().flat_map(|t| words(t).into_iter().map(|(_, w)| w.to_lowercase())).collect()
}

/// Whether a word is a figure, a date, a month, a weekday or a relative day.
fn is_figure(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().any(|c| c.is_ascii_digit())
        || [NUMBER_WORDS, ORDINALS, MONTHS, WEEKDAYS, RELATIVE_DAYS].iter().any(|list| list.contains(&lower.as_str()))
}

/// Whether the word at `start` of `text` begins a sentence: only spaces and opening marks stand between it
/// and the text's start or a sentence's end (`summit_rules::sentence_ends`, so "U.S. Navy" is one sentence).
fn starts_sentence(text: &str, start: usize) -> bool {
    let opening = |part: &str| part.chars().all(|c| c.is_whitespace() || "\u{201c}\"'\u{2018}([".contains(c));
    opening(&text[..start]) || summit_rules::sentence_ends(text).any(|end| end <= start && opening(&text[end..start]))
}

/// One finding: the lint, its subject, where, and what.
struct Finding {
    lint: &'static str,
    subject: String,
    span: Range<usize>,
    message: String,
    help: String,
}

/// Runs the lints; pushes each finding (an error, or a warning where `[lints.warn]` lists its subject) and the
/// notes of accepted exceptions.
///
/// `source` is the text of `explainer.toml`, so that a finding can point at its word.
pub fn lint(explainer: &Explainer, source: &str, compiled: &Compiled, diagnostics: &mut Vec<Diagnostic>) {
    let mut findings = Vec::new();
    let quote_texts =
        |claim: usize| compiled.claims[claim].anchors.iter().map(|&a| compiled.anchor_text(a)).collect::<Vec<_>>();
    let all_quotes: Vec<&str> = (0..compiled.anchors.len()).map(|a| compiled.anchor_text(a)).collect();

    // Figures in the explainer's own texts.
    let everything = vocabulary(all_quotes.iter().copied());
    figures(source, "title", &explainer.title, &everything, "any quote", &mut findings);
    figures(source, "description", &explainer.description, &everything, "any quote", &mut findings);
    for (index, section) in explainer.sections.iter().enumerate() {
        let claims = compiled.sections[index].claims.clone();
        let quotes = vocabulary(claims.flat_map(quote_texts));
        let id = section.id.get_ref();
        figures(source, id, &section.title, &quotes, "a quote of its claims", &mut findings);
        figures(source, id, &section.summary, &quotes, "a quote of its claims", &mut findings);
    }

    let proper = proper_words(&compiled.article);
    // A lead answers to its own quotes, which each of its claims cites first.
    for lead in &explainer.leads {
        let quotes = vocabulary(lead.quotes.iter().map(|quote| quote.get_ref().exact.as_str()));
        figures(source, lead.id.get_ref(), &lead.text, &quotes, "its quotes", &mut findings);
        names(source, lead.id.get_ref(), &lead.text, &quotes, &proper, &mut findings);
    }
    let claims = all_claims(explainer);
    for (index, claim) in claims.iter().enumerate() {
        let spec = claim.spec;
        let id = spec.id.get_ref();
        let quotes = vocabulary(quote_texts(index));
        figures(source, id, &spec.statement, &quotes, "its quotes", &mut findings);
        if let Some(setting) = &spec.setting {
            figures(source, id, &setting.text, &quotes, "its quotes", &mut findings);
        }
        if let Some(note) = &spec.note {
            figures(source, id, note, &quotes, "its quotes", &mut findings);
        }
        names(source, id, &spec.statement, &quotes, &proper, &mut findings);
        if let Some(setting) = &spec.setting {
            names(source, id, &setting.text, &quotes, &proper, &mut findings);
        }
        let attributed = compiled.claims[index].anchors.iter().find_map(|&a| attributing_sentence(compiled, a));
        match (&spec.speaker, attributed, &spec.unattributed) {
            (None, Some((sentence, word)), None) => findings.push(Finding {
                lint: "attribution",
                subject: id.clone(),
                span: spec.id.span(),
                message: format!(
                    "claim `{id}` cites a sentence the article attributes ({word:?}) but names no speaker: {:?}",
                    tail(&compiled.article[sentence], 90)
                ),
                help: "name the speaker (`speaker = \"…\"`), or say why not in `unattributed = \"…\"`".into(),
            }),
            (None, Some(_), Some(reason)) => diagnostics.push(Diagnostic::new(
                Severity::Note,
                format!("claim `{id}` cites an attributed sentence without naming a speaker: {}", reason.get_ref()),
                reason.span(),
                "the reason given",
            )),
            (_, None, Some(reason)) | (Some(_), _, Some(reason)) => diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    format!("claim `{id}` gives a reason to be unattributed, but needs none"),
                    reason.span(),
                    "not needed",
                )
                .with_help("remove `unattributed`"),
            ),
            _ => {}
        }
    }
    for (figure, spec) in compiled.figures.iter().zip(&explainer.figures) {
        let quotes = vocabulary(quote_texts(figure.claim));
        let subject = format!("figure:{}", spec.claim.get_ref());
        figures(source, &subject, &spec.label, &quotes, "the claim's quotes", &mut findings);
    }
    for (event, spec) in compiled.timeline.iter().zip(&explainer.timeline) {
        let quotes = vocabulary(quote_texts(event.claim));
        let subject = format!("timeline:{}", spec.claim.get_ref());
        figures(source, &subject, &spec.what, &quotes, "the claim's quotes", &mut findings);
    }

    readable(&claims, compiled, &mut findings);
    report(findings, &explainer.lints.warn, compiled, explainer, diagnostics);
}

/// The readability lints: statements and notes too long to take in at once, and statements that repeat
/// another's words (each claim must stand alone, but a run of words said again is read again).
fn readable(claims: &[crate::check::ClaimRef<'_>], compiled: &Compiled, findings: &mut Vec<Finding>) {
    for claim in claims {
        let spec = claim.spec;
        let id = spec.id.get_ref();
        let count = readability::words(spec.statement.get_ref()).len();
        if count > LONG_STATEMENT {
            findings.push(Finding {
                lint: "long",
                subject: id.clone(),
                span: spec.statement.span(),
                message: format!("claim `{id}`'s statement has {count} words; at most {LONG_STATEMENT} read at once"),
                help: "say less, or split it into two claims, each citing its own quotes".into(),
            });
        }
        if let Some(note) = &spec.note {
            let count = readability::words(note.get_ref()).len();
            if count > LONG_NOTE {
                findings.push(Finding {
                    lint: "long-note",
                    subject: id.clone(),
                    span: note.span(),
                    message: format!("claim `{id}`'s note has {count} words; at most {LONG_NOTE} read beside a claim"),
                    help: "keep the slip and what the claim makes of it; cut the rest".into(),
                });
            }
        }
    }
    // A statement is flagged once, for the first run it shares with an earlier statement.
    let mut flagged = BTreeSet::new();
    for repeated in readability::Readability::of(compiled).repeated {
        let Some((first, later)) = repeated.claims.split_first() else { continue };
        for id in later {
            if !flagged.insert(id.clone()) {
                continue;
            }
            let Some(claim) = claims.iter().find(|c| c.spec.id.get_ref() == id) else { continue };
            findings.push(Finding {
                lint: "repeated",
                subject: id.clone(),
                span: claim.spec.statement.span(),
                message: format!(
                    "claim `{id}`'s statement repeats {RUN} words of `{first}`'s: \u{201c}{}\u{201d}",
                    repeated.run
                ),
                help: "say it once: shorten what the two share, or say it in one of them only".into(),
            });
        }
    }
}

/// The last `count` characters of `text`, with an ellipsis where it was cut.
fn tail(text: &str, count: usize) -> String {
    match text.char_indices().rev().nth(count) {
        Some((i, c)) => format!("\u{2026}{}", &text[i + c.len_utf8()..]),
        None => text.to_string(),
    }
}

fn figures(
    source: &str,
    subject: &str,
    text: &Spanned<String>,
    quotes: &BTreeSet<String>,
    against: &str,
    findings: &mut Vec<Finding>,
) {
    for (range, word) in words(text.get_ref()) {
        if is_figure(word) && !quotes.contains(&word.to_lowercase()) {
            findings.push(Finding {
                lint: "figures",
                subject: subject.to_string(),
                span: inner_span(source, text, range),
                message: format!("`{subject}` says {word:?}, which is not in {against}"),
                help: "say only the figures, dates and times that the cited words say, in their words".into(),
            });
        }
    }
}

/// The words the article capitalises inside a sentence: its proper names (and "I").
fn proper_words(article: &str) -> BTreeSet<String> {
    words(article)
        .into_iter()
        .filter(|(range, word)| {
            word.chars().next().is_some_and(char::is_uppercase) && !starts_sentence(article, range.start)
        })
        .map(|(_, word)| word.to_string())
        .collect()
}

/// Capitalised words of `text` that its quotes do not have. A word that starts a sentence counts as a name
/// only where the article capitalises it inside a sentence too (`Biden`, not `Asked`).
fn names(
    source: &str,
    subject: &str,
    text: &Spanned<String>,
    quotes: &BTreeSet<String>,
    proper: &BTreeSet<String>,
    findings: &mut Vec<Finding>,
) {
    let value = text.get_ref();
    for (range, word) in words(value) {
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let lower = word.to_lowercase();
        if !capitalised || is_figure(word) || quotes.contains(&lower) {
            continue;
        }
        let initial = starts_sentence(value, range.start);
        if initial && (SENTENCE_STARTERS.contains(&lower.as_str()) || !proper.contains(word)) {
            continue;
        }
        findings.push(Finding {
            lint: "names",
            subject: subject.to_string(),
            span: inner_span(source, text, range),
            message: format!("`{subject}` names {word:?}, which is not in its quotes"),
            help: "name only whom and what the cited words name; widen a quote if the name is next to it".into(),
        });
    }
}

/// The span of the word at `range` of a string value inside the file, where the file has the word there
/// (the value is written without escapes before it); otherwise the whole value.
fn inner_span(source: &str, text: &Spanned<String>, range: Range<usize>) -> Range<usize> {
    let span = text.span();
    let word = &text.get_ref()[range.clone()];
    let prefix = &text.get_ref()[..range.start];
    // A basic or literal string: one delimiter byte, then the value.
    let candidate = span.start + 1 + range.start..span.start + 1 + range.end;
    let written =
        source.get(span.start + 1..candidate.start) == Some(prefix) && source.get(candidate.clone()) == Some(word);
    if written {
        candidate
    } else {
        span
    }
}

/// The sentence around an anchor, and the attributing word in it, if it has one.
fn attributing_sentence(compiled: &Compiled, anchor: usize) -> Option<(Range<usize>, String)> {
    let anchor = &compiled.anchors[anchor];
    let paragraph = compiled.paragraphs[anchor.paragraph].range.clone();
    let text = &compiled.article[paragraph.clone()];
    let (start, end) = (anchor.range.start - paragraph.start, anchor.range.end - paragraph.start);
    let around = summit_rules::sentence_around(text, start..end);
    let sentence = &text[around.clone()];
    let lower = sentence.to_lowercase();
    let found = words(&lower)
        .into_iter()
        .map(|(_, w)| w)
        .find(|w| ATTRIBUTION_WORDS.contains(w))
        .map(str::to_string)
        .or_else(|| lower.contains("according to").then(|| "according to".to_string()))?;
    Some((paragraph.start + around.start..paragraph.start + around.end, found))
}

/// Turns findings into diagnostics, and checks that every `[lints.warn]` entry names a subject that exists and
/// still has a finding.
fn report<'a>(
    findings: Vec<Finding>,
    warn: &'a WarnLists,
    compiled: &Compiled,
    explainer: &Explainer,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let plain = |list: &'a Vec<Spanned<String>>| list.iter().collect::<Vec<_>>();
    let reasoned = |list: &'a Vec<crate::schema::Exception>| list.iter().map(|e| &e.claim).collect::<Vec<_>>();
    let lists: [(&str, Vec<&Spanned<String>>); 6] = [
        ("figures", plain(&warn.figures)),
        ("names", plain(&warn.names)),
        ("attribution", plain(&warn.attribution)),
        ("long", reasoned(&warn.long)),
        ("repeated", reasoned(&warn.repeated)),
        ("long-note", reasoned(&warn.long_note)),
    ];
    let listed = |lint: &str, subject: &str| {
        lists.iter().any(|(name, list)| *name == lint && list.iter().any(|s| s.get_ref() == subject))
    };
    for finding in &findings {
        let severity = if listed(finding.lint, &finding.subject) { Severity::Warning } else { Severity::Error };
        let mut diagnostic =
            Diagnostic::new(severity, format!("[{}] {}", finding.lint, finding.message), finding.span.clone(), "")
                .with_help(finding.help.clone());
        if severity == Severity::Error {
            let entry = match finding.lint {
                "figures" | "names" | "attribution" => format!("\"{}\"", finding.subject),
                _ => format!("{{ claim = \"{}\", reason = \"…\" }}", finding.subject),
            };
            diagnostic = diagnostic.with_help(format!(
                "if it cannot be fixed yet, list {entry} in [lints.warn] {} (and fix it soon)",
                finding.lint
            ));
        }
        diagnostics.push(diagnostic);
    }
    let exceptions = [("long", &warn.long), ("repeated", &warn.repeated), ("long-note", &warn.long_note)];
    for (lint, list) in exceptions {
        for exception in list {
            // A stale exception's reason is not printed: the warning below says to remove it.
            if !findings.iter().any(|f| f.lint == lint && f.subject == *exception.claim.get_ref()) {
                continue;
            }
            let reason = &exception.reason;
            diagnostics.push(Diagnostic::new(
                Severity::Note,
                format!("claim `{}` stays as it is: {}", exception.claim.get_ref(), reason.get_ref()),
                reason.span(),
                "the reason given",
            ));
        }
    }
    let mut subjects: Vec<String> = vec!["title".into(), "description".into()];
    subjects.extend(compiled.sections.iter().map(|s| s.id.clone()));
    subjects.extend(compiled.claims.iter().map(|c| c.id.clone()));
    subjects.extend(explainer.figures.iter().map(|f| format!("figure:{}", f.claim.get_ref())));
    subjects.extend(explainer.timeline.iter().map(|e| format!("timeline:{}", e.claim.get_ref())));
    for (lint, list) in &lists {
        for &entry in list {
            let subject = entry.get_ref();
            if !subjects.contains(subject) {
                let mut diagnostic = Diagnostic::error(
                    format!("[lints.warn] {lint} names `{subject}`, which is not a claim, section or glance item"),
                    entry.span(),
                    "unknown subject",
                );
                if let Some(near) = crate::check::nearest(subject, subjects.iter().map(String::as_str)) {
                    diagnostic = diagnostic.with_help(format!("did you mean `{near}`?"));
                }
                diagnostics.push(diagnostic);
            } else if !findings.iter().any(|f| f.lint == *lint && f.subject == *subject) {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        format!("[lints.warn] {lint} lists `{subject}`, which the lint no longer flags"),
                        entry.span(),
                        "no longer needed",
                    )
                    .with_help("remove it from the list, so that the lint is an error for it again"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_figures_and_initials_whole() {
        let text = "On Wednesday, $14.1 billion and 3,000 trees; the U.S. said 250th. Japan's first-ever.";
        let found: Vec<&str> = words(text).into_iter().map(|(_, w)| w).collect();
        assert_eq!(
            found,
            [
                "On",
                "Wednesday",
                "$14.1",
                "billion",
                "and",
                "3,000",
                "trees",
                "the",
                "U.S",
                "said",
                "250th",
                "Japan",
                "s",
                "first",
                "ever"
            ]
        );
        let figures: Vec<&str> = words(text).into_iter().map(|(_, w)| w).filter(|w| is_figure(w)).collect();
        assert_eq!(figures, ["Wednesday", "$14.1", "billion", "3,000", "250th", "first"]);
    }

    /// A word starts a sentence where the engine's "In context" would start one: after a stop, past any
    /// opening marks, but not after initials.
    #[test]
    fn a_sentence_starts_where_the_shared_rule_ends_one() {
        let text = "The U.S. Navy sailed. \u{201c}Then Biden spoke.";
        let start = |word: &str| starts_sentence(text, text.find(word).unwrap());
        assert!(start("The"));
        assert!(!start("Navy"), "initials end no sentence");
        assert!(start("Then"), "after a stop and an opening mark");
        assert!(!start("Biden"));
    }
}
