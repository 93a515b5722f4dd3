//! Showing the articles in Traditional or Simplified characters (繁/简): which script the reader asked for (the
//! URL's `script`, else the remembered choice), and the converters, fetched on first use so that a visit that
//! never converts never downloads one: each script's converter is a WebAssembly module of its own, the engine of
//! the crate `article-viewer-convert` with that script's dictionaries compiled in (`opencc/hans.wasm`,
//! `opencc/hant.wasm`), loaded and driven by a small script next to them (`opencc/convert.js`, from
//! `static/opencc/convert.js`), itself imported only then. Without the cargo feature `convert` (a build to measure
//! what 繁/简 adds to the first load) none of it exists.

use super::app::use_prefs;
use super::route::use_list_state;
#[cfg(feature = "convert")]
use crate::domain::convert::convert_article;
use crate::domain::convert::{Script, ScriptChoice};
use crate::domain::Article;
use std::rc::Rc;
use yew::prelude::*;

#[cfg(feature = "convert")]
mod engine {
    use crate::domain::convert::Script;
    use wasm_bindgen::prelude::*;

    // Imports the converter's loader (`opencc/convert.js`, fetched only now: its URL is relative to the page's
    // base, or absolute from a widget's embed.js), which loads the script's module next to itself. Never
    // rejects: resolves to the engine's `convert(text)` function, or to why it could not be loaded.
    #[wasm_bindgen(inline_js = "export const load_converter = async (js, script) => {
  try { return (await (await import(new URL(js, document.baseURI))).load(script)).convert; }
  catch (e) { return `${e?.message ?? e}`; }
};")]
    extern "C" {
        fn load_converter(js: &str, script: &str) -> js_sys::Promise;
    }

    /// One script's converter.
    #[derive(Debug)]
    pub struct Converter {
        pub script: Script,
        /// `convert(text, lang)`: `text`, written in the language tagged `lang`, converted (through the forms of
        /// its region to Simplified, of the reader's to Traditional: see `domain::convert::conversion_region`,
        /// which the loader follows); as it is when it has nothing to convert (or the engine failed).
        engine: js_sys::Function,
    }

    /// Starts loading `script`'s converter from the loader at `js`; the promise never rejects.
    pub fn start(script: Script, js: &str) -> js_sys::Promise {
        load_converter(js, crate::domain::convert::ScriptChoice::Convert(script).key())
    }

    /// What the promise of [`start`] resolved to: the engine, or why it did not load.
    pub fn slot(script: Script, answer: JsValue) -> super::Slot {
        match answer.as_string() {
            Some(why) => super::Slot::Failed(why),
            None => super::Slot::Ready(super::ConverterRef(std::rc::Rc::new(Converter {
                script,
                engine: answer.unchecked_into(),
            }))),
        }
    }

    impl Converter {
        /// `text`, written in the language tagged `lang` (empty: not known), converted.
        pub fn convert(&self, text: &str, lang: &str) -> String {
            let answer = self.engine.call2(&JsValue::NULL, &JsValue::from_str(text), &JsValue::from_str(lang));
            answer.ok().and_then(|s| s.as_string()).unwrap_or_else(|| text.to_owned())
        }
    }
}

/// The converter's loader, next to the modules (`static/opencc/convert.js`).
#[cfg(feature = "convert")]
const LOADER_PATH: &str = "opencc/convert.js";

/// A converter, compared by identity.
#[cfg(feature = "convert")]
#[derive(Clone, Debug)]
pub struct ConverterRef(Rc<engine::Converter>);

/// Without the feature `convert` there is no converter: an `Option<ConverterRef>` is always `None`.
#[cfg(not(feature = "convert"))]
#[derive(Clone, Debug)]
pub struct ConverterRef(std::convert::Infallible);

#[cfg(feature = "convert")]
impl PartialEq for ConverterRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(feature = "convert")]
impl ConverterRef {
    /// `s` converted; as written when it has nothing to convert or the engine failed.
    pub fn text(&self, s: &str) -> String {
        self.0.convert(s, "")
    }

    /// The article with every text a reader sees converted (through the forms of the region it was written in,
    /// to Simplified; of the reader's, to Traditional).
    pub fn article(&self, a: &Article) -> Article {
        let lang = a.lang.as_deref().unwrap_or_default();
        convert_article(a, self.0.script, &|s| self.0.convert(s, lang))
    }
}

/// Loads `script`'s converter from the loader `opencc/convert.js` at `js` (its URL), which fetches the module
/// next to it and builds its engine, as [`use_script_loader`] does.
#[cfg(feature = "bench-api")]
pub async fn load_converter(script: Script, js: &str) -> Result<ConverterRef, String> {
    let answer = wasm_bindgen_futures::JsFuture::from(engine::start(script, js)).await.unwrap_or_else(|e| e);
    match engine::slot(script, answer) {
        Slot::Ready(c) => Ok(c),
        Slot::Failed(why) => Err(why),
        _ => Err(String::new()),
    }
}

