//! Renderers of the status report for documents and programs: Markdown, CSV and JSON.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

use super::table::{HEADERS, cells};
use super::{Group, Report, display_path};
use crate::record::SourceState;

/// Longest commitment text shown in the table and in Markdown, in characters.
pub(super) const QUOTE_WIDTH: usize = 90;

/// Collapses white space and cuts at a word boundary to at most `max` characters, with an
/// ellipsis when something was cut.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    let tidy = !text.contains(['\n', '\r', '\t']) && !text.contains("  ") && text.trim() == text;
    if tidy && text.len() <= max {
        // Fewer bytes than `max` means fewer characters too.
        return Cow::Borrowed(text);
    }
    let flat = if tidy {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    if flat.chars().count() <= max {
        return flat;
    }
    let keep: String = flat.chars().take(max.saturating_sub(1)).collect();
    let cut = match keep.rfind(' ') {
        Some(i) if keep[..i].chars().count() >= max / 2 => &keep[..i],
        _ => keep.as_str(),
    };
    Cow::Owned(format!("{}…", cut.trim_end_matches([' ', ',', ';', ':'])))
}

pub(super) fn group_title(report: &Report, group: &Group) -> Option<String> {
    let key = group.key.as_ref()?;
    let by = report.group_by.map_or("group", |g| g.as_str());
    Some(format!("{by}: {key} ({})", group.rows.len()))
}

/// A Markdown cell: one line, no table breaking pipes, no HTML.
fn md_cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    for group in &report.groups {
        if let Some(title) = group_title(report, group) {
            out.push_str(&format!("### {}\n\n", md_cell(&title)));
        }
        if group.rows.is_empty() {
            out.push_str("No commitment matches.\n\n");
            continue;
        }
        out.push_str(&format!("| {} |\n", HEADERS.join(" | ")));
        out.push_str("|---|---|---|---|---|--:|---|\n");
        for row in &group.rows {
            let mut texts = cells(row).map(|c| md_cell(&c));
            texts[0] = format!("`{}`", texts[0].replace('`', ""));
            out.push_str(&format!("| {} |\n", texts.join(" | ")));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "**{}** (as of {})\n",
        md_cell(&report.summary.line()),
        report.as_of
    ));
    out
}

/// Appends a CSV text cell: quoted when needed, and neutralised with a leading `'` when a
/// spreadsheet would read it as a formula.
fn push_csv_text(out: &mut String, text: &str) {
    let quoted = text
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if quoted {
        out.push('"');
    }
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    if quoted {
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// Plain cells: numbers, dates and our own keywords, which need neither quotes nor
/// neutralising (a spreadsheet must see -3, not '-3).
fn push_plain(out: &mut String, cell: impl std::fmt::Display) {
    let _ = write!(out, "{cell}");
}

pub fn csv(report: &Report) -> String {
    let grouped = report.group_by.is_some();
    let mut out = String::with_capacity(report.summary.total * 320 + 160);
    if grouped {
        out.push_str("group,");
    }
    out.push_str(
        "id,actors,quote,deadline,precision,deadline_text,status,days_left,overdue,strength,made,source,source_state,file,line\n",
    );
    // Rows of a file come together: convert its path once.
    let mut file = (std::path::Path::new(""), String::new());
    for group in &report.groups {
        for row in &group.rows {
            if grouped {
                push_csv_text(&mut out, group.key.as_deref().unwrap_or(""));
                out.push(',');
            }
            let due = row.deadline.as_ref();
            push_csv_text(&mut out, row.id);
            out.push(',');
            push_csv_text(&mut out, &row.actors.join("; "));
            out.push(',');
            push_csv_text(&mut out, row.quote);
            out.push(',');
            if let Some(d) = due {
                push_plain(&mut out, d.date);
            }
            out.push(',');
            out.push_str(due.map_or("", |d| d.precision.map_or("set", |p| p.as_str())));
            out.push(',');
            push_csv_text(&mut out, due.and_then(|d| d.text).unwrap_or(""));
            out.push(',');
            out.push_str(row.status.as_str());
            out.push(',');
            if let Some(days) = row.days_left {
                push_plain(&mut out, days);
            }
            out.push(',');
            push_plain(&mut out, row.overdue);
            out.push(',');
            out.push_str(row.strength.as_str());
            out.push(',');
            push_csv_text(&mut out, row.made.unwrap_or(""));
            out.push(',');
            push_csv_text(&mut out, row.source);
            out.push(',');
            out.push_str(match row.source_state {
                SourceState::Current => "current",
                SourceState::Changed => "changed",
                SourceState::Missing => "missing",
            });
            out.push(',');
            if file.0 != row.file {
                file = (row.file, display_path(row.file));
            }
            push_csv_text(&mut out, &file.1);
            out.push(',');
            push_plain(&mut out, row.line);
            out.push('\n');
        }
    }
    out
}

/// Pretty JSON of any report model, with a final newline.
pub fn to_json<T: Serialize>(value: &T) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Our models only hold strings, numbers, dates and string-keyed maps.
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

pub fn json(report: &Report) -> String {
    to_json(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_words_and_char_boundaries() {
        assert_eq!(shorten("a  b\n c", 10), "a b c");
        assert_eq!(shorten("l'été sera chaud et long", 12), "l'été sera…");
        assert_eq!(shorten("ééééééééééééé", 5), "éééé…");
        assert_eq!(shorten("", 5), "");
        assert_eq!(shorten("abc", 0), "…");
    }

    #[test]
    fn csv_neutralises_formulas_and_quotes() {
        let csv_text = |text: &str| {
            let mut out = String::new();
            push_csv_text(&mut out, text);
            out
        };
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_text("+1"), "'+1");
        assert_eq!(csv_text("-x"), "'-x");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("a, b"), "\"a, b\"");
        assert_eq!(csv_text("plain"), "plain");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md_cell("a | b\n<script>"), "a \\| b &lt;script&gt;");
    }
}
