//! Merging a new extraction into the record files: refresh what the tool owns, never touch
//! what people own, never delete, never re-propose what a person rejected, and change no
//! byte when nothing changed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml_edit::{DocumentMut, Item, Value};

use super::edit::{self, put};
use super::{Lock, write_atomic};
use crate::extract::Commitment;
use crate::record::{DocumentMeta, Record, RecordFile, SourceState, Status};

/// What an extraction found in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractedDocument {
    pub meta: DocumentMeta,
    pub commitments: Vec<Commitment>,
}

/// What a sync did to one record file; the lists hold record ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FileSync {
    /// Relative to the tracker root.
    pub path: PathBuf,
    pub source: String,
    pub created: bool,
    /// Whether the file's bytes changed on disk.
    pub written: bool,
    pub added: Vec<String>,
    /// Matched and some tool-owned field refreshed (span, deadline, ...).
    pub refreshed: Vec<String>,
    /// The source sentence was reworded: `source_state = "changed"`.
    pub changed: Vec<String>,
    /// The source sentence is gone: `source_state = "missing"`.
    pub missing: Vec<String>,
    pub unchanged: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// One entry per document synced, sorted by path.
    pub files: Vec<FileSync>,
}

impl SyncReport {
    /// The files whose bytes changed.
    pub fn written(&self) -> impl Iterator<Item = &Path> {
        self.files
            .iter()
            .filter(|f| f.written)
            .map(|f| f.path.as_path())
    }
}

/// Two quotes at or above this similarity are the same commitment reworded. The similarity
/// is the share of words the two keep in the same order (2 × common / total, over lower-cased
/// words). A rewording (a date moved, a clause added or cut, an actor renamed) keeps most of
/// a sentence's words: one changed word in twenty scores 0.95, a clause of ten words added to
/// twenty scores 0.8. Two different sentences of one document share actors and function
/// words only: over the 626 pairs of sentences of eight words or more within each of the five
/// seed documents, the median is 0.13, the 99th percentile 0.33 and the highest 0.42. 0.6
/// sits between, on the side of "different": a wrong match would hide a new commitment
/// under an old record, while a missed match only leaves the old record marked missing
/// beside a new proposal, which a reviewer sees.
pub const MATCH_THRESHOLD: f32 = 0.6;

/// How alike two quotes are, from 0 (no word in common) to 1 (the same words in order).
pub fn quote_similarity(a: &str, b: &str) -> f32 {
    fn words(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }
    let (a, b) = (words(a), words(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b);
    similar::diff_ratio(&ops, a.len(), b.len())
}

/// Merges what was found in `docs` into the record files under `root`, under the tracker
/// lock. If any record file is invalid, nothing is written and every problem is returned
/// (`Error::Invalid`).
pub fn sync(root: &Path, docs: &[ExtractedDocument]) -> crate::Result<SyncReport> {
    let _lock = Lock::acquire(root)?;
    let tracker = super::load(root)?;
    let mut ids: HashSet<String> = tracker.records().map(|(_, r)| r.id.clone()).collect();
    let mut taken_names: HashSet<PathBuf> = tracker.files.iter().map(|f| f.path.clone()).collect();
    let mut writes: Vec<(PathBuf, String)> = Vec::new();
    let mut report = SyncReport::default();
    let mut seen_sources = HashSet::new();
    for doc in docs {
        let mut meta = doc.meta.clone();
        meta.source = relative_source(root, &meta.source);
        if !seen_sources.insert(meta.source.clone()) {
            return Err(crate::Error::Usage(format!(
                "document `{}` given twice",
                meta.source
            )));
        }
        let (file_sync, text) = match tracker.file_for_source(&meta.source) {
            Some(file) => merge_file(root, file, &meta, &doc.commitments, &mut ids)?,
            None => create_file(root, &meta, &doc.commitments, &mut ids, &mut taken_names),
        };
        if let Some(text) = text {
            writes.push((file_sync.path.clone(), text));
        }
        report.files.push(file_sync);
    }
    // What is written must read back without a problem, or nothing is written.
    let mut problems = Vec::new();
    for (path, text) in &writes {
        problems.extend(
            crate::validate::check_file(path, text)
                .diagnostics
                .into_iter()
                .filter(|d| d.is_error()),
        );
    }
    if !problems.is_empty() {
        return Err(crate::Error::Invalid(problems));
    }
    for (path, text) in &writes {
        write_atomic(&root.join(path), text.as_bytes())?;
    }
    report.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(report)
}

/// The document's path as recorded: relative to the root, with `/`.
fn relative_source(root: &Path, source: &str) -> String {
    let path = Path::new(source);
    let stripped = path
        .strip_prefix(root)
        .ok()
        .map(Path::to_path_buf)
        .or_else(|| {
            let root = root.canonicalize().ok()?;
            let full = path.canonicalize().ok()?;
            full.strip_prefix(root).ok().map(Path::to_path_buf)
        });
    let rel = stripped.unwrap_or_else(|| path.to_path_buf());
    let parts: Vec<String> = rel
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        source.to_string()
    } else {
        parts.join("/").replace("//", "/")
    }
}

