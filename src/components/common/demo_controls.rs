use crate::api::demo;
use crate::components::common::demo_notice::DemoNotice;
use crate::data_version::DataVersion;
use crate::i18n::{current_lang, t, text, Key};
use crate::session::{Session, DEMO_PROJECTS};
use leptos::prelude::*;

/// The demo's part of the header, shown while the in-browser demo answers: says so, switches
/// the demo project (to play both sides of sharing) and resets the data.
#[component]
pub fn DemoControls() -> impl IntoView {
    let session = expect_context::<Session>();
    let notice = expect_context::<DemoNotice>();
    let version = expect_context::<DataVersion>();
    // Opening the demo here, before any page asks it for data, is what lets the user see why
    // saved data had to be replaced.
    if let Some(problem) = demo::open() {
        notice.0.set(Some(problem));
    }
    let reset_error = RwSignal::new(None::<String>);
    let reset = move |_| {
        if !window().confirm_with_message(text(current_lang(), Key::DemoResetConfirm)).unwrap_or(false) {
            return;
        }
        match demo::reset() {
            Ok(()) => {
                notice.0.set(None);
                reset_error.set(None);
                version.bump();
            }
            Err(e) => reset_error.set(Some(e.to_string())),
        }
    };
    let project_label = |name: &str| if name == "A" { t(Key::DemoProjectA)() } else { t(Key::DemoProjectB)() };
    view! {
        <div class="ims-demo-controls" data-testid="demo-controls">
            <span class="ims-badge ims-demo-badge" data-testid="demo-badge" title=t(Key::DemoBadgeHint)>{t(Key::DemoBadge)}</span>
            <label>
                <span class="ims-visually-hidden">{t(Key::DemoProject)}</span>
                <select data-testid="demo-project" prop:value=move || session.project.get()
                    on:change:target=move |ev| session.set_project(&ev.target().value())>
                    {DEMO_PROJECTS.iter().map(|(name, id)| {
                        let label = move || project_label(name);
                        view! { <option value=*id title=*id>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <button type="button" class="ims-secondary" data-testid="demo-reset" on:click=reset>{t(Key::DemoReset)}</button>
            {move || reset_error.get().map(|e| view! { <span class="ims-field-error" role="alert">{e}</span> })}
        </div>
    }
}
