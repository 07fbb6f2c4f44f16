//! `status` and `check` over 100,000 generated records (1,000 files of 100): each step
//! alone, each command end to end in process (load, report, render), and the release
//! binary as a user runs it (`pledge -C target/reports_bench status --format ...`, output
//! to /dev/null).
//!
//! cargo bench --bench reports                       # wall-clock time
//! PLEDGE_BENCH_CPU=1 cargo bench --bench reports    # CPU time (all threads, and the
//!                                                   # binary's), steadier on a shared machine
//!
//! The tracker is written to `target/reports_bench/` and left there, so that the binary can
//! be timed on it by hand too. It has no `seeds/`: every file also gets a warning that its
//! document is missing, which `status` and `check` must get past.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::NaiveDate;
use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group};
use pledge::check::{self, CheckOptions};
use pledge::report::{self, Query, TableOptions};

#[path = "support/proc_stat.rs"]
mod proc_stat;

const FILES: usize = 1_000;
const RECORDS_PER_FILE: usize = 100;

const STATUSES: [&str; 6] = [
    "proposed",
    "open",
    "in_progress",
    "done",
    "missed",
    "dropped",
];
const ACTORS: [&str; 5] = [
    "\"EU\"",
    "\"UA\"",
    "\"NATO\"",
    "\"FR\", \"DE\"",
    "\"EU\", \"UA\"",
];

/// A tracker shaped like real ones: mixed statuses, deadlines spread over ten years, French
/// and English quotes, some hand-set `due` dates and some changed sources.
fn generate(root: &Path) {
    let dir = root.join("commitments");
    if dir.join(format!("doc{:04}.toml", FILES - 1)).exists() {
        return;
    }
    std::fs::create_dir_all(&dir).expect("tracker folder");
    for f in 0..FILES {
        let mut text = format!(
            "#:schema ./commitments.schema.json\n[document]\nsource = \"seeds/{f:04}_communique.txt\"\ntitle = \"Communiqué n° {f}\"\nlanguage = \"fr\"\npublished = \"2024-07-15\"\n"
        );
        for r in 0..RECORDS_PER_FILE {
            let n = f * RECORDS_PER_FILE + r;
            let year = 2020 + n % 10;
            let month = 1 + n % 12;
            text.push_str(&format!(
                "\n[[commitment]]\nid = \"doc{f:04}-2024-07-15-engagement-{r:03}\"\nstatus = \"{}\"\nquote = \"Les deux parties sont convenues de progresser vers des résultats opérationnels concrets, étape {n}, d'ici {month}/{year}, notamment en matière de résilience.\"\nspan = [{}, {}]\nactors = [{}]\nstrength = \"{}\"\ndeadline = {{ date = \"{year}-{month:02}-28\", precision = \"month\", text = \"d'ici {month}/{year}\" }}\nmade = \"2019-07-15\"\nrule = \"fr.agree\"\nsource_state = \"{}\"\n",
                STATUSES[n % STATUSES.len()],
                r * 200,
                r * 200 + 150,
                ACTORS[n % ACTORS.len()],
                ["firm", "intent", "interest"][n % 3],
                if n.is_multiple_of(97) { "changed" } else { "current" },
            ));
            if n.is_multiple_of(13) {
                text.push_str(&format!(
                    "due = \"{}-06-30\"\nowner = \"desk {}\"\n",
                    year + 1,
                    n % 7
                ));
            }
        }
        std::fs::write(dir.join(format!("doc{f:04}.toml")), text).expect("write");
    }
}

/// CPU time used by the whole process (user + system, every thread, including threads that
/// have ended) and by the child processes it waited for (the binary), from
/// `/proc/self/stat`, in nanoseconds; clock ticks are 10 ms.
struct CpuTime;

fn cpu_nanos() -> u64 {
    let used = proc_stat::process() + proc_stat::children();
    u64::try_from(used.as_nanos()).unwrap_or(u64::MAX)
}

struct Millis;

impl ValueFormatter for Millis {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v /= 1e6);
        "ms CPU"
    }

    fn scale_throughputs(
        &self,
        _typical: f64,
        _throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        self.scale_values(0.0, values)
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        cpu_nanos()
    }

    fn end(&self, start: u64) -> u64 {
        cpu_nanos().saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &Millis
    }
}

/// Each sample takes up to seconds: ten are enough.
fn few_long_samples<M: Measurement>(group: &mut BenchmarkGroup<'_, M>, seconds: u64) {
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(seconds));
}

fn tracker_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/reports_bench")
}

