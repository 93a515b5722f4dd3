//! Fetching the bundled article set over HTTP.

use crate::domain::{load_article_set_bytes, LoadedSet, SetError};
use gloo_net::http::Request;

/// The article set's address, relative to the page (so the viewer works under any sub-path).
pub const ARTICLES_URL: &str = "articles.json";

/// Why the article set could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("the server answered HTTP {status} {status_text} for {url}")]
    Http { status: u16, status_text: String, url: String },
    #[error("the network request for {url} failed: {message}")]
    Network { url: String, message: String },
    #[error("{0}")]
    Set(#[from] SetError),
}

/// Fetches and loads the article set at `url`.
pub async fn fetch_article_set(url: &str) -> Result<LoadedSet, LoadError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network { url: url.to_owned(), message: e.to_string() })?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
            status_text: response.status_text(),
            url: url.to_owned(),
        });
    }
    // The body as bytes: copied once into wasm memory and checked as UTF-8 there (no UTF-16 round trip, and
    // bytes that are not UTF-8 are an error rather than silently replaced).
    let bytes =
        response.binary().await.map_err(|e| LoadError::Network { url: url.to_owned(), message: e.to_string() })?;
    Ok(load_article_set_bytes(&bytes)?)
}
