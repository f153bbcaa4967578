//! Embedding in headless Chromium: a host's options as the console reads them, the router's
//! address shapes, and a console mounted into and unmounted from a host element.
#![cfg(target_arch = "wasm32")]

use ims_console::config::ConsoleConfig;
use ims_console::i18n::Lang;
use ims_console::router::Routing;
use ims_console::theme::Theme;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test options are JSON")
}

#[wasm_bindgen_test]
fn a_host_without_an_endpoint_gets_the_demo_with_hash_routing() {
    let config = ConsoleConfig::embedded(&JsValue::UNDEFINED).expect("no options are fine");
    assert_eq!(config.endpoint, None);
    assert_eq!(config.routing, Routing::Hash);
    assert!(config.embedded);
}

#[wasm_bindgen_test]
fn every_option_is_read() {
    let json = r#"{"endpoint":" https://ims.example.com ","flavour":"glance","token":"t0k","routing":"path",
        "basePath":"/admin/images/","language":"zh-CN","theme":"dark"}"#;
    let config = ConsoleConfig::embedded(&options(json)).expect("valid options");
    assert_eq!(config.endpoint.as_deref(), Some("https://ims.example.com"));
    assert_eq!(config.token.as_deref(), Some("t0k"));
    assert_eq!(config.routing, Routing::Path { base: "/admin/images".into() });
    assert_eq!((config.lang, config.theme), (Some(Lang::ZhCn), Some(Theme::Dark)));
}

#[wasm_bindgen_test]
fn a_token_function_becomes_a_provider() {
    let opts = options("{}");
    let function = js_sys::Function::new_no_args("return 'from-host'");
    js_sys::Reflect::set(&opts, &"token".into(), &function).expect("set");
    let config = ConsoleConfig::embedded(&opts).expect("valid options");
    assert!(config.token_provider.is_some());
    assert_eq!(config.token, None);
}

#[wasm_bindgen_test]
fn a_bad_option_is_named_not_a_panic() {
    for (json, option) in [
        (r#"{"routing":"history"}"#, "routing"),
        (r#"{"theme":"blue"}"#, "theme"),
        (r#"{"language":"fr"}"#, "language"),
        (r#"{"endpoint":42}"#, "endpoint"),
        (r#"{"token":true}"#, "token"),
        ("7", "config"),
    ] {
        let error = ConsoleConfig::embedded(&options(json)).expect_err(json);
        assert_eq!(error.option, option, "{json}");
    }
}

#[wasm_bindgen_test]
fn routes_become_addresses_under_a_base_or_a_hash() {
    assert_eq!(Routing::path("/demo/").href("/images/abc"), "/demo/images/abc");
    assert_eq!(Routing::path("demo").href("/?tab=private"), "/demo/?tab=private");
    assert_eq!(Routing::path("/").href("/settings"), "/settings");
    assert_eq!(Routing::Hash.href("/images/abc?x=1"), "#/images/abc?x=1");
}

#[wasm_bindgen_test]
fn addresses_read_back_as_app_paths() {
    let app = |r: &Routing, path: &str, search: &str, hash: &str| r.app_location(path, search, hash);
    let admin = Routing::path("/admin");
    assert_eq!(app(&admin, "/admin/images/abc", "?x=1", ""), Some(("/images/abc".into(), "x=1".into())));
    assert_eq!(app(&admin, "/admin", "", ""), Some(("/".into(), String::new())));
    let hash = Routing::Hash;
    assert_eq!(
        app(&hash, "/host/page.html", "?host=1", "#/images/abc?tab=private"),
        Some(("/images/abc".into(), "tab=private".into()))
    );
    assert_eq!(app(&hash, "/host/page.html", "", ""), Some(("/".into(), String::new())));
    assert_eq!(app(&hash, "/", "", "#overview"), None, "the host's own fragment is not a route");
}

#[wasm_bindgen_test]
async fn mount_draws_only_inside_the_host_element_and_unmount_removes_it() {
    let document = leptos::prelude::document();
    let host: web_sys::HtmlElement = document.create_element("section").expect("create").unchecked_into();
    document.body().expect("body").append_child(&host).expect("append");
    let before = document.body().expect("body").child_element_count();
    let mounted =
        ims_console::embed::mount(host.clone(), &options(r#"{"language":"zh-CN","theme":"light"}"#)).expect("mounts");
    leptos::task::tick().await;
    let root = host.query_selector(".ims-console").expect("selector").expect("the console's root in the host");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("zh-CN"));
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("light"));
    assert_eq!(document.body().expect("body").child_element_count(), before, "nothing drawn outside the host");
    ims_console::embed::unmount(mounted);
    assert!(host.query_selector(".ims-console").expect("selector").is_none());
    host.remove();
}
