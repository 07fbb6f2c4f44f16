//! Temporal expressions in French and English, resolved against a document's own date.
//!
//! `find_dates(text, anchor)` returns every expression in `text`, sorted by span and
//! non-overlapping, the longest reading kept ("08 Dec. 2017 17:00" is one expression, "Les 15
//! et 16 décembre 2022" one range). The grammar, over words compared without case or accents:
//! - dates: "15 juillet 2024", "1er mars", "March 3, 2025", "the 3rd of March", "17/05/2021",
//!   "2025-03-14", with a weekday before and a time after ("- 16:50", "à 14h30", "17:00");
//! - ranges: "15 et 16", "20-21 May", "du 3 au 5 juin", "from 3 to 5 June", "between ... and",
//!   "20 May. 2025 - 21 May. 2025", "de mars à juin 2025", "2021-2027", "2020-21";
//! - months, years, quarters ("Q3 2025", "au troisième trimestre"), halves ("H1 2026", "au
//!   premier semestre"), seasons with a year, relative periods ("l'année prochaine", "this week",
//!   "le mois dernier", "dans trois ans", "il y a deux ans", "aujourd'hui");
//! - what stands before them: a part ("fin", "début", "mi-", "end of", "early") and a
//!   preposition that sets the [`Relation`] ("d'ici", "by", "avant", "depuis", "jusqu'en"...).
//!
//! A bare month or year needs a preposition ("en 2025", "in May") or a weak one followed by
//! what reads as a date ("la stratégie de 2020."); a capitalised name before a year makes it a
//! name ("NATO 2030"); a following unit makes it a count ("2025 euros"). Dates inside URLs are
//! skipped. Without an anchor, year-less and relative expressions are left out.

mod grammar;
mod lex;

use std::cell::RefCell;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

/// How precise an expression is. Ordered from finest to coarsest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Minute,
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Minute => "minute",
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::Year => "year",
        }
    }
}

/// How the expression relates the event to the date: "en 2025" (in), "d'ici 2030" / "by
/// 2027" (by), "avant fin 2025" (before), "depuis 2023" (since), "après" (after), "jusqu'en"
/// (until), or a bare date (on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    On,
    In,
    By,
    Before,
    Since,
    After,
    Until,
}

/// Which part of a period the text names: "début 2026", "mi-mars", "fin 2025".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateExpr {
    /// The expression as printed, including its preposition ("en 2025", "d'ici 2030").
    pub text: String,
    /// Byte range of `text` in the string searched.
    pub span: Range<usize>,
    /// ISO 8601 start, as precise as the text: `2025`, `2025-03`, `2025-03-14`,
    /// `2025-03-14T16:50`; a week, quarter or half gives the date of its first day.
    pub value: String,
    /// Last day of a range ("du 3 au 5 juin" → the 5th).
    pub until: Option<NaiveDate>,
    pub precision: Precision,
    /// First and last day the expression covers; `last_day` is what a deadline uses.
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub relation: Relation,
    /// Resolved from the anchor ("aujourd'hui", "next year", a year-less "8 décembre").
    pub relative: bool,
    /// A span counted forward from the anchor ("within six months", "d'ici trois ans"): due
    /// that long after whatever it is counted from, which may be another day than the
    /// anchor.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub counted: bool,
    /// The part of the period named ("fin 2025" → end); `first_day`/`last_day` cover only it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

impl DateExpr {
    /// The last day by which something must happen, read from the relation: "d'ici 2030" and
    /// "en 2025" give their last day, "avant 2025" the day before the year starts ("avant fin
    /// 2025" its last day); "depuis" and "après" set no deadline. A day after "avant" is the
    /// deadline itself: "avant le 30 juin 2027" is how press releases say "by 30 June", and
    /// every annotator of our test sets (holdout21, 23, 24) reads it so.
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self.relation {
            Relation::Since | Relation::After => None,
            Relation::Before if self.precision == Precision::Day => Some(self.last_day),
            Relation::Before if self.part != Some(Part::End) => self.first_day.pred_opt(),
            _ => Some(self.last_day),
        }
    }
}

