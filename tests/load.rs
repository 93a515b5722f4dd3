//! Loading and validating article sets (schema v1): valid sets, each invalid case, unknown fields,
//! whole-file faults. Runs natively: `cargo test --test load`.

use article_viewer::domain::article::Style;
use article_viewer::domain::{load_article_set, Block, Link, List, PublishedKind, SetError};
use serde_json::json;

fn set_of(articles: serde_json::Value) -> String {
    json!({ "version": 1, "title": "T", "articles": articles }).to_string()
}

fn minimal(id: &str) -> serde_json::Value {
    json!({ "id": id, "title": format!("Title {id}") })
}

#[test]
fn the_bundled_seed_set_loads_with_every_field() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/articles.json")).unwrap();
    let set = load_article_set(&text).expect("the bundled set loads");
    assert!(set.skipped.is_empty(), "{:?}", set.skipped);
    assert!(set.warnings.is_empty(), "{:?}", set.warnings);
    assert_eq!(set.articles.len(), 1);
    let a = &set.articles[0];
    assert_eq!(a.title.as_str(), "湖南省有色系統共同維穩工作第十五次會議召開");
    assert_eq!(a.kicker.as_deref(), Some("全面推動關閉破產企業社區"));
    assert_eq!(a.views.map(|v| v.get()), Some(12269));
    assert_eq!(a.source.as_deref(), Some("有色報"));
    assert_eq!(a.category.as_deref(), Some("重點新聞"));
    assert_eq!(a.authors, vec!["張燎原".to_owned()]);
    assert_eq!(a.editor.as_deref(), Some("定律"));
    assert_eq!(a.lang.as_deref(), Some("zh-Hant"));
    let published = a.published.as_ref().unwrap();
    assert_eq!(published.display_local(), "2018-11-30 11:21");
    assert_eq!(published.unix_seconds(), 1_543_548_060);
    assert_eq!(a.body.len(), 8);
    assert!(matches!(&a.body[0], Block::Paragraph { text, .. } if text.starts_with("11月27日")));
    assert!(matches!(&a.body[7], Block::Paragraph { text, .. } if text.starts_with("湖南紅網以")));
    assert!(a.notice.as_deref().unwrap().contains("中國有色網聲明"));
    let all_text: String = a.body.iter().map(|b| format!("{b:?}")).collect();
    assert!(!all_text.contains("(yè)") && !all_text.contains("ldquo;") && !all_text.contains('?'));
}

#[test]
fn a_full_record_reads_every_block_type() {
    let text = set_of(json!([{
        "id": "a-1", "title": "Hello", "kicker": "k", "subtitle": "s", "published": "2020-02-29",
        "views": 0, "tags": ["x", "y"], "lang": "en", "summary": "sum", "url": "https://example.org/a",
        "body": ["p1", {"type": "heading", "text": "h"}, {"type": "quote", "text": "q"},
                 {"type": "image", "src": "img/a.png", "alt": "an a", "caption": "cap"},
                 {"type": "paragraph", "text": "p2"},
                 {"type": "list", "items": ["one", "two"]},
                 {"type": "list", "ordered": true, "items": ["first", "  ", "second"]},
                 {"type": "code", "text": "fn main() {\n    println!(\"hi\");\n}", "language": "rust"},
                 {"type": "table", "header": true, "caption": "Prices", "rows": [["metal", "price"], ["copper"], []]},
                 {"type": "heading", "text": "part", "level": 3}, {"type": "heading", "text": "one", "level": 1},
                 {"type": "heading", "text": "null", "level": null}]
    }]));
    let set = load_article_set(&text).unwrap();
    let a = &set.articles[0];
    assert!(matches!(a.published.as_ref().unwrap().kind(), PublishedKind::Date(_)));
    assert_eq!(a.published.as_ref().unwrap().display_local(), "2020-02-29");
    assert_eq!(a.published.as_ref().unwrap().unix_seconds(), 1_582_934_400);
    assert_eq!(
        a.body,
        vec![
            Block::paragraph("p1"),
            Block::heading("h", 2),
            Block::quote("q"),
            Block::image("img/a.png", "an a", Some("cap".into())),
            Block::paragraph("p2"),
            Block::list(false, vec!["one".into(), "two".into()]),
            // A blank item is left out.
            Block::list(true, vec!["first".into(), "second".into()]),
            // Spaces and line breaks as written.
            Block::Code { text: "fn main() {\n    println!(\"hi\");\n}".into(), language: Some("rust".into()) },
            // Rows filled to the widest; a blank row left out.
            Block::table(
                vec![vec!["metal".into(), "price".into()], vec!["copper".into(), "".into()]],
                true,
                Some("Prices".into())
            ),
            Block::heading("part", 3),
            Block::heading("one", 2),
            Block::heading("null", 2),
        ]
    );
    // A heading's level: 2 unless given; 1 is read as 2 (the title is the page's level-1 heading).
    let levels: Vec<u8> =
        a.body.iter().filter_map(|b| if let Block::Heading { level, .. } = b { Some(*level) } else { None }).collect();
    assert_eq!(levels, [2, 3, 2, 2]);
    let Block::Table(t) = &a.body[8] else { panic!("a table") };
    assert_eq!((t.columns, t.rows().count()), (2, 2));
    assert_eq!(a.excerpt(100), "sum");
    assert!(set.warnings.is_empty(), "{:?}", set.warnings);
}

#[test]
fn unknown_fields_are_ignored_everywhere() {
    let text = json!({ "version": 1, "generator": "x", "articles": [
        { "id": "a", "title": "A", "future_field": {"deep": [1, 2]}, "body": [{"type": "quote", "text": "q", "cite": "c"}] }
    ]})
    .to_string();
    let set = load_article_set(&text).unwrap();
    assert_eq!(set.articles.len(), 1);
    assert!(set.skipped.is_empty() && set.warnings.is_empty());
}

