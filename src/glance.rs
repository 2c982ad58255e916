//! The article's structure at a glance: its numbers, its timeline and who said what. Numbers and times are
//! the article's own words: each is checked to occur verbatim in a quote of the claim it points to, and
//! links to that quote. Who said what is derived from the claims' speakers.

use crate::document::{AnchorIndex, ClaimIndex, Document, Place};
use crate::model::Speaker;

/// A figure the article gives, in its words, and what it counts.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    /// The figure, verbatim from a quote of `claim` (`$14.1 billion`).
    pub figure: &'static str,
    /// What it is, in a few words.
    pub label: &'static str,
    /// `(section id or "overview", claim id)`.
    pub claim: (&'static str, &'static str),
}

/// An event, with the time expression the article uses for it.
#[derive(Debug, Clone, Copy)]
pub struct Event {
    /// When, verbatim from a quote of `claim` (`later this week`).
    pub when: &'static str,
    /// What happened or will happen.
    pub what: &'static str,
    /// `(section id or "overview", claim id)`.
    pub claim: (&'static str, &'static str),
}

/// The numbers at a glance, in the order the explainer lists them.
pub const FIGURES: &[Figure] = &[
    Figure {
        figure: "More than 70",
        label: "points announced at the bilateral meeting",
        claim: ("overview", "more-than-70-points"),
    },
    Figure {
        figure: "several months",
        label: "to change the structure of U.S. forces in Japan",
        claim: ("defense-integration", "several-months"),
    },
    Figure {
        figure: "$14.1 billion",
        label: "Nippon Steel\u{2019}s acquisition, which Kishida called an investment",
        claim: ("economic-friction", "an-investment"),
    },
    Figure {
        figure: "3,000",
        label: "cherry trees Japan gave more than 100 years ago",
        claim: ("people-to-people", "cherry-tree-gift"),
    },
    Figure {
        figure: "250",
        label: "new trees Japan has committed to plant along the Tidal Basin",
        claim: ("people-to-people", "new-trees"),
    },
    Figure {
        figure: "about 150",
        label: "cherry trees to be cut down for taller sea walls",
        claim: ("people-to-people", "trees-cut-down"),
    },
    Figure {
        figure: "250th",
        label: "anniversary of the United States, in 2026, which the new trees honor",
        claim: ("people-to-people", "new-trees"),
    },
];

/// The events the article mentions, oldest first.
pub const TIMELINE: &[Event] = &[
    Event {
        when: "early 20th century",
        what: "Japan first donated trees to Washington",
        claim: ("people-to-people", "first-donated"),
    },
    Event {
        when: "Wednesday",
        what: "Biden hosted Kishida for the administration\u{2019}s fifth state visit",
        claim: ("overview", "state-visit"),
    },
    Event {
        when: "earlier in the day",
        what: "A private meeting, before the joint news conference",
        claim: ("economic-friction", "private-meeting"),
    },
    Event {
        when: "the first he has held in 2024",
        what: "Biden\u{2019}s news conference with Kishida",
        claim: ("economic-friction", "american-workers"),
    },
    Event {
        when: "later this week",
        what: "The first-ever summit of the United States, Japan and the Philippines",
        claim: ("missile-defense", "philippines-summit"),
    },
    Event {
        when: "later this spring",
        what: "About 150 cherry trees to be cut down around the Tidal Basin",
        claim: ("people-to-people", "trees-cut-down"),
    },
    Event {
        when: "in 2026",
        what: "The 250th anniversary of the United States, which Japan has committed to honor with 250 new trees",
        claim: ("people-to-people", "new-trees"),
    },
];

/// The order speakers are listed in "who said what".
pub const SPEAKERS: &[Speaker] = &[
    Speaker::Biden,
    Speaker::Kishida,
    Speaker::SeniorOfficial,
    Speaker::Official,
    Speaker::Officials,
    Speaker::NationalParkService,
];

/// A figure or an event, resolved: the claim, and the quote whose words hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    /// The claim it belongs to.
    pub claim: ClaimIndex,
    /// The quote holding the words.
    pub anchor: AnchorIndex,
}

/// The claim named `(place, id)` and the first of its quotes containing `words`, or what is wrong.
pub fn resolve(document: &Document, (place, id): (&str, &str), words: &str) -> Result<Resolved, String> {
    let place = match place {
        "overview" => Place::Overview,
        section => Place::Section(document.section_index(section).ok_or(format!("no section {section:?}"))?),
    };
    let claim = document.claim_at(place, id).ok_or(format!("no claim {id:?}"))?;
    let anchor = document
        .claim(claim)
        .anchors
        .iter()
        .copied()
        .find(|&anchor| document.anchor_text(anchor).contains(words))
        .ok_or(format!("no quote of {id:?} says {words:?}"))?;
    Ok(Resolved { claim, anchor })
}

/// Each speaker with the claims attributed to them, in `SPEAKERS` order (speakers without claims left out).
pub fn who_said_what(document: &Document) -> Vec<(Speaker, Vec<ClaimIndex>)> {
    SPEAKERS
        .iter()
        .map(|&speaker| {
            let claims = (0..document.claims.len())
                .map(ClaimIndex)
                .filter(|&c| document.claim(c).claim.speaker == Some(speaker))
                .collect::<Vec<_>>();
            (speaker, claims)
        })
        .filter(|(_, claims)| !claims.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summit() -> &'static Document {
        Document::summit().expect("the summit data is valid")
    }

    #[test]
    fn every_figure_and_time_is_the_articles_own_words() {
        for figure in FIGURES {
            let resolved = resolve(summit(), figure.claim, figure.figure).unwrap();
            assert!(summit().anchor_text(resolved.anchor).contains(figure.figure));
        }
        for event in TIMELINE {
            resolve(summit(), event.claim, event.when).unwrap_or_else(|e| panic!("{}: {e}", event.what));
        }
        assert_eq!(
            resolve(summit(), ("space", "first-non-american"), "Mars"),
            Err("no quote of \"first-non-american\" says \"Mars\"".to_string())
        );
        assert_eq!(resolve(summit(), ("moon", "x"), "y"), Err("no section \"moon\"".to_string()));
    }

    #[test]
    fn the_timeline_is_in_the_articles_order_of_events() {
        let whens: Vec<&str> = TIMELINE.iter().map(|e| e.when).collect();
        assert_eq!(
            whens,
            [
                "early 20th century",
                "Wednesday",
                "earlier in the day",
                "the first he has held in 2024",
                "later this week",
                "later this spring",
                "in 2026"
            ]
        );
    }

    #[test]
    fn who_said_what_lists_every_attributed_claim_once() {
        let groups = who_said_what(summit());
        let listed: usize = groups.iter().map(|(_, claims)| claims.len()).sum();
        let attributed = summit().claims.iter().filter(|c| c.claim.speaker.is_some()).count();
        assert_eq!(listed, attributed);
        assert_eq!(groups[0].0, Speaker::Biden);
        assert!(groups[0].1.len() >= 5);
    }
}