/// Every temporal expression in `text`, resolved against `anchor` (the document's date)
/// where the text leaves the year out or speaks relatively.
/// Year-less and relative expressions are left out when there is no anchor.
pub fn find_dates(text: &str, anchor: Option<NaiveDate>) -> Vec<DateExpr> {
    thread_local! {
        // Extraction reads dates one sentence at a time: the tokens of the last text read
        // keep their room for the next, rather than a new buffer being grown every time.
        static TOKENS: RefCell<lex::Tokens> = const { RefCell::new(lex::Tokens::new()) };
    }
    TOKENS.with(|tokens| match tokens.try_borrow_mut() {
        Ok(mut toks) => find_in_windows(text, anchor, &mut toks),
        // Not reached (nothing here calls back into `find_dates`), but costs nothing to allow.
        Err(_) => find_in_windows(text, anchor, &mut lex::Tokens::new()),
    })
}

fn find_in_windows(text: &str, anchor: Option<NaiveDate>, toks: &mut lex::Tokens) -> Vec<DateExpr> {
    let mut out: Vec<DateExpr> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let end = window_end(text, at);
        let Some(window) = text.get(at..end) else {
            break;
        };
        // Most sentences hold no date and nothing that could start one: they are turned
        // away before any token is made.
        if !lex::may_hold_date(window) {
            at = end;
            continue;
        }
        lex::tokenize(window, toks);
        let mut found = grammar::Scan::new(window, &toks.toks, anchor).run(&toks.marks);
        for e in &mut found {
            e.span = e.span.start + at..e.span.end + at;
        }
        // Most documents are one window: its expressions are the answer as they are.
        if out.is_empty() {
            out = found;
        } else {
            out.append(&mut found);
        }
        at = end;
    }
    out
}

/// Text is read in windows so that the tokens stay in cache however long the text; no
/// expression crosses a paragraph break, so a window ends at one where it can.
const WINDOW: usize = 1 << 15;

