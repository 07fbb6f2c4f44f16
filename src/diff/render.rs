//! Renderers of a [`DocDiff`]: plain or coloured text, Markdown, JSON.

use std::fmt::Write;

use super::{Change, ChangeKind, DocDiff, WordOp, WordRun};
use crate::extract::Commitment;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const STRIKE: &str = "\x1b[9m";
const RESET: &str = "\x1b[0m";

pub fn json(diff: &DocDiff) -> String {
    let mut s = serde_json::to_string_pretty(diff).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// Changes grouped by pair, in the model's order: one group per commitment.
fn groups(diff: &DocDiff) -> Vec<Vec<&Change>> {
    let mut out: Vec<Vec<&Change>> = Vec::new();
    for c in &diff.commitments {
        match out.last_mut() {
            Some(group) if c.pair.is_some() && group.first().is_some_and(|g| g.pair == c.pair) => {
                group.push(c)
            }
            _ => out.push(vec![c]),
        }
    }
    out
}

fn summary(diff: &DocDiff) -> String {
    let groups = groups(diff);
    let count = |k: ChangeKind| {
        groups
            .iter()
            .filter(|g| g.first().is_some_and(|c| c.change == k))
            .count()
    };
    let added = count(ChangeKind::Added);
    let removed = count(ChangeKind::Removed);
    let changed = groups.len() - added - removed;
    format!("{added} added, {removed} removed, {changed} changed")
}

fn describe(c: &Change) -> Option<String> {
    let (old, new) = (c.old.as_ref()?, c.new.as_ref()?);
    match c.change {
        ChangeKind::DeadlineMoved => {
            let what = match c.slip {
                Some(true) => " (a slip)",
                _ => "",
            };
            if new.deadline.is_none() {
                return Some(format!("deadline {} dropped", deadline(old)));
            }
            Some(format!(
                "deadline {} → {}{what}",
                deadline(old),
                deadline(new)
            ))
        }
        ChangeKind::StrengthChanged => {
            let what = if c.weakened == Some(true) {
                " (weakened)"
            } else {
                " (strengthened)"
            };
            Some(format!(
                "strength {} → {}{what}",
                old.strength.as_str(),
                new.strength.as_str()
            ))
        }
        ChangeKind::ActorsChanged => Some(format!("actors {} → {}", actors(old), actors(new))),
        _ => None,
    }
}

fn deadline(c: &Commitment) -> String {
    c.deadline
        .as_ref()
        .map_or_else(|| "none".to_string(), |d| d.date.to_string())
}

fn actors(c: &Commitment) -> String {
    if c.actors.is_empty() {
        "none".to_string()
    } else {
        c.actors.join(", ")
    }
}

fn facts(c: &Commitment) -> String {
    format!(
        "[{}; {}; deadline {}]",
        c.strength.as_str(),
        actors(c),
        deadline(c)
    )
}

/// A changed run as (leading space, words, trailing space): markers go around the words only.
fn edges(text: &str) -> (&str, &str, &str) {
    let core = text.trim();
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    (&text[..start], core, &text[end..])
}

fn words_text(words: &[WordRun], color: bool) -> String {
    let mut out = String::new();
    for w in words {
        let (lead, core, trail) = edges(&w.text);
        let marked = match (w.op, color) {
            (WordOp::Equal, _) => {
                out.push_str(&w.text);
                continue;
            }
            (WordOp::Delete, true) => format!("{RED}{STRIKE}{core}{RESET}"),
            (WordOp::Insert, true) => format!("{GREEN}{BOLD}{core}{RESET}"),
            (WordOp::Delete, false) => format!("[-{core}-]"),
            (WordOp::Insert, false) => format!("{{+{core}+}}"),
        };
        let _ = write!(out, "{lead}{marked}{trail}");
    }
    out
}

fn words_markdown(words: &[WordRun]) -> String {
    let mut out = String::new();
    for w in words {
        let (lead, core, trail) = edges(&w.text);
        let core = escape_md(core);
        match w.op {
            WordOp::Equal => out.push_str(&escape_md(&w.text)),
            WordOp::Delete => {
                let _ = write!(out, "{lead}~~{core}~~{trail}");
            }
            WordOp::Insert => {
                let _ = write!(out, "{lead}**{core}**{trail}");
            }
        }
    }
    out
}

fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '*' | '_' | '~' | '`' | '[' | ']' | '|' | '\\' | '<' | '>'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

fn kinds(group: &[&Change]) -> String {
    group
        .iter()
        .map(|c| c.change.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text for a terminal; `color` highlights deletions in red and insertions in green,
/// otherwise they are marked `[-old-]{+new+}`.
pub fn text(diff: &DocDiff, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "--- {}\n+++ {}", diff.old_source, diff.new_source);
    if diff.is_empty() {
        out.push_str("no change\n");
        return out;
    }
    for m in &diff.metadata {
        let _ = writeln!(
            out,
            "metadata {}: {} → {}",
            m.field,
            m.old.as_deref().unwrap_or("none"),
            m.new.as_deref().unwrap_or("none")
        );
    }
    let _ = writeln!(out, "commitments: {}", summary(diff));
    let (plus, minus, tilde) = if color {
        (
            format!("{GREEN}+{RESET}"),
            format!("{RED}-{RESET}"),
            format!("{BOLD}~{RESET}"),
        )
    } else {
        ("+".to_string(), "-".to_string(), "~".to_string())
    };
    for group in groups(diff) {
        let Some(first) = group.first() else { continue };
        match (first.change, first.old.as_ref(), first.new.as_ref()) {
            (ChangeKind::Added, _, Some(new)) => {
                let _ = writeln!(out, "\n{plus} added {}\n  {}", facts(new), new.quote);
            }
            (ChangeKind::Removed, Some(old), _) => {
                let _ = writeln!(out, "\n{minus} removed {}\n  {}", facts(old), old.quote);
            }
            (_, Some(old), Some(new)) => {
                let _ = writeln!(out, "\n{tilde} {}", kinds(&group));
                for c in &group {
                    if let Some(d) = describe(c) {
                        let _ = writeln!(out, "  {d}");
                    }
                }
                match group.iter().find(|c| c.change == ChangeKind::Reworded) {
                    Some(c) => {
                        let _ = writeln!(out, "  {}", words_text(&c.words, color));
                    }
                    None => {
                        let _ = writeln!(out, "  {}", new.quote);
                    }
                }
                let _ = old;
            }
            _ => {}
        }
    }
    out
}

pub fn markdown(diff: &DocDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Changes from `{}` to `{}`\n",
        diff.old_source, diff.new_source
    );
    if diff.is_empty() {
        out.push_str("No change.\n");
        return out;
    }
    if !diff.metadata.is_empty() {
        out.push_str("## Metadata\n\n| field | old | new |\n|---|---|---|\n");
        for m in &diff.metadata {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                m.field,
                escape_md(m.old.as_deref().unwrap_or("—")),
                escape_md(m.new.as_deref().unwrap_or("—"))
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Commitments\n\n{}\n", summary(diff));
    for group in groups(diff) {
        let Some(first) = group.first() else { continue };
        match (first.change, first.old.as_ref(), first.new.as_ref()) {
            (ChangeKind::Added, _, Some(new)) => {
                let _ = writeln!(
                    out,
                    "- **added** {}: {}",
                    escape_md(&facts(new)),
                    escape_md(&new.quote)
                );
            }
            (ChangeKind::Removed, Some(old), _) => {
                let _ = writeln!(
                    out,
                    "- **removed** {}: ~~{}~~",
                    escape_md(&facts(old)),
                    escape_md(&old.quote)
                );
            }
            (_, Some(_), Some(new)) => {
                let details: Vec<String> = group
                    .iter()
                    .filter_map(|c| describe(c))
                    .map(|d| escape_md(&d))
                    .collect();
                let details = if details.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", details.join("; "))
                };
                let quote = match group.iter().find(|c| c.change == ChangeKind::Reworded) {
                    Some(c) => words_markdown(&c.words),
                    None => escape_md(&new.quote),
                };
                let _ = writeln!(out, "- **{}**{details}: {quote}", kinds(&group));
            }
            _ => {}
        }
    }
    out
}
