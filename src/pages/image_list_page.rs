use crate::caller::use_caller;
use crate::components::common::page_notice::PageNoticeBanner;
use crate::components::common::{ErrorPanel, SignInForm};
use crate::components::filters::url_problems::UrlProblems;
use crate::components::filters::FilterBar;
use crate::components::forms::delete_dialog::DeleteDialog;
use crate::components::forms::request_preview_panel::RequestPreviewPanel;
use crate::components::image_table::column_chooser::ColumnChooser;
use crate::components::image_table::export_buttons::ExportButtons;
use crate::components::image_table::pager::Pager;
use crate::components::image_table::shared_scope_bar::SharedScopeBar;
use crate::components::image_table::tab_bar::TabBar;
use crate::components::image_table::{default_columns, ImageTable};
use crate::components::sharing::share_form::ShareForm;
use crate::hooks::{list_href, use_list_view, use_show_list};
use crate::i18n::{t, Key};
use crate::router::link_href;
use crate::session::current_backend;
use crate::session::Session;
use crate::storage;
use ims_core::request::ApiRequest;
use ims_core::view::{quick_filter_matches, ListView, Tab};
use leptos::prelude::*;
use std::collections::BTreeSet;

const COLUMNS_KEY: &str = "ims.columns";

/// `/`: the images of one tab, filtered, sorted and paged by the server, all from the URL.
#[component]
pub fn ImageListPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let (view, url_problems) = use_list_view();
    let show = use_show_list();
    let images_resource = LocalResource::new(move || {
        let (view, backend) = (view.get(), current_backend());
        crate::data_version::DataVersion::track();
        async move { backend.list_images(&view.api_query(backend.flavour())).await }
    });
    let stored = storage::local_get(COLUMNS_KEY).map(|c| c.split(',').map(str::to_owned).collect::<Vec<_>>());
    let columns = Memo::new(move |_| {
        let from_url = view.get().columns;
        let chosen = from_url.or_else(|| stored.clone()).filter(|c| !c.is_empty());
        chosen.unwrap_or_else(|| default_columns(current_backend().flavour()))
    });
    let quick = RwSignal::new(String::new());
    let selection = RwSignal::new(BTreeSet::<String>::new());
    let current = move || view.get();
    let change = move |f: &dyn Fn(&mut ListView)| {
        let mut v = current();
        f(&mut v);
        show(&v);
    };
    let on_columns = {
        let change = change.clone();
        Callback::new(move |cols: Vec<String>| {
            storage::local_set(COLUMNS_KEY, &cols.join(","));
            change(&|v| v.columns = Some(cols.clone()));
        })
    };
    let on_sort = {
        let change = change.clone();
        Callback::new(move |key| {
            change(&|v| {
                let (k, d) = v.query.effective_sort();
                let dir = if k == key && d == ims_core::query::SortDir::Desc { "asc" } else { "desc" };
                *v = v.first_page();
                v.query.sort_key = Some(key);
                v.query.sort_dir = ims_core::query::SortDir::parse(dir);
            })
        })
    };
    let on_page_size = Callback::new(move |n: u32| {
        change(&|v| {
            *v = v.first_page();
            v.query.limit = Some(n);
        })
    });
    let page_rows = Memo::new(move |_| images_resource.get().and_then(Result::ok).map_or_else(Vec::new, |p| p.images));
    // What export writes: the rows shown, after the quick filter (computed only when exporting).
    let shown_rows = Memo::new(move |_| {
        let cols = columns.get();
        let names: Vec<&str> = cols.iter().map(String::as_str).collect();
        let needle = quick.get();
        page_rows.get().into_iter().filter(|i| quick_filter_matches(i, &names, &needle)).collect::<Vec<_>>()
    });
    let sort = Signal::derive(move || current().query.effective_sort());
    // Batch actions work on the selected rows of this page that the caller owns, fixed when
    // their panel opens; with none of those, they are disabled and say why.
    let caller = use_caller();
    let eligible = Memo::new(move |_| {
        let chosen = selection.get();
        let owned = |i: &ims_core::Image| caller.role(i).may_change();
        page_rows
            .get()
            .into_iter()
            .filter(|i| i.id.get().is_some_and(|id| chosen.contains(id)) && owned(i))
            .collect::<Vec<_>>()
    });
    let batch_reason = move || {
        let (chosen, owned) = (selection.with(BTreeSet::len), eligible.with(Vec::len));
        match (chosen, owned) {
            (0, _) => Some(Key::SelectToAct),
            (_, 0) => Some(Key::NoneSelectedOwned),
            (c, o) if o < c => Some(Key::SomeSelectedNotOwned),
            _ => None,
        }
    };
    let batch_off = move || eligible.with(Vec::is_empty);
    let selected_images = move || Some(eligible.get_untracked()).filter(|images| !images.is_empty());
    let share_batch = RwSignal::new(None::<Vec<ims_core::Image>>);
    let delete_batch = RwSignal::new(None::<Vec<ims_core::Image>>);
    let open_delete = move |_| delete_batch.set(selected_images());
    // Cancel keeps the selection; after a delete the deleted rows are gone from it.
    let close_delete = Callback::new(move |deleted: bool| {
        delete_batch.set(None);
        if deleted {
            selection.set(BTreeSet::new());
        }
    });
    let open_share = move |_| share_batch.set(selected_images());
    let body = move || {
        images_resource.get().map(|result| match result {
            Ok(page) if page.images.is_empty() && current().query.marker.is_some() => {
                view! { <p class="ims-empty" data-testid="empty">{t(Key::NoMoreImages)}</p><Pager view=current() next_marker=None on_page_size=on_page_size /> }.into_any()
            }
            // An empty Shared tab says where shares offered to the caller wait: the inbox.
            Ok(page) if page.images.is_empty() && current().tab == Tab::Shared => view! {
                <p class="ims-empty" data-testid="empty">{t(Key::NoSharedImages)}</p>
                <p><a data-testid="empty-inbox" href=link_href("/shared-with-me")>{t(Key::OpenInbox)}</a></p>
            }
            .into_any(),
            Ok(page) if page.images.is_empty() => view! { <p class="ims-empty" data-testid="empty">{t(Key::NoImages)}</p> }.into_any(),
            Ok(page) => view! {
                <div class="ims-table-wrap"><ImageTable images=page_rows columns=columns sort=sort on_sort=on_sort selection=selection quick_filter=quick /></div>
                <Pager view=current() next_marker=page.next_marker on_page_size=on_page_size />
            }
            .into_any(),
            // A marker from an old link may name an image that is gone: offer the first page.
            Err(err) if current().query.marker.is_some() => view! {
                <ErrorPanel error=err on_retry=move |()| images_resource.refetch() />
                <p><a data-testid="first-page" href=link_href(&list_href(&current().first_page()))>{t(Key::BackToFirstPage)}</a></p>
            }
            .into_any(),
            Err(err) => view! { <ErrorPanel error=err on_retry=move |()| images_resource.refetch() /> }.into_any(),
        })
    };
    // A refused token gets a plain sign-in page with the reason, without the list around it.
    let rejected = Memo::new(move |_| matches!(images_resource.get(), Some(Err(e)) if e.is_unauthorized()));
    let request_preview = Signal::derive(move || {
        let (view, backend) = (view.get(), current_backend());
        Some(ApiRequest::list(backend.flavour(), &view.api_query(backend.flavour())).preview(backend.endpoint()))
    });
    view! {
        <Show when=move || session.signed_in() && !rejected.get() fallback=move || view! { <SignInForm rejected=rejected.get_untracked() /> }>
            <div class="ims-page-head">
                <h1>{t(Key::Images)}</h1>
                // Only a token the user gave can be signed out of (not the demo, not a host's).
                <Show when=move || !session.demo.get() && session.token.get().is_some()>
                    <button type="button" class="ims-link" on:click=move |_| session.set_token(None)>{t(Key::SignOut)}</button>
                </Show>
            </div>
            <PageNoticeBanner />
            <UrlProblems problems=url_problems />
            {move || {
                let v = view.get();
                let scopes = (v.tab == Tab::Shared).then(|| view! { <SharedScopeBar view=v.clone() /> });
                view! { <TabBar view=v.clone() /> {scopes} <FilterBar view=v problems=url_problems.get_untracked() flavour=session.flavour.get() /> }
            }}
            <RequestPreviewPanel preview=request_preview folded=true />
            <div class="ims-toolbar">
                <label class="ims-quick" title=t(Key::QuickFilterHint)>
                    {t(Key::QuickFilter)}
                    <input type="search" data-testid="quick-filter" prop:value=move || quick.get() on:input:target=move |ev| quick.set(ev.target().value()) />
                </label>
                <span class="ims-selected" data-testid="selected-count">{move || selection.with(BTreeSet::len)} " " {t(Key::Selected)}</span>
                <button type="button" class="ims-secondary" data-testid="share-selected" disabled=batch_off on:click=open_share>{t(Key::ShareSelected)}</button>
                <button type="button" class="ims-secondary" data-testid="delete-selected" disabled=batch_off on:click=open_delete>{t(Key::DeleteSelected)}</button>
                {move || batch_reason().map(|k| view! { <span class="ims-hint" data-testid="batch-reason">{t(k)}</span> })}
                <ColumnChooser columns=columns on_change=on_columns />
                <ExportButtons rows=shown_rows columns=columns />
            </div>
            {move || delete_batch.get().map(|images| view! { <DeleteDialog images=images on_close=close_delete /> })}
            {move || share_batch.get().map(|images| view! { <section class="ims-group" data-testid="batch-share"><ShareForm images=images /></section> })}
            <Transition fallback=|| view! { <p class="ims-loading" data-testid="loading">{t(Key::Loading)}</p> }>
                {body}
            </Transition>
        </Show>
    }
}
