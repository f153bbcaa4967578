use crate::data_version::DataVersion;
use crate::i18n::{t, Key};
use crate::session::current_backend;
use ims_core::Image;
use leptos::prelude::*;

fn label(image: &Image) -> String {
    image.name.get().or(image.id.get()).cloned().unwrap_or_default()
}

/// Confirms deleting the named images. Protected images are refused up front with the reason
/// and never sent; the server's own refusal (a 403) is still reported per image.
#[component]
pub fn DeleteDialog(
    images: Vec<Image>,
    on_close: Callback<bool>,
    /// Called instead of refreshing when every image was deleted: the detail page leaves then
    /// (after this action's task, with `use_navigate_after`), before anything on it refetches
    /// the image it showed.
    #[prop(optional)]
    on_all_deleted: Option<Callback<Vec<String>>>,
) -> impl IntoView {
    let version = expect_context::<DataVersion>();
    let (protected, deletable): (Vec<Image>, Vec<Image>) =
        images.into_iter().partition(|i| i.protected.get() == Some(&true));
    let targets: Vec<(String, String)> =
        deletable.iter().map(|i| (i.id.get().cloned().unwrap_or_default(), label(i))).collect();
    let nothing = targets.is_empty();
    let names = targets.iter().map(|(_, n)| view! { <li data-testid="delete-name">{n.clone()}</li> }).collect_view();
    let refused = protected.iter().map(|i| view! { <li role="alert" data-testid="delete-refused">{label(i)} " — " {t(Key::ProtectedNoDelete)}</li> }).collect_view();
    let delete_action = Action::new_local(move |(): &()| {
        let (backend, targets) = (current_backend(), targets.clone());
        async move {
            let mut outcomes = Vec::new();
            for (id, name) in targets {
                outcomes.push((name, backend.delete_image(&id).await.map_err(|e| e.to_string())));
            }
            match on_all_deleted {
                Some(leave) if outcomes.iter().all(|(_, r)| r.is_ok()) => {
                    leave.run(outcomes.iter().map(|(name, _)| name.clone()).collect());
                }
                _ => version.bump(),
            }
            outcomes
        }
    });
    let outcomes = move || {
        delete_action.value().get().map(|list| {
            list.into_iter()
                .map(|(name, r)| {
                    let ok = r.is_ok();
                    let text = r.err().unwrap_or_else(|| t(Key::Deleted)().to_owned());
                    view! { <li data-testid="delete-outcome" data-ok=ok.to_string()>{name} " — " {text}</li> }
                })
                .collect_view()
        })
    };
    let done = move || delete_action.value().with(Option::is_some);
    view! {
        <section class="ims-dialog" role="dialog" aria-modal="true" aria-labelledby="delete-title" data-testid="delete-dialog">
            <h2 id="delete-title">{t(Key::ConfirmDelete)}</h2>
            <ul>{names}</ul>
            <ul>{refused}</ul>
            <ul>{outcomes}</ul>
            <Show when=move || !done() fallback=move || view! { <button type="button" data-testid="close-delete" on:click=move |_| on_close.run(true)>{t(Key::Close)}</button> }>
                <button type="button" class="ims-danger" data-testid="confirm-delete" disabled=nothing on:click=move |_| { delete_action.dispatch(()); }>{t(Key::Delete)}</button>
                <button type="button" class="ims-secondary" on:click=move |_| on_close.run(false)>{t(Key::Cancel)}</button>
            </Show>
        </section>
    }
}
