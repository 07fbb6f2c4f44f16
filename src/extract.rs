//! Commitment extraction: who commits to what, how firmly, by when.
//!
//! A sentence is a commitment when a trigger of the lexicon (`data/lexicon.toml`: verbs of
//! agreeing, committing, deciding, being determined, future tenses, ...) matches it and no
//! veto does. The committing party is the subject before the trigger; a pronoun or an
//! implicit subject takes the parties of the sentences before. A date after the trigger that
//! lies ahead of the document's date is the deadline; a date in a leading adverbial that lies
//! before it says when the commitment was made.

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::actors::{Mention, MentionKind, Registry};
use crate::config::{Config, Party};
use crate::dates::{DateExpr, Precision, Relation};
use crate::document::{Document, Lang};
use crate::fold::{Folded, FoldedRef, Hits, HitsOfEach, PatternSet, ascii_pattern};

mod json;

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

const LEXICON: &str = include_str!("../data/lexicon.toml");

#[derive(Debug, Deserialize)]
struct Lexicon {
    trigger: Vec<crate::config::TriggerSpec>,
    veto: Vec<crate::config::VetoSpec>,
    words: Words,
}

#[derive(Debug, Deserialize)]
struct Words {
    verbs: Vec<String>,
    pronouns: Vec<String>,
    declaratives: Vec<String>,
    forecasts: Vec<String>,
    evolutions: Vec<String>,
    assessments: Vec<String>,
}

#[derive(Debug, Clone)]
struct Trigger {
    rule: String,
    strength: Strength,
    party: Party,
    future: bool,
    lang: Option<Lang>,
    pattern: SetMember,
    not_after: Option<Regex>,
}

#[derive(Debug, Clone)]
struct Veto {
    reason: String,
    pattern: SetMember,
}

/// A trigger's or a veto's pattern, searched for on its own where the set says it may match.
#[derive(Debug, Clone)]
struct SetMember {
    /// The pattern as compiled: case-insensitive and folded (`compile`).
    pattern: String,
    /// Compiled the first time the set lets the pattern through: the set already proved
    /// that it compiles, and a run over a few documents meets only some patterns.
    regex: std::sync::OnceLock<regex_automata::meta::Regex>,
}

impl SetMember {
    fn new(pattern: String) -> SetMember {
        SetMember {
            pattern,
            regex: std::sync::OnceLock::new(),
        }
    }

    fn regex(&self) -> &regex_automata::meta::Regex {
        self.regex
            .get_or_init(|| crate::fold::regex_without_literals_or_nothing(&self.pattern))
    }
}

/// The lexicons and patterns, built in and extended by `pledge.toml`. Build once, use for
/// many documents: compiling the patterns is the expensive part.
#[derive(Debug, Clone)]
pub struct Rules {
    triggers: Vec<Trigger>,
    vetoes: Vec<Veto>,
    /// Every trigger, then every veto, in one automaton: one pass over a sentence says which
    /// of them may match it (`PatternSet::may_match`), where a pass per pattern would cost
    /// each its own search. Each one it lets through is searched for on its own.
    prefilter: PatternSet,
    /// The set's pattern for `MILESTONE_OPENING`: a sentence it does not match names no
    /// milestone.
    milestone_opening: regex_automata::PatternID,
    verbs: Pattern,
    pronouns: Pattern,
    declaratives: Pattern,
    /// A subject that a bare future forecasts about rather than commits ("le nombre
    /// d'attaques augmentera").
    forecasts: Pattern,
    /// A future of a trend, read from the trigger on ("va continuer de croître").
    evolutions: Pattern,
    /// What makes an evolution verb an action: an object after it ("will increase their").
    object: Pattern,
    /// A bare future that judges rather than plans ("sera essentielle").
    assessments: Pattern,
    /// "That is why", "c'est pourquoi": a connective whose "that"/"que" opens no relative.
    connective: Regex,
    /// A piece of a sentence starting with one of these is an adverbial or an incise, not the
    /// subject: the subject is further left.
    adverbial: Pattern,
    /// Searched for where the event is only: its ordinal is read off the match's first word,
    /// which spares the slow engine that resolves groups.
    milestone: Pattern,
    relative: Pattern,
    pub registry: Registry,
}

impl Default for Rules {
    fn default() -> Self {
        Rules::new(&Config::default()).expect("the built-in lexicon compiles")
    }
}

/// Case-insensitive, and folded to ASCII like the sentences it runs on (`crate::fold`): an
/// accent or a typographic apostrophe in a pattern matches with or without it.
fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&compiled_pattern(pattern))
}

/// A built-in pattern searched through once per sentence or clause: compiled without literal
/// extraction (`crate::fold::regex_without_literals`), which costs more at start-up than it
/// saves on sentences.
type Pattern = regex_automata::meta::Regex;

fn builtin_pattern(pattern: &str) -> crate::Result<Pattern> {
    crate::fold::regex_without_literals(&compiled_pattern(pattern)).ok_or_else(|| {
        crate::Error::input(
            "data/lexicon.toml",
            format!("pattern does not compile: {pattern}"),
        )
    })
}

fn compiled_pattern(pattern: &str) -> String {
    format!("(?i){}", ascii_pattern(pattern))
}

impl Rules {
    /// The built-in lexicon with the user's triggers, vetoes and actors from `config`, whose
    /// own entries come first. A pattern that does not compile is reported at its place in
    /// `pledge.toml`.
    pub fn new(config: &Config) -> crate::Result<Rules> {
        let lexicon: Lexicon = toml::from_str(LEXICON).map_err(|e| {
            crate::Error::input("data/lexicon.toml", format!("built-in lexicon: {e}"))
        })?;
        let builtin_error =
            |e: regex::Error| crate::Error::input("data/lexicon.toml", e.to_string());
        let trigger_specs = user_then_builtin(&config.trigger, &lexicon.trigger);
        let veto_specs = user_then_builtin(&config.veto, &lexicon.veto);
        // Every trigger, then every veto, in one set: when it compiles, each of its patterns
        // does on its own, and only the not_after patterns are compiled now. Last, what every
        // milestone opens with, which spares most sentences the search for one.
        let mut patterns: Vec<String> = trigger_specs
            .iter()
            .map(|(t, _)| &t.pattern)
            .chain(veto_specs.iter().map(|(v, _)| &v.pattern))
            .map(|p| compiled_pattern(p.get_ref()))
            .collect();
        patterns.push(compiled_pattern(MILESTONE_OPENING));
        let prefilter = PatternSet::may_match(&patterns);
        let mut diags = Vec::new();
        // The pattern compiled alone; `None` when it is the user's and does not compile, which
        // is then a diagnostic at its place in pledge.toml.
        let mut compile_at =
            |pattern: &toml::Spanned<String>, from_user: bool| match compile(pattern.get_ref()) {
                Ok(regex) => Ok(Some(regex)),
                Err(e) if from_user => {
                    diags.push(
                        config.diagnostic(pattern.span(), format!("pattern does not compile: {e}")),
                    );
                    Ok(None)
                }
                Err(e) => Err(builtin_error(e)),
            };
        let mut triggers = Vec::new();
        // Each trigger's pattern, then each veto's: zip takes a trigger spec first and stops
        // when they run out, before taking a pattern.
        let mut patterns = patterns.into_iter();
        for ((spec, from_user), pattern) in trigger_specs.into_iter().zip(patterns.by_ref()) {
            // Only when the set failed: its error does not say which pattern is to blame.
            if prefilter.is_err() && compile_at(&spec.pattern, from_user)?.is_none() {
                continue;
            }
            let not_after = match &spec.not_after {
                None => None,
                Some(p) => match compile_at(p, from_user)? {
                    Some(regex) => Some(regex),
                    None => continue,
                },
            };
            let lang = match spec.lang.as_deref() {
                Some("fr") => Some(Lang::Fr),
                Some("en") => Some(Lang::En),
                _ => None,
            };
            triggers.push(Trigger {
                rule: spec.rule.clone(),
                strength: spec.strength,
                party: spec.party,
                future: spec.future,
                lang,
                pattern: SetMember::new(pattern),
                not_after,
            });
        }
        let mut vetoes = Vec::new();
        for ((spec, from_user), pattern) in veto_specs.into_iter().zip(patterns) {
            if prefilter.is_err() && compile_at(&spec.pattern, from_user)?.is_none() {
                continue;
            }
            vetoes.push(Veto {
                reason: spec.reason.clone(),
                pattern: SetMember::new(pattern),
            });
        }
        if !diags.is_empty() {
            return Err(crate::Error::Invalid(diags));
        }
        // Each pattern compiles alone but not all together: too big a set, which no one
        // place of pledge.toml is to blame for.
        let prefilter = prefilter.map_err(|e| {
            let source = if config.trigger.is_empty() && config.veto.is_empty() {
                "data/lexicon.toml"
            } else {
                "pledge.toml"
            };
            crate::Error::input(source, format!("the triggers and vetoes together: {e}"))
        })?;
        // The set's last pattern.
        let milestone_opening = regex_automata::PatternID::new(prefilter.pattern_len() - 1)
            .map_err(|e| crate::Error::input("data/lexicon.toml", e.to_string()))?;
        let join = |list: &[String]| builtin_pattern(&list.join("|"));
        Ok(Rules {
            prefilter,
            milestone_opening,
            triggers,
            vetoes,
            verbs: join(&lexicon.words.verbs)?,
            pronouns: join(&lexicon.words.pronouns)?,
            declaratives: join(&lexicon.words.declaratives)?,
            forecasts: join(&lexicon.words.forecasts)?,
            evolutions: join(&lexicon.words.evolutions)?,
            object: builtin_pattern(OBJECT)?,
            assessments: join(&lexicon.words.assessments)?,
            connective: compile(CONNECTIVE).map_err(builtin_error)?,
            adverbial: builtin_pattern(ADVERBIAL)?,
            milestone: builtin_pattern(MILESTONE)?,
            relative: builtin_pattern(RELATIVE)?,
            registry: Registry::new(&config.actor),
        })
    }
}

/// The user's entries, which come first, then the built-in ones, each marked whether it is
/// the user's (to be reported at its place in pledge.toml when it does not compile).
fn user_then_builtin<'a, T>(user: &'a [T], builtin: &'a [T]) -> Vec<(&'a T, bool)> {
    user.iter()
        .map(|entry| (entry, true))
        .chain(builtin.iter().map(|entry| (entry, false)))
        .collect()
}

/// Folded, like the text they are looked for in.
const EVENT_NOUNS: [&str; 35] = [
    "dialogue",
    "reunion",
    "sommet",
    "conference",
    "consultations",
    "session",
    "rencontre",
    "meeting",
    "summit",
    "conference",
    "talks",
    "round",
    "exercice",
    "exercise",
    "atelier",
    "workshop",
    "seminaire",
    "seminar",
    // The councils two parties hold together, as opposed to an institution ("le Conseil a
    // décidé"): named by what they join.
    "partnership council",
    "conseil de partenariat",
    "technology council",
    "conseil du commerce et des technologies",
    "joint council",
    "conseil conjoint",
    "association council",
    "conseil d'association",
    "cooperation council",
    "conseil de cooperation",
    "ministerial council",
    // The bodies two parties set up to follow their work: "un comité de suivi se réunira".
    "comite de suivi",
    "comite de pilotage",
    "comite mixte",
    "steering committee",
    "joint committee",
    "follow-up committee",
];

/// All the event nouns in one automaton, anywhere in a word ("dialogues", "cyberdialogue"):
/// one pass over a subject rather than a search per noun.
static EVENT_NOUN_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| words_finder(&EVENT_NOUNS));

/// Every connective of `CONNECTIVE` holds "why" or "pour", in any case: "pour" stands for
/// "pourquoi", "pour cela que" and "pour laquelle". Most pieces of a sentence have neither,
/// and are not searched for a connective. A byte scan: an automaton's set-up cost more than
/// reading the few dozen bytes of a piece.
fn may_connect(piece: &str) -> bool {
    let bytes = piece.as_bytes();
    let word_at = |i: usize, rest: &[u8]| {
        bytes
            .get(i + 1..i + 1 + rest.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    };
    memchr::memchr2_iter(b'w', b'W', bytes).any(|i| word_at(i, b"hy"))
        || memchr::memchr2_iter(b'p', b'P', bytes).any(|i| word_at(i, b"our"))
}

/// A council is a meeting only where an ordinal or "next" makes it one (`MILESTONE`).
static COUNCIL_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| words_finder(&["council", "conseil"]));

/// One automaton for a few short words, anywhere and in any case.
fn words_finder(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("a few short words make a small automaton")
}

/// Adjectives that make a thing everyone's: "un atelier conjoint sera organisé", "a joint
/// action plan will be adopted" bind all the parties of the document, not the last named.
const JOINT_WORDS: [&str; 11] = [
    "conjoint",
    "conjointe",
    "conjoints",
    "conjointes",
    "commun",
    "commune",
    "communs",
    "communes",
    "joint",
    "common",
    "mutual",
];

/// Words that open an adverbial phrase or an incise rather than a subject.
/// Whole words: "Allies", "India" or "ENISA" open a subject, not "à", "in" or "en". A past
/// participle opens an apposition ("Le C-PROC, basé à Bucarest, publiera").
const ADVERBIAL: &str = r"^\s*[«»“”]?\s*(?:(?:dans|en|entre|avec|par|pour|selon|lors|au|aux|à|après|avant|depuis|dès|suite|conformément|afin|sur|sous|tels?|telles?|notamment|qui|que|dont|où|lorsque|quand|lequel|laquelle|lesquels|lesquelles|visant|y\s+compris|ainsi|également|enfin|outre|cependant|toutefois|de\s+plus|par\s+ailleurs|plus\s+tôt|plus\s+tard|aujourd'hui|actuellement|parallèlement|ensuite|désormais|puis|in|with|through|within|as|after|before|since|following|during|under|over|on|at|for|by|including|such|which|who|whom|whose|where|when|while|whereas|notably|also|together|moreover|furthermore|however|additionally|finally|meanwhile|earlier|later|today|\w+ant|\w+ing|(?:basé|situé|installé|hébergé|établi|créé|placé|présidé|dirigé|composé|chargé|rattaché)e?s?|based|located|hosted|headquartered|established|created|chaired|led|composed|tasked)\b|(?:le|les)\s+\d|\d)";

/// An event the commitment is about: "4e dialogue UE-Ukraine sur le cyberespace", "the next
/// Cyber Dialogue".
const MILESTONE: &str = r"\b(?:(?P<num>\d{1,3})\s*(?:e|ème|eme|er|re|th|st|nd|rd)|(?P<word>premi[eè]re?|deuxième|second|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|douzième|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)|(?P<next>prochaine?|next|upcoming))\s+(?:[\w-]+\s+){0,3}?(?P<event>dialogue|réunion|conférence|sommet|session|cycle|édition|consultations?|forum|conseil|meeting|summit|conference|round|edition|council|cyber\s+dialogue)\b[^,;.]*";

/// What every `MILESTONE` opens with, and more: without the word boundary, so that it
/// matches wherever the milestone does, in a whole sentence or from any place in it.
const MILESTONE_OPENING: &str = r"\d\s*(?:e|ème|eme|er|re|th|st|nd|rd)\s|premi[eè]re?|deuxième|second|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|douzième|first|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|prochaine?|next|upcoming";

/// A determiner or a number after a verb: its object follows.
const OBJECT: &str = r"^\s+(?:le|la|les|l'|leur|leurs|son|sa|ses|notre|nos|votre|vos|ce|cet|cette|ces|un|une|des|du|their|its|our|your|his|her|the|a|an|this|these|those|\d)\b";

/// A connective whose "that", "which" or "que" opens a main clause, not a relative one:
/// "That is why Allies will invest", "c'est pourquoi", "c'est pour cela que l'UE renforcera".
const CONNECTIVE: &str = r"\b(?P<connective>(?:that|this|which)\s+is\s+why|(?:that|this)'s\s+why|c'est\s+pour\s+(?:cela|ça|cette\s+raison)\s+que|c'est\s+la\s+raison\s+pour\s+laquelle|c'est\s+pourquoi|voilà\s+pourquoi)\b[^,;]*$";

/// Words that open a relative clause: a future tense after them describes, it does not
/// commit ("les objectifs que les pays devront atteindre"). A relative clause ends at a
/// comma, a colon or a quotation mark: "« un partenaire qui a fait le choix de la durée » et
/// a ajouté : « Estonia will keep sharing »" commits after it.
const RELATIVE: &str = r#"\b(?:qui|que|qu'|dont|lesquels|lesquelles|laquelle|lequel|which|that|who|whom|whose|where)\b[^,;:"]*$"#;

/// Ordinal words as folding writes them (no accents), for the first word of a milestone.
const ORDINAL_WORDS: [(&str, u32); 23] = [
    ("premier", 1),
    ("premiere", 1),
    ("first", 1),
    ("deuxieme", 2),
    ("second", 2),
    ("troisieme", 3),
    ("third", 3),
    ("quatrieme", 4),
    ("fourth", 4),
    ("cinquieme", 5),
    ("fifth", 5),
    ("sixieme", 6),
    ("sixth", 6),
    ("septieme", 7),
    ("seventh", 7),
    ("huitieme", 8),
    ("eighth", 8),
    ("neuvieme", 9),
    ("ninth", 9),
    ("dixieme", 10),
    ("tenth", 10),
    ("onzieme", 11),
    ("twelfth", 12),
];

/// Who the subject of a clause is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Subject {
    /// Named parties.
    Named(Vec<String>),
    /// A pronoun or a phrase standing for parties named before ("ils", "les deux parties").
    /// `both`: a phrase that says there are two or more ("les deux parties", "both sides").
    Pronoun { first_person: bool, both: bool },
    /// A noun that is no party ("les efforts de soutien"), or nothing at all: the parties
    /// are those of the sentences before.
    Implicit { demonstrative: bool, event: bool },
}

/// What one sentence says about who acts, kept for the sentences after it.
#[derive(Debug, Clone, Default)]
struct Context {
    parties: Vec<String>,
    /// The sentence and the range of its text before its subject, where a leading adverbial
    /// may say when ("En 2023, les Alliés ..."): read only for the demonstrative subject
    /// that needs it ("Ce dialogue ...").
    adverbial: Option<(usize, std::ops::Range<usize>)>,
}

impl Context {
    /// The date of the leading adverbial of the sentence this context comes from.
    fn made(&self, dates: &SentenceDates<'_>) -> Option<String> {
        let (index, range) = self.adverbial.clone()?;
        dates.within(index, range).last().map(|d| d.value.clone())
    }
}

struct Candidate<'r> {
    trigger: &'r Trigger,
    start: usize,
    end: usize,
    /// Where the trigger's own sentence starts (`own_sentence_start`): past the first
    /// sentences of a quotation kept whole.
    sentence_start: usize,
}

pub fn extract(doc: &Document, rules: &Rules) -> Extraction {
    let page = Page::new(doc, rules);
    let headings = Headings::new(doc, &page.doc_folded);
    let mut found = Found {
        actors: vec![None; doc.sentences.len()],
        used_ids: UsedIds::default(),
        lead_in: None,
        authors: doc.title.as_deref().and_then(|t| title_voice(t, rules)),
        out: Extraction::default(),
    };
    // Which triggers and vetoes match each sentence, found for all of them together
    // (`PatternSet::matches_each`), and set for each in turn.
    let texts: Vec<&str> = doc
        .sentences
        .iter()
        .map(|sentence| page.doc_folded.slice(sentence.span.clone()).text)
        .collect();
    let mut each = HitsOfEach::default();
    rules.prefilter.matches_each(&texts, &mut each);
    let mut hits = rules.prefilter.hits();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        page.sentence(&mut found, &headings, (index, sentence), &each, &mut hits);
    }
    close_list(&mut found.out, found.lead_in.take());
    found.out
}

/// A document being read, and what is worked out once for all its sentences.
struct Page<'d> {
    doc: &'d Document,
    rules: &'d Rules,
    /// Folded once for the whole text: sentences, and the ones before them that pronouns
    /// look back to, are read as slices of it.
    doc_folded: Folded,
    doc_parties: Vec<String>,
    doc_date: Option<NaiveDate>,
    doc_made: Option<String>,
    dates: SentenceDates<'d>,
    /// The page is what an official of an organisation says ("Point de presse du secrétaire
    /// général de l'OTAN", "Remarks by the Secretary General"): its "we" is the
    /// organisation's, not its members'.
    official_speaks: bool,
}

/// What the sentences read so far have found.
struct Found {
    /// The parties of each commitment found, by sentence: the antecedents of later pronouns.
    actors: Vec<Option<Vec<String>>>,
    used_ids: UsedIds,
    lead_in: Option<LeadIn>,
    /// Whom "we" stands for where the document speaks in its own voice ("We, the Heads of
    /// State ..."): the authors, however many other parties commit between two of its "we".
    authors: Option<Vec<String>>,
    out: Extraction,
}

