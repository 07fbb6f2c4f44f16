//! HTML: the visible text of a page, with the source range of every character.
//!
//! A small tokenizer rather than html5ever, tl or scraper: html5ever's tokenizer reports
//! line numbers but not byte offsets of text, tl and scraper build trees whose text nodes
//! do not say where they were in the source, and we need the exact byte range of every
//! character (entities included) to map spans back. Pages are read leniently, the way
//! browsers do: unknown tags are ignored, unclosed elements close at the end.

use super::normalize::{Builder, Gap, Kind};

/// What the page's markup says beyond its text.
#[derive(Debug, Default)]
pub(crate) struct HtmlMeta {
    pub title: Option<String>,
    /// Text ranges of the `<h1>` elements.
    pub h1: Vec<std::ops::Range<usize>>,
    pub canonical: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    /// The `datetime` of the page's first `<time>` element outside its navigation: where a
    /// page marks up its dateline ("Jakarta, <time datetime=...>09.10.2025</time>") and has
    /// no meta tag for it.
    pub first_time: Option<String>,
}

/// Whether bytes that did not come with an `.html` name are a page.
pub(crate) fn sniff(src: &str) -> bool {
    let head = &src.as_bytes()[..src.len().min(4096)];
    // Every marker starts with `<`: only where one is can a marker be.
    let has = |s: &[u8]| {
        memchr::memchr_iter(b'<', head).any(|p| {
            head.get(p..p + s.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(s))
        })
    };
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    has(b"<!doctype html")
        || has(b"<html")
        || (first == Some(&b'<')
            && (has(b"<body") || has(b"<head") || has(b"</p>") || has(b"</div>")))
}

/// A tag's name in lower case: as written when it is (most are), else lowered into a buffer
/// kept inline. Pages have many tags and no name we look at is longer than sixteen bytes (a
/// longer one is cut, and still compares equal to itself).
#[derive(Clone, Copy)]
enum Name<'a> {
    Written(&'a str),
    Lowered { buf: [u8; 16], len: u8 },
}

impl<'a> Name<'a> {
    /// `raw` is ASCII: letters, digits, `-`, `:` and `_`.
    fn new(raw: &'a str) -> Name<'a> {
        let raw = raw.get(..raw.len().min(16)).unwrap_or(raw);
        if !raw.bytes().any(|b| b.is_ascii_uppercase()) {
            return Name::Written(raw);
        }
        let mut buf = [0u8; 16];
        let len = raw.len().min(16);
        buf[..len].copy_from_slice(&raw.as_bytes()[..len]);
        buf.make_ascii_lowercase();
        Name::Lowered {
            buf,
            len: len as u8,
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Name::Written(name) => name,
            Name::Lowered { buf, len } => std::str::from_utf8(&buf[..*len as usize]).unwrap_or(""),
        }
    }
}

struct Tag<'a> {
    name: Name<'a>,
    /// The source between the name and the closing `>`, read when an attribute is asked for.
    attrs: &'a str,
    self_closing: bool,
    end: usize,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        attributes(self.attrs)
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    fn hidden(&self) -> bool {
        if self.attrs.is_empty() {
            return false;
        }
        self.attr("hidden").is_some()
            || self
                .attr("aria-hidden")
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || self.attr("style").is_some_and(|v| {
                let v: String = v
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                v.contains("display:none") || v.contains("visibility:hidden")
            })
    }
}

/// The attributes of a tag's source (`href="x" hidden`): names and values.
fn attributes(src: &str) -> impl Iterator<Item = (&str, &str)> {
    let bytes = src.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() {
                return None;
            }
            let start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'/')
            {
                i += 1;
            }
            if i == start {
                i += 1;
                continue;
            }
            let name = &src[start..i];
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = bytes[i + 1..]
                            .iter()
                            .position(|&c| c == q)
                            .map_or(bytes.len(), |p| i + 1 + p);
                        value = &src[i + 1..end];
                        i = (end + 1).min(bytes.len());
                    }
                    _ => {
                        let end = bytes[i..]
                            .iter()
                            .position(u8::is_ascii_whitespace)
                            .map_or(bytes.len(), |p| i + p);
                        value = &src[i..end];
                        i = end;
                    }
                }
            }
            return Some((name, value));
        }
    })
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "ol"
            | "option"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Elements whose content is never shown as text of the page.
fn is_raw_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "textarea"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
    )
}

