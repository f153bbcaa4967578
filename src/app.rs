//! The router, the layout and the context every page reads.

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
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

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
                <A href="/" attr:class="ims-brand">{t(Key::AppTitle)}</A>
                <nav class="ims-nav">
                    <A href="/">{t(Key::Images)}</A>
                    <A href="/images/new">{t(Key::NewImage)}</A>
                    <PendingBadge />
                    <A href="/settings">{t(Key::Settings)}</A>
                </nav>
                <HeaderControls />
            </header>
            <main class="ims-main">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=ImageListPage />
                    <Route path=path!("/images/new") view=ImageCreatePage />
                    <Route path=path!("/images/:id") view=ImageDetailPage />
                    <Route path=path!("/images/:id/edit") view=ImageEditPage />
                    <Route path=path!("/shared-with-me") view=InboxPage />
                    <Route path=path!("/settings") view=SettingsPage />
                </Routes>
            </main>
        </Router>
    }
}
