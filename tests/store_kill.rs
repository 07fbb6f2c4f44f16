//! Killing `pledge set` at random moments while it rewrites a large record file leaves the
//! old file or the new one, never a torn one.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use pledge::extract::{Commitment, Strength};
use pledge::record::DocumentMeta;
use pledge::store::{self, Edit, ExtractedDocument};

fn big_tracker(root: &Path, records: usize) -> std::path::PathBuf {
    let commitments = (0..records)
        .map(|i| Commitment {
            id: format!("r{i}"),
            quote: format!("Les parties s'engagent à mettre en œuvre la mesure numéro {i} avant la fin de l'année prochaine."),
            span: [i * 100, i * 100 + 90],
            actors: vec!["EU".into(), "UA".into()],
            strength: Strength::Firm,
            deadline: None,
            made: Some("2024-07-15".into()),
            milestone: None,
            rule: "fr.commit".into(),
        })
        .collect();
    let meta = DocumentMeta {
        source: "seeds/big.txt".into(),
        ..DocumentMeta::default()
    };
    let report = store::sync(root, &[ExtractedDocument { meta, commitments }]).expect("sync");
    root.join(&report.files[0].path)
}

/// The bytes `set` would write, computed in a scratch copy.
fn expected_after(path: &Path, id: &str, note: &str) -> Vec<u8> {
    let scratch = tempfile::tempdir().expect("tempdir");
    let dir = scratch.path().join("commitments");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let copy = dir.join(path.file_name().expect("name"));
    std::fs::copy(path, &copy).expect("copy");
    let edit = Edit {
        note: Some(note.into()),
        ..Edit::default()
    };
    store::set(scratch.path(), id, &edit).expect("set");
    std::fs::read(copy).expect("read")
}

#[test]
fn a_killed_write_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = big_tracker(dir.path(), 1_000);
    let binary = assert_cmd::cargo::cargo_bin("pledge");

    // How long one uncontended run takes, to spread the kills over its whole life.
    let started = Instant::now();
    let status = Command::new(&binary)
        .arg("-C")
        .arg(dir.path())
        .args(["set", "r1", "--note", "warm-up"])
        .status()
        .expect("run");
    assert!(status.success());
    let full_run = started.elapsed().as_micros().max(1_000) as u64;

    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let (mut old_seen, mut new_seen) = (0, 0);
    // The kills home in on the moment the run writes, whatever the machine's load: later
    // after a kill that left the old file, earlier after one that let the run finish.
    let mut aim = full_run as f64 * 0.8;
    for round in 0..20 {
        let id = format!("r{}", (round * 97) % 1_000);
        let note = format!("note of round {round}");
        let old = std::fs::read(&path).expect("read");
        let new = expected_after(&path, &id, &note);
        assert_ne!(old, new);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let jitter = 0.5 + (seed % 1_000) as f64 / 1_000.0;
        let delay = Duration::from_micros((aim * jitter) as u64);
        let mut child = Command::new(&binary)
            .arg("-C")
            .arg(dir.path())
            .args(["set", &id, "--note", &note])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&path).expect("read");
        if now == old {
            old_seen += 1;
            aim *= 1.3;
        } else if now == new {
            new_seen += 1;
            aim /= 1.3;
        } else {
            panic!(
                "round {round}: the file is neither the old nor the new one ({} bytes)",
                now.len()
            );
        }
        store::load(dir.path()).expect("the tracker still loads");
    }
    // Both outcomes happen, or the kills did not land mid-run.
    assert!(
        old_seen > 0 && new_seen > 0,
        "old {old_seen}, new {new_seen}"
    );
}
