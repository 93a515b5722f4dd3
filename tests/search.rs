//! Search = a plain substring scan of the folded fields: precision and recall 1.0, proven on random articles
//! (proptest) and on the real mixed-script corpus in ../shared/corpora/poetry-mixed.json.

mod common;
mod corpus;
use article_viewer::domain::article::Style;
use article_viewer::domain::fold::fold;
use article_viewer::domain::search::{
    excerpt, linked_pieces, mark_count, marks_before, marks_in, match_ranges, Query, SearchIndex,
};
use article_viewer::domain::{load_article_set, Article, Block, Link};
use common::begins_word;
use proptest::prelude::*;

/// Every searched field of an article, folded one by one: the truth a search is measured against.
fn folded_fields(a: &Article) -> Vec<String> {
    let mut fields: Vec<&str> = vec![a.title.as_str()];
    fields.extend(a.kicker.as_deref());
    fields.extend(a.subtitle.as_deref());
    fields.extend(a.summary.as_deref());
    fields.extend(a.source.as_deref());
    fields.extend(a.category.as_deref());
    fields.extend(a.authors.iter().map(String::as_str));
    fields.extend(a.tags.iter().map(String::as_str));
    for b in &a.body {
        match b {
            Block::Paragraph { text, .. }
            | Block::Heading { text, .. }
            | Block::Quote { text, .. }
            | Block::Code { text, .. } => fields.push(text),
            Block::List(l) => fields.extend(l.items.iter().map(String::as_str)),
            Block::Table(t) => {
                fields.extend(t.caption.as_deref());
                fields.extend(t.cells.iter().map(String::as_str));
            }
            Block::Image(i) => {
                fields.push(&i.alt);
                fields.extend(i.caption.as_deref());
            }
            Block::Break | Block::Unknown { .. } => {}
        }
    }
    fields.into_iter().map(fold).collect()
}

/// Included terms: substrings of a field; excluded terms: substrings that begin a word (the module's rule).
fn truth(articles: &[Article], q: &Query) -> Vec<usize> {
    (0..articles.len())
        .filter(|&i| {
            let fields = folded_fields(&articles[i]);
            let has = |t: &String| fields.iter().any(|f| f.contains(t.as_str()));
            let has_word = |t: &String| fields.iter().any(|f| begins_word(f, t));
            q.include.iter().all(has) && !q.exclude.iter().any(has_word)
        })
        .collect()
}

/// The index of `articles` with no frequent pairs in buckets of their own.
fn plain_index(articles: &[Article]) -> SearchIndex {
    let mut b = article_viewer::domain::search::IndexBuilder::new(articles).with_frequent_pairs(0);
    b.add(articles, usize::MAX);
    b.finish()
}

fn found(ix: &SearchIndex, q: &Query) -> Vec<usize> {
    ix.search(q, 0..ix.len()).into_iter().map(|h| h.index).collect()
}

/// An article whose body's texts are, in turn, a paragraph, a code block, a list (its items `text` cut at each
/// `-`) and a table (its cells the same, in two rows; `text` its caption), so that every kind of block with text is
/// searched.
fn article(i: usize, title: String, body: Vec<String>, authors: Vec<String>) -> Article {
    let body: Vec<serde_json::Value> = body
        .into_iter()
        .enumerate()
        .map(|(k, text)| match k % 4 {
            0 => serde_json::Value::String(text),
            1 => serde_json::json!({ "type": "code", "text": text }),
            3 => {
                let cells: Vec<&str> = text.split('-').collect();
                let (a, b) = cells.split_at(cells.len() / 2);
                serde_json::json!({ "type": "table", "header": k % 2 == 0, "rows": [a, b], "caption": text })
            }
            _ => serde_json::json!({ "type": "list", "ordered": k % 2 == 0, "items": text.split('-').collect::<Vec<_>>() }),
        })
        .collect();
    let value = serde_json::json!({ "id": format!("a{i}"), "title": title, "body": body, "authors": authors });
    serde_json::from_value(value).unwrap()
}

/// Text drawn from a small alphabet on purpose (so that queries often match, and often only nearly): Traditional
/// and Simplified forms of the same words, Latin in both cases, full-width forms, spaces, a zero-width space.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            "企", "業", "业", "社", "區", "区", "會", "会", "議", "a", "B", "b", "Ａ", "ｂ", " ", "  ", "\u{200B}",
            "é", "ς", "Σ", "x", "1", "１", "-", "\"",
        ]),
        1..24,
    )
    .prop_map(|v| v.concat())
}

