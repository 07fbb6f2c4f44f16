//! `store::sync`: re-extraction refreshes what the tool owns and never loses an edit.

use std::path::Path;

use chrono::NaiveDate;
use pledge::dates::Precision;
use pledge::extract::{Commitment, Deadline, Strength};
use pledge::record::{DocumentMeta, SourceState, Status};
use pledge::store::{self, ExtractedDocument};

fn commitment(id: &str, quote: &str) -> Commitment {
    Commitment {
        id: id.into(),
        quote: quote.into(),
        span: [0, quote.len()],
        actors: vec!["EU".into(), "UA".into()],
        strength: Strength::Firm,
        deadline: Some(Deadline {
            date: NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
            precision: Precision::Year,
            text: "en 2025".into(),
        }),
        made: Some("2024-07-15".into()),
        milestone: None,
        rule: "fr.agree".into(),
    }
}

fn doc(commitments: Vec<Commitment>) -> ExtractedDocument {
    ExtractedDocument {
        meta: DocumentMeta {
            source: "seeds/dialogue.txt".into(),
            title: Some("Ukraine : Le 3e dialogue sur le cyberespace".into()),
            language: Some("fr".into()),
            published: Some("2024-07-15".into()),
            updated: None,
            url: None,
        },
        commitments,
    }
}

const Q1: &str =
    "L'UE et l'Ukraine sont convenues de tenir le 4e dialogue sur le cyberespace en 2025.";
const Q2: &str =
    "L'UE continuera de soutenir l'Ukraine dans le renforcement de sa résilience cyber.";
const Q3: &str = "Les deux parties ont décidé de créer un groupe de travail sur la protection des infrastructures.";

fn only_file(root: &Path) -> std::path::PathBuf {
    let tracker = store::load(root).expect("load");
    assert_eq!(tracker.files.len(), 1);
    root.join(&tracker.files[0].path)
}

#[test]
fn a_new_document_gets_a_new_file_and_a_second_run_changes_no_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = [doc(vec![commitment("a", Q1), commitment("b", Q2)])];
    let report = store::sync(dir.path(), &docs).expect("sync");
    assert_eq!(report.files.len(), 1);
    let file = &report.files[0];
    assert!(file.created && file.written);
    assert_eq!(
        file.path,
        Path::new("commitments/2024-07-15-ukraine-le-3e-dialogue-sur-le-cyberespace.toml")
    );
    assert_eq!(file.added, ["a", "b"]);
    let path = dir.path().join(&file.path);
    let first = std::fs::read(&path).expect("read");
    let text = String::from_utf8_lossy(&first);
    assert!(
        text.starts_with("#:schema ./commitments.schema.json\n"),
        "{text}"
    );
    let tracker = store::load(dir.path()).expect("load");
    assert!(tracker.records().all(|(_, r)| r.status == Status::Proposed));

    let again = store::sync(dir.path(), &docs).expect("sync");
    assert_eq!(again.written().count(), 0);
    assert_eq!(again.files[0].unchanged, ["a", "b"]);
    assert_eq!(std::fs::read(&path).expect("read"), first);
}

