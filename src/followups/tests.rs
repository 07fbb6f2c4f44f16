use chrono::NaiveDate;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn text(source: &str, date: &str, title: &str, sentences: &[&str]) -> Text {
    Text {
        source: source.to_string(),
        date: d(date),
        title: Some(title.to_string()),
        sentences: sentences.iter().map(|s| s.to_string()).collect(),
    }
}

fn tracked(
    id: &str,
    source: &str,
    made: &str,
    quote: &str,
    actors: &[&str],
    deadline: Option<&str>,
) -> Tracked {
    Tracked {
        id: id.to_string(),
        source: source.to_string(),
        quote: quote.to_string(),
        actors: actors.iter().map(|a| a.to_string()).collect(),
        made: d(made),
        deadline: deadline.map(d),
        milestone: None,
        status: Some(Status::Proposed),
        last_news: None,
    }
}

const PROMISE: &str = "L'UE et l'Ukraine sont convenues de progresser en vue de la tenue du 4e dialogue UE-Ukraine sur le cyberespace en 2025.";

fn ukraine() -> Vec<Text> {
    vec![
        text(
            "a.txt",
            "2024-07-15",
            "Le 3e dialogue sur le cyberespace avec l'Union européenne a lieu",
            &[
                "Le 15 juillet 2024, l'Union européenne et l'Ukraine ont tenu le troisième dialogue sur le cyberespace à Bruxelles.",
                PROMISE,
            ],
        ),
        text(
            "b.txt",
            "2025-06-03",
            "EU and Ukraine hold 4th Cyber Dialogue",
            &[
                "On 3 June 2025, the European Union and Ukraine held the 4th EU-Ukraine Cyber Dialogue in Kyiv.",
            ],
        ),
    ]
}

#[test]
fn numbered_series_with_committed_next() {
    let texts = ukraine();
    let report = analyse(&texts[..1], &[], d("2025-01-01"), 365);
    assert_eq!(report.series.len(), 1, "{:#?}", report.series);
    let s = &report.series[0];
    assert_eq!(s.name, "EU-Ukraine cyber dialogue");
    assert_eq!(s.actors, vec!["EU", "UA"]);
    assert_eq!(
        s.seen
            .iter()
            .map(|x| (x.date, x.ordinal))
            .collect::<Vec<_>>(),
        vec![(d("2024-07-15"), Some(3))]
    );
    let next = s.next.as_ref().map(|n| (n.ordinal, n.due));
    assert_eq!(next, Some((Some(4), Some(d("2025-12-31")))));
}

#[test]
fn announced_dialogue_held_later_is_done() {
    let texts = ukraine();
    let c = tracked(
        "p",
        "a.txt",
        "2024-07-15",
        PROMISE,
        &["EU", "UA"],
        Some("2025-12-31"),
    );
    let report = analyse(&texts, std::slice::from_ref(&c), d("2026-03-01"), 365);
    let fates: Vec<_> = report
        .followups
        .iter()
        .map(|f| (f.fate, f.evidence.source.clone()))
        .collect();
    assert_eq!(fates, vec![(Fate::Done, Some("b.txt".to_string()))]);
    // Without the later report, and past the due date, it is missed.
    let report = analyse(&texts[..1], &[c], d("2026-03-01"), 365);
    let fates: Vec<_> = report.followups.iter().map(|f| f.fate).collect();
    assert_eq!(fates, vec![Fate::Missed]);
}

#[test]
fn evidence_before_the_commitment_does_not_count() {
    let texts = ukraine();
    let c = tracked("p", "a.txt", "2025-07-01", PROMISE, &["EU", "UA"], None);
    let report = analyse(&texts, &[c], d("2025-08-01"), 365);
    assert!(report.followups.is_empty(), "{:#?}", report.followups);
}

#[test]
fn annual_conference_due_the_following_year() {
    let t = text(
        "n.txt",
        "2025-05-20",
        "Les Alliés font le point",
        &[
            "Les 20 et 21 mai 2025, les Alliés se sont réunis en Pologne pour la conférence annuelle de l'OTAN sur l'engagement en faveur de la cyberdéfense.",
            "On 20-21 May 2025, NATO Allies and several Partner nations met in Poland for NATO's annual Cyber Defence Pledge Conference",
        ],
    );
    let report = analyse(&[t], &[], d("2025-06-01"), 365);
    assert_eq!(report.series.len(), 1, "{:#?}", report.series);
    let s = &report.series[0];
    assert_eq!(s.name, "NATO Cyber Defence Pledge Conference");
    assert_eq!(s.actors, vec!["NATO", "ALLIES"]);
    assert_eq!(s.next.as_ref().and_then(|n| n.due), Some(d("2026-12-31")));
}

