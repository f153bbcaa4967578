//! The filter builder and the URL: fields start from the URL's filters, and applying them
//! writes the new filters back into the URL (first page, sort and page size kept).
#![cfg(target_arch = "wasm32")]

use ims_console::components::filters::FilterBar;
use ims_console::router::Router;
use ims_core::view::ListView;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount(url_query: &str) -> (web_sys::HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    let doc = document();
    let root: web_sys::HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body().expect("body").append_child(&root).expect("append");
    let view = ListView::parse(url_query).expect("test URL");
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><FilterBar view=view.clone() flavour=ims_core::Flavour::Ims /></Router> }
    });
    (root, handle)
}

fn field<T: JsCast>(root: &web_sys::HtmlElement, selector: &str) -> T {
    root.query_selector(selector).expect("selector").expect(selector).unchecked_into()
}

fn search() -> String {
    window().location().search().unwrap_or_default()
}

fn submit(root: &web_sys::HtmlElement) {
    field::<web_sys::HtmlElement>(root, "[data-testid=apply-filters]").click();
}

fn type_into(input: &web_sys::HtmlInputElement, value: &str) {
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
}

#[wasm_bindgen_test]
async fn fields_start_from_the_url_and_apply_writes_it_back() {
    let (root, _handle) = mount("tab=private&__platform=Ubuntu&sort_key=name&limit=20&marker=m9&prev=m1");
    leptos::task::tick().await;
    assert_eq!(field::<web_sys::HtmlSelectElement>(&root, "#filter-__platform").value(), "Ubuntu");
    type_into(&field(&root, "#filter-name"), "web 1");
    type_into(&field(&root, "#filter-min_ram"), "1024");
    submit(&root);
    leptos::task::tick().await;
    let view = ListView::parse(&search()).expect("the URL parses");
    assert_eq!(
        view.query.to_query_string(),
        "__platform=Ubuntu&min_ram=1024&name=web%201&limit=20&sort_key=name",
        "new filters, first page, sort and page size kept"
    );
    assert_eq!(view.tab.as_str(), "private");
    assert!(view.previous.is_empty());
}

#[wasm_bindgen_test]
async fn a_bad_value_is_shown_at_its_field_and_nothing_navigates() {
    let (root, _handle) = mount("tab=public");
    leptos::task::tick().await;
    let before = search();
    type_into(&field(&root, "#filter-min_disk"), "-3");
    submit(&root);
    leptos::task::tick().await;
    assert_eq!(search(), before);
    let error = field::<web_sys::HtmlElement>(&root, "[data-param=min_disk] .ims-field-error");
    assert!(error.text_content().unwrap_or_default().contains("min_disk"));
}
