//! Reading one record file into the model, in two layers: the TOML parser turns the text
//! into a tree where every key and value knows its byte span, then a walk over that tree
//! checks keys, types and values and builds the records, collecting every problem as a
//! located [`Diagnostic`] instead of stopping at the first. Problems that need the whole
//! tracker (an id used twice) are found by [`cross_file`].
//!
//! The key lists below are the format's single definition: the walk, the JSON Schema
//! ([`schema`]) and the did-you-mean hints all read them.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::dates::Precision;
use crate::diag::{Diagnostic, Severity, did_you_mean};
use crate::extract::{Deadline, Milestone, Strength};
use crate::record::{DocumentMeta, Evidence, Record, RecordFile, SourceState, Status};

pub const TOP_KEYS: [&str; 2] = ["document", "commitment"];
pub const DOCUMENT_KEYS: [&str; 6] = ["source", "title", "language", "published", "updated", "url"];
/// Written by the tool, refreshed by `pledge extract`.
pub const TOOL_KEYS: [&str; 11] = [
    "id",
    "quote",
    "previous_quote",
    "span",
    "actors",
    "strength",
    "deadline",
    "made",
    "milestone",
    "rule",
    "source_state",
];
/// Owned by people; the tool never changes them (except `pledge set`, on request).
pub const PEOPLE_KEYS: [&str; 7] = [
    "status",
    "status_date",
    "owner",
    "note",
    "evidence",
    "tags",
    "due",
];
pub const REQUIRED_KEYS: [&str; 4] = ["id", "quote", "strength", "status"];
pub const DEADLINE_KEYS: [&str; 3] = ["date", "precision", "text"];
pub const MILESTONE_KEYS: [&str; 2] = ["name", "ordinal"];
pub const EVIDENCE_KEYS: [&str; 4] = ["date", "source", "quote", "url"];
pub const STRENGTHS: [Strength; 3] = [Strength::Firm, Strength::Intent, Strength::Interest];
pub const SOURCE_STATES: [SourceState; 3] = [
    SourceState::Current,
    SourceState::Changed,
    SourceState::Missing,
];
pub const PRECISIONS: [Precision; 7] = [
    Precision::Minute,
    Precision::Day,
    Precision::Week,
    Precision::Month,
    Precision::Quarter,
    Precision::Half,
    Precision::Year,
];

/// Every key a `[[commitment]]` table may hold: [`TOOL_KEYS`] then [`PEOPLE_KEYS`].
pub const RECORD_KEYS: [&str; 18] = {
    let mut keys = [""; 18];
    let mut i = 0;
    while i < TOOL_KEYS.len() {
        keys[i] = TOOL_KEYS[i];
        i += 1;
    }
    while i < keys.len() {
        keys[i] = PEOPLE_KEYS[i - TOOL_KEYS.len()];
        i += 1;
    }
    keys
};

/// The values a key may take, by name.
trait Named: Copy {
    fn name(self) -> &'static str;
}

macro_rules! named_by_as_str {
    ($($t:ty),*) => {$(
        impl Named for $t {
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    )*};
}

named_by_as_str!(Strength, SourceState, Status, Precision);

/// What reading one file gives: the file as far as it could be understood (none on a TOML
/// syntax error or without `[document]`), and every problem found.
#[derive(Debug, Default)]
pub struct CheckedFile {
    pub file: Option<RecordFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every record id written in the file, with its line and the span of its value, even
    /// for records left out for an error: an id used twice is a problem either way.
    pub ids: Vec<IdAt>,
    /// Byte span of `[document] source`'s value.
    pub source_span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdAt {
    pub id: String,
    /// Line of the record's `[[commitment]]` header.
    pub line: usize,
    pub span: Range<usize>,
}

/// Reads the text of one record file; `path` (relative to the tracker root) names it in
/// the records and the diagnostics.
pub fn check_file(path: &Path, text: &str) -> CheckedFile {
    let mut walk = Walk {
        path,
        text,
        lines: LineIndex::new(text),
        diags: Vec::new(),
        errors: 0,
    };
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let mut seen_lines = Vec::new();
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            let line = walk.lines.line(span.start);
            // The parser recovers and goes on; later errors on the same line are echoes.
            if seen_lines.contains(&line) {
                continue;
            }
            seen_lines.push(line);
            walk.error(
                "toml-syntax",
                span,
                format!("TOML syntax: {}", error.message()),
            );
        }
        return CheckedFile {
            diagnostics: walk.diags,
            ..CheckedFile::default()
        };
    }
    let root = root.into_inner();
    for (key, _) in root.iter() {
        walk.unknown_key(key, &TOP_KEYS, "at the top of a record file", None);
    }
    let document = match root.get("document") {
        Some(value) => walk.document(value),
        None => {
            walk.diags.push(
                Diagnostic::at("missing-document", Severity::Error, path, text, 0..0, "no [document] table")
                    .with_help("every record file starts with a [document] table whose `source` names the document"),
            );
            None
        }
    };
    let mut records = Vec::new();
    let mut ids = Vec::new();
    if let Some(value) = root.get("commitment") {
        match value.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    let (record, id) = walk.record(item);
                    records.extend(record);
                    ids.extend(id);
                }
            }
            _ => walk.wrong_type(
                value,
                "`commitment` must be an array of tables ([[commitment]])",
                None,
            ),
        }
    }
    walk.duplicate_ids_in_file(&ids);
    let (file, source_span) = match document {
        Some((document, source_span)) => (
            Some(RecordFile {
                path: path.to_path_buf(),
                document,
                records,
            }),
            source_span,
        ),
        None => (None, 0..0),
    };
    CheckedFile {
        file,
        diagnostics: walk.diags,
        ids,
        source_span,
    }
}

