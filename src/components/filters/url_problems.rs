use crate::i18n::{t, Key};
use ims_core::query::QueryError;
use leptos::prelude::*;

/// What of the page's address was left out as not valid: each parameter, with the value it had.
/// The list shows the rest; the filter fields say the same at the field.
#[component]
pub fn UrlProblems(#[prop(into)] problems: Signal<Vec<QueryError>>) -> impl IntoView {
    move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let items = list
                .iter()
                .map(|p| {
                    let value = match p {
                        QueryError::InvalidValue { value, .. } => Some(value.clone()),
                        _ => None,
                    };
                    view! { <li><code>{p.param().to_owned()}</code>{value.map(|v| view! { " = " <code>{v}</code> })}</li> }
                })
                .collect_view();
            view! {
                <div class="ims-notice" role="status" data-testid="url-problems">
                    <span>{t(Key::UrlLeftOut)}</span>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}
