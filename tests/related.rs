//! "Related articles" (`Collection::related`): on the State of the Union and poetry corpora in ../shared/corpora, a
//! table of small sets, and a property test against a plain recomputation of the rule.

use article_viewer::domain::listing::Collection;
use article_viewer::domain::load_article_set;
use proptest::prelude::*;

mod corpus;

fn open(name: &str) -> Collection {
    Collection::new(load_article_set(&corpus::text(name)).unwrap())
}

fn set(articles: serde_json::Value) -> Collection {
    let json = serde_json::json!({ "version": 1, "articles": articles });
    Collection::new(load_article_set(&json.to_string()).unwrap())
}

fn related_ids(c: &Collection, id: &str, max: usize) -> Vec<String> {
    let i = c.articles().iter().position(|a| a.id.as_str() == id).unwrap();
    c.related(i, max).iter().map(|&j| c.articles()[j].id.to_string()).collect()
}

#[test]
fn a_speech_is_related_first_to_its_presidents_others_by_date_then_to_its_partys() {
    let c = open("sotu-even-years.json");
    let related = related_ids(&c, "sotu-1802-thomas-jefferson", 5);
    assert_eq!(
        related[..3],
        ["sotu-1804-thomas-jefferson", "sotu-1806-thomas-jefferson", "sotu-1808-thomas-jefferson"]
    );
    for id in &related[3..] {
        let a = c.articles().iter().find(|a| a.id.as_str() == id).unwrap();
        assert_eq!(a.category.as_deref(), Some("Democratic-Republican"), "{id}");
        assert_ne!(a.authors, ["Thomas Jefferson"], "{id}");
    }
    assert_eq!(related.len(), 5);
    // John Adams's other speech is all that shares anything with his (the source is every speech's).
    assert_eq!(related_ids(&c, "sotu-1798-john-adams", 5), ["sotu-1800-john-adams"]);
}

#[test]
fn a_poem_is_related_to_its_poets_other_poems_in_either_script() {
    let c = open("poetry-mixed.json");
    let a = c.articles().iter().position(|a| a.authors == ["李白"]).unwrap();
    let related = c.related(a, 8);
    assert_eq!(related.len(), 8);
    for j in related {
        let poet = &c.articles()[j].authors;
        assert!(poet == &["李白"], "{poet:?}");
    }
}

#[test]
fn rarer_shared_values_and_weightier_facets_relate_more_ties_go_to_the_nearer() {
    let c = set(serde_json::json!([
        { "id": "me", "title": "Me", "category": "News", "source": "Site", "tags": ["nickel", "Asia"], "authors": ["Ann"],
          "published": "2020-06-01", "body": ["x"] },
        // Shares the category only (one other article has it).
        { "id": "category", "title": "C", "category": "news", "source": "Site", "published": "2020-06-02", "body": ["x"] },
        // Shares a tag: a tag outweighs a category.
        { "id": "tag", "title": "T", "category": "Other", "source": "Site", "tags": ["Nickel"], "published": "2019-01-01", "body": ["x"] },
        // Shares the author and a tag.
        { "id": "both", "title": "B", "category": "Other", "source": "Site", "tags": ["asia"], "authors": ["Ann"], "body": ["x"] },
        // Shares only the source, which every article has: nothing.
        { "id": "source", "title": "S", "category": "Other", "source": "Site", "body": ["x"] },
        { "id": "other", "title": "O", "category": "Other", "source": "Site", "tags": ["copper"], "body": ["x"] }
    ]));
    assert_eq!(related_ids(&c, "me", 10), ["both", "tag", "category"]);
    assert_eq!(related_ids(&c, "me", 2), ["both", "tag"]);
    assert!(related_ids(&c, "me", 0).is_empty());
    assert!(c.related(99, 5).is_empty(), "no such article");
    // A category shared by four of six counts less than one shared by two, ties to the nearer in date, then in
    // the set's order.
    let c = set(serde_json::json!([
        { "id": "a", "title": "A", "category": "Big", "published": "2020-01-01", "body": ["x"] },
        { "id": "b", "title": "B", "category": "Big", "published": "2020-01-09", "body": ["x"] },
        { "id": "c", "title": "C", "category": "Big", "published": "2020-01-03", "body": ["x"] },
        { "id": "d", "title": "D", "category": "Big", "body": ["x"] },
        { "id": "e", "title": "E", "category": "Small", "body": ["x"] },
        { "id": "f", "title": "F", "category": "Small", "body": ["x"] }
    ]));
    assert_eq!(related_ids(&c, "a", 5), ["c", "b", "d"]);
    assert_eq!(related_ids(&c, "d", 5), ["c", "b", "a"], "no date: by place in the set");
    assert_eq!(related_ids(&c, "e", 5), ["f"]);
}

