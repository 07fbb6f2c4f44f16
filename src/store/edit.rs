//! Writing records as TOML: new records and files are built here, and existing files are
//! changed key by key through `toml_edit`, so that every comment, blank line and key order
//! a person left stays as it was.

use std::path::Path;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::extract::{Deadline, Milestone};
use crate::record::{DocumentMeta, Evidence, Record};

const SCHEMA_LINE: &str = "#:schema ./commitments.schema.json";

/// A record as a `[[commitment]]` table, its keys in the documented order.
pub fn record_table(record: &Record) -> Table {
    let mut table = Table::new();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            table.insert(key, Item::Value(value));
        }
    };
    put("id", Some(record.id.as_str().into()));
    put("status", Some(record.status.as_str().into()));
    put(
        "status_date",
        record.status_date.map(|d| d.to_string().into()),
    );
    put("quote", Some(record.quote.as_str().into()));
    put(
        "previous_quote",
        record.previous_quote.as_deref().map(Value::from),
    );
    put("span", Some(span_value(record.span)));
    put("actors", Some(strings_value(&record.actors)));
    put("strength", Some(record.strength.as_str().into()));
    put("deadline", record.deadline.as_ref().map(deadline_value));
    put("made", record.made.as_deref().map(Value::from));
    put("milestone", record.milestone.as_ref().map(milestone_value));
    put("rule", Some(record.rule.as_str().into()));
    put("source_state", Some(record.source_state.as_str().into()));
    put("owner", record.owner.as_deref().map(Value::from));
    put("note", record.note.as_deref().map(Value::from));
    if !record.tags.is_empty() {
        put("tags", Some(strings_value(&record.tags)));
    }
    put("due", record.due.map(|d| d.to_string().into()));
    if !record.evidence.is_empty() {
        let mut evidence = ArrayOfTables::new();
        for e in &record.evidence {
            evidence.push(evidence_table(e));
        }
        table.insert("evidence", Item::ArrayOfTables(evidence));
    }
    table
}

/// The `[document]` table.
pub(crate) fn document_table(meta: &DocumentMeta) -> Table {
    let mut table = Table::new();
    table.insert("source", toml_edit::value(meta.source.as_str()));
    for (key, value) in document_fields(meta) {
        if let Some(value) = value {
            table.insert(key, toml_edit::value(value));
        }
    }
    table
}

/// The document's keys the tool refreshes, beside `source`.
pub(crate) fn document_fields(meta: &DocumentMeta) -> [(&'static str, Option<&str>); 5] {
    [
        ("title", meta.title.as_deref()),
        ("language", meta.language.as_deref()),
        ("published", meta.published.as_deref()),
        ("updated", meta.updated.as_deref()),
        ("url", meta.url.as_deref()),
    ]
}

/// The text of a new record file.
pub fn new_file_text(meta: &DocumentMeta, records: &[Record]) -> String {
    let mut doc = DocumentMut::new();
    doc.insert("document", Item::Table(document_table(meta)));
    if !records.is_empty() {
        let mut tables = ArrayOfTables::new();
        for record in records {
            tables.push(record_table(record));
        }
        doc.insert("commitment", Item::ArrayOfTables(tables));
    }
    let body = doc.to_string();
    format!(
        "{SCHEMA_LINE}\n# Commitments found in {}.\n# `pledge extract` refreshes the tool's fields (id, quote, span, actors, strength, deadline,\n# made, milestone, rule, source_state); status, status_date, owner, note, evidence, tags and\n# due are yours and never touched. Format: docs/records.md.\n\n{}",
        meta.source,
        body.trim_start_matches('\n')
    )
}

/// A readable, ASCII file name for a document: its date and the slug of its title,
/// `2024-07-15-ukraine-le-3e-dialogue-sur-le-cyberespace.toml`, at most 60 characters
/// before the extension.
pub fn file_name(meta: &DocumentMeta) -> String {
    let date = meta
        .published
        .as_deref()
        .filter(|d| d.len() >= 4 && d.is_ascii())
        .map(|d| d.get(..10).unwrap_or(d));
    let fallback = Path::new(&meta.source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = meta
        .title
        .as_deref()
        .filter(|t| !slug(t).is_empty())
        .unwrap_or(&fallback);
    let mut name = match date {
        Some(date) => format!("{date}-{}", slug(title)),
        None => slug(title),
    };
    if name.len() > 60 {
        let cut = name[..60].rfind('-').filter(|&i| i > 20).unwrap_or(60);
        name.truncate(cut);
    }
    let name = name.trim_matches('-');
    if name.is_empty() {
        "document.toml".to_string()
    } else {
        format!("{name}.toml")
    }
}

/// Lower-case ASCII words joined by hyphens; accents are dropped, not the letters.
pub(crate) fn slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut gap = false;
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let word = match c {
            'œ' | 'Œ' => "oe".to_string(),
            'æ' | 'Æ' => "ae".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            _ => String::new(),
        };
        if word.is_empty() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push('-');
        }
        gap = false;
        out.push_str(&word);
    }
    out
}

