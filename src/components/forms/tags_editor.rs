use super::FieldErrors;
use crate::i18n::{t, Key};
use ims_core::validate::ValidationError;
use ims_core::view::ImageForm;
use leptos::prelude::*;

/// The image's tags: remove any, add new ones (Enter adds).
#[component]
pub fn TagsEditor(form: RwSignal<ImageForm>, #[prop(into)] errors: Signal<Vec<ValidationError>>) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let add = move || {
        let tag = draft.get_untracked();
        if !tag.is_empty() {
            form.update(|f| f.tags.push(tag));
            draft.set(String::new());
        }
    };
    let tags = move || form.with(|f| f.tags.iter().cloned().enumerate().collect::<Vec<_>>());
    view! {
        <fieldset class="ims-editor" data-testid="tags-editor">
            <legend>{t(Key::Tags)}</legend>
            <ul class="ims-tags">
                <For each=tags key=|(i, tag)| (*i, tag.clone()) let:item>
                    <li>
                        {item.1.clone()}
                        <button type="button" class="ims-link" aria-label=move || format!("{} {}", t(Key::Remove)(), item.1) on:click=move |_| form.update(|f| { f.tags.remove(item.0); })>"×"</button>
                    </li>
                </For>
            </ul>
            <input type="text" aria-label=t(Key::NewTag) placeholder=t(Key::NewTag) data-testid="new-tag" prop:value=move || draft.get()
                on:input:target=move |ev| draft.set(ev.target().value())
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); } />
            <button type="button" class="ims-secondary" on:click=move |_| add()>{t(Key::AddTag)}</button>
            <FieldErrors field="tags" errors=errors />
        </fieldset>
    }
}
