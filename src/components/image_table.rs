//! The image table and the controls around it.

pub mod cell;
pub mod column_chooser;
pub mod export_buttons;
pub mod pager;
pub mod shared_scope_bar;
pub mod tab_bar;

use crate::i18n::{current_lang, field_label, t, text, Key};
use cell::Cell;
use ims_core::fields;
use ims_core::fields::FIELDS;
use ims_core::query::{SortDir, SortKey};
use ims_core::view::{haystack_matches, quick_filter_haystack, quick_filter_needle};
use ims_core::Image;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The images of one page in the chosen columns. Sortable headers (the spec's sort keys) call
/// `on_sort`; rows can be selected for batch actions.
#[component]
pub fn ImageTable(
    #[prop(into)] images: Signal<Vec<Image>>,
    #[prop(into)] columns: Signal<Vec<String>>,
    #[prop(optional, into)] sort: Option<Signal<(SortKey, SortDir)>>,
    #[prop(optional, into)] on_sort: Option<Callback<SortKey>>,
    #[prop(optional)] selection: Option<RwSignal<BTreeSet<String>>>,
    #[prop(optional, into)] quick_filter: Option<Signal<String>>,
) -> impl IntoView {
    // Rows that do not match the local quick filter are hidden, not removed: a keystroke
    // then only flips an attribute per row instead of rebuilding the table.
    let needle = Memo::new(move |_| quick_filter.map(|q| quick_filter_needle(&q.get())).unwrap_or_default());
    let selection = selection.unwrap_or_else(|| RwSignal::new(BTreeSet::new()));
    let ids = move || images.with(|list| list.iter().filter_map(|i| i.id.get().cloned()).collect::<Vec<_>>());
    let all_selected = move || {
        let ids = ids();
        !ids.is_empty() && selection.with(|s| ids.iter().all(|id| s.contains(id)))
    };
    let toggle_all = move |_| {
        let ids = ids();
        let select = !all_selected();
        selection.update(|s| {
            ids.into_iter().for_each(|id| {
                if select {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            })
        });
    };
    let header = move |column: String| {
        let def = fields::field(&column);
        let label = move || def.map_or_else(|| column.clone(), |d| field_label(d)().to_owned());
        let sort_key =
            SortKey::parse(def.map(|d| d.wire).unwrap_or_default()).filter(|_| def.is_some_and(|d| d.sortable));
        let state = move || sort.map(|s| s.get()).filter(|(k, _)| Some(*k) == sort_key).map(|(_, d)| d);
        let aria = move || match state() {
            Some(SortDir::Asc) => "ascending",
            Some(SortDir::Desc) => "descending",
            None => "none",
        };
        match (sort_key, on_sort) {
            (Some(key), Some(on_sort)) => view! {
                <th scope="col" aria-sort=aria>
                    <button type="button" class="ims-sort" on:click=move |_| on_sort.run(key)>
                        {label}
                        <span class="ims-sort-mark" aria-hidden="true">
                            {move || match state() { Some(SortDir::Asc) => "▲", Some(SortDir::Desc) => "▼", None => "" }}
                        </span>
                    </button>
                </th>
            }
            .into_any(),
            _ => view! { <th scope="col">{label}</th> }.into_any(),
        }
    };
    let row = move |image: Image| {
        let id = image.id.get().cloned().unwrap_or_default();
        let (check_id, toggle_id) = (id.clone(), id.clone());
        let checked = move || selection.with(|s| s.contains(&check_id));
        let toggle = move |_| {
            selection.update(|s| {
                if !s.remove(&toggle_id) {
                    s.insert(toggle_id.clone());
                }
            })
        };
        let shown = columns.get_untracked();
        let names: Vec<&str> = shown.iter().map(String::as_str).collect();
        let haystack = quick_filter_haystack(&image, &names);
        let hidden = move || needle.with(|n| !haystack_matches(&haystack, n));
        let cells = shown.into_iter().map(|c| view! { <Cell image=image.clone() column=c /> }).collect_view();
        view! {
            <tr data-testid="image-row" data-id=id hidden=hidden>
                <td class="ims-select">
                    <input type="checkbox" prop:checked=checked on:change=toggle aria-label=move || text(current_lang(), Key::SelectRow) />
                </td>
                {cells}
            </tr>
        }
    };
    view! {
        <table class="ims-table" data-testid="image-table">
            <thead>
                <tr>
                    <th class="ims-select">
                        <input type="checkbox" prop:checked=all_selected on:change=toggle_all aria-label=t(Key::SelectAll) />
                    </th>
                    {move || columns.get().into_iter().map(header).collect_view()}
                </tr>
            </thead>
            <tbody>
                {move || {
                    let _ = columns.get();
                    view! { <For each=move || images.get() key=|i: &Image| (i.id.get().cloned(), i.updated_at.get().cloned()) children=row /> }
                }}
            </tbody>
        </table>
    }
}

/// The columns shown before the user picks any: the registry's defaults.
pub fn default_columns(flavour: ims_core::Flavour) -> Vec<String> {
    let registry = FIELDS.iter().filter(|f| f.default_column).map(|f| f.wire);
    flavour
        .default_columns()
        .map_or_else(|| registry.map(str::to_owned).collect(), |c| c.iter().map(|s| (*s).to_owned()).collect())
}
