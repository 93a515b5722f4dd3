//! The pure core: everything that is not UI. No yew / web-sys / gloo imports here, so `cargo test`
//! checks it natively.

pub mod article;
pub mod convert;
pub mod fold;
pub mod format;
#[cfg(feature = "import")]
pub mod import;
pub mod listing;
pub mod load;
pub mod reading;
pub mod search;
pub mod suggest;

pub use article::{Article, ArticleId, ArticleSetFile, Block, Link, List, Published, PublishedKind, Title, Views};
pub use load::{load_article_set, load_article_set_bytes, LoadedSet, RecordIssue, SetError};

/// The JSON Schema of an article-set file (schema v1), as published in `static/article-set.schema.json`.
#[cfg(not(target_arch = "wasm32"))]
pub fn article_set_schema() -> String {
    let schema = schemars::schema_for!(ArticleSetFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}
