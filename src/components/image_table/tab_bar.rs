use crate::hooks::{list_href, use_show_list};
use crate::i18n::{t, Key};
use crate::router::link_href;
use ims_core::view::{ListView, Tab};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// Public / Private / Shared. Links, so every tab has its own URL; Left and Right arrows move
/// between tabs, Home and End to the first and last, as in any tab list.
#[component]
pub fn TabBar(view: ListView) -> impl IntoView {
    let show = use_show_list();
    let current = view.tab;
    let position = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
    let on_key = {
        let view = view.clone();
        move |ev: KeyboardEvent| {
            let last = Tab::ALL.len() - 1;
            let to = match ev.key().as_str() {
                "ArrowRight" => (position + 1) % Tab::ALL.len(),
                "ArrowLeft" => (position + last) % Tab::ALL.len(),
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            ev.prevent_default();
            let tab = Tab::ALL[to];
            show(&view.with_tab(tab));
            // The tabs are drawn anew for the new URL: focus the new tab once they are.
            request_animation_frame(move || {
                if let Some(el) = document().query_selector(&format!("[data-tab={}]", tab.as_str())).ok().flatten() {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
                }
            });
        }
    };
    let tabs = Tab::ALL
        .iter()
        .map(|&tab| {
            let key = match tab {
                Tab::Public => Key::TabPublic,
                Tab::Private => Key::TabPrivate,
                Tab::Shared => Key::TabShared,
            };
            let selected = tab == current;
            view! {
                <a role="tab" href=link_href(&list_href(&view.with_tab(tab))) data-tab=tab.as_str() aria-selected=selected.to_string()
                    tabindex=if selected { "0" } else { "-1" }>
                    {t(key)}
                </a>
            }
        })
        .collect_view();
    view! { <nav class="ims-tabs" role="tablist" data-testid="tabs" on:keydown=on_key>{tabs}</nav> }
}
