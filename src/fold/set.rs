//! Which of many patterns match a folded text, anywhere in it.
//!
//! The regex crate answers this (`RegexSet`, `meta::Regex::which_overlapping_matches`) with
//! an overlapping search that reports one match at a time and keeps its position in memory
//! between bytes: its authors leave that loop unoptimised, expecting overlapping searches to
//! be dominated by their matches. Extraction asks it of every sentence, and most bytes of a
//! sentence match nothing: the loop was an eighth of the time of a whole run. Only which
//! patterns matched is wanted, never where, so the loop here walks the same lazy DFA byte by
//! byte and reads the patterns off each match state it passes, through the crate's public
//! API; where the lazy DFA cannot answer, the crate's PikeVM does.
//!
//! `PatternSet::may_match` searches each pattern only up to its first gap (`[^,;.]*`): a
//! DFA for many patterns with gaps must remember in each state which of them it saw the
//! start of, and on real text it kept building states that no sentence before had needed.
//!
//! The set is searched in a lower-cased copy of the text when no pattern tells upper from
//! lower case (`super::for_lower_case`): 78 byte classes for the built-in lexicon become
//! about 50, which halves each state of the DFA that a page's sentences walk.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::Arc;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures, pikevm::PikeVM};
use regex_automata::util::{pool::Pool, syntax};
use regex_automata::{Input, MatchKind};

/// Room for the states of the set's lazy DFA. The press releases of the test sets, some
/// 450 KB, need more than the regex crate's 2 MB: the cache filled and was cleared again
/// and again, and building the same states again took two fifths of a run over them. At most
/// this much memory, taken only as texts need it.
const SET_CACHE_CAPACITY: usize = 16 << 20;

type NewScratch = Box<dyn Fn() -> Scratch + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// What one search needs of its own: the lazy DFA's states, and room for the lower-cased
/// text.
struct Scratch {
    cache: Cache,
    lower: String,
}

/// Patterns searched together, saying which of them match a text. For folded text, as
/// `super::regex_without_literals`: a pattern may be read byte by byte.
#[derive(Clone)]
pub struct PatternSet {
    dfa: DFA,
    /// The lazy DFA's states, built as texts need them and kept for the next text; one cache
    /// per thread at a time. Shared by the clones of a set, which search alike.
    scratch: Arc<Pool<Scratch, NewScratch>>,
    /// Whether the patterns were compiled for lower-cased text (`case_blind`).
    lower: bool,
    /// For a text the lazy DFA gives up on: a Unicode word boundary (only a user's pattern
    /// has one) next to a non-ASCII byte.
    pikevm: PikeVM,
}

impl std::fmt::Debug for PatternSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PatternSet")
            .field("patterns", &self.dfa.pattern_len())
            .finish_non_exhaustive()
    }
}

/// Why the lazy DFA could not say: the text is then searched by the PikeVM.
struct GaveUp;

impl PatternSet {
    /// Err: the compiler's message, which names no pattern when the set as a whole is too
    /// big.
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Result<PatternSet, String> {
        PatternSet::build(patterns, false)
    }

    /// A set that says which patterns may match: each pattern is searched for up to its first
    /// gap (`super::up_to_first_gap`), so that every pattern that matches is among its
    /// answers, with some that do not. For patterns searched for again where the set lets
    /// them through.
    pub fn may_match<P: AsRef<str>>(patterns: &[P]) -> Result<PatternSet, String> {
        PatternSet::build(patterns, true)
    }

