//! Renderers of the status report: a terminal table, Markdown, CSV and JSON.

use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde::Serialize;

use super::{Group, Report, Row};
use crate::record::Status;

/// Longest commitment text shown in the table and in Markdown, in characters.
const QUOTE_WIDTH: usize = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableOptions {
    /// Total width in columns: `None` takes the terminal's width when printing to one and
    /// leaves the table unbounded otherwise.
    pub width: Option<u16>,
    /// Fixed width even on a terminal (tests, `COLUMNS`).
    pub fixed: bool,
    pub color: bool,
}

/// Collapses white space and cuts at a word boundary to at most `max` characters, with an
/// ellipsis when something was cut.
pub fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let keep: String = flat.chars().take(max.saturating_sub(1)).collect();
    let cut = match keep.rfind(' ') {
        Some(i) if keep[..i].chars().count() >= max / 2 => &keep[..i],
        _ => keep.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

const HEADERS: [&str; 7] = [
    "ID",
    "Actors",
    "Commitment",
    "Deadline",
    "Status",
    "Days",
    "Source",
];

fn cells(row: &Row) -> [String; 7] {
    [
        row.id.clone(),
        row.actors.join(", "),
        shorten(&row.quote, QUOTE_WIDTH),
        row.deadline.as_ref().map(|d| d.label()).unwrap_or_default(),
        row.status.as_str().to_string(),
        row.days_label(),
        row.source.clone(),
    ]
}

fn status_color(status: Status) -> Color {
    match status {
        Status::Proposed => Color::Yellow,
        Status::Open | Status::InProgress => Color::Cyan,
        Status::Done => Color::Green,
        Status::Partial => Color::Magenta,
        Status::Missed => Color::Red,
        Status::Dropped | Status::Rejected | Status::Superseded => Color::DarkGrey,
    }
}

fn group_title(report: &Report, group: &Group) -> Option<String> {
    let key = group.key.as_ref()?;
    let by = report.group_by.map_or("group", |g| g.as_str());
    Some(format!("{by}: {key} ({})", group.rows.len()))
}

pub fn table(report: &Report, options: &TableOptions) -> String {
    let mut out = String::new();
    for group in &report.groups {
        if let Some(title) = group_title(report, group) {
            out.push_str(&title);
            out.push('\n');
        }
        if group.rows.is_empty() {
            out.push_str("No commitment matches.\n");
            continue;
        }
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if options.fixed || options.width.is_some() {
            table.force_no_tty();
        }
        if let Some(width) = options.width {
            table.set_width(width);
        }
        if options.color {
            table.enforce_styling();
        }
        table.set_header(HEADERS);
        table.set_constraints(constraints(&table));
        for row in &group.rows {
            let mut texts = cells(row).into_iter().map(Cell::new).collect::<Vec<_>>();
            if options.color {
                texts[4] = Cell::new(row.status.as_str()).fg(status_color(row.status));
                if row.overdue {
                    texts[5] = Cell::new(row.days_label()).fg(Color::Red);
                }
            }
            table.add_row(texts);
        }
        out.push_str(&table.to_string());
        out.push('\n');
        if group.key.is_some() {
            out.push('\n');
        }
    }
    out.push_str(&report.summary.line());
    out.push_str(&format!(" (as of {})\n", report.as_of));
    out
}

/// Below these widths the source, then the actors, are left out: the record id already
/// says where a commitment comes from and whom it binds, and the quote needs the room.
const WIDTH_FOR_SOURCE: u16 = 150;
const WIDTH_FOR_ACTORS: u16 = 110;

/// Dates, statuses and day counts stay on one line where there is room; the quote and the
/// id wrap.
fn constraints(table: &Table) -> Vec<ColumnConstraint> {
    let width = table.width();
    let shown_from = |min: u16, otherwise: ColumnConstraint| match width {
        Some(w) if w < min => ColumnConstraint::Hidden,
        _ => otherwise,
    };
    let one_line = match width {
        Some(w) if w < 100 => ColumnConstraint::LowerBoundary(Width::Fixed(8)),
        _ => ColumnConstraint::ContentWidth,
    };
    vec![
        ColumnConstraint::LowerBoundary(Width::Fixed(12)),
        shown_from(
            WIDTH_FOR_ACTORS,
            ColumnConstraint::UpperBoundary(Width::Fixed(24)),
        ),
        ColumnConstraint::LowerBoundary(Width::Fixed(20)),
        one_line,
        one_line,
        one_line,
        shown_from(
            WIDTH_FOR_SOURCE,
            ColumnConstraint::UpperBoundary(Width::Fixed(40)),
        ),
    ]
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

/// A CSV text cell: quoted when needed, and neutralised with a leading `'` when a
/// spreadsheet would read it as a formula.
fn csv_text(text: &str) -> String {
    let neutral = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

pub fn csv(report: &Report) -> String {
    let grouped = report.group_by.is_some();
    let mut out = String::new();
    if grouped {
        out.push_str("group,");
    }
    out.push_str(
        "id,actors,quote,deadline,precision,deadline_text,status,days_left,overdue,strength,made,source,source_state,file,line\n",
    );
    for group in &report.groups {
        for row in &group.rows {
            let mut cells: Vec<String> = Vec::with_capacity(16);
            if grouped {
                cells.push(csv_text(group.key.as_deref().unwrap_or("")));
            }
            let due = row.deadline.as_ref();
            cells.push(csv_text(&row.id));
            cells.push(csv_text(&row.actors.join("; ")));
            cells.push(csv_text(&row.quote));
            cells.push(due.map(|d| d.date.to_string()).unwrap_or_default());
            cells.push(
                due.map_or("", |d| d.precision.map_or("set", |p| p.as_str()))
                    .to_string(),
            );
            cells.push(csv_text(due.and_then(|d| d.text.as_deref()).unwrap_or("")));
            cells.push(row.status.as_str().to_string());
            // A number, not text: a spreadsheet must see -3, not '-3.
            cells.push(row.days_left.map(|d| d.to_string()).unwrap_or_default());
            cells.push(row.overdue.to_string());
            cells.push(row.strength.as_str().to_string());
            cells.push(csv_text(row.made.as_deref().unwrap_or("")));
            cells.push(csv_text(&row.source));
            cells.push(format!("{:?}", row.source_state).to_lowercase());
            cells.push(csv_text(&row.file));
            cells.push(row.line.to_string());
            out.push_str(&cells.join(","));
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
