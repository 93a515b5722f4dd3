//! article-viewer: a Yew + WebAssembly viewer for JSON article sets.
//!
//! - [`domain`]: the pure core (model, loading and validation). No UI imports; tested natively.
//! - `ui`: the Yew components, pages and routing (feature `ui`, on by default).

pub mod domain;

#[cfg(feature = "ui")]
pub mod ui;

#[cfg(all(feature = "bench-api", target_arch = "wasm32"))]
pub mod bench_api;