fn benches<M: Measurement>(c: &mut Criterion<M>) {
    let root = tracker_root();
    generate(&root);
    let root = root.as_path();
    let tracker = pledge::store::load(root).expect("generated tracker loads");
    assert_eq!(tracker.records().count(), FILES * RECORDS_PER_FILE);
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 1).expect("date");
    let query = Query::new(as_of);
    let fitted = TableOptions {
        width: Some(160),
        color: false,
    };
    let piped = TableOptions {
        width: None,
        color: false,
    };
    let options = CheckOptions {
        as_of,
        warn_within: 30,
        strict: false,
    };

    let mut group = c.benchmark_group("100k records");
    few_long_samples(&mut group, 8);

    group.bench_function("load", |b| {
        b.iter(|| black_box(pledge::store::load(root).expect("load")))
    });
    group.bench_function("status build", |b| {
        b.iter(|| black_box(report::build(&tracker, &query).expect("report")))
    });
    let built = report::build(&tracker, &query).expect("report");
    group.bench_function("status render table (160 columns)", |b| {
        b.iter(|| black_box(report::table(&built, &fitted)))
    });
    group.bench_function("status render table (piped)", |b| {
        b.iter(|| black_box(report::table(&built, &piped)))
    });
    group.bench_function("status render markdown", |b| {
        b.iter(|| black_box(report::markdown(&built)))
    });
    group.bench_function("status render csv", |b| {
        b.iter(|| black_box(report::csv(&built)))
    });
    group.bench_function("status render json", |b| {
        b.iter(|| black_box(report::json(&built)))
    });
    group.bench_function("check (findings + text)", |b| {
        b.iter(|| black_box(check::render_text(&check::check(&tracker, &options))))
    });
    group.bench_function("check (findings + junit)", |b| {
        b.iter(|| black_box(check::render_junit(&check::check(&tracker, &options))))
    });
    group.finish();

    // What a user waits for, in process: load, then report or check, then render.
    let mut group = c.benchmark_group("100k records end to end");
    few_long_samples(&mut group, 8);
    type Render = fn(&report::Report) -> String;
    let formats: [(&str, Render); 5] = [
        ("table 160 columns", |r| {
            report::table(
                r,
                &TableOptions {
                    width: Some(160),
                    color: false,
                },
            )
        }),
        ("table piped", |r| {
            report::table(r, &TableOptions::default())
        }),
        ("markdown", report::markdown),
        ("csv", report::csv),
        ("json", report::json),
    ];
    for (name, render) in formats {
        group.bench_function(format!("status {name}"), |b| {
            b.iter(|| {
                let tracker = pledge::store::load(root).expect("load");
                let report = report::build(&tracker, &query).expect("report");
                black_box(render(&report))
            })
        });
    }
    group.bench_function("check text", |b| {
        b.iter(|| {
            let tracker = pledge::store::load(root).expect("load");
            black_box(check::render_text(&check::check(&tracker, &options)))
        })
    });
    group.bench_function("check junit", |b| {
        b.iter(|| {
            let tracker = pledge::store::load(root).expect("load");
            black_box(check::render_junit(&check::check(&tracker, &options)))
        })
    });
    group.finish();

    // The release binary, as run from a shell: process start, load, report, writing out.
    let mut group = c.benchmark_group("100k records, pledge binary");
    few_long_samples(&mut group, 10);
    let runs: [(&str, &[&str], Option<&str>); 8] = [
        ("status table 160 columns", &["status"], Some("160")),
        ("status table piped", &["status"], None),
        ("status markdown", &["status", "--format", "markdown"], None),
        ("status csv", &["status", "--format", "csv"], None),
        ("status json", &["status", "--format", "json"], None),
        ("check text", &["check"], None),
        ("check junit", &["check", "--format", "junit"], None),
        ("validate", &["validate"], None),
    ];
    for (name, args, columns) in runs {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut command = Command::new(env!("CARGO_BIN_EXE_pledge"));
                command.arg("-C").arg(root).args(args);
                if args[0] != "validate" {
                    command.args(["--as-of", "2025-06-01"]);
                }
                command.env_remove("COLUMNS").env("NO_COLOR", "1");
                if let Some(columns) = columns {
                    command.env("COLUMNS", columns);
                }
                let status = command
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .expect("pledge runs");
                // `check` fails the gate on this tracker (exit 1); anything else is a bug.
                assert!(matches!(status.code(), Some(0 | 1)), "{name}: {status}");
            })
        });
    }
    group.finish();
}

criterion_group!(wall, benches);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime);
    targets = benches
}

fn main() {
    if std::env::var_os("PLEDGE_BENCH_CPU").is_some() {
        cpu();
    } else {
        wall();
    }
    Criterion::default().configure_from_args().final_summary();
}
