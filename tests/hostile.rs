//! Every file in tests/fixtures/hostile/ behaves as its row here says (a fixture without a row fails the test),
//! plus the two that are generated rather than committed: a set over the size limit and a 10 MB string.

use article_viewer::domain::listing::{Collection, ListState};
use article_viewer::domain::load::MAX_SET_BYTES;
use article_viewer::domain::{load_article_set_bytes, SetError};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile/");

enum Want {
    /// Loads: this many articles shown, records skipped, values dropped.
    Loads(usize, usize, usize),
    /// Whole-file fault: the message contains this.
    Fails(&'static str),
}

fn expectations() -> Vec<(&'static str, Want)> {
    vec![
        ("script-in-every-field.json", Want::Loads(10, 0, 39)),
        ("bad-records.json", Want::Loads(3, 20, 0)),
        ("empty.json", Want::Fails("empty (0 bytes)")),
        ("null.json", Want::Fails("but it is null")),
        ("array.json", Want::Fails("but it is a list")),
        ("bom.json", Want::Loads(1, 0, 0)),
        ("invalid-utf8.json", Want::Fails("not UTF-8 text (invalid byte at offset 47)")),
        ("truncated.json", Want::Fails("not valid JSON")),
        ("deep-nesting.json", Want::Fails("but it is a list")),
        ("version-2.json", Want::Fails("version 2; this viewer reads version 1")),
    ]
}

#[test]
fn every_fixture_behaves_as_documented() {
    let table = expectations();
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    for name in &files {
        let bytes = std::fs::read(format!("{DIR}{name}")).unwrap();
        let Some((_, want)) = table.iter().find(|(n, _)| n == name) else {
            panic!("{name} has no expectation in tests/hostile.rs");
        };
        match (want, load_article_set_bytes(&bytes)) {
            (Want::Loads(shown, skipped, dropped), Ok(set)) => {
                let dropped_values: usize = set.warnings.len();
                assert_eq!(
                    (set.articles.len(), set.skipped.len(), dropped_values),
                    (*shown, *skipped, *dropped),
                    "{name}: skipped {:#?}",
                    set.skipped
                );
                // A loaded set is also searchable without trouble.
                let c = Collection::new(set);
                let _ = c.listing(&ListState { q: "a".into(), ..ListState::default() });
            }
            (Want::Fails(text), Err(e)) => assert!(e.to_string().contains(text), "{name}: {e}"),
            (Want::Loads(..), Err(e)) => panic!("{name} should load: {e}"),
            (Want::Fails(text), Ok(_)) => panic!("{name} should fail with {text:?}"),
        }
    }
    assert_eq!(files.len(), table.len(), "every expectation has its fixture");
}

#[test]
fn each_bad_record_is_reported_with_its_field_and_reason() {
    let bytes = std::fs::read(format!("{DIR}bad-records.json")).unwrap();
    let set = load_article_set_bytes(&bytes).unwrap();
    let ids: Vec<&str> = set.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["good-1", "good-2", "good-3"]);
    let report: Vec<String> = set.skipped.iter().map(|r| r.to_string()).collect();
    let has = |needle: &str| report.iter().any(|r| r.contains(needle));
    for needle in [
        "title",
        "views",
        "authors",
        "body",
        "missing field `id`",
        "missing field `title`",
        "title is empty",
        "duplicate",
        "only A-Z a-z 0-9",
        "at most 128",
        "2018-13-45",
        "yesterday",
        "2018-11-30T11:21:00",
    ] {
        assert!(has(needle), "no report mentions {needle:?}: {report:#?}");
    }
}

#[test]
fn a_set_over_the_size_limit_is_refused_before_it_is_read() {
    let record = r#"{"id":"x","title":"t","body":["padding padding padding padding padding padding"]},"#;
    let mut text = String::from(r#"{"version":1,"articles":["#);
    while (text.len() as u64) <= MAX_SET_BYTES + 20_000_000 {
        text.push_str(record);
    }
    text.pop();
    text.push_str("]}");
    assert!(text.len() >= 100_000_000);
    let err = load_article_set_bytes(text.as_bytes()).unwrap_err();
    assert_eq!(err, SetError::TooLarge(text.len() as u64));
    assert!(err.to_string().contains("at most 80 MB"), "{err}");
}

#[test]
fn a_10_mb_string_is_just_text() {
    let big = "長".repeat(3_500_000); // 10.5 MB of UTF-8
    let text = format!(
        r#"{{"version":1,"articles":[{{"id":"big","title":"Big","body":["{big}"]}},{{"id":"small","title":"Small"}}]}}"#
    );
    let set = load_article_set_bytes(text.as_bytes()).unwrap();
    assert_eq!(set.articles.len(), 2);
    let c = Collection::new(set);
    let l = c.listing(&ListState { q: "长長".into(), ..ListState::default() });
    assert_eq!(l.results, [0]);
    assert!(c.articles()[0].excerpt(120).chars().count() <= 121);
}
