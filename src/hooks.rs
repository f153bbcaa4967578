//! Route and URL state behind one small layer, so that the location source (clean paths,
//! a base path, or a hash when embedded) is chosen in one place instead of in every component.

use crate::router::{use_route, Location, Route};
use crate::session::current_backend;
use ims_core::query::QueryError;
use ims_core::view::ListView;
use leptos::prelude::*;

/// The list page's state, read from the URL, and what of a hand-edited or stale link was left
/// out as not valid (each bad value, by its parameter; unknown keys are ignored).
pub fn use_list_view() -> (Memo<ListView>, Memo<Vec<QueryError>>) {
    let location = expect_context::<Location>();
    let parsed = Memo::new(move |_| {
        let (view, mut problems) = ListView::parse_lenient(&location.search.get());
        // A property filter the backend cannot apply is said, not dropped.
        problems.extend(view.properties_not_applied(current_backend().flavour()));
        (view, problems)
    });
    (Memo::new(move |_| parsed.with(|p| p.0.clone())), Memo::new(move |_| parsed.with(|p| p.1.clone())))
}

/// A function that goes to another page (a new history entry, so Back works).
pub fn use_navigate() -> impl Fn(&str) + Clone + Send + Sync + 'static {
    let location = expect_context::<Location>();
    move |href: &str| location.navigate(href)
}

/// A function that goes to another page when the running task (an action) has finished.
pub fn use_navigate_after() -> impl Fn(String) + Clone + Send + Sync + 'static {
    let location = expect_context::<Location>();
    move |href: String| location.navigate_after(href)
}

/// A function that shows another state of the list page.
pub fn use_show_list() -> impl Fn(&ListView) + Clone + Send + Sync + 'static {
    let navigate = use_navigate();
    move |view: &ListView| navigate(&list_href(view))
}

/// One query parameter of the current URL.
pub fn use_query_param(name: &'static str) -> Memo<Option<String>> {
    let location = expect_context::<Location>();
    Memo::new(move |_| {
        location.search.with(|s| {
            s.split('&').find_map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (k == name).then(|| ims_core::query::encoding::decode(v).unwrap_or_default())
            })
        })
    })
}

/// The link to a state of the list page.
pub fn list_href(view: &ListView) -> String {
    format!("/?{}", view.to_query_string())
}

/// The link to an image's detail page.
pub fn image_href(id: &str) -> String {
    format!("/images/{}", ims_core::query::encoding::encode(id))
}

/// The image id of the current route (empty on other pages).
pub fn use_image_id() -> Memo<String> {
    let route = use_route();
    Memo::new(move |_| match route.get() {
        Route::ImageDetail(id) | Route::ImageEdit(id) => id,
        _ => String::new(),
    })
}
