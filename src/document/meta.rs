//! What a page says about itself: its headline, its own date, when it was updated, where it
//! lives. Read from the lines before the first paragraph of running text, the way a reader
//! skims a page: site furniture first, then the headline, then the date line, then the text.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

use super::html::HtmlMeta;
use super::normalize::{Block, Kind};
use super::sentences::ends_terminal;
use super::{Format, PageDate};
use crate::dates::{DateExpr, Precision, Relation, find_dates};

#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub published: Option<PageDate>,
    pub updated: Option<PageDate>,
    pub url: Option<String>,
}

/// How many blocks may come before the text starts: beyond, the page has no header.
const HEADER_BLOCKS: usize = 40;
/// Lines longer than this are running text, not a date line or a headline.
const SHORT_LINE: usize = 400;
/// A stamp ("Mis à jour le: ...", "Source URL: ...") is a line of its own or nearly.
const STAMP_LINE: usize = 200;

pub(crate) fn read(text: &str, blocks: &[Block], format: Format, html: Option<&HtmlMeta>) -> Meta {
    let line = |i: usize| {
        blocks
            .get(i)
            .and_then(|b| text.get(b.range.clone()))
            .unwrap_or("")
    };
    let body: Vec<usize> = (0..blocks.len())
        .filter(|&i| is_body(line(i), blocks[i].kind))
        .take(2)
        .collect();
    let body_start = body
        .first()
        .copied()
        .unwrap_or(blocks.len())
        .min(HEADER_BLOCKS);

    let updated = header_and_footer(blocks.len())
        .filter(|&i| line(i).len() <= STAMP_LINE)
        .find_map(|i| {
            let l = line(i);
            if !may_be_updated(l) {
                return None;
            }
            let marker = UPDATED.find(l).filter(|m| m.start() <= 40)?;
            page_date(&l[marker.end()..], false)
        });
    let updated = updated.or_else(|| {
        html.and_then(|h| h.modified.as_deref())
            .and_then(iso_page_date)
    });

    // "Publié le 27/01/2026 à 17h45 — Mis à jour le ...", "Published 18 June 2026": a stamp
    // that says which date is the page's, wherever the header puts it (under a standfirst,
    // or on one line with the updated stamp).
    let stamped = (0..blocks.len().min(HEADER_BLOCKS))
        .filter(|&i| line(i).len() <= STAMP_LINE)
        .find_map(|i| {
            let l = line(i);
            let marker = PUBLISHED.find(l).filter(|m| m.start() <= 40)?;
            page_date(before_updated_stamp(&l[marker.end()..]), false).map(|d| (i, d))
        });
    let dated_line = stamped.or_else(|| {
        (0..body_start).find_map(|i| {
            let l = line(i);
            let short = l.len() <= SHORT_LINE && !more_words_than(l, 25);
            if !short {
                return None;
            }
            // "14 Apr. 2026 - | Last updated: 15 Apr. 2026 09:20": the page's date is the
            // one before the updated stamp, when the line has one.
            page_date(before_updated_stamp(l), true)
                // "*Communiqué de presse du CCB et du Premier ministre – Bruxelles, le 9
                // octobre 2025*": a byline that ends with its dateline.
                .or_else(|| {
                    let l = l.trim_end_matches(['*', '_', ' ']);
                    let cut = [" – ", " — ", " | "]
                        .iter()
                        .filter_map(|sep| l.rfind(sep).map(|at| at + sep.len()))
                        .max()?;
                    page_date(&l[cut..], true)
                })
                .map(|d| (i, d))
        })
    });
    let date_line = dated_line.as_ref().map(|(i, _)| *i);
    let published = dated_line
        .map(|(_, d)| d)
        .or_else(|| {
            html.and_then(|h| h.published.as_deref())
                .and_then(iso_page_date)
        })
        // Before the body's first date: that is the event's, which often comes the day
        // before the page.
        .or_else(|| {
            html.and_then(|h| h.first_time.as_deref())
                .and_then(iso_page_date)
        })
        .or_else(|| {
            body.iter()
                .find_map(|&i| event_date(first_sentence(line(i))))
        });

    let anchor = date_line.unwrap_or(body_start);
    let title = html
        .and_then(|h| html_title(text, blocks, anchor, h))
        .or_else(|| {
            (format == Format::Markdown)
                .then(|| {
                    (0..anchor)
                        .rev()
                        .find(|&i| blocks[i].kind == Kind::Heading(1) && headline(line(i)))
                })
                .flatten()
                .map(|i| line(i).to_string())
        })
        .or_else(|| {
            // Under the site's breadcrumb, the first headline is the page's: the lines after
            // it are its subtitle, its byline, the occasion of a speech.
            (0..anchor)
                .rev()
                .find(|&i| is_breadcrumb(line(i)))
                .and_then(|crumb| {
                    // "Home > ... > Ministry for Foreign Affairs", then "Ministry for Foreign
                    // Affairs" again over the date: the section, not the page's headline,
                    // which some sites also end their breadcrumb with, but a section's name
                    // is a few words.
                    let crumbs = line(crumb);
                    let section = |l: &str| {
                        crumbs.contains(l.trim()) && l.split_whitespace().nth(4).is_none()
                    };
                    (crumb + 1..anchor)
                        .find(|&i| {
                            blocks[i].kind != Kind::Item && headline(line(i)) && !section(line(i))
                        })
                        // "Questions d'actualité au Gouvernement du mercredi 11 octobre 2028":
                        // a headline that carries the page's date is its date line too.
                        .or_else(|| {
                            let dated = line(anchor);
                            (date_line == Some(anchor)
                                && anchor > crumb
                                && headline(dated)
                                && dated.split_whitespace().nth(6).is_some())
                            .then_some(anchor)
                        })
                })
                .map(|i| line(i).to_string())
        })
        .or_else(|| {
            let before = (0..anchor)
                .rev()
                .find(|&i| blocks[i].kind != Kind::Item && headline(line(i)))
                .map(line);
            // Some sites print the date first and the headline under it ("22 juin 2026",
            // then "Cyberdiplomatie : le Conseil approuve ..."), their menus above both: of
            // a headline between the date line and the body and the one before the date,
            // the one of more words is the title; menus and sharing links are short.
            let after = date_line
                .map_or(0..0, |d| d + 1..body_start)
                .find(|&i| blocks[i].kind != Kind::Item && headline(line(i)))
                .map(line);
            let words = |l: &str| l.split_whitespace().count();
            match (before, after) {
                (Some(b), Some(a)) if words(a) > words(b) => Some(a.to_string()),
                (None, Some(a)) => Some(a.to_string()),
                (b, _) => b.map(str::to_string),
            }
        });

    let url = header_and_footer(blocks.len())
        .filter(|&i| line(i).len() <= STAMP_LINE)
        .find_map(|i| {
            let l = line(i);
            if !may_be_source_url(l) {
                return None;
            }
            let at = SOURCE_URL.find(l)?.end();
            find_url(&l[at..]).or_else(|| find_url(line(i + 1)))
        })
        .or_else(|| html.and_then(|h| h.canonical.clone()));

    Meta {
        title,
        published,
        updated,
        url,
    }
}

