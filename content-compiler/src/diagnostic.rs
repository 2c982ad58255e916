//! What the checks report: a problem at a place in `explainer.toml` (and, where it helps, a passage of the
//! article), rendered the way rustc renders its diagnostics.

use std::ops::Range;

use annotate_snippets::{Level, Renderer, Snippet};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Explains another diagnostic or an accepted exception; never fails the build.
    Note,
    /// A fidelity lint switched to a warning for its subject; never fails the build.
    Warning,
    /// Fails the build.
    Error,
}

/// Which of the content folder's two files a span is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    /// `explainer.toml`.
    Explainer,
    /// `article.txt`.
    Article,
}

/// A span of one file, with what to say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The file.
    pub file: File,
    /// Byte range in it.
    pub span: Range<usize>,
    /// What is there (may be empty).
    pub text: String,
}

/// One problem, or one note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// The one-line message.
    pub message: String,
    /// Where: the first label is the place the problem is (its line and column head the message).
    pub labels: Vec<Label>,
    /// What to do, one sentence each.
    pub help: Vec<String>,
}

impl Diagnostic {
    /// An error at `span` of `explainer.toml`.
    pub fn error(message: impl Into<String>, span: Range<usize>, label: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, message, span, label)
    }

    /// An error about a passage of the article alone.
    pub fn in_article(message: impl Into<String>, span: Range<usize>, label: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            labels: vec![Label { file: File::Article, span, text: label.into() }],
            help: Vec::new(),
        }
    }

    /// A diagnostic of `severity` at `span` of `explainer.toml`.
    pub fn new(
        severity: Severity,
        message: impl Into<String>,
        span: Range<usize>,
        label: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            message: message.into(),
            labels: vec![Label { file: File::Explainer, span, text: label.into() }],
            help: Vec::new(),
        }
    }

    /// Adds a passage of the article to show.
    pub fn with_article(mut self, span: Range<usize>, label: impl Into<String>) -> Diagnostic {
        self.labels.push(Label { file: File::Article, span, text: label.into() });
        self
    }

    /// Adds another place in `explainer.toml` to show.
    pub fn with_explainer(mut self, span: Range<usize>, label: impl Into<String>) -> Diagnostic {
        self.labels.push(Label { file: File::Explainer, span, text: label.into() });
        self
    }

    /// Adds a line of advice.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }
}

/// The two files of a content folder, with the names diagnostics give them.
#[derive(Debug, Clone)]
pub struct Sources {
    /// How to name `explainer.toml` (its path, as the user would type it).
    pub explainer_name: String,
    /// Its text.
    pub explainer: String,
    /// How to name `article.txt`.
    pub article_name: String,
    /// Its text.
    pub article: String,
}

impl Sources {
    fn file(&self, file: File) -> (&str, &str) {
        match file {
            File::Explainer => (&self.explainer_name, &self.explainer),
            File::Article => (&self.article_name, &self.article),
        }
    }

    /// `path:line:column` of the start of a label (1-based, columns in characters).
    pub fn location(&self, label: &Label) -> String {
        let (name, text) = self.file(label.file);
        let start = label.span.start.min(text.len());
        let before = &text[..floor_char_boundary(text, start)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        format!("{name}:{line}:{column}")
    }

    /// The diagnostic as rustc would show it: the message, each labelled span in its file, then the advice.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        let level = match diagnostic.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Note => Level::Note,
        };
        let mut message = level.title(&diagnostic.message);
        // One snippet per file, in the order the files first appear, holding all of that file's labels.
        let mut files: Vec<File> = Vec::new();
        for label in &diagnostic.labels {
            if !files.contains(&label.file) {
                files.push(label.file);
            }
        }
        for file in files {
            let (name, text) = self.file(file);
            let mut snippet = Snippet::source(text).origin(name).line_start(1).fold(true);
            for (index, label) in diagnostic.labels.iter().enumerate().filter(|(_, l)| l.file == file) {
                let annotation = if index == 0 { level } else { Level::Info };
                snippet = snippet.annotation(annotation.span(clamp(text, &label.span)).label(&label.text));
            }
            message = message.snippet(snippet);
        }
        for help in &diagnostic.help {
            message = message.footer(Level::Help.title(help));
        }
        Renderer::plain().render(message).to_string()
    }

    /// One line: `severity: path:line:column: message`, for the build's own output.
    pub fn one_line(&self, diagnostic: &Diagnostic) -> String {
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        match diagnostic.labels.first() {
            Some(label) => format!("{severity}: {}: {}", self.location(label), diagnostic.message),
            None => format!("{severity}: {}", diagnostic.message),
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A span that lies inside `text` on character boundaries.
fn clamp(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
