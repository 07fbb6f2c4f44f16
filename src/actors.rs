//! The registry of parties: names, adjectives and capitals in French and English mapped to
//! canonical ids (`EU`, `NATO`, `ALLIES`, ISO 3166-1 alpha-2 codes for countries).
//!
//! The registry is data (`data/actors.toml`, embedded), extended by a user's `pledge.toml`.
//! Matching compiles every name into one case-insensitive regex, longest names first, so that
//! "Union africaine" wins over "Union" where both start at the same word. Names and texts are
//! matched in their ASCII folding (`crate::fold`): "Etats-Unis" and "États-Unis" are one name,
//! and the regex stays on its fast path.

use std::ops::Range;

use regex::Regex;
use serde::Deserialize;

use crate::fold::{Folded, ascii_pattern, fold};

pub const BUILTIN: &str = include_str!("../data/actors.toml");

/// One entry of the registry file.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub id: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub metonyms: Vec<String>,
    /// The first part of a compound adjective ("franco" in "franco-indien"): it names the
    /// country before a hyphen and another party's adjective.
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// A group that speaks under one name ("Triangle de Weimar"): each mention of it is a
    /// mention of every member.
    #[serde(default)]
    pub members: Vec<String>,
}

/// A name that several parties go by ("NCSC", the National Cyber Security Centre of the
/// United Kingdom, of the Netherlands, of Ireland ...): it names one of them only on a page
/// whose parties include that one alone.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AmbiguousEntry {
    pub names: Vec<String>,
    pub ids: Vec<String>,
    /// The name counts only as a noun of its own ("la Commission entend", "the Council
    /// adopted"), not as the head of a longer name ("the Digital Partnership Council", "le
    /// Conseil d'association", "la Commission nationale").
    #[serde(default)]
    pub alone: bool,
}

/// What the registry keeps of a name of several parties.
#[derive(Debug, Clone)]
struct Ambiguous {
    ids: Vec<String>,
    /// Its exact spelling, where case matters (an acronym).
    exact: Option<String>,
    alone: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorFile {
    #[serde(default)]
    pub actor: Vec<ActorEntry>,
    #[serde(default)]
    pub ambiguous: Vec<AmbiguousEntry>,
}

/// How a mention names its actor: the kinds differ in where they may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Name,
    /// "le gouvernement japonais": only after a governmental head noun.
    Adjective,
    /// "Washington": only as a subject.
    Metonym,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub id: String,
    pub span: Range<usize>,
    pub kind: MentionKind,
}

#[derive(Debug, Clone)]
pub struct Registry {
    /// Every name, in lower case: searched in lower-cased text.
    pattern: regex_automata::meta::Regex,
    /// Lower-cased name → (id, kind, exact spelling when case matters).
    /// By lower-case folded name.
    lookup: rustc_hash::FxHashMap<String, (String, MentionKind, Option<String>)>,
    /// Lower-cased name of several parties → what names them.
    ambiguous: rustc_hash::FxHashMap<String, Ambiguous>,
    /// Folded, lower case: "franco" → FR.
    prefixes: rustc_hash::FxHashMap<String, String>,
    /// A group's id → its members' ids.
    groups: rustc_hash::FxHashMap<String, Vec<String>>,
    head_nouns_before: Regex,
    head_nouns_after: Regex,
}

/// Head nouns with which an adjective names a government: French puts the adjective after
/// them ("la partie américaine"), English before ("the Japanese side").
/// An adjective may be the second of two ("les responsables canadiens et européens",
/// "Canadian and EU officials").
// Officials as well as bodies: "le secrétaire principal kényan a ajouté", "the Kenyan
// Principal Secretary said", "le coprésident européen", whose title may carry one word of
// rank ("principal", "permanent", "Foreign").
const HEAD_NOUNS_BEFORE: &str = r"(?i)\b(?:gouvernement|gouvernements|autorité|autorités|partie|parties|côté|ministère|ministre|présidence|délégation|délégations|dirigeants|administration|responsables|représentants|experts|diplomates|fonctionnaires|homologues|secrétaire|ambassadeur|ambassadrice|envoyé|envoyée|coprésident|coprésidente|président|présidente|directeur|directrice|porte-parole|représentant|représentante|homologue|agence|agences|centre|centres|cert|csirt|ncsc|armée|armées|forces\s+armées|commandement)(?:\s+(?:principal|principale|général|générale|spécial|spéciale|adjoint|adjointe|permanent|permanente|délégué|déléguée|d'état))?\s+(?:[\w'-]+\s+(?:et|and)\s+)?$";
const HEAD_NOUNS_AFTER: &str = r"(?i)^\s*(?:(?:and|et)\s+[\w.'-]+\s+)?(?:(?:principal|foreign|defence|defense|prime|deputy|permanent|special|interior|home|digital|cyber|security|cybersecurity|national)\s+){0,2}(?:government|governments|authority|authorities|side|ministry|minister|presidency|delegation|leaders|administration|officials|representatives|representative|experts|diplomats|counterparts|secretary|ambassador|envoy|co-chair|chair|president|director|spokesperson|counterpart|counterparts|agency|agencies|centre|center|cert|csirt|ncsc|armed\s+forces|forces|cyber\s+command)\b";

