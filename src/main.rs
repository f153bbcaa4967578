//! The console's entry points: on its own page it mounts on the body; a host page that asks
//! for manual mounting calls `mount(element, options)` and later `unmount()` on the handle.

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::*;

    /// A console mounted in a host page's element. Letting the handle go does not unmount
    /// the console; only `unmount()` does.
    #[wasm_bindgen]
    pub struct ConsoleHandle(u32);

    #[wasm_bindgen]
    impl ConsoleHandle {
        /// Removes the console from its element, with its listeners; calling it twice is fine.
        pub fn unmount(&self) {
            ims_console::embed::unmount(self.0);
        }
    }

    /// Mounts a console inside `element`. Options: `endpoint` (none: the in-browser demo),
    /// `flavour`, `token` (a string, or a function returning one or a promise of one),
    /// `routing` ("hash" or "path"), `basePath`, `language`, `theme`.
    #[wasm_bindgen]
    pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<ConsoleHandle, JsError> {
        ims_console::embed::mount(element, &options).map(ConsoleHandle).map_err(|e| JsError::new(&e.to_string()))
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic is a bug; say where it happened in the browser console rather than nothing.
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
    if !ims_console::embed::page_mounts_manually() {
        ims_console::embed::start_page();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ims-console runs in a browser: build and serve it with `cargo xtask serve`");
}