/// Elements whose content is not reading matter: drawings, navigation, controls.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "svg"
            | "math"
            | "nav"
            | "button"
            | "select"
            | "object"
            | "canvas"
            | "audio"
            | "video"
            | "datalist"
    )
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

pub(crate) fn read(src: &str, b: &mut Builder) -> HtmlMeta {
    let bytes = src.as_bytes();
    let mut meta = HtmlMeta::default();
    let mut skip: Option<(Name, usize)> = None;
    let mut in_head = false;
    let mut pre = 0usize;
    let mut h1_start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let quiet = skip.is_some() || in_head;
        let next = if quiet {
            memchr::memchr(b'<', &bytes[i..])
        } else {
            memchr::memchr2(b'<', b'&', &bytes[i..])
        }
        .map_or(bytes.len(), |p| i + p);
        if next > i && !quiet {
            text(&src[i..next], i as u32, pre > 0, b);
        }
        i = next;
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'&' {
            i = entity_at(src, i, b);
            continue;
        }
        let rest = &src[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment.find("-->").map_or(bytes.len(), |p| i + 4 + p + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(bytes.len(), |p| i + p + 1);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_at = if closing { i + 2 } else { i + 1 };
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            if !quiet {
                b.push('<', i as u32, i as u32 + 1);
            }
            i += 1;
            continue;
        }
        let tag = parse_tag(src, name_at);
        i = tag.end;
        let name = tag.name.as_str();
        if closing {
            if let Some((skipped, depth)) = &mut skip {
                if skipped.as_str() == name {
                    *depth -= 1;
                    if *depth == 0 {
                        skip = None;
                    }
                }
                continue;
            }
            match name {
                "head" => in_head = false,
                "pre" => pre = pre.saturating_sub(1),
                _ => {}
            }
            if name == "h1"
                && let Some(start) = h1_start.take()
            {
                meta.h1.push(start..b.len());
            }
            if is_block(name) || heading_level(name).is_some() {
                b.open(Gap::Blank, Kind::Para);
            }
            continue;
        }
        if let Some((skipped, depth)) = &mut skip {
            if skipped.as_str() == name && !tag.self_closing && !is_void(name) {
                *depth += 1;
            }
            continue;
        }
        page_meta(&tag, &mut meta);
        if is_raw_skipped(name) || name == "title" {
            let (content_end, after) = end_tag(src, i, name);
            if name == "title" && meta.title.is_none() {
                meta.title = Some(decode_entities(&src[i..content_end]));
            }
            i = after;
            continue;
        }
        if is_skipped(name) || (tag.hidden() && !is_void(name)) {
            if !tag.self_closing && !is_void(name) {
                skip = Some((tag.name, 1));
            }
            continue;
        }
        match name {
            "head" => in_head = true,
            "body" => in_head = false,
            _ if in_head && (is_block(name) || heading_level(name).is_some()) => in_head = false,
            _ => {}
        }
        if name == "br" {
            // The first letter decides: a line in lower case continues the sentence.
            b.open_line(Gap::Line, Kind::Para, true);
        } else if let Some(level) = heading_level(name) {
            b.open(Gap::Blank, Kind::Heading(level));
            if level == 1 {
                h1_start = Some(b.len());
            }
        } else if matches!(name, "li" | "dt" | "dd") {
            b.open(Gap::Blank, Kind::Item);
        } else if is_block(name) {
            b.open(Gap::Blank, Kind::Para);
            if name == "pre" {
                pre += 1;
            }
        }
    }
    if let Some(start) = h1_start {
        meta.h1.push(start..b.len());
    }
    meta
}

fn text(s: &str, base: u32, pre: bool, b: &mut Builder) {
    if !pre {
        b.push_str(s, base);
        return;
    }
    let mut at = 0;
    for (i, c) in s.char_indices() {
        if c == '\n' || c == '\r' {
            b.push_str(&s[at..i], base + at as u32);
            if !(c == '\n' && i > 0 && s.as_bytes()[i - 1] == b'\r') {
                b.open(Gap::Line, Kind::Para);
            }
            at = i + 1;
        }
    }
    b.push_str(&s[at..], base + at as u32);
}