/// Whether a noun between `before` and `after` (folded text) is a name of its own rather
/// than the head of a longer one: no capitalised word before it but an article or a sentence's
/// start ("the Digital Partnership Council"), no complement or qualifier after it ("le
/// Conseil d'association", "la Commission mixte", "Council Regulation").
fn stands_alone(before: &str, after: &str) -> bool {
    let previous = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '\'')
        .next()
        .unwrap_or("");
    let article = ["la", "le", "l", "the", "this", "ce", "cette"]
        .iter()
        .any(|a| previous.eq_ignore_ascii_case(a));
    if !article && previous.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let next = after.trim_start();
    let word = &next[..next
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(next.len())];
    let complement = next.starts_with(|c: char| c.is_ascii_uppercase())
        || next.get(..2).is_some_and(|d| d.eq_ignore_ascii_case("d'"))
        || ["de", "du", "des", "of", "for"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
        || QUALIFIERS
            .iter()
            .any(|q| word.len() >= q.len() && word[..q.len()].eq_ignore_ascii_case(q));
    !complement
}

/// The stems of adjectives that make "Conseil" or "Commission" another body's name ("la
/// Commission nationale", "le Conseil consultatif", "the Joint Commission").
const QUALIFIERS: &[&str] = &[
    "mixte",
    "conjoint",
    "national",
    "consultati",
    "permanent",
    "special",
    "interminist",
    "superieur",
    "economique",
    "executi",
    "regional",
    "municipal",
    "scientifique",
    "constitutionnel",
    "federal",
    "general",
];

/// The forms of a name the registry keeps: folded, as a key, as an alternative of the
/// pattern of all names, and as written when case matters.
struct NameForms {
    /// Lower case, for the lookups.
    key: String,
    /// ASCII lower case, for the pattern searched in lower-cased text.
    alternative: String,
    /// Its spelling, for an acronym ("US", not "us").
    exact: Option<String>,
}

impl NameForms {
    /// `None` for a name that is blank once trimmed.
    fn of(name: &str) -> Option<NameForms> {
        let name = fold(name.trim());
        (!name.is_empty()).then(|| NameForms {
            key: name.to_lowercase(),
            alternative: name.to_ascii_lowercase(),
            exact: is_acronym(&name).then(|| name.clone()),
        })
    }
}

