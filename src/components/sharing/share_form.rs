use super::{refusal_text, DataVersion};
use crate::api::ApiError;
use crate::components::common::ErrorPanel;
use crate::i18n::{current_lang, t, Key};
use crate::session::current_backend;
use ims_core::sharing::{plan_share, split_project_ids, SharePlan, DEFAULT_MEMBER_CAP};
use ims_core::Image;
use leptos::prelude::*;

/// The outcome of one image × project pair.
#[derive(Clone)]
struct Outcome {
    image: String,
    project: String,
    result: Result<(), String>,
}

fn label(image: &Image) -> String {
    image.name.get().or(image.id.get()).cloned().unwrap_or_default()
}

/// Shares one or more images with pasted project ids. Every refusal is computed with
/// `ims-core`'s sharing rules and shown, per image and per project, before anything is sent;
/// only the pairs that pass are sent, and each pair's outcome is reported. The checks are made
/// for the caller's project (while it is unknown, for the image's owner: the form is offered
/// to owners only).
#[component]
pub fn ShareForm(images: Vec<Image>) -> impl IntoView {
    let version = expect_context::<DataVersion>();
    let text = RwSignal::new(String::new());
    let ids: Vec<String> = images.iter().filter_map(|i| i.id.get().cloned()).collect();
    let members_resource = LocalResource::new(move || {
        let (backend, ids, _) = (current_backend(), ids.clone(), version.0.get());
        async move {
            let mut all = Vec::new();
            for id in &ids {
                let members = backend.list_members(id).await?;
                all.push(members.into_iter().map(|m| m.member_id).collect::<Vec<_>>());
            }
            Ok::<_, ApiError>(all)
        }
    });
    let images = StoredValue::new(images);
    let caller = crate::caller::use_caller();
    let plans = Memo::new(move |_| {
        let project = caller.get();
        let requested = split_project_ids(&text.get());
        let current = members_resource.get().and_then(Result::ok).unwrap_or_default();
        images.with_value(|images| {
            images
                .iter()
                .enumerate()
                .map(|(i, image)| {
                    let owner = image.owner.get().cloned().unwrap_or_default();
                    let caller = project.clone().unwrap_or(owner);
                    let members = current.get(i).cloned().unwrap_or_default();
                    (label(image), plan_share(image, &caller, &members, &requested, DEFAULT_MEMBER_CAP))
                })
                .collect::<Vec<(String, SharePlan)>>()
        })
    });
    let sendable = move || plans.with(|p| p.iter().any(|(_, plan)| !plan.allowed.is_empty()));
    let share_action = Action::new_local(move |(): &()| {
        let backend = current_backend();
        let work: Vec<(String, String, Vec<String>)> = images.with_value(|images| {
            plans
                .get_untracked()
                .into_iter()
                .zip(images.iter())
                .map(|((name, plan), image)| (name, image.id.get().cloned().unwrap_or_default(), plan.allowed))
                .collect()
        });
        async move {
            let mut outcomes = Vec::new();
            for (name, id, projects) in work {
                for project in projects {
                    let result = backend.add_image_member(&id, &project).await.map(drop).map_err(|e| e.to_string());
                    outcomes.push(Outcome { image: name.clone(), project, result });
                }
            }
            // Sent in full: the box is cleared, so that sending again is no duplicate.
            if outcomes.iter().all(|o| o.result.is_ok()) {
                text.set(String::new());
            }
            version.bump();
            outcomes
        }
    });
    let checks = move || {
        let lang = current_lang();
        plans.get().into_iter().map(|(name, plan)| {
            let reasons = plan.refusals.iter().map(|r| view! { <li data-testid="refusal"><span role="alert">{refusal_text(r, lang)}</span></li> }).collect_view();
            view! { <li data-testid="share-check"><strong>{name}</strong> " — " {plan.allowed.len()} " " {t(Key::WillBeAdded)} <ul>{reasons}</ul></li> }
        }).collect_view()
    };
    let outcomes = move || {
        share_action.value().get().map(|list| {
        let rows = list.into_iter().map(|o| {
            let ok = o.result.is_ok();
            let text = o.result.err().unwrap_or_else(|| t(Key::ShareOk)().to_owned());
            view! { <tr data-testid="share-outcome" data-ok=ok.to_string()><td>{o.image}</td><td>{o.project}</td><td>{text}</td></tr> }
        }).collect_view();
        view! { <table class="ims-table"><thead><tr><th>{t(Key::Images)}</th><th>{t(Key::MemberProject)}</th><th>{t(Key::Outcome)}</th></tr></thead><tbody>{rows}</tbody></table> }
    })
    };
    view! {
        <div class="ims-share-form" data-testid="share-form">
            <label for="share-projects">{t(Key::ShareWith)}</label>
            <textarea id="share-projects" rows="3" prop:value=move || text.get() on:input:target=move |ev| text.set(ev.target().value())></textarea>
            <p class="ims-hint">{t(Key::ShareCheck)}</p>
            <ul class="ims-checks">{checks}</ul>
            <button type="button" data-testid="share-submit" disabled=move || !sendable() || share_action.pending().get() on:click=move |_| { share_action.dispatch(()); }>
                {t(Key::Share)}
            </button>
            {move || members_resource.get().and_then(Result::err).map(|e| view! { <ErrorPanel error=e on_retry=move |()| members_resource.refetch() /> })}
            {outcomes}
        </div>
    }
}
