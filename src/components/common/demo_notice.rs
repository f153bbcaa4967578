use crate::i18n::{t, Key};
use ims_core::demo::saved::SavedStateError;
use leptos::prelude::*;

/// What went wrong with the demo's storage when it opened, until the user dismisses it.
#[derive(Clone, Copy)]
pub struct DemoNotice(pub RwSignal<Option<SavedStateError>>);

/// The notice that saved demo data was unreadable, corrupt or from another version and a
/// fresh catalog took its place — or that the browser keeps no data, so changes last only
/// until the page closes. Nothing is replaced or lost silently.
#[component]
pub fn DemoNoticeBanner() -> impl IntoView {
    let notice = expect_context::<DemoNotice>();
    move || {
        notice.0.get().map(|problem| {
            let message = if problem.replaced_saved_data() { Key::DemoDataReplaced } else { Key::DemoNoStorage };
            view! {
                <div class="ims-notice" role="alert" data-testid="demo-notice">
                    <p>{t(message)}</p>
                    <p class="ims-hint">{problem.to_string()}</p>
                    <button type="button" class="ims-secondary" on:click=move |_| notice.0.set(None)>{t(Key::Dismiss)}</button>
                </div>
            }
        })
    }
}
