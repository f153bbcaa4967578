use crate::i18n::{t, Key};
use leptos::prelude::*;

/// Copies a value to the clipboard and says so.
#[component]
pub fn CopyButton(value: String) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&value);
            copied.set(true);
        }
    };
    view! {
        <button type="button" class="ims-copy" on:click=copy data-testid="copy">
            {move || if copied.get() { t(Key::Copied)() } else { t(Key::Copy)() }}
        </button>
    }
}
