//! Reading documents: bytes in any of the encodings and formats press pages are saved in,
//! out comes the visible text, normalised for matching, with a map back to byte offsets in
//! the original file, the page's metadata and its sentences.
//!
//! Steps, one module each: `encoding` (bytes to text, with a map back), `markdown` and `html`
//! (the visible text of each format), `normalize` (typography folded, NFC, blocks, and the
//! source range of every byte), `sentences`, `language`, `meta` (headline, dates, address).

use std::ops::Range;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::dates::DateExpr;

mod encoding;
mod html;
mod language;
mod markdown;
mod meta;
mod normalize;
pub(crate) mod sentences;

/// The language a bilingual page opens with: where each language has at least three
/// sentences in ten of the body, the page is in the first one, as a reader sees it (a joint
/// statement printed in English, then in French, is an English page).
fn bilingual_opening(sentences: &[Sentence]) -> Option<Lang> {
    let body = sentences.iter().filter(|s| !s.heading);
    let first = body.clone().next()?.language;
    let (mut fr, mut en) = (0usize, 0usize);
    for s in body {
        match s.language {
            Lang::Fr => fr += 1,
            Lang::En => en += 1,
        }
    }
    (fr.min(en) * 10 >= (fr + en) * 3).then_some(first)
}

/// A lookup table saying which bytes are in `bytes`, for scanning loops that must be fast.
const fn byte_table(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

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

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// By the file's name, else by what the text looks like.
    fn detect(source: &str, text: &str) -> Format {
        let extension = Path::new(source)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("html" | "htm" | "xhtml" | "shtml") => Format::Html,
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            _ if html::sniff(text) => Format::Html,
            _ if looks_like_markdown(text) => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// Links or headings in Markdown syntax near the start: pages saved as Markdown often keep a
/// `.txt` name.
fn looks_like_markdown(text: &str) -> bool {
    let mut end = text.len().min(65536);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text.as_bytes()[..end];
    // Searched by their rarest byte: most text files are neither, and are read to the end.
    let after = |byte: u8, rest: &[&[u8]]| {
        memchr::memchr_iter(byte, head).any(|p| rest.iter().any(|r| head[p + 1..].starts_with(r)))
    };
    after(b']', &[b"(http", b"(/"])
        || after(b'\\', &[b"(http"])
        // A heading: one to six `#` and a space at the start of a line.
        || memchr::memchr_iter(b'#', head).any(|p| {
            let hashes = head[p..].iter().take_while(|&&b| b == b'#').count();
            (p == 0 || head[p - 1] == b'\n')
                && (1..=6).contains(&hashes)
                && head.get(p + hashes) == Some(&b' ')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bilingual_page_is_in_the_language_it_opens_with() {
        let english = "Joint Press Statement\n\nThe European Union and Canada held their third \
            cyber dialogue in Ottawa. The two sides agreed to hold a joint workshop in 2027. \
            They will meet again next year in Brussels.";
        let french = "L'Union européenne et le Canada ont tenu leur troisième dialogue sur le \
            cyberespace à Ottawa. Les deux parties sont convenues d'organiser un atelier en 2027. \
            Elles se réuniront de nouveau l'an prochain à Bruxelles. Les échanges ont porté sur \
            la sécurité des réseaux et sur la lutte contre les rançongiciels.";
        let page = format!("{english}\n\n{french}\n");
        let doc = Document::from_bytes("page.txt", page.as_bytes()).expect("reads");
        assert_eq!(doc.language, Lang::En);
        let page = format!("{french}\n\n{english}\n");
        let doc = Document::from_bytes("page.txt", page.as_bytes()).expect("reads");
        assert_eq!(doc.language, Lang::Fr);
        // A French page with one English sentence is French.
        let page = format!("{french}\n\nThe two sides agreed to meet again.\n");
        let doc = Document::from_bytes("page.txt", page.as_bytes()).expect("reads");
        assert_eq!(doc.language, Lang::Fr);
    }

    /// `looks_like_markdown` as it read before it searched by bytes.
    fn looks_like_markdown_by_lines(text: &str) -> bool {
        let mut end = text.len().min(65536);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let head = &text[..end];
        head.contains("](http")
            || head.contains("](/")
            || head.contains("\\(http")
            || head.lines().any(|l| {
                let hashes = l.bytes().take_while(|&b| b == b'#').count();
                (1..=6).contains(&hashes) && l.as_bytes().get(hashes) == Some(&b' ')
            })
    }

    #[test]
    fn markdown_is_told_by_bytes_as_by_lines() {
        for text in [
            "",
            "#",
            "# ",
            "# Titre",
            "####### Sept",
            "###### Six",
            "a # b\n## c",
            "a\r\n## c",
            "a\r## c",
            "a ##b\n#\tc\n",
            "texte ](/x) fin",
            "texte ] (/x)",
            "[lien](https://x.eu)",
            "un \\(http://x\\) ",
            "été\n# Été",
            "fin ]",
            "fin \\",
            "##\n",
        ] {
            assert_eq!(
                looks_like_markdown(text),
                looks_like_markdown_by_lines(text),
                "{text:?}"
            );
        }
        let long = format!("{}\n# Titre", "é".repeat(40_000));
        assert_eq!(
            looks_like_markdown(&long),
            looks_like_markdown_by_lines(&long)
        );
    }
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

#[derive(Debug, Clone)]
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
    /// Every date expression of `text`, resolved against `published`, found the first time
    /// they are asked for (`dates`): extraction reads only the dates of some sentences
    /// (`dates_in`), and the date grammar is the costliest part of reading a page.
    dates: std::sync::OnceLock<Vec<DateExpr>>,
    /// Where each byte of `text` came from in the decoded source...
    map: normalize::SourceMap,
    /// ... and where that is in the original file.
    decoded: encoding::Map,
    source_len: usize,
}

impl Document {
    /// Reads and understands a file. Errors name the file.
    pub fn read(path: &Path) -> crate::Result<Document> {
        // Asked only once reading has failed: a folder is rare, and asking first costs a
        // system call for every page of a corpus.
        let bytes = std::fs::read(path).map_err(|e| {
            if path.is_dir() {
                crate::Error::input(path, "is a folder, not a document")
            } else {
                crate::Error::io(path, e)
            }
        })?;
        Document::from_bytes(&path.display().to_string(), &bytes)
    }

    /// Understands the bytes of a file; `source` names it in errors and output, and its
    /// extension (`.html`, `.md`) says the format when there is one.
    pub fn from_bytes(source: &str, bytes: &[u8]) -> crate::Result<Document> {
        if bytes.len() >= u32::MAX as usize {
            return Err(crate::Error::input(
                source,
                "too large to read (4 GiB or more)",
            ));
        }
        let decoded = encoding::decode(bytes).map_err(|encoding::DecodeError::Binary| {
            crate::Error::input(
                source,
                "looks like a binary file (NUL or control bytes), not a text document",
            )
        })?;
        let format = Format::detect(source, &decoded.text);
        let mut builder = normalize::Builder::new(decoded.text.len(), format != Format::Html);
        let html_meta = match format {
            Format::Html => Some(html::read(&decoded.text, &mut builder)),
            Format::Markdown => {
                markdown::read(&decoded.text, &mut builder, true);
                None
            }
            Format::Text => {
                markdown::read(&decoded.text, &mut builder, false);
                None
            }
        };
        let normalize::Built { text, map, blocks } = builder.finish();

        let pieces = sentences::split(&text, &blocks);
        let counts: Vec<(u32, u32)> = pieces
            .iter()
            .map(|p| language::counts(&text[p.span.clone()]))
            .collect();
        let total = counts.iter().fold((0, 0), |(f, e), (a, b)| (f + a, e + b));
        let language = language::decide(total, Lang::Fr);
        let sentences: Vec<Sentence> = pieces
            .into_iter()
            .zip(counts)
            .map(|(p, c)| Sentence {
                span: p.span,
                language: language::decide(c, language),
                block: p.block,
                heading: p.heading,
            })
            .collect();
        let language = bilingual_opening(&sentences).unwrap_or(language);

        let meta = meta::read(&text, &blocks, format, html_meta.as_ref());
        Ok(Document {
            source: source.to_string(),
            format,
            encoding: decoded.encoding,
            text,
            language,
            title: meta.title,
            published: meta.published,
            updated: meta.updated,
            url: meta.url,
            sentences,
            dates: std::sync::OnceLock::new(),
            map,
            decoded: decoded.map,
            source_len: bytes.len(),
        })
    }

    /// The byte range in the original file of a byte range of `text`: from the start of the
    /// character at `span.start` to the end of the character before `span.end`, so that it
    /// covers exactly the source of that text (entities, escapes, line ends included).
    pub fn source_span(&self, span: Range<usize>) -> [usize; 2] {
        let len = self.text.len();
        let start = span.start.min(len);
        let end = span.end.min(len).max(start);
        let original = |i: u32| self.decoded.original(i) as usize;
        let text_end = || {
            len.checked_sub(1)
                .and_then(|i| self.map.end(i))
                .map_or(self.source_len, original)
        };
        let from = self.map.start(start).map_or_else(text_end, original);
        let to = if end > start {
            self.map.end(end - 1).map_or(from, original)
        } else {
            from
        };
        [from, to.max(from)]
    }

    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        self.text.get(sentence.span.clone()).unwrap_or("")
    }

    /// Every date expression of the text, in order, resolved against the page's date.
    pub fn dates(&self) -> &[DateExpr] {
        self.dates
            .get_or_init(|| crate::dates::find_dates(&self.text, self.anchor()))
    }

    /// The date expressions of a piece of the text read on its own, with spans in the whole
    /// text. For a sentence they are those of `dates` within it: no date expression crosses
    /// a sentence, which `tests/reader.rs` checks on every fixture and seed.
    pub fn dates_in(&self, span: Range<usize>) -> Vec<DateExpr> {
        let Some(piece) = self.text.get(span.clone()) else {
            return Vec::new();
        };
        let mut dates = crate::dates::find_dates(piece, self.anchor());
        for d in &mut dates {
            d.span = d.span.start + span.start..d.span.end + span.start;
        }
        dates
    }

    fn anchor(&self) -> Option<NaiveDate> {
        self.published.as_ref().map(|p| p.date)
    }
}
