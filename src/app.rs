//! The router, the layout and the context every page reads.

use crate::i18n::{t, Key, Lang, Locale};
use crate::pages::image_list_page::ImageListPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The whole console.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Locale(RwSignal::new(Lang::default())));
    provide_context(Session::from_storage());
    view! {
        <Router>
            <header class="ims-header">
                <A href="/" attr:class="ims-brand">{t(Key::AppTitle)}</A>
            </header>
            <main class="ims-main">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=ImageListPage />
                </Routes>
            </main>
        </Router>
    }
}