/// The tag whose name starts at `at`; `end` is past its `>` (or the end of the page).
fn parse_tag(src: &str, at: usize) -> Tag<'_> {
    let bytes = src.as_bytes();
    let mut i = at;
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'-' | b':' | b'_'))
    {
        i += 1;
    }
    let name = Name::new(&src[at..i]);
    let attrs_start = i;
    // The closing `>`, outside quoted values.
    let mut quote = None;
    while i < bytes.len() {
        match (bytes[i], quote) {
            (b'>', None) => break,
            (q @ (b'"' | b'\''), None)
                if bytes[i - 1] == b'=' || bytes[i - 1].is_ascii_whitespace() =>
            {
                quote = Some(q)
            }
            (c, Some(q)) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    let attrs = src[attrs_start..i].trim_end();
    let self_closing = attrs.ends_with('/');
    Tag {
        name,
        attrs: attrs.trim_end_matches('/'),
        self_closing,
        end: (i + 1).min(bytes.len()),
    }
}

/// Where the content of a raw-text element ends (`</name`) and where its end tag ends.
fn end_tag(src: &str, from: usize, name: &str) -> (usize, usize) {
    let bytes = src.as_bytes();
    let mut i = from;
    while let Some(p) = src[i..].find("</") {
        let at = i + p;
        let name_end = at + 2 + name.len();
        if bytes
            .get(at + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && !bytes.get(name_end).is_some_and(u8::is_ascii_alphanumeric)
        {
            let after = src[name_end..]
                .find('>')
                .map_or(bytes.len(), |q| name_end + q + 1);
            return (at, after);
        }
        i = at + 2;
    }
    (bytes.len(), bytes.len())
}

const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "publication_date",
];

const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
];