/// Each row: a broken record, the field the report must name, and words its reason must contain.
#[test]
fn each_invalid_record_is_skipped_with_a_precise_report_and_the_rest_are_kept() {
    let cases: Vec<(serde_json::Value, &str, &str)> = vec![
        (json!({ "title": "no id" }), "", "missing field `id`"),
        (json!({ "id": "no-title" }), "", "missing field `title`"),
        (json!({ "id": "", "title": "t" }), "id", "id is empty"),
        (json!({ "id": "a b", "title": "t" }), "id", "only A-Z"),
        (json!({ "id": "..", "title": "t" }), "id", "path segment"),
        (json!({ "id": "x".repeat(129), "title": "t" }), "id", "at most 128"),
        (json!({ "id": 7, "title": "t" }), "id", "invalid type"),
        (json!({ "id": "t1", "title": "   " }), "title", "title is empty"),
        (json!({ "id": "t2", "title": ["a"] }), "title", "invalid type"),
        (json!({ "id": "d1", "title": "t", "published": "2018-13-01" }), "published", "not a valid YYYY-MM-DD"),
        (json!({ "id": "d4", "title": "t", "published": "2019-02-29" }), "published", "not a valid YYYY-MM-DD"),
        (json!({ "id": "d5", "title": "t", "published": "2018-00-10" }), "published", "not a valid YYYY-MM-DD"),
        (json!({ "id": "d6", "title": "t", "published": "2018/01/01" }), "published", "not a valid YYYY-MM-DD"),
        (json!({ "id": "d7", "title": "t", "published": "2018-1-011" }), "published", "not a valid YYYY-MM-DD"),
        (json!({ "id": "d8", "title": "t", "published": "２０１８-01-01" }), "published", "RFC 3339"),
        (json!({ "id": "d9", "title": "t", "published": "+018-01-01" }), "published", "not a valid YYYY-MM-DD"),
        (json!({ "id": "d2", "title": "t", "published": "yesterday" }), "published", "RFC 3339"),
        (json!({ "id": "d3", "title": "t", "published": "2018-11-30T11:21:00" }), "published", "RFC 3339"),
        (json!({ "id": "v1", "title": "t", "views": -1 }), "views", "negative"),
        (json!({ "id": "v2", "title": "t", "views": 9_007_199_254_740_992u64 }), "views", "beyond 2^53"),
        (json!({ "id": "v3", "title": "t", "views": 1.5 }), "views", "not a whole number"),
        (json!({ "id": "v4", "title": "t", "views": "12" }), "views", "invalid type"),
        (json!({ "id": "b1", "title": "t", "body": "text" }), "body", "invalid type"),
        (json!({ "id": "b2", "title": "t", "body": [{"type": "heading"}] }), "body[0]", "missing field `text`"),
        (json!({ "id": "b3", "title": "t", "body": [{"text": "no type"}] }), "body[0]", "missing field `type`"),
        (json!({ "id": "b4", "title": "t", "body": ["ok", 5] }), "body[1]", "invalid type"),
        (
            json!({ "id": "b5", "title": "t", "body": [{"text": 5, "type": "quote"}] }),
            "body[0]",
            "text: invalid type: a number",
        ),
        (
            json!({ "id": "b6", "title": "t", "body": [{"type": ["quote"]}] }),
            "body[0]",
            "type must be a string, found a list",
        ),
        (
            json!({ "id": "b7", "title": "t", "body": [{"type": "image", "alt": "a"}] }),
            "body[0]",
            "missing field `src`",
        ),
        (
            json!({ "id": "b8", "title": "t", "body": [{"type": "image", "src": "a.png", "alt": null}] }),
            "body[0]",
            "alt: invalid type: null",
        ),
        (
            json!({ "id": "b9", "title": "t", "body": [{"type": "heading", "text": {"a": 1}}] }),
            "body[0]",
            "an object, expected a string",
        ),
        (
            json!({ "id": "k1", "title": "t", "body": [{"type": "paragraph", "text": "a", "links": "a"}] }),
            "body[0]",
            "links: invalid type: a string, expected a list of pairs [text, address]",
        ),
        (
            json!({ "id": "k2", "title": "t", "body": [{"type": "quote", "text": "a", "links": [["a"]]}] }),
            "body[0]",
            "links[0]: 1 strings, expected a pair [text, address]",
        ),
        (
            json!({ "id": "k3", "title": "t", "body": [{"type": "paragraph", "text": "a", "links": [["a", 1]]}] }),
            "body[0]",
            "links[0][1]: invalid type: a number, expected a string",
        ),
        (
            json!({ "id": "k4", "title": "t", "body": [{"type": "paragraph", "text": "a", "links": ["a", "b"]}] }),
            "body[0]",
            "links[0]: invalid type: a string, expected a pair [text, address]",
        ),
        (
            json!({ "id": "s1", "title": "t", "body": [{"type": "paragraph", "text": "a", "styles": [["a", "bold"]]}] }),
            "body[0]",
            "styles[0][1]: \"bold\" is not a style, expected strong, em, code, del, sup or sub",
        ),
        (
            json!({ "id": "s2", "title": "t", "body": [{"type": "paragraph", "text": "a", "styles": [["a", " "]]}] }),
            "body[0]",
            "styles[0][1]: no style named, expected strong, em, code, del, sup or sub",
        ),
        (
            json!({ "id": "s3", "title": "t", "body": [{"type": "list", "items": ["a"], "styles": [["a"]]}] }),
            "body[0]",
            "styles[0]: 1 strings, expected a pair [text, style]",
        ),
        (
            json!({ "id": "s5", "title": "t", "body": [{"type": "heading", "text": "a", "styles": [["a", "em", "", "x"]]}] }),
            "body[0]",
            "styles[0]: 4 strings, expected a pair [text, style] (and the text before it)",
        ),
        (
            json!({ "id": "s4", "title": "t", "body": [{"type": "heading", "text": "a", "styles": "strong"}] }),
            "body[0]",
            "styles: invalid type: a string, expected a list of pairs [text, style]",
        ),
        (json!({ "id": "l1", "title": "t", "body": [{"type": "list"}] }), "body[0]", "missing field `items`"),
        (
            json!({ "id": "l2", "title": "t", "body": [{"type": "list", "items": "a, b"}] }),
            "body[0]",
            "items: invalid type: a string, expected a list of strings",
        ),
        (
            json!({ "id": "l3", "title": "t", "body": [{"type": "list", "items": ["a", 2]}] }),
            "body[0]",
            "items[1]: invalid type: a number, expected a string",
        ),
        (
            json!({ "id": "l4", "title": "t", "body": [{"type": "list", "ordered": "yes", "items": ["a"]}] }),
            "body[0]",
            "ordered: invalid type: a string, expected true or false",
        ),
        (json!({ "id": "c1", "title": "t", "body": [{"type": "code"}] }), "body[0]", "missing field `text`"),
        (
            json!({ "id": "c3", "title": "t", "body": [{"type": "code", "text": "x", "language": 3}] }),
            "body[0]",
            "language: invalid type: a number, expected a string",
        ),
        (
            json!({ "id": "h1", "title": "t", "body": [{"type": "heading", "text": "h", "level": 7}] }),
            "body[0]",
            "level 7 is not a whole number from 1 to 6",
        ),
        (
            json!({ "id": "h2", "title": "t", "body": [{"type": "heading", "text": "h", "level": 2.5}] }),
            "body[0]",
            "level 2.5 is not a whole number from 1 to 6",
        ),
        (
            json!({ "id": "h3", "title": "t", "body": [{"type": "heading", "text": "h", "level": "3"}] }),
            "body[0]",
            "level: invalid type: a string, expected a whole number from 1 to 6",
        ),
        (
            json!({ "id": "c2", "title": "t", "body": [{"type": "code", "text": ["x"]}] }),
            "body[0]",
            "text: invalid type: a list, expected a string",
        ),
        (json!({ "id": "t1", "title": "t", "body": [{"type": "table"}] }), "body[0]", "missing field `rows`"),
        (
            json!({ "id": "t2", "title": "t", "body": [{"type": "table", "rows": ["a", "b"]}] }),
            "body[0]",
            "rows[0]: invalid type: a string, expected a list of strings",
        ),
        (
            json!({ "id": "t3", "title": "t", "body": [{"type": "table", "rows": [["a"], ["b", 2]]}] }),
            "body[0]",
            "rows[1][1]: invalid type: a number, expected a string",
        ),
        (
            json!({ "id": "t4", "title": "t", "body": [{"type": "table", "rows": [["a"], {}]}] }),
            "body[0]",
            "rows[1]: invalid type: an object, expected a list of strings",
        ),
        (
            json!({ "id": "t5", "title": "t", "body": [{"type": "table", "rows": [["a"]], "header": 1}] }),
            "body[0]",
            "header: invalid type: a number, expected true or false",
        ),
        (
            json!({ "id": "l5", "title": "t", "body": [{"type": "list", "items": [["a"]]}] }),
            "body[0]",
            "items[0]: invalid type: a list, expected a string",
        ),
        (
            json!({ "id": "t6", "title": "t", "body": [{"type": "table", "rows": std::iter::once(vec!["x"; 2000])
                .chain(std::iter::repeat_n(vec!["y"], 2000)).collect::<Vec<_>>()}] }),
            "body[0]",
            "2001 rows, the widest of 2000 cells, and only 4000 cells",
        ),
        (json!({ "id": "tg", "title": "t", "tags": [1] }), "tags[0]", "invalid type"),
        (json!({ "id": "tg2", "title": "t", "tags": ["a", "b", {}] }), "tags[2]", "invalid type"),
        (json!({ "id": "au", "title": "t", "authors": "Li" }), "authors", "invalid type"),
        (
            json!({ "id": "b10", "title": "t", "body": ["a", {"type": "quote", "text": "q"}, {"type": "image"}] }),
            "body[2]",
            "missing field `src`",
        ),
        // Two bad fields: the first as written is named (json! writes keys in order: title before views).
        (json!({ "id": "two", "title": 5, "views": "x" }), "title", "invalid type"),
        (json!({ "id": "k", "title": "t", "kicker": ["x"] }), "kicker", "invalid type"),
        (json!("just a string"), "", "is a string"),
        (json!(null), "", "is null"),
        (json!(["id", "title"]), "", "is a list"),
        (json!(12), "", "is a number"),
    ];
    for (record, field, reason) in cases {
        let text = set_of(json!([minimal("good-1"), record.clone(), minimal("good-2")]));
        let set = load_article_set(&text).unwrap_or_else(|e| panic!("{record}: whole set failed: {e}"));
        let ids: Vec<&str> = set.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["good-1", "good-2"], "{record}");
        assert_eq!(set.skipped.len(), 1, "{record}");
        let issue = &set.skipped[0];
        assert_eq!(issue.index, 1, "{record}");
        assert_eq!(issue.field, field, "{record}: {issue}");
        assert!(issue.reason.contains(reason), "{record}: {issue}");
        assert!(!issue.reason.contains(" at line "), "{record}: {issue}");
    }
}

