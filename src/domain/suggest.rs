//! "Did you mean …?": when a query finds nothing because of a misspelt word, the query with that word replaced
//! by the set's own word closest to it.
//!
//! Only words of spaced scripts (Latin, Greek, Cyrillic, …: see `search::word_char`) of at least three letters
//! and no digit are corrected: a CJK term has no words to be measured against (and Traditional = Simplified is
//! already the search's), and a number that is not in the set is not a typo of one that is. A word — a term, or
//! one of the words of a quoted phrase or of a term with punctuation — is corrected only when it matches nothing
//! on its own. Its correction is the word of the set at the smallest edit distance
//! (insertions, deletions, substitutions and swaps of two neighbouring letters count one each: the optimal string
//! alignment distance), at most 1 for a term of three or four letters and 2 for a longer one; among as close
//! words, the one in the most articles, then the first in alphabetical order. Words and terms are compared
//! folded, as the search compares them (so `Élysée` and `elysee` are one word).
//!
//! The set's words (the vocabulary) are gathered from the search index's folded text and kept: the viewer
//! gathers them in slices between frames once the index is built ([`VocabularyBuilder`]); a correction needed
//! before then finishes the gathering at once.

use super::fold::fold;
use super::search::{terms, word_char, SearchIndex};
use std::collections::HashMap;

/// The words of an article set (folded), each with the number of articles it occurs in.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Vocabulary {
    /// Each word, the number of articles it is in, and its length in characters.
    words: Vec<(String, u32, u8)>,
}

/// The longest word kept (in characters): longer runs of letters are not words a reader types.
const MAX_WORD: usize = 40;

impl Vocabulary {
    /// Gathers the words of every article in `index`.
    pub fn build(index: &SearchIndex) -> Vocabulary {
        let mut b = VocabularyBuilder::default();
        b.add(index, usize::MAX);
        b.finish()
    }

    /// The number of different words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The word of the set closest to the folded `term` (see the module's documentation), if `term` is a word
    /// that may be corrected and one is close enough. The term itself, when it is a word of the set, is not a
    /// correction of itself.
    pub fn correct(&self, term: &str) -> Option<&str> {
        if !correctable(term) {
            return None;
        }
        let term: Vec<char> = term.chars().collect();
        let max = if term.len() <= 4 { 1 } else { 2 };
        let mut best: Option<(usize, u32, &str)> = None;
        let (mut word, mut rows) = (Vec::with_capacity(MAX_WORD), Default::default());
        // Every word as long, give or take `max`, is measured (their order does not matter: the comparison below
        // decides every tie).
        for (w, articles, len) in &self.words {
            if usize::from(*len).abs_diff(term.len()) > max {
                continue;
            }
            word.clear();
            word.extend(w.chars());
            let limit = best.map_or(max, |(d, _, _)| d);
            let Some(d) = distance(&term, &word, limit, &mut rows) else { continue };
            if d == 0 {
                return None;
            }
            let better = match best {
                None => true,
                Some((bd, ba, bw)) => (d, std::cmp::Reverse(*articles), &**w) < (bd, std::cmp::Reverse(ba), bw),
            };
            if better {
                best = Some((d, *articles, w));
            }
        }
        best.map(|(_, _, w)| w)
    }
}

/// Gathers a [`Vocabulary`] a slice of articles at a time, so that a viewer can gather it between frames
/// before a reader needs it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct VocabularyBuilder {
    /// Each word's place (in the order first seen).
    ids: HashMap<String, u32>,
    /// Per word: the number of articles it is in, the last article it was counted for, its length in characters.
    counts: Vec<(u32, u32, u8)>,
    /// Articles gathered so far.
    done: usize,
}

impl VocabularyBuilder {
    /// Gathers the words of up to `max` more of `index`'s articles (the same index every call); true when all
    /// are in.
    pub fn add(&mut self, index: &SearchIndex, max: usize) -> bool {
        let end = self.done.saturating_add(max).min(index.len());
        for i in self.done..end {
            for w in words_of(index.folded_text(i)) {
                // (Bytes: a word's characters are counted once, when it is first seen.)
                if !(2..=4 * MAX_WORD).contains(&w.len()) || w.bytes().any(|b| b.is_ascii_digit()) {
                    continue;
                }
                let id = match self.ids.get(w) {
                    Some(&id) => id as usize,
                    None => {
                        // A word is copied once, when it is first seen.
                        self.ids.insert(w.to_owned(), self.counts.len() as u32);
                        self.counts.push((0, u32::MAX, w.chars().count().min(255) as u8));
                        self.counts.len() - 1
                    }
                };
                let (articles, last, _) = &mut self.counts[id];
                if *last != i as u32 {
                    *last = i as u32;
                    *articles += 1;
                }
            }
        }
        self.done = end;
        self.done == index.len()
    }

    /// The vocabulary of the articles added (call when [`VocabularyBuilder::add`] has returned true).
    pub fn finish(self) -> Vocabulary {
        let mut words = vec![(String::new(), 0, 0); self.counts.len()];
        for (w, id) in self.ids {
            let (articles, _, len) = self.counts[id as usize];
            words[id as usize] = (w, articles, len);
        }
        Vocabulary { words }
    }
}

