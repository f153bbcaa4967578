//! The forms in the browser: messages follow the input, and the patch preview is exactly the
//! edits, in the chosen media type.
#![cfg(target_arch = "wasm32")]

use ims_console::components::forms::edit_form::EditForm;
use ims_console::config::ConsoleConfig;
use ims_console::data_version::DataVersion;
use ims_console::pages::image_create_page::ImageCreatePage;
use ims_console::router::Router;
use ims_console::session::Session;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let root: web_sys::HtmlElement = document().create_element("div").expect("div").unchecked_into();
    document().body().expect("body").append_child(&root).expect("append");
    root
}

fn find<T: JsCast>(root: &web_sys::HtmlElement, selector: &str) -> T {
    root.query_selector(selector).expect("selector").expect(selector).unchecked_into()
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).expect("selector").length()
}

fn type_into(input: &web_sys::HtmlInputElement, value: &str) {
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
}

fn contexts() {
    provide_context(Session::new(&ConsoleConfig::default()));
    provide_context(DataVersion(RwSignal::new(0)));
}

#[wasm_bindgen_test]
async fn create_form_messages_appear_and_disappear_with_input() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        contexts();
        view! { <Router><ImageCreatePage /></Router> }
    });
    leptos::task::tick().await;
    let name: web_sys::HtmlInputElement = find(&root, "#field-name");
    let create: web_sys::HtmlButtonElement = find(&root, "[data-testid=create]");
    assert!(create.disabled(), "an empty name is not a valid create");
    type_into(&name, &"n".repeat(256));
    leptos::task::tick().await;
    let error: web_sys::HtmlElement = find(&root, "[data-testid=field-error]");
    assert!(error.text_content().unwrap_or_default().contains("255"), "the 255 limit is named");
    assert!(create.disabled());
    type_into(&name, "fine");
    leptos::task::tick().await;
    assert_eq!(count(&root, "[data-testid=field-error]"), 0);
    assert!(!create.disabled());
    type_into(&find(&root, "#field-min_ram"), "-5");
    leptos::task::tick().await;
    assert_eq!(count(&root, "[data-testid=field-error]"), 1);
}

#[wasm_bindgen_test]
async fn patch_preview_follows_the_edits_and_the_media_type() {
    let root = container();
    let image: ims_core::Image =
        serde_json::from_str(r#"{"id":"i-1","name":"before","status":"active","team":"x"}"#).expect("image");
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        contexts();
        view! { <Router><EditForm image=image.clone() /></Router> }
    });
    leptos::task::tick().await;
    let body = || find::<web_sys::HtmlElement>(&root, "[data-testid=preview-body]").text_content().unwrap_or_default();
    let parsed = || serde_json::from_str::<serde_json::Value>(&body()).expect("the preview is JSON");
    assert_eq!(parsed(), serde_json::json!([]));
    type_into(&find(&root, "#field-name"), "after");
    leptos::task::tick().await;
    assert_eq!(parsed(), serde_json::json!([{"op": "replace", "path": "/name", "value": "after"}]));
    let media: web_sys::HtmlSelectElement = find(&root, "[data-testid=media-type]");
    media.set_value("v2.0");
    media.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    leptos::task::tick().await;
    assert_eq!(parsed(), serde_json::json!([{"replace": "/name", "value": "after"}]));
    let headers =
        find::<web_sys::HtmlElement>(&root, "[data-testid=preview-headers]").text_content().unwrap_or_default();
    assert!(headers.contains("application/openstack-images-v2.0-json-patch"), "{headers}");
    assert!(!headers.contains("demo-token"), "the token is redacted");
}
