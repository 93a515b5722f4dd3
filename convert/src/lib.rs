//! Traditional ↔ Simplified conversion with OpenCC's dictionaries and OpenCC's method: at each position the
//! longest phrase of the first dictionary group that has one wins (forward maximum matching), so 頭髮 → 头发
//! while 發展 → 发展, and 联系 → 聯繫 (not 聯係).
//!
//! No dependencies and no knowledge of articles (the viewer's domain core, `article_viewer::domain::convert`,
//! says what of an article is text). Built for `wasm32` with the feature `module` and a script (`hant`, `hans`)
//! this crate is also a module of its own with that script's dictionaries compiled in, `opencc/hant.wasm` or
//! `opencc/hans.wasm` (see `abi.rs`), which the viewer fetches the first time a reader asks for that script, so
//! that a visit that never converts never loads this code or data.

use std::borrow::Cow;
use std::collections::HashMap;

#[cfg(all(target_arch = "wasm32", feature = "module"))]
pub mod abi;

#[cfg(all(feature = "module", not(any(feature = "hant", feature = "hans"))))]
compile_error!("the feature `module` needs the script to compile in: `hant` or `hans`");
#[cfg(all(feature = "hant", feature = "hans"))]
compile_error!("one module is one script: `hant` or `hans`, not both");

