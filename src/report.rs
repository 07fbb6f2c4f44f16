//! The status report: one model of the tracker as of a date, filtered, sorted and grouped,
//! rendered as a table, Markdown, CSV or JSON (the JSON is the model's serde form).

mod render;
mod table;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

pub use render::{csv, json, markdown, shorten, to_json};
pub use table::{TableOptions, table};

use crate::dates::Precision;
use crate::extract::Strength;
use crate::record::{Record, RecordFile, SourceState, Status};
use crate::store::Tracker;
use crate::{Error, Result};

/// Days within which a pending commitment counts as "due soon" in the summary.
pub const DUE_SOON_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortKey {
    Due,
    Status,
    Actor,
    Source,
    Id,
    Made,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [
        SortKey::Due,
        SortKey::Status,
        SortKey::Actor,
        SortKey::Source,
        SortKey::Id,
        SortKey::Made,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Due => "due",
            SortKey::Status => "status",
            SortKey::Actor => "actor",
            SortKey::Source => "source",
            SortKey::Id => "id",
            SortKey::Made => "made",
        }
    }

    pub fn parse(s: &str) -> Result<SortKey> {
        let s = s.trim().to_lowercase();
        SortKey::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| unknown_value("sort key", &s, SortKey::ALL.iter().map(|k| k.as_str())))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    Actor,
    Status,
    Source,
}

impl GroupBy {
    pub const ALL: [GroupBy; 3] = [GroupBy::Actor, GroupBy::Status, GroupBy::Source];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Actor => "actor",
            GroupBy::Status => "status",
            GroupBy::Source => "source",
        }
    }

    /// Parses one of `allowed` (the timeline groups by actor or source only).
    pub fn parse_among(s: &str, allowed: &[GroupBy]) -> Result<GroupBy> {
        let s = s.trim().to_lowercase();
        allowed
            .iter()
            .copied()
            .find(|g| g.as_str() == s)
            .ok_or_else(|| unknown_value("group", &s, allowed.iter().map(|g| g.as_str())))
    }

    pub fn parse(s: &str) -> Result<GroupBy> {
        GroupBy::parse_among(s, &GroupBy::ALL)
    }
}

/// A usage error naming the bad value and every valid one.
pub fn unknown_value<'a>(what: &str, value: &str, valid: impl Iterator<Item = &'a str>) -> Error {
    let valid: Vec<&str> = valid.collect();
    let valid = if valid.is_empty() {
        "(none in this tracker)".to_string()
    } else {
        valid.join(", ")
    };
    Error::Usage(format!("unknown {what} '{value}'; valid values: {valid}"))
}

/// Statuses from the command line (`open,in_progress`); `in-progress` is accepted too.
pub fn parse_statuses(values: &[String]) -> Result<Vec<Status>> {
    values
        .iter()
        .map(|v| v.trim().to_lowercase().replace('-', "_"))
        .filter(|v| !v.is_empty())
        .map(|v| {
            Status::parse(&v)
                .ok_or_else(|| unknown_value("status", &v, Status::ALL.iter().map(|s| s.as_str())))
        })
        .collect()
}

pub fn parse_strengths(values: &[String]) -> Result<Vec<Strength>> {
    const ALL: [Strength; 3] = [Strength::Firm, Strength::Intent, Strength::Interest];
    values
        .iter()
        .map(|v| v.trim().to_lowercase())
        .filter(|v| !v.is_empty())
        .map(|v| {
            ALL.into_iter()
                .find(|s| s.as_str() == v)
                .ok_or_else(|| unknown_value("strength", &v, ALL.iter().map(|s| s.as_str())))
        })
        .collect()
}

/// Which records to show. Empty lists mean "any".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub statuses: Vec<Status>,
    pub actors: Vec<String>,
    pub due_before: Option<NaiveDate>,
    pub overdue: bool,
    /// Text contained in the source document's path or in the record file's path.
    pub source: Option<String>,
    pub strengths: Vec<Strength>,
}

#[derive(Debug, Clone)]
pub struct Query {
    pub as_of: NaiveDate,
    pub filter: Filter,
    pub sort: SortKey,
    pub group_by: Option<GroupBy>,
}

impl Query {
    pub fn new(as_of: NaiveDate) -> Self {
        Query {
            as_of,
            filter: Filter::default(),
            sort: SortKey::Due,
            group_by: None,
        }
    }
}

