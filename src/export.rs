//! Exports of the tracker: an iCalendar file of deadlines (RFC 5545) and a timeline picture
//! (SVG, or an HTML page holding it). Both are deterministic: nothing comes from the clock.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::record::{Record, RecordFile, Status};
use crate::report::{GroupBy, Row, group_keys, partial_date, shorten};
use crate::store::Tracker;

/// Records a person marked `rejected` are false extractions: they are not exported.
fn exported(record: &Record) -> bool {
    record.status != Status::Rejected
}

/// Escapes an iCalendar TEXT value: backslash, `;`, `,` and line breaks.
pub fn ics_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (continuation lines start with a space) without
/// splitting a character, and ends every physical line with CRLF.
pub fn ics_fold(line: &str, out: &mut String) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > budget {
            out.push_str("\r\n ");
            // The leading space counts in the next line's 75 octets.
            budget = 74;
            used = 0;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn ics_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// The record's own date for DTSTAMP: its last status change, else when it was made, else
/// when the document was published, else the deadline. Never the clock, so that exporting
/// twice gives the same bytes.
fn stamp(file: &RecordFile, record: &Record, due: NaiveDate) -> NaiveDate {
    record
        .status_date
        .or_else(|| record.made.as_deref().and_then(partial_date))
        .or_else(|| file.document.published.as_deref().and_then(partial_date))
        .unwrap_or(due)
}

/// An RFC 5545 calendar with one all-day event per commitment that has a due date.
pub fn ics(tracker: &Tracker) -> String {
    let mut events: Vec<(NaiveDate, &str, &RecordFile, &Record)> = tracker
        .records()
        .filter(|(_, r)| exported(r))
        .filter_map(|(f, r)| r.due_date().map(|d| (d, r.id.as_str(), f, r)))
        .collect();
    events.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));

    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//pledge//pledge commitments//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:pledge commitments",
    ] {
        ics_fold(line, &mut out);
    }
    for (due, id, file, record) in events {
        let end = due.succ_opt().unwrap_or(due);
        let actors = if record.actors.is_empty() {
            String::new()
        } else {
            format!("{}: ", record.actors.join(", "))
        };
        // Calendars show little more than the summary: say when it is no longer expected.
        let state = match record.status {
            Status::Open | Status::InProgress => String::new(),
            other => format!("[{}] ", other.as_str()),
        };
        let summary = format!("{state}{actors}{}", shorten(&record.quote, 80));
        let mut description = vec![
            record.quote.clone(),
            String::new(),
            format!("Status: {}", record.status.as_str()),
        ];
        match (&record.due, &record.deadline) {
            (Some(_), _) => description.push("Deadline: set by hand".to_string()),
            (None, Some(d)) => {
                description.push(format!("Deadline: {} ({})", d.text, d.precision.as_str()))
            }
            (None, None) => {}
        }
        if let Some(note) = &record.note {
            description.push(format!("Note: {note}"));
        }
        description.push(format!("Source: {}", file.document.source));
        description.push(format!(
            "Record: {}:{}",
            crate::report::display_path(&file.path),
            record.line
        ));
        let status = match record.status {
            Status::Proposed => "TENTATIVE",
            Status::Dropped | Status::Superseded => "CANCELLED",
            _ => "CONFIRMED",
        };
        let lines = [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@pledge", ics_escape(id)),
            format!("DTSTAMP:{}T000000Z", ics_date(stamp(file, record, due))),
            format!("DTSTART;VALUE=DATE:{}", ics_date(due)),
            format!("DTEND;VALUE=DATE:{}", ics_date(end)),
            format!("SUMMARY:{}", ics_escape(&summary)),
            format!("DESCRIPTION:{}", ics_escape(&description.join("\n"))),
            format!("CATEGORIES:{}", ics_escape(record.status.as_str())),
            format!("STATUS:{status}"),
            "TRANSP:TRANSPARENT".to_string(),
        ];
        for line in &lines {
            ics_fold(line, &mut out);
        }
        if let Some(url) = &file.document.url {
            ics_fold(&format!("URL:{}", url.replace(['\r', '\n'], "")), &mut out);
        }
        ics_fold("END:VEVENT", &mut out);
    }
    ics_fold("END:VCALENDAR", &mut out);
    out
}

