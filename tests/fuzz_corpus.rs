//! The fuzz targets' checks (`fuzz/checks.rs`) on the committed corpus, `fuzz/regressions/<target>/`: the inputs
//! cargo-fuzz kept as reaching the most code (`cargo fuzz cmin`), and any input that once failed — run in every
//! `cargo test`, without nightly Rust or libFuzzer. A failing input is named.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

/// Runs `check` on every file of the target's corpus; how many there are, and the names of those on which it
/// panicked.
fn failures(target: &str, check: fn(&[u8])) -> (usize, Vec<String>) {
    failures_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target), check)
}

fn failures_in(dir: &Path, check: fn(&[u8])) -> (usize, Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let failed = files
        .iter()
        .filter(|f| {
            let data = std::fs::read(f).unwrap();
            std::panic::catch_unwind(|| check(&data)).is_err()
        })
        .map(|f| f.display().to_string())
        .collect();
    (files.len(), failed)
}

#[test]
fn scraped_text_corpus() {
    let (n, failed) = failures("scraped_text", checks::scraped_text);
    assert!(n >= 100, "the corpus is there ({n} files)");
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn article_set_corpus() {
    let (n, failed) = failures("article_set", checks::article_set);
    assert!(n >= 20, "the corpus is there ({n} files)");
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn query_corpus() {
    let (n, failed) = failures("query", checks::query);
    assert!(n >= 20, "the corpus is there ({n} files)");
    assert!(failed.is_empty(), "{failed:#?}");
}

/// An input whose check panics is reported, by name.
#[test]
fn a_failing_input_is_reported() {
    let dir = std::env::temp_dir().join(format!("av-fuzz-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("good"), "fine").unwrap();
    std::fs::write(dir.join("bad"), "planted").unwrap();
    let (n, failed) = failures_in(&dir, |d| assert_ne!(d, b"planted", "a planted failure"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!((n, failed), (2, vec![dir.join("bad").display().to_string()]));
}
