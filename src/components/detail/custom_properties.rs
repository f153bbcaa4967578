use crate::i18n::{t, Key};
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
    let props: Vec<(String, String)> = image
        .properties
        .iter()
        // `null` (Glance's hashes before any data) shows empty, not as the word "null".
        .map(|(k, v)| (k.clone(), ims_core::view::property_text(v)))
        .collect();
    let props = if props.is_empty() {
        view! { <p class="ims-muted">{t(Key::NoCustom)}</p> }.into_any()
    } else {
        view! {
            <dl data-testid="custom-properties">
                {props.into_iter().map(|(k, v)| view! { <dt>{k.clone()}</dt><dd data-attr=k>{v}</dd> }).collect_view()}
            </dl>
        }
        .into_any()
    };
    view! {
        <section class="ims-group" data-group="Custom">
            <h2>{t(Key::GroupCustom)}</h2>
            {tags}
            {props}
        </section>
    }
}