/// A file as read for the tracker-wide checks.
pub struct Located<'a> {
    pub file: &'a RecordFile,
    pub ids: &'a [IdAt],
    pub source_span: Range<usize>,
}

/// Problems that need every file: an id used in two files, two files for one document.
/// `text` gives a file's text back (only called when there is a problem to show).
pub fn cross_file(files: &[Located<'_>], text: &dyn Fn(&Path) -> String) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // Sized up front: growing a map of 100,000 ids rehashes it many times over.
    let id_count = files.iter().map(|f| f.ids.len()).sum();
    let mut ids: FastMap<&str, (&Path, usize)> =
        FastMap::with_capacity_and_hasher(id_count, Default::default());
    let mut sources: FastMap<&str, &Path> =
        FastMap::with_capacity_and_hasher(files.len(), Default::default());
    for located in files {
        let file = located.file;
        if let Some(first) = sources.insert(file.document.source.as_str(), &file.path) {
            let text = text(&file.path);
            diags.push(
                Diagnostic::at(
                    "duplicate-source",
                    Severity::Error,
                    &file.path,
                    &text,
                    located.source_span.clone(),
                    format!(
                        "document `{}` already has a record file, {}",
                        file.document.source,
                        first.display()
                    ),
                )
                .with_help("keep one file per document: move these records into the other file"),
            );
        }
        for at in located.ids {
            match ids.entry(at.id.as_str()) {
                Entry::Occupied(seen) if seen.get().0 != file.path => {
                    let (first, line) = *seen.get();
                    let text = text(&file.path);
                    diags.push(
                        Diagnostic::at(
                            "duplicate-id",
                            Severity::Error,
                            &file.path,
                            &text,
                            at.span.clone(),
                            format!(
                                "id `{}` is also used in {}:{}",
                                at.id,
                                first.display(),
                                line
                            ),
                        )
                        .with_id(&at.id)
                        .with_help("ids are unique across the tracker: rename one of them"),
                    );
                }
                Entry::Occupied(_) => {}
                Entry::Vacant(slot) => {
                    slot.insert((&file.path, at.line));
                }
            }
        }
    }
    diags
}

/// A map keyed by ids: Fx instead of SipHash, since the keys are our own and hashing
/// 100,000 ids was a measurable share of loading a large tracker.
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// 1-based line numbers of byte offsets without rescanning the text for each record.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

type Value<'i> = Spanned<DeValue<'i>>;
type Key<'i> = Spanned<Cow<'i, str>>;

/// A table's values by key.
trait Lookup {
    fn get(&self, key: &str) -> Option<&Value<'_>>;
}

impl Lookup for DeTable<'_> {
    fn get(&self, key: &str) -> Option<&Value<'_>> {
        DeTable::get(self, key)
    }
}

/// The values of a `[[commitment]]` table, sorted out in one pass over it: there are
/// 100,000 of them in a large tracker, and looking each of 20 keys up in the table, after
/// checking each of its keys against the list, was a tenth of loading it.
struct RecordFields<'t, 'i> {
    values: [Option<&'t Value<'i>>; RECORD_KEYS.len()],
    unknown: Vec<&'t Key<'i>>,
}

impl<'t, 'i> RecordFields<'t, 'i> {
    fn of(table: &'t DeTable<'i>) -> Self {
        let mut fields = RecordFields {
            values: [None; RECORD_KEYS.len()],
            unknown: Vec::new(),
        };
        for (key, value) in table.iter() {
            match record_key(key.get_ref()) {
                Some(i) => fields.values[i] = Some(value),
                None => fields.unknown.push(key),
            }
        }
        fields
    }
}