fn articles() -> impl Strategy<Value = Vec<Article>> {
    proptest::collection::vec(
        (text(), proptest::collection::vec(text(), 0..4), proptest::collection::vec(text(), 0..2)),
        // Up to three of the index's blocks of 64 articles.
        1..140,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .filter(|(_, (t, _, _))| !t.trim().is_empty())
            .map(|(i, (t, b, a))| article(i, t, b, a))
            .collect()
    })
}

/// A substring of one of the articles' texts (in whole characters), or random text.
fn query_from(articles: &[Article], pick: usize, start: usize, len: usize, random: &str) -> String {
    let all: Vec<String> = articles
        .iter()
        .flat_map(|a| {
            std::iter::once(a.title.to_string()).chain(a.body.iter().filter_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.clone()),
                _ => None,
            }))
        })
        .collect();
    if all.is_empty() || pick % 4 == 3 {
        return random.to_owned();
    }
    let chars: Vec<char> = all[pick % all.len()].chars().collect();
    let s = start % chars.len().max(1);
    chars[s..(s + len).min(chars.len())].iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn search_equals_substring_truth(
        arts in articles(), pick in 0usize..64, start in 0usize..64, len in 1usize..6,
        pick2 in 0usize..64, start2 in 0usize..64, random in text(),
    ) {
        let ix = SearchIndex::build(&arts);
        // The same index with every pair hashed: the frequent pairs' own buckets (which answer a two-character
        // term without reading text) change neither what is found nor how it ranks.
        let hashed = plain_index(&arts);
        let t1 = query_from(&arts, pick, start, len, &random);
        let t2 = query_from(&arts, pick2, start2, 2, &random);
        for input in [t1.clone(), format!("\"{t1}\""), format!("“{t1}”"), format!("{t1} {t2}"), format!("{t1} －「{t2}」"), t2.clone()] {
            let q = Query::parse(&input);
            prop_assert_eq!(found(&ix, &q), truth(&arts, &q), "query {:?} → {:?}", input, q);
            prop_assert_eq!(ix.search(&q, 0..ix.len()), hashed.search(&q, 0..ix.len()), "query {:?}", input);
        }
    }

    /// A paragraph's links, styled words and the query's marks together: the pieces are the text, in order, once;
    /// the linked pieces are the links `Link::ranges` places, each whole; the styled pieces are the styled words it
    /// places, in their style, and no other piece is styled; the marked pieces are the matches, cut only at a
    /// link's or a style's edge; `marks_in` counts the marks drawn (runs of marked pieces within a link or not).
    #[test]
    fn links_styles_and_marks_cut_a_text_into_pieces_that_make_it_whole(
        text in text(), cuts in proptest::collection::vec((0usize..30, 1usize..6, 0u8..3), 0..6), q in text(),
    ) {
        let chars: Vec<char> = text.chars().collect();
        let links: Vec<Link> = cuts
            .iter()
            .map(|&(at, len, kind)| {
                let at = at.min(chars.len());
                let words = chars[at..(at + len).min(chars.len())].iter().collect::<String>();
                match kind {
                    0 => Link::new(words, "https://e.org/"),
                    1 => Link::styled(words, Style::STRONG),
                    _ => Link::styled(words, Style::EM.with(Style::CODE)),
                }
            })
            .collect();
        let terms = Query::parse(&q).include;
        let placed = Link::ranges(&text, &links);
        let pieces = linked_pieces(&text, &placed, &links, &terms);
        type Pieces = (Option<usize>, Vec<(std::ops::Range<usize>, Style, bool)>);
        let all = |p: &Pieces| p.1.iter().map(|(r, ..)| &text[r.clone()]).collect::<String>();
        prop_assert_eq!(pieces.iter().map(all).collect::<String>(), text.clone());
        let linked: Vec<(usize, String)> = pieces.iter().filter_map(|p| Some((p.0?, all(p)))).collect();
        let found: Vec<(usize, String)> =
            placed.iter().filter(|(_, i)| links[*i].is_link()).map(|(r, i)| (*i, text[r.clone()].to_owned())).collect();
        prop_assert_eq!(linked, found);
        // (Styled words side by side in one style may make one piece.)
        for (r, style, _) in pieces.iter().flat_map(|p| &p.1) {
            let over: Vec<_> =
                placed.iter().filter(|(s, i)| !links[*i].is_link() && s.start < r.end && r.start < s.end).collect();
            prop_assert!(over.iter().all(|(_, i)| links[*i].style == *style), "{:?} {:?}", r, style);
            let covered: usize = over.iter().map(|(s, _)| s.end.min(r.end) - s.start.max(r.start)).sum();
            prop_assert_eq!(covered, if over.is_empty() { 0 } else { r.len() }, "{:?}", r);
            prop_assert_eq!(over.is_empty(), style.is_empty());
        }
        // The marks, joined where only a link's or a style's edge cut them, are the matches.
        let mut marks: Vec<std::ops::Range<usize>> = Vec::new();
        for (r, ..) in pieces.iter().flat_map(|p| &p.1).filter(|(.., m)| *m) {
            match marks.last_mut() {
                Some(last) if last.end == r.start && !match_ranges(&text, &terms).contains(last) => last.end = r.end,
                _ => marks.push(r.clone()),
            }
        }
        prop_assert_eq!(marks, match_ranges(&text, &terms));
        // Drawn: one mark per match, and one more for each link's edge inside a match.
        let drawn: usize = pieces.iter().map(|p| marks_in(&p.1)).sum();
        // (Two links side by side have one edge between them.)
        let mut edges: Vec<usize> = placed
            .iter()
            .filter(|(_, i)| links[*i].is_link())
            .flat_map(|(r, _)| [r.start, r.end])
            .filter(|&e| match_ranges(&text, &terms).iter().any(|m| m.start < e && e < m.end))
            .collect();
        edges.dedup();
        let edges = edges.len();
        prop_assert_eq!(drawn, match_ranges(&text, &terms).len() + edges);
    }

    #[test]
    fn fold_is_idempotent(s in ".{0,40}") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone());
    }

    #[test]
    fn query_parser_never_panics(s in ".{0,60}", marks in "[\"＂“”„「」『』«» \\-－−a企]{0,30}") {
        for s in [&s, &marks] {
            let q = Query::parse(s);
            prop_assert!(q.include.iter().chain(&q.exclude).all(|t| !t.is_empty() && t == &fold(t)), "{:?}", s);
        }
    }
}

