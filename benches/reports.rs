//! `status` and `check` over 100,000 generated records (1,000 files of 100), with and
//! without loading the tracker from disk.
//!
//! cargo bench --bench reports                       # wall-clock time
//! PLEDGE_BENCH_CPU=1 cargo bench --bench reports    # CPU time of the process (all threads),
//!                                                   # steadier on a shared machine

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group};
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
    std::fs::create_dir_all(&dir).expect("temporary folder");
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
                if n % 97 == 0 { "changed" } else { "current" },
            ));
            if n % 13 == 0 {
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
/// have ended), from `/proc/self/stat`, in nanoseconds; clock ticks are 10 ms.
struct CpuTime;

fn cpu_nanos() -> u64 {
    u64::try_from(proc_stat::process().as_nanos()).unwrap_or(u64::MAX)
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

fn benches<M: Measurement>(c: &mut Criterion<M>) {
    let dir = tempfile::tempdir().expect("temporary folder");
    generate(dir.path());
    let tracker = pledge::store::load(dir.path()).expect("generated tracker loads");
    assert_eq!(tracker.records().count(), FILES * RECORDS_PER_FILE);
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 1).expect("date");
    let query = Query::new(as_of);
    let table = TableOptions {
        width: Some(160),
        color: false,
    };
    let options = CheckOptions {
        as_of,
        warn_within: 30,
        strict: false,
    };

    let mut group = c.benchmark_group("100k records");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));

    group.bench_function("load", |b| {
        b.iter(|| black_box(pledge::store::load(dir.path()).expect("load")))
    });
    group.bench_function("status build", |b| {
        b.iter(|| black_box(report::build(&tracker, &query).expect("report")))
    });
    let built = report::build(&tracker, &query).expect("report");
    group.bench_function("status render table", |b| {
        b.iter(|| black_box(report::table(&built, &table)))
    });
    group.bench_function("status render csv", |b| {
        b.iter(|| black_box(report::csv(&built)))
    });
    group.bench_function("status report (build + table)", |b| {
        b.iter(|| {
            let report = report::build(&tracker, &query).expect("report");
            black_box(report::table(&report, &table))
        })
    });
    group.bench_function("status report (build + json)", |b| {
        b.iter(|| {
            black_box(report::json(
                &report::build(&tracker, &query).expect("report"),
            ))
        })
    });
    group.bench_function("status load + report (table)", |b| {
        b.iter(|| {
            let tracker = pledge::store::load(dir.path()).expect("load");
            let report = report::build(&tracker, &query).expect("report");
            black_box(report::table(&report, &table))
        })
    });
    group.bench_function("check (findings + text)", |b| {
        b.iter(|| black_box(check::render_text(&check::check(&tracker, &options))))
    });
    group.bench_function("check load + check (text)", |b| {
        b.iter(|| {
            let tracker = pledge::store::load(dir.path()).expect("load");
            black_box(check::render_text(&check::check(&tracker, &options)))
        })
    });
    group.bench_function("check (junit)", |b| {
        b.iter(|| black_box(check::render_junit(&check::check(&tracker, &options))))
    });
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
