//! The layout, the pages by route, and the context every page reads.

use crate::api::demo;
use crate::components::common::connection_badge::ConnectionBadge;
use crate::components::common::demo_controls::DemoControls;
use crate::components::common::demo_notice::{DemoNotice, DemoNoticeBanner};
use crate::components::common::header_controls::HeaderControls;
use crate::components::common::page_notice::PageNotice;
use crate::components::common::SignInForm;
use crate::components::forms::unsaved_guard;
use crate::components::sharing::pending_badge::PendingBadge;
use crate::config::ConsoleConfig;
use crate::data_version::{DataVersion, UnsavedChanges};
use crate::i18n::{t, Key, Locale};
use crate::pages::image_create_page::ImageCreatePage;
use crate::pages::image_detail_page::ImageDetailPage;
use crate::pages::image_edit_page::ImageEditPage;
use crate::pages::image_list_page::ImageListPage;
use crate::pages::inbox_page::InboxPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::settings_page::SettingsPage;
use crate::router::{link_href, use_route, Route, Router};
use crate::session::Session;
use crate::theme::ThemeChoice;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The page for the current route; a new page only when the route changes.
#[component]
fn Pages(
    /// The console owns the browser page (not embedded): the document's title names the page.
    own_page: bool,
) -> impl IntoView {
    let route = use_route();
    if own_page {
        Effect::new(move || {
            let page = match route.get() {
                Route::ImageList => t(Key::Images)().to_owned(),
                Route::NewImage => t(Key::NewImage)().to_owned(),
                Route::ImageDetail(id) => id,
                Route::ImageEdit(id) => format!("{} {id}", t(Key::Edit)()),
                Route::Inbox => t(Key::Inbox)().to_owned(),
                Route::Settings => t(Key::Settings)().to_owned(),
                Route::NotFound => t(Key::NotFound)().to_owned(),
            };
            document().set_title(&format!("{page} — {}", t(Key::AppTitle)()));
        });
    }
    let session = expect_context::<Session>();
    // Only signing in or out redraws the page, not every change of the session.
    let signed_in = Memo::new(move |_| session.signed_in());
    move || match route.get() {
        // A page that calls the API asks for the token first, never for a 401 to come back.
        r if r.needs_token() && !signed_in.get() => view! { <SignInForm /> }.into_any(),
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
            <a href=link_href("/") aria-current=current(|r| matches!(r, Route::ImageList | Route::ImageDetail(_) | Route::ImageEdit(_)))>{t(Key::Images)}</a>
            <a href=link_href("/images/new") aria-current=current(|r| *r == Route::NewImage)>{t(Key::NewImage)}</a>
            <PendingBadge />
            <a href=link_href("/settings") aria-current=current(|r| *r == Route::Settings)>{t(Key::Settings)}</a>
        </nav>
    }
}

/// Moves focus to the page's main content.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("ims-main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// The whole console, started with `config`. Everything it draws sits inside one root element
/// with the `ims-console` class: its styles are scoped to it, and its theme and language are
/// attributes of it, so an embedded console neither styles nor is styled by the host page.
#[component]
pub fn App(#[prop(optional)] config: ConsoleConfig) -> impl IntoView {
    let locale = Locale::new(config.lang);
    let theme = ThemeChoice::new(config.theme);
    let session = Session::new(&config);
    provide_context(locale);
    provide_context(theme);
    provide_context(session);
    provide_context(crate::caller::CallerProject::new(session));
    provide_context(DataVersion(RwSignal::new(0)));
    provide_context(DemoNotice(RwSignal::new(None)));
    provide_context(PageNotice(RwSignal::new(None)));
    let unsaved = UnsavedChanges(RwSignal::new(None));
    provide_context(unsaved);
    unsaved_guard::install(unsaved);
    if !config.embedded {
        // The console owns its page: the document's language is the console's.
        Effect::new(move || {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", locale.0.get().tag());
            }
        });
    }
    view! {
        <div class="ims-console" lang=move || locale.0.get().tag() data-theme=move || theme.attribute()>
            <Router routing=config.routing>
                // First in the tab order: past the header, to the page. A click handler rather
                // than a `#fragment` link, which hash routing would read as a route.
                <a class="ims-skip" href="" on:click=skip_to_main>{t(Key::SkipToContent)}</a>
                <header class="ims-header">
                    <a href=link_href("/") class="ims-brand">{t(Key::AppTitle)}</a>
                    <Nav />
                    {demo::BUILT_IN.then(|| view! {
                        <Show when=move || session.demo.get()>
                            <DemoControls />
                        </Show>
                    })}
                    <ConnectionBadge />
                    <HeaderControls />
                </header>
                {demo::BUILT_IN.then(|| view! { <DemoNoticeBanner /> })}
                <main class="ims-main" id="ims-main" tabindex="-1">
                    <Pages own_page=!config.embedded />
                </main>
            </Router>
        </div>
    }
}
