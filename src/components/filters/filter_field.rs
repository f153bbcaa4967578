use super::time_filter_field::TimeFilterField;
use crate::i18n::{current_lang, field_label, t, text, value_text, Key};
use ims_core::fields::{self, FilterKind};
use ims_core::query::param_kind;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One list parameter's input, chosen by its kind: text, number, yes/no, a list of values, or
/// an operator and a time. An empty input or "Any" means no filter.
#[component]
pub fn FilterField(
    param: &'static str,
    drafts: RwSignal<BTreeMap<String, String>>,
    errors: RwSignal<BTreeMap<String, String>>,
    /// Whose vocabulary a list of values offers.
    #[prop(optional)]
    flavour: ims_core::Flavour,
) -> impl IntoView {
    let kind = param_kind(param).unwrap_or(FilterKind::Exact);
    let id = format!("filter-{param}");
    let label = move || match (param, fields::field_for_param(param)) {
        ("flavor_id", _) => text(current_lang(), Key::FlavorId),
        ("member_status", _) => text(current_lang(), Key::MemberStatus),
        (_, Some(def)) => field_label(def)(),
        (other, None) => other,
    };
    let value = move || drafts.with(|d| d.get(param).cloned().unwrap_or_default());
    let set = move |v: String| {
        drafts.update(|d| {
            if v.is_empty() {
                d.remove(param);
            } else {
                d.insert(param.to_owned(), v);
            }
        })
    };
    let error = move || errors.with(|e| e.get(param).cloned());
    // The attribute a parameter filters on names its values (`member_status` is its own).
    let wire = fields::field_for_param(param).map_or(param, |f| f.wire);
    let input = match kind {
        FilterKind::Time => view! { <TimeFilterField id=id.clone() value=Signal::derive(value) on_change=Callback::new(set) /> }.into_any(),
        FilterKind::Boolean => view! {
            <select id=id.clone() prop:value=value on:change:target=move |ev| set(ev.target().value())>
                <option value="">{t(Key::Any)}</option>
                <option value="true">{t(Key::Yes)}</option>
                <option value="false">{t(Key::No)}</option>
            </select>
        }
        .into_any(),
        FilterKind::Enum(values) => view! {
            <select id=id.clone() prop:value=value on:change:target=move |ev| set(ev.target().value())>
                <option value="">{t(Key::Any)}</option>
                {flavour.filter_values(param, values).iter().map(|v| view! { <option value=*v>{value_text(wire, v)}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        FilterKind::Integer => view! {
            <input id=id.clone() type="number" min="0" step="1" prop:value=value on:input:target=move |ev| set(ev.target().value()) />
        }
        .into_any(),
        FilterKind::Exact => view! {
            // The API matches these whole: say so where the value is typed.
            <input id=id.clone() type="text" autocomplete="off" placeholder=t(Key::ExactMatch) prop:value=value on:input:target=move |ev| set(ev.target().value()) />
        }
        .into_any(),
    };
    view! {
        <div class="ims-field" data-param=param>
            <label for=id>{label}</label>
            {input}
            <Show when=move || error().is_some()>
                <p class="ims-field-error" role="alert">{error}</p>
            </Show>
        </div>
    }
}
