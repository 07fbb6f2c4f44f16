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

/// Runs git in `dir` as `who`, at `when` (ISO 8601), so that commits are reproducible.
pub fn git(dir: &Path, who: &str, when: &str, args: &[&str]) {
    let email = format!("{}@example.org", who.to_lowercase());
    let status = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", who)
        .env("GIT_AUTHOR_EMAIL", &email)
        .env("GIT_COMMITTER_NAME", who)
        .env("GIT_COMMITTER_EMAIL", &email)
        .env("GIT_AUTHOR_DATE", when)
        .env("GIT_COMMITTER_DATE", when)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

pub fn git_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    git(
        dir.path(),
        "Alice",
        "2025-01-01T09:00:00+00:00",
        &["init", "-q", "-b", "main"],
    );
    dir
}
