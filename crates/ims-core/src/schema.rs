//! JSON Schemas of the API's objects (`GET /v2/schemas/image`, `/images`, `/member`,
//! `/members`), generated from the field registry so that they describe exactly what the
//! server sends. Clients such as python-glanceclient validate responses and patches with them.

use crate::fields::{ValueKind, FIELDS};
use crate::validate::{MAX_DESCRIPTION, MAX_TEXT};
use serde_json::{json, Map, Value};

/// The schema of one image: every documented attribute (nullable, since the service sends
/// `null` for several), custom properties as strings.
pub fn image_schema() -> Value {
    let mut properties = Map::new();
    for f in FIELDS {
        let mut p = match f.kind {
            ValueKind::Integer => json!({"type": ["integer", "null"]}),
            ValueKind::Boolean => json!({"type": ["boolean", "null"]}),
            ValueKind::TextList => json!({"type": "array", "items": {"type": "string", "maxLength": MAX_TEXT}}),
            ValueKind::Text | ValueKind::FlagText | ValueKind::ByteCount | ValueKind::Enum(_) | ValueKind::Time => {
                json!({"type": ["string", "null"]})
            }
        };
        p["description"] = Value::from(f.label_en);
        match f.wire {
            "name" => p["maxLength"] = MAX_TEXT.into(),
            "__description" => p["maxLength"] = MAX_DESCRIPTION.into(),
            _ => {}
        }
        if !f.editable && f.wire != "name" {
            p["readOnly"] = true.into();
        }
        properties.insert(f.wire.to_owned(), p);
    }
    json!({
        "name": "image",
        "type": "object",
        "properties": properties,
        "additionalProperties": {"type": "string"},
        "links": [
            {"rel": "self", "href": "{self}"},
            {"rel": "enclosure", "href": "{file}"},
            {"rel": "describedby", "href": "{schema}"}
        ]
    })
}

/// The schema of an image list (both the IMS and the Glance-native shape).
pub fn images_schema() -> Value {
    json!({
        "name": "images",
        "type": "object",
        "properties": {
            "images": {"type": "array", "items": image_schema()},
            "schema": {"type": "string"},
            "first": {"type": "string"},
            "next": {"type": "string"}
        },
        "required": ["images"],
        "links": [{"rel": "first", "href": "{first}"}, {"rel": "next", "href": "{next}"}, {"rel": "describedby", "href": "{schema}"}]
    })
}

/// The schema of one membership.
pub fn member_schema() -> Value {
    json!({
        "name": "member",
        "type": "object",
        "properties": {
            "created_at": {"type": "string"},
            "updated_at": {"type": "string"},
            "image_id": {"type": "string"},
            "member_id": {"type": "string"},
            "status": {"type": "string", "enum": ["pending", "accepted", "rejected"]},
            "schema": {"type": "string", "readOnly": true}
        },
        "required": ["created_at", "updated_at", "image_id", "member_id", "status"]
    })
}

/// The schema of a member list.
pub fn members_schema() -> Value {
    json!({
        "name": "members",
        "type": "object",
        "properties": {"members": {"type": "array", "items": member_schema()}, "schema": {"type": "string"}},
        "required": ["members"],
        "links": [{"rel": "describedby", "href": "{schema}"}]
    })
}

/// The schema served under `/v2/schemas/{name}`.
pub fn by_name(name: &str) -> Option<Value> {
    match name {
        "image" => Some(image_schema()),
        "images" => Some(images_schema()),
        "member" => Some(member_schema()),
        "members" => Some(members_schema()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