/// What the clauses of one sentence tell the next: a sentence cut up is read clause after
/// clause.
#[derive(Default)]
struct ClausesBefore {
    /// The parties named as subject of the clause before: whom a quotation's "nous" stands
    /// for when its attribution names no party ("« La France ne relâchera pas son effort.
    /// Nous poursuivrons ... », a-t-elle déclaré").
    named: Option<Vec<String>>,
    /// The parties of the clause before's commitment: those of a clause that shares its
    /// subject ("Estonia will double its contribution and will continue to host ...").
    committed: Option<Vec<String>>,
}

/// A clause to read, with the sentence it belongs to.
struct ClauseInSentence<'s> {
    index: usize,
    clause: &'s crate::document::Sentence,
    /// Whether it opens with its verb, whose subject is the clause before's.
    shares_subject: bool,
    /// The whole sentence, folded: who is quoted saying it.
    whole_folded: FoldedRef<'s>,
    /// Whether the sentence was cut into several clauses.
    cut: bool,
    hits: &'s Hits,
}

impl<'d> Page<'d> {
    fn new(doc: &'d Document, rules: &'d Rules) -> Page<'d> {
        let doc_folded = Folded::new(&doc.text);
        Page {
            doc,
            rules,
            doc_parties: document_parties(doc, &doc_folded, rules),
            doc_date: doc.published.as_ref().map(|p| p.date),
            doc_made: doc
                .published
                .as_ref()
                .map(|p| p.date.format("%Y-%m-%d").to_string()),
            dates: SentenceDates::new(doc),
            official_speaks: doc.title.as_deref().is_some_and(official_speaks),
            doc_folded,
        }
    }

    /// Reads sentence `index`: an item of the list a lead-in announced, or the clauses of a
    /// sentence of its own.
    fn sentence(
        &self,
        found: &mut Found,
        headings: &Headings<'_>,
        (index, sentence): (usize, &crate::document::Sentence),
        each: &HitsOfEach,
        hits: &mut Hits,
    ) {
        let (doc, rules) = (self.doc, self.rules);
        let doc_folded = &self.doc_folded;
        let dates_by_sentence = &self.dates;
        let original = doc.sentence_text(sentence);
        if let Some(lead) = found.lead_in.as_mut() {
            let folded = doc_folded.slice(sentence.span.clone());
            if is_list_item(lead, sentence, folded.text) {
                lead.items += 1;
                let dates = dates_by_sentence.of(index);
                let quote = clean_quote(original);
                // "- l'ANSSI accompagnera le KE-CIRT/CC ...", "- le Kenya désignera ...": an
                // item with a subject of its own binds that party, in the lead-in's terms.
                let actors = own_subject_of_item(folded.text, sentence.language, rules, hits)
                    .unwrap_or_else(|| lead.actors.clone());
                let id = unique_id(
                    &mut found.used_ids,
                    &actors,
                    lead.made.as_deref(),
                    IdWords::of(folded.text).as_slice(),
                );
                found.out.commitments.push(Commitment {
                    id,
                    quote: quote.to_string(),
                    span: doc.source_span(sentence.span.clone()),
                    actors: actors.clone(),
                    strength: lead.strength,
                    // "financer la formation de 400 spécialistes sur la période 2028-2030":
                    // an item's period is no deadline either.
                    deadline: first_deadline(
                        dates.iter().filter(|d| {
                            let at = folded.folded(d.span.start - sentence.span.start);
                            let end = folded.folded(d.span.end - sentence.span.start);
                            !spread_over(folded.text, at..end)
                        }),
                        lead.made_floor,
                        0,
                    ),
                    made: lead.made.clone(),
                    milestone: milestone(&folded, original, 0, rules),
                    rule: lead.rule.clone(),
                });
                found.actors[index] = Some(actors);
                return;
            }
            close_list(&mut found.out, found.lead_in.take());
        }
        if let Some(voice) = declared_voice(original, rules) {
            found.authors = Some(voice);
        }
        if original.len() < 12
            || (sentence.heading && headings.is_heading(index, sentence, original))
        {
            return;
        }
        // The whole sentence, for who is quoted saying it: "« ..., et nous défendrons ... »,
        // a déclaré la ministre" attributes both of its clauses.
        let whole_folded = doc_folded.slice(sentence.span.clone());
        // Which triggers and vetoes the sentence holds: a clause holds no others.
        hits.set_to(each.of(index));
        let cut = coordinated_clauses(sentence, &whole_folded, rules, hits);
        let whole_sentence = [(sentence.clone(), false)];
        let clauses = if cut.is_empty() {
            &whole_sentence[..]
        } else {
            &cut[..]
        };
        let mut before = ClausesBefore::default();
        for (clause, shares_subject) in clauses {
            self.clause(
                found,
                &ClauseInSentence {
                    index,
                    clause,
                    shares_subject: *shares_subject,
                    whole_folded,
                    cut: clauses.len() > 1,
                    hits,
                },
                &mut before,
            );
        }
    }

    /// Reads one clause: the commitment it states, if any, or why it was set aside.
    fn clause(&self, found: &mut Found, input: &ClauseInSentence<'_>, before: &mut ClausesBefore) {
        let ClauseInSentence {
            index,
            clause: sentence,
            shares_subject,
            whole_folded,
            cut,
            hits,
        } = *input;
        let (doc, rules) = (self.doc, self.rules);
        let doc_folded = &self.doc_folded;
        let dates_by_sentence = &self.dates;
        let doc_parties = &self.doc_parties;
        let (doc_date, doc_made) = (self.doc_date, &self.doc_made);
        let Found {
            actors: found_actors,
            used_ids,
            lead_in,
            authors,
            out,
        } = found;
        let whole = whole_folded.text;
        let actors_before = before.committed.take();
        let original = doc.sentence_text(sentence);
        // Sliced again only for a clause of a sentence cut up.
        let folded = if !cut {
            whole_folded
        } else {
            doc_folded.slice(sentence.span.clone())
        };
        let text = folded.text;
        let candidate = match best_trigger(text, sentence.language, rules, hits, shares_subject) {
            Ok(Some(c)) => c,
            Ok(None) => {
                return;
            }
            Err(reason) => {
                out.rejected
                    .push(rejected(doc, sentence.span.clone(), reason));
                return;
            }
        };
        // The vetoes follow the triggers in the set: asked for one by one, rather than by
        // walking the whole set's answer again past every trigger. Each applies to the whole
        // sentence, as the set read it.
        let first_veto = rules.vetoes.iter().enumerate().find_map(|(k, veto)| {
            let id = regex_automata::PatternID::new(rules.triggers.len() + k).ok()?;
            (hits.contains(id) && veto.pattern.regex().is_match(whole)).then_some(veto)
        });
        if let Some(veto) = first_veto {
            out.rejected
                .push(rejected(doc, sentence.span.clone(), veto.reason.clone()));
            return;
        }
        let trigger = candidate.trigger;
        // Who "ils" or an implicit subject stands for is only worked out for the sentences
        // that need it: most sentences of a page commit to nothing, and most that commit
        // name their parties.
        let context = std::cell::LazyCell::new(|| {
            antecedent(
                dates_by_sentence,
                doc_folded,
                rules,
                index,
                found_actors,
                doc_parties,
            )
        });
        let clause = Clause::on_page(text, candidate.start, sentence.language, rules, doc_parties);
        let subject = subject_in(&clause, rules);
        let subject_start = clause.subject_start();
        let named_before = std::mem::replace(
            &mut before.named,
            match &subject {
                Subject::Named(ids) if cut => Some(ids.clone()),
                _ => None,
            },
        );
        // "We" are no trend: "we will intensify practical cooperation" is a plan, though no
        // determiner opens its object. (A named subject may still be a trend's: "threats to
        // the Alliance will continue to grow".)
        let first_person = matches!(
            subject,
            Subject::Pronoun {
                first_person: true,
                ..
            }
        );
        if trigger.future && !first_person && is_evolution(&text[candidate.start..], rules) {
            out.rejected.push(rejected(
                doc,
                sentence.span.clone(),
                format!("{}: a forecast of a trend, not a plan", trigger.rule),
            ));
            return;
        }
        // "It will apply 18 months after its entry into force": a text's application is
        // said of the text, named or not; only "we" could undertake it.
        let applies = || {
            !first_person
                && !matches!(subject, Subject::Named(_))
                && rules.assessments.is_match(&text[candidate.start..])
        };
        if trigger.future
            && (matches!(subject, Subject::Implicit { .. })
                && rules
                    .forecasts
                    .is_match(&text[subject_start.min(candidate.start)..candidate.start])
                && !is_passive(&text[candidate.start..])
                || applies())
        {
            out.rejected.push(rejected(
                doc,
                sentence.span.clone(),
                format!("{}: a forecast, not a plan", trigger.rule),
            ));
            return;
        }
        // From the trigger's start: "the EU's determination" names its party inside it.
        let named_after = match trigger.party {
            Party::After => party_after(text, candidate.start, candidate.end, rules),
            _ => Vec::new(),
        };
        // Otherwise the subject commits, also for a trigger whose party follows it when none
        // does: in "Germany announced that it would contribute", "it" is Germany.
        let actors = if !named_after.is_empty() {
            named_after
        } else {
            // A pronoun stands for the parties named before; "nous" in a quotation, for
            // the speaker's, where the attribution names them.
            // The clause before in the same sentence comes first: "« L'OTAN continuera de
            // soutenir Locked Shields. Les enseignements seront intégrés ... »", a quotation
            // kept whole, is NATO's throughout.
            let earlier = || match &actors_before {
                Some(parties) if !parties.is_empty() => parties.clone(),
                _ if context.parties.is_empty() => doc_parties.clone(),
                _ => context.parties.clone(),
            };
            let pronoun = |first_person: bool| {
                let speaker_of = |sentence: &crate::document::Sentence| {
                    let page_before = doc_folded.text.get(..sentence.span.start).unwrap_or("");
                    speaker_parties(
                        doc_folded.slice(sentence.span.clone()).text,
                        page_before,
                        rules,
                    )
                };
                let attributed = if first_person {
                    let attributed = speaker_parties(
                        whole,
                        doc_folded.text.get(..sentence.span.start).unwrap_or(""),
                        rules,
                    );
                    // "…," said Commissioner Wendland. "We intend to …": a quotation that goes
                    // on in the next sentence is still the speaker's.
                    let attributed = match index.checked_sub(1).and_then(|i| doc.sentences.get(i)) {
                        Some(previous)
                            if attributed.is_empty() && whole.trim_start().starts_with('"') =>
                        {
                            speaker_of(previous)
                        }
                        _ => attributed,
                    };
                    // A quotation whose speaker is named on the line below it, as pages print
                    // a block quotation's author ("Minister of Public Administration of
                    // Montenegro").
                    let attributed = match doc.sentences.get(index + 1) {
                        Some(next) if attributed.is_empty() && whole.trim_end().ends_with('"') => {
                            byline_party(doc_folded.slice(next.span.clone()).text, rules)
                                // Among the page's parties: the minister of the country that
                                // chairs the Council speaks for it on the Council's page.
                                .filter(|party| doc_parties.contains(party))
                                .map_or(attributed, |party| vec![party])
                        }
                        _ => attributed,
                    };
                    if attributed.is_empty() && is_quoted(whole) {
                        quotes_heading_party(doc, doc_folded, rules, index)
                    } else {
                        attributed
                    }
                } else {
                    Vec::new()
                };
                match (attributed.is_empty(), &authors) {
                    (false, _) => attributed,
                    (true, Some(authors)) if first_person => authors.clone(),
                    // A transcript of what an organisation's official says: "nous" is the
                    // organisation.
                    (true, None)
                        if first_person && self.official_speaks && !doc_parties.is_empty() =>
                    {
                        doc_parties.clone()
                    }
                    // "« Nous ... », a déclaré le ministre": a speaker the attribution does not
                    // place speaks for the document's parties, not for the last one named.
                    (true, None) if first_person && is_quoted(whole) && !doc_parties.is_empty() => {
                        named_before.clone().unwrap_or_else(|| doc_parties.clone())
                    }
                    _ => earlier(),
                }
            };
            let governing = matches!(
                subject,
                Subject::Pronoun {
                    first_person: false,
                    ..
                }
            )
            .then(|| governing_subject(text, subject_start, sentence.language, rules))
            .flatten();
            match subject.clone() {
                Subject::Implicit { .. } if shares_subject && actors_before.is_some() => {
                    actors_before.clone().unwrap_or_default()
                }
                // Triggers such as "nous continuerons" hold their own subject.
                Subject::Implicit { .. }
                    if rules
                        .pronouns
                        .is_match(&text[candidate.start..candidate.end]) =>
                {
                    pronoun(true)
                }
                Subject::Named(ids) => ids,
                // "Les ministres ont chargé le Conseil": the people of the meeting stand for
                // the document's parties, not for the last ones named ("l'Ukraine, le Japon
                // et la Corée ont été invités").
                Subject::Pronoun {
                    first_person: false,
                    ..
                } if !doc_parties.is_empty() && names_members_people(&text[subject_start..]) => {
                    doc_parties.clone()
                }
                // "Both sides" after a sentence about one of them still means both: the
                // document's parties, where it has two or more.
                Subject::Pronoun { both: true, .. }
                    if context.parties.len() < 2 && doc_parties.len() >= 2 =>
                {
                    doc_parties.clone()
                }
                // "Together, we" in a quotation is the speaker's and the partners', not the
                // speaker's alone.
                Subject::Pronoun {
                    both: true,
                    first_person: true,
                } if context.parties.len() >= 2 => context.parties.clone(),
                // "Les deux pays rappellent qu'en 2024 ils étaient convenus": the subject of
                // the verb whose clause holds the pronoun, where the sentence names it.
                Subject::Pronoun {
                    first_person: false,
                    ..
                } if governing.is_some() => match governing.clone() {
                    Some(Subject::Named(ids)) => ids,
                    _ if doc_parties.len() >= 2 => doc_parties.clone(),
                    _ => earlier(),
                },
                Subject::Pronoun { first_person, .. } => pronoun(first_person),
                Subject::Implicit { .. } if trigger.party == Party::Explicit => {
                    out.rejected.push(rejected(
                        doc,
                        sentence.span.clone(),
                        format!("{}: the subject is not a party", trigger.rule),
                    ));
                    return;
                }
                Subject::Implicit { event: true, .. } if !doc_parties.is_empty() => {
                    doc_parties.clone()
                }
                Subject::Implicit { .. } => earlier(),
            }
        };
        // "The Albanese Government will provide", "le Gouvernement financera": one country's
        // government, the one country among the parties it stands for ("Australia and ASEAN
        // ...").
        let actors = if matches!(subject, Subject::Pronoun { .. })
            && among_first_words(&text[subject_start..], &["government", "gouvernement"])
        {
            let mut countries = actors.iter().filter(|id| is_country(id));
            match (countries.next(), countries.next()) {
                (Some(country), None) => vec![country.clone()],
                _ => actors,
            }
        } else {
            actors
        };
        if actors.is_empty() {
            out.rejected.push(rejected(
                doc,
                sentence.span.clone(),
                format!("{}: no committing party", trigger.rule),
            ));
            return;
        }
        // "Les ministres sont convenus" at NATO: the ministers are the member states', and
        // what they agree binds the Allies, not the organisation. So does the "we" of a
        // summit's or a ministerial meeting's statement ("We task the Council"), though not
        // that of the Secretary General quoted, unless what "we" did is agree or decide.
        let actors = if actors == ["NATO"]
            && (matches!(subject, Subject::Pronoun { .. })
                && (names_members_people(&text[subject_start..])
                    || opens_with_we(&text[subject_start..])
                        && !is_quoted(whole)
                        && !self.official_speaks
                    || first_person
                        && self.official_speaks
                        && !is_quoted(whole)
                        && decided_together(&trigger.rule))
                // "les ministres de la Défense des pays de l'OTAN", "NATO member states".
                || matches!(subject, Subject::Named(_))
                    && names_members_of_named(&text[subject_start..]))
        {
            vec!["ALLIES".to_string()]
        } else {
            actors
        };
        let sentence_dates = dates_by_sentence.within(index, sentence.span.clone());
        // Where a date stands in the folded sentence, to compare with the trigger's place.
        let local = |d: &DateExpr| folded.folded(d.span.start - sentence.span.start);
        // A quotation kept whole may hold several sentences ("La France ne relâchera pas son
        // effort. Nous poursuivrons ..."): the commitment is the trigger's own sentence, and
        // the dates of the ones before it are not its own.
        let own_start = candidate.sentence_start;
        // A fronted time adverbial that points ahead ("D'ici 2026, l'UE ...", "In 2025, Allies
        // will ...") is the clause's deadline, not when it was made: "by"/"d'ici" always point
        // ahead; "in"/"en" only before a future tense, for "En 2023, les Alliés sont convenus"
        // says when they agreed.
        // So is a bare time ahead before a future ("Cet hiver, la France organisera"), and
        // the start of one ("Dès cet hiver, l'OTAN mettra"), due by its end.
        let fronted_due = |d: &DateExpr| {
            (own_start..subject_start).contains(&local(d))
                && match d.relation {
                    Relation::By | Relation::Before => true,
                    Relation::In | Relation::On => trigger.future,
                    Relation::Since => {
                        trigger.future && doc_date.is_some_and(|dd| d.first_day > dd)
                    }
                    Relation::After | Relation::Until => false,
                }
                && d.deadline()
                    .or((d.relation == Relation::Since).then_some(d.last_day))
                    .is_some_and(|due| doc_date.is_none_or(|dd| due >= dd))
        };
        // "A new programme, to be launched by the end of 2028, will help ngCERT": the
        // subject's own apposition sets when what it names is due.
        let apposition_due = |d: &DateExpr| {
            let at = local(d);
            (subject_start..candidate.start).contains(&at)
                && matches!(d.relation, Relation::By | Relation::Before)
                && text.get(..at).is_some_and(|before| {
                    let apposition = before[before.rfind(',').map_or(0, |c| c + 1)..].trim_start();
                    let openings = [
                        "to be ",
                        "due to be ",
                        "which will be ",
                        "devant être ",
                        "qui sera ",
                        "qui seront ",
                    ];
                    after_opening(apposition, &openings).is_some()
                })
        };
        // "s'était engagé en 2021 à", "a annoncé ce jeudi 12 février, à Lyon, une enveloppe":
        // a date inside a past trigger says when it was done, never when it is due.
        let within_trigger = |d: &DateExpr| {
            !trigger.future
                && matches!(d.relation, Relation::In | Relation::On)
                && (candidate.start..candidate.end).contains(&local(d))
        };
        let demonstrative = matches!(
            subject,
            Subject::Implicit {
                demonstrative: true,
                ..
            }
        );
        // The last date in `range` of the folded sentence that tells when something was
        // done: past, not a deadline, not the start of a span.
        let last_done_in = |range: std::ops::Range<usize>| {
            sentence_dates
                .iter()
                .filter(|d| {
                    range.contains(&local(d)) && doc_date.is_none_or(|dd| d.first_day <= dd)
                })
                .filter(|d| !fronted_due(d))
                .rfind(|d| !matches!(d.relation, Relation::Since | Relation::After))
        };
        let made = last_done_in(own_start..subject_start)
            .or_else(|| {
                sentence_dates
                    .iter()
                    .filter(|d| within_trigger(d))
                    .rfind(|d| doc_date.is_none_or(|dd| d.first_day <= dd))
            })
            .map(|d| d.value.clone())
            // "« En septembre 2017, l'UE a adopté la communication. Cette nouvelle
            // communication prévoit ... »": a demonstrative subject was made when what
            // it points back to was, in the quotation's sentences before, or in the
            // sentences before the quotation.
            .or_else(|| {
                demonstrative
                    .then(|| last_done_in(0..own_start))
                    .flatten()
                    .map(|d| d.value.clone())
            })
            .or_else(|| {
                demonstrative
                    .then(|| context.made(dates_by_sentence))
                    .flatten()
            })
            .or_else(|| doc_made.clone());
        let made_floor = made.as_deref().and_then(first_day_of).or(doc_date);
        // How many days before the page a commitment made on a given day was made.
        let made_early = match (made.as_deref(), made_floor, doc_date) {
            (Some(day), Some(made_day), Some(page_day)) if day.len() == 10 => {
                (page_day - made_day).num_days()
            }
            _ => 0,
        };
        let deadline = first_deadline(
            sentence_dates.iter().filter(|d| {
                local(d) >= candidate.start
                    && !within_trigger(d)
                    && !spread_over(
                        text,
                        local(d)..folded.folded(d.span.end - sentence.span.start),
                    )
            }),
            made_floor,
            made_early,
        )
        .or_else(|| {
            first_deadline(
                sentence_dates
                    .iter()
                    .filter(|d| fronted_due(d) || apposition_due(d)),
                made_floor,
                made_early,
            )
        });
        let milestone = hits
            .contains(rules.milestone_opening)
            .then(|| milestone(&folded, original, candidate.start, rules))
            .flatten();
        let own_offset = folded.original(own_start).min(original.len());
        let quote = clean_quote(original.get(own_offset..).unwrap_or(original));
        // The words after the trigger say what is committed to; the trigger's own words ("sont
        // convenus de") would make every id alike.
        let after = IdWords::of(&text[candidate.end..]);
        let what = if after.len >= 2 {
            after
        } else {
            IdWords::of(text)
        };
        let id = unique_id(used_ids, &actors, made.as_deref(), what.as_slice());
        out.commitments.push(Commitment {
            id,
            quote: quote.to_string(),
            span: doc.source_span(sentence.span.start + own_offset..sentence.span.end),
            actors: actors.clone(),
            strength: trigger.strength,
            deadline,
            made: made.clone(),
            milestone,
            rule: trigger.rule.clone(),
        });
        // The context borrows what the sentences before found; this one's is added now.
        drop(context);
        // A quotation's "nous" is its speaker's, not the document's voice, also in a
        // clause cut from inside the quotation; and "We welcome Japan's announcement that it
        // will host" commits Japan, not "we".
        if opens_with_we(text) && !is_quoted(whole) && first_person {
            *authors = Some(actors.clone());
        }
        if quote.trim_end().ends_with(':') {
            *lead_in = Some(LeadIn {
                commitment: out.commitments.len() - 1,
                block: sentence.block,
                actors: actors.clone(),
                strength: trigger.strength,
                rule: trigger.rule.clone(),
                made,
                made_floor,
                items: 0,
            });
        }
        if cut {
            before.committed = Some(actors.clone());
        }
        found_actors[index] = Some(actors);
    }
}

