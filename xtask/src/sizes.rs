//! Sizes of the built viewer: raw, gzip and brotli, per asset and in all.

use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// `bytes` compressed as hosts serve them: (gzip -9, brotli quality 11; 9 past 1 MB). Also what `cargo xtask
/// dist` writes as the `.gz` / `.br` siblings, so the sizes reported are the sizes shipped.
pub fn encode(bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    // (Past 1 MB — a large article set — quality 9: as small, here even smaller, and ~12× as fast: a 40 MB set
    // took 30 s at 11.)
    encode_at(bytes, if bytes.len() > 1 << 20 { 9 } else { 11 })
}

/// `bytes` compressed as [`encode`] does, brotli at `quality`.
pub fn encode_at(bytes: &[u8], quality: u32) -> Result<(Vec<u8>, Vec<u8>)> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    let gz = gz.finish()?;
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, quality, 22);
        w.write_all(bytes)?;
    }
    Ok((gz, br))
}

/// Compressed sizes of `bytes`: (gzip -9, brotli q11; q9 past 1 MB).
pub fn compressed(bytes: &[u8]) -> Result<(usize, usize)> {
    let (gz, br) = encode(bytes)?;
    Ok((gz.len(), br.len()))
}

/// What a first visit loads, in bytes (raw, gzip, brotli).
pub type Sizes = (usize, usize, usize);
/// One asset: name, raw, gzip, brotli.
type Row = (String, usize, usize, usize);

/// Prints the size table of the code a first visit loads (wasm, js, css) in `dist`; returns the first load of the
/// standalone page and of the widget.
pub fn report(dist: &Path) -> Result<[Sizes; 2]> {
    let (rows, first) = measure(dist)?;
    println!("{:<48} {:>10} {:>10} {:>10}", "asset", "raw", "gzip", "brotli");
    let (mut t_raw, mut t_gz, mut t_br) = (0, 0, 0);
    for (name, raw, gz, br) in &rows {
        println!("{name:<48} {raw:>10} {gz:>10} {br:>10}");
        t_raw += raw;
        t_gz += gz;
        t_br += br;
    }
    println!("{:<48} {t_raw:>10} {t_gz:>10} {t_br:>10}", "all of the above (bytes)");
    for (label, (r, g, b)) in ["first load, standalone page", "first load, widget"].iter().zip(first) {
        println!("{label:<48} {r:>10} {g:>10} {b:>10}");
    }
    Ok(first)
}

/// The assets a first visit loads (name, raw, gzip, brotli) and the totals of the standalone page and the widget.
fn measure(dist: &Path) -> Result<(Vec<Row>, [Sizes; 2])> {
    let mut rows = Vec::new();
    // The files next to index.html, and those of wasm-bindgen's snippets that the app's js imports (trunk also
    // copies snippets left in its wasm-bindgen directory by an earlier build with other features); not
    // `opencc/`, which is fetched only when a reader asks for 繁/简.
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if !path.is_dir() {
            files.push(path);
        }
    }
    files.extend(crate::publish::used_snippets(dist)?.into_iter().map(|name| dist.join(name)));
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        // embed-demo.css belongs to the demo host page, not to the viewer.
        if matches!(ext, "wasm" | "js" | "css") && !path.ends_with("embed-demo.css") {
            let bytes = std::fs::read(&path)?;
            let (gz, br) = compressed(&bytes)?;
            let name = path.strip_prefix(dist).unwrap_or(&path).to_string_lossy().into_owned();
            rows.push((name, bytes.len(), gz, br));
        }
    }
    rows.sort();
    // What each way of using the viewer loads first: the page loads start-*.js and boot-*.js, and sw.js once it
    // has started; a widget loads embed.js. Neither loads noscript-*.css, which only a browser without scripts
    // does (the prerendered pages read without them).
    let first = [&["embed.js", "noscript-"][..], &["start-", "boot-", "sw.js", "noscript-"][..]].map(|skip| {
        rows.iter()
            .filter(|(n, ..)| !skip.iter().any(|s| n.starts_with(s)))
            .fold((0, 0, 0), |(r, g, b), (_, raw, gz, br)| (r + raw, g + gz, b + br))
    });
    Ok((rows, first))
}

/// Prints what 繁/简 adds to the first load: `with` against a build without the feature `convert` (no toggle, no
/// converter loader, no conversion), `without`. The goal: at most 2 KB brotli.
pub fn report_share(what: &str, with: [Sizes; 2], without: &Path) -> Result<()> {
    let (_, without) = measure(without)?;
    for (label, (w, wo)) in ["standalone page", "widget"].iter().zip(with.iter().zip(without)) {
        println!(
            "{what}, {label}: {:+} B brotli ({} with, {} without; goal ≤ 2,048), {:+} B raw",
            w.2 as i64 - wo.2 as i64,
            w.2,
            wo.2,
            w.0 as i64 - wo.0 as i64
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_load_counts_the_snippets_the_app_imports_but_not_stale_ones_nor_what_loads_on_demand() {
        let dir = std::env::temp_dir().join(format!("av-sizes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let write = |p: &str, len: usize| {
            let path = dir.join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, vec![b'a'; len]).unwrap();
        };
        write("app-0123456789abcdef.js", 1000);
        write("app-0123456789abcdef_bg.wasm", 20000);
        write("style-0123456789abcdef.css", 300);
        write("start-0123456789abcdef.js", 40);
        write("embed.js", 50);
        write("embed-demo.css", 7000);
        write("noscript-0123456789abcdef.css", 200);
        write("snippets/app-0011/inline0.js", 60);
        write("snippets/app-0011/inline1.js", 70);
        std::fs::write(dir.join("app-0123456789abcdef.js"), {
            let mut js = b"import { f } from './snippets/app-0011/inline0.js';".to_vec();
            js.resize(1000, b' ');
            js
        })
        .unwrap();
        write("opencc/convert.js", 5000);
        write("opencc/hans.wasm", 90000);
        write("articles.json", 80000);
        let (rows, [page, widget]) = measure(&dir).unwrap();
        let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert!(names.contains(&"snippets/app-0011/inline0.js"), "{names:?}");
        assert_eq!(names.len(), 7, "{names:?}");
        assert_eq!(page.0, 1000 + 20000 + 300 + 40 + 60);
        assert_eq!(widget.0, 1000 + 20000 + 300 + 50 + 60);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