#[test]
fn an_index_built_in_slices_is_the_same_index() {
    use article_viewer::domain::listing::Collection;
    use article_viewer::domain::search::IndexBuilder;
    let text = corpus::text("poetry-mixed.json");
    let set = load_article_set(&text).unwrap();
    let whole = SearchIndex::build(&set.articles);
    let mut b = IndexBuilder::new(&set.articles);
    let mut steps = 0;
    while !b.add(&set.articles, 97) {
        steps += 1;
    }
    assert!(steps > 10);
    assert_eq!(b.finish(), whole);
    // Through the collection: a few slices, then a search finishes the rest.
    let c = Collection::new(set);
    assert!(!c.build_index_step(50));
    assert!(!c.is_indexed());
    assert_eq!(c.index(), &whole);
    assert!(c.build_index_step(50), "already complete");
}

#[test]
fn traditional_query_finds_simplified_and_back() {
    let arts = vec![
        article(0, "企業社區".into(), vec![], vec![]),
        article(1, "企业社区".into(), vec![], vec![]),
        article(2, "社企".into(), vec!["業企".into()], vec![]),
    ];
    let ix = SearchIndex::build(&arts);
    for input in ["企业社区", "企業社區", "企業社区", "企业"] {
        assert_eq!(found(&ix, &Query::parse(input)), [0, 1], "{input}");
    }
    // Characters in the wrong order are not a match.
    assert_eq!(found(&ix, &Query::parse("业企")), [2]);
    assert_eq!(found(&ix, &Query::parse("企社")), Vec::<usize>::new());
    // Taiwan's 著 where the Simplified text has 着 (OpenCC's Traditional writes 着 too); Hong Kong's 衞.
    let arts = vec![
        article(0, "隨著市場回暖".into(), vec!["意味著".into()], vec![]),
        article(1, "随着市场回暖".into(), vec!["衞生".into()], vec![]),
        article(2, "著名".into(), vec![], vec![]),
    ];
    let ix = SearchIndex::build(&arts);
    for input in ["随着", "隨着", "隨著", "随著"] {
        assert_eq!(found(&ix, &Query::parse(input)), [0, 1], "{input}");
    }
    assert_eq!(found(&ix, &Query::parse("意味着")), [0]);
    assert_eq!(found(&ix, &Query::parse("卫生")), [1]);
    assert_eq!(found(&ix, &Query::parse("衛生")), [1]);
    assert_eq!(found(&ix, &Query::parse("著名")), [2]);
}