#[test]
fn the_report_names_the_record_by_position_and_id() {
    let text = set_of(json!([{ "id": "bad-views", "title": "t", "views": -3 }]));
    let set = load_article_set(&text).unwrap();
    assert_eq!(set.skipped[0].to_string(), "article #1 (id \"bad-views\"), field views: views -3 is negative");
    // An id that is not a string is not named; a long one is cut (its own error says it is too long).
    let long = "x".repeat(200);
    let text = set_of(json!([{ "id": 7, "title": [] }, { "id": long, "title": "t" }, { "id": "a\"b", "title": 1 }]));
    let ids: Vec<Option<String>> = load_article_set(&text).unwrap().skipped.into_iter().map(|i| i.id).collect();
    assert_eq!(ids, [None, Some(format!("{}…", "x".repeat(32))), Some("a\"b".to_owned())]);
}

#[test]
fn duplicate_ids_keep_the_first_and_report_the_rest() {
    let text = set_of(json!([
        { "id": "same", "title": "first" }, { "id": "same", "title": "second" }, { "id": "same", "title": "third" }
    ]));
    let set = load_article_set(&text).unwrap();
    assert_eq!(set.articles.len(), 1);
    assert_eq!(set.articles[0].title.as_str(), "first");
    assert_eq!(set.skipped.iter().map(|i| i.index).collect::<Vec<_>>(), [1, 2]);
    assert!(set.skipped[0].reason.contains("duplicate id"));
}

#[test]
fn unsafe_links_and_unknown_blocks_are_dropped_with_a_warning_and_the_record_kept() {
    let text = set_of(json!([{
        "id": "w", "title": "t", "url": "javascript:alert(1)", "lang": "not a tag!",
        "body": ["p", {"type": "video", "src": "v.mp4"}, {"type": "image", "src": "data:text/html,x", "alt": ""},
                 {"type": "image", "src": "https://example.org/ok.png", "alt": "ok"},
                 {"type": "list", "items": []}, {"type": "list", "ordered": null, "items": [" ", ""]},
                 {"type": "table", "rows": []}, {"type": "table", "rows": [[" "], []], "caption": "empty"}]
    }]));
    let set = load_article_set(&text).unwrap();
    let a = &set.articles[0];
    assert_eq!(a.url, None);
    assert_eq!(a.lang, None);
    assert_eq!(a.body.len(), 2);
    let fields: Vec<&str> = set.warnings.iter().map(|w| w.field.as_str()).collect();
    assert_eq!(
        fields,
        ["url", "lang", "body[1]", "body[2].src", "body[4].items", "body[5].items", "body[6].rows", "body[7].rows"]
    );
    assert!(set.warnings[6].reason.contains("table has no text"), "{}", set.warnings[6]);
    assert!(set.warnings[4].reason.contains("list has no items"), "{}", set.warnings[4]);
}

#[test]
fn safe_url_rules() {
    use article_viewer::domain::load::is_safe_url;
    let rows = [
        ("https://example.org/a", false, true),
        ("HTTP://EXAMPLE.ORG", false, true),
        ("https://", false, false),
        ("javascript:alert(1)", true, false),
        (" JaVaScRiPt:alert(1)", true, false),
        ("java\tscript:alert(1)", true, false),
        ("vbscript:x", true, false),
        ("data:image/png;base64,AAAA", true, false),
        ("//evil.example/x.png", true, false),
        ("img/a.png", true, true),
        ("img/a.png", false, false),
        ("../a.png?x=1:2", true, true),
        ("a.png#x:y", true, true),
        ("", true, false),
    ];
    for (url, relative, expected) in rows {
        assert_eq!(is_safe_url(url, relative), expected, "{url:?} relative={relative}");
    }
}

#[test]
fn whole_file_faults_are_clear_errors() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let rows: Vec<(String, &str)> = vec![
        (String::new(), "empty"),
        ("   \n".into(), "empty"),
        ("null".into(), "null"),
        ("[1,2]".into(), "a list"),
        ("\"x\"".into(), "a string"),
        ("42".into(), "a number"),
        ("true".into(), "a boolean"),
        ("{\"version\": 1, \"articles\": [".into(), "not valid JSON"),
        ("{\"version\": 1, \"articles\": []".into(), "not valid JSON"),
        ("{\"articles\": []}".into(), "no \"version\""),
        ("{\"version\": 2, \"articles\": []}".into(), "version 2"),
        ("{\"version\": \"1\", \"articles\": []}".into(), "version \"1\""),
        ("{\"version\": 1}".into(), "no \"articles\""),
        ("{\"version\": 1, \"articles\": {\"a\": [1]}}".into(), "\"articles\" must be a list: it is an object"),
        ("{\"version\": 1, \"articles\": \"x\"}".into(), "must be a list: it is a string"),
        ("{\"version\": 1, \"articles\": null}".into(), "no \"articles\" list"),
        ("{\"version\": 1, \"articles\": -3}".into(), "must be a list: it is a number"),
        ("{\"version\": 1, \"articles\": false}".into(), "must be a list: it is a boolean"),
        ("{\"version\": 2, \"articles\": {}}".into(), "version 2"),
        (format!("{{\"version\": 1, \"title\": {deep}, \"articles\": []}}"), "does not fit schema v1"),
        ("{\"version\": 1, \"articles\": []} trailing".into(), "not valid JSON"),
        (deep.clone(), "a list"),
        ("\u{1}".into(), "not valid JSON"),
    ];
    for (text, expected) in rows {
        let err = load_article_set(&text).expect_err(&text[..text.len().min(40)]);
        let msg = err.to_string();
        assert!(msg.contains(expected), "{:?} gave {msg:?}", &text[..text.len().min(40)]);
    }
    assert_eq!(load_article_set(""), Err(SetError::Empty));
}

