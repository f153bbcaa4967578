//! The console's own small router: the location as signals, links handled in place, and the
//! routes as one enum. It replaces a general-purpose router for two reasons: the console must
//! later run under a base path or a hash when embedded (DESIGN "Routing"), which then changes
//! here only; and it keeps the wasm well inside the transfer budget.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the console is: path and query string (without `?`), updated on every navigation.
#[derive(Clone, Copy)]
pub struct Location {
    pub path: RwSignal<String>,
    pub search: RwSignal<String>,
}

fn current_url() -> (String, String) {
    let location = window().location();
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let search = location.search().unwrap_or_default().trim_start_matches('?').to_owned();
    (path, search)
}

impl Location {
    fn from_window() -> Self {
        let (path, search) = current_url();
        Location { path: RwSignal::new(path), search: RwSignal::new(search) }
    }

    fn sync(&self) {
        let (path, search) = current_url();
        self.path.set(path);
        self.search.set(search);
    }

    /// Shows `href` once the current task is done — for an action that navigates when it
    /// succeeds: the page it leaves (and the action with it) must outlive the action's end.
    pub fn navigate_after(&self, href: String) {
        let location = *self;
        leptos::task::spawn_local(async move { location.navigate(&href) });
    }

    /// Shows `href` (a path with an optional query) as a new history entry.
    pub fn navigate(&self, href: &str) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(href));
        }
        self.sync();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Whether a click on a link should stay in the console: a plain left click on a same-origin
/// link that opens no new window and downloads nothing.
fn in_app_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let element = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest("a[href]").ok()??;
    let anchor = element.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return None;
    }
    let here = window().location().origin().ok()?;
    (anchor.origin() == here).then(|| format!("{}{}", anchor.pathname(), anchor.search()))
}

/// Provides the [`Location`] to its children, follows Back and Forward, and keeps link clicks
/// inside the console.
#[component]
pub fn Router(children: Children) -> impl IntoView {
    let location = Location::from_window();
    provide_context(location);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| location.sync());
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if let Some(href) = in_app_link(&ev) {
            ev.prevent_default();
            location.navigate(&href);
        }
    });
    let listener: js_sys::Function = on_click.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let _ = document().add_event_listener_with_callback("click", &listener);
    // The closure must outlive every click; it is removed from the document when the router
    // goes, and released with it.
    let owned = send_wrapper::SendWrapper::new((on_click, listener));
    on_cleanup(move || {
        popstate.remove();
        let (_closure, listener) = owned.take();
        let _ = document().remove_event_listener_with_callback("click", &listener);
    });
    children()
}

/// The console's pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    ImageList,
    NewImage,
    ImageDetail(String),
    ImageEdit(String),
    Inbox,
    Settings,
    NotFound,
}

impl Route {
    /// The page for a path.
    pub fn from_path(path: &str) -> Route {
        let decode = |s: &str| ims_core::query::encoding::decode(s).unwrap_or_else(|| s.to_owned());
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments[..] {
            [] => Route::ImageList,
            ["images", "new"] => Route::NewImage,
            ["images", id] => Route::ImageDetail(decode(id)),
            ["images", id, "edit"] => Route::ImageEdit(decode(id)),
            ["shared-with-me"] => Route::Inbox,
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }
}

/// The current page, changing only when the path does.
pub fn use_route() -> Memo<Route> {
    let location = expect_context::<Location>();
    Memo::new(move |_| Route::from_path(&location.path.get()))
}
