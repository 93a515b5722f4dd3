//! List state in the URL, facets with counts, date range, sort.

mod common;
mod corpus;
use article_viewer::domain::listing::{Collection, Facet, ListState, Marks, Sort};
use article_viewer::domain::load_article_set;
use common::begins_word;
use proptest::prelude::*;

fn collection() -> Collection {
    let json = serde_json::json!({ "version": 1, "articles": [
        { "id": "a", "title": "企業社區 news", "category": "重點新聞", "source": "湖南", "authors": ["張三", "Li"],
          "tags": ["metal"], "published": "2018-11-30T11:21:00+08:00", "views": 12269, "body": ["銅價上漲"] },
        { "id": "b", "title": "Copper prices", "category": "重点新闻", "source": "Reuters", "authors": ["Li"],
          "published": "2019-01-02", "views": 5, "body": ["企业 results"] },
        { "id": "c", "title": "Nickel", "category": "Markets", "source": "Reuters", "authors": ["Wang"],
          "tags": ["metal", "asia"], "published": "2017-05-05", "body": ["nothing"] },
        { "id": "d", "title": "Undated note", "category": "markets", "body": ["企業"] }
    ]});
    Collection::new(load_article_set(&json.to_string()).unwrap())
}

fn ids(c: &Collection, state: &ListState) -> Vec<String> {
    c.listing(state).results.iter().map(|&i| c.articles()[i].id.to_string()).collect()
}

fn state(query: &str) -> ListState {
    ListState::from_query(query)
}

#[test]
fn url_rows() {
    let s = state("?q=%E4%BC%81%E4%B8%9A&category=%E9%87%8D%E9%BB%9E%E6%96%B0%E8%81%9E&sort=views&page=2");
    assert_eq!(s.q, "企业");
    assert_eq!(s.selected(Facet::Category), ["重點新聞"]);
    assert_eq!(s.sort, Some(Sort::Views));
    assert_eq!(s.page, Some(2));
    assert_eq!(s.to_query(), "q=%E4%BC%81%E4%B8%9A&category=%E9%87%8D%E9%BB%9E%E6%96%B0%E8%81%9E&sort=views&page=2");
    // Repeated keys are several values; junk is ignored.
    let s = state("author=Li&author=Wang&author=Li&from=2018-01-01&to=nope&page=0&sort=sideways&x=1&q=a+b");
    assert_eq!(s.selected(Facet::Author), ["Li", "Wang"]);
    assert_eq!((s.from.as_deref(), s.to.as_deref(), s.page, s.sort), (Some("2018-01-01"), None, None, None));
    assert_eq!(s.q, "a b");
    assert_eq!(state("").to_query(), "");
    assert_eq!(state("?page=1&q=%20").to_query(), "");
}

fn any_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 &=?#%+企業社區\"-]{1,12}".prop_filter("trimmed, not empty", |s| !s.trim().is_empty() && s.trim() == s)
}

proptest! {
    #[test]
    fn state_query_state_round_trips(
        q in proptest::option::of(any_text()),
        cats in proptest::collection::vec(any_text(), 0..3),
        authors in proptest::collection::vec(any_text(), 0..3),
        from in proptest::option::of((1900u32..2100, 1u32..13, 1u32..29)),
        sort in proptest::option::of(0usize..5),
        page in proptest::option::of(2usize..500),
        script in proptest::option::of(0usize..3),
        unread in any::<bool>(),
    ) {
        let mut s = ListState { q: q.unwrap_or_default(), ..ListState::default() };
        for c in cats { if !s.selected[0].contains(&c) { s.selected[0].push(c) } }
        for a in authors { if !s.selected[2].contains(&a) { s.selected[2].push(a) } }
        s.from = from.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
        s.sort = sort.map(|i| Sort::ALL[i]);
        s.page = page;
        s.script = script.map(|i| article_viewer::domain::convert::ScriptChoice::ALL[i]);
        s.unread = unread;
        let text = s.to_query();
        prop_assert_eq!(ListState::from_query(&text), s.clone());
        prop_assert_eq!(ListState::from_query(&format!("?{text}")).to_query(), text);
    }
}

