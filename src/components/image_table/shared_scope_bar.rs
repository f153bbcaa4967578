use crate::caller::use_caller;
use crate::hooks::list_href;
use crate::i18n::{t, Key};
use crate::router::link_href;
use ims_core::view::{ListView, SharedScope};
use leptos::prelude::*;

/// On the Shared tab, which shared images: all, the caller's own that others were given, or
/// the other projects' images the caller accepted (`ims_core::view::SharedScope`). Links, so
/// each has its own address; drawn once the caller's project is known.
#[component]
pub fn SharedScopeBar(view: ListView) -> impl IntoView {
    let caller = use_caller();
    move || {
        let me = caller.get()?;
        let current = view.shared_scope(Some(&me));
        let links = SharedScope::ALL
            .iter()
            .map(|&scope| {
                let key = match scope {
                    SharedScope::All => Key::SharedScopeAll,
                    SharedScope::ByMe => Key::SharedByMe,
                    SharedScope::WithMe => Key::SharedAcceptedByMe,
                };
                let href = link_href(&list_href(&view.with_shared_scope(scope, &me)));
                view! { <a href=href aria-current=(scope == current).then_some("page")>{t(key)}</a> }
            })
            .collect_view();
        Some(view! { <nav class="ims-scopes" aria-label=t(Key::SharedScope) data-testid="shared-scope">{links}</nav> })
    }
}
