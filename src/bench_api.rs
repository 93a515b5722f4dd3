//! A JavaScript API for `cargo xtask bench search` only (cargo feature `bench-api`, never in the shipped dist):
//! load a set, build the index, run queries, read folded text and the wasm memory size, so one page can time
//! the viewer's search against JavaScript libraries on the same data.

use crate::domain::fold::fold;
use crate::domain::listing::{Collection, ListState};
use crate::domain::load_article_set_bytes;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct BenchSet {
    c: Collection,
}

#[wasm_bindgen]
impl BenchSet {
    /// Reads and validates an article set (the viewer's own loader).
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<BenchSet, String> {
        let set = load_article_set_bytes(bytes).map_err(|e| e.to_string())?;
        Ok(BenchSet { c: Collection::new(set) })
    }

    pub fn len(&self) -> u32 {
        self.c.articles().len() as u32
    }

    pub fn is_empty(&self) -> bool {
        self.c.articles().is_empty()
    }

    /// Builds the search index (the viewer does this right after the first paint).
    pub fn build_index(&self) -> u32 {
        self.c.index().heap_bytes() as u32
    }

    /// Gathers the words "did you mean" corrects against, all at once (the viewer gathers them in slices between
    /// frames after the index); returns how many.
    pub fn gather_words(&self) -> u32 {
        self.c.vocabulary().len() as u32
    }

    /// What the list shows for query `q`: the matching article indices in order (search, facets, sort).
    pub fn results(&self, q: &str) -> Vec<u32> {
        let state = ListState { q: q.to_owned(), ..ListState::default() };
        self.c.listing(&state).results.into_iter().map(|i| i as u32).collect()
    }

    /// "Did you mean": `q` with its misspelt words corrected, when `q` finds nothing and that finds something.
    pub fn suggestion(&self, q: &str) -> Option<String> {
        self.c.suggestion(&ListState { q: q.to_owned(), ..ListState::default() }, &Default::default())
    }

    /// Article `i`'s searched fields, folded, one per line (for an independent substring scan in JavaScript).
    pub fn folded(&self, i: u32) -> String {
        self.c.index().folded_text(i as usize).to_owned()
    }

    /// Article ids in set order.
    pub fn id(&self, i: u32) -> String {
        self.c.articles()[i as usize].id.to_string()
    }
}

/// The fold the viewer applies to text and queries.
#[wasm_bindgen]
pub fn bench_fold(text: &str) -> String {
    fold(text)
}

/// The size of the wasm linear memory in bytes (it only ever grows).
#[wasm_bindgen]
pub fn bench_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// A 繁/简 converter as the viewer makes one: a script's module (`opencc/hans.wasm`, `opencc/hant.wasm`), fetched
/// from next to the page.
#[wasm_bindgen]
pub struct BenchConverter {
    c: crate::ui::script::ConverterRef,
}

#[wasm_bindgen]
impl BenchConverter {
    /// `script`: `hant` or `hans`.
    pub async fn load(script: String) -> Result<BenchConverter, String> {
        use crate::domain::convert::ScriptChoice;
        let script = ScriptChoice::from_key(&script).and_then(|c| c.script()).ok_or("script is hant or hans")?;
        Ok(BenchConverter { c: crate::ui::script::load_converter(script, "opencc/convert.js").await? })
    }

    pub fn convert(&self, text: &str) -> String {
        self.c.text(text)
    }

    /// The file the viewer fetches for `script`, relative to the page.
    pub fn file(script: &str) -> Option<String> {
        use crate::domain::convert::ScriptChoice;
        let script = ScriptChoice::from_key(script).and_then(|c| c.script())?;
        Some(script.module_path().to_owned())
    }
}

#[wasm_bindgen]
impl BenchSet {
    /// Converts articles `from..to` as the viewer shows them; returns their converted titles' total length.
    pub fn convert_articles(&self, conv: &BenchConverter, from: u32, to: u32) -> u32 {
        let articles = self.c.articles();
        let to = (to as usize).min(articles.len());
        (from as usize..to).map(|i| conv.c.article(&articles[i]).title.as_str().len() as u32).sum()
    }
}
