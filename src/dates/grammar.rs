//! The grammar: finds expressions over the tokens and resolves them.
//!
//! The scan walks the tokens once. Only a token that can carry a date (a number, a month
//! name, a unit such as "semaine"/"year", a word such as "aujourd'hui") starts a parse; the
//! parse reads a core forward ("15 et 16 décembre 2022", "Q3 2025", "l'année prochaine"),
//! then the words before it that say how the event relates to the date ("d'ici la fin de").

use std::cell::Cell;
// Looked up for most number and month tokens of every document: hashed with rustc-hash, not
// SipHash, whose resistance to crafted keys buys nothing for a fixed word list.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::lex::{self, FOLD_MAX, Kind, Lex, Tok, Unit};
use super::{DateExpr, Part, Precision, Relation};

const YEAR_MIN: i32 = 1900;
const YEAR_MAX: i32 = 2100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    Minute(NaiveDateTime),
    Day(NaiveDate),
    Week(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Year(i32),
}

impl Val {
    fn precision(self) -> Precision {
        match self {
            Val::Minute(_) => Precision::Minute,
            Val::Day(_) => Precision::Day,
            Val::Week(_) => Precision::Week,
            Val::Month(..) => Precision::Month,
            Val::Quarter(..) => Precision::Quarter,
            Val::Half(..) => Precision::Half,
            Val::Year(_) => Precision::Year,
        }
    }

    fn days(self) -> Option<(NaiveDate, NaiveDate)> {
        let ym = |y: i32, m: u32, months: u32| {
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let last = first.checked_add_months(Months::new(months))?.pred_opt()?;
            Some((first, last))
        };
        match self {
            Val::Minute(t) => Some((t.date(), t.date())),
            Val::Day(d) => Some((d, d)),
            Val::Week(d) => Some((d, d.checked_add_days(Days::new(6))?)),
            Val::Month(y, m) => ym(y, m, 1),
            Val::Quarter(y, q) => ym(y, q.checked_sub(1)? * 3 + 1, 3),
            Val::Half(y, h) => ym(y, h.checked_sub(1)? * 6 + 1, 6),
            Val::Year(y) => ym(y, 1, 12),
        }
    }

    fn iso(self) -> String {
        let mut s = String::with_capacity(16);
        let (y, m, d) = match self {
            Val::Minute(t) => (t.year(), t.month(), Some(t.day())),
            Val::Day(d) | Val::Week(d) => (d.year(), d.month(), Some(d.day())),
            Val::Month(y, m) => (y, m, None),
            Val::Quarter(y, q) => (y, q.saturating_sub(1) * 3 + 1, Some(1)),
            Val::Half(y, h) => (y, h.saturating_sub(1) * 6 + 1, Some(1)),
            Val::Year(y) => {
                padded(&mut s, i64::from(y), 4);
                return s;
            }
        };
        padded(&mut s, i64::from(y), 4);
        s.push('-');
        padded(&mut s, i64::from(m), 2);
        if let Some(d) = d {
            s.push('-');
            padded(&mut s, i64::from(d), 2);
        }
        if let Val::Minute(t) = self {
            s.push('T');
            padded(&mut s, i64::from(t.hour()), 2);
            s.push(':');
            padded(&mut s, i64::from(t.minute()), 2);
        }
        s
    }
}

/// `v` as `format!("{v:0width$}")` writes it; a date's figures need no formatting machinery.
fn padded(s: &mut String, v: i64, width: usize) {
    let digit = |d: u16| char::from(b'0' + (d % 10) as u8);
    match (width, u16::try_from(v)) {
        (2, Ok(v @ 0..=99)) => {
            s.push(digit(v / 10));
            s.push(digit(v));
        }
        (4, Ok(v @ 0..=9999)) => {
            s.push(digit(v / 1000));
            s.push(digit(v / 100));
            s.push(digit(v / 10));
            s.push(digit(v));
        }
        // A year before 0 or after 9999: only a wild page date gives one.
        _ => s.push_str(&format!("{v:0width$}")),
    }
}

/// What a core needs before it may stand as a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// A full or year-less date, a month with its year: a date on its own.
    Nothing,
    /// A bare year: a preposition, or a weak one ("de 2020") followed by a plain word.
    YearContext,
    /// A month, quarter or relative period without a modifier: a preposition or a part.
    Preposition,
    /// Already carries its own preposition ("dans trois ans").
    Closed,
}

#[derive(Debug, Clone, Copy)]
struct Core {
    start: usize,
    end: usize,
    val: Val,
    until: Option<NaiveDate>,
    relative: bool,
    need: Need,
    /// Takes "fin", "début", "mi-" before it.
    parts: bool,
    /// Takes "le", "les", "the" before it (days).
    det: bool,
    /// A month without a year, resolved forward for "d'ici juin".
    yearless_month: bool,
    /// Relation fixed by the core itself ("il y a trois ans").
    rel: Option<Relation>,
    /// Part named after the core ("year-end").
    part: Option<Part>,
    /// The season of a year-less season ("avant l'été"): its first and last month.
    season: Option<(u32, u32)>,
    /// A span counted forward from the anchor ("within six months").
    counted: bool,
}

impl Core {
    fn new(start: usize, end: usize, val: Val, need: Need) -> Core {
        Core {
            start,
            end,
            val,
            until: None,
            relative: false,
            need,
            parts: false,
            det: false,
            yearless_month: false,
            rel: None,
            part: None,
            season: None,
            counted: false,
        }
    }
}

/// A date as far as the text gives it: the sides of ranges are completed from each other.
#[derive(Debug, Clone, Copy, Default)]
struct Pt {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
    hm: Option<(u32, u32)>,
    start: usize,
    end: usize,
    /// The year came from the anchor ("mars prochain").
    rel: bool,
}

pub(super) struct Scan<'a> {
    text: &'a str,
    toks: &'a [Tok],
    anchor: Option<NaiveDate>,
    /// Where the last list of days read ("3, 4 et 5") ended.
    list_end: Cell<usize>,
    /// The last token whose key was asked, and its key: `finish` asks the key of the token
    /// before a core once for each table of phrases that may end there.
    last_key: Cell<Option<(usize, Option<u64>)>>,
}

type Pat = &'static [&'static str];

const DETS: &[Pat] = &[
    &["on", "the"],
    &["les"],
    &["le"],
    &["l", "'"],
    &["the"],
    &["on"],
];

const PARTS: &[(Pat, Part)] = &[
    (&["la", "fin", "de"], Part::End),
    (&["la", "fin", "d", "'"], Part::End),
    (&["la", "fin", "du"], Part::End),
    (&["fin", "de"], Part::End),
    (&["fin", "d", "'"], Part::End),
    (&["fin", "du"], Part::End),
    (&["fin", "-"], Part::End),
    (&["la", "fin"], Part::End),
    (&["fin"], Part::End),
    (&["the", "end", "of"], Part::End),
    (&["end", "of"], Part::End),
    (&["end", "-"], Part::End),
    (&["end"], Part::End),
    // "la fin du mois de juin 2025": the month is named after the unit, which is no date of
    // its own there (`unit_core`).
    (&["la", "fin", "du", "mois", "de"], Part::End),
    (&["la", "fin", "du", "mois", "d", "'"], Part::End),
    (&["fin", "du", "mois", "de"], Part::End),
    (&["fin", "du", "mois", "d", "'"], Part::End),
    (&["the", "end", "of", "the", "month", "of"], Part::End),
    (&["end", "of", "the", "month", "of"], Part::End),
    (&["late", "-"], Part::End),
    (&["late"], Part::End),
    (&["le", "debut", "du", "mois", "de"], Part::Start),
    (&["le", "debut", "du", "mois", "d", "'"], Part::Start),
    (&["debut", "du", "mois", "de"], Part::Start),
    (&["debut", "du", "mois", "d", "'"], Part::Start),
    (
        &["the", "beginning", "of", "the", "month", "of"],
        Part::Start,
    ),
    (&["le", "debut", "de"], Part::Start),
    (&["le", "debut", "d", "'"], Part::Start),
    (&["le", "debut", "du"], Part::Start),
    (&["debut", "de"], Part::Start),
    (&["debut", "d", "'"], Part::Start),
    (&["debut", "du"], Part::Start),
    (&["debut", "-"], Part::Start),
    (&["le", "debut"], Part::Start),
    (&["debut"], Part::Start),
    (&["the", "beginning", "of"], Part::Start),
    (&["beginning", "of"], Part::Start),
    (&["the", "start", "of"], Part::Start),
    (&["start", "of"], Part::Start),
    (&["early", "-"], Part::Start),
    (&["early"], Part::Start),
    (&["la", "mi", "-"], Part::Middle),
    (&["mi", "-"], Part::Middle),
    (&["le", "milieu", "de"], Part::Middle),
    (&["le", "milieu", "d", "'"], Part::Middle),
    (&["le", "milieu", "du"], Part::Middle),
    (&["the", "middle", "of"], Part::Middle),
    (&["middle", "of"], Part::Middle),
    (&["mid", "-"], Part::Middle),
    (&["mid"], Part::Middle),
];

