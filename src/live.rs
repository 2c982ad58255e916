//! A [`Document`] compiled from a content folder while the program runs, for the development server
//! (`cargo xtask serve --watch`): the prerenderer renders the page from the content as it is on disk after
//! each save, without compiling Rust. Native only; the shipped modules hold the tables `build.rs` wrote.
//!
//! The document is the same as the build's tables (the test below compares them field for field): both are
//! written from one [`Compiled`], and what either derives from it (the attribution line, a short
//! version's claims in full) is `Compiled`'s. Its texts live as long as the program: a server that renders many saves leaks each
//! save's document, which is a few hundred kilobytes of text per save of a development session.

use std::path::Path;

use content_compiler::Compiled;

use crate::document::{
    Anchor, AnchorIndex, Citation, ClaimEntry, ClaimIndex, Core, Document, Paragraph, Place, QuotePlace, SourceFacts,
};
use crate::model::{Attribution, Claim, GlanceItem, Section, Speaker, SpeakerIndex};

/// Compiles the content folder `dir` (its files named as `display/…` in diagnostics) into a document, or
/// the diagnostics that stop it, rendered as `check-content` prints them.
pub fn compile(dir: &Path, display: &str) -> Result<&'static Document, String> {
    let outcome = content_compiler::compile_folder(dir, display)?;
    match outcome.compiled {
        Some(compiled) => Ok(document(compiled)),
        None => Err(outcome.render()),
    }
}

/// The document of a compiled explainer, its texts kept for the rest of the program.
pub fn document(compiled: Compiled) -> &'static Document {
    let text = |text: &str| -> &'static str { Box::leak(text.into()) };
    let option = |value: &Option<String>| value.as_deref().map(text);
    let article = text(&compiled.article);
    let claims = compiled
        .claims
        .iter()
        .enumerate()
        .map(|(index, claim)| ClaimEntry {
            claim: Claim {
                id: text(&claim.id),
                statement: text(&claim.statement),
                attribution: compiled.attribution_line(index).as_deref().map(text),
                note: option(&claim.note),
            },
            place: claim.section.map_or(Place::Overview, Place::Section),
            anchors: leak(claim.anchors.iter().map(|&a| AnchorIndex(a))),
            in_full: leak(compiled.in_full(index).into_iter().map(ClaimIndex)),
        })
        .collect::<Vec<_>>();
    let anchors = compiled
        .anchors
        .iter()
        .map(|anchor| Anchor {
            text: &article[anchor.range.clone()],
            cited_by: leak(anchor.cited_by.iter().map(|&(claim, quote)| Citation { claim: ClaimIndex(claim), quote })),
        })
        .collect::<Vec<_>>();
    let core = Core {
        sections: leak(compiled.sections.iter().map(|section| Section {
            id: text(&section.id),
            title: text(&section.title),
            summary: text(&section.summary),
        })),
        claims: claims.leak(),
        overview_claims: compiled.overview.clone(),
        section_claims: leak(compiled.sections.iter().map(|section| section.claims.clone())),
        anchors: anchors.leak(),
    };
    let glance = |items: &[content_compiler::compiled::GlanceItem]| {
        leak(items.iter().map(|item| GlanceItem {
            words: text(&item.words),
            text: text(&item.text),
            claim: ClaimIndex(item.claim),
            anchor: AnchorIndex(item.anchor),
        }))
    };
    let facts = &compiled.facts;
    Box::leak(Box::new(Document {
        core,
        article,
        title: text(&compiled.title),
        description: text(&compiled.description),
        source: text(&compiled.source),
        facts: SourceFacts {
            date: text(&facts.date),
            dateline: text(&facts.dateline),
            publisher: text(&facts.publisher),
            contributors: leak(facts.contributors.iter().map(|c| text(c))),
        },
        paragraphs: leak(compiled.paragraphs.iter().map(|p| Paragraph { range: p.range.clone(), number: p.number })),
        speakers: leak(compiled.speakers.iter().map(|speaker| Speaker {
            id: text(&speaker.id),
            label: text(&speaker.label),
            schema_type: speaker.schema_type,
            name: option(&speaker.name),
            job_title: option(&speaker.job_title),
        })),
        leads: leak(compiled.leads.iter().map(|lead| text(&lead.text))),
        lead_of: leak(compiled.claims.iter().map(|claim| claim.lead)),
        attributed: leak(compiled.claims.iter().map(|claim| {
            claim.speaker.map(|speaker| Attribution { speaker: SpeakerIndex(speaker), setting: option(&claim.setting) })
        })),
        quote_places: leak(compiled.anchors.iter().map(|anchor| QuotePlace {
            range: anchor.range.clone(),
            paragraph: anchor.paragraph,
            spoken: leak(anchor.spoken.iter().copied()),
        })),
        figures: glance(&compiled.figures),
        timeline: glance(&compiled.timeline),
    }))
}

fn leak<T>(items: impl Iterator<Item = T>) -> &'static [T] {
    items.collect::<Vec<_>>().leak()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document compiled at run time is the one the build's tables hold, for the fixture and the
    /// content this build was made from: the development server shows what the release will.
    #[test]
    fn a_folder_compiled_at_run_time_is_the_document_the_build_compiled() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (folder, built) in [
            (content_compiler::FIXTURE_CONTENT, Document::fixture()),
            (Document::BUILT_IN_FOLDER, Document::built_in()),
        ] {
            let live = compile(&root.join(folder), folder).unwrap_or_else(|diagnostics| panic!("{diagnostics}"));
            assert_eq!(live, built, "{folder}");
        }
    }

    #[test]
    fn a_broken_folder_gives_its_diagnostics_at_the_line() {
        let dir = std::env::temp_dir().join(format!("summit-live-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(content_compiler::FIXTURE_CONTENT);
        for file in [content_compiler::ARTICLE_FILE, content_compiler::EXPLAINER_FILE] {
            std::fs::copy(root.join(file), dir.join(file)).unwrap();
        }
        let explainer = dir.join(content_compiler::EXPLAINER_FILE);
        let text = std::fs::read_to_string(&explainer).unwrap();
        std::fs::write(&explainer, text.replacen("[[sections]]", "[[sectons]]", 1)).unwrap();
        let error = compile(&dir, "fixture").expect_err("refused");
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(error.contains("fixture/explainer.toml:"), "{error}");
        assert!(error.contains('^'), "the caret under the place: {error}");
    }
}
