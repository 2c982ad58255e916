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

/// Where a sentence ends: after `.`, `?` or `!` (and a closing quotation mark) that a space follows.
fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices().filter_map(move |(at, c)| {
        if !matches!(c, '.' | '?' | '!') {
            return None;
        }
        let mut end = at + c.len_utf8();
        if let Some(quote) = text[end..].chars().next().filter(|q| matches!(q, '\u{201d}' | '"' | '\'' | '\u{2019}')) {
            end += quote.len_utf8();
        }
        text[end..].starts_with(' ').then_some(end)
    })
}

/// The first sentence of `text`.
pub fn first_sentence(text: &str) -> &str {
    sentence_ends(text).next().map_or(text, |end| &text[..end])
}

/// The last sentence of `text`.
pub fn last_sentence(text: &str) -> &str {
    sentence_ends(text).last().map_or(text, |end| text[end..].trim_start())
}

/// The context of `anchor`.
pub fn context(document: &Document, anchor: AnchorIndex) -> Context {
    let data = &document.anchors[anchor.0];
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
        lead: &document.article[paragraph.range.start..data.range.start],
        quote: document.anchor_text(anchor),
        tail: &document.article[data.range.end..paragraph.range.end],
        after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_followed_by_a_space() {
        let text = "One. Two? \u{201c}Three.\u{201d} Four 14.1 billion. Five";
        assert_eq!(first_sentence(text), "One.");
        assert_eq!(last_sentence(text), "Five");
        assert_eq!(last_sentence("Only one."), "Only one.");
        assert_eq!(first_sentence("He said \u{201c}Go.\u{201d} Then left."), "He said \u{201c}Go.\u{201d}");
        assert_eq!(first_sentence("$14.1 billion deal."), "$14.1 billion deal.", "a decimal point is no stop");
    }

    /// An invariant of any explainer, so it is checked on the real content too.
    #[test]
    fn every_context_is_the_article_verbatim_around_its_quote() {
        for document in [Document::fixture(), Document::built_in()] {
            let last = document.paragraphs.iter().filter_map(|p| p.number).max();
            for anchor in (0..document.anchors.len()).map(AnchorIndex) {
                let context = context(document, anchor);
                let paragraph = document.paragraph_text(document.anchors[anchor.0].paragraph);
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
