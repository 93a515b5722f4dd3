//! Fetching the article set over HTTP, with the faults of real networks told apart.
//!
//! The body is read as a stream: every chunk reports progress, and a response that sends nothing for
//! [`STALL_LIMIT_MS`] is aborted as stalled (a slow but moving download is never cut off).

use super::strings::{fill, Strings};
use crate::domain::format::{format_exact, UiLang};
use crate::domain::load::check_size;
use crate::domain::{load_article_set_bytes, LoadedSet, SetError};
use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// The article set's address, relative to the page (so the viewer works under any sub-path).
pub const ARTICLES_URL: &str = "articles.json";

/// How long the server may send nothing (before the headers or between chunks) before we give up.
pub const STALL_LIMIT_MS: u32 = 15_000;

/// Why the article set could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("{url} was not found on the server (HTTP 404)")]
    NotFound { url: String },
    #[error("the server answered HTTP {status} {status_text} for {url}")]
    Http { status: u16, status_text: String, url: String },
    #[error(
        "{url} is not an article set: the server sent {content_type} (is the file missing and a page served instead?)"
    )]
    WrongType { url: String, content_type: String },
    #[error("the browser is offline: connect to the network and try again")]
    Offline,
    #[error("the network request for {url} failed: {message}")]
    Network { url: String, message: String },
    #[error("the server stopped sending {url} ({received} bytes received, nothing for {seconds} s)")]
    Stalled { url: String, received: u64, seconds: u32 },
    #[error("the connection broke while {url} was downloading ({received} bytes received): {message}")]
    Interrupted { url: String, received: u64, message: String },
    #[error("{0}")]
    Set(#[from] SetError),
}

impl LoadError {
    /// Why, for the reader, in the interface's language (`s`, `lang`): a fault of the network or the server in
    /// its words; a fault of the set itself in English, as it is for the set's owner to mend.
    pub fn text(&self, s: &Strings, lang: UiLang) -> String {
        let bytes = |n: &u64| format_exact(*n, lang);
        match self {
            LoadError::NotFound { url } => fill(s.error_not_found, &[("url", url)]),
            LoadError::Http { status, status_text, url } => {
                let status = format!("{status} {status_text}");
                fill(s.error_http, &[("status", status.trim_end()), ("url", url)])
            }
            LoadError::WrongType { url, content_type } => {
                fill(s.error_wrong_type, &[("url", url), ("type", content_type)])
            }
            LoadError::Offline => s.error_offline.to_owned(),
            LoadError::Network { url, message } => fill(s.error_network, &[("url", url), ("error", message)]),
            LoadError::Stalled { url, received, seconds } => fill(
                s.error_stalled,
                &[("url", url), ("received", &bytes(received)), ("seconds", &lang.number(seconds))],
            ),
            LoadError::Interrupted { url, received, message } => {
                fill(s.error_interrupted, &[("url", url), ("received", &bytes(received)), ("error", message)])
            }
            LoadError::Set(e) => e.to_string(),
        }
    }
}

/// Why a response with this `Content-Type` cannot be an article set, if it cannot. JSON types, text/plain and
/// octet-stream (what misconfigured static hosts send for .json) are accepted; HTML — typically a host's
/// fallback page for a missing file — and media are not.
pub fn content_type_problem(content_type: Option<&str>) -> Option<String> {
    let ct = content_type?.trim();
    let essence = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let ok = essence.is_empty()
        || essence == "application/json"
        || essence == "text/json"
        || essence.ends_with("+json")
        || essence == "text/plain"
        || essence == "application/octet-stream";
    (!ok).then(|| ct.to_owned())
}

/// Bytes received so far, and the total when the server said (Content-Length).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub received: u64,
    pub total: Option<u64>,
}

/// Aborts the request when [`STALL_LIMIT_MS`] pass without a call to `feed` (a sign of life).
struct Watchdog {
    controller: Option<web_sys::AbortController>,
    timer: Option<gloo_timers::callback::Timeout>,
}

impl Watchdog {
    fn feed(&mut self) {
        let controller = self.controller.clone();
        // Replacing the timer drops (cancels) the previous one.
        self.timer = Some(gloo_timers::callback::Timeout::new(STALL_LIMIT_MS, move || {
            if let Some(c) = controller {
                c.abort();
            }
        }));
    }

    fn stop(&mut self) {
        self.timer = None;
    }
}

fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

pub fn js_message(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| format!("{e:?}"))
}

/// The header the standalone page's service worker (`static/sw.template.js`) marks a kept answer with, given
/// because the network failed: its value is when the server sent it (its `Date`), or empty.
pub const OFFLINE_HEADER: &str = "x-article-viewer-offline";

/// An article set read from the copy the service worker kept, not from the network: when the server sent it
/// (milliseconds since 1970), where known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeptCopy(pub Option<f64>);

impl KeptCopy {
    /// What a response's [`OFFLINE_HEADER`] says, if it has one.
    fn of(header: Option<String>) -> Option<KeptCopy> {
        header.map(|date| KeptCopy(Some(js_sys::Date::parse(&date)).filter(|ms| ms.is_finite())))
    }
}