#[test]
fn relevance_puts_title_matches_first_then_newer() {
    let c = collection();
    // a has 企業 in the title; b (2019) and d (undated) only in the body: b is newer, undated last.
    assert_eq!(ids(&c, &state("q=企業")), ["a", "b", "d"]);
    assert_eq!(c.listing(&state("q=企業")).sort, Sort::Relevance);
    assert_eq!(c.listing(&state("")).sort, Sort::Collection);
}

#[test]
fn relevance_puts_the_title_that_is_the_query_first() {
    let json = serde_json::json!({ "version": 1, "articles": [
        { "id": "poem", "title": "寄李白", "published": "2020-01-03", "body": ["我聞當今有李白"] },
        { "id": "tomb", "title": "李白墓", "published": "2020-01-02", "body": ["采石江邊李白墳"] },
        { "id": "life", "title": "李白", "kicker": "唐代詩人", "published": "1990-01-01", "body": ["李白，字太白"] },
        { "id": "sotu", "title": "The State of the Union.", "body": ["Mr. Speaker"] },
        { "id": "econ", "title": "The state of the union economy", "published": "2021-01-01", "body": ["jobs"] },
        { "id": "kick", "title": "Speech", "kicker": "the state of the union", "published": "2022-01-01", "body": [] }
    ]});
    let c = Collection::new(load_article_set(&json.to_string()).unwrap());
    // The poet's life first, though the oldest; then the newer poem with his name in its title.
    assert_eq!(ids(&c, &state("q=李白")), ["life", "poem", "tomb"]);
    // Folded as the search folds (Traditional and Simplified, case), the terms in their order, a title's end
    // punctuation aside; a kicker that is the query is not the title.
    assert_eq!(ids(&c, &state("q=the+state+of+the+union")), ["sotu", "kick", "econ"]);
    assert_eq!(ids(&c, &state("q=%22THE+STATE+OF+THE+UNION%22")), ["sotu", "kick", "econ"]);
    // The terms out of order: no title is the query, nor is there the phrase (more title terms, then newer).
    assert_eq!(ids(&c, &state("q=union+the+state+of+the")), ["kick", "econ", "sotu"]);
    assert_eq!(ids(&c, &state("q=李白&sort=newest")), ["poem", "tomb", "life"]);
}

/// On the real mixed-script corpus: a poet's name, typed in either script, lists their life (titled with the name)
/// above the poems with the name in their titles.
#[test]
fn on_the_poetry_corpus_a_poets_name_lists_their_life_first() {
    use article_viewer::domain::fold::fold;
    let c = Collection::new(load_article_set(&corpus::text("poetry-mixed.json")).unwrap());
    let lives: Vec<usize> =
        (0..c.articles().len()).filter(|&i| c.articles()[i].category.as_deref() == Some("唐代詩人")).collect();
    assert!(lives.len() >= 20, "{} lives", lives.len());
    let mut behind_a_poem = 0;
    for &i in &lives {
        let name = c.articles()[i].title.as_str();
        for q in [name.to_owned(), fold(name)] {
            let l = c.listing(&ListState { q: q.clone(), ..ListState::default() });
            // Every result titled with the name (the life, and any poem titled so) comes before every other.
            let is_name = |&j: &usize| fold(c.articles()[j].title.as_str()) == fold(name);
            let named = l.results.iter().take_while(|j| is_name(j)).count();
            assert!(l.results[..named].contains(&i), "{q}: the life is among the {named} results titled so");
            assert!(!l.results[named..].iter().any(is_name), "{q}");
            behind_a_poem += (l.results.len() > named && named > 0) as usize;
        }
    }
    // The ranking had something to do: names found in other articles too.
    assert!(behind_a_poem >= 10, "{behind_a_poem}");
}

#[test]
fn relevance_puts_the_terms_as_a_phrase_above_the_terms_apart() {
    let json = serde_json::json!({ "version": 1, "articles": [
        { "id": "apart", "title": "Message", "published": "1910-01-01", "body": ["the tariff", "a reform of it"] },
        { "id": "phrase", "title": "Message", "published": "1900-01-01", "body": ["We need Tariff  Reform now"] },
        { "id": "fields", "title": "Tariff", "kicker": "Reform", "published": "1890-01-01", "body": ["none"] },
        { "id": "cjk", "title": "通知", "published": "2001-01-01", "body": ["推動企業社區建設"] },
        { "id": "cjk-apart", "title": "通知", "published": "2002-01-01", "body": ["企业與社区"] }
    ]});
    let c = Collection::new(load_article_set(&json.to_string()).unwrap());
    // Both words in the title fields first (not a phrase there: two fields); then the phrase (its spaces and
    // case folded), older though it is; then the words apart.
    assert_eq!(ids(&c, &state("q=tariff+reform")), ["fields", "phrase", "apart"]);
    // In the order typed only.
    assert_eq!(ids(&c, &state("q=reform+tariff")), ["fields", "apart", "phrase"]);
    // CJK terms typed apart meet without a space, in either script.
    assert_eq!(ids(&c, &state("q=企业+社区")), ["cjk", "cjk-apart"]);
    assert_eq!(ids(&c, &state("q=企業+社區&sort=newest")), ["cjk-apart", "cjk"]);
}