/// The rule, recomputed plainly: per shared facet value (compared as the facets compare them; here ASCII, so
/// case aside), weight × ln(articles / articles with the value).
fn affinity(sets: &[[Vec<String>; 4]], i: usize, j: usize) -> f64 {
    let weights = [1.0, 0.5, 2.0, 2.0];
    let n = sets.len() as f64;
    let mut score = 0.0;
    for f in 0..4 {
        for v in &sets[i][f] {
            if sets[j][f].contains(v) {
                let with = sets.iter().filter(|s| s[f].contains(v)).count() as f64;
                score += weights[f] * (n / with).ln();
            }
        }
    }
    score
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_related_are_the_best_by_the_rule(
        rows in prop::collection::vec(
            (prop::option::of(0..3u8), prop::option::of(0..2u8), prop::collection::vec(0..4u8, 0..3),
             prop::collection::vec(0..5u8, 0..3), prop::option::of(0..30u32)),
            1..24),
        i in 0..24usize,
        max in 1..6usize,
    ) {
        let i = i % rows.len();
        let articles: Vec<serde_json::Value> = rows.iter().enumerate().map(|(k, (cat, src, authors, tags, day))| {
            let mut a = serde_json::json!({ "id": format!("a{k}"), "title": "t", "body": ["x"] });
            if let Some(c) = cat { a["category"] = format!("Cat{c}").into(); }
            if let Some(s) = src { a["source"] = format!("src{s}").into(); }
            a["authors"] = authors.iter().map(|x| format!("Au{x}")).collect::<Vec<_>>().into();
            a["tags"] = tags.iter().map(|x| format!("tag{x}")).collect::<Vec<_>>().into();
            if let Some(d) = day { a["published"] = format!("2020-01-{:02}", d + 1).into(); }
            a
        }).collect();
        let c = set(serde_json::Value::Array(articles));
        // Each article's values per facet, as the facets hold them (an article's repeated value once).
        let sets: Vec<[Vec<String>; 4]> = c.articles().iter().map(|a| {
            let mut authors: Vec<String> = a.authors.iter().map(|x| x.to_lowercase()).collect();
            authors.dedup();
            let mut tags: Vec<String> = a.tags.iter().map(|x| x.to_lowercase()).collect();
            tags.sort();
            tags.dedup();
            authors.sort();
            authors.dedup();
            [a.category.iter().map(|x| x.to_lowercase()).collect(), a.source.iter().map(|x| x.to_lowercase()).collect(), authors, tags]
        }).collect();
        let related = c.related(i, max);
        prop_assert!(related.len() <= max);
        prop_assert!(!related.contains(&i));
        let mut seen = related.clone();
        seen.sort();
        seen.dedup();
        prop_assert_eq!(seen.len(), related.len(), "no article twice");
        let scores: Vec<f64> = related.iter().map(|&j| affinity(&sets, i, j)).collect();
        prop_assert!(scores.iter().all(|&s| s > 1e-9), "each shares something rarer than everywhere: {:?}", scores);
        prop_assert!(scores.windows(2).all(|w| w[0] >= w[1] - 1e-4), "most related first: {:?}", scores);
        let last = scores.last().copied().unwrap_or(1e-9);
        for j in (0..sets.len()).filter(|&j| j != i && !related.contains(&j)) {
            let s = affinity(&sets, i, j);
            if related.len() < max {
                prop_assert!(s <= 1e-9, "a{} (score {}) is related but left out", j, s);
            } else {
                prop_assert!(s <= last + 1e-4, "a{} (score {}) beats the last shown ({})", j, s, last);
            }
        }
    }
}
