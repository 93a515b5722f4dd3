//! The floor under the first-load goal: `bench/yew-floor`, the least an app on the viewer's stack can be that
//! loads an article set and shows its list and an article, built as the viewer is — a release build for wasm32
//! (the workspace's profile: LTO, `opt-level = "z"`), wasm-bindgen's glue for the web, `wasm-opt -Oz`, terser —
//! and measured in the same run as the viewer, so that the viewer's first load can be read against it.

use crate::setup::Env;
use crate::sizes::{compressed, Sizes};
use crate::{run, WASM_OPT_OZ};
use anyhow::{Context, Result};

/// Builds the floor app and returns what a first visit to it loads: its wasm and its js (raw, gzip, brotli).
pub fn measure(env: &Env) -> Result<Sizes> {
    // A target directory of its own: its dependencies' features differ from the viewer's, and sharing one would
    // rebuild each for the other.
    let target = env.root.join("target/yew-floor");
    run(
        env.cmd("cargo")
            .args(["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "--package", "yew-floor"])
            .arg("--target-dir")
            .arg(&target),
        "building bench/yew-floor",
    )?;
    let out = target.join("web");
    let _ = std::fs::remove_dir_all(&out);
    run(
        env.cmd("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&out)
            .arg(target.join("wasm32-unknown-unknown/release/yew-floor.wasm")),
        "wasm-bindgen on bench/yew-floor",
    )?;
    let mut wasm = out.join("yew-floor_bg.wasm");
    if env.wasm_opt {
        let optimised = out.join("yew-floor_opt.wasm");
        run(env.cmd("wasm-opt").args(WASM_OPT_OZ).arg(&wasm).arg("-o").arg(&optimised), "wasm-opt on bench/yew-floor")?;
        wasm = optimised;
    }
    let js = std::fs::read_to_string(out.join("yew-floor.js")).context("reading bench/yew-floor's js")?;
    let js = crate::publish::terser(&js, true, 2020)?;
    let mut total = (0, 0, 0);
    for bytes in [std::fs::read(&wasm).context("reading bench/yew-floor's wasm")?, js.into_bytes()] {
        let (gz, br) = compressed(&bytes)?;
        total = (total.0 + bytes.len(), total.1 + gz, total.2 + br);
    }
    Ok(total)
}

/// Prints the floor's first load and the viewer's (`viewer`: the standalone page's and the widget's) against it,
/// and what the goal of 120 KB brotli leaves above the floor.
pub fn report(env: &Env, viewer: [Sizes; 2]) -> Result<()> {
    const GOAL: usize = 120 * 1024;
    let floor = measure(env)?;
    println!("{:<48} {:>10} {:>10} {:>10}", "first load, minimal Yew app (bench/yew-floor)", floor.0, floor.1, floor.2);
    for (label, v) in ["standalone page", "widget"].iter().zip(viewer) {
        println!(
            "first load, {label} / minimal Yew app: {:.2}× brotli ({} − {} = {} B above it)",
            v.2 as f64 / floor.2 as f64,
            v.2,
            floor.2,
            v.2 as i64 - floor.2 as i64
        );
    }
    println!(
        "the goal (≤ {GOAL} B brotli) leaves {} B above the minimal app for the rest of the viewer",
        GOAL as i64 - floor.2 as i64
    );
    Ok(())
}
