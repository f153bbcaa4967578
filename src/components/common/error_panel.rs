use crate::api::ApiError;
use crate::i18n::{t, Key};
use leptos::prelude::*;

/// A failed request, with everything a user needs to report it, and a way to try again.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let (status, code, message, request_id) = match &error {
        ApiError::Http { status, code, message, request_id }
        | ApiError::Invalid { status, code, message, request_id, .. } => {
            (Some(*status), Some(code.clone()).filter(|c| !c.is_empty()), message.clone(), request_id.clone())
        }
        other => (None, None, other.to_string(), None),
    };
    // What the status means, in the user's language; the server's own text follows as detail.
    let summary = status.and_then(|s| match s {
        400 => Some(Key::Status400),
        403 => Some(Key::Status403),
        404 => Some(Key::Status404),
        409 => Some(Key::Status409),
        413 => Some(Key::Status413),
        500..=599 => Some(Key::Status5xx),
        _ => None,
    });
    view! {
        <section class="ims-error" role="alert" data-testid="error-panel">
            <h2>{t(Key::ErrorTitle)}</h2>
            {summary.map(|k| view! { <p data-testid="error-summary">{t(k)}</p> })}
            <p data-testid="error-message">{message}</p>
            <dl>
                {status.map(|s| view! { <dt>{t(Key::ErrorStatus)}</dt><dd data-testid="error-status">{s}</dd> })}
                {code.map(|c| view! { <dt>{t(Key::ErrorCode)}</dt><dd data-testid="error-code">{c}</dd> })}
                {request_id.map(|id| view! { <dt>{t(Key::ErrorRequestId)}</dt><dd data-testid="error-request-id">{id}</dd> })}
            </dl>
            <button type="button" data-testid="retry" on:click=move |_| on_retry.run(())>{t(Key::Retry)}</button>
        </section>
    }
}
