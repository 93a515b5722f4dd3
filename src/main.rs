//! The standalone page: mounts the viewer on `<body>`.

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
    yew::Renderer::<App>::with_props(AppProps::standalone(ARTICLES_URL)).render();
}

#[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
fn main() {
    eprintln!("article-viewer runs in the browser: use `cargo xtask serve` (or `trunk serve`).");
    std::process::exit(2);
}
