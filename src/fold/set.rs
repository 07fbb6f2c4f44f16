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
        PatternSet::build_with_room(patterns, heads, SET_CACHE_CAPACITY)
    }

    /// `build`, with `room` bytes for the lazy DFA's states (the tests give it too little,
    /// so that it clears them and gives up).
    fn build_with_room<P: AsRef<str>>(
        patterns: &[P],
        heads: bool,
        room: usize,
    ) -> Result<PatternSet, String> {
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
                    .cache_capacity(room)
                    .skip_cache_capacity_check(room < SET_CACHE_CAPACITY),
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
        self.matches_in(cache, text, found);
    }

    /// `matches` on `text` as the set reads it (lower-cased or not).
    fn matches_in(&self, cache: &mut Cache, text: &str, found: &mut Hits) {
        found.clear();
        if self.scan(cache, text, found).is_err() {
            found.clear();
            let mut cache = self.pikevm.create_cache();
            self.pikevm
                .which_overlapping_matches(&mut cache, &Input::new(text), &mut found.set);
            found.listed.extend(found.set.iter());
        }
        found.listed.sort_unstable();
    }

    /// `matches` for each of `texts`: the patterns that match text `i` are
    /// `found.of(i)`.
    ///
    /// The texts are walked together, a byte of each in turn. A walk through the lazy DFA is
    /// a chain of loads, each waiting for the one before, from a table of states too big for
    /// the nearest cache: alone, a text's walk spends most of its time waiting. The walks of
    /// several texts do not wait for each other, and the processor overlaps their loads.
    pub fn matches_each(&self, texts: &[&str], found: &mut HitsOfEach) {
        found.ids.clear();
        found.ranges.clear();
        found.ranges.resize(texts.len(), 0..0);
        let mut scratch = self.scratch.get();
        let Scratch { cache, lower } = &mut *scratch;
        // One copy of all the texts, lower-cased where the set reads them so, and where each
        // starts and ends in it.
        lower.clear();
        let mut bounds = Vec::with_capacity(texts.len());
        for text in texts {
            let start = lower.len();
            lower.push_str(text);
            bounds.push(start..lower.len());
        }
        if self.lower {
            lower.make_ascii_lowercase();
        }
        let all = lower.as_bytes();
        // The longest texts first: the walks of the last few texts go on with fewer beside
        // them, and those are best short.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(bounds[i].len()));
        let mut walks = Walks {
            set: self,
            all,
            lanes: Vec::with_capacity(LANES),
            pending: order.iter().map(|&i| (i, bounds[i].clone())),
            found,
            done: vec![false; texts.len()],
        };
        // Where the walks stop (the lazy DFA gave up on a text, or cleared its states to make
        // room, and so the states the other walks were in), the texts not done yet are
        // searched one at a time, as `matches` does.
        let _ = walks.run(cache);
        let Walks { found, done, .. } = walks;
        let mut hits = self.hits();
        for (i, _) in done.iter().enumerate().filter(|(_, done)| !**done) {
            let text = std::str::from_utf8(&all[bounds[i].clone()]).unwrap_or("");
            self.matches_in(cache, text, &mut hits);
            let start = found.ids.len();
            found.ids.extend(hits.iter());
            found.ranges[i] = start..found.ids.len();
        }
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

    /// The `N` lanes walked a byte each in turn, up to the end of the first text to end.
    /// Err: as `Walks::run`.
    fn walk<const N: usize>(
        &self,
        cache: &mut Cache,
        all: &[u8],
        lanes: &mut [Lane; N],
    ) -> Result<(), Stopped> {
        let room = lanes.iter().map(|l| l.end - l.at).min().unwrap_or(0);
        let from = lanes.each_ref().map(|l| l.at);
        let mut states = lanes.each_ref().map(|l| l.state);
        for step in 0..room {
            for k in 0..N {
                let byte = all[from[k] + step];
                let state = states[k];
                if !state.is_tagged() {
                    let next = self.dfa.next_state_untagged(cache, state, byte);
                    if !next.is_tagged() {
                        states[k] = next;
                        continue;
                    }
                }
                states[k] = self.step_with_care(cache, state, byte, &mut lanes[k].hits)?;
            }
        }
        for (k, lane) in lanes.iter_mut().enumerate() {
            lane.state = states[k];
            lane.at = from[k] + room;
        }
        Ok(())
    }

    /// The step from `state` on `byte` where it is tagged, or leads to a tagged state or to
    /// one not built yet: the patterns of a match state are recorded in `hits`. Err where
    /// the lazy DFA gives up, or clears its states (those the other lanes are in, too).
    #[cold]
    fn step_with_care(
        &self,
        cache: &mut Cache,
        state: regex_automata::hybrid::LazyStateID,
        byte: u8,
        hits: &mut Vec<regex_automata::PatternID>,
    ) -> Result<regex_automata::hybrid::LazyStateID, Stopped> {
        let clears = cache.clear_count();
        let next = self
            .dfa
            .next_state(cache, state, byte)
            .map_err(|_| Stopped)?;
        if cache.clear_count() != clears || next.is_quit() {
            return Err(Stopped);
        }
        if next.is_match() {
            self.record_into(cache, next, hits);
        }
        Ok(next)
    }

    /// The patterns of match state `state` among `hits`, each once.
    fn record_into(
        &self,
        cache: &Cache,
        state: regex_automata::hybrid::LazyStateID,
        hits: &mut Vec<regex_automata::PatternID>,
    ) {
        for index in 0..self.dfa.match_len(cache, state) {
            let id = self.dfa.match_pattern(cache, state, index);
            if !hits.contains(&id) {
                hits.push(id);
            }
        }
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

    /// These hits made those of one text of `HitsOfEach`.
    pub fn set_to(&mut self, ids: &[regex_automata::PatternID]) {
        self.clear();
        for &id in ids {
            self.set.insert(id);
        }
        self.listed.extend_from_slice(ids);
    }
}

/// The hits of each of many texts (`PatternSet::matches_each`).
#[derive(Debug, Default)]
pub struct HitsOfEach {
    ids: Vec<regex_automata::PatternID>,
    /// Where each text's ids are in `ids`, in increasing order there.
    ranges: Vec<std::ops::Range<usize>>,
}

impl HitsOfEach {
    /// The ids that matched text `i`, in increasing order; none past the last text.
    pub fn of(&self, i: usize) -> &[regex_automata::PatternID] {
        self.ranges
            .get(i)
            .and_then(|range| self.ids.get(range.clone()))
            .unwrap_or(&[])
    }
}

/// How many texts `PatternSet::matches_each` walks at once: enough loads in flight to hide
/// most of the wait for each, few enough that every walk's state stays in registers (eight
/// were no faster).
const LANES: usize = 4;

/// One text being walked: where it is and where it ends in the copy of all texts, the state
/// it has reached, and the patterns it has matched so far.
struct Lane {
    text: usize,
    at: usize,
    end: usize,
    state: regex_automata::hybrid::LazyStateID,
    hits: Vec<regex_automata::PatternID>,
}

/// The walks of `PatternSet::matches_each` in progress.
struct Walks<'a, I> {
    set: &'a PatternSet,
    all: &'a [u8],
    lanes: Vec<Lane>,
    /// The texts not walked yet: their number and bounds in `all`.
    pending: I,
    found: &'a mut HitsOfEach,
    /// Which texts have their hits in `found`.
    done: Vec<bool>,
}

