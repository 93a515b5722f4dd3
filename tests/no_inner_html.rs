//! Data is text: the source must never hand strings to the DOM as markup.

#[test]
fn no_source_file_uses_inner_html() {
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    let mut checked = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for banned in ["inner_html", "set_inner_html", "from_html_unchecked", "insert_adjacent_html"] {
                    assert!(!text.contains(banned), "{} uses {banned}", path.display());
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 10, "only {checked} source files found");
}
