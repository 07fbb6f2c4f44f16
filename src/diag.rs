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

/// Renders diagnostics for a terminal: `file:line:col: severity[code]: message`, then the
/// offending line with a caret. (Provisional; the validate work renders with
/// annotate-snippets.)
pub fn render(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let severity = match d.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        out.push_str(&format!(
            "{}:{}:{}: {}[{}]: {}\n",
            d.file.display(),
            d.line,
            d.column,
            severity,
            d.code,
            d.message
        ));
    }
    out
}
