//! Starting the console: on its own page, or inside an element of a host page.

use crate::config::{ConfigError, ConsoleConfig};
use crate::App;
use leptos::prelude::*;

/// A mounted console; dropping it unmounts the console and removes its listeners.
pub struct Mounted(#[allow(dead_code)] Box<dyn std::any::Any>);

/// Mounts a console inside `element` of a host page, with the host's `options` (see README
/// "Embedding"). The console draws only inside the element.
pub fn mount(element: web_sys::HtmlElement, options: &wasm_bindgen::JsValue) -> Result<Mounted, ConfigError> {
    let config = ConsoleConfig::embedded(options)?;
    let handle = leptos::mount::mount_to(element, move || view! { <App config /> });
    Ok(Mounted(Box::new(handle)))
}

/// Whether the console's own page asks to be left alone until a script calls `mount`
/// (`<meta name="ims-console-mount" content="manual">`, as in `embed.html`).
pub fn page_mounts_manually() -> bool {
    let meta = document().query_selector("meta[name=ims-console-mount]").ok().flatten();
    meta.and_then(|m| m.get_attribute("content")).is_some_and(|c| c == "manual")
}

/// Starts the console on its own page: the body, with the page's options.
pub fn start_page() {
    let config = ConsoleConfig::from_page().unwrap_or_else(|e| {
        web_sys::console::error_1(&e.to_string().into());
        ConsoleConfig::default()
    });
    leptos::mount::mount_to_body(move || view! { <App config /> });
}