impl Lookup for RecordFields<'_, '_> {
    fn get(&self, key: &str) -> Option<&Value<'_>> {
        self.values[record_key(key)?]
    }
}

/// The place of `key` in [`RECORD_KEYS`], by a `match` that the compiler turns into a
/// switch on the length and one comparison (a test checks it against the list).
fn record_key(key: &str) -> Option<usize> {
    Some(match key {
        "id" => 0,
        "quote" => 1,
        "previous_quote" => 2,
        "span" => 3,
        "actors" => 4,
        "strength" => 5,
        "deadline" => 6,
        "made" => 7,
        "milestone" => 8,
        "rule" => 9,
        "source_state" => 10,
        "status" => 11,
        "status_date" => 12,
        "owner" => 13,
        "note" => 14,
        "evidence" => 15,
        "tags" => 16,
        "due" => 17,
        _ => return None,
    })
}

struct Walk<'a> {
    path: &'a Path,
    text: &'a str,
    lines: LineIndex,
    diags: Vec<Diagnostic>,
    errors: usize,
}

impl Walk<'_> {
    fn push(
        &mut self,
        code: &'static str,
        severity: Severity,
        span: Range<usize>,
        message: String,
    ) -> &mut Diagnostic {
        if severity == Severity::Error {
            self.errors += 1;
        }
        self.diags.push(Diagnostic::at(
            code, severity, self.path, self.text, span, message,
        ));
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }

    fn error(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        message: String,
    ) -> &mut Diagnostic {
        self.push(code, Severity::Error, span, message)
    }

    fn tag(&mut self, id: Option<&str>, help: Option<String>) {
        if let Some(last) = self.diags.last_mut() {
            last.id = id.map(str::to_string);
            if help.is_some() {
                last.help = help;
            }
        }
    }

    fn unknown_key(&mut self, key: &Key<'_>, allowed: &[&str], place: &str, id: Option<&str>) {
        if !allowed.contains(&key.get_ref().as_ref()) {
            let help = did_you_mean(key.get_ref(), allowed.iter().copied())
                .or_else(|| Some(format!("known keys {place}: {}", allowed.join(", "))));
            self.error(
                "unknown-key",
                key.span(),
                format!("unknown key `{}` {place}", key.get_ref()),
            );
            self.tag(id, help);
        }
    }

    fn check_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], place: &str, id: Option<&str>) {
        for (key, _) in table.iter() {
            self.unknown_key(key, allowed, place, id);
        }
    }

    fn missing(
        &mut self,
        table: &impl Lookup,
        span: Range<usize>,
        keys: &[&str],
        place: &str,
        id: Option<&str>,
    ) -> bool {
        let mut all = true;
        for key in keys {
            if table.get(key).is_none() {
                all = false;
                self.error(
                    "missing-key",
                    span.clone(),
                    format!("missing key `{key}` {place}"),
                );
                self.tag(id, None);
            }
        }
        all
    }

    fn wrong_type(&mut self, value: &Value<'_>, message: &str, id: Option<&str>) {
        self.error(
            "wrong-type",
            value.span(),
            format!("{message}, found {}", value.get_ref().type_str()),
        );
        self.tag(id, None);
    }

    fn string(&mut self, table: &impl Lookup, key: &str, id: Option<&str>) -> Option<String> {
        let value = table.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(value, &format!("`{key}` must be a string"), id);
                None
            }
        }
    }

    fn strings(&mut self, table: &impl Lookup, key: &str, id: Option<&str>) -> Vec<String> {
        let Some(value) = table.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(value, &format!("`{key}` must be an array of strings"), id);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(s.to_string()),
                _ => self.wrong_type(item, &format!("`{key}` must be an array of strings"), id),
            }
        }
        out
    }

    /// A date as a person may write it: `"2025-12-31"` or the TOML date `2025-12-31`.
    fn date(&mut self, table: &impl Lookup, key: &str, id: Option<&str>) -> Option<NaiveDate> {
        let value = table.get(key)?;
        let text: Cow<str> = match value.get_ref() {
            DeValue::String(s) => Cow::Borrowed(s),
            DeValue::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => {
                Cow::Owned(dt.to_string())
            }
            _ => {
                self.wrong_type(value, &format!("`{key}` must be a date (YYYY-MM-DD)"), id);
                return None;
            }
        };
        match parse_day(&text) {
            Ok(date) => Some(date),
            Err(why) => {
                self.error("invalid-date", value.span(), format!("`{key}`: {why}"));
                self.tag(
                    id,
                    Some("write a date as YYYY-MM-DD, e.g. 2025-12-31".into()),
                );
                None
            }
        }
    }

    /// A date as precise as known: `2023`, `2017-09` or `2024-07-15` (string or TOML date).
    fn partial_date(
        &mut self,
        table: &impl Lookup,
        key: &str,
        id: Option<&str>,
    ) -> Option<(String, NaiveDate)> {
        let value = table.get(key)?;
        let text: Cow<str> = match value.get_ref() {
            DeValue::String(s) => Cow::Borrowed(s),
            DeValue::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => {
                Cow::Owned(dt.to_string())
            }
            _ => {
                self.wrong_type(
                    value,
                    &format!("`{key}` must be a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                    id,
                );
                return None;
            }
        };
        match parse_partial_date(&text) {
            Ok(first_day) => Some((text.into_owned(), first_day)),
            Err(why) => {
                self.error("invalid-date", value.span(), format!("`{key}`: {why}"));
                self.tag(id, Some("write YYYY, YYYY-MM or YYYY-MM-DD".into()));
                None
            }
        }
    }

    /// A date with an optional time of day: `2025-05-23` or `2025-05-23T15:18`.
    fn date_time(&mut self, table: &impl Lookup, key: &str) -> Option<String> {
        let value = table.get(key)?;
        let text = match value.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Datetime(dt) if dt.date.is_some() => dt.to_string(),
            _ => {
                self.wrong_type(
                    value,
                    &format!("`{key}` must be a date or a date and time"),
                    None,
                );
                return None;
            }
        };
        let ok = parse_partial_date(&text).is_ok()
            || [
                "%Y-%m-%dT%H:%M",
                "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d %H:%M",
                "%Y-%m-%d %H:%M:%S",
            ]
            .iter()
            .any(|f| NaiveDateTime::parse_from_str(&text, f).is_ok());
        if ok {
            Some(text)
        } else {
            self.error(
                "invalid-date",
                value.span(),
                format!("`{key}`: `{text}` is not a date or a date and time"),
            );
            self.tag(None, Some("write YYYY-MM-DD or YYYY-MM-DDTHH:MM".into()));
            None
        }
    }

    fn choice<T: Named>(
        &mut self,
        table: &impl Lookup,
        key: &str,
        code: &'static str,
        choices: &[T],
        id: Option<&str>,
    ) -> Option<T> {
        let value = table.get(key)?;
        let DeValue::String(s) = value.get_ref() else {
            self.wrong_type(value, &format!("`{key}` must be a string"), id);
            return None;
        };
        if let Some(found) = choices.iter().find(|c| c.name() == s.as_ref()) {
            return Some(*found);
        }
        let names: Vec<&str> = choices.iter().map(|c| c.name()).collect();
        let help = did_you_mean(s, names.iter().copied())
            .unwrap_or_else(|| format!("one of: {}", names.join(", ")));
        self.error(code, value.span(), format!("unknown {key} `{s}`"));
        self.tag(id, Some(help));
        None
    }

    fn document(&mut self, value: &Value<'_>) -> Option<(DocumentMeta, Range<usize>)> {
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type(value, "`document` must be a table", None);
            return None;
        };
        self.check_keys(table, &DOCUMENT_KEYS, "in [document]", None);
        let place = "in [document]";
        self.missing(table, value.span(), &["source"], place, None);
        let source = self.string(table, "source", None);
        let source_span = table.get("source").map_or(value.span(), |v| v.span());
        let meta = DocumentMeta {
            source: source.clone().unwrap_or_default(),
            title: self.string(table, "title", None),
            language: self.string(table, "language", None),
            // Pages print their date with a time of day ("17/05/2021 - 16:50") as often as
            // without: both are the document's date.
            published: self.date_time(table, "published"),
            updated: self.date_time(table, "updated"),
            url: self.string(table, "url", None),
        };
        source.map(|_| (meta, source_span))
    }

    fn record(&mut self, value: &Value<'_>) -> (Option<Record>, Option<IdAt>) {
        let DeValue::Table(entries) = value.get_ref() else {
            self.wrong_type(value, "each `commitment` must be a table", None);
            return (None, None);
        };
        let table = &RecordFields::of(entries);
        let line = self.lines.line(value.span().start);
        let id_at = table.get("id").and_then(|v| {
            v.get_ref().as_str().map(|s| IdAt {
                id: s.to_string(),
                line,
                span: v.span(),
            })
        });
        let id = id_at.as_ref().map(|at| at.id.as_str());
        for key in &table.unknown {
            self.unknown_key(key, &RECORD_KEYS, "in [[commitment]]", id);
        }
        let complete = self.missing(table, value.span(), &REQUIRED_KEYS, "in [[commitment]]", id);
        let errors_before = self.errors;

        let id_string = self.string(table, "id", None);
        if let (Some(id), Some(v)) = (&id_string, table.get("id")) {
            let spaced = if id.is_ascii() {
                id.bytes().any(|b| b.is_ascii_whitespace() || b == b'\x0b')
            } else {
                id.chars().any(char::is_whitespace)
            };
            if id.is_empty() || spaced {
                self.error(
                    "invalid-id",
                    v.span(),
                    format!("id `{id}` is empty or holds spaces"),
                );
                self.tag(
                    None,
                    Some("ids are written with letters, digits and hyphens".into()),
                );
            }
        }
        let quote = self.string(table, "quote", id);
        let previous_quote = self.string(table, "previous_quote", id);
        let span = self.span(table, id);
        let actors = self.strings(table, "actors", id);
        let strength = self.choice(table, "strength", "unknown-strength", &STRENGTHS, id);
        let made = self.partial_date(table, "made", id);
        let deadline = self.deadline(table, id);
        if let (Some(deadline), Some((made_text, made_day)), Some(v)) =
            (&deadline, &made, table.get("deadline"))
            && deadline.date < *made_day
        {
            self.error(
                "deadline-before-made",
                v.span(),
                format!(
                    "deadline {} is before the commitment was made ({made_text})",
                    deadline.date
                ),
            );
            self.tag(
                id,
                Some("check the deadline's year, or set `due` to the real date".into()),
            );
        }
        let milestone = self.milestone(table, id);
        let rule = self.string(table, "rule", id).unwrap_or_default();
        let source_state = self.choice(
            table,
            "source_state",
            "unknown-source-state",
            &SOURCE_STATES,
            id,
        );
        let status = self.choice(table, "status", "unknown-status", &Status::ALL, id);
        let status_date = self.date(table, "status_date", id);
        let owner = self.string(table, "owner", id);
        let note = self.string(table, "note", id);
        let evidence = self.evidence(table, id);
        let tags = self.strings(table, "tags", id);
        let due = self.date(table, "due", id);

        if !complete || self.errors > errors_before {
            return (None, id_at);
        }
        let record = (|| {
            Some(Record {
                id: id_string?,
                quote: quote?,
                previous_quote,
                span: span.unwrap_or([0, 0]),
                actors,
                strength: strength?,
                deadline,
                made: made.map(|(text, _)| text),
                milestone,
                rule,
                source_state: source_state.unwrap_or_default(),
                status: status?,
                status_date,
                owner,
                note,
                evidence,
                tags,
                due,
                line,
            })
        })();
        (record, id_at)
    }

    fn span(&mut self, table: &impl Lookup, id: Option<&str>) -> Option<[usize; 2]> {
        let value = table.get("span")?;
        let bounds: Option<Vec<usize>> = value.get_ref().as_array().map(|items| {
            items
                .iter()
                .filter_map(|i| i.get_ref().as_integer()?.as_str().parse().ok())
                .collect()
        });
        let count = value.get_ref().as_array().map_or(0, |a| a.len());
        match bounds {
            Some(b) if b.len() == 2 && count == 2 && b[0] <= b[1] => Some([b[0], b[1]]),
            _ => {
                self.error(
                    "bad-span",
                    value.span(),
                    "`span` must be [start, end], two byte offsets with start <= end".into(),
                );
                self.tag(id, None);
                None
            }
        }
    }

    fn deadline(&mut self, table: &impl Lookup, id: Option<&str>) -> Option<Deadline> {
        let value = table.get("deadline")?;
        let DeValue::Table(inner) = value.get_ref() else {
            self.wrong_type(
                value,
                "`deadline` must be a table { date, precision, text }",
                id,
            );
            return None;
        };
        self.check_keys(inner, &DEADLINE_KEYS, "in `deadline`", id);
        self.missing(
            inner,
            value.span(),
            &["date", "precision"],
            "in `deadline`",
            id,
        );
        let date = self.date(inner, "date", id);
        let precision = self.choice(inner, "precision", "unknown-precision", &PRECISIONS, id);
        let text = self.string(inner, "text", id).unwrap_or_default();
        Some(Deadline {
            date: date?,
            precision: precision?,
            text,
        })
    }

    fn milestone(&mut self, table: &impl Lookup, id: Option<&str>) -> Option<Milestone> {
        let value = table.get("milestone")?;
        let DeValue::Table(inner) = value.get_ref() else {
            self.wrong_type(value, "`milestone` must be a table { name, ordinal }", id);
            return None;
        };
        self.check_keys(inner, &MILESTONE_KEYS, "in `milestone`", id);
        self.missing(inner, value.span(), &["name"], "in `milestone`", id);
        let name = self.string(inner, "name", id);
        let ordinal = match inner.get("ordinal") {
            None => None,
            Some(v) => match v
                .get_ref()
                .as_integer()
                .and_then(|i| i.as_str().parse::<u32>().ok())
            {
                Some(n) => Some(n),
                None => {
                    self.wrong_type(v, "`ordinal` must be a positive integer", id);
                    None
                }
            },
        };
        Some(Milestone {
            name: name?,
            ordinal,
        })
    }

    fn evidence(&mut self, table: &impl Lookup, id: Option<&str>) -> Vec<Evidence> {
        let Some(value) = table.get("evidence") else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(
                value,
                "`evidence` must be a list of tables ([[commitment.evidence]])",
                id,
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            let DeValue::Table(inner) = item.get_ref() else {
                self.wrong_type(
                    item,
                    "each evidence must be a table { date, source, quote, url }",
                    id,
                );
                continue;
            };
            self.check_keys(inner, &EVIDENCE_KEYS, "in evidence", id);
            let source = self.string(inner, "source", id);
            if inner.get("source").is_none() {
                self.error(
                    "evidence-without-source",
                    item.span(),
                    "evidence without a `source`".into(),
                );
                self.tag(
                    id,
                    Some("say where it comes from: a site, a document, a file".into()),
                );
            }
            let evidence = Evidence {
                date: self.date(inner, "date", id),
                source: source.unwrap_or_default(),
                quote: self.string(inner, "quote", id),
                url: self.string(inner, "url", id),
            };
            out.push(evidence);
        }
        out
    }

    fn duplicate_ids_in_file(&mut self, ids: &[IdAt]) {
        let mut seen: FastMap<&str, usize> =
            FastMap::with_capacity_and_hasher(ids.len(), Default::default());
        for at in ids {
            match seen.get(at.id.as_str()) {
                Some(line) => {
                    self.error(
                        "duplicate-id",
                        at.span.clone(),
                        format!("id `{}` is also used on line {line}", at.id),
                    );
                    self.tag(
                        Some(&at.id),
                        Some("ids are unique across the tracker: rename one of them".into()),
                    );
                }
                None => {
                    seen.insert(&at.id, at.line);
                }
            }
        }
    }
}

