//! Findings as data: every problem the tool reports about a record or a rule file is a
//! `Diagnostic` with a stable code, a severity and a place, rendered by one function for
//! humans (with the offending line and a caret) and serialised as is for machines.

use std::path::PathBuf;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable, documented code, e.g. `unknown-key`, `overdue`.
    pub code: &'static str,
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based line and column; 0 when the problem concerns the whole file.
    pub line: usize,
    pub column: usize,
    /// Byte range in the file, for the caret; empty when unknown.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    pub message: String,
    /// The record the problem is about, where there is one.
    pub id: Option<String>,
    /// A hint such as a did-you-mean.
    pub help: Option<String>,
    /// The offending line, kept so that rendering needs neither the file nor the folder
    /// it was read from.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
}

/// The line a diagnostic points at and where on it, for the caret.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    /// 1-based number of the line.
    pub line: usize,
    /// The line, without its end of line.
    pub text: String,
    /// Byte range in `text` to underline.
    pub span: std::ops::Range<usize>,
}

impl Excerpt {
    /// The line of `source` holding `span.start`, the span cut to that line.
    pub fn new(source: &str, span: &std::ops::Range<usize>) -> Excerpt {
        let start = floor_char_boundary(source, span.start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let text = source[line_start..line_end].trim_end_matches('\r');
        let end = floor_char_boundary(source, span.end.max(start)).min(line_start + text.len());
        let line = source[..line_start].matches('\n').count() + 1;
        let rel_start = (start - line_start).min(text.len());
        Excerpt {
            line,
            text: text.to_string(),
            span: rel_start..(end - line_start).max(rel_start),
        }
    }
}

/// The largest char boundary of `source` at or before `offset` (`str::floor_char_boundary`,
/// which our minimum Rust version lacks).
pub(crate) fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl Diagnostic {
    /// A diagnostic located by a byte span in `source` (the file's text).
    pub fn at(
        code: &'static str,
        severity: Severity,
        file: impl Into<PathBuf>,
        source: &str,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = line_col(source, span.start);
        let excerpt = Some(Excerpt::new(source, &span));
        Diagnostic {
            code,
            severity,
            file: file.into(),
            line,
            column,
            span,
            message: message.into(),
            id: None,
            help: None,
            excerpt,
        }
    }

    /// A diagnostic about a whole file (line and column 0).
    pub fn file(
        code: &'static str,
        severity: Severity,
        file: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            file: file.into(),
            line: 0,
            column: 0,
            span: 0..0,
            message: message.into(),
            id: None,
            help: None,
            excerpt: None,
        }
    }

    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// "did you mean `x`?" for the closest of `candidates` to `word`, when one is close enough
/// to be a plausible typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\nété = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        assert_eq!(line_col(text, 6 + "été ".len()), (2, 5));
        assert_eq!(line_col(text, 999), (3, 1));
    }
}

/// Renders diagnostics for a terminal, without colour: `error[code]: message`, then
/// `--> file:line:col`, the offending line and a caret under the offending part.
pub fn render(diags: &[Diagnostic]) -> String {
    render_with(diags, false)
}

/// As [`render`], with ANSI colours when `color` is set.
pub fn render_with(diags: &[Diagnostic], color: bool) -> String {
    use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};

    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Warning => Level::WARNING,
            Severity::Error => Level::ERROR,
        };
        let path = d.file.display().to_string();
        let mut message = d.message.clone();
        if let Some(id) = &d.id {
            message.push_str(&format!(" (record `{id}`)"));
        }
        let title = level.primary_title(message).id(d.code);
        let mut group = match &d.excerpt {
            Some(excerpt) => title.element(
                Snippet::source(excerpt.text.as_str())
                    .line_start(excerpt.line)
                    .path(path.as_str())
                    .annotation(AnnotationKind::Primary.span(excerpt.span.clone())),
            ),
            None => {
                let origin = Origin::path(path.as_str());
                let origin = if d.line > 0 {
                    origin.line(d.line).char_column(d.column)
                } else {
                    origin
                };
                title.element(origin)
            }
        };
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod render_tests {
    use super::*;

    #[test]
    fn renders_file_line_column_the_line_and_a_caret() {
        let source = "[document]\nsource = \"a.txt\"\n\n[[commitment]]\nstauts = \"open\"\n";
        let at = source.find("stauts").unwrap_or(0);
        let d = Diagnostic::at(
            "unknown-key",
            Severity::Error,
            "commitments/a.toml",
            source,
            at..at + 6,
            "unknown key `stauts`",
        )
        .with_help("did you mean `status`?");
        insta::assert_snapshot!(render(&[d]));
    }

    #[test]
    fn renders_a_whole_file_problem() {
        let d = Diagnostic::file(
            "missing-document",
            Severity::Error,
            "commitments/a.toml",
            "no [document] table",
        );
        insta::assert_snapshot!(render(&[d]));
    }

    #[test]
    fn excerpt_is_cut_to_the_line_and_to_characters() {
        let source = "a = 1\né = \"x\"\r\nb = 2";
        let e = Excerpt::new(source, &(6..source.len()));
        assert_eq!(e.line, 2);
        assert_eq!(e.text, "é = \"x\"");
        assert_eq!(e.span, 0..e.text.len());
        let e = Excerpt::new(source, &(999..1000));
        assert_eq!(e.line, 3);
    }

    #[test]
    fn did_you_mean_finds_typos_only() {
        assert_eq!(
            did_you_mean("stauts", ["status", "note"]).as_deref(),
            Some("did you mean `status`?")
        );
        assert_eq!(did_you_mean("xyz", ["status", "note"]), None);
    }
}