/// Text for SVG and HTML content and attributes.
pub fn xml_text(text: &str) -> String {
    crate::check::xml_escape(text)
}

pub fn status_color(status: Status) -> &'static str {
    match status {
        Status::Proposed => "#d4a017",
        Status::Open => "#1f77b4",
        Status::InProgress => "#17becf",
        Status::Done => "#2ca02c",
        Status::Partial => "#9467bd",
        Status::Missed => "#d62728",
        Status::Dropped => "#7f7f7f",
        Status::Rejected => "#bbbbbb",
        Status::Superseded => "#8c564b",
    }
}

const LABEL_WIDTH: f64 = 320.0;
const CHART_WIDTH: f64 = 760.0;
const RIGHT_MARGIN: f64 = 30.0;
const ROW_HEIGHT: f64 = 20.0;
const GROUP_HEIGHT: f64 = 26.0;
const TOP: f64 = 64.0;

struct Item<'a> {
    row: Row<'a>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

/// The timeline's content: groups of dated commitments, and how many had no date at all.
struct Timeline<'a> {
    groups: Vec<(String, Vec<Item<'a>>)>,
    undated: usize,
    first: NaiveDate,
    last: NaiveDate,
}

fn layout(tracker: &Tracker, as_of: NaiveDate, group_by: GroupBy) -> Timeline<'_> {
    let mut groups: BTreeMap<(usize, String), Vec<Item>> = BTreeMap::new();
    let mut undated = 0;
    let (mut first, mut last) = (as_of, as_of);
    for (file, record) in tracker.records().filter(|(_, r)| exported(r)) {
        let row = Row::new(file, record, as_of);
        let start = record.made.as_deref().and_then(partial_date);
        let end = record.due_date();
        if start.is_none() && end.is_none() {
            undated += 1;
            continue;
        }
        for date in start.iter().chain(end.iter()) {
            first = first.min(*date);
            last = last.max(*date);
        }
        for key in group_keys(&row, group_by) {
            groups.entry(key).or_default().push(Item {
                row: row.clone(),
                start,
                end,
            });
        }
    }
    let mut groups: Vec<(String, Vec<Item>)> = groups
        .into_iter()
        .map(|((_, k), items)| (k, items))
        .collect();
    for (_, items) in &mut groups {
        items.sort_by(|a, b| (a.start.or(a.end), &a.row.id).cmp(&(b.start.or(b.end), &b.row.id)));
    }
    Timeline {
        groups,
        undated,
        first,
        last,
    }
}

/// Whole years around every date shown, so that the axis starts and ends on 1 January.
fn axis_range(first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
    let end = NaiveDate::from_ymd_opt(last.year() + 1, 1, 1).unwrap_or(last);
    (start, end)
}

