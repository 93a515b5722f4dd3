//! The standalone page: mounts the viewer in `<div id="av-root">` at the end of `<body>`.

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
fn main() {
    let flag = |name: &str| web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &name.into()).unwrap_or(false));
    // embed.js loads this same wasm for `<article-viewer>` widgets, which it mounts itself (`mount_widget`).
    if flag("__articleViewerEmbed") {
        return;
    }
    #[cfg(feature = "bench-api")]
    if flag("__avBench") {
        return; // the search benchmark drives the core through `bench_api` and shows no viewer
    }
    article_viewer::ui::panic::install_hook();
    use article_viewer::ui::app::{App, AppProps};
    use article_viewer::ui::data::ARTICLES_URL;
    // Mounted beside the page's prerendered list (if `cargo xtask dist` put one there), not on <body>: yew
    // empties the element it mounts on, and the prerendered list stays until the app has its set.
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    root.set_id("av-root");
    document.body().expect("a body").append_child(&root).expect("the app's root in the body");
    yew::Renderer::<App>::with_root_and_props(root, AppProps::standalone(ARTICLES_URL)).render();
}

#[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
fn main() {
    eprintln!("article-viewer runs in the browser: use `cargo xtask serve` (or `trunk serve`).");
    std::process::exit(2);
}
