//! Every dependency's licence is permissive (the house rule: MIT, Apache, BSD, Zlib and their kin), read from
//! what `cargo metadata` says of each package in Cargo.lock and from package-lock.json — so a new dependency
//! whose licence is not fails here, naming it. The few known exceptions are listed with why they are allowed.

use std::process::Command;

/// Licences that ask nothing of the viewer's users beyond keeping a notice.
const PERMISSIVE: &[&str] = &[
    "MIT",
    "Apache-2.0",
    "Apache-2.0 WITH LLVM-exception",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "0BSD",
    "Unlicense",
    "BSL-1.0",
    "CC0-1.0",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    // A data licence in the spirit of MIT (webpki-root-certs: the certificate verifier's roots for platforms
    // without a store of their own; never built here).
    "CDLA-Permissive-2.0",
];

/// Packages allowed under another licence, and why.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    ("cssparser", "MPL-2.0", "scraper's CSS selectors (the importer only, native; unmodified)"),
    ("cssparser-macros", "MPL-2.0", "the same"),
    ("selectors", "MPL-2.0", "the same"),
    ("dtoa-short", "MPL-2.0", "the same"),
    ("axe-core", "MPL-2.0", "the accessibility checks of the end-to-end tests (npm, unmodified)"),
];

/// Whether the SPDX expression `licence` (`A OR B`, `A AND (B OR C)`, `A WITH exception`, and the old `A/B`,
/// read by the crate `spdx` in its lax mode) can be met with permissive licences alone.
fn permissive(licence: &str) -> bool {
    let expression = spdx::Expression::parse_mode(licence, spdx::ParseMode::LAX)
        .unwrap_or_else(|e| panic!("the licence expression {licence:?}: {e}"));
    expression.evaluate(|req| PERMISSIVE.contains(&req.to_string().as_str()))
}

/// What is wrong with a package's licence, if anything.
fn check(name: &str, licence: Option<&str>) -> Option<String> {
    let Some(licence) = licence else { return Some(format!("{name}: no licence given")) };
    let excepted = EXCEPTIONS.iter().any(|(n, l, _)| *n == name && *l == licence);
    (!permissive(licence) && !excepted).then(|| format!("{name}: {licence}"))
}

#[test]
fn licence_expressions_are_read_as_spdx_says() {
    assert!(permissive("MIT OR Apache-2.0"));
    assert!(permissive("Unlicense/MIT"));
    assert!(permissive("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(permissive("Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT"));
    assert!(permissive("MIT OR Apache-2.0 OR LGPL-2.1-or-later"));
    assert!(!permissive("GPL-3.0-only"));
    assert!(!permissive("MIT AND GPL-2.0-or-later"));
    assert!(!permissive("(MIT OR GPL-2.0) AND LGPL-3.0"));
    assert!(!permissive("MPL-2.0"));
    assert!(!permissive("GPL-2.0 WITH Classpath-exception-2.0"));
    assert!(check("cssparser", Some("MPL-2.0")).is_none());
    assert!(check("some-new-crate", Some("MPL-2.0")).is_some());
    assert!(check("unlicensed", None).is_some());
}

#[test]
fn every_crate_in_cargo_lock_is_permissively_licensed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(root)
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages = meta["packages"].as_array().unwrap();
    assert!(packages.len() > 100, "every package of Cargo.lock, for every platform");
    let bad: Vec<String> = packages
        .iter()
        .filter(|p| p["source"].is_string()) // this workspace's own packages are ours
        .filter_map(|p| check(p["name"].as_str().unwrap(), p["license"].as_str()))
        .collect();
    assert!(bad.is_empty(), "not permissive (see EXCEPTIONS for the ones allowed, and why): {bad:#?}");
}

#[test]
fn every_npm_package_is_permissively_licensed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let lock: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("package-lock.json")).unwrap()).unwrap();
    let packages = lock["packages"].as_object().unwrap();
    let bad: Vec<String> = packages
        .iter()
        .filter_map(|(path, p)| path.rsplit_once("node_modules/").map(|(_, name)| (name, p)))
        .filter_map(|(name, p)| check(name, p["license"].as_str()))
        .collect();
    assert!(packages.len() > 3 && bad.is_empty(), "not permissive: {bad:#?}");
}
