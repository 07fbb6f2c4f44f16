//! The tracker on disk: loading record files, merging re-extractions into them without
//! touching what people wrote, atomic writes and the tracker lock.

use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// that a reader (or a crash) sees the old file or the new one, never a torn one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> crate::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| crate::Error::io(dir, e))?;
    tmp.write_all(bytes)
        .map_err(|e| crate::Error::io(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| crate::Error::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| crate::Error::io(path, e.error))?;
    Ok(())
}

use std::path::PathBuf;

use crate::record::{DocumentMeta, Record, RecordFile};

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
}

/// Loads every `commitments/*.toml` under `root`, sorted by file name.
/// (Provisional: the store work replaces it with span-aware parsing and full validation.)
pub fn load(root: &Path) -> crate::Result<Tracker> {
    #[derive(serde::Deserialize)]
    struct RawFile {
        document: DocumentMeta,
        #[serde(default)]
        commitment: Vec<Record>,
    }
    let dir = root.join("commitments");
    let mut paths = Vec::new();
    if dir.is_dir() {
        for entry in std::fs::read_dir(&dir).map_err(|e| crate::Error::io(&dir, e))? {
            let path = entry.map_err(|e| crate::Error::io(&dir, e))?.path();
            if path.extension().is_some_and(|e| e == "toml") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| crate::Error::io(&path, e))?;
        let raw: RawFile =
            toml::from_str(&text).map_err(|e| crate::Error::input(&path, e.to_string()))?;
        let headers: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim() == "[[commitment]]")
            .map(|(i, _)| i + 1)
            .collect();
        let mut records = raw.commitment;
        for (record, line) in records.iter_mut().zip(headers) {
            record.line = line;
        }
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        files.push(RecordFile {
            path: rel,
            document: raw.document,
            records,
        });
    }
    Ok(Tracker {
        root: root.to_path_buf(),
        files,
    })
}
