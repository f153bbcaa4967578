use crate::hooks::list_href;
use crate::i18n::{t, Key};
use crate::router::link_href;
use ims_core::view::ListView;
use leptos::prelude::*;

const PAGE_SIZES: [u32; 5] = [10, 20, 50, 100, 500];

/// Marker pagination: Previous pops the marker stack kept in the URL, Next starts after the
/// last row; both are links, so Back and Forward walk the same pages.
#[component]
pub fn Pager(view: ListView, next_marker: Option<String>, on_page_size: Callback<u32>) -> impl IntoView {
    let first = view.previous.is_empty() && view.query.marker.is_none();
    let previous = (!first).then(|| link_href(&list_href(&view.previous_page())));
    let next = next_marker.map(|m| link_href(&list_href(&view.next_page(&m))));
    let size = view.query.effective_limit();
    let page = view.page_number();
    view! {
        <nav class="ims-pager" aria-label=t(Key::Pagination) data-testid="pager">
            {match previous {
                Some(href) => view! { <a class="ims-button" href=href rel="prev" data-testid="previous">{t(Key::Previous)}</a> }.into_any(),
                None => view! { <span class="ims-button" aria-disabled="true">{t(Key::Previous)}</span> }.into_any(),
            }}
            <span data-testid="page-number">{t(Key::PageNumber)} " " {page} {t(Key::PageNumberEnd)}</span>
            {match next {
                Some(href) => view! { <a class="ims-button" href=href rel="next" data-testid="next">{t(Key::Next)}</a> }.into_any(),
                None => view! { <span class="ims-button" aria-disabled="true">{t(Key::Next)}</span> }.into_any(),
            }}
            <label>
                {t(Key::PageSize)}
                <select data-testid="page-size" prop:value=size.to_string() on:change:target=move |ev| {
                    if let Ok(n) = ev.target().value().parse() {
                        on_page_size.run(n);
                    }
                }>
                    {PAGE_SIZES.iter().chain((!PAGE_SIZES.contains(&size)).then_some(&size)).map(|n| view! { <option value=n.to_string()>{*n}</option> }).collect_view()}
                </select>
            </label>
        </nav>
    }
}
