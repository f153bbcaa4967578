//! Presentation rules any IMS user interface needs, kept here so they are plain functions with
//! native tests: the list page's URL state, exports, human-readable sizes and ages.

mod export;
mod image_form;
mod list_view;
mod pretty;
mod request_preview;
mod shared_scope;

pub use export::{to_csv, to_json};
pub use image_form::{property_text, ImageForm};
pub use list_view::{parse_property_filters, ListView, Tab};
pub use pretty::{indent, pretty_json};
pub use request_preview::{RequestPreview, REDACTED};
pub use shared_scope::SharedScope;

/// `__image_size` and other byte counts in binary units: `1.5 GiB`, `512 B`. Integer
/// arithmetic (tenths, rounded half up) rather than float formatting, which would cost the
/// console's wasm about 10 KiB.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut unit = 0;
    while unit < UNITS.len() - 1 && u128::from(bytes) >= 1024u128.pow(unit as u32 + 1) {
        unit += 1;
    }
    if unit == 0 {
        return format!("{bytes} B");
    }
    let divisor = 1024u128.pow(unit as u32);
    let tenths = (u128::from(bytes) * 10 + divisor / 2) / divisor;
    format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
}

/// The local "contains" filter over loaded rows: whether any of the shown columns contains the
/// needle, ignoring case. An empty needle keeps every row.
pub fn quick_filter_matches(image: &crate::Image, columns: &[&str], needle: &str) -> bool {
    haystack_matches(&quick_filter_haystack(image, columns), &quick_filter_needle(needle))
}

/// What the quick filter searches in a row, computed once per row: the shown columns' text,
/// lower-cased, separated so that a needle never matches across two cells.
pub fn quick_filter_haystack(image: &crate::Image, columns: &[&str]) -> String {
    columns.iter().filter_map(|c| image.attr_text(c)).map(|v| v.to_lowercase()).collect::<Vec<_>>().join("\u{1f}")
}

/// The needle as the quick filter compares it, computed once per keystroke.
pub fn quick_filter_needle(needle: &str) -> String {
    needle.trim().to_lowercase()
}

/// Whether a row's haystack holds the (prepared) needle; an empty needle keeps every row.
pub fn haystack_matches(haystack: &str, needle: &str) -> bool {
    needle.is_empty() || haystack.contains(needle)
}

/// A unit of elapsed time, for "3 days ago".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeUnit {
    Seconds,
    Minutes,
    Hours,
    Days,
    Months,
    Years,
}

/// How long ago `then` was at `now`, in the largest whole unit (future times read as 0 s).
pub fn age(now: crate::time::Timestamp, then: crate::time::Timestamp) -> (i64, AgeUnit) {
    let s = (now.0 - then.0).max(0);
    match s {
        s if s < 60 => (s, AgeUnit::Seconds),
        s if s < 3600 => (s / 60, AgeUnit::Minutes),
        s if s < 86_400 => (s / 3600, AgeUnit::Hours),
        s if s < 86_400 * 30 => (s / 86_400, AgeUnit::Days),
        s if s < 86_400 * 365 => (s / (86_400 * 30), AgeUnit::Months),
        s => (s / (86_400 * 365), AgeUnit::Years),
    }
}

#[cfg(test)]
mod tests;