/// The finding's id, made valid (no spaces, not empty) and unique across the tracker.
fn unique_id(id: &str, ids: &mut HashSet<String>) -> String {
    let id: String = id
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { '-' } else { c })
        .collect();
    let id = if id.is_empty() {
        "commitment".to_string()
    } else {
        id
    };
    let mut candidate = id.clone();
    let mut n = 2;
    while ids.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    ids.insert(candidate.clone());
    candidate
}

fn new_record(c: &Commitment, id: String) -> Record {
    Record {
        id,
        quote: c.quote.clone(),
        previous_quote: None,
        span: c.span,
        actors: c.actors.clone(),
        strength: c.strength,
        deadline: c.deadline.clone(),
        made: c.made.clone(),
        milestone: c.milestone.clone(),
        rule: c.rule.clone(),
        source_state: SourceState::Current,
        status: Status::Proposed,
        status_date: None,
        owner: None,
        note: None,
        evidence: Vec::new(),
        tags: Vec::new(),
        due: None,
        line: 0,
    }
}

fn create_file(
    root: &Path,
    meta: &DocumentMeta,
    found: &[Commitment],
    ids: &mut HashSet<String>,
    taken: &mut HashSet<PathBuf>,
) -> (FileSync, Option<String>) {
    let name = edit::file_name(meta);
    let stem = name.trim_end_matches(".toml").to_string();
    let dir = Path::new("commitments");
    let mut path = dir.join(&name);
    let mut n = 2;
    while taken.contains(&path) || root.join(&path).exists() {
        path = dir.join(format!("{stem}-{n}.toml"));
        n += 1;
    }
    taken.insert(path.clone());
    let records: Vec<Record> = found
        .iter()
        .map(|c| new_record(c, unique_id(&c.id, ids)))
        .collect();
    let text = edit::new_file_text(meta, &records);
    let sync = FileSync {
        path,
        source: meta.source.clone(),
        created: true,
        written: true,
        added: records.iter().map(|r| r.id.clone()).collect(),
        ..FileSync::default()
    };
    (sync, Some(text))
}

