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

/// Shows the crash panel: on the standalone page at the top of the body; when the viewer runs as widgets, above
/// each widget's root inside its shadow root (they share one wasm instance, so a crash stops them all) and never
/// in the host page itself — and each widget tells its host page (`article-viewer:error`, `detail.message` the
/// panel's, `detail.crashed` true).
pub fn show_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let roots = super::mount::widget_roots();
    if roots.is_empty() {
        if let (Some(body), Some(panel)) = (document.body(), make_panel(&document, message)) {
            let _ = body.insert_before(&panel, body.first_child().as_ref());
            if let Some(el) = panel.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
        return;
    }
    let detail = super::mount::detail(&[("message", message.into()), ("crashed", true.into())]);
    for root in roots {
        if let (Some(parent), Some(panel)) = (root.parent_node(), make_panel(&document, message)) {
            let _ = parent.insert_before(&panel, Some(&root));
            super::mount::notify_from(&panel, "article-viewer:error", &detail);
        }
    }
}

fn make_panel(document: &web_sys::Document, message: &str) -> Option<web_sys::Element> {
    let Ok(panel) = document.create_element("div") else {
        return None;
    };
    panel.set_class_name("error-panel crash");
    let _ = panel.set_attribute("role", "alert");
    let Ok(title) = document.create_element("p") else {
        return None;
    };
    title.set_text_content(Some(super::state::Prefs::load().strings().crashed));
    let Ok(detail) = document.create_element("pre") else {
        return None;
    };
    detail.set_text_content(Some(message));
    let _ = panel.append_child(&title);
    let _ = panel.append_child(&detail);
    Some(panel)
}