/// The timeline as a standalone SVG document.
pub fn svg(tracker: &Tracker, as_of: NaiveDate, group_by: GroupBy) -> String {
    let timeline = layout(tracker, as_of, group_by);
    let (t0, t1) = axis_range(timeline.first, timeline.last);
    let span_days = (t1 - t0).num_days().max(1) as f64;
    let x = |d: NaiveDate| LABEL_WIDTH + (d - t0).num_days() as f64 / span_days * CHART_WIDTH;
    let rows: usize = timeline.groups.iter().map(|(_, items)| items.len()).sum();
    let chart_bottom =
        TOP + timeline.groups.len() as f64 * GROUP_HEIGHT + rows as f64 * ROW_HEIGHT + 8.0;
    let present: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| {
            timeline
                .groups
                .iter()
                .any(|(_, items)| items.iter().any(|i| i.row.status == *s))
        })
        .collect();
    let height = chart_bottom + 56.0;
    let width = LABEL_WIDTH + CHART_WIDTH + RIGHT_MARGIN;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"system-ui, sans-serif\" font-size=\"12\" role=\"img\" aria-labelledby=\"pledge-title\">"
    );
    let _ = writeln!(
        out,
        "<title id=\"pledge-title\">pledge timeline as of {as_of}, grouped by {}</title>",
        group_by.as_str()
    );
    let _ = writeln!(
        out,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        out,
        "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Commitments by {}, as of {as_of}</text>",
        group_by.as_str()
    );

    // Year ticks, thinned out so that labels never overlap.
    let years = (t1.year() - t0.year()).max(1);
    let step = ((years + 11) / 12).max(1);
    let mut year = t0.year();
    while year <= t1.year() {
        if let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) {
            let rule = Rule {
                x: x(d),
                top: TOP - 14.0,
                bottom: chart_bottom,
                label_y: TOP - 18.0,
            };
            rule.draw(&mut out, "stroke=\"#dddddd\"", "#555555", &year.to_string());
        }
        year += step;
    }

    let mut y = TOP;
    if timeline.groups.is_empty() {
        let _ = writeln!(
            out,
            "<text x=\"{LABEL_WIDTH}\" y=\"{:.1}\" fill=\"#555555\">No dated commitment.</text>",
            y + 16.0
        );
    }
    for (key, items) in &timeline.groups {
        let _ = writeln!(
            out,
            "<text x=\"10\" y=\"{:.1}\" font-weight=\"bold\">{} ({})</text>",
            y + 17.0,
            xml_text(key),
            items.len()
        );
        let _ = writeln!(
            out,
            "<line x1=\"10\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#999999\"/>",
            y + GROUP_HEIGHT - 2.0,
            width - RIGHT_MARGIN,
            y + GROUP_HEIGHT - 2.0
        );
        y += GROUP_HEIGHT;
        for item in items {
            draw_item(&mut out, item, y, &x);
            y += ROW_HEIGHT;
        }
    }

    let rule = Rule {
        x: x(as_of),
        top: TOP - 10.0,
        bottom: chart_bottom,
        label_y: TOP - 32.0,
    };
    rule.draw(
        &mut out,
        "stroke=\"#d62728\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"",
        "#d62728",
        &format!("as of {as_of}"),
    );

    // Legend of the statuses shown, and what was left out.
    let mut lx = 10.0;
    let ly = chart_bottom + 22.0;
    for status in &present {
        let _ = writeln!(
            out,
            "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{ly:.1}\">{}</text>",
            ly - 10.0,
            status_color(*status),
            lx + 16.0,
            status.as_str()
        );
        lx += 30.0 + 7.5 * status.as_str().len() as f64;
    }
    let mut notes = vec!["bar: made → due; dot: one date known; red outline: overdue".to_string()];
    if timeline.undated > 0 {
        notes.push(format!("{} without any date not shown", timeline.undated));
    }
    let _ = writeln!(
        out,
        "<text x=\"10\" y=\"{:.1}\" fill=\"#555555\">{}</text>",
        ly + 22.0,
        xml_text(&notes.join("; "))
    );
    out.push_str("</svg>\n");
    out
}

/// A vertical line across the chart with a label above it: a year, or the as-of date.
struct Rule {
    x: f64,
    top: f64,
    bottom: f64,
    label_y: f64,
}

impl Rule {
    fn draw(&self, out: &mut String, line_style: &str, label_color: &str, label: &str) {
        let Rule {
            x,
            top,
            bottom,
            label_y,
        } = self;
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" {line_style}/>"
        );
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{label_y:.1}\" text-anchor=\"middle\" fill=\"{label_color}\">{}</text>",
            xml_text(label)
        );
    }
}

