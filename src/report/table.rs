//! The terminal table. It draws comfy-table's `UTF8_FULL_CONDENSED` style itself: comfy-table
//! keeps every wrapped line of every cell of the whole table in memory and took seconds over
//! 100,000 records, where this takes a fraction of one.

use std::borrow::Cow;

use super::{Report, Row, render};
use crate::record::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableOptions {
    /// Total width in columns; `None` leaves the table as wide as its content.
    pub width: Option<u16>,
    pub color: bool,
}

/// Columns a text takes on a terminal; printable ASCII, by far the common case, is counted
/// without the Unicode tables.
fn text_width(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.len();
    }
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    // Latin letters with accents and the typographic punctuation of French text (’ « » – …)
    // are one column each, without a look-up in the Unicode tables.
    if matches!(c, ' '..='~' | '\u{a0}'..='\u{2ff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
    {
        1
    } else {
        unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
    }
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
const STATUS: usize = 4;
const DAYS: usize = 5;

/// Below these widths the source, then the actors, are left out: the record id already
/// says where a commitment comes from and whom it binds, and the quote needs the room.
const WIDTH_FOR_SOURCE: usize = 150;
const WIDTH_FOR_ACTORS: usize = 110;

/// How columns give way when the table is too wide, tier after tier: first the quote down to
/// 30 columns (ids are what people copy), then the quote, id, source and actors together down
/// to their minimum, then the deadline, days and status; past that the table overflows.
const SHRINK_TIERS: [([usize; 4], [usize; 7]); 3] = [
    ([2, 2, 2, 2], [0, 0, 30, 0, 0, 0, 0]),
    ([2, 0, 6, 1], [12, 8, 20, 0, 0, 0, 12]),
    ([3, 5, 4, 4], [0, 0, 0, 10, 11, 10, 0]),
];

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

fn ansi(status: Status) -> &'static str {
    match status {
        Status::Proposed => "\x1b[33m",
        Status::Open | Status::InProgress => "\x1b[36m",
        Status::Done => "\x1b[32m",
        Status::Partial => "\x1b[35m",
        Status::Missed => "\x1b[31m",
        Status::Dropped | Status::Rejected | Status::Superseded => "\x1b[90m",
    }
}

const RED: &str = "\x1b[31m";
const RESET: &str = "\x1b[39m";

/// Column widths (content only, without padding) and which columns are shown.
fn layout(rows: &[[usize; 7]], width: Option<usize>) -> ([usize; 7], [bool; 7]) {
    let mut shown = [true; 7];
    if let Some(w) = width {
        shown[6] = w >= WIDTH_FOR_SOURCE;
        shown[1] = w >= WIDTH_FOR_ACTORS;
    }
    let mut widths = HEADERS.map(text_width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(*cell);
        }
    }
    let Some(total) = width else {
        return (widths, shown);
    };
    let columns = shown.iter().filter(|s| **s).count();
    // Borders: one per column plus one; padding: a space on each side of each cell.
    let budget = total.saturating_sub(columns + 1 + 2 * columns);
    let used = |widths: &[usize; 7]| {
        (0..7)
            .filter(|&i| shown[i])
            .map(|i| widths[i])
            .sum::<usize>()
    };
    for (columns, min) in SHRINK_TIERS {
        // One column at a time from the one with the most room left above its minimum, so
        // that the columns of a tier end up balanced.
        while used(&widths) > budget {
            let widest = columns
                .iter()
                .copied()
                .filter(|&i| shown[i] && widths[i] > min[i])
                .max_by_key(|&i| (widths[i] - min[i], std::cmp::Reverse(i)));
            match widest {
                Some(i) => widths[i] -= 1,
                None => break,
            }
        }
    }
    (widths, shown)
}