#[test]
fn a_phones_apostrophe_the_dashes_between_words_and_the_dots_of_chinese_names_find_their_other_forms() {
    let arts = vec![
        article(0, "The people's choice".into(), vec!["from 1901–1908".into()], vec![]),
        article(1, "The people’s voice".into(), vec!["re‐election, 1901-1908".into()], vec![]),
        article(2, "People and choices".into(), vec!["re election, 1901—1908".into()], vec![]),
    ];
    let ix = SearchIndex::build(&arts);
    for input in ["people's", "people’s", "PEOPLE‘S", "1901-1908", "1901–1908", "1901−1908"] {
        assert_eq!(found(&ix, &Query::parse(input)), [0, 1], "{input}");
    }
    assert_eq!(found(&ix, &Query::parse("re-election")), [1]);
    // (An em dash is a sentence's mark, not a word's: left as it is.)
    assert_eq!(found(&ix, &Query::parse("1901—1908")), [2]);
    // Marked as written.
    let terms = Query::parse("people's").include;
    let text = "The people’s voice";
    let marked: Vec<&str> = match_ranges(text, &terms).into_iter().map(|r| &text[r]).collect();
    assert_eq!(marked, ["people’s"]);
    // The State of the Union addresses write the apostrophe in ASCII; a phone's finds the same ones.
    let set = load_article_set(&corpus::text("sotu-even-years.json")).unwrap();
    let ix = SearchIndex::build(&set.articles);
    let ascii = found(&ix, &Query::parse("people's"));
    assert!(!ascii.is_empty());
    assert_eq!(found(&ix, &Query::parse("people’s")), ascii);
    // The Song ci's titles have the Japanese middle dot; a Chinese input method types U+00B7.
    let set = load_article_set(&corpus::text("poetry-mixed.json")).unwrap();
    let ix = SearchIndex::build(&set.articles);
    let as_written = found(&ix, &Query::parse("怨春风・一斛珠"));
    assert_eq!(as_written.len(), 1);
    assert_eq!(found(&ix, &Query::parse("怨春风·一斛珠")), as_written);
}

#[test]
fn title_matches_are_counted() {
    let arts = vec![
        article(0, "About nickel".into(), vec!["prices of copper".into()], vec![]),
        article(1, "Copper".into(), vec!["and nickel".into()], vec![]),
    ];
    let ix = SearchIndex::build(&arts);
    let hits = ix.search(&Query::parse("copper nickel"), 0..2);
    assert_eq!(hits.iter().map(|h| (h.index, h.title_terms)).collect::<Vec<_>>(), [(0, 1), (1, 1)]);
    let hits = ix.search(&Query::parse("NICK"), 0..2);
    assert_eq!(hits.iter().map(|h| (h.index, h.title_terms)).collect::<Vec<_>>(), [(0, 1), (1, 0)]);
}

#[test]
fn words_rank_above_parts_of_words_and_only_words_are_excluded() {
    let arts = vec![
        article(0, "Toward peace".into(), vec!["a reward".into()], vec![]),
        article(1, "Budget".into(), vec!["after the war".into()], vec![]),
        article(2, "War and peace".into(), vec![], vec![]),
        article(3, "戰爭war".into(), vec!["warfare".into()], vec![]),
        article(4, "Software".into(), vec!["Wars".into()], vec![]),
    ];
    let ix = SearchIndex::build(&arts);
    let hits = ix.search(&Query::parse("war"), 0..arts.len());
    let got: Vec<(usize, u16, u16)> = hits.iter().map(|h| (h.index, h.title_terms, h.word_terms)).collect();
    assert_eq!(got, [(0, 0, 0), (1, 0, 1), (2, 1, 1), (3, 1, 1), (4, 0, 1)]);
    // Excluded where it begins a word only: "toward", "reward" and "software" stay.
    assert_eq!(found(&ix, &Query::parse("peace -war")), [0]);
    assert_eq!(found(&ix, &Query::parse("-war")), [0]);
    // A CJK term (or one that starts with punctuation) begins a word wherever it occurs.
    assert_eq!(found(&ix, &Query::parse("-爭")), [0, 1, 2, 4]);
    let hits = ix.search(&Query::parse("爭 ar"), 0..arts.len());
    assert_eq!(hits.iter().map(|h| (h.index, h.title_terms, h.word_terms)).collect::<Vec<_>>(), [(3, 1, 1)]);
}

