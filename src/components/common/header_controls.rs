use crate::i18n::{t, Key, Lang, Locale};
use crate::storage;
use leptos::prelude::*;

const THEME_KEY: &str = "ims.theme";

/// The theme: the system's preference unless the user picked light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

fn apply_theme(theme: Theme) {
    if let Some(root) = document().document_element() {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            Theme::Light => root.set_attribute("data-theme", "light"),
            Theme::Dark => root.set_attribute("data-theme", "dark"),
        };
    }
}

/// Language switch and theme toggle; both remembered in localStorage.
#[component]
pub fn HeaderControls() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let theme = RwSignal::new(match storage::local_get(THEME_KEY).as_deref() {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
    });
    apply_theme(theme.get_untracked());
    let cycle = move |_| {
        let next = match theme.get_untracked() {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        };
        storage::local_set(THEME_KEY, &format!("{next:?}").to_lowercase());
        apply_theme(next);
        theme.set(next);
    };
    let theme_label = move || match theme.get() {
        Theme::System => t(Key::ThemeSystem)(),
        Theme::Light => t(Key::ThemeLight)(),
        Theme::Dark => t(Key::ThemeDark)(),
    };
    view! {
        <div class="ims-header-controls">
            <label>
                <span class="ims-visually-hidden">{t(Key::Language)}</span>
                <select data-testid="language" prop:value=move || locale.0.get().tag() on:change:target=move |ev| {
                    locale.set(if ev.target().value() == "zh-CN" { Lang::ZhCn } else { Lang::En })
                }>
                    <option value="en">"English"</option>
                    <option value="zh-CN">"简体中文"</option>
                </select>
            </label>
            <button type="button" class="ims-secondary" data-testid="theme" aria-label=t(Key::ThemeToggle) on:click=cycle>
                {theme_label}
            </button>
        </div>
    }
}
