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
        .map(|(k, v)| (k.clone(), ims_core::view::property_text(v)))
        .partition(|(k, _)| flavour.is_base_attribute(k));
    let rows = |list: Vec<(String, String)>| {
        list.into_iter().map(|(k, v)| view! { <dt>{k.clone()}</dt><dd data-attr=k>{v}</dd> }).collect_view()
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
