use crate::i18n::{t, Key};
use leptos::prelude::*;

/// Any path the console does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <p class="ims-empty" data-testid="not-found">{t(Key::NotFound)}</p> }
}