    fn build<P: AsRef<str>>(patterns: &[P], heads: bool) -> Result<PatternSet, String> {
        // As `super::regex_without_literals`: byte by byte where every pattern allows it,
        // Unicode otherwise; and the regex crate's limits.
        let compile = |bytes: bool| {
            let hirs = syntax::parse_many_with(patterns, &super::syntax_config(bytes))
                .map_err(|e| e.to_string())?;
            let hirs = if heads {
                hirs.into_iter().map(super::up_to_first_gap).collect()
            } else {
                hirs
            };
            let (hirs, lower) = super::for_lower_case(hirs);
            thompson::Compiler::new()
                .configure(
                    thompson::Config::new()
                        .utf8(!bytes)
                        .which_captures(WhichCaptures::None)
                        .nfa_size_limit(Some(10 << 20)),
                )
                .build_many_from_hir(&hirs)
                .map(|nfa| (nfa, lower))
                .map_err(|e| e.to_string())
        };
        let (nfa, lower) = compile(true).or_else(|_| compile(false))?;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .unicode_word_boundary(true)
                    .cache_capacity(SET_CACHE_CAPACITY),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let pikevm = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .map_err(|e| e.to_string())?;
        let for_cache = dfa.clone();
        let new_scratch: NewScratch = Box::new(move || Scratch {
            cache: for_cache.create_cache(),
            lower: String::new(),
        });
        Ok(PatternSet {
            dfa,
            scratch: Arc::new(Pool::new(new_scratch)),
            lower,
            pikevm,
        })
    }

    /// Whether the set reads texts lower-cased, none of its patterns telling the cases apart.
    pub fn is_case_blind(&self) -> bool {
        self.lower
    }

    pub fn pattern_len(&self) -> usize {
        self.dfa.pattern_len()
    }

    /// An empty set of pattern ids to pass to `matches`, again and again.
    pub fn hits(&self) -> Hits {
        Hits {
            set: regex_automata::PatternSet::new(self.pattern_len()),
            listed: Vec::new(),
        }
    }

    /// The patterns that match somewhere in `text`, in `found` (cleared first).
    pub fn matches(&self, text: &str, found: &mut Hits) {
        found.clear();
        let mut scratch = self.scratch.get();
        let Scratch { cache, lower } = &mut *scratch;
        let text = if self.lower {
            lower.clear();
            lower.push_str(text);
            lower.make_ascii_lowercase();
            lower.as_str()
        } else {
            text
        };
        if self.scan(cache, text, found).is_err() {
            found.clear();
            let mut cache = self.pikevm.create_cache();
            self.pikevm
                .which_overlapping_matches(&mut cache, &Input::new(text), &mut found.set);
            found.listed.extend(found.set.iter());
        }
        found.listed.sort_unstable();
    }

    fn scan(&self, cache: &mut Cache, text: &str, found: &mut Hits) -> Result<(), GaveUp> {
        let mut state = self
            .dfa
            .start_state_forward(cache, &Input::new(text))
            .map_err(|_| GaveUp)?;
        cache.search_start(0);
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most bytes lead from an untagged state to another: one look-up each, in a loop
            // of their own that keeps the tables at hand. Match, dead, quit and unknown
            // states are tagged (start states are not: no prefilter).
            if !state.is_tagged() {
                // Four bytes a round while none leads into a tagged state, as the regex
                // crate's own search loop goes: fewer checks of where the text ends.
                while let Some(&[b0, b1, b2, b3]) = bytes.get(at..at + 4) {
                    let s1 = self.dfa.next_state_untagged(cache, state, b0);
                    if s1.is_tagged() {
                        break;
                    }
                    let s2 = self.dfa.next_state_untagged(cache, s1, b1);
                    if s2.is_tagged() {
                        state = s1;
                        at += 1;
                        break;
                    }
                    let s3 = self.dfa.next_state_untagged(cache, s2, b2);
                    if s3.is_tagged() {
                        state = s2;
                        at += 2;
                        break;
                    }
                    let s4 = self.dfa.next_state_untagged(cache, s3, b3);
                    if s4.is_tagged() {
                        state = s3;
                        at += 3;
                        break;
                    }
                    state = s4;
                    at += 4;
                }
                while let Some(&byte) = bytes.get(at) {
                    let next = self.dfa.next_state_untagged(cache, state, byte);
                    if next.is_tagged() {
                        break;
                    }
                    state = next;
                    at += 1;
                }
            }
            let Some(&byte) = bytes.get(at) else {
                break;
            };
            // The careful step: from a tagged state, or into one, or into a transition not
            // built yet, which `next_state` builds.
            let next = self
                .dfa
                .next_state(cache, state, byte)
                .map_err(|_| GaveUp)?;
            if next.is_match() {
                self.record(cache, next, found);
            } else if next.is_dead() {
                state = next;
                break;
            } else if next.is_quit() {
                return Err(GaveUp);
            }
            state = next;
            at += 1;
        }
        // A match is seen one byte after its end: the end of the text is one more step.
        if !state.is_dead() {
            state = self.dfa.next_eoi_state(cache, state).map_err(|_| GaveUp)?;
            if state.is_match() {
                self.record(cache, state, found);
            }
        }
        cache.search_finish(text.len());
        Ok(())
    }

    fn record(&self, cache: &Cache, state: regex_automata::hybrid::LazyStateID, found: &mut Hits) {
        for index in 0..self.dfa.match_len(cache, state) {
            let id = self.dfa.match_pattern(cache, state, index);
            if found.set.insert(id) {
                found.listed.push(id);
            }
        }
    }
}

