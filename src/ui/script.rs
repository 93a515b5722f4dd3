//! Showing the articles in Traditional or Simplified characters (繁/简): which script the reader asked for (the
//! URL's `script`, else the remembered choice), and the converters, fetched on first use so that a visit that
//! never converts never downloads one: each script's converter is a WebAssembly module of its own, the engine of
//! the crate `article-viewer-convert` with that script's dictionaries compiled in (`opencc/hans.wasm`,
//! `opencc/hant.wasm`). Without the cargo feature `convert` (a build to measure what 繁/简 adds to the first
//! load) none of it exists.

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
    use crate::ui::data::js_message;
    use js_sys::{Uint8Array, WebAssembly};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    #[wasm_bindgen]
    extern "C" {
        /// The exports of `opencc/hant.wasm` / `opencc/hans.wasm` (documented in the crate
        /// `article-viewer-convert`, `abi.rs`).
        #[derive(Debug)]
        type Exports;
        #[wasm_bindgen(method, getter)]
        fn memory(this: &Exports) -> WebAssembly::Memory;
        #[wasm_bindgen(method, catch)]
        fn build(this: &Exports) -> Result<u32, JsValue>;
        #[wasm_bindgen(method, catch)]
        fn alloc(this: &Exports, len: u32) -> Result<u32, JsValue>;
        #[wasm_bindgen(method, catch)]
        fn convert(this: &Exports, ptr: u32, len: u32) -> Result<u32, JsValue>;
        #[wasm_bindgen(method, catch)]
        fn out(this: &Exports) -> Result<u32, JsValue>;
    }

    /// One script's converter: an instance of that script's module (the engine with its dictionaries).
    #[derive(Debug)]
    pub struct Converter {
        pub script: Script,
        exports: Exports,
    }

    impl Converter {
        /// Fetches `script`'s module (URL made by `asset`), instantiates it and builds its engine. (The bytes go
        /// from the response to the compiler without a copy in this module's memory.)
        pub async fn load(script: Script, asset: impl Fn(&str) -> String) -> Result<Converter, String> {
            let url = asset(script.module_path());
            let fail = |e: JsValue| format!("{url}: {}", js_message(&e));
            let window = web_sys::window().ok_or("no window")?;
            let response: web_sys::Response =
                JsFuture::from(window.fetch_with_str(&url)).await.map_err(fail)?.unchecked_into();
            if !response.ok() {
                return Err(format!("{url}: HTTP {}", response.status() as u32));
            }
            let bytes = JsFuture::from(response.array_buffer().map_err(fail)?).await.map_err(fail)?;
            let module = JsFuture::from(WebAssembly::compile(&bytes)).await.map_err(fail)?;
            let instance =
                JsFuture::from(WebAssembly::instantiate_module(module.unchecked_ref(), &js_sys::Object::new()))
                    .await
                    .map_err(fail)?;
            let conv = Converter {
                script,
                exports: instance.unchecked_into::<WebAssembly::Instance>().exports().unchecked_into(),
            };
            match conv.exports.build().map_err(fail)? {
                0 => Ok(conv),
                len => Err(format!("{url}: {}", String::from_utf8_lossy(&conv.answer(len).map_err(fail)?))),
            }
        }

        fn memory(&self) -> Uint8Array {
            Uint8Array::new(&self.exports.memory().buffer())
        }

        /// The module's answer of `len` bytes.
        fn answer(&self, len: u32) -> Result<Vec<u8>, JsValue> {
            let ptr = self.exports.out()?;
            Ok(self.memory().subarray(ptr, ptr + len).to_vec())
        }

        /// `text` converted.
        pub fn convert(&self, text: &str) -> Result<String, JsValue> {
            let len = text.len() as u32;
            let ptr = self.exports.alloc(len)?;
            self.memory().subarray(ptr, ptr + len).copy_from(text.as_bytes());
            let len = self.exports.convert(ptr, len)?;
            String::from_utf8(self.answer(len)?).map_err(|_| JsValue::from_str("not UTF-8"))
        }
    }
}

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
        match article_viewer_convert::may_convert(s) {
            true => self.0.convert(s).unwrap_or_else(|_| s.to_owned()),
            false => s.to_owned(),
        }
    }

    /// The article with every text a reader sees converted.
    pub fn article(&self, a: &Article) -> Article {
        convert_article(a, self.0.script, |s| self.text(s))
    }
}

/// Fetches `script`'s converter module (URL made by `asset` from a path relative to the page) and builds its
/// engine, as [`use_script_loader`] does.
#[cfg(feature = "convert")]
pub async fn load_converter(script: Script, asset: impl Fn(&str) -> String) -> Result<ConverterRef, String> {
    Ok(ConverterRef(Rc::new(engine::Converter::load(script, asset).await?)))
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

/// An article as the reader asked to see it (converted, or as written), kept while the inputs stay the same.
#[hook]
pub fn use_shown_article(article: &Article) -> Rc<Article> {
    let conv = use_converter();
    let article = article.clone();
    let id = article.id.clone();
    use_memo((id, conv), move |(_, conv)| match conv {
        Some(c) => c.article(&article),
        None => article.clone(),
    })
}

/// Used once inside the router (by the page's frame): fetches the converter the reader asks for, once (again
/// when it failed and is asked for again: the toggle sets it back to idle).
#[hook]
pub fn use_script_loader() {
    #[cfg(feature = "convert")]
    {
        let choice = use_script_choice();
        let prefs = use_context::<super::state::PrefsHandle>();
        use super::state::PrefsAction;
        let mount = super::mount::use_mount();
        let idle = match (choice.script(), &prefs) {
            (Some(s), Some(p)) => matches!(p.converters.slot(s), Slot::Idle),
            _ => false,
        };
        use_effect_with((choice, idle), move |(choice, _)| {
            if let (Some(script), Some(prefs)) = (choice.script(), prefs) {
                if matches!(prefs.converters.slot(script), Slot::Idle | Slot::Failed(_)) {
                    prefs.dispatch(PrefsAction::SetConverter(script, Slot::Loading));
                    wasm_bindgen_futures::spawn_local(async move {
                        let slot = match load_converter(script, |p| mount.asset(p)).await {
                            Ok(c) => Slot::Ready(c),
                            Err(e) => Slot::Failed(e),
                        };
                        prefs.dispatch(PrefsAction::SetConverter(script, slot));
                    });
                }
            }
        });
    }
}
