//! The CI gate: findings about the tracker as of a date (overdue, due soon, unreviewed,
//! source changed or missing), as data, rendered as text, GitHub annotations, JUnit XML or
//! JSON. The gate fails when a finding is an error.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::record::{Record, RecordFile, SourceState, Status};
use crate::report::{days_left, display_path, shorten, to_json};
use crate::store::Tracker;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    Overdue,
    DueSoon,
    Unreviewed,
    SourceChanged,
    SourceMissing,
}

impl Code {
    pub const ALL: [Code; 5] = [
        Code::Overdue,
        Code::DueSoon,
        Code::Unreviewed,
        Code::SourceChanged,
        Code::SourceMissing,
    ];

    /// The stable, documented name.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Overdue => "overdue",
            Code::DueSoon => "due-soon",
            Code::Unreviewed => "unreviewed",
            Code::SourceChanged => "source-changed",
            Code::SourceMissing => "source-missing",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckOptions {
    pub as_of: NaiveDate,
    /// Warn about pending commitments due within this many days (0: due today).
    pub warn_within: u32,
    /// Unreviewed records and changed or missing sources are errors, not warnings.
    pub strict: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// The record file relative to the tracker root (`commitments/x.toml`) and the line of
    /// the record in it.
    pub file: String,
    pub line: usize,
    pub id: String,
    pub status: Status,
    pub due: Option<NaiveDate>,
    /// Days past the due date (overdue) or left until it (due soon).
    pub days: Option<i64>,
    pub message: String,
}

impl Finding {
    /// The same finding in the crate's common diagnostic form.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let mut diag =
            Diagnostic::file(self.code.as_str(), self.severity, &self.file, &self.message)
                .with_id(&self.id);
        diag.line = self.line;
        diag.column = usize::from(self.line > 0);
        diag
    }
}

/// One tracked commitment and whether it passes: a JUnit test case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case<'a> {
    pub id: &'a str,
    pub file: &'a Path,
    pub line: usize,
    pub status: Status,
    pub quote: &'a str,
    /// Its findings in `CheckReport::findings`.
    pub findings: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct CheckSummary {
    pub tracked: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Count of findings per code; codes with none are left out.
    pub by_code: BTreeMap<Code, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport<'a> {
    pub as_of: NaiveDate,
    pub warn_within: u32,
    pub strict: bool,
    /// True when the gate fails: some finding is an error.
    pub failed: bool,
    pub summary: CheckSummary,
    /// Sorted by file, line, then code.
    pub findings: Vec<Finding>,
    #[serde(skip)]
    pub cases: Vec<Case<'a>>,
}

impl CheckReport<'_> {
    /// 1 when the gate fails, 0 otherwise.
    pub fn exit_code(&self) -> u8 {
        u8::from(self.failed)
    }
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Pushes the record's findings in the order of `Code`.
fn findings_for(
    path: &str,
    file: &RecordFile,
    record: &Record,
    options: &CheckOptions,
    out: &mut Vec<Finding>,
) {
    let due = record.due_date();
    let strict_severity = if options.strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let finding = |code, severity, days, message: String| Finding {
        code,
        severity,
        file: path.to_string(),
        line: record.line,
        id: record.id.clone(),
        status: record.status,
        due,
        days,
        message,
    };
    if let (Some(left), Some(date)) = (days_left(record, options.as_of), due) {
        if left < 0 {
            let message = format!(
                "'{}' is overdue by {} (due {date}, status {})",
                record.id,
                plural(-left, "day"),
                record.status.as_str()
            );
            out.push(finding(
                Code::Overdue,
                Severity::Error,
                Some(-left),
                message,
            ));
        } else if left <= i64::from(options.warn_within) {
            let when = if left == 0 {
                "today".to_string()
            } else {
                format!("in {}", plural(left, "day"))
            };
            let message = format!(
                "'{}' is due {when} ({date}, status {})",
                record.id,
                record.status.as_str()
            );
            out.push(finding(
                Code::DueSoon,
                Severity::Warning,
                Some(left),
                message,
            ));
        }
    }
    if record.status == Status::Proposed {
        let message = format!("'{}' has not been reviewed (status proposed)", record.id);
        out.push(finding(Code::Unreviewed, strict_severity, None, message));
    }
    match record.source_state {
        SourceState::Current => {}
        SourceState::Changed => {
            let message = format!(
                "the source sentence of '{}' was reworded in {}",
                record.id, file.document.source
            );
            out.push(finding(Code::SourceChanged, strict_severity, None, message));
        }
        SourceState::Missing => {
            let message = format!(
                "the source sentence of '{}' is gone from {}",
                record.id, file.document.source
            );
            out.push(finding(Code::SourceMissing, strict_severity, None, message));
        }
    }
}

