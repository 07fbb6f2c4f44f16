//! The terminal table, drawn by comfy-table: it fits the terminal's width by wrapping the long
//! columns, and colours the status only when asked to (a terminal, never with NO_COLOR).

use std::borrow::Cow;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};
use unicode_width::UnicodeWidthStr;

use super::{Report, Row, render};
use crate::record::Status;
use crate::store::parallel;

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

/// Rows drawn by one comfy-table at a time. A table up to this long is drawn in one piece;
/// a longer one is drawn in pieces of this many rows on every core and stitched, since
/// comfy-table's work grows with every cell and one piece of 100,000 rows took over a second.
const CHUNK_ROWS: usize = 1_000;

/// How many rows per column and cell width go into the table that decides the layout of a
/// long table (see [`layout`]).
const SAMPLES_PER_WIDTH: usize = 3;

/// A table set up as every table of the report: style, colour, and either fitted to
/// `options.width` or as wide as its content.
fn new_table(options: &TableOptions, shown: [bool; 7], header: bool) -> Table {
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
    if header {
        table.set_header(keep(HEADERS.map(Cell::new), shown));
    }
    table
}

fn keep(cells: [Cell; 7], shown: [bool; 7]) -> Vec<Cell> {
    cells
        .into_iter()
        .zip(shown)
        .filter_map(|(c, s)| s.then_some(c))
        .collect()
}

fn add_row(
    table: &mut Table,
    row: &Row,
    texts: &[Cow<str>; 7],
    options: &TableOptions,
    shown: [bool; 7],
) {
    let mut cells = texts.clone().map(Cell::new);
    if options.color {
        let [.., status, days, _] = &mut cells;
        *status = std::mem::replace(status, Cell::new("")).fg(status_color(row.status));
        if row.overdue {
            *days = std::mem::replace(days, Cell::new("")).fg(Color::Red);
        }
    }
    table.add_row(keep(cells, shown));
}

/// Appends every line of `table` but the first `skip_first` and the last `skip_last`, each
/// ending with a new line.
fn push_lines(out: &mut String, table: &Table, skip_first: bool, skip_last: bool) {
    let mut lines = table.lines().skip(usize::from(skip_first)).peekable();
    while let Some(line) = lines.next() {
        if skip_last && lines.peek().is_none() {
            break;
        }
        out.push_str(&line);
        out.push('\n');
    }
}

/// Display width of a cell as comfy-table measures it: its widest line.
fn cell_width(text: &str) -> usize {
    // Printable ASCII, most cells, is one column a byte.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.len();
    }
    text.split('\n')
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// Column widths (padding included) of a long table, as comfy-table lays out a table of the
/// header and, for each column and each cell width found in it, the first rows with a cell
/// that wide. Without a width to fit, a column is as wide as its widest cell, which that
/// table holds: the layout is the one of the whole table. Fitted to a width, comfy-table
/// also looks at where the long cells would wrap, which those rows show as well as the
/// whole table does in practice (the 100,000-row benchmark tracker comes out byte for byte
/// as drawn in one piece at 80, 120 and 160 columns).
fn layout(pieces: &[Piece], options: &TableOptions, shown: [bool; 7]) -> Vec<u16> {
    // Rows taken so far per column and cell width.
    let mut taken: [Vec<usize>; 7] = Default::default();
    let mut table = new_table(options, shown, true);
    let uncoloured = TableOptions {
        color: false,
        ..*options
    };
    for piece in pieces {
        for ((row, texts), widths) in piece.rows.iter().zip(&piece.texts).zip(&piece.widths) {
            let mut wanted = false;
            for (column, &width) in widths.iter().enumerate().filter(|(c, _)| shown[*c]) {
                let counts = &mut taken[column];
                if counts.len() <= width {
                    counts.resize(width + 1, 0);
                }
                if counts[width] < SAMPLES_PER_WIDTH {
                    counts[width] += 1;
                    wanted = true;
                }
            }
            if wanted {
                add_row(&mut table, row, texts, &uncoloured, shown);
            }
        }
    }
    // The top border draws each column as wide as comfy-table made it.
    let top = table.lines().next().unwrap_or_default();
    let inner = top.trim_start_matches('┌').trim_end_matches('┐');
    inner
        .split('┬')
        .map(|column| u16::try_from(column.chars().count()).unwrap_or(u16::MAX))
        .collect()
}

/// Rows of a long table with the text of their cells.
struct Piece<'r, 'a> {
    rows: &'r [Row<'a>],
    texts: Vec<[Cow<'a, str>; 7]>,
    /// The width of each cell, as comfy-table measures it.
    widths: Vec<[usize; 7]>,
}