/// Prepositions; the flag marks those that only open a range ("entre", "between").
const PREPS: &[(Pat, Relation, bool)] = &[
    (&["d", "'", "ici", "a"], Relation::By, false),
    (&["d", "'", "ici", "au"], Relation::By, false),
    (&["d", "'", "ici", "le"], Relation::By, false),
    (&["d", "'", "ici"], Relation::By, false),
    (&["au", "plus", "tard", "en"], Relation::By, false),
    (&["au", "plus", "tard", "le"], Relation::By, false),
    (&["au", "plus", "tard", "a"], Relation::By, false),
    (&["au", "plus", "tard"], Relation::By, false),
    (&["no", "later", "than"], Relation::By, false),
    (&["not", "later", "than"], Relation::By, false),
    (&["a", "l", "'", "horizon"], Relation::By, false),
    (&["by"], Relation::By, false),
    (&["within"], Relation::By, false),
    (&["avant", "le", "mois", "de"], Relation::Before, false),
    (&["avant", "le", "mois", "d", "'"], Relation::Before, false),
    (&["d", "'", "ici", "le", "mois", "de"], Relation::By, false),
    (
        &["d", "'", "ici", "le", "mois", "d", "'"],
        Relation::By,
        false,
    ),
    (&["au", "cours", "du", "mois", "de"], Relation::In, false),
    (
        &["au", "cours", "du", "mois", "d", "'"],
        Relation::In,
        false,
    ),
    (&["au", "mois", "de"], Relation::In, false),
    (&["au", "mois", "d", "'"], Relation::In, false),
    (&["des", "le", "mois", "de"], Relation::Since, false),
    (&["des", "le", "mois", "d", "'"], Relation::Since, false),
    (&["depuis", "le", "mois", "de"], Relation::Since, false),
    (&["depuis", "le", "mois", "d", "'"], Relation::Since, false),
    (&["a", "partir", "du", "mois", "de"], Relation::Since, false),
    (
        &["a", "partir", "du", "mois", "d", "'"],
        Relation::Since,
        false,
    ),
    (&["in", "the", "month", "of"], Relation::In, false),
    (&["by", "the", "month", "of"], Relation::By, false),
    (&["avant", "le"], Relation::Before, false),
    (&["avant"], Relation::Before, false),
    (&["before"], Relation::Before, false),
    (&["prior", "to"], Relation::Before, false),
    (&["ahead", "of"], Relation::Before, false),
    (&["depuis", "le"], Relation::Since, false),
    (&["depuis"], Relation::Since, false),
    (&["since"], Relation::Since, false),
    (&["a", "partir", "de"], Relation::Since, false),
    (&["a", "partir", "du"], Relation::Since, false),
    (&["a", "partir", "d", "'"], Relation::Since, false),
    (&["a", "compter", "de"], Relation::Since, false),
    (&["a", "compter", "du"], Relation::Since, false),
    (&["des", "le"], Relation::Since, false),
    (&["des"], Relation::Since, false),
    (&["as", "of"], Relation::Since, false),
    (&["as", "from"], Relation::Since, false),
    (&["starting", "in"], Relation::Since, false),
    (&["starting", "from"], Relation::Since, false),
    (&["from"], Relation::Since, false),
    (&["apres", "le"], Relation::After, false),
    (&["apres"], Relation::After, false),
    (&["after"], Relation::After, false),
    (&["au", "-", "dela", "de"], Relation::After, false),
    (&["au", "-", "dela", "du"], Relation::After, false),
    (&["beyond"], Relation::After, false),
    (&["jusqu", "'", "en"], Relation::Until, false),
    (&["jusqu", "'", "a"], Relation::Until, false),
    (&["jusqu", "'", "au"], Relation::Until, false),
    (&["up", "until"], Relation::Until, false),
    (&["until"], Relation::Until, false),
    (&["till"], Relation::Until, false),
    (&["through"], Relation::Until, false),
    (&["dans", "le", "courant", "de"], Relation::In, false),
    (&["dans", "le", "courant", "du"], Relation::In, false),
    (&["dans", "le", "courant", "d", "'"], Relation::In, false),
    (&["au", "cours", "de"], Relation::In, false),
    (&["au", "cours"], Relation::In, false),
    (&["dans", "le", "courant"], Relation::In, false),
    (&["au", "cours", "du"], Relation::In, false),
    (&["au", "cours", "d", "'"], Relation::In, false),
    (&["in", "the", "course", "of"], Relation::In, false),
    (&["plus", "tot", "dans"], Relation::In, false),
    (&["plus", "tard", "dans"], Relation::In, false),
    (&["plus", "tot"], Relation::In, false),
    (&["plus", "tard"], Relation::In, false),
    (&["earlier", "in"], Relation::In, false),
    (&["later", "in"], Relation::In, false),
    (&["earlier"], Relation::In, false),
    (&["later"], Relation::In, false),
    (&["courant"], Relation::In, false),
    (&["pendant"], Relation::In, false),
    (&["durant"], Relation::In, false),
    (&["during"], Relation::In, false),
    (&["dans"], Relation::In, false),
    (&["en"], Relation::In, false),
    (&["in"], Relation::In, false),
    (&["au"], Relation::In, false),
    (&["aux"], Relation::In, false),
    (&["a"], Relation::In, false),
    (&["at"], Relation::In, false),
    (&["entre", "le"], Relation::On, true),
    (&["entre"], Relation::On, true),
    (&["between", "the"], Relation::On, true),
    (&["between"], Relation::On, true),
    (&["du"], Relation::On, true),
    (&["de"], Relation::On, true),
];

/// Words that name a quantity: "2025 euros" is not a year.
const UNITS_AFTER: &[&str] = &[
    "euros",
    "euro",
    "eur",
    "dollars",
    "dollar",
    "usd",
    "livres",
    "pounds",
    "francs",
    "millions",
    "million",
    "milliards",
    "milliard",
    "billion",
    "billions",
    "trillion",
    "personnes",
    "people",
    "persons",
    "participants",
    "habitants",
    "inhabitants",
    "employes",
    "employees",
    "agents",
    "soldats",
    "soldiers",
    "troops",
    "hommes",
    "men",
    "femmes",
    "women",
    "enfants",
    "children",
    "membres",
    "members",
    "pays",
    "countries",
    "entreprises",
    "companies",
    "firms",
    "projets",
    "projects",
    "km",
    "kilometres",
    "kilometers",
    "kg",
    "tonnes",
    "tons",
    "mw",
    "gw",
    "kw",
    "heures",
    "hours",
    "jours",
    "days",
    "minutes",
    "fois",
    "times",
    "pages",
    "mots",
    "words",
    "exemplaires",
    "copies",
    "cas",
    "cases",
    "victimes",
    "victims",
    "attaques",
    "attacks",
    "incidents",
    "unites",
    "units",
    "dossiers",
    "fichiers",
    "files",
    "sites",
    "percent",
    "m",
    "k",
    "mds",
    "md",
    "bn",
    "eme",
    "e",
    "er",
    "ans",
    "annees",
    "years",
    "mois",
    "months",
    "semaines",
    "weeks",
    "siecles",
    "centuries",
];

/// A season before a year: "à l'automne 2025", "in spring 2026" (first and last month).
const SEASONS: &[(Pat, (u32, u32))] = &[
    (&["le", "printemps"], (3, 5)),
    (&["printemps"], (3, 5)),
    (&["l", "'", "ete"], (6, 8)),
    (&["en", "ete"], (6, 8)),
    (&["cet", "ete"], (6, 8)),
    (&["l", "'", "automne"], (9, 11)),
    (&["automne"], (9, 11)),
    (&["l", "'", "hiver"], (12, 2)),
    (&["hiver"], (12, 2)),
    (&["the", "spring", "of"], (3, 5)),
    (&["spring"], (3, 5)),
    (&["the", "summer", "of"], (6, 8)),
    (&["summer"], (6, 8)),
    (&["the", "autumn", "of"], (9, 11)),
    (&["autumn"], (9, 11)),
    (&["fall"], (9, 11)),
    (&["the", "winter", "of"], (12, 2)),
    (&["winter"], (12, 2)),
    // "la rentrée 2026": the start of the school and political year, in September.
    (&["la", "rentree"], (9, 9)),
    (&["rentree"], (9, 9)),
];

/// Nouns that name a year by its number: "l'année 2025", "le budget 2025", "the 2024 edition".
const YEAR_NOUNS: &[Pat] = &[
    &["l", "'", "annee"],
    &["annee"],
    &["the", "year"],
    &["year"],
    &["l", "'", "an"],
    &["exercice"],
    &["budget"],
    &["edition"],
    &["session"],
    &["campagne"],
    &["fiscal"],
];

/// Words that let a year through when what follows it reads as a date: "la stratégie de
/// 2020", "its 2030 targets", "the EU's 2020 Strategy".
const WEAK_BEFORE_YEAR: &[&str] = &[
    "de", "of", "for", "pour", "the", "du", "its", "their", "our", "his", "her", "sa", "son",
    "ses", "leur", "leurs", "notre", "nos", "votre",
];

/// A word or mark of the tables above as `Scan::key` gives it for a token.
fn pat_key(w: &str) -> Option<u64> {
    match *w.as_bytes() {
        [c] if !c.is_ascii_alphanumeric() => Some(PUNCT_KEY | u64::from(c)),
        _ => lex::folded_key(w),
    }
}

/// Marks a mark's key apart from any word's (`lex::key` uses 60 bits).
const PUNCT_KEY: u64 = 1 << 63;

/// Patterns by their last word, so that a phrase is looked for only where it can end.
struct ByLast(HashMap<u64, Vec<usize>>);

impl ByLast {
    fn new(pats: impl Iterator<Item = Pat>) -> ByLast {
        let mut map: HashMap<u64, Vec<usize>> = HashMap::default();
        for (k, pat) in pats.enumerate() {
            if let Some(last) = pat.last().and_then(|w| pat_key(w)) {
                map.entry(last).or_default().push(k);
            }
        }
        ByLast(map)
    }
}

static PREPS_IX: LazyLock<ByLast> = LazyLock::new(|| ByLast::new(PREPS.iter().map(|p| p.0)));
static PARTS_IX: LazyLock<ByLast> = LazyLock::new(|| ByLast::new(PARTS.iter().map(|p| p.0)));
static SEASONS_IX: LazyLock<ByLast> = LazyLock::new(|| ByLast::new(SEASONS.iter().map(|p| p.0)));
static DETS_IX: LazyLock<ByLast> = LazyLock::new(|| ByLast::new(DETS.iter().copied()));
static YEAR_NOUNS_IX: LazyLock<ByLast> = LazyLock::new(|| ByLast::new(YEAR_NOUNS.iter().copied()));

