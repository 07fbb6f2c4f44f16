//! `--apply`: the suggested fates written into the records still pending, through the
//! store's `set` (lock, atomic write, only the keys it changes).

use std::path::Path;

use serde::Serialize;

use super::{Fate, Report};
use crate::record::Evidence;
use crate::store::{Edit, set};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub id: String,
    pub fate: Fate,
    pub written: bool,
}

/// Writes one suggestion per pending record; records a person already closed are left as
/// they are.
pub fn apply(root: &Path, report: &Report) -> crate::Result<Vec<Applied>> {
    let tracker = crate::store::load(root)?;
    let mut out = Vec::new();
    for f in report.suggestions() {
        let Some((_, record)) = tracker.find(&f.commitment.id) else {
            continue;
        };
        if !record.status.is_pending() {
            continue;
        }
        let evidence = match (&f.evidence.source, &f.evidence.quote) {
            (Some(source), quote) => vec![Evidence {
                date: f.evidence.date,
                source: source.clone(),
                quote: quote.clone(),
                url: None,
            }],
            _ => Vec::new(),
        };
        let status = f.fate.status().filter(|s| *s != record.status);
        let edit = Edit {
            date: status.and(
                f.evidence
                    .date
                    .filter(|_| f.fate != Fate::Missed)
                    .or(Some(report.as_of)),
            ),
            status,
            append_note: Some(format!(
                "suggested by pledge followups on {}: {} ({})",
                report.as_of,
                f.fate.as_str(),
                f.reason
            )),
            evidence,
            ..Edit::default()
        };
        let done = set(root, &f.commitment.id, &edit)?;
        out.push(Applied {
            id: f.commitment.id.clone(),
            fate: f.fate,
            written: done.written,
        });
    }
    Ok(out)
}
