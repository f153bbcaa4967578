use crate::components::common::{ErrorPanel, SignInForm};
use crate::components::forms::edit_form::EditForm;
use crate::hooks::{image_href, use_image_id};
use crate::i18n::{t, Key};
use crate::router::link_href;
use crate::session::current_backend;
use leptos::prelude::*;

/// `/images/:id/edit`: the image's editable attributes, patched with a live preview.
#[component]
pub fn ImageEditPage() -> impl IntoView {
    let id = use_image_id();
    let image_resource = LocalResource::new(move || {
        let (id, backend) = (id.get(), current_backend());
        async move { backend.get_image(&id).await }
    });
    view! {
        <p><a href=move || link_href(&image_href(&id.get()))>{t(Key::Back)}</a></p>
        <h1>{t(Key::EditImage)}</h1>
        <Transition fallback=|| view! { <p class="ims-loading">{t(Key::Loading)}</p> }>
            {move || image_resource.get().map(|r| match r {
                Ok(image) => view! { <EditForm image=image /> }.into_any(),
                Err(e) if e.is_unauthorized() => view! { <SignInForm rejected=true /> }.into_any(),
                Err(e) => view! { <ErrorPanel error=e on_retry=move |()| image_resource.refetch() /> }.into_any(),
            })}
        </Transition>
    }
}
