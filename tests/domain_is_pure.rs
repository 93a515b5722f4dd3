//! `src/domain/` is the pure core: no UI framework or browser API may be imported there.

#[test]
fn domain_imports_no_ui_or_browser_crates() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/domain");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for banned in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
            assert!(
                !text.lines().any(|l| !l.trim_start().starts_with("//") && l.contains(banned)),
                "{} mentions {banned}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 3);
}
