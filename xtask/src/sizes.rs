//! Sizes of the built viewer: raw, gzip and brotli, per asset and in all.

use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// `bytes` compressed as hosts serve them: (gzip -9, brotli quality 11). Also what `cargo xtask dist` writes
/// as the `.gz` / `.br` siblings, so the sizes reported are the sizes shipped.
pub fn encode(bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    let gz = gz.finish()?;
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        w.write_all(bytes)?;
    }
    Ok((gz, br))
}

/// Compressed sizes of `bytes`: (gzip -9, brotli q11).
pub fn compressed(bytes: &[u8]) -> Result<(usize, usize)> {
    let (gz, br) = encode(bytes)?;
    Ok((gz.len(), br.len()))
}

/// Prints the size table of the code a first visit loads (wasm, js, css) in `dist`.
pub fn report(dist: &Path) -> Result<()> {
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        // embed-demo.css belongs to the demo host page, not to the viewer.
        if matches!(ext, "wasm" | "js" | "css") && !path.ends_with("embed-demo.css") {
            let bytes = std::fs::read(&path)?;
            let (gz, br) = compressed(&bytes)?;
            rows.push((path.file_name().unwrap().to_string_lossy().into_owned(), bytes.len(), gz, br));
        }
    }
    rows.sort();
    println!("{:<48} {:>10} {:>10} {:>10}", "asset", "raw", "gzip", "brotli");
    let (mut t_raw, mut t_gz, mut t_br) = (0, 0, 0);
    for (name, raw, gz, br) in &rows {
        println!("{name:<48} {raw:>10} {gz:>10} {br:>10}");
        t_raw += raw;
        t_gz += gz;
        t_br += br;
    }
    println!("{:<48} {t_raw:>10} {t_gz:>10} {t_br:>10}", "all of the above (bytes)");
    // What each way of using the viewer loads first: the page loads start-*.js, a widget embed.js.
    for (label, skip) in [("first load, standalone page", "embed.js"), ("first load, widget", "start-")] {
        let (mut r, mut g, mut b) = (0, 0, 0);
        for (_, raw, gz, br) in rows.iter().filter(|(n, ..)| !n.starts_with(skip)) {
            r += raw;
            g += gz;
            b += br;
        }
        println!("{label:<48} {r:>10} {g:>10} {b:>10}");
    }
    Ok(())
}