#[cfg(not(feature = "convert"))]
impl PartialEq for ConverterRef {
    fn eq(&self, _: &Self) -> bool {
        match self.0 {}
    }
}

#[cfg(not(feature = "convert"))]
impl ConverterRef {
    pub fn text(&self, _: &str) -> String {
        match self.0 {}
    }

    pub fn article(&self, _: &Article) -> Article {
        match self.0 {}
    }
}

/// One script's converter: not asked for yet, being fetched, ready, or failed (with why).
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Slot {
    #[default]
    Idle,
    Loading,
    Ready(ConverterRef),
    Failed(String),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Converters {
    pub hant: Slot,
    pub hans: Slot,
}

impl Converters {
    pub fn slot(&self, s: Script) -> &Slot {
        match s {
            Script::Hant => &self.hant,
            Script::Hans => &self.hans,
        }
    }

    pub fn slot_mut(&mut self, s: Script) -> &mut Slot {
        match s {
            Script::Hant => &mut self.hant,
            Script::Hans => &mut self.hans,
        }
    }
}

/// The script the reader asked for: the link's, else the remembered one.
#[hook]
pub fn use_script_choice() -> ScriptChoice {
    let state = use_list_state();
    let prefs = use_prefs();
    state.script.unwrap_or(prefs.script)
}

/// The converter to show articles with, when one is asked for and ready; `None`: show them as written.
#[cfg(feature = "convert")]
#[hook]
pub fn use_converter() -> Option<ConverterRef> {
    let choice = use_script_choice();
    let prefs = use_prefs();
    match choice.script().map(|s| prefs.converters.slot(s)) {
        Some(Slot::Ready(conv)) => Some(conv.clone()),
        _ => None,
    }
}

/// Without the feature `convert`: never a converter.
#[cfg(not(feature = "convert"))]
#[hook]
pub fn use_converter() -> Option<ConverterRef> {
    None
}

/// `s` as the reader asked to see it: converted by `conv`, or as written. (One function for every place that
/// shows a text, rather than the two ways written out at each.)
pub fn shown_text(conv: &Option<ConverterRef>, s: &str) -> String {
    match conv {
        Some(c) => c.text(s),
        None => s.to_owned(),
    }
}

/// The article as the reader asked to see it: converted by `conv`, or as written.
pub fn shown_article(conv: &Option<ConverterRef>, a: &Article) -> Article {
    match conv {
        Some(c) => c.article(a),
        None => a.clone(),
    }
}

/// An article compared by identity (a memo key: the same article, not one with the same text or id).
#[derive(Clone)]
pub struct Same(pub Rc<Article>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// An article as the reader asked to see it (converted, or as written: the same `Rc`), kept while the article
/// and the converter stay the same.
#[hook]
pub fn use_shown_article(article: &Rc<Article>) -> Rc<Article> {
    let conv = use_converter();
    let shown = use_memo((Same(article.clone()), conv), |(Same(article), conv)| match conv {
        Some(c) => Rc::new(c.article(article)),
        None => article.clone(),
    });
    (*shown).clone()
}

/// Used once inside the router (by the page's frame): fetches the converter the reader asks for, once (again
/// when it failed and is asked for again: the toggle sets it back to idle) — only once the set is loaded and
/// `offered` (it has Chinese text): a link or a remembered choice never fetches a converter for a set that has
/// nothing to convert, nor competes with the set's own download.
#[hook]
pub fn use_script_loader(offered: bool) {
    #[cfg(not(feature = "convert"))]
    let _ = offered;
    #[cfg(feature = "convert")]
    {
        let choice = use_script_choice();
        let prefs = use_context::<super::state::PrefsHandle>();
        use super::effect::use_effect_on;
        use super::state::PrefsAction;
        let mount = super::mount::use_mount();
        let idle = match (choice.script(), &prefs) {
            (Some(s), Some(p)) => matches!(p.converters.slot(s), Slot::Idle),
            _ => false,
        };
        // The three as one number: an effect on a `usize` shares its comparison with the app's others.
        let which = ScriptChoice::ALL.iter().position(|c| *c == choice).unwrap_or(0);
        use_effect_on(which * 4 + usize::from(idle) * 2 + usize::from(offered), move |_| {
            if let (true, Some(script), Some(prefs)) = (offered, choice.script(), prefs) {
                if matches!(prefs.converters.slot(script), Slot::Idle | Slot::Failed(_)) {
                    prefs.dispatch(PrefsAction::SetConverter(script, Slot::Loading));
                    let loading = engine::start(script, &mount.asset(LOADER_PATH));
                    wasm_bindgen_futures::spawn_local(async move {
                        let answer = wasm_bindgen_futures::JsFuture::from(loading).await.unwrap_or_else(|e| e);
                        prefs.dispatch(PrefsAction::SetConverter(script, engine::slot(script, answer)));
                    });
                }
            }
        });
    }
}
