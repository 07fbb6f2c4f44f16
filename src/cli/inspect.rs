use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use pledge::config::Config;
use pledge::document::Document;
use pledge::extract::{Extraction, Rules, extract};
use serde::Serialize;

use super::{Ctx, emit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    pub format: InspectFormat,
    /// Also show the candidate sentences that extraction set aside, and why
    #[arg(long)]
    pub candidates: bool,
    /// Documents to read (text, Markdown or HTML)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// What `inspect --format json` prints for each document, in `{"documents": [...]}`: spans
/// are byte offsets in the original files.
#[derive(Debug, Serialize)]
struct DocumentView<'a> {
    source: &'a str,
    format: &'static str,
    encoding: &'static str,
    language: &'static str,
    title: Option<&'a str>,
    published: Option<&'a str>,
    updated: Option<&'a str>,
    url: Option<&'a str>,
    sentences: Vec<SentenceView<'a>>,
    dates: Vec<DateView<'a>>,
    /// With `--candidates`: what extraction kept, and what it set aside and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    candidates: Option<Extraction>,
}

#[derive(Debug, Serialize)]
struct SentenceView<'a> {
    span: [usize; 2],
    language: &'static str,
    block: usize,
    heading: bool,
    /// Shown by the text rendering; the JSON gives spans, which say the same at a third of
    /// the size (the output of a large corpus would otherwise be larger than its input).
    #[serde(skip)]
    text: &'a str,
}

#[derive(Debug, Serialize)]
struct DateView<'a> {
    text: &'a str,
    span: [usize; 2],
    value: &'a str,
    until: Option<String>,
    precision: &'static str,
}

fn view(doc: &Document) -> DocumentView<'_> {
    DocumentView {
        source: &doc.source,
        format: doc.format.as_str(),
        encoding: doc.encoding,
        language: doc.language.as_str(),
        title: doc.title.as_deref(),
        published: doc.published.as_ref().map(|d| d.value.as_str()),
        updated: doc.updated.as_ref().map(|d| d.value.as_str()),
        url: doc.url.as_deref(),
        sentences: doc
            .sentences
            .iter()
            .map(|s| SentenceView {
                span: doc.source_span(s.span.clone()),
                language: s.language.as_str(),
                block: s.block,
                heading: s.heading,
                text: doc.sentence_text(s),
            })
            .collect(),
        dates: doc
            .dates()
            .iter()
            .map(|d| DateView {
                text: &d.text,
                span: doc.source_span(d.span.clone()),
                value: &d.value,
                until: d.until.map(|u| u.format("%Y-%m-%d").to_string()),
                precision: d.precision.as_str(),
            })
            .collect(),
        candidates: None,
    }
}

pub fn run(ctx: &Ctx, args: InspectArgs) -> pledge::Result<u8> {
    let rules = if args.candidates {
        Some(Rules::new(&Config::load(&ctx.root)?)?)
    } else {
        None
    };
    // One document at a time, rendered and dropped: the output is held (nothing is printed
    // unless every file reads), the documents with their offset maps are not.
    // Bytes rather than a String so that serde_json writes each document straight into it,
    // without a String per document copied in after.
    let mut out: Vec<u8> = Vec::new();
    for (i, file) in args.files.iter().enumerate() {
        let doc = Document::read(file)?;
        let mut view = view(&doc);
        view.candidates = rules.as_ref().map(|rules| extract(&doc, rules));
        match args.format {
            InspectFormat::Json => {
                out.extend_from_slice(if i == 0 {
                    b"{\"documents\": [\n"
                } else {
                    b",\n"
                });
                write_json(&mut out, &view)
                    .map_err(|e| pledge::Error::Usage(format!("inspect: {e}")))?;
            }
            InspectFormat::Text => {
                if i > 0 {
                    out.push(b'\n');
                }
                out.extend_from_slice(render_text(&view).as_bytes());
            }
        }
    }
    if args.format == InspectFormat::Json {
        out.extend_from_slice(if out.is_empty() {
            b"{\"documents\": []}\n"
        } else {
            b"\n]}\n"
        });
    }
    let out = String::from_utf8(out)
        .map_err(|e| pledge::Error::Usage(format!("inspect: output is not UTF-8: {e}")))?;
    emit(&out);
    Ok(0)
}