/// The date a record is due, and where that date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Due<'a> {
    pub date: NaiveDate,
    /// Precision of the extracted deadline; none when a person set `due`.
    pub precision: Option<Precision>,
    /// The expression that set it ("en 2025"); none when a person set `due`.
    pub text: Option<&'a str>,
    /// A person's `due` overrides the extracted deadline.
    pub set_by_hand: bool,
}

impl<'a> Due<'a> {
    pub fn of(record: &'a Record) -> Option<Due<'a>> {
        if let Some(date) = record.due {
            return Some(Due {
                date,
                precision: None,
                text: None,
                set_by_hand: true,
            });
        }
        record.deadline.as_ref().map(|d| Due {
            date: d.date,
            precision: Some(d.precision),
            text: Some(d.text.as_str()),
            set_by_hand: false,
        })
    }

    /// `2025-12-31 (year)`, or `2025-06-30 (set)` for a person's override.
    pub fn label(&self) -> String {
        match self.precision {
            Some(p) => format!("{} ({})", self.date, p.as_str()),
            None => format!("{} (set)", self.date),
        }
    }
}

/// Days from `as_of` to the record's due date, for commitments still expected to happen;
/// negative when late.
pub fn days_left(record: &Record, as_of: NaiveDate) -> Option<i64> {
    if !record.status.is_pending() {
        return None;
    }
    record.due_date().map(|d| (d - as_of).num_days())
}

/// Pending and due before `as_of`. Due today is not overdue.
pub fn is_overdue(record: &Record, as_of: NaiveDate) -> bool {
    days_left(record, as_of).is_some_and(|d| d < 0)
}

/// A path inside the tracker, with `/` whatever the platform, as CI annotations expect.
pub fn display_path(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Parses `made` (`2023`, `2017-09`, `2024-07-15`) to the first day it can mean.
pub fn partial_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let day: u32 = match parts.next() {
        // `2024-07-15T10:00` and similar: keep the date.
        Some(d) => d.get(..2).unwrap_or(d).parse().ok()?,
        None => 1,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// One commitment as the report shows it; it borrows from the tracker, so that a report
/// over 100,000 records copies no text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row<'a> {
    pub id: &'a str,
    pub actors: &'a [String],
    /// The full quote; renderers for people shorten it.
    pub quote: &'a str,
    pub strength: Strength,
    pub deadline: Option<Due<'a>>,
    pub status: Status,
    /// Days left until the due date (negative when late), for pending commitments only.
    pub days_left: Option<i64>,
    pub overdue: bool,
    pub made: Option<&'a str>,
    /// The source document, as written in the record file.
    pub source: &'a str,
    pub source_state: SourceState,
    /// The record file, relative to the tracker root, and the line of the record.
    #[serde(serialize_with = "serialize_path")]
    pub file: &'a Path,
    pub line: usize,
    pub owner: Option<&'a str>,
}

fn serialize_path<S: serde::Serializer>(
    path: &&Path,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.serialize_str(&display_path(path))
}

impl<'a> Row<'a> {
    pub fn new(file: &'a RecordFile, record: &'a Record, as_of: NaiveDate) -> Row<'a> {
        Row {
            id: &record.id,
            actors: &record.actors,
            quote: &record.quote,
            strength: record.strength,
            deadline: Due::of(record),
            status: record.status,
            days_left: days_left(record, as_of),
            overdue: is_overdue(record, as_of),
            made: record.made.as_deref(),
            source: &file.document.source,
            source_state: record.source_state,
            file: &file.path,
            line: record.line,
            owner: record.owner.as_deref(),
        }
    }

    /// "in 12 days", "today", "3 days late"; empty when nothing is expected any more.
    pub fn days_label(&self) -> String {
        match self.days_left {
            None => String::new(),
            Some(0) => "today".into(),
            Some(1) => "in 1 day".into(),
            Some(-1) => "1 day late".into(),
            Some(d) if d > 0 => format!("in {d} days"),
            Some(d) => format!("{} days late", -d),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Summary {
    pub total: usize,
    /// Counts per status, in the order of the status list; statuses with none are left out.
    pub by_status: BTreeMap<Status, usize>,
    pub overdue: usize,
    /// Pending and due between today and `DUE_SOON_DAYS` days from now.
    pub due_soon: usize,
}

impl Summary {
    fn add(&mut self, row: &Row) {
        self.total += 1;
        *self.by_status.entry(row.status).or_default() += 1;
        if row.overdue {
            self.overdue += 1;
        }
        if row
            .days_left
            .is_some_and(|d| (0..=DUE_SOON_DAYS).contains(&d))
        {
            self.due_soon += 1;
        }
    }

    /// `7 commitments: 2 proposed, 3 open, 2 done; 1 overdue, 2 due within 30 days`.
    pub fn line(&self) -> String {
        let noun = if self.total == 1 {
            "commitment"
        } else {
            "commitments"
        };
        let mut out = format!("{} {noun}", self.total);
        if !self.by_status.is_empty() {
            out.push_str(": ");
            out.push_str(&count_list(&self.by_status, |s| s.as_str()));
        }
        out.push_str(&format!(
            "; {} overdue, {} due within {DUE_SOON_DAYS} days",
            self.overdue, self.due_soon
        ));
        out
    }
}

/// `2 open, 1 done`: the counts of a map, in its order.
pub fn count_list<K>(counts: &BTreeMap<K, usize>, name: impl Fn(&K) -> &str) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(k, n)| format!("{n} {}", name(k)))
        .collect();
    parts.join(", ")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group<'a> {
    /// The actor, status or source shared by the rows; absent when not grouping.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub rows: Vec<Row<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report<'a> {
    pub as_of: NaiveDate,
    pub sort: SortKey,
    pub group_by: Option<GroupBy>,
    /// Over the rows shown, each counted once even when it appears in several groups.
    pub summary: Summary,
    pub groups: Vec<Group<'a>>,
}

impl<'a> Report<'a> {
    pub fn rows(&self) -> impl Iterator<Item = &Row<'a>> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }
}

/// Label of the group for a record without actors.
pub const NO_ACTOR: &str = "(no actor)";

/// Builds the report. Filter values that match nothing in the tracker (an actor or source
/// nobody wrote) are usage errors naming the valid ones, since they are most often typos.
pub fn build<'a>(tracker: &'a Tracker, query: &Query) -> Result<Report<'a>> {
    let filter = &query.filter;
    check_known_values(tracker, filter)?;
    let actors: Vec<String> = filter.actors.iter().map(|a| a.to_lowercase()).collect();
    let source = filter.source.as_ref().map(|s| s.to_lowercase());
    let mut rows = Vec::new();
    for (file, record) in tracker.records() {
        if !filter.statuses.is_empty() && !filter.statuses.contains(&record.status) {
            continue;
        }
        if !filter.strengths.is_empty() && !filter.strengths.contains(&record.strength) {
            continue;
        }
        if !actors.is_empty()
            && !record
                .actors
                .iter()
                .any(|a| actors.contains(&a.to_lowercase()))
        {
            continue;
        }
        if filter
            .due_before
            .is_some_and(|before| record.due_date().is_none_or(|d| d >= before))
        {
            continue;
        }
        if filter.overdue && !is_overdue(record, query.as_of) {
            continue;
        }
        if source.as_ref().is_some_and(|s| !matches_source(file, s)) {
            continue;
        }
        rows.push(Row::new(file, record, query.as_of));
    }
    sort_rows(&mut rows, query.sort);
    let mut summary = Summary::default();
    rows.iter().for_each(|r| summary.add(r));
    let groups = match query.group_by {
        None => vec![Group { key: None, rows }],
        Some(by) => group_rows(rows, by, &actors),
    };
    Ok(Report {
        as_of: query.as_of,
        sort: query.sort,
        group_by: query.group_by,
        summary,
        groups,
    })
}

