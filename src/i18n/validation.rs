//! Validation problems from `ims-core` (the browser's own checks and the server's `details`)
//! as sentences in the user's language.

use super::Lang;
use ims_core::validate::{ValidationCode, ValidationError};

/// The message for one problem.
pub fn validation_text(e: &ValidationError, lang: Lang) -> String {
    let p = |k: &str| e.params.get(k).cloned().unwrap_or_default();
    let zh = lang == Lang::ZhCn;
    match e.code {
        ValidationCode::Required if zh => "必填。".into(),
        ValidationCode::Required => "Required.".into(),
        ValidationCode::TooShort if zh => format!("至少 {} 个字符。", p("min")),
        ValidationCode::TooShort => format!("At least {} characters.", p("min")),
        ValidationCode::TooLong if zh => format!("最多 {} 个字符（当前 {}）。", p("max"), p("length")),
        ValidationCode::TooLong => format!("At most {} characters (now {}).", p("max"), p("length")),
        ValidationCode::OutOfRange if zh => match e.params.get("max") {
            Some(max) => format!("取值范围为 {} 到 {max}。", p("min")),
            None => format!("不能小于 {}。", p("min")),
        },
        ValidationCode::OutOfRange => match e.params.get("max") {
            Some(max) => format!("Must be from {} to {max}.", p("min")),
            None => format!("Must be at least {}.", p("min")),
        },
        ValidationCode::NotAllowedValue if zh => format!("可选值：{}。", p("allowed")),
        ValidationCode::NotAllowedValue => format!("Allowed: {}.", p("allowed")),
        ValidationCode::InvalidType if zh => format!("类型应为 {}。", p("expected")),
        ValidationCode::InvalidType => format!("Must be a {}.", p("expected")),
        ValidationCode::InvalidFormat if zh => "格式不正确。".into(),
        ValidationCode::InvalidFormat => "Not a valid value.".into(),
        ValidationCode::Duplicate if zh => "重复。".into(),
        ValidationCode::Duplicate => "Given twice.".into(),
        ValidationCode::ReadOnly if zh => "只读属性，不能修改。".into(),
        ValidationCode::ReadOnly => "Read-only: this attribute cannot be set.".into(),
        ValidationCode::Missing if zh => "该属性已不存在（可能已被他人修改）。".into(),
        ValidationCode::Missing => "This property no longer exists (someone may have changed the image).".into(),
        ValidationCode::OutsideRecommendedRange if zh => format!("建议取值 {} 到 {}。", p("min"), p("max")),
        ValidationCode::OutsideRecommendedRange => format!("The documents recommend {} to {}.", p("min"), p("max")),
    }
}
