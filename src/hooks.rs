//! Route and URL state behind one small layer, so that the location source (clean paths,
//! a base path, or a hash when embedded) is chosen in one place instead of in every component.

use ims_core::query::QueryError;
use ims_core::view::ListView;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;

/// The list page's state, read from the URL: `Err` for a URL that does not parse (a hand-edited
/// or stale link), which the page shows instead of guessing.
pub fn use_list_view() -> Memo<Result<ListView, QueryError>> {
    let location = use_location();
    Memo::new(move |_| ListView::parse(&location.search.get()))
}

/// A function that shows another state of the list page (a new history entry, so Back works).
pub fn use_show_list() -> impl Fn(&ListView) + Clone + 'static {
    let navigate = use_navigate();
    move |view: &ListView| navigate(&list_href(view), NavigateOptions::default())
}

/// The link to a state of the list page.
pub fn list_href(view: &ListView) -> String {
    format!("/?{}", view.to_query_string())
}

/// The link to an image's detail page.
pub fn image_href(id: &str) -> String {
    format!("/images/{}", ims_core::query::encoding::encode(id))
}

/// The `:id` of the current route.
pub fn use_image_id() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}
