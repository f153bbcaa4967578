use crate::i18n::{t, Key};
use leptos::prelude::*;

/// Why the demo's saved data was replaced by a fresh seed, until the user dismisses it.
#[derive(Clone, Copy)]
pub struct DemoNotice(pub RwSignal<Option<String>>);

/// The notice that saved demo data was unreadable, corrupt or from another version and a
/// fresh catalog took its place: nothing is replaced silently.
#[component]
pub fn DemoNoticeBanner() -> impl IntoView {
    let notice = expect_context::<DemoNotice>();
    move || {
        notice.0.get().map(|reason| {
            view! {
                <div class="ims-notice" role="alert" data-testid="demo-notice">
                    <p>{t(Key::DemoDataReplaced)}</p>
                    <p class="ims-hint">{reason}</p>
                    <button type="button" class="ims-secondary" on:click=move |_| notice.0.set(None)>{t(Key::Dismiss)}</button>
                </div>
            }
        })
    }
}
