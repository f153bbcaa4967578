//! What clients such as python-glanceclient rely on when they validate responses and patches
//! with `GET /v2/schemas/*`: every attribute with its type, the length limits, what is
//! read-only, and the required members.

use super::*;
use crate::fields::field;

fn types(schema: &Value) -> Vec<&str> {
    match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn the_image_schema_types_every_documented_attribute() {
    let schema = image_schema();
    let properties = schema["properties"].as_object().unwrap();
    assert_eq!(properties.len(), crate::Image::DOCUMENTED.len());
    let table = [
        ("min_ram", vec!["integer", "null"]),
        ("size", vec!["integer", "null"]),
        ("protected", vec!["boolean", "null"]),
        ("deleted", vec!["boolean", "null"]),
        ("name", vec!["string", "null"]),
        ("status", vec!["string", "null"]),
        ("__isregistered", vec!["string", "null"]),
        ("__image_size", vec!["string", "null"]),
        ("created_at", vec!["string", "null"]),
        ("tags", vec!["array"]),
    ];
    for (attr, want) in table {
        assert_eq!(types(&properties[attr]), want, "{attr}");
    }
    for (attr, p) in properties {
        assert!(!types(p).is_empty(), "{attr} has no type");
        assert_eq!(p["description"].as_str(), field(attr).map(|f| f.label_en), "{attr}");
    }
    assert_eq!(properties["tags"]["items"], serde_json::json!({"type": "string", "maxLength": 255}));
    assert_eq!(schema["additionalProperties"], serde_json::json!({"type": "string"}), "custom properties are strings");
    assert_eq!(schema["name"], "image");
}

#[test]
fn lengths_and_read_only_attributes_match_the_rules() {
    let schema = image_schema();
    let p = &schema["properties"];
    assert_eq!(p["name"]["maxLength"], MAX_TEXT);
    assert_eq!(p["__description"]["maxLength"], MAX_DESCRIPTION);
    assert!(p["status"].get("maxLength").is_none());
    for f in FIELDS {
        assert_eq!(p[f.wire]["readOnly"].as_bool().unwrap_or(false), !f.editable, "{}", f.wire);
    }
    let rels: Vec<&str> = schema["links"].as_array().unwrap().iter().filter_map(|l| l["rel"].as_str()).collect();
    assert_eq!(rels, ["self", "enclosure", "describedby"]);
}

#[test]
fn list_and_member_schemas_require_what_the_api_always_sends() {
    let images = images_schema();
    assert_eq!(images["required"], serde_json::json!(["images"]));
    assert_eq!(images["properties"]["images"]["items"], image_schema());
    let member = member_schema();
    assert_eq!(member["required"], serde_json::json!(["created_at", "updated_at", "image_id", "member_id", "status"]));
    assert_eq!(member["properties"]["status"]["enum"], serde_json::json!(["pending", "accepted", "rejected"]));
    let members = members_schema();
    assert_eq!(members["required"], serde_json::json!(["members"]));
    assert_eq!(members["properties"]["members"]["items"], member);
    for (name, schema) in [("image", image_schema()), ("images", images), ("member", member), ("members", members)] {
        assert_eq!(by_name(name), Some(schema.clone()), "{name}");
        assert_eq!(schema["name"], name);
    }
    assert_eq!(by_name("nothing"), None);
}
