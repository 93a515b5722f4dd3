pub mod article;
pub mod list;
pub mod not_found;

/// Sets the document title (`page · collection`).
pub(crate) fn set_document_title(page: Option<&str>, collection: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&match page {
            Some(p) => format!("{p} · {collection}"),
            None => collection.to_owned(),
        });
    }
}
