//! The history of status changes in `commitments/`, read from git: for every commit that
//! touched a record file, the statuses by id before and after it.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use serde::Serialize;

/// Runs git in `root` and returns its standard output.
pub fn git(root: &Path, args: &[&str]) -> crate::Result<Vec<u8>> {
    let output = Command::new("git")
        .args(args)
        .current_dir(root)
        .output()
        .map_err(|e| crate::Error::External {
            program: "git".into(),
            message: e.to_string(),
        })?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(crate::Error::External {
            program: format!("git {}", args.join(" ")),
            message,
        });
    }
    Ok(output.stdout)
}

/// The bytes of `path` (relative to `root`) at revision `rev`.
pub fn show(root: &Path, rev: &str, path: &str) -> crate::Result<Vec<u8>> {
    let path = path.strip_prefix("./").unwrap_or(path);
    git(root, &["show", &format!("{rev}:./{path}")])
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub commit: String,
    pub author: String,
    pub email: String,
    /// The commit's author date, ISO 8601 with its offset.
    pub when: String,
    pub date: NaiveDate,
    pub file: String,
    pub id: String,
    /// `None` for a record created with a status other than `proposed`.
    pub from: Option<String>,
    pub to: String,
    /// The record's note after the change, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Statuses (and notes) by id of one record file's text; a file that does not parse gives
/// nothing rather than failing the whole history.
fn statuses(text: &str) -> BTreeMap<String, (String, Option<String>)> {
    let mut out = BTreeMap::new();
    let Ok(table) = text.parse::<toml::Table>() else {
        return out;
    };
    let Some(records) = table.get("commitment").and_then(|v| v.as_array()) else {
        return out;
    };
    for r in records {
        let (Some(id), Some(status)) = (
            r.get("id").and_then(|v| v.as_str()),
            r.get("status").and_then(|v| v.as_str()),
        ) else {
            continue;
        };
        let note = r.get("note").and_then(|v| v.as_str()).map(str::to_string);
        out.insert(id.to_string(), (status.to_string(), note));
    }
    out
}

/// Every status change in `commitments/*.toml` of the repository at `root`, oldest first,
/// on or after `since`.
pub fn log(root: &Path, since: Option<NaiveDate>) -> crate::Result<Vec<StatusChange>> {
    let out = git(
        root,
        &[
            "-c",
            "core.quotePath=false",
            "log",
            "--relative",
            "--no-merges",
            "--reverse",
            "--format=%x01%H%x09%an%x09%ae%x09%aI%x09%P",
            "--name-only",
            "--",
            "commitments/*.toml",
        ],
    )?;
    let text = String::from_utf8_lossy(&out);
    let mut changes = Vec::new();
    for block in text.split('\u{1}').filter(|b| !b.trim().is_empty()) {
        let mut lines = block.lines();
        let Some(header) = lines.next() else { continue };
        let fields: Vec<&str> = header.split('\t').collect();
        let [commit, author, email, when, parents] = fields[..] else {
            continue;
        };
        let Some(date) = when
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            continue;
        };
        if since.is_some_and(|s| date < s) {
            continue;
        }
        let parent = parents.split_whitespace().next();
        for file in lines.map(str::trim).filter(|l| l.ends_with(".toml")) {
            let after = show(root, commit, file)
                .map(|b| statuses(&String::from_utf8_lossy(&b)))
                .unwrap_or_default();
            let before = match parent {
                Some(p) => show(root, p, file)
                    .map(|b| statuses(&String::from_utf8_lossy(&b)))
                    .unwrap_or_default(),
                None => BTreeMap::new(),
            };
            for (id, (to, note)) in &after {
                let from = before.get(id).map(|(s, _)| s.clone());
                let changed = match &from {
                    Some(f) => f != to,
                    None => to != "proposed",
                };
                if changed {
                    changes.push(StatusChange {
                        commit: commit.chars().take(12).collect(),
                        author: author.to_string(),
                        email: email.to_string(),
                        when: when.to_string(),
                        date,
                        file: file.to_string(),
                        id: id.clone(),
                        from,
                        to: to.clone(),
                        note: note.clone(),
                    });
                }
            }
        }
    }
    Ok(changes)
}

pub mod render {
    //! Renderers of the status history.
    use std::fmt::Write;

    use super::StatusChange;

    pub fn json(changes: &[StatusChange]) -> String {
        let value = serde_json::json!({ "changes": changes });
        let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
        s.push('\n');
        s
    }

    fn from(c: &StatusChange) -> &str {
        c.from.as_deref().unwrap_or("(new)")
    }

    pub fn text(changes: &[StatusChange]) -> String {
        let mut out = String::new();
        if changes.is_empty() {
            out.push_str("no status change\n");
        }
        for c in changes {
            let _ = writeln!(
                out,
                "{}  {}  {}  {} → {}  ({}, {})",
                c.date,
                c.author,
                c.id,
                from(c),
                c.to,
                c.commit,
                c.file
            );
        }
        out
    }

    pub fn markdown(changes: &[StatusChange]) -> String {
        let mut out =
            String::from("| date | who | id | from | to | commit |\n|---|---|---|---|---|---|\n");
        for c in changes {
            let _ = writeln!(
                out,
                "| {} | {} | `{}` | {} | {} | `{}` |",
                c.date,
                c.author.replace('|', "\\|"),
                c.id,
                from(c),
                c.to,
                c.commit
            );
        }
        out
    }
}
