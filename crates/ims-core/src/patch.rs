//! JSON patch for `PATCH /v2/images/{id}` in both media types, the diff the edit form sends,
//! and the rules the server applies (DESIGN "PATCH").
//!
//! - v2.1: `[{"op": "replace", "path": "/name", "value": "x"}]`
//! - v2.0: `[{"replace": "/name", "value": "x"}]`
//!
//! Editable: `name`, `__description`, `tags` and custom properties. Any other documented
//! attribute is read-only (403). replace or remove of a custom property the image lacks is a
//! conflict (409); add of an existing one acts as replace. `name` and `tags` cannot be removed
//! (an image keeps a name and a tag list), `__description` can.

mod apply;
mod diff;
mod wire;

pub use apply::apply;
pub use diff::diff;
pub use wire::{parse, to_body};

use serde_json::Value;

/// The two JSON-patch media types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MediaType {
    /// `op`/`path`/`value` objects; what the console sends unless told otherwise.
    #[default]
    V2_1,
    /// `{"replace": "/name", "value": …}` objects.
    V2_0,
}

impl MediaType {
    pub const ALL: [MediaType; 2] = [MediaType::V2_1, MediaType::V2_0];

    /// The `Content-Type` header value.
    pub fn content_type(self) -> &'static str {
        match self {
            MediaType::V2_1 => "application/openstack-images-v2.1-json-patch",
            MediaType::V2_0 => "application/openstack-images-v2.0-json-patch",
        }
    }

    /// Reads a `Content-Type` header (parameters such as `; charset=utf-8` are ignored).
    pub fn from_content_type(header: &str) -> Option<Self> {
        let essence = header.split(';').next().unwrap_or_default().trim();
        Self::ALL.into_iter().find(|m| m.content_type().eq_ignore_ascii_case(essence))
    }
}

/// One operation. `attr` is the attribute name (the JSON pointer `/name` decoded to `name`).
#[derive(Debug, Clone, PartialEq)]
pub enum PatchOp {
    Add { attr: String, value: Value },
    Replace { attr: String, value: Value },
    Remove { attr: String },
}

impl PatchOp {
    /// The attribute the operation touches.
    pub fn attr(&self) -> &str {
        match self {
            PatchOp::Add { attr, .. } | PatchOp::Replace { attr, .. } | PatchOp::Remove { attr } => attr,
        }
    }

    /// `add`, `replace` or `remove`.
    pub fn op_name(&self) -> &'static str {
        match self {
            PatchOp::Add { .. } => "add",
            PatchOp::Replace { .. } => "replace",
            PatchOp::Remove { .. } => "remove",
        }
    }
}

#[cfg(test)]
mod tests;