/// "Mis à jour le:", "Last updated:": the page's updated stamp follows.
static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:date de |dernière )?mise? à jour(?: le)?|(?:last |page )?updated(?: on)?|modifié le|dernière modification|last modified)\s*:?",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "Publié le", "Published": the page's own date follows. Not "publié par" (who), nor a
/// report "published in January 2022" in running text: the stamp opens its line.
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:publié le|publiée le|date de publication|mis en ligne le|(?:first )?published(?: on)?|posted on|date published)\s*:?",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "Source URL:" and its translations: the page's address follows.
static SOURCE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:source url|url source|url de la source|source|url)\s*:")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Where the page's stamps are printed: its header and its footer.
fn header_and_footer(blocks: usize) -> impl Iterator<Item = usize> {
    (0..blocks.min(HEADER_BLOCKS))
        .chain(blocks.saturating_sub(HEADER_BLOCKS).max(HEADER_BLOCKS)..blocks)
}

/// The part of a line before its updated stamp ("Publié le 27/01/2026 — Mis à jour le ..."),
/// or the whole line when it has none.
fn before_updated_stamp(l: &str) -> &str {
    if !may_be_updated(l) {
        return l;
    }
    UPDATED.find(l).map_or(l, |m| &l[..m.start()])
}

/// Words without one of which `UPDATED` cannot match ("mise à jour", "updated", "modifié",
/// "modification", "modified"), and `SOURCE_URL` ("url", "source"; not its `s`, which
/// matches the long s too), each with the index of its rarest letter, searched for first.
/// Every line of a page's header and footer is tried against those regexes, and ruling most
/// out by a word costs a fraction of running them.
const UPDATED_WORDS: &[(&str, usize)] = &[("jour", 0), ("updated", 1), ("modifi", 4)];
const SOURCE_URL_WORDS: &[(&str, usize)] = &[("url", 0), ("ource", 3)];

fn may_be_updated(l: &str) -> bool {
    mentions(l, UPDATED_WORDS)
}

/// `SOURCE_URL` ends with a colon.
fn may_be_source_url(l: &str) -> bool {
    memchr::memchr(b':', l.as_bytes()).is_some() && mentions(l, SOURCE_URL_WORDS)
}

/// Whether `l` holds one of `words` (ASCII, lower case) in any case.
fn mentions(l: &str, words: &[(&str, usize)]) -> bool {
    let bytes = l.as_bytes();
    words.iter().any(|&(w, rare)| {
        let (w, letter) = (w.as_bytes(), w.as_bytes()[rare]);
        memchr::memchr2_iter(letter, letter.to_ascii_uppercase(), bytes).any(|p| {
            p.checked_sub(rare)
                .and_then(|start| bytes.get(start..start + w.len()))
                .is_some_and(|c| c.eq_ignore_ascii_case(w))
        })
    })
}

/// Running text: a paragraph of some length that ends like a sentence.
fn is_body(l: &str, kind: Kind) -> bool {
    // The cheap tests first, and words counted only as far as eight: every block of a page
    // without running text is asked.
    !matches!(kind, Kind::Heading(_))
        && ends_terminal(l)
        && more_words_than(l, 7)
        && !l
            .trim_end_matches([')', ']', '\'', '"', '»', ' '])
            .ends_with(':')
        // "We use some essential cookies to make this website work.", "An official website
        // of the European Union | How do you know?": the site's banners over the page, not
        // the article; running text has no use for a bar between its parts.
        && !mentions_cookies(l)
        && !has(l, &BAR)
        // The same banner copied without its bar.
        && !starts_with_furniture(l)
}

