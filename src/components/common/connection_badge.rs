use crate::api::Flavour;
use crate::caller::use_caller;
use crate::i18n::{t, Key};
use crate::session::Session;
use leptos::prelude::*;

/// Which API the console talks to and as which project, in the header: what a person checks
/// first when a page shows other images than they expect.
#[component]
pub fn ConnectionBadge() -> impl IntoView {
    let session = expect_context::<Session>();
    let caller = use_caller();
    let api = move || match session.flavour.get() {
        Flavour::Ims => "IMS",
        Flavour::Glance => "Glance",
    };
    view! {
        <Show when=move || !session.demo.get() && session.signed_in()>
            <span class="ims-connection" data-testid="connection">
                {api}
                {move || caller.get().map(|p| view! {
                    " · " {t(Key::YourProject)} " " <span class="ims-project" title=p.clone() data-testid="caller-project">{p.clone()}</span>
                })}
            </span>
        </Show>
    }
}