pub(crate) fn span_value(span: [usize; 2]) -> Value {
    let mut array = Array::new();
    array.push(span[0] as i64);
    array.push(span[1] as i64);
    Value::Array(array)
}

pub(crate) fn strings_value(items: &[String]) -> Value {
    Value::Array(items.iter().map(String::as_str).collect())
}

pub(crate) fn deadline_value(deadline: &Deadline) -> Value {
    let mut table = InlineTable::new();
    table.insert("date", deadline.date.to_string().into());
    table.insert("precision", deadline.precision.as_str().into());
    table.insert("text", deadline.text.as_str().into());
    Value::InlineTable(table)
}

pub(crate) fn milestone_value(milestone: &Milestone) -> Value {
    let mut table = InlineTable::new();
    table.insert("name", milestone.name.as_str().into());
    if let Some(ordinal) = milestone.ordinal {
        table.insert("ordinal", i64::from(ordinal).into());
    }
    Value::InlineTable(table)
}

pub(crate) fn evidence_table(evidence: &Evidence) -> Table {
    let mut table = Table::new();
    if let Some(date) = evidence.date {
        table.insert("date", toml_edit::value(date.to_string()));
    }
    table.insert("source", toml_edit::value(evidence.source.as_str()));
    if let Some(quote) = &evidence.quote {
        table.insert("quote", toml_edit::value(quote.as_str()));
    }
    if let Some(url) = &evidence.url {
        table.insert("url", toml_edit::value(url.as_str()));
    }
    table
}

/// Sets `key` to `value`, keeping the spaces and comment around the old value, or appends
/// the key at the end of the table's keys.
pub(crate) fn put(table: &mut Table, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        Some(item) => *item = Item::Value(value),
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// As [`put`], but a new key goes right after `after` (where it reads best) instead of at
/// the end; the keys that follow keep their text, comments included.
pub(crate) fn put_after(table: &mut Table, key: &str, value: Value, after: &str) {
    if table.contains_key(key) || !table.contains_key(after) {
        return put(table, key, value);
    }
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let Some(at) = keys.iter().position(|k| k == after) else {
        return put(table, key, value);
    };
    let moved: Vec<(toml_edit::Key, Item)> = keys[at + 1..]
        .iter()
        .filter_map(|k| table.remove_entry(k))
        .collect();
    table.insert(key, Item::Value(value));
    for (k, item) in moved {
        table.insert_formatted(&k, item);
    }
}

/// Removes `key`; comment lines a person wrote above it move to the key that follows (or
/// after the one before), so that dropping a value never drops a comment.
pub(crate) fn remove_key(table: &mut Table, key: &str) {
    let keys: Vec<String> = table
        .iter()
        .filter(|(_, item)| item.is_value())
        .map(|(k, _)| k.to_string())
        .collect();
    let Some(at) = keys.iter().position(|k| k == key) else {
        return;
    };
    let comments = table
        .key(key)
        .and_then(|k| k.leaf_decor().prefix())
        .and_then(|p| p.as_str())
        .filter(|p| p.contains('#'))
        .map(str::to_string);
    table.remove(key);
    let Some(comments) = comments else { return };
    if let Some(mut next) = keys.get(at + 1).and_then(|next| table.key_mut(next)) {
        let old = raw_text(next.leaf_decor().prefix());
        next.leaf_decor_mut().set_prefix(format!("{comments}{old}"));
    } else if let Some(Item::Value(before)) = at
        .checked_sub(1)
        .and_then(|i| keys.get(i))
        .and_then(|k| table.get_mut(k))
    {
        let old = raw_text(before.decor().suffix());
        let comments = comments
            .trim_end_matches(['\n', '\r'])
            .trim_start_matches(['\n', '\r']);
        before.decor_mut().set_suffix(format!("{old}\n{comments}"));
    }
}

/// The edited document's text, with the line ends of the file it came from: toml_edit
/// prints `\n`, and a file written with `\r\n` must not change on every line because of it.
pub(crate) fn print(doc: &DocumentMut, original: &str) -> String {
    let mut text = doc.to_string();
    if original.contains("\r\n") {
        text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    if !original.ends_with('\n') {
        let end = text.trim_end_matches(['\r', '\n']).len();
        text.truncate(end);
    }
    if original.starts_with('\u{feff}') && !text.starts_with('\u{feff}') {
        text.insert(0, '\u{feff}');
    }
    text
}

fn raw_text(raw: Option<&toml_edit::RawString>) -> String {
    raw.and_then(|r| r.as_str()).unwrap_or("").to_string()
}

/// The `[[commitment]]` tables of a file, for editing.
pub(crate) fn commitments_mut<'a>(
    doc: &'a mut DocumentMut,
    path: &Path,
) -> crate::Result<&'a mut ArrayOfTables> {
    let item = doc
        .as_table_mut()
        .entry("commitment")
        .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
    item.as_array_of_tables_mut().ok_or_else(|| {
        crate::Error::input(
            path,
            "records must be written as [[commitment]] tables for pledge to edit them",
        )
    })
}