/// Whether `l` has more than `n` words, as `split_whitespace` counts them: by its bytes,
/// where a page's first blocks are asked about their words, characters that are not ASCII
/// decoded only to ask whether they are spaces.
fn more_words_than(l: &str, n: usize) -> bool {
    let bytes = l.as_bytes();
    let (mut words, mut in_word) = (0, false);
    for (i, &b) in bytes.iter().enumerate() {
        let space = match b {
            b' ' | b'\t'..=b'\r' => true,
            0x00..=0x7F => false,
            // The rest of a character, which its first byte told.
            0x80..=0xBF => continue,
            _ => l[i..].chars().next().is_some_and(char::is_whitespace),
        };
        if !space && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !space;
    }
    false
}

/// Searchers made once: `str::contains` builds one for every line it is asked about, which
/// cost more than the search in the short lines of a page's header.
static BAR: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" | "));
static OOKIE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("ookie"));

fn has(l: &str, finder: &memchr::memmem::Finder<'static>) -> bool {
    finder.find(l.as_bytes()).is_some()
}

/// "cookie" or "Cookie".
fn mentions_cookies(l: &str) -> bool {
    let bytes = l.as_bytes();
    OOKIE
        .find_iter(bytes)
        .any(|p| p > 0 && matches!(bytes[p - 1], b'c' | b'C'))
}

/// Whether `l` starts with one of `FURNITURE_STARTS` in any case; each is told first by its
/// first byte, which rules out most.
fn starts_with_furniture(l: &str) -> bool {
    let Some(first) = l.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    FURNITURE_STARTS.iter().any(|p| {
        p.as_bytes()[0] == first && l.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p))
    })
}

/// "Accueil > Actualités > Cyberdéfense", "Home / News / Press releases": where the page
/// stands in its site, printed over its headline.
fn is_breadcrumb(l: &str) -> bool {
    l.len() <= SHORT_LINE
        && (l.contains(" > ")
            || l.contains(" » ") && !l.contains('«')
            || l.matches(" / ").nth(1).is_some())
}

fn first_sentence(l: &str) -> &str {
    let end = l.find(". ").map_or(l.len(), |p| p + 1);
    &l[..end]
}

fn full_date(e: &DateExpr) -> bool {
    matches!(e.precision, Precision::Day | Precision::Minute) && !e.relative
}

/// The first full date of a date line, with the time printed after it if any. A date line is
/// mostly its date (`dominant`): "Brussels, 17/05/2021 - 16:50", not a headline that names a
/// date.
fn page_date(l: &str, dominant: bool) -> Option<PageDate> {
    // A full date has digits; most lines of a header have none.
    if !l.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // "Conseil de l'UE | Communiqué de presse | 5 décembre 2025 | 15:40": a line of fields,
    // each read on its own where the whole line has too many words around its date, the time
    // in the field after the date's.
    page_date_in(l, dominant).or_else(|| {
        let fields: Vec<&str> = l.split(" | ").collect();
        if fields.len() < 2 {
            return None;
        }
        fields.iter().enumerate().find_map(|(k, field)| {
            let with_time = match fields.get(k + 1) {
                Some(next) if time_after(next).is_some() => format!("{field} {next}"),
                _ => (*field).to_string(),
            };
            page_date_in(&with_time, dominant)
        })
    })
}

fn page_date_in(l: &str, dominant: bool) -> Option<PageDate> {
    let e = find_dates(l, None).into_iter().find(full_date)?;
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    if dominant && words(l.get(..e.span.start)?) + words(l.get(e.span.end..)?) > 6 {
        return None;
    }
    let mut d = PageDate::from_expr(&e)?;
    if d.datetime.is_none()
        && e.until.is_none()
        && let Some(time) = l.get(e.span.end..).and_then(time_after)
    {
        d = PageDate::new(d.date, Some(d.date.and_time(time)));
    }
    Some(d)
}

/// The date of the event the text reports, where the page prints no date of its own.
fn event_date(sentence: &str) -> Option<PageDate> {
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let e = find_dates(sentence, None)
        .into_iter()
        .find(|e| full_date(e) && matches!(e.relation, Relation::On | Relation::In))?;
    let d = PageDate::from_expr(&e)?;
    Some(PageDate::new(d.date, None))
}

