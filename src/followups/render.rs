//! Renderers of a follow-up [`Report`]: a table for the terminal, Markdown, JSON.

use std::fmt::Write;

use super::{Followup, Report, Series};

pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

fn ordinal(n: Option<u32>) -> String {
    n.map_or_else(|| "-".to_string(), |n| format!("#{n}"))
}

fn next(s: &Series) -> String {
    match &s.next {
        None => "-".to_string(),
        Some(n) => {
            let due = n
                .due
                .map_or_else(|| "no date".to_string(), |d| format!("due {d}"));
            let overdue = if n.overdue { ", OVERDUE" } else { "" };
            format!("{} {due} ({}{overdue})", ordinal(n.ordinal), n.why)
        }
    }
}

fn seen(s: &Series) -> String {
    let mut all: Vec<String> = s
        .seen
        .iter()
        .map(|x| format!("{} {} {}", ordinal(x.ordinal), x.date, x.source))
        .collect();
    all.extend(s.missing_years.iter().map(|y| format!("none in {y}")));
    if all.is_empty() {
        "-".to_string()
    } else {
        all.join("; ")
    }
}

fn evidence(f: &Followup) -> String {
    match (&f.evidence.source, f.evidence.date) {
        (Some(source), Some(date)) => format!("{date} {source}"),
        (None, Some(date)) => format!("due {date}"),
        _ => "-".to_string(),
    }
}

fn short(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// Aligned columns, widths from the content, for a terminal.
fn columns(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                out.push_str(cell);
            } else {
                let pad = w.saturating_sub(cell.chars().count());
                let _ = write!(out, "{cell}{}  ", " ".repeat(pad));
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        out.push_str(&line(row.clone()));
    }
    out
}

pub fn table(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Series ({}), as of {}",
        report.series.len(),
        report.as_of
    );
    let rows: Vec<Vec<String>> = report
        .series
        .iter()
        .map(|s| vec![s.name.clone(), s.actors.join(","), seen(s), next(s)])
        .collect();
    out.push_str(&columns(&["series", "actors", "seen", "next"], &rows));
    let _ = writeln!(out, "\nFollow-ups ({})", report.followups.len());
    let rows: Vec<Vec<String>> = report
        .followups
        .iter()
        .map(|f| {
            vec![
                f.commitment.id.clone(),
                f.fate.as_str().to_string(),
                evidence(f),
                short(f.evidence.quote.as_deref().unwrap_or(&f.reason), 90),
            ]
        })
        .collect();
    out.push_str(&columns(&["id", "fate", "evidence", "quote"], &rows));
    let _ = writeln!(
        out,
        "\nStale: no news for more than {} days ({})",
        report.stale_after,
        report.stale.len()
    );
    let rows: Vec<Vec<String>> = report
        .stale
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                s.status.as_str().to_string(),
                s.last_news.to_string(),
                s.days.to_string(),
            ]
        })
        .collect();
    out.push_str(&columns(&["id", "status", "last news", "days"], &rows));
    out
}

fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(ch, '|' | '*' | '_' | '`' | '[' | ']' | '\\' | '<' | '>') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Follow-ups as of {}\n", report.as_of);
    out.push_str("## Series\n\n| series | actors | seen | next |\n|---|---|---|---|\n");
    for s in &report.series {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(&s.name),
            s.actors.join(", "),
            md(&seen(s)),
            md(&next(s))
        );
    }
    out.push_str("\n## Fates\n\n| commitment | fate | evidence | quote |\n|---|---|---|---|\n");
    for f in &report.followups {
        let _ = writeln!(
            out,
            "| `{}` ({}) | **{}** | {} | {} |",
            f.commitment.id,
            md(&f.commitment.source),
            f.fate.as_str(),
            md(&evidence(f)),
            md(f.evidence.quote.as_deref().unwrap_or(&f.reason))
        );
    }
    let _ = writeln!(
        out,
        "\n## Stale (no news for more than {} days)\n",
        report.stale_after
    );
    out.push_str("| commitment | status | last news | days |\n|---|---|---|---|\n");
    for s in &report.stale {
        let _ = writeln!(
            out,
            "| `{}` ({}) | {} | {} | {} |",
            s.id,
            md(&s.source),
            s.status.as_str(),
            s.last_news,
            s.days
        );
    }
    out
}
