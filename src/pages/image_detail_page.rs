use crate::caller::use_caller;
use crate::components::common::page_notice::PageNotice;
use crate::components::common::{CopyButton, ErrorPanel, SignInForm};
use crate::components::detail::{AttributeGroup, CustomProperties};
use crate::components::forms::delete_dialog::DeleteDialog;
use crate::components::sharing::make_shared::MakeShared;
use crate::components::sharing::my_share::MyShare;
use crate::components::sharing::share_panel::SharePanel;
use crate::hooks::{image_href, use_image_id, use_navigate_after};
use crate::i18n::{t, Key};
use crate::router::link_href;
use crate::session::current_backend;
use ims_core::fields::Group;
use ims_core::role::Role;
use ims_core::Image;
use leptos::prelude::*;

const GROUPS: [Group; 6] =
    [Group::Basic, Group::Os, Group::Capabilities, Group::Storage, Group::Timestamps, Group::Links];

/// `/images/:id`: every attribute, grouped, with the raw JSON the API sent.
#[component]
pub fn ImageDetailPage() -> impl IntoView {
    let id = use_image_id();
    let image_resource = LocalResource::new(move || {
        // Not refetched on DataVersion: the page's own changes (edit, delete) navigate away,
        // and re-rendering it after a share would drop the share form's outcome report.
        let (id, backend) = (id.get(), current_backend());
        async move { backend.get_image(&id).await }
    });
    let deleting = RwSignal::new(false);
    let leave = use_navigate_after();
    let notice = expect_context::<PageNotice>();
    let caller = use_caller();
    let show = move |image: Image, role: Role| {
        let title = image.name.get().cloned().unwrap_or_else(|| image.id.get().cloned().unwrap_or_default());
        let raw = ims_core::view::pretty_json(&image);
        let id = image.id.get().cloned().unwrap_or_default();
        let to_delete = image.clone();
        let leave = leave.clone();
        // The members panel only where the backend has members for this visibility (never a
        // request Glance refuses); where a switch of visibility allows sharing, offer it.
        // Only the owner changes and shares; a project it is shared with answers the share.
        let flavour = current_backend().flavour();
        let sharing = if role == Role::Consumer {
            Some(view! { <MyShare image_id=id.clone() /> }.into_any())
        } else if !role.may_change() {
            None
        } else if flavour.can_have_members(image.visibility.get()) {
            Some(view! { <SharePanel image=image.clone() /> }.into_any())
        } else {
            flavour.visibility_to_share(image.visibility.get()).map(|to| {
                let done = move |()| image_resource.refetch();
                view! { <MakeShared image_id=id.clone() to=to on_done=done /> }.into_any()
            })
        };
        let groups = GROUPS.map(|g| view! { <AttributeGroup image=image.clone() group=g /> });
        view! {
            <div class="ims-page-head">
                <h1 data-testid="detail-title">{title}</h1>
                {role.may_change().then(|| view! {
                    <span class="ims-actions">
                        <a class="ims-button" data-testid="edit" href=link_href(&format!("{}/edit", image_href(&id)))>{t(Key::Edit)}</a>
                        <button type="button" class="ims-secondary" data-testid="delete" on:click=move |_| deleting.set(true)>{t(Key::Delete)}</button>
                    </span>
                })}
            </div>
            {(!role.may_change()).then(|| view! { <p class="ims-muted" data-testid="not-owner">{t(Key::OnlyOwnerChanges)}</p> })}
            {move || deleting.get().then(|| {
                let on_close = Callback::new(move |_| deleting.set(false));
                // Back to the list, which says what was deleted; nothing here asks for it again.
                // Once the delete action is done: it and this page must outlive its end.
                let leave = leave.clone();
                let on_deleted = Callback::new(move |names: Vec<String>| {
                    notice.0.set(names.into_iter().next());
                    leave("/?tab=private".to_owned());
                });
                view! { <DeleteDialog images=vec![to_delete.clone()] on_close=on_close on_all_deleted=on_deleted /> }
            })}
            <div class="ims-detail">{groups.into_iter().collect_view()} <CustomProperties image=image.clone() /></div>
            {sharing}
            <details class="ims-raw">
                <summary>{t(Key::RawJson)}</summary>
                <CopyButton value=raw.clone() />
                <pre data-testid="raw-json">{raw}</pre>
            </details>
        }
    };
    view! {
        <p><a href=link_href("/")>{t(Key::Back)}</a></p>
        <Transition fallback=|| view! { <p class="ims-loading">{t(Key::Loading)}</p> }>
            {move || image_resource.get().map(|r| match r {
                Ok(image) => {
                    let role = caller.role(&image);
                    show(image, role).into_any()
                }
                Err(e) if e.is_unauthorized() => view! { <SignInForm rejected=true /> }.into_any(),
                Err(e) => view! { <ErrorPanel error=e on_retry=move |()| image_resource.refetch() /> }.into_any(),
            })}
        </Transition>
    }
}