/// The `[[commitment]]` table holding `id`.
pub(crate) fn record_mut<'a>(tables: &'a mut ArrayOfTables, id: &str) -> Option<&'a mut Table> {
    tables
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
}

/// Adds an evidence entry in the form the record already uses (tables or inline array).
pub(crate) fn push_evidence(table: &mut Table, evidence: &Evidence) {
    match table.get_mut("evidence") {
        Some(Item::ArrayOfTables(list)) => list.push(evidence_table(evidence)),
        Some(Item::Value(Value::Array(list))) => {
            list.push(Value::InlineTable(
                evidence_table(evidence).into_inline_table(),
            ));
        }
        _ => {
            let mut list = ArrayOfTables::new();
            list.push(evidence_table(evidence));
            table.insert("evidence", Item::ArrayOfTables(list));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_a_key_keeps_the_comments_above_it() {
        let mut doc: DocumentMut = "[t]\na = 1\n# about b\nb = 2\nc = 3\n# about d\nd = 4\n"
            .parse()
            .expect("toml");
        let table = doc["t"].as_table_mut().expect("table");
        remove_key(table, "b");
        remove_key(table, "d");
        assert_eq!(doc.to_string(), "[t]\na = 1\n# about b\nc = 3\n# about d\n");
        assert!(doc.to_string().parse::<DocumentMut>().is_ok());
    }

    #[test]
    fn put_after_places_a_new_key_and_keeps_the_others_as_written() {
        let mut doc: DocumentMut = "[t]\na = 1 # one\n# c\nb = 2\n".parse().expect("toml");
        let table = doc["t"].as_table_mut().expect("table");
        put_after(table, "n", 9.into(), "a");
        put(table, "a", 5.into());
        assert_eq!(doc.to_string(), "[t]\na = 5 # one\nn = 9\n# c\nb = 2\n");
    }

    #[test]
    fn file_names_are_readable_ascii_and_short() {
        let meta = DocumentMeta {
            source: "seeds/004_59b014a73b23eadc.txt".into(),
            title: Some("Ukraine : Le 3e dialogue sur le cyberespace entre l'UE et l'Ukraine s'est tenu à Kyiv".into()),
            published: Some("2024-07-15".into()),
            ..DocumentMeta::default()
        };
        let name = file_name(&meta);
        assert_eq!(
            name,
            "2024-07-15-ukraine-le-3e-dialogue-sur-le-cyberespace-entre.toml"
        );
        assert!(name.len() <= 65);
        let bare = DocumentMeta {
            source: "seeds/x.html".into(),
            ..DocumentMeta::default()
        };
        assert_eq!(file_name(&bare), "x.toml");
        assert_eq!(slug("Cœur d'Été — ÉU/UE"), "coeur-d-ete-eu-ue");
    }
}

#[cfg(test)]
mod roundtrip_tests {
    use super::*;

    /// A file pledge leaves alone must come back byte for byte, whatever its line ends,
    /// spacing or quoting: otherwise a sync would rewrite files it did not change.
    #[test]
    fn untouched_files_print_back_byte_for_byte() {
        for text in [
            "[document]\r\nsource = 'a.txt'\r\n\r\n[[commitment]]\r\nid=\"x\"\t# tab\r\n",
            "\u{feff}[document]\nsource = \"a\"",
            "  [document]  \n  source   =   \"\"\"a\nb\"\"\"   \n# end",
            "[document]\nsource = \"a\"\n[[commitment]]\nid = \"x\"\nevidence = [ { source = \"s\" } , ]\n",
        ] {
            let doc: DocumentMut = text.parse().expect("toml");
            assert_eq!(print(&doc, text), text);
        }
    }
}
