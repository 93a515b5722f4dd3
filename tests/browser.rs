//! Components rendered into a real DOM in headless Chromium (wasm-bindgen-test).
//! Run by `cargo xtask test`; by hand: `cargo test --target wasm32-unknown-unknown --test browser`
//! with `wasm-bindgen-test-runner` as the wasm32 runner and chromedriver on PATH.
#![cfg(target_arch = "wasm32")]

use article_viewer::domain::load_article_set;
use article_viewer::ui::app::{App, AppProps};
use article_viewer::ui::components::error_panel::error_panel;
use article_viewer::ui::pages::article::{ArticleView, ArticleViewProps};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;
use yew_router::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_SET: &str = include_str!("../static/articles.json");

fn mount_point() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Waits until `cond` holds, yielding to the browser between checks; fails after 5 s.
async fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..500 {
        if cond() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for {what}");
}

fn text(el: &web_sys::Element, selector: &str) -> String {
    el.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

#[function_component(RoutedArticle)]
fn routed_article(props: &ArticleViewProps) -> Html {
    html! { <HashRouter><ArticleView article={props.article.clone()} collection={props.collection.clone()} terms={props.terms.clone()} /></HashRouter> }
}

#[wasm_bindgen_test]
async fn article_view_shows_every_field_of_the_seed_in_order() {
    let set = load_article_set(SEED_SET).unwrap();
    let article = set.articles[0].clone();
    let root = mount_point();
    yew::Renderer::<RoutedArticle>::with_root_and_props(
        root.clone(),
        ArticleViewProps {
            article: Rc::new(article),
            collection: "中國有色網".into(),
            terms: Default::default(),
            list_query: None,
            narrowed: false,
        },
    )
    .render();
    wait_for("the article title", || text(&root, "h1") == "湖南省有色系統共同維穩工作第十五次會議召開").await;
    assert_eq!(text(&root, ".kicker"), "全面推動關閉破產企業社區");
    assert!(text(&root, ".meta-authors").contains("張燎原"));
    assert_eq!(text(&root, ".meta-views"), "12,269 views");
    assert_eq!(text(&root, ".meta-date time"), "Nov 30, 2018, 11:21");
    assert!(text(&root, ".editor").contains("定律"));
    assert!(text(&root, ".notice").contains("中國有色網聲明"));
    let paragraphs = root.query_selector_all(".article-body p").unwrap();
    assert_eq!(paragraphs.length(), 8);
    let first = paragraphs.item(0).unwrap().text_content().unwrap();
    assert!(first.starts_with("11月27日"), "{first}");
    assert_eq!(root.query_selector("article").unwrap().unwrap().get_attribute("lang").as_deref(), Some("zh-Hant"));
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(document.title(), "湖南省有色系統共同維穩工作第十五次會議召開 · 中國有色網");
    // Text stays text: nothing in the body became markup.
    assert_eq!(root.query_selector_all(".article-body *").unwrap().length(), 8);
}

/// An article view that a button switches to another article with the same id (as when a widget's `src` changes
/// to another set while an article is open).
#[function_component(SwappedArticle)]
fn swapped_article() -> Html {
    let set = r#"{"version":1,"articles":[{"id":"x","title":"First load"},{"id":"y","title":"Other"}]}"#;
    let again = r#"{"version":1,"articles":[{"id":"x","title":"Second load"}]}"#;
    let first = use_memo((), |_| Rc::new(load_article_set(set).unwrap().articles[0].clone()));
    let second = use_memo((), |_| Rc::new(load_article_set(again).unwrap().articles[0].clone()));
    let swapped = use_state(|| false);
    let article = if *swapped { (*second).clone() } else { (*first).clone() };
    let onclick = Callback::from(move |_| swapped.set(true));
    html! {
        <HashRouter>
            <button id="swap" {onclick}>{ "swap" }</button>
            <ArticleView {article} collection="c" />
        </HashRouter>
    }
}

#[wasm_bindgen_test]
async fn the_article_view_shows_a_new_article_with_the_same_id() {
    let root = mount_point();
    yew::Renderer::<SwappedArticle>::with_root(root.clone()).render();
    wait_for("the first article", || text(&root, "h1") == "First load").await;
    let button: web_sys::HtmlElement = root.query_selector("#swap").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    wait_for("the second article", || text(&root, "h1") == "Second load").await;
}

#[wasm_bindgen_test]
async fn markup_in_data_is_shown_as_text_not_run() {
    let hostile = r#"{"version":1,"articles":[{"id":"x","title":"<img src=x onerror=\"window.__xss=1\">",
        "body":["<script>window.__xss=1</script>", {"type":"quote","text":"<b>bold</b>"}]}]}"#;
    let set = load_article_set(hostile).unwrap();
    let root = mount_point();
    yew::Renderer::<RoutedArticle>::with_root_and_props(
        root.clone(),
        ArticleViewProps {
            article: Rc::new(set.articles[0].clone()),
            collection: "c".into(),
            terms: Default::default(),
            list_query: None,
            narrowed: false,
        },
    )
    .render();
    wait_for("the title", || text(&root, "h1").contains("onerror")).await;
    assert!(root.query_selector("img, script, b").unwrap().is_none());
    assert_eq!(text(&root, ".article-body p"), "<script>window.__xss=1</script>");
    let flag = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__xss".into()).unwrap();
    assert!(flag.is_undefined());
}

