//! The scraped-text importer and the Markdown, feed and web page readers on arbitrary bytes (see checks.rs).
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::scraped_text(data));