/// Splits `text` into lines of at most `width` columns, at spaces where it can and inside a
/// word (at a character boundary) when a word alone is too wide; each line comes with its
/// width.
fn wrap(text: &str, width: usize) -> Vec<(&str, usize)> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut rest = text;
    loop {
        // The longest prefix that fits, and the last space in it.
        let (mut fit, mut used, mut space, mut overflow) = (0, 0, None, false);
        for (i, c) in rest.char_indices() {
            let w = char_width(c);
            if used + w > width {
                overflow = true;
                break;
            }
            if c == ' ' {
                space = Some((i, used));
            }
            used += w;
            fit = i + c.len_utf8();
        }
        if !overflow {
            lines.push((rest, used));
            return lines;
        }
        if fit == 0 {
            // A character wider than the column: put it on a line of its own.
            let c = rest.chars().next().unwrap_or(' ');
            (fit, used) = (c.len_utf8(), char_width(c));
        }
        let (cut, cut_width) = match space {
            Some((i, w)) if i > 0 && !rest[fit..].starts_with(' ') => (i, w),
            _ => (fit, used),
        };
        let line = rest[..cut].trim_end_matches(' ');
        lines.push((line, cut_width - (cut - line.len())));
        rest = rest[cut..].trim_start_matches(' ');
        if rest.is_empty() {
            return lines;
        }
    }
}

fn border(
    out: &mut String,
    widths: &[usize; 7],
    shown: &[bool; 7],
    [left, fill, join, right]: [char; 4],
) {
    out.push(left);
    let mut first = true;
    for i in (0..7).filter(|&i| shown[i]) {
        if !first {
            out.push(join);
        }
        first = false;
        out.extend(std::iter::repeat_n(fill, widths[i] + 2));
    }
    out.push(right);
    out.push('\n');
}

/// One table row; each cell comes with its width in columns.
fn content(
    out: &mut String,
    widths: &[usize; 7],
    shown: &[bool; 7],
    cells: [(&str, usize); 7],
    colors: [Option<&str>; 7],
) {
    if (0..7).all(|i| !shown[i] || cells[i].1 <= widths[i]) {
        text_line(out, widths, shown, |i| cells[i], &colors);
        return;
    }
    let wrapped: [Vec<(&str, usize)>; 7] = std::array::from_fn(|i| {
        if shown[i] {
            wrap(cells[i].0, widths[i])
        } else {
            Vec::new()
        }
    });
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        let text_of = |i: usize| wrapped[i].get(line).copied().unwrap_or(("", 0));
        text_line(out, widths, shown, text_of, &colors);
    }
}

fn pad(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                                                ";
    while n > 0 {
        let step = n.min(SPACES.len());
        out.push_str(&SPACES[..step]);
        n -= step;
    }
}

/// One line of text across the shown columns, each padded to its width.
fn text_line<'t>(
    out: &mut String,
    widths: &[usize; 7],
    shown: &[bool; 7],
    text_of: impl Fn(usize) -> (&'t str, usize),
    colors: &[Option<&str>; 7],
) {
    out.push('│');
    for (n, i) in (0..7).filter(|&i| shown[i]).enumerate() {
        if n > 0 {
            out.push('┆');
        }
        let (text, width) = text_of(i);
        out.push(' ');
        match colors[i] {
            Some(color) if !text.is_empty() => {
                out.push_str(color);
                out.push_str(text);
                out.push_str(RESET);
            }
            _ => out.push_str(text),
        }
        pad(out, widths[i].saturating_sub(width) + 1);
    }
    out.push_str("│\n");
}

fn draw(out: &mut String, rows: &[Row], texts: &[[Cow<str>; 7]], options: &TableOptions) {
    let cell_widths: Vec<[usize; 7]> = texts
        .iter()
        .map(|cells| cells.each_ref().map(|c| text_width(c)))
        .collect();
    let (widths, shown) = layout(&cell_widths, options.width.map(usize::from));
    border(out, &widths, &shown, ['┌', '─', '┬', '┐']);
    content(
        out,
        &widths,
        &shown,
        HEADERS.map(|h| (h, text_width(h))),
        [None; 7],
    );
    border(out, &widths, &shown, ['╞', '═', '╪', '╡']);
    for ((row, cells), cell_widths) in rows.iter().zip(texts).zip(&cell_widths) {
        let mut colors = [None; 7];
        if options.color {
            colors[STATUS] = Some(ansi(row.status));
            if row.overdue {
                colors[DAYS] = Some(RED);
            }
        }
        let cells = std::array::from_fn(|i| (cells[i].as_ref(), cell_widths[i]));
        content(out, &widths, &shown, cells, colors);
    }
    border(out, &widths, &shown, ['└', '─', '┴', '┘']);
}

