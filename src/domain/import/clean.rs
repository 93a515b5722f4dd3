//! Cleaning scraped text: the damage scraping does to Chinese news pages, undone where a rule can, and
//! reported where it cannot.
//!
//! Order matters and is fixed by [`clean_text`]: the user's fixes first (they are written against the raw
//! text), then entities, then pinyin annotations, then Unicode NFC and white space.

use crate::domain::Block;
use pinyin::ToPinyinMulti;
use unicode_normalization::UnicodeNormalization;

/// Named entities that scrapers commonly leave without their `&` (`ldquo;`). Only these are repaired
/// when bare, because a bare short name (`pi;`, `not;`) is too often ordinary text.
const BARE_ENTITY_NAMES: [&str; 20] = [
    "ldquo", "rdquo", "lsquo", "rsquo", "mdash", "ndash", "hellip", "nbsp", "middot", "laquo", "raquo", "bull", "quot",
    "amp", "lt", "gt", "times", "deg", "copy", "reg",
];

/// Letters that occur in tone-marked pinyin.
fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ".contains(c)
}

fn has_tone_mark(s: &str) -> bool {
    s.chars().any(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".contains(c))
}

pub use crate::domain::convert::is_han;

/// Whether `reading` is a listed reading (heteronyms included) of the Han character `han`.
pub fn is_reading_of(han: char, reading: &str) -> bool {
    match han.to_pinyin_multi() {
        Some(multi) => multi.into_iter().any(|p| p.with_tone() == reading),
        None => false,
    }
}

/// Removes pinyin annotations such as `企業(yè)`: a Han character followed by one tone-marked syllable in
/// parentheses (ASCII or full-width) that is a listed reading of that character. Everything else in
/// parentheses stays: `(以下簡稱…)`, `(2019)`, `縣(市、區)`, `(ok)`.
/// Returns the text and how many annotations were removed.
pub fn strip_pinyin_annotations(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut prev: Option<char> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let (Some(han), '(' | '（') = (prev, c) {
            if is_han(han) {
                let inner_start = c.len_utf8();
                let inner: &str = &rest[inner_start..];
                let end = inner.find(|ch: char| !is_pinyin_letter(ch)).unwrap_or(inner.len());
                let syllable = &inner[..end];
                let close = inner[end..].chars().next();
                if matches!(close, Some(')' | '）'))
                    && !syllable.is_empty()
                    && syllable.len() <= 12
                    && has_tone_mark(syllable)
                    && is_reading_of(han, syllable)
                {
                    removed += 1;
                    rest = &inner[end + close.unwrap().len_utf8()..];
                    // `prev` stays the Han character: `企業(yè)(yè)` is not a thing, but harmless.
                    continue;
                }
            }
        }
        out.push(c);
        prev = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    (out, removed)
}

/// Decodes HTML character references (`&ldquo;`, `&#8220;`, `&#x201C;`) and the bare names scrapers leave
/// behind (`ldquo;` after a non-letter). Returns the text and how many were decoded.
pub fn decode_entities(text: &str) -> (String, usize) {
    if !text.contains(';') {
        return (text.to_owned(), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let c = text[i..].chars().next().expect("i is on a char boundary");
        // A reference is at most ~32 bytes long: look for its ';' close by (a byte search: ';' is ASCII, so
        // the slice up to it ends on a character boundary).
        let window_end = (i + 40).min(text.len());
        // (A bare name starts a word: the letters inside words are not looked past, or English text with a ';'
        // in it would be scanned 40 bytes ahead at every letter.)
        let starts_word = i == 0 || !(bytes[i - 1].is_ascii_alphabetic() || bytes[i - 1] == b'&');
        let semi = if c == '&' || (c.is_ascii_lowercase() && starts_word) {
            bytes[i..window_end].iter().position(|&b| b == b';').map(|p| i + p)
        } else {
            None
        };
        if let Some(semi) = semi {
            let candidate = &text[i..=semi];
            if c == '&' {
                let decoded = htmlize::unescape(candidate);
                // Only whole references: `&notanentity;` must not become `¬anentity;`.
                if decoded != candidate && !decoded.contains(';') {
                    out.push_str(&decoded);
                    count += 1;
                    i = semi + 1;
                    continue;
                }
            } else if c.is_ascii_lowercase() {
                let prev_is_letter = i > 0 && (bytes[i - 1].is_ascii_alphabetic() || bytes[i - 1] == b'&');
                let name = &text[i..semi];
                if !prev_is_letter && BARE_ENTITY_NAMES.contains(&name) {
                    let decoded = htmlize::unescape(format!("&{name};"));
                    out.push_str(&decoded);
                    count += 1;
                    i = semi + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += c.len_utf8();
    }
    (out, count)
}

/// A place where bytes were lost (a bad GBK conversion), which no rule can repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corruption {
    /// 1-based line in the text it was found in.
    pub line: usize,
    /// The damaged text and a little around it.
    pub context: String,
    /// What gave it away.
    pub sign: &'static str,
}

/// Finds damaged spans: U+FFFD replacement characters, and a `?` followed by a pinyin fragment and `)`
/// without its `(` (`轉變?yōu)…`), the trace of an annotated character that was lost.
pub fn find_corruption(text: &str) -> Vec<Corruption> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (pos, c) = chars[k];
            let sign = if c == '\u{FFFD}' {
                Some("U+FFFD replacement character")
            } else if c == '?' || c == '？' {
                let after: String =
                    chars[k + 1..].iter().map(|(_, c)| *c).take_while(|c| is_pinyin_letter(*c)).collect();
                let next = chars.get(k + 1 + after.chars().count()).map(|(_, c)| *c);
                (!after.is_empty() && has_tone_mark(&after) && next == Some(')'))
                    .then_some("'?' followed by a pinyin fragment and ')'")
            } else {
                None
            };
            if let Some(sign) = sign {
                let start = chars[k.saturating_sub(6)].0;
                let end = chars.get(k + 16).map(|(p, _)| *p).unwrap_or(line.len());
                found.push(Corruption { line: n + 1, context: line[start..end].to_owned(), sign });
                // One report per damaged span: skip past what the context showed.
                k += 12;
                let _ = pos;
                continue;
            }
            k += 1;
        }
    }
    found
}

/// An exact-text repair from a fixes table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub find: String,
    pub replace: String,
}

