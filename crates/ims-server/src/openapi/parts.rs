//! The pieces of the OpenAPI document: component schemas (from `ims_core::schema`), the list
//! parameters (from the registry's filter table), bodies, error responses and links.

use super::{Body, Operation};
use ims_core::fields::FilterKind;
use ims_core::query::{SortDir, SortKey, FILTER_PARAMS, MAX_LIMIT};
use ims_core::schema;
use ims_core::validate::CREATE_FIELDS;
use serde_json::{json, Map, Value};

/// A `/v2/schemas/*` object schema as an OpenAPI component: Glance's `name` and `links`
/// keywords are not JSON Schema, so they go.
fn component(mut s: Value) -> Value {
    if let Some(o) = s.as_object_mut() {
        o.remove("name");
        o.remove("links");
    }
    s
}

/// Every component schema the operations refer to.
pub fn schemas() -> Value {
    let image = component(schema::image_schema());
    let mut create = Map::new();
    for field in CREATE_FIELDS {
        let mut p = image["properties"][*field].clone();
        if let Some(o) = p.as_object_mut() {
            o.remove("readOnly");
        }
        create.insert((*field).to_owned(), p);
    }
    let mut list = component(schema::images_schema());
    list["properties"]["images"]["items"] = json!({"$ref": "#/components/schemas/Image"});
    let mut members = component(schema::members_schema());
    members["properties"]["members"]["items"] = json!({"$ref": "#/components/schemas/Member"});
    json!({
        "Image": image,
        "ImageCreate": {"type": "object", "properties": create, "additionalProperties": {"type": "string"}},
        "ImageList": list,
        "Member": component(schema::member_schema()),
        "MemberList": members,
        "AddMember": {
            "type": "object",
            "properties": {"member": {"type": "string", "pattern": "^[0-9a-f]{32}$"}},
            "required": ["member"]
        },
        "SetMemberStatus": {
            "type": "object",
            "properties": {"status": {"type": "string", "enum": ["accepted", "rejected", "pending"]}},
            "required": ["status"]
        },
        "PatchV21": {"type": "array", "items": {
            "type": "object",
            "properties": {
                "op": {"type": "string", "enum": ["add", "replace", "remove"]},
                "path": {"type": "string", "pattern": "^/"},
                "value": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
            },
            "required": ["op", "path"]
        }},
        "PatchV20": {"type": "array", "items": {
            "type": "object",
            "description": "{\"replace\": \"/name\", \"value\": ...}, or add / remove"
        }},
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "pattern": "^IMS\\."},
                "message": {"type": "string"},
                "details": {"type": "array"}
            }
        }}},
        "Whoami": {"type": "object", "required": ["project_id"], "properties": {
            "project_id": {"type": "string", "minLength": 1}
        }},
        "JsonSchema": {"type": "object"},
        "OpenApi": {"type": "object", "required": ["openapi", "paths"]}
    })
}

/// A path parameter; `{name}` of the schemas route has a closed set.
pub fn path_parameter(name: &str) -> Value {
    let schema = match name {
        "name" => json!({"type": "string", "enum": ["image", "images", "member", "members"]}),
        _ => json!({"type": "string"}),
    };
    json!({"name": name, "in": "path", "required": true, "schema": schema})
}

/// Paging, sorting and every filter of the list document with its type and values.
pub fn list_parameters() -> Vec<Value> {
    let names = |all: &[&str]| all.iter().map(|s| Value::from(*s)).collect::<Vec<_>>();
    let keys: Vec<&str> = SortKey::ALL.iter().map(|k| k.as_str()).collect();
    let dirs: Vec<&str> = SortDir::ALL.iter().map(|d| d.as_str()).collect();
    let mut params = vec![
        ("marker", json!({"type": "string", "minLength": 1}), "The last image id of the previous page"),
        ("limit", json!({"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}), "Page size (default 500)"),
        ("sort_key", json!({"type": "string", "enum": names(&keys)}), "Sort key (default created_at)"),
        ("sort_dir", json!({"type": "string", "enum": names(&dirs)}), "Sort direction (default desc)"),
    ];
    for (param, kind) in FILTER_PARAMS.iter() {
        let schema = match kind {
            FilterKind::Exact => json!({"type": "string"}),
            FilterKind::Boolean => json!({"type": "boolean"}),
            FilterKind::Integer => json!({"type": "integer", "minimum": 0}),
            FilterKind::Enum(values) => json!({"type": "string", "enum": names(values)}),
            FilterKind::Time => {
                let pattern = "^(gt|gte|lt|lte|eq|neq):\\d{4}-\\d{2}-\\d{2}(T| )\\d{2}:\\d{2}:\\d{2}Z?$";
                json!({"type": "string", "pattern": pattern})
            }
        };
        params.push((param, schema, "Filter"));
    }
    params
        .into_iter()
        .map(|(name, schema, about)| json!({"name": name, "in": "query", "schema": schema, "description": about}))
        .collect()
}

/// The request body of an operation: JSON, or either JSON-patch media type.
pub fn request_body(body: Body) -> Option<Value> {
    let content = match body {
        Body::None => return None,
        Body::Json(schema) => {
            json!({"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}})
        }
        Body::Data => json!({"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}),
        Body::Patch => json!({
            ims_core::patch::MediaType::V2_1.content_type(): {"schema": {"$ref": "#/components/schemas/PatchV21"}},
            ims_core::patch::MediaType::V2_0.content_type(): {"schema": {"$ref": "#/components/schemas/PatchV20"}}
        }),
    };
    Some(json!({"required": true, "content": content}))
}

/// Every error status an operation can answer, each with the envelope and a request id: 400
/// (malformed input), the head limits (414, 431), the connection cap (503), 401 where a token is
/// needed, 408 where a body is read, and the operation's own.
pub fn error_responses(o: &Operation) -> Map<String, Value> {
    let mut statuses = vec![400, 414, 431, 503];
    if o.auth {
        statuses.push(401);
    }
    if o.body != Body::None {
        statuses.push(408);
    }
    statuses.extend_from_slice(o.errors);
    statuses.sort_unstable();
    statuses.dedup();
    statuses
        .into_iter()
        .map(|status: u16| {
            let reason = axum::http::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason());
            let response = json!({
                "description": reason.unwrap_or("error"),
                "headers": {"X-Request-Id": {"$ref": "#/components/headers/X-Request-Id"}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
            });
            (status.to_string(), response)
        })
        .collect()
}

/// From a created image to what can be done with it (drives schemathesis' stateful phase).
pub fn image_links() -> Value {
    let id = json!({"id": "$response.body#/id"});
    let mut links = Map::new();
    for op in ["getImage", "updateImage", "deleteImage", "addMember", "listMembers"] {
        links.insert(op.to_owned(), json!({"operationId": op, "parameters": id}));
    }
    links.insert("addTag".into(), json!({"operationId": "addTag", "parameters": {"id": "$response.body#/id"}}));
    Value::Object(links)
}

/// From a new membership to reading, answering and cancelling it.
pub fn member_links() -> Value {
    let params = json!({"id": "$response.body#/image_id", "member_id": "$response.body#/member_id"});
    let mut links = Map::new();
    for op in ["getMember", "setMemberStatus", "removeMember"] {
        links.insert(op.to_owned(), json!({"operationId": op, "parameters": params}));
    }
    Value::Object(links)
}