#[test]
fn an_excerpt_shows_a_word_before_a_part_of_a_word() {
    let arts = [article(
        0,
        "Speech".into(),
        vec!["We move toward a better day.".into(), "Then came the war, and after it the peace.".into()],
        vec![],
    )];
    let pieces = excerpt(&arts[0], &Query::parse("war").include, 30).pieces;
    let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
    assert!(text.starts_with("Then came the war"), "{text}");
    // With no word match, the first part of a word is shown.
    let pieces = excerpt(&arts[0], &Query::parse("owa").include, 30).pieces;
    let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
    assert!(text.starts_with("We move toward"), "{text}");
}

#[test]
fn an_excerpt_shows_the_passage_with_the_most_terms() {
    let filler = "Nothing to see in this sentence at all. ".repeat(6);
    let arts = [article(
        0,
        "Budget".into(),
        vec![
            "Taxes were high that year.".into(),
            format!("We cut the budget. {filler}Then came a tax cut for all, and a tax on nothing."),
            "A tax cut again, later.".into(),
        ],
        vec![],
    )];
    let shown = |q: &str| -> String {
        excerpt(&arts[0], &Query::parse(q).include, 60).pieces.iter().map(|p| p.text.clone()).collect()
    };
    // Both terms begin a word near each other only late in the second paragraph: that passage, not the first
    // "tax" (in the first paragraph) nor the first "cut" (at the start of the second), nor the third paragraph's.
    assert!(shown("tax cut").starts_with("…Then came a tax cut"), "{}", shown("tax cut"));
    assert!(shown("cut tax").starts_with("…Then came a tax cut"), "{}", shown("cut tax"));
    // One term: its first match that begins a word, as before.
    assert!(shown("cut").starts_with("We cut the budget."), "{}", shown("cut"));
    // Where the passage's first match is: its block, and which of the block's matches (cut, tax, cut, tax…).
    let place = |q: &str| excerpt(&arts[0], &Query::parse(q).include, 60).place;
    assert_eq!(place("tax cut"), Some((1, 1)));
    assert_eq!(place("cut"), Some((1, 0)));
    assert_eq!(place("again"), Some((2, 0)));
    assert_eq!(place("taxes"), Some((0, 0)));
    assert_eq!(place("nowhere"), None);
    assert!(shown("tax").starts_with("Taxes were high"), "{}", shown("tax"));
    // A term that is nowhere does not stop the others from choosing.
    assert!(shown("tax cut zebra").starts_with("…Then came a tax cut"), "{}", shown("tax cut zebra"));
}

#[test]
fn the_marks_an_article_page_shows_are_counted() {
    let value = serde_json::json!({
        "id": "m", "title": "Copper, copper", "kicker": "copper", "subtitle": "no", "source": "Copper Daily",
        "category": "copper", "authors": ["Ann Lee", "Copper Smith"], "editor": "copper", "summary": "copper…",
        "tags": ["copper age", "tin"],
        "body": ["coppercopper and copper", { "type": "image", "src": "a.png", "alt": "copper", "caption": "Copper" },
                 { "type": "heading", "text": "銅" }],
    });
    let mut a: Article = serde_json::from_value(value).unwrap();
    // Kicker 1, title 2, source 1, category 1, author 1, tag 1, body 2 (adjacent matches merge into one mark),
    // caption 1; not the editor, the image alt, nor the summary, which repeats the body's opening and so is not
    // shown.
    assert_eq!(mark_count(&a, &Query::parse("copper").include), 10);
    assert_eq!(mark_count(&a, &Query::parse("铜").include), 1);
    assert_eq!(mark_count(&a, &[]), 0);
    // A summary of its own is shown under the title (the lede), and marked.
    a.summary = Some("Copper prices, copper mines.".into());
    assert_eq!(mark_count(&a, &Query::parse("copper").include), 12);
    // A match inside a link is one mark; one across a link's edge is two (the page shows two).
    a.body.push(Block::Paragraph {
        text: "tin and zinc prices".into(),
        links: vec![Link::new("and zi", "https://e.org/z"), Link::new("prices", "https://e.org/p")],
    });
    assert_eq!(mark_count(&a, &Query::parse("prices").include), 2, "the lede's and the link's");
    assert_eq!(mark_count(&a, &Query::parse("zinc").include), 2, "across the edge of \"and zi\"");
    assert_eq!(mark_count(&a, &Query::parse("\"tin and zinc\"").include), 3, "before, in and after the link");
    // An image's caption draws its matches with its links too: one across a link's edge is two marks.
    a.body.push(Block::Image(Box::new(article_viewer::domain::article::Image {
        src: "b.png".into(),
        alt: String::new(),
        caption: Some("Nickel and cobalt".into()),
        links: vec![Link::new("Nickel and co", "https://e.org/n")],
    })));
    assert_eq!(mark_count(&a, &Query::parse("cobalt").include), 2, "across the edge of \"Nickel and co\"");
}

