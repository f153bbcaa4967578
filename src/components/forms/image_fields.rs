use super::FieldErrors;
use crate::i18n::{field_label, t, Key};
use crate::session::current_backend;
use ims_core::fields;
use ims_core::os::{classify, KNOWN_VERSIONS};
use ims_core::validate::ValidationError;
use ims_core::view::ImageForm;
use leptos::prelude::*;

fn label(wire: &'static str) -> impl Fn() -> &'static str + Copy {
    let def = fields::field(wire);
    move || def.map_or(wire, |d| field_label(d)())
}

/// The attributes a form edits as inputs: name and description always; on create also the OS
/// version (with the derived type, platform and bit shown live), formats, sizes and protection.
#[component]
pub fn ImageFields(
    form: RwSignal<ImageForm>,
    #[prop(into)] errors: Signal<Vec<ValidationError>>,
    create: bool,
) -> impl IntoView {
    let text = move |wire: &'static str, get: fn(&ImageForm) -> &String, set: fn(&mut ImageForm, String)| {
        let id = format!("field-{wire}");
        view! {
            <div class="ims-field">
                <label for=id.clone()>{label(wire)}</label>
                <input id=id type="text" prop:value=move || form.with(|f| get(f).clone()) on:input:target=move |ev| form.update(|f| set(f, ev.target().value())) />
                <FieldErrors field=wire errors=errors />
            </div>
        }
    };
    let name = text("name", |f| &f.name, |f, v| f.name = v);
    let description = view! {
        <div class="ims-field">
            <label for="field-__description">{label("__description")}</label>
            <textarea id="field-__description" rows="2" prop:value=move || form.with(|f| f.description.clone())
                on:input:target=move |ev| form.update(|f| f.description = ev.target().value())></textarea>
            <FieldErrors field="__description" errors=errors />
        </div>
    };
    // The backend's own vocabulary; only IMS derives the OS fields from the OS version.
    let flavour = current_backend().flavour();
    let options = |values: &'static [&'static str]| {
        values.iter().map(|v| view! { <option value=*v>{*v}</option> }).collect_view()
    };
    let create_fields = create.then(|| {
        let os = move || classify(&form.with(|f| f.os_version.clone()));
        let derived = move || { let c = os(); format!("{} · {} · {}-bit", c.os_type, c.platform, c.bit) };
        let number = move |wire: &'static str, get: fn(&ImageForm) -> &String, set: fn(&mut ImageForm, String)| {
            let id = format!("field-{wire}");
            view! {
                <div class="ims-field">
                    <label for=id.clone()>{label(wire)}</label>
                    <input id=id type="number" step="1" prop:value=move || form.with(|f| get(f).clone()) on:input:target=move |ev| form.update(|f| set(f, ev.target().value())) />
                    <FieldErrors field=wire errors=errors />
                </div>
            }
        };
        view! {
            {flavour.derives_os_fields().then(|| view! {
                <div class="ims-field">
                    <label for="field-__os_version">{label("__os_version")}</label>
                    <input id="field-__os_version" type="search" list="os-versions" prop:value=move || form.with(|f| f.os_version.clone())
                        on:input:target=move |ev| form.update(|f| f.os_version = ev.target().value()) />
                    <datalist id="os-versions">{KNOWN_VERSIONS.iter().map(|v| view! { <option value=*v></option> }).collect_view()}</datalist>
                    <p class="ims-hint" data-testid="derived-os">{t(Key::DerivedOs)} {t(Key::Colon)} " " {derived}</p>
                    <FieldErrors field="__os_version" errors=errors />
                </div>
            })}
            <div class="ims-field">
                <label for="field-container_format">{label("container_format")}</label>
                <select id="field-container_format" prop:value=move || form.with(|f| f.container_format.clone()) on:change:target=move |ev| form.update(|f| f.container_format = ev.target().value())>
                    {options(flavour.container_formats())}
                </select>
            </div>
            <div class="ims-field">
                <label for="field-disk_format">{label("disk_format")}</label>
                <select id="field-disk_format" prop:value=move || form.with(|f| f.disk_format.clone()) on:change:target=move |ev| form.update(|f| f.disk_format = ev.target().value())>
                    {options(flavour.disk_formats())}
                </select>
                <FieldErrors field="disk_format" errors=errors />
            </div>
            {number("min_disk", |f| &f.min_disk, |f, v| f.min_disk = v)}
            {number("min_ram", |f| &f.min_ram, |f, v| f.min_ram = v)}
            <label class="ims-check">
                <input type="checkbox" prop:checked=move || form.with(|f| f.protected) on:change:target=move |ev| form.update(|f| f.protected = ev.target().checked()) />
                {label("protected")}
            </label>
        }
    });
    view! { <div class="ims-form-grid">{name} {description} {create_fields}</div> }
}
