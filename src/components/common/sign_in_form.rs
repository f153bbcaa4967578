use crate::i18n::{t, Key};
use crate::session::Session;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Asks for a token when there is none, or (`rejected`) when the server refused the one we had.
#[component]
pub fn SignInForm(#[prop(optional)] rejected: bool) -> impl IntoView {
    let session = expect_context::<Session>();
    let token = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = token.get_untracked().trim().to_owned();
        if !value.is_empty() {
            session.set_token(Some(value));
        }
    };
    view! {
        <form class="ims-sign-in" data-testid="sign-in" on:submit=submit>
            <h2>{t(Key::SignInTitle)}</h2>
            {rejected.then(|| view! { <p class="ims-alert" role="alert" data-testid="sign-in-rejected">{t(Key::TokenRejected)}</p> })}
            <p>{t(Key::SignInHint)}</p>
            <label>
                {t(Key::Token)}
                <input
                    type="password"
                    name="token"
                    autocomplete="off"
                    required
                    prop:value=move || token.get()
                    on:input:target=move |ev| token.set(ev.target().value())
                />
            </label>
            <button type="submit">{t(Key::SignIn)}</button>
        </form>
    }
}
