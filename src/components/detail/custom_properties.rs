use crate::i18n::{t, Key};
use crate::session::current_backend;
use ims_core::Image;
use leptos::prelude::*;

/// The image's tags and custom properties (everything the registry does not document).
#[component]
pub fn CustomProperties(image: Image) -> impl IntoView {
    let tags = image.tags.get().cloned().unwrap_or_default();
    let tags = if tags.is_empty() {
        view! { <p class="ims-muted">{t(Key::NoTags)}</p> }.into_any()
    } else {
        view! { <ul class="ims-tags" data-testid="tags">{tags.into_iter().map(|tag| view! { <li>{tag}</li> }).collect_view()}</ul> }.into_any()
    };
    // The backend's own attributes (Glance's `os_hidden`, `os_hash_*`, …) are not the user's:
    // listed apart, as read-only. `null` (the hashes before any data) shows empty.
    let flavour = current_backend().flavour();
    let (base, props): (Vec<_>, Vec<_>) = image
        .properties
        .iter()
        .map(|(k, v)| (k.clone(), v.as_bool(), ims_core::view::property_text(v)))
        .partition(|(k, ..)| flavour.is_base_attribute(k));
    // A JSON true or false (Glance's `os_hidden`) reads as Yes or No in the page's language.
    let rows = |list: Vec<(String, Option<bool>, String)>| {
        list.into_iter()
            .map(|(k, flag, raw)| {
                let value =
                    move || flag.map_or_else(|| raw.clone(), |b| t(if b { Key::Yes } else { Key::No })().to_owned());
                view! { <dt>{k.clone()}</dt><dd data-attr=k>{value}</dd> }
            })
            .collect_view()
    };
    let base = (!base.is_empty()).then(|| {
        view! {
            <h3>{t(Key::BackendAttributes)}</h3>
            <dl data-testid="backend-attributes">{rows(base)}</dl>
        }
    });
    let props = if props.is_empty() {
        view! { <p class="ims-muted">{t(Key::NoCustom)}</p> }.into_any()
    } else {
        view! {
            <dl data-testid="custom-properties">{rows(props)}</dl>
        }
        .into_any()
    };
    view! {
        <section class="ims-group" data-group="Custom">
            <h2>{t(Key::GroupCustom)}</h2>
            {tags}
            {props}
            {base}
        </section>
    }
}
