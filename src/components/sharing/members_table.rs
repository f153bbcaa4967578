use super::DataVersion;
use crate::components::common::{ErrorPanel, TimeText};
use crate::i18n::{t, Key};
use crate::session::current_backend;
use ims_core::sharing::Member;
use leptos::prelude::*;

/// A member status in the user's language (tracked: it follows a language switch).
pub fn status_text(status: ims_core::model::MemberStatus) -> impl Fn() -> String {
    let key = super::my_share::member_status_key(&status);
    move || key.map_or_else(|| status.to_string(), |k| t(k)().to_owned())
}

/// The members of an image the user owns: status and since-when, remove one or all.
#[component]
pub fn MembersTable(image_id: String, members: Vec<Member>) -> impl IntoView {
    let version = expect_context::<DataVersion>();
    let remove_action = Action::new_local(move |(image_id, projects): &(String, Vec<String>)| {
        let (backend, image_id, projects) = (current_backend(), image_id.clone(), projects.clone());
        async move {
            for p in &projects {
                backend.remove_image_member(&image_id, p).await?;
            }
            version.bump();
            Ok::<_, crate::api::ApiError>(())
        }
    });
    if members.is_empty() {
        return view! { <p class="ims-muted" data-testid="no-members">{t(Key::NoMembers)}</p> }.into_any();
    }
    let everyone: Vec<String> = members.iter().map(|m| m.member_id.clone()).collect();
    let all_id = image_id.clone();
    let rows = members
        .into_iter()
        .map(|m| {
            let (id, project) = (image_id.clone(), m.member_id.clone());
            view! {
                <tr data-testid="member-row" data-member=m.member_id.clone()>
                    <td>{m.member_id.clone()}</td>
                    <td><span class=format!("ims-badge ims-member-{}", m.status)>{status_text(m.status.clone())}</span></td>
                    <td><TimeText value=m.updated_at.clone() /></td>
                    <td><button type="button" class="ims-secondary" on:click=move |_| { remove_action.dispatch((id.clone(), vec![project.clone()])); }>{t(Key::Remove)}</button></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="ims-table" data-testid="members">
            <thead><tr><th>{t(Key::MemberProject)}</th><th>{t(Key::ColStatus)}</th><th>{t(Key::MemberSince)}</th><th></th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <button type="button" class="ims-secondary" data-testid="remove-all" on:click=move |_| { remove_action.dispatch((all_id.clone(), everyone.clone())); }>
            {t(Key::RemoveAll)}
        </button>
        {move || remove_action.value().get().and_then(Result::err).map(|e| view! { <ErrorPanel error=e on_retry=move |()| {} /> })}
    }
    .into_any()
}
