//! Golden test: the date expressions of the five seed documents, scored the way
//! `score.py dates` scores them.

#![allow(clippy::print_stderr)] // the figures are what these tests are for

use chrono::NaiveDate;
use pledge::dates::{DateExpr, find_dates};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    date: Vec<GoldDate>,
    not_a_date: Vec<NotADate>,
}

#[derive(Deserialize)]
struct GoldDate {
    file: String,
    text: String,
    value: String,
    until: Option<String>,
    precision: String,
    class: String,
}

#[derive(Deserialize)]
struct NotADate {
    file: String,
    text: String,
}

/// The scorer's folding: typographic apostrophes, no-break spaces, dashes, case, spacing.
fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{a0}' | '\u{202f}' => ' ',
            '\u{2011}' | '\u{2013}' => '-',
            c => c,
        })
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What the final reader does to the text before the date finder sees it.
fn reader_fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2019}' => '\'',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect()
}

fn anchor(file: &str) -> NaiveDate {
    let ymd = match &file[..3] {
        "000" => (2017, 12, 8),
        "001" => (2025, 5, 20),
        "002" => (2022, 12, 15),
        "003" => (2021, 5, 17),
        "004" => (2024, 7, 15),
        other => panic!("no anchor for {other}"),
    };
    NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).unwrap()
}

struct Score {
    tp: usize,
    fp: usize,
    missed: usize,
    required: usize,
    lines: Vec<String>,
}

fn line(file: &str, what: &str, text: &str, value: &str, precision: &str) -> String {
    format!("{} {what}: {text:?} = {value} ({precision})", &file[..3])
}

fn score(gold: &Gold, found_by_file: &dyn Fn(&str) -> Vec<DateExpr>) -> Score {
    let mut files: Vec<&str> = gold.date.iter().map(|g| g.file.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let mut s = Score {
        tp: 0,
        fp: 0,
        missed: 0,
        required: 0,
        lines: Vec::new(),
    };
    for f in files {
        let golds: Vec<&GoldDate> = gold.date.iter().filter(|g| g.file == f).collect();
        let nots: Vec<String> = gold
            .not_a_date
            .iter()
            .filter(|n| n.file == f)
            .map(|n| norm(&n.text))
            .collect();
        let found = found_by_file(f);
        let mut used = vec![false; found.len()];
        for g in &golds {
            let gt = norm(&g.text);
            let until = g.until.clone().unwrap_or_default();
            let hit = found.iter().enumerate().position(|(i, e)| {
                let et = norm(&e.text);
                !used[i]
                    && !et.is_empty()
                    && (gt.contains(&et) || et.contains(&gt))
                    && e.value.starts_with(&g.value)
                    && e.precision.as_str() == g.precision
                    && e.until.map(|d| d.to_string()).unwrap_or_default() == until
            });
            match hit {
                Some(i) => {
                    used[i] = true;
                    s.tp += 1;
                }
                None if g.class == "required" => {
                    s.missed += 1;
                    s.lines
                        .push(line(f, "missed", &g.text, &g.value, &g.precision));
                }
                None => {}
            }
        }
        for (i, e) in found.iter().enumerate() {
            if used[i] {
                continue;
            }
            let et = norm(&e.text);
            let overlaps = golds.iter().any(|g| {
                let gt = norm(&g.text);
                !et.is_empty() && (gt.contains(&et) || et.contains(&gt))
            });
            if overlaps && !nots.iter().any(|n| n.contains(&et)) {
                continue;
            }
            s.fp += 1;
            s.lines
                .push(line(f, "wrong", &e.text, &e.value, e.precision.as_str()));
        }
    }
    s.required = gold.date.iter().filter(|g| g.class == "required").count();
    s
}

fn check(fold: bool) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold: Gold = toml::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/dates/seed-dates.toml")).unwrap(),
    )
    .unwrap();
    let s = score(&gold, &|f| {
        let text = std::fs::read_to_string(root.join("seeds").join(f)).unwrap();
        let text = if fold { reader_fold(&text) } else { text };
        find_dates(&text, Some(anchor(f)))
    });
    let p = if s.tp + s.fp == 0 {
        1.0
    } else {
        s.tp as f64 / (s.tp + s.fp) as f64
    };
    let r = (s.required - s.missed) as f64 / s.required as f64;
    let f1 = 2.0 * p * r / (p + r);
    let report = format!(
        "P={p:.2} R={r:.2} F1={f1:.2} (tp={} fp={} missed={} of {})\n{}",
        s.tp,
        s.fp,
        s.missed,
        s.required,
        s.lines.join("\n")
    );
    eprintln!("{report}");
    assert!(f1 >= 0.95, "{report}");
    assert_eq!(s.fp, 0, "{report}");
}

#[test]
fn seeds_as_printed() {
    check(false);
}

#[test]
fn seeds_as_the_reader_folds_them() {
    check(true);
}

/// Every expression of every seed, for reading when the score moves.
#[test]
fn seed_expressions_are_sorted_and_disjoint() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(root.join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let found = find_dates(&text, Some(anchor(&name)));
        for e in &found {
            eprintln!(
                "{} {:?} {} {:?} {:?} {:?}",
                &name[..3],
                e.text,
                e.value,
                e.until,
                e.precision,
                e.relation
            );
            assert_eq!(&text[e.span.clone()], e.text);
        }
        assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }
}
