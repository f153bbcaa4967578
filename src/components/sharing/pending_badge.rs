use super::{inbox_query, DataVersion};
use crate::api::Backend;
use crate::i18n::{t, Key};
use crate::router::link_href;
use crate::session::Session;
use ims_core::model::MemberStatus;
use leptos::prelude::*;

/// The navigation link to the inbox, with the number of shares waiting for an answer.
#[component]
pub fn PendingBadge() -> impl IntoView {
    let version = expect_context::<DataVersion>();
    let session = expect_context::<Session>();
    let pending_resource = LocalResource::new(move || {
        let (backend, _, signed_in) = (Backend::current(), version.0.get(), session.signed_in());
        async move {
            if !signed_in {
                return 0;
            }
            backend.list_images(&inbox_query(MemberStatus::Pending)).await.map_or(0, |p| p.images.len())
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
