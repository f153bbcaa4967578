use super::DataVersion;
use crate::components::common::ErrorPanel;
use crate::i18n::{t, Key};
use crate::session::current_backend;
use ims_core::model::MemberStatus;
use ims_core::sharing::Member;
use leptos::prelude::*;

/// The status of a share in the user's language.
pub fn member_status_key(status: &MemberStatus) -> Option<Key> {
    match status {
        MemberStatus::Pending => Some(Key::Pending),
        MemberStatus::Accepted => Some(Key::Accepted),
        MemberStatus::Rejected => Some(Key::Rejected),
        _ => None,
    }
}

/// A consumer's view of an image shared with it: the share's status, and Accept or Reject
/// (the one membership a member can list is its own, so no project id is needed).
#[component]
pub fn MyShare(image_id: String) -> impl IntoView {
    let version = expect_context::<DataVersion>();
    let members_id = image_id.clone();
    let membership = LocalResource::new(move || {
        let (backend, id, _) = (current_backend(), members_id.clone(), version.0.get());
        async move { backend.list_members(&id).await }
    });
    let answer_action = Action::new_local(move |(member, status): &(String, MemberStatus)| {
        let (backend, id, member, status) = (current_backend(), image_id.clone(), member.clone(), status.clone());
        async move {
            let result = backend.set_member_status(&id, &member, status).await.map(drop);
            // Reloaded only after a success, so that an error stays with its Retry.
            if result.is_ok() {
                version.bump();
            }
            result
        }
    });
    let last = StoredValue::new(None::<(String, MemberStatus)>);
    let answer = move |input: (String, MemberStatus)| {
        last.set_value(Some(input.clone()));
        answer_action.dispatch(input);
    };
    let show = move |member: Member| {
        let label = super::members_table::status_text(member.status.clone());
        let (accept_as, reject_as) = (member.member_id.clone(), member.member_id.clone());
        let busy = move || answer_action.pending().get();
        view! {
            <p data-testid="my-share-status">{t(Key::MyShareStatus)} " "
                <span class=format!("ims-badge ims-member-{}", member.status)>{label}</span></p>
            <div class="ims-actions">
                {(member.status != MemberStatus::Accepted).then(|| view! {
                    <button type="button" data-testid="accept" disabled=busy on:click=move |_| answer((accept_as.clone(), MemberStatus::Accepted))>{t(Key::Accept)}</button>
                })}
                {(member.status != MemberStatus::Rejected).then(|| view! {
                    <button type="button" class="ims-secondary" data-testid="reject" disabled=busy on:click=move |_| answer((reject_as.clone(), MemberStatus::Rejected))>{t(Key::Reject)}</button>
                })}
            </div>
        }
    };
    let body = move || {
        membership.get().map(|r| match r {
            Ok(members) => members.into_iter().next().map(|m| show(m).into_any()),
            Err(e) => Some(view! { <ErrorPanel error=e on_retry=move |()| membership.refetch() /> }.into_any()),
        })
    };
    let retry = move |()| {
        if let Some(input) = last.get_value() {
            answer_action.dispatch(input);
        }
    };
    view! {
        <section class="ims-group ims-sharing" data-testid="my-share">
            <h2>{t(Key::SharedWithYou)}</h2>
            <Transition fallback=|| view! { <p class="ims-loading">{t(Key::Loading)}</p> }>{body}</Transition>
            {move || answer_action.value().get().and_then(Result::err).map(|e| view! { <ErrorPanel error=e on_retry=retry /> })}
        </section>
    }
}
