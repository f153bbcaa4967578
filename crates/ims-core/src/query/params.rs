//! The filter parameters: the registry's filterable attributes plus the two parameters that
//! are not attributes (`flavor_id`, `member_status`).

use crate::fields::{FilterKind, FIELDS};

/// Filter parameters that are not image attributes.
const EXTRA: &[(&str, FilterKind)] =
    &[("flavor_id", FilterKind::Exact), ("member_status", FilterKind::Enum(&["pending", "accepted", "rejected"]))];

/// Every filter parameter of the list document with its kind, attributes first in registry order.
pub static FILTER_PARAMS: std::sync::LazyLock<Vec<(&'static str, FilterKind)>> =
    std::sync::LazyLock::new(|| FIELDS.iter().filter_map(|f| f.filter).chain(EXTRA.iter().copied()).collect());

/// How parameter `name` filters, if it is a filter parameter.
pub fn param_kind(name: &str) -> Option<FilterKind> {
    FILTER_PARAMS.iter().find(|(p, _)| *p == name).map(|(_, k)| *k)
}
