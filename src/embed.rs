//! Starting the console: on its own page, or inside an element of a host page.

use crate::config::{ConfigError, ConsoleConfig};
use crate::App;
use leptos::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};

// The consoles mounted by host pages, by id. They live here, not in the handle the host
// gets: a host that drops its handle (and so lets the garbage collector free it) keeps its
// console, which goes only when the host calls `unmount`.
thread_local! {
    static MOUNTED: RefCell<Vec<(u32, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Mounts a console inside `element` of a host page, with the host's `options` (see README
/// "Embedding"), and returns its id for [`unmount`]. The console draws only inside the element.
pub fn mount(element: web_sys::HtmlElement, options: &wasm_bindgen::JsValue) -> Result<u32, ConfigError> {
    let config = ConsoleConfig::embedded(options)?;
    let handle = leptos::mount::mount_to(element, move || view! { <App config /> });
    let id = NEXT_ID.replace(NEXT_ID.get() + 1);
    MOUNTED.with_borrow_mut(|m| m.push((id, Box::new(handle))));
    Ok(id)
}

/// Unmounts a console: its view, listeners and reactive state go; the element stays, empty.
/// An id that is not mounted (already unmounted) is ignored.
pub fn unmount(id: u32) {
    let mounted = MOUNTED.with_borrow_mut(|m| m.iter().position(|(i, _)| *i == id).map(|at| m.remove(at)));
    // Dropped outside the borrow: unmounting runs the console's cleanups.
    drop(mounted);
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
