use crate::components::common::ErrorPanel;
use crate::components::forms::request_preview_panel::RequestPreviewPanel;
use crate::i18n::{t, Key};
use crate::session::current_backend;
use ims_core::model::Visibility;
use ims_core::patch::{MediaType, PatchOp};
use ims_core::request::ApiRequest;
use leptos::prelude::*;

/// For a backend that shares only images of one visibility (Glance: `shared`): says so, shows
/// the request that switches the image and sends it. `on_done` reloads the image, whose page
/// then shows the members panel instead.
#[component]
pub fn MakeShared(image_id: String, to: Visibility, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let ops = vec![PatchOp::Replace { attr: "visibility".into(), value: to.as_str().into() }];
    let backend = current_backend();
    let preview = ApiRequest::update_image(&image_id, &ops, MediaType::V2_1).preview(backend.endpoint());
    let switch_action = Action::new_local(move |(): &()| {
        let (backend, id, ops) = (current_backend(), image_id.clone(), ops.clone());
        async move {
            let result = backend.update_image(&id, &ops, MediaType::V2_1).await;
            if result.is_ok() {
                on_done.run(());
            }
            result
        }
    });
    let failure = move || {
        switch_action.value().get().and_then(Result::err).map(|e| {
            view! { <ErrorPanel error=e on_retry=move |()| { switch_action.dispatch(()); } /> }
        })
    };
    view! {
        <section class="ims-group ims-sharing" data-testid="make-shared">
            <h2>{t(Key::Sharing)}</h2>
            <p>{t(Key::MakeSharedHint)}</p>
            <RequestPreviewPanel preview=Signal::derive(move || Some(preview.clone())) folded=true />
            <button type="button" data-testid="make-shared-button" disabled=move || switch_action.pending().get()
                on:click=move |_| { switch_action.dispatch(()); }>{t(Key::MakeShared)}</button>
            {failure}
        </section>
    }
}