#[test]
fn no_match_across_fields() {
    let arts = vec![article(0, "abc".into(), vec!["def".into()], vec![])];
    let ix = SearchIndex::build(&arts);
    assert!(found(&ix, &Query::parse("cd")).is_empty());
    assert!(found(&ix, &Query::parse("\"c d\"")).is_empty());
    assert_eq!(found(&ix, &Query::parse("c d")), [0]);
}

/// A passage in the summary has no place in the body; in a list or a table, its match is counted after those of
/// the block's earlier items or cells.
#[test]
fn an_excerpts_place_counts_the_matches_of_its_block_before_it() {
    let set = load_article_set(
        r#"{"version":1,"articles":[{"id":"a","title":"T","summary":"Copper only.","body":[
            "Copper and nickel, nickel again.",
            {"type":"list","items":["Nickel here.","Zinc.","And zinc with nickel, at last."]},
            {"type":"table","rows":[["Nickel","Zinc"],["1","zinc with nickel"]]}]}]}"#,
    )
    .unwrap();
    let a = &set.articles[0];
    let place = |q: &str| excerpt(a, &Query::parse(q).include, 60).place;
    assert_eq!(place("copper"), None, "the summary's");
    assert_eq!(place("zinc nickel"), Some((1, 2)), "the list's third item: after its first item's nickel and zinc");
    assert_eq!(place("nickel"), Some((0, 0)));
    let only_table = |q: &str| {
        excerpt(&Article { body: a.body[2..].to_vec(), summary: None, ..a.clone() }, &Query::parse(q).include, 60).place
    };
    assert_eq!(only_table("zinc nickel"), Some((0, 2)), "the last cell, after the header's nickel and zinc");
}

/// An excerpt's place counts the marks the page draws, not the matches: a table's caption's (shown above its
/// cells, though a passage is never taken from it), and a match across a link's edge as the two marks it is.
#[test]
fn an_excerpts_place_counts_the_marks_the_page_draws_before_it() {
    let set = load_article_set(
        r#"{"version":1,"articles":[{"id":"a","title":"T","body":[
            {"type":"table","caption":"Zinc and nickel","rows":[["Metal","Note"],["tin","zinc with nickel"]]},
            {"type":"list","items":["And zinc here.","Zinc with nickel, at last."],"links":[["And zi","https://e.org/z"]]},
            {"type":"list","items":["And zinc here.","Zinc with nickel, at last."]}]}]}"#,
    )
    .unwrap();
    let a = &set.articles[0];
    let terms = Query::parse("zinc nickel").include;
    let only = |b: usize| Article { body: vec![a.body[b].clone()], ..a.clone() };
    assert_eq!(excerpt(&only(0), &terms, 60).place, Some((0, 2)), "after the caption's zinc and nickel");
    assert_eq!(excerpt(&only(1), &terms, 60).place, Some((0, 2)), "after the first item's zi|nc: two marks");
    assert_eq!(excerpt(&only(2), &terms, 60).place, Some((0, 1)), "the same list unlinked: one mark before");
    assert_eq!(mark_count(&only(1), &terms), 4);
    assert_eq!(marks_before(&a.body[1], 1, 0, &terms), 2);
    assert_eq!(marks_before(&a.body[1], 1, "Zinc with".len(), &terms), 3);
    assert_eq!(marks_before(&a.body[0], 0, 0, &terms), 2, "the caption's");
}

#[test]
fn excerpt_shows_the_passage_around_the_first_match() {
    let long = format!("{}銅價上漲{}", "甲".repeat(60), "乙".repeat(200));
    let arts = [article(0, "標題".into(), vec!["無關".into(), long], vec![])];
    let pieces = excerpt(&arts[0], &Query::parse("铜价").include, 50).pieces;
    let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    assert_eq!(pieces.iter().filter(|p| p.marked).map(|p| p.text.as_str()).collect::<Vec<_>>(), ["銅價"]);
    assert!(text.chars().count() <= 52 + 2, "{}", text.chars().count());
}