/// The fewest words a clause of `coordinated_clauses` has.
const CLAUSE_MIN_WORDS: usize = 6;

/// The clauses of a sentence that each commit: where a first person takes over after a
/// comma or a semicolon ("Nous continuerons à mobiliser de nouveaux pays, et nous doublerons
/// notre contribution", "Allies will respond ..., and we will impose costs"), and the
/// sentences of a quotation kept whole for its attribution ("« La Suisse continuera de miser
/// sur ses voisins. L'OFCS s'engage à partager ... », a souligné la directrice"): one
/// commitment each, with its own quote and deadline. None where the sentence stays whole, as
/// most do: no allocation for them.
fn coordinated_clauses(
    sentence: &crate::document::Sentence,
    folded: &FoldedRef<'_>,
    rules: &Rules,
    hits: &Hits,
) -> Vec<(crate::document::Sentence, bool)> {
    let text = folded.text;
    let bytes = text.as_bytes();
    // Where clauses may end and the next start (`Boundary`). Most sentences have few commas
    // and semicolons, and most no quotation: memchr finds the places to look at.
    let mut boundaries: Vec<Boundary> = memchr::memchr2_iter(b',', b';', bytes)
        .filter_map(|at| {
            let rest = &bytes[at..];
            [", et nous ", ", and we ", "; nous ", "; we "]
                .iter()
                .find(|b| rest.starts_with(b.as_bytes()))
                .map(|b| {
                    let pronoun = b.trim_end().rfind(' ').map_or(0, |k| k + 1);
                    (at, at + pronoun, false)
                })
                // "The EU and Nigeria agreed to hold the consultations annually; the second
                // round will take place in Brussels": a semicolon between two clauses that
                // each commit (`stands`) joins two undertakings; not where the second goes
                // on about the first's subject ("se tiendra à Paris ; il fera le point").
                .or_else(|| {
                    let next = text.get(at + 2..)?;
                    let pronouns = ["il ", "elle ", "it ", "this ", "cela ", "ce ", "which "];
                    let goes_on = after_opening(next, &pronouns).is_some();
                    (rest.starts_with(b"; ") && !goes_on).then_some((at, at + 2, false))
                })
                // "L'UE mobilisera ses experts, tandis que la Nouvelle-Zélande mettra à
                // disposition des formateurs": another party, another undertaking.
                // Looked for only after a comma and the letter they open with: a sentence
                // has many commas, and few open such a clause.
                .or_else(|| {
                    matches!(rest.get(2), Some(b't' | b'a' | b'w')).then_some(())?;
                    [", tandis que ", ", alors que ", ", while ", ", whereas "]
                        .iter()
                        .find(|b| rest.starts_with(b.as_bytes()))
                        .map(|b| (at, at + b.len(), false))
                })
                // "Germany will contribute a range, and Poland and Latvia will each second
                // specialists": after "and" a party named anew opens a clause of its own,
                // which is cut only where it also commits (`stands`).
                .or_else(|| {
                    matches!(rest.get(2), Some(b'a' | b'e')).then_some(())?;
                    let and = [", and ", ", et "]
                        .iter()
                        .find(|b| rest.starts_with(b.as_bytes()))?;
                    let name = after_opening(
                        &text[at + and.len()..],
                        &["the ", "la ", "le ", "les ", "l'"],
                    )
                    .unwrap_or(&text[at + and.len()..]);
                    name.starts_with(|c: char| c.is_ascii_uppercase())
                        .then_some((at, at + and.len(), false))
                })
        })
        .collect();
    // "Estonia will double its contribution and will continue to host the office", "La
    // France et la Grèce entendent coordonner leurs positions et soutiendront la création":
    // a second verb in the future, whose subject is the first clause's.
    // Only in its language, and where a future tense is among the sentence's triggers: the
    // set says which may be, and only where a second verb is found is one searched for on
    // its own.
    let futures = || hit_triggers(hits, rules).filter(|t| t.future);
    if futures().next().is_some() {
        let second_verbs: Vec<Boundary> = match sentence.language {
            Lang::En => AND_WILL
                .find_iter(bytes)
                .map(|at| (at, at + 5, true))
                .collect(),
            Lang::Fr => ET
                .find_iter(bytes)
                .filter(|&at| opens_with_future(&text[at + 4..]))
                .map(|at| (at, at + 4, true))
                .collect(),
        };
        if !second_verbs.is_empty() && futures().any(|t| t.pattern.regex().is_match(text)) {
            boundaries.extend(second_verbs);
        }
    }
    // "The EU is determined to uphold the rules-based order and remains committed to a free
    // cyberspace", "Les ministres saluent ... et réaffirment leur engagement": a second verb
    // that is itself one of the sentence's triggers, in its language, says a second thing
    // undertaken, whatever its tense.
    let join: &memchr::memmem::Finder<'static> = match sentence.language {
        Lang::En => &AND,
        Lang::Fr => &ET,
    };
    let own_triggers =
        || hit_triggers(hits, rules).filter(|t| t.lang.is_none_or(|l| l == sentence.language));
    for at in join.find_iter(bytes) {
        // A clause of fewer words does not stand on its own (`stands` below): most joins
        // come early, between the names of a subject ("Les États-Unis et l'UE").
        if memchr::memchr_iter(b' ', &bytes[..at]).count() < CLAUSE_MIN_WORDS {
            continue;
        }
        let next = at + join.needle().len();
        let rest = &text[next..];
        // Most "et" join names ("l'UE et l'Ukraine"): a verb is in lower case and has no
        // article, which spares most of them the search.
        let opens_with_verb = rest.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && after_opening(rest, &DETERMINERS).is_none();
        let opens = regex_automata::Input::new(text)
            .range(next..)
            .anchored(regex_automata::Anchored::Yes);
        if opens_with_verb && own_triggers().any(|t| t.pattern.regex().is_match(opens.clone())) {
            boundaries.push((at, next, true));
        } else if future_soon(rest, sentence.language)
            && has_future(&text[..at], sentence.language)
            && !ends_with_name(&text[..at], rules)
            && named_then_future(rest, sentence.language, rules)
        {
            // "Le CCB ouvrira l'accès à sa plateforme et le GOVCERT.LU partagera en retour
            // ses indicateurs": another party, named, with a future of its own.
            boundaries.push((at, next, false));
        }
    }
    // Quotation marks are folded to '"': a stop with one of them open before it and one
    // still to close after it ends a sentence inside the quotation.
    if let (Some(open), Some(close)) = (memchr::memchr(b'"', bytes), memchr::memrchr(b'"', bytes))
        && open < close
    {
        let inside = &bytes[..close];
        for stop in memchr::memchr3_iter(b'.', b'!', b'?', inside).filter(|&stop| stop > open) {
            let ends = inside.get(stop + 1) == Some(&b' ')
                && inside.get(stop + 2).is_some_and(u8::is_ascii_uppercase)
                && (bytes[stop] != b'.'
                    || !crate::document::sentences::abbreviation(
                        &text[..stop],
                        char::from(bytes[stop + 2]),
                    ));
            if ends {
                boundaries.push((stop + 1, stop + 2, false));
            }
        }
    }
    boundaries.sort_unstable();
    // Two readings of one place (", et nous" and " et nous"): the first found keeps it.
    let mut reached = 0;
    boundaries.retain(|&(end, next, _)| {
        let apart = end >= reached;
        if apart {
            reached = next;
        }
        apart
    });
    if boundaries.is_empty() {
        return Vec::new();
    }
    // A trigger of the sentence's that matches in the clause: whether it commits is then
    // decided as for any sentence.
    let commits = |part: &str| hit_triggers(hits, rules).any(|t| t.pattern.regex().is_match(part));
    // "We will not be intimidated, and we will respond together": a clause too short to say
    // what is to be done on its own is the sentence's rhetoric, said once. A clause is
    // counted without the attribution after it ("», a déclaré la ministre"): the last one up
    // to a closing quotation mark, by its longest stretch between commas, so that an opening
    // adverbial ("Together, we will bring it to the next level") does not count as the
    // clause; outside a quotation, up to its first comma.
    let stands = |part: &str, last: bool| {
        let words = if last && part.contains('"') {
            comma_pieces(part.split('"').find(|p| !p.trim().is_empty()).unwrap_or(""))
                .map(|p| p.split_whitespace().count())
                .max()
                .unwrap_or(0)
        } else if last {
            first_clause_words(part)
        } else {
            part.split_whitespace().count()
        };
        words >= CLAUSE_MIN_WORDS && commits(part)
    };
    // Clauses from the first: one that does not stand alone stays with the clause after it
    // (a quotation's opening sentence that commits to nothing, with the one that does).
    let mut cuts: Vec<Boundary> = Vec::new();
    let mut from = 0;
    // A second verb says a second thing a party undertakes ("Germany will continue to support
    // ... and will second experts from 2027"); after an exercise, a centre or a project ("The
    // NICC will provide ... and will inform", "L'exercice sera organisé ... et portera sur")
    // it goes on describing one thing.
    let party_subject = |part: &str| {
        // The subject ends where the clause's trigger starts ("reaffirmed their commitment"),
        // which the verbs the lexicon knows may not include.
        let verb = earliest_match(part, hit_triggers(hits, rules))
            .unwrap_or_else(|| subject_end(part, rules));
        let clause = Clause::new(part, verb, sentence.language, rules);
        // "The two sides reaffirmed ... and decided to", "we": a pronoun for parties, as a
        // name; not "il", "it", which may be a committee's.
        matches!(
            subject_in(&clause, rules),
            Subject::Named(_)
                | Subject::Pronoun { both: true, .. }
                | Subject::Pronoun {
                    first_person: true,
                    ..
                }
        ) && !EVENT_NOUN_FINDER.is_match(&part[clause.subject_start().min(verb)..verb])
    };
    for (k, &(end, next, shared)) in boundaries.iter().enumerate() {
        let following = boundaries.get(k + 1);
        let until = following.map_or(text.len(), |b| b.0);
        if end > from
            && stands(&text[from..end], false)
            && stands(&text[next..until], following.is_none())
            && (!shared || party_subject(&text[from..end]))
        {
            cuts.push((end, next, shared));
            from = next;
        }
    }
    if cuts.is_empty() {
        return Vec::new();
    }
    let at = |i: usize| sentence.span.start + folded.original(i);
    let clause = |span: std::ops::Range<usize>| crate::document::Sentence {
        span,
        ..sentence.clone()
    };
    let mut clauses = Vec::with_capacity(cuts.len() + 1);
    let mut start = sentence.span.start;
    let mut shares_subject = false;
    for (end, next, shared) in cuts {
        clauses.push((clause(start..at(end)), shares_subject));
        start = at(next);
        shares_subject = shared;
    }
    clauses.push((clause(start..sentence.span.end), shares_subject));
    clauses
}

// Built once: a searcher costs more to build than to run over a sentence.
static AND_WILL: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" and will "));
static ET: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" et "));
static AND: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" and "));

/// Where one clause of a sentence ends, where the next starts, and whether the next has the
/// first's subject (it opens with its verb).
type Boundary = (usize, usize, bool);

/// The French object pronouns that come before their verb ("et les réexaminera"), each with
/// what follows it.
const OBJECT_PRONOUNS: [&str; 8] = ["les ", "la ", "le ", "l'", "leur ", "lui ", "y ", "en "];

/// The pieces of `text` between its commas, but for a comma between two digits: "train
/// 50,000 professionals" is one piece, as a clause is counted in words.
/// The words of a clause up to its first comma, where the commas of an enumeration ("a
/// global, open, free, stable and secure cyberspace") do not end it: pieces of one or two
/// words and the piece that closes them belong to the clause.
fn first_clause_words(part: &str) -> usize {
    let mut pieces = comma_pieces(part)
        .skip_while(|p| p.trim().is_empty())
        .map(|p| p.split_whitespace().count());
    let mut words = pieces.next().unwrap_or(0);
    let mut listed = false;
    for n in pieces {
        words += n;
        if n > 2 {
            // The enumeration's last item, joined by "and", closes it; a longer piece after
            // no enumeration is another clause's.
            if !listed {
                words -= n;
            }
            break;
        }
        listed = true;
    }
    words
}

fn comma_pieces(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut commas = memchr::memchr_iter(b',', bytes).filter(move |&i| {
        !(i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    });
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match commas.next() {
            Some(comma) => {
                start = Some(comma + 1);
                text.get(from..comma)
            }
            None => {
                start = None;
                text.get(from..)
            }
        }
    })
}

/// What opens a noun phrase, not a verb.
const DETERMINERS: [&str; 20] = [
    "le ", "la ", "les ", "l'", "un ", "une ", "des ", "du ", "son ", "sa ", "ses ", "leur ",
    "leurs ", "the ", "a ", "an ", "its ", "their ", "our ", "his ",
];

/// Whether a future tense comes within the first words of `rest`: what a clause with a
/// subject of its own needs before its subject is looked for.
fn future_soon(rest: &str, lang: Lang) -> bool {
    rest.split_ascii_whitespace()
        .take(6)
        .any(|w| is_future_word(w, lang))
}

/// Whether `text` holds a future tense: the clause before a join that a party's own future
/// follows must have one of its own, or the join is between two subjects ("L'UE et l'Ukraine
/// poursuivront").
fn has_future(text: &str, lang: Lang) -> bool {
    text.split_ascii_whitespace()
        .any(|w| is_future_word(w, lang))
}

/// "will", "shall"; a French verb that ends like a future ("partagera", "poursuivront").
fn is_future_word(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => word.eq_ignore_ascii_case("will") || word.eq_ignore_ascii_case("shall"),
        Lang::Fr => opens_with_future(word),
    }
}

/// Whether `before` ends with a party's name: "Poland and Latvia will" coordinates two
/// subjects, not two clauses.
fn ends_with_name(before: &str, rules: &Rules) -> bool {
    let mut start = before.len().saturating_sub(60);
    while !before.is_char_boundary(start) {
        start -= 1;
    }
    let tail = &before[start..];
    rules
        .registry
        .mentions(tail)
        .last()
        .is_some_and(|m| m.span.end == tail.trim_end().len())
}

/// Whether `rest` opens with a party, after an article if any, and a verb in the future right
/// after it: "le GOVCERT.LU partagera", "Poland will second".
fn named_then_future(rest: &str, lang: Lang, rules: &Rules) -> bool {
    let after_article = after_opening(rest, &["the ", "le ", "la ", "les ", "l'"]).unwrap_or(rest);
    // Only the first words: the name must open the clause.
    let mut end = after_article.len().min(80);
    while !after_article.is_char_boundary(end) {
        end -= 1;
    }
    let head = &after_article[..end];
    let Some(name) = rules
        .registry
        .mentions(head)
        .into_iter()
        .find(|m| m.kind != MentionKind::Adjective)
    else {
        return false;
    };
    if name.span.start != 0 {
        return false;
    }
    let verb = head[name.span.end..].trim_start();
    match lang {
        Lang::En => after_opening(verb, &["will ", "shall "]).is_some(),
        Lang::Fr => opens_with_future(verb),
    }
}

/// Whether a coordinated clause opens with a verb in the future, after an object pronoun if
/// any: "soutiendront conjointement", "les réexaminera au plus tard en 2028".
fn opens_with_future(rest: &str) -> bool {
    let rest = after_opening(rest, &OBJECT_PRONOUNS).unwrap_or(rest);
    let word = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    word.len() > 4 && ["ra", "ront", "rons"].iter().any(|e| word.ends_with(e))
}

/// "Les Alliés sont convenus de :" followed by a list: each item is a commitment of the
/// parties of the lead-in, with its own deadline.
struct LeadIn {
    /// Index in `Extraction::commitments` of the lead-in itself.
    commitment: usize,
    block: usize,
    actors: Vec<String>,
    strength: Strength,
    rule: String,
    made: Option<String>,
    made_floor: Option<NaiveDate>,
    items: usize,
}

/// Where the first match in `text` of any of `triggers` starts.
fn earliest_match<'r>(text: &str, triggers: impl Iterator<Item = &'r Trigger>) -> Option<usize> {
    triggers
        .filter_map(|t| t.pattern.regex().find(text).map(|m| m.start()))
        .min()
}

/// The parties an item of a list names as the subject of its own future verb ("l'ANSSI
/// accompagnera", "Japan will host"), where it opens with them; `None` for an item that
/// goes on the lead-in's sentence ("organiser un exercice", "la formation de 150 analystes").
fn own_subject_of_item(
    text: &str,
    lang: Lang,
    rules: &Rules,
    hits: &mut Hits,
) -> Option<Vec<String>> {
    rules.prefilter.matches(text, hits);
    let verb = earliest_match(
        text,
        hit_triggers(hits, rules).filter(|t| t.future && t.lang.is_none_or(|l| l == lang)),
    )?;
    let clause = Clause::new(text, verb, lang, rules);
    let opening = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    match subject_in(&clause, rules) {
        Subject::Named(ids) if clause.subject_start() <= opening + 4 => Some(ids),
        _ => None,
    }
}

/// A lead-in whose list was found stands for nothing by itself: its items replace it.
fn close_list(out: &mut Extraction, lead_in: Option<LeadIn>) {
    if let Some(lead) = lead_in
        && lead.items > 0
    {
        out.commitments.remove(lead.commitment);
    }
}

/// An item of a list announced by a lead-in: a later block that continues the lead-in's
/// sentence. `folded`: the item's text, folded.
fn is_list_item(lead: &LeadIn, sentence: &crate::document::Sentence, folded: &str) -> bool {
    // An item goes on the lead-in's sentence: it opens in lower case, with a figure ("5
    // millions d'euros pour former ..."), or with the verb the lead-in calls for, capital or
    // not ("sont convenus des mesures suivantes : 1. Créer un groupe de travail ...").
    let item = folded.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    sentence.block != lead.block
        && !sentence.heading
        // "6." alone, a paragraph's number that the reader set apart, is no item.
        && item.split_whitespace().nth(1).is_some()
        && (item
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            || opens_with_bare_verb(item, sentence.language))
}

/// "Créer un groupe", "Développer conjointement des capacités", "Establish a working group":
/// a verb in the infinitive or the imperative, then its object or an adverb. A French
/// infinitive is told by its ending, an English bare verb by the article after it; the words
/// with those endings that open a noun phrase ("Entre les", "Notre objectif", "The") are not.
fn opens_with_bare_verb(folded: &str, lang: Lang) -> bool {
    let mut words = folded
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '\''))
        .filter(|w| !w.is_empty());
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let first = first.to_ascii_lowercase();
    let second = second.to_ascii_lowercase();
    let second = second.as_str();
    match lang {
        Lang::Fr => {
            const NOT_VERBS: [&str; 16] = [
                "entre", "outre", "contre", "notre", "votre", "autre", "premier", "dernier",
                "hier", "leur", "pour", "sur", "par", "chaque", "cadre", "membre",
            ];
            const OBJECT_OPENINGS: [&str; 22] = [
                "un", "une", "le", "la", "les", "des", "du", "l'", "d'", "leur", "leurs", "ses",
                "son", "sa", "aux", "au", "a", "chaque", "ce", "cette", "ces", "ensemble",
            ];
            let infinitive = first.len() >= 4
                && ["er", "ir", "re", "oir"].iter().any(|e| first.ends_with(e))
                && !NOT_VERBS.contains(&first.as_str());
            infinitive && (OBJECT_OPENINGS.contains(&second) || second.ends_with("ment"))
        }
        Lang::En => {
            const NOT_VERBS: [&str; 12] = [
                "the", "a", "an", "this", "these", "those", "all", "both", "each", "every", "our",
                "their",
            ];
            const ARTICLES: [&str; 10] = [
                "a", "an", "the", "their", "its", "our", "this", "these", "each", "every",
            ];
            // "Canada, the EU and Japan agreed": a name set off by a comma.
            let set_off = folded[first.len()..].starts_with(',');
            !NOT_VERBS.contains(&first.as_str()) && !set_off && ARTICLES.contains(&second)
        }
    }
}

