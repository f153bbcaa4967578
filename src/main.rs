//! The standalone console: mount the app on the page body; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic is a bug; say where it happened in the browser console rather than nothing.
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
    leptos::mount::mount_to_body(ims_console::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ims-console runs in a browser: build and serve it with `cargo xtask serve`");
}
