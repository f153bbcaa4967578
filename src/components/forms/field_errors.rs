use crate::i18n::{current_lang, validation_text};
use ims_core::validate::ValidationError;
use leptos::prelude::*;

/// The problems with one field, in the user's language, as they appear and disappear.
#[component]
pub fn FieldErrors(#[prop(into)] field: String, #[prop(into)] errors: Signal<Vec<ValidationError>>) -> impl IntoView {
    let mine = move || {
        let lang = current_lang();
        errors.with(|all| all.iter().filter(|e| e.field == field).map(|e| validation_text(e, lang)).collect::<Vec<_>>())
    };
    view! {
        <For each=mine key=|m| m.clone() let:message>
            <p class="ims-field-error" role="alert" data-testid="field-error">{message}</p>
        </For>
    }
}
