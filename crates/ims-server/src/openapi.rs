//! `GET /openapi.json`: an OpenAPI 3.1 description of every operation, generated from the
//! route table below, `ims-core`'s field registry (list filters, the image schema) and its
//! error codes, so a contract tool (schemathesis in `cargo xtask test`) can drive the API. A test
//! holds [`OPERATIONS`] equal to the routes the router registers.

mod parts;

use axum::http::Method;
use parts::{error_responses, list_parameters, path_parameter, request_body, schemas};
use serde_json::{json, Map, Value};
use std::sync::LazyLock;

/// What an operation answers on success, besides its errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Success {
    /// 200 with a body of this component schema.
    Ok(&'static str),
    /// 201 with an image and its `Location`.
    Created,
    /// 204, no body.
    NoContent,
    /// Image data: 200 (or 206 for a range) with bytes, 204 when there is none.
    Data,
}

/// The body an operation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    None,
    /// JSON of this component schema.
    Json(&'static str),
    /// Either JSON-patch media type.
    Patch,
    /// Image data, `application/octet-stream`.
    Data,
}

/// One operation of the API.
#[derive(Debug, Clone)]
pub struct Operation {
    pub method: Method,
    pub path: &'static str,
    pub id: &'static str,
    pub summary: &'static str,
    pub auth: bool,
    pub list: bool,
    pub body: Body,
    pub success: Success,
    /// Error statuses particular to the operation (400 and the head limits apply to all).
    pub errors: &'static [u16],
}

const fn op(method: Method, path: &'static str, id: &'static str, summary: &'static str) -> Operation {
    Operation {
        method,
        path,
        id,
        summary,
        auth: true,
        list: false,
        body: Body::None,
        success: Success::NoContent,
        errors: &[],
    }
}

/// Every route the server answers: the route table the document and its test are built from.
pub static OPERATIONS: LazyLock<Vec<Operation>> = LazyLock::new(|| {
    let (get, post, patch, put, delete) = (Method::GET, Method::POST, Method::PATCH, Method::PUT, Method::DELETE);
    vec![
        Operation {
            list: true,
            success: Success::Ok("ImageList"),
            ..op(get.clone(), "/v2/cloudimages", "listCloudImages", "List images (IMS)")
        },
        Operation {
            list: true,
            success: Success::Ok("ImageList"),
            ..op(get.clone(), "/v2/images", "listImages", "List images (Glance-native, with links)")
        },
        Operation {
            body: Body::Json("ImageCreate"),
            success: Success::Created,
            errors: &[413],
            ..op(post.clone(), "/v2/images", "createImage", "Create image metadata")
        },
        Operation {
            success: Success::Ok("Image"),
            errors: &[404],
            ..op(get.clone(), "/v2/images/{id}", "getImage", "Show an image")
        },
        Operation {
            body: Body::Patch,
            success: Success::Ok("Image"),
            errors: &[403, 404, 409, 413, 415],
            ..op(patch, "/v2/images/{id}", "updateImage", "Update an image with a JSON patch")
        },
        Operation { errors: &[403, 404], ..op(delete.clone(), "/v2/images/{id}", "deleteImage", "Delete an image") },
        Operation { errors: &[403, 404, 413], ..op(put.clone(), "/v2/images/{id}/tags/{tag}", "addTag", "Add a tag") },
        Operation {
            errors: &[403, 404],
            ..op(delete.clone(), "/v2/images/{id}/tags/{tag}", "removeTag", "Remove a tag")
        },
        Operation {
            body: Body::Data,
            errors: &[403, 404, 409, 413],
            ..op(put.clone(), "/v2/images/{id}/file", "uploadImageData", "Upload image data (queued to active)")
        },
        Operation {
            success: Success::Data,
            errors: &[404, 416],
            ..op(get.clone(), "/v2/images/{id}/file", "downloadImageData", "Download image data")
        },
        Operation {
            body: Body::Json("AddMember"),
            success: Success::Ok("Member"),
            errors: &[403, 404, 409, 413],
            ..op(post, "/v2/images/{id}/members", "addMember", "Share an image with a project")
        },
        Operation {
            success: Success::Ok("MemberList"),
            errors: &[403, 404],
            ..op(get.clone(), "/v2/images/{id}/members", "listMembers", "List an image's members")
        },
        Operation {
            success: Success::Ok("Member"),
            errors: &[403, 404],
            ..op(get.clone(), "/v2/images/{id}/members/{member_id}", "getMember", "Show a membership")
        },
        Operation {
            body: Body::Json("SetMemberStatus"),
            success: Success::Ok("Member"),
            errors: &[403, 404, 413],
            ..op(put, "/v2/images/{id}/members/{member_id}", "setMemberStatus", "Accept or reject a share")
        },
        Operation {
            errors: &[403, 404],
            ..op(delete, "/v2/images/{id}/members/{member_id}", "removeMember", "Cancel a share")
        },
        Operation {
            success: Success::Ok("Whoami"),
            ..op(get.clone(), "/v2/whoami", "whoami", "The project the caller's token or signature acts for")
        },
        Operation {
            auth: false,
            success: Success::Ok("JsonSchema"),
            errors: &[404],
            ..op(get.clone(), "/v2/schemas/{name}", "getSchema", "A JSON Schema of the API's objects")
        },
        Operation {
            auth: false,
            success: Success::Ok("OpenApi"),
            ..op(get, "/openapi.json", "getOpenApi", "This document")
        },
    ]
});