/// Which patterns of a set matched a text (`PatternSet::matches`). A sentence holds a few of
/// the lexicon's hundreds of patterns, and extraction walks them several times: the regex
/// crate's set of ids would be walked whole each time, a fifth of the cost of finding them.
#[derive(Debug, Clone)]
pub struct Hits {
    set: regex_automata::PatternSet,
    /// The ids in `set`, in increasing order once `matches` is done.
    listed: Vec<regex_automata::PatternID>,
}

impl Hits {
    fn clear(&mut self) {
        self.set.clear();
        self.listed.clear();
    }

    pub fn contains(&self, id: regex_automata::PatternID) -> bool {
        self.set.contains(id)
    }

    /// The ids that matched, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = regex_automata::PatternID> + '_ {
        self.listed.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set's answer, against each pattern searched for alone by the regex crate. On
    /// ASCII text, or with a pattern that needs Unicode (then all are read as Unicode).
    #[track_caller]
    fn agrees_with_each_pattern(patterns: &[&str], text: &str) {
        let set = PatternSet::new(patterns).unwrap();
        let mut found = set.hits();
        set.matches(text, &mut found);
        let got: Vec<usize> = found.iter().map(|p| p.as_usize()).collect();
        let expected: Vec<usize> = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| regex::Regex::new(p).unwrap().is_match(text))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(got, expected, "{patterns:?} on {text:?}");
    }

    #[test]
    fn says_which_patterns_match_anywhere() {
        let patterns = [
            r"(?i)\bwill\b",
            r"(?i)\bagreed\s+to\b",
            r"(?i)\w{3,}(?:eront|iront)\b",
            r"\d{4}$",
            r"^Les",
            r"(?i)x+",
            r"a|b",
        ];
        for text in [
            "",
            "Les parties poursuivront leurs travaux en 2025",
            "They agreed to meet; they will.",
            "will",
            "xxx",
            "nothing here",
            "a",
            "The two sides agreed  to hold it in 2025",
        ] {
            agrees_with_each_pattern(&patterns, text);
        }
    }

    #[test]
    fn agrees_with_each_pattern_on_many_texts() {
        let patterns = [
            r"(?i)\bwill\s+\w+",
            r"a[^.,]{0,5}b",
            r"\bab\b",
            r"b+$",
            r"^w",
            r"(?:,\s*[^,.]{1,4},)?\s+i\b",
        ];
        agrees_on_random_texts(
            &patterns,
            &['a', 'b', ' ', ',', '.', 'w', 'i', 'l', 'W'],
            0x2545_F491_4F6C_DD1D,
        );
    }

    /// 5,000 texts of up to 23 characters of `alphabet`, made from `seed` by xorshift: a
    /// small alphabet, so that matches start, overlap and end everywhere.
    fn random_texts(alphabet: &[char], mut seed: u64) -> impl Iterator<Item = String> + '_ {
        (0..5000).map(move |_| {
            let len = (seed % 24) as usize;
            (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect()
        })
    }

    /// `agrees_with_each_pattern` on `random_texts`.
    #[track_caller]
    fn agrees_on_random_texts(patterns: &[&str], alphabet: &[char], seed: u64) {
        let set = PatternSet::new(patterns).unwrap();
        let alone: Vec<regex::Regex> = patterns
            .iter()
            .map(|p| regex::Regex::new(p).unwrap())
            .collect();
        let mut found = set.hits();
        for text in random_texts(alphabet, seed) {
            set.matches(&text, &mut found);
            let got: Vec<usize> = found.iter().map(|p| p.as_usize()).collect();
            let expected: Vec<usize> = (0..alone.len())
                .filter(|&i| alone[i].is_match(&text))
                .collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn a_set_blind_to_case_reads_lower_cased_text_and_agrees() {
        let blind = [
            r"(?i)\bwill\s+\w+",
            r"(?i)a[^.,]{0,5}b",
            r"(?i)\bab\b",
            r"[^a-zA-Z]+$",
            r"(?i)^w",
            r"[0-9],\s",
        ];
        assert!(PatternSet::new(&blind).unwrap().lower);
        // One pattern that tells the cases apart: the set reads the text as it is.
        for sensitive in [r"\bEU\b", r"(?i)a(?-i:B)", r"[A-Z]", r"[^a-z]"] {
            let mut patterns = blind.to_vec();
            patterns.push(sensitive);
            assert!(!PatternSet::new(&patterns).unwrap().lower, "{sensitive}");
            agrees_with_each_pattern(&patterns, "Will Ab EU, W");
        }
        agrees_on_random_texts(
            &blind,
            &[
                'a', 'A', 'b', 'B', ' ', ',', '.', 'w', 'W', 'i', 'I', 'l', 'L', '1',
            ],
            0x9E37_79B9_7F4A_7C15,
        );
    }

    /// `may_match` answers every pattern that matches, and some more.
    #[test]
    fn may_match_answers_every_pattern_that_matches() {
        let patterns = [
            r"(?i)\bwill\b[^,.]*\bwe\b",
            r"a[^.,]{0,50}b",
            r"(?:w[^,]*i)?l",
            r"(?:a[^,]*b|w)i",
            r"(?:a.*b)+w",
            r"^\W*w[^.]*\.",
            r"\bab\b",
        ];
        let set = PatternSet::may_match(&patterns).unwrap();
        let alone: Vec<regex::Regex> = patterns
            .iter()
            .map(|p| regex::Regex::new(p).unwrap())
            .collect();
        let mut found = set.hits();
        let alphabet = ['a', 'b', ' ', ',', '.', 'w', 'e', 'i', 'l', 'W'];
        let mut more = 0;
        for text in random_texts(&alphabet, 0x2545_F491_4F6C_DD1D) {
            set.matches(&text, &mut found);
            for (i, pattern) in alone.iter().enumerate() {
                let said = found.contains(regex_automata::PatternID::must(i));
                assert!(
                    said || !pattern.is_match(&text),
                    "{:?} on {text:?}",
                    patterns[i]
                );
                more += usize::from(said && !pattern.is_match(&text));
            }
        }
        // Cut before their gaps, some patterns are said to match where they do not.
        assert!(more > 0);
    }

    #[test]
    fn an_overlapping_match_is_found_inside_another() {
        agrees_with_each_pattern(&["abcd", "bc", "c", "abce"], "xabcdx");
    }

    #[test]
    fn a_unicode_word_boundary_next_to_a_non_ascii_letter_still_gets_an_answer() {
        // The lazy DFA quits at "é" for a Unicode `\b`: the PikeVM answers instead.
        let patterns = [r"\bdécidé\b", r"\p{Lu}"];
        let set = PatternSet::new(&patterns).unwrap();
        let mut found = set.hits();
        let mut cache = set.dfa.create_cache();
        assert!(
            set.scan(&mut cache, "Ils ont décidé de", &mut found)
                .is_err()
        );
        agrees_with_each_pattern(&patterns, "Ils ont décidé de");
        agrees_with_each_pattern(&[r"\bcafé\b", r"\p{L}z"], "un café noir");
    }

    #[test]
    fn the_same_set_answers_text_after_text_and_from_its_clones() {
        let set = PatternSet::new(&["alpha", "beta"]).unwrap();
        let clone = set.clone();
        let mut found = set.hits();
        for (text, expected) in [("alpha", vec![0]), ("beta alpha", vec![0, 1]), ("", vec![])] {
            for s in [&set, &clone] {
                s.matches(text, &mut found);
                let got: Vec<usize> = found.iter().map(|p| p.as_usize()).collect();
                assert_eq!(got, expected, "{text}");
            }
        }
    }

    #[test]
    fn a_pattern_that_does_not_compile_is_an_error() {
        assert!(PatternSet::new(&["(", "x"]).is_err());
    }
}
