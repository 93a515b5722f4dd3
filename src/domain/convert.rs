//! Traditional ↔ Simplified conversion for reading (繁/简), with OpenCC's dictionaries and OpenCC's method:
//! at each position the longest phrase of the first dictionary group that has one wins (forward maximum
//! matching), so 頭髮 → 头发 while 發展 → 发展, and 联系 → 聯繫 (not 聯係). No regional vocabulary (软件 stays);
//! but an article written in Taiwan or Hong Kong (its `lang`: `zh-TW`, `zh-Hant-HK`…) has its region's own
//! forms of characters brought to the standard ones before it is made Simplified, as OpenCC's `tw2s` / `hk2s`
//! do (隨著 → 随着, not 随著; 著名 stays), and a reader there gets the region's forms in Traditional, as `s2tw` /
//! `s2hk` give them (为 → 為, not OpenCC's standard 爲), see [`Region`].
//!
//! The engine is the crate `article-viewer-convert`. The viewer does not link it: it fetches it, as a module with
//! the script's dictionaries compiled in (`opencc/hans.wasm`, `opencc/hant.wasm`), the first time a reader asks for
//! a script, so a first visit never pays for either. Natively (tests, benchmarks) [`Converter::from_texts`] builds
//! a converter from the text of the files [`Script::files`] names; [`convert_article`] is what of an article is
//! converted, either way.

use super::format::tag_is;
use super::Article;
pub use article_viewer_convert::{Engine, Files, Region};
use std::borrow::Cow;

/// Whether `c` is a Han (CJK ideograph) character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF | 0x30000..=0x3134F)
}

/// Whether `c` is Japanese kana (hiragana or katakana).
pub fn is_kana(c: char) -> bool {
    ('\u{3040}'..='\u{30FF}').contains(&c)
}

/// Whether `c` is a Hangul syllable (Korean, written with spaces between words).
pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
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

    /// The dictionary files (in `data/opencc/`, compiled into `opencc/hant.wasm` / `opencc/hans.wasm`): a
    /// normalisation pass, then groups tried in order at each position (OpenCC's `s2t.json` / `t2s.json`).
    pub fn files(self) -> &'static Files {
        match self {
            Script::Hant => &article_viewer_convert::HANT,
            Script::Hans => &article_viewer_convert::HANS,
        }
    }

    /// Where this script's converter module is, relative to the page (or to embed.js): next to its loader
    /// `opencc/convert.js`, which fetches it as `<key>.wasm` (`cargo xtask convert-wasm` writes it there; the
    /// benches read its size).
    pub fn module_path(self) -> &'static str {
        match self {
            Script::Hant => "opencc/hant.wasm",
            Script::Hans => "opencc/hans.wasm",
        }
    }

    /// Every file [`Script::files`] names, in order (normalisation, groups, regional groups).
    pub fn all_files(self) -> Vec<&'static str> {
        let files = self.files();
        let groups = files.groups.iter().chain(files.regional).flat_map(|g| g.iter());
        files.normalize.iter().chain(groups).copied().collect()
    }
}

/// The region of a text or a reader's language tagged `lang`, for its forms of characters (see [`Region`] and
/// [`Region::of_tag`]; none without a tag).
pub fn region(lang: Option<&str>) -> Region {
    Region::of_tag(lang.unwrap_or_default())
}

/// A converter to one script: [`Script::files`]' dictionaries in the engine of `article-viewer-convert`.
#[derive(Debug)]
pub struct Converter {
    script: Script,
    engine: Engine,
}

impl Converter {
    /// Builds a converter from the text of the files [`Script::files`] names, given in the same order as
    /// [`Script::all_files`].
    pub fn from_texts(script: Script, texts: &[&str]) -> Result<Converter, String> {
        let files = script.files();
        let expected = script.all_files().len();
        if texts.len() != expected {
            return Err(format!("{expected} dictionary files are needed, {} were given", texts.len()));
        }
        let (norm_texts, mut rest) = texts.split_at(files.normalize.len());
        let mut take = |groups: &[&[&str]]| {
            let mut texts = Vec::new();
            for g in groups {
                let (these, after) = rest.split_at(g.len());
                texts.push(these);
                rest = after;
            }
            texts
        };
        let (group_texts, regional_texts) = (take(files.groups), take(files.regional));
        let engine = Engine::new(norm_texts, &group_texts, &regional_texts, files.regional_last)?;
        Ok(Converter { script, engine })
    }

    /// `text` in this converter's script. Text without CJK characters comes back borrowed, unchanged.
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.engine.convert(text)
    }

    /// `text` in this converter's script through `region`'s forms (see [`Region`]).
    pub fn convert_from<'a>(&self, text: &'a str, region: Region) -> Cow<'a, str> {
        self.engine.convert_from(text, region)
    }

    /// [`convert_article`] with this converter, for a reader of `reader` (see [`conversion_region`]).
    pub fn convert_article(&self, a: &Article, reader: Region) -> Article {
        let region = conversion_region(self.script, a.lang.as_deref(), reader);
        convert_article(a, self.script, &|s| self.convert_from(s, region).into_owned())
    }
}

/// Whose forms of characters converting a text tagged `lang` (an article's; `None` for the collection's title and
/// facet values) to `script` goes through (see [`Region`]): to Simplified, the region the text was written in; to
/// Traditional, the reader's (`reader`).
pub fn conversion_region(script: Script, lang: Option<&str>, reader: Region) -> Region {
    match script {
        Script::Hans => region(lang),
        Script::Hant => reader,
    }
}

/// The article with every text a reader sees converted by `c` (ids, links, image addresses and code unchanged); a
/// Chinese `lang` becomes `script`'s tag. The viewer passes the converter module it fetched; natively and in
/// tests, [`Converter::convert_article`] passes a [`Converter`].
pub fn convert_article(a: &Article, script: Script, c: &dyn Fn(&str) -> String) -> Article {
    use super::Block;
    let mut out = a.clone();
    if let Ok(title) = super::Title::parse(&c(a.title.as_str())) {
        out.title = title;
    }
    let c = |s: &mut String| *s = c(s);
    let optional = [&mut out.kicker, &mut out.subtitle, &mut out.source, &mut out.category, &mut out.editor];
    for s in optional.into_iter().chain([&mut out.summary, &mut out.notice]).flatten() {
        c(s);
    }
    out.tags.iter_mut().chain(&mut out.authors).for_each(c);
    for b in &mut out.body {
        match b {
            Block::Paragraph { text, .. } | Block::Heading { text, .. } | Block::Quote { text, .. } => c(text),
            Block::List(l) => l.items.iter_mut().for_each(c),
            Block::Table(t) => t.cells.iter_mut().chain(&mut t.caption).for_each(c),
            Block::Image(i) => {
                c(&mut i.alt);
                i.caption.iter_mut().for_each(c);
            }
            // Code is shown as written: converting it would change what a program says.
            Block::Code { .. } | Block::Break | Block::Unknown { .. } => {}
        }
        // The links' words, as the text's (so that they are still found in it); their addresses as they are.
        // (And the text before them, where they carry it: converted apart, as they are.)
        for l in b.links_mut().into_iter().flatten() {
            c(&mut l.text);
            if !l.before.is_empty() {
                c(&mut l.before);
            }
        }
    }
    if out.lang.as_deref().is_some_and(|l| tag_is(l, "zh")) {
        out.lang = Some(script.tag().to_owned());
    }
    out
}