fn set(words: &[&'static str]) -> HashSet<u64> {
    words.iter().filter_map(|w| pat_key(w)).collect()
}

static UNITS_AFTER_SET: LazyLock<HashSet<u64>> = LazyLock::new(|| set(UNITS_AFTER));
static AFTER_WEAK_YEAR_SET: LazyLock<HashSet<u64>> = LazyLock::new(|| set(AFTER_WEAK_YEAR));

/// The words after a span of time that count it from an event: "within six months of",
/// "dans les trois mois suivant".
const COUNTED_FROM: [&str; 9] = [
    "of",
    "after",
    "following",
    "from",
    "suivant",
    "suivants",
    "suivante",
    "suivantes",
    "apres",
];

/// Capitalised at the start of a sentence, these are not names: "The 2023 summit".
const FUNCTION_WORDS: &[&str] = &[
    "the", "le", "la", "les", "l", "de", "du", "des", "of", "for", "pour", "in", "en", "since",
    "depuis", "by", "until", "a", "au", "aux", "et", "and", "ou", "or", "from", "to", "this",
    "that", "ce", "cette", "dans", "with", "avec", "sur", "on", "entre", "between",
];

/// Words that may follow a year introduced only by "de"/"of"/"pour": "la stratégie de 2020 et".
const AFTER_WEAK_YEAR: &[&str] = &[
    "et", "ou", "and", "or", "les", "le", "la", "l", "des", "du", "de", "d", "the", "a", "an",
    "au", "aux", "en", "in", "on", "of", "for", "pour", "par", "by", "with", "avec", "sur", "dans",
    "qui", "que", "qu", "which", "that", "to", "is", "was", "est", "sont", "ont", "has", "have",
    "had", "will", "would", "were", "are", "sera", "seront", "etait", "avait", "ne", "n", "afin",
    "also", "aussi", "ainsi", "puis", "then", "when", "lorsque", "quand", "ou", "where", "se", "s",
    "il", "elle", "ils", "elles", "nous", "we", "they", "it", "this", "ce", "cette", "as", "comme",
    "adopte", "adoptee", "adopted", "at", "from", "vers", "towards", "not", "pas",
];

/// Whether `w` is the mark `c`: a byte for the marks of ASCII the grammar asks for.
#[inline]
fn is_mark(c: char, w: &str) -> bool {
    match w.as_bytes() {
        &[b] => u32::from(b) == u32::from(c),
        _ => w.len() == c.len_utf8() && w.starts_with(c),
    }
}

fn fold_eq(s: &str, w: &str) -> bool {
    let mut buf = [0u8; FOLD_MAX];
    lex::fold(s, &mut buf) == Some(w.as_bytes())
}

impl<'a> Scan<'a> {
    pub(super) fn new(text: &'a str, toks: &'a [Tok], anchor: Option<NaiveDate>) -> Scan<'a> {
        Scan {
            text,
            toks,
            anchor,
            list_end: Cell::new(0),
            last_key: Cell::new(None),
        }
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn s(&self, i: usize) -> &str {
        self.tok(i)
            .and_then(|t| self.text.get(t.start()..t.end()))
            .unwrap_or("")
    }

    /// Whether token i is the mark or the folded word `w`. The grammar asks this of most
    /// tokens it looks at, and the answer is nearly always no: the kind and the length
    /// decide that inline, the letters are compared only when those agree.
    #[inline]
    fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| self.tok_is(t, w))
    }

    #[inline]
    fn tok_is(&self, t: &Tok, w: &str) -> bool {
        match t.kind {
            Kind::Punct => is_mark(t.punct, w),
            Kind::Word if usize::from(t.nchars) == w.len() => self.word_is(t, w),
            _ => false,
        }
    }

    fn word_is(&self, t: &Tok, w: &str) -> bool {
        let s = self.text.get(t.start()..t.end()).unwrap_or("");
        if t.ascii {
            s.eq_ignore_ascii_case(w)
        } else {
            fold_eq(s, w)
        }
    }

    /// `is` for each of `ws`, the token read once: its kind looked at once, and its letters
    /// compared only with the words of its length, most often none.
    #[inline]
    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            Kind::Word => {
                let n = usize::from(t.nchars);
                ws.iter().any(|w| w.len() == n) && ws.iter().any(|w| self.tok_is(t, w))
            }
            Kind::Punct => ws.iter().any(|w| is_mark(t.punct, w)),
            // Numbers are none of the words and marks asked for.
            _ => false,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Punct)
            .map(|t| t.punct)
    }

    fn lex(&self, i: usize) -> Option<Lex> {
        self.tok(i)?.lex
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.end() - t.start() > 9 {
            return None;
        }
        let v = self
            .s(i)
            .bytes()
            .fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
        Some((v, t.end() - t.start()))
    }

    /// No white space between token i-1 and token i.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space)
    }

    /// Token i continues an expression: no paragraph break before it.
    fn near(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.nl < 2)
    }

    fn same_line(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.nl == 0)
    }

    fn alnum(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind != Kind::Punct)
    }

    /// Nothing glued on the left of token i that makes it part of a code or a number.
    fn clean_left(&self, i: usize) -> bool {
        if i == 0 || !self.glued(i) {
            return true;
        }
        let p = i - 1;
        match self.punct(p) {
            None => false,
            Some('#' | '°' | '№' | '§' | '@' | '+' | '$' | '€' | '£' | '_' | '\\' | '=' | '&') => {
                false
            }
            Some('/' | '.' | ',' | '-' | ':') => !(p > 0 && self.glued(p) && self.alnum(p - 1)),
            Some(_) => true,
        }
    }

    /// Nothing glued on the right of token i (the last of an expression).
    fn clean_right(&self, i: usize) -> bool {
        let n = i + 1;
        if n >= self.toks.len() || !self.glued(n) {
            return true;
        }
        match self.punct(n) {
            None => false,
            Some('%' | '€' | '$' | '£' | '°' | '_' | '@' | '#' | '=' | '+' | '\\' | '&') => {
                false
            }
            Some('/' | '.' | ',' | '-' | ':') => !(self.glued(n + 1) && self.alnum(n + 1)),
            Some(_) => true,
        }
    }

    fn year_at(&self, i: usize) -> Option<i32> {
        self.year_loose(i).filter(|_| self.clean_right(i))
    }

    /// A year that may have a range mark glued after it ("2021-2027").
    fn year_loose(&self, i: usize) -> Option<i32> {
        let (v, n) = self.num(i)?;
        let y = i32::try_from(v).ok()?;
        (n == 4 && (YEAR_MIN..=YEAR_MAX).contains(&y)).then_some(y)
    }

    /// A day of the month: "15", "1er", "1st", "21st".
    fn day_at(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        let s = self.s(i);
        let (d, suffix) = match t.kind {
            Kind::Num => (self.num(i)?, ""),
            Kind::Mixed => {
                let k = s.find(|c: char| !c.is_ascii_digit())?;
                let n: u32 = s.get(..k)?.parse().ok()?;
                ((n, k), s.get(k..)?)
            }
            _ => return None,
        };
        let (v, digits) = d;
        if digits > 2 || !(1..=31).contains(&v) {
            return None;
        }
        if !suffix.is_empty() {
            let mut buf = [0u8; FOLD_MAX];
            let f = lex::fold(suffix, &mut buf)?;
            let ok = match f {
                b"er" | b"re" | b"ere" => v == 1,
                b"st" => v % 10 == 1 && v != 11,
                b"nd" => v % 10 == 2 && v != 12,
                b"rd" => v % 10 == 3 && v != 13,
                b"th" => !matches!(v % 10, 1..=3) || (11..=13).contains(&v),
                _ => false,
            };
            if !ok {
                return None;
            }
        }
        Some(v)
    }

    /// Ordinal of a quarter or half: "premier", "third", "3e", "2nd", "1er".
    fn ordinal_at(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Word => match self.lex(i)? {
                Lex::Ordinal(n) => Some(u32::from(n)),
                _ => None,
            },
            Kind::Mixed => {
                let s = self.s(i);
                let k = s.find(|c: char| !c.is_ascii_digit())?;
                let n: u32 = s.get(..k)?.parse().ok()?;
                let mut buf = [0u8; FOLD_MAX];
                let f = lex::fold(s.get(k..)?, &mut buf)?;
                matches!(
                    f,
                    b"er" | b"re" | b"ere" | b"e" | b"eme" | b"st" | b"nd" | b"rd" | b"th"
                )
                .then_some(n)
            }
            _ => None,
        }
    }

    /// A month name at i and the token after it (past a glued abbreviation dot).
    fn month_at(&self, i: usize) -> Option<(u32, Lex, usize)> {
        let lex = self.lex(i)?;
        let Lex::Month { m, full, .. } = lex else {
            return None;
        };
        let mut j = i + 1;
        // "Dec." is an abbreviation; "May. 2025" is how some sites print the full name; "juin."
        // ends a sentence.
        if self.punct(j) == Some('.')
            && self.glued(j)
            && (!full
                || self.near(j + 1) && matches!(self.tok(j + 1).map(|t| t.kind), Some(Kind::Num)))
        {
            j += 1;
        }
        Some((u32::from(m), lex, j))
    }

    /// Whether the month word at i reads as a month given what surrounds it.
    fn month_ok(&self, i: usize, lex: Lex, after_day: bool, before_year: bool) -> bool {
        let Lex::Month { full, amb, .. } = lex else {
            return false;
        };
        let t = match self.tok(i) {
            Some(t) => t,
            None => return false,
        };
        let dotted = !full && self.punct(i + 1) == Some('.') && self.glued(i + 1);
        // "they may 2025": a lower-case "may" or "march" is a month only after its day.
        if amb
            && !(t.cap(self.text)
                || t.upper(self.text)
                || dotted
                || after_day
                || before_year && !full)
        {
            return false;
        }
        if !(full || after_day || before_year || dotted) {
            return false;
        }
        // "sept" is also the French seven: only with its dot or a year.
        if amb && !full && fold_eq(self.s(i), "sept") && !(dotted || before_year || after_day) {
            return false;
        }
        true
    }

    fn time_at(&self, i: usize) -> Option<((u32, u32), usize)> {
        let mut j = i;
        let at = self.is_any(j, &["a", "at", "vers"]);
        if at || matches!(self.punct(j), Some(',' | '-' | '@')) {
            j += 1;
        }
        // The time of a date is on its line: "22 juin 2026" over "15:40" are two lines of a
        // page's header, which the reader keeps apart, as sentences.
        if !self.same_line(i) || !self.same_line(j) {
            return None;
        }
        let t = self.tok(j)?;
        let (h, m, mut end) = match t.kind {
            Kind::Num => {
                let (h, n) = self.num(j)?;
                if n > 2 {
                    return None;
                }
                if self.punct(j + 1) == Some(':') && self.glued(j + 1) && self.glued(j + 2) {
                    let (m, mn) = self.num(j + 2)?;
                    if mn != 2 {
                        return None;
                    }
                    let mut e = j + 3;
                    if self.punct(e) == Some(':')
                        && self.glued(e)
                        && self.num(e + 1).is_some_and(|(_, n)| n == 2)
                    {
                        e += 2;
                    }
                    (h, m, e)
                } else if self.is(j + 1, "h") || at && self.is_any(j + 1, &["heure", "heures"]) {
                    match self.num(j + 2) {
                        Some((m, 2)) => (h, m, j + 3),
                        _ => (h, 0, j + 2),
                    }
                } else if self.is_any(j + 1, &["am", "pm"]) {
                    let pm = self.is(j + 1, "pm");
                    (if pm && h < 12 { h + 12 } else { h }, 0, j + 2)
                } else {
                    return None;
                }
            }
            Kind::Mixed => {
                let s = self.s(j);
                let k = s.find(['h', 'H'])?;
                let h: u32 = s.get(..k)?.parse().ok()?;
                let rest = s.get(k + 1..)?;
                let m: u32 = if rest.is_empty() {
                    0
                } else if rest.len() == 2 {
                    rest.parse().ok()?
                } else {
                    return None;
                };
                (h, m, j + 1)
            }
            _ => return None,
        };
        if h > 23 || m > 59 {
            return None;
        }
        if self.is_any(end, &["am", "pm"]) && h <= 12 {
            let pm = self.is(end, "pm");
            end += 1;
            let h = if pm && h < 12 {
                h + 12
            } else if !pm && h == 12 {
                0
            } else {
                h
            };
            return Some(((h, m), end));
        }
        if !self.clean_right(end - 1) {
            return None;
        }
        Some(((h, m), end))
    }

    /// 17/05/2021, 17.05.2021, 2025-03-14, 2025-03-14T16:50.
    fn numeric(&self, i: usize, check_left: bool) -> Option<Pt> {
        if check_left && !self.clean_left(i) {
            return None;
        }
        let (a, an) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '.' | '-') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (b, bn) = self.num(i + 2)?;
        if self.punct(i + 3) != Some(sep) || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        if an == 4 && sep != '.' {
            let (c, hm, end) = match self.num(i + 4) {
                Some((c, cn)) if cn <= 2 => (c, None, i + 5),
                _ => {
                    // 2025-03-14T16:50
                    let s = self.s(i + 4);
                    let (d, h) = s.split_once(['T', 't'])?;
                    if d.len() != 2 || h.len() != 2 || self.punct(i + 5) != Some(':') {
                        return None;
                    }
                    let (mi, mn) = self.num(i + 6)?;
                    if mn != 2 {
                        return None;
                    }
                    let mut end = i + 7;
                    if self.punct(end) == Some(':')
                        && self.glued(end + 1)
                        && self
                            .s(end + 1)
                            .as_bytes()
                            .get(..2)
                            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
                    {
                        end += 2;
                    }
                    (d.parse().ok()?, Some((h.parse().ok()?, mi)), end)
                }
            };
            if bn > 2 || !self.clean_right(end - 1) {
                return None;
            }
            let y = i32::try_from(a).ok()?;
            if !(YEAR_MIN..=YEAR_MAX).contains(&y) {
                return None;
            }
            NaiveDate::from_ymd_opt(y, b, c)?;
            if let Some((h, m)) = hm
                && (h > 23 || m > 59)
            {
                return None;
            }
            return Some(Pt {
                y: Some(y),
                m: Some(b),
                d: Some(c),
                hm,
                start: i,
                end,
                rel: false,
            });
        }
        let (c, cn) = self.num(i + 4)?;
        if an > 2 || bn > 2 || cn != 4 || !self.clean_right(i + 4) {
            return None;
        }
        let y = i32::try_from(c).ok()?;
        if !(YEAR_MIN..=YEAR_MAX).contains(&y) {
            return None;
        }
        // Day first, as in Europe; month first only when the day cannot be a month.
        let (d, m) = if a <= 31 && b <= 12 {
            (a, b)
        } else if sep == '/' && a <= 12 && b <= 31 {
            (b, a)
        } else {
            return None;
        };
        NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Pt {
            y: Some(y),
            m: Some(m),
            d: Some(d),
            hm: None,
            start: i,
            end: i + 5,
            rel: false,
        })
    }

    /// "15 juillet 2024", "1er mars", "the 3rd of March 2025", "lundi 15 juillet".
    fn day_first(&self, i: usize, check_left: bool) -> Option<Pt> {
        if check_left && !self.clean_left(i) {
            return None;
        }
        let d = self.day_at(i)?;
        let mut j = i + 1;
        if self.is(j, "of") {
            j += 1;
        }
        if !self.near(j) {
            return None;
        }
        let (m, lex, after) = self.month_at(j)?;
        let mut k = after;
        if self.punct(k) == Some(',') && self.year_at(k + 1).is_some() {
            k += 1;
        }
        let y = self.year_at(k).filter(|_| self.near(k));
        if !self.month_ok(j, lex, true, y.is_some()) {
            return None;
        }
        let end = if y.is_some() { k + 1 } else { after };
        if y.is_none() && !self.clean_right(end - 1) && self.punct(end) != Some('.') {
            return None;
        }
        let start = self.weekday_before(i);
        Some(Pt {
            y,
            m: Some(m),
            d: Some(d),
            hm: None,
            start,
            end,
            rel: false,
        })
    }

    fn weekday_before(&self, i: usize) -> usize {
        let mut s = i;
        if s > 0 && self.is_any(s - 1, &["the"]) {
            return s;
        }
        if s > 1 && self.punct(s - 1) == Some(',') && matches!(self.lex(s - 2), Some(Lex::Weekday))
        {
            s -= 2;
        } else if s > 0 && matches!(self.lex(s - 1), Some(Lex::Weekday)) {
            s -= 1;
        }
        s
    }

    /// "March 3, 2025", "Dec. 8", "March 2025", and a month alone.
    fn month_first(&self, i: usize) -> Option<(Pt, bool)> {
        let (m, lex, after) = self.month_at(i)?;
        let Lex::Month { en, full, amb, .. } = lex else {
            return None;
        };
        // "le 32 mars 2025": a day that failed is not to be dropped for "mars 2025".
        if i > 0 && self.num(i - 1).is_some_and(|(_, n)| n <= 2) {
            return None;
        }
        let start = self.weekday_before(i);
        // "March 3, 2025" is English; "mars 3" is not French.
        let lower = self
            .tok(i)
            .is_some_and(|t| !t.cap(self.text) && !t.upper(self.text));
        if (en || !full)
            && !(amb && lower)
            && let Some(d) = self.day_at(after)
            && self.near(after)
            && self.num(after).is_none_or(|(_, n)| n <= 2)
            && !matches!(self.punct(after + 1), Some(':' | '/'))
            && self.month_at(after + 1).is_none()
            && !matches!(self.lex(after + 1), Some(Lex::Unit { .. }))
        {
            let mut k = after + 1;
            if self.punct(k) == Some(',') && self.year_at(k + 1).is_some() {
                k += 1;
            }
            let y = self.year_at(k).filter(|_| self.near(k));
            if self.month_ok(i, lex, true, y.is_some())
                && (y.is_some() || self.clean_right(after) || self.punct(after + 1) == Some('-'))
            {
                let end = if y.is_some() { k + 1 } else { after + 1 };
                return Some((
                    Pt {
                        y,
                        m: Some(m),
                        d: Some(d),
                        hm: None,
                        start,
                        end,
                        rel: false,
                    },
                    false,
                ));
            }
        }
        let mut k = after;
        if self.is_any(k, &["of"]) {
            k += 1;
        }
        if let Some(y) = self.year_at(k).filter(|_| self.near(k))
            && self.month_ok(i, lex, false, true)
        {
            return Some((
                Pt {
                    y: Some(y),
                    m: Some(m),
                    d: None,
                    hm: None,
                    start: i,
                    end: k + 1,
                    rel: false,
                },
                false,
            ));
        }
        if full && self.month_ok(i, lex, false, false) {
            let alone = Pt {
                m: Some(m),
                start: i,
                end: after,
                ..Pt::default()
            };
            // "mars prochain", "janvier dernier", "next March", "last March".
            let (shift, start, end) = if self.is(after, "prochain") {
                (1, i, after + 1)
            } else if self.is(after, "dernier") {
                (-1, i, after + 1)
            } else if i > 0 && self.is(i - 1, "next") {
                (1, i - 1, after)
            } else if i > 0 && self.is(i - 1, "last") {
                (-1, i - 1, after)
            } else {
                return Some((alone, true));
            };
            let a = self.anchor?;
            let y = match shift {
                1 if m > a.month() => a.year(),
                1 => a.year() + 1,
                _ if m < a.month() => a.year(),
                _ => a.year() - 1,
            };
            return Some((
                Pt {
                    y: Some(y),
                    m: Some(m),
                    start,
                    end,
                    rel: true,
                    ..Pt::default()
                },
                false,
            ));
        }
        None
    }

    /// One side of a range, or a date: numeric, day first, month first, bare day, bare year.
    fn side(&self, i: usize, bare_day: bool, right: bool) -> Option<Pt> {
        let t = self.tok(i)?;
        let left_ok = right || self.clean_left(i);
        match t.kind {
            Kind::Num | Kind::Mixed => {
                if let Some(p) = self.numeric(i, !right) {
                    return Some(p);
                }
                if let Some(p) = self.day_first(i, !right) {
                    return Some(p);
                }
                let year = if right {
                    self.year_at(i)
                } else {
                    self.year_loose(i)
                };
                if let Some(y) = year.filter(|_| left_ok) {
                    return Some(Pt {
                        y: Some(y),
                        start: i,
                        end: i + 1,
                        ..Pt::default()
                    });
                }
                // "10:00 - 16:00" is not a span of days.
                let time = self.punct(i + 1) == Some(':') && self.glued(i + 1);
                if bare_day && left_ok && !time {
                    let d = self.day_at(i)?;
                    let mut p = Pt {
                        d: Some(d),
                        start: i,
                        end: i + 1,
                        ..Pt::default()
                    };
                    // "June 3-5, 2025"
                    if right
                        && self.punct(i + 1) == Some(',')
                        && let Some(y) = self.year_at(i + 2)
                    {
                        p.y = Some(y);
                        p.end = i + 3;
                    }
                    return Some(p);
                }
                None
            }
            Kind::Word => self.month_first(i).map(|(p, _)| p),
            Kind::Punct => None,
        }
    }

    fn with_time(&self, mut p: Pt) -> Pt {
        if p.d.is_some()
            && p.hm.is_none()
            && let Some((hm, end)) = self.time_at(p.end)
        {
            p.hm = Some(hm);
            p.end = end;
        }
        p
    }

    fn year_of(&self, p: &Pt) -> Option<(i32, bool)> {
        match p.y {
            Some(y) => Some((y, false)),
            None => Some((self.anchor?.year(), true)),
        }
    }

    fn point_core(&self, p: Pt, yearless_month_alone: bool) -> Option<Core> {
        let (y, relative) = self.year_of(&p)?;
        let relative = relative || p.rel;
        let (val, need) = match (p.m, p.d) {
            (Some(m), Some(d)) => {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                match p.hm {
                    Some((h, mi)) => (
                        Val::Minute(date.and_time(NaiveTime::from_hms_opt(h, mi, 0)?)),
                        Need::Nothing,
                    ),
                    None => (Val::Day(date), Need::Nothing),
                }
            }
            (Some(m), None) => (
                Val::Month(y, m),
                if yearless_month_alone {
                    Need::Preposition
                } else {
                    Need::Nothing
                },
            ),
            (None, None) => (Val::Year(p.y?), Need::YearContext),
            (None, Some(_)) => return None,
        };
        let mut c = Core::new(p.start, p.end, val, need);
        c.relative = relative;
        c.det = p.d.is_some();
        c.parts = p.d.is_none();
        c.yearless_month = yearless_month_alone;
        Some(c)
    }

    /// Ranges: "15 et 16 décembre 2022", "20-21 May 2025", "du 3 au 5 juin",
    /// "20 May. 2025 - 21 May. 2025", "de mars à juin 2025", "2021-2027".
    /// `left` is what `side(i, true, false)` reads at i, with its time (`with_time`).
    fn range(&self, i: usize, mut left: Pt) -> Option<Core> {
        let mut k = left.end;
        // "les 3, 4 et 5 juin"; a month has no more than 31 days to list, and the bound keeps
        // "1, 1, 1, ..." linear.
        if left.m.is_none() && left.d.is_some() {
            // A later item of a list already read to its end would end the same way.
            if i < self.list_end.get() {
                return None;
            }
            while k < left.end + 62
                && self.punct(k) == Some(',')
                && self.day_at(k + 1).is_some()
                && self.month_at(k + 2).is_none()
            {
                k += 2;
            }
            self.list_end.set(k);
        }
        if !self.near(k) {
            return None;
        }
        let conn_and = self.is_any(k, &["et", "and"]) || self.punct(k) == Some('&');
        let conn = conn_and
            || self.punct(k) == Some('-')
            || self.is_any(k, &["au", "a", "to", "through", "till", "until"]);
        if !conn {
            return None;
        }
        let between = i > 0 && self.is_any(i - 1, &["entre", "between"])
            || i > 1
                && self.is_any(i - 2, &["entre", "between"])
                && self.is_any(i - 1, &["le", "the"]);
        if conn_and && !(between || left.d.is_some() && left.m.is_none()) {
            return None;
        }
        let mut r = k + 1;
        if self.is_any(r, &["le", "the"]) {
            r += 1;
        }
        if !self.near(r) {
            return None;
        }
        // A bare day after a full one: "June 3-5", "June 3 to 5"; not "5 novembre à 14 heures".
        let bare_right = left.d.is_some()
            && left.m.is_some()
            && (self.punct(k) == Some('-') || self.is_any(k, &["to", "through", "till", "until"]))
            && !self.is_any(r + 1, &["h", "heure", "heures", "hours", "am", "pm"]);
        let side = self.side(r, bare_right, true);
        let mut right = side.unwrap_or_default();
        // "2020-21"
        if side.is_none()
            && left.d.is_none()
            && left.m.is_none()
            && let Some(ly) = left.y
            && self.punct(k) == Some('-')
            && let Some((v, 2)) = self.num(r)
        {
            let y = ly - ly % 100 + i32::try_from(v).ok()?;
            if !self.clean_right(r) || !self.glued(k) || !self.glued(r) && y <= ly {
                return None;
            }
            // "2025-03": a month, as ISO writes it, where it cannot end a span of years.
            if y <= ly {
                let m = (1..=12).contains(&v).then_some(v)?;
                let mut c = Core::new(left.start, r + 1, Val::Month(ly, m), Need::Nothing);
                c.parts = true;
                return Some(c);
            }
            right = Pt {
                y: Some(y),
                start: r,
                end: r + 1,
                ..Pt::default()
            };
        } else if side.is_none() {
            return None;
        }
        right = self.with_time(right);
        // Both sides at the same grain; complete each from the other.
        if left.d.is_some() != right.d.is_some() {
            return None;
        }
        if left.d.is_none() && left.m.is_some() != right.m.is_some() {
            return None;
        }
        let mut inherited_year = false;
        if left.m.is_none() {
            left.m = right.m;
        }
        if right.m.is_none() {
            right.m = left.m;
        }
        if left.y.is_none() && right.y.is_some() {
            left.y = right.y;
            inherited_year = true;
        }
        if right.y.is_none() {
            right.y = left.y;
        }
        let mut relative = false;
        if left.y.is_none() {
            let y = self.anchor?.year();
            left.y = Some(y);
            right.y = Some(y);
            relative = true;
        }
        if inherited_year
            && let (Some(lm), Some(rm), Some(ly)) = (left.m, right.m, left.y)
            && lm > rm
        {
            left.y = Some(ly - 1);
        }
        let lval = self.point_core(left, false)?.val;
        let (_, until) = self.point_core(right, false)?.val.days()?;
        let (first, _) = lval.days()?;
        if until < first {
            return None;
        }
        if matches!(lval, Val::Year(_)) && !self.quantity_ok(right.end) {
            return None;
        }
        let mut c = Core::new(left.start, right.end, lval, Need::Nothing);
        c.until = Some(until);
        c.relative = relative;
        c.det = true;
        Some(c)
    }

    /// The year is not a count of something ("2025 euros").
    fn quantity_ok(&self, end: usize) -> bool {
        if !self.near(end) {
            return true;
        }
        // "de 2000 à 3000 personnes": a span of numbers that failed as a span of years.
        let to_number = (self.is_any(end, &["a", "to", "et", "and", "ou", "or"])
            || self.punct(end) == Some('-'))
            && self.num(end + 1).is_some_and(|(_, n)| n >= 3)
            && self.year_loose(end + 1).is_none();
        // "20 pour cent"; "en 2026 pour faire le point" is a year.
        let per_cent = self.is(end, "pour") && self.is_any(end + 1, &["cent", "mille"]);
        !(to_number
            || per_cent
            || self.in_set(end, &UNITS_AFTER_SET)
            || matches!(self.punct(end), Some('%' | '€' | '$' | '£')))
    }

    /// "Q3 2025", "H1 2026", "T3 2025", "S1 2026".
    fn period_code(&self, i: usize) -> Option<Core> {
        let t = self.tok(i)?;
        if t.kind != Kind::Mixed || !self.clean_left(i) {
            return None;
        }
        let s = self.s(i);
        let b = s.as_bytes();
        if b.len() != 2 || !b[1].is_ascii_digit() {
            return None;
        }
        let n = u32::from(b[1] - b'0');
        let half = match b[0] {
            b'Q' | b'T' => false,
            b'H' | b'S' => true,
            _ => return None,
        };
        let mut j = i + 1;
        if matches!(self.punct(j), Some('-' | '/')) {
            j += 1;
        }
        if self.is(j, "of") {
            j += 1;
        }
        // "by Q4" alone takes the anchor's year, and only after a preposition.
        let (y, end, need) = match self.year_at(j).filter(|_| self.near(j)) {
            Some(y) => (y, j + 1, Need::Nothing),
            None if self.clean_right(i) => (self.anchor?.year(), i + 1, Need::Preposition),
            None => return None,
        };
        let val = if half {
            (1..=2).contains(&n).then_some(Val::Half(y, n))?
        } else {
            (1..=4).contains(&n).then_some(Val::Quarter(y, n))?
        };
        let mut c = Core::new(i, end, val, need);
        c.parts = true;
        c.relative = need == Need::Preposition;
        Some(c)
    }

    /// A year given by a year or a relative phrase: "2026", "l'année prochaine", "this year".
    fn year_ref(&self, j: usize) -> Option<(i32, usize, bool)> {
        if let Some(y) = self.year_at(j) {
            return Some((y, j + 1, false));
        }
        for u in j..(j + 3).min(self.toks.len()) {
            if let Some(Lex::Unit {
                unit: Unit::Year,
                plural: false,
            }) = self.lex(u)
            {
                let c = self.unit_core(u, None)?;
                if c.start != j {
                    return None;
                }
                let Val::Year(y) = c.val else { return None };
                return Some((y, c.end, true));
            }
        }
        None
    }

    /// "cette semaine", "l'année prochaine", "next month", "le premier semestre 2026",
    /// "the third quarter of 2025", "la semaine" (needs a preposition).
    fn unit_core(&self, u: usize, min: Option<usize>) -> Option<Core> {
        let Some(Lex::Unit { unit, plural }) = self.lex(u) else {
            return None;
        };
        if plural || unit == Unit::Day {
            return None;
        }
        let min = min.unwrap_or(0);
        // "two exercises a year", "twice a month": how often, no date (folded, "a" is also
        // the French "à" that licenses "à la fin de l'année").
        if u > min && self.is(u - 1, "a") && self.is_any(u, &["year", "month", "week"]) {
            return None;
        }
        let mut start = u;
        let mut offset: Option<i32> = None;
        let mut ordinal = None;
        if start > min
            && matches!(unit, Unit::Quarter | Unit::Half)
            && let Some(n) = self.ordinal_at(start - 1)
        {
            ordinal = Some(n);
            start -= 1;
        } else if start > min
            && let Some(Lex::Modifier(o)) = self.lex(start - 1)
        {
            // "la prochaine semaine"/"la dernière semaine" are rare and ambiguous in French.
            if !self.is_any(
                start - 1,
                &[
                    "prochaine",
                    "prochain",
                    "derniere",
                    "dernier",
                    "passe",
                    "passee",
                ],
            ) {
                offset = Some(i32::from(o));
                start -= 1;
            }
        }
        if start > min && self.is_any(start - 1, &["le", "la", "the", "du"]) {
            start -= 1;
        } else if start > min + 1 && self.punct(start - 1) == Some('\'') && self.is(start - 2, "l")
        {
            start -= 2;
        }
        let mut end = u + 1;
        // Forward modifiers: "prochaine", "dernier", "-ci", "en cours", "à venir".
        if offset == Some(0) && self.punct(end) == Some('-') && self.is(end + 1, "ci") {
            end += 2;
        } else if offset.is_none() && ordinal.is_none() {
            if let Some(Lex::Modifier(o)) = self.lex(end)
                && self.is_any(
                    end,
                    &[
                        "prochain",
                        "prochaine",
                        "dernier",
                        "derniere",
                        "passe",
                        "passee",
                    ],
                )
            {
                offset = Some(i32::from(o));
                end += 1;
            } else if (self.punct(end) == Some('-') && self.is(end + 1, "ci"))
                || (self.is(end, "en") && self.is(end + 1, "cours"))
            {
                offset = Some(0);
                end += 2;
            } else if self.is(end, "a") && self.is(end + 1, "venir") {
                offset = Some(1);
                end += 2;
            }
        }
        // "year-end", "month-end"
        let mut tail_part = None;
        if self.punct(end) == Some('-') && self.is(end + 1, "end") && self.glued(end) {
            tail_part = Some(Part::End);
            end += 2;
        }
        if self.is(u, "an") && offset.is_none() {
            return None;
        }
        // "dans les mois à venir": "mois" is plural there, and names no one month.
        if self.is(u, "mois")
            && u > min
            && self.is_any(
                u - 1,
                &[
                    "les",
                    "des",
                    "ces",
                    "plusieurs",
                    "quelques",
                    "prochains",
                    "derniers",
                ],
            )
        {
            return None;
        }
        // "le mois de juin", "the month of June": the month that follows is the date.
        if unit == Unit::Month && offset.is_none() && tail_part.is_none() {
            let j = if self.is_any(end, &["de", "of"]) {
                end + 1
            } else if self.is(end, "d") && self.punct(end + 1) == Some('\'') {
                end + 2
            } else {
                end
            };
            if j > end && self.month_at(j).is_some() {
                return None;
            }
        }
        let anchor = self.anchor;
        let mut relative = true;
        let mut explicit_year = false;
        let val = match (unit, ordinal) {
            (Unit::Quarter | Unit::Half, Some(n)) => {
                let mut j = end;
                if self.is_any(j, &["de", "of", "du"]) {
                    j += 1;
                } else if self.is(j, "d") && self.punct(j + 1) == Some('\'') {
                    j += 2;
                }
                let year = match self.year_ref(j).filter(|_| self.near(j)) {
                    Some((y, e, rel)) => {
                        end = e;
                        relative = rel;
                        explicit_year = true;
                        y
                    }
                    None => anchor?.year(),
                };
                if !ordinal_fits(unit, n) {
                    return None;
                }
                if unit == Unit::Quarter {
                    Val::Quarter(year, n)
                } else {
                    Val::Half(year, n)
                }
            }
            (Unit::Quarter | Unit::Half, None) => {
                // "H1"-style halves have their own code; "half" alone is not a date.
                if unit == Unit::Half && offset.is_none() {
                    return None;
                }
                let a = anchor?;
                let o = offset.unwrap_or(0);
                let len: i32 = if unit == Unit::Quarter { 3 } else { 6 };
                let idx = a.year() * 12 + i32::try_from(a.month0()).ok()? / len * len + o * len;
                let (y, m0) = (idx.div_euclid(12), idx.rem_euclid(12));
                let n = u32::try_from(m0 / len + 1).ok()?;
                if unit == Unit::Quarter {
                    Val::Quarter(y, n)
                } else {
                    Val::Half(y, n)
                }
            }
            (Unit::Week, _) => {
                let a = anchor?;
                let days = i64::from(offset.unwrap_or(0)) * 7
                    - i64::from(a.weekday().num_days_from_monday());
                Val::Week(shift_days(a, days)?)
            }
            (Unit::Month, _) => {
                let a = anchor?;
                let idx = a.year() * 12 + i32::try_from(a.month0()).ok()? + offset.unwrap_or(0);
                Val::Month(
                    idx.div_euclid(12),
                    u32::try_from(idx.rem_euclid(12)).ok()? + 1,
                )
            }
            // "la fin de l'année 2027": the year printed after the noun, not this one.
            (Unit::Year, None) if offset.is_none() && self.year_ref(end).is_some() => {
                let (y, e, rel) = self.year_ref(end)?;
                end = e;
                relative = rel;
                explicit_year = true;
                Val::Year(y)
            }
            (Unit::Year, _) => Val::Year(anchor?.year().checked_add(offset.unwrap_or(0))?),
            (Unit::Day, _) => return None,
        };
        let need = if explicit_year || offset.is_some() {
            Need::Nothing
        } else {
            Need::Preposition
        };
        let mut c = Core::new(start, end, val, need);
        c.relative = relative;
        c.parts = tail_part.is_none();
        c.part = tail_part;
        Some(c)
    }

    /// "dans trois ans", "in two weeks", "d'ici six mois", "il y a deux ans", "two years ago".
    fn duration(&self, u: usize, min: usize) -> Option<Core> {
        let Some(Lex::Unit { unit, plural }) = self.lex(u) else {
            return None;
        };
        // The number before the unit; a preposition before that, but for "ago" after it:
        // "Ten years ago, ..." may open the text.
        if u < min + 1 {
            return None;
        }
        let n = match self.num(u - 1) {
            Some((v, d)) if d <= 3 => v,
            _ => match self.lex(u - 1) {
                Some(Lex::NumWord(v)) => u32::from(v),
                _ => return None,
            },
        };
        if (n == 1) == plural
            && !(n == 1 && unit == Unit::Year && self.is(u, "an"))
            && !self.is(u, "mois")
        {
            return None;
        }
        let a = self.anchor?;
        let mut end = u + 1;
        // "within 30 days of signature", "dans les trois mois suivant la signature de
        // l'accord", "within six months of this meeting": counted from what the page reports,
        // which is dated as the page.
        if let Some(after) = self.counted_from_the_page(end) {
            end = after;
        }
        // "dans les trois mois suivant la signature de leur engagement", "within six months
        // of its entry into force": counted from an event whose date the text does not give,
        // not from the document's. "dans les six mois à venir" counts from now.
        else if self.is_any(end, &COUNTED_FROM)
            || self.is_any(end, &["de", "du", "des"])
            || self.is(end, "a") && self.is_any(end + 1, &["compter", "partir"])
        {
            return None;
        }
        // "dans les six mois", "within the next six months": within, not in. "Over the next
        // three years" is how long something lasts, no date it is due by.
        let within_the = u >= min + 3
            && self.is_any(u - 2, &["les", "the", "next"])
            && self.is_any(u - 3, &["dans", "within", "in"])
            || u >= min + 4
                && self.is(u - 2, "next")
                && self.is(u - 3, "the")
                && self.is_any(u - 4, &["within", "in"]);
        // "dans un délai de six mois": within.
        let within_a_period = u >= min + 5
            && self.is(u - 2, "de")
            && self.is(u - 3, "delai")
            && self.is(u - 4, "un")
            && self.is(u - 5, "dans");
        let (start, sign, rel) = if within_the {
            let start = if self.is(u - 3, "the") { u - 4 } else { u - 3 };
            (start, 1i64, Relation::By)
        } else if within_a_period {
            (u - 5, 1i64, Relation::By)
        } else if u >= min + 2 && self.is_any(u - 2, &["dans", "in", "within", "sous"]) {
            let rel = if self.is_any(u - 2, &["within", "sous"]) {
                Relation::By
            } else {
                Relation::In
            };
            if self.is(end, "time") || (self.punct(end) == Some('\'') && self.is(end + 1, "time")) {
                end += if self.punct(end) == Some('\'') { 2 } else { 1 };
            }
            (u - 2, 1i64, rel)
        } else if u >= min + 4
            && self.is(u - 2, "ici")
            && self.punct(u - 3) == Some('\'')
            && self.is(u - 4, "d")
        {
            (u - 4, 1, Relation::By)
        } else if u >= min + 4 && self.is(u - 2, "a") && self.is(u - 3, "y") && self.is(u - 4, "il")
        {
            (u - 4, -1, Relation::On)
        } else if self.is(end, "ago") {
            end += 1;
            (u - 1, -1, Relation::On)
        } else {
            return None;
        };
        let n = i64::from(n) * sign;
        let val = match unit {
            Unit::Day => Val::Day(shift_days(a, n)?),
            Unit::Week => Val::Day(shift_days(a, n * 7)?),
            Unit::Month => {
                let idx = i64::from(a.year()) * 12 + i64::from(a.month0()) + n;
                Val::Month(
                    i32::try_from(idx.div_euclid(12)).ok()?,
                    u32::try_from(idx.rem_euclid(12)).ok()? + 1,
                )
            }
            Unit::Year => Val::Year(i32::try_from(i64::from(a.year()) + n).ok()?),
            Unit::Quarter | Unit::Half => return None,
        };
        let mut c = Core::new(start, end, val, Need::Closed);
        c.relative = true;
        c.rel = Some(rel);
        c.counted = sign > 0;
        // "d'ici six mois", "within a year": due that many months or years from the
        // document's date to the day, not at the end of the month or year it falls in.
        if rel == Relation::By && matches!(unit, Unit::Month | Unit::Year) {
            let months = if unit == Unit::Year { n * 12 } else { n };
            c.until = a.checked_add_months(Months::new(u32::try_from(months).ok()?));
        }
        Some(c)
    }

    /// Whether the month at token `t` follows "de" after a meeting's noun, with up to two
    /// words of its name between ("le Conseil Télécommunications de juin").
    fn of_a_meeting(&self, t: usize, min: usize) -> bool {
        t >= min + 2
            && self.is(t - 1, "de")
            && (2..=4).any(|back| {
                t >= min + back
                    && self.is_any(
                        t - back,
                        &[
                            "conseil",
                            "sommet",
                            "reunion",
                            "session",
                            "conference",
                            "forum",
                            "dialogue",
                            "exercice",
                        ],
                    )
            })
    }

    /// Where "of signature", "suivant la signature de l'accord" or "of this meeting" after a
    /// span of time ends, at token `t`: the signing of the agreement or the meeting the page
    /// announces, not each party's own signature ("suivant la signature de leur engagement")
    /// or a contract's.
    fn counted_from_the_page(&self, t: usize) -> Option<usize> {
        if !self.is_any(t, &COUNTED_FROM) {
            return None;
        }
        // "within six months of this meeting", "dans les six mois suivant cette réunion": the
        // meeting the page reports, dated as the page.
        if self.is_any(t + 1, &["this", "cette", "ce"])
            && self.is_any(
                t + 2,
                &[
                    "meeting",
                    "reunion",
                    "summit",
                    "sommet",
                    "session",
                    "conference",
                ],
            )
        {
            return Some(t + 3);
        }
        let noun = if self.is_any(t + 1, &["la", "the"]) {
            t + 2
        } else {
            t + 1
        };
        if !self.is_any(noun, &["signature", "signing"]) {
            return None;
        }
        let of_an_agreement = !self.is_any(noun + 1, &["de", "du", "des", "of", "by"])
            || (noun + 2..=noun + 4).any(|k| {
                self.is_any(
                    k,
                    &[
                        "accord",
                        "agreement",
                        "memorandum",
                        "mou",
                        "protocole",
                        "protocol",
                        "arrangement",
                        "lettre",
                        "letter",
                        "feuille",
                        "roadmap",
                        "convention",
                        "declaration",
                        "charte",
                        "charter",
                    ],
                )
            });
        of_an_agreement.then_some(noun + 1)
    }

    /// A season without its year: "avant l'été", "d'ici l'automne", "au printemps", "cet
    /// hiver", "l'été prochain", "by the summer", "this winter", "next spring". It is the
    /// next such season from the document's date ("cet": this year's; "dernier", "last": the
    /// one before). The word alone is no date: "a été" is a verb, "the summer school" a name.
    fn season_core(&self, t: usize, min: usize, from: u32, to: u32) -> Option<Core> {
        let a = self.anchor?;
        // With its year, the year's reading takes the season ("à l'automne 2026").
        if self.year_at(t + 1).is_some() || self.is(t + 1, "of") {
            return None;
        }
        let before = |k: usize| t >= min + k;
        let prep_at = |i: usize| {
            self.is_any(
                i,
                &[
                    "avant", "ici", "pendant", "durant", "des", "de", "a", "pour", "jusqu",
                    "apres", "depuis", "courant", "by", "before", "until", "during", "in", "over",
                    "through", "for", "after", "since",
                ],
            )
        };
        let mut dir = 0i8;
        let start = if before(3) && self.punct(t - 1) == Some('\'') && self.is(t - 2, "l") {
            // "l'été": an article, after a preposition.
            if !prep_at(t - 3) {
                return None;
            }
            t - 2
        } else if before(2) && self.is(t - 1, "la") && self.is(t, "rentree") {
            // "à la rentrée", "dès la rentrée": the only season with a feminine article.
            if !prep_at(t - 2) {
                return None;
            }
            t - 1
        } else if before(1)
            && (self.is(t - 1, "au") && self.is(t, "printemps")
                || self.is_any(t - 1, &["cet", "ce", "this"]))
        {
            t - 1
        } else if before(1) && self.is_any(t - 1, &["next", "last"]) {
            dir = if self.is(t - 1, "next") { 1 } else { -1 };
            t - 1
        } else if before(2) && self.is(t - 1, "the") && prep_at(t - 2) {
            t - 1
        } else if before(1) && self.is_any(t - 1, &["by", "before", "until"]) {
            t
        } else if before(2) && self.is(t - 1, "le") && prep_at(t - 2) && self.is(t, "printemps") {
            t - 1
        } else {
            return None;
        };
        let this = self.is_any(start, &["cet", "ce", "this"]);
        let mut end = t + 1;
        if self.is_any(end, &["prochain", "prochaine"]) {
            dir = 1;
            end += 1;
        } else if self.is_any(end, &["dernier", "derniere"]) {
            dir = -1;
            end += 1;
        }
        let bounds = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
            let first = NaiveDate::from_ymd_opt(y, from, 1)?;
            let (ly, lm) = if to < from { (y + 1, to) } else { (y, to) };
            let last = NaiveDate::from_ymd_opt(ly, lm, 1)?
                .checked_add_months(Months::new(1))?
                .pred_opt()?;
            Some((first, last))
        };
        let mut y = a.year();
        match dir {
            // This year's, or next year's once this year's is over.
            0 if !this && bounds(y)?.1 < a => y += 1,
            1 if bounds(y)?.0 <= a => y += 1,
            -1 if bounds(y)?.1 >= a => y -= 1,
            _ => {}
        }
        let mut c = Core::new(start, end, Val::Year(y), Need::Nothing);
        c.relative = true;
        c.season = Some((from, to));
        Some(c)
    }

    /// "aujourd'hui", "today", "hier", "demain", "avant-hier", "après-demain".
    fn relday(&self, i: usize, min: usize) -> Option<Core> {
        let Some(Lex::RelDay(o)) = self.lex(i) else {
            return None;
        };
        let a = self.anchor?;
        let mut end = i + 1;
        let mut start = i;
        let mut o = i64::from(o);
        if self.is(i, "aujourd") {
            if self.punct(end) != Some('\'') || !self.is(end + 1, "hui") {
                return None;
            }
            end += 2;
        }
        if start >= min + 2 && self.punct(start - 1) == Some('-') && self.glued(start) {
            if self.is(start - 2, "avant") && o == -1 {
                o = -2;
                start -= 2;
            } else if self.is(start - 2, "apres") && o == 1 {
                o = 2;
                start -= 2;
            }
        }
        // "le monde de demain", "l'Europe d'aujourd'hui", "the world of tomorrow".
        if start > min
            && (self.is_any(start - 1, &["de", "of", "du"])
                || self.punct(start - 1) == Some('\'')
                    && start > min + 1
                    && self.is(start - 2, "d"))
        {
            return None;
        }
        if self.punct(end) == Some('\'') && self.is(end + 1, "s") {
            return None;
        }
        let mut c = Core::new(start, end, Val::Day(shift_days(a, o)?), Need::Nothing);
        c.relative = true;
        Some(c)
    }

    /// Token i as the tables of words know it: a word folded ("Début" → `debut`), a mark.
    fn key(&self, i: usize) -> Option<u64> {
        if let Some((j, key)) = self.last_key.get()
            && j == i
        {
            return key;
        }
        let t = self.tok(i)?;
        let key = match t.kind {
            Kind::Punct if t.punct.is_ascii() => Some(PUNCT_KEY | t.punct as u64),
            Kind::Word if t.ascii => lex::key(self.s(i).as_bytes()),
            Kind::Word => lex::folded_key(self.s(i)),
            _ => None,
        };
        self.last_key.set(Some((i, key)));
        key
    }

    /// Whether the word at i, folded, is in `set`.
    fn in_set(&self, i: usize, set: &HashSet<u64>) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Word)
            && self.key(i).is_some_and(|k| set.contains(&k))
    }

    /// Where `pat` starts when it ends just before token `end`; its last word, which
    /// `ending_here` gave it for, is not compared again.
    fn match_back(&self, end: usize, min: usize, pat: &[&str]) -> Option<usize> {
        let s = end.checked_sub(pat.len())?;
        if s < min {
            return None;
        }
        for (k, w) in pat.iter().enumerate().rev().skip(1) {
            if !self.is(s + k, w) {
                return None;
            }
        }
        if (s + 1..=end).any(|k| !self.near(k)) {
            return None;
        }
        Some(s)
    }

    /// The longest of `pats` that ends just before token `end`, and its value.
    fn longest_back<T: Copy>(
        &self,
        pats: &[(Pat, T)],
        index: &'static ByLast,
        end: usize,
        min: usize,
    ) -> Option<(usize, T)> {
        self.ending_here(index, end)
            .iter()
            .filter_map(|&k| {
                let (pat, v) = pats.get(k)?;
                Some((self.match_back(end, min, pat)?, *v))
            })
            .min_by_key(|x| x.0)
    }

    /// The patterns of `index` whose last word is the token before `end`.
    fn ending_here(&self, index: &'static ByLast, end: usize) -> &'static [usize] {
        end.checked_sub(1)
            .and_then(|last| self.key(last))
            .and_then(|k| index.0.get(&k))
            .map_or(&[], Vec::as_slice)
    }

    /// Adds what comes before a core and decides whether it stands as a date.
    fn finish(&self, mut c: Core, min: usize) -> Option<Cand> {
        let core_start = c.start;
        let mut start = c.start;
        let mut part = c.part;
        let mut rel = c.rel;
        let mut licensed = part.is_some();
        let mut year_noun = false;
        let mut season = c.season;
        if c.need != Need::Closed {
            if matches!(c.val, Val::Year(_)) && c.until.is_none() {
                if let Some((s, months)) = self.longest_back(SEASONS, &SEASONS_IX, start, min) {
                    start = s;
                    season = Some(months);
                    licensed = true;
                    rel = Some(Relation::In);
                } else if let Some(s) = self
                    .ending_here(&YEAR_NOUNS_IX, start)
                    .iter()
                    .filter_map(|&k| self.match_back(start, min, YEAR_NOUNS.get(k)?))
                    .min()
                {
                    start = s;
                    year_noun = true;
                }
            }
            if c.det
                && let Some(s) = self
                    .ending_here(&DETS_IX, start)
                    .iter()
                    .filter_map(|&k| self.match_back(start, min, DETS.get(k)?))
                    .min()
            {
                start = s;
                rel = Some(Relation::On);
            }
            if c.parts
                && let Some((s, p)) = self.longest_back(PARTS, &PARTS_IX, start, min)
            {
                start = s;
                part = Some(p);
                licensed = true;
                rel = Some(Relation::In);
            }
            if let Some((s, r)) = self
                .ending_here(&PREPS_IX, start)
                .iter()
                .filter_map(|&k| PREPS.get(k))
                .filter(|(_, _, range_only)| !range_only || c.until.is_some())
                .filter_map(|(pat, r, _)| Some((self.match_back(start, min, pat)?, *r)))
                // "dès 2025" is a start; "des 20 et 21 mars" is only "of the".
                .filter(|(s, _)| !self.is(*s, "des") || self.s(*s).contains(['è', 'È']))
                .min_by_key(|x| x.0)
            {
                start = s;
                licensed = true;
                rel = Some(if c.until.is_some() && r == Relation::Since {
                    Relation::On
                } else {
                    r
                });
            }
        }
        // "lors du Conseil Télécommunications de juin", "le sommet de juin": a month that
        // names when a meeting is held.
        if !licensed && c.yearless_month && self.of_a_meeting(start, min) {
            licensed = true;
            rel = Some(Relation::On);
        }
        match c.need {
            Need::Nothing | Need::Closed => {}
            Need::Preposition => {
                if !licensed {
                    return None;
                }
            }
            Need::YearContext => {
                if !self.quantity_ok(c.end) {
                    return None;
                }
                // "en 2023 et 2024": the second year leans on the first.
                let listed = core_start == min + 1
                    && min > 0
                    && (self.is_any(min, &["et", "and", "ou", "or"])
                        || self.punct(min) == Some(','));
                if !licensed && !year_noun && !listed && !self.weak_year(core_start, c.end) {
                    return None;
                }
            }
        }
        if c.need == Need::YearContext
            || (c.until.is_some() && matches!(c.val, Val::Year(_)) && !c.relative)
        {
            // "NATO 2030", "Horizon 2020": a name, not a date. "à Rome d'ici un an" counts
            // from the document's date, and the place before it names nothing.
            if start == core_start && core_start > 0 && !self.glued(core_start) {
                let p = core_start - 1;
                if let Some(t) = self.tok(p)
                    && t.kind != Kind::Punct
                    && (t.cap(self.text) || t.upper(self.text) || t.kind == Kind::Mixed)
                    && !self.is_any(p, FUNCTION_WORDS)
                {
                    return None;
                }
            }
        }
        let mut relation = rel.unwrap_or(Relation::On);
        // "d'ici juin" written in December means next June.
        if c.yearless_month
            && matches!(relation, Relation::By | Relation::Before | Relation::Until)
            && let (Val::Month(y, m), Some(a)) = (c.val, self.anchor)
            && m < a.month()
        {
            c.val = Val::Month(y + 1, m);
        }
        let mut end = c.end;
        // "les 3 et 4 décembre derniers" read in May is last December.
        if c.relative
            && let Some(a) = self.anchor
            && self.is_any(end, PAST_NEXT)
            && matches!(c.val, Val::Day(_) | Val::Minute(_))
        {
            let o = if self.is_any(end, &PAST_NEXT[..4]) {
                -1
            } else {
                1
            };
            end += 1;
            if let Some((val, until)) = shift_year(c.val, c.until, a, o) {
                c.val = val;
                c.until = until;
            }
        }
        // "d'ici 2030 au plus tard", "by 2027 at the latest"
        for pat in [&["au", "plus", "tard"][..], &["at", "the", "latest"]] {
            if (0..pat.len()).all(|k| self.near(end + k) && self.is(end + k, pat[k])) {
                end += pat.len();
                relation = Relation::By;
                break;
            }
        }
        let (mut first, mut last) = c.val.days()?;
        if let Some(u) = c.until {
            last = u;
        }
        if let (Some((from, to)), Val::Year(y)) = (season, c.val) {
            // Meteorological seasons; winter runs into the next year.
            first = NaiveDate::from_ymd_opt(y, from, 1)?;
            let (ly, lm) = if to < from { (y + 1, to) } else { (y, to) };
            last = NaiveDate::from_ymd_opt(ly, lm, 1)?
                .checked_add_months(Months::new(1))?
                .pred_opt()?;
        }
        if let Some(p) = part {
            (first, last) = narrow(first, last, p);
        }
        let start_byte = self.tok(start)?.start();
        let end_byte = self.tok(end.checked_sub(1)?)?.end();
        Some(Cand {
            end,
            expr: DateExpr {
                text: self.text.get(start_byte..end_byte)?.to_string(),
                span: start_byte..end_byte,
                value: c.val.iso(),
                until: c.until,
                precision: c.val.precision(),
                first_day: first,
                last_day: last,
                relation,
                relative: c.relative,
                counted: c.counted,
                part,
            },
        })
    }

    /// A bare year with only "de"/"of"/"pour"/"the" before it: "la stratégie de 2020".
    fn weak_year(&self, i: usize, end: usize) -> bool {
        let weak = i > 0 && self.is_any(i - 1, WEAK_BEFORE_YEAR)
            || i > 1 && self.punct(i - 1) == Some('\'') && self.is(i - 2, "d")
            || i > 1 && self.is(i - 1, "s") && self.punct(i - 2) == Some('\'');
        if !weak {
            return false;
        }
        match self.tok(end) {
            None => true,
            Some(t) if t.nl > 0 => true,
            Some(t) => match t.kind {
                Kind::Punct => !matches!(t.punct, '%' | '€' | '$' | '£' | '-' | '/'),
                // A plural noun after it counts things: "de 2000 drones"; anything else may
                // follow a date: "la loi de 1978 relative à".
                Kind::Word => {
                    let s = self.s(end);
                    t.cap(self.text)
                        || self.in_set(end, &AFTER_WEAK_YEAR_SET)
                        || !(s.ends_with('s') || s.ends_with('x'))
                }
                _ => false,
            },
        }
    }

    /// Every candidate that starts a parse at token `t`, the longest kept.
    fn candidates(&self, t: usize, min: usize) -> Option<Cand> {
        let tok = self.tok(t)?;
        let mut cores: [Option<Core>; 4] = [None; 4];
        match tok.kind {
            Kind::Num | Kind::Mixed => {
                // Only a day (1 to 31) or a year starts a date; amounts and codes stop here.
                if let Some((v, n)) = self.num(t) {
                    let year = n == 4 && (YEAR_MIN..=YEAR_MAX).contains(&i32::try_from(v).ok()?);
                    if !(year || n <= 2 && (1..=31).contains(&v)) {
                        return None;
                    }
                }
                // The left side of a range is read once, with its time: a full date there
                // ("15 juillet 2024", "17/05/2021") is also the reading of the date alone,
                // which a bare day or year is not.
                let left = self.side(t, true, false).map(|p| self.with_time(p));
                cores[0] = left.and_then(|p| self.range(t, p));
                cores[1] = left
                    .filter(|p| p.m.is_some())
                    .and_then(|p| self.point_core(p, false));
                let part_glued = t > 1
                    && self.punct(t - 1) == Some('-')
                    && self.is_any(
                        t - 2,
                        &["mi", "mid", "end", "fin", "debut", "early", "late"],
                    );
                cores[2] = self
                    .year_at(t)
                    .filter(|_| part_glued || self.clean_left(t))
                    .map(|y| {
                        let mut c = Core::new(t, t + 1, Val::Year(y), Need::YearContext);
                        c.parts = true;
                        c
                    });
                cores[3] = self.period_code(t);
            }
            Kind::Word => match self.lex(t)? {
                Lex::Month { .. } => {
                    let first = self
                        .month_first(t)
                        .map(|(p, alone)| (self.with_time(p), alone));
                    cores[0] = first.and_then(|(p, _)| self.range(t, p));
                    cores[1] = first.and_then(|(p, alone)| self.point_core(p, alone));
                }
                Lex::Unit { .. } => {
                    cores[0] = self.unit_core(t, Some(min));
                    cores[1] = self.duration(t, min);
                }
                Lex::RelDay(_) => cores[0] = self.relday(t, min),
                Lex::Season { from, to } => {
                    cores[0] = self.season_core(t, min, u32::from(from), u32::from(to));
                }
                _ => {}
            },
            Kind::Punct => {}
        }
        // The longest reading that stands as a date (of two as long, the one starting
        // first, then the one found first): the readings are taken in that order until one
        // stands, rather than sorted, as the first nearly always does.
        for c in &mut cores {
            if c.is_some_and(|c| c.start < min) {
                *c = None;
            }
        }
        loop {
            let (k, c) = cores
                .iter()
                .enumerate()
                .filter_map(|(k, c)| Some((k, (*c)?)))
                .min_by_key(|(_, c)| (std::cmp::Reverse(c.end), c.start))?;
            if let Some(found) = self.finish(c, min) {
                return Some(found);
            }
            cores[k] = None;
        }
    }

    /// Whether the token at `i` lets a number before it or at it be a date: a month's name,
    /// a year, a quarter's or a half's code ("Q3", "H1"). Without one at or after a number,
    /// every reading of it in `candidates` fails: a day needs its month (or a year, across a
    /// range), a date in figures its year.
    fn anchors_numbers(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            Kind::Word => matches!(t.lex, Some(Lex::Month { .. })),
            Kind::Num => self.year_loose(i).is_some(),
            Kind::Mixed => {
                t.nchars == 2
                    && matches!(
                        self.s(i).as_bytes(),
                        [b'Q' | b'T' | b'H' | b'S', b'0'..=b'9']
                    )
            }
            Kind::Punct => false,
        }
    }

    /// Whether token t opens a URL: "http://", "https://", "www.".
    fn url_at(&self, t: usize) -> bool {
        // The mark after it turns nearly every word away before any comparison.
        match self.punct(t + 1) {
            Some(':') => {
                self.punct(t + 2) == Some('/') && self.is_any(t, &["http", "https", "ftp"])
            }
            Some('.') => self.is(t, "www"),
            _ => false,
        }
    }

    /// The expressions of the text, read at the tokens `marks` (`lex::Tokens::marks`): at
    /// any other token the reading would only step on.
    pub(super) fn run(&self, marks: &[u32]) -> Vec<DateExpr> {
        self.read(marks, true)
    }

    /// `run`, and whether the numbers past the last month, year or code are passed over
    /// (a test reads them all, to see that passing them over changes nothing).
    fn read(&self, marks: &[u32], pass_unanchored: bool) -> Vec<DateExpr> {
        let mut out = Vec::new();
        let mut min = 0;
        let mut t = 0;
        let n = self.toks.len();
        // A number or a code starts a date only with a month, a year or a quarter's code at
        // it or after it: "15 juillet 2024", "3 au 5 juin", "17/05/2021", "Q3". Past the last
        // of those, the numbers of a text ("version 3.5 du cadre (n° 421)") are passed over
        // rather than each read to no end by `candidates`.
        let last_anchoring = marks
            .iter()
            .rev()
            .filter_map(|&m| usize::try_from(m).ok())
            .find(|&m| self.anchors_numbers(m));
        for &mark in marks {
            let Ok(mark) = usize::try_from(mark) else {
                break;
            };
            // Tokens already read by an expression or a URL.
            if mark < t {
                continue;
            }
            t = mark;
            let Some(tok) = self.tok(t) else { break };
            if tok.kind == Kind::Word && self.url_at(t) {
                t += 1;
                while t < n
                    && !self.toks[t].space
                    && !matches!(self.toks[t].punct, ')' | ']' | '>' | '"' | '<' | '»')
                {
                    t += 1;
                }
                min = min.max(t);
                continue;
            }
            if pass_unanchored && tok.kind != Kind::Word && last_anchoring.is_none_or(|a| t > a) {
                t += 1;
                continue;
            }
            if tok.trigger(self.text)
                && let Some(c) = self.candidates(t, min)
            {
                out.push(c.expr);
                min = c.end;
                t = c.end.max(t + 1);
                continue;
            }
            t += 1;
        }
        out
    }
}

