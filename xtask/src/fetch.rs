//! `cargo xtask import https://…`: a feed or a web page fetched over HTTP(S), handed to the importer as a file
//! would be — named after its address (for the format and the id), its text decoded by the charset its server
//! declares, and its address kept, so that its relative images and links resolve where it is.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::time::Duration;
use ureq::ResponseExt;

/// The most a fetched input may hold (a whole bundled article set is at most this much).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Whether a command-line input is an address to fetch rather than a file.
pub fn is_address(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What a fetch gave.
#[derive(Debug)]
pub struct Fetched {
    /// A file name for the importer: the address's last path segment (`feed.xml`, `123.html`), with the
    /// extension the content type calls for when it has none it knows.
    pub name: PathBuf,
    /// UTF-8 when the server declared a charset the bytes were not in; as sent otherwise.
    pub bytes: Vec<u8>,
    /// The address it came from, after redirects.
    pub address: String,
    /// What to tell the user (a charset conversion).
    pub note: Option<String>,
}

/// The one agent of the run (its connections and TLS set-up are reused from one fetch to the next).
fn agent() -> &'static ureq::Agent {
    static AGENT: std::sync::OnceLock<ureq::Agent> = std::sync::OnceLock::new();
    AGENT.get_or_init(|| {
        // The crypto provider of rustls in this process (ureq is built without one).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let tls = ureq::tls::TlsConfig::builder().root_certs(ureq::tls::RootCerts::PlatformVerifier).build();
        ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(false)
            .user_agent(format!("{ROBOT}/{}", env!("CARGO_PKG_VERSION")))
            .tls_config(tls)
            .build()
            .into()
    })
}

/// The longest a server may ask the importer to wait before it asks again (HTTP 429 Too Many Requests, or 503
/// with a `Retry-After`), and how many times it waits: a longer wait, or a third refusal, is the fetch's error.
pub const MAX_WAIT: Duration = Duration::from_secs(30);
const RETRIES: u32 = 2;

/// The response to a GET of `address`, following redirects; a server that asks to be asked again later
/// ([`retry_after`]) is, up to [`RETRIES`] times, after the wait it asks for.
fn get(address: &str) -> Result<ureq::http::Response<ureq::Body>> {
    let mut refused = 0;
    loop {
        let response = agent().get(address).call().with_context(|| format!("cannot be fetched from {address}"))?;
        let asked = response.headers().get("retry-after").and_then(|v| v.to_str().ok());
        match retry_after(response.status().as_u16(), asked, refused, std::time::SystemTime::now()) {
            Some(wait) if refused < RETRIES && wait <= MAX_WAIT => {
                refused += 1;
                std::thread::sleep(wait);
            }
            _ => return Ok(response),
        }
    }
}

/// Fetches `address` (following redirects, up to 60 s, at most 64 MB); an error for a status that is not
/// success, a network failure, or too much data ([`get`]).
pub fn fetch(address: &str) -> Result<Fetched> {
    let mut response = get(address)?;
    let status = response.status();
    if !status.is_success() {
        bail!("the server answered HTTP {} {}", status.as_u16(), status.canonical_reason().unwrap_or(""));
    }
    let address = response.get_uri().to_string();
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .with_context(|| format!("reading what {address} sent (at most {} MB)", MAX_BYTES >> 20))?;
    let (bytes, note) = decode_declared(bytes, &content_type);
    Ok(Fetched { name: file_name(&address, &content_type), bytes, address, note })
}

/// The name the importer goes by in a site's robots.txt (and the first word of its User-Agent header).
pub const ROBOT: &str = "article-viewer-import";

/// What a site's robots.txt lets the importer fetch (RFC 9309, read by the crate `texting_robots`).
#[derive(Debug)]
pub enum Robots {
    /// Everything: the site has no robots.txt (any 4xx answer).
    All,
    Rules(texting_robots::Robot),
    /// Nothing: its robots.txt could not be fetched (a 5xx answer, the network), which the RFC reads as "do not
    /// crawl"; why.
    Nothing(String),
}