/// Applies each fix to every occurrence; returns the text and, per fix, how many times it matched.
pub fn apply_fixes(text: &str, fixes: &[Fix]) -> (String, Vec<usize>) {
    let mut out = text.to_owned();
    let mut counts = Vec::with_capacity(fixes.len());
    for fix in fixes {
        let n = out.matches(fix.find.as_str()).count();
        if n > 0 {
            out = out.replace(fix.find.as_str(), &fix.replace);
        }
        counts.push(n);
    }
    (out, counts)
}

/// Unicode NFC, lines trimmed, runs of blank lines collapsed to one, no blank lines at either end.
/// Full-width punctuation is kept as it is.
pub fn normalize_whitespace(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    let mut blank_run = false;
    for line in nfc.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            blank_run = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run {
                out.push('\n');
            }
        }
        blank_run = false;
        out.push_str(line);
    }
    out
}

/// Whether `c` sets a Chinese context for the punctuation next to it: a Han character, or a CJK or
/// full-width punctuation mark (`。`, `、`, `“`…`”` do not count: English uses them too).
fn chinese_side(c: char) -> bool {
    is_han(c) || ('\u{3000}'..='\u{303F}').contains(&c) || ('\u{FF01}'..='\u{FF60}').contains(&c)
}

/// The full-width form of a half-width mark that Chinese text sets full-width.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '.' => '。',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Half-width punctuation in Chinese text made full-width, as Chinese typesetting has it (scraped Chinese pages
/// often carry `,` `:` `(` where the text means `，` `：` `（`): `,` `;` `:` `?` `!` when the nearest character
/// on either side (past spaces) is Han or CJK punctuation — but not between two digits (`1,000`, `11:21`) —
/// a matched pair of parentheses when the character before it or one inside it is Han, and a pair of straight
/// double quotes (the first and second `"` of a line, the third and fourth…) as `“` `”` when there is Han inside
/// or next to it; a `.` right after Han that ends a sentence (the line ends, or Han, CJK punctuation or a closing
/// quotation mark follows) as `。`. Spaces around a converted mark go (a full-width mark carries its own).
/// Everything else stays: other `.` (decimals, `...`, addresses, `.pdf`), `'`, Latin text and its punctuation
/// (`He said, "hi" (ok).`), unmatched parentheses and quotes.
/// Returns the text and how many marks were converted.
pub fn full_width_punctuation(text: &str) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let is_space = |c: char| c == ' ' || c == '\u{a0}';
    let before = |i: usize| chars[..i].iter().rposition(|&c| !is_space(c));
    let after = |i: usize| chars[i + 1..].iter().position(|&c| !is_space(c)).map(|k| i + 1 + k);
    let mut convert = vec![false; chars.len()];
    // Parentheses: matched pairs (innermost first), with Han before the opening one or inside.
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(o) = open.pop() {
                    let han =
                        before(o).is_some_and(|j| is_han(chars[j])) || chars[o + 1..i].iter().copied().any(is_han);
                    convert[o] = han;
                    convert[i] = han;
                }
            }
            '\n' => open.clear(),
            _ => {}
        }
    }
    // Straight double quotes: the pairs of a line, in order, with Han inside or next to them, become “ and ”.
    let mut opening = vec![false; chars.len()];
    let mut quotes: Vec<usize> = Vec::new();
    for (i, c) in chars.iter().copied().chain(['\n']).enumerate() {
        match c {
            '"' => quotes.push(i),
            '\n' => {
                for pair in quotes.chunks_exact(2) {
                    let (o, c) = (pair[0], pair[1]);
                    let han = chars[o + 1..c].iter().copied().any(is_han)
                        || before(o).is_some_and(|j| is_han(chars[j]))
                        || after(c).is_some_and(|j| is_han(chars[j]));
                    convert[o] = han;
                    convert[c] = han;
                    opening[o] = true;
                }
                quotes.clear();
            }
            _ => {}
        }
    }
    // The other marks, a run at a time (`嗎?!`: both or neither), by the characters on either side of the run.
    let mark = |c: char| matches!(c, ',' | ';' | ':' | '?' | '!');
    let mut i = 0;
    while i < chars.len() {
        if !mark(chars[i]) {
            i += 1;
            continue;
        }
        let mut last = i;
        while let Some(j) = after(last).filter(|&j| mark(chars[j])) {
            last = j;
        }
        let (b, a) = (before(i), after(last));
        // A parenthesis converted next to the run counts as Chinese (`區),`).
        let chinese = |j: usize| chinese_side(chars[j]) || convert[j];
        let digit = |j: Option<usize>| j.is_some_and(|j| chars[j].is_ascii_digit());
        let between_digits = i == last && digit(b) && digit(a);
        let wide = !between_digits && (b.is_some_and(chinese) || a.is_some_and(chinese));
        for j in i..=last {
            convert[j] = wide && mark(chars[j]);
        }
        i = last + 1;
    }
    // A full stop right after Han that ends a sentence: followed (past spaces) by the end of the line, Han, CJK
    // punctuation (or a mark made so above) or a closing quotation mark; never one of several (`...`), nor in a
    // number, an address or Latin text.
    for i in 0..chars.len() {
        if chars[i] != '.' || chars.get(i + 1) == Some(&'.') || i == 0 || !is_han(chars[i - 1]) {
            continue;
        }
        convert[i] = match after(i) {
            None => true,
            Some(j) => {
                let c = chars[j];
                c == '\n' || chinese_side(c) || matches!(c, '”' | '」' | '』') || (convert[j] && !opening[j])
            }
        };
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut converted = 0;
    let mut skip_spaces = false;
    for (i, &c) in chars.iter().enumerate() {
        if skip_spaces && is_space(c) {
            continue;
        }
        skip_spaces = false;
        let wide = match c {
            '"' => Some(if opening[i] { '“' } else { '”' }),
            _ => full_width(c),
        };
        match wide {
            Some(wide) if convert[i] => {
                while out.ends_with([' ', '\u{a0}']) {
                    out.pop();
                }
                out.push(wide);
                converted += 1;
                skip_spaces = true;
            }
            _ => out.push(c),
        }
    }
    (out, converted)
}