/// The first date that sets a deadline: one that is not before the commitment was made.
fn first_deadline<'d>(
    dates: impl Iterator<Item = &'d DateExpr>,
    made_floor: Option<NaiveDate>,
    made_early: i64,
) -> Option<Deadline> {
    dates
        // "a décidé aujourd'hui de", "agreed today to": the day it is said is when the
        // commitment is made, not when it is due.
        .filter(|d| {
            !(d.relative
                && matches!(d.relation, Relation::On | Relation::In)
                && matches!(d.precision, Precision::Day | Precision::Minute)
                && made_floor == Some(d.first_day))
        })
        .filter_map(|d| {
            d.deadline()
                // "will second experts from 2027", "dès 2027": what starts in a later
                // period must have begun by its end; so must what starts in the present one
                // ("nous ouvrirons dès cette année"). "Depuis 2023", "since 2025", begun
                // before the commitment, set nothing.
                .or_else(|| {
                    (d.relation == Relation::Since
                        && made_floor.is_some_and(|floor| {
                            d.first_day > floor || d.relative && d.last_day >= floor
                        }))
                    .then_some(d.last_day)
                })
                // "Yesterday, Allies agreed that ... within eighteen months": counted from
                // the day the commitment was made, not from the page's.
                .map(|due| {
                    let due = if d.counted {
                        due.checked_sub_signed(chrono::TimeDelta::days(made_early))
                            .unwrap_or(due)
                    } else {
                        due
                    };
                    (d, due)
                })
        })
        .find(|(_, due)| made_floor.is_none_or(|floor| *due >= floor))
        .map(|(d, due)| Deadline {
            date: due,
            precision: d.precision,
            text: d.text.clone(),
        })
}

fn rejected(doc: &Document, span: std::ops::Range<usize>, reason: String) -> Rejected {
    Rejected {
        quote: clean_quote(&doc.text[span.clone()]).to_string(),
        span: doc.source_span(span),
        reason,
    }
}

/// The triggers among the set's `hits`, in the lexicon's order: they come first in the set,
/// the vetoes and the milestone's opening after them.
fn hit_triggers<'r>(hits: &Hits, rules: &'r Rules) -> impl Iterator<Item = &'r Trigger> {
    hits.iter().map_while(|i| rules.triggers.get(i.as_usize()))
}

/// The trigger that decides the sentence: the first in lexicon order among those whose
/// match survives its own conditions. `Err` when triggers matched but none survived.
fn best_trigger<'r>(
    text: &str,
    lang: Lang,
    rules: &'r Rules,
    hits: &Hits,
    opens_with_verb: bool,
) -> Result<Option<Candidate<'r>>, String> {
    let mut reason = None;
    for trigger in hit_triggers(hits, rules) {
        if trigger.lang.is_some_and(|l| l != lang) {
            continue;
        }
        for m in trigger.pattern.regex().find_iter(text) {
            let before = &text[..m.start()];
            // "... et les réexaminera": in a clause that opens with its verb, "les" before
            // it is the verb's object, not an article.
            let object_pronoun = || {
                opens_with_verb
                    && OBJECT_PRONOUNS
                        .iter()
                        .any(|p| before.trim_end().eq_ignore_ascii_case(p.trim_end()))
                    || object_pronoun_after_subject(before)
            };
            if trigger
                .not_after
                .as_ref()
                .is_some_and(|r| r.is_match(before))
                && !object_pronoun()
            {
                continue;
            }
            // A quotation kept whole may hold several sentences ("Today we are changing that.
            // We will back every council"): a relative pronoun counts in the trigger's own.
            let sentence_start = own_sentence_start(text, m.start());
            if in_leading_condition(&before[sentence_start..]) {
                reason = Some(format!("{}: inside a condition", trigger.rule));
                continue;
            }
            if trigger.future {
                let own_sentence = &before[sentence_start..];
                if let Some(rel) = relative_clause(own_sentence, rules)
                    && !rules.declaratives.is_match(&own_sentence[..rel.start()])
                    && !rules.connective.is_match(own_sentence)
                    && !relative_of_a_party(&own_sentence[rel.start()..], rules)
                {
                    reason = Some(format!("{}: future inside a relative clause", trigger.rule));
                    continue;
                }
                let matched = &text[m.start()..m.end()];
                if trigger.rule.starts_with("en.")
                    && (is_will_noun(matched)
                        || is_ability(matched)
                        || is_refusal(matched, &text[m.end()..]))
                    || trigger.rule.starts_with("fr.") && is_french_refusal(before, matched)
                    || is_obligation(matched, &text[m.end()..])
                {
                    continue;
                }
                // A verb in the middle of a sentence is written in lower case; "Alexandra" or
                // "Cassandra" end like a future tense and are names.
                let last_word = text[m.range()].split_whitespace().last().unwrap_or("");
                let capitalised = last_word.chars().next().is_some_and(char::is_uppercase);
                if capitalised && !before.trim().is_empty() {
                    continue;
                }
            }
            return Ok(Some(Candidate {
                trigger,
                start: m.start(),
                end: m.end(),
                sentence_start,
            }));
        }
    }
    reason.map_or(Ok(None), Err)
}

/// The relative clause that runs to the end of `text`, if any: from its relative word on.
/// A "that" or "que" after a copula opens what the subject is, not a relative: "What I can
/// tell you is that Allies will", "Le fait est que la France renforcera".
fn relative_clause(text: &str, rules: &Rules) -> Option<regex_automata::Match> {
    let mut from = 0;
    loop {
        let found = rules
            .relative
            .find(regex_automata::Input::new(text).range(from..))?;
        if !after_copula(&text[..found.start()]) {
            return Some(found);
        }
        let word = &text[found.start()..];
        from = found.start()
            + word
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(word.len())
                .max(1);
    }
}

/// Whether `before` ends with a copula: "is", "was", "est", "c'est".
fn after_copula(before: &str) -> bool {
    let last = before.split_whitespace().next_back().unwrap_or("");
    let last = last.rsplit('\'').next().unwrap_or(last);
    [
        "is", "was", "are", "were", "est", "etait", "sont", "etaient",
    ]
    .iter()
    .any(|copula| last.eq_ignore_ascii_case(copula))
}

/// Whether `before` ends with an object pronoun that follows its verb's subject: "l'UE
/// l'accompagnera", "la France les soutiendra", "elle les réexaminera". After a preposition
/// the same words are articles ("de l'opéra", "à la Sierra").
fn object_pronoun_after_subject(before: &str) -> bool {
    let trimmed = before.trim_end_matches(' ');
    let Some(rest) = ["l'", "le", "la", "les", "leur"].iter().find_map(|p| {
        let cut = trimmed.len().checked_sub(p.len())?;
        (trimmed.get(cut..)?.eq_ignore_ascii_case(p)
            && (cut == 0 || trimmed.as_bytes()[cut - 1] == b' '))
            .then(|| &trimmed[..cut])
    }) else {
        return false;
    };
    let Some(subject) = rest.strip_suffix(' ') else {
        return false;
    };
    let word = subject
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    ["il", "elle", "on", "ils", "elles", "nous", "vous"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
        || word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && subject.ends_with(|c: char| c.is_ascii_alphanumeric())
}

/// Whether the text before a date makes it the span of a programme rather than when it is
/// due: "consacrera 1,1 milliard d'euros sur la période 2026-2030", "over the period
/// 2026-2029".
fn names_a_period(before: &str) -> bool {
    let before = before.trim_end();
    ["periode", "period", "periode de", "period of", "periode du"]
        .iter()
        .any(|p| {
            before.len() >= p.len()
                && before.as_bytes()[before.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
                && before
                    .as_bytes()
                    .get(before.len().wrapping_sub(p.len() + 1))
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
        })
}

/// Whether the date at `range` of `text` is a span over which something is spread rather
/// than when it is due: a programme's period, or years listed together.
fn spread_over(text: &str, range: std::ops::Range<usize>) -> bool {
    names_a_period(text.get(..range.start).unwrap_or("")) || among_listed_years(text, range)
}

/// Whether the date at `range` of `text` is one of years listed together ("sera consacrée
/// en 2027 et 2028", "in 2026 and 2027"): the years over which something is spread, no
/// date it is due by.
fn among_listed_years(text: &str, range: std::ops::Range<usize>) -> bool {
    let (Some(before), Some(after)) = (text.get(..range.start), text.get(range.end..)) else {
        return false;
    };
    let conjunction = |rest: &str| {
        ["et ", "and "]
            .iter()
            .find_map(|c| rest.strip_prefix(c))
            .is_some_and(|year| year.starts_with(|c: char| c.is_ascii_digit()))
    };
    let after_conjunction = ["et", "and"].iter().any(|c| {
        before.trim_end().strip_suffix(c).is_some_and(|b| {
            b.ends_with(' ') && b.trim_end().ends_with(|c: char| c.is_ascii_digit())
        })
    });
    conjunction(after.trim_start()) || after_conjunction
}

/// Whether a sentence's text before a trigger is a condition it opens with, not closed yet
/// by a comma: "If Viet Nam decides", "Should Pacific leaders decide", "Si le Vietnam
/// décide" say what another may do, and what the main clause offers depends on it.
fn in_leading_condition(before: &str) -> bool {
    let opening = before.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    // Most sentences open otherwise: their first letter says so.
    if !opening
        .bytes()
        .next()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'i' | b's' | b'u'))
    {
        return false;
    }
    let first_word = opening
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("");
    ["if", "si", "s'il", "s'ils", "should", "unless"]
        .iter()
        .any(|w| first_word.eq_ignore_ascii_case(w))
        && !opening.contains([',', ';', ':'])
}

/// "seront coordonnés", "will be presented": a passive future, whose agent is a party even
/// where its subject is a thing ("les menaces seront évaluées").
fn is_passive(future: &str) -> bool {
    let mut words = future
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    let mut next = words.next();
    if first.eq_ignore_ascii_case("will") || first.eq_ignore_ascii_case("shall") {
        if !next.is_some_and(|w| w.eq_ignore_ascii_case("be")) {
            return false;
        }
        next = words.next();
    } else if !["sera", "seront", "serait", "seraient"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first))
    {
        return false;
    }
    // An adverb may stand before the participle: "sera également organisé".
    if next.is_some_and(|w| w.ends_with("ment") || w.ends_with("ly")) {
        next = words.next();
    }
    next.is_some_and(|w| {
        let w = w.to_ascii_lowercase();
        [
            "e", "es", "i", "is", "ie", "ies", "u", "us", "ue", "ues", "ed", "en", "t", "ts",
        ]
        .iter()
        .any(|end| w.ends_with(end))
    })
}

/// "va continuer de croître", "will continue to grow": how something evolves, with no object
/// that would make the verb a party's action ("will increase their support").
fn is_evolution(from_trigger: &str, rules: &Rules) -> bool {
    rules
        .evolutions
        .find(from_trigger)
        .is_some_and(|m| !rules.object.is_match(&from_trigger[m.end()..]))
}

/// "will of the people", "will to act": the noun, not the auxiliary.
/// "Manufacturers will be able to demonstrate compliance", "the agency will be able to draw on
/// more staff": what a party can do once a law applies, as French writes "pourront", which is
/// no trigger either; not what it undertakes.
fn is_ability(matched: &str) -> bool {
    let mut words = matched.split_whitespace().rev();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("able"))
        && words.next().is_some_and(|w| w.eq_ignore_ascii_case("be"))
}

/// "Les Alliés devront investir davantage", "Member States will have until 30 June 2027",
/// "each hub will have to be able to": what someone must do, as a law or a speaker demands
/// it, not what a party undertakes.
fn is_obligation(matched: &str, after: &str) -> bool {
    let mut words = matched.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    ["devra", "devront", "devrons"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
        || last.eq_ignore_ascii_case("have")
            && words.next().is_some_and(|w| w.eq_ignore_ascii_case("will"))
            && after_opening(after.trim_start(), &["to ", "until "]).is_some()
}

/// "Operators will not face new obligations", "Quantum computing will not wait for us": a
/// future denied says what will not happen, not what a party undertakes. Unless what is
/// denied is giving up or giving in: "we will not hesitate to respond", "NATO will never stop
/// supporting", "we will not accept any attempt to reopen it".
fn is_refusal(matched: &str, after: &str) -> bool {
    let mut words = matched.split_ascii_whitespace().rev();
    let denied = words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("not") || w.eq_ignore_ascii_case("never"));
    if !denied {
        return false;
    }
    let giving_up = after.split_ascii_whitespace().next().is_some_and(|verb| {
        [
            "hesitate",
            "stop",
            "cease",
            "waver",
            "relent",
            "rest",
            "spare",
            "tire",
            "falter",
            "flinch",
            "abandon",
            "forget",
            "accept",
            "tolerate",
            "allow",
            "let",
            "recognise",
            "recognize",
        ]
        .iter()
        .any(|w| verb.eq_ignore_ascii_case(w))
    });
    !giving_up
}

/// "Le gouvernement ne créera pas de nouvelle agence", "ce financement ne se substituera pas
/// aux investissements": the French future denied by "ne" before it. Unless what is denied is
/// giving up or giving in: "la France ne relâchera pas son effort", "l'UE ne cessera de
/// soutenir", "ne ménagera aucun effort", "ne transigera pas sur la sécurité".
fn is_french_refusal(before: &str, matched: &str) -> bool {
    let before = before.trim_end();
    let denied = [
        "ne", "ne se", "ne s'", "n'y", "ne les", "ne le", "ne la", "ne leur",
    ]
    .iter()
    .any(|ne| {
        before.len() >= ne.len()
            && before.is_char_boundary(before.len() - ne.len())
            && before[before.len() - ne.len()..].eq_ignore_ascii_case(ne)
            && before[..before.len() - ne.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
        // The elided "n'" needs no word boundary: no other word ends with it.
        || before.ends_with("n'")
        || before.ends_with("N'");
    if !denied {
        return false;
    }
    let verb = matched
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let giving_up = [
        "relach", "cess", "menag", "manqu", "hesit", "faibl", "renonc", "abandonn", "oubli",
        "tolér", "toler", "accept", "laiss", "fléch", "flech", "recul", "transig", "faill",
        "baiss", "céd", "ced",
    ]
    .iter()
    .any(|stem| {
        verb.get(..stem.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(stem))
    });
    !giving_up
}

fn is_will_noun(matched: &str) -> bool {
    let last = matched
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "of" | "to" | "and" | "or" | "in" | "for" | "be"
    )
}

/// The comma-separated pieces of the clause before `at`, each with its start offset.
fn clause_pieces(text: &str, at: usize) -> Pieces<'_> {
    // The sentence's own final stop is no clause boundary; a stop before the verb is one: in
    // "« Les attaques ne faiblissent pas. Nous continuerons »" the subject is "Nous".
    let before = if text[at..].trim().is_empty() {
        text[..at].trim_end_matches(['.', '!', '?', ' ', '»', '"', '”', '\n'])
    } else {
        text[..at].trim_end()
    };
    // A reader may keep a quoted passage of several sentences together: the clause starts
    // after the last full stop too. Read by bytes, as for every commitment: "«" and "“" are
    // known by their last byte and the ones before it, each the end of its only character.
    let b = before.as_bytes();
    let clause_start = (0..b.len())
        .rev()
        .find(|&i| match b[i] {
            b';' | b':' | b'!' | b'?' => true,
            b'.' => !is_abbreviation(before, i),
            0xAB => i >= 1 && b[i - 1] == 0xC2,
            0x9C => i >= 2 && b[i - 2..i] == [0xE2, 0x80],
            _ => false,
        })
        .map_or(0, |i| i + 1);
    let mut pieces = Pieces::new();
    let mut start = clause_start;
    let mut i = clause_start;
    while i < b.len() {
        // ',', '(', ')', and the dashes '–' and '—' (E2 80 93, E2 80 94).
        let width = match b[i] {
            b',' | b'(' | b')' => 1,
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)) => 3,
            _ => 0,
        };
        if width > 0 {
            pieces.push((start, &before[start..i]));
            start = i + width;
            i += width;
        } else {
            i += 1;
        }
    }
    pieces.push((start, &before[start..]));
    pieces
}

/// `text` after the first of `openings` it starts with, in any case.
fn after_opening<'t>(text: &'t str, openings: &[&str]) -> Option<&'t str> {
    openings.iter().find_map(|o| {
        text.get(..o.len())
            .filter(|t| t.eq_ignore_ascii_case(o))
            .map(|_| &text[o.len()..])
    })
}

/// The length of the relative adverb that opens `piece` ("where", "où", "when", "lorsque"),
/// with the space before it; 0 when none does.
fn relative_adverb_len(piece: &str) -> usize {
    let adverbs = [
        "where ", "when ", "whereas ", "while ", "ou ", "lorsque ", "quand ",
    ];
    after_opening(piece.trim_start(), &adverbs).map_or(0, |rest| piece.len() - rest.len())
}

/// Whether `text` names a party, not only a capital that may be a place.
fn names_a_party(text: &str, rules: &Rules) -> bool {
    rules
        .registry
        .mentions(text)
        .iter()
        .any(|m| m.kind != MentionKind::Metonym)
}

/// The pronoun, and the preposition before it, that open a relative clause whose subject
/// follows them ("with whom", "to which", "que", "auxquels"), split off `clause`: the
/// clause's own subject and what follows it. `None` for a pronoun that is itself the subject
/// ("qui", "who"), or no pronoun at all.
fn split_relative_pronoun(clause: &str) -> Option<(&str, &str)> {
    #[derive(PartialEq)]
    enum Word {
        Preposition,
        Object,
        Qui,
        Other,
    }
    // A word by its lower case, looked up with one `match`: this runs on every clause.
    let kind = |word: &str| {
        let mut lower = [0u8; 12];
        let Some(buf) = lower.get_mut(..word.len()) else {
            return Word::Other;
        };
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        match &*buf {
            b"with" | b"to" | b"by" | b"for" | b"from" | b"on" | b"in" | b"through" | b"avec"
            | b"a" | b"par" | b"pour" | b"dans" | b"sur" => Word::Preposition,
            b"whom" | b"which" | b"that" | b"que" | b"lequel" | b"laquelle" | b"lesquels"
            | b"lesquelles" | b"auquel" | b"auxquels" | b"auxquelles" | b"duquel" | b"desquels" => {
                Word::Object
            }
            b"qui" => Word::Qui,
            _ => Word::Other,
        }
    };
    // The word at `from`, past the spaces before it: (where it starts, the word).
    let word_at = |from: usize| {
        let rest = clause.get(from..)?;
        let start = from + (rest.len() - rest.trim_start_matches(' ').len());
        let rest = &clause[start..];
        let word = &rest[..memchr::memchr(b' ', rest.as_bytes()).unwrap_or(rest.len())];
        (!word.is_empty()).then_some((start, word))
    };
    let (start, first) = word_at(0)?;
    let end = match kind(first) {
        Word::Preposition => {
            let (start, pronoun) = word_at(start + first.len())?;
            // "auquel" takes no preposition before it, "qui" needs one.
            let contracted = ["auquel", "auxquels", "auxquelles", "duquel", "desquels"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(pronoun));
            (matches!(kind(pronoun), Word::Object | Word::Qui) && !contracted)
                .then(|| start + pronoun.len())
        }
        Word::Object => Some(start + first.len()),
        // "qu'" is glued to its subject.
        _ => clause
            .get(start..start + 3)
            .filter(|q| q.eq_ignore_ascii_case("qu'"))
            .map(|_| start + 3),
    }?;
    Some((&clause[..end], &clause[end..]))
}

/// The length of the relative pronoun, with its preposition, that opens `piece`, where a
/// subject follows it; 0 when none does.
fn relative_pronoun_len(piece: &str) -> usize {
    let lead = piece.len() - piece.trim_start().len();
    match split_relative_pronoun(piece.trim_start()) {
        Some((pronoun, rest)) if !rest.trim().is_empty() => lead + pronoun.len(),
        _ => 0,
    }
}