fn draw_item(out: &mut String, item: &Item, y: f64, x: &dyn Fn(NaiveDate) -> f64) {
    let row = &item.row;
    let color = status_color(row.status);
    let outline = if row.overdue {
        " stroke=\"#d62728\" stroke-width=\"2\""
    } else {
        ""
    };
    let mut tip = format!("{} [{}]", row.id, row.status.as_str());
    if !row.actors.is_empty() {
        tip.push_str(&format!(" {}", row.actors.join(", ")));
    }
    if let Some(made) = &row.made {
        tip.push_str(&format!("\nmade {made}"));
    }
    if let Some(due) = &row.deadline {
        tip.push_str(&format!("\ndue {}", due.label()));
    }
    let days = row.days_label();
    if !days.is_empty() {
        tip.push_str(&format!(" — {days}"));
    }
    tip.push_str(&format!("\n{}", shorten(row.quote, 300)));
    let _ = writeln!(out, "<g><title>{}</title>", xml_text(&tip));
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
        LABEL_WIDTH - 8.0,
        y + 14.0,
        xml_text(&shorten(row.id, 44))
    );
    let mid = y + ROW_HEIGHT / 2.0;
    match (item.start, item.end) {
        (Some(start), Some(end)) if start <= end => {
            let (x0, x1) = (x(start), x(end));
            let _ = writeln!(
                out,
                "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" rx=\"3\" fill=\"{color}\"{outline}/>",
                mid - 6.0,
                (x1 - x0).max(3.0)
            );
        }
        (start, end) => {
            // A single known date, or a deadline before the date it was made: a dot at the
            // deadline if there is one.
            let date = end.or(start).unwrap_or_default();
            let hollow = if end.is_none() {
                " fill-opacity=\"0.35\""
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{mid:.1}\" r=\"5\" fill=\"{color}\"{hollow}{outline}/>",
                x(date)
            );
        }
    }
    out.push_str("</g>\n");
}

/// A self-contained HTML page: the SVG inline, then the same commitments as a table.
pub fn html(tracker: &Tracker, as_of: NaiveDate, group_by: GroupBy) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>pledge timeline as of {as_of}</title>");
    out.push_str(
        "<style>\nbody{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}\n.chart{overflow-x:auto}\ntable{border-collapse:collapse;margin-top:1.5rem;font-size:.9rem}\nth,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\n.status{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border-radius:2px}\n.overdue{color:#d62728;font-weight:bold}\n</style>\n</head>\n<body>\n",
    );
    let _ = writeln!(
        out,
        "<h1>Commitments by {}, as of {as_of}</h1>",
        group_by.as_str()
    );
    out.push_str("<div class=\"chart\">\n");
    out.push_str(&svg(tracker, as_of, group_by));
    out.push_str("</div>\n<table>\n<thead><tr><th>ID</th><th>Actors</th><th>Commitment</th><th>Made</th><th>Deadline</th><th>Status</th><th>Days</th><th>Source</th></tr></thead>\n<tbody>\n");
    let mut rows: Vec<Row> = tracker
        .records()
        .filter(|(_, r)| exported(r))
        .map(|(f, r)| Row::new(f, r, as_of))
        .collect();
    crate::report::sort_rows(&mut rows, crate::report::SortKey::Due);
    for row in &rows {
        let class = if row.overdue {
            " class=\"overdue\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><span class=\"status\" style=\"background:{}\"></span>{}</td><td{class}>{}</td><td>{}</td></tr>",
            xml_text(row.id),
            xml_text(&row.actors.join(", ")),
            xml_text(&shorten(row.quote, 160)),
            xml_text(row.made.unwrap_or("")),
            xml_text(&row.deadline.as_ref().map(|d| d.label()).unwrap_or_default()),
            status_color(row.status),
            row.status.as_str(),
            xml_text(&row.days_label()),
            xml_text(row.source)
        );
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_text_is_escaped() {
        assert_eq!(ics_escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn ics_lines_fold_at_75_octets_on_char_boundaries() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(100));
        ics_fold(&line, &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn axis_covers_whole_years() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(
            axis_range(d(2023, 5, 2), d(2025, 12, 31)),
            (d(2023, 1, 1), d(2026, 1, 1))
        );
    }
}
