//! The date finder never panics, keeps its spans on the text, and stays linear.

#![allow(clippy::print_stderr)] // the figures are what these tests are for

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use pledge::dates::find_dates;
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "le",
    "Les",
    "du",
    "au",
    "et",
    "d'ici",
    "d’ici",
    "à",
    "en",
    "by",
    "the",
    "of",
    "from",
    "to",
    "between",
    "and",
    "depuis",
    "avant",
    "fin",
    "début",
    "mi-",
    "end",
    "early",
    "1er",
    "3rd",
    "15",
    "31",
    "29",
    "0",
    "99",
    "2020",
    "2025",
    "1899",
    "2101",
    "12345",
    "mars",
    "Mars",
    "may",
    "May",
    "May.",
    "Dec.",
    "sept.",
    "janv.",
    "décembre",
    "fevrier",
    "juin",
    "June",
    "Q3",
    "H1",
    "T4",
    "S2",
    "premier",
    "troisième",
    "trimestre",
    "semestre",
    "half",
    "quarter",
    "semaine",
    "week",
    "mois",
    "month",
    "année",
    "an",
    "year",
    "prochain",
    "prochaine",
    "next",
    "last",
    "cette",
    "this",
    "ce",
    "-ci",
    "aujourd'hui",
    "aujourd’hui",
    "hier",
    "demain",
    "today",
    "il",
    "y",
    "a",
    "ago",
    "dans",
    "trois",
    "17:00",
    "16h30",
    "-",
    "–",
    "/",
    ".",
    ",",
    ":",
    "(",
    ")",
    "'",
    "’",
    "\u{a0}",
    "\u{202f}",
    "\n",
    "\n\n",
    " ",
    "17/05/2021",
    "2025-03-14",
    "2025-03-14T16:50",
    "http://x.eu/2025/05/01",
    "_",
    "n°",
    "%",
    "€",
    "lundi",
    "Monday",
    "plus",
    "tôt",
    "dans",
    "la",
    "l'",
    "l’",
    "jusqu'en",
    "until",
    "within",
    "été",
    "É",
    "œ",
    "🙂",
];

fn anchor() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (-262_000i32..262_000, 1u32..=12, 1u32..=31)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        Just(NaiveDate::MIN.into()),
        Just(NaiveDate::MAX.into()),
    ]
}

fn check(text: &str, anchor: Option<NaiveDate>) {
    let found = find_dates(text, anchor);
    let mut end = 0;
    for e in &found {
        assert!(e.span.start >= end, "overlap in {text:?}: {found:#?}");
        assert_eq!(text.get(e.span.clone()), Some(e.text.as_str()));
        assert!(e.first_day <= e.last_day, "{e:?}");
        end = e.span.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in any::<String>(), anchor in anchor()) {
        check(&text, anchor);
    }

    #[test]
    fn date_like_strings(parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..24),
                         seps in prop::collection::vec(prop::sample::select(&[" ", "", "\u{a0}", "-"][..]), 24),
                         anchor in anchor()) {
        let mut text = String::new();
        for (p, s) in parts.iter().zip(seps.iter()) {
            text.push_str(p);
            text.push_str(s);
        }
        check(&text, anchor);
    }
}

fn timed(text: &str) -> Duration {
    let t = Instant::now();
    let found = find_dates(text, NaiveDate::from_ymd_opt(2025, 5, 20));
    std::hint::black_box(found);
    t.elapsed()
}

#[test]
fn five_megabytes_on_one_line_finish_quickly() {
    let unit = "Le 15 juillet 2024, d'ici 2030 et depuis 2023 l'UE a — selon 2 025 personnes — 4e dialogue. ";
    let line = unit.repeat(5_000_000 / unit.len());
    assert!(timed(&line) < Duration::from_secs(10));
    let digits = "1".repeat(5_000_000);
    assert!(timed(&digits) < Duration::from_secs(10));
    let dashes = "2020-".repeat(1_000_000);
    assert!(timed(&dashes) < Duration::from_secs(10));
    let marks = "'".repeat(5_000_000);
    assert!(timed(&marks) < Duration::from_secs(10));
}

/// `cargo test --release --test dates_props -- --ignored --nocapture` prints MB/s on the seeds
/// (best of five: the machine is shared).
#[test]
#[ignore = "a measurement, run in release"]
fn throughput_on_the_seeds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut one = String::new();
    let mut names: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        one.push_str(&std::fs::read_to_string(p).unwrap());
        one.push('\n');
    }
    let corpus = one.repeat(20_000_000 / one.len());
    let t = (0..5).map(|_| timed(&corpus)).min().unwrap();
    let mb = corpus.len() as f64 / 1e6;
    eprintln!(
        "{mb:.1} MB in {:.3} s: {:.0} MB/s (wall)",
        t.as_secs_f64(),
        mb / t.as_secs_f64()
    );
    // On Linux, the time this thread spent on a core, which the other users of the machine
    // do not inflate.
    let on_cpu = || {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
    };
    if let Some(before) = on_cpu() {
        std::hint::black_box(find_dates(&corpus, NaiveDate::from_ymd_opt(2025, 5, 20)));
        if let Some(after) = on_cpu() {
            let s = (after - before) as f64 / 1e9;
            eprintln!(
                "{mb:.1} MB in {s:.3} s on one core: {:.0} MB/s (cpu)",
                mb / s
            );
        }
    }
}
