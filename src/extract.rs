//! Commitment extraction: who commits to what, how firmly, by when.
//!
//! INTERFACE: `extract(&Document, &Rules) -> Extraction`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::Precision;
use crate::document::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    Firm,
    Intent,
    Interest,
}

impl Strength {
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Firm => "firm",
            Strength::Intent => "intent",
            Strength::Interest => "interest",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The last day by which it is due.
    pub date: NaiveDate,
    pub precision: Precision,
    /// The expression that set it, as printed ("en 2025").
    pub text: String,
}

/// An event the commitment is about: "the 4th EU-Ukraine cyber dialogue".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub name: String,
    pub ordinal: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Commitment {
    pub id: String,
    pub quote: String,
    /// Byte range of the quote in the original file.
    pub span: [usize; 2],
    pub actors: Vec<String>,
    pub strength: Strength,
    pub deadline: Option<Deadline>,
    /// When it was made, ISO as precise as known: `2023`, `2017-09`, `2024-07-15`.
    pub made: Option<String>,
    pub milestone: Option<Milestone>,
    /// Which rule fired, e.g. `fr.agree` ("sont convenus de").
    pub rule: String,
}

/// A sentence that looked like a commitment and was set aside, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    pub quote: String,
    pub span: [usize; 2],
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub commitments: Vec<Commitment>,
    pub rejected: Vec<Rejected>,
}

/// The lexicons and patterns, built in and extended by `pledge.toml`.
#[derive(Debug, Clone, Default)]
pub struct Rules {}

pub fn extract(doc: &Document, rules: &Rules) -> Extraction {
    let _ = (doc, rules);
    Extraction::default()
}
