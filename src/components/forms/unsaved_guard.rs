//! Asking before leaving a form with unsaved changes: on reload or tab close (`beforeunload`)
//! and on any in-app link (a capturing click listener that runs before the router's).

use crate::data_version::UnsavedChanges;
use crate::i18n::{current_lang, text, Key};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the listeners once for the app's lifetime; forms raise [`UnsavedChanges`].
pub fn install(unsaved: UnsavedChanges) {
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if unsaved.pending() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    let lang = current_lang;
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let on_link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten());
        if on_link.is_none() || !unsaved.pending() {
            return;
        }
        let leave = window().confirm_with_message(text(lang(), Key::UnsavedChanges)).unwrap_or(true);
        if leave {
            unsaved.0.set(None);
        } else {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    let _ = document().add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    // The listener lives as long as the page: it is installed once, by the app.
    on_click.forget();
}

/// Registers the page's form: leaving asks first while `dirty` holds. Unregistered when the
/// form goes away.
pub fn use_unsaved_changes(dirty: Signal<bool>) {
    let Some(unsaved) = use_context::<UnsavedChanges>() else { return };
    unsaved.0.set(Some(dirty));
    on_cleanup(move || unsaved.0.set(None));
}