/// A full date, with a message saying why it is not one ("February 2025 has 28 days").
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    // Nearly every date is a valid `YYYY-MM-DD`: read it without splitting.
    if let Some(date) = plain_day(text) {
        return Ok(date);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), numbers.as_deref()) {
        ([y, m, d], Some(&[year, month, day])) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            if !(1..=12).contains(&month) {
                return Err(format!("`{text}` is not a date: there is no month {month}"));
            }
            NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
                let days = days_in_month(year as i32, month);
                let name = NaiveDate::from_ymd_opt(year as i32, month, 1)
                    .map_or(String::new(), |d| d.format("%B %Y").to_string());
                format!("`{text}` is not a date: {name} has {days} days")
            })
        }
        _ => Err(format!("`{text}` is not a date written YYYY-MM-DD")),
    }
}

/// A valid date written `YYYY-MM-DD` with ASCII digits; `None` for anything else, which
/// [`parse_day`] then explains.
fn plain_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// The first day of `2023`, `2017-09` or `2024-07-15`.
pub fn parse_partial_date(text: &str) -> Result<NaiveDate, String> {
    if let Some(date) = plain_day(text) {
        return Ok(date);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    match parts.as_slice() {
        [y] if all_digits && y.len() == 4 => NaiveDate::from_ymd_opt(y.parse().unwrap_or(0), 1, 1)
            .ok_or_else(|| format!("`{text}` is not a year")),
        [y, m] if all_digits && y.len() == 4 && m.len() == 2 => {
            let month: u32 = m.parse().unwrap_or(0);
            NaiveDate::from_ymd_opt(y.parse().unwrap_or(0), month, 1)
                .ok_or_else(|| format!("`{text}` is not a date: there is no month {month}"))
        }
        [_, _, _] => parse_day(text),
        _ => Err(format!(
            "`{text}` is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
        )),
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    match (next, NaiveDate::from_ymd_opt(year, month, 1)) {
        (Some(next), Some(first)) => (next - first).num_days() as u32,
        _ => 31,
    }
}

/// The JSON Schema (draft 2020-12) of a record file, pretty-printed with a final newline.
pub fn schema() -> String {
    use serde_json::json;
    let day = json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "description": "A date, YYYY-MM-DD" });
    let partial = json!({
        "type": "string",
        "pattern": "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
        "description": "A date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD"
    });
    let date_time = json!({
        "type": "string",
        "pattern": "^\\d{4}(-\\d{2}(-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?)?)?)?$",
        "description": "A date, with a time of day where known"
    });
    let names = |items: Vec<&'static str>| json!(items);
    let text = |description: &str| json!({ "type": "string", "description": description });
    let strings = |description: &str| json!({ "type": "array", "items": { "type": "string" }, "description": description });
    let document = json!({
        "type": "object",
        "description": "The source document. The file is identified by `source`, never by its name.",
        "additionalProperties": false,
        "required": ["source"],
        "properties": {
            "source": text("Path of the source document, relative to the tracker root"),
            "title": text("The document's title"),
            "language": text("Main language of the document: fr or en"),
            "published": date_time.clone(),
            "updated": date_time,
            "url": text("Where the document was published"),
        }
    });
    let evidence = json!({
        "type": "object",
        "description": "Something that shows where the commitment stands",
        "additionalProperties": false,
        "required": ["source"],
        "properties": {
            "date": day.clone(),
            "source": text("Where it comes from: a site, a document, a file"),
            "quote": text("The words that show it"),
            "url": text("Link to it"),
        }
    });
    let commitment = json!({
        "type": "object",
        "additionalProperties": false,
        "required": REQUIRED_KEYS,
        "properties": {
            "id": { "type": "string", "pattern": "^\\S+$", "description": "Stable id, unique across the tracker (tool; kept once written)" },
            "quote": text("The sentence that makes the commitment (tool)"),
            "previous_quote": text("The sentence before the source was reworded (tool)"),
            "span": { "type": "array", "items": { "type": "integer", "minimum": 0 }, "minItems": 2, "maxItems": 2,
                      "description": "Byte range of the quote in the source file (tool)" },
            "actors": strings("Who commits: EU, UA, NATO, FR, ... (tool)"),
            "strength": { "enum": names(STRENGTHS.iter().map(|s| s.as_str()).collect()),
                          "description": "firm (will, agreed), intent (intend, aim), interest (welcome, support) (tool)" },
            "deadline": {
                "type": "object", "additionalProperties": false, "required": ["date", "precision"],
                "description": "By when, as extracted (tool)",
                "properties": {
                    "date": day.clone(),
                    "precision": { "enum": names(PRECISIONS.iter().map(|p| p.as_str()).collect()) },
                    "text": text("The expression that set it, as printed"),
                }
            },
            "made": partial,
            "milestone": {
                "type": "object", "additionalProperties": false, "required": ["name"],
                "description": "The event it is about (tool)",
                "properties": { "name": { "type": "string" }, "ordinal": { "type": "integer", "minimum": 0 } }
            },
            "rule": text("The extraction rule that fired (tool)"),
            "source_state": { "enum": names(SOURCE_STATES.iter().map(|s| s.as_str()).collect()),
                              "description": "current, changed (the sentence was reworded), missing (it is gone) (tool)" },
            "status": { "enum": names(Status::ALL.iter().map(|s| s.as_str()).collect()),
                        "description": "Where it stands (people)" },
            "status_date": day.clone(),
            "owner": text("Who follows it up (people)"),
            "note": text("Free text (people)"),
            "evidence": { "type": "array", "items": evidence, "description": "What shows where it stands (people)" },
            "tags": strings("Free labels (people)"),
            "due": day,
        }
    });
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "pledge record file",
        "description": "One file under commitments/ per source document: its metadata and the commitments found in it. See docs/records.md.",
        "type": "object",
        "additionalProperties": false,
        "required": ["document"],
        "properties": {
            "document": document,
            "commitment": { "type": "array", "items": commitment },
        }
    });
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