/// Whether a relative clause, from its pronoun to the verb, has a party of its own as
/// subject: "with whom we will", "to which the United States will", "que nous mènerons".
/// A future there is that party's plan, not a description ("les objectifs que les pays
/// devront atteindre"). After "that" or "que" only "we" counts: "the measures that the EU
/// will take" describes more often than it commits.
fn relative_of_a_party(clause: &str, rules: &Rules) -> bool {
    let Some((pronoun, subject)) = split_relative_pronoun(clause) else {
        return false;
    };
    let subject = subject.trim();
    let first_person = ["we", "nous"].iter().any(|we| {
        subject
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(we))
    }) && subject.split_whitespace().count() <= 2;
    let bare = !pronoun.contains(' ');
    let loose = ["that", "que", "qu'"]
        .iter()
        .any(|p| pronoun.eq_ignore_ascii_case(p));
    if first_person {
        return true;
    }
    !(bare && loose) && subject.split_whitespace().count() <= 6 && names_a_party(subject, rules)
}

/// The length of what opens `piece` up to the "que", "qu'" or "that" after a verb of saying
/// ("a souligné que", "stressed that") or a copula ("the point is that"), where a party is
/// named after it; 0 when none is. A pronoun after it ("qu'elle s'était engagée") is left to
/// stand for the subject before.
fn completive_len(piece: &str, rules: &Rules) -> usize {
    let bytes = piece.as_bytes();
    let word_start = |i: usize| i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
    // The last complementizer only: the one whose clause holds the verb. In lower case, for
    // a verb of saying comes before it.
    let Some((at, len)) = memchr::memrchr2_iter(b'q', b't', bytes)
        .filter(|&i| word_start(i))
        .find_map(|i| {
            ["que ", "qu'", "that "]
                .iter()
                .find_map(|c| bytes[i..].starts_with(c.as_bytes()).then_some((i, c.len())))
        })
    else {
        return 0;
    };
    let after = at + len;
    // "What I can tell you is that we will": a pronoun for parties opens the clause as a
    // name does.
    if (rules.declaratives.is_match(&piece[..at]) || after_copula(&piece[..at]))
        && (names_a_party(&piece[after..], rules) || rules.pronouns.is_match(&piece[after..]))
    {
        after
    } else {
        0
    }
}

/// Where the sentence of `text` (folded) that holds offset `before` starts: after the last
/// full stop, exclamation or question mark followed by a space and a capital, a figure or a
/// quotation mark. A stop after an abbreviation ("Mr. J. Smith", "f.f. de la division") ends
/// no sentence, as the reader decides (`crate::document::sentences::abbreviation`, which
/// knows initials too).
fn own_sentence_start(text: &str, before: usize) -> usize {
    let bytes = text.as_bytes();
    let abbreviation = |stop: usize| {
        crate::document::sentences::abbreviation(&text[..stop], char::from(bytes[stop + 2]))
    };
    // Every commitment asks, and most sentences have no stop before their trigger: the
    // stops are found by memchr, not by testing every byte.
    let end = before.min(bytes.len().saturating_sub(1));
    memchr::memrchr3_iter(b'.', b'!', b'?', &bytes[..end.saturating_sub(1)])
        .find(|&stop| {
            let opens = bytes[stop + 2].is_ascii_uppercase()
                || bytes[stop + 2].is_ascii_digit()
                || bytes[stop + 2] == b'"';
            bytes[stop + 1] == b' ' && opens && (bytes[stop] != b'.' || !abbreviation(stop))
        })
        .map_or(0, |stop| stop + 2)
}

/// Whether the full stop at `i` closes an initial ("U.S.", "M. Dupont") rather than a
/// sentence: it follows a lone capital, or a dot the next word runs on from ("U.S.-France").
fn is_abbreviation(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let lone_capital = i >= 1
        && bytes[i - 1].is_ascii_uppercase()
        && (i == 1 || !bytes[i - 2].is_ascii_alphanumeric());
    let runs_on = bytes
        .get(i + 1)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-');
    lone_capital || runs_on
}

/// The subject of the clause whose verb starts at `at`: the nearest piece before the verb
/// that is not an adverbial or an incise, cut at its first finite verb.
fn subject_of(text: &str, at: usize, lang: Lang, rules: &Rules) -> Subject {
    subject_in(&Clause::new(text, at, lang, rules), rules)
}

/// The first finite verb of a clause. "A" opening it is no verb: the French "a" follows its
/// subject ("l'UE a décidé"), and an opening "A" is the English article ("A seminar will be
/// held") or "À" without its accent.
fn first_verb(text: &str, rules: &Rules) -> Option<regex_automata::Match> {
    let opening = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_ascii_alphanumeric())
            .len();
    rules.verbs.find_iter(text).find(|v| {
        let opening_a = v.start() == opening && text[v.range()].eq_ignore_ascii_case("a");
        !opening_a && !before_participle(&text[v.range()], &text[v.end()..])
    })
}

/// Whether a reflexive pronoun opens a participle, not a finite verb: "S'agissant des
/// enceintes internationales, les délégations ont", "se fondant sur".
fn before_participle(verb: &str, after: &str) -> bool {
    let reflexive = verb.eq_ignore_ascii_case("s'") || verb.eq_ignore_ascii_case("se");
    reflexive && {
        let word = after.trim_start();
        let word = &word[..word
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(word.len())];
        word.len() > 4 && word[word.len() - 3..].eq_ignore_ascii_case("ant")
    }
}

/// The comma-separated pieces of the clause before a verb, each cut at its own first finite
/// verb and marked when it is an adverbial or an incise: what both the subject and the
/// place where it starts are read from.
struct Clause<'t, 'r> {
    /// Each piece's start in the text and the piece, as cut.
    cut: Pieces<'t>,
    /// Each piece read (`Clause::piece`) the first time it is asked for: the subject is
    /// found from the verb backwards, and the pieces before it are mostly never read.
    read: smallvec::SmallVec<[std::cell::OnceCell<Piece<'t>>; PIECES]>,
    lang: Lang,
    rules: &'r Rules,
    /// The page's parties, for a name of several parties (`Registry::mentions_among`); none
    /// where they are not known yet.
    parties: &'r [String],
}

/// A clause's pieces as cut (`clause_pieces`), each with its start in the text. Every
/// commitment's clause is cut: most have fewer than `PIECES`, held without an allocation.
type Pieces<'t> = smallvec::SmallVec<[(usize, &'t str); PIECES]>;

const PIECES: usize = 8;

/// A piece of a clause: its start in the text, the piece, its head before a verb, and
/// whether it is an adverbial or an incise.
type Piece<'t> = (usize, &'t str, &'t str, bool);

impl<'t, 'r> Clause<'t, 'r> {
    fn new(text: &'t str, at: usize, lang: Lang, rules: &'r Rules) -> Clause<'t, 'r> {
        Clause::on_page(text, at, lang, rules, &[])
    }

    /// A clause of a page whose parties are `parties`.
    fn on_page(
        text: &'t str,
        at: usize,
        lang: Lang,
        rules: &'r Rules,
        parties: &'r [String],
    ) -> Clause<'t, 'r> {
        let cut = clause_pieces(text, at);
        let read = smallvec::smallvec![std::cell::OnceCell::new(); cut.len()];
        Clause {
            cut,
            read,
            lang,
            rules,
            parties,
        }
    }

    fn len(&self) -> usize {
        self.cut.len()
    }

    fn piece(&self, index: usize) -> &Piece<'t> {
        self.read[index].get_or_init(|| self.read_piece(index))
    }

    fn read_piece(&self, index: usize) -> Piece<'t> {
        let rules = self.rules;
        let (start, piece) = self.cut[index];
        // "That is why Allies will": the subject follows the connective.
        // Most pieces hold none of the connectives' words: no regex for them.
        let skip = may_connect(piece)
            .then(|| rules.connective.captures(piece))
            .flatten()
            .and_then(|c| c.name("connective"))
            .map_or(0, |c| c.end());
        // "the Washington Summit, where Allies agreed to": a relative adverb opens the
        // verb's own clause, whose subject follows it. Before another piece, it opens
        // an incise ("Demo Day, where companies will present ..., will be held").
        // In the verb's own piece, a relative pronoun ("partners with whom we will intensify",
        // "to which the United States will send") and a verb of saying ("La ministre a
        // souligné que l'Espagne restait engagée") likewise come before a subject of their
        // own: the first of the three that opens the piece is passed over.
        let skip = if skip > 0 || index + 1 < self.cut.len() {
            skip
        } else {
            [relative_adverb_len, relative_pronoun_len]
                .iter()
                .map(|len| len(piece))
                .find(|&len| len > 0)
                .unwrap_or_else(|| completive_len(piece, rules))
        };
        let (start, piece) = (start + skip, &piece[skip..]);
        let head = first_verb(piece, rules).map_or(piece, |v| &piece[..v.start()]);
        // Folded, "à Bruxelles" opens an adverbial as "a"; in English "a" is the
        // article of a subject ("A joint workshop will be held").
        let article = self.lang == Lang::En && {
            let words = head.trim_start().as_bytes();
            words.len() > 2 && words[0].eq_ignore_ascii_case(&b'a') && words[1] == b' '
        };
        (
            start,
            piece,
            head,
            !article && rules.adverbial.is_match(head) && !opens_with_name(head, rules),
        )
    }

    /// Where the subject starts: dates before it are when the commitment was made.
    fn subject_start(&self) -> usize {
        (0..self.len())
            .rev()
            .map(|i| self.piece(i))
            .find(|(_, _, head, adverbial)| !head.trim().is_empty() && !adverbial)
            .or_else(|| self.len().checked_sub(1).map(|last| self.piece(last)))
            .map_or(0, |(start, ..)| *start)
    }
}

/// "Together we will bring it to the next level": the speaker and the partners, where the
/// subject is "we".
const TOGETHER: [&str; 2] = ["together", "ensemble"];

fn subject_in(clause: &Clause<'_, '_>, rules: &Rules) -> Subject {
    for index in (0..clause.len()).rev() {
        let &(_, _, head, adverbial) = clause.piece(index);
        let mentions: Vec<Mention> = rules
            .registry
            .mentions_among(head, clause.parties)
            .into_iter()
            .filter(|m| m.kind != MentionKind::Metonym || !after_preposition(&head[..m.span.start]))
            .filter(|m| !partner_of_a_noun(&head[..m.span.start]))
            .collect();
        if !mentions.is_empty() && !adverbial && !opens_with_personal_pronoun(head) {
            let mut ids: Vec<String> = Vec::new();
            // "L'UE, les États-Unis et le Japon sont convenus": earlier pieces that are
            // nothing but names belong to the same subject.
            let mut listed = 0;
            for earlier in (0..index).rev().map(|i| clause.piece(i).1) {
                if !is_name_list(earlier, rules) {
                    break;
                }
                push_ids(&mut ids, rules.registry.ids_among(earlier, clause.parties));
                listed += 1;
            }
            // "Les ministres de l'Allemagne, de la France et de la Pologne", "the ministers
            // of Germany, France and Poland": the enumeration began at the end of the piece
            // before.
            if listed == 0
                && index > 0
                && opens_enumeration_item(head, &mentions)
                && ends_with_capitalised_word(clause.cut[index - 1].1)
                && let (_, _, before, false) = clause.piece(index - 1)
                && let Some(last) = rules.registry.mentions(before).pop()
                && last.kind != MentionKind::Metonym
                && last.span.end == before.trim_end().len()
            {
                push_ids(&mut ids, vec![last.id]);
            }
            push_ids(&mut ids, mentions.into_iter().map(|m| m.id).collect());
            return Subject::Named(ids);
        }
        let unquoted = head.trim_start_matches(['"', '«', '“', '\'', ' ', '\u{a0}']);
        if rules.pronouns.is_match(unquoted) {
            // The pronoun itself, after an opening adverb if any ("Together we"). A speaker's
            // "je", "I", speaks for the party the speaker's "nous" would, and so does the
            // possessive that stands alone before a goal ("Our goal is to").
            let first_person = unquoted.split_whitespace().take(2).any(|w| {
                [
                    "nous", "we", "je", "i", "our", "my", "notre", "nos", "mon", "ma",
                ]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
                    || w.get(..2).is_some_and(|j| j.eq_ignore_ascii_case("j'"))
            });
            // "Les dirigeants", "the participants": the people of every party present.
            let both = unquoted.split_whitespace().take(3).any(|x| {
                [
                    "deux",
                    "two",
                    "trois",
                    "three",
                    "quatre",
                    "four",
                    "both",
                    "parties",
                    "sides",
                    "participants",
                    "partenaires",
                    "partners",
                    "dirigeants",
                    "leaders",
                    "delegations",
                    // "The Ministers" of a joint statement, "hereafter the Ministers".
                    "ministers",
                    "ministres",
                    // "The agencies intend to", "les équipes s'engagent": the bodies of the
                    // parties, together.
                    "agencies",
                    "agences",
                    "authorities",
                    "autorités",
                    "teams",
                    "équipes",
                ]
                .iter()
                .chain(&TOGETHER)
                .any(|w| w.eq_ignore_ascii_case(x))
            });
            // "Together, we", "Ensemble, nous": the adverb is a piece of its own.
            let both = both
                || clause.cut[..index].iter().any(|&(_, piece)| {
                    let piece = piece.trim_matches(|c: char| !c.is_ascii_alphanumeric());
                    TOGETHER.iter().any(|w| piece.eq_ignore_ascii_case(w))
                });
            return Subject::Pronoun { first_person, both };
        }
        if head.trim().is_empty() || adverbial {
            // A leading adverbial that names parties ("Au nom de l'UE, ...") still tells who
            // acts when the clause has no other subject.
            if index == 0 && !mentions.is_empty() {
                return Subject::Named(mentions.into_iter().map(|m| m.id).collect());
            }
            continue;
        }
        let head = head.trim_start();
        let demonstrative = [
            "cette ", "ce ", "cet ", "ces ", "this ", "these ", "that ", "those ",
        ]
        .iter()
        .any(|d| {
            head.get(..d.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(d))
        });
        // "Le prochain dialogue se tiendra ...": an event of the document belongs to all of
        // its parties, not only to the last one named.
        let event = EVENT_NOUN_FINDER.is_match(head)
            // "the fourth Digital Partnership Council", "le prochain Conseil": a meeting.
            || COUNCIL_FINDER.is_match(head) && rules.milestone.is_match(head)
            || head
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| JOINT_WORDS.iter().any(|j| j.eq_ignore_ascii_case(w)));
        return Subject::Implicit {
            demonstrative,
            event,
        };
    }
    Subject::Implicit {
        demonstrative: false,
        event: false,
    }
}

/// The subject of the clause that governs the one a pronoun at `pronoun_at` stands in: in
/// "Les deux pays rappellent qu'en 2024, lors de la réunion, ils étaient convenus", the
/// pronoun is "les deux pays". Only a named subject or one that means all the parties ("les
/// deux pays", "both sides"), and only where no other party is named in between.
fn governing_subject(text: &str, pronoun_at: usize, lang: Lang, rules: &Rules) -> Option<Subject> {
    let before = text.get(..pronoun_at)?;
    let mut words = before
        .char_indices()
        .filter(|&(i, _)| i == 0 || !before.as_bytes()[i - 1].is_ascii_alphabetic());
    let complementizer = words.find_map(|(i, _)| {
        let rest = &before[i..];
        let opens = |word: &str| {
            rest.get(..word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
                && (word.ends_with('\'')
                    || !rest
                        .as_bytes()
                        .get(word.len())
                        .is_some_and(u8::is_ascii_alphabetic))
        };
        ["que", "qu'", "that"].into_iter().any(opens).then_some(i)
    })?;
    // A place after a preposition ("à New Delhi") names no one the pronoun could be.
    let named_between = names_a_party(&before[complementizer..], rules);
    let governing = &before[..complementizer];
    if named_between || governing.trim().is_empty() {
        return None;
    }
    // "We welcome the announcement by Japan on 24 April that it will host": the one whose
    // announcement it is.
    let lower = governing.to_ascii_lowercase();
    if let Some(by) = [" announcement by ", " annonce par ", " annonce de "]
        .iter()
        .filter_map(|noun| lower.rfind(noun).map(|at| at + noun.len()))
        .max()
        && let [party] = rules.registry.ids(&governing[by..]).as_slice()
    {
        return Some(Subject::Named(vec![party.clone()]));
    }
    let clause = Clause::new(governing, subject_end(governing, rules), lang, rules);
    match subject_in(&clause, rules) {
        named @ Subject::Named(_) => Some(named),
        all @ Subject::Pronoun { both: true, .. } => Some(all),
        _ => None,
    }
}

/// "We, the Heads of State and Government of the North Atlantic Alliance, have met ...": a
/// first person with an apposition says who the document's "we" is, from there on, whether
/// or not that sentence commits to anything.
fn declared_voice(text: &str, rules: &Rules) -> Option<Vec<String>> {
    // Past a paragraph number ("1. We, ...") or an opening quotation mark.
    let opening = text.trim_start_matches(|c: char| !c.is_alphabetic());
    let rest = after_opening(opening, &["we,", "nous,"])?;
    // "Nous, ministres ... de l'Allemagne, de la France et de la Pologne, réunis à ...": the
    // apposition goes on over the items of its enumeration.
    let mut pieces = rest.split(',');
    let mut ids = rules.registry.ids(pieces.next()?);
    for piece in pieces {
        let piece = piece.trim_start();
        let item = after_opening(piece, &["et ", "and "])
            .unwrap_or(piece)
            .trim_start();
        // "de la France", "of the Republic of Poland": a complement like the first one's,
        // with its party among its first words.
        let of = after_opening(item, &["de ", "d'", "du ", "des ", "of "]).is_some();
        let near = item
            .char_indices()
            .filter(|&(_, c)| c == ' ')
            .nth(4)
            .map_or(item.len(), |(i, _)| i);
        let mentions = rules.registry.mentions(item);
        // "We, the foreign ministers of Denmark, Estonia, ... and Sweden, met": an item that
        // is nothing but a name goes on the enumeration too.
        let bare_name = !mentions.is_empty()
            && mentions.iter().all(|m| m.kind == MentionKind::Name)
            && mentions
                .iter()
                .scan(0, |at, m| {
                    let gap = item.get(*at..m.span.start).unwrap_or("");
                    *at = m.span.end;
                    Some(only_articles(gap))
                })
                .all(|ok| ok)
            && mentions
                .last()
                .is_some_and(|m| item[m.span.end..].trim().is_empty());
        if !(of || bare_name) || mentions.first().is_none_or(|m| m.span.start >= near) {
            break;
        }
        push_ids(&mut ids, mentions.into_iter().map(|m| m.id).collect());
    }
    (!ids.is_empty()).then_some(ids)
}

/// "EU Statement on ...", "Statement by the High Representative on behalf of the EU",
/// "Déclaration au nom de l'UE": a statement's title says whose "we" it is.
fn title_voice(title: &str, rules: &Rules) -> Option<Vec<String>> {
    let folded = crate::fold::fold(title);
    let lower = folded.to_ascii_lowercase();
    let keyword = ["statement", "declaration"]
        .iter()
        .find_map(|k| lower.find(k).map(|at| (at, at + k.len())))?;
    let (at, end) = keyword;
    // "EU Statement": the party named right before the word.
    let before = rules
        .registry
        .mentions(&folded[..at])
        .into_iter()
        .rev()
        .find(|m| folded[m.span.end..at].trim().is_empty())
        .map(|m| vec![m.id]);
    if before.is_some() {
        return before;
    }
    // "Statement on behalf of the EU", "Déclaration au nom de l'UE": the parties right after.
    let after = &lower[end..];
    let on_behalf = [" on behalf of ", " by ", " au nom de ", " de la part de "]
        .iter()
        .find_map(|p| after.find(p).map(|i| end + i + p.len()))?;
    let rest = &folded[on_behalf..];
    let clause = rest.split([',', ':', ';', '(']).next().unwrap_or(rest);
    let ids = rules.registry.ids(clause);
    (!ids.is_empty()).then_some(ids)
}

/// A rule of agreeing or deciding: what "we" agreed at a meeting of NATO, the Secretary
/// General says for the Allies, who took the decision ("Today we agreed to strengthen").
fn decided_together(rule: &str) -> bool {
    matches!(rule.split_once('.'), Some((_, "agree" | "decide")))
}

/// A subject that names the people who represent the member states at a meeting: "les
/// ministres", "the leaders", "les chefs d'État et de gouvernement".
fn names_members_people(subject: &str) -> bool {
    among_first_words(
        subject,
        &[
            "ministres",
            "ministers",
            "dirigeants",
            "leaders",
            "chefs",
            "heads",
        ],
    )
}

/// A named subject that is the member states or their people, not the organisation named
/// after them: "les ministres de la Défense des pays de l'OTAN", "NATO member states", "les
/// pays de l'Alliance".
fn names_members_of_named(subject: &str) -> bool {
    names_members_people(subject)
        || among_first_words(
            subject,
            &[
                "pays",
                "countries",
                "membres",
                "members",
                "member",
                "etats",
                "states",
            ],
        )
}

/// Whether one of the first three words of `subject` is one of `words`, in any case.
fn among_first_words(subject: &str, words: &[&str]) -> bool {
    subject
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| words.iter().any(|p| p.eq_ignore_ascii_case(w)))
}