fn page_meta(tag: &Tag, meta: &mut HtmlMeta) {
    let value = |v: &str| Some(decode_entities(v.trim()));
    match tag.name.as_str() {
        "link"
            if tag
                .attr("rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
        {
            if let Some(href) = tag.attr("href") {
                meta.canonical = value(href);
            }
        }
        "meta" => {
            let key = tag
                .attr("property")
                .or_else(|| tag.attr("name"))
                .or_else(|| tag.attr("itemprop"));
            let (Some(key), Some(content)) = (key, tag.attr("content")) else {
                return;
            };
            let key = key.to_ascii_lowercase();
            match key.as_str() {
                "og:url" if meta.canonical.is_none() => meta.canonical = value(content),
                k if PUBLISHED_KEYS.contains(&k) && meta.published.is_none() => {
                    meta.published = value(content)
                }
                k if MODIFIED_KEYS.contains(&k) && meta.modified.is_none() => {
                    meta.modified = value(content)
                }
                _ => {}
            }
        }
        "time" if meta.first_time.is_none() => {
            if let Some(datetime) = tag.attr("datetime") {
                meta.first_time = value(datetime);
            }
        }
        _ => {}
    }
}

/// The character reference at `at` (an `&`): pushed, and the index after it.
fn entity_at(src: &str, at: usize, b: &mut Builder) -> usize {
    match entity(&src[at..]) {
        Some((c, len)) => {
            let mut buf = [0u8; 4];
            b.push_replacement(c.encode_utf8(&mut buf), at as u32, (at + len) as u32);
            at + len
        }
        None => {
            b.push('&', at as u32, at as u32 + 1);
            at + 1
        }
    }
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(p) = s[i..].find('&') {
        out.push_str(&s[i..i + p]);
        match entity(&s[i + p..]) {
            Some((c, len)) => {
                out.push(c);
                i += p + len;
            }
            None => {
                out.push('&');
                i += p + 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// A character reference at the start of `s` (which starts with `&`): the character and the
/// reference's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let digits = bytes[start..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count()
            .min(8);
        if digits == 0 {
            return None;
        }
        let n = u32::from_str_radix(&s[start..start + digits], if hex { 16 } else { 10 }).ok()?;
        let mut len = start + digits;
        if bytes.get(len) == Some(&b';') {
            len += 1;
        }
        let c = match n {
            0x80..=0x9F => {
                let byte = [n as u8];
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&byte)
                    .0
                    .chars()
                    .next()
                    .unwrap_or('\u{FFFD}')
            }
            0 => '\u{FFFD}',
            n => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        return Some((c, len));
    }
    let mut name_len = 0;
    while name_len < 32
        && bytes
            .get(1 + name_len)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        name_len += 1;
    }
    let name = &s[1..1 + name_len];
    let c = named(name)?;
    if bytes.get(1 + name_len) == Some(&b';') {
        Some((c, name_len + 2))
    } else if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") {
        Some((c, name_len + 1))
    } else {
        None
    }
}

const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// A name of up to eight bytes as a number (names hold no NUL).
const fn packed(name: &[u8]) -> Option<u64> {
    if name.len() > 8 {
        return None;
    }
    let mut k = 0u64;
    let mut i = 0;
    while i < name.len() {
        k |= (name[i] as u64) << (8 * i);
        i += 1;
    }
    Some(k)
}

const LATIN1_SLOTS: usize = 1024;

/// LATIN1 by name, each packed in a number, in a perfect hash built at compile time: each
/// name has a slot of its own, so that a lookup is a multiplication and one comparison.
/// Pages full of `&eacute;` would otherwise compare each name with up to 96, and hashing the
/// number for a map still cost as much as the rest of reading the entity.
struct Latin1 {
    multiplier: u64,
    keys: [u64; LATIN1_SLOTS],
    /// The name's index in `LATIN1`: its code point less 0xA0.
    index: [u8; LATIN1_SLOTS],
}

const fn latin1_slot(k: u64, multiplier: u64) -> usize {
    (k.wrapping_mul(multiplier) >> (64 - LATIN1_SLOTS.trailing_zeros())) as usize
}

impl Latin1 {
    /// The code point of the name whose key is `k`.
    fn get(&self, k: u64) -> Option<u32> {
        let at = latin1_slot(k, self.multiplier);
        (k != 0 && self.keys[at] == k).then(|| 0xA0 + u32::from(self.index[at]))
    }

    /// The table for `multiplier`, if it gives every name a slot of its own.
    const fn build(multiplier: u64) -> Option<Latin1> {
        let mut t = Latin1 {
            multiplier,
            keys: [0; LATIN1_SLOTS],
            index: [0; LATIN1_SLOTS],
        };
        let mut i = 0;
        while i < LATIN1.len() {
            let Some(k) = packed(LATIN1[i].as_bytes()) else {
                return None;
            };
            let at = latin1_slot(k, multiplier);
            if t.keys[at] != 0 {
                return None;
            }
            t.keys[at] = k;
            t.index[at] = i as u8;
            i += 1;
        }
        Some(t)
    }
}

static LATIN1_BY_NAME: Latin1 = {
    let mut multiplier = 0x9E37_79B9_7F4A_7C15u64;
    loop {
        if let Some(t) = Latin1::build(multiplier) {
            break t;
        }
        multiplier = multiplier.wrapping_add(0x2545_F491_4F6C_DD1D);
    }
};

fn named(name: &str) -> Option<char> {
    if let Some(code) = packed(name.as_bytes()).and_then(|k| LATIN1_BY_NAME.get(k)) {
        return char::from_u32(code);
    }
    let code = match name {
        "amp" => 0x26,
        "lt" => 0x3C,
        "gt" => 0x3E,
        "quot" => 0x22,
        "apos" => 0x27,
        "Tab" => 0x09,
        "NewLine" => 0x0A,
        "OElig" => 0x152,
        "oelig" => 0x153,
        "Scaron" => 0x160,
        "scaron" => 0x161,
        "Yuml" => 0x178,
        "fnof" => 0x192,
        "circ" => 0x2C6,
        "tilde" => 0x2DC,
        "ensp" => 0x2002,
        "emsp" => 0x2003,
        "numsp" => 0x2007,
        "puncsp" => 0x2008,
        "thinsp" => 0x2009,
        "hairsp" => 0x200A,
        "zwnj" => 0x200C,
        "zwj" => 0x200D,
        "lrm" => 0x200E,
        "rlm" => 0x200F,
        "hyphen" | "dash" => 0x2010,
        "ndash" => 0x2013,
        "mdash" => 0x2014,
        "lsquo" => 0x2018,
        "rsquo" | "rsquor" => 0x2019,
        "sbquo" => 0x201A,
        "ldquo" => 0x201C,
        "rdquo" | "rdquor" => 0x201D,
        "bdquo" => 0x201E,
        "dagger" => 0x2020,
        "Dagger" => 0x2021,
        "bull" | "bullet" => 0x2022,
        "hellip" => 0x2026,
        "permil" => 0x2030,
        "prime" => 0x2032,
        "Prime" => 0x2033,
        "lsaquo" => 0x2039,
        "rsaquo" => 0x203A,
        "oline" => 0x203E,
        "frasl" => 0x2044,
        "NoBreak" => 0x2060,
        "euro" => 0x20AC,
        "trade" => 0x2122,
        "larr" => 0x2190,
        "rarr" => 0x2192,
        "minus" => 0x2212,
        "nbsp" | "NonBreakingSpace" => 0xA0,
        _ => return None,
    };
    char::from_u32(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_page(src: &str) -> (String, HtmlMeta, Vec<Kind>) {
        let mut b = Builder::new(src.len(), false);
        let meta = read(src, &mut b);
        let built = b.finish();
        (
            built.text,
            meta,
            built.blocks.iter().map(|bl| bl.kind).collect(),
        )
    }

    #[test]
    fn every_latin1_name_is_found_by_its_packed_key() {
        for (i, name) in LATIN1.iter().enumerate() {
            assert_eq!(named(name), char::from_u32(0xA0 + i as u32), "{name}");
        }
        for name in ["", "eacut", "eacutee", "Eacute1", "eacuteeacute", "EACUTE"] {
            assert_eq!(named(name), None, "{name}");
        }
    }

    #[test]
    fn visible_text_only() {
        let page = "<!DOCTYPE html><html><head><title>Le titre | Site</title><style>p{}</style>\
            <link rel=canonical href='https://x.eu/a?b=1&amp;c=2'></head><body><nav>Menu</nav>\
            <script>var a = '<p>';</script><h1>Le&nbsp;dialogue</h1><!-- x --><p>Un <b>texte</b>&#8217;ici &amp; l&agrave;\n suite.</p>\
            <div hidden><p>caché</p><div>encore</div></div><ul><li>un</li><li>deux</li></ul></body></html>";
        let (text, meta, kinds) = read_page(page);
        assert_eq!(
            text,
            "Le dialogue\n\nUn texte'ici & là suite.\n\nun\n\ndeux"
        );
        assert_eq!(meta.title.as_deref(), Some("Le titre | Site"));
        assert_eq!(meta.canonical.as_deref(), Some("https://x.eu/a?b=1&c=2"));
        assert_eq!(&text[meta.h1[0].clone()], "Le dialogue");
        assert_eq!(
            kinds,
            [Kind::Heading(1), Kind::Para, Kind::Item, Kind::Item]
        );
    }

    #[test]
    fn a_line_break_inside_a_sentence_joins() {
        let (text, _, kinds) = read_page(
            "<p>Le renforcement comprend un<br>\nsoutien au suivi.<br>Fin.</p><p>puis</p>",
        );
        assert_eq!(
            text,
            "Le renforcement comprend un soutien au suivi.\nFin.\n\npuis"
        );
        assert_eq!(kinds.len(), 3);
    }

    /// `sniff` as it read before it looked only where a `<` is.
    fn sniff_lowered(src: &str) -> bool {
        let head = &src.as_bytes()[..src.len().min(4096)];
        let lower = head.to_ascii_lowercase();
        let has = |s: &[u8]| lower.windows(s.len()).any(|w| w == s);
        let first = lower.iter().find(|b| !b.is_ascii_whitespace());
        has(b"<!doctype html")
            || has(b"<html")
            || (first == Some(&b'<')
                && (has(b"<body") || has(b"<head") || has(b"</p>") || has(b"</div>")))
    }

    #[test]
    fn sniffs_at_each_angle_bracket_as_over_the_lowered_head() {
        let long = format!("{}<html>", "é".repeat(2100));
        for src in [
            "",
            "<",
            "<HTML",
            "<!DOCTYPE HTML>",
            "<!doctype htm",
            " \n<DIV>x</DIV>",
            "x <body>",
            "<p>a</P>",
            "<<head",
            "\u{e9}<Body>",
            long.as_str(),
        ] {
            assert_eq!(sniff(src), sniff_lowered(src), "{src:?}");
        }
    }

    #[test]
    fn sniffs_pages() {
        assert!(sniff("  <!doctype html><p>x"));
        assert!(sniff("<div><p>a</p></div>"));
        assert!(!sniff("Le 3 < 4 et </p> rien"));
    }

    #[test]
    fn broken_markup_does_not_lose_text() {
        let (text, _, _) = read_page("a < b <p>c &unknown; d &#xZZ; <b");
        assert_eq!(text, "a < b\n\nc &unknown; d &#xZZ;");
    }
}