#[test]
fn deep_nesting_inside_a_record_costs_only_that_record() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let in_block = format!("{{\"id\":\"d\",\"title\":\"t\",\"body\":[{{\"type\":\"heading\",\"text\":{deep}}}]}}");
    for record in [deep.clone(), in_block] {
        let text = format!("{{\"version\":1,\"articles\":[{{\"id\":\"ok\",\"title\":\"t\"}},{record}]}}");
        let set = load_article_set(&text).expect("the envelope is fine");
        assert_eq!(set.articles.len(), 1);
        assert_eq!(set.skipped.len(), 1, "{:?}", set.skipped);
    }
    // An unknown field is skipped without recursing, so even a deep one costs nothing; so is an unknown field of
    // a block, whatever its type.
    let ignored = format!("{{\"version\":1,\"articles\":[{{\"id\":\"d\",\"title\":\"t\",\"extra\":{deep}}}]}}");
    assert_eq!(load_article_set(&ignored).unwrap().articles.len(), 1);
    for kind in ["x", "quote"] {
        let block = format!("{{\"type\":\"{kind}\",\"text\":\"q\",\"a\":{deep}}}");
        let text = format!("{{\"version\":1,\"articles\":[{{\"id\":\"d\",\"title\":\"t\",\"body\":[{block}]}}]}}");
        assert_eq!(load_article_set(&text).unwrap().articles.len(), 1, "{kind}");
    }
}

#[test]
fn bytes_must_be_utf8() {
    use article_viewer::domain::load_article_set_bytes;
    assert_eq!(load_article_set_bytes(b"{\"version\":1,\"articles\":[\xff]}"), Err(SetError::NotUtf8(25)));
    let set =
        load_article_set_bytes("\u{feff}{\"version\":1,\"articles\":[{\"id\":\"a\",\"title\":\"標題\"}]}".as_bytes())
            .unwrap();
    assert_eq!(set.articles[0].title.as_str(), "標題");
}

#[test]
fn a_byte_order_mark_is_allowed_and_an_empty_list_is_a_valid_empty_set() {
    let set = load_article_set("\u{feff}{\"version\":1,\"articles\":[]}").unwrap();
    assert!(set.articles.is_empty() && set.skipped.is_empty());
    assert_eq!(set.title, None);
}

#[test]
fn excerpt_uses_the_first_paragraph_and_cuts_on_characters() {
    let text = set_of(
        json!([{ "id": "e", "title": "t", "body": [{"type": "heading", "text": "H"}, "一二三四五六七八九十"] }]),
    );
    let set = load_article_set(&text).unwrap();
    assert_eq!(set.articles[0].excerpt(4), "一二三四…");
    assert_eq!(set.articles[0].excerpt(10), "一二三四五六七八九十");
}

#[test]
fn an_articles_picture_is_its_first_image() {
    let text = set_of(json!([
        { "id": "p", "title": "t", "body": ["Text.", {"type": "image", "src": "a.png", "alt": "A"}, {"type": "image", "src": "b.png"}] },
        { "id": "n", "title": "t", "body": ["Text only."] },
    ]));
    let set = load_article_set(&text).unwrap();
    assert_eq!(set.articles[0].picture().map(|i| (i.src.as_str(), i.alt.as_str())), Some(("a.png", "A")));
    assert_eq!(set.articles[1].picture(), None);
}

#[test]
fn the_lede_is_a_summary_that_does_not_repeat_the_opening_of_the_body() {
    let lede = |summary: &str, body: serde_json::Value| {
        let text = set_of(json!([{ "id": "l", "title": "t", "summary": summary, "body": body }]));
        load_article_set(&text).unwrap().articles[0].lede().map(str::to_owned)
    };
    let body = json!(["The first  sentence of the post.", "Its second paragraph."]);
    // A summary of its own is shown, whole.
    assert_eq!(lede("What the post argues.", body.clone()).as_deref(), Some("What the post argues."));
    // A cut of the opening (as feeds write them) is not: with its ellipsis, across paragraphs, other case or width,
    // or with a site's line after the "[…]".
    for cut in [
        "The first sentence of the…",
        "The first sentence of the post. Its second [...]",
        "THE FIRST ...",
        "Ｔｈｅ ｆｉｒｓｔ",
        "The first sentence of the […] The post Smelters appeared first on Metal Weekly.",
    ] {
        assert_eq!(lede(cut, body.clone()), None, "{cut}");
    }
    // Nor is the whole opening, in the other script, or without the space between paragraphs (Chinese).
    assert_eq!(lede("企業社區。第二段…", json!(["企业社区。", "第二段落"])), None);
    // A summary that only starts like the body but goes on differently is shown; an ellipsis alone is nothing.
    assert_eq!(lede("The first sentence, briefly.", body.clone()).as_deref(), Some("The first sentence, briefly."));
    assert_eq!(lede(" … ", body.clone()), None);
    // With no body, any summary is the lede.
    assert_eq!(lede("Only this.", json!([])).as_deref(), Some("Only this."));
}

#[test]
fn reading_time_counts_chinese_characters_and_words_of_other_scripts() {
    let minutes = |body: serde_json::Value| {
        let text = set_of(json!([{ "id": "r", "title": "t", "body": body }]));
        load_article_set(&text).unwrap().articles[0].reading_minutes()
    };
    let words = |n: usize| vec!["word"; n].join(" ");
    let han = |n: usize| "字".repeat(n);
    // 238 words a minute, 255 characters a minute, rounded up, at least 1.
    assert_eq!(minutes(json!([])), 1);
    assert_eq!(minutes(json!([words(238)])), 1);
    assert_eq!(minutes(json!([words(239)])), 2);
    assert_eq!(minutes(json!([han(255)])), 1);
    assert_eq!(minutes(json!([han(256)])), 2);
    // Split over paragraphs, headings and quotes the same; captions are not read; kana count as characters,
    // Hangul, Cyrillic and digits as words (a run of them is one).
    assert_eq!(
        minutes(json!([han(500), {"type": "heading", "text": han(11)}, {"type": "quote", "text": han(255)}])),
        4
    );
    assert_eq!(minutes(json!([{"type": "image", "src": "a.png", "alt": words(999), "caption": words(999)}])), 1);
    // A list's items and code are read too.
    assert_eq!(minutes(json!([{"type": "list", "items": [words(200), words(39)]}])), 2);
    assert_eq!(minutes(json!([words(200), {"type": "code", "text": words(39)}])), 2);
    assert_eq!(minutes(json!(["か".repeat(510)])), 2);
    // Japanese reads faster: 357 characters a minute, in an article in Japanese.
    let japanese = |body: serde_json::Value| {
        let text = set_of(json!([{ "id": "r", "title": "t", "lang": "ja-JP", "body": body }]));
        load_article_set(&text).unwrap().articles[0].reading_minutes()
    };
    assert_eq!(japanese(json!(["か".repeat(510)])), 2);
    assert_eq!(japanese(json!(["かな漢字".repeat(178)])), 2);
    assert_eq!(japanese(json!(["かな漢字".repeat(179)])), 3);
    let spaced = ["한국어", "слово", "2018年"].repeat(80).join(" ");
    assert_eq!(minutes(json!([spaced])), 2);
    // Mixed: 255 characters and 238 words are two minutes.
    assert_eq!(minutes(json!([format!("{} {}", han(255), words(238))])), 2);
    // The seed: its Han characters at 255 a minute, and a minute at most for its numbers.
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/articles.json")).unwrap();
    let a = &load_article_set(&seed).unwrap().articles[0];
    let han_chars: usize = a
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph { text, .. } => text.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).count(),
            _ => 0,
        })
        .sum();
    assert!(a.reading_minutes() as usize >= han_chars.div_ceil(255), "{han_chars} characters");
    assert!((a.reading_minutes() as usize) <= han_chars.div_ceil(255) + 1, "{han_chars} characters");
}

