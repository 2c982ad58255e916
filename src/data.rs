//! The summit data: the article, and what the explainer says about it, every claim citing the article's words.
//!
//! Rules for editing (the tests in `document` enforce the checkable ones):
//! - a claim says only what its quotes say; who said it, and where or when, only where the article says so;
//! - a quote is copied from `article.txt` byte for byte, odd punctuation and all;
//! - two quotes are either the very same words at the same place, or do not touch each other;
//! - every paragraph of the article that is not listed in [`NOT_SUBSTANTIVE`] is cited at least once.

use crate::model::{Claim, Quote, Section, Speaker};

/// The source article, CNN, 2024-04-11: the project's own byte-for-byte copy of `shared/source/article.txt`.
pub const ARTICLE: &str = include_str!("article.txt");

/// Where the article comes from, as its own text gives it.
pub const SOURCE: &str = "CNN, Washington, dated 2024-04-11";

/// The title of the explainer.
pub const TITLE: &str = "Biden hosts Kishida: what the April 2024 U.S.–Japan summit announced";

/// Paragraphs of the article that carry no claim of their own (date line, dateline, credits), so coverage does
/// not count them. Each must equal one paragraph of the article exactly.
pub const NOT_SUBSTANTIVE: &[&str] = &[
    " date 2024-04-11 ",
    "Washington CNN —",
    "This story and headline have been updated with additional developments.",
    "CNN's Kevin Liptak and Samantha Waldenberg contributed to this report.",
];

const fn q(exact: &'static str) -> Quote {
    Quote::exact(exact)
}

/// The overview: who met, when, and how much was announced. Shown above the sections, always open.
pub const OVERVIEW: &[Claim] = &[
    Claim {
        id: "state-visit",
        text: "President Joe Biden hosted Japanese Prime Minister Fumio Kishida on Wednesday, for the administration's fifth state visit.",
        speaker: None,
        setting: None,
        quotes: &[
            q("as he hosted Japanese Prime Minister Fumio Kishida for a visit Wednesday"),
            q("during the administration's fifth state visit"),
        ],
    },
    Claim {
        id: "more-than-70-points",
        text: "More than 70 points covering a wide range of critical sectors were announced as part of the two leaders' bilateral meeting.",
        speaker: None,
        setting: None,
        quotes: &[q(
            "More than 70 points covering a wide range of critical sectors were announced as part of the bilateral meeting between Biden and Kishida.",
        )],
    },
    Claim {
        id: "stronger-than-ever",
        text: "Biden called the alliance stronger than it has ever been.",
        speaker: Some(Speaker::Biden),
        setting: None,
        quotes: &[q("calling the alliance stronger than it has ever been")],
    },
];

