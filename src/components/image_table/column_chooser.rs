use crate::i18n::{field_label, t, Key};
use ims_core::fields::FIELDS;
use leptos::prelude::*;

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
    view! {
        <details class="ims-menu" data-testid="column-chooser">
            <summary>{t(Key::Columns)}</summary>
            <div class="ims-menu-body">{options}</div>
        </details>
    }
}