/// Why texts were walked together no further.
struct Stopped;

impl<I: ExactSizeIterator<Item = (usize, std::ops::Range<usize>)>> Walks<'_, I> {
    /// Err: the lazy DFA gave up, or cleared its states; the texts not done are left to be
    /// searched one at a time.
    fn run(&mut self, cache: &mut Cache) -> Result<(), Stopped> {
        let start = self
            .set
            .dfa
            .start_state_forward(cache, &Input::new(""))
            .map_err(|_| Stopped)?;
        let mut spare_hits: Vec<Vec<regex_automata::PatternID>> = Vec::new();
        loop {
            while self.lanes.len() < LANES {
                let Some((text, bounds)) = self.pending.next() else {
                    break;
                };
                self.lanes.push(Lane {
                    text,
                    at: bounds.start,
                    end: bounds.end,
                    state: start,
                    hits: spare_hits.pop().unwrap_or_default(),
                });
            }
            if self.lanes.is_empty() {
                return Ok(());
            }
            // The lanes at the end of their texts are done.
            let mut i = 0;
            while i < self.lanes.len() {
                if self.lanes[i].at < self.lanes[i].end {
                    i += 1;
                    continue;
                }
                let mut lane = self.lanes.swap_remove(i);
                // A match is seen one byte after its end: the end of the text is one more step.
                if !lane.state.is_dead() {
                    let clears = cache.clear_count();
                    let eoi = self
                        .set
                        .dfa
                        .next_eoi_state(cache, lane.state)
                        .map_err(|_| Stopped)?;
                    if cache.clear_count() != clears {
                        return Err(Stopped);
                    }
                    if eoi.is_match() {
                        self.set.record_into(cache, eoi, &mut lane.hits);
                    }
                }
                lane.hits.sort_unstable();
                let from = self.found.ids.len();
                self.found.ids.extend_from_slice(&lane.hits);
                self.found.ranges[lane.text] = from..self.found.ids.len();
                self.done[lane.text] = true;
                lane.hits.clear();
                spare_hits.push(lane.hits);
            }
            // A lane that is done makes room for the next text before the walks go on, which
            // hide the waits only with every lane busy.
            if self.lanes.len() < LANES && self.pending.len() > 0 || self.lanes.is_empty() {
                continue;
            }
            // However many lanes are busy, their states are held in an array of that size,
            // which the compiler keeps in registers and unrolls.
            let lanes = self.lanes.as_mut_slice();
            if let Ok(lanes) = <&mut [Lane; 4]>::try_from(&mut *lanes) {
                self.set.walk(cache, self.all, lanes)?;
            } else if let Ok(lanes) = <&mut [Lane; 3]>::try_from(&mut *lanes) {
                self.set.walk(cache, self.all, lanes)?;
            } else if let Ok(lanes) = <&mut [Lane; 2]>::try_from(&mut *lanes) {
                self.set.walk(cache, self.all, lanes)?;
            } else if let Ok(lanes) = <&mut [Lane; 1]>::try_from(lanes) {
                self.set.walk(cache, self.all, lanes)?;
            }
        }
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

    /// `matches_each` on `texts` says what `matches` says of each.
    #[track_caller]
    fn each_agrees_with_one_at_a_time(set: &PatternSet, texts: &[&str]) {
        let mut each = HitsOfEach::default();
        set.matches_each(texts, &mut each);
        let mut one = set.hits();
        for (i, text) in texts.iter().enumerate() {
            set.matches(text, &mut one);
            let alone: Vec<_> = one.iter().collect();
            assert_eq!(each.of(i), alone.as_slice(), "{text:?}");
        }
        assert!(each.of(texts.len()).is_empty());
    }

    #[test]
    fn texts_walked_together_get_what_each_gets_alone() {
        let patterns = [
            r"(?i)\bwill\s+\w+",
            r"a[^.,]{0,5}b",
            r"\bab\b",
            r"b+$",
            r"^w",
            r"(?:,\s*[^,.]{1,4},)?\s+i\b",
        ];
        let texts: Vec<String> = random_texts(&['a', 'b', ' ', ',', '.', 'w', 'i', 'l', 'W'], 7)
            .take(999)
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        for set in [
            PatternSet::new(&patterns).unwrap(),
            PatternSet::may_match(&patterns).unwrap(),
            // Room for a few states only: the lazy DFA clears them again and again, which
            // sends the other walks back to the start of their texts, and gives up, which
            // sends a text to the PikeVM.
            PatternSet::build_with_room(&patterns, false, 1).unwrap(),
            PatternSet::build_with_room(&patterns, false, 12 << 10).unwrap(),
        ] {
            each_agrees_with_one_at_a_time(&set, &texts);
            each_agrees_with_one_at_a_time(&set, &[]);
            each_agrees_with_one_at_a_time(&set, &["", "will be", ""]);
        }
        // The lazy DFA quits at "é" for a Unicode `\b`: that text goes to the PikeVM, the
        // others walk on.
        let unicode = PatternSet::new(&[r"\bdécidé\b", r"\p{Lu}", "x"]).unwrap();
        each_agrees_with_one_at_a_time(
            &unicode,
            &["x", "Ils ont décidé de", "xx", "un café", "", "X", "x", "x"],
        );
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