pub fn check<'a>(tracker: &'a Tracker, options: &CheckOptions) -> CheckReport<'a> {
    let mut records: Vec<(&RecordFile, &Record)> = tracker.records().collect();
    // Findings come out sorted by file, line and id, then in the order of `Code`.
    records.sort_by(|a, b| (&a.0.path, a.1.line, &a.1.id).cmp(&(&b.0.path, b.1.line, &b.1.id)));
    let mut findings = Vec::new();
    let mut cases = Vec::with_capacity(records.len());
    let mut path: Option<(&Path, String)> = None;
    for (file, record) in records {
        let shown = match &path {
            Some((p, shown)) if *p == file.path.as_path() => shown,
            _ => &path.insert((&file.path, display_path(&file.path))).1,
        };
        let first = findings.len();
        findings_for(shown, file, record, options, &mut findings);
        cases.push(Case {
            id: &record.id,
            file: &file.path,
            line: record.line,
            status: record.status,
            quote: &record.quote,
            findings: first..findings.len(),
        });
    }

    let mut summary = CheckSummary {
        tracked: cases.len(),
        ..CheckSummary::default()
    };
    for f in &findings {
        match f.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
        }
        *summary.by_code.entry(f.code).or_default() += 1;
    }
    CheckReport {
        as_of: options.as_of,
        warn_within: options.warn_within,
        strict: options.strict,
        failed: summary.errors > 0,
        summary,
        findings,
        cases,
    }
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

impl CheckSummary {
    /// `12 commitments checked: 1 error, 2 warnings (1 overdue, 2 due-soon)`.
    pub fn line(&self) -> String {
        let mut out = format!(
            "{} checked: {}, {}",
            plural(self.tracked as i64, "commitment"),
            plural(self.errors as i64, "error"),
            plural(self.warnings as i64, "warning")
        );
        if !self.by_code.is_empty() {
            let counts = crate::report::count_list(&self.by_code, |c| c.as_str());
            out.push_str(&format!(" ({counts})"));
        }
        out
    }
}

/// `commitments/x.toml:12: error[overdue]: ...`, one per finding, then the summary.
pub fn render_text(report: &CheckReport) -> String {
    let mut out = String::new();
    for f in &report.findings {
        out.push_str(&format!(
            "{}:{}: {}[{}]: {}\n",
            f.file,
            f.line,
            severity_word(f.severity),
            f.code.as_str(),
            f.message
        ));
    }
    if !report.findings.is_empty() {
        out.push('\n');
    }
    let verdict = if report.failed { "FAILED" } else { "ok" };
    out.push_str(&format!(
        "{verdict}: {} (as of {}",
        report.summary.line(),
        report.as_of
    ));
    if report.strict {
        out.push_str(", strict");
    }
    out.push_str(")\n");
    out
}