struct Cand {
    end: usize,
    expr: DateExpr,
}

/// A year has four quarters and two halves.
fn ordinal_fits(unit: Unit, n: u32) -> bool {
    let max = if unit == Unit::Quarter { 4 } else { 2 };
    (1..=max).contains(&n)
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

const PAST_NEXT: &[&str] = &[
    "dernier",
    "derniers",
    "derniere",
    "dernieres",
    "prochain",
    "prochains",
    "prochaine",
    "prochaines",
];

/// A year-less day moved to the year before ("dernier") or after ("prochain") the anchor's
/// when it falls on the wrong side of it.
fn shift_year(
    val: Val,
    until: Option<NaiveDate>,
    anchor: NaiveDate,
    dir: i8,
) -> Option<(Val, Option<NaiveDate>)> {
    let first = val.days()?.0;
    let wrong = if dir < 0 {
        first > anchor
    } else {
        first < anchor
    };
    if !wrong {
        return Some((val, until));
    }
    let by = i32::from(dir);
    let move_date = |d: NaiveDate| d.with_year(d.year() + by);
    let val = match val {
        Val::Day(d) => Val::Day(move_date(d)?),
        Val::Minute(t) => Val::Minute(move_date(t.date())?.and_time(t.time())),
        other => other,
    };
    let until = match until {
        Some(u) => Some(move_date(u)?),
        None => None,
    };
    Some((val, until))
}

/// The first, middle or last third of a period ("début 2026", "mi-mars", "fin 2025").
fn narrow(first: NaiveDate, last: NaiveDate, part: Part) -> (NaiveDate, NaiveDate) {
    // Whole months in a multiple of three (a year, a half, a quarter) split into months:
    // "early 2026" runs to 30 April, not to the 121st day.
    let months = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32 + 1;
    let whole_months = first.day() == 1 && last.succ_opt().is_some_and(|next| next.day() == 1);
    if whole_months && months >= 3 && months % 3 == 0 {
        let third = (months / 3) as u32;
        let month_start = |n: u32| first.checked_add_months(Months::new(n)).unwrap_or(first);
        let before = |n: u32| month_start(n).pred_opt().unwrap_or(first);
        return match part {
            Part::Start => (first, before(third)),
            // "by mid-2027" is due by the end of June, where the year turns: the middle
            // third is cut at the half of a period of whole halves.
            Part::Middle if months % 2 == 0 => (month_start(third), before(months as u32 / 2)),
            Part::Middle => (month_start(third), before(2 * third)),
            Part::End => (month_start(2 * third), last),
        };
    }
    let len = (last - first).num_days() + 1;
    let third = len / 3;
    let at = |n: i64| shift_days(first, n).unwrap_or(first);
    match part {
        Part::Start => (first, at(third - 1).max(first)),
        Part::Middle => (at(third), at(len - third - 1).max(at(third))),
        Part::End => (at(len - third).min(last), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Val::iso` as it was written with `format!`.
    fn iso_by_format(v: Val) -> String {
        match v {
            Val::Minute(t) => format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}",
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute()
            ),
            Val::Day(d) | Val::Week(d) => {
                format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
            }
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Quarter(y, q) => format!("{y:04}-{:02}-01", (q.saturating_sub(1)) * 3 + 1),
            Val::Half(y, h) => format!("{y:04}-{:02}-01", (h.saturating_sub(1)) * 6 + 1),
            Val::Year(y) => format!("{y:04}"),
        }
    }

    #[test]
    fn iso_text_is_what_format_writes() {
        for y in [
            -262_000, -10_000, -1, 0, 7, 99, 999, 1900, 2025, 9999, 10_000, 262_000,
        ] {
            let day = NaiveDate::from_ymd_opt(y, 12, 31).expect("a day");
            let minute = NaiveDate::from_ymd_opt(y, 1, 2)
                .and_then(|d| d.and_hms_opt(7, 5, 0))
                .expect("a minute");
            for v in [
                Val::Year(y),
                Val::Month(y, 1),
                Val::Month(y, 12),
                Val::Quarter(y, 1),
                Val::Quarter(y, 4),
                Val::Half(y, 2),
                Val::Day(day),
                Val::Week(day),
                Val::Minute(minute),
                Val::Minute(day.and_hms_opt(23, 59, 0).expect("a minute")),
            ] {
                assert_eq!(v.iso(), iso_by_format(v), "{v:?}");
            }
        }
        for v in [0, 5, 42, 99, 100, -1, -42, 12_345] {
            let mut s = String::new();
            padded(&mut s, v, 2);
            assert_eq!(s, format!("{v:02}"));
        }
    }

    /// Numbers past the last month, year or code of a text are passed over: reading them
    /// all finds the same, on texts of numbers, months, codes and the words around them.
    #[test]
    fn numbers_without_a_month_or_year_after_them_hold_no_date() {
        const PIECES: &[&str] = &[
            "1",
            "3",
            "5",
            "15",
            "31",
            "32",
            "2024",
            "2100",
            "1850",
            "421",
            "2020",
            "21",
            "mars",
            "juin",
            "May",
            "Dec.",
            "sept",
            "march",
            "et",
            "au",
            "à",
            "to",
            "and",
            "du",
            "le",
            "les",
            "en",
            "d'ici",
            "by",
            "of",
            "the",
            "entre",
            "-",
            "/",
            ".",
            ",",
            ":",
            "(",
            ")",
            "Q3",
            "H1",
            "T2",
            "S1",
            "q3",
            "1er",
            "3e",
            "14h30",
            "10:00",
            "h",
            "semaine",
            "ans",
            "year",
            "prochain",
            "version",
            "cadre",
            "n°",
            "fin",
            "mi",
            "early",
            "lundi",
            "%",
            "euros",
            "NATO",
            "15 juin 2024",
            "du 3 au 5",
            "17/05/2021",
            "2024-2025",
            "le 1er mars",
            "3 et 4",
            "2025-03-14",
            "juin 2026",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let anchor = NaiveDate::from_ymd_opt(2025, 5, 20);
        let mut tokens = lex::Tokens::new();
        let mut found = 0;
        for _ in 0..20_000 {
            let len = 1 + next() % 10;
            let mut text = String::new();
            for _ in 0..len {
                if next() % 4 != 0 {
                    text.push(' ');
                }
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            lex::tokenize(&text, &mut tokens);
            for anchor in [anchor, None] {
                let scan = Scan::new(&text, &tokens.toks, anchor);
                let passed = scan.read(&tokens.marks, true);
                let scan = Scan::new(&text, &tokens.toks, anchor);
                assert_eq!(passed, scan.read(&tokens.marks, false), "{text:?}");
                found += passed.len();
            }
        }
        // The texts hold dates enough for the comparison to tell something.
        assert!(found > 10_000, "{found}");
    }

    /// Every phrase that may go before a core.
    fn phrases() -> impl Iterator<Item = Pat> {
        PREPS
            .iter()
            .map(|p| p.0)
            .chain(PARTS.iter().map(|p| p.0))
            .chain(DETS.iter().copied())
            .chain(SEASONS.iter().map(|p| p.0))
            .chain(YEAR_NOUNS.iter().copied())
    }

    #[test]
    fn every_word_of_the_tables_has_a_key() {
        let words = phrases()
            .flatten()
            .chain(UNITS_AFTER)
            .chain(AFTER_WEAK_YEAR)
            .copied();
        for w in words {
            assert!(pat_key(w).is_some(), "{w:?}");
        }
        assert_ne!(pat_key("'"), pat_key("-"));
        assert_eq!(pat_key("debut"), lex::folded_key("Début"));
    }

    /// The tokens of `text` and their keys, compared with their plain folded text.
    #[test]
    fn token_keys_match_folded_text() {
        let text = "Début d’ici l'an FIN-2025 – mi-mars, The Year ÉTÉ été \
                    participants extraordinairement Straße 1er";
        let mut tokens = lex::Tokens::new();
        lex::tokenize(text, &mut tokens);
        let scan = Scan::new(text, &tokens.toks, None);
        for (i, t) in tokens.toks.iter().enumerate() {
            let s = scan.s(i);
            let mut buf = [0u8; FOLD_MAX];
            let plain = match t.kind {
                Kind::Punct if t.punct.is_ascii() => Some(t.punct.to_string()),
                Kind::Word => lex::fold(s, &mut buf)
                    .filter(|f| f.len() <= 12)
                    .map(|f| String::from_utf8_lossy(f).into_owned()),
                _ => None,
            };
            assert_eq!(scan.key(i), plain.as_deref().and_then(pat_key), "{s:?}");
        }
    }
}
