//! Changing a record's people-owned fields on request (`pledge set`, follow-ups' `--apply`),
//! with the same guarantees as a sync: only the keys asked for change, under the lock,
//! atomically, and not at all when the tracker is invalid.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use toml_edit::{DocumentMut, Item, Value};

use super::edit::{self, put};
use super::{Lock, write_atomic};
use crate::diag::did_you_mean;
use crate::record::{Evidence, Status};

/// What to change in one record. Empty fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edit {
    pub status: Option<Status>,
    /// The date of the change: written as `status_date` when `status` is given.
    pub date: Option<NaiveDate>,
    pub owner: Option<String>,
    /// Replaces the note.
    pub note: Option<String>,
    /// Added to the end of the note, on a line of its own, unless the note already says it.
    pub append_note: Option<String>,
    /// Added unless the record already holds the same entry.
    pub evidence: Vec<Evidence>,
    pub due: Option<NaiveDate>,
    /// Added unless already there.
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetReport {
    pub id: String,
    /// The record file, relative to the tracker root.
    pub path: PathBuf,
    /// Whether the file's bytes changed.
    pub written: bool,
}

/// An evidence entry from what a person gives: a URL goes in `url` and its host becomes the
/// source; anything else is a file (or a document name) and is the source itself.
pub fn evidence_from(reference: &str, date: Option<NaiveDate>, quote: Option<String>) -> Evidence {
    let reference = reference.trim();
    let host = reference
        .split_once("://")
        .filter(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+')
        })
        .map(|(_, rest)| {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
            let host = authority.rsplit('@').next().unwrap_or(authority);
            host.split(':').next().unwrap_or(host).to_string()
        });
    match host {
        Some(host) if !host.is_empty() => Evidence {
            date,
            source: host,
            quote,
            url: Some(reference.to_string()),
        },
        _ => Evidence {
            date,
            source: reference.to_string(),
            quote,
            url: None,
        },
    }
}

/// Applies `edit` to the record `id` under `root`. An unknown id is a usage error with the
/// closest id as a hint.
pub fn set(root: &Path, id: &str, edit: &Edit) -> crate::Result<SetReport> {
    let _lock = Lock::acquire(root)?;
    let tracker = super::load(root)?;
    let Some((file, record)) = tracker.find(id) else {
        let hint = did_you_mean(id, tracker.records().map(|(_, r)| r.id.as_str()))
            .map(|h| format!("; {h}"))
            .unwrap_or_default();
        return Err(crate::Error::Usage(format!(
            "no record has the id `{id}`{hint}"
        )));
    };
    let full = root.join(&file.path);
    let original = std::fs::read_to_string(&full).map_err(|e| crate::Error::io(&full, e))?;
    let mut doc: DocumentMut = original
        .parse()
        .map_err(|e: toml_edit::TomlError| crate::Error::input(&file.path, e.to_string()))?;
    let tables = edit::commitments_mut(&mut doc, &file.path)?;
    let table = edit::record_mut(tables, id).ok_or_else(|| {
        crate::Error::input(
            &file.path,
            format!("record `{id}` is not a [[commitment]] table"),
        )
    })?;

    if let Some(status) = edit.status {
        if status != record.status {
            put(table, "status", status.as_str().into());
        }
        if let Some(date) = edit.date.filter(|d| Some(*d) != record.status_date) {
            edit::put_after(table, "status_date", date.to_string().into(), "status");
        }
    }
    if let Some(owner) = edit
        .owner
        .as_deref()
        .filter(|o| Some(*o) != record.owner.as_deref())
    {
        put(table, "owner", owner.into());
    }
    let mut note = record.note.clone();
    if let Some(new) = &edit.note {
        note = Some(new.clone());
    }
    if let Some(more) = edit.append_note.as_deref().filter(|m| !m.trim().is_empty()) {
        note = match note {
            Some(old) if old.contains(more) => Some(old),
            Some(old) if old.trim().is_empty() => Some(more.to_string()),
            Some(old) => Some(format!("{}\n{more}", old.trim_end())),
            None => Some(more.to_string()),
        };
    }
    if let Some(note) = note.filter(|n| Some(n) != record.note.as_ref()) {
        put(table, "note", note.as_str().into());
    }
    for evidence in &edit.evidence {
        if !record.evidence.contains(evidence) {
            edit::push_evidence(table, evidence);
        }
    }
    if let Some(due) = edit.due.filter(|d| Some(*d) != record.due) {
        put(table, "due", due.to_string().into());
    }
    let new_tags: Vec<&String> = edit
        .tags
        .iter()
        .filter(|t| !record.tags.contains(t))
        .collect();
    if !new_tags.is_empty() {
        match table.get_mut("tags") {
            Some(Item::Value(Value::Array(tags))) => {
                for tag in new_tags {
                    tags.push(tag.as_str());
                }
            }
            _ => {
                let mut tags = record.tags.clone();
                tags.extend(new_tags.into_iter().cloned());
                put(table, "tags", edit::strings_value(&tags));
            }
        }
    }

    let text = edit::print(&doc, &original);
    let written = text != original;
    if written {
        let problems: Vec<_> = crate::validate::check_file(&file.path, &text)
            .diagnostics
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        if !problems.is_empty() {
            return Err(crate::Error::Invalid(problems));
        }
        write_atomic(&full, text.as_bytes())?;
    }
    Ok(SetReport {
        id: id.to_string(),
        path: file.path.clone(),
        written,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_from_a_url_or_a_file() {
        let day = NaiveDate::from_ymd_opt(2025, 6, 3);
        let e = evidence_from("https://www.eeas.europa.eu/x/y?z=1", day, None);
        assert_eq!(e.source, "www.eeas.europa.eu");
        assert_eq!(e.url.as_deref(), Some("https://www.eeas.europa.eu/x/y?z=1"));
        let e = evidence_from("seeds/005.txt", day, Some("q".into()));
        assert_eq!(
            (e.source.as_str(), e.url, e.quote.as_deref()),
            ("seeds/005.txt", None, Some("q"))
        );
    }
}
