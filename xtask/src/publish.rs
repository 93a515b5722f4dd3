//! Makes a trunk build ready for static hosting: the start-up script moved out of index.html (so that the page
//! runs under a strict Content-Security-Policy), `embed.js` for the `<article-viewer>` widget and a demo host
//! page, the policy itself as a `<meta>` and in a `_headers` file
//! (Netlify / Cloudflare Pages format) with cache headers, and `.br` / `.gz` siblings of every text and wasm
//! asset for hosts that serve precompressed files.

use anyhow::{bail, Context, Result};
use std::path::Path;

/// The policy the viewer runs under (README, SECURITY.md).
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
connect-src 'self'; img-src 'self' https: data:; base-uri 'self'; form-action 'none'";

/// FNV-1a, 64 bit: a content hash for the start-up script's file name (long-cached like trunk's assets).
fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Post-processes the trunk output in `dist`.
pub fn finish(dist: &Path) -> Result<()> {
    let index_path = dist.join("index.html");
    let html = std::fs::read_to_string(&index_path).context("reading dist/index.html")?;
    let html = externalize_start_script(dist, &html)?;
    let html = add_csp_meta(&html)?;
    std::fs::write(&index_path, html)?;
    write_embed(dist)?;
    write_headers(dist)?;
    precompress(dist)?;
    Ok(())
}

/// The one file of `dist` whose name matches `pick`.
fn asset(dist: &Path, what: &str, pick: impl Fn(&str) -> bool) -> Result<String> {
    let mut found: Vec<String> = std::fs::read_dir(dist)?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| pick(n))
        .collect();
    if found.len() != 1 {
        bail!("expected one {what} in {}, found {found:?}", dist.display());
    }
    Ok(found.remove(0))
}

/// `embed.js` (a stable name: hosts link to it) with the hashed names of this build's files, and
/// `embed-demo.html`, a host page with two widgets under hostile CSS.
fn write_embed(dist: &Path) -> Result<()> {
    let js = asset(dist, "viewer js", |n| n.starts_with("article-viewer-") && n.ends_with(".js"))?;
    let wasm = asset(dist, "viewer wasm", |n| n.ends_with("_bg.wasm"))?;
    let css = asset(dist, "stylesheet", |n| n.starts_with("style-") && n.ends_with(".css"))?;
    let template = include_str!("../../static/embed.template.js");
    let embed =
        template.replace("__VIEWER_JS__", &js).replace("__VIEWER_WASM__", &wasm).replace("__VIEWER_CSS__", &css);
    std::fs::write(dist.join("embed.js"), embed)?;
    std::fs::write(dist.join("embed-demo.html"), include_str!("../../static/embed-demo.html"))?;
    Ok(())
}

/// Moves trunk's inline `<script type="module">…</script>` into `start-<hash>.js`.
fn externalize_start_script(dist: &Path, html: &str) -> Result<String> {
    const OPEN: &str = "<script type=\"module\">";
    let Some(start) = html.find(OPEN) else {
        if html.contains("<script type=\"module\" src=\"./start-") {
            return Ok(html.to_owned()); // already done
        }
        bail!("dist/index.html has no inline start-up script to move (did trunk's output change?)");
    };
    let body_start = start + OPEN.len();
    let end = body_start + html[body_start..].find("</script>").context("unclosed start-up script")?;
    let script = html[body_start..end].trim();
    let name = format!("start-{}.js", content_hash(script.as_bytes()));
    std::fs::write(dist.join(&name), format!("{script}\n"))?;
    let tag = format!("<script type=\"module\" src=\"./{name}\"></script>");
    if html[end..].contains(OPEN) {
        bail!("dist/index.html has more than one inline module script");
    }
    Ok(format!("{}{tag}{}", &html[..start], &html[end + "</script>".len()..]))
}

fn add_csp_meta(html: &str) -> Result<String> {
    if html.contains("Content-Security-Policy") {
        return Ok(html.to_owned());
    }
    let at = html.find("<meta charset=\"utf-8\">").context("dist/index.html has no <meta charset>")?
        + "<meta charset=\"utf-8\">".len();
    Ok(format!("{}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">{}", &html[..at], &html[at..]))
}

/// Security headers for every file; hashed files are cached for a year, the page and the article set are
/// revalidated on every visit (so a replaced `articles.json` is seen at once), the dictionaries kept a day.
fn write_headers(dist: &Path) -> Result<()> {
    let mut out = String::from(
        "# Netlify / Cloudflare Pages headers for article-viewer's dist/ (written by `cargo xtask dist`).\n/*\n",
    );
    out.push_str(&format!("  Content-Security-Policy: {CSP}\n"));
    out.push_str("  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n");
    // Hosts join the values of a header that several rules set: each file gets its Cache-Control once.
    for path in ["/", "/index.html", "/articles.json", "/article-set.schema.json", "/embed.js", "/embed-demo.html"] {
        out.push_str(&format!("{path}\n  Cache-Control: no-cache\n"));
    }
    out.push_str("/opencc/*\n  Cache-Control: public, max-age=86400\n");
    let mut hashed: Vec<String> = std::fs::read_dir(dist)?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| is_hashed(n))
        .collect();
    hashed.sort();
    for name in hashed {
        out.push_str(&format!("/{name}\n  Cache-Control: public, max-age=31536000, immutable\n"));
    }
    std::fs::write(dist.join("_headers"), out)?;
    Ok(())
}

/// `name-0123456789abcdef.ext` or `name-0123456789abcdef_bg.wasm`: a content-hashed file name.
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `.br` (quality 11) and `.gz` (level 9) next to every compressible asset, when smaller.
fn precompress(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "html" | "js" | "css" | "wasm" | "json" | "svg" | "txt") {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let (gz, br) = crate::sizes::encode(&bytes)?;
        for (suffix, data) in [("gz", gz), ("br", br)] {
            if data.len() < bytes.len() {
                let mut name = path.file_name().unwrap().to_os_string();
                name.push(format!(".{suffix}"));
                std::fs::write(path.with_file_name(name), data)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        assert!(is_hashed("article-viewer-c310889568a86054_bg.wasm"));
        assert!(is_hashed("article-viewer-c310889568a86054.js"));
        assert!(is_hashed("style-84d6e2be756a0f96.css"));
        assert!(is_hashed("start-0011223344556677.js"));
        assert!(!is_hashed("articles.json"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("article-set.schema.json"));
    }

    #[test]
    fn start_script_moves_out_and_the_policy_goes_in() {
        let dir = std::env::temp_dir().join(format!("av-publish-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let html = "<html><head><meta charset=\"utf-8\">\n<script type=\"module\">\nimport init from './a.js';\nawait init();\n</script></head></html>";
        let out = add_csp_meta(&externalize_start_script(&dir, html).unwrap()).unwrap();
        assert!(!out.contains("import init"), "{out}");
        assert!(out.contains("<script type=\"module\" src=\"./start-"), "{out}");
        assert!(out.contains(CSP));
        let file = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "import init from './a.js';\nawait init();\n");
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(externalize_start_script(&dir, "<html></html>").is_err());
    }
}