impl Robots {
    pub fn allows(&self, address: &str) -> bool {
        match self {
            Robots::All => true,
            Robots::Rules(robot) => robot.allowed(address),
            Robots::Nothing(_) => false,
        }
    }

    /// The wait the site asks for between one request and the next (`Crawl-delay`).
    pub fn delay(&self) -> Option<Duration> {
        match self {
            Robots::Rules(robot) => robot.delay.filter(|d| *d > 0.0).and_then(|d| Duration::try_from_secs_f32(d).ok()),
            _ => None,
        }
    }
}

/// The robots.txt of the site at `origin` (`https://host[:port]`), fetched and read; at most 500 KiB of it is
/// read, as Google's crawler does.
pub fn robots(origin: &str) -> Robots {
    let address = format!("{origin}/robots.txt");
    let mut response = match get(&address) {
        Ok(r) => r,
        Err(e) => return Robots::Nothing(format!("{e:#}")),
    };
    let status = response.status();
    if status.is_client_error() {
        return Robots::All;
    }
    if !status.is_success() {
        return Robots::Nothing(format!("the server answered HTTP {}", status.as_u16()));
    }
    let mut text = Vec::new();
    if let Err(e) =
        std::io::Read::read_to_end(&mut std::io::Read::take(response.body_mut().as_reader(), 500 * 1024), &mut text)
    {
        return Robots::Nothing(format!("reading it: {e}"));
    }
    match texting_robots::Robot::new(ROBOT, &text) {
        Ok(robot) => Robots::Rules(robot),
        // Not robots.txt rules at all (an HTML page served for every address): none.
        Err(_) => Robots::All,
    }
}

/// How long to wait before asking again, for a response that says to: HTTP 429 (Too Many Requests) or 503
/// (Service Unavailable) with a `Retry-After` of seconds or an HTTP date (from `now`); a 429 without one, 1 s
/// then 2 s. `None` for any other response.
fn retry_after(status: u16, header: Option<&str>, refused: u32, now: std::time::SystemTime) -> Option<Duration> {
    let asked = header.map(str::trim).and_then(|h| match h.parse::<u64>() {
        Ok(seconds) => Some(Duration::from_secs(seconds)),
        Err(_) => {
            let at = time::OffsetDateTime::parse(h, &time::format_description::well_known::Rfc2822).ok()?;
            Some(std::time::SystemTime::from(at).duration_since(now).unwrap_or_default())
        }
    });
    match (status, asked) {
        (429 | 503, Some(wait)) => Some(wait),
        (429, None) => Some(Duration::from_secs(1 << refused.min(5))),
        _ => None,
    }
}

/// `bytes` as UTF-8 when the content type declares a charset other than UTF-8 and the bytes are not UTF-8 (the
/// server's word comes before the document's own, as browsers take it); as they are otherwise.
fn decode_declared(bytes: Vec<u8>, content_type: &str) -> (Vec<u8>, Option<String>) {
    let charset = content_type.split(';').find_map(|p| p.trim().strip_prefix("charset=")).map(|c| c.trim_matches('"'));
    let encoding = charset.and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
    match encoding {
        Some(e) if e != encoding_rs::UTF_8 && std::str::from_utf8(&bytes).is_err() => {
            let (text, _, had_errors) = e.decode(&bytes);
            if had_errors {
                // Not what it says it is: left to the importer's own checks (which report it).
                return (bytes, None);
            }
            let note = format!("not UTF-8: decoded as {}, as the server declares", e.name());
            (text.into_owned().into_bytes(), Some(note))
        }
        _ => (bytes, None),
    }
}

