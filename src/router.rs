//! The console's own small router: the location as signals, links handled in place, and the
//! routes as one enum. Three hosts want three URL shapes (DESIGN "Routing"): behind the server,
//! clean paths; under a sub-path, the same paths after a base; embedded in another page or on a
//! static host without a fallback page, a hash (`#/images/abc?…`) so that the console never
//! takes over the host's path and a reload always finds the page. [`Routing`] chooses, here only;
//! everything else speaks app paths (`/images/abc`).

mod routing;

pub use routing::Routing;

use crate::data_version::UnsavedChanges;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the console is: app path and query string (without `?`), updated on every navigation.
#[derive(Clone, Copy)]
pub struct Location {
    pub path: RwSignal<String>,
    pub search: RwSignal<String>,
    routing: StoredValue<Routing>,
}

fn current_url(routing: &Routing) -> Option<(String, String)> {
    let location = window().location();
    let pathname = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let search = location.search().unwrap_or_default();
    routing.app_location(&pathname, &search, &location.hash().unwrap_or_default())
}

impl Location {
    fn from_window(routing: Routing) -> Self {
        let (path, search) = current_url(&routing).unwrap_or_else(|| ("/".to_owned(), String::new()));
        Location { path: RwSignal::new(path), search: RwSignal::new(search), routing: StoredValue::new(routing) }
    }

    fn sync(&self) {
        // The host page moved to an address of its own: the console stays where it is.
        let Some((path, search)) = self.routing.with_value(current_url) else { return };
        self.path.set(path);
        self.search.set(search);
    }

    /// The address of an app path.
    pub fn href(&self, app: &str) -> String {
        self.routing.with_value(|r| r.href(app))
    }

    /// Shows `href` once the current task is done — for an action that navigates when it
    /// succeeds: the page it leaves (and the action with it) must outlive the action's end.
    pub fn navigate_after(&self, href: String) {
        let location = *self;
        leptos::task::spawn_local(async move { location.navigate(&href) });
    }

    /// After Back or Forward the user chose not to take: the page still shown becomes the
    /// current history entry again (as a new one; the browser cannot cancel the move).
    fn stay(&self) {
        let search = self.search.get_untracked();
        let app = if search.is_empty() {
            self.path.get_untracked()
        } else {
            format!("{}?{search}", self.path.get_untracked())
        };
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&self.href(&app)));
        }
    }

    /// Shows the app path `href` (with an optional query) as a new history entry.
    pub fn navigate(&self, href: &str) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&self.href(href)));
        }
        self.sync();
        self.scroll_to_top();
    }

    fn scroll_to_top(&self) {
        // Embedded, the console is one section of the page: bring that section into view.
        match document().query_selector(".ims-console").ok().flatten() {
            Some(root) if self.routing.with_value(|r| *r == Routing::Hash) => root.scroll_into_view(),
            _ => window().scroll_to_with_x_and_y(0.0, 0.0),
        }
    }

    /// The app path a link inside the console points to, if it is one of the console's own.
    fn app_path_of(&self, anchor: &web_sys::HtmlAnchorElement) -> Option<String> {
        let here = window().location();
        if anchor.origin() != here.origin().ok()? {
            return None;
        }
        self.routing.with_value(|routing| match routing {
            Routing::Path { base } => {
                let path = anchor.pathname();
                let app = path.strip_prefix(base.as_str())?;
                app.starts_with('/').then(|| format!("{app}{}", anchor.search()))
            }
            Routing::Hash => {
                let same_page = anchor.pathname() == here.pathname().ok()? && anchor.search() == here.search().ok()?;
                let hash = anchor.hash();
                (same_page && hash.starts_with("#/")).then(|| hash[1..].to_owned())
            }
        })
    }
}

/// The address of an app path under the current routing, for an `href`.
pub fn link_href(app: &str) -> String {
    use_context::<Location>().map_or_else(|| app.to_owned(), |l| l.href(app))
}

/// The console's own link an event happened on, if any: links of the host page around an
/// embedded console are never the console's business.
pub fn console_link(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(".ims-console a[href]").ok()?
}

/// The link a click landed on, when the click should stay in the console: a plain left click on
/// a link inside the console that opens no new window and downloads nothing.
fn clicked_console_link(ev: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let element = console_link(ev)?;
    let anchor = element.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    (anchor.target().is_empty() && !anchor.has_attribute("download")).then_some(anchor)
}

/// Provides the [`Location`] to its children, follows Back and Forward, and keeps clicks on
/// the console's links inside the console.
#[component]
pub fn Router(
    /// Clean paths at the origin's root unless given.
    #[prop(optional)]
    routing: Routing,
    children: Children,
) -> impl IntoView {
    let location = Location::from_window(routing);
    provide_context(location);
    let unsaved = use_context::<UnsavedChanges>();
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        if unsaved.is_none_or(|u| u.confirm_leave()) {
            location.sync();
        } else {
            location.stay();
        }
    });
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if let Some(href) = clicked_console_link(&ev).and_then(|a| location.app_path_of(&a)) {
            ev.prevent_default();
            location.navigate(&href);
        }
    });
    let listener: js_sys::Function = on_click.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let _ = document().add_event_listener_with_callback("click", &listener);
    // The closure must outlive every click; it is removed from the document when the router
    // goes (the console is unmounted), and released with it.
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
    /// Whether the page calls the API (so needs a token); Settings and the not-found page do not.
    pub fn needs_token(&self) -> bool {
        !matches!(self, Route::Settings | Route::NotFound)
    }
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
