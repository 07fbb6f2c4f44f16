//! The terminal table, drawn by comfy-table: it fits the terminal's width by wrapping the long
//! columns, and colours the status only when asked to (a terminal, never with NO_COLOR).

use std::borrow::Cow;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, Color, ContentArrangement, Table};

use super::{Report, Row, render};
use crate::record::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableOptions {
    /// Total width in columns; `None` leaves the table as wide as its content.
    pub width: Option<u16>,
    pub color: bool,
}

pub(super) const HEADERS: [&str; 7] = [
    "ID",
    "Actors",
    "Commitment",
    "Deadline",
    "Status",
    "Days",
    "Source",
];

/// Below these widths the source, then the actors, are left out: the record id already
/// says where a commitment comes from and whom it binds, and the quote needs the room.
const WIDTH_FOR_SOURCE: usize = 150;
const WIDTH_FOR_ACTORS: usize = 110;

pub(super) fn cells<'a>(row: &Row<'a>) -> [Cow<'a, str>; 7] {
    let actors = match row.actors {
        [one] => Cow::Borrowed(one.as_str()),
        many => Cow::Owned(many.join(", ")),
    };
    [
        Cow::Borrowed(row.id),
        actors,
        render::shorten(row.quote, render::QUOTE_WIDTH),
        row.deadline
            .as_ref()
            .map(|d| Cow::Owned(d.label()))
            .unwrap_or_default(),
        Cow::Borrowed(row.status.as_str()),
        Cow::Owned(row.days_label()),
        Cow::Borrowed(row.source),
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

/// Which columns a table of `width` columns shows.
fn shown_columns(width: Option<u16>) -> [bool; 7] {
    let mut shown = [true; 7];
    if let Some(w) = width.map(usize::from) {
        shown[6] = w >= WIDTH_FOR_SOURCE;
        shown[1] = w >= WIDTH_FOR_ACTORS;
    }
    shown
}

fn draw(rows: &[Row], options: &TableOptions) -> String {
    let shown = shown_columns(options.width);
    let keep = |cells: [Cell; 7]| -> Vec<Cell> {
        cells
            .into_iter()
            .zip(shown)
            .filter_map(|(c, s)| s.then_some(c))
            .collect()
    };
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED).force_no_tty();
    match options.width {
        Some(width) => {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if options.color {
        table.enforce_styling();
    }
    table.set_header(keep(HEADERS.map(Cell::new)));
    for row in rows {
        let [id, actors, quote, deadline, status, days, source] = cells(row);
        let mut status = Cell::new(status);
        let mut days = Cell::new(days);
        if options.color {
            status = status.fg(status_color(row.status));
            if row.overdue {
                days = days.fg(Color::Red);
            }
        }
        table.add_row(keep([
            Cell::new(id),
            Cell::new(actors),
            Cell::new(quote),
            Cell::new(deadline),
            status,
            days,
            Cell::new(source),
        ]));
    }
    table.to_string()
}

pub fn table(report: &Report, options: &TableOptions) -> String {
    let mut out = String::new();
    for group in &report.groups {
        if let Some(title) = render::group_title(report, group) {
            out.push_str(&title);
            out.push('\n');
        }
        if group.rows.is_empty() {
            out.push_str("No commitment matches.\n");
            continue;
        }
        out.push_str(&draw(&group.rows, options));
        out.push('\n');
        if group.key.is_some() {
            out.push('\n');
        }
    }
    out.push_str(&report.summary.line());
    out.push_str(&format!(" (as of {})\n", report.as_of));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_tables_drop_the_source_then_the_actors() {
        assert_eq!(shown_columns(None), [true; 7]);
        assert_eq!(shown_columns(Some(160)), [true; 7]);
        assert_eq!(
            shown_columns(Some(120)),
            [true, true, true, true, true, true, false]
        );
        assert_eq!(
            shown_columns(Some(80)),
            [true, false, true, true, true, true, false]
        );
    }
}
