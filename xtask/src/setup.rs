//! Set-up: finds or installs every tool the build and the tests need. Idempotent and quiet when all is there.
//!
//! Tools installed from crates.io go into a per-user cache (`$ARTICLE_VIEWER_TOOLS`, else
//! `$XDG_CACHE_HOME/article-viewer/tools`, else `~/.cache/article-viewer/tools`), named by version, so every
//! clone on the machine shares one install. A matching version already on PATH is used as it is.

use anyhow::{bail, Context, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_NPM: &str = "binaryen@132";

/// Where things are, and the PATH every child process gets.
pub struct Env {
    pub root: PathBuf,
    pub path: OsString,
    /// Whether a working wasm-opt is on `path`.
    pub wasm_opt: bool,
}

impl Env {
    /// A command with the project's PATH, run from the project root.
    pub fn cmd(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.current_dir(&self.root).env("PATH", &self.path);
        // `cargo run` gives the xtask its package's name, version and directory; a cargo run under it (trunk's hook
        // runs `cargo xtask convert-wasm`) that saw them would rebuild ring, whose build script reads them, and so
        // the xtask itself — twice per build, the second time replacing the binary that is running.
        for (key, _) in std::env::vars_os() {
            let key = key.to_string_lossy();
            if key.starts_with("CARGO_PKG_")
                || key.starts_with("CARGO_MANIFEST_")
                || ["CARGO_CRATE_NAME", "CARGO_BIN_NAME", "CARGO_PRIMARY_PACKAGE"].contains(&key.as_ref())
            {
                c.env_remove(key.as_ref());
            }
        }
        c
    }
}

pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the project").to_path_buf()
}

fn tools_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("ARTICLE_VIEWER_TOOLS") {
        return PathBuf::from(dir);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| project_root().join("target"));
    cache.join("article-viewer").join("tools")
}

pub fn step(msg: &str) {
    eprintln!("\x1b[1m==>\x1b[0m {msg}");
}

/// What the browser tests need.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Building and serving the viewer.
    Build,
    /// Also headless Chromium, chromedriver and a CJK font.
    Browser,
}

/// Makes sure everything `needs` asks for is there, installing what is missing.
pub fn ensure(needs: Needs) -> Result<Env> {
    let root = project_root();
    let tools = tools_dir();
    let started = Instant::now();
    ensure_wasm_target()?;
    let wasm_bindgen_version = locked_version(&root, "wasm-bindgen")?;
    let trunk_bin = tools.join(format!("trunk-{TRUNK_VERSION}")).join("bin");
    let wbg_bin = tools.join(format!("wasm-bindgen-{wasm_bindgen_version}")).join("bin");
    let path = join_path(&[root.join("node_modules/.bin"), trunk_bin.clone(), wbg_bin.clone()]);
    let mut env = Env { root, path, wasm_opt: false };

    if !has_version(&env, "trunk", &format!("trunk {TRUNK_VERSION}")) {
        install_crate(&env, "trunk", TRUNK_VERSION, &trunk_bin, true, "~5 min on 2 cores, once per machine")?;
    }
    if !has_version(&env, "wasm-bindgen", &format!("wasm-bindgen {wasm_bindgen_version}")) {
        // Without --locked: wasm-bindgen-cli's own lock file names a yanked crate.
        install_crate(&env, "wasm-bindgen-cli", &wasm_bindgen_version, &wbg_bin, false, "~2 min, once per machine")?;
    }
    ensure_node_modules(&env)?;
    env.wasm_opt = wasm_opt_works(&env);
    if !env.wasm_opt {
        eprintln!(
            "warning: no working wasm-opt (npm package {BINARYEN_NPM}); release builds go on without it and are larger."
        );
    }
    if needs == Needs::Browser {
        ensure_browser()?;
    }
    let fetch = env.cmd("cargo").args(["fetch", "--quiet"]).status().context("running cargo fetch")?;
    if !fetch.success() {
        bail!("`cargo fetch` failed: the crates the build needs could not be downloaded");
    }
    if started.elapsed().as_secs() > 5 {
        step(&format!("set-up done in {:.0?}", started.elapsed()));
    }
    Ok(env)
}

fn join_path(front: &[PathBuf]) -> OsString {
    let rest = std::env::var_os("PATH").unwrap_or_default();
    let mut all: Vec<PathBuf> = front.to_vec();
    all.extend(std::env::split_paths(&rest));
    std::env::join_paths(all).expect("paths without separators")
}

fn has_version(env: &Env, program: &str, expected: &str) -> bool {
    env.cmd(program)
        .arg("--version")
        .stderr(Stdio::null())
        .output()
        .map(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).trim().starts_with(expected))
        .unwrap_or(false)
}

