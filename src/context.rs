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

    fn summit() -> &'static Document {
        Document::summit().expect("the summit data is valid")
    }

    #[test]
    fn sentences_end_at_stops_followed_by_a_space() {
        let text = "One. Two? \u{201c}Three.\u{201d} Four 14.1 billion. Five";
        assert_eq!(first_sentence(text), "One.");
        assert_eq!(last_sentence(text), "Five");
        assert_eq!(last_sentence("Only one."), "Only one.");
        assert_eq!(first_sentence("He said \u{201c}Go.\u{201d} Then left."), "He said \u{201c}Go.\u{201d}");
        assert_eq!(first_sentence("$14.1 billion deal."), "$14.1 billion deal.", "a decimal point is no stop");
    }

    #[test]
    fn every_context_is_the_article_verbatim_around_its_quote() {
        let document = summit();
        for anchor in (0..document.anchors.len()).map(AnchorIndex) {
            let context = context(document, anchor);
            let paragraph = document.paragraph_text(document.anchors[anchor.0].paragraph);
            assert_eq!(format!("{}{}{}", context.lead, context.quote, context.tail), paragraph);
            for (_, sentence) in context.before.iter().chain(&context.after) {
                assert!(!sentence.is_empty() && document.article.contains(sentence), "{sentence:?}");
            }
        }
        let first = context(document, AnchorIndex(0));
        assert_eq!(first.before, None, "nothing comes before the first paragraph");
    }
}