/// Whether a party's id is a country's: ISO 3166-1 alpha-2, where organisations go by
/// their acronym ("EU", "NATO", "ASEAN") and groups by a longer name.
fn is_country(id: &str) -> bool {
    id.len() == 2 && id.bytes().all(|b| b.is_ascii_uppercase()) && id != "EU" && id != "UN"
}

/// "Participating States committed": a name that reads like an adverbial opening ("-ing",
/// "-ant") is the subject all the same.
fn opens_with_name(head: &str, rules: &Rules) -> bool {
    rules
        .registry
        .mentions(head)
        .first()
        .is_some_and(|m| head[..m.span.start].trim().is_empty())
}

/// A sentence in the document's own voice: "We ...", "Nous ...", outside a quotation.
fn opens_with_we(text: &str) -> bool {
    let words = text.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ' '));
    ["we ", "we,", "nous ", "nous,"].iter().any(|w| {
        words
            .get(..w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w))
    })
}

/// "We express our thanks to the Netherlands": a head that opens with a personal pronoun has
/// it for subject; the names after it are objects of a verb the lexicon does not list.
fn opens_with_personal_pronoun(head: &str) -> bool {
    let opening = head.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    let first = opening
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    // "The two sides welcomed their cooperation in the UN Global Mechanism and committed to":
    // the parties a phrase stands for, whatever it names after.
    const BOTH: [&str; 8] = [
        "both sides ",
        "the two sides ",
        "both parties ",
        "the two parties ",
        "les deux parties ",
        "les deux cotes ",
        "les deux pays ",
        "the two countries ",
    ];
    ["ils", "elles", "il", "elle", "nous", "we", "they"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(first))
        || BOTH.iter().any(|p| {
            opening
                .get(..p.len())
                .is_some_and(|o| o.eq_ignore_ascii_case(p))
        })
}

/// Whether a line the reader took for a heading (no final stop) really is one. Pages saved
/// from the web drop final stops from body paragraphs too: a long line after the body has
/// started, other than the title, is read as a sentence.
struct Headings<'d> {
    body_starts: usize,
    /// The title, folded like the sentences it is compared with.
    title: Option<Folded>,
    folded: &'d Folded,
}

impl<'d> Headings<'d> {
    fn new(doc: &Document, folded: &'d Folded) -> Self {
        Headings {
            body_starts: doc
                .sentences
                .iter()
                .position(|s| !s.heading)
                .unwrap_or(usize::MAX),
            title: doc.title.as_deref().map(Folded::new),
            folded,
        }
    }

    fn is_heading(&self, index: usize, sentence: &crate::document::Sentence, text: &str) -> bool {
        let is_title = self.title.as_ref().is_some_and(|title| {
            title.text.trim() == self.folded.slice(sentence.span.clone()).text.trim()
        });
        index < self.body_starts || is_title || text.split_whitespace().count() < 12
    }
}

/// Whether a name follows "with" after a noun of the subject: "Cette coopération avec la
/// France nous permettra", "This partnership with Japan will": the partner, not the
/// subject, which is the noun. So does a place: "La guerre en Ukraine a montré", "the war in
/// Ukraine".
fn partner_of_a_noun(before: &str) -> bool {
    let is_any = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    // From the name back: only articles, then the preposition, then a word before it; read
    // word by word from the end, most names have no preposition right before them.
    let mut words = before.split_whitespace().rev();
    let Some(preposition) = words.find(|w| !is_any(w, &["la", "le", "les", "the", "l'"])) else {
        return false;
    };
    if !is_any(preposition, &["avec", "with", "en", "in"]) {
        return false;
    }
    let mut earlier = words.peekable();
    earlier.peek().is_some()
        && !before.trim_end().ends_with(',')
        && !earlier.any(|w| w.ends_with(','))
}

/// "met in Brussels", "réunis à Washington": a capital after a preposition is a place.
fn after_preposition(before: &str) -> bool {
    let last = before
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        last.as_str(),
        "in" | "at"
            | "to"
            | "from"
            | "near"
            | "of"
            | "on"
            | "a"
            | "en"
            | "de"
            | "dans"
            | "vers"
            | "du"
            | "pres"
    )
}

fn push_ids(into: &mut Vec<String>, ids: Vec<String>) {
    for id in ids {
        if !into.contains(&id) {
            into.push(id);
        }
    }
}

/// Whether the last word of `piece` is capitalised ("l'Allemagne", "Germany"), as a name
/// is: most pieces end otherwise, and are not read for names.
fn ends_with_capitalised_word(piece: &str) -> bool {
    piece
        .trim_end()
        .rsplit([' ', '\''])
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Whether `head` opens with a name, after "de", "of" and an article: the next item of an
/// enumeration of names ("..., de la France et de la Pologne").
fn opens_enumeration_item(head: &str, mentions: &[Mention]) -> bool {
    let Some(first) = mentions.first() else {
        return false;
    };
    let mut rest = head.trim_start();
    for lead in [
        [
            "de la ", "de l'", "du ", "des ", "d'", "de ", "of the ", "of ",
        ]
        .as_slice(),
        ["la ", "le ", "les ", "l'", "the "].as_slice(),
    ] {
        if let Some(after) = after_opening(rest, lead) {
            if first.span.start == head.len() - rest.len() {
                return true;
            }
            rest = after;
        }
    }
    first.span.start == head.len() - rest.len()
}

/// A piece made only of party names, articles and conjunctions.
fn is_name_list(piece: &str, rules: &Rules) -> bool {
    let mentions = rules.registry.mentions(piece);
    if mentions.is_empty() {
        return false;
    }
    let mut rest = String::new();
    let mut last = 0;
    for m in &mentions {
        rest.push_str(&piece[last..m.span.start]);
        last = m.span.end;
    }
    rest.push_str(&piece[last..]);
    only_articles(&rest)
}

/// The rest of the clause after a trigger, for triggers whose party follows them.
fn clause_after(text: &str, from: usize) -> &str {
    let rest = &text[from..];
    let end = rest.find([',', ';', '.']).unwrap_or(rest.len());
    &rest[..end]
}

/// The parties a trigger whose party follows it names: inside its match ("confirmed that the
/// United States would") or in the names right after it ("une priorité pour l'UE et les
/// États-Unis"), not further on, in what is committed to ("qu'elle soutiendrait l'Ukraine").
fn party_after(text: &str, start: usize, end: usize, rules: &Rules) -> Vec<String> {
    let clause = clause_after(text, start);
    let mut reached = end - start;
    // A trigger that ends on a preposition ("priorité pour", "la détermination de") names its
    // party next; one that ends on a verb ("qu'elle soutiendrait") names its object.
    let last_word = text[start..end]
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let party_next = only_articles(last_word)
        || ["pour", "for", "by", "par"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(last_word));
    let mut ids = Vec::new();
    for m in rules.registry.mentions(clause) {
        let inside = m.span.start < end - start;
        let next_in_list =
            party_next && only_articles(clause.get(reached..m.span.start).unwrap_or(""));
        if !(inside || next_in_list) {
            break;
        }
        reached = reached.max(m.span.end);
        push_ids(&mut ids, vec![m.id]);
    }
    ids
}

/// Nothing but articles and conjunctions: what stands between the names of one list.
fn only_articles(gap: &str) -> bool {
    // With the words of a state's form, which a name may follow: "the Republic of Latvia",
    // "le Royaume de Belgique".
    const WORDS: [&str; 26] = [
        "l",
        "la",
        "le",
        "les",
        "et",
        "ainsi",
        "que",
        "de",
        "du",
        "des",
        "d",
        "the",
        "and",
        "as",
        "well",
        "of",
        "republic",
        "république",
        "republique",
        "kingdom",
        "royaume",
        "federal",
        "fédérale",
        "federale",
        "grand",
        "duchy",
    ];
    gap.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| WORDS.iter().any(|a| a.eq_ignore_ascii_case(w)))
}

/// Whether a sentence holds a quotation (the folded text writes every quotation mark `"`).
fn is_quoted(text: &str) -> bool {
    text.contains(['«', '»', '"', '“', '”'])
}

/// "« Nous ... », a déclaré le haut représentant de l'UE": the parties of the speaker.
fn attribution(text: &str, rules: &Rules) -> Vec<String> {
    let Some(close) = text.rfind(['»', '"', '”']) else {
        return Vec::new();
    };
    let after = &text[close..];
    // "a déclaré la ministre danoise, au nom de la présidence du Conseil": the speaker
    // speaks for the party named after "au nom de", not for her own country.
    let on_behalf = ["au nom de", "on behalf of"].iter().find_map(|phrase| {
        let at = after
            .as_bytes()
            .windows(phrase.len())
            .position(|w| w.eq_ignore_ascii_case(phrase.as_bytes()))?;
        let behalf = &after[at + phrase.len()..];
        let ids = rules.registry.ids(behalf);
        if !ids.is_empty() {
            return Some(ids);
        }
        // "au nom de la présidence", "on behalf of the Presidency": of the Council of the EU,
        // the only presidency a statement speaks for without naming it.
        let presidency = ["la presidence", "the presidency"].iter().any(|p| {
            behalf
                .trim_start()
                .get(..p.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(p))
        });
        presidency.then(|| vec!["EU".to_string()])
    });
    if let Some(ids) = on_behalf {
        return ids;
    }
    let after = rules.registry.ids(after);
    if !after.is_empty() {
        return after;
    }
    // "Le président du Conseil européen a déclaré : « Nous ... »": the speaker comes first.
    text.find(['«', '"', '“'])
        .filter(|&open| open < close)
        .map_or_else(Vec::new, |open| rules.registry.ids(&text[..open]))
}

/// Whom a quotation in `text` is attributed to: the parties its attribution names, else
/// those of the apposition where the page introduced the speaker named in it.
fn speaker_parties(text: &str, page_before: &str, rules: &Rules) -> Vec<String> {
    let attributed = attribution(text, rules);
    if attributed.is_empty() {
        introduced_speaker(text, page_before, rules)
    } else {
        attributed
    }
}

/// The parties of a speaker quoted by name alone ("…," said Ms Vandermeersch; « … », a
/// déclaré le général Lécuyer), read where the page introduced them, in the apposition after
/// their name: "co-chaired by Ms Ilse Vandermeersch, Head of the Cyber Policy Division of the
/// European External Action Service (EEAS), and Mr Nguyen ..." places her at the EU.
fn introduced_speaker(text: &str, page_before: &str, rules: &Rules) -> Vec<String> {
    // What stands outside the quotation marks (folded to '"'): the attribution, after the
    // quotation or between two of its parts.
    if !text.contains('"') {
        return Vec::new();
    }
    let outside = text.split('"').step_by(2).collect::<Vec<_>>().join(" ");
    // The speaker's surname: the last of the first capitalised words of the attribution, past
    // the title ("Ms Ilse Vandermeersch", "le général Lécuyer").
    let is_name = |w: &str| {
        w.len() >= 3
            && w.chars().next().is_some_and(char::is_uppercase)
            && !["Mrs", "Mme", "Madame", "Monsieur"].contains(&w)
    };
    let mut surname = None;
    for word in outside
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
    {
        if is_name(word) {
            surname = Some(word);
        } else if surname.is_some() {
            break;
        }
    }
    let Some(surname) = surname else {
        return Vec::new();
    };
    let bytes = page_before.as_bytes();
    let Some(at) = memchr::memmem::find_iter(bytes, surname.as_bytes()).find(|&at| {
        let end = at + surname.len();
        (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric())
    }) else {
        return Vec::new();
    };
    // The apposition ends with the sentence, or where the next person is named; it is read
    // within a few lines of the name, never to the end of the page.
    let apposition = &page_before[at + surname.len()..];
    let apposition = &apposition[..crate::diag::floor_char_boundary(apposition, 300)];
    let end = CLAUSE_STOPS
        .iter()
        .filter_map(|stop| apposition.find(stop))
        .min()
        .unwrap_or(apposition.len());
    let introduced = rules.registry.ids(&apposition[..end]);
    if !introduced.is_empty() {
        return introduced;
    }
    // "The U.S. delegation was led by ..., and the Philippine delegation by Undersecretary
    // Ramon Villanueva of the Department ...": the party comes before the name, in the
    // same clause, where the apposition names a body the registry does not know.
    let before = &page_before[..at];
    let before =
        &before[crate::diag::floor_char_boundary(before, before.len().saturating_sub(200))..];
    // Of two people named together ("NATO Deputy Secretary General Radmila Shekerinska and
    // Lithuanian Minister of National Defence Dovilė Šakalienė"), the second's party follows
    // the "and".
    // One pass from the end: a search per stop cost more than the rest of the look-up.
    let bytes = before.as_bytes();
    let start = (0..bytes.len())
        .rev()
        .filter(|&i| matches!(bytes[i], b'.' | b';' | b',' | b' ' | b'\n'))
        .find_map(|i| {
            CLAUSE_STOPS
                .iter()
                .chain(&[" and ", " et "])
                .find(|stop| bytes[i..].starts_with(stop.as_bytes()))
                .map(|stop| i + stop.len())
        })
        .unwrap_or(0);
    rules.registry.ids(&before[start..])
}

/// Where the clause that introduces a person ends: the sentence, a list, or the next person.
const CLAUSE_STOPS: [&str; 5] = [". ", ";", ", and ", ", et ", "\n"];

/// Parties that run through the document: those of its title, else the subjects most named.
fn document_parties(doc: &Document, doc_folded: &Folded, rules: &Rules) -> Vec<String> {
    if let Some(title) = &doc.title {
        // "Déclaration du sommet de Washington": a capital in a headline is where, not who.
        let mut ids = Vec::new();
        for mention in rules.registry.mentions(title) {
            if mention.kind != MentionKind::Metonym && !ids.contains(&mention.id) {
                ids.push(mention.id);
            }
        }
        // "Sénégal – Communiqué conjoint ..." on the French ministry's site: a joint text
        // whose headline names one party is also the publisher's.
        if ids.len() == 1
            && is_joint(title)
            && let Some(publisher) = publisher(doc, doc_folded, rules)
            && !ids.contains(&publisher)
        {
            ids.insert(0, publisher);
        }
        if !ids.is_empty() {
            return ids;
        }
        // A speech speaks for the government whose site prints it, or the one it names
        // most ("l'ANSSI", "France 2030"), not for the parties it speaks of as subjects ("La
        // Commission européenne a annoncé").
        if official_speaks(title) {
            let speaker = publisher(doc, doc_folded, rules)
                .map(|id| vec![id])
                .unwrap_or_else(|| most_named(doc, doc_folded, rules));
            if !speaker.is_empty() {
                return speaker;
            }
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in doc.sentences.iter().filter(|s| !s.heading).take(20) {
        let text = doc_folded.slice(s.span.clone()).text;
        if let Subject::Named(ids) = subject_of(text, subject_end(text, rules), s.language, rules) {
            for id in ids {
                tally(&mut counts, id);
            }
        }
    }
    let top = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let named: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n == top && top > 0)
        .map(|(id, _)| id)
        .collect();
    if !named.is_empty() {
        return named;
    }
    publisher(doc, doc_folded, rules)
        .map(|id| vec![id])
        .unwrap_or_else(|| most_named(doc, doc_folded, rules))
}

/// The party a page names most, anywhere in its sentences, where it names one more than any
/// other: a ministry's release that says "le Gouvernement" and "la ministre" throughout
/// names its country only through its agencies ("l'ANSSI", "le CERT-FR").
fn most_named(doc: &Document, doc_folded: &Folded, rules: &Rules) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in doc.sentences.iter().take(MOST_NAMED_SENTENCES) {
        for m in rules
            .registry
            .mentions(doc_folded.slice(s.span.clone()).text)
            .into_iter()
            .filter(|m| m.kind == MentionKind::Name)
        {
            tally(&mut counts, m.id);
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(id, _)] => vec![id.clone()],
        [(id, first), (_, second), ..] if first > second => vec![id.clone()],
        _ => Vec::new(),
    }
}

/// One more mention of `id`, in first-seen order.
fn tally(counts: &mut Vec<(String, usize)>, id: String) {
    match counts.iter_mut().find(|(seen, _)| *seen == id) {
        Some((_, n)) => *n += 1,
        None => counts.push((id, 1)),
    }
}

/// How far into a page `most_named` counts.
const MOST_NAMED_SENTENCES: usize = 60;

/// Whether a headline says the page is what an official says: an organisation's ("Point de
/// presse du secrétaire général de l'OTAN"), or a speech by whoever gives it ("Discours de
/// la ministre des Armées").
fn official_speaks(title: &str) -> bool {
    headline_says(
        title,
        &[
            "secretaire general",
            "secretary general",
            "secretary-general",
            "discours de",
            "discours du",
            "allocution de",
            "allocution du",
            "speech by",
            "remarks by",
            "address by",
        ],
    )
}

/// Whether a headline, folded and in lower case, holds one of `words`.
fn headline_says(title: &str, words: &[&str]) -> bool {
    let folded = crate::fold::fold(title).to_ascii_lowercase();
    words.iter().any(|w| folded.contains(w))
}

/// Whether a headline calls its text joint: "communiqué conjoint", "déclaration commune",
/// "joint statement".
fn is_joint(title: &str) -> bool {
    headline_says(
        title,
        &[
            "communique conjoint",
            "declaration conjointe",
            "declaration commune",
            "joint ",
        ],
    )
}

/// Whose site the page is on, where its header names it ("Ministère des Armées", "Cookies on
/// GOV.UK", "From: Department for Science, Innovation and Technology"): in a government's own
/// release, "le ministère", "the government" and a passive with no agent are that party's,
/// though no sentence names it.
fn publisher(doc: &Document, doc_folded: &Folded, rules: &Rules) -> Option<String> {
    doc.sentences
        .iter()
        .take(PAGE_HEADER_SENTENCES)
        .filter(|s| s.heading)
        .find_map(|s| {
            rules
                .registry
                .mentions(doc_folded.slice(s.span.clone()).text)
                .into_iter()
                .find(|m| m.kind == MentionKind::Name)
                .map(|m| m.id)
        })
}