/// The document, built once.
pub static DOCUMENT: LazyLock<Value> = LazyLock::new(document);

fn document() -> Value {
    let mut paths = Map::new();
    for o in OPERATIONS.iter() {
        let item = paths.entry(o.path).or_insert_with(|| json!({}));
        item[o.method.as_str().to_ascii_lowercase()] = operation(o);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "IMS reference API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Image metadata, tags and sharing over SQLite. Every error is the envelope \
                {\"error\":{\"code\",\"message\"}}; every response carries X-Request-Id."
        },
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "securitySchemes": {"token": {"type": "apiKey", "in": "header", "name": "X-Auth-Token"}},
            "headers": {
                "X-Request-Id": {
                    "required": true,
                    "schema": {"type": "string", "pattern": "^req-"},
                    "description": "Quote it when reporting a problem"
                },
                "Location": {"required": true, "schema": {"type": "string"}, "description": "The created image"}
            }
        }
    })
}

fn operation(o: &Operation) -> Value {
    let mut parameters: Vec<Value> = o
        .path
        .split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(path_parameter)
        .collect();
    if o.list {
        parameters.extend(list_parameters());
    }
    let mut responses = error_responses(o);
    let request_id = json!({"X-Request-Id": {"$ref": "#/components/headers/X-Request-Id"}});
    let success = match o.success {
        Success::Ok(schema) => (
            "200",
            json!({
                "description": "OK", "headers": request_id,
                "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}
            }),
        ),
        Success::Created => (
            "201",
            json!({
                "description": "Created",
                "headers": {
                    "X-Request-Id": request_id["X-Request-Id"],
                    "Location": {"$ref": "#/components/headers/Location"}
                },
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Image"}}},
                "links": parts::image_links()
            }),
        ),
        Success::NoContent => ("204", json!({"description": "Done", "headers": request_id})),
        Success::Data => {
            let bytes = json!({"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}});
            responses.insert("204".into(), json!({"description": "No data yet", "headers": request_id}));
            let partial = json!({"description": "A range", "headers": request_id, "content": bytes});
            responses.insert("206".into(), partial);
            ("200", json!({"description": "The data", "headers": request_id, "content": bytes}))
        }
    };
    responses.insert(success.0.to_owned(), success.1);
    let mut value = json!({
        "operationId": o.id,
        "summary": o.summary,
        "parameters": parameters,
        "responses": responses,
        "security": if o.auth { json!([{"token": []}]) } else { json!([]) },
    });
    if let Some(body) = request_body(o.body) {
        value["requestBody"] = body;
    }
    if o.id == "addMember" {
        value["responses"]["200"]["links"] = parts::member_links();
    }
    value
}
