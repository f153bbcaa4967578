//! Component tests in headless Chromium: mount, act, `tick()`, assert on what a user sees.
#![cfg(target_arch = "wasm32")]

use ims_console::api::ApiError;
use ims_console::components::common::ErrorPanel;
use ims_console::components::image_table::ImageTable;
use ims_core::Image;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc.create_element("div").expect("create a div");
    doc.body().expect("a body").append_child(&div).expect("append");
    div.unchecked_into()
}

fn image(json: &str) -> Image {
    serde_json::from_str(json).expect("test image")
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn table_renders_one_row_per_image_with_api_text_as_text() {
    let root = fresh_container();
    let images = vec![
        image(r#"{"id":"1","name":"<img src=x onerror=alert(1)>","status":"active","__platform":"Ubuntu"}"#),
        image(r#"{"id":"2","name":"plain","status":"queued","__platform":null,"virtual_size":null}"#),
    ];
    let columns = cols(&["name", "status", "__platform", "virtual_size", "team"]);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <ImageTable images=images.clone() columns=columns.clone() /> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=image-row] [data-col=name]"), ["<img src=x onerror=alert(1)>", "plain"]);
    assert!(root.query_selector("tbody img").expect("selector").is_none(), "API text became markup");
    assert_eq!(texts(&root, "tbody [data-col=__platform]"), ["Ubuntu", ""]);
    assert_eq!(texts(&root, "tbody [data-col=status]"), ["active", "queued"]);
    assert_eq!(texts(&root, "tbody [data-col=virtual_size]"), ["", ""], "null renders as an empty cell");
    assert_eq!(texts(&root, "thead th").len(), 6, "selection column and five chosen columns");
}

#[wasm_bindgen_test]
async fn custom_property_columns_and_row_selection() {
    let root = fresh_container();
    let images = vec![image(r#"{"id":"1","name":"a","team":"blue"}"#), image(r#"{"id":"2","name":"b"}"#)];
    let selection = RwSignal::new(std::collections::BTreeSet::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <ImageTable images=images.clone() columns=cols(&["name", "team"]) selection=selection /> }
    });
    tick().await;
    assert_eq!(texts(&root, "tbody [data-col=team]"), ["blue", ""]);
    let all: web_sys::HtmlElement =
        root.query_selector("thead input[type=checkbox]").expect("selector").expect("select all").unchecked_into();
    all.click();
    tick().await;
    assert_eq!(selection.get_untracked().len(), 2);
}

fn cols(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

#[wasm_bindgen_test]
async fn error_panel_shows_status_code_request_id_and_retries() {
    let root = fresh_container();
    let retries = RwSignal::new(0);
    let error = ApiError::Http {
        status: 404,
        code: "IMS.0004".into(),
        message: "image x could not be found".into(),
        request_id: Some("req-1".into()),
    };
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <ErrorPanel error=error.clone() on_retry=move |()| retries.update(|n| *n += 1) /> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=error-status]"), ["404"]);
    assert_eq!(texts(&root, "[data-testid=error-code]"), ["IMS.0004"]);
    assert_eq!(texts(&root, "[data-testid=error-request-id]"), ["req-1"]);
    assert_eq!(texts(&root, "[data-testid=error-message]"), ["image x could not be found"]);
    let button: web_sys::HtmlElement =
        root.query_selector("[data-testid=retry]").expect("selector").expect("retry button").unchecked_into();
    button.click();
    tick().await;
    assert_eq!(retries.get_untracked(), 1);
}

async fn tick() {
    leptos::task::tick().await;
}