fn ensure_wasm_target() -> Result<()> {
    let out = Command::new("rustc").args(["--print", "sysroot"]).output().context("running rustc")?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    if sysroot.join("lib/rustlib/wasm32-unknown-unknown").is_dir() {
        return Ok(());
    }
    step("adding the Rust target wasm32-unknown-unknown (rustup, ~1 min)");
    let ok = Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]).status().map(|s| s.success());
    if ok.unwrap_or(false) {
        Ok(())
    } else {
        bail!("could not add the wasm32 target: run `rustup target add wasm32-unknown-unknown` and try again")
    }
}

/// The version of `package` that Cargo.lock pins.
pub fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock.find(&needle).with_context(|| format!("{package} is not in Cargo.lock"))? + needle.len();
    let end = lock[start..].find('"').context("malformed Cargo.lock")?;
    Ok(lock[start..start + end].to_owned())
}

fn install_crate(env: &Env, krate: &str, version: &str, bin: &Path, locked: bool, how_long: &str) -> Result<()> {
    let root = bin.parent().expect("bin has a parent");
    step(&format!("installing {krate} {version} into {} ({how_long})", root.display()));
    let mut c = env.cmd("cargo");
    c.args(["install", krate, "--version", version, "--root"]).arg(root);
    if locked {
        c.arg("--locked");
    }
    // The tools' own release profiles use fat LTO; without it the install is several times faster.
    c.env("CARGO_PROFILE_RELEASE_LTO", "false").env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    let status = c.status().with_context(|| format!("running cargo install {krate}"))?;
    if !status.success() {
        bail!("`cargo install {krate} --version {version}` failed (see above)");
    }
    Ok(())
}

fn ensure_node_modules(env: &Env) -> Result<()> {
    let stamp = env.root.join("node_modules/.package-lock.json");
    let lock = env.root.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified()? >= l.modified()?,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if Command::new("npm").arg("--version").stdout(Stdio::null()).status().is_err() {
        apt_install(&["nodejs", "npm"], "Node.js (≥ 18) and npm, for wasm-opt and the browser tests")?;
    }
    step("installing npm packages (binaryen for wasm-opt, terser for the js, playwright-core; no browser download)");
    let status = env
        .cmd("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .status()
        .context("running npm ci")?;
    if !status.success() {
        bail!("`npm ci` failed (see above)");
    }
    Ok(())
}

fn wasm_opt_works(env: &Env) -> bool {
    has_version(env, "wasm-opt", "wasm-opt version")
}

const APT_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "fonts-wqy-microhei"];

fn ensure_browser() -> Result<()> {
    let have_chromium = Path::new("/usr/bin/chromium").exists();
    let have_driver = Path::new("/usr/bin/chromedriver").exists();
    let have_font = Command::new("fc-list").arg(":lang=zh").output().map(|o| !o.stdout.is_empty()).unwrap_or(false);
    if have_chromium && have_driver && have_font {
        return Ok(());
    }
    apt_install(&APT_PACKAGES, "headless Chromium, chromedriver and a CJK font, for the browser tests")?;
    Ok(())
}

/// Installs Debian packages when we are root with apt-get; otherwise stops with the command to run.
fn apt_install(packages: &[&str], what: &str) -> Result<()> {
    let command = format!("apt-get update && apt-get install -y {}", packages.join(" "));
    let is_root = Command::new("id").arg("-u").output().map(|o| o.stdout.trim_ascii() == b"0").unwrap_or(false);
    if !(is_root && Path::new("/usr/bin/apt-get").exists()) {
        bail!("{what} are needed. Run:\n    sudo sh -c '{command}'\nthen run this command again.");
    }
    step(&format!("installing {what} with apt-get (~2 min)"));
    let status = Command::new("sh")
        .args(["-c", &command])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdout(Stdio::null())
        .status()
        .context("running apt-get")?;
    if !status.success() {
        bail!("apt-get could not install {} (see above)", packages.join(", "));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The commands the xtask runs do not see what `cargo run` (or, here, `cargo test`) told the xtask about its
    /// own package: ring's build script reads those, and a cargo run under the xtask that saw them rebuilt ring
    /// and the xtask.
    #[test]
    fn commands_do_not_inherit_the_xtasks_own_package_variables() {
        assert!(std::env::var_os("CARGO_PKG_NAME").is_some(), "cargo sets it for the tests too");
        let env = Env { root: project_root(), path: OsString::from("/usr/bin"), wasm_opt: false };
        let c = env.cmd("cargo");
        let removed: Vec<String> =
            c.get_envs().filter(|(_, v)| v.is_none()).map(|(k, _)| k.to_string_lossy().into_owned()).collect();
        for key in ["CARGO_PKG_NAME", "CARGO_PKG_VERSION", "CARGO_MANIFEST_DIR"] {
            assert!(removed.iter().any(|k| k == key), "{key} is removed: {removed:?}");
        }
        assert!(!removed.iter().any(|k| k == "PATH" || k == "CARGO"), "{removed:?}");
    }
}