impl Registry {
    /// The built-in registry extended by `extra` entries (same id: names are added).
    pub fn new(extra: &[ActorEntry]) -> Registry {
        let builtin: ActorFile = toml::from_str(BUILTIN).unwrap_or_default();
        let mut lookup = rustc_hash::FxHashMap::default();
        let mut alternatives: Vec<String> = Vec::new();
        let mut prefixes = rustc_hash::FxHashMap::default();
        let mut groups = rustc_hash::FxHashMap::default();
        for entry in builtin.actor.iter().chain(extra) {
            if !entry.members.is_empty() {
                groups.insert(entry.id.clone(), entry.members.clone());
            }
            for prefix in &entry.prefixes {
                prefixes.insert(fold(prefix.trim()).to_lowercase(), entry.id.clone());
            }
            let groups = [
                (&entry.names, MentionKind::Name),
                (&entry.adjectives, MentionKind::Adjective),
                (&entry.metonyms, MentionKind::Metonym),
            ];
            for (names, kind) in groups {
                for forms in names.iter().filter_map(|name| NameForms::of(name)) {
                    // A name listed both as a name and an adjective ("US") keeps the name.
                    if lookup
                        .get(&forms.key)
                        .is_none_or(|(_, k, _)| *k != MentionKind::Name)
                    {
                        lookup.insert(forms.key, (entry.id.clone(), kind, forms.exact));
                    }
                    alternatives.push(forms.alternative);
                }
            }
        }
        let mut ambiguous = rustc_hash::FxHashMap::default();
        for entry in &builtin.ambiguous {
            for forms in entry.names.iter().filter_map(|name| NameForms::of(name)) {
                // A name a party goes by alone (a user's entry, say) is that party's.
                if lookup.contains_key(&forms.key) {
                    continue;
                }
                ambiguous.insert(
                    forms.key,
                    Ambiguous {
                        ids: entry.ids.clone(),
                        exact: forms.exact,
                        alone: entry.alone,
                    },
                );
                alternatives.push(forms.alternative);
            }
        }
        alternatives.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        alternatives.dedup();
        let body = alternatives
            .iter()
            .map(|n| name_pattern(n))
            .collect::<Vec<_>>()
            .join("|");
        // Names are written in lower case and searched for in lower-cased text, rather than
        // blind to case in the text as it is: the regex crate keeps "A" and "a" in separate
        // byte classes, which doubles the DFA's states, and a case-blind pattern is parsed
        // into a class for every letter, which cost more than the rest of loading the names.
        let pattern = crate::fold::regex_without_literals_or_nothing(&ascii_pattern(&format!(
            r"(?:^|[^\w])({body})(?:$|[^\w])"
        )));
        Registry {
            pattern,
            lookup,
            ambiguous,
            prefixes,
            groups,
            head_nouns_before: Regex::new(&ascii_pattern(HEAD_NOUNS_BEFORE))
                .expect("head noun pattern compiles"),
            head_nouns_after: Regex::new(&ascii_pattern(HEAD_NOUNS_AFTER))
                .expect("head noun pattern compiles"),
        }
    }