/// The party of the speaker a heading gives the quotations under it ("Quotes attributable
/// to the Minister for Foreign Affairs"): the one it names, or, for a government's official
/// it does not place, the government whose site prints the page.
fn quotes_heading_party(
    doc: &Document,
    doc_folded: &Folded,
    rules: &Rules,
    index: usize,
) -> Vec<String> {
    let Some(heading) = doc.sentences[index.saturating_sub(QUOTES_UNDER_HEADING)..index]
        .iter()
        .rev()
        .find(|s| s.heading)
    else {
        return Vec::new();
    };
    let text = doc_folded.slice(heading.span.clone()).text;
    let lower = text.trim_start_matches(['#', ' ']).to_ascii_lowercase();
    let gives_quotes = [
        "quotes attributable to",
        "quote attributable to",
        "quotes from",
        "citations attribuables",
        "citation attribuable",
        "citations de",
        "citation de",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    if !gives_quotes {
        return Vec::new();
    }
    let named = rules.registry.ids(text);
    if !named.is_empty() {
        return named;
    }
    let official = [
        "minister",
        "ministre",
        "secretary",
        "secretaire",
        "spokesperson",
        "porte-parole",
    ]
    .iter()
    .any(|w| lower.contains(w));
    official
        .then(|| publisher(doc, doc_folded, rules))
        .flatten()
        .into_iter()
        .collect()
}

/// How many sentences of quotations a heading that attributes them may stand above.
const QUOTES_UNDER_HEADING: usize = 6;

/// The one party a byline names: a line of a few words, no sentence of its own, under a
/// quotation ("Minister of Public Administration of Montenegro", "Ministre des Armées").
fn byline_party(line: &str, rules: &Rules) -> Option<String> {
    let line = line.trim();
    let words = line.split_whitespace().count();
    if words == 0 || words > 12 || line.ends_with(['.', '!', '?', ':', '"']) {
        return None;
    }
    match rules.registry.ids(line).as_slice() {
        [party] => Some(party.clone()),
        _ => None,
    }
}

/// The sentences of a page's header, above and around its headline: menus, banners, stamps.
const PAGE_HEADER_SENTENCES: usize = 15;

/// How far back a pronoun or an implicit subject looks for the parties it stands for.
const ANTECEDENT_WINDOW: usize = 12;

/// The parties the sentences before `index` speak of: those of the nearest commitment, or
/// the named subject of the nearest sentence that has one.
fn antecedent(
    dates: &SentenceDates<'_>,
    doc_folded: &Folded,
    rules: &Rules,
    index: usize,
    found: &[Option<Vec<String>>],
    doc_parties: &[String],
) -> Context {
    let doc = dates.doc;
    for j in (index.saturating_sub(ANTECEDENT_WINDOW)..index).rev() {
        if let Some(parties) = &found[j] {
            return Context {
                parties: parties.clone(),
                adverbial: None,
            };
        }
        let sentence = &doc.sentences[j];
        let original = doc.sentence_text(sentence);
        if sentence.heading || original.len() < 12 {
            continue;
        }
        match named_subject(
            &doc_folded.slice(sentence.span.clone()),
            sentence.language,
            rules,
            doc_parties,
            dates,
            j,
        ) {
            Ok(context) => return context,
            // "Les deux parties ont souligné ... Elles se sont engagées": both of them.
            Err(Subject::Pronoun { both: true, .. }) if doc_parties.len() >= 2 => {
                return Context {
                    parties: doc_parties.to_vec(),
                    adverbial: None,
                };
            }
            Err(_) => {}
        }
    }
    Context::default()
}

/// The named subject of a sentence's first verb, with where its leading adverbial stands;
/// else the subject it has. `page_parties`: the page's, for a name of several parties.
fn named_subject(
    folded: &FoldedRef<'_>,
    lang: Lang,
    rules: &Rules,
    page_parties: &[String],
    dates: &SentenceDates<'_>,
    index: usize,
) -> Result<Context, Subject> {
    let text = folded.text;
    let clause = Clause::on_page(text, subject_end(text, rules), lang, rules, page_parties);
    let parties = match subject_in(&clause, rules) {
        Subject::Named(parties) => parties,
        other => return Err(other),
    };
    let offset = dates.doc.sentences.get(index).map_or(0, |s| s.span.start);
    let start = offset + folded.original(clause.subject_start());
    Ok(Context {
        parties,
        adverbial: Some((index, offset..start)),
    })
}

/// Where the subject of a sentence ends: at its first finite verb or, where the lexicon knows
/// none ("The EU and Canada discussed how to support Ukraine"), after its first run of names.
fn subject_end(text: &str, rules: &Rules) -> usize {
    if let Some(verb) = first_verb(text, rules) {
        return verb.start();
    }
    let mentions = rules.registry.mentions(text);
    // "Les lignes directrices révisées tiennent compte de ... la guerre menée par la Russie":
    // a name far into a sentence whose verb the lexicon does not know is an object, and the
    // sentence has no subject to offer.
    if let Some(first) = mentions.first()
        && text[..first.span.start]
            .split_whitespace()
            .nth(SUBJECT_NAME_WITHIN)
            .is_some()
    {
        return 0;
    }
    let mut end = None;
    for m in mentions {
        match end {
            Some(e) if !only_articles(text.get(e..m.span.start).unwrap_or("")) => break,
            _ => end = Some(m.span.end),
        }
    }
    end.unwrap_or(text.len())
}

/// How many words may come before the names that are a sentence's subject, where the
/// lexicon knows none of its verbs: an opening adverbial ("Lors de la réunion de Bruxelles,
/// l'UE et le Canada ...") and no more.
const SUBJECT_NAME_WITHIN: usize = 8;

/// The date expressions of each sentence, read the first time a sentence's are asked for:
/// extraction needs only those of the sentences it keeps and of the ones their pronouns
/// look back to, and the date grammar is the costliest part of reading a page.
struct SentenceDates<'d> {
    doc: &'d Document,
    read: Vec<std::cell::OnceCell<Vec<DateExpr>>>,
}

impl<'d> SentenceDates<'d> {
    fn new(doc: &'d Document) -> Self {
        SentenceDates {
            doc,
            read: vec![std::cell::OnceCell::new(); doc.sentences.len()],
        }
    }

    /// The date expressions of sentence `index` that lie within `range` of the text.
    fn within(&self, index: usize, range: std::ops::Range<usize>) -> &[DateExpr] {
        let (Some(cell), Some(sentence)) = (self.read.get(index), self.doc.sentences.get(index))
        else {
            return &[];
        };
        let dates = cell.get_or_init(|| self.doc.dates_in(sentence.span.clone()));
        let from = dates.partition_point(|d| d.span.start < range.start);
        let to = dates.partition_point(|d| d.span.start < range.end);
        let dates = dates.get(from..to.max(from)).unwrap_or(&[]);
        let whole = dates.partition_point(|d| d.span.end <= range.end);
        &dates[..whole.min(dates.len())]
    }

    fn of(&self, index: usize) -> &[DateExpr] {
        self.doc
            .sentences
            .get(index)
            .map_or(&[], |sentence| self.within(index, sentence.span.clone()))
    }
}

/// The first day of "2025", "2025-06" or "2025-06-17" (a time after it is ignored). Read
/// without collecting its parts: every commitment asks it.
fn first_day_of(value: &str) -> Option<NaiveDate> {
    let mut parts = value.get(..10.min(value.len()))?.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1);
    let day = parts.next().and_then(|d| d.parse().ok()).unwrap_or(1);
    NaiveDate::from_ymd_opt(year, month, day)
}

fn milestone(
    folded: &FoldedRef<'_>,
    original: &str,
    from: usize,
    rules: &Rules,
) -> Option<Milestone> {
    let text = &folded.text[from..];
    let whole = rules.milestone.find(text)?;
    let matched = &text[whole.range()];
    let mut name = matched;
    // Stop the name before a date or a place: "4e dialogue UE-Ukraine sur le cyberespace en
    // 2025" names the dialogue, the year is its deadline.
    // Every stop opens with a space: it is looked for at the few spaces of the name, which
    // costs less than setting up a substring search for each of them.
    for stop in [
        " en 20", " in 20", " a ", " in ", " d'ici", " by ", " avant ", " before ", " qui ",
        " which ",
    ] {
        let bytes = name.as_bytes();
        if let Some(i) =
            memchr::memchr_iter(b' ', bytes).find(|&i| bytes[i..].starts_with(stop.as_bytes()))
        {
            name = &name[..i];
        }
    }
    let start = from + whole.start();
    let name = original
        .get(folded.original(start)..folded.original(start + name.trim_end().len()))
        .unwrap_or(name);
    // `MILESTONE` opens with the ordinal, white space after it: digits ("4e", "4 th"), an
    // ordinal word ("quatrième"), or a word that gives none ("prochain").
    let first = matched
        .split([' ', '\t', '\n', '\x0B', '\x0C', '\r'])
        .next()
        .unwrap_or("");
    let digits = first.len() - first.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let ordinal = if digits > 0 {
        first[..digits].parse().ok()
    } else {
        let first = first.to_lowercase();
        ORDINAL_WORDS
            .iter()
            .find(|(word, _)| *word == first)
            .map(|(_, n)| *n)
    };
    Some(Milestone {
        name: name.trim().to_string(),
        ordinal,
    })
}

fn clean_quote(text: &str) -> &str {
    text.trim()
        .trim_start_matches(['•', '-', '*', '«', '"', '“'])
        .trim()
}

/// A readable id that stays the same when the same text is read again: parties, when, and
/// the first content words of what is committed to.
fn unique_id(used: &mut UsedIds, actors: &[String], made: Option<&str>, what: &[&str]) -> String {
    let mut base = String::with_capacity(64);
    let parts = actors
        .iter()
        .take(3)
        .map(String::as_str)
        .chain(made.map(|m| m.get(..10).unwrap_or(m)))
        .chain(what.iter().copied());
    for part in parts {
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(part);
    }
    base.make_ascii_lowercase();
    if base.contains('_') {
        base = base.replace('_', "-");
    }
    if !used.ids.contains(&base) {
        used.ids.insert(base.clone());
        return base;
    }
    // A page that says the same thing many times gets -2, -3, ...: counted per base, so that
    // the hundredth repetition does not try the ninety-nine taken before it.
    let next = match used.next_suffix.get_mut(&base) {
        Some(next) => next,
        None => used.next_suffix.entry(base.clone()).or_insert(2),
    };
    loop {
        let mut id = String::with_capacity(base.len() + 4);
        id.push_str(&base);
        id.push('-');
        push_decimal(&mut id, *next);
        *next += 1;
        if !used.ids.contains(&id) {
            used.ids.insert(id.clone());
            return id;
        }
    }
}

/// `n` in decimal, by itoa rather than through the formatting machinery `to_string` goes
/// through: a page that repeats itself numbers hundreds of ids.
fn push_decimal(out: &mut String, n: u32) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// The ids given so far in a document.
#[derive(Default)]
struct UsedIds {
    ids: rustc_hash::FxHashSet<String>,
    next_suffix: rustc_hash::FxHashMap<String, u32>,
}

/// The first three content words of a text, which an id is made of.
#[derive(Clone, Copy)]
struct IdWords<'t> {
    words: [&'t str; 3],
    len: usize,
}

impl<'t> IdWords<'t> {
    fn of(text: &'t str) -> Self {
        let mut found = IdWords {
            words: [""; 3],
            len: 0,
        };
        for (slot, word) in found.words.iter_mut().zip(content_words(text)) {
            *slot = word;
            found.len += 1;
        }
        found
    }

    fn as_slice(&self) -> &[&'t str] {
        &self.words[..self.len]
    }
}

/// The words of a folded (ASCII) text that say something: four letters or more, not a
/// number, not a function word.
fn content_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let rest = bytes.get(at..)?;
            let start = at + rest.iter().position(u8::is_ascii_alphanumeric)?;
            let len = bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - start);
            at = start + len;
            let word = &bytes[start..at];
            if len >= 4 && !word.iter().all(u8::is_ascii_digit) && !is_stopword(word) {
                // ASCII on both sides: `get` finds char boundaries there.
                return text.get(start..at);
            }
        }
    })
}

fn is_stopword(word: &[u8]) -> bool {
    // Most words are turned away by their first letter and length; the others are looked up
    // by their lower case packed into one number (`word_key`), hashed rather than a copy.
    struct Stopwords {
        keys: rustc_hash::FxHashSet<u128>,
        /// Bit `n` of `lengths[letter]`: a stop word of `n` letters starts with that letter.
        lengths: [u16; 26],
    }
    static STOP: std::sync::LazyLock<Stopwords> = std::sync::LazyLock::new(|| {
        let mut lengths = [0u16; 26];
        for w in STOPWORDS {
            if let Some(first) = w.bytes().next().filter(u8::is_ascii_lowercase) {
                lengths[usize::from(first - b'a')] |= 1 << w.len().min(15);
            }
        }
        Stopwords {
            keys: STOPWORDS
                .iter()
                .filter_map(|w| word_key(w.as_bytes()))
                .collect(),
            lengths,
        }
    });
    let Some(first) = word.first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    if !first.is_ascii_lowercase()
        || word.len() > 15
        || STOP.lengths[usize::from(first - b'a')] & (1 << word.len()) == 0
    {
        return false;
    }
    word_key(word).is_some_and(|key| STOP.keys.contains(&key))
}

/// The lower case of a word of at most fifteen bytes, packed big-end first, its length in the
/// top byte.
fn word_key(word: &[u8]) -> Option<u128> {
    if word.len() > 15 {
        return None;
    }
    Some(
        word.iter().fold(0u128, |key, b| {
            key << 8 | u128::from(b.to_ascii_lowercase())
        }) | (word.len() as u128) << 120,
    )
}

/// Lower case, sorted.
const STOPWORDS: &[&str] = &[
    "agreed",
    "ainsi",
    "also",
    "avec",
    "been",
    "cadre",
    "cette",
    "committed",
    "continue",
    "convenu",
    "convenue",
    "convenues",
    "convenus",
    "dans",
    "determine",
    "determined",
    "determinee",
    "determinees",
    "determines",
    "egalement",
    "encore",
    "engage",
    "engagee",
    "engagees",
    "engages",
    "entre",
    "fermement",
    "from",
    "further",
    "have",
    "leur",
    "leurs",
    "maniere",
    "matiere",
    "notamment",
    "nous",
    "ont",
    "order",
    "pleinement",
    "plus",
    "pour",
    "reaffirme",
    "reaffirmed",
    "regard",
    "reste",
    "restent",
    "shall",
    "sont",
    "sur",
    "terms",
    "that",
    "their",
    "this",
    "vers",
    "will",
    "with",
];

/// What extraction found in one document, in the shape of the `extract` JSON contract.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentCommitments {
    pub source: String,
    pub language: Lang,
    pub title: Option<String>,
    pub published: Option<String>,
    pub updated: Option<String>,
    pub url: Option<String>,
    pub commitments: Vec<Commitment>,
}