#[test]
fn sorts() {
    let c = collection();
    assert_eq!(ids(&c, &state("")), ["a", "b", "c", "d"]);
    assert_eq!(ids(&c, &state("sort=newest")), ["b", "a", "c", "d"]);
    assert_eq!(ids(&c, &state("sort=oldest")), ["c", "a", "b", "d"]);
    assert_eq!(ids(&c, &state("sort=views")), ["a", "b", "c", "d"]);
}

#[test]
fn facet_values_fold_and_count_with_the_other_filters() {
    let c = collection();
    let l = c.listing(&state(""));
    let cats: Vec<(String, usize)> = l.facets[0].1.iter().map(|v| (v.label.clone(), v.count)).collect();
    // 重點新聞 and 重点新闻 are one value; Markets and markets too.
    assert_eq!(cats, [("重點新聞".to_string(), 2), ("Markets".to_string(), 2)]);

    // Within a facet: OR. Across facets: AND.
    assert_eq!(ids(&c, &state("category=重点新闻")), ["a", "b"]);
    assert_eq!(ids(&c, &state("category=重点新闻&category=markets")), ["a", "b", "c", "d"]);
    assert_eq!(ids(&c, &state("category=重点新闻&source=Reuters")), ["b"]);

    // Counts: a facet's own selection does not narrow its counts; the others do.
    let l = c.listing(&state("category=重点新闻&source=Reuters"));
    let count = |f: usize, label: &str| l.facets[f].1.iter().find(|v| v.label == label).map(|v| (v.count, v.selected));
    assert_eq!(count(0, "重點新聞"), Some((1, true)));
    assert_eq!(count(0, "Markets"), Some((1, false)));
    assert_eq!(count(1, "Reuters"), Some((1, true)));
    assert_eq!(count(1, "湖南"), Some((1, false)));
    assert_eq!(count(2, "Li"), Some((1, false)));

    // A selected value with no articles left is still listed, so it can be unticked.
    let l = c.listing(&state("q=nickel&author=張三"));
    assert!(l.results.is_empty());
    assert_eq!(l.facets[2].1.iter().find(|v| v.label == "張三").map(|v| (v.count, v.selected)), Some((0, true)));
}

/// In a set of articles in more than one language, the language is a facet: tags grouped as a reader would
/// (`en` and `en-GB`; Taiwan's and Hong Kong's Chinese as Traditional), each value named in its own language, in
/// the URL by its tag. A set in one language (or none said) offers none.
#[test]
fn a_set_in_several_languages_is_filtered_by_language() {
    let json = serde_json::json!({ "version": 1, "articles": [
        { "id": "a", "title": "One", "lang": "en", "body": ["x"] },
        { "id": "b", "title": "Two", "lang": "en-GB", "body": ["x"] },
        { "id": "c", "title": "三", "lang": "zh-TW", "body": ["x"] },
        { "id": "d", "title": "四", "lang": "zh-Hant", "body": ["x"] },
        { "id": "e", "title": "五", "lang": "zh-CN", "body": ["x"] },
        { "id": "f", "title": "Untagged", "body": ["x"] },
        { "id": "g", "title": "Un", "lang": "fr", "category": "Monde", "body": ["x"] }
    ]});
    let c = Collection::new(load_article_set(&json.to_string()).unwrap());
    let l = c.listing(&state(""));
    let (facet, values) = &l.facets[4];
    assert_eq!(*facet, Facet::Language);
    let shown: Vec<(&str, usize)> = values.iter().map(|v| (Facet::Language.value_label(&v.label), v.count)).collect();
    assert_eq!(shown, [("English", 2), ("繁體中文", 2), ("简体中文", 1), ("Français", 1)]);
    assert_eq!(ids(&c, &state("language=zh-Hant")), ["c", "d"]);
    assert_eq!(ids(&c, &state("language=en&language=fr")), ["a", "b", "g"]);
    // With another filter: the counts it leaves.
    let l = c.listing(&state("category=Monde"));
    assert_eq!(l.facets[4].1.iter().map(|v| (v.label.as_str(), v.count)).collect::<Vec<_>>(), [("fr", 1)]);
    // One language: nothing to choose.
    let one = serde_json::json!({ "version": 1, "articles": [
        { "id": "a", "title": "One", "lang": "en", "body": ["x"] },
        { "id": "b", "title": "Two", "lang": "en-US", "body": ["x"] },
        { "id": "c", "title": "Three", "body": ["x"] }
    ]});
    let c = Collection::new(load_article_set(&one.to_string()).unwrap());
    assert!(c.listing(&state("")).facets[4].1.is_empty());
    // (A link that asks for one still filters, and shows it so that it can be unticked.)
    assert_eq!(c.listing(&state("language=en")).facets[4].1.len(), 1);
    assert_eq!(ids(&c, &state("language=en")), ["a", "b"]);
}