/// The real mixed-script corpus: every 1-, 2- and 4-character window at a spread of positions, as typed and in
/// the other script, gives exactly the substring truth.
#[test]
fn poetry_corpus_precision_and_recall_are_one() {
    let text = corpus::text("poetry-mixed.json");
    let set = load_article_set(&text).unwrap();
    let arts = &set.articles;
    assert!(arts.len() > 2000);
    let ix = SearchIndex::build(arts);
    let mut queries = Vec::new();
    for (n, a) in arts.iter().enumerate().step_by(97) {
        let fields = folded_fields(a);
        let chars: Vec<char> = fields.concat().chars().collect();
        for len in [1, 2, 4] {
            if chars.len() > len {
                let s = (n * 31) % (chars.len() - len);
                queries.push(chars[s..s + len].iter().collect::<String>());
            }
        }
    }
    queries.extend(
        ["李白", "李太白", "月", "詩人", "诗人", "the", "-詩 春", "明月", "何处", "天下 -人"].map(String::from),
    );
    let hashed = plain_index(arts);
    let mut checked = 0;
    let mut matched = 0;
    for input in &queries {
        let q = Query::parse(input);
        let want = truth(arts, &q);
        assert_eq!(found(&ix, &q), want, "query {input:?}");
        assert_eq!(ix.search(&q, 0..ix.len()), hashed.search(&q, 0..ix.len()), "query {input:?}: hits and ranks");
        checked += 1;
        matched += want.len();
    }
    assert!(checked > 60, "{checked} queries");
    assert!(matched > 1000, "the queries should match something: {matched}");
}

#[test]
fn accents_are_folded_and_marked_with_their_letters() {
    let articles = vec![
        article(0, "Café society in México".into(), vec!["Ελλάδα and Ёлка".into()], vec![]),
        article(1, "Cafeteria".into(), vec!["written cafe\u{0301} with a combining accent".into()], vec![]),
        article(2, "か and が".into(), vec![], vec![]),
        article(3, "Đà Nẵng to Wrocław".into(), vec!["via København and the Straße".into()], vec![]),
    ];
    let ix = SearchIndex::build(&articles);
    // Letters with a stroke and ß as an English keyboard types them.
    assert_eq!(found(&ix, &Query::parse("da nang wroclaw")), vec![3]);
    assert_eq!(found(&ix, &Query::parse("kobenhavn strasse")), vec![3]);
    let title = articles[3].title.as_str();
    let marked: Vec<&str> =
        match_ranges(title, &Query::parse("wroclaw").include).into_iter().map(|r| &title[r]).collect();
    assert_eq!(marked, ["Wrocław"]);
    assert_eq!(found(&ix, &Query::parse("cafe")), vec![0, 1]);
    assert_eq!(found(&ix, &Query::parse("CAFÉ mexico")), vec![0]);
    assert_eq!(found(&ix, &Query::parse("ελλαδα елка")), vec![0]);
    // Japanese voicing marks are not accents: が is not か.
    assert_eq!(found(&ix, &Query::parse("が")), vec![2]);
    let terms = Query::parse("cafe").include;
    let title = articles[0].title.as_str();
    let marked: Vec<&str> = match_ranges(title, &terms).into_iter().map(|r| &title[r]).collect();
    assert_eq!(marked, ["Café"]);
    let body = "written cafe\u{0301} with a combining accent";
    let marked: Vec<&str> = match_ranges(body, &terms).into_iter().map(|r| &body[r]).collect();
    assert_eq!(marked, ["cafe\u{0301}"], "the accent stays with its letter inside the mark");
}