fn draw(rows: &[Row], options: &TableOptions, out: &mut String) {
    if rows.len() <= CHUNK_ROWS {
        draw_in_one(rows, options, out);
    } else {
        draw_in_pieces(rows, options, out);
    }
}

fn draw_in_one(rows: &[Row], options: &TableOptions, out: &mut String) {
    let shown = shown_columns(options.width);
    let mut table = new_table(options, shown, true);
    for row in rows {
        add_row(&mut table, row, &cells(row), options, shown);
    }
    push_lines(out, &table, false, false);
}

fn draw_in_pieces(rows: &[Row], options: &TableOptions, out: &mut String) {
    let shown = shown_columns(options.width);
    let pieces = parallel::map_chunks(rows, CHUNK_ROWS, |rows| {
        let texts: Vec<[Cow<str>; 7]> = rows.iter().map(cells).collect();
        let widths = texts
            .iter()
            .map(|t| t.each_ref().map(|c| cell_width(c)))
            .collect();
        Piece {
            rows,
            texts,
            widths,
        }
    });
    let widths = layout(&pieces, options, shown);
    let last = pieces.len() - 1;
    let indexed: Vec<(usize, &Piece)> = pieces.iter().enumerate().collect();
    let drawn = parallel::map(&indexed, |(i, piece)| {
        let mut table = new_table(options, shown, *i == 0);
        for (row, texts) in piece.rows.iter().zip(&piece.texts) {
            add_row(&mut table, row, texts, options, shown);
        }
        table
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_constraints(
                widths
                    .iter()
                    .map(|w| ColumnConstraint::Absolute(Width::Fixed(*w))),
            );
        let mut text = String::new();
        // Pieces join where the bottom border of one and the top border of the next were.
        push_lines(&mut text, &table, *i > 0, *i < last);
        text
    });
    out.reserve(drawn.iter().map(String::len).sum());
    drawn.iter().for_each(|text| out.push_str(text));
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
        draw(&group.rows, options, &mut out);
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
    fn a_long_table_drawn_in_pieces_is_the_table_drawn_in_one() {
        use crate::extract::Strength;
        use crate::record::{Record, RecordFile};
        let words = [
            "Les",
            "deux",
            "parties",
            "renforceront",
            "la",
            "coopération",
            "cyber",
            "d'ici",
            "2026",
            "ÉTATS-UNIS",
            "résilience",
            "opérationnelle",
            "et",
            "l'Ukraine",
            "漢字",
        ];
        let records: Vec<Record> = (0..2_500)
            .map(|i| {
                let quote: Vec<&str> = (0..(i * 7) % 23 + 1)
                    .map(|k| words[(i + k * 3) % words.len()])
                    .collect();
                Record {
                    id: format!("doc-{}-{i}", "x".repeat(i % 37)),
                    quote: quote.join(" "),
                    previous_quote: None,
                    span: [0, 1],
                    actors: ["EU", "UA", "NATO\nFR"][..i % 3 + 1]
                        .iter()
                        .map(|a| a.to_string())
                        .collect(),
                    strength: Strength::Firm,
                    deadline: None,
                    made: None,
                    milestone: None,
                    rule: String::new(),
                    source_state: Default::default(),
                    status: Status::ALL[i % Status::ALL.len()],
                    status_date: None,
                    owner: None,
                    note: None,
                    evidence: Vec::new(),
                    tags: Vec::new(),
                    due: chrono::NaiveDate::from_ymd_opt(
                        2020 + (i % 9) as i32,
                        1 + (i % 12) as u32,
                        1,
                    ),
                    line: i,
                }
            })
            .collect();
        let file = RecordFile {
            path: "commitments/a.toml".into(),
            document: crate::record::DocumentMeta {
                source: "seeds/a.txt".into(),
                ..Default::default()
            },
            records,
        };
        let as_of = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default();
        let rows: Vec<Row> = file
            .records
            .iter()
            .map(|r| Row::new(&file, r, as_of))
            .collect();
        assert!(rows.len() > 2 * CHUNK_ROWS);
        for width in [None, Some(60), Some(100), Some(130), Some(160), Some(250)] {
            for color in [false, true] {
                let options = TableOptions { width, color };
                let (mut one, mut pieces) = (String::new(), String::new());
                draw_in_one(&rows, &options, &mut one);
                draw_in_pieces(&rows, &options, &mut pieces);
                assert!(one == pieces, "{options:?}");
            }
        }
    }

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
