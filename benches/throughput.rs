//! Reader throughput on a generated corpus of 20 MB: `Document::from_bytes` in process, and
//! `pledge inspect --format json` as a user runs it on the folder (reading the files,
//! writing the JSON). One core: the reader is single-threaded.
//!
//! Times are CPU time (of this thread, of the child process), not wall-clock time: on a
//! shared machine the wall clock measures the neighbours. Linux only (`/proc`).

use std::hint::black_box;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pledge::document::Document;

// The binary's allocator (src/main.rs): the figures in process are then the tool's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/proc_stat.rs"]
mod proc_stat;

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
        b.iter_custom(|iters| {
            let start = thread_cpu();
            for _ in 0..iters {
                for d in &docs {
                    let _ = black_box(Document::from_bytes(&d.name, &d.bytes));
                }
            }
            thread_cpu().saturating_sub(start)
        })
    });

    let Ok(dir) = tempfile::tempdir() else { return };
    let Ok(paths) = corpus::write_all(dir.path(), &docs) else {
        return;
    };
    group.bench_function("pledge inspect --format json", |b| {
        b.iter_custom(|iters| {
            let start = proc_stat::children();
            for _ in 0..iters {
                let status = Command::new(env!("CARGO_BIN_EXE_pledge"))
                    .args(["inspect", "--format", "json"])
                    .args(&paths)
                    .stdout(Stdio::null())
                    .status();
                assert!(status.is_ok_and(|s| s.success()));
            }
            proc_stat::children().saturating_sub(start)
        })
    });
    group.finish();
}

/// CPU time of the calling thread.
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    Duration::from_nanos(
        stat.split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0),
    )
}

criterion_group!(benches, reader);
criterion_main!(benches);
