//! The standalone console: mount the app on the page body; nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ims_console::App);
}