/// What a reader typed, with each word ([`words_of`]) of its terms that are not excluded — a term that is one
/// word, the words of a quoted phrase, those of a term with punctuation (`nation's`) — for whose folded form
/// `correct` has a replacement replaced by it (the rest as typed: quotes, signs, spaces, the other words);
/// `None` when no word was replaced.
pub fn rewrite(input: &str, mut correct: impl FnMut(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(input.len());
    let (mut copied, mut replaced) = (0, false);
    for (_, raw) in terms(input).into_iter().filter(|(negative, _)| !negative) {
        for w in words_of(&input[raw]) {
            let Some(word) = correct(&fold(w)) else { continue };
            // (The word is a slice of `input`: where it starts in it.)
            let start = w.as_ptr() as usize - input.as_ptr() as usize;
            out.push_str(&input[copied..start]);
            out.push_str(&word);
            copied = start + w.len();
            replaced = true;
        }
    }
    replaced.then(|| out + &input[copied..])
}

/// Whether a folded term is one this module corrects: three to [`MAX_WORD`] letters of spaced scripts, no digit.
pub fn correctable(term: &str) -> bool {
    let n = term.chars().count();
    (3..=MAX_WORD).contains(&n) && term.chars().all(|c| word_char(c) && !c.is_ascii_digit())
}

/// The words of `text`: its longest runs of letters and digits of spaced scripts. (Read a byte at a time: text
/// from U+3000 on, CJK, is skipped a character at a time without decoding it.)
pub fn words_of(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while at < bytes.len() {
            let b = bytes[at];
            let (is_word, len) = match b {
                0..=0x7F => (b.is_ascii_alphanumeric(), 1),
                // Lead bytes of U+3000..U+FFFF and of the planes above: none is a letter of a spaced script.
                0xE3..=0xEF => (false, 3),
                0xF0.. => (false, 4),
                _ => {
                    let c = text[at..].chars().next().unwrap_or(' ');
                    (word_char(c), c.len_utf8())
                }
            };
            match (is_word, start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    at += len;
                    return Some(&text[s..at - len]);
                }
                _ => {}
            }
            at += len;
        }
        start.map(|s| &text[s..])
    })
}

/// The optimal string alignment distance between `a` and `b` (insertions, deletions, substitutions and swaps of
/// neighbours, one each), or `None` when it is more than `max`. `rows`: room for the work, reused between calls.
fn distance(a: &[char], b: &[char], max: usize, rows: &mut [Vec<usize>; 3]) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the dynamic programme: two back (for swaps), the last, the current.
    let [before, last, row] = rows;
    for r in [&mut *before, &mut *row] {
        r.clear();
        r.resize(b.len() + 1, 0);
    }
    last.clear();
    last.extend(0..=b.len());
    for i in 1..=a.len() {
        row[0] = i;
        let mut smallest = row[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            smallest = smallest.min(d);
        }
        if smallest > max {
            return None;
        }
        std::mem::swap(before, last);
        std::mem::swap(last, row);
    }
    Some(last[b.len()]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distance_counts_each_edit_once_and_a_swap_of_neighbours_as_one() {
        let rows = &mut Default::default();
        for (a, b, d) in [
            ("president", "president", 0),
            ("presidnet", "president", 1),
            ("presdent", "president", 1),
            ("preesident", "president", 1),
            ("prezident", "president", 1),
            ("teh", "the", 1),
            ("congres", "congress", 1),
            ("konkress", "congress", 2),
            ("ca", "abc", 3),
            ("", "abc", 3),
        ] {
            assert_eq!(distance(&chars(a), &chars(b), 3, rows), Some(d), "{a} {b}");
            assert_eq!(distance(&chars(b), &chars(a), 3, rows), Some(d), "{b} {a}");
        }
        assert_eq!(distance(&chars("nation"), &chars("motion"), 1, rows), None);
        assert_eq!(distance(&chars("nation"), &chars("motion"), 2, rows), Some(2));
        assert_eq!(distance(&chars("a"), &chars("abcd"), 2, rows), None);
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_of_spaced_scripts() {
        let got: Vec<&str> = words_of("the war—toward 戰爭war, café ж-жук 2018年 x").collect();
        assert_eq!(got, ["the", "war", "toward", "war", "café", "ж", "жук", "2018", "x"]);
        assert_eq!(words_of("企業。").count(), 0);
        assert_eq!(words_of("").count(), 0);
        assert_eq!(words_of("𝄞abc𝄞").collect::<Vec<_>>(), ["abc"]);
    }

    #[test]
    fn a_rewrite_replaces_the_terms_corrected_and_keeps_the_rest_as_typed() {
        let fix = |t: &str| match t {
            "presidnet" => Some("president".to_owned()),
            "speach" => Some("speech".to_owned()),
            _ => None,
        };
        assert_eq!(rewrite("Presidnet  speach", fix).as_deref(), Some("president  speech"));
        assert_eq!(rewrite("\"The Presidnet\" 企業", fix).as_deref(), Some("\"The president\" 企業"), "in a phrase");
        assert_eq!(rewrite("presidnet's", fix).as_deref(), Some("president's"));
        assert_eq!(rewrite("\"presidnet\" -speach war", fix).as_deref(), Some("\"president\" -speach war"));
        assert_eq!(rewrite("-\"the speach\"", fix), None, "an excluded phrase");
        assert_eq!(
            rewrite("“The Presidnet” －「speach」", fix).as_deref(),
            Some("“The president” －「speach」"),
            "a Chinese keyboard's quotes and minus"
        );
        assert_eq!(rewrite("war peace", fix), None);
        assert_eq!(rewrite("", fix), None);
    }

    #[test]
    fn only_words_of_three_letters_or_more_without_digits_are_corrected() {
        for t in ["war", "presidnet", "café", "жук"] {
            assert!(correctable(t), "{t}");
        }
        for t in ["ab", "企業社區", "covid19", "e-mail", "don't", "two words", ""] {
            assert!(!correctable(t), "{t}");
        }
    }
}