#[test]
fn arabic_and_hebrew_are_found_as_their_readers_type_them_and_marked_with_their_vowel_signs() {
    let articles = vec![
        // Vocalised Arabic (harakat, shadda, madda, a hamza on alef), a kashida, teh marbuta; Arabic-Indic digits.
        article(0, "القُرْآنُ الكَرِيمُ".into(), vec!["مَدْرَسَةٌ في أَحمد عام ٢٠٢٤ كـــتاب".into()], vec![]),
        // Persian: Farsi yeh and keheh, Persian digits.
        article(1, "کتاب ایرانی".into(), vec!["سال ۲۰۲۴".into()], vec![]),
        // Pointed Hebrew.
        article(2, "שָׁלוֹם עֲלֵיכֶם".into(), vec!["בְּרֵאשִׁית".into()], vec![]),
        // Unpointed, as most text is.
        article(3, "القران مدرسه".into(), vec!["שלום".into()], vec![]),
    ];
    let ix = SearchIndex::build(&articles);
    assert_eq!(found(&ix, &Query::parse("القرآن")), vec![0, 3]);
    assert_eq!(found(&ix, &Query::parse("القران")), vec![0, 3]);
    assert_eq!(found(&ix, &Query::parse("مدرسة")), vec![0, 3]);
    assert_eq!(found(&ix, &Query::parse("احمد")), vec![0]);
    // The kashida only stretches the word; Persian letters are the Arabic ones.
    assert_eq!(found(&ix, &Query::parse("كتاب")), vec![0, 1]);
    assert_eq!(found(&ix, &Query::parse("ايراني")), vec![1]);
    assert_eq!(found(&ix, &Query::parse("2024")), vec![0, 1]);
    assert_eq!(found(&ix, &Query::parse("שלום")), vec![2, 3]);
    assert_eq!(found(&ix, &Query::parse("בראשית")), vec![2]);
    // The mark covers the word as written, its vowel signs with it.
    let marked = |text: &str, q: &str| -> Vec<String> {
        let terms = Query::parse(q).include;
        match_ranges(text, &terms).into_iter().map(|r| text[r].to_owned()).collect()
    };
    assert_eq!(marked("القُرْآنُ الكَرِيمُ", "القران"), ["القُرْآنُ"]);
    assert_eq!(marked("مَدْرَسَةٌ في", "مدرسة"), ["مَدْرَسَةٌ"]);
    assert_eq!(marked("שָׁלוֹם עֲלֵיכֶם", "שלום"), ["שָׁלוֹם"]);
    assert_eq!(marked("عام ٢٠٢٤", "2024"), ["٢٠٢٤"]);
}

#[test]
fn a_match_in_thai_begins_a_word_anywhere_as_thai_is_written_without_spaces() {
    let articles = vec![
        article(0, "ราคานิกเกิลสูงขึ้น".into(), vec![], vec![]),
        article(1, "nickel in a word: unnickeled".into(), vec![], vec![]),
    ];
    let ix = SearchIndex::build(&articles);
    let hits = ix.search(&Query::parse("นิกเกิล"), 0..2);
    assert_eq!((hits.len(), hits[0].word_terms, hits[0].title_terms), (1, 1, 1));
    // (A spaced script's term inside a word does not begin one.)
    let hits = ix.search(&Query::parse("nickeled"), 0..2);
    assert_eq!((hits.len(), hits[0].word_terms), (1, 0));
}

#[test]
fn a_result_links_to_the_sections_of_the_article_that_have_matches_in_order_at_most_max() {
    use article_viewer::domain::search::matched_sections;
    let text = r#"{"version": 1, "articles": [{"id": "a", "title": "Nickel", "body": [
        "Nickel in the intro.",
        {"type": "heading", "text": "Method"}, "Prices of nickel and NICKEL ore.",
        {"type": "heading", "text": "Results"}, "Copper only.",
        {"type": "heading", "text": "Nickel outlook", "level": 3}, {"type": "list", "items": ["more nickel"]},
        {"type": "heading", "text": "產量"}, "鎳的產量。",
        {"type": "heading", "text": "End"}, "nickel again."]}]}"#;
    let a = &load_article_set(text).unwrap().articles[0];
    let anchors = a.heading_anchors();
    let terms = |q: &str| Query::parse(q).include;
    // Not the intro (before any heading); a heading's own words count; case and script folded as the search does.
    assert_eq!(
        matched_sections(a, &anchors, &terms("nickel"), 5),
        [("Method", "method", 2), ("Nickel outlook", "nickel-outlook", 2), ("End", "end", 1)]
    );
    assert_eq!(matched_sections(a, &anchors, &terms("产量"), 5), [("產量", "產量", 2)]);
    assert_eq!(matched_sections(a, &anchors, &terms("nickel"), 1), [("Method", "method", 2)]);
    assert!(matched_sections(a, &anchors, &terms("zinc"), 5).is_empty());
    assert!(matched_sections(a, &anchors, &[], 5).is_empty());
}
