//! Property tests of the tracker: records survive a round trip through TOML; random hand
//! edits interleaved with re-extractions of randomly reworded, removed and added sentences
//! never lose a people-owned value or a comment; a re-extraction run twice changes no
//! byte; reading any text never panics.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use pledge::dates::Precision;
use pledge::extract::{Commitment, Deadline, Milestone, Strength};
use pledge::record::{DocumentMeta, Evidence, Record, SourceState, Status};
use pledge::store::{self, ExtractedDocument};
use proptest::prelude::*;
use toml_edit::{DocumentMut, Item};

fn day() -> impl Strategy<Value = NaiveDate> {
    (0i64..20_000).prop_map(|n| {
        NaiveDate::from_ymd_opt(1990, 1, 1).expect("date") + chrono::Duration::days(n)
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.'’«»éèàçœ-]{0,60}",
        any::<String>(),
        Just("line one\nline two \"quoted\" \\ 'single' '''".to_string()),
    ]
}

fn record() -> impl Strategy<Value = Record> {
    let tool = (
        "[a-z0-9][a-z0-9-]{0,30}",
        text(),
        proptest::option::of(text()),
        (0usize..100_000, 0usize..1_000),
        proptest::collection::vec("[A-Z]{2,4}", 0..4),
        prop::sample::select(vec![Strength::Firm, Strength::Intent, Strength::Interest]),
        (
            day(),
            0i64..3_000,
            proptest::option::of(0u8..3),
            any::<bool>(),
        ),
        proptest::option::of((text(), proptest::option::of(0u32..20))),
        "[a-z.]{0,12}",
        prop::sample::select(vec![
            SourceState::Current,
            SourceState::Changed,
            SourceState::Missing,
        ]),
    );
    let people = (
        prop::sample::select(Status::ALL.to_vec()),
        proptest::option::of(day()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::collection::vec(
            (
                proptest::option::of(day()),
                text(),
                proptest::option::of(text()),
                proptest::option::of(text()),
            ),
            0..3,
        ),
        proptest::collection::vec("[a-z]{1,8}", 0..3),
        proptest::option::of(day()),
    );
    (tool, people).prop_map(|(tool, people)| {
        let (
            id,
            quote,
            previous_quote,
            (start, len),
            actors,
            strength,
            (made_day, after, made_precision, has_deadline),
            milestone,
            rule,
            source_state,
        ) = tool;
        let (status, status_date, owner, note, evidence, tags, due) = people;
        // A deadline is never before the commitment was made (that is a validation error).
        let made = made_precision.map(|p| match p {
            0 => made_day.format("%Y").to_string(),
            1 => made_day.format("%Y-%m").to_string(),
            _ => made_day.to_string(),
        });
        let first_day = made.as_deref().map_or(made_day, |m| {
            pledge::validate::parse_partial_date(m).unwrap_or(made_day)
        });
        let deadline = has_deadline.then(|| Deadline {
            date: first_day + chrono::Duration::days(after),
            precision: Precision::Year,
            text: "en 2025".into(),
        });
        Record {
            id,
            quote,
            previous_quote,
            span: [start, start + len],
            actors,
            strength,
            deadline,
            made,
            milestone: milestone.map(|(name, ordinal)| Milestone { name, ordinal }),
            rule,
            source_state,
            status,
            status_date,
            owner,
            note,
            evidence: evidence
                .into_iter()
                .map(|(date, source, quote, url)| Evidence {
                    date,
                    source,
                    quote,
                    url,
                })
                .collect(),
            tags,
            due,
            line: 0,
        }
    })
}

fn meta(source: &str) -> DocumentMeta {
    DocumentMeta {
        source: source.into(),
        title: Some("Dialogue sur le cyberespace".into()),
        language: Some("fr".into()),
        published: Some("2024-07-15".into()),
        updated: None,
        url: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn record_to_toml_to_record_is_the_identity(records in proptest::collection::vec(record(), 0..4)) {
        let mut records = records;
        for (i, r) in records.iter_mut().enumerate() {
            r.id = format!("{}-{i}", r.id);
        }
        let text = store::new_file_text(&meta("seeds/a.txt"), &records);
        let checked = pledge::validate::check_file(Path::new("commitments/a.toml"), &text);
        prop_assert!(checked.diagnostics.is_empty(), "{:?}\n{}", checked.diagnostics, text);
        let file = checked.file.expect("file");
        let back: Vec<Record> = file.records.into_iter().map(|r| Record { line: 0, ..r }).collect();
        prop_assert_eq!(back, records);
        prop_assert_eq!(file.document, meta("seeds/a.txt"));
    }

    #[test]
    fn reading_any_text_never_panics(text in any::<String>()) {
        let checked = pledge::validate::check_file(Path::new("a.toml"), &text);
        let _ = pledge::diag::render(&checked.diagnostics);
    }

    #[test]
    fn reading_a_damaged_record_file_never_panics(at in any::<prop::sample::Index>(), cut in 0usize..40, insert in "[\\[\\]{}=\"'#\n a-z0-9é,.-]{0,12}") {
        let good = include_str!("fixtures/store/good/commitments/2024-07-15-ukraine-le-3e-dialogue.toml");
        let mut at = at.index(good.len());
        while !good.is_char_boundary(at) { at -= 1; }
        let mut end = (at + cut).min(good.len());
        while !good.is_char_boundary(end) { end -= 1; }
        let damaged = format!("{}{}{}", &good[..at], insert, &good[end..]);
        let checked = pledge::validate::check_file(Path::new("a.toml"), &damaged);
        let rendered = pledge::diag::render(&checked.diagnostics);
        for d in &checked.diagnostics {
            prop_assert!(d.line >= 1 || d.code == "missing-document", "{d:?}");
        }
        prop_assert!(checked.diagnostics.is_empty() || rendered.contains("a.toml"));
    }
}

// Sentences of a source document, each with a stable identity (its id, unless a rewording
// gives it a new one) so that they can be reworded, removed and added back.
const POOL: [&str; 8] = [
    "L'UE et l'Ukraine sont convenues de tenir le quatrième dialogue sur le cyberespace à Kyiv en 2025.",
    "The European Union will continue to support Ukraine in strengthening the resilience of its critical infrastructure.",
    "Les deux parties ont décidé de créer un groupe de travail commun sur la protection des réseaux électriques.",
    "NATO allies agreed to hold regular consultations on cyber threats affecting the Eastern flank by 2026.",
    "La France s'engage à financer trois centres régionaux de réponse aux incidents avant la fin de l'année prochaine.",
    "Participants welcomed the launch of a joint training programme for young cybersecurity specialists next spring.",
    "Le Japon et l'Union européenne examineront ensemble les règles applicables aux semi-conducteurs dès janvier.",
    "Both sides intend to exchange information on ransomware groups targeting hospitals and water utilities.",
];

#[derive(Debug, Clone)]
enum Op {
    /// A person sets a status on the n-th record.
    Status(usize, usize),
    /// A person writes a note on the n-th record.
    Note(usize, String),
    /// A person writes a comment above a key (or the header) of the n-th record.
    Comment(usize, usize),
    /// A person moves a key of the n-th record to the end of its table.
    Reorder(usize, usize),
    /// The source changes: a word of a sentence is replaced (keeping or changing its id).
    Reword(usize, usize, bool),
    /// The source changes: a sentence is removed, or one comes back.
    Toggle(usize),
    /// The extractor stops (or starts) finding a sentence's deadline.
    Deadline(usize),
    /// A person saves the file from an editor that writes `\r\n` line ends.
    Crlf,
    /// `pledge extract` runs.
    Sync,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..12, 0usize..9).prop_map(|(r, s)| Op::Status(r, s)),
        (0usize..12, "[a-zA-Zé ]{1,20}").prop_map(|(r, n)| Op::Note(r, n)),
        (0usize..12, 0usize..16).prop_map(|(r, k)| Op::Comment(r, k)),
        (0usize..12, 0usize..16).prop_map(|(r, k)| Op::Reorder(r, k)),
        (0usize..8, 0usize..30, any::<bool>()).prop_map(|(s, w, keep)| Op::Reword(s, w, keep)),
        (0usize..8).prop_map(Op::Toggle),
        (0usize..8).prop_map(Op::Deadline),
        Just(Op::Crlf),
        Just(Op::Sync),
        Just(Op::Sync),
    ]
}

struct Source {
    id: String,
    quote: String,
    present: bool,
    deadline: bool,
}

fn extraction(sources: &[Source]) -> Vec<ExtractedDocument> {
    let commitments = sources
        .iter()
        .filter(|s| s.present)
        .map(|s| Commitment {
            id: s.id.clone(),
            quote: s.quote.clone(),
            span: [0, s.quote.len()],
            actors: vec!["EU".into()],
            strength: Strength::Firm,
            deadline: s.deadline.then(|| Deadline {
                date: NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
                precision: Precision::Year,
                text: "en 2026".into(),
            }),
            made: Some("2024-07-15".into()),
            milestone: None,
            rule: "fr.agree".into(),
        })
        .collect();
    vec![ExtractedDocument {
        meta: meta("seeds/dialogue.txt"),
        commitments,
    }]
}

/// Applies a person's edit to the record file with toml_edit, as an editor would leave it.
fn hand_edit(path: &Path, edit: impl FnOnce(&mut toml_edit::ArrayOfTables)) {
    let text = std::fs::read_to_string(path).expect("read");
    let mut doc: DocumentMut = text.parse().expect("toml");
    if let Some(tables) = doc
        .get_mut("commitment")
        .and_then(Item::as_array_of_tables_mut)
    {
        edit(tables);
    }
    std::fs::write(path, doc.to_string()).expect("write");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn hand_edits_survive_any_sequence_of_re_extractions(initial in 1usize..6, ops in proptest::collection::vec(op(), 1..25)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let mut sources: Vec<Source> = POOL
            .iter()
            .enumerate()
            .map(|(i, q)| Source { id: format!("s{i}"), quote: q.to_string(), present: i < initial, deadline: true })
            .collect();
        store::sync(root, &extraction(&sources)).expect("first sync");
        let path = root.join(&store::load(root).expect("load").files[0].path);
        // What people wrote, by record id, and every comment they wrote.
        let mut statuses: BTreeMap<String, String> = BTreeMap::new();
        let mut notes: BTreeMap<String, String> = BTreeMap::new();
        let mut comments: Vec<String> = Vec::new();
        let mut ids_seen: Vec<String> = Vec::new();
        let mut renamed = 0;

        for op in ops {
            match op {
                Op::Status(r, s) => hand_edit(&path, |tables| {
                    let n = tables.len();
                    if let Some(t) = tables.get_mut(r % n.max(1)) {
                        let status = Status::ALL[s].as_str();
                        t["status"] = toml_edit::value(status);
                        statuses.insert(t["id"].as_str().unwrap_or("").to_string(), status.to_string());
                    }
                }),
                Op::Note(r, note) => hand_edit(&path, |tables| {
                    let n = tables.len();
                    if let Some(t) = tables.get_mut(r % n.max(1)) {
                        t["note"] = toml_edit::value(note.as_str());
                        notes.insert(t["id"].as_str().unwrap_or("").to_string(), note.clone());
                    }
                }),
                Op::Comment(r, k) => hand_edit(&path, |tables| {
                    let n = tables.len();
                    if let Some(t) = tables.get_mut(r % n.max(1)) {
                        let comment = format!("# kept-{}", comments.len());
                        let keys: Vec<String> = t.iter().filter(|(_, i)| i.is_value()).map(|(k, _)| k.to_string()).collect();
                        match keys.get(k) {
                            Some(key) => {
                                if let Some(mut key) = t.key_mut(key) {
                                    let old = key.leaf_decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
                                    key.leaf_decor_mut().set_prefix(format!("{old}{comment}\n"));
                                }
                            }
                            None => {
                                let old = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
                                t.decor_mut().set_prefix(format!("{old}{comment}\n"));
                            }
                        }
                        comments.push(comment);
                    }
                }),
                Op::Reorder(r, k) => hand_edit(&path, |tables| {
                    let n = tables.len();
                    if let Some(t) = tables.get_mut(r % n.max(1)) {
                        let keys: Vec<String> = t.iter().filter(|(_, i)| i.is_value()).map(|(k, _)| k.to_string()).collect();
                        if let Some((key, item)) = keys.get(k).and_then(|key| t.remove_entry(key)) {
                            t.insert_formatted(&key, item);
                        }
                    }
                }),
                Op::Reword(s, w, keep_id) => {
                    let source = &mut sources[s];
                    let mut words: Vec<String> = source.quote.split(' ').map(str::to_string).collect();
                    let at = w % words.len();
                    words[at] = format!("mot{renamed}");
                    renamed += 1;
                    source.quote = words.join(" ");
                    if !keep_id {
                        source.id = format!("s{s}-r{renamed}");
                    }
                }
                Op::Toggle(s) => sources[s].present = !sources[s].present,
                Op::Crlf => {
                    let text = std::fs::read_to_string(&path).expect("read");
                    std::fs::write(&path, text.replace("\r\n", "\n").replace('\n', "\r\n")).expect("write");
                }
                Op::Deadline(s) => sources[s].deadline = !sources[s].deadline,
                Op::Sync => {
                    let docs = extraction(&sources);
                    store::sync(root, &docs).expect("sync");
                    let once = std::fs::read(&path).expect("read");
                    let again = store::sync(root, &docs).expect("second sync");
                    prop_assert_eq!(again.written().count(), 0, "a second run wrote a file");
                    prop_assert!(std::fs::read(&path).expect("read") == once, "a second run changed bytes");
                }
            }
            // After every step: nothing lost.
            let text = std::fs::read_to_string(&path).expect("read");
            for comment in &comments {
                prop_assert!(text.contains(comment.as_str()), "lost {comment}:\n{text}");
            }
            let tracker = store::load(root).expect("the tracker stays valid");
            let records: BTreeMap<&str, &Record> = tracker.records().map(|(_, r)| (r.id.as_str(), r)).collect();
            for id in &ids_seen {
                prop_assert!(records.contains_key(id.as_str()), "record {id} was deleted:\n{text}");
            }
            for (id, status) in &statuses {
                prop_assert_eq!(records[id.as_str()].status.as_str(), status.as_str());
            }
            for (id, note) in &notes {
                prop_assert_eq!(records[id.as_str()].note.as_deref(), Some(note.as_str()));
            }
            for r in records.values().filter(|r| r.status == Status::Rejected) {
                let proposed_again = records.values().any(|o| o.status == Status::Proposed && o.quote == r.quote);
                prop_assert!(!proposed_again, "rejected {} proposed again", r.id);
            }
            ids_seen = records.keys().map(|id| id.to_string()).collect();
        }
    }
}
