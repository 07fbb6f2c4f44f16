//! Helpers shared by the diff, log and follow-up tests: fixtures, a tracker copied to a
//! temporary folder, the binary run in a tracker.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/followups")
        .join(name)
}

/// A copy of the fixture tracker `name` that a test may change.
pub fn tracker_copy(name: &str) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("read_dir").flatten() {
            let (path, target) = (entry.path(), to.join(entry.file_name()));
            if path.is_dir() {
                copy(&path, &target)
            } else {
                std::fs::copy(&path, &target).map(drop).expect("copy")
            }
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    copy(&fixture(name), dir.path());
    dir
}

pub fn pledge(root: &Path) -> Command {
    let mut cmd = Command::cargo_bin("pledge").expect("binary");
    cmd.arg("-C").arg(root).env("NO_COLOR", "1");
    cmd
}

/// Runs `pledge ARGS` in `root`, expects exit 0 and returns standard output.
pub fn stdout(root: &Path, args: &[&str]) -> String {
    let out = pledge(root).args(args).output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}