fn matches_source(file: &RecordFile, needle_lower: &str) -> bool {
    file.document.source.to_lowercase().contains(needle_lower)
        || display_path(&file.path)
            .to_lowercase()
            .contains(needle_lower)
}

fn check_known_values(tracker: &Tracker, filter: &Filter) -> Result<()> {
    for wanted in &filter.actors {
        let lower = wanted.to_lowercase();
        if !tracker
            .records()
            .any(|(_, r)| r.actors.iter().any(|a| a.to_lowercase() == lower))
        {
            let known: std::collections::BTreeSet<&str> = tracker
                .records()
                .flat_map(|(_, r)| r.actors.iter().map(String::as_str))
                .collect();
            return Err(unknown_value("actor", wanted, known.into_iter()));
        }
    }
    if let Some(source) = &filter.source {
        let lower = source.to_lowercase();
        if !tracker.files.iter().any(|f| matches_source(f, &lower)) {
            let known: std::collections::BTreeSet<&str> = tracker
                .files
                .iter()
                .map(|f| f.document.source.as_str())
                .collect();
            return Err(unknown_value("source", source, known.into_iter()));
        }
    }
    Ok(())
}

/// Sorts by `key`, then by id, so that equal keys always come out in the same order.
pub fn sort_rows(rows: &mut [Row], key: SortKey) {
    use std::cmp::Ordering;
    // `None` sorts last whatever the key.
    fn last_none<T: Ord>(a: &Option<T>, b: &Option<T>) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    if key == SortKey::Made {
        // Parse each `made` once, not at every comparison.
        rows.sort_by_cached_key(|r| {
            let made = r.made.and_then(partial_date);
            (made.is_none(), made, r.made, r.id)
        });
        return;
    }
    let due = |r: &Row| r.deadline.as_ref().map(|d| d.date);
    crate::store::parallel::sort_by(rows, |a, b| {
        let primary = match key {
            SortKey::Due => last_none(&due(a), &due(b)),
            SortKey::Status => a
                .status
                .cmp(&b.status)
                .then_with(|| last_none(&due(a), &due(b))),
            SortKey::Actor => a.actors.cmp(b.actors),
            SortKey::Source => a.source.cmp(b.source).then(a.line.cmp(&b.line)),
            SortKey::Id | SortKey::Made => Ordering::Equal,
        };
        primary.then_with(|| a.id.cmp(b.id))
    });
}