#[test]
fn restatement_and_progress_are_found() {
    let texts = vec![
        text(
            "x.txt",
            "2023-03-01",
            "EU and Japan agree on a platform",
            &[
                "The EU and Japan agreed to set up a joint cyber threat information exchange platform.",
            ],
        ),
        text(
            "y.txt",
            "2024-03-01",
            "EU and Japan review their cooperation",
            &[
                "The EU and Japan reviewed progress on the joint cyber threat information exchange platform.",
            ],
        ),
        text(
            "z.txt",
            "2025-03-01",
            "EU-Japan platform launched",
            &[
                "The joint cyber threat information exchange platform between the EU and Japan was launched in January.",
            ],
        ),
    ];
    let c = tracked(
        "c",
        "x.txt",
        "2023-03-01",
        "The EU and Japan agreed to set up a joint cyber threat information exchange platform.",
        &["EU", "JP"],
        None,
    );
    let report = analyse(&texts, &[c], d("2025-06-01"), 365);
    let fates: Vec<_> = report.followups.iter().map(|f| f.fate).collect();
    assert_eq!(fates, vec![Fate::InProgress, Fate::Done]);
    assert_eq!(
        report.suggestions().first().map(|f| f.fate),
        Some(Fate::Done)
    );
    assert!(report.stale.is_empty());
}

#[test]
fn stale_after_a_year_without_news() {
    let c = tracked(
        "c",
        "x.txt",
        "2023-03-01",
        "The EU will do something specific.",
        &["EU"],
        None,
    );
    let report = analyse(&[], &[c], d("2024-06-01"), 365);
    assert_eq!(report.stale.len(), 1);
    assert_eq!(report.stale[0].days, 458);
    let report = analyse(&[], &[], d("2024-06-01"), 365);
    assert!(report.stale.is_empty());
}

#[test]
fn last_day_of_partial_dates() {
    assert_eq!(last_day("2023"), Some(d("2023-12-31")));
    assert_eq!(last_day("2024-02"), Some(d("2024-02-29")));
    assert_eq!(last_day("2024-07-15"), Some(d("2024-07-15")));
    assert_eq!(last_day("soon"), None);
}

#[test]
fn meeting_again_is_the_next_occurrence() {
    let texts = vec![
        text(
            "a",
            "2024-05-05",
            "EU and UK hold first Cyber Dialogue",
            &[
                "The EU and the United Kingdom held their first Cyber Dialogue in London on 5 May 2024.",
                "They agreed to meet again in Brussels in the first half of 2025.",
            ],
        ),
        text(
            "b",
            "2025-04-10",
            "Second EU-UK Cyber Dialogue",
            &["The second EU-UK Cyber Dialogue took place in Brussels on 10 April 2025."],
        ),
    ];
    let c = tracked(
        "m",
        "a",
        "2024-05-05",
        "They agreed to meet again in Brussels in the first half of 2025.",
        &["EU", "GB"],
        Some("2025-06-30"),
    );
    let report = analyse(&texts, &[c], d("2025-12-01"), 365);
    let fates: Vec<_> = report
        .followups
        .iter()
        .map(|f| (f.fate, f.evidence.source.clone()))
        .collect();
    assert_eq!(
        fates,
        vec![(Fate::Done, Some("b".to_string()))],
        "{:#?}",
        report.series
    );
}

#[test]
fn a_later_version_of_the_same_page_is_no_evidence() {
    let quote =
        "The EU and Japan agreed to set up a joint cyber threat information exchange platform.";
    let texts = vec![
        text(
            "v1",
            "2023-03-01",
            "EU and Japan agree on a platform",
            &[quote],
        ),
        text(
            "v2",
            "2023-03-09",
            "EU and Japan agree on a platform",
            &[
                quote,
                "The EU and Japan reaffirmed that the platform matters.",
            ],
        ),
    ];
    let c = tracked("c", "v1", "2023-03-01", quote, &["EU", "JP"], None);
    assert!(
        analyse(&texts, &[c], d("2024-01-01"), 365)
            .followups
            .is_empty()
    );
}