/// Where a record file's diagnostics point: the path relative to the root.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> CheckedFile {
        check_file(Path::new("commitments/a.toml"), text)
    }

    const GOOD: &str = r#"#:schema ./commitments.schema.json
[document]
source = "seeds/a.txt"
published = 2024-07-15

[[commitment]]
id = "eu-ua-1"
status = "open"
quote = "Ils progresseront."
span = [1, 20]
actors = ["EU", "UA"]
strength = "firm"
deadline = { date = "2025-12-31", precision = "year", text = "en 2025" }
made = "2024-07-15"
rule = "fr.agree"

[[commitment.evidence]]
date = 2025-06-03
source = "example.org"

[[commitment]]
id = "eu-ua-2"
status = "proposed"
quote = "Autre."
strength = "intent"
"#;

    #[test]
    fn reads_a_good_file() {
        let c = check(GOOD);
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
        let file = c.file.expect("file");
        assert_eq!(file.document.published.as_deref(), Some("2024-07-15"));
        assert_eq!(file.records.len(), 2);
        assert_eq!(file.records[0].line, 6);
        assert_eq!(file.records[1].line, 21);
        assert_eq!(
            file.records[0].evidence[0].date,
            NaiveDate::from_ymd_opt(2025, 6, 3)
        );
        assert_eq!(
            file.records[0].deadline.as_ref().map(|d| d.precision),
            Some(Precision::Year)
        );
    }

    fn codes(text: &str) -> Vec<&'static str> {
        check(text).diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn collects_every_problem() {
        let text = GOOD
            .replace("status = \"open\"", "stauts = \"open\"")
            .replace("\"intent\"", "\"intnet\"")
            .replace("2025-12-31", "2025-02-30")
            .replace("source = \"example.org\"", "url = \"https://example.org\"");
        let mut found = codes(&text);
        found.sort();
        assert_eq!(
            found,
            [
                "evidence-without-source",
                "invalid-date",
                "missing-key",
                "unknown-key",
                "unknown-strength"
            ]
        );
    }

    #[test]
    fn unknown_status_has_a_did_you_mean() {
        let c = check(&GOOD.replace("\"proposed\"", "\"in-progress\""));
        assert_eq!(c.diagnostics.len(), 1);
        assert_eq!(c.diagnostics[0].code, "unknown-status");
        assert_eq!(
            c.diagnostics[0].help.as_deref(),
            Some("did you mean `in_progress`?")
        );
        assert_eq!(c.diagnostics[0].id.as_deref(), Some("eu-ua-2"));
        assert_eq!(c.diagnostics[0].line, 23);
    }

    #[test]
    fn deadline_before_made_and_bad_span() {
        let text = GOOD
            .replace("made = \"2024-07-15\"", "made = \"2026\"")
            .replace("[1, 20]", "[20, 1]");
        let mut found = codes(&text);
        found.sort();
        assert_eq!(found, ["bad-span", "deadline-before-made"]);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let c = check(&format!("\u{feff}{GOOD}"));
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    }

    #[test]
    fn syntax_errors_and_missing_document() {
        assert_eq!(codes("a = \n"), ["toml-syntax"]);
        assert_eq!(
            codes(
                "[[commitment]]\nid = \"x\"\nquote = \"q\"\nstrength = \"firm\"\nstatus = \"open\"\n"
            ),
            ["missing-document"]
        );
        assert_eq!(
            codes("[documnet]\nsource = \"x\"\n"),
            ["unknown-key", "missing-document"]
        );
    }

    #[test]
    fn duplicate_ids_in_one_file() {
        let text = GOOD.replace("eu-ua-2", "eu-ua-1");
        assert_eq!(codes(&text), ["duplicate-id"]);
    }

    #[test]
    fn dates_say_why_they_are_wrong() {
        assert_eq!(
            parse_day("2025-02-30").unwrap_err(),
            "`2025-02-30` is not a date: February 2025 has 28 days"
        );
        assert_eq!(
            parse_day("2024-02-29").ok(),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert!(parse_day("2025-13-01").unwrap_err().contains("no month 13"));
        assert!(parse_partial_date("2025-1").is_err());
        assert_eq!(
            parse_partial_date("2017-09").ok(),
            NaiveDate::from_ymd_opt(2017, 9, 1)
        );
    }

    #[test]
    fn record_keys_are_found_in_their_place() {
        for (i, key) in RECORD_KEYS.iter().enumerate() {
            assert_eq!(record_key(key), Some(i), "{key}");
        }
        assert_eq!(record_key("stauts"), None);
        assert_eq!(record_key(""), None);
    }

    #[test]
    fn plain_dates_read_as_chrono_reads_them() {
        for text in [
            "2025-12-31",
            "2024-02-29",
            "2025-02-29",
            "2025-13-01",
            "0000-01-01",
            "2025-1-01",
            "2025-+1-01",
            "2025-01-1a",
            "2025/01/01",
            "20250-1-01",
            "2025-00-10",
            "",
        ] {
            let expected = NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .filter(|_| {
                    text.len() == 10 && text.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                });
            assert_eq!(plain_day(text), expected, "{text}");
        }
    }

    #[test]
    fn schema_is_json() {
        let value: serde_json::Value = serde_json::from_str(&schema()).expect("json");
        assert_eq!(
            value["properties"]["commitment"]["items"]["required"],
            serde_json::json!(REQUIRED_KEYS)
        );
    }
}
