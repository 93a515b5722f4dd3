//! Showing the articles in Traditional or Simplified characters (繁/简): which script the reader asked for (the
//! URL's `script`, else the remembered choice), and the converters, fetched on first use (`opencc/` next to the
//! page) so that a visit that never converts never downloads a dictionary.

use super::app::use_prefs;
use super::data::fetch_text;
use super::route::use_list_state;
use crate::domain::convert::{Converter, Script, ScriptChoice};
use crate::domain::Article;
use std::rc::Rc;
use yew::prelude::*;

/// Where the dictionaries are, relative to the page (or to embed.js for a widget).
pub const DICTIONARY_DIR: &str = "opencc/";

/// A converter, compared by identity.
#[derive(Clone, Debug)]
pub struct ConverterRef(pub Rc<Converter>);

impl PartialEq for ConverterRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl ConverterRef {
    pub fn text(&self, s: &str) -> String {
        self.0.convert(s).into_owned()
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

pub struct SetSlot(pub Script, pub Slot);

impl Reducible for Converters {
    type Action = SetSlot;
    fn reduce(self: Rc<Self>, SetSlot(script, slot): SetSlot) -> Rc<Self> {
        let mut next = (*self).clone();
        match script {
            Script::Hant => next.hant = slot,
            Script::Hans => next.hans = slot,
        }
        Rc::new(next)
    }
}

pub type ConvertersHandle = UseReducerHandle<Converters>;

/// The script the reader asked for: the link's, else the remembered one.
#[hook]
pub fn use_script_choice() -> ScriptChoice {
    let state = use_list_state();
    let prefs = use_prefs();
    state.script.unwrap_or(prefs.script)
}

/// The converter to show articles with, when one is asked for and ready; `None`: show them as written.
#[hook]
pub fn use_converter() -> Option<ConverterRef> {
    let choice = use_script_choice();
    let converters = use_context::<ConvertersHandle>();
    match (choice.script(), converters) {
        (Some(s), Some(c)) => match c.slot(s) {
            Slot::Ready(conv) => Some(conv.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// An article as the reader asked to see it (converted, or as written), kept while the inputs stay the same.
#[hook]
pub fn use_shown_article(article: &Article) -> Rc<Article> {
    let conv = use_converter();
    let article = article.clone();
    let id = article.id.clone();
    use_memo((id, conv), move |(_, conv)| match conv {
        Some(c) => c.0.convert_article(&article),
        None => article.clone(),
    })
}

async fn load(script: Script, mount: super::mount::Mount) -> Result<Converter, String> {
    let mut texts = Vec::new();
    for file in script.all_files() {
        texts.push(fetch_text(&mount.asset(&format!("{DICTIONARY_DIR}{file}"))).await?);
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    Converter::from_texts(script, &refs)
}

/// Mounted once inside the router: fetches the converter the reader asks for, once.
#[function_component(ScriptLoader)]
pub fn script_loader() -> Html {
    let choice = use_script_choice();
    let converters = use_context::<ConvertersHandle>();
    let mount = super::mount::use_mount();
    use_effect_with(choice, move |choice| {
        if let (Some(script), Some(converters)) = (choice.script(), converters) {
            if matches!(converters.slot(script), Slot::Idle | Slot::Failed(_)) {
                converters.dispatch(SetSlot(script, Slot::Loading));
                wasm_bindgen_futures::spawn_local(async move {
                    let slot = match load(script, mount).await {
                        Ok(c) => Slot::Ready(ConverterRef(Rc::new(c))),
                        Err(e) => Slot::Failed(e),
                    };
                    converters.dispatch(SetSlot(script, slot));
                });
            }
        }
    });
    Html::default()
}
