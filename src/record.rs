//! The tracker's records: one TOML file per source document under `commitments/`.
//!
//! Fields written by the tool and fields owned by people are kept apart in the model so
//! that re-extraction can refresh the first and never touch the second.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::extract::{Deadline, Milestone, Strength};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Proposed,
    Open,
    InProgress,
    Done,
    Partial,
    Missed,
    Dropped,
    Rejected,
    Superseded,
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Proposed,
        Status::Open,
        Status::InProgress,
        Status::Done,
        Status::Partial,
        Status::Missed,
        Status::Dropped,
        Status::Rejected,
        Status::Superseded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Open => "open",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Partial => "partial",
            Status::Missed => "missed",
            Status::Dropped => "dropped",
            Status::Rejected => "rejected",
            Status::Superseded => "superseded",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Still expected to happen: these are the ones a deadline can make overdue.
    pub fn is_pending(self) -> bool {
        matches!(self, Status::Proposed | Status::Open | Status::InProgress)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SourceState {
    #[default]
    Current,
    Changed,
    Missing,
}

impl SourceState {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceState::Current => "current",
            SourceState::Changed => "changed",
            SourceState::Missing => "missing",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub date: Option<NaiveDate>,
    pub source: String,
    pub quote: Option<String>,
    pub url: Option<String>,
}

/// The metadata of the source document, at the top of its record file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DocumentMeta {
    /// Path of the source document relative to the tracker root (`seeds/004_....txt`).
    pub source: String,
    pub title: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    pub updated: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    // Written by the tool.
    pub id: String,
    pub quote: String,
    /// The quote before the source sentence was reworded (`source_state = "changed"`).
    pub previous_quote: Option<String>,
    pub span: [usize; 2],
    pub actors: Vec<String>,
    pub strength: Strength,
    pub deadline: Option<Deadline>,
    pub made: Option<String>,
    pub milestone: Option<Milestone>,
    pub rule: String,
    #[serde(default)]
    pub source_state: SourceState,
    // Owned by people.
    pub status: Status,
    pub status_date: Option<NaiveDate>,
    pub owner: Option<String>,
    pub note: Option<String>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// A person's override of the deadline.
    pub due: Option<NaiveDate>,
    /// 1-based line of the record's `[[commitment]]` header in its file.
    #[serde(skip)]
    pub line: usize,
}

impl Record {
    /// The date it is due: a person's `due` wins over the extracted deadline.
    pub fn due_date(&self) -> Option<NaiveDate> {
        self.due.or(self.deadline.as_ref().map(|d| d.date))
    }
}

/// One file under `commitments/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordFile {
    pub path: PathBuf,
    pub document: DocumentMeta,
    pub records: Vec<Record>,
}