/// Escapes a GitHub workflow command's message (`%`, CR, LF) or property (also `:` and `,`).
fn gh_escape(text: &str, property: bool) -> String {
    let mut out = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

/// One GitHub Actions workflow command per finding, then the summary as a notice.
pub fn render_github(report: &CheckReport) -> String {
    let mut out = String::new();
    for f in &report.findings {
        out.push_str(&format!(
            "::{} file={},line={},title={}::{}\n",
            severity_word(f.severity),
            gh_escape(&f.file, true),
            f.line,
            gh_escape(&format!("pledge {}", f.code.as_str()), true),
            gh_escape(&f.message, false)
        ));
    }
    out.push_str(&format!(
        "::notice title=pledge check::{}\n",
        gh_escape(&report.summary.line(), false)
    ));
    out
}

/// Diagnostics about invalid records as GitHub annotations, so that CI shows them in place.
pub fn github_diagnostics(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&format!(
            "::{} file={},line={},col={},title={}::{}\n",
            severity_word(d.severity),
            gh_escape(&display_path(&d.file), true),
            d.line,
            d.column,
            gh_escape(&format!("pledge {}", d.code), true),
            gh_escape(&d.message, false)
        ));
    }
    out
}

/// Text for XML content and attribute values; characters XML 1.0 cannot carry are dropped.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// JUnit XML: a suite per record file, a test case per tracked commitment; errors are
/// failures, warnings go to the case's output.
pub fn render_junit(report: &CheckReport) -> String {
    let mut suites: BTreeMap<&Path, Vec<&Case>> = BTreeMap::new();
    for case in &report.cases {
        suites.entry(case.file).or_default().push(case);
    }
    let found = |case: &Case| {
        report
            .findings
            .get(case.findings.clone())
            .unwrap_or_default()
    };
    let failing = |case: &Case| found(case).iter().any(|f| f.severity == Severity::Error);
    let total_failures = report.cases.iter().filter(|c| failing(c)).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"pledge check\" tests=\"{}\" failures=\"{total_failures}\" errors=\"0\">\n",
        report.cases.len()
    ));
    // Suites are written on every core: JUnit of 100,000 commitments took 0.2 s on one.
    let suites: Vec<(&Path, Vec<&Case>)> = suites.into_iter().collect();
    let written = crate::store::parallel::map(&suites, |(file, cases)| {
        let mut out = String::new();
        let file = xml_escape(&display_path(file));
        let failures = cases.iter().filter(|c| failing(c)).count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\" timestamp=\"{}T00:00:00\">\n",
            file,
            cases.len(),
            report.as_of
        ));
        for case in cases {
            out.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
                xml_escape(case.id),
                file,
                file,
                case.line
            ));
            let found = found(case);
            if found.is_empty() {
                out.push_str("/>\n");
                continue;
            }
            out.push_str(">\n");
            let mut output = Vec::new();
            for f in found {
                let where_ = format!("{}:{}", f.file, f.line);
                if f.severity == Severity::Error {
                    out.push_str(&format!(
                        "      <failure type=\"{}\" message=\"{}\">{}: {}\n{}</failure>\n",
                        f.code.as_str(),
                        xml_escape(&f.message),
                        xml_escape(&where_),
                        xml_escape(&f.message),
                        xml_escape(&shorten(case.quote, 300))
                    ));
                } else {
                    output.push(format!(
                        "warning[{}] {where_}: {}",
                        f.code.as_str(),
                        f.message
                    ));
                }
            }
            if !output.is_empty() {
                out.push_str(&format!(
                    "      <system-out>{}</system-out>\n",
                    xml_escape(&output.join("\n"))
                ));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
        out
    });
    out.reserve(written.iter().map(String::len).sum());
    written.iter().for_each(|suite| out.push_str(suite));
    out.push_str("</testsuites>\n");
    out
}

pub fn render_json(report: &CheckReport) -> String {
    to_json(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escape_handles_markup_and_control_characters() {
        assert_eq!(
            xml_escape("a<b & \"c\" 'd'>\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
    }

    #[test]
    fn github_escape_keeps_commands_on_one_line() {
        assert_eq!(gh_escape("50% done\nnext", false), "50%25 done%0Anext");
        assert_eq!(gh_escape("a:b,c", true), "a%3Ab%2Cc");
    }

    #[test]
    fn codes_are_stable() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            names,
            [
                "overdue",
                "due-soon",
                "unreviewed",
                "source-changed",
                "source-missing"
            ]
        );
        assert_eq!(
            serde_json::to_string(&Code::DueSoon).unwrap(),
            "\"due-soon\""
        );
    }
}
