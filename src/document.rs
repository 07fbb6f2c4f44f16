//! Reading documents: bytes in any of the encodings and formats press pages are saved in,
//! out comes the visible text, normalised for matching, with a map back to byte offsets in
//! the original file, the page's metadata and its sentences.
//!
//! INTERFACE (the reader work replaces the provisional implementation below, keeping these
//! public names): `Document::from_bytes`, `Document::read`, the public fields, `source_span`.

use std::ops::Range;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::dates::DateExpr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// A sentence (or a heading, a list item) of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte range in `Document::text`.
    pub span: Range<usize>,
    pub language: Lang,
    /// Index of the block (paragraph, heading, list item) it belongs to: sentences of one
    /// block share it, so that a reader knows where paragraphs start.
    pub block: usize,
    /// A heading or a title rather than running text.
    pub heading: bool,
}

/// The page's own date: the date line, or the event's date where none is printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageDate {
    pub date: NaiveDate,
    /// With the time of day where the page prints one.
    pub datetime: Option<NaiveDateTime>,
    /// ISO, as precise as printed: `2021-05-17T16:50` or `2025-05-20`.
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The path as given.
    pub source: String,
    pub format: Format,
    /// The encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, `windows-1252`, ...).
    pub encoding: &'static str,
    /// Visible text, NFC, with typographic apostrophes, quotes, no-break spaces and
    /// non-breaking hyphens folded to their plain forms; blocks separated by blank lines.
    pub text: String,
    pub language: Lang,
    pub title: Option<String>,
    pub published: Option<PageDate>,
    pub updated: Option<PageDate>,
    pub url: Option<String>,
    pub sentences: Vec<Sentence>,
    /// Every date expression of `text`, resolved against `published`.
    pub dates: Vec<DateExpr>,
    /// Byte offset in the original file of each byte of `text`, plus one entry for the end.
    #[serde(skip)]
    offsets: Vec<u32>,
}

impl Document {
    /// Reads and understands a file. Errors name the file.
    pub fn read(path: &Path) -> crate::Result<Document> {
        let bytes = std::fs::read(path).map_err(|e| crate::Error::io(path, e))?;
        Document::from_bytes(&path.display().to_string(), &bytes)
    }

    /// Understands the bytes of a file; `source` names it in errors and output.
    pub fn from_bytes(source: &str, bytes: &[u8]) -> crate::Result<Document> {
        // Provisional: UTF-8 only, plain text, sentences split at full stops.
        let text = String::from_utf8_lossy(bytes).into_owned();
        let offsets: Vec<u32> = (0..=text.len() as u32).collect();
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '.' || c == '\n' {
                if text[start..i].trim().len() > 1 {
                    sentences.push(Sentence {
                        span: start..i + 1,
                        language: Lang::Fr,
                        block: 0,
                        heading: false,
                    });
                }
                start = i + 1;
            }
        }
        let title = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .map(|l| l.trim().to_string());
        Ok(Document {
            source: source.to_string(),
            format: Format::Text,
            encoding: "UTF-8",
            dates: crate::dates::find_dates(&text, None),
            text,
            language: Lang::Fr,
            title,
            published: None,
            updated: None,
            url: None,
            sentences,
            offsets,
        })
    }

    /// The byte range in the original file of a byte range of `text`.
    pub fn source_span(&self, span: Range<usize>) -> [usize; 2] {
        let at = |i: usize| {
            self.offsets
                .get(i.min(self.offsets.len().saturating_sub(1)))
                .copied()
                .unwrap_or(0) as usize
        };
        [at(span.start), at(span.end)]
    }

    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.span.clone()]
    }
}