pub fn table(report: &Report, options: &TableOptions) -> String {
    let mut out = String::with_capacity(report.summary.total * 240 + 256);
    for group in &report.groups {
        if let Some(title) = render::group_title(report, group) {
            out.push_str(&title);
            out.push('\n');
        }
        if group.rows.is_empty() {
            out.push_str("No commitment matches.\n");
            continue;
        }
        let texts: Vec<[Cow<str>; 7]> = group.rows.iter().map(cells).collect();
        draw(&mut out, &group.rows, &texts, options);
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
    fn wrap_breaks_at_spaces_then_inside_words() {
        let wrap = |text, width| {
            wrap(text, width)
                .into_iter()
                .map(|(line, _)| line)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            wrap("Allies remain interested in", 14),
            ["Allies remain", "interested in"]
        );
        assert_eq!(
            wrap("nato-2023-07-11-innovation-fund", 12),
            ["nato-2023-07", "-11-innovati", "on-fund"]
        );
        assert_eq!(wrap("d'échange", 4), ["d'éc", "hang", "e"]);
        assert_eq!(wrap("", 4), [""]);
        assert_eq!(wrap("a  b", 1), ["a", "b"]);
        assert_eq!(wrap("日本語", 1), ["日", "本", "語"]);
        assert_eq!(wrap("ab cd", 2), ["ab", "cd"]);
        assert_eq!(wrap("été d'été", 6), ["été", "d'été"]);
    }

    #[test]
    fn wrapped_lines_know_their_width() {
        for (text, width) in [
            ("l’été « chaud » — … 日本語 a  b", 5),
            ("x", 3),
            ("", 2),
            ("aaaa bbbbbbbbbb c", 4),
        ] {
            for (line, w) in wrap(text, width) {
                assert_eq!(w, text_width(line), "{line:?}");
                assert!(w <= width || line.chars().count() == 1, "{line:?}");
            }
        }
    }

    #[test]
    fn text_width_counts_terminal_columns() {
        assert_eq!(text_width("abc"), 3);
        assert_eq!(text_width("l’été « chaud » — …"), 19);
        assert_eq!(text_width("日本"), 4);
        assert_eq!(text_width("a\u{200b}b"), 2);
    }

    #[test]
    fn layout_fits_the_width_and_hides_columns_when_narrow() {
        let cells = [
            "x".repeat(50),
            "EU, UA".into(),
            "y ".repeat(45),
            "2025-12-31 (year)".into(),
        ];
        let rest = ["in_progress", "518 days late", "seeds/x.txt"];
        let widths: [usize; 7] = std::array::from_fn(|i| match cells.get(i) {
            Some(cell) => text_width(cell),
            None => text_width(rest[i - cells.len()]),
        });
        let cell_widths = [widths];
        for width in [80, 100, 120, 160, 200] {
            let (widths, shown) = layout(&cell_widths, Some(width));
            let columns = shown.iter().filter(|s| **s).count();
            let total: usize = (0..7)
                .filter(|&i| shown[i])
                .map(|i| widths[i] + 3)
                .sum::<usize>()
                + 1;
            assert!(total <= width, "{width}: {total} {widths:?}");
            assert_eq!(
                columns,
                if width < 110 {
                    5
                } else if width < 150 {
                    6
                } else {
                    7
                }
            );
        }
        let (widths, _) = layout(&cell_widths, None);
        assert_eq!(widths[0], 50);
    }
}