/// The set's bytes are checked as UTF-8 with wasm SIMD here (simdutf8), natively without: the same answers.
#[wasm_bindgen_test]
fn set_bytes_are_checked_as_utf8_in_wasm_too() {
    use article_viewer::domain::{load_article_set_bytes, SetError};
    let mut bytes = SEED_SET.as_bytes().to_vec();
    assert_eq!(
        load_article_set_bytes(&bytes).unwrap().articles.len(),
        load_article_set(SEED_SET).unwrap().articles.len()
    );
    // A lone continuation byte far into the text (past many 64-byte blocks), inside a string.
    let at = SEED_SET.find("。").unwrap() + 2000;
    let at = (at..).find(|&i| SEED_SET.is_char_boundary(i)).unwrap();
    bytes.insert(at, 0x80);
    assert_eq!(load_article_set_bytes(&bytes).err(), Some(SetError::NotUtf8(at)));
    // A character cut short at the very end.
    let cut = [SEED_SET.as_bytes(), &"企".as_bytes()[..2]].concat();
    assert_eq!(load_article_set_bytes(&cut).err(), Some(SetError::NotUtf8(SEED_SET.len())));
}

#[wasm_bindgen_test]
async fn error_panel_is_an_alert_and_its_button_retries() {
    let clicks = Rc::new(Cell::new(0));
    let counter = clicks.clone();
    let root = mount_point();
    #[derive(Properties, PartialEq)]
    struct Props {
        on_retry: Callback<()>,
    }
    #[function_component]
    fn Panel(props: &Props) -> Html {
        error_panel(&article_viewer::ui::strings::EN, "Could not load", "HTTP 500".into(), &props.on_retry)
    }
    let on_retry = Callback::from(move |_| counter.set(counter.get() + 1));
    yew::Renderer::<Panel>::with_root_and_props(root.clone(), Props { on_retry }).render();
    wait_for("the panel", || root.query_selector("[role=alert]").unwrap().is_some()).await;
    assert_eq!(text(&root, ".error-detail"), "HTTP 500");
    let button: web_sys::HtmlElement = root.query_selector("button").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    wait_for("the retry callback", || clicks.get() == 1).await;
}

#[wasm_bindgen_test]
async fn app_reports_a_missing_article_set_with_its_http_status() {
    let root = mount_point();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::standalone("no-such-articles.json")).render();
    wait_for("the error panel", || root.query_selector("[role=alert]").unwrap().is_some()).await;
    let detail = text(&root, ".error-detail");
    assert!(detail.contains("HTTP 404") && detail.contains("no-such-articles.json"), "{detail}");
    assert!(root.query_selector("button.retry").unwrap().is_some());
}

#[wasm_bindgen_test]
fn a_crash_is_shown_in_the_widgets_not_in_the_host_page_and_on_the_body_of_the_standalone_page() {
    use article_viewer::ui::mount::{register_widget_root, unregister_widget_root};
    use article_viewer::ui::panic::show_panel;
    let document = web_sys::window().unwrap().document().unwrap();
    let body = document.body().unwrap();
    let crash_panels = || body.query_selector_all(":scope > .crash").unwrap().length();
    // As widgets: the panel goes right above each widget's root.
    let (a, b) = (mount_point(), mount_point());
    let (root_a, root_b) = (document.create_element("div").unwrap(), document.create_element("div").unwrap());
    a.append_child(&root_a).unwrap();
    b.append_child(&root_b).unwrap();
    register_widget_root(&root_a);
    register_widget_root(&root_b);
    // The host page hears it from each widget (`article-viewer:error`, what the panel says).
    let heard = Rc::new(std::cell::RefCell::new(Vec::new()));
    let listener = {
        let heard = heard.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let field = |k: &str| js_sys::Reflect::get(&e.detail(), &k.into()).unwrap();
            let from = e.current_target().unwrap().unchecked_into::<web_sys::Element>();
            heard.borrow_mut().push((from, field("message").as_string(), field("crashed").as_bool()));
        })
    };
    for container in [&a, &b] {
        container.add_event_listener_with_callback("article-viewer:error", listener.as_ref().unchecked_ref()).unwrap();
    }
    show_panel("boom in a widget");
    for container in [&a, &b] {
        let first = container.first_element_child().unwrap();
        assert_eq!(first.get_attribute("role").as_deref(), Some("alert"));
        assert!(first.text_content().unwrap().contains("boom in a widget"));
        let from_it: Vec<_> = heard.borrow().iter().filter(|h| &h.0 == container).map(|h| (h.1.clone(), h.2)).collect();
        assert_eq!(from_it, [(Some("boom in a widget".to_owned()), Some(true))]);
    }
    assert_eq!(crash_panels(), 0, "nothing is added to the host page's body");
    unregister_widget_root(&root_a);
    unregister_widget_root(&root_b);
    // Standalone: at the top of the body.
    show_panel("boom on the page");
    assert_eq!(crash_panels(), 1);
    let panel = body.first_element_child().unwrap();
    assert!(panel.text_content().unwrap().contains("boom on the page"));
    panel.remove();
}
