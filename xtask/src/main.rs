//! `cargo xtask <command>`: set-up, serve, dist, test and the other project chores, in one binary.

mod feed;
mod fetch;
mod floor;
mod import;
mod publish;
mod setup;
mod sizes;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use setup::{ensure, step, Env, Needs};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Build, serve and test article-viewer")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Install whatever is missing (wasm target, trunk, wasm-bindgen, npm packages, Chromium).
    Setup,
    /// Build the viewer and serve it at http://127.0.0.1:8080/ (Ctrl-C stops it).
    Serve {
        /// Serve an optimised release build instead of a debug build.
        #[arg(long)]
        release: bool,
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// Write a release build to dist/, ready for any static host, and print its sizes.
    Dist {
        /// The address dist/ will be served at (https://example.org/news/): the pages then name their own
        /// (canonical, og:url) and dist/sitemap.xml lists every article's page for search engines.
        #[arg(long, value_name = "URL")]
        site_url: Option<String>,
    },
    /// Re-render the list's first page into DIR/index.html (default dist/), each article's page into
    /// DIR/articles/<id>.html and the feed DIR/feed.xml from DIR/articles.json: run it after replacing a built
    /// dist's articles.json, so that the page's first paint, the articles' pages and the feed show the new set.
    Prerender {
        dir: Option<PathBuf>,
        /// Only the list and the feed: no page for each article (and the list's links stay the viewer's).
        #[arg(long)]
        no_article_pages: bool,
        /// The address DIR will be served at (see `dist --site-url`); by default the one the page names already.
        #[arg(long, value_name = "URL")]
        site_url: Option<String>,
        /// No `.br`/`.gz` of the pages (~2.3 ms each on two cores: ~26 s for 10,000 articles) and the set (its
        /// old ones are removed); the page's own and the feed's are still made.
        #[arg(long)]
        no_compress: bool,
    },
    /// Run every test: formatting, lints, native, in-browser (wasm-bindgen-test) and end to end.
    Test,
    /// Benchmarks against a baseline measured in the same run: asset sizes, first list paint vs a static page,
    /// search vs FlexSearch and MiniSearch, 繁/简 conversion, the importer vs its parsers.
    /// `cargo xtask bench [size|paint|search|convert|import]` runs one part.
    Bench {
        #[arg(value_enum)]
        part: Option<BenchPart>,
        /// Search bench on the two small sets only (a quick check, not the reported figures).
        #[arg(long)]
        quick: bool,
    },
    /// Regenerate static/article-set.schema.json from the Rust types.
    Schema,
    /// Import scraped text, feeds, Markdown or article sets into an article set (see README).
    Import(import::ImportArgs),
    /// Build the 繁/简 modules (crate `convert/`) into DIR/opencc/{hant,hans}.wasm; trunk runs it after every
    /// build (Trunk.toml's hook, DIR = its staging directory).
    #[command(hide = true)]
    ConvertWasm { dir: Option<PathBuf> },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum BenchPart {
    /// Bytes of wasm + js + css a first visit loads.
    Size,
    /// First paint: the list vs a static page; a shared article, its own page vs the viewer's link.
    Paint,
    /// Search: query time, precision/recall, load + index, memory, vs FlexSearch and MiniSearch.
    Search,
    /// 繁/简 conversion: dictionaries, the seed article, repainting a 10,000-article list.
    Convert,
    /// The importer: each format vs the parser it is built on, and inputs four times as large vs themselves.
    Import,
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Cmd::Setup => ensure(Needs::Browser).map(|_| ()),
        Cmd::Serve { release, port } => serve(release, port),
        Cmd::Dist { site_url } => ensure(Needs::Build).and_then(|env| dist(&env, site_url.as_deref())),
        Cmd::Prerender { dir, no_article_pages, site_url, no_compress } => {
            prerender(dir, !no_article_pages, site_url.as_deref(), !no_compress)
        }
        Cmd::Test => test(),
        Cmd::Bench { part, quick } => bench(part, quick),
        Cmd::Schema => write_schema(),
        Cmd::Import(args) => import::run(&args),
        Cmd::ConvertWasm { dir } => convert_wasm(dir),
    };
    if let Err(e) = result {
        eprintln!("\x1b[31merror:\x1b[0m {e:#}");
        std::process::exit(1);
    }
}

