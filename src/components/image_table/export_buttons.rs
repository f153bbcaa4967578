use crate::i18n::{t, Key};
use ims_core::fields;
use ims_core::view::{to_csv, to_json};
use ims_core::Image;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Saves `text` as a file through a temporary object URL.
fn download(name: &str, mime: &str, text: &str) {
    let save = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        web_sys::Url::revoke_object_url(&url).ok()
    };
    let _ = save();
}

/// CSV and JSON of the rows shown, in the visible columns.
#[component]
pub fn ExportButtons(
    #[prop(into)] rows: Signal<Vec<Image>>,
    #[prop(into)] columns: Signal<Vec<String>>,
) -> impl IntoView {
    let export = move |json: bool| {
        let cols = columns.get_untracked();
        let names: Vec<&str> = cols.iter().map(String::as_str).collect();
        rows.with_untracked(|rows| {
            if json {
                download("images.json", "application/json", &to_json(rows, &names));
            } else {
                let headers: Vec<&str> = names.iter().map(|c| fields::field(c).map_or(*c, |f| f.label_en)).collect();
                download("images.csv", "text/csv", &to_csv(rows, &names, &headers));
            }
        });
    };
    view! {
        <span class="ims-export">
            <button type="button" class="ims-secondary" data-testid="export-csv" on:click=move |_| export(false)>{t(Key::ExportCsv)}</button>
            <button type="button" class="ims-secondary" data-testid="export-json" on:click=move |_| export(true)>{t(Key::ExportJson)}</button>
        </span>
    }
}