/// Repairs one text taken from markup (a web page's, a feed item's) as scraped text is repaired: references
/// decoded — whole ones a feed escaped twice (`&amp;nbsp;` read as `&nbsp;`) and bare ones (`ldquo;`) — and
/// pinyin annotations taken out; counted into `report`.
pub fn repair(text: &mut String, report: &mut CleanReport) {
    let (decoded, n) = decode_entities(text);
    let (stripped, m) = strip_pinyin_annotations(&decoded);
    report.entities_decoded += n;
    report.pinyin_removed += m;
    *text = stripped;
}

/// Damage no rule repairs (a span lost to a bad conversion) in `blocks`, reported by block as scraped text
/// reports it by line (`what` names the block's place: "block 3", "item 2, block 3"). Returns how many.
pub fn report_damage(blocks: &[Block], what: &dyn Fn(usize) -> String, warnings: &mut Vec<String>) -> usize {
    let mut spans = 0;
    for (i, b) in blocks.iter().enumerate() {
        for text in b.texts() {
            for c in find_corruption(text) {
                spans += 1;
                warnings.push(format!(
                    "{}: damaged text ({}): {:?} — repair it with a --fixes entry",
                    what(i + 1),
                    c.sign,
                    c.context
                ));
            }
        }
    }
    spans
}

/// What [`clean_text`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanReport {
    pub pinyin_removed: usize,
    pub entities_decoded: usize,
    /// Per fix (in table order), how many times it matched.
    pub fixes_applied: Vec<usize>,
    /// Damage left after the fixes, with lines of the text as given.
    pub corruption: Vec<Corruption>,
}

/// The whole cleaning pipeline for one scraped text.
pub fn clean_text(raw: &str, fixes: &[Fix]) -> (String, CleanReport) {
    let (mut text, fixes_applied) = apply_fixes(raw, fixes);
    let corruption = find_corruption(&text);
    let mut report = CleanReport { fixes_applied, corruption, ..CleanReport::default() };
    repair(&mut text, &mut report);
    (normalize_whitespace(&text), report)
}
