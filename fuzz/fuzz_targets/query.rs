//! The query and URL state parsers, highlighting and the reading log's text on arbitrary input (see checks.rs).
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::query(data));