impl DocumentCommitments {
    pub fn new(doc: &Document, extraction: Extraction) -> Self {
        DocumentCommitments {
            source: doc.source.clone(),
            language: doc.language,
            title: doc.title.clone(),
            published: doc.published.as_ref().map(|p| p.value.clone()),
            updated: doc.updated.as_ref().map(|p| p.value.clone()),
            url: doc.url.clone(),
            commitments: extraction.commitments,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ExtractReport {
    pub documents: Vec<DocumentCommitments>,
}

impl ExtractReport {
    pub fn to_json(&self) -> String {
        self.rendered(ReportFormat::Json)
    }

    /// A reader's summary: each document, then each commitment with why it was found.
    pub fn to_text(&self) -> String {
        self.rendered(ReportFormat::Text)
    }

    fn rendered(&self, format: ReportFormat) -> String {
        let mut out = RenderedReport::new(format);
        for doc in &self.documents {
            out.push(doc);
        }
        utf8(out.finish())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
}

/// The `extract` report rendered a document at a time, byte for byte as
/// `ExtractReport::to_json` and `to_text` render it whole. A corpus of thousands of
/// documents holds hundreds of thousands of commitments, and its report is larger than the
/// corpus: rendering each document as soon as it is extracted, then writing the text out
/// with `take`, keeps the process small and spares growing one huge buffer by copies.
#[derive(Debug)]
pub struct RenderedReport {
    format: ReportFormat,
    documents: usize,
    /// UTF-8: JSON as serde_json writes it, and text.
    pending: Vec<u8>,
}

impl RenderedReport {
    pub fn new(format: ReportFormat) -> Self {
        let pending = match format {
            ReportFormat::Json => br#"{"documents":["#.to_vec(),
            ReportFormat::Text => Vec::new(),
        };
        RenderedReport {
            format,
            documents: 0,
            pending,
        }
    }

    pub fn push(&mut self, doc: &DocumentCommitments) {
        match self.format {
            ReportFormat::Json => {
                if self.documents > 0 {
                    self.pending.push(b',');
                }
                json::write_document(doc, &mut self.pending);
            }
            ReportFormat::Text => write_document_text(doc, &mut self.pending),
        }
        self.documents += 1;
    }

    /// The text rendered since the last call, to be written out: UTF-8 bytes, since going
    /// straight to the output spares checking again the text just serialised.
    pub fn take(&mut self) -> Vec<u8> {
        // The next document's text is about as long: room for it is made once, not by
        // doubling from nothing.
        let room = self.pending.capacity();
        std::mem::replace(&mut self.pending, Vec::with_capacity(room))
    }

    /// The rest of the text, with the end of the report.
    pub fn finish(mut self) -> Vec<u8> {
        if self.format == ReportFormat::Json {
            self.pending.extend_from_slice(b"]}\n");
        }
        self.pending
    }
}

fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The text report of one document, appended to `out`. Written piece by piece rather than
/// through `format!`: a corpus report holds hundreds of thousands of commitments, and the
/// temporary strings of formatting cost as much as extracting them.
fn write_document_text(doc: &DocumentCommitments, out: &mut Vec<u8>) {
    use std::io::Write;
    // Writing to a Vec<u8> cannot fail.
    let _ = writeln!(
        out,
        "{} ({}, {}): {} commitment(s)",
        doc.source,
        doc.language.as_str(),
        doc.published.as_deref().unwrap_or("undated"),
        doc.commitments.len()
    );
    if let Some(title) = &doc.title {
        push_all(out, &["  ", title, "\n"]);
    }
    for c in &doc.commitments {
        push_all(out, &["\n  ", &c.id, " [", c.strength.as_str()]);
        if let Some(made) = &c.made {
            push_all(out, &[", made ", made]);
        }
        out.extend_from_slice(b"] ");
        for (i, actor) in c.actors.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            out.extend_from_slice(actor.as_bytes());
        }
        push_all(out, &[" — ", &c.rule]);
        if let Some(d) = &c.deadline {
            out.extend_from_slice(b", due ");
            write_iso_date(d.date, out);
            push_all(out, &[" (", d.precision.as_str(), ", \"", &d.text, "\")"]);
        }
        push_all(out, &["\n    ", &c.quote, "\n"]);
    }
    out.push(b'\n');
}

fn push_all(out: &mut Vec<u8>, pieces: &[&str]) {
    for piece in pieces {
        out.extend_from_slice(piece.as_bytes());
    }
}

/// `date` as chrono's `Display` writes it, without its formatting machinery for the
/// four-digit years of every real date.
fn write_iso_date(date: NaiveDate, out: &mut Vec<u8>) {
    use chrono::Datelike;
    let Ok(year @ 0..=9999) = u32::try_from(date.year()) else {
        use std::io::Write;
        let _ = write!(out, "{date}");
        return;
    };
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (month, day) = (date.month(), date.day());
    out.extend_from_slice(&[
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_after_agreeing_with_a_colon_is_one_commitment_per_item() {
        for (lead, first_item) in [
            (
                "Les Alliés sont convenues :",
                "de renforcer leur cyberdéfense d'ici 2027 ;",
            ),
            (
                "The Allies agreed as follows:",
                "to strengthen their cyber defences by 2027;",
            ),
        ] {
            let text = format!(
                "Communiqué\n\n{lead}\n\n- {first_item}\n- de tenir un exercice commun en 2026.\n"
            );
            let doc = Document::from_bytes("list.md", text.as_bytes()).expect("reads");
            let found = extract(&doc, &Rules::default()).commitments;
            assert_eq!(found.len(), 2, "{lead}: {found:#?}");
            assert!(found.iter().all(|c| c.actors == ["ALLIES"]), "{found:#?}");
            let due = found[0].deadline.as_ref().map(|d| d.date.to_string());
            assert_eq!(due.as_deref(), Some("2027-12-31"));
        }
    }

    /// "Quotes attributable to the Minister": the quotations under such a heading are the
    /// minister's, of the government whose page it is.
    #[test]
    fn quotations_under_a_heading_that_attributes_them_are_its_speaker_s() {
        let text = "# Australia and ASEAN launch a partnership\n\n\
            Media release 12 November 2027\n\n\
            Australia and ASEAN agreed to deepen their cooperation on cyber security.\n\n\
            ## Quotes attributable to the Minister for Foreign Affairs\n\n\
            \"Cyber threats do not respect borders.\n\n\
            \"We will keep working with ASEAN partners to build the skills the region needs.\"\n";
        assert_eq!(actors_of_the_one_saying(text, "keep working"), ["AU"]);
    }

    /// The actors of the commitment of a Markdown page `text` whose quote holds `words`.
    #[track_caller]
    fn actors_of_the_one_saying(text: &str, words: &str) -> Vec<String> {
        let doc = Document::from_bytes("page.md", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        found
            .iter()
            .find(|c| c.quote.contains(words))
            .unwrap_or_else(|| panic!("no commitment says {words:?}: {found:#?}"))
            .actors
            .clone()
    }

    /// A speech speaks for the government the page names most, not for a party it quotes as
    /// the subject of a sentence.
    #[test]
    fn a_speech_speaks_for_the_party_the_page_names_most() {
        let text = "Discours de la ministre déléguée chargée du numérique\n\n\
            Paris, le 12 octobre 2027\n\n\
            La Commission européenne a présenté le mois dernier son rapport annuel.\n\n\
            Les prestataires sont qualifiés par l'ANSSI. L'ANSSI publiera un guide.\n\n\
            Je m'engage à ce que chaque PME obtienne un diagnostic dans un délai d'un mois.\n";
        assert_eq!(actors_of_the_one_saying(text, "Je m'engage"), ["FR"]);
    }

    /// A speaker quoted by surname is of the party named where the page introduced them:
    /// after the name, or before it in the same clause when the apposition names no party.
    #[test]
    fn a_speaker_is_of_the_party_the_page_introduced_them_with() {
        let rules = Rules::default();
        let quote = "\"Our goal is to have a centre in each region by 2030,\" said Undersecretary Villanueva.";
        let page = "The U.S. delegation was led by Deputy Assistant Secretary Laura Kessler of \
            the Bureau of Cyberspace Policy, and the Philippine delegation by Undersecretary \
            Ramon Villanueva of the Department of Information Technology. ";
        assert_eq!(speaker_parties(quote, page, &rules), ["PH"]);
        let page = "NATO Deputy Secretary General Radmila Shekerinska and Lithuanian Minister of \
            National Defence Dovile Sakaliene opened the Centre. ";
        let quote = "Minister Sakaliene said: \"We intend to open its courses to Ukrainians.\"";
        assert_eq!(speaker_parties(quote, page, &rules), ["LT"]);
        // The apposition after the name comes first.
        let page = "co-chaired by Ms Ilse Vandermeersch, Head of Division at the European \
            External Action Service, and Mr Kim Jae-won of the Korean side. ";
        let quote = "\"We will work together,\" said Ms Vandermeersch.";
        assert_eq!(speaker_parties(quote, page, &rules), ["EU"]);
    }

    /// An item with a subject of its own binds that party; the others, the lead-in's.
    #[test]
    fn a_list_item_with_its_own_subject_binds_that_party() {
        let text = "La France et le Kenya adoptent une feuille de route\n\n\
            La feuille de route prévoit les actions suivantes :\n\n\
            - l'ANSSI accompagnera le CERT kényan dans la mise en place d'un centre d'ici mi-2029 ;\n\
            - l'organisation d'un exercice conjoint de gestion de crise avant la fin de 2029 ;\n\
            - le Kenya désignera un point de contact national pour la cybercriminalité.\n";
        let doc = Document::from_bytes("feuille.md", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        let actors: Vec<_> = found.iter().map(|c| c.actors.join(",")).collect();
        assert_eq!(actors, ["FR", "FR,KE", "KE"], "{found:#?}");
    }

    /// An item's period ("sur la période 2028-2030") is no deadline, as a sentence's is not.
    #[test]
    fn a_list_item_s_period_is_no_deadline() {
        let text = "Communiqué\n\nLe Canada s'engage à :\n\n\
            - financer la formation de 400 spécialistes sur la période 2028-2030 ;\n\
            - ouvrir un centre de formation d'ici 2029.\n";
        let doc = Document::from_bytes("list.md", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].deadline, None, "{found:#?}");
        let due = found[1].deadline.as_ref().map(|d| d.date.to_string());
        assert_eq!(due.as_deref(), Some("2029-12-31"));
    }

    /// "Le calendrier prévoit notamment :" announces the items of a plan, each its own.
    #[test]
    fn a_plan_that_provides_for_a_list_commits_to_each_item() {
        let text = "Communiqué\n\nLa Commission européenne a adopté un calendrier.\n\n\
            Le calendrier présenté aujourd'hui prévoit notamment :\n\n\
            - l'adoption, avant l'été 2027, de lignes directrices ;\n\
            - un premier rapport sur les organismes notifiés en octobre 2027.\n";
        let doc = Document::from_bytes("list.md", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        let items: Vec<_> = found
            .iter()
            .filter(|c| c.quote.starts_with(['l', 'u']))
            .collect();
        assert_eq!(items.len(), 2, "{found:#?}");
        assert!(items.iter().all(|c| c.actors == ["EU"]), "{found:#?}");
    }

    #[test]
    fn an_item_that_opens_with_a_figure_is_an_item_of_the_list() {
        let text = "Communiqué\n\nLa France financera trois volets :\n\n\
            - un appel à projets de 35 millions d'euros ;\n\
            - 5 millions d'euros pour former 3 000 agents d'ici fin 2027.\n";
        let doc = Document::from_bytes("list.md", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[1].quote.starts_with("5 millions"), "{found:#?}");
        assert_eq!(found[1].actors, ["FR"]);
    }

    #[test]
    fn an_item_that_opens_with_a_bare_verb_is_an_item_of_the_list() {
        for (lead, items) in [
            (
                "La France et l'Italie sont convenues des mesures suivantes :",
                "1. Créer un groupe de travail permanent sur la cyberdéfense.\n\
                 2. Développer conjointement, à l'horizon 2030, des capacités défensives.\n\
                 3. Échanger des officiers de liaison d'ici fin 2026.\n",
            ),
            (
                "France and Italy agreed on the following measures:",
                "- Establish a permanent working group on cyber defence.\n\
                 - Hold a joint exercise every year.\n\
                 - Exchange their liaison officers by the end of 2026.\n",
            ),
        ] {
            let text = format!("Communiqué\n\n{lead}\n\n{items}");
            let doc = Document::from_bytes("list.md", text.as_bytes()).expect("reads");
            let found = extract(&doc, &Rules::default()).commitments;
            assert_eq!(found.len(), 3, "{lead}: {found:#?}");
            assert!(found.iter().all(|c| c.actors == ["FR", "IT"]), "{found:#?}");
        }
        // Items that are sentences of their own keep their own subjects.
        let text = "Communiqué\n\nLes participants sont convenus de ce qui suit :\n\n\
            - Entre les deux pays, un dialogue annuel sera tenu.\n\
            - Notre objectif commun est la sécurité.\n";
        let doc = Document::from_bytes("list.md", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        assert!(
            found.iter().all(|c| !c.quote.starts_with("Notre")),
            "{found:#?}"
        );
        assert!(!opens_with_bare_verb(
            "Canada, the EU and Japan agreed",
            Lang::En
        ));
        assert!(!opens_with_bare_verb("The Allies will", Lang::En));
        assert!(opens_with_bare_verb(
            "Conclure, au plus tard le 30 juin",
            Lang::Fr
        ));
        assert!(!opens_with_bare_verb("Entre les deux pays", Lang::Fr));
        // A paragraph's number after the list is no item of it.
        let text = "<html><body><h1>Communiqué</h1><p>5. La France et le Brésil ont décidé :</p>\
            <ul><li>d'organiser un séminaire régional en 2027 ;</li>\
            <li>d'échanger chaque année leurs bonnes pratiques.</li></ul>\
            <p>6. Nous convenons de tenir le prochain dialogue à Paris.</p></body></html>";
        let doc = Document::from_bytes("list.html", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        assert!(found.iter().all(|c| c.quote != "6."), "{found:#?}");
        assert_eq!(found.len(), 3, "{found:#?}");
    }

    /// A block quotation's "we" is its author's party, named on the line below it, where the
    /// page's parties include it; the minister of the country that chairs the Council speaks
    /// for the Council on its page.
    #[test]
    fn a_quotation_s_we_is_the_party_of_the_byline_below_it() {
        let page = |title: &str, byline: &str| {
            format!(
                "<html><body><h1>{title}</h1><p>Published on 10 June 2024</p>\
                 <p>The European Union, Montenegro and Serbia held their first cyber dialogue \
                 in Brussels.</p><blockquote><p>&ldquo;Montenegro learned the hard way what an \
                 attack means. We will open a new security operations centre in Podgorica this \
                 autumn.&rdquo;</p><p>{byline}</p></blockquote></body></html>"
            )
        };
        let actors = |title: &str, byline: &str| {
            let doc =
                Document::from_bytes("quote.html", page(title, byline).as_bytes()).expect("reads");
            let found = extract(&doc, &Rules::default()).commitments;
            let ours = found
                .iter()
                .find(|c| c.quote.contains("We will open"))
                .unwrap_or_else(|| panic!("{found:#?}"));
            ours.actors.clone()
        };
        let trilateral = "EU, Montenegro and Serbia hold their first cyber dialogue";
        assert_eq!(
            actors(
                trilateral,
                "Minister of Public Administration of Montenegro"
            ),
            ["ME"]
        );
        // Not a party of the page: the byline says nothing of whom "we" binds.
        assert_ne!(actors(trilateral, "Minister of Defence of Denmark"), ["DK"]);
    }

    #[test]
    fn a_government_s_own_release_binds_the_government_its_header_names() {
        for (header, id) in [
            ("Ministère des Armées et des Anciens combattants", "FR"),
            ("Cookies on GOV.UK", "GB"),
        ] {
            let text = format!(
                "{header}\n\nMenu\n\nRenforcer la réserve cyber\n\nPublié le 19 mai 2026\n\n\
                 Le ministère portera les effectifs de la réserve à 1 000 réservistes d'ici 2030.\n"
            );
            let doc = Document::from_bytes("gov.txt", text.as_bytes()).expect("reads");
            let found = extract(&doc, &Rules::default()).commitments;
            assert_eq!(found.len(), 1, "{header}: {found:#?}");
            assert_eq!(found[0].actors, [id]);
        }
        // A header that names no party leaves a sentence without one uncommitted.
        let text = "Actualités\n\nRenforcer la réserve cyber\n\nPublié le 19 mai 2026\n\n\
            Le ministère portera les effectifs de la réserve à 1 000 réservistes d'ici 2030.\n";
        let doc = Document::from_bytes("gov.txt", text.as_bytes()).expect("reads");
        assert!(extract(&doc, &Rules::default()).commitments.is_empty());
    }

    #[test]
    fn a_first_person_that_takes_over_after_a_comma_commits_again() {
        let found = |text: &str| {
            let doc = Document::from_bytes("two.txt", text.as_bytes()).expect("reads");
            extract(&doc, &Rules::default())
                .commitments
                .into_iter()
                .map(|c| (c.quote, c.actors, c.deadline.map(|d| d.date)))
                .collect::<Vec<_>>()
        };
        let two = found(
            "Communiqué\n\nPublié le 9 avril 2026\n\n« Nous continuerons à mobiliser de \
             nouveaux pays, et nous doublerons notre contribution au fonds d'ici 2027 », a \
             déclaré le ministre français.\n",
        );
        assert_eq!(
            two,
            [
                (
                    "Nous continuerons à mobiliser de nouveaux pays".to_string(),
                    vec!["FR".to_string()],
                    None
                ),
                (
                    "nous doublerons notre contribution au fonds d'ici 2027 », a déclaré le \
                     ministre français."
                        .to_string(),
                    vec!["FR".to_string()],
                    NaiveDate::from_ymd_opt(2027, 12, 31)
                ),
            ]
        );
        // Rhetoric too short to say what is to be done leaves the sentence whole.
        assert_eq!(
            found(
                "Statement\n\nPublished 9 April 2026\n\n\"We will not be intimidated, and we \
                 will respond together,\" said NATO Secretary General Mark Rutte.\n"
            )
            .len(),
            1
        );
        // A second clause that commits to nothing leaves the sentence whole.
        assert_eq!(
            found(
                "Communiqué\n\nPublié le 9 avril 2026\n\nLa France continuera à mobiliser de \
                 nouveaux pays, et nous en sommes fiers.\n"
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_joint_text_whose_headline_names_one_party_is_also_the_publisher_s() {
        let page = |headline: &str| {
            format!(
                "France Diplomatie - Ministère de l'Europe et des Affaires étrangères\n\n\
                 {headline}\n\nParis, le 27 janvier 2026\n\n\
                 La partie sénégalaise a présenté sa stratégie.\n\n\
                 Les deux pays sont convenus de renforcer leur coopération.\n"
            )
        };
        let actors = |headline: &str| {
            let doc = Document::from_bytes("joint.txt", page(headline).as_bytes()).expect("reads");
            let found = extract(&doc, &Rules::default()).commitments;
            found.into_iter().map(|c| c.actors).collect::<Vec<_>>()
        };
        assert_eq!(
            actors("Sénégal – Communiqué conjoint sur la coopération numérique"),
            [["FR", "SN"]]
        );
        // Not joint: the page is about the one party it names.
        assert_eq!(
            actors("Sénégal – Visite du ministre de la communication"),
            [["SN"]]
        );
    }

    #[test]
    fn the_first_day_of_a_year_a_month_or_a_day() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(first_day_of("2025"), day(2025, 1, 1));
        assert_eq!(first_day_of("2025-06"), day(2025, 6, 1));
        assert_eq!(first_day_of("2025-06-17"), day(2025, 6, 17));
        assert_eq!(first_day_of("2025-06-17T10:30"), day(2025, 6, 17));
        assert_eq!(first_day_of("soon"), None);
        assert_eq!(first_day_of("2025-13"), None);
    }

    #[test]
    fn a_demonstrative_subject_was_made_when_the_quotation_says_its_antecedent_was() {
        let text = "Communiqué\n\nPublié le 8 décembre 2017\n\n\
            « En septembre 2017, l'UE a adopté une communication conjointe. Cette nouvelle \
            communication prévoit le renforcement des capacités de cyberdéfense », a souligné \
            le directeur.\n";
        let doc = Document::from_bytes("made.txt", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].quote.starts_with("Cette nouvelle communication"));
        assert_eq!(found[0].made.as_deref(), Some("2017-09"));
    }

    #[test]
    fn in_a_quotation_of_several_sentences_the_commitment_is_the_trigger_s_own() {
        let text = "Communiqué\n\nPublié le 4 novembre 2026\n\n\
            « En 2019, la France a créé le COMCYBER. Nous poursuivrons sa montée en puissance », \
            a déclaré la ministre des Armées.\n";
        let doc = Document::from_bytes("quote.txt", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].quote.starts_with("Nous poursuivrons"),
            "{found:#?}"
        );
        assert_eq!(found[0].made.as_deref(), Some("2026-11-04"));
        let [start, end] = found[0].span;
        assert!(
            text[start..end].starts_with("Nous poursuivrons"),
            "{start}..{end}"
        );
    }

    #[test]
    fn a_date_inside_a_past_trigger_is_when_it_was_made_not_when_it_is_due() {
        let text = "Communiqué\n\nPublié le 12 février 2026\n\n\
            La France s'était engagée en 2021 à consacrer 136 millions d'euros à la sécurité numérique.\n";
        let doc = Document::from_bytes("made.txt", text.as_bytes()).expect("reads");
        let found = extract(&doc, &Rules::default()).commitments;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].made.as_deref(), Some("2021"));
        assert_eq!(found[0].deadline, None);
    }

    #[test]
    fn ordinal_words_are_written_folded() {
        for (word, _) in ORDINAL_WORDS {
            assert_eq!(crate::fold::fold(word), word);
        }
    }

    #[test]
    fn a_milestone_has_the_ordinal_it_opens_with() {
        let rules = Rules::default();
        let found = |text: &str| {
            let folded = Folded::new(text);
            milestone(&folded.slice(0..text.len()), text, 0, &rules).map(|m| (m.name, m.ordinal))
        };
        let some = |name: &str, ordinal: Option<u32>| Some((name.to_string(), ordinal));
        assert_eq!(
            found("en vue du 4e dialogue UE-Ukraine en 2025"),
            some("4e dialogue UE-Ukraine", Some(4))
        );
        assert_eq!(
            found("la Quatrième réunion du comité"),
            some("Quatrième réunion du comité", Some(4))
        );
        assert_eq!(
            found("the 12 th EU-US summit"),
            some("12 th EU-US summit", Some(12))
        );
        assert_eq!(
            found("the Second round of talks"),
            some("Second round of talks", Some(2))
        );
        assert_eq!(
            found("the next Cyber Dialogue"),
            some("next Cyber Dialogue", None)
        );
        assert_eq!(found("la douzième session"), some("douzième session", None));
        assert_eq!(found("un dialogue régulier"), None);
    }

    /// A built-in pattern that tells upper from lower case would make the set read texts as
    /// they are, with a DFA twice the size (`crate::fold::set`).
    #[test]
    fn the_built_in_trigger_set_is_blind_to_case() {
        assert!(Rules::default().prefilter.is_case_blind());
    }

    /// The set's gate may let through a sentence with no milestone, never turn one away.
    #[test]
    fn the_milestone_opening_matches_wherever_a_milestone_does() {
        let rules = Rules::default();
        let opening = builtin_pattern(MILESTONE_OPENING).unwrap();
        let texts = [
            "en vue du 4e dialogue UE-Ukraine en 2025",
            "en vue du 4ème  dialogue UE-Ukraine",
            "le 1er sommet UE-Japon",
            "the 2nd session",
            "la Quatrième réunion du comité",
            "the 12 th EU-US summit",
            "the 3rd\tround of talks",
            "the Second round of talks",
            "la première édition du forum",
            "the next Cyber Dialogue",
            "l'upcoming meeting",
            "la prochaine réunion du Conseil conjoint",
            "le prochain cycle de consultations",
            "la douzième session",
            "the twelfth EU-China summit",
        ];
        for text in texts {
            let folded = Folded::new(text);
            let whole = folded.slice(0..text.len());
            assert!(rules.milestone.is_match(whole.text), "{text}");
            for from in (0..whole.text.len()).filter(|&i| whole.text.is_char_boundary(i)) {
                if rules.milestone.is_match(&whole.text[from..]) {
                    assert!(opening.is_match(&whole.text[from..]), "{text} from {from}");
                }
            }
        }
        assert!(!opening.is_match("les deux parties poursuivront le dialogue en 2025."));
    }

    #[test]
    fn stopwords_are_sorted_lower_case_and_short_enough_for_the_lookup() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            STOPWORDS
                .iter()
                .all(|w| w.len() <= 15 && *w == w.to_ascii_lowercase())
        );
        assert!(is_stopword(b"Convenus") && is_stopword(b"with"));
        assert!(!is_stopword(b"cooperation") && !is_stopword(b"a-very-long-word-indeed"));
        // Keys tell apart words that share a prefix or differ in length only.
        assert!(!is_stopword(b"convenu\0") && !is_stopword(b"conven") && !is_stopword(b"wit"));
    }

    /// `clause_pieces` as it was written first, by characters, to check the byte scan.
    fn clause_pieces_by_chars(text: &str, at: usize) -> Vec<(usize, &str)> {
        let before = if text[at..].trim().is_empty() {
            text[..at].trim_end_matches(['.', '!', '?', ' ', '»', '"', '”', '\n'])
        } else {
            text[..at].trim_end()
        };
        let clause_start = before
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                matches!(c, ';' | ':' | '!' | '?' | '«' | '“')
                    || (c == '.' && !is_abbreviation(before, i))
            })
            .map_or(0, |(i, c)| i + c.len_utf8());
        let mut pieces = Vec::new();
        let mut start = clause_start;
        for (i, c) in before[clause_start..].char_indices() {
            if matches!(c, ',' | '(' | ')' | '–' | '—') {
                pieces.push((start, &before[start..clause_start + i]));
                start = clause_start + i + c.len_utf8();
            }
        }
        pieces.push((start, &before[start..]));
        pieces
    }

    #[test]
    fn clause_pieces_by_bytes_are_those_by_characters() {
        for text in [
            "« Les attaques ne faiblissent pas. Nous continuerons »",
            "L'UE, les États-Unis et le Japon (G7) sont convenus",
            "En 2024 – lors du sommet — les Alliés; ils “ont” décidé: de tout",
            "M. Dupont et les U.S.-France ont convenu, enfin, de",
            "Ça «« ”“ –— ,,(( ».",
            "",
            "é",
        ] {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    clause_pieces(text, at).to_vec(),
                    clause_pieces_by_chars(text, at),
                    "{text:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn a_statement_title_says_whose_we_it_is() {
        let rules = Rules::default();
        let voice = |t: &str| title_voice(t, &rules);
        assert_eq!(
            voice("OSCE Permanent Council No. 1563 - EU Statement on cyber security"),
            Some(vec!["EU".to_string()])
        );
        assert_eq!(
            voice("Déclaration du haut représentant au nom de l'UE sur la cybersécurité"),
            Some(vec!["EU".to_string()])
        );
        assert_eq!(
            voice("Canada-France Joint Statement on Cybersecurity"),
            None
        );
        assert_eq!(voice("The Hague Summit Declaration"), None);
        assert_eq!(voice("L'UE et le Japon tiennent leur dialogue"), None);
    }

    #[test]
    fn decimals_are_written_as_to_string_writes_them() {
        for n in [0, 2, 9, 10, 99, 100, 12345, u32::MAX] {
            let mut out = String::from("x-");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x-{n}"));
        }
    }

    #[test]
    fn connectives_are_looked_for_only_where_their_words_are() {
        assert!(may_connect("That is WHY Allies"));
        assert!(may_connect("c'est Pourquoi l'UE"));
        assert!(!may_connect("Les Alliés"));
        assert!(!may_connect("wh"));
        assert!(!may_connect(""));
    }

    #[test]
    fn dates_are_written_as_chrono_displays_them() {
        let days = [
            (1, 1, 1),
            (2025, 12, 31),
            (9999, 12, 31),
            (0, 1, 1),
            (-44, 3, 15),
        ]
        .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a real day"));
        for date in days.into_iter().chain([NaiveDate::MIN, NaiveDate::MAX]) {
            let mut out = Vec::new();
            write_iso_date(date, &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), date.to_string());
        }
    }

    #[test]
    fn the_report_rendered_a_document_at_a_time_is_the_report_serialised_whole() {
        let rules = Rules::default();
        let documents: Vec<DocumentCommitments> = [
            ("a.txt", include_str!("../seeds/001_a714f4d557bbd026.txt")),
            ("b.txt", include_str!("../seeds/004_59b014a73b23eadc.txt")),
        ]
        .iter()
        .map(|(name, text)| {
            let doc = Document::from_bytes(name, text.as_bytes()).expect("a seed reads");
            DocumentCommitments::new(&doc, extract(&doc, &rules))
        })
        .collect();
        let report = ExtractReport { documents };
        let whole = serde_json::to_string(&report).expect("serialises") + "\n";
        let mut pieces = RenderedReport::new(ReportFormat::Json);
        let mut streamed = Vec::new();
        for doc in &report.documents {
            pieces.push(doc);
            streamed.extend(pieces.take());
        }
        streamed.extend(pieces.finish());
        assert_eq!(String::from_utf8(streamed).expect("UTF-8"), whole);
        assert_eq!(report.to_json(), whole);
        assert!(report.to_text().contains("commitment(s)"));
    }
}