#[test]
fn links_are_kept_where_they_can_be_shown_and_the_others_reported_with_their_words_kept() {
    let body = json!([
        {"type": "paragraph", "text": "Read the report, the data and the report again.", "links": [
            ["the report", "https://example.org/report"],
            ["the data", "javascript:alert(1)"],
            ["a chart", "https://example.org/chart"],
            ["the report", "http://example.org/again"],
            ["", "https://example.org/empty"],
        ]},
        // In order: words before the link before are not found again.
        {"type": "quote", "text": "Up, then down.", "links": [["down", "https://e.org/d"], ["Up", "https://e.org/u"]]},
        {"type": "paragraph", "text": "No links.", "links": null},
        // A list's links run through its items in order, each within one item; blank items go first.
        {"type": "list", "items": ["copper", " ", "nickel and zinc", "tin"], "links": [
            ["nickel", "https://e.org/ni"], ["copper", "https://e.org/cu"], ["tin", "https://e.org/sn"], ["and zinc tin", "https://e.org/x"]]},
        {"type": "paragraph", "text": "Empty.", "links": []},
        // A table's, through its cells row by row.
        {"type": "table", "header": true, "rows": [["Metal", "Source"], ["Cu", "LME"], ["Ni", "SHFE"]],
         "links": [["SHFE", "https://e.org/shfe"], ["LME", "https://e.org/lme"]]},
        // A heading's, as a paragraph's.
        {"type": "heading", "text": "The report", "links": [["report", "https://e.org/r"], ["The", "data:,x"]]},
        // An image's caption's, as a paragraph's; none without a caption.
        {"type": "image", "src": "a.png", "caption": "Photo: Xinhua, 2024", "links": [["Xinhua", "https://e.org/x"], ["Reuters", "https://e.org/r"]],
         "styles": [["2024", "em"]]},
        {"type": "image", "src": "b.png", "links": [["Xinhua", "https://e.org/x"]]},
    ]);
    let set = load_article_set(&set_of(json!([{ "id": "a", "title": "t", "body": body }]))).unwrap();
    assert!(set.skipped.is_empty(), "{:?}", set.skipped);
    let a = &set.articles[0];
    assert_eq!(
        a.body[0],
        Block::Paragraph {
            text: "Read the report, the data and the report again.".into(),
            links: vec![
                Link::new("the report", "https://example.org/report"),
                Link::new("the report", "http://example.org/again"),
            ],
        }
    );
    assert_eq!(
        a.body[1],
        Block::Quote { text: "Up, then down.".into(), links: vec![Link::new("down", "https://e.org/d")] }
    );
    assert_eq!((a.body[2].links(), a.body[4].links()), (&[][..], &[][..]));
    assert_eq!(
        a.body[3],
        Block::List(Box::new(List {
            ordered: false,
            start: 1,
            items: vec!["copper".into(), "nickel and zinc".into(), "tin".into()],
            levels: Vec::new(),
            sublists: Vec::new(),
            links: vec![Link::new("nickel", "https://e.org/ni"), Link::new("tin", "https://e.org/sn")],
            anchors: Vec::new(),
        }))
    );
    let Block::Table(t) = &a.body[5] else { panic!("a table") };
    assert_eq!(t.links, [Link::new("SHFE", "https://e.org/shfe")]);
    assert_eq!(a.body[6].links(), [Link::new("report", "https://e.org/r")]);
    assert_eq!(a.body[7].links(), [Link::new("Xinhua", "https://e.org/x"), Link::styled("2024", Style::EM)]);
    assert_eq!(a.body[8].links(), []);
    let items = ["copper", "nickel and zinc", "tin"];
    let placed: Vec<_> =
        Link::ranges_in(&items, a.body[3].links()).into_iter().map(|(k, r, i)| (k, &items[k][r], i)).collect();
    assert_eq!(placed, [(1, "nickel", 0), (2, "tin", 1)]);
    let reports: Vec<String> = set.warnings.iter().map(|w| format!("{}: {}", w.field, w.reason)).collect();
    assert_eq!(
        reports,
        [
            "body[0].links[1]: link \"javascript:alert(1)\" dropped: only http and https links are shown",
            "body[0].links[2]: \"a chart\" is not in the text (after the link before it); shown unlinked",
            "body[0].links[4]: \"\" is not in the text (after the link before it); shown unlinked",
            "body[1].links[1]: \"Up\" is not in the text (after the link before it); shown unlinked",
            "body[3].links[1]: \"copper\" is not in the text (after the link before it); shown unlinked",
            "body[3].links[3]: \"and zinc tin\" is not in the text (after the link before it); shown unlinked",
            "body[5].links[1]: \"LME\" is not in the text (after the link before it); shown unlinked",
            "body[6].links[1]: link \"data:,x\" dropped: only http and https links are shown",
            "body[7].links[1]: \"Reuters\" is not in the text (after the link before it); shown unlinked",
            "body[8].links[0]: \"Xinhua\" is not in the text (after the link before it); shown unlinked",
        ]
    );
    // Where each is: the second "the report" is the second occurrence.
    let text = "Read the report, the data and the report again.";
    let at: Vec<_> =
        Link::ranges(text, a.body[0].links()).into_iter().map(|(r, i)| (&text[r.clone()], r.start, i)).collect();
    assert_eq!(at, [("the report", 5, 0), ("the report", 30, 1)]);
    // Written out: a paragraph with links is an object, one without a bare string; read back the same.
    let file = article_viewer::domain::ArticleSetFile { version: 1, title: None, articles: set.articles.clone() };
    let json = serde_json::to_value(&file).unwrap();
    assert_eq!(
        json["articles"][0]["body"][0],
        json!({"type": "paragraph", "text": "Read the report, the data and the report again.", "links": [
            ["the report", "https://example.org/report"], ["the report", "http://example.org/again"]]})
    );
    assert_eq!(json["articles"][0]["body"][2], json!("No links."));
    assert_eq!(load_article_set(&json.to_string()).unwrap().articles, set.articles);
}