    /// Every actor mentioned in `text`, in order. Adjectives count only after a
    /// governmental head noun. A name of several parties counts for none.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions_among(text, &[])
    }

    /// `mentions`, on a page whose parties are `parties`: a name of several parties counts
    /// for the one of them among `parties`, where there is exactly one.
    pub fn mentions_among(&self, text: &str, parties: &[String]) -> Vec<Mention> {
        // Extraction hands in text it has folded already: no second copy for it.
        let folded = (!text.is_ascii()).then(|| Folded::new(text));
        let original = |at: usize| folded.as_ref().map_or(at, |f| f.original(at));
        let text = folded.as_ref().map_or(text, |f| f.text.as_str());
        let mut out = Vec::new();
        // The folded text is ASCII: a name's key is its ASCII lower case, made once for all
        // the names of the text, and searched in itself where the pattern allows.
        let lower = text.to_ascii_lowercase();
        let haystack = lower.as_str();
        let mut at = 0;
        while at < text.len() {
            // `find` rather than captures: the separators around a name are trimmed by hand,
            // which spares running the big alternation a second time for the group.
            let Some(found) = self
                .pattern
                .find(regex_automata::Input::new(haystack).range(at..))
            else {
                break;
            };
            let (mut start, mut end) = (found.start(), found.end());
            let bytes = text.as_bytes();
            // Names start with a letter: a leading non-word byte is the separator before.
            if start < end && !bytes[start].is_ascii_alphanumeric() {
                start += 1;
            }
            // A trailing one is the separator after, unless the name ends with it ("U.S.").
            if end > start
                && !bytes[end - 1].is_ascii_alphanumeric()
                && (self.lookup.contains_key(&lower[start..end - 1])
                    || self.ambiguous.contains_key(&lower[start..end - 1]))
            {
                end -= 1;
            }
            let m = Span {
                text: &text[start..end],
                start,
                end,
            };
            // The separator after a name may start the next one ("UE et États-Unis"), so
            // continue at the name's end rather than the match's end.
            at = end.max(at + 1);
            let Some((id, kind, exact)) = self
                .lookup
                .get(&lower[m.start..m.end])
                .map(|(id, kind, exact)| (id.as_str(), kind, exact.as_ref()))
                .or_else(|| {
                    self.among(
                        &lower[m.start..m.end],
                        parties,
                        &text[..m.start],
                        &text[m.end..],
                    )
                })
            else {
                continue;
            };
            if exact.is_some_and(|exact| m.text != exact) {
                continue;
            }
            // "le dialogue franco-indien" names both countries, with or without a head noun.
            let compound = (*kind == MentionKind::Adjective)
                .then(|| self.compound_prefix(&text[..m.start]))
                .flatten();
            if *kind == MentionKind::Adjective
                && compound.is_none()
                && !self.head_nouns_before.is_match(&text[..m.start])
                && !self.head_nouns_after.is_match(&text[m.end..])
            {
                continue;
            }
            if let Some((prefix_id, prefix_start)) = compound {
                out.push(Mention {
                    id: prefix_id.clone(),
                    span: original(prefix_start)..original(m.start),
                    kind: MentionKind::Adjective,
                });
            }
            let id = if *kind == MentionKind::Adjective
                && holds_council_presidency(id, &text[..m.start], &text[m.end..])
            {
                EU_ID
            } else {
                id
            };
            match self.groups.get(id) {
                Some(members) => out.extend(members.iter().map(|member| Mention {
                    id: member.clone(),
                    span: original(m.start)..original(m.end),
                    kind: *kind,
                })),
                None => out.push(Mention {
                    id: id.to_string(),
                    span: original(m.start)..original(m.end),
                    kind: *kind,
                }),
            }
        }
        out
    }

    /// The one party among `parties` that `name`, a name of several parties between
    /// `before` and `after`, stands for.
    fn among(
        &self,
        name: &str,
        parties: &[String],
        before: &str,
        after: &str,
    ) -> Option<(&str, &MentionKind, Option<&String>)> {
        let entry = self.ambiguous.get(name)?;
        if entry.alone && !stands_alone(before, after) {
            return None;
        }
        let mut present = entry.ids.iter().filter(|id| parties.contains(id));
        let id = present.next()?;
        present
            .next()
            .is_none()
            .then_some((id.as_str(), &MentionKind::Name, entry.exact.as_ref()))
    }

    /// The party of a compound's first part ending `before` ("franco-"), with where it starts.
    fn compound_prefix(&self, before: &str) -> Option<(&String, usize)> {
        let word = before.strip_suffix(['-', '\u{2011}'])?;
        let start = word
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        let mut key = String::new();
        self.prefixes
            .get(ascii_lower(&mut key, &word[start..]))
            .map(|id| (id, start))
    }

    /// The distinct ids of the mentions, in order of first appearance.
    pub fn ids(&self, text: &str) -> Vec<String> {
        self.ids_among(text, &[])
    }

    /// `ids`, on a page whose parties are `parties` (`mentions_among`).
    pub fn ids_among(&self, text: &str, parties: &[String]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for m in self.mentions_among(text, parties) {
            if !ids.contains(&m.id) {
                ids.push(m.id);
            }
        }
        ids
    }

    /// Whether `id` is known.
    pub fn knows(&self, id: &str) -> bool {
        self.lookup.values().any(|(known, _, _)| known == id)
    }
}

const EU_ID: &str = "EU";

/// The member states of the European Union, by ISO 3166-1 alpha-2 code.
const EU_MEMBERS: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// "La présidence irlandaise", "the Irish Presidency": the member state that chairs the
/// Council of the EU acts for the Union there, not for itself. Not the presidency of another
/// body ("la présidence française du G7", "the Italian presidency of the OSCE").
/// `before` and `after`: the folded text around the adjective.
fn holds_council_presidency(id: &str, before: &str, after: &str) -> bool {
    let ends_with_word = |text: &str, word: &str| {
        let text = text.trim_end();
        text.len() >= word.len()
            && text.as_bytes()[text.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
    };
    let starts_with_word = |text: &str, word: &str| {
        let text = text.trim_start();
        text.get(..word.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(word))
    };
    let presidency = ends_with_word(before, "presidence")
        || ends_with_word(before, "presidency")
        || starts_with_word(after, "presidency")
        || starts_with_word(after, "presidence");
    if !presidency || !EU_MEMBERS.contains(&id) {
        return false;
    }
    // What the presidency is of, when the text says: "... du G7", "... of the OSCE".
    let of = after.get(..after.len().min(48)).unwrap_or(after);
    let other_body = [
        "G7", "G20", "OSCE", "ONU", "UN ", "Nations", "securite", "Security",
    ]
    .iter()
    .any(|body| of.contains(body));
    !other_body
}

/// `name` in ASCII lower case, written into `buffer`.
fn ascii_lower<'b>(buffer: &'b mut String, name: &str) -> &'b str {
    buffer.clear();
    buffer.push_str(name);
    buffer.make_ascii_lowercase();
    buffer
}

