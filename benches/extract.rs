//! Extraction throughput on the generated corpus (20 MB): reading and extracting in process,
//! and `pledge extract --dry-run --format json` as a user runs it on the folder. One core.
//!
//! The corpus repeats a few templates, and so walks the same states of the automata again and
//! again. Real press releases do not: the last group runs the binary on the documents of the
//! test sets (`tests/fixtures/extract`, some 450 KB written as the real thing is), a cold
//! start each time, as a user's run on a folder of new statements is.

use std::hint::black_box;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pledge::document::Document;
use pledge::extract::{DocumentCommitments, RenderedReport, ReportFormat, Rules, extract};

// The binary's allocator (src/main.rs): the figures in process are then the tool's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/corpus.rs"]
mod corpus;

const CORPUS_BYTES: usize = 20 << 20;

fn extraction(c: &mut Criterion) {
    let docs = corpus::generate(CORPUS_BYTES, 42);
    let total: usize = docs.iter().map(|d| d.bytes.len()).sum();
    let rules = Rules::default();
    let mut group = c.benchmark_group("extract");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("read + extract", |b| {
        b.iter(|| {
            for d in &docs {
                if let Ok(doc) = Document::from_bytes(&d.name, &d.bytes) {
                    black_box(extract(&doc, &rules));
                }
            }
        })
    });

    group.bench_function("read + extract + JSON", |b| {
        b.iter(|| {
            let mut report = RenderedReport::new(ReportFormat::Json);
            let mut written = 0;
            for d in &docs {
                if let Ok(doc) = Document::from_bytes(&d.name, &d.bytes) {
                    report.push(&DocumentCommitments::new(&doc, extract(&doc, &rules)));
                    written += report.take().len();
                }
            }
            black_box(written + report.finish().len())
        })
    });

    let Ok(dir) = tempfile::tempdir() else { return };
    let Ok(paths) = corpus::write_all(dir.path(), &docs) else {
        return;
    };
    group.bench_function("pledge extract --dry-run --format json", |b| {
        b.iter(|| run_extract(&paths))
    });
    group.finish();
}

fn press_releases(c: &mut Criterion) {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&fixtures)
        .into_iter()
        .flatten()
        .flatten()
        .map(|set| set.path())
        .filter(|set| set.is_dir())
        .flat_map(|set| std::fs::read_dir(set).into_iter().flatten().flatten())
        .map(|doc| doc.path())
        .collect();
    paths.sort();
    let total: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let mut group = c.benchmark_group("press releases");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(total));
    group.bench_function("pledge extract --dry-run --format json", |b| {
        b.iter(|| run_extract(&paths))
    });
    group.finish();
}

/// `pledge extract --dry-run --format json` on `paths`, as a user runs it.
fn run_extract(paths: &[std::path::PathBuf]) {
    let status = Command::new(env!("CARGO_BIN_EXE_pledge"))
        .args(["extract", "--dry-run", "--format", "json"])
        .args(paths)
        .stdout(Stdio::null())
        .status();
    assert!(status.is_ok_and(|s| s.success()));
}

criterion_group!(benches, extraction, press_releases);
criterion_main!(benches);
