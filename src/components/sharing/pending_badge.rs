use super::DataVersion;
use crate::i18n::{t, Key};
use crate::router::link_href;
use crate::session::current_backend;
use crate::session::Session;
use ims_core::model::MemberStatus;
use leptos::prelude::*;

/// The navigation link to the inbox, with the number of shares waiting for an answer.
#[component]
pub fn PendingBadge() -> impl IntoView {
    let version = expect_context::<DataVersion>();
    let session = expect_context::<Session>();
    let pending_resource = LocalResource::new(move || {
        let (backend, _, signed_in) = (current_backend(), version.0.get(), session.signed_in());
        async move {
            if !signed_in {
                return 0;
            }
            // The caller's own shared images are in every state's list (Glance): an image also
            // listed as accepted is not a pending share.
            let mut lists: [Vec<_>; 2] = Default::default();
            for (list, state) in lists.iter_mut().zip([MemberStatus::Pending, MemberStatus::Accepted]) {
                match backend.list_images(&backend.flavour().inbox_query(&state)).await {
                    Ok(page) => *list = page.images,
                    Err(_) => return 0,
                }
            }
            let [pending, _] = ims_core::backend::shared_with_caller(lists);
            pending.len()
        }
    });
    let count = move || pending_resource.get().filter(|n| *n > 0);
    view! {
        <a href=link_href("/shared-with-me")>
            {t(Key::Inbox)}
            <Show when=move || count().is_some()>
                <span class="ims-count" data-testid="pending-badge">{count}</span>
            </Show>
        </a>
    }
}
