//! Rules about the source itself: data is text (no markup sinks), and `src/domain/` is the pure core.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

fn code_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().filter(|l| !l.trim_start().starts_with("//")).map(str::to_owned).collect()
}

#[test]
fn no_source_file_hands_text_to_the_dom_as_markup() {
    let files = rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(files.len() > 10, "only {} source files found", files.len());
    for path in files {
        for line in code_lines(&path) {
            for banned in ["inner_html", "from_html_unchecked", "insert_adjacent_html", "outer_html"] {
                assert!(!line.contains(banned), "{} uses {banned}: {line}", path.display());
            }
        }
    }
}

#[test]
fn domain_imports_no_ui_or_browser_crates() {
    let files = rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"));
    assert!(files.len() >= 3);
    for path in files {
        for line in code_lines(&path) {
            for banned in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
                assert!(!line.contains(banned), "{} mentions {banned}: {line}", path.display());
            }
        }
    }
}
