//! `opencc/hant.wasm`, `opencc/hans.wasm`: the engine and one script's dictionaries (compiled in) as a
//! WebAssembly module with a C interface and no imports, driven through the module's own memory by the viewer's
//! loader (`static/opencc/convert.js`, shipped as `opencc/convert.js`):
//!
//! 1. `build()` builds the engine from the dictionaries: 0, or the length of an error message at `out()`;
//! 2. `alloc(len)` reserves `len` bytes and returns where; the caller writes UTF-8 text there;
//! 3. `convert(ptr, len, region)` converts that text through `region`'s forms (0 none, 1 Taiwan, 2 Hong Kong: the
//!    crate's `Region`: to Simplified, where the text was written; to Traditional, where the reader is), and takes
//!    the buffer back; it returns the length of the result, which is at `out()`
//!    until the next call. Before `build()`, or for bytes that are not UTF-8, the result is the input;
//! 4. `region(ptr, len)` reads the language tag written at `ptr` (reserved by `alloc(len)`, taken back) and returns
//!    its region for `convert` (`Region::of_tag`: 0 for a tag that is not UTF-8).

use crate::{Engine, Region, EMBEDDED};
use std::cell::RefCell;

#[derive(Default)]
struct State {
    engine: Option<Engine>,
    out: Vec<u8>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

/// Keeps `bytes` at `out()`; returns their length.
fn answer(bytes: Vec<u8>) -> usize {
    let len = bytes.len();
    STATE.with_borrow_mut(|s| s.out = bytes);
    len
}

#[no_mangle]
pub extern "C" fn build() -> usize {
    match Engine::new(EMBEDDED.0, EMBEDDED.1, EMBEDDED.2, EMBEDDED.3) {
        Ok(engine) => {
            STATE.with_borrow_mut(|s| s.engine = Some(engine));
            0
        }
        Err(e) => answer(e.into_bytes()),
    }
}

#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()) as *mut u8
}

/// # Safety
/// `ptr`, `len`: exactly what one call of [`alloc`] returned and was given, not passed here before.
#[no_mangle]
pub unsafe extern "C" fn convert(ptr: *mut u8, len: usize, region: u32) -> usize {
    let input = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) }.into_vec();
    let region = match region {
        1 => Region::Taiwan,
        2 => Region::HongKong,
        _ => Region::Any,
    };
    let converted = STATE.with_borrow(|s| match (&s.engine, std::str::from_utf8(&input)) {
        (Some(engine), Ok(text)) => Some(engine.convert_from(text, region).into_owned().into_bytes()),
        _ => None,
    });
    answer(converted.unwrap_or(input))
}

/// # Safety
/// As for [`convert`].
#[no_mangle]
pub unsafe extern "C" fn region(ptr: *mut u8, len: usize) -> u32 {
    let tag = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) };
    std::str::from_utf8(&tag).map_or(Region::Any, Region::of_tag) as u32
}

#[no_mangle]
pub extern "C" fn out() -> *const u8 {
    STATE.with_borrow(|s| s.out.as_ptr())
}
