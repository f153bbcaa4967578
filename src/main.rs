//! The standalone console: mount the app on the page body; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ims_console::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ims-console runs in a browser: build and serve it with `cargo xtask serve`");
}
