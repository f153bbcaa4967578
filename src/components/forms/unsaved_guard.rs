//! Asking before leaving a form with unsaved changes: on reload or tab close (`beforeunload`)
//! and on any in-app link (a capturing click listener that runs before the router's). Back and
//! Forward ask in the router, which alone sees them before the page changes.

use crate::data_version::UnsavedChanges;
use crate::router::console_link;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the listeners for the app's lifetime (removed when the console is unmounted);
/// forms raise [`UnsavedChanges`].
pub fn install(unsaved: UnsavedChanges) {
    let before_unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if unsaved.pending() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if console_link(&ev).is_some() && !unsaved.confirm_leave() {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    let listener: js_sys::Function = on_click.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let _ = document().add_event_listener_with_callback_and_bool("click", &listener, true);
    let owned = send_wrapper::SendWrapper::new((on_click, listener));
    on_cleanup(move || {
        before_unload.remove();
        let (_closure, listener) = owned.take();
        let _ = document().remove_event_listener_with_callback_and_bool("click", &listener, true);
    });
}

/// Registers the page's form: leaving asks first while `dirty` holds. Unregistered when the
/// form goes away.
pub fn use_unsaved_changes(dirty: Signal<bool>) {
    let Some(unsaved) = use_context::<UnsavedChanges>() else { return };
    unsaved.0.set(Some(dirty));
    on_cleanup(move || unsaved.0.set(None));
}