struct Span<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// Acronyms must match with their case: "US" is the United States, "us" is a pronoun.
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase())
}

fn name_pattern(name: &str) -> String {
    let mut out = String::new();
    for part in name.split(' ').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push_str(r"\s+");
        }
        out.push_str(
            &regex::escape(part)
                .replace('\'', "['’]")
                .replace(r"\-", r"[-‑]"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        Registry::new(&[]).ids(text)
    }

    /// `Registry::ids_among` on a page whose parties are `parties`.
    fn ids_on_page(registry: &Registry, text: &str, parties: &[&str]) -> Vec<String> {
        let parties: Vec<String> = parties.iter().map(|p| p.to_string()).collect();
        registry.ids_among(text, &parties)
    }

    /// "NCSC" is the centre of several countries: of none alone, of the one among the page's
    /// parties where there is exactly one.
    #[test]
    fn a_name_of_several_parties_is_the_one_among_the_page_parties() {
        let registry = Registry::new(&[]);
        let among = |text: &str, parties: &[&str]| ids_on_page(&registry, text, parties);
        assert_eq!(registry.ids("Le CCB et le NCSC sont convenus"), ["BE"]);
        assert_eq!(
            among("Le CCB et le NCSC sont convenus", &["BE", "NL"]),
            ["BE", "NL"]
        );
        assert_eq!(
            among("The National Cyber Security Centre will", &["IE", "FR"]),
            ["IE"]
        );
        // Two of its countries on the page: it names neither.
        assert!(among("the NCSC will", &["GB", "NL"]).is_empty());
        // No country of its own on the page: none.
        assert!(among("the NCSC will", &["FR", "DE"]).is_empty());
        // Its acronym keeps its case; a name of one party stays that party's.
        assert!(among("the ncsc will", &["GB"]).is_empty());
        assert_eq!(registry.ids("the NCSC-NL will"), ["NL"]);
    }

    /// "la Commission" and "the Council" alone are the page's own institutions; the head of
    /// a longer name is another body.
    #[test]
    fn a_council_or_a_commission_alone_is_the_page_s_own() {
        let registry = Registry::new(&[]);
        let among = |text: &str, parties: &[&str]| ids_on_page(&registry, text, parties);
        let eu_page = ["EU", "KR"];
        assert_eq!(among("La Commission entend présenter", &eu_page), ["EU"]);
        assert_eq!(among("Yesterday the Council adopted", &eu_page), ["EU"]);
        assert_eq!(among("the Council agreed", &["NATO", "UA"]), ["NATO"]);
        for longer in [
            "The fourth Digital Partnership Council will be held",
            "le Conseil d'association se réunira",
            "le Conseil de partenariat numérique",
            "la Commission nationale de l'informatique",
            "la Commission mixte se réunira",
            "the Commission Implementing Regulation",
        ] {
            assert!(among(longer, &eu_page).is_empty(), "{longer}");
        }
        // Where the page has none of its parties, or two, it names none.
        assert!(registry.ids("La Commission entend").is_empty());
        assert!(among("The Council agreed", &["EU", "NATO"]).is_empty());
    }

    /// Names are matched whatever their case: the pattern of all names, in lower case, is
    /// searched in lower-cased text.
    #[test]
    fn the_names_are_searched_in_lower_case() {
        assert_eq!(ids("L'UNION EUROPÉENNE et le japon"), ["EU", "JP"]);
        assert_eq!(ids("THE UNITED STATES and The Netherlands"), ["US", "NL"]);
        let extra: ActorEntry =
            toml::from_str("id = \"XX\"\nnames = [\"Ruritanian Cyber Agency\"]")
                .expect("an actor entry");
        assert_eq!(
            Registry::new(&[extra]).ids("the RURITANIAN cyber agency will"),
            ["XX"]
        );
    }

    #[test]
    fn the_member_state_that_holds_the_council_presidency_speaks_for_the_eu() {
        assert_eq!(
            ids("La présidence irlandaise s'est fixé pour objectif"),
            ["EU"]
        );
        assert_eq!(ids("The Irish Presidency will seek an agreement"), ["EU"]);
        assert_eq!(ids("la présidence française du G7"), ["FR", "G7"]);
        assert_eq!(ids("the Italian presidency of the OSCE"), ["IT", "OSCE"]);
        assert_eq!(ids("la présidence américaine"), ["US"]);
        assert_eq!(ids("le gouvernement irlandais"), ["IE"]);
    }

    #[test]
    fn french_and_english_names_map_to_ids() {
        assert_eq!(ids("L'UE et les États-Unis sont convenus"), ["EU", "US"]);
        assert_eq!(ids("l’Union européenne et l’Ukraine"), ["EU", "UA"]);
        assert_eq!(ids("The European Union and Japan agreed"), ["EU", "JP"]);
        assert_eq!(ids("les Alliés de l'OTAN"), ["ALLIES"]);
        assert_eq!(ids("NATO Allies and the Alliance"), ["ALLIES", "NATO"]);
    }

    #[test]
    fn longest_name_wins() {
        assert_eq!(ids("l'Union africaine"), ["AFRICAN_UNION"]);
        assert_eq!(
            ids("l'Union internationale des télécommunications"),
            ["ITU"]
        );
        assert_eq!(ids("Corée du Nord"), ["KP"]);
    }

    #[test]
    fn acronyms_need_their_case() {
        assert!(ids("let us agree").is_empty());
        assert!(ids("rue de la paix").is_empty());
        assert_eq!(ids("the US and the UK"), ["US", "GB"]);
    }

    #[test]
    fn adjectives_only_after_a_head_noun() {
        assert!(ids("l'industrie européenne et américaine").is_empty());
        assert_eq!(ids("le gouvernement japonais"), ["JP"]);
        assert_eq!(ids("the Ukrainian side"), ["UA"]);
        assert_eq!(ids("Canadian and EU officials"), ["CA", "EU"]);
        assert_eq!(ids("les responsables canadiens et européens"), ["CA", "EU"]);
        // A government's agency, centre or forces.
        assert_eq!(ids("l'ANSSI et le NCSC irlandais"), ["FR", "IE"]);
        assert_eq!(
            ids("the Irish NCSC and its French counterpart"),
            ["IE", "FR"]
        );
        assert_eq!(ids("les forces armées ukrainiennes"), ["UA"]);
    }

    #[test]
    fn compound_adjectives_name_both_countries() {
        assert_eq!(ids("le dialogue franco-indien"), ["FR", "IN"]);
        assert_eq!(ids("la déclaration germano-japonaise"), ["DE", "JP"]);
        // Only before another party's adjective: "indo-pacifique" is a region.
        assert!(ids("la région indo-pacifique").is_empty());
        assert!(ids("un partenariat franco-pacifique").is_empty());
    }

    #[test]
    fn names_inside_words_do_not_count() {
        assert!(ids("Européennes domaine Canadair Francesca").is_empty());
        assert!(ids("UEFA").is_empty());
    }

    #[test]
    fn extra_entries_extend_the_registry() {
        let extra = ActorEntry {
            id: "ECOWAS".into(),
            names: vec!["CEDEAO".into(), "ECOWAS".into()],
            adjectives: vec![],
            metonyms: vec![],
            prefixes: vec![],
            members: vec![],
        };
        assert_eq!(
            Registry::new(&[extra]).ids("La CEDEAO et l'UE"),
            ["ECOWAS", "EU"]
        );
    }

    #[test]
    fn a_group_is_each_of_its_members() {
        assert_eq!(
            ids("Les ministres du Triangle de Weimar et l'UE"),
            ["DE", "FR", "PL", "EU"]
        );
        assert_eq!(ids("the Baltic States"), ["EE", "LT", "LV"]);
        // A user's group, of the registry's members.
        let extra = ActorEntry {
            id: "LUBLIN".into(),
            names: vec!["Triangle de Lublin".into()],
            adjectives: vec![],
            metonyms: vec![],
            prefixes: vec![],
            members: vec!["LT".into(), "PL".into(), "UA".into()],
        };
        assert_eq!(
            Registry::new(&[extra]).ids("le Triangle de Lublin"),
            ["LT", "PL", "UA"]
        );
    }
}
