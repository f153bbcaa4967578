use crate::i18n::{t, Key};
use leptos::prelude::*;

/// What the list says when it is shown after a change made elsewhere — today, the name of the
/// image just deleted from its detail page, which can no longer say so itself.
#[derive(Clone, Copy)]
pub struct PageNotice(pub RwSignal<Option<String>>);

/// The notice above the list, until it is dismissed or the list is left.
#[component]
pub fn PageNoticeBanner() -> impl IntoView {
    let notice = expect_context::<PageNotice>();
    on_cleanup(move || notice.0.set(None));
    move || {
        notice.0.get().map(|name| {
            view! {
                <div class="ims-notice" role="status" data-testid="page-notice">
                    <span>{t(Key::DeletedNotice)} " " <strong>{name}</strong></span>
                    <button type="button" class="ims-secondary" on:click=move |_| notice.0.set(None)>{t(Key::Dismiss)}</button>
                </div>
            }
        })
    }
}
