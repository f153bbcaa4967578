use super::members_table::MembersTable;
use super::share_form::ShareForm;
use super::DataVersion;
use crate::components::common::ErrorPanel;
use crate::i18n::{t, Key};
use crate::session::current_backend;
use ims_core::Image;
use leptos::prelude::*;

/// The owner's sharing panel on a detail page: who the image is shared with, and a form to
/// share it with more projects.
#[component]
pub fn SharePanel(image: Image) -> impl IntoView {
    let version = expect_context::<DataVersion>();
    let id = image.id.get().cloned().unwrap_or_default();
    let members_id = id.clone();
    let members_resource = LocalResource::new(move || {
        let (backend, id, _) = (current_backend(), members_id.clone(), version.0.get());
        async move { backend.list_members(&id).await }
    });
    let members = move || {
        members_resource.get().map(|r| match r {
            Ok(members) => view! { <MembersTable image_id=id.clone() members=members /> }.into_any(),
            Err(e) => view! { <ErrorPanel error=e on_retry=move |()| members_resource.refetch() /> }.into_any(),
        })
    };
    view! {
        <section class="ims-group ims-sharing" data-testid="share-panel">
            <h2>{t(Key::Sharing)}</h2>
            <h3>{t(Key::Members)}</h3>
            <Transition fallback=|| view! { <p class="ims-loading">{t(Key::Loading)}</p> }>{members}</Transition>
            <ShareForm images=vec![image] />
        </section>
    }
}
