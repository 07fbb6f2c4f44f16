//! Reader throughput on a generated corpus of 20 MB: `Document::from_bytes` in process, and
//! `pledge inspect --format json` as a user runs it on the folder (reading the files,
//! writing the JSON). One core: the reader is single-threaded.

use std::hint::black_box;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pledge::document::Document;

#[path = "support/corpus.rs"]
mod corpus;

const CORPUS_BYTES: usize = 20 << 20;

fn reader(c: &mut Criterion) {
    let docs = corpus::generate(CORPUS_BYTES, 42);
    let total: usize = docs.iter().map(|d| d.bytes.len()).sum();
    let mut group = c.benchmark_group("reader");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("Document::from_bytes", |b| {
        b.iter(|| {
            for d in &docs {
                let _ = black_box(Document::from_bytes(&d.name, &d.bytes));
            }
        })
    });

    let Ok(dir) = tempfile::tempdir() else { return };
    let paths: Vec<_> = docs.iter().map(|d| dir.path().join(&d.name)).collect();
    if docs
        .iter()
        .zip(&paths)
        .any(|(d, p)| std::fs::write(p, &d.bytes).is_err())
    {
        return;
    }
    group.bench_function("pledge inspect --format json", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_pledge"))
                .args(["inspect", "--format", "json"])
                .args(&paths)
                .stdout(Stdio::null())
                .status();
            assert!(status.is_ok_and(|s| s.success()));
        })
    });
    group.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
