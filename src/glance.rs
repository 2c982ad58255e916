//! The article at a glance: its numbers and its timeline (compiled from the content's `figures` and
//! `timeline`, each checked by the build to be the article's own words in a quote of its claim), and who said
//! what, derived from the claims' speakers.

use crate::prelude::*;

use crate::document::{ClaimIndex, Document};
use crate::model::SpeakerIndex;

/// Each speaker with the claims attributed to them, in the content's order of speakers (speakers without
/// claims left out).
pub fn who_said_what(document: &Document) -> Vec<(SpeakerIndex, Vec<ClaimIndex>)> {
    (0..document.speakers.len())
        .map(SpeakerIndex)
        .map(|speaker| {
            let claims = (0..document.core.claims.len())
                .map(ClaimIndex)
                .filter(|&c| document.attribution(c).map(|a| a.speaker) == Some(speaker))
                .collect::<Vec<_>>();
            (speaker, claims)
        })
        .filter(|(_, claims)| !claims.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_said_what_lists_every_attributed_claim_once_in_speaker_order() {
        let document = Document::fixture();
        let groups: Vec<(&str, Vec<&str>)> = who_said_what(document)
            .into_iter()
            .map(|(speaker, claims)| {
                (document.speaker(speaker).id, claims.into_iter().map(|c| document.core.claim(c).claim.id).collect())
            })
            .collect();
        assert_eq!(groups, [("biden", vec!["agree"]), ("official", vec!["ran-late"])]);
    }

    #[test]
    fn glance_items_point_at_the_quote_holding_their_words() {
        let document = Document::fixture();
        for item in document.figures.iter().chain(document.timeline) {
            assert!(document.core.anchor_text(item.anchor).contains(item.words), "{}", item.words);
            assert!(document.core.claim(item.claim).anchors.contains(&item.anchor), "{}", item.words);
        }
        let whens: Vec<&str> = document.timeline.iter().map(|e| e.words).collect();
        assert_eq!(whens, ["in spring"]);
    }
}