/// A script's dictionary files (in `data/opencc/`): the normalisation pass, then the groups tried in order at each
/// position (OpenCC's `s2t.json` / `t2s.json`); and for a region with forms of characters of its own (see
/// [`Region`]) its group: to Simplified, applied first, bringing the region's forms to OpenCC's standard ones
/// (`tw2s.json`'s and `hk2s.json`'s first step); to Traditional, applied last, making the standard forms the
/// region's (`s2tw.json`'s and `s2hk.json`'s last step).
pub struct Files {
    pub normalize: &'static [&'static str],
    pub groups: &'static [&'static [&'static str]],
    /// Indexed by [`Region`] − 1: Taiwan's, Hong Kong's.
    pub regional: &'static [&'static [&'static str]],
    /// Whether the region's group comes after the others (to Traditional) rather than before (to Simplified).
    pub regional_last: bool,
}

/// A region with forms of characters of its own: Taiwan writes 著 where OpenCC's standard (and Simplified) has 着
/// (隨著, 意味著; not 著名), 為 and 裡 where the standard has 爲 and 裏; Hong Kong 衞 for 衛, 為 for 爲. To
/// Simplified, a text written there is first brought to the standard forms (OpenCC's `TWVariantsRev`,
/// `HKVariantsRev` and their phrases: 著名 stays 著名), as OpenCC's `tw2s` and `hk2s` do; to Traditional, for a
/// reader there, the standard forms are made the region's at the end (`TWVariants`, `HKVariants` and their
/// phrases), as `s2tw` and `s2hk` do. `Any`: OpenCC's `t2s` and `s2t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(u32)]
pub enum Region {
    #[default]
    Any = 0,
    Taiwan = 1,
    HongKong = 2,
}

impl Region {
    /// The region of a text or a reader's language tagged `tag`, for its forms of characters: Taiwan for `zh-TW`,
    /// `zh-Hant-TW`; Hong Kong for `zh-HK`, `zh-MO`, `zh-Hant-HK`, `yue-HK`… (Macau writes as Hong Kong does);
    /// else (another language, no region, an empty tag) none.
    pub fn of_tag(tag: &str) -> Region {
        let mut parts = tag.split('-');
        let is = |part: &str, name: &str| part.eq_ignore_ascii_case(name);
        if !parts.next().is_some_and(|l| is(l, "zh") || is(l, "yue")) {
            return Region::Any;
        }
        // (The region subtag: two letters after the language and an optional script.)
        match parts.find(|p| p.len() == 2) {
            Some(r) if is(r, "tw") => Region::Taiwan,
            Some(r) if is(r, "hk") || is(r, "mo") => Region::HongKong,
            _ => Region::Any,
        }
    }
}

/// Where a script's regional groups go: `first` (before the others) or `last`.
macro_rules! regional_last {
    (first) => {
        false
    };
    (last) => {
        true
    };
}

/// Names each script's files once: as [`Files`] (`HANT`, `HANS`) and, in the module built for that script
/// (feature `module` with `hant` or `hans`), as the files' text compiled in (`EMBEDDED`).
macro_rules! scripts {
    ($($name:ident $feature:literal: [$($norm:literal),*] $([$($file:literal),*])* $last:ident $(regional [$($reg:literal),*])*;)*) => {
        $(pub const $name: Files = Files {
            normalize: &[$($norm),*],
            groups: &[$(&[$($file),*]),*],
            regional: &[$(&[$($reg),*]),*],
            regional_last: regional_last!($last),
        };)*
        $(
            #[cfg(all(feature = "module", feature = $feature))]
            const EMBEDDED: (&[&str], &[&[&str]], &[&[&str]], bool) = (
                &[$(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/opencc/", $norm))),*],
                &[$(&[$(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/opencc/", $file))),*]),*],
                &[$(&[$(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/opencc/", $reg))),*]),*],
                $name.regional_last,
            );
        )*
    };
}

scripts! {
    HANT "hant": ["CJK_Compatibility_Ideographs.txt"]
        ["STPhrases.txt", "STPhrases_GeneratedFromRegionalPhrases.txt"] ["STCharacters.txt"] last
        regional ["TWVariantsPhrases.txt", "TWVariants.txt"]
        regional ["HKVariantsPhrases.txt", "HKVariants.txt"];
    HANS "hans": ["CJK_Compatibility_Ideographs.txt"] ["TSPhrases.txt"] ["TSCharactersExt.txt"] ["TSCharacters.txt"] first
        regional ["TWVariantsRevPhrases.txt", "TWVariantsRev.txt"]
        regional ["HKVariantsRevPhrases.txt", "HKVariantsRev.txt"];
}

/// Phrases longer than this many characters are never matched (OpenCC 1.4.2's longest has 15).
const MAX_PHRASE: usize = 32;

/// One dictionary group: phrase → replacement, and per first character the longest phrase (in characters).
#[derive(Debug, Default)]
struct Dict {
    map: HashMap<Box<str>, Box<str>>,
    longest: HashMap<char, u8>,
}

impl Dict {
    /// Reads OpenCC text dictionaries (`phrase<TAB>candidate[ candidate…]`, `#` comments); the first
    /// candidate is used, and the first file that has a phrase wins.
    fn read(texts: &[&str]) -> Result<Dict, String> {
        let mut d = Dict::default();
        for text in texts {
            for (n, line) in text.lines().enumerate() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let (from, to) = line.split_once('\t').ok_or_else(|| format!("line {}: no tab", n + 1))?;
                let to = to.split(' ').next().unwrap_or(to);
                let Some(first) = from.chars().next() else { continue };
                let len = from.chars().count().min(u8::MAX as usize) as u8;
                if !d.map.contains_key(from) {
                    d.map.insert(from.into(), to.into());
                    let l = d.longest.entry(first).or_insert(0);
                    *l = (*l).max(len);
                }
            }
        }
        Ok(d)
    }

    /// The longest phrase at the start of `text`: (its length in bytes, replacement).
    fn match_at<'a>(&'a self, text: &str) -> Option<(usize, &'a str)> {
        let first = text.chars().next()?;
        let longest = (*self.longest.get(&first)? as usize).min(MAX_PHRASE);
        // Byte ends of the first `longest` characters, tried longest first.
        let mut ends = [0usize; MAX_PHRASE];
        let mut n = 0;
        for (i, c) in text.char_indices().take(longest) {
            ends[n] = i + c.len_utf8();
            n += 1;
        }
        ends[..n].iter().rev().find_map(|&end| self.map.get(&text[..end]).map(|to| (end, &**to)))
    }
}

/// Whether `text` has a character conversion could change (CJK, from U+2E80 on): text without one is returned
/// as it is, without a lookup.
pub fn may_convert(text: &str) -> bool {
    text.chars().any(|c| c as u32 >= 0x2E80)
}

/// A converter: a character-by-character normalisation pass, then dictionary groups tried in order at each
/// position; and a region's group, before those (to Simplified) or after them (to Traditional).
#[derive(Debug)]
pub struct Engine {
    normalize: Dict,
    groups: Vec<Dict>,
    regional: Vec<Dict>,
    regional_last: bool,
}

impl Engine {
    /// Builds an engine from the text of OpenCC dictionary files: `normalize` (one character to one, applied
    /// first), then `groups`; `regional`, each region's group (one group of files each, by [`Region`] − 1),
    /// applied before `groups`, or after them when `regional_last`.
    pub fn new(
        normalize: &[&str],
        groups: &[&[&str]],
        regional: &[&[&str]],
        regional_last: bool,
    ) -> Result<Engine, String> {
        let normalize = Dict::read(normalize)?;
        let groups = groups.iter().map(|g| Dict::read(g)).collect::<Result<Vec<_>, _>>()?;
        if groups.iter().all(|d| d.map.is_empty()) {
            return Err("the dictionaries are empty".into());
        }
        let regional = regional.iter().map(|g| Dict::read(g)).collect::<Result<Vec<_>, _>>()?;
        Ok(Engine { normalize, groups, regional, regional_last })
    }

    /// `text` converted. Text without CJK characters comes back borrowed, unchanged.
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.convert_from(text, Region::Any)
    }

    /// `text` converted through `region`'s forms (see [`Region`]): to Simplified, `text` written there; to
    /// Traditional, for a reader there. Text without CJK characters comes back borrowed.
    pub fn convert_from<'a>(&self, text: &'a str, region: Region) -> Cow<'a, str> {
        if !may_convert(text) {
            return Cow::Borrowed(text);
        }
        let mut normalized = String::with_capacity(text.len());
        let mut buf = [0u8; 4];
        for c in text.chars() {
            match self.normalize.map.get(&*c.encode_utf8(&mut buf)) {
                Some(to) => normalized.push_str(to),
                None => normalized.push(c),
            }
        }
        let regional = (region as usize).checked_sub(1).and_then(|i| self.regional.get(i)).map(std::slice::from_ref);
        match regional {
            Some(regional) if self.regional_last => {
                Cow::Owned(forward_maximum_matching(regional, &forward_maximum_matching(&self.groups, &normalized)))
            }
            Some(regional) => {
                Cow::Owned(forward_maximum_matching(&self.groups, &forward_maximum_matching(regional, &normalized)))
            }
            None => Cow::Owned(forward_maximum_matching(&self.groups, &normalized)),
        }
    }
}

/// `text` with, at each position, the longest phrase of the first of `groups` that has one replaced.
fn forward_maximum_matching(groups: &[Dict], text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match groups.iter().find_map(|d| d.match_at(rest)) {
            Some((len, to)) => {
                out.push_str(to);
                rest = &rest[len..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_of_the_first_group_wins() {
        let e = Engine::new(
            &["﨑\t崎"],
            &[&["頭髮\t头发\n發展\t发展 發展"], &["頭\t头\n髮\t发\n發\t发\n崎\t崎"]],
            &[&["著名\t著名\n著\t着"]],
            false,
        )
        .unwrap();
        assert_eq!(e.convert("頭髮發展"), "头发发展");
        assert_eq!(e.convert("頭"), "头");
        assert_eq!(e.convert("﨑"), "崎");
        assert!(matches!(e.convert("plain text"), Cow::Borrowed(_)));
        // A region's group first, where the text is of that region (and the engine has its group).
        assert_eq!(e.convert("著名頭著"), "著名头著");
        assert_eq!(e.convert_from("著名頭著", Region::Taiwan), "著名头着");
        assert_eq!(e.convert_from("著名頭著", Region::HongKong), "著名头著");
        // To Traditional, the region's group last: for a reader there.
        let e = Engine::new(&[], &[&["为\t爲\n着\t着"]], &[&["爲\t為"]], true).unwrap();
        assert_eq!(e.convert("为着"), "爲着");
        assert_eq!(e.convert_from("为着", Region::Taiwan), "為着");
    }

    #[test]
    fn bad_dictionaries_are_errors() {
        assert!(Engine::new(&[], &[&["x"]], &[], false).is_err());
        assert!(Engine::new(&[], &[&["# only a comment\n"]], &[], false).is_err());
        assert!(Engine::new(&[], &[], &[], false).is_err());
        assert!(Engine::new(&[], &[&["a\tb"]], &[&["no tab"]], false).is_err());
    }
}
