//! The published JSON Schema is generated from the Rust types; this keeps the committed file in step.

#[test]
fn committed_schema_matches_the_rust_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/static/article-set.schema.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let generated = article_viewer::domain::article_set_schema();
    assert!(
        committed == generated,
        "static/article-set.schema.json is out of date: run `cargo xtask schema` and commit the result"
    );
}

#[test]
fn schema_states_the_rules_the_loader_enforces() {
    let schema: serde_json::Value = serde_json::from_str(&article_viewer::domain::article_set_schema()).unwrap();
    let text = schema.to_string();
    for needle in ["^[A-Za-z0-9._~-]{1,128}$", "9007199254740991", "\"required\":[\"id\",\"title\"]", "date-time"] {
        assert!(text.contains(needle), "schema lacks {needle}");
    }
    // Every style the loader reads is named where the schema describes a block's styles.
    let styles =
        schema["$defs"]["Block"]["anyOf"][1]["properties"]["styles"]["description"].as_str().unwrap_or_default();
    for (name, _) in article_viewer::domain::article::Style::NAMES {
        assert!(styles.contains(&format!("{name} (")) || styles.contains(&format!("{name},")), "{name} in {styles:?}");
    }
    assert_eq!(schema["properties"]["version"]["minimum"], 1);
    assert_eq!(schema["properties"]["version"]["maximum"], 1);
}
