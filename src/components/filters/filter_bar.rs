use super::filter_field::FilterField;
use crate::hooks::use_show_list;
use crate::i18n::{t, Key};
use ims_core::query::{ListQuery, QueryError, FILTER_PARAMS};
use ims_core::view::{parse_property_filters, ListView};
use ims_core::Flavour;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Parameters in the always-visible row; the rest sit under "More filters".
const BASIC: &[&str] = &["name", "status", "__platform", "__os_type", "disk_format"];

/// The error key of the property filters' field.
const PROPERTIES: &str = "properties";

/// Every list filter, applied together on Enter or Apply. Drafts are checked with `ims-core`'s
/// query rules; a bad value is shown at its field and nothing is sent.
#[component]
pub fn FilterBar(
    view: ListView,
    /// Values of the page's address that were not valid (left out of `view`), shown at their
    /// fields until the next Apply.
    #[prop(optional)]
    problems: Vec<QueryError>,
    flavour: Flavour,
) -> impl IntoView {
    let params: Vec<&'static str> =
        FILTER_PARAMS.iter().map(|(p, _)| *p).filter(|p| flavour.offers_filter(p)).collect();
    // `extend` inserts one by one; `collect` into a map would sort first, with its own copy of
    // the sort in the wasm.
    let mut initial = BTreeMap::new();
    initial.extend(view.query.filters.iter().map(|(k, v)| (k.clone(), v.to_string())));
    let drafts = RwSignal::new(initial);
    let mut from_url = BTreeMap::new();
    let at_fields = problems.iter().map(QueryError::param).filter(|p| params.contains(p));
    from_url.extend(at_fields.map(|p| (p.to_owned(), t(Key::UrlValueInvalid)().to_owned())));
    let errors = RwSignal::new(from_url);
    let show = use_show_list();
    let more_open = view
        .query
        .filters
        .keys()
        .map(String::as_str)
        .chain(problems.iter().map(QueryError::param))
        .any(|k| params.contains(&k) && !BASIC.contains(&k))
        || !view.properties.is_empty();
    // Glance filters on any custom property: one field of `key=value` pairs.
    let properties = RwSignal::new(view.property_filters_text());
    let base = view.clone();
    let apply = {
        let show = show.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let mut query = ListQuery { filters: BTreeMap::new(), marker: None, ..base.query.clone() };
            let mut problems = BTreeMap::new();
            for (param, value) in drafts.get_untracked() {
                if let Err(e) = query.set(&param, &value) {
                    problems.insert(param, e.to_string());
                }
            }
            let props = parse_property_filters(&properties.get_untracked()).unwrap_or_else(|pair| {
                problems.insert(PROPERTIES.to_owned(), format!("{} {pair}", t(Key::PropertyFilterInvalid)()));
                BTreeMap::new()
            });
            let ok = problems.is_empty();
            errors.set(problems);
            if ok {
                show(&ListView { query, properties: props, ..base.first_page() });
            }
        }
    };
    let cleared = ListView {
        query: ListQuery { filters: BTreeMap::new(), ..view.query.clone() },
        properties: BTreeMap::new(),
        ..view.first_page()
    };
    let clear = move |_| show(&cleared);
    let field = move |p: &'static str| view! { <FilterField param=p drafts=drafts errors=errors flavour=flavour /> };
    let basic: Vec<_> = params.iter().copied().filter(|p| BASIC.contains(p)).map(field).collect();
    let more: Vec<_> = params.iter().copied().filter(|p| !BASIC.contains(p)).map(field).collect();
    view! {
        <form class="ims-filters" role="search" data-testid="filter-bar" novalidate on:submit=apply>
            <div class="ims-filter-row">{basic}</div>
            <details class="ims-more-filters" open=more_open>
                <summary>{t(Key::MoreFilters)}</summary>
                <div class="ims-filter-grid">
                    {more}
                    {flavour.filters_on_properties().then(|| view! {
                        <div class="ims-field ims-field-wide" data-param=PROPERTIES>
                            <label for="filter-properties">{t(Key::PropertyFilters)}</label>
                            <input id="filter-properties" type="text" autocomplete="off" placeholder="os_distro=ubuntu"
                                prop:value=move || properties.get() on:input:target=move |ev| properties.set(ev.target().value()) />
                            <Show when=move || errors.with(|e| e.contains_key(PROPERTIES))>
                                <p class="ims-field-error" role="alert">{move || errors.with(|e| e.get(PROPERTIES).cloned())}</p>
                            </Show>
                        </div>
                    })}
                </div>
            </details>
            <div class="ims-filter-actions">
                <button type="submit" data-testid="apply-filters">{t(Key::Apply)}</button>
                <button type="button" class="ims-secondary" on:click=clear>{t(Key::Clear)}</button>
            </div>
        </form>
    }
}