/// Groups sorted rows, keeping their order inside each group. By actor, a commitment shared
/// by several actors appears under each of them (only under the filtered ones, if any).
fn group_rows<'a>(rows: Vec<Row<'a>>, by: GroupBy, only_actors: &[String]) -> Vec<Group<'a>> {
    let mut groups: BTreeMap<(usize, String), Vec<Row<'a>>> = BTreeMap::new();
    for row in rows {
        for key in group_keys(&row, by) {
            if by == GroupBy::Actor
                && !only_actors.is_empty()
                && !only_actors.contains(&key.1.to_lowercase())
            {
                continue;
            }
            groups.entry(key).or_default().push(row.clone());
        }
    }
    groups
        .into_iter()
        .map(|((_, key), rows)| Group {
            key: Some(key),
            rows,
        })
        .collect()
}

/// The sort rank and label of each group a row belongs to.
pub fn group_keys(row: &Row, by: GroupBy) -> Vec<(usize, String)> {
    match by {
        GroupBy::Status => {
            let rank = Status::ALL
                .iter()
                .position(|s| *s == row.status)
                .unwrap_or(usize::MAX);
            vec![(rank, row.status.as_str().to_string())]
        }
        GroupBy::Source => vec![(0, row.source.to_string())],
        GroupBy::Actor if row.actors.is_empty() => vec![(1, NO_ACTOR.to_string())],
        GroupBy::Actor => {
            let mut keys: Vec<(usize, String)> =
                row.actors.iter().map(|a| (0, a.clone())).collect();
            keys.sort();
            keys.dedup();
            keys
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_take_the_first_day() {
        assert_eq!(partial_date("2023"), NaiveDate::from_ymd_opt(2023, 1, 1));
        assert_eq!(partial_date("2017-09"), NaiveDate::from_ymd_opt(2017, 9, 1));
        assert_eq!(
            partial_date("2024-07-15"),
            NaiveDate::from_ymd_opt(2024, 7, 15)
        );
        assert_eq!(
            partial_date("2024-07-15T16:50"),
            NaiveDate::from_ymd_opt(2024, 7, 15)
        );
        assert_eq!(partial_date("2024-13"), None);
        assert_eq!(partial_date("soon"), None);
        assert_eq!(partial_date(""), None);
        assert_eq!(partial_date("2024-07-1é"), None);
    }

    #[test]
    fn unknown_values_list_the_valid_ones() {
        let err = parse_statuses(&["opne".into()]).unwrap_err().to_string();
        assert!(err.contains("opne") && err.contains("in_progress"), "{err}");
        assert_eq!(
            parse_statuses(&["in-progress".into()]).unwrap(),
            vec![Status::InProgress]
        );
        assert!(SortKey::parse("due").is_ok());
        assert!(
            SortKey::parse("size")
                .unwrap_err()
                .to_string()
                .contains("made")
        );
        assert!(GroupBy::parse_among("status", &[GroupBy::Actor, GroupBy::Source]).is_err());
        assert!(
            parse_strengths(&["strong".into()])
                .unwrap_err()
                .to_string()
                .contains("interest")
        );
    }

    #[test]
    fn summary_line_reads_well() {
        let mut s = Summary::default();
        assert_eq!(s.line(), "0 commitments; 0 overdue, 0 due within 30 days");
        s.total = 1;
        s.by_status.insert(Status::Open, 1);
        assert_eq!(
            s.line(),
            "1 commitment: 1 open; 0 overdue, 0 due within 30 days"
        );
    }
}