/// `- 16:50`, `, 16h50`, `à 16:50`, `at 16:50` at the start of `s`.
fn time_after(s: &str) -> Option<NaiveTime> {
    let s = s.trim_start();
    let s = ["-", "–", ",", "à", "at"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s)
        .trim_start();
    let hours: String = s.chars().take_while(char::is_ascii_digit).collect();
    if hours.is_empty() || hours.len() > 2 {
        return None;
    }
    let rest = s[hours.len()..].strip_prefix([':', 'h'])?;
    let minutes = rest
        .get(..2)
        .filter(|m| m.bytes().all(|b| b.is_ascii_digit()))?;
    if rest[2..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    NaiveTime::from_hms_opt(hours.parse().ok()?, minutes.parse().ok()?, 0)
}

/// `2025-05-20`, `2025-05-20T16:50:00+02:00` as printed in a page's meta tags.
fn iso_page_date(s: &str) -> Option<PageDate> {
    let date = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    let time = s
        .get(10..16)
        .filter(|t| t.starts_with('T'))
        .and_then(|t| NaiveTime::parse_from_str(&t[1..], "%H:%M").ok());
    Some(PageDate::new(date, time.map(|t| date.and_time(t))))
}

/// `%Y-%m-%d`, with `T%H:%M` after it for a time, as chrono formats them, written digit by
/// digit: chrono's formatting machinery cost more than finding the date.
fn iso_value(date: NaiveDate, time: Option<NaiveTime>) -> String {
    use chrono::{Datelike, Timelike};
    let year = match u32::try_from(date.year()) {
        Ok(year) if year <= 9999 => year,
        _ => return chrono_value(date, time),
    };
    let two = |v: &mut String, n: u32| {
        v.push(char::from(b'0' + (n / 10 % 10) as u8));
        v.push(char::from(b'0' + (n % 10) as u8));
    };
    let mut v = String::with_capacity(16);
    two(&mut v, year / 100);
    two(&mut v, year % 100);
    v.push('-');
    two(&mut v, date.month());
    v.push('-');
    two(&mut v, date.day());
    if let Some(t) = time {
        v.push('T');
        two(&mut v, t.hour());
        v.push(':');
        two(&mut v, t.minute());
    }
    v
}

/// `iso_value` by chrono, for the years it writes with a sign or more than four digits.
fn chrono_value(date: NaiveDate, time: Option<NaiveTime>) -> String {
    match time {
        Some(t) => date.and_time(t).format("%Y-%m-%dT%H:%M").to_string(),
        None => date.format("%Y-%m-%d").to_string(),
    }
}

impl PageDate {
    pub(crate) fn new(date: NaiveDate, datetime: Option<NaiveDateTime>) -> Self {
        let value = match datetime {
            Some(dt) => iso_value(dt.date(), Some(dt.time())),
            None => iso_value(date, None),
        };
        PageDate {
            date,
            datetime,
            value,
        }
    }

    /// The start of a date expression of day or minute precision.
    pub fn from_expr(e: &DateExpr) -> Option<PageDate> {
        let datetime = e
            .value
            .get(..16)
            .and_then(|v| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M").ok());
        let date = match datetime {
            Some(dt) => dt.date(),
            None => NaiveDate::parse_from_str(e.value.get(..10)?, "%Y-%m-%d").ok()?,
        };
        Some(PageDate::new(date, datetime))
    }
}

fn html_title(text: &str, blocks: &[Block], anchor: usize, h: &HtmlMeta) -> Option<String> {
    // "Headline | Site": the longest part is the headline, the others name the site, and an
    // <h1> that only names the site (a logo) is not the headline.
    let mut page_title = h.title.as_deref().map(fold).unwrap_or_default();
    for separator in [" - ", " – ", " — ", " :: "] {
        page_title = page_title.replace(separator, " | ");
    }
    let mut parts: Vec<&str> = page_title
        .split(" | ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let site = |t: &str| parts.iter().skip(1).any(|p| p.eq_ignore_ascii_case(t));
    let limit = blocks.get(anchor).map_or(text.len(), |b| b.range.start);
    let heads: Vec<(usize, &str)> =
        h.h1.iter()
            .filter_map(|r| Some((r.start, text.get(r.clone())?.trim())))
            .filter(|(_, t)| headline(t) && !site(t))
            .collect();
    let before = heads.iter().rfind(|(at, _)| *at < limit);
    before
        .or(heads.first())
        .map(|(_, t)| t.to_string())
        .or_else(|| parts.first().map(|p| p.to_string()))
}

/// A string folded as the text is (apostrophes, spaces, NFC), for titles read from markup.
fn fold(s: &str) -> String {
    let mut b = super::normalize::Builder::new(s.len(), false);
    b.push_str(s, 0);
    b.finish().text
}

/// Short, without a full stop, mostly words: the shape of a headline; and not site furniture.
fn headline(l: &str) -> bool {
    // The cheap tests first: every line of a page's header is asked.
    if l.len() > SHORT_LINE
        // "Monsieur le Président,": the salutation of a speech.
        || l
            .trim_end_matches([')', ']', '\'', '"', '»', ' '])
            .ends_with(['.', '!', '?', ':', ';', ','])
        // "(Seul le prononcé fait foi)", "(Check against delivery)": a note on the text.
        || (l.starts_with('(') && l.ends_with(')'))
        || l.contains("://")
    {
        return false;
    }
    let (words, letters, digits) = words_letters_digits(l);
    (1..=40).contains(&words)
        && letters >= 3
        && digits * 2 < letters
        && !boilerplate(l)
        && !is_dateline(l)
}

/// The words of `l` (as `split_whitespace` counts them), its letters and its ASCII digits, in
/// one pass over its bytes: characters that are not ASCII are decoded to be asked.
fn words_letters_digits(l: &str) -> (usize, usize, usize) {
    let (mut words, mut letters, mut digits, mut in_word) = (0, 0, 0, false);
    for (i, &b) in l.as_bytes().iter().enumerate() {
        let (space, letter) = match b {
            b' ' | b'\t'..=b'\r' => (true, false),
            b'a'..=b'z' | b'A'..=b'Z' => (false, true),
            b'0'..=b'9' => {
                digits += 1;
                (false, false)
            }
            0x00..=0x7F => (false, false),
            // The rest of a character, which its first byte told.
            0x80..=0xBF => continue,
            _ => l[i..]
                .chars()
                .next()
                .map_or((false, false), |c| (c.is_whitespace(), c.is_alphabetic())),
        };
        letters += usize::from(letter);
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    (words, letters, digits)
}

/// "Reykjavik, 4 November 2026", "Bruxelles, le 3 mars 2026": where and when the text was
/// given, printed on a line of its own between the headline and the body.
fn is_dateline(l: &str) -> bool {
    let l = l.trim();
    let ends_with_year = l.len() >= 4
        && l.is_char_boundary(l.len() - 4)
        && l[l.len() - 4..]
            .parse::<u16>()
            .is_ok_and(|y| (1900..2100).contains(&y));
    ends_with_year && l.contains(", ") && l.split_whitespace().count() <= 6
}

const FURNITURE: &[&str] = &[
    "press release",
    "press releases",
    "communiqué de presse",
    "communiqués de presse",
    "news",
    "latest news",
    "actualités",
    "actualité",
    "dernières actualités",
    "news article",
    "article",
    "publication",
    "speech",
    // GOV.UK's labels of a page's kind, over its headline.
    "policy paper",
    "news story",
    "guidance",
    "corporate report",
    "joint statement",
    "statement",
    // The U.S. Department of State's labels, printed between a headline and its date.
    "media note",
    "press statement",
    "readout",
    "fact sheet",
    "note aux médias",
    "note aux rédactions",
    "déclaration",
    "discours",
    "menu",
    "main menu",
    "search",
    "rechercher",
    "recherche",
    "home",
    "accueil",
    "share",
    "share this page",
    "partager",
    "partager cette page",
    "print",
    "imprimer",
    "languages",
    "language",
    "langues",
    "langue",
    "contact",
    "contacts",
    "related topics",
    "thèmes associés",
    "back to top",
    "retour en haut",
    "you are here",
    "vous êtes ici",
    "newsroom",
    "salle de presse",
    "highlights",
    "read more",
    "lire la suite",
    "en savoir plus",
    "top",
    // A page's share buttons, each on a line of its own when the page is copied as text.
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "youtube",
    "mastodon",
    "bluesky",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "courriel",
    "envoyer par courriel",
    "envoyer par e-mail",
    "envoyer par mail",
    "send by email",
    "share by email",
    "print this page",
    "imprimer cette page",
    "copy link",
    "copier le lien",
];

const FURNITURE_STARTS: &[&str] = &[
    "skip to",
    "jump to",
    "go to",
    "aller au contenu",
    "aller à",
    "passer au contenu",
    "delegation of",
    "delegation to",
    "délégation de",
    "délégation auprès",
    "mission of",
    "permanent representation",
    "représentation permanente",
    "embassy of",
    "ambassade de",
    "©",
    "copyright",
    "photo",
    "crédit",
    "credit",
    "istock",
    "getty",
    "image:",
    "share this",
    "partager sur",
    "follow us",
    "suivez-nous",
    "cookies",
    "this site uses",
    "ce site utilise",
    // The banner over every page of europa.eu.
    "an official website of the european union",
    "un site officiel de l'union européenne",
    // The issuing office's line, under or over the headline: who speaks, not what is said.
    "office of the spokesperson",
    "office of the press secretary",
    "bureau du porte-parole",
    "issued by",
    "published by",
    "publié par",
    "from:",
    "press office",
    "service de presse",
    "bureau de presse",
];

/// The labels of the fields a page prints about itself ("Type: Press release", "Thèmes :
/// Europe"): such a line describes the page, it is not its headline.
const FIELD_LABELS: &[&str] = &[
    "type",
    "content type",
    "date",
    "topic",
    "topics",
    "tags",
    "subject",
    "subjects",
    "category",
    "categories",
    "section",
    "reference",
    "author",
    "location",
    "thème",
    "thèmes",
    "sujet",
    "sujets",
    "catégorie",
    "catégories",
    "rubrique",
    "mots-clés",
    "mots clés",
    "auteur",
    "lieu",
    "référence",
    // "Communiqué par : ministère des Affaires étrangères ...": who issued the page.
    "communiqué par",
    "publié par",
    "published by",
    "issued by",
];

fn boilerplate(l: &str) -> bool {
    // Told on the line as it is: no character lower-cases to a space, a bar or an angle.
    if has(l, &BAR) || l.contains(" > ") || l.contains(" » ") && !l.contains('«') {
        return true;
    }
    let lower = l.to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let field = lower
        .split_once(':')
        .is_some_and(|(label, _)| FIELD_LABELS.contains(&label.trim()));
    field || FURNITURE.contains(&core) || FURNITURE_STARTS.iter().any(|p| lower.starts_with(p))
}

/// The first web address in `s`.
fn find_url(s: &str) -> Option<String> {
    let at = s.find("https://").or_else(|| s.find("http://"))?;
    let url: &str = s[at..]
        .split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '»' | ')' | ']'))
        .next()?;
    let url = url.trim_end_matches(['.', ',', ';', ':']);
    (url.len() > 8).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stamp_regexes_match_only_lines_that_mention_their_words() {
        for l in [
            "Mis à jour le: 3 mai 2024",
            "MISE À JOUR : 3 mai",
            "Date de mise à jour 3 mai",
            "Last Updated on 3 May",
            "PAGE UPDATED: x",
            "Modifié le 3",
            "Dernière modification: 3",
            "last modified 3",
            "Source URL: https://x.eu",
            "URL de la source : x",
            "\u{17F}ource: x",
            "Source : x",
            "url: x",
            "Le jour venu, la source est claire.",
        ] {
            assert!(!UPDATED.is_match(l) || may_be_updated(l), "{l}");
            assert!(!SOURCE_URL.is_match(l) || may_be_source_url(l), "{l}");
        }
        assert!(may_be_source_url("Source URL:"));
        assert!(!may_be_source_url("Source URL"));
        assert!(may_be_updated("x UPDATED"));
        assert!(may_be_updated("MODIFIÉ"));
        assert!(may_be_updated("jour"));
        assert!(!may_be_updated("Bruxelles, 3 mai 2024 - pdated odifi our"));
        assert!(!may_be_source_url("Bruxelles: 3 mai 2024 - ur ourc rce"));
    }

    #[test]
    fn page_dates_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (2025, 5, 20),
            (1, 1, 1),
            (999, 12, 31),
            (0, 2, 29),
            (9999, 12, 31),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
            for time in [
                None,
                NaiveTime::from_hms_opt(0, 5, 0),
                NaiveTime::from_hms_opt(23, 59, 0),
            ] {
                let dt = time.map(|t| date.and_time(t));
                assert_eq!(
                    PageDate::new(date, dt).value,
                    match dt {
                        Some(dt) => dt.format("%Y-%m-%dT%H:%M").to_string(),
                        None => date.format("%Y-%m-%d").to_string(),
                    }
                );
            }
        }
        for y in [-1, 10_000, 262_000] {
            let date = NaiveDate::from_ymd_opt(y, 1, 2).expect("a date");
            assert_eq!(iso_value(date, None), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn words_and_letters_are_counted_as_by_characters() {
        for l in [
            "",
            " ",
            "a",
            "Un titre de huit mots pour voir si ça va",
            "Un\u{1680}titre\u{a0}x  \t y\u{b}z\u{1c}w",
            "É2026 été 12:30 — l'Élysée, 3e",
            "日本語 テキスト 123",
        ] {
            let words = l.split_whitespace().count();
            let letters = l.chars().filter(|c| c.is_alphabetic()).count();
            let digits = l.chars().filter(|c| c.is_ascii_digit()).count();
            assert_eq!(words_letters_digits(l), (words, letters, digits), "{l:?}");
            for n in 0..10 {
                assert_eq!(
                    more_words_than(l, n),
                    l.split_whitespace().nth(n).is_some(),
                    "{l:?} {n}"
                );
            }
        }
        for l in [
            "We use cookies.",
            "COOKIE",
            "Cookies",
            "ookie",
            "coo kie",
            "c ookie cookie",
        ] {
            assert_eq!(
                mentions_cookies(l),
                l.contains("cookie") || l.contains("Cookie"),
                "{l:?}"
            );
        }
    }

    #[test]
    fn headlines_and_furniture() {
        assert!(headline(
            "Ukraine: Le 3e dialogue sur le cyberespace a lieu à Bruxelles"
        ));
        assert!(!headline("Skip to main content"));
        assert!(!headline("News article | Publication"));
        assert!(!headline("Delegation of the European Union to Kenya"));
        assert!(!headline("Press releases"));
        assert!(!headline("08 Dec. 2017 -"));
        assert!(!headline(
            "Brussels, 17/05/2021 - 16:50, UNIQUE ID: 210517_18"
        ));
        assert!(!headline("Lire plus d'informations sur:"));
        assert!(!headline("Office of the Spokesperson"));
        assert!(!headline(
            "Issued by NATO Heads of State and Government participating in the meeting"
        ));
        assert!(!headline(
            "From: Foreign, Commonwealth & Development Office"
        ));
        assert!(!headline("Service de presse du Conseil"));
        assert!(!headline("Facebook"));
        assert!(!headline("Envoyer par courriel"));
        // The europa.eu banner, copied without its bar, is neither headline nor body.
        let banner = "An official website of the European Union How do you know?";
        assert!(!headline(banner));
        assert!(!is_body(banner, Kind::Para));
        // A field the page prints about itself, not a headline that happens to hold a colon.
        assert!(!headline("Type: Press release"));
        assert!(!headline("Thèmes : Europe, Défense"));
        assert!(headline(
            "Cybersécurité: L'UE tient le 8e dialogue avec les États-Unis"
        ));
        assert!(headline("Date limite pour la cyberrésilience en Europe"));
    }

    #[test]
    fn times_after_dates() {
        assert_eq!(
            time_after(" - 16:50, UNIQUE"),
            NaiveTime::from_hms_opt(16, 50, 0)
        );
        assert_eq!(time_after(" 15:18"), NaiveTime::from_hms_opt(15, 18, 0));
        assert_eq!(time_after(", UNIQUE ID: 210517_18"), None);
        assert_eq!(time_after(" - 1650"), None);
    }

    #[test]
    fn date_lines_are_mostly_their_date() {
        let value = |l: &str| page_date(l, true).map(|d| d.value);
        assert_eq!(
            value("Brussels, 17/05/2021 - 16:50, UNIQUE ID: 210517_18").as_deref(),
            Some("2021-05-17T16:50")
        );
        // A line of fields: the date's own, with the time in the field after it.
        assert_eq!(
            value("**Conseil de l'UE** | Communiqué de presse | 5 décembre 2025 | 15:40")
                .as_deref(),
            Some("2025-12-05T15:40")
        );
        assert_eq!(
            value("20 May. 2025 - 21 May. 2025").as_deref(),
            Some("2025-05-20")
        );
        assert_eq!(
            value(
                "Joint statement of the European Union and Japan on cyber cooperation, 3 June 2025"
            ),
            None
        );
    }

    #[test]
    fn a_logo_in_h1_is_not_the_headline() {
        let page = "<html><head><title>Cyber dialogue held in Tokyo | EEAS</title></head><body>\
            <h1>EEAS</h1><p>The European Union and Japan held their fourth dialogue in Tokyo on cyber issues.</p>";
        let mut b = super::super::normalize::Builder::new(page.len(), false);
        let h = super::super::html::read(page, &mut b);
        let built = b.finish();
        let title = read(&built.text, &built.blocks, Format::Html, Some(&h)).title;
        assert_eq!(title.as_deref(), Some("Cyber dialogue held in Tokyo"));
    }

    fn title_of_text(page: &str) -> Option<String> {
        crate::document::Document::from_bytes("page.txt", page.as_bytes())
            .expect("reads")
            .title
    }

    /// A headline that carries the page's date under the breadcrumb is the title, not the
    /// site's banner above the breadcrumb.
    #[test]
    fn a_dated_headline_under_the_breadcrumb_is_the_title() {
        let page = "Sénat - Un site au service des citoyens\n\n\
            Accueil > Travaux parlementaires > Comptes rendus > Questions d'actualité\n\n\
            Questions d'actualité au Gouvernement du mercredi 11 octobre 2028\n\n\
            Compte rendu analytique officiel\n\n\
            M. le président. - La parole est à M. Jean-Luc Perrin, qui interroge le Gouvernement \
            sur la cybersécurité des services d'eau potable des petites communes.\n";
        assert_eq!(
            title_of_text(page).as_deref(),
            Some("Questions d'actualité au Gouvernement du mercredi 11 octobre 2028")
        );
    }

    /// The State Department prints the kind of page ("MEDIA NOTE") between the headline
    /// and the date: a label, not the headline.
    #[test]
    fn a_label_of_the_page_s_kind_is_no_headline() {
        let page = "U.S. DEPARTMENT of STATE\nOffice of the Spokesperson\n\n\
            Joint Statement on the Sixth Meeting of the Quad Senior Cyber Group\n\n\
            MEDIA NOTE\nMay 20, 2027\n\nThe following is the text of a joint statement by \
            the Governments of Australia, India, Japan, and the United States.\n";
        assert_eq!(
            title_of_text(page).as_deref(),
            Some("Joint Statement on the Sixth Meeting of the Quad Senior Cyber Group")
        );
    }

    #[test]
    fn a_headline_under_the_date_line_beats_a_shorter_menu_line_above_it() {
        let page = "Accueil\nPresse\nContact\n\nCommuniqué de presse\n\n22 juin 2026\n\n\
            Cyberdiplomatie : le Conseil approuve des conclusions sur sa boîte à outils\n\n\
            Partager\n\nLe Conseil a approuvé aujourd'hui des conclusions sur la cyberdiplomatie \
            de l'Union européenne et sur les moyens dont elle dispose.\n";
        assert_eq!(
            title_of_text(page).as_deref(),
            Some("Cyberdiplomatie : le Conseil approuve des conclusions sur sa boîte à outils")
        );
        // The usual order, and sharing links under the date, keep the headline above it.
        let page = "EU and Australia hold fourth Cyber Dialogue in Canberra\n\n\
            Canberra, 12 March 2026\n\nFacebook X LinkedIn\n\n\
            The European Union and Australia held their fourth Cyber Dialogue in Canberra on \
            12 March 2026, and agreed to deepen their cooperation.\n";
        assert_eq!(
            title_of_text(page).as_deref(),
            Some("EU and Australia hold fourth Cyber Dialogue in Canberra")
        );
    }

    fn meta_of_text(page: &str) -> (Option<String>, Option<String>) {
        let doc =
            crate::document::Document::from_bytes("page.txt", page.as_bytes()).expect("reads");
        (doc.title, doc.published.map(|p| p.date.to_string()))
    }

    #[test]
    fn a_byline_that_ends_with_its_dateline_dates_the_page() {
        let page = "Accueil > Actualités > Communiqués de presse\n\n\
            La Belgique rejoint le système européen d'alerte\n\n\
            Communiqué de presse du Centre pour la Cybersécurité Belgique (CCB) et du Premier \
            ministre – Bruxelles, le 9 octobre 2025\n\n\
            Le Conseil des ministres a approuvé ce jeudi l'adhésion de la Belgique au système \
            européen d'alerte en matière de cybersécurité.\n";
        assert_eq!(meta_of_text(page).1.as_deref(), Some("2025-10-09"));
    }

    #[test]
    fn a_dateline_under_the_headline_is_not_the_title() {
        let page = "NORDEFCO - Nordic Defence Cooperation\n\nNews / 2026\n\n\
            Joint Statement by the Nordic Ministers of Defence on Cyber and Hybrid Threats\n\n\
            Reykjavik, 4 November 2026\n\nPublished: 05.11.2026 | Updated: 06.11.2026\n\n\
            The Ministers of Defence of Denmark, Finland, Iceland, Norway and Sweden met in \
            Reykjavik on 4 November 2026. They adopted the following statement.\n";
        assert_eq!(
            meta_of_text(page),
            (
                Some(
                    "Joint Statement by the Nordic Ministers of Defence on Cyber and Hybrid Threats"
                        .to_string()
                ),
                Some("2026-11-05".to_string())
            )
        );
    }

    #[test]
    fn a_dateline_marked_up_as_a_time_element_beats_the_event_s_date() {
        let page = "<html><body><nav><time datetime='2020-01-01'>1 Jan</time></nav>\
            <h1>EU and Indonesia hold second Cyber Consultations</h1>\
            <div>Jakarta, <time datetime='2025-10-09T10:30:00+07:00'>09.10.2025</time> \
            Press and information team of the Delegation</div>\
            <p>On 8 October 2025, the European Union and Indonesia held their second \
            consultations.</p></body></html>";
        let doc =
            crate::document::Document::from_bytes("page.html", page.as_bytes()).expect("reads");
        assert_eq!(
            doc.published.map(|p| p.value).as_deref(),
            Some("2025-10-09T10:30")
        );
    }

    #[test]
    fn a_dateline_is_not_a_headline() {
        assert!(!headline("Reykjavik, 4 November 2026"));
        assert!(!headline("Bruxelles, le 3 mars 2026"));
        assert!(headline(
            "Joint Statement by the Nordic Ministers of Defence"
        ));
        assert!(headline("Cyber Dialogue, 2026 edition"));
    }

    #[test]
    fn a_field_the_page_prints_about_itself_is_not_its_title() {
        let page = "Federal Ministry of the Interior\n\nHome > Press > Press releases > 2026\n\n\
            Type: Press release\nDate: 2 July 2026\n\n\
            Federal Cabinet adopts Cyber Security Strategy for Germany 2026\n\n\
            Topics: IT and cyber security | Europe\n\n\
            The Federal Cabinet today adopted the new Cyber Security Strategy for Germany. It \
            replaces the strategy of 2021.\n";
        assert_eq!(
            meta_of_text(page),
            (
                Some("Federal Cabinet adopts Cyber Security Strategy for Germany 2026".into()),
                Some("2026-07-02".into())
            )
        );
    }

    #[test]
    fn the_headline_under_a_breadcrumb_beats_the_lines_of_a_speech_s_occasion() {
        let page = "Représentation permanente de la France auprès des Nations unies\r\n\
            France ONU\r\n\r\nAccueil > Prises de parole > Sécurité des TIC\r\n\r\n\
            Mécanisme mondial : « La France veut un mécanisme tourné vers l'action »\r\n\r\n\
            Intervention de M. Henri Verdier, ambassadeur pour le numérique\r\n\
            Première session plénière de fond du mécanisme mondial des Nations unies sur la sécurité des technologies de l'information et des communications\r\n\
            New York, le 10 mars 2026\r\n\r\n(Seul le prononcé fait foi)\r\n\r\n\
            Monsieur le Président,\r\n\r\nJe vous remercie et je vous félicite pour votre \
            élection à la présidence de ce mécanisme mondial.\r\n";
        assert_eq!(
            meta_of_text(page),
            (
                Some(
                    "Mécanisme mondial : « La France veut un mécanisme tourné vers l'action »"
                        .into()
                ),
                Some("2026-03-10".into())
            )
        );
        // Without a breadcrumb, a salutation and a note on the text are no headlines.
        let page = "Intervention de la France\n\nNew York, le 10 mars 2026\n\n\
            (Seul le prononcé fait foi)\n\nMonsieur le Président,\n\nJe vous remercie et je \
            vous félicite pour votre élection à la présidence de ce mécanisme.\n";
        assert_eq!(
            meta_of_text(page).0.as_deref(),
            Some("Intervention de la France")
        );
    }

    #[test]
    fn a_published_stamp_says_the_page_s_date_wherever_the_header_prints_it() {
        // Under the standfirst, and under a cookie banner that is not the article.
        let page = "Cookies on GOV.UK\nWe use some essential cookies to make this website work.\n\n\
            Home > Cyber security\n\nPress release\n\n\
            £185 million to protect councils from cyber attacks\n\n\
            Councils across England will get round-the-clock protection against ransomware, \
            announced today.\n\nPublished 18 June 2026\nLast updated 19 June 2026\n\n\
            The programme was announced today (Thursday 18 June) by the Minister.\n";
        assert_eq!(
            meta_of_text(page),
            (
                Some("£185 million to protect councils from cyber attacks".into()),
                Some("2026-06-18".into())
            )
        );
        // On one line with the updated stamp, over a body that opens with another date.
        let page = "# Déclaration conjointe franco-italienne\n\n\
            *Publié le 27/01/2026 à 17h45 — Mis à jour le 28/01/2026 à 09h10*\n\n\
            Le 26 janvier 2026, à Rome, les deux ministres ont signé une déclaration conjointe.\n";
        assert_eq!(meta_of_text(page).1.as_deref(), Some("2026-01-27"));
        // A date line that carries the updated stamp after the page's own date.
        let page = "Press conference by the Secretary General\n\n\
            14 Apr. 2026 - | Last updated: 15 Apr. 2026 09:20\n\n\
            Good afternoon. The Council has just met to discuss the wave of cyber activity.\n";
        assert_eq!(meta_of_text(page).1.as_deref(), Some("2026-04-14"));
        // "published in January 2022" in running text is no stamp.
        assert!(!PUBLISHED.is_match("The strategy, published in January 2022, committed"));
        assert!(PUBLISHED.is_match("Publié le : 19 mai 2026"));
    }

    #[test]
    fn urls() {
        assert_eq!(
            find_url("<https://x.eu/a?b=1>.").as_deref(),
            Some("https://x.eu/a?b=1")
        );
        assert_eq!(find_url("rien"), None);
    }

    #[test]
    fn meta_tag_dates() {
        assert_eq!(
            iso_page_date("2025-05-20T16:50:00+02:00")
                .map(|d| d.value)
                .as_deref(),
            Some("2025-05-20T16:50")
        );
        assert_eq!(
            iso_page_date("2025-05-20").map(|d| d.value).as_deref(),
            Some("2025-05-20")
        );
    }
}
