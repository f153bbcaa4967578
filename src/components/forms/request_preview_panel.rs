use crate::components::common::CopyButton;
use crate::i18n::{t, Key};
use ims_core::view::RequestPreview;
use leptos::prelude::*;

/// The exact request about to be sent — method, URL, headers (token redacted), body — with
/// "copy as curl".
#[component]
pub fn RequestPreviewPanel(
    #[prop(into)] preview: Signal<Option<RequestPreview>>,
    /// Start folded (the list page); forms show theirs open.
    #[prop(optional)]
    folded: bool,
) -> impl IntoView {
    let content = move || {
        preview.get().map(|p| {
            let head = format!("{} {}", p.method, p.url);
            let headers = p.headers.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("\n");
            let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
            let curl = p.to_curl(&origin);
            view! {
                <pre data-testid="preview-head">{head}</pre>
                <pre data-testid="preview-headers">{headers}</pre>
                {p.body.map(|b| view! { <pre data-testid="preview-body">{b}</pre> })}
                <CopyButton value=curl />
                <span class="ims-hint">{t(Key::CopyCurl)}</span>
            }
        })
    };
    view! {
        <details class="ims-preview" open=!folded data-testid="request-preview">
            <summary>{t(Key::RequestPreview)}</summary>
            {content}
        </details>
    }
}
