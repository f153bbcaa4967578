use crate::i18n::{t, Key, Lang, Locale};
use crate::theme::{Theme, ThemeChoice};
use leptos::prelude::*;

/// Language switch and theme toggle; both remembered in localStorage.
#[component]
pub fn HeaderControls() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let choice = expect_context::<ThemeChoice>();
    let theme = choice.0;
    let cycle = move |_| choice.set(theme.get_untracked().next());
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
