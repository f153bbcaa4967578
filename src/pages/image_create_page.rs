use crate::api::ApiError;
use crate::components::common::ErrorPanel;
use crate::components::forms::image_fields::ImageFields;
use crate::components::forms::properties_editor::PropertiesEditor;
use crate::components::forms::request_preview_panel::RequestPreviewPanel;
use crate::components::forms::tags_editor::TagsEditor;
use crate::components::forms::unsaved_guard::use_unsaved_changes;
use crate::data_version::DataVersion;
use crate::hooks::{image_href, use_navigate_after};
use crate::i18n::{current_lang, t, validation_text, Key};
use crate::session::current_backend;
use ims_core::request::ApiRequest;
use ims_core::validate::create_warnings;
use ims_core::view::ImageForm;
use leptos::prelude::*;

/// `/images/new`: every field of the create document, checked on every keystroke with the
/// server's own rules; the request is shown before it is sent; 201 leads to the new image.
#[component]
pub fn ImageCreatePage() -> impl IntoView {
    let form = RwSignal::new(ImageForm::default());
    let flavour = current_backend().flavour();
    let request = Memo::new(move |_| form.with(|f| f.create_request(flavour)));
    let navigate = use_navigate_after();
    let version = expect_context::<DataVersion>();
    let create_action = Action::new_local(move |(): &()| {
        let (backend, navigate, request) = (current_backend(), navigate.clone(), request.get_untracked());
        async move {
            let request = request.map_err(|_| ApiError::Validation("the form has problems".into()))?;
            let made = backend.create_image(&request).await?;
            version.bump();
            navigate(image_href(made.id.get().map(String::as_str).unwrap_or_default()));
            Ok::<_, ApiError>(made)
        }
    });
    let errors = Signal::derive(move || {
        let mut all = request.get().err().unwrap_or_default();
        if let Some(Err(ApiError::Invalid { details, .. })) = create_action.value().get() {
            all.extend(details);
        }
        all
    });
    // Each warning names its field: it is shown below the whole form, not at the field.
    let warnings = move || {
        let lang = current_lang();
        let named = |w: &ims_core::validate::ValidationError| {
            let label = |d: &'static ims_core::fields::FieldDef| match lang {
                crate::i18n::Lang::En => d.label_en,
                crate::i18n::Lang::ZhCn => d.label_zh,
            };
            let field = ims_core::fields::field(&w.field).map_or(w.field.as_str(), label);
            format!("{field}{} {}", crate::i18n::text(lang, Key::Colon), validation_text(w, lang))
        };
        let flavour = current_backend().flavour();
        request.get().ok().map(|r| create_warnings(&r, flavour).iter().map(named).collect::<Vec<_>>().join(" "))
    };
    use_unsaved_changes(Signal::derive(move || form.with(|f| *f != ImageForm::default())));
    let backend = current_backend();
    let preview =
        Signal::derive(move || Some(ApiRequest::create_image(&request.get().ok()?).preview(backend.endpoint())));
    let can_create = move || request.with(Result::is_ok) && !create_action.pending().get();
    let failure = move || match create_action.value().get() {
        Some(Err(e)) if !matches!(e, ApiError::Invalid { .. }) => {
            Some(view! { <ErrorPanel error=e on_retry=move |()| { create_action.dispatch(()); } /> })
        }
        _ => None,
    };
    view! {
        <h1>{t(Key::NewImage)}</h1>
        <form class="ims-form" data-testid="create-form" novalidate on:submit=move |ev| { ev.prevent_default(); if can_create() { create_action.dispatch(()); } }>
            <ImageFields form=form errors=errors create=true />
            <p class="ims-hint" data-testid="warnings">{warnings}</p>
            <TagsEditor form=form errors=errors />
            <PropertiesEditor form=form errors=errors />
            <RequestPreviewPanel preview=preview />
            <button type="submit" data-testid="create" disabled=move || !can_create()>{t(Key::Create)}</button>
            {failure}
        </form>
    }
}
