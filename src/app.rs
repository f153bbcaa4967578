//! The layout, the pages by route, and the context every page reads.

use crate::components::common::header_controls::HeaderControls;
use crate::components::forms::unsaved_guard;
use crate::components::sharing::pending_badge::PendingBadge;
use crate::data_version::{DataVersion, UnsavedChanges};
use crate::i18n::{t, Key, Locale};
use crate::pages::image_create_page::ImageCreatePage;
use crate::pages::image_detail_page::ImageDetailPage;
use crate::pages::image_edit_page::ImageEditPage;
use crate::pages::image_list_page::ImageListPage;
use crate::pages::inbox_page::InboxPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::settings_page::SettingsPage;
use crate::router::{use_route, Route, Router};
use crate::session::Session;
use leptos::prelude::*;

/// The page for the current route; a new page only when the route changes.
#[component]
fn Pages() -> impl IntoView {
    let route = use_route();
    move || match route.get() {
        Route::ImageList => view! { <ImageListPage /> }.into_any(),
        Route::NewImage => view! { <ImageCreatePage /> }.into_any(),
        Route::ImageDetail(_) => view! { <ImageDetailPage /> }.into_any(),
        Route::ImageEdit(_) => view! { <ImageEditPage /> }.into_any(),
        Route::Inbox => view! { <InboxPage /> }.into_any(),
        Route::Settings => view! { <SettingsPage /> }.into_any(),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// The main navigation; the current section is marked for the eye and for screen readers.
#[component]
fn Nav() -> impl IntoView {
    let route = use_route();
    let current = move |section: fn(&Route) -> bool| move || section(&route.get()).then_some("page");
    view! {
        <nav class="ims-nav">
            <a href="/" aria-current=current(|r| matches!(r, Route::ImageList | Route::ImageDetail(_) | Route::ImageEdit(_)))>{t(Key::Images)}</a>
            <a href="/images/new" aria-current=current(|r| *r == Route::NewImage)>{t(Key::NewImage)}</a>
            <PendingBadge />
            <a href="/settings" aria-current=current(|r| *r == Route::Settings)>{t(Key::Settings)}</a>
        </nav>
    }
}

/// The whole console.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Locale::from_storage());
    provide_context(Session::from_storage());
    provide_context(DataVersion(RwSignal::new(0)));
    let unsaved = UnsavedChanges(RwSignal::new(None));
    provide_context(unsaved);
    unsaved_guard::install(unsaved);
    view! {
        <Router>
            <header class="ims-header">
                <a href="/" class="ims-brand">{t(Key::AppTitle)}</a>
                <Nav />
                <HeaderControls />
            </header>
            <main class="ims-main">
                <Pages />
            </main>
        </Router>
    }
}
