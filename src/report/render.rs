//! Renderers of the status report for documents and programs: Markdown, CSV and JSON.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

use std::path::Path;

use super::table::{HEADERS, cells};
use super::{Group, Report, Row, display_path};
use crate::record::SourceState;
use crate::store::parallel;

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
    let mut out = String::with_capacity(text.len());
    push_md_cell(&mut out, text, false);
    out
}

/// Appends `text` as a Markdown cell: white space collapsed to single spaces, `\` and `|`
/// escaped, `<` and `>` as entities, and without backticks when asked (for a code span).
fn push_md_cell(out: &mut String, text: &str, drop_backticks: bool) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if !word.contains(['\\', '|', '<', '>', '`']) {
            out.push_str(word);
            continue;
        }
        for c in word.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '|' => out.push_str("\\|"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '`' if drop_backticks => {}
                c => out.push(c),
            }
        }
    }
}

/// Rows rendered per piece of work when a report is rendered on every core.
const ROWS_PER_PIECE: usize = 2_000;

/// `render` over pieces of `rows` on every core, appended to `out` in order.
fn push_rows_in_parallel<'a>(
    out: &mut String,
    rows: &[Row<'a>],
    render: impl Fn(&mut String, &[Row<'a>]) + Sync,
) {
    let pieces = parallel::map_chunks(rows, ROWS_PER_PIECE, |rows| {
        let mut text = String::new();
        render(&mut text, rows);
        text
    });
    out.reserve(pieces.iter().map(String::len).sum());
    pieces.iter().for_each(|piece| out.push_str(piece));
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
        push_rows_in_parallel(&mut out, &group.rows, |out, rows| {
            for row in rows {
                let [id, rest @ ..] = cells(row);
                out.push_str("| `");
                push_md_cell(out, &id, true);
                out.push('`');
                for text in rest {
                    out.push_str(" | ");
                    push_md_cell(out, &text, false);
                }
                out.push_str(" |\n");
            }
        });
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
    for group in &report.groups {
        let key = grouped.then(|| group.key.as_deref().unwrap_or(""));
        push_rows_in_parallel(&mut out, &group.rows, |out, rows| {
            out.reserve(rows.len() * 320);
            // Rows of a file come together: convert its path once.
            let mut file = (Path::new(""), String::new());
            for row in rows {
                if file.0 != row.file {
                    file = (row.file, display_path(row.file));
                }
                push_csv_row(out, key, row, &file.1);
            }
        });
    }
    out
}

fn push_csv_row(out: &mut String, group: Option<&str>, row: &Row, file: &str) {
    if let Some(key) = group {
        push_csv_text(out, key);
        out.push(',');
    }
    let due = row.deadline.as_ref();
    push_csv_text(out, row.id);
    out.push(',');
    push_csv_text(out, &row.actors.join("; "));
    out.push(',');
    push_csv_text(out, row.quote);
    out.push(',');
    if let Some(d) = due {
        push_plain(out, d.date);
    }
    out.push(',');
    out.push_str(due.map_or("", |d| d.precision.map_or("set", |p| p.as_str())));
    out.push(',');
    push_csv_text(out, due.and_then(|d| d.text).unwrap_or(""));
    out.push(',');
    out.push_str(row.status.as_str());
    out.push(',');
    if let Some(days) = row.days_left {
        push_plain(out, days);
    }
    out.push(',');
    push_plain(out, row.overdue);
    out.push(',');
    out.push_str(row.strength.as_str());
    out.push(',');
    push_csv_text(out, row.made.unwrap_or(""));
    out.push(',');
    push_csv_text(out, row.source);
    out.push(',');
    out.push_str(match row.source_state {
        SourceState::Current => "current",
        SourceState::Changed => "changed",
        SourceState::Missing => "missing",
    });
    out.push(',');
    push_csv_text(out, file);
    out.push(',');
    push_plain(out, row.line);
    out.push('\n');
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

/// The JSON form of the report, as `to_json` writes it; the rows, which are nearly all of
/// it, are written on every core and set in place of the empty `rows` arrays of a copy of
/// the report without them.
pub fn json(report: &Report) -> String {
    const EMPTY_ROWS: &str = "\"rows\": []";
    // Where serde_json's pretty printer puts a row: in `groups[i].rows`, four levels down.
    const ROW_INDENT: &str = "\n        ";
    let bare = Report {
        groups: report
            .groups
            .iter()
            .map(|g| Group {
                key: g.key.clone(),
                rows: Vec::new(),
            })
            .collect(),
        as_of: report.as_of,
        sort: report.sort,
        group_by: report.group_by,
        summary: report.summary.clone(),
    };
    let skeleton = to_json(&bare);
    // Group keys are escaped strings: an unescaped `"rows": []` is only ever the field.
    if skeleton.matches(EMPTY_ROWS).count() != report.groups.len() {
        return to_json(report);
    }
    let mut out = String::with_capacity(skeleton.len() + report.summary.total * 700);
    let mut rest = skeleton.as_str();
    for group in &report.groups {
        let Some(at) = rest.find(EMPTY_ROWS) else {
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + EMPTY_ROWS.len()..];
        if group.rows.is_empty() {
            out.push_str(EMPTY_ROWS);
            continue;
        }
        out.push_str("\"rows\": [");
        push_rows_in_parallel(&mut out, &group.rows, |out, rows| {
            for row in rows {
                // A row holds only strings, numbers and dates: it always serialises.
                let text = serde_json::to_string_pretty(row).unwrap_or_default();
                out.push_str(ROW_INDENT);
                out.push_str(&text.replace('\n', ROW_INDENT));
                out.push(',');
            }
        });
        // Every row was followed by a comma; the last one is not.
        out.pop();
        out.push_str("\n      ]");
    }
    out.push_str(rest);
    out
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
        assert_eq!(md_cell(" a\\b  `c` "), "a\\\\b `c`");
        let mut code = String::new();
        push_md_cell(&mut code, "x ` y`|", true);
        assert_eq!(code, "x  y\\|");
    }
}