#[test]
fn styled_words_are_kept_where_they_are_found_among_their_own_kind_and_the_others_reported() {
    let (strong, em, code, del) = (Style::STRONG, Style::EM, Style::CODE, Style::DEL);
    let body = json!([
        // Styles are placed among styles, links among links: "report" is styled inside the link's words.
        {"type": "paragraph", "text": "Not the report, but the data.", "links": [["the report", "https://e.org/r"], ["here", ""]],
         "styles": [["Not", "strong"], ["report", "em code"], ["chart", "del"], ["data", "del"], ["Not", "em"]]},
        {"type": "list", "items": ["copper", "nickel"], "styles": [["nickel", "strong"], ["copper", "em"]]},
        {"type": "table", "rows": [["Cu", "9,100"], ["Ni", "16,000"]], "styles": [["16,000", "code"]]},
        {"type": "heading", "text": "A heading", "styles": null},
        {"type": "paragraph", "text": "Only styled: 106 m2.", "styles": [["styled", "em strong"], ["6", "sup"], ["2", "sub sup"]]},
        // The text before the words, where they come earlier too (white space between aside); one that is not
        // there (the text converted otherwise) places them where they first come.
        {"type": "paragraph", "text": "the cat and the dog", "links": [["the", "https://e.org/t", "and"]],
         "styles": [["the", "strong", "and "], ["dog", "em", "nowhere"]]},
    ]);
    let set = load_article_set(&set_of(json!([{ "id": "a", "title": "t", "body": body }]))).unwrap();
    assert!(set.skipped.is_empty(), "{:?}", set.skipped);
    let a = &set.articles[0];
    assert_eq!(
        a.body[0].links(),
        [
            Link::new("the report", "https://e.org/r"),
            Link::styled("Not", strong),
            Link::styled("report", em.with(code)),
            Link::styled("data", del),
        ]
    );
    assert_eq!(a.body[1].links(), [Link::styled("nickel", strong)]);
    assert_eq!(a.body[2].links(), [Link::styled("16,000", code)]);
    let (sup, sub) = (Style::SUP, Style::SUB);
    assert_eq!(
        a.body[4].links(),
        [Link::styled("styled", strong.with(em)), Link::styled("6", sup), Link::styled("2", sub.with(sup))]
    );
    let text = "the cat and the dog";
    let at: Vec<_> = Link::ranges(text, a.body[5].links()).into_iter().map(|(r, i)| (r.start, i)).collect();
    assert_eq!(at, [(12, 0), (12, 1), (16, 2)]);
    assert_eq!(a.body[5].links()[0], Link::new("the", "https://e.org/t").after("and"));
    let text = "Not the report, but the data.";
    let at: Vec<_> = Link::ranges(text, a.body[0].links()).into_iter().map(|(r, i)| (&text[r], i)).collect();
    assert_eq!(at, [("Not", 1), ("the report", 0), ("report", 2), ("data", 3)]);
    let reports: Vec<String> = set.warnings.iter().map(|w| format!("{}: {}", w.field, w.reason)).collect();
    assert_eq!(
        reports,
        [
            "body[0].links[1]: link \"\" dropped: only http and https links are shown",
            "body[0].styles[2]: \"chart\" is not in the text (after the styled words before it); shown unstyled",
            "body[0].styles[4]: \"Not\" is not in the text (after the styled words before it); shown unstyled",
            "body[1].styles[1]: \"copper\" is not in the text (after the styled words before it); shown unstyled",
        ]
    );
    // Written out: links as `links`, styled words as `styles` (names in a fixed order); read back the same.
    let file = article_viewer::domain::ArticleSetFile { version: 1, title: None, articles: set.articles.clone() };
    let json = serde_json::to_value(&file).unwrap();
    assert_eq!(
        json["articles"][0]["body"][0],
        json!({"type": "paragraph", "text": text, "links": [["the report", "https://e.org/r"]],
               "styles": [["Not", "strong"], ["report", "em code"], ["data", "del"]]})
    );
    assert_eq!(
        json["articles"][0]["body"][4],
        json!({"type": "paragraph", "text": "Only styled: 106 m2.",
               "styles": [["styled", "strong em"], ["6", "sup"], ["2", "sup sub"]]})
    );
    assert_eq!(load_article_set(&json.to_string()).unwrap().articles, set.articles);
}

#[test]
fn writing_a_set_back_out_reads_the_same() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/articles.json")).unwrap();
    let set = load_article_set(&text).unwrap();
    let file =
        article_viewer::domain::ArticleSetFile { version: 1, title: set.title.clone(), articles: set.articles.clone() };
    let again = load_article_set(&serde_json::to_string(&file).unwrap()).unwrap();
    assert_eq!(again, set);
}

#[test]
fn hostile_set_loads_every_record_as_text_and_drops_every_unsafe_url() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/script-in-every-field.json"
    ))
    .unwrap();
    let set = load_article_set(&text).unwrap();
    assert_eq!(set.articles.len(), 10);
    assert!(set.skipped.is_empty(), "{:?}", set.skipped);
    // Payloads stay as they were written: text, not removed or rewritten.
    assert_eq!(set.articles[0].kicker.as_deref(), Some("<script>window.__xss=1</script>"));
    for a in &set.articles {
        if let Some(url) = &a.url {
            assert!(url.starts_with("https://example.org"), "{} kept url {url:?}", a.id);
        }
        for b in &a.body {
            if let Block::Image(i) = b {
                assert_eq!(i.src, "images/ok.png", "{} kept image {:?}", a.id, i.src);
            }
        }
    }
    // 6 of 7 url kinds are unsafe (one per record, cycling), and 3 unsafe images per record.
    let url_drops = set.warnings.iter().filter(|w| w.field == "url").count();
    let image_drops = set.warnings.iter().filter(|w| w.field.ends_with(".src")).count();
    assert_eq!(url_drops, 9);
    assert_eq!(image_drops, 30);
}

#[test]
fn block_fields_in_any_order_with_optional_ones_left_out_or_null() {
    let text = set_of(json!([{ "id": "a", "title": "t", "body": [
        {"src": "a.png", "caption": null, "type": "image"},
        {"text": "h", "cite": {"x": [1]}, "type": "heading"},
        {"type": "video", "src": 5, "text": null}
    ]}]));
    let set = load_article_set(&text).unwrap();
    // The unknown block type is left out of the shown article (and reported), not the record.
    assert!(set.skipped.is_empty(), "{:?}", set.skipped);
    assert_eq!(set.articles[0].body, vec![Block::image("a.png", "", None), Block::heading("h", 2)]);
}

/// Every field of the published schema, given a value no field accepts, is named in the report: the finder of
/// the failing field (which reads each field on its own as its type says) knows every field there is.
#[test]
fn every_field_of_the_schema_is_named_when_it_is_bad() {
    let schema: serde_json::Value = serde_json::from_str(&article_viewer::domain::article_set_schema()).unwrap();
    let fields = schema["$defs"]["Article"]["properties"].as_object().expect("Article's properties");
    assert!(fields.len() >= 16, "{fields:?}");
    for name in fields.keys() {
        let mut record = json!({ "id": "x", "title": "t" });
        record[name] = json!({ "not": "valid here" });
        let set = load_article_set(&set_of(json!([record]))).unwrap();
        assert_eq!(set.skipped.len(), 1, "{name}");
        assert_eq!(set.skipped[0].field, *name, "{name}: {}", set.skipped[0]);
    }
}

#[test]
fn a_nested_list_keeps_its_levels_and_bad_ones_are_brought_into_bounds_with_a_warning() {
    let list = |items: serde_json::Value, levels: serde_json::Value| json!({ "type": "list", "items": items, "levels": levels });
    let text = set_of(json!([
        { "id": "a", "title": "A", "body": [
            list(json!(["a", "b", "c", "d"]), json!([0, 1, 2, 0])),
            // Too deep after its item, and a first item nested: each as deep as it may be.
            list(json!(["a", "b", "c"]), json!([1, 3, 1])),
            // Not one level per item: shown unnested.
            list(json!(["a", "b"]), json!([0, 1, 1])),
            // A blank item goes with its level; all at the top: no levels kept.
            list(json!(["a", " ", "c"]), json!([0, 1, 0])),
            list(json!(["a", "b"]), json!(null)),
        ] },
        { "id": "words", "title": "W", "body": [list(json!(["a"]), json!(["0"]))] },
        { "id": "fraction", "title": "F", "body": [list(json!(["a", "b"]), json!([0, 0.5]))] },
        { "id": "object", "title": "O", "body": [list(json!(["a"]), json!({ "0": 0 }))] },
    ]));
    let set = load_article_set(&text).unwrap();
    let levels: Vec<Vec<u8>> = set.articles[0]
        .body
        .iter()
        .map(|b| match b {
            Block::List(l) => l.levels.clone(),
            other => panic!("a list: {other:?}"),
        })
        .collect();
    assert_eq!(levels, [vec![0, 1, 2, 0], vec![0, 1, 1], vec![], vec![], vec![]]);
    let reports: Vec<String> = set.warnings.iter().map(|w| format!("{}: {}", w.field, w.reason)).collect();
    assert_eq!(
        reports,
        [
            "body[1].levels: levels[0] is 1, deeper than 0; shown at 0",
            "body[2].levels: 3 levels for 2 items; shown unnested",
        ]
    );
    // Levels that are not whole numbers from 0 to 255 are the record's error, as any field of the wrong type.
    let errors: Vec<String> = set.skipped.iter().map(|s| format!("{}: {}", s.field, s.reason)).collect();
    assert_eq!(
        errors,
        [
            "body[0]: levels[0]: invalid type: a string, expected a whole number from 0 to 255",
            "body[0]: levels[1]: 0.5 is not a whole number from 0 to 255",
            "body[0]: levels: invalid type: an object, expected a list of whole numbers",
        ]
    );
    // Written back out as read.
    let again = load_article_set(&serde_json::to_string(&json!({ "version": 1, "articles": set.articles })).unwrap());
    assert_eq!(again.unwrap().articles, set.articles);
}

