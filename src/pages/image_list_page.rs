use crate::api::{self, Connection};
use crate::components::common::{ErrorPanel, SignInForm};
use crate::components::image_table::ImageTable;
use crate::i18n::{t, Key};
use crate::session::Session;
use leptos::prelude::*;

/// `/`: the images the signed-in project can see.
#[component]
pub fn ImageListPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let images_resource = LocalResource::new(move || {
        let conn = Connection::current();
        async move { api::list_images(&conn).await }
    });
    let body = move || {
        images_resource.get().map(|result| match result {
            Ok(list) => view! { <ImageTable images=list.images /> }.into_any(),
            Err(err) if err.is_unauthorized() => view! { <SignInForm rejected=true /> }.into_any(),
            Err(err) => view! { <ErrorPanel error=err on_retry=move |()| images_resource.refetch() /> }.into_any(),
        })
    };
    view! {
        <Show when=move || session.token.get().is_some() fallback=|| view! { <SignInForm /> }>
            <div class="ims-page-head">
                <h1>{t(Key::Images)}</h1>
                <button type="button" class="ims-link" on:click=move |_| session.set_token(None)>
                    {t(Key::SignOut)}
                </button>
            </div>
            <Transition fallback=|| view! { <p class="ims-loading" data-testid="loading">{t(Key::Loading)}</p> }>
                {body}
            </Transition>
        </Show>
    }
}
