//! The standalone page: mounts the viewer on `<body>`.

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
fn main() {
    article_viewer::ui::panic::install_hook();
    use article_viewer::ui::app::{App, AppProps};
    use article_viewer::ui::data::ARTICLES_URL;
    yew::Renderer::<App>::with_props(AppProps { src: ARTICLES_URL.into() }).render();
}

#[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
fn main() {
    eprintln!("article-viewer runs in the browser: use `cargo xtask serve` (or `trunk serve`).");
    std::process::exit(2);
}