#[test]
fn tags_and_dates() {
    let c = collection();
    assert_eq!(ids(&c, &state("tag=metal")), ["a", "c"]);
    assert_eq!(ids(&c, &state("tag=asia&tag=metal&q=nickel")), ["c"]);
    // The date as written (2018-11-30 in +08:00), inclusive at both ends; undated articles drop out.
    assert_eq!(ids(&c, &state("from=2018-11-30")), ["a", "b"]);
    assert_eq!(ids(&c, &state("to=2018-11-30")), ["a", "c"]);
    assert_eq!(ids(&c, &state("from=2018-01-01&to=2018-12-31")), ["a"]);
}

#[test]
fn toggled_and_cleared() {
    let s = state("q=x&category=A&page=3&sort=views");
    let t = s.toggled(Facet::Category, "B");
    assert_eq!(t.selected(Facet::Category), ["A", "B"]);
    assert_eq!(t.page, None);
    assert_eq!(t.toggled(Facet::Category, "A").selected(Facet::Category), ["B"]);
    assert_eq!(s.cleared().to_query(), "sort=views");
    let s = state("q=x&script=hans&page=2");
    assert_eq!(s.script.map(|c| c.key()), Some("hans"));
    assert_eq!(s.cleared().to_query(), "script=hans");
    assert_eq!(state("script=klingon").script, None);
    assert!(s.is_filtered() && !s.cleared().is_filtered());
}

#[test]
fn a_list_of_one_value_is_known_as_such() {
    assert_eq!(state("category=A").only_value(), Some((Facet::Category, "A")));
    assert_eq!(state("author=Ann+Lee&page=2&sort=views&script=hans").only_value(), Some((Facet::Author, "Ann Lee")));
    assert_eq!(state("tag=x").only_value(), Some((Facet::Tag, "x")));
    for query in [
        "",
        "page=2",
        "category=A&category=B",
        "category=A&source=S",
        "category=A&q=x",
        "category=A&from=2024-01-01",
        "category=A&unread=1",
        "category=A&saved=1",
        "q=x",
    ] {
        assert_eq!(state(query).only_value(), None, "{query}");
    }
}

#[test]
fn conversion_is_offered_only_for_sets_with_chinese_text() {
    let offers = |articles: serde_json::Value| {
        let json = serde_json::json!({ "version": 1, "articles": articles });
        Collection::new(load_article_set(&json.to_string()).unwrap()).offers_conversion()
    };
    assert!(collection().offers_conversion(), "Han in titles");
    assert!(!offers(serde_json::json!([
        { "id": "a", "title": "Copper prices", "kicker": "Markets", "body": ["Nothing Chinese here."] },
        { "id": "b", "title": "Café au lait", "lang": "fr", "body": ["Ελλάδα"] }
    ])));
    assert!(
        offers(serde_json::json!([{ "id": "a", "title": "Copper", "lang": "zh-Hant", "body": ["x"] }])),
        "lang tag"
    );
    assert!(offers(serde_json::json!([{ "id": "a", "title": "Copper", "lang": "ZH", "body": ["x"] }])), "any case");
    assert!(offers(serde_json::json!([{ "id": "a", "title": "Copper", "summary": "銅價", "body": ["x"] }])), "summary");
    assert!(
        offers(serde_json::json!([{ "id": "a", "title": "Copper", "kicker": "𠀋 ext. B", "body": ["x"] }])),
        "ext. B"
    );
    // Japanese kana alone are not Han; a body is not read (documented: titles decide).
    assert!(!offers(serde_json::json!([{ "id": "a", "title": "ひらがな", "body": ["銅價"] }])));
}

