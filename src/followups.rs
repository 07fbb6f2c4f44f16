//! Follow-ups: what later documents show about earlier commitments, and the recurring
//! events (series) the documents reveal.
//!
//! The analysis works on plain inputs ([`Text`], [`Tracked`]) so that it can be tested on
//! hand-built values; [`load`] builds them from a tracker: every document under `seeds/`
//! and every source named in `commitments/*.toml`, commitments from the records, falling
//! back to extraction for documents without a record file.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::extract::Milestone;
use crate::record::Status;

pub mod apply;
pub mod events;
mod fates;
pub mod lexicon;
pub mod render;
mod series;

/// A document as follow-ups read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub source: String,
    pub date: NaiveDate,
    pub title: Option<String>,
    pub sentences: Vec<String>,
}

impl Text {
    /// The parties the document is about: those of its title, else of its opening sentences
    /// (a page whose title is a place and a date still names them at once).
    pub fn parties(&self) -> Vec<String> {
        let title = self
            .title
            .as_deref()
            .map(lexicon::parties)
            .unwrap_or_default();
        if !title.is_empty() {
            return title;
        }
        lexicon::parties(
            &self
                .sentences
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// A commitment whose fate we look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracked {
    pub id: String,
    pub source: String,
    pub quote: String,
    pub actors: Vec<String>,
    /// When it was made: only documents dated after it count as evidence.
    pub made: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub milestone: Option<Milestone>,
    /// `None` when it comes from extraction rather than a record.
    pub status: Option<Status>,
    /// The latest date a person recorded news of it (status date, evidence).
    pub last_news: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    Done,
    InProgress,
    Reaffirmed,
    Missed,
}

impl Fate {
    pub fn as_str(self) -> &'static str {
        match self {
            Fate::Done => "done",
            Fate::InProgress => "in_progress",
            Fate::Reaffirmed => "reaffirmed",
            Fate::Missed => "missed",
        }
    }

    /// The record status a fate suggests; a restatement changes nothing.
    pub fn status(self) -> Option<Status> {
        match self {
            Fate::Done => Some(Status::Done),
            Fate::InProgress => Some(Status::InProgress),
            Fate::Missed => Some(Status::Missed),
            Fate::Reaffirmed => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Seen {
    pub source: String,
    pub date: NaiveDate,
    pub ordinal: Option<u32>,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Next {
    pub ordinal: Option<u32>,
    pub due: Option<NaiveDate>,
    /// Why we expect it then: a commitment's date, a yearly rhythm.
    pub why: String,
    /// Due before `--as-of` and not reported as held.
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Series {
    pub name: String,
    pub kind: &'static str,
    pub actors: Vec<String>,
    pub annual: bool,
    pub seen: Vec<Seen>,
    pub next: Option<Next>,
    /// Annual series: the years since the first occurrence with none reported, up to the
    /// last year finished by `--as-of`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_years: Vec<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitmentRef {
    pub id: String,
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceRef {
    /// The document that shows it; `None` for a miss (nothing shows it).
    pub source: Option<String>,
    pub quote: Option<String>,
    /// The document's date; for a miss, the date it was due.
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Followup {
    pub commitment: CommitmentRef,
    pub evidence: EvidenceRef,
    pub fate: Fate,
    /// What the suggestion rests on, in a few words.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stale {
    pub id: String,
    pub source: String,
    pub quote: String,
    pub status: Status,
    pub last_news: NaiveDate,
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub as_of: NaiveDate,
    pub stale_after: u32,
    pub series: Vec<Series>,
    pub followups: Vec<Followup>,
    pub stale: Vec<Stale>,
}

impl Report {
    /// One suggestion per commitment: the fate the latest evidence shows, a completion
    /// winning over progress or a restatement of the same day.
    pub fn suggestions(&self) -> Vec<&Followup> {
        let mut best: Vec<&Followup> = Vec::new();
        for f in &self.followups {
            match best.iter_mut().find(|b| {
                b.commitment.id == f.commitment.id && b.commitment.source == f.commitment.source
            }) {
                Some(b) => {
                    if (f.evidence.date, std::cmp::Reverse(f.fate))
                        > (b.evidence.date, std::cmp::Reverse(b.fate))
                    {
                        *b = f;
                    }
                }
                None => best.push(f),
            }
        }
        best
    }
}

pub const DEFAULT_STALE_AFTER: u32 = 365;

/// Reads the documents in date order, finds the series, the fates and the stale ones, as of
/// `as_of` (documents dated after it are not read).
pub fn analyse(
    texts: &[Text],
    commitments: &[Tracked],
    as_of: NaiveDate,
    stale_after: u32,
) -> Report {
    let mut texts: Vec<&Text> = texts.iter().filter(|t| t.date <= as_of).collect();
    texts.sort_by(|a, b| (a.date, &a.source).cmp(&(b.date, &b.source)));
    let occurrences = series::occurrences(&texts);
    let series = series::build(&texts, &occurrences, as_of);
    let mut followups = fates::find(&texts, &occurrences, &series, commitments, as_of);
    followups.sort_by(|a, b| {
        (
            &a.commitment.source,
            &a.commitment.id,
            a.evidence.date,
            a.fate,
        )
            .cmp(&(
                &b.commitment.source,
                &b.commitment.id,
                b.evidence.date,
                b.fate,
            ))
    });
    let stale = stale(commitments, &followups, as_of, stale_after);
    Report {
        as_of,
        stale_after,
        series,
        followups,
        stale,
    }
}

fn stale(
    commitments: &[Tracked],
    followups: &[Followup],
    as_of: NaiveDate,
    after: u32,
) -> Vec<Stale> {
    let mut out = Vec::new();
    for c in commitments {
        let status = c.status.unwrap_or(Status::Proposed);
        let closed = followups.iter().any(|f| {
            f.commitment.id == c.id
                && f.commitment.source == c.source
                && matches!(f.fate, Fate::Done | Fate::Missed)
        });
        // One with a suggested outcome is news waiting to be applied, not silence.
        if !status.is_pending() || c.made > as_of || closed {
            continue;
        }
        let found = followups
            .iter()
            .filter(|f| {
                f.commitment.id == c.id && f.commitment.source == c.source && f.fate != Fate::Missed
            })
            .filter_map(|f| f.evidence.date);
        let last = found
            .chain(c.last_news)
            .chain([c.made])
            .filter(|d| *d <= as_of)
            .max()
            .unwrap_or(c.made);
        let days = (as_of - last).num_days();
        if days > i64::from(after) {
            out.push(Stale {
                id: c.id.clone(),
                source: c.source.clone(),
                quote: c.quote.clone(),
                status,
                last_news: last,
                days,
            });
        }
    }
    out.sort_by(|a, b| (b.days, &a.source, &a.id).cmp(&(a.days, &b.source, &b.id)));
    out
}

/// A date as precise as written (`2023`, `2017-09`, `2024-07-15`), taken at its last day:
/// only what is surely later than it counts as after.
pub fn last_day(value: &str) -> Option<NaiveDate> {
    let value = value.get(..10.min(value.len())).unwrap_or(value);
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => NaiveDate::from_ymd_opt(year, 12, 31),
        2 => {
            let month: u32 = parts.get(1)?.parse().ok()?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            first.checked_add_months(chrono::Months::new(1))?.pred_opt()
        }
        _ => NaiveDate::parse_from_str(value, "%Y-%m-%d").ok(),
    }
}

/// Documents and commitments of the tracker at `root`.
pub fn load(
    root: &Path,
    rules: &crate::extract::Rules,
) -> crate::Result<(Vec<Text>, Vec<Tracked>)> {
    let tracker = crate::store::load(root)?;
    let mut sources: BTreeSet<String> = BTreeSet::new();
    let seeds = root.join("seeds");
    if seeds.is_dir() {
        for entry in std::fs::read_dir(&seeds).map_err(|e| crate::Error::io(&seeds, e))? {
            let path = entry.map_err(|e| crate::Error::io(&seeds, e))?.path();
            if path.is_file() {
                sources.insert(format!(
                    "seeds/{}",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ));
            }
        }
    }
    for file in &tracker.files {
        if !file.document.source.is_empty() {
            sources.insert(file.document.source.trim_start_matches("./").to_string());
        }
    }
    let mut texts = Vec::new();
    let mut tracked = Vec::new();
    for source in &sources {
        let path = root.join(source);
        if !path.is_file() {
            continue;
        }
        let doc = crate::document::Document::read(&path)?;
        let record_file = tracker
            .files
            .iter()
            .find(|f| f.document.source.trim_start_matches("./") == source);
        let date = doc
            .published
            .as_ref()
            .map(|p| p.date)
            .or_else(|| {
                record_file
                    .and_then(|f| f.document.published.as_deref())
                    .and_then(first_day)
            })
            .or_else(|| doc.dates().first().map(|d| d.first_day));
        let Some(date) = date else { continue };
        texts.push(Text {
            source: source.clone(),
            date,
            // A title a person checked in the record file wins over the reader's guess.
            title: record_file
                .and_then(|f| f.document.title.clone())
                .or_else(|| doc.title.clone()),
            sentences: doc
                .sentences
                .iter()
                .map(|s| doc.sentence_text(s).trim().to_string())
                .collect(),
        });
        match record_file {
            Some(file) => {
                for r in &file.records {
                    let made = r
                        .made
                        .as_deref()
                        .and_then(last_day)
                        .unwrap_or(date)
                        .max(date);
                    let last_news = r
                        .evidence
                        .iter()
                        .filter_map(|e| e.date)
                        .chain(r.status_date)
                        .max();
                    tracked.push(Tracked {
                        id: r.id.clone(),
                        source: source.clone(),
                        quote: r.quote.clone(),
                        actors: r.actors.clone(),
                        made,
                        deadline: r.due_date(),
                        milestone: r.milestone.clone(),
                        status: Some(r.status),
                        last_news,
                    });
                }
            }
            None => {
                for c in crate::extract::extract(&doc, rules).commitments {
                    let made = c
                        .made
                        .as_deref()
                        .and_then(last_day)
                        .unwrap_or(date)
                        .max(date);
                    tracked.push(Tracked {
                        id: c.id,
                        source: source.clone(),
                        quote: c.quote,
                        actors: c.actors,
                        made,
                        deadline: c.deadline.map(|d| d.date),
                        milestone: c.milestone,
                        status: None,
                        last_news: None,
                    });
                }
            }
        }
    }
    Ok((texts, tracked))
}

fn first_day(value: &str) -> Option<NaiveDate> {
    let value = value.get(..10.min(value.len())).unwrap_or(value);
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok())
        .or_else(|| NaiveDate::parse_from_str(&format!("{value}-01-01"), "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests;
