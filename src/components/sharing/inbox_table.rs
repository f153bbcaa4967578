use super::DataVersion;
use crate::api::{ApiError, Backend};
use crate::components::common::{ErrorPanel, TimeText};
use crate::hooks::image_href;
use crate::i18n::{t, Key};
use crate::router::link_href;
use crate::session::current_backend;
use ims_core::model::MemberStatus;
use ims_core::Image;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Moves the caller's membership of each image to `status`. The caller's project id is the
/// member id of the one membership a member can see, so the console needs no project id.
async fn answer(backend: Backend, ids: Vec<String>, status: MemberStatus) -> Result<(), ApiError> {
    for id in ids {
        let own = backend.list_members(&id).await?;
        if let Some(member) = own.first() {
            backend.set_member_status(&id, &member.member_id, status.clone()).await?;
        }
    }
    Ok(())
}

/// Shares offered to the caller in one state, with accept and reject, one by one or in bulk.
#[component]
pub fn InboxTable(images: Vec<Image>, status: MemberStatus) -> impl IntoView {
    let version = expect_context::<DataVersion>();
    let selection = RwSignal::new(BTreeSet::<String>::new());
    let last = StoredValue::new(None::<(Vec<String>, MemberStatus)>);
    let answer_action = Action::new_local(move |(ids, status): &(Vec<String>, MemberStatus)| {
        last.set_value(Some((ids.clone(), status.clone())));
        let work = answer(current_backend(), ids.clone(), status.clone());
        async move {
            let result = work.await;
            // Refetching rebuilds this table: only after a success, so that an error stays
            // on screen with a Retry that sends the same answers again.
            if result.is_ok() {
                selection.set(BTreeSet::new());
                version.bump();
            }
            result
        }
    });
    let retry = move |()| {
        if let Some(input) = last.get_value() {
            answer_action.dispatch(input);
        }
    };
    if images.is_empty() {
        return view! { <p class="ims-empty" data-testid="inbox-empty">{t(Key::InboxEmpty)}</p> }.into_any();
    }
    let can_accept = status != MemberStatus::Accepted;
    let can_reject = status != MemberStatus::Rejected;
    let bulk = move |to: MemberStatus| {
        let ids: Vec<String> = selection.get_untracked().into_iter().collect();
        if !ids.is_empty() {
            answer_action.dispatch((ids, to));
        }
    };
    // The bulk buttons act on a selection: with none, they are off (a click did nothing).
    let none_selected = move || selection.with(BTreeSet::is_empty);
    let rows = images
        .into_iter()
        .map(|image| {
            let id = image.id.get().cloned().unwrap_or_default();
            let name = image.name.get().cloned().unwrap_or_else(|| id.clone());
            let (sel_id, toggle_id, accept_id, reject_id) = (id.clone(), id.clone(), id.clone(), id.clone());
            view! {
                <tr data-testid="inbox-row" data-id=id.clone()>
                    <td class="ims-select">
                        <input type="checkbox" aria-label=t(Key::SelectRow) prop:checked=move || selection.with(|s| s.contains(&sel_id))
                            on:change=move |_| selection.update(|s| if !s.remove(&toggle_id) { s.insert(toggle_id.clone()); }) />
                    </td>
                    <td><a href=link_href(&image_href(&id))>{name}</a></td>
                    <td>{image.owner.get().cloned()}</td>
                    <td>{image.os_version.get().cloned()}</td>
                    <td><TimeText value=image.created_at.get().cloned().unwrap_or_default() /></td>
                    <td class="ims-actions">
                        {can_accept.then(|| view! { <button type="button" data-testid="accept" on:click=move |_| { answer_action.dispatch((vec![accept_id.clone()], MemberStatus::Accepted)); }>{t(Key::Accept)}</button> })}
                        {can_reject.then(|| view! { <button type="button" class="ims-secondary" data-testid="reject" on:click=move |_| { answer_action.dispatch((vec![reject_id.clone()], MemberStatus::Rejected)); }>{t(Key::Reject)}</button> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="ims-toolbar">
            {can_accept.then(|| view! { <button type="button" data-testid="accept-selected" disabled=none_selected on:click=move |_| bulk(MemberStatus::Accepted)>{t(Key::AcceptSelected)}</button> })}
            {can_reject.then(|| view! { <button type="button" class="ims-secondary" data-testid="reject-selected" disabled=none_selected on:click=move |_| bulk(MemberStatus::Rejected)>{t(Key::RejectSelected)}</button> })}
        </div>
        <table class="ims-table" data-testid="inbox">
            <thead><tr><th></th><th>{t(Key::Images)}</th><th>{t(Key::Owner)}</th><th>{t(Key::ColOsVersion)}</th><th>{t(Key::ColCreated)}</th><th></th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {move || answer_action.value().get().and_then(Result::err).map(|e| view! { <ErrorPanel error=e on_retry=retry /> })}
    }
    .into_any()
}
