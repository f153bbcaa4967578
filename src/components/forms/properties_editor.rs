use super::FieldErrors;
use crate::i18n::{t, Key};
use ims_core::validate::ValidationError;
use ims_core::view::ImageForm;
use leptos::prelude::*;

/// Custom properties as key/value rows: add, change, remove. Each row's problems show at it.
#[component]
pub fn PropertiesEditor(
    form: RwSignal<ImageForm>,
    #[prop(into)] errors: Signal<Vec<ValidationError>>,
) -> impl IntoView {
    let count = move || form.with(|f| f.properties.len());
    let row = move |i: usize| {
        let key = move || form.with(|f| f.properties.get(i).map(|p| p.0.clone()).unwrap_or_default());
        let value = move || form.with(|f| f.properties.get(i).map(|p| p.1.clone()).unwrap_or_default());
        let set = move |k: Option<String>, v: Option<String>| {
            form.update(|f| {
                if let Some(p) = f.properties.get_mut(i) {
                    if let Some(k) = k {
                        p.0 = k;
                    }
                    if let Some(v) = v {
                        p.1 = v;
                    }
                }
            })
        };
        view! {
            <div class="ims-property" data-testid="property-row">
                <input type="text" aria-label=t(Key::PropertyKey) placeholder=t(Key::PropertyKey) data-testid="property-key" prop:value=key
                    on:input:target=move |ev| set(Some(ev.target().value()), None) />
                <input type="text" aria-label=t(Key::PropertyValue) placeholder=t(Key::PropertyValue) data-testid="property-value" prop:value=value
                    on:input:target=move |ev| set(None, Some(ev.target().value())) />
                <button type="button" class="ims-secondary" data-testid="property-remove" on:click=move |_| form.update(|f| { f.properties.remove(i); })>{t(Key::Remove)}</button>
                {move || view! { <FieldErrors field=key() errors=errors /> }}
            </div>
        }
    };
    view! {
        <fieldset class="ims-editor" data-testid="properties-editor">
            <legend>{t(Key::GroupCustom)}</legend>
            {move || (0..count()).map(row).collect_view()}
            <button type="button" class="ims-secondary" data-testid="property-add" on:click=move |_| form.update(|f| f.properties.push((String::new(), String::new())))>
                {t(Key::AddProperty)}
            </button>
        </fieldset>
    }
}
