//! The list's first page as static HTML, rendered natively by the same components (yew's `ssr`), for
//! `cargo xtask dist` to put into `index.html`: the page shows the articles before the wasm has loaded (and
//! without JavaScript); the app replaces it with its own, identical, markup once its set is loaded.
//! Native only (feature `prerender`); never part of the wasm.

use super::app::Frame;
use super::pages::list::ListPage;
use super::script::Converters;
use super::state::{Prefs, PrefsHandle, Theme};
use super::Catalog;
use crate::domain::convert::ScriptChoice;
use crate::domain::format::{tag_is, UiLang};
use crate::domain::listing::Collection;
use crate::domain::LoadedSet;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::Router;

#[derive(Properties, PartialEq)]
struct Props {
    catalog: Catalog,
    lang: UiLang,
}

#[function_component(Prerendered)]
fn prerendered(props: &Props) -> Html {
    let lang = props.lang;
    let prefs = use_reducer(move || Prefs {
        lang,
        theme: Theme::Auto,
        text: Default::default(),
        script: ScriptChoice::default(),
        converters: Converters::default(),
        forgotten: 0,
        read_elsewhere: 0,
    });
    let history = use_memo((), |_| AnyHistory::from(MemoryHistory::with_entries(["/"])));
    html! {
        <ContextProvider<PrefsHandle> context={prefs}>
            <Router history={(*history).clone()}>
                <Frame embedded={false} script_toggle={props.catalog.collection().offers_conversion()}>
                    <ContextProvider<Catalog> context={props.catalog.clone()}>
                        <ListPage />
                    </ContextProvider<Catalog>>
                </Frame>
            </Router>
        </ContextProvider<PrefsHandle>>
    }
}

/// The interface language most of the set's articles are written in (their `lang`: Chinese or English); English
/// when none says.
pub fn language_of(set: &LoadedSet) -> UiLang {
    let mut counts = [0usize; UiLang::ALL.len()];
    for lang in set.articles.iter().filter_map(|a| a.lang.as_deref()) {
        if tag_is(lang, "zh") || tag_is(lang, "en") {
            let l = UiLang::pick(&[lang.to_owned()]);
            counts[UiLang::ALL.iter().position(|x| *x == l).unwrap_or(0)] += 1;
        }
    }
    // The most articles; on a tie, English, then the earlier in UiLang::ALL.
    let en = UiLang::ALL.iter().position(|x| *x == UiLang::En).unwrap_or(0);
    let best = (0..counts.len()).max_by_key(|&i| (counts[i], i == en, std::cmp::Reverse(i))).unwrap_or(en);
    UiLang::ALL[best]
}

/// The list page (first page, no query, the set's order) of `set` as HTML, in the interface language `lang`.
pub fn list_page_html(set: LoadedSet, lang: UiLang) -> String {
    let catalog = Catalog(Rc::new(Collection::new(set)));
    let renderer = yew::LocalServerRenderer::<Prerendered>::with_props(Props { catalog, lang }).hydratable(false);
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a current-thread runtime");
    let local = tokio::task::LocalSet::new();
    let html = local.block_on(&runtime, renderer.render());
    // The app routes in the URL hash (HashRouter); the server renderer's router has no browser history, so its
    // links are paths: make them the hash links the app's own would be.
    html.replace(" href=\"/", " href=\"#/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load_article_set;

    fn set(langs: &[Option<&str>]) -> LoadedSet {
        let articles: Vec<String> = langs
            .iter()
            .enumerate()
            .map(|(i, l)| match l {
                Some(l) => format!(r#"{{"id":"a{i}","title":"T{i}","lang":"{l}"}}"#),
                None => format!(r#"{{"id":"a{i}","title":"T{i}"}}"#),
            })
            .collect();
        load_article_set(&format!(r#"{{"version":1,"articles":[{}]}}"#, articles.join(","))).unwrap()
    }

    #[test]
    fn the_prerender_speaks_the_articles_language() {
        assert_eq!(language_of(&set(&[])), UiLang::En);
        assert_eq!(language_of(&set(&[None, Some("fr")])), UiLang::En);
        assert_eq!(language_of(&set(&[Some("zh-Hant"), None])), UiLang::ZhHant);
        assert_eq!(language_of(&set(&[Some("zh-CN"), Some("zh-TW"), Some("zh-Hans")])), UiLang::ZhHans);
        assert_eq!(language_of(&set(&[Some("zh-TW"), Some("en")])), UiLang::En);
    }

    #[test]
    fn the_first_page_is_rendered_as_the_app_renders_it() {
        let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/articles.json")).unwrap();
        let html = list_page_html(load_article_set(&json).unwrap(), UiLang::ZhHant);
        assert!(html.starts_with("<div ") && html.contains(" class=\"app\""), "{}", &html[..200.min(html.len())]);
        assert!(html.contains("<a href=\"#/\" class=\"site-name\">文章閱讀器</a>"), "hash links, zh-Hant strings");
        assert!(html.contains("湖南省有色系統共同維穩工作第十五次會議召開"), "the seed's title");
        assert!(html.contains("class=\"card\""), "a card");
        // Chinese labels take a full-width colon, as the imported text's punctuation does; the values link to the
        // list of the articles that have them (in the article's language, the labels in the interface's).
        assert!(html.contains("<ul lang=\"zh-Hant\" class=\"meta\">"), "{html}");
        assert!(
            html.contains("來源：<a lang=\"zh-Hant\" href=\"#/?source=%E6%9C%89%E8%89%B2%E5%A0%B1\" class=\"facet-link\">有色報</a>"),
            "{html}"
        );
        assert!(
            html.contains("作者：<a lang=\"zh-Hant\" href=\"#/?author=%E5%BC%B5%E7%87%8E%E5%8E%9F\" class=\"facet-link\">張燎原</a>"),
            "{html}"
        );
        // Its reading time (a long article's).
        let minutes = load_article_set(&json).unwrap().articles[0].reading_minutes();
        assert!(
            minutes >= 2 && html.contains(&format!("<li class=\"meta-reading\">約 {minutes} 分鐘讀完</li>")),
            "{html}"
        );
        assert!(html.contains("href=\"#/article/000_7367aa27400e94e4\""), "hash links to the article");
        assert!(!html.contains("<!--"), "no hydration markers");
    }
}
