//! A panic must never leave a blank page: it is logged and shown in an alert panel.

use wasm_bindgen::JsCast;

/// Installs the panic hook (once, at start).
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("article-viewer panicked: {message}").into());
        show_panel(&message);
    }));
}

fn show_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("error-panel crash");
    let _ = panel.set_attribute("role", "alert");
    let Ok(title) = document.create_element("p") else {
        return;
    };
    title.set_text_content(Some(super::state::Prefs::load().strings().crashed));
    let Ok(detail) = document.create_element("pre") else {
        return;
    };
    detail.set_text_content(Some(message));
    let _ = panel.append_child(&title);
    let _ = panel.append_child(&detail);
    let _ = body.insert_before(&panel, body.first_child().as_ref());
    if let Some(el) = panel.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
