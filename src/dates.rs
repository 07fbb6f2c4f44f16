//! Temporal expressions in French and English, resolved against a document's own date.
//!
//! INTERFACE (filled in by the dates work): `find_dates(text, anchor)` returns every
//! expression in `text`, sorted by span, non-overlapping.

mod grammar;
mod lex;

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
    /// The part of the period named ("fin 2025" → end); `first_day`/`last_day` cover only it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

impl DateExpr {
    /// The last day by which something must happen, read from the relation: "d'ici 2030" and
    /// "en 2025" give their last day, "avant 2025" the day before the year starts ("avant fin
    /// 2025" its last day); "depuis" and "après" set no deadline.
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self.relation {
            Relation::Since | Relation::After => None,
            Relation::Before if self.part != Some(Part::End) => self.first_day.pred_opt(),
            _ => Some(self.last_day),
        }
    }
}

/// Every temporal expression in `text`, resolved against `anchor` (the document's date)
/// where the text leaves the year out or speaks relatively.
/// Year-less and relative expressions are left out when there is no anchor.
pub fn find_dates(text: &str, anchor: Option<NaiveDate>) -> Vec<DateExpr> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    lex::tokenize(text, &mut toks);
    grammar::Scan::new(text, &toks, anchor).run()
}