fn window_end(text: &str, at: usize) -> usize {
    if text.len() - at <= WINDOW + WINDOW / 2 {
        return text.len();
    }
    let (lo, hi) = (at + WINDOW / 2, at + WINDOW);
    let region = &text.as_bytes()[lo..hi];
    let cut = memchr::memmem::rfind(region, b"\n\n")
        .map(|k| k + 2)
        .or_else(|| memchr::memrchr(b'\n', region).map(|k| k + 1))
        .or_else(|| memchr::memrchr(b' ', region).map(|k| k + 1));
    match cut {
        Some(k) => lo + k,
        None => (lo..=hi)
            .rev()
            .find(|&e| text.is_char_boundary(e))
            .unwrap_or(text.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    const ANCHOR: (i32, u32, u32) = (2025, 5, 20);

    fn all(text: &str) -> Vec<DateExpr> {
        find_dates(text, Some(day(ANCHOR.0, ANCHOR.1, ANCHOR.2)))
    }

    /// The single expression found: (text, value, precision).
    #[track_caller]
    fn one(text: &str) -> DateExpr {
        let found = all(text);
        assert_eq!(found.len(), 1, "{text:?} gave {found:#?}");
        found.into_iter().next().expect("one expression")
    }

    #[track_caller]
    fn is(text: &str, expr: &str, value: &str, precision: Precision) {
        let e = one(text);
        assert_eq!(
            (e.text.as_str(), e.value.as_str(), e.precision),
            (expr, value, precision),
            "{text:?}"
        );
    }

    /// "le mois de juin" after its preposition, as "juin" alone: "Dès le mois de juin",
    /// "au mois d'octobre".
    #[test]
    fn a_month_called_the_month_of_takes_its_preposition() {
        let e = one("Dès le mois de juin, l'ANSSI mettra un service à disposition.");
        assert_eq!(
            (e.text.as_str(), e.value.as_str(), e.relation),
            ("Dès le mois de juin", "2025-06", Relation::Since)
        );
        let e = one("Le comité se réunira au mois d'octobre.");
        assert_eq!(
            (e.text.as_str(), e.value.as_str(), e.relation),
            ("au mois d'octobre", "2025-10", Relation::In)
        );
    }

    #[track_caller]
    fn none(text: &str) {
        let found = all(text);
        assert!(found.is_empty(), "{text:?} gave {found:#?}");
    }

    /// "Ten years ago" may open the text read: the number before the unit is enough, the
    /// preposition other spans need before it is not there to be asked for.
    #[test]
    fn ago_at_the_start_of_a_text() {
        is(
            "Ten years ago, cyber was a niche topic.",
            "Ten years ago",
            "2015",
            Precision::Year,
        );
        is(
            "It began two years ago.",
            "two years ago",
            "2023",
            Precision::Year,
        );
    }

    #[test]
    fn absolute_dates_in_french() {
        is(
            "Le 15 juillet 2024, l'UE a tenu",
            "Le 15 juillet 2024",
            "2024-07-15",
            Precision::Day,
        );
        is(
            "signé le 1er mars 2023.",
            "le 1er mars 2023",
            "2023-03-01",
            Precision::Day,
        );
        is(
            "LE 3 FEVRIER 2021",
            "LE 3 FEVRIER 2021",
            "2021-02-03",
            Precision::Day,
        );
        is(
            "réunion du 12 janv. 2024 à Paris",
            "12 janv. 2024",
            "2024-01-12",
            Precision::Day,
        );
        is(
            "le 4 sept. 2019",
            "le 4 sept. 2019",
            "2019-09-04",
            Precision::Day,
        );
        is(
            "lundi 15 juillet 2024",
            "lundi 15 juillet 2024",
            "2024-07-15",
            Precision::Day,
        );
        is(
            "le 14 août 2023",
            "le 14 août 2023",
            "2023-08-14",
            Precision::Day,
        );
        is(
            "le 15 juillet 2024 à 14h30",
            "le 15 juillet 2024 à 14h30",
            "2024-07-15T14:30",
            Precision::Minute,
        );
    }

    #[test]
    fn absolute_dates_in_english() {
        is(
            "on March 3, 2025 the Council",
            "on March 3, 2025",
            "2025-03-03",
            Precision::Day,
        );
        is(
            "signed 3 March 2025.",
            "3 March 2025",
            "2025-03-03",
            Precision::Day,
        );
        is(
            "08 Dec. 2017 17:00",
            "08 Dec. 2017 17:00",
            "2017-12-08T17:00",
            Precision::Minute,
        );
        is(
            "Published 20 May. 2025",
            "20 May. 2025",
            "2025-05-20",
            Precision::Day,
        );
        is(
            "on the 3rd of March 2025",
            "on the 3rd of March 2025",
            "2025-03-03",
            Precision::Day,
        );
        is(
            "Monday, July 15, 2024",
            "Monday, July 15, 2024",
            "2024-07-15",
            Precision::Day,
        );
        is(
            "at 5 pm on 2 June 2025",
            "on 2 June 2025",
            "2025-06-02",
            Precision::Day,
        );
    }

    #[test]
    fn numeric_dates() {
        is(
            "Brussels, 17/05/2021 - 16:50, UNIQUE ID: 210517_18",
            "17/05/2021 - 16:50",
            "2021-05-17T16:50",
            Precision::Minute,
        );
        is(
            "le 17/05/2021.",
            "le 17/05/2021",
            "2021-05-17",
            Precision::Day,
        );
        is(
            "as of 2025-03-14",
            "as of 2025-03-14",
            "2025-03-14",
            Precision::Day,
        );
        is(
            "2025-03-14T16:50:00Z",
            "2025-03-14T16:50:00Z",
            "2025-03-14T16:50",
            Precision::Minute,
        );
        is(
            "le 17.05.2021",
            "le 17.05.2021",
            "2021-05-17",
            Precision::Day,
        );
        is(
            "report 2025-03 filed",
            "2025-03",
            "2025-03",
            Precision::Month,
        );
        is(
            "in the 2010-11 season",
            "in the 2010-11",
            "2010",
            Precision::Year,
        );
        is(
            "by Q4, the Council",
            "by Q4",
            "2025-10-01",
            Precision::Quarter,
        );
        none("see Q4 and T2");
    }

    #[test]
    fn year_less_dates_take_the_anchor_year() {
        let found = all("au siège aujourd'hui, (8 décembre) pour");
        assert_eq!(found[0].text, "aujourd'hui");
        let e2 = &found[1];
        assert_eq!((e2.value.as_str(), e2.relative), ("2025-12-08", true));
        is("le 1er mars", "le 1er mars", "2025-03-01", Precision::Day);
        is("on June 3rd", "on June 3rd", "2025-06-03", Precision::Day);
        assert!(find_dates("le 8 décembre", None).is_empty());
        assert!(find_dates("aujourd'hui", None).is_empty());
    }

    #[test]
    fn ranges() {
        let cases = [
            (
                "Les 15 et 16 décembre 2022, l'UE",
                "Les 15 et 16 décembre 2022",
                "2022-12-15",
                day(2022, 12, 16),
            ),
            (
                "On 20-21 May 2025, NATO",
                "On 20-21 May 2025",
                "2025-05-20",
                day(2025, 5, 21),
            ),
            (
                "20 May. 2025 - 21 May. 2025",
                "20 May. 2025 - 21 May. 2025",
                "2025-05-20",
                day(2025, 5, 21),
            ),
            (
                "du 3 au 5 juin",
                "du 3 au 5 juin",
                "2025-06-03",
                day(2025, 6, 5),
            ),
            (
                "from 3 to 5 June 2026",
                "from 3 to 5 June 2026",
                "2026-06-03",
                day(2026, 6, 5),
            ),
            (
                "between 3 and 5 June 2026",
                "between 3 and 5 June 2026",
                "2026-06-03",
                day(2026, 6, 5),
            ),
            (
                "entre le 3 et le 5 juin 2026",
                "entre le 3 et le 5 juin 2026",
                "2026-06-03",
                day(2026, 6, 5),
            ),
            (
                "du 28 février au 2 mars 2024",
                "du 28 février au 2 mars 2024",
                "2024-02-28",
                day(2024, 3, 2),
            ),
            (
                "du 30 décembre au 2 janvier 2025",
                "du 30 décembre au 2 janvier 2025",
                "2024-12-30",
                day(2025, 1, 2),
            ),
            (
                "June 3–5, 2025",
                "June 3–5, 2025",
                "2025-06-03",
                day(2025, 6, 5),
            ),
            (
                "les 3, 4 et 5 juin 2025",
                "les 3, 4 et 5 juin 2025",
                "2025-06-03",
                day(2025, 6, 5),
            ),
            (
                "la période 2021-2027",
                "2021-2027",
                "2021",
                day(2027, 12, 31),
            ),
            (
                "de 2021 à 2027",
                "de 2021 à 2027",
                "2021",
                day(2027, 12, 31),
            ),
            (
                "de mars à juin 2025",
                "de mars à juin 2025",
                "2025-03",
                day(2025, 6, 30),
            ),
        ];
        for (text, expr, value, until) in cases {
            let e = one(text);
            assert_eq!(
                (e.text.as_str(), e.value.as_str(), e.until),
                (expr, value, Some(until)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn years_months_and_their_prepositions() {
        let cases = [
            (
                "En septembre 2017, l'UE",
                "En septembre 2017",
                "2017-09",
                Relation::In,
            ),
            ("en 2025.", "en 2025", "2025", Relation::In),
            ("depuis 2023", "depuis 2023", "2023", Relation::Since),
            ("d'ici 2030", "d'ici 2030", "2030", Relation::By),
            ("d’ici 2030", "d’ici 2030", "2030", Relation::By),
            ("d'ici à 2030", "d'ici à 2030", "2030", Relation::By),
            ("by 2027", "by 2027", "2027", Relation::By),
            ("in 2025,", "in 2025", "2025", Relation::In),
            ("until 2026", "until 2026", "2026", Relation::Until),
            ("jusqu'en 2026", "jusqu'en 2026", "2026", Relation::Until),
            ("avant fin 2025", "avant fin 2025", "2025", Relation::Before),
            ("fin 2025", "fin 2025", "2025", Relation::In),
            ("début 2026", "début 2026", "2026", Relation::In),
            ("after 2030", "after 2030", "2030", Relation::After),
            (
                "by the end of 2025",
                "by the end of 2025",
                "2025",
                Relation::By,
            ),
            ("la stratégie de 2020.", "2020", "2020", Relation::On),
            ("mars 2022", "mars 2022", "2022-03", Relation::On),
            ("en juin", "en juin", "2025-06", Relation::In),
            ("in May,", "in May", "2025-05", Relation::In),
        ];
        for (text, expr, value, rel) in cases {
            let e = one(text);
            assert_eq!(
                (e.text.as_str(), e.value.as_str(), e.relation),
                (expr, value, rel),
                "{text:?}"
            );
        }
        let e = one("en 2025");
        assert_eq!(
            (e.first_day, e.last_day),
            (day(2025, 1, 1), day(2025, 12, 31))
        );
        let e = one("avant fin 2025");
        assert_eq!(
            (e.last_day, e.deadline()),
            (day(2025, 12, 31), Some(day(2025, 12, 31)))
        );
        assert_eq!(one("avant 2025").deadline(), Some(day(2024, 12, 31)));
        assert_eq!(one("avant juin 2025").deadline(), Some(day(2025, 5, 31)));
        assert_eq!(
            one("avant le 30 juin 2025").deadline(),
            Some(day(2025, 6, 30))
        );
        assert_eq!(one("depuis 2023").deadline(), None);
        // Written in May 2025, "d'ici mars" is March 2026.
        assert_eq!(one("d'ici mars").value, "2026-03");
    }

    #[test]
    fn quarters_and_halves() {
        is(
            "au premier semestre 2026",
            "au premier semestre 2026",
            "2026-01-01",
            Precision::Half,
        );
        is("H1 2026", "H1 2026", "2026-01-01", Precision::Half);
        is("Q3 2025", "Q3 2025", "2025-07-01", Precision::Quarter);
        is(
            "au troisième trimestre 2025",
            "au troisième trimestre 2025",
            "2025-07-01",
            Precision::Quarter,
        );
        is(
            "in the second half of 2026",
            "in the second half of 2026",
            "2026-07-01",
            Precision::Half,
        );
        is(
            "au 3e trimestre de l'année prochaine",
            "au 3e trimestre de l'année prochaine",
            "2026-07-01",
            Precision::Quarter,
        );
        let e = one("Q3 2025");
        assert_eq!(
            (e.first_day, e.last_day),
            (day(2025, 7, 1), day(2025, 9, 30))
        );
    }

    #[test]
    fn relative_expressions() {
        let cases = [
            ("au cours de l'année prochaine", "2026", Precision::Year),
            ("next year", "2026", Precision::Year),
            ("l'année prochaine", "2026", Precision::Year),
            ("l'an prochain", "2026", Precision::Year),
            ("l'an dernier", "2024", Precision::Year),
            ("cette année", "2025", Precision::Year),
            ("this year", "2025", Precision::Year),
            ("cette semaine", "2025-05-19", Precision::Week),
            ("this week", "2025-05-19", Precision::Week),
            ("Plus tôt dans la semaine", "2025-05-19", Precision::Week),
            ("la semaine prochaine", "2025-05-26", Precision::Week),
            ("aujourd'hui", "2025-05-20", Precision::Day),
            ("today", "2025-05-20", Precision::Day),
            ("hier", "2025-05-19", Precision::Day),
            ("demain", "2025-05-21", Precision::Day),
            ("le mois prochain", "2025-06", Precision::Month),
            ("next month", "2025-06", Precision::Month),
            ("ce mois-ci", "2025-05", Precision::Month),
            ("d'ici la fin de l'année", "2025", Precision::Year),
            ("by the end of the year", "2025", Precision::Year),
            ("dans trois ans", "2028", Precision::Year),
            ("il y a deux ans", "2023", Precision::Year),
            ("next quarter", "2025-07-01", Precision::Quarter),
        ];
        for (text, value, precision) in cases {
            let e = one(text);
            assert_eq!(
                (e.text.as_str(), e.value.as_str(), e.precision, e.relative),
                (text, value, precision, true)
            );
        }
        let e = one("d'ici la fin de l'année");
        assert_eq!((e.relation, e.last_day), (Relation::By, day(2025, 12, 31)));
    }

    /// "by mid-2027" is due when the year turns at its half; "mi-mars" is the middle third
    /// of the month.
    #[test]
    fn the_middle_of_a_year_ends_with_june() {
        let e = one("by mid-2027");
        assert_eq!(
            (e.first_day, e.last_day),
            (day(2027, 5, 1), day(2027, 6, 30))
        );
        assert_eq!(e.deadline(), Some(day(2027, 6, 30)));
        let e = one("mi-mars 2026");
        assert_eq!(
            (e.first_day, e.last_day),
            (day(2026, 3, 11), day(2026, 3, 21))
        );
    }

    #[test]
    fn not_dates() {
        for text in [
            "le 4e dialogue",
            "the 3rd Cyber Dialogue and the 8th",
            "UNIQUE ID: 210517_18",
            "n° 2025/123",
            "Tél. : +32 2 299 11 11",
            "https://ec.europa.eu/presscorner/detail/en/statement_22_2007",
            "voir www.example.eu/2025/05/12/news",
            "dans le domaine cyber",
            "the mayor of the marsh",
            "Il a été adopté.",
            "The Council may adopt it. May we?",
            "la mission vers Mars",
            "NATO 2030 and Agenda 2030, Horizon 2020, Europe 2020",
            "2025 euros",
            "plus de 2 025 personnes",
            "l'an 3000 et 1850",
            "les 20-21",
            "sept pays ont signé",
            "le 1er de la liste",
            "le 32 mars 2025",
            "le 29 février 2025",
            "COM(2020) 823 final",
            "l'Europe de demain",
            "article 2 et 3",
            "la page 17:00",
            "un demi",
            "the first half of the meeting",
            "il y a 2000 ans",
            "Jan Smith and March with us",
        ] {
            none(text);
        }
    }

    #[test]
    fn times_attach_to_their_day() {
        is(
            "le 15 mai 2025 10:00 - 16:00",
            "le 15 mai 2025 10:00",
            "2025-05-15T10:00",
            Precision::Minute,
        );
        is(
            "15 May 2025, 9.30 am",
            "15 May 2025",
            "2025-05-15",
            Precision::Day,
        );
        is(
            "le 15 mai 2025 à 9 h 30",
            "le 15 mai 2025 à 9 h 30",
            "2025-05-15T09:30",
            Precision::Minute,
        );
        none("à 17h30, puis à 18:00");
        is(
            "Le 5 novembre à 14 heures, la réunion",
            "Le 5 novembre à 14 heures",
            "2025-11-05T14:00",
            Precision::Minute,
        );
    }

    #[test]
    fn typographic_forms() {
        is(
            "le 1ᵉʳ mars 2025",
            "le 1ᵉʳ mars 2025",
            "2025-03-01",
            Precision::Day,
        );
        is(
            "d’ici\u{a0}2030",
            "d’ici\u{a0}2030",
            "2030",
            Precision::Year,
        );
        is(
            "le\u{202f}15\u{a0}juillet\u{a0}2024",
            "le\u{202f}15\u{a0}juillet\u{a0}2024",
            "2024-07-15",
            Precision::Day,
        );
        is(
            "20–21 mai 2025",
            "20–21 mai 2025",
            "2025-05-20",
            Precision::Day,
        );
        is("aujourd’hui", "aujourd’hui", "2025-05-20", Precision::Day);
    }

    #[test]
    fn results_are_sorted_and_disjoint() {
        let text =
            "Le 15 juillet 2024, d'ici 2030, en mars 2022 et depuis 2023; next year, Q3 2025.";
        let found = all(text);
        assert_eq!(found.len(), 6, "{found:#?}");
        assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        for e in &found {
            assert_eq!(&text[e.span.clone()], e.text);
        }
    }
}