#[test]
fn nest_keeps_each_level_within_one_of_the_item_before() {
    assert_eq!(Block::nest(vec![], 3), (vec![], None));
    assert_eq!(Block::nest(vec![0, 0], 2), (vec![], None));
    assert_eq!(Block::nest(vec![0, 1, 2, 1, 0, 1], 6), (vec![0, 1, 2, 1, 0, 1], None));
    assert_eq!(Block::nest(vec![0, 9, 9], 3).0, [0, 1, 2]);
    let deep: Vec<u8> = (0..20).collect();
    assert_eq!(Block::nest(deep, 20).0.iter().max(), Some(&Block::MAX_LEVEL));
}

#[test]
fn a_lists_first_number_and_its_nested_lists_kinds_are_read_and_bad_ones_reported() {
    let list = |extra: serde_json::Value| {
        let mut l =
            json!({ "type": "list", "ordered": true, "items": ["a", "b", "c", "d", "e"], "levels": [0, 1, 1, 0, 1] });
        l.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        l
    };
    let text = set_of(json!([
        { "id": "a", "title": "A", "body": [
            list(json!({ "start": 3, "sublists": ["unordered", "ordered"] })),
            // Only the first nested list named: the second is as the list it is in.
            list(json!({ "sublists": ["unordered"] })),
            // Naming each as the list it is in is no news: nothing kept.
            list(json!({ "sublists": ["ordered", "ordered"] })),
            // More than there are nested lists: the rest ignored, with a warning.
            list(json!({ "sublists": ["unordered", "unordered", "ordered"], "start": null })),
            // A blank item that began a nested list goes; the nested list then begins at its next item.
            json!({ "type": "list", "items": ["a", " ", "c", "d"], "levels": [0, 1, 1, 0], "sublists": ["ordered"] }),
        ] },
        { "id": "negative", "title": "N", "body": [list(json!({ "start": -1 }))] },
        { "id": "words", "title": "W", "body": [list(json!({ "start": "3" }))] },
        { "id": "kind", "title": "K", "body": [list(json!({ "sublists": ["bulleted"] }))] },
        { "id": "not-a-list", "title": "L", "body": [list(json!({ "sublists": "unordered" }))] },
    ]));
    let set = load_article_set(&text).unwrap();
    let lists: Vec<(u32, Vec<bool>)> = set.articles[0]
        .body
        .iter()
        .map(|b| match b {
            Block::List(l) => (l.start, l.sublists.clone()),
            other => panic!("a list: {other:?}"),
        })
        .collect();
    assert_eq!(
        lists,
        [(3, vec![false, true]), (1, vec![false]), (1, vec![]), (1, vec![false, false]), (1, vec![true])]
    );
    // What each item is in, as the viewer draws it.
    let Block::List(l) = &set.articles[0].body[1] else { unreachable!() };
    assert_eq!(Block::item_kinds(l.ordered, &l.levels, &l.sublists, l.items.len()), [true, false, false, true, true]);
    let reports: Vec<String> = set.warnings.iter().map(|w| format!("{}: {}", w.field, w.reason)).collect();
    assert_eq!(reports, ["body[3].sublists: 3 kinds for 2 nested lists; the rest ignored"]);
    let errors: Vec<String> = set.skipped.iter().map(|s| format!("{}: {}", s.field, s.reason)).collect();
    assert_eq!(
        errors,
        [
            "body[0]: start: -1 is not a whole number from 0",
            "body[0]: start: invalid type: a string, expected a whole number from 0",
            "body[0]: sublists[0]: \"bulleted\" is not \"ordered\" or \"unordered\"",
            "body[0]: sublists: invalid type: a string, expected a list of strings",
        ]
    );
    // Written back out as read.
    let again = load_article_set(&serde_json::to_string(&json!({ "version": 1, "articles": set.articles })).unwrap());
    assert_eq!(again.unwrap().articles, set.articles);
}

#[test]
fn a_tables_columns_of_numbers_are_told_from_its_columns_of_words() {
    use article_viewer::domain::article::is_number;
    for n in ["9,100", "-3.5%", "+12", "$1.2", "¥ 3", "2024", "１２３", "1 234 567", "0.5‰", "−7", "4'000"] {
        assert!(is_number(n), "{n}");
    }
    for w in ["", "-", "Cu", "3 t", "1.2.x", "Q3", "12-15", "~5", "5,", ".5", "四"] {
        assert!(!is_number(w), "{w}");
    }
    let rows =
        |r: &[[&str; 4]]| r.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect::<Vec<Vec<String>>>();
    let t = rows(&[
        ["Mine", "2023", "Change", "Note"],
        ["Norilsk", "209,000", "-4.6%", "n/a"],
        ["Sorowako", "70,000", "—", "record"],
        ["", "", "", ""],
    ]);
    let Block::Table(table) = Block::table(t.clone(), true, None) else { panic!("a table") };
    // The header's words are not counted: "2023" and "Change" head columns of numbers.
    assert_eq!(table.numeric_columns(), [false, true, true, false]);
    // Without a header row the first row is a row like the others: "Change" is a word in that column.
    let Block::Table(table) = Block::table(t, false, None) else { panic!("a table") };
    assert_eq!(table.numeric_columns(), [false, true, false, false]);
}

