//! The tracker on disk: loading record files, merging re-extractions into them without
//! touching what people wrote, atomic writes and the tracker lock.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Severity};
use crate::record::{Record, RecordFile};
use crate::validate;

mod edit;
pub(crate) mod parallel;
mod set;
mod sync;

pub use edit::{file_name, new_file_text, record_table};
pub use set::{Edit, SetReport, evidence_from, set};
pub use sync::{ExtractedDocument, FileSync, MATCH_THRESHOLD, SyncReport, quote_similarity, sync};

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// that a reader (or a crash) sees the old file or the new one, never a torn one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> crate::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Named so that one left behind by a killed run is recognisable and never read as records.
    let mut tmp = tempfile::Builder::new()
        .prefix(".pledge-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| crate::Error::io(dir, e))?;
    tmp.write_all(bytes)
        .map_err(|e| crate::Error::io(path, e))?;
    // A temporary file is private (0600); the file it replaces keeps its mode, and a new one
    // gets the ordinary mode of a document, so that others who share the tracker can read it.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => Some(existing.permissions()),
        Err(_) => new_file_permissions(),
    };
    if let Some(permissions) = permissions {
        tmp.as_file()
            .set_permissions(permissions)
            .map_err(|e| crate::Error::io(path, e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| crate::Error::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| crate::Error::io(path, e.error))?;
    Ok(())
}

#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere a temporary file is created with ordinary permissions already.
#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Every record file of a tracker.
#[derive(Debug, Clone, Default)]
pub struct Tracker {
    pub root: PathBuf,
    pub files: Vec<RecordFile>,
}

impl Tracker {
    pub fn records(&self) -> impl Iterator<Item = (&RecordFile, &Record)> {
        self.files
            .iter()
            .flat_map(|f| f.records.iter().map(move |r| (f, r)))
    }

    /// The record with this id, and its file.
    pub fn find(&self, id: &str) -> Option<(&RecordFile, &Record)> {
        self.records().find(|(_, r)| r.id == id)
    }

    /// The file that holds the records of this document (`[document] source`).
    pub fn file_for_source(&self, source: &str) -> Option<&RecordFile> {
        self.files.iter().find(|f| f.document.source == source)
    }
}

/// A tracker read with every problem found in it, errors and warnings.
#[derive(Debug, Default)]
pub struct Checked {
    /// The files and records that could be read (a record with an error is left out).
    pub tracker: Tracker,
    /// Sorted by file, line, column.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The folder of record files under a tracker root.
pub fn commitments_dir(root: &Path) -> PathBuf {
    root.join("commitments")
}

/// The record files under `root`, sorted by name.
fn record_paths(root: &Path) -> crate::Result<Vec<PathBuf>> {
    let dir = commitments_dir(root);
    let mut paths = Vec::new();
    if dir.is_dir() {
        for entry in std::fs::read_dir(&dir).map_err(|e| crate::Error::io(&dir, e))? {
            let entry = entry.map_err(|e| crate::Error::io(&dir, e))?;
            let path = entry.path();
            // The entry knows its type without another look at the disk, except for a
            // link, which counts for what it points to.
            let is_file = match entry.file_type() {
                Ok(kind) if !kind.is_symlink() => kind.is_file(),
                _ => path.is_file(),
            };
            if path.extension().is_some_and(|e| e == "toml") && is_file {
                paths.push(path);
            }
        }
    }
    paths.sort();
    Ok(paths)
}

/// Reads and checks each file, on every core: files are independent until the tracker-wide
/// checks. The outcomes come back in the order of `paths`.
fn check_files(
    root: &Path,
    paths: &[PathBuf],
) -> crate::Result<Vec<Result<validate::CheckedFile, Diagnostic>>> {
    parallel::map(paths, |path| {
        let rel = validate::relative(root, path);
        let bytes = std::fs::read(path).map_err(|e| crate::Error::io(path, e))?;
        Ok(match String::from_utf8(bytes) {
            Ok(text) => {
                let mut checked = validate::check_file(&rel, &text);
                // Here, on every core and with the text at hand for the excerpts.
                if let Some(file) = &checked.file {
                    let found = source_checks(root, file, checked.source_span.clone(), &text);
                    checked.diagnostics.extend(found);
                }
                Ok(checked)
            }
            Err(_) => Err(Diagnostic::file(
                "not-utf8",
                Severity::Error,
                &rel,
                "not UTF-8 text; record files are UTF-8",
            )),
        })
    })
    .into_iter()
    .collect()
}

/// Reads and checks every `commitments/*.toml` under `root`. `Err` only when a file cannot
/// be read at all; every problem in the records is a diagnostic.
pub fn check(root: &Path) -> crate::Result<Checked> {
    let mut diagnostics = Vec::new();
    let mut checked_files = Vec::new();
    for outcome in check_files(root, &record_paths(root)?)? {
        match outcome {
            Err(diag) => diagnostics.push(diag),
            Ok(checked) => {
                diagnostics.extend(checked.diagnostics);
                if let Some(file) = checked.file {
                    checked_files.push((file, checked.ids, checked.source_span));
                }
            }
        }
    }
    let located: Vec<validate::Located<'_>> = checked_files
        .iter()
        .map(|(file, ids, source_span)| validate::Located {
            file,
            ids,
            source_span: source_span.clone(),
        })
        .collect();
    let reread = |rel: &Path| std::fs::read_to_string(root.join(rel)).unwrap_or_default();
    diagnostics.extend(validate::cross_file(&located, &reread));
    drop(located);
    let files: Vec<RecordFile> = checked_files.into_iter().map(|(file, _, _)| file).collect();
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code))
    });
    Ok(Checked {
        tracker: Tracker {
            root: root.to_path_buf(),
            files,
        },
        diagnostics,
    })
}