/// Fetches and loads the article set at `url`, reporting download progress; and whether it is the copy kept for
/// when the network fails (see [`KeptCopy`]).
pub async fn fetch_article_set(
    url: &str,
    on_progress: Callback<Progress>,
) -> Result<(LoadedSet, Option<KeptCopy>), LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let mut watchdog = Watchdog { controller: controller.clone(), timer: None };
    watchdog.feed();
    let stalled = |received| LoadError::Stalled { url: url.to_owned(), received, seconds: STALL_LIMIT_MS / 1000 };
    let aborted = |signal: &Option<web_sys::AbortSignal>| signal.as_ref().is_some_and(|s| s.aborted());

    let response = match Request::get(url).abort_signal(signal.as_ref()).send().await {
        Ok(r) => r,
        Err(_) if aborted(&signal) => return Err(stalled(0)),
        Err(_) if is_offline() => return Err(LoadError::Offline),
        Err(e) => return Err(LoadError::Network { url: url.to_owned(), message: e.to_string() }),
    };
    watchdog.feed();
    match response.status() {
        200..=299 => {}
        404 => return Err(LoadError::NotFound { url: url.to_owned() }),
        status => return Err(LoadError::Http { status, status_text: response.status_text(), url: url.to_owned() }),
    }
    let headers = response.headers();
    if let Some(content_type) = content_type_problem(headers.get("content-type").as_deref()) {
        return Err(LoadError::WrongType { url: url.to_owned(), content_type });
    }
    let kept = KeptCopy::of(headers.get(OFFLINE_HEADER));
    let total = headers.get("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    // Too large to read: said before downloading when the server gives the size, else as soon as it is passed.
    check_size(total.unwrap_or(0))?;
    let mut progress = Progress { received: 0, total };
    on_progress.emit(progress);

    let Some(body) = response.body() else {
        return Ok((load_article_set_bytes(&[])?, kept));
    };
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|e| LoadError::Network { url: url.to_owned(), message: js_message(&e) })?;
    let mut bytes: Vec<u8> = Vec::with_capacity(total.unwrap_or(0).min(256 << 20) as usize);
    loop {
        let chunk = match JsFuture::from(reader.read()).await {
            Ok(chunk) => chunk,
            Err(_) if aborted(&signal) => return Err(stalled(progress.received)),
            Err(_) if is_offline() => return Err(LoadError::Offline),
            Err(e) => {
                return Err(LoadError::Interrupted {
                    url: url.to_owned(),
                    received: progress.received,
                    message: js_message(&e),
                })
            }
        };
        watchdog.feed();
        let done = js_sys::Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true);
        if done {
            break;
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) {
            let array = js_sys::Uint8Array::new(&value);
            let start = bytes.len();
            bytes.resize(start + array.length() as usize, 0);
            array.copy_to(&mut bytes[start..]);
            progress.received = bytes.len() as u64;
            on_progress.emit(progress);
            if let Err(e) = check_size(progress.received) {
                watchdog.stop();
                if let Some(c) = &controller {
                    c.abort();
                }
                return Err(e.into());
            }
        }
    }
    watchdog.stop();
    Ok((load_article_set_bytes(&bytes)?, kept))
}

#[cfg(test)]
mod tests {
    use super::{content_type_problem, LoadError};
    use crate::domain::format::UiLang;
    use crate::ui::strings::strings_for;

    /// In English a load error reads as its own message (the one the host page's developer is told); in another
    /// language in its words, the set's own faults excepted.
    #[test]
    fn load_errors_in_each_language() {
        let url = "https://cdn.example.org/articles.json".to_owned();
        let errors = [
            LoadError::NotFound { url: url.clone() },
            LoadError::Http { status: 503, status_text: "Service Unavailable".into(), url: url.clone() },
            LoadError::WrongType { url: url.clone(), content_type: "text/html".into() },
            LoadError::Offline,
            LoadError::Network { url: url.clone(), message: "Failed to fetch".into() },
            LoadError::Stalled { url: url.clone(), received: 25, seconds: 15 },
            LoadError::Interrupted { url: url.clone(), received: 512, message: "network error".into() },
            LoadError::Set(crate::domain::SetError::MissingVersion),
        ];
        for e in &errors {
            assert_eq!(e.text(strings_for(UiLang::En), UiLang::En), e.to_string());
            let zh = e.text(strings_for(UiLang::ZhHans), UiLang::ZhHans);
            match e {
                LoadError::Set(_) => assert_eq!(zh, e.to_string()),
                _ => assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}"),
            }
        }
        let de = errors[5].text(strings_for(UiLang::De), UiLang::De);
        assert_eq!(de, "der Server sendet https://cdn.example.org/articles.json nicht weiter (25 Bytes empfangen, seit 15 s nichts mehr)");
        let big = LoadError::Interrupted { url, received: 1_234_567, message: "x".into() };
        assert!(big.text(strings_for(UiLang::Fr), UiLang::Fr).contains("(1\u{202f}234\u{202f}567 octets reçus)"));
    }

    #[test]
    fn content_types() {
        for ok in [
            None,
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("Application/JSON"),
            Some("application/feed+json"),
            Some("text/plain; charset=UTF-8"),
            Some("application/octet-stream"),
            Some(""),
        ] {
            assert_eq!(content_type_problem(ok), None, "{ok:?}");
        }
        for bad in ["text/html; charset=utf-8", "image/png", "application/xml"] {
            assert_eq!(content_type_problem(Some(bad)).as_deref(), Some(bad));
        }
    }
}