fn run(c: &mut Command, what: &str) -> Result<()> {
    let status = c.status().with_context(|| format!("starting {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

/// The trunk entry page: index.html, or (when no wasm-opt works) a copy that skips wasm-opt.
fn trunk_target(env: &Env) -> Result<PathBuf> {
    let index = env.root.join("index.html");
    if env.wasm_opt {
        return Ok(index);
    }
    let html = std::fs::read_to_string(&index)?;
    let without = html.replace("data-wasm-opt=\"z\"", "data-wasm-opt=\"0\"");
    let copy = env.root.join(".index.no-wasm-opt.html");
    std::fs::write(&copy, without)?;
    Ok(copy)
}

fn serve(release: bool, port: u16) -> Result<()> {
    let env = ensure(Needs::Build)?;
    let target = trunk_target(&env)?;
    step(&format!(
        "building and serving at http://127.0.0.1:{port}/ ({} build; Ctrl-C stops)",
        if release { "release" } else { "debug" }
    ));
    let mut c = env.cmd("trunk");
    c.arg("serve").arg(&target).args(["--port", &port.to_string()]);
    if release {
        c.arg("--release");
    }
    run(&mut c, "trunk serve")
}

fn dist(env: &Env, site_url: Option<&str>) -> Result<()> {
    let site = site_url.map(publish::site_url).transpose()?;
    build_dist(env, &env.root.join("dist"), &[], site.as_deref())?;
    sizes::report(&env.root.join("dist")).map(|_| ())
}

/// A release build into `out` (`extra`: more trunk arguments, e.g. features; `site`: the address it will be served
/// at, if known).
fn build_dist(env: &Env, out: &Path, extra: &[&str], site: Option<&str>) -> Result<()> {
    let target = trunk_target(env)?;
    step(&format!("building the release viewer into {}", out.display()));
    let started = Instant::now();
    let mut c = env.cmd("trunk");
    c.args(["build", "--release", "--dist"]).arg(out).args(extra).arg(&target);
    run(&mut c, "trunk build --release")?;
    publish::finish(out, site)?;
    step(&format!("release build done in {:.1?}", started.elapsed()));
    Ok(())
}

/// `wasm-opt -Oz` with the WebAssembly features that Rust's wasm32 output may use.
pub const WASM_OPT_OZ: [&str; 8] = [
    "-Oz",
    "--enable-simd",
    "--enable-bulk-memory",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// What `cargo xtask convert-wasm` does: for each script, a release build of `article-viewer-convert` for wasm32
/// with that script's dictionaries compiled in, through `wasm-opt -Oz` when a working one is on PATH (else as
/// built), to `DIR/opencc/<script>.wasm`.
fn convert_wasm(dir: Option<PathBuf>) -> Result<()> {
    let dir = match dir.or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from)) {
        Some(d) => d.join("opencc"),
        None => bail!("say where: cargo xtask convert-wasm DIR (trunk's hook passes TRUNK_STAGING_DIR)"),
    };
    std::fs::create_dir_all(&dir)?;
    let root = setup::project_root();
    for script in ["hant", "hans"] {
        // Each module in a target directory of its own: built with the viewer's, the three feature sets of
        // `article-viewer-convert` (the viewer's, each script's) would rebuild one another, and the viewer after
        // them, at every build.
        let target = root.join(format!("target/opencc-{script}"));
        let built = target.join("wasm32-unknown-unknown/release/article_viewer_convert.wasm");
        let mut c = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        c.current_dir(&root).args(["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown"]);
        c.arg("--target-dir").arg(&target);
        c.args(["--package", "article-viewer-convert", "--lib", "--features"]).arg(format!("module,{script}"));
        run(&mut c, &format!("building the 繁/简 module {script}.wasm (convert/)"))?;
        let out = dir.join(format!("{script}.wasm"));
        let optimised = Command::new("wasm-opt")
            .args(WASM_OPT_OZ)
            .arg(&built)
            .arg("-o")
            .arg(&out)
            .status()
            .is_ok_and(|s| s.success());
        if !optimised {
            std::fs::copy(&built, &out).context("copying the 繁/简 module")?;
        }
    }
    Ok(())
}

fn prerender(dir: Option<PathBuf>, article_pages: bool, site_url: Option<&str>, compress: bool) -> Result<()> {
    let dir = dir.unwrap_or_else(|| setup::project_root().join("dist"));
    let started = Instant::now();
    let site = site_url.map(publish::site_url).transpose()?;
    let made = publish::prerender(&dir, article_pages, site.as_deref())?;
    publish::precompress_file(&dir.join("index.html"))?;
    publish::precompress_file(&dir.join("feed.xml"))?;
    let compressing = Instant::now();
    if compress {
        publish::precompress_pages(&dir)?;
    }
    let pages_compressed = compressing.elapsed().as_secs_f64();
    let compressing = Instant::now();
    if publish::recompress_set(&dir, compress)? {
        step(&format!(
            "compressed {} anew ({:.1} s)",
            dir.join("articles.json").display(),
            compressing.elapsed().as_secs_f64()
        ));
    }
    match made {
        Some(made) => step(&format!(
            "prerendered the list's first page into {0}/index.html ({1}), {2} article page{5} into {0}/articles/, \
             {6} more of the list's and {8} of its categories', sources', authors' and tags' into {0}/pages/ (with \
             each category's feed) and wrote {0}/feed.xml{3} ({4:.1} s{7})",
            dir.display(),
            made.lang,
            made.articles,
            made.site.map_or(String::new(), |s| format!(" and {}/sitemap.xml for {s}", dir.display())),
            started.elapsed().as_secs_f64(),
            if made.articles == 1 { "" } else { "s" },
            made.lists,
            if compress { format!("; their .br and .gz: {pages_compressed:.1} s") } else { String::new() },
            made.facets,
        )),
        None => step(&format!("{}/index.html has no prerendered list (see the warning)", dir.display())),
    }
    Ok(())
}

fn test() -> Result<()> {
    let started = Instant::now();
    let env = ensure(Needs::Browser)?;
    let scratch = env.root.join("target/test-tmp");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch)?;

    step("cargo fmt --check");
    run(env.cmd("cargo").args(["fmt", "--all", "--", "--check"]), "cargo fmt --check (run `cargo fmt --all`)")?;

    step("cargo clippy (native and wasm32, warnings are errors)");
    let wasm = ["--target", "wasm32-unknown-unknown"];
    for (what, args) in [
        ("cargo clippy", vec!["--workspace", "--lib", "--bins", "--test", "browser"]),
        (
            "cargo clippy (wasm32)",
            [&wasm[..], &["--package", "article-viewer", "--lib", "--bins", "--test", "browser"]].concat(),
        ),
        // The build without 繁/简 that `cargo xtask bench size` measures against, and the converter module.
        (
            "cargo clippy (wasm32, without the feature convert)",
            [
                &wasm[..],
                &["--package", "article-viewer", "--lib", "--bins", "--no-default-features", "--features", "ui"],
            ]
            .concat(),
        ),
        (
            "cargo clippy (wasm32, the 繁/简 module)",
            [&wasm[..], &["--package", "article-viewer-convert", "--lib", "--features", "module,hans"]].concat(),
        ),
    ] {
        run(env.cmd("cargo").arg("clippy").args(args).args(["--", "-D", "warnings"]), what)?;
    }

    step("native tests (cargo test)");
    run(env.cmd("cargo").args(["test", "--workspace"]), "native tests")?;

    step("in-browser tests (wasm-bindgen-test in headless Chromium)");
    // chromedriver leaves a profile per run in TMPDIR: keep them in our scratch folder, removed below.
    run(
        env.cmd("cargo")
            .args(["test", "--package", "article-viewer", "--target", "wasm32-unknown-unknown", "--test", "browser"])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .env("TMPDIR", &scratch),
        "in-browser tests",
    )?;

    let dist = env.root.join("target/e2e-dist");
    build_dist(&env, &dist, &[], None)?;

    step("end-to-end tests (Playwright driving headless Chromium against dist/ on 127.0.0.1)");
    let mut files: Vec<PathBuf> = std::fs::read_dir(env.root.join("tests/e2e"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    // A test that hangs (a promise that never settles) fails after 2 minutes instead of holding CI to its limit;
    // the slowest test takes ~16 s here.
    run(
        env.cmd("node")
            .args(["--test", "--test-concurrency=1", "--test-timeout=120000"])
            .args(&files)
            .env("AV_DIST", &dist)
            // (For the tests that prerender a set of their own, as `cargo xtask prerender` does.)
            .env("AV_XTASK", xtask_exe()?)
            .env("TMPDIR", &scratch),
        "end-to-end tests",
    )?;

    let _ = std::fs::remove_dir_all(&scratch);
    step(&format!("all tests passed in {:.0?}", started.elapsed()));
    Ok(())
}

/// This program's file, for the scripts that run it (`AV_XTASK`). `cargo test --workspace` builds it again while
/// it runs (`cargo xtask test`): the running one's file is then gone, and Linux names it `… (deleted)`; the new one
/// is at the same path.
fn xtask_exe() -> Result<PathBuf> {
    let exe = std::env::current_exe()?;
    match exe.to_str().and_then(|p| p.strip_suffix(" (deleted)")) {
        Some(path) if !exe.exists() => Ok(PathBuf::from(path)),
        _ => Ok(exe),
    }
}

fn bench(part: Option<BenchPart>, quick: bool) -> Result<()> {
    let wants = |p: BenchPart| part.is_none() || part == Some(p);
    if wants(BenchPart::Import) {
        // Natively, in a release build: no browser.
        step("the importer vs the parsers it is built on (native, release build)");
        let mut c = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        c.current_dir(setup::project_root());
        c.args(["run", "--quiet", "--release", "--features", "import", "--example", "import_bench"]);
        run(&mut c, "import bench")?;
        if part.is_some() {
            return Ok(());
        }
    }
    let env = ensure(Needs::Browser)?;
    let scratch = env.root.join("target/bench-tmp");
    std::fs::create_dir_all(&scratch)?;
    if wants(BenchPart::Size) || wants(BenchPart::Paint) {
        let dist = env.root.join("target/bench-dist");
        build_dist(&env, &dist, &[], None)?;
        if wants(BenchPart::Size) {
            // The same viewer without 繁/简 (feature `convert`), to measure what it adds to the first load.
            let without = env.root.join("target/bench-dist-no-convert");
            build_dist(&env, &without, &["--no-default-features", "--features", "ui"], None)?;
            step("size of the code a first visit loads (article data excluded)");
            let with = sizes::report(&dist)?;
            sizes::report_share("繁/简's share of the first load", with, &without)?;
            step("the floor: a minimal Yew app built the same way (bench/yew-floor)");
            floor::report(&env, with)?;
        }
        if wants(BenchPart::Paint) {
            step("first paint: the list vs a static HTML page of the same cards, an article's page vs its link (headless Chromium)");
            run(
                env.cmd("node")
                    .arg("bench/first-paint.mjs")
                    .env("AV_DIST", &dist)
                    .env("AV_XTASK", xtask_exe()?)
                    .env("TMPDIR", &scratch),
                "first-paint bench",
            )?;
        }
    }
    if wants(BenchPart::Search) || wants(BenchPart::Convert) {
        // The same viewer plus a JavaScript entry to its core (feature `bench-api`), in its own dist.
        let dist = env.root.join("target/bench-search-dist");
        build_dist(&env, &dist, &["--features", "bench-api"], None)?;
        if wants(BenchPart::Search) {
            step("search: the viewer vs FlexSearch and MiniSearch in one headless Chromium page");
            let mut c = env.cmd("node");
            c.arg("bench/search.mjs").env("AV_DIST", &dist).env("TMPDIR", &scratch);
            if quick {
                c.env("AV_BENCH_QUICK", "1");
            }
            run(&mut c, "search bench")?;
        }
        if wants(BenchPart::Convert) {
            step("繁/简 conversion (headless Chromium)");
            run(
                env.cmd("node").arg("bench/convert.mjs").env("AV_DIST", &dist).env("TMPDIR", &scratch),
                "conversion bench",
            )?;
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

fn write_schema() -> Result<()> {
    let path = setup::project_root().join("static/article-set.schema.json");
    std::fs::write(&path, article_viewer::domain::article_set_schema())?;
    step(&format!("wrote {}", path.display()));
    Ok(())
}