/// Warnings about the document a file names: it is not there, or it is shorter than a
/// record's span (it changed since the extraction: `pledge extract` refreshes the spans).
fn source_checks(
    root: &Path,
    file: &RecordFile,
    source_span: std::ops::Range<usize>,
    text: &str,
) -> Vec<Diagnostic> {
    let source = &file.document.source;
    let Ok(meta) = std::fs::metadata(root.join(source)) else {
        return vec![
            Diagnostic::at(
                "source-not-found",
                Severity::Warning,
                &file.path,
                text,
                source_span,
                format!("the document `{source}` is not there"),
            )
            .with_help("`source` is a path relative to the tracker root"),
        ];
    };
    let len = meta.len() as usize;
    let beyond: Vec<&Record> = file.records.iter().filter(|r| r.span[1] > len).collect();
    if beyond.is_empty() {
        return Vec::new();
    }
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    beyond
        .into_iter()
        .map(|record| {
            let start = line_starts
                .get(record.line.saturating_sub(1))
                .copied()
                .unwrap_or(0);
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            Diagnostic::at(
                "span-out-of-range",
                Severity::Warning,
                &file.path,
                text,
                start..end,
                format!(
                    "span [{}, {}] runs past the end of `{source}` ({len} bytes)",
                    record.span[0], record.span[1]
                ),
            )
            .with_id(&record.id)
            .with_help("the document changed since it was read: run `pledge extract` again")
        })
        .collect()
}

/// Loads every `commitments/*.toml` under `root`, sorted by file name. Any error in any
/// file fails the load with every diagnostic found (`Error::Invalid`).
pub fn load(root: &Path) -> crate::Result<Tracker> {
    let checked = check(root)?;
    if checked.has_errors() {
        return Err(crate::Error::Invalid(
            checked
                .diagnostics
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect(),
        ));
    }
    Ok(checked.tracker)
}

/// The tracker's write lock, held while it lives: two `pledge` runs that write cannot
/// interleave. Taken with `try`, so that a second run fails at once with `Error::Locked`
/// rather than waiting behind a stuck one.
pub struct Lock {
    _file: std::fs::File,
}

impl Lock {
    pub fn acquire(root: &Path) -> crate::Result<Lock> {
        let dir = commitments_dir(root);
        std::fs::create_dir_all(&dir).map_err(|e| crate::Error::io(&dir, e))?;
        let path = dir.join(".pledge.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| crate::Error::io(&path, e))?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => Ok(Lock { _file: file }),
            Err(fs4::TryLockError::WouldBlock) => Err(crate::Error::Locked(path)),
            Err(fs4::TryLockError::Error(e)) => Err(crate::Error::io(&path, e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = Lock::acquire(dir.path()).expect("first");
        assert!(matches!(
            Lock::acquire(dir.path()),
            Err(crate::Error::Locked(_))
        ));
        drop(first);
        assert!(Lock::acquire(dir.path()).is_ok());
    }

    #[test]
    fn load_of_an_empty_root_is_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(load(dir.path()).expect("load").files.is_empty());
    }
}
