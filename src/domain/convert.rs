//! Traditional ↔ Simplified conversion for reading (繁/简), with OpenCC's dictionaries and OpenCC's method:
//! at each position the longest phrase of the first dictionary group that has one wins (forward maximum
//! matching), so 頭髮 → 头发 while 發展 → 发展, and 联系 → 聯繫 (not 聯係). No regional vocabulary (软件 stays).
//!
//! The dictionaries are not compiled in: the viewer fetches them (from `opencc/` next to the page) the first
//! time a reader asks for a script, so a first visit never pays for them. [`Script::files`] names the files;
//! [`Converter::from_texts`] builds a converter from their text.

use super::format::tag_is;
use super::Article;
use std::borrow::Cow;
use std::collections::HashMap;

/// Whether `c` is a Han (CJK ideograph) character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF | 0x30000..=0x3134F)
}

/// Whether 繁/简 conversion can change what `articles` show, i.e. whether to offer it: some article is tagged as
/// Chinese (`lang` zh…) or has a Han character in its title, kicker, subtitle or summary. Bodies are not read, so
/// that a large set is decided in the time it takes to look at its titles.
pub fn offers_conversion(articles: &[Article]) -> bool {
    articles.iter().any(|a| {
        a.lang.as_deref().is_some_and(|l| tag_is(l, "zh"))
            || [Some(a.title.as_str()), a.kicker.as_deref(), a.subtitle.as_deref(), a.summary.as_deref()]
                .into_iter()
                .flatten()
                .any(|t| t.chars().any(is_han))
    })
}

/// A script to show the articles in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Traditional characters (OpenCC `s2t`).
    Hant,
    /// Simplified characters (OpenCC `t2s`).
    Hans,
}

/// What the reader chose: the articles as written, or converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ScriptChoice {
    #[default]
    Original,
    Convert(Script),
}

impl ScriptChoice {
    pub const ALL: [ScriptChoice; 3] =
        [ScriptChoice::Original, ScriptChoice::Convert(Script::Hant), ScriptChoice::Convert(Script::Hans)];

    /// The URL / storage key: `original`, `hant`, `hans`.
    pub fn key(self) -> &'static str {
        match self {
            ScriptChoice::Original => "original",
            ScriptChoice::Convert(Script::Hant) => "hant",
            ScriptChoice::Convert(Script::Hans) => "hans",
        }
    }

    pub fn from_key(key: &str) -> Option<ScriptChoice> {
        ScriptChoice::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn script(self) -> Option<Script> {
        match self {
            ScriptChoice::Original => None,
            ScriptChoice::Convert(s) => Some(s),
        }
    }
}

impl Script {
    /// The BCP 47 tag of text in this script.
    pub fn tag(self) -> &'static str {
        match self {
            Script::Hant => "zh-Hant",
            Script::Hans => "zh-Hans",
        }
    }

    /// The dictionary files (in `data/opencc/`, served as `opencc/`): a normalisation pass, then groups tried in
    /// order at each position (OpenCC's `s2t.json` / `t2s.json`).
    pub fn files(self) -> (&'static [&'static str], &'static [&'static [&'static str]]) {
        match self {
            Script::Hant => (
                &["CJK_Compatibility_Ideographs.txt"],
                &[&["STPhrases.txt", "STPhrases_GeneratedFromRegionalPhrases.txt"], &["STCharacters.txt"]],
            ),
            Script::Hans => (
                &["CJK_Compatibility_Ideographs.txt"],
                &[&["TSPhrases.txt"], &["TSCharactersExt.txt"], &["TSCharacters.txt"]],
            ),
        }
    }

    /// Every file [`Script::files`] names, in order.
    pub fn all_files(self) -> Vec<&'static str> {
        let (norm, groups) = self.files();
        norm.iter().chain(groups.iter().flat_map(|g| g.iter())).copied().collect()
    }
}

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

/// Phrases longer than this many characters are never matched (OpenCC 1.4.2's longest has 15).
const MAX_PHRASE: usize = 32;

/// A converter to one script.
#[derive(Debug)]
pub struct Converter {
    script: Script,
    normalize: Dict,
    groups: Vec<Dict>,
}

impl Converter {
    /// Builds a converter from the text of the files [`Script::files`] names, given in the same order as
    /// [`Script::all_files`].
    pub fn from_texts(script: Script, texts: &[&str]) -> Result<Converter, String> {
        let (norm, groups) = script.files();
        let expected = norm.len() + groups.iter().map(|g| g.len()).sum::<usize>();
        if texts.len() != expected {
            return Err(format!("{expected} dictionary files are needed, {} were given", texts.len()));
        }
        let (norm_texts, mut rest) = texts.split_at(norm.len());
        let normalize = Dict::read(norm_texts)?;
        let mut dicts = Vec::new();
        for g in groups {
            let (these, after) = rest.split_at(g.len());
            dicts.push(Dict::read(these)?);
            rest = after;
        }
        if dicts.iter().all(|d| d.map.is_empty()) {
            return Err("the dictionaries are empty".into());
        }
        Ok(Converter { script, normalize, groups: dicts })
    }

    /// `text` in this converter's script. Text without CJK characters comes back borrowed, unchanged.
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if !text.chars().any(|c| c as u32 >= 0x2E80) {
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
        let mut out = String::with_capacity(normalized.len());
        let mut rest = normalized.as_str();
        while let Some(c) = rest.chars().next() {
            match self.groups.iter().find_map(|d| d.match_at(rest)) {
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
        Cow::Owned(out)
    }

    /// The article with every text a reader sees converted (ids, links and image addresses unchanged); a
    /// Chinese `lang` becomes this script's tag.
    pub fn convert_article(&self, a: &super::Article) -> super::Article {
        use super::Block;
        let c = |s: &str| self.convert(s).into_owned();
        let opt = |s: &Option<String>| s.as_deref().map(c);
        let Ok(title) = super::Title::parse(&c(a.title.as_str())) else { return a.clone() };
        super::Article {
            id: a.id.clone(),
            title,
            kicker: opt(&a.kicker),
            subtitle: opt(&a.subtitle),
            published: a.published.clone(),
            views: a.views,
            source: opt(&a.source),
            category: opt(&a.category),
            tags: a.tags.iter().map(|t| c(t)).collect(),
            authors: a.authors.iter().map(|t| c(t)).collect(),
            editor: opt(&a.editor),
            lang: match &a.lang {
                Some(l) if tag_is(l, "zh") => Some(self.script.tag().to_owned()),
                other => other.clone(),
            },
            summary: opt(&a.summary),
            body: a
                .body
                .iter()
                .map(|b| match b {
                    Block::Paragraph { text } => Block::Paragraph { text: c(text) },
                    Block::Heading { text } => Block::Heading { text: c(text) },
                    Block::Quote { text } => Block::Quote { text: c(text) },
                    Block::Image { src, alt, caption } => {
                        Block::Image { src: src.clone(), alt: c(alt), caption: opt(caption) }
                    }
                    other => other.clone(),
                })
                .collect(),
            url: a.url.clone(),
            notice: opt(&a.notice),
        }
    }
}