/// Pairs each existing record with what was found now: first by id, then by the most
/// similar quote above [`MATCH_THRESHOLD`]. `result[i]` is the finding matched to record `i`.
fn match_records(records: &[Record], found: &[Commitment]) -> Vec<Option<usize>> {
    let mut matched: Vec<Option<usize>> = vec![None; records.len()];
    let mut used = vec![false; found.len()];
    for (ri, record) in records.iter().enumerate() {
        if let Some(ni) = found
            .iter()
            .enumerate()
            .position(|(ni, c)| !used[ni] && c.id == record.id)
        {
            matched[ri] = Some(ni);
            used[ni] = true;
        }
    }
    let mut pairs = Vec::new();
    for (ri, record) in records
        .iter()
        .enumerate()
        .filter(|(ri, _)| matched[*ri].is_none())
    {
        for (ni, c) in found.iter().enumerate().filter(|(ni, _)| !used[*ni]) {
            let score = quote_similarity(&record.quote, &c.quote);
            if score >= MATCH_THRESHOLD {
                pairs.push((score, ri, ni));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, ri, ni) in pairs {
        if matched[ri].is_none() && !used[ni] {
            matched[ri] = Some(ni);
            used[ni] = true;
        }
    }
    matched
}

fn merge_file(
    root: &Path,
    file: &RecordFile,
    meta: &DocumentMeta,
    found: &[Commitment],
    ids: &mut HashSet<String>,
) -> crate::Result<(FileSync, Option<String>)> {
    let full = root.join(&file.path);
    let original = std::fs::read_to_string(&full).map_err(|e| crate::Error::io(&full, e))?;
    let mut doc: DocumentMut = original
        .parse()
        .map_err(|e: toml_edit::TomlError| crate::Error::input(&file.path, e.to_string()))?;
    let mut sync = FileSync {
        path: file.path.clone(),
        source: meta.source.clone(),
        ..FileSync::default()
    };

    if let Some(table) = doc.get_mut("document").and_then(Item::as_table_mut) {
        for (key, new) in edit::document_fields(meta) {
            let old = edit::document_fields(&file.document)
                .into_iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| v);
            if let Some(new) = new.filter(|new| Some(*new) != old) {
                put(table, key, new.into());
            }
        }
    }

    let matched = match_records(&file.records, found);
    let tables = edit::commitments_mut(&mut doc, &file.path)?;
    let mut used = vec![false; found.len()];
    for (record, m) in file.records.iter().zip(&matched) {
        let Some(table) = edit::record_mut(tables, &record.id) else {
            continue;
        };
        let Some(ni) = *m else {
            if record.source_state == SourceState::Missing {
                sync.unchanged.push(record.id.clone());
            } else {
                put(table, "source_state", SourceState::Missing.as_str().into());
                sync.missing.push(record.id.clone());
            }
            continue;
        };
        used[ni] = true;
        let c = &found[ni];
        let mut refreshed = false;
        let reworded = c.quote != record.quote;
        if reworded {
            // The quote the person last saw is kept until they acknowledge the change.
            if record.source_state != SourceState::Changed || record.previous_quote.is_none() {
                edit::put_after(
                    table,
                    "previous_quote",
                    record.quote.as_str().into(),
                    "quote",
                );
            }
            put(table, "quote", c.quote.as_str().into());
            if record.source_state != SourceState::Changed {
                put(table, "source_state", SourceState::Changed.as_str().into());
            }
        } else if record.source_state == SourceState::Missing {
            put(table, "source_state", SourceState::Current.as_str().into());
            refreshed = true;
        }
        if c.span != record.span {
            put(table, "span", edit::span_value(c.span));
            refreshed = true;
        }
        if c.actors != record.actors {
            put(table, "actors", edit::strings_value(&c.actors));
            refreshed = true;
        }
        if c.strength != record.strength {
            put(table, "strength", c.strength.as_str().into());
            refreshed = true;
        }
        if c.deadline != record.deadline {
            set_or_remove(
                table,
                "deadline",
                c.deadline.as_ref().map(edit::deadline_value),
            );
            refreshed = true;
        }
        if c.made != record.made {
            set_or_remove(table, "made", c.made.as_deref().map(Value::from));
            refreshed = true;
        }
        if c.milestone != record.milestone {
            set_or_remove(
                table,
                "milestone",
                c.milestone.as_ref().map(edit::milestone_value),
            );
            refreshed = true;
        }
        if c.rule != record.rule {
            put(table, "rule", c.rule.as_str().into());
            refreshed = true;
        }
        let list = if reworded {
            &mut sync.changed
        } else if refreshed {
            &mut sync.refreshed
        } else {
            &mut sync.unchanged
        };
        list.push(record.id.clone());
    }
    for (c, _) in found.iter().zip(&used).filter(|(_, used)| !**used) {
        let record = new_record(c, unique_id(&c.id, ids));
        let mut table = edit::record_table(&record);
        table.decor_mut().set_prefix("\n");
        tables.push(table);
        sync.added.push(record.id);
    }
    if tables.is_empty() {
        doc.remove("commitment");
    }
    let text = edit::print(&doc, &original);
    if text == original {
        return Ok((sync, None));
    }
    sync.written = true;
    Ok((sync, Some(text)))
}

fn set_or_remove(table: &mut toml_edit::Table, key: &str, value: Option<Value>) {
    match value {
        Some(value) => put(table, key, value),
        None => edit::remove_key(table, key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_tells_a_rewording_from_another_sentence() {
        let a =
            "L'UE et l'Ukraine sont convenues de tenir le 4e dialogue sur le cyberespace en 2025.";
        let reworded = "L'UE et l'Ukraine sont convenues de tenir le quatrième dialogue sur le cyberespace en 2026.";
        let other = "L'UE continuera de soutenir l'Ukraine dans le renforcement de sa résilience.";
        assert!(quote_similarity(a, reworded) >= MATCH_THRESHOLD);
        assert!(quote_similarity(a, other) < MATCH_THRESHOLD);
        assert_eq!(quote_similarity(a, a), 1.0);
        assert_eq!(quote_similarity("", ""), 1.0);
        assert_eq!(quote_similarity("a", ""), 0.0);
    }

    #[test]
    fn sources_are_recorded_relative_to_the_root() {
        let root = Path::new("/tmp/tracker");
        assert_eq!(
            relative_source(root, "/tmp/tracker/seeds/a.txt"),
            "seeds/a.txt"
        );
        assert_eq!(relative_source(root, "./seeds/a.txt"), "seeds/a.txt");
        assert_eq!(relative_source(root, "seeds/a.txt"), "seeds/a.txt");
    }
}
