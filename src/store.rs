//! The tracker on disk: loading record files, merging re-extractions into them without
//! touching what people wrote, atomic writes and the tracker lock.

use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// that a reader (or a crash) sees the old file or the new one, never a torn one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> crate::Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| crate::Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| crate::Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| crate::Error::io(path, e))?;
    tmp.persist(path).map_err(|e| crate::Error::io(path, e.error))?;
    Ok(())
}