#[test]
fn rewording_removal_and_addition_keep_every_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    store::sync(
        dir.path(),
        &[doc(vec![commitment("a", Q1), commitment("b", Q2)])],
    )
    .expect("sync");
    let path = only_file(dir.path());
    let text = std::fs::read_to_string(&path).expect("read");
    // A person reviews: comments, a status, a note, keys moved around.
    let edited = text
        .replace("[[commitment]]\nid = \"a\"\nstatus = \"proposed\"", "# Watch the EEAS page.\n[[commitment]]\nid = \"a\"\nnote = \"confirmed by the desk\"   # who said so\nstatus = \"open\"")
        .replace("id = \"b\"\nstatus = \"proposed\"", "id = \"b\"\nstatus = \"rejected\"");
    assert_ne!(edited, text);
    std::fs::write(&path, &edited).expect("write");

    let reworded = Q1.replace("en 2025", "d'ici la fin de 2025");
    let report = store::sync(
        dir.path(),
        &[doc(vec![
            commitment("a-new-id", &reworded),
            commitment("c", Q3),
        ])],
    )
    .expect("sync");
    let file = &report.files[0];
    assert_eq!(file.changed, ["a"]);
    assert_eq!(file.missing, ["b"]);
    assert_eq!(file.added, ["c"]);

    let after = std::fs::read_to_string(&path).expect("read");
    assert!(after.contains("# Watch the EEAS page.\n[[commitment]]\nid = \"a\"\nnote = \"confirmed by the desk\"   # who said so\nstatus = \"open\""), "{after}");
    assert!(
        after.contains(&format!(
            "quote = \"{reworded}\"\nprevious_quote = \"{Q1}\"\n"
        )),
        "{after}"
    );
    let tracker = store::load(dir.path()).expect("load");
    let (_, a) = tracker.find("a").expect("a keeps its id");
    assert_eq!(a.quote, reworded);
    assert_eq!(a.previous_quote.as_deref(), Some(Q1));
    assert_eq!(a.source_state, SourceState::Changed);
    assert_eq!(a.status, Status::Open);
    let (_, b) = tracker.find("b").expect("b is never deleted");
    assert_eq!(
        (b.status, b.source_state),
        (Status::Rejected, SourceState::Missing)
    );
    let (_, c) = tracker.find("c").expect("c added");
    assert_eq!(c.status, Status::Proposed);

    // b comes back: it stays rejected and is not proposed again.
    let report = store::sync(
        dir.path(),
        &[doc(vec![
            commitment("a-new-id", &reworded),
            commitment("c", Q3),
            commitment("b2", Q2),
        ])],
    )
    .expect("sync");
    assert!(report.files[0].added.is_empty());
    let tracker = store::load(dir.path()).expect("load");
    let (_, b) = tracker.find("b").expect("b");
    assert_eq!(
        (b.status, b.source_state),
        (Status::Rejected, SourceState::Current)
    );
    assert_eq!(tracker.records().count(), 3);
}

#[test]
fn an_invalid_record_file_stops_everything() {
    let dir = tempfile::tempdir().expect("tempdir");
    store::sync(dir.path(), &[doc(vec![commitment("a", Q1)])]).expect("sync");
    let path = only_file(dir.path());
    let broken = std::fs::read_to_string(&path)
        .expect("read")
        .replace("status = \"proposed\"", "status = \"opne\"");
    std::fs::write(&path, &broken).expect("write");
    let mut other = doc(vec![commitment("z", Q3)]);
    other.meta.source = "seeds/other.txt".into();
    match store::sync(dir.path(), &[doc(vec![commitment("a", Q2)]), other]) {
        Err(pledge::Error::Invalid(diags)) => assert_eq!(diags[0].code, "unknown-status"),
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
    let names: Vec<_> = std::fs::read_dir(dir.path().join("commitments"))
        .expect("dir")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}"); // the file and the lock, nothing new
}

#[test]
fn a_held_lock_refuses_a_second_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let _held = store::Lock::acquire(dir.path()).expect("lock");
    assert!(matches!(
        store::sync(dir.path(), &[doc(vec![])]),
        Err(pledge::Error::Locked(_))
    ));
}

#[test]
fn absolute_sources_are_recorded_relative_to_the_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = doc(vec![commitment("a", Q1)]);
    d.meta.source = dir.path().join("seeds/dialogue.txt").display().to_string();
    store::sync(dir.path(), &[d]).expect("sync");
    let tracker = store::load(dir.path()).expect("load");
    assert_eq!(tracker.files[0].document.source, "seeds/dialogue.txt");
}

#[cfg(unix)]
#[test]
fn written_files_are_readable_by_others_and_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let new = dir.path().join("new.toml");
    pledge::store::write_atomic(&new, b"a = 1\n").expect("write");
    assert_eq!(
        std::fs::metadata(&new).expect("meta").permissions().mode() & 0o777,
        0o644
    );
    std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    pledge::store::write_atomic(&new, b"a = 2\n").expect("rewrite");
    assert_eq!(
        std::fs::metadata(&new).expect("meta").permissions().mode() & 0o777,
        0o664
    );
}
