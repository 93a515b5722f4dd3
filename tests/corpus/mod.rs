//! The real article sets in ../shared/corpora/, shared by the tests that read them.

/// The text of `../shared/corpora/{name}`, or a failure that says where the file should be.
pub fn text(name: &str) -> String {
    let path = format!("{}/../shared/corpora/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{path}: {e} (the corpora ship in ../shared/corpora/, next to this repository's folder)")
    })
}
