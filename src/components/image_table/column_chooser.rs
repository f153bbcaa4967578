use crate::i18n::{field_label, t, Key};
use ims_core::fields::FIELDS;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Picks the table's columns from every documented attribute, in registry order.
#[component]
pub fn ColumnChooser(#[prop(into)] columns: Signal<Vec<String>>, on_change: Callback<Vec<String>>) -> impl IntoView {
    let toggle = move |wire: &'static str| {
        let mut chosen = columns.get_untracked();
        if let Some(i) = chosen.iter().position(|c| c == wire) {
            chosen.remove(i);
        } else {
            // Keep registry order so the table reads the same way for everyone: the new column
            // goes before the first one that comes after it in the registry.
            let rank = |c: &str| FIELDS.iter().position(|f| f.wire == c).unwrap_or(usize::MAX);
            let at = chosen.iter().position(|c| rank(c) > rank(wire)).unwrap_or(chosen.len());
            chosen.insert(at, wire.to_owned());
        }
        on_change.run(chosen);
    };
    let options = FIELDS
        .iter()
        .map(|f| {
            let checked = move || columns.with(|c| c.iter().any(|x| x == f.wire));
            view! {
                <label class="ims-check">
                    <input type="checkbox" prop:checked=checked on:change=move |_| toggle(f.wire) />
                    {field_label(f)}
                </label>
            }
        })
        .collect_view();
    // A menu closes on Escape (back to its button) and on a click anywhere outside it.
    let menu = NodeRef::<leptos::html::Details>::new();
    let close = move || {
        if let Some(details) = menu.get_untracked() {
            let _ = details.remove_attribute("open");
        }
    };
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !menu.get_untracked().is_some_and(|d| d.contains(target.as_ref())) {
            close();
        }
    });
    on_cleanup(move || outside.remove());
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let open = menu.get_untracked().is_some_and(|d| d.has_attribute("open"));
        if open && ev.key() == "Escape" {
            close();
            if let Some(summary) = menu.get_untracked().and_then(|d| d.query_selector("summary").ok().flatten()) {
                let _ = summary.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };
    view! {
        <details class="ims-menu" data-testid="column-chooser" node_ref=menu on:keydown=on_key>
            <summary>{t(Key::Columns)}</summary>
            <div class="ims-menu-body">{options}</div>
        </details>
    }
}