#[test]
fn a_sets_images_are_where_the_set_is_also_when_it_is_read_from_elsewhere() {
    use article_viewer::domain::load::resolve_against;
    let cases = [
        // Next to the page: as written.
        ("img/a.png", "articles.json", None),
        // In another folder of the site, or on another site (a widget's set on a CDN).
        ("img/a.png", "/sets/blocks.json", Some("/sets/img/a.png")),
        ("a.png", "data/articles.json?v=2#x", Some("data/a.png")),
        ("../a.png", "/sets/news/articles.json", Some("/sets/news/../a.png")),
        ("img/a.png", "https://cdn.example.org/news/articles.json", Some("https://cdn.example.org/news/img/a.png")),
        ("/a.png", "https://cdn.example.org:8443/news/articles.json", Some("https://cdn.example.org:8443/a.png")),
        ("a.png", "https://cdn.example.org", Some("https://cdn.example.org/a.png")),
        // The site's root is the page's own: as written.
        ("/a.png", "/sets/blocks.json", None),
        // Absolute and protocol-relative addresses are where they say.
        ("https://e.org/a.png", "https://cdn.example.org/news/articles.json", None),
        ("//e.org/a.png", "https://cdn.example.org/news/articles.json", None),
        ("", "/sets/blocks.json", None),
    ];
    for (address, base, expected) in cases {
        assert_eq!(resolve_against(address, base).as_deref(), expected, "{address} against {base}");
    }
    let text = set_of(json!([{ "id": "a", "title": "t", "body": [
        {"type": "image", "src": "img/a.png"}, {"type": "image", "src": "https://e.org/b.png"}] }]));
    let mut set = load_article_set(&text).unwrap();
    set.resolve_images("https://cdn.example.org/news/articles.json");
    let srcs: Vec<&str> = set.articles[0]
        .body
        .iter()
        .map(|b| match b {
            Block::Image(i) => i.src.as_str(),
            other => panic!("an image: {other:?}"),
        })
        .collect();
    assert_eq!(srcs, ["https://cdn.example.org/news/img/a.png", "https://e.org/b.png"]);
}

#[test]
fn headings_are_anchored_by_their_words_unique_in_order_and_old_addresses_by_block_still_find_them() {
    use article_viewer::domain::article::{anchor_slug, find_anchor, is_anchor};
    assert_eq!(anchor_slug("Nickel output, 2024"), "nickel-output-2024");
    assert_eq!(anchor_slug("  What's next?  "), "what-s-next");
    assert_eq!(anchor_slug("產量與價格：2024年"), "產量與價格-2024年");
    assert_eq!(anchor_slug("État de l'Union « 2024 »"), "État-de-l-union-2024");
    assert_eq!(anchor_slug("snake_case"), "snake_case");
    assert_eq!(anchor_slug("—"), "section");
    let text = set_of(json!([{ "id": "a", "title": "A", "body": [
        { "type": "heading", "text": "Output" },
        "Text.",
        { "type": "heading", "text": "Output" },
        { "type": "heading", "text": "output!", "level": 3 },
        { "type": "heading", "text": "Output 2" },
        { "type": "heading", "text": "——" },
    ] }]));
    let anchors = load_article_set(&text).unwrap().articles[0].heading_anchors();
    let want = [(0, "output"), (2, "output-2"), (3, "output-3"), (4, "output-2-2"), (5, "section")];
    assert_eq!(anchors, want.map(|(i, a)| (i, a.to_owned())));
    for (_, a) in &anchors {
        assert!(is_anchor(a), "{a}");
        assert_eq!(find_anchor(&anchors, a), Some(a.as_str()), "each anchor names its heading");
    }
    // An address written when anchors were block numbers: `h-2` is block 2's heading; a block without one, none.
    assert_eq!(find_anchor(&anchors, "h-2"), Some("output-2"));
    assert_eq!(find_anchor(&anchors, "h-1"), None);
    assert_eq!(find_anchor(&anchors, "elsewhere"), None);
}

#[test]
fn a_link_to_a_place_in_the_article_goes_to_a_heading_or_an_anchored_item_and_one_to_nowhere_is_shown_unlinked() {
    let text = set_of(json!([{ "id": "n", "title": "t", "body": [
        { "type": "paragraph", "text": "Prices rose1 and fell2, see Method and Nowhere.",
          "links": [["1", "#fn-1"], ["2", "#fn-2"], ["Method", "#method"], ["Nowhere", "#nowhere"]],
          "styles": [["1", "sup"], ["2", "sup"]] },
        { "type": "heading", "text": "Method" },
        { "type": "list", "ordered": true, "items": ["First note.", " ", "Second note.", "Third."],
          "anchors": ["fn-1", "fn-x", "fn-2", "bad anchor!", "extra"] },
        { "type": "list", "items": ["Again."], "anchors": ["fn-1"] },
        { "type": "list", "items": ["Same as a heading."], "anchors": ["method"] },
    ] }]));
    let set = load_article_set(&text).unwrap();
    let a = &set.articles[0];
    // The blank item's anchor went with it; a bad one, one used already (by an item or a heading) and one too
    // many are dropped, with a warning for each list.
    let Block::List(l) = &a.body[2] else { panic!("a list") };
    assert_eq!((l.items.len(), l.anchors.as_slice()), (3, ["fn-1", "fn-2", ""].map(String::from).as_slice()));
    assert!(matches!(&a.body[3], Block::List(l) if l.anchors.is_empty()));
    assert!(matches!(&a.body[4], Block::List(l) if l.anchors.is_empty()));
    // The links: to the notes and the heading kept; to nowhere, shown unlinked (its words stay).
    let hrefs: Vec<&str> = a.body[0].links().iter().filter(|l| l.is_link()).map(|l| l.href.as_str()).collect();
    assert_eq!(hrefs, ["#fn-1", "#fn-2", "#method"]);
    assert_eq!(a.body[0].links().len(), 5, "the raised numbers stay");
    let said: Vec<(String, String)> = set.warnings.iter().map(|w| (w.field.clone(), w.reason.clone())).collect();
    assert_eq!(
        said.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(),
        ["body[2].anchors", "body[3].anchors", "body[4].anchors", "body[0].links[3]"]
    );
    assert!(said[0].1.starts_with("2 dropped: not letters, digits, _ and -, the name of another place"), "{said:?}");
    assert!(said[1].1.starts_with("1 dropped") && said[2].1.starts_with("1 dropped"), "{said:?}");
    assert!(said[3].1.contains("no such place"), "{said:?}");
    // The places its own links go to, each once, in the order first linked to: each of those notes has a back link
    // to the first place that refers to it (`ref-` and its anchor, read back).
    use article_viewer::domain::article::{back_place, back_target, linked_anchors};
    assert_eq!(linked_anchors(&a.body), ["fn-1", "fn-2", "method"]);
    assert_eq!(back_place("fn-1"), "ref-fn-1");
    assert_eq!(back_target(&back_place("fn-1")), Some("fn-1"));
    assert_eq!((back_target("fn-1"), back_target("ref-"), back_target("ref-a b")), (None, None, None));
    // A search's match: block 12's match 7 (`match-12-7`, an anchor an address's `at` carries), read back.
    use article_viewer::domain::article::{is_anchor, match_place, match_target};
    assert_eq!(match_place(12, 7), "match-12-7");
    assert_eq!(match_target(&match_place(12, 7)), Some((12, 7)));
    assert!(is_anchor(&match_place(12, 7)));
    for at in ["match-3", "match-a-1", "match-1-", "match--1-2", "ref-fn-1", "h-3", "match-1-2-3", "match-+1-2"] {
        assert_eq!(match_target(at), None, "{at}");
    }
    // Other addresses that start like one are not links to a place.
    let text = set_of(json!([{ "id": "n", "title": "t", "body": [
        { "type": "paragraph", "text": "a b", "links": [["a", "#"], ["b", "#a b"]] }] }]));
    let set = load_article_set(&text).unwrap();
    assert!(set.articles[0].body[0].links().is_empty());
    assert_eq!(set.warnings.len(), 2);
}

#[test]
fn a_block_is_no_bigger_than_a_paragraph_needs_so_that_a_set_s_bodies_stay_small_in_memory() {
    // Most blocks are paragraphs (a text and its links); a list's, a table's and an image's many parts are boxed,
    // or every block of a set would be as large as the largest kind.
    let paragraph = std::mem::size_of::<String>() + std::mem::size_of::<Vec<Link>>();
    assert!(std::mem::size_of::<Block>() <= paragraph + 8, "{} bytes", std::mem::size_of::<Block>());
}
