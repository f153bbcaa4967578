use crate::i18n::{current_lang, text, Key, Lang};
use ims_core::time::Timestamp;
use ims_core::view::{age, AgeUnit};
use leptos::prelude::*;

/// A time from the API: how long ago, with the exact time in the user's locale on hover and
/// for assistive technology. Text that is not a time is shown as it is.
#[component]
pub fn TimeText(value: String) -> impl IntoView {
    let Ok(at) = Timestamp::parse(&value) else {
        return view! { <span>{value}</span> }.into_any();
    };
    let now = Timestamp((js_sys::Date::now() / 1000.0) as i64);
    let exact = move || {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.0 as f64 * 1000.0));
        String::from(date.to_locale_string(current_lang().tag(), &wasm_bindgen::JsValue::UNDEFINED))
    };
    let relative = move || {
        let (n, unit) = age(now, at);
        let key = match unit {
            AgeUnit::Seconds => Key::AgoSeconds,
            AgeUnit::Minutes => Key::AgoMinutes,
            AgeUnit::Hours => Key::AgoHours,
            AgeUnit::Days => Key::AgoDays,
            AgeUnit::Months => Key::AgoMonths,
            AgeUnit::Years => Key::AgoYears,
        };
        let lang = current_lang();
        let gap = if lang == Lang::En { " " } else { "" };
        format!("{n}{gap}{}", text(lang, key))
    };
    view! { <time datetime=value.clone() title=exact aria-label=exact>{relative}</time> }.into_any()
}
