//! Load and validate a generated tracker of 100,000 records (1,000 files of 100).
//!
//! The tracker is written to `target/tracker_load_bench/` and left there, so that the
//! binary can be measured on it as a user runs it:
//! `/usr/bin/time -v target/release/pledge -C target/tracker_load_bench validate`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use pledge::dates::Precision;
use pledge::extract::{Deadline, Milestone, Strength};
use pledge::record::{DocumentMeta, Evidence, Record, SourceState, Status};

const FILES: usize = 1_000;
const PER_FILE: usize = 100;

fn record(file: usize, i: usize) -> Record {
    let day = NaiveDate::from_ymd_opt(
        2020 + (file % 5) as i32,
        1 + (i % 12) as u32,
        1 + (i % 28) as u32,
    )
    .unwrap_or_default();
    Record {
        id: format!("eu-ua-{file}-{i}-tenir-dialogue-cyberespace"),
        quote: format!(
            "L'UE et l'Ukraine sont convenues de tenir le {i}e dialogue sur le cyberespace et de renforcer \
             leur coopération dans la lutte contre la cybercriminalité (document {file})."
        ),
        previous_quote: None,
        span: [i * 300, i * 300 + 180],
        actors: vec!["EU".into(), "UA".into()],
        strength: [Strength::Firm, Strength::Intent, Strength::Interest][i % 3],
        deadline: i.is_multiple_of(2).then(|| Deadline {
            date: day + chrono::Duration::days(365),
            precision: Precision::Year,
            text: "d'ici un an".into(),
        }),
        made: Some(day.to_string()),
        milestone: i.is_multiple_of(5).then(|| Milestone {
            name: "dialogue UE-Ukraine sur le cyberespace".into(),
            ordinal: Some(4),
        }),
        rule: "fr.agree".into(),
        source_state: SourceState::Current,
        status: Status::ALL[i % Status::ALL.len()],
        status_date: i.is_multiple_of(3).then_some(day),
        owner: i.is_multiple_of(4).then(|| "Cyber desk".into()),
        note: i
            .is_multiple_of(4)
            .then(|| "Confirmed in the follow-up statement.".into()),
        evidence: if i.is_multiple_of(7) {
            vec![Evidence {
                date: Some(day),
                source: "www.eeas.europa.eu".into(),
                quote: Some("The dialogue took place.".into()),
                url: Some("https://www.eeas.europa.eu/example".into()),
            }]
        } else {
            Vec::new()
        },
        tags: Vec::new(),
        due: None,
        line: 0,
    }
}

fn generate(root: &Path) {
    let dir = root.join("commitments");
    if dir.join("doc-0999.toml").exists() {
        return;
    }
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::create_dir_all(root.join("seeds")).expect("mkdir");
    for file in 0..FILES {
        let meta = DocumentMeta {
            source: format!("seeds/doc-{file:04}.txt"),
            title: Some(format!("Dialogue sur le cyberespace numéro {file}")),
            language: Some("fr".into()),
            published: Some("2024-07-15".into()),
            updated: None,
            url: None,
        };
        // A source as long as the spans the records point into, as a real one would be.
        std::fs::write(root.join(&meta.source), " ".repeat(PER_FILE * 300)).expect("seed");
        let records: Vec<Record> = (0..PER_FILE).map(|i| record(file, i)).collect();
        let text = pledge::store::new_file_text(&meta, &records);
        std::fs::write(dir.join(format!("doc-{file:04}.toml")), text).expect("write");
    }
}

fn bench(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/tracker_load_bench");
    generate(&root);
    let checked = pledge::store::check(&root).expect("check");
    assert!(
        checked.diagnostics.is_empty(),
        "{:?}",
        checked.diagnostics.first()
    );
    assert_eq!(checked.tracker.records().count(), FILES * PER_FILE);
    let mut group = c.benchmark_group("tracker");
    group.sample_size(10);
    group.bench_function("load_and_validate_100k_records", |b| {
        b.iter(|| black_box(pledge::store::check(black_box(&root)).expect("check")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
