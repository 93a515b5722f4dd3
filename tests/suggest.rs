//! "Did you mean …?" (src/domain/suggest.rs): on the State of the Union corpus in ../shared/corpora and on small
//! sets made here.
use article_viewer::domain::listing::{Collection, Facet, ListState, Marks};
use article_viewer::domain::load_article_set;
use article_viewer::domain::search::Query;
use article_viewer::domain::suggest::{words_of, Vocabulary};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

mod corpus;

fn speeches() -> Collection {
    Collection::new(load_article_set(&corpus::text("sotu-even-years.json")).unwrap())
}

/// A set of articles from (category, body) pairs.
fn set(articles: &[(&str, &str)]) -> Collection {
    let articles: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(i, (category, body))| {
            format!(r#"{{"id": "a{i}", "title": "Article {i}", "category": "{category}", "body": ["{body}"]}}"#)
        })
        .collect();
    let json = format!(r#"{{"version": 1, "articles": [{}]}}"#, articles.join(","));
    Collection::new(load_article_set(&json).unwrap())
}

fn suggest(c: &Collection, q: &str) -> Option<String> {
    c.suggestion(&ListState { q: q.to_owned(), ..ListState::default() }, &Marks::default())
}

fn found(c: &Collection, q: &str) -> usize {
    c.listing(&ListState { q: q.to_owned(), ..ListState::default() }).results.len()
}

#[test]
fn misspelt_words_of_a_query_are_corrected_to_the_sets_words() {
    let c = speeches();
    for (typed, meant) in [
        ("presidnet", "president"),
        ("Goverment", "government"),
        ("ecomony", "economy"),
        ("freedon", "freedom"),
        ("speach", "speech"),
        ("ecomony  \"the people\"", "economy  \"the people\""),
        ("goverment -internet", "government -internet"),
    ] {
        assert_eq!(found(&c, typed), 0, "{typed} finds nothing as typed");
        assert_eq!(suggest(&c, typed).as_deref(), Some(meant), "{typed}");
        assert!(found(&c, meant) > 0, "{meant} finds something");
    }
}

#[test]
fn misspelt_words_inside_a_phrase_or_a_term_with_punctuation_are_corrected_in_place() {
    let c = speeches();
    for (typed, meant) in [
        ("\"federal goverment\"", "\"federal government\""),
        ("\"the presidnet\" congress", "\"the president\" congress"),
        ("nation's ecomony", "nation's economy"),
        ("presidnet's", "president's"),
    ] {
        assert_eq!(found(&c, typed), 0, "{typed} finds nothing as typed");
        assert_eq!(suggest(&c, typed).as_deref(), Some(meant), "{typed}");
        assert!(found(&c, meant) > 0, "{meant} finds something");
    }
    // A phrase whose words are all found, but not together: nothing to correct.
    assert_eq!(found(&c, "\"economy freedom\""), 0);
    assert_eq!(suggest(&c, "\"economy freedom\""), None);
}

#[test]
fn no_suggestion_when_the_query_finds_something_or_nothing_is_close() {
    let c = speeches();
    // Found as typed (a prefix of words is found: it is a substring).
    for q in ["nation", "congres", "president"] {
        assert!(found(&c, q) > 0, "{q}");
        assert_eq!(suggest(&c, q), None, "{q}");
    }
    // Nothing found, nothing to suggest: too far from every word, CJK, a number, two letters, a word that is found
    // when another term is not (only words that find nothing alone are corrected), a misspelt word excluded.
    for q in ["zzzzqqq", "企業社區", "19999", "qz", "president zzzzqqq", "zzzzqqq -presidnet"] {
        assert_eq!(found(&c, q), 0, "{q}");
        assert_eq!(suggest(&c, q), None, "{q}");
    }
}

#[test]
fn the_closest_word_wins_then_the_one_in_more_articles_then_the_first_alphabetically() {
    let c = set(&[("x", "cart card bard"), ("x", "cart"), ("x", "lantern lanterns")]);
    assert_eq!(suggest(&c, "carx").as_deref(), Some("cart"), "cart is in two articles, card in one");
    assert_eq!(suggest(&c, "xard").as_deref(), Some("bard"), "bard and card: one article each, bard first");
    assert_eq!(suggest(&c, "lanturn").as_deref(), Some("lantern"), "one edit beats two (lanterns)");
    // Four letters allow one edit, five or more two.
    assert_eq!(suggest(&c, "cxxt"), None);
    assert_eq!(suggest(&c, "lxntxrn").as_deref(), Some("lantern"));
}

#[test]
fn a_suggestion_finds_something_under_the_same_filters() {
    let c = set(&[("metals", "smelter"), ("towns", "river")]);
    let typed = |category: &str| {
        let state = ListState { q: "smeltr".to_owned(), ..ListState::default() };
        c.suggestion(&state.toggled(Facet::Category, category), &Marks::default())
    };
    assert_eq!(typed("metals").as_deref(), Some("smelter"));
    assert_eq!(typed("towns"), None, "smelter is not in the towns");
    // Unread only: not when the only article with the word was read.
    let unread = ListState { q: "smeltr".to_owned(), unread: true, ..ListState::default() };
    assert_eq!(c.suggestion(&unread, &Marks::read(vec![false, false])).as_deref(), Some("smelter"));
    assert_eq!(c.suggestion(&unread, &Marks::read(vec![true, false])), None, "the smelter article was read");
    assert_eq!(
        c.suggestion(&ListState { unread: false, ..unread }, &Marks::read(vec![true, false])).as_deref(),
        Some("smelter")
    );
}

#[test]
fn the_vocabulary_holds_each_word_once_without_numbers_or_single_letters() {
    let c = set(&[("x", "The war, the WAR — 2018 x café"), ("x", "Café war")]);
    let v = Vocabulary::build(c.index());
    // the, war, cafe, article (titles are "Article N"): folded, so "café" and "Café" are one word.
    assert_eq!(v.len(), 4);
    assert_eq!(words_of("the war2018").collect::<Vec<_>>(), ["the", "war2018"]);
}

/// The viewer gathers the words between frames, a slice of articles at a time, after the index: whatever the
/// slices, the words are the same as gathered at once, and nothing is done twice.
#[test]
fn words_gathered_in_slices_are_the_words_gathered_at_once() {
    let whole = Vocabulary::build(speeches().index());
    assert!(whole.len() > 1000, "{} words", whole.len());
    for per_slice in [1, 7, 64, 10_000] {
        let c = speeches();
        let mut steps = 0;
        while !c.prepare_step(per_slice) {
            steps += 1;
            assert!(steps < 100_000, "never done");
        }
        assert!(c.is_indexed());
        assert_eq!(*c.vocabulary(), whole, "slices of {per_slice}");
        // Index and words, each in its own slices (the words start on the call after the index is complete).
        let index_steps = {
            let c = speeches();
            (1..).find(|_| c.build_index_step(per_slice)).unwrap()
        };
        let n = c.articles().len();
        assert_eq!(steps, index_steps + n.div_ceil(per_slice) - 1, "slices of {per_slice} over {n} articles");
        assert!(c.prepare_step(per_slice), "done stays done");
    }
}

/// A correction needed while the words are being gathered finishes the gathering at once (and the slices stop).
#[test]
fn a_correction_during_the_gathering_finishes_it() {
    let c = speeches();
    let n = c.articles().len();
    assert!(!c.prepare_step(n), "the index");
    assert!(!c.prepare_step(n / 3), "a third of the words");
    assert_eq!(suggest(&c, "presidnet").as_deref(), Some("president"));
    assert_eq!(*c.vocabulary(), Vocabulary::build(c.index()));
    assert!(c.prepare_step(1), "nothing left to gather");
}

/// A word of the speeches with one letter changed, dropped, added or two neighbours swapped: when that finds
/// nothing, a correction is offered and finds something.
#[test]
fn a_word_with_one_edit_that_finds_nothing_gets_a_suggestion_that_finds_something() {
    let c = speeches();
    let v: Vec<String> = {
        let mut v: Vec<String> = c
            .articles()
            .iter()
            .flat_map(|a| a.body.iter().flat_map(|b| b.texts()).map(|t| t.to_lowercase()))
            .flat_map(|t| words_of(&t).map(str::to_owned).collect::<Vec<_>>())
            .filter(|w| w.len() >= 6 && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    assert!(v.len() > 1000);
    // (The same 100 edits every run: the share corrected back is a figure over them, not a property each must
    // have, so a random draw could fall short by chance.)
    let config = Config { cases: 100, ..Config::default() };
    let rng = proptest::test_runner::TestRng::deterministic_rng(config.rng_algorithm);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let edits = (0..v.len(), 0usize..4, 1usize..5, b'a'..=b'z');
    let (corrected, checked) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    runner
        .run(&edits, |(w, edit, at, letter)| {
            let mut b = v[w].clone().into_bytes();
            match edit {
                0 => b[at] = letter,
                1 => drop(b.remove(at)),
                2 => b.insert(at, letter),
                _ => b.swap(at, at + 1),
            }
            let typed = String::from_utf8(b).unwrap();
            if typed == v[w] || !Query::parse(&typed).include.iter().all(|t| found(&c, t) == 0) {
                return Ok(());
            }
            checked.set(checked.get() + 1);
            let s = suggest(&c, &typed);
            prop_assert!(s.is_some(), "{typed} (from {}) gets no suggestion", v[w]);
            prop_assert!(found(&c, s.as_deref().unwrap()) > 0);
            corrected.set(corrected.get() + usize::from(s.as_deref() == Some(&v[w])));
            Ok(())
        })
        .unwrap();
    let (corrected, checked) = (corrected.get(), checked.get());
    assert!(checked > 50, "only {checked} edits found nothing");
    // Nearly all are corrected back to the word they came from (the rest to a word as close and in more articles).
    assert!(corrected * 10 >= checked * 9, "{corrected} of {checked} corrected back");
}
