use super::image_fields::ImageFields;
use super::properties_editor::PropertiesEditor;
use super::request_preview_panel::RequestPreviewPanel;
use super::tags_editor::TagsEditor;
use super::unsaved_guard::use_unsaved_changes;
use crate::api::ApiError;
use crate::components::common::ErrorPanel;
use crate::data_version::DataVersion;
use crate::hooks::{image_href, use_navigate_after};
use crate::i18n::{field_label, t, Key};
use crate::session::current_backend;
use ims_core::fields::FIELDS;
use ims_core::patch::{diff, MediaType};
use ims_core::request::ApiRequest;
use ims_core::view::ImageForm;
use ims_core::Image;
use leptos::prelude::*;

/// Edits what PATCH may change — name, description, tags, custom properties — and shows the
/// JSON patch that will be sent, in the chosen media type, exactly as it is sent.
#[component]
pub fn EditForm(image: Image) -> impl IntoView {
    let original = StoredValue::new(image.clone());
    let id = image.id.get().cloned().unwrap_or_default();
    let preview_id = id.clone();
    let flavour = current_backend().flavour();
    let form = RwSignal::new(ImageForm::from_image(&image, flavour));
    let media = RwSignal::new(MediaType::V2_1);
    let edited = Memo::new(move |_| original.with_value(|o| form.with(|f| f.edited(o, flavour))));
    let ops = Memo::new(move |_| edited.get().map(|e| original.with_value(|o| diff(o, &e))).unwrap_or_default());
    let ops_now = move || ops.get_untracked();
    let navigate = use_navigate_after();
    let version = expect_context::<DataVersion>();
    let save_action = Action::new_local(move |(): &()| {
        let (backend, id, navigate) = (current_backend(), id.clone(), navigate.clone());
        let (ops, media) = (ops_now(), media.get_untracked());
        async move {
            let saved = backend.update_image(&id, &ops, media).await?;
            version.bump();
            navigate(image_href(&id));
            Ok::<_, ApiError>(saved)
        }
    });
    // The server's own refusals, put at their fields (a 403 read-only or 409 missing property).
    let server_errors = Memo::new(move |_| match save_action.value().get() {
        Some(Err(ApiError::Invalid { details, .. })) => details,
        _ => Vec::new(),
    });
    let errors = Signal::derive(move || {
        let mut all = edited.get().err().unwrap_or_default();
        all.extend(server_errors.get());
        all
    });
    use_unsaved_changes(Signal::derive(move || !ops.with(Vec::is_empty)));
    let backend = current_backend();
    let preview = Signal::derive(move || {
        Some(ApiRequest::update_image(&preview_id, &ops.get(), media.get()).preview(backend.endpoint()))
    });
    let failure = move || match save_action.value().get() {
        Some(Err(ApiError::Invalid { .. })) | None | Some(Ok(_)) => None,
        Some(Err(e)) => Some(view! { <ErrorPanel error=e on_retry=move |()| { save_action.dispatch(()); } /> }),
    };
    let can_save = move || edited.with(Result::is_ok) && !ops.with(Vec::is_empty) && !save_action.pending().get();
    let read_only = FIELDS
        .iter()
        .filter(|f| !f.editable)
        .filter_map(|f| Some((f, image.attr_text(f.wire)?)))
        .map(|(f, v)| view! { <dt>{field_label(f)}</dt><dd>{v}</dd> })
        .collect_view();
    view! {
        <form class="ims-form" data-testid="edit-form" novalidate on:submit=move |ev| { ev.prevent_default(); if can_save() { save_action.dispatch(()); } }>
            <ImageFields form=form errors=errors create=false />
            <TagsEditor form=form errors=errors />
            <PropertiesEditor form=form errors=errors />
            <label class="ims-field">
                {t(Key::MediaType)}
                <select data-testid="media-type" on:change:target=move |ev| media.set(if ev.target().value() == "v2.0" { MediaType::V2_0 } else { MediaType::V2_1 })>
                    <option value="v2.1">{MediaType::V2_1.content_type()}</option>
                    <option value="v2.0">{MediaType::V2_0.content_type()}</option>
                </select>
            </label>
            <RequestPreviewPanel preview=preview />
            <Show when=move || ops.with(Vec::is_empty)><p class="ims-hint" data-testid="no-changes">{t(Key::NoChanges)}</p></Show>
            <button type="submit" data-testid="save" disabled=move || !can_save()>{t(Key::SaveChanges)}</button>
            {failure}
        </form>
        <details class="ims-group">
            <summary>{t(Key::ReadOnlyReason)}</summary>
            <dl>{read_only}</dl>
        </details>
    }
}