/// `serde_json::to_writer(out, view)`, written out by hand: serde_json escapes every key of
/// every sentence and date, which is a good part of the time `inspect` takes on a corpus.
/// The values still go through serde_json, so the output is the same byte for byte.
fn write_json(out: &mut Vec<u8>, d: &DocumentView) -> serde_json::Result<()> {
    fn value<T: Serialize + ?Sized>(
        out: &mut Vec<u8>,
        key: &[u8],
        v: &T,
    ) -> serde_json::Result<()> {
        out.extend_from_slice(key);
        serde_json::to_writer(&mut *out, v)
    }
    fn span(out: &mut Vec<u8>, key: &[u8], [from, to]: [usize; 2]) -> serde_json::Result<()> {
        value(out, key, &from)?;
        value(out, b",", &to)?;
        out.push(b']');
        Ok(())
    }
    /// `key`, then an object per item (`each` writes all of it but the closing brace),
    /// comma-separated, then `]`.
    fn list<T>(
        out: &mut Vec<u8>,
        key: &[u8],
        items: &[T],
        mut each: impl FnMut(&mut Vec<u8>, &T) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        out.extend_from_slice(key);
        for (k, x) in items.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            each(out, x)?;
            out.push(b'}');
        }
        out.push(b']');
        Ok(())
    }
    value(out, b"{\"source\":", d.source)?;
    value(out, b",\"format\":", d.format)?;
    value(out, b",\"encoding\":", d.encoding)?;
    value(out, b",\"language\":", d.language)?;
    value(out, b",\"title\":", &d.title)?;
    value(out, b",\"published\":", &d.published)?;
    value(out, b",\"updated\":", &d.updated)?;
    value(out, b",\"url\":", &d.url)?;
    list(out, b",\"sentences\":[", &d.sentences, |out, s| {
        span(out, b"{\"span\":[", s.span)?;
        value(out, b",\"language\":", s.language)?;
        value(out, b",\"block\":", &s.block)?;
        value(out, b",\"heading\":", &s.heading)
    })?;
    list(out, b",\"dates\":[", &d.dates, |out, t| {
        value(out, b"{\"text\":", t.text)?;
        span(out, b",\"span\":[", t.span)?;
        value(out, b",\"value\":", t.value)?;
        value(out, b",\"until\":", &t.until)?;
        value(out, b",\"precision\":", t.precision)
    })?;
    if let Some(c) = &d.candidates {
        value(out, b",\"candidates\":", c)?;
    }
    out.push(b'}');
    Ok(())
}

fn render_text(d: &DocumentView) -> String {
    let mut s = String::new();
    let or_none = |v: Option<&str>| v.unwrap_or("-").to_string();
    let _ = writeln!(s, "{}", d.source);
    let _ = writeln!(s, "  format:    {} ({})", d.format, d.encoding);
    let _ = writeln!(s, "  language:  {}", d.language);
    let _ = writeln!(s, "  title:     {}", or_none(d.title));
    let _ = writeln!(s, "  published: {}", or_none(d.published));
    let _ = writeln!(s, "  updated:   {}", or_none(d.updated));
    let _ = writeln!(s, "  url:       {}", or_none(d.url));
    let _ = writeln!(s, "  sentences: {}", d.sentences.len());
    for x in &d.sentences {
        let mark = if x.heading { "#" } else { " " };
        let _ = writeln!(
            s,
            "    {:>5} {}{} {}",
            x.block,
            x.language,
            mark,
            shorten(x.text, 100)
        );
    }
    let _ = writeln!(s, "  dates:     {}", d.dates.len());
    for x in &d.dates {
        let until = x
            .until
            .as_deref()
            .map(|u| format!("..{u}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "    {:>6}-{:<6} {:<7} {}{}  {:?}",
            x.span[0], x.span[1], x.precision, x.value, until, x.text
        );
    }
    if let Some(found) = &d.candidates {
        let _ = writeln!(s, "  commitments: {}", found.commitments.len());
        for c in &found.commitments {
            let _ = writeln!(
                s,
                "    {:>6}-{:<6} {:<22} {}  {}",
                c.span[0],
                c.span[1],
                c.rule,
                c.actors.join(","),
                shorten(&c.quote, 90)
            );
        }
        let _ = writeln!(s, "  set aside:   {}", found.rejected.len());
        for r in &found.rejected {
            let _ = writeln!(
                s,
                "    {:>6}-{:<6} {}\n                  {}",
                r.span[0],
                r.span[1],
                r.reason,
                shorten(&r.quote, 90)
            );
        }
    }
    s
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_by_hand_is_serde_json() {
        let pages: [(&str, &[u8]); 3] = [
            (
                "seed.txt",
                include_bytes!("../../seeds/000_7c3515179fa1e96e.txt"),
            ),
            (
                "page.html",
                b"<html><head><title>A &amp; B</title></head><body><p>On 4 May 2024 \
                  and by Q3 2025.</p></body></html>",
            ),
            (
                "quotes.md",
                "# Le \"titre\"\n\nLe 3 mars 2025, l'UE\\ et \u{1F600} : d'ici fin 2026.\n"
                    .as_bytes(),
            ),
        ];
        for (source, bytes) in pages {
            let doc = Document::from_bytes(source, bytes).expect("reads");
            let view = view(&doc);
            let mut ours = Vec::new();
            write_json(&mut ours, &view).expect("writes");
            let theirs = serde_json::to_vec(&view).expect("writes");
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
        }
    }
}
