use crate::api::Flavour;
use crate::i18n::{t, Key};
use crate::session::Session;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// `/settings`: where the console connects and how it keeps the token.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let demo = RwSignal::new(session.demo.get_untracked());
    let endpoint = RwSignal::new(session.endpoint.get_untracked());
    let flavour = RwSignal::new(session.flavour.get_untracked());
    let remember = RwSignal::new(session.remember.get_untracked());
    let token = RwSignal::new(session.token.get_untracked().unwrap_or_default());
    let own_project = RwSignal::new(session.own_project.get_untracked());
    let saved = RwSignal::new(false);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        session.configure(
            demo.get_untracked(),
            endpoint.get_untracked(),
            flavour.get_untracked(),
            remember.get_untracked(),
            own_project.get_untracked(),
        );
        let token = token.get_untracked().trim().to_owned();
        session.set_token((!token.is_empty()).then_some(token));
        saved.set(true);
    };
    view! {
        <h1>{t(Key::Settings)}</h1>
        <form class="ims-settings" data-testid="settings" on:submit=save>
            // The choice exists only in a build that has the in-browser demo.
            {crate::api::demo::BUILT_IN.then(|| view! {
                <fieldset class="ims-choice">
                    <legend>{t(Key::Backend)}</legend>
                    <label class="ims-check">
                        <input type="radio" name="backend" data-testid="backend-demo" prop:checked=move || demo.get()
                            on:change=move |_| demo.set(true) />
                        {t(Key::BackendDemo)}
                    </label>
                    <label class="ims-check">
                        <input type="radio" name="backend" data-testid="backend-http" prop:checked=move || !demo.get()
                            on:change=move |_| demo.set(false) />
                        {t(Key::BackendHttp)}
                    </label>
                </fieldset>
            })}
            <label for="endpoint">{t(Key::Endpoint)}</label>
            <input id="endpoint" disabled=move || demo.get() type="url" placeholder="https://ims.example.com" prop:value=move || endpoint.get()
                on:input:target=move |ev| endpoint.set(ev.target().value()) />
            <p class="ims-hint">{t(Key::EndpointHint)}</p>
            <label for="flavour">{t(Key::Flavour)}</label>
            <select id="flavour" disabled=move || demo.get() prop:value=move || flavour.get().as_str() on:change:target=move |ev| {
                flavour.set(Flavour::from_tag(&ev.target().value()).unwrap_or_default())
            }>
                <option value="ims">{t(Key::FlavourIms)}</option>
                <option value="glance">{t(Key::FlavourGlance)}</option>
            </select>
            <label for="settings-token">{t(Key::Token)}</label>
            <input id="settings-token" disabled=move || demo.get() type="password" autocomplete="off" prop:value=move || token.get()
                on:input:target=move |ev| token.set(ev.target().value()) />
            <label for="own-project">{t(Key::OwnProject)}</label>
            <input id="own-project" disabled=move || demo.get() autocomplete="off" spellcheck="false" prop:value=move || own_project.get()
                on:input:target=move |ev| own_project.set(ev.target().value()) />
            <p class="ims-hint">{t(Key::OwnProjectHint)}</p>
            <label class="ims-check">
                <input type="checkbox" prop:checked=move || remember.get() on:change:target=move |ev| remember.set(ev.target().checked()) />
                {t(Key::RememberToken)}
            </label>
            <Show when=move || remember.get()>
                <p class="ims-warning" role="alert" data-testid="remember-warning">{t(Key::RememberWarning)}</p>
            </Show>
            <button type="submit">{t(Key::Save)}</button>
            <Show when=move || saved.get()>
                <p role="status">{t(Key::Saved)}</p>
            </Show>
        </form>
    }
}
