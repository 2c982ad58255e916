//! A quote in context: its paragraph, with the sentence before and the sentence after from the neighbouring
//! paragraphs, all verbatim slices of the article, so a reader can see what surrounds the words cited.

use crate::document::{AnchorIndex, Document};

/// The article around one quote. Every piece is a slice of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The last sentence of the previous numbered paragraph, with its number.
    pub before: Option<(usize, &'static str)>,
    /// The quote's paragraph number.
    pub number: usize,
    /// The quote's paragraph before the quote.
    pub lead: &'static str,
    /// The quote.
    pub quote: &'static str,
    /// The quote's paragraph after the quote.
    pub tail: &'static str,
    /// The first sentence of the next numbered paragraph, with its number.
    pub after: Option<(usize, &'static str)>,
}

pub use summit_rules::{first_sentence, last_sentence};

/// The context of `anchor`.
pub fn context(document: &Document, anchor: AnchorIndex) -> Context {
    let data = &document.quote_places[anchor.0];
    let paragraph = &document.paragraphs[data.paragraph];
    let numbered = |p: &usize| document.paragraphs[*p].number.is_some();
    let before = (0..data.paragraph)
        .rev()
        .find(numbered)
        .map(|p| (document.paragraphs[p].number.unwrap_or(0), last_sentence(document.paragraph_text(p))));
    let after = (data.paragraph + 1..document.paragraphs.len())
        .find(numbered)
        .map(|p| (document.paragraphs[p].number.unwrap_or(0), first_sentence(document.paragraph_text(p))));
    Context {
        before,
        number: paragraph.number.unwrap_or(0),
        lead: document.article.get(paragraph.range.start..data.range.start).unwrap_or_default(),
        quote: document.core.anchor_text(anchor),
        tail: document.article.get(data.range.end..paragraph.range.end).unwrap_or_default(),
        after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "In context" cut the sentence after ¶7's quote at "the U.S." once (the engine split at every stop).
    #[test]
    fn a_neighbour_sentence_runs_past_initials() {
        let paragraph = "These are part of an update, including changing the U.S. force structure. It takes months.";
        assert_eq!(
            first_sentence(paragraph),
            "These are part of an update, including changing the U.S. force structure."
        );
        assert_eq!(last_sentence("Officials said so. The U.S. forces stay."), "The U.S. forces stay.");
    }

    /// Whether cutting `paragraph` at the byte `at` parts two sentences: what is before ends with a stop (and
    /// any closing marks) that is not the last of initials such as "U.S.", and what is after starts a new word.
    /// (A lowercase start may follow a stop: the article has one, "anti-missile systems. defense between".)
    fn parts_sentences(paragraph: &str, at: usize) -> bool {
        let (before, after) = paragraph.split_at(at);
        let last_word = before.trim_end().rsplit(' ').next().unwrap_or("");
        let word = last_word.trim_end_matches(['\u{201d}', '"', '\u{2019}', '\'']);
        let initials = word.len() >= 4
            && word.as_bytes().chunks(2).all(|pair| matches!(pair, [letter, b'.'] if letter.is_ascii_uppercase()));
        let stop = word.ends_with(['.', '?', '!']);
        at == 0 || at == paragraph.len() || (stop && !initials && after.starts_with(' '))
    }

    /// On the real content too: every neighbour sentence the page shows is whole.
    #[test]
    fn every_neighbour_sentence_is_a_whole_sentence_of_the_article() {
        for document in [Document::fixture(), Document::built_in()] {
            let text_of = |number: usize| {
                let p = document.paragraphs.iter().position(|p| p.number == Some(number)).unwrap();
                document.paragraph_text(p)
            };
            for anchor in (0..document.core.anchors.len()).map(AnchorIndex) {
                let context = context(document, anchor);
                if let Some((number, sentence)) = context.before {
                    let paragraph = text_of(number);
                    assert!(
                        paragraph.ends_with(sentence)
                            && parts_sentences(paragraph, (paragraph.len() - sentence.len()).saturating_sub(1)),
                        "¶{number}: {sentence:?}"
                    );
                }
                if let Some((number, sentence)) = context.after {
                    let paragraph = text_of(number);
                    assert!(
                        paragraph.starts_with(sentence) && parts_sentences(paragraph, sentence.len()),
                        "¶{number}: {sentence:?}"
                    );
                }
            }
        }
    }

    /// An invariant of any explainer, so it is checked on the real content too.
    #[test]
    fn every_context_is_the_article_verbatim_around_its_quote() {
        for document in [Document::fixture(), Document::built_in()] {
            let last = document.paragraphs.iter().filter_map(|p| p.number).max();
            for anchor in (0..document.core.anchors.len()).map(AnchorIndex) {
                let context = context(document, anchor);
                let paragraph = document.paragraph_text(document.quote_places[anchor.0].paragraph);
                assert_eq!(format!("{}{}{}", context.lead, context.quote, context.tail), paragraph);
                for (_, sentence) in context.before.iter().chain(&context.after) {
                    assert!(!sentence.is_empty() && document.article.contains(sentence), "{sentence:?}");
                }
                assert_eq!(context.before.is_none(), context.number == 1, "nothing comes before the first paragraph");
                assert_eq!(context.after.is_none(), Some(context.number) == last, "nothing after the last");
            }
        }
    }

    #[test]
    fn a_context_skips_the_paragraphs_without_a_number() {
        let document = Document::fixture();
        // `q-agree-1`, in the first numbered paragraph: the date line and dateline before it have no number.
        assert_eq!(
            context(document, AnchorIndex(1)),
            Context {
                before: None,
                number: 1,
                lead: "The leaders met. ",
                quote: "Biden said \u{201c}we <agree>\u{201d}",
                tail: " & left.",
                after: Some((2, "The talks ran late into the night, an official said.")),
            }
        );
        // `q-bridges-1`, at the end of the last numbered paragraph: the credits after it have no number.
        assert_eq!(
            context(document, AnchorIndex(5)),
            Context {
                before: Some((2, "Both sides will meet again in spring.")),
                number: 3,
                lead: "The rivers are high this year. ",
                quote: "Engineers will build 3 new bridges.",
                tail: "",
                after: None,
            }
        );
        let first = context(document, AnchorIndex(0));
        assert_eq!((first.before, first.lead), (None, ""), "nothing comes before the first paragraph");
    }
}