/// An article for the model test: its searched text from a few characters (Traditional and Simplified, Latin in
/// both cases), so that terms hit titles and bodies often; few dates and view counts, so that ties are common.
fn model_article() -> impl Strategy<Value = serde_json::Value> {
    let text = "[企業业人月ab A]{1,8}";
    (
        text,
        proptest::option::of(text),
        text,
        proptest::option::of(0usize..3),
        proptest::collection::vec(0usize..3, 0..3),
        proptest::option::of(0usize..4),
        proptest::option::of(0u64..3),
    )
        .prop_map(|(title, kicker, body, category, authors, day, views)| {
            let mut a = serde_json::json!({ "title": title, "body": [body] });
            if let Some(k) = kicker {
                a["kicker"] = k.into();
            }
            if let Some(c) = category {
                a["category"] = ["重點", "重点", "Other"][c].into();
            }
            a["authors"] = authors.into_iter().map(|x| ["張", "Li", "li"][x]).collect::<Vec<_>>().into();
            if let Some(d) = day {
                a["published"] = ["2019-01-01", "2019-01-02", "2018-12-31T23:00:00+08:00", "2019-01-02"][d].into();
            }
            if let Some(v) = views {
                a["views"] = v.into();
            }
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// The list against a model written from the documentation: matching articles (the index's folded text
    /// holds each term), every filter, facet counts with the other facets' filters, and each order (relevance:
    /// the title that is the query, then terms in the title fields, then the terms as one phrase, then terms anywhere,
    /// then newer; unknown dates and views last; ties in the set's order).
    #[test]
    fn listing_matches_a_model(
        articles in proptest::collection::vec(model_article(), 1..70),
        q in "[企業业人月a ]{0,4}",
        sort in proptest::option::of(0usize..5),
        category in proptest::option::of(0usize..3),
        author in proptest::option::of(0usize..3),
    ) {
        use article_viewer::domain::fold::fold;
        use article_viewer::domain::search::Query;
        let articles: Vec<_> = articles.into_iter().enumerate().map(|(i, mut a)| { a["id"] = format!("a{i}").into(); a }).collect();
        let json = serde_json::json!({ "version": 1, "articles": articles });
        let c = Collection::new(load_article_set(&json.to_string()).unwrap());
        let mut state = ListState { q: q.clone(), sort: sort.map(|s| Sort::ALL[s]), ..ListState::default() };
        state.selected[0] = category.map(|x| ["重点", "Other", "nothing"][x].to_owned()).into_iter().collect();
        state.selected[2] = author.map(|x| ["LI", "張", "nobody"][x].to_owned()).into_iter().collect();
        let l = c.listing(&state);

        let terms = Query::parse(&q).include;
        let arts = c.articles();
        let matches = |i: usize| terms.iter().all(|t| c.index().folded_text(i).contains(t.as_str()));
        let value_ok = |sel: &[String], values: Vec<&str>| sel.is_empty() || values.iter().any(|v| sel.iter().any(|s| fold(s) == fold(v)));
        let cat_ok = |i: usize| value_ok(&state.selected[0], arts[i].category.as_deref().into_iter().collect());
        let author_ok = |i: usize| value_ok(&state.selected[2], arts[i].authors.iter().map(String::as_str).collect());
        let mut want: Vec<usize> = (0..arts.len()).filter(|&i| matches(i) && cat_ok(i) && author_ok(i)).collect();
        // Terms that begin a word (a spaced-script term after no letter or digit of a spaced script; any other
        // term anywhere) in the title fields, and anywhere.
        let word_terms = |i: usize, titles_only: bool| {
            let a = &arts[i];
            let titles = [Some(a.title.as_str()), a.kicker.as_deref(), a.subtitle.as_deref()].into_iter().flatten();
            let rest = c.index().folded_text(i).split('\n').map(str::to_owned);
            let fields: Vec<String> = if titles_only { titles.map(fold).collect() } else { rest.collect() };
            terms.iter().filter(|t| fields.iter().any(|x| begins_word(x, t))).count() as i64
        };
        let title_terms = |i: usize| word_terms(i, true);
        // The title is the query: its terms one space apart are the folded title, punctuation and spaces at the
        // ends aside.
        let core = |s: &str| s.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
        // (The query as one phrase: `Query::whole`, tested on its own.)
        let parsed = Query::parse(&q);
        let whole = core(&parsed.whole);
        let title_is_query = |i: usize| !whole.is_empty() && core(&fold(arts[i].title.as_str())) == whole;
        // Two or more terms as that phrase in one field.
        let phrase = |i: usize| parsed.joined && c.index().folded_text(i).split('\n').any(|f| f.contains(&parsed.whole));
        let seconds = |i: usize| arts[i].published.as_ref().map(|p| p.unix_seconds());
        let views = |i: usize| arts[i].views.map(|v| v.get() as i64);
        let last = |v: Option<i64>| v.map_or((1, 0), |v| (0, v));
        match l.sort {
            Sort::Collection => {}
            Sort::Relevance => want.sort_by_key(|&i| (!title_is_query(i), -title_terms(i), !phrase(i), -word_terms(i, false), last(seconds(i).map(|t| -t)))),
            Sort::Newest => want.sort_by_key(|&i| last(seconds(i).map(|t| -t))),
            Sort::Oldest => want.sort_by_key(|&i| last(seconds(i))),
            Sort::Views => want.sort_by_key(|&i| last(views(i).map(|v| -v))),
        }
        prop_assert_eq!(l.sort, state.sort());
        prop_assert_eq!(&l.results, &want);

        // Each shown value's count: the articles it would give with the other facet's filter applied.
        for (f, other_ok) in [(0, &author_ok as &dyn Fn(usize) -> bool), (2, &cat_ok)] {
            for v in &l.facets[f].1 {
                let has = |i: usize| match f {
                    0 => arts[i].category.as_deref().is_some_and(|x| fold(x) == fold(&v.label)),
                    _ => arts[i].authors.iter().any(|x| fold(x) == fold(&v.label)),
                };
                let n = (0..arts.len()).filter(|&i| matches(i) && other_ok(i) && has(i)).count();
                prop_assert_eq!(v.count, n, "facet {} value {}", f, &v.label);
            }
        }
    }
}

#[test]
fn all_of_a_facet_narrowed_by_a_folded_filter_and_capped() {
    use article_viewer::domain::listing::{shown_facet_values, FacetValue};
    let v = |label: &str, selected: bool| FacetValue { label: label.to_owned(), count: 1, selected };
    let values = [v("重點新聞", false), v("Li Wei", false), v("Lisa", true), v("王", false), v("Ｌｉｎ", false)];
    assert_eq!(shown_facet_values(&values[..2], "nothing", 10).0.len(), 0, "none selected, none matching");
    let labels = |filter: &str, limit: usize| {
        let (shown, hidden) = shown_facet_values(&values, filter, limit);
        (shown.iter().map(|v| v.label.as_str()).collect::<Vec<_>>(), hidden)
    };
    assert_eq!(labels("", 10), (vec!["重點新聞", "Li Wei", "Lisa", "王", "Ｌｉｎ"], 0));
    assert_eq!(labels(" LI ", 10), (vec!["Li Wei", "Lisa", "Ｌｉｎ"], 0), "case, width and spaces folded");
    assert_eq!(labels("重点", 10), (vec!["重點新聞", "Lisa"], 0), "Simplified finds Traditional");
    assert_eq!(labels("nothing", 10), (vec!["Lisa"], 0), "a selected value whatever the filter");
    assert_eq!(labels("王", 10), (vec!["Lisa", "王"], 0));
    // At most `limit`, but a selected value is always shown; the rest are counted.
    assert_eq!(labels("", 1), (vec!["重點新聞", "Lisa"], 3));
    assert_eq!(labels("li", 0), (vec!["Lisa"], 2));
}

#[test]
fn unread_only_leaves_out_what_was_read_to_its_end_and_counts_what_it_would_leave() {
    use article_viewer::domain::reading::ReadingLog;
    let c = collection();
    // a read to its end; b opened and left in its middle (not read); c and d never opened.
    let log = ReadingLog::parse("a:1000! b:400");
    let read = Marks::read(log.read_mask(c.articles()));
    assert_eq!(read.read, [true, false, false, false]);
    let ids_read = |q: &str| {
        c.listing_marked(&state(q), &read).results.iter().map(|&i| c.articles()[i].id.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(ids_read(""), ["a", "b", "c", "d"]);
    assert_eq!(ids_read("unread=1"), ["b", "c", "d"]);
    // With the other filters: the query's list less what was read; the count is what ticking it would leave.
    assert_eq!(ids_read("q=企業&unread=1"), ["b", "d"]);
    assert_eq!(c.listing_marked(&state("q=企業"), &read).unread, 2);
    assert_eq!(c.listing_marked(&state("q=企業&unread=1"), &read).unread, 2);
    assert_eq!(c.listing_marked(&state("source=Reuters"), &read).unread, 2);
    // Facet counts follow it: a (湖南) is gone, so is its source's count.
    let sources = |q: &str| {
        let l = c.listing_marked(&state(q), &read);
        l.facets
            .into_iter()
            .find(|(f, _)| *f == Facet::Source)
            .unwrap()
            .1
            .into_iter()
            .map(|v| (v.label, v.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(sources(""), [("Reuters".to_owned(), 2), ("湖南".to_owned(), 1)]);
    assert_eq!(sources("unread=1"), [("Reuters".to_owned(), 2)]);
    // Nothing read: every article is unread (and an empty log's mask is empty: nothing to look up).
    assert!(ReadingLog::default().read_mask(c.articles()).is_empty());
    // What the viewer keeps a mask by: the finished articles, however recently each was read; not the others.
    let key = |text: &str| ReadingLog::parse(text).finished_key();
    assert_eq!(key("a:1000! b:400 c:1000!"), key("c:1000! b:700 a:1000!"));
    assert_eq!(key("a:1000! b:400").0, 1);
    assert_ne!(key("a:1000! b:400"), key("b:1000! a:400"));
    assert_ne!(key("a:1000!"), key("a:1000! b:1000!"));
    assert_eq!(key(""), (0, 0));
    assert_eq!(c.listing(&state("unread=1")).results.len(), 4);
    assert_eq!(c.listing(&state("")).unread, 4);
    // In the URL, a filter like the others: cleared with them.
    let s = state("unread=1&sort=views");
    assert!(s.unread && s.is_filtered());
    assert_eq!(s.to_query(), "unread=1&sort=views");
    assert_eq!(s.cleared().to_query(), "sort=views");
    assert!(!state("unread=yes").unread);
}

#[test]
fn saved_only_leaves_the_saved_with_the_other_filters_and_counts_what_it_would_leave() {
    use article_viewer::domain::reading::{ReadingLog, SavedList};
    let c = collection();
    // b and d saved (d first); a read to its end.
    let mut saved = SavedList::default();
    saved.set("b", true);
    saved.set("d", true);
    let marks = Marks { read: ReadingLog::parse("a:1000!").read_mask(c.articles()), saved: saved.mask(c.articles()) };
    assert_eq!(marks.saved, [false, true, false, true]);
    let ids = |q: &str| {
        c.listing_marked(&state(q), &marks).results.iter().map(|&i| c.articles()[i].id.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(ids("saved=1"), ["b", "d"]);
    assert_eq!(ids("q=企業&saved=1"), ["b", "d"]);
    assert_eq!(ids("source=Reuters&saved=1"), ["b"]);
    assert_eq!(ids("saved=1&unread=1"), ["b", "d"]);
    assert_eq!((c.listing_marked(&state(""), &marks).saved, c.listing_marked(&state("q=企業"), &marks).saved), (2, 2));
    // Nothing saved: "saved only" leaves nothing.
    assert!(SavedList::default().mask(c.articles()).is_empty());
    assert!(c.listing(&state("saved=1")).results.is_empty());
    // In the URL, a filter like the others: cleared with them.
    let s = state("saved=1&sort=views");
    assert!(s.saved && s.is_filtered());
    assert_eq!(s.to_query(), "saved=1&sort=views");
    assert_eq!(s.cleared().to_query(), "sort=views");
}
