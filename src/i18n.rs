//! English and Simplified Chinese. A small typed table rather than a Fluent runtime: every key
//! is checked by the compiler and the wasm stays small. Field labels come from the `ims-core`
//! registry, which carries both languages.

mod strings;
mod validation;

pub use strings::{text, Key};
pub use validation::validation_text;

use crate::storage;
use ims_core::fields::FieldDef;
use leptos::prelude::*;

const LANG_KEY: &str = "ims.lang";

/// The console's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>` and date formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language of a BCP 47 tag the console has (`zh` is Simplified Chinese).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "en" => Some(Lang::En),
            "zh-CN" | "zh" => Some(Lang::ZhCn),
            _ => None,
        }
    }
}

/// The current language, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

impl Locale {
    /// The configured language, else the one remembered in localStorage, else the
    /// browser's, else English.
    pub fn new(configured: Option<Lang>) -> Self {
        let stored = || storage::local_get(LANG_KEY).and_then(|t| Lang::from_tag(&t));
        let browser = || {
            let tag = web_sys::window()?.navigator().language()?;
            Some(if tag.starts_with("zh") { Lang::ZhCn } else { Lang::En })
        };
        Locale(RwSignal::new(configured.or_else(stored).or_else(browser).unwrap_or_default()))
    }

    /// Switches the language and remembers the choice.
    pub fn set(&self, lang: Lang) {
        storage::local_set(LANG_KEY, lang.tag());
        self.0.set(lang);
    }
}

/// The current language (English when no app provides one, as in component tests).
pub fn current_lang() -> Lang {
    use_context::<Locale>().map_or(Lang::En, |l| l.0.get())
}

/// A reactive translation of `key`: re-renders when the language changes.
pub fn t(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_context::<Locale>().map(|l| l.0);
    move || text(lang.map_or(Lang::En, |l| l.get()), key)
}

/// A field's label in the current language.
pub fn field_label(def: &'static FieldDef) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_context::<Locale>().map(|l| l.0);
    move || match lang.map_or(Lang::En, |l| l.get()) {
        Lang::En => def.label_en,
        Lang::ZhCn => def.label_zh,
    }
}

/// An attribute's value as a person reads it in the current language: a flag as Yes or No, a
/// documented vocabulary value by its Chinese name on a Chinese page; anything else as sent.
pub fn value_text(wire: &str, value: &str) -> impl Fn() -> String + Send + Sync + 'static {
    use ims_core::fields::{field, value_label_zh, ValueKind};
    let lang = use_context::<Locale>().map(|l| l.0);
    let is_flag = matches!(field(wire).map(|f| f.kind), Some(ValueKind::Boolean | ValueKind::FlagText));
    let flag = match value {
        "true" if is_flag => Some(Key::Yes),
        "false" if is_flag => Some(Key::No),
        _ => None,
    };
    let (zh, value) = (value_label_zh(wire, value), value.to_owned());
    move || {
        let lang = lang.map_or(Lang::En, |l| l.get());
        match (flag, lang) {
            (Some(key), _) => text(lang, key).to_owned(),
            (None, Lang::ZhCn) => zh.map_or_else(|| value.clone(), str::to_owned),
            (None, Lang::En) => value.clone(),
        }
    }
}