/// The importer's file name for what came from `address`: its last path segment (the one before a trailing `/`
/// when it ends with one; the host for a bare site), given the extension the content type calls for when it has
/// none the importer knows.
fn file_name(address: &str, content_type: &str) -> PathBuf {
    let url = url::Url::parse(address).ok();
    let segment = url
        .as_ref()
        .and_then(|u| u.path_segments())
        .and_then(|mut s| s.rfind(|s| !s.is_empty()).map(str::to_owned))
        .or_else(|| url.as_ref().and_then(|u| u.host_str().map(str::to_owned)))
        .unwrap_or_else(|| "fetched".to_owned());
    let segment = percent_encoding::percent_decode_str(&segment).decode_utf8_lossy().into_owned();
    let known = ["html", "htm", "xhtml", "xml", "rss", "atom", "json", "md", "markdown", "txt", "text"];
    let ext = std::path::Path::new(&segment).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if ext.as_deref().is_some_and(|e| known.contains(&e)) {
        return PathBuf::from(segment);
    }
    let mime = content_type.split(';').next().unwrap_or("").trim();
    let wanted = match mime {
        "text/html" | "application/xhtml+xml" => "html",
        "application/json" | "application/feed+json" => "json",
        "text/markdown" => "md",
        "text/plain" => "txt",
        m if m.ends_with("xml") => "xml",
        _ => return PathBuf::from(segment),
    };
    PathBuf::from(format!("{segment}.{wanted}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_that_asks_to_be_asked_later_is_after_the_wait_it_asks_for() {
        let now = std::time::UNIX_EPOCH + Duration::from_secs(1_445_412_470); // Wed, 21 Oct 2015 07:27:50 GMT
        let s = Duration::from_secs;
        let rows = [
            (429, Some("3"), 0, Some(s(3))),
            (503, Some(" 120 "), 0, Some(s(120))),
            (429, Some("Wed, 21 Oct 2015 07:28:00 GMT"), 0, Some(s(10))),
            (503, Some("Wed, 21 Oct 2015 07:27:00 GMT"), 0, Some(s(0))),
            (429, None, 0, Some(s(1))),
            (429, None, 1, Some(s(2))),
            (429, Some("soon"), 0, Some(s(1))),
            (503, None, 0, None),
            (500, Some("3"), 0, None),
            (200, Some("3"), 0, None),
        ];
        for (status, header, refused, want) in rows {
            assert_eq!(retry_after(status, header, refused, now), want, "{status} {header:?}");
        }
    }

    #[test]
    fn a_fetched_input_is_named_for_its_format_and_id() {
        let rows = [
            ("https://example.org/feed.xml", "text/xml", "feed.xml"),
            ("https://example.org/news/2024/123.html?from=rss", "text/html", "123.html"),
            ("https://example.org/news/smelters/", "text/html; charset=utf-8", "smelters.html"),
            ("https://example.org/feed", "application/rss+xml", "feed.xml"),
            ("https://example.org/feed", "application/atom+xml; charset=utf-8", "feed.xml"),
            ("https://example.org/feed.json", "application/feed+json", "feed.json"),
            ("https://example.org/", "text/html", "example.org.html"),
            ("https://example.org/%E6%96%B0%E8%81%9E/%E9%8E%B3.html", "text/html", "鎳.html"),
            ("https://example.org/notes/a", "text/markdown", "a.md"),
            ("https://example.org/a+b%20c.html", "text/html", "a+b c.html"),
            ("https://example.org/data", "application/octet-stream", "data"),
        ];
        for (address, content_type, want) in rows {
            assert_eq!(file_name(address, content_type), PathBuf::from(want), "{address} ({content_type})");
        }
    }

    #[test]
    fn the_servers_charset_decodes_what_is_not_utf8() {
        let (gbk, _, _) = encoding_rs::GBK.encode("鎳價回升");
        let (bytes, note) = decode_declared(gbk.to_vec(), "text/html; charset=gbk");
        assert_eq!(String::from_utf8(bytes).unwrap(), "鎳價回升");
        assert!(note.unwrap().contains("GBK"));
        // UTF-8 whatever the server says, or no charset: as sent.
        let (bytes, note) = decode_declared("鎳".as_bytes().to_vec(), "text/html; charset=gbk");
        assert_eq!((bytes.as_slice(), note), ("鎳".as_bytes(), None));
        let (bytes, note) = decode_declared(gbk.to_vec(), "text/html");
        assert_eq!((bytes, note), (gbk.to_vec(), None));
    }
}
