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
            .dates
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
                serde_json::to_writer(&mut out, &view)
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
