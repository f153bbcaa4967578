use crate::api::ApiError;
use crate::components::common::{ErrorPanel, SignInForm};
use crate::components::sharing::inbox_table::InboxTable;
use crate::components::sharing::DataVersion;
use crate::hooks::use_query_param;
use crate::i18n::{t, Key};
use crate::router::link_href;
use crate::session::current_backend;
use ims_core::model::MemberStatus;
use leptos::prelude::*;

const STATES: [(MemberStatus, Key); 3] = [
    (MemberStatus::Pending, Key::Pending),
    (MemberStatus::Accepted, Key::Accepted),
    (MemberStatus::Rejected, Key::Rejected),
];

/// `/shared-with-me`: shares offered to the caller, by state, with counts.
#[component]
pub fn InboxPage() -> impl IntoView {
    let version = expect_context::<DataVersion>();
    let query = use_query_param("status");
    let status = Memo::new(move |_| query.get().map_or(MemberStatus::Pending, |s| MemberStatus::from_wire(&s)));
    let inbox_resource = LocalResource::new(move || {
        let (backend, _) = (current_backend(), version.0.get());
        async move {
            let mut lists: [Vec<_>; 3] = Default::default();
            for (list, (state, _)) in lists.iter_mut().zip(&STATES) {
                *list = backend.list_images(&backend.flavour().inbox_query(state)).await?.images;
            }
            Ok::<_, ApiError>(ims_core::backend::shared_with_caller(lists))
        }
    });
    let tabs = move || {
        let counts = inbox_resource.get().and_then(Result::ok).map(|l| l.iter().map(Vec::len).collect::<Vec<_>>());
        STATES
            .iter()
            .enumerate()
            .map(|(i, (state, key))| {
                let count = counts.as_ref().map(|c| format!(" ({})", c[i])).unwrap_or_default();
                let selected = (status.get() == *state).to_string();
                view! {
                    <a role="tab" aria-selected=selected data-testid=format!("inbox-tab-{state}") href=link_href(&format!("/shared-with-me?status={state}"))>
                        {t(*key)} {count}
                    </a>
                }
            })
            .collect_view()
    };
    let body = move || {
        inbox_resource.get().map(|r| match r {
            Ok(lists) => {
                let i = STATES.iter().position(|(s, _)| *s == status.get()).unwrap_or(0);
                view! { <InboxTable images=lists[i].clone() status=status.get() /> }.into_any()
            }
            Err(e) if e.is_unauthorized() => view! { <SignInForm rejected=true /> }.into_any(),
            Err(e) => view! { <ErrorPanel error=e on_retry=move |()| inbox_resource.refetch() /> }.into_any(),
        })
    };
    view! {
        <h1>{t(Key::Inbox)}</h1>
        <nav class="ims-tabs" role="tablist">{tabs}</nav>
        <Transition fallback=|| view! { <p class="ims-loading">{t(Key::Loading)}</p> }>{body}</Transition>
    }
}