/// The sections, in the order the page shows them. The first five ids are part of the public interface.
pub const SECTIONS: &[Section] = &[
    Section {
        id: "defense-integration",
        title: "Defense integration",
        summary: "How U.S. and Japanese forces are to work together more closely, and how long that will take.",
        claims: &[
            Claim {
                id: "force-structure",
                text: "The leaders committed to changing the structure of U.S. forces in Japan, to improve how Japanese and U.S. forces are integrated.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "a commitment to changing the structure of U.S. forces in Japan to improve how Japanese and U.S. forces are integrated",
                )],
            },
            Claim {
                id: "industrial-council",
                text: "The points include establishing a military-industrial council to assess where the two countries can co-produce defense weapons.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "establishing a military-industrial council to assess where the two countries can co-produce defense weapons in order to improve cooperation",
                )],
            },
            Claim {
                id: "major-update",
                text: "The announcements are all part of a major update to the two nations' military alliance.",
                speaker: None,
                setting: None,
                quotes: &[q("These announcements are all part of a major update to the nations' military alliance")],
            },
            Claim {
                id: "several-months",
                text: "Some elements will take time: changing the U.S. force structure will take several months.",
                speaker: Some(Speaker::SeniorOfficial),
                setting: None,
                quotes: &[q(
                    "some elements will take some time to implement, including changing the U.S. force structure, which will take several months for the two countries are achieving this, noted a senior official.",
                )],
            },
            Claim {
                id: "defense-posture",
                text: "Officials see Kishida as a willing partner who has significantly shifted Japan's defense posture in recent years.",
                speaker: Some(Speaker::Officials),
                setting: None,
                quotes: &[q(
                    "with officials seeing Kishida as a willing partner who has significantly shifted the country's defense posture in recent years",
                )],
            },
        ],
    },
    Section {
        id: "missile-defense",
        title: "Trilateral missile defense",
        summary: "Joining up anti-missile defenses with Australia, a first summit with the Philippines, and the \u{201c}lattice\u{201d} idea behind both.",
        claims: &[
            Claim {
                id: "anti-missile-integration",
                text: "The announcements include elements on integrating anti-missile defense between the United States, Australia and Japan.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "elements related to the integration of anti-missile systems. defense between the United States, Australia and Japan.",
                )],
            },
            Claim {
                id: "philippines-summit",
                text: "Later the same week, the meeting was to be followed by the first-ever leaders' summit of the United States, Japan and the Philippines.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "Biden's meeting with Kishida will be followed later this week by the first-ever leaders' summit between the United States, Japan and the Philippines",
                )],
            },
            Claim {
                id: "lattice",
                text: "The idea is to move to a \u{201c}lattice-shaped\u{201d} multilateral strategic architecture, to flip the script and isolate China.",
                speaker: Some(Speaker::SeniorOfficial),
                setting: None,
                quotes: &[q(
                    "The idea of moving to a lattice-shaped multilateral strategic architecture is to flip the script and isolate China, this person said.",
                )],
            },
        ],
    },
    Section {
        id: "space",
        title: "Space",
        summary: "New cooperation in space, and Japan's hope of landing an astronaut on the Moon.",
        claims: &[
            Claim {
                id: "space-collaboration",
                text: "The leaders detailed new space collaboration.",
                speaker: None,
                setting: None,
                quotes: &[q("Leaders detailed new space collaboration")],
            },
            Claim {
                id: "astronaut-on-the-moon",
                text: "It comes as Japan has expressed interest in landing its first astronaut on the Moon.",
                speaker: None,
                setting: None,
                quotes: &[q("at a time when Japan has expressed interest in landing its first astronaut on the Moon")],
            },
            Claim {
                id: "first-non-american",
                text: "That astronaut would be the first non-American to set foot on the Moon.",
                speaker: None,
                setting: None,
                quotes: &[q("The astronaut would be the first non-American to set foot on the Moon.")],
            },
        ],
    },
    Section {
        id: "people-to-people",
        title: "People-to-people ties",
        summary: "Research partnerships, a scholarship for students, and the cherry trees of Washington.",
        claims: &[
            Claim {
                id: "student-exchanges",
                text: "The leaders outlined ways to strengthen people-to-people ties, as student exchanges between the two countries have lagged in recent years.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "outlined ways to strengthen people-to-people ties amid a lag in student exchanges between the two countries in recent years",
                )],
            },
            Claim {
                id: "carnegie-mellon-keio",
                text: "One partnership is a joint artificial intelligence research initiative between Carnegie Mellon University and Keio University in Tokyo.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "a joint artificial intelligence research initiative between Carnegie Mellon University and Keio University in Tokyo",
                )],
            },
            Claim {
                id: "washington-tsukuba",
                text: "Another is an AI-related exchange between the University of Washington and State of Washington and the University of Tsukuba in Japan.",
                speaker: Some(Speaker::Officials),
                setting: None,
                quotes: &[q(
                    "another AI-related exchange between the University of Washington and State of Washington and the University of Tsukuba in Japan, according to officials.",
                )],
            },
            Claim {
                id: "scholarship",
                text: "A new scholarship will fund American high school students who wish to travel to Japan to study, and vice versa.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "the creation of a scholarship to fund American high school students wishing to travel to Japan to study and vice versa.",
                )],
            },
            Claim {
                id: "symbolic-point",
                text: "Beside the long list of military and diplomatic agreements, senior administration officials also sought to emphasize a more symbolic point.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "Although the leaders plan to announce the long list of military and diplomatic agreements during their visit, senior administration officials also sought to emphasize a more symbolic point.",
                )],
            },
            Claim {
                id: "cherry-tree-gift",
                text: "Biden recognized Japan's gift of 3,000 cherry trees more than 100 years ago, which bloom each spring in Washington, as a symbol of the alliance.",
                speaker: Some(Speaker::Biden),
                setting: None,
                quotes: &[q(
                    "He also recognized Japan's gift of 3,000 cherry trees more than 100 years ago as a symbol of this alliance, which bloom each spring in Washington, DC.",
                )],
            },
            Claim {
                id: "first-donated",
                text: "Japan first donated trees to Washington in the early 20th century.",
                speaker: None,
                setting: None,
                quotes: &[q("Japan first donated trees to Washington in the early 20th century.")],
            },
            Claim {
                id: "second-only-to-liberty",
                text: "A senior administration official called the original gift one of the most important diplomatic gifts in U.S. history, second only to the Statue of Liberty.",
                speaker: Some(Speaker::SeniorOfficial),
                setting: None,
                quotes: &[q(
                    "A senior Biden administration official called the original gift of cherry trees from Japan one of the most important diplomatic gifts in U.S. history, second only to the Statue of Liberty, a gift from France.",
                )],
            },
            Claim {
                id: "deeply-meaningful",
                text: "Initiatives like this may not be as important as new arrangements on military command structures or co-production, the official said, but they are \u{201c}deeply meaningful for our people\u{201d}.",
                speaker: Some(Speaker::Official),
                setting: None,
                quotes: &[q(
                    "\u{201c}I think you will find that initiatives like this, which may not be as important as new arrangements on military command structures or joint military co-production, but they are deeply meaningful for our people,\u{201d} he said. said an official.",
                )],
            },
            Claim {
                id: "new-trees",
                text: "Japan has committed to planting 250 new trees along the Tidal Basin for the 250th anniversary of the United States in 2026.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "Japan has committed to planting 250 new trees along the Tidal Basin to honor the 250th anniversary of the United States in 2026.",
                )],
            },
            Claim {
                id: "trees-cut-down",
                text: "About 150 cherry trees are to be cut down later this spring to make way for taller sea walls around the basin.",
                speaker: Some(Speaker::NationalParkService),
                setting: None,
                quotes: &[q(
                    "The National Park Service said about 150 cherry trees would be cut down later this spring to make way for taller sea walls around the basin.",
                )],
            },
        ],
    },
    Section {
        id: "economic-friction",
        title: "Economic friction",
        summary: "Nippon Steel's $14.1 billion acquisition of an American steel company, and where each leader stands.",
        claims: &[
            Claim {
                id: "divergence",
                text: "Even as cooperation grows, the two countries have recently diverged on the economic front: Biden opposes Japan's efforts to buy American steel.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "the two countries have recently seen a divergence on the economic front, with the president opposing Japan's efforts to buy American steel.",
                )],
            },
            Claim {
                id: "an-investment",
                text: "Asked about Nippon Steel's acquisition of the company, Kishida described the $14.1 billion deal as an investment in the United States.",
                speaker: Some(Speaker::Kishida),
                setting: Some("at a joint news conference"),
                quotes: &[
                    q("the acquisition of the company, once one of the most powerful in the world, by Japan's Nippon Steel"),
                    q("Kishida described the $14.1 billion acquisition dollars as an investment in the United States."),
                ],
            },
            Claim {
                id: "positive-directions",
                text: "Kishida expressed the hope that the discussions will move in positive directions for both sides.",
                speaker: Some(Speaker::Kishida),
                setting: None,
                quotes: &[q("We hope these discussions will move in positive directions for both sides, Kishida said.")],
            },
            Claim {
                id: "private-meeting",
                text: "He did not say whether the acquisition was discussed in a private meeting earlier that day.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "He did not say whether the two executives discussed the acquisition in a private meeting earlier in the day.",
                )],
            },
            Claim {
                id: "american-owned",
                text: "Biden had previously said it was essential that the company remain American-owned and operated.",
                speaker: Some(Speaker::Biden),
                setting: None,
                quotes: &[q("Biden, who previously said it was essential that the company remain American-owned and operated")],
            },
            Claim {
                id: "american-workers",
                text: "Biden said he remains committed to American workers.",
                speaker: Some(Speaker::Biden),
                setting: Some("at the news conference, his first of 2024"),
                quotes: &[q(
                    "said during the news conference \u{2013} the first he has held in 2024 \u{2013} that he remains committed to American workers.",
                )],
            },
        ],
    },
    Section {
        id: "alliance",
        title: "The alliance: history and symbolism",
        summary: "From adversaries to \u{201c}the closest of friends\u{201d}: how Biden spoke of the alliance.",
        claims: &[
            Claim {
                id: "partners-in-a-changing-world",
                text: "Biden said the United States and Japan would continue to be partners in a changing world.",
                speaker: Some(Speaker::Biden),
                setting: Some("at the state dinner, Wednesday evening"),
                quotes: &[q("Biden said the United States and Japan would continue to be partners in a changing world")],
            },
            Claim {
                id: "same-hopes-same-values",
                text: "Biden said the two countries are united by the same hopes, values and commitment to democracy, and that the alliance is literally stronger than it has ever been.",
                speaker: Some(Speaker::Biden),
                setting: Some("at the state dinner"),
                quotes: &[
                    q("We are united around the same hopes, the same values, the same commitment to democracy, freedom and dignity, dignity for all."),
                    q("our alliance is literally stronger than it has ever been, Biden said at the dinner."),
                ],
            },
            Claim {
                id: "inflection-point",
                text: "Biden said the two countries stand at an inflection point, where decisions made now will set the course for decades, and will continue to stand together.",
                speaker: Some(Speaker::Biden),
                setting: None,
                quotes: &[
                    q("Biden said we are at an inflection point and the United States and Japan will continue to stand together."),
                    q("We stand at an inflection point where the decisions we make now will determine the course of the future for decades to come, Biden added."),
                ],
            },
            Claim {
                id: "center-of-alliance-building",
                text: "Japan has been at the center of Biden's alliance-building in the Indo-Pacific.",
                speaker: None,
                setting: None,
                quotes: &[q("Japan has been at the center of Biden's alliance-building in the Indo-Pacific")],
            },
            Claim {
                id: "support-to-ukraine",
                text: "Officials also see Kishida as a partner who has continued support to Ukraine amid Russia's invasion.",
                speaker: Some(Speaker::Officials),
                setting: None,
                quotes: &[q("provided support continued to Ukraine amid Russia's invasion of Ukraine")],
            },
            Claim {
                id: "monumental-alliance",
                text: "Biden praised the \u{201c}monumental alliance\u{201d} of the two democracies, saying they have made it closer, stronger and more effective than ever before.",
                speaker: Some(Speaker::Biden),
                setting: Some("at the formal arrival ceremony on the South Lawn of the White House, Wednesday morning"),
                quotes: &[
                    q("Biden praised the monumental alliance between our two great democracies."),
                    q("Together, we have made it closer, stronger and more effective than ever before in history, Biden said during a formal arrival ceremony."),
                ],
            },
            Claim {
                id: "hiroshima",
                text: "Biden acknowledged the devastating history between the two countries. Last year he visited Hiroshima and its Peace Museum, which traces the destruction of the 1945 American atomic bomb.",
                speaker: None,
                setting: None,
                quotes: &[
                    q("Biden acknowledged the devastating history between the United States and Japan."),
                    q("He visited Hiroshima last year for a summit with G7 leaders and visited the Hiroshima Peace Museum, which traces the immense destruction of the American atomic bomb in the city in 1945, at the end of the Second World War."),
                ],
            },
            Claim {
                id: "closest-of-friends",
                text: "Biden noted it would have been easy for the two countries to remain adversaries given their bloody history; instead, he said, they became the closest of friends.",
                speaker: Some(Speaker::Biden),
                setting: None,
                quotes: &[
                    q("It would have been easy for the two countries to remain adversaries given their bloody history, Biden noted."),
                    q("Instead, he says, we made a much better choice: We became the closest of friends."),
                ],
            },
            Claim {
                id: "beacons-of-freedom",
                text: "Biden called the two democracies beacons of freedom that shine across the world.",
                speaker: Some(Speaker::Biden),
                setting: None,
                quotes: &[q("Today, Biden added, our democracies are beacons of freedom that shine across the world.")],
            },
        ],
    },
    Section {
        id: "china-region",
        title: "China and the region",
        summary: "What the summit means for China, North Korea and U.S. allies in the Indo-Pacific.",
        claims: &[
            Claim {
                id: "resurgence-of-china",
                text: "Biden's commitment to partnerships in the Indo-Pacific comes as China resurges militarily and economically.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "reinforcing his commitment to strengthening vital partnerships in Indo -Pacific in a context of military and economic resurgence of China.",
                )],
            },
            Claim {
                id: "pacific-allies-closer",
                text: "Biden is pushing to bring Pacific allies and partners closer together, as the region struggles with China's aggression and North Korea's nuclear provocations.",
                speaker: None,
                setting: None,
                quotes: &[q(
                    "with Biden pushing to bring Pacific allies and partners closer together as the region struggles with China's aggression and North Korea's nuclear provocations.",
                )],
            },
            Claim {
                id: "counter-isolation",
                text: "All outcomes on the agenda are part of a concerted effort to counter Chinese efforts to isolate U.S. allies like the Philippines and Japan.",
                speaker: Some(Speaker::SeniorOfficial),
                setting: None,
                quotes: &[q(
                    "All outcomes on the agenda are part of a concerted military, diplomatic and strategic effort to try to flip the script and counter Chinese efforts to isolate U.S. allies like the Philippines and Japan, according to a senior US official. administration.",
                )],
            },
            Claim {
                id: "responsibilities-of-a-major-power",
                text: "Kishida said Japan will keep calling on China to shoulder its responsibilities as a major power, while striving for a constructive and stable relationship with it.",
                speaker: Some(Speaker::Kishida),
                setting: Some("at the news conference"),
                quotes: &[q(
                    "Kishida said at the news conference that Japan will continue to call on China to shoulder its responsibilities as a major power, while striving to establish a constructive and stable relationship with the superpower.",
                )],
            },
            Claim {
                id: "status-quo",
                text: "Kishida said it had been confirmed that unilateral attempts to change the status quo through force or coercion are absolutely unacceptable, anywhere.",
                speaker: Some(Speaker::Kishida),
                setting: None,
                quotes: &[q(
                    "We have confirmed that unilateral attempts to change the status quo through force or coercion are absolutely unacceptable, anywhere, he added.",
                )],
            },
        ],
    },
    Section {
        id: "us-politics",
        title: "U.S. political uncertainty",
        summary: "Allies' worries about a possible return of Donald Trump, and what it could mean.",
        claims: &[
            Claim {
                id: "trump-return",
                text: "Officials acknowledged concern among U.S. allies over Donald Trump's potential return to the Oval Office and what it could mean for U.S. foreign relations.",
                speaker: Some(Speaker::Officials),
                setting: None,
                quotes: &[q(
                    "officials acknowledged concern among U.S. allies over the prospect of Donald Trump's potential return to the Oval Office and what it could portend for U.S. foreign relations .",
                )],
            },
            Claim {
                id: "anxiety-in-capitals",
                text: "An official said there is anxiety and uncertainty in capitals about the future of American politics.",
                speaker: Some(Speaker::Official),
                setting: None,
                quotes: &[q(
                    "\u{201c}I think we all recognize that there is anxiety and uncertainty in capitals about the nature of the future of American politics,\u{201d} the official said.",
                )],
            },
            Claim {
                id: "questions-and-concerns",
                text: "The official asked whether the United States will stay engaged internationally and in bipartisan foreign policy, and said there are questions and concerns.",
                speaker: Some(Speaker::Official),
                setting: None,
                quotes: &[q(
                    "Do we also remain engaged in internationalist activities and in the kinds of bipartisan foreign policy efforts that animated the later post-World War II and post-Cold War era? There are questions and concerns there.",
                )],
            },
        ],
    },
];
