//! `pledge set`: changes only the keys asked for, keeps every comment, exit 2 on usage errors.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const FILE: &str = "commitments/2024-07-15-ukraine-le-3e-dialogue.toml";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fn tracker() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/good"),
        dir.path(),
    );
    let root = dir.path().to_path_buf();
    (dir, root)
}

fn pledge(root: &Path) -> Command {
    let mut cmd = Command::cargo_bin("pledge").expect("binary");
    cmd.arg("-C").arg(root).env("NO_COLOR", "1");
    cmd
}

const SET_IN_PROGRESS: [&str; 6] = [
    "set",
    "eu-2024-07-15-soutenir-resilience",
    "--status",
    "in_progress",
    "--date",
    "2025-06-03",
];
const SET_DONE: [&str; 4] = [
    "set",
    "eu-2024-07-15-soutenir-resilience",
    "--status",
    "done",
];
const EVIDENCE: [&str; 4] = [
    "--evidence",
    "https://www.eeas.europa.eu/eeas/4th-dialogue",
    "--quote",
    "support continues",
];

fn read(root: &Path) -> String {
    std::fs::read_to_string(root.join(FILE)).expect("read")
}

#[test]
fn set_changes_only_the_keys_asked_for() {
    let (_dir, root) = tracker();
    let before = read(&root);
    pledge(&root)
        .args(SET_IN_PROGRESS)
        .args([
            "--owner",
            "Cyber desk",
            "--note",
            "Funding line confirmed",
            "--tag",
            "resilience",
        ])
        .args(EVIDENCE)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "`eu-2024-07-15-soutenir-resilience` updated",
        ));
    let after = read(&root);
    let expected_tail = "id = \"eu-2024-07-15-soutenir-resilience\"\nstatus = \"in_progress\"\nstatus_date = \"2025-06-03\"\nquote = ";
    assert!(after.contains(expected_tail), "{after}");
    assert!(after.contains("source_state = \"current\"\nowner = \"Cyber desk\"\nnote = \"Funding line confirmed\"\ntags = [\"resilience\"]\n"), "{after}");
    assert!(after.contains("[[commitment.evidence]]\ndate = \"2025-06-03\"\nsource = \"www.eeas.europa.eu\"\nquote = \"support continues\"\nurl = \"https://www.eeas.europa.eu/eeas/4th-dialogue\"\n"), "{after}");
    // The first record, its comments and the document are untouched, byte for byte.
    let first_record_end = before
        .find("[[commitment]]\nid = \"eu-2024-07-15-soutenir")
        .expect("second record");
    assert_eq!(&after[..first_record_end], &before[..first_record_end]);

    let tracker = pledge::store::load(&root).expect("load");
    let (_, r) = tracker
        .find("eu-2024-07-15-soutenir-resilience")
        .expect("record");
    assert_eq!(r.evidence.len(), 1);
    let (_, first) = tracker
        .find("eu-ua-2024-07-15-tenir-4e-dialogue")
        .expect("record");
    assert_eq!(first.evidence.len(), 1);

    // The same again changes nothing.
    pledge(&root)
        .args(SET_IN_PROGRESS)
        .args(EVIDENCE)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("nothing written"));
    assert_eq!(read(&root), after);
}

#[test]
fn evidence_goes_to_the_right_record_when_it_already_has_some() {
    let (_dir, root) = tracker();
    pledge(&root)
        .args([
            "set",
            "eu-ua-2024-07-15-tenir-4e-dialogue",
            "--status",
            "done",
            "--date",
            "2025-05-20",
        ])
        .args(["--evidence", "seeds/followup.txt"])
        .assert()
        .code(0);
    let tracker = pledge::store::load(&root).expect("load");
    let (_, r) = tracker
        .find("eu-ua-2024-07-15-tenir-4e-dialogue")
        .expect("record");
    assert_eq!(r.evidence.len(), 2);
    assert_eq!(r.evidence[1].source, "seeds/followup.txt");
    assert_eq!(r.evidence[1].url, None);
    let (_, other) = tracker
        .find("eu-2024-07-15-soutenir-resilience")
        .expect("record");
    assert!(other.evidence.is_empty());
    assert!(
        read(&root).contains(
            "status = \"done\"   # confirmed by the desk\nstatus_date = \"2025-05-20\"\n"
        )
    );
}

#[test]
fn an_unknown_id_is_a_usage_error_with_a_did_you_mean() {
    let (_dir, root) = tracker();
    let before = read(&root);
    pledge(&root)
        .args(["set", "eu-2024-07-15-soutenir-resilence", "--status", "done"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no record has the id `eu-2024-07-15-soutenir-resilence`; did you mean `eu-2024-07-15-soutenir-resilience`?",
        ));
    assert_eq!(read(&root), before);
}

#[test]
fn an_unknown_status_is_a_usage_error() {
    let (_dir, root) = tracker();
    pledge(&root)
        .args([
            "set",
            "eu-2024-07-15-soutenir-resilience",
            "--status",
            "finished",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown status `finished`"));
    pledge(&root)
        .args([
            "set",
            "eu-2024-07-15-soutenir-resilience",
            "--status",
            "don",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `done`?"));
    pledge(&root)
        .args(["set", "eu-2024-07-15-soutenir-resilience"])
        .assert()
        .code(2);
}

#[test]
fn an_invalid_tracker_is_not_written_and_its_problems_are_shown() {
    let (_dir, root) = tracker();
    let broken = read(&root).replace("owner = \"Cyber desk\"", "ownr = \"Cyber desk\"");
    std::fs::write(root.join(FILE), &broken).expect("write");
    pledge(&root)
        .args(SET_DONE)
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "error[unknown-key]: unknown key `ownr`",
        ))
        .stderr(predicate::str::contains(format!("--> {FILE}:23:1")));
    assert_eq!(read(&root), broken);
}

#[test]
fn a_held_lock_stops_set_with_exit_3() {
    let (_dir, root) = tracker();
    let before = read(&root);
    let _held = pledge::store::Lock::acquire(&root).expect("lock");
    pledge(&root)
        .args(SET_DONE)
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "another pledge process is writing the tracker",
        ));
    assert_eq!(read(&root), before);
}
