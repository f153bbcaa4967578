//! The OpenAPI document cannot drift from the router: its operations are exactly the routes the
//! route modules register, each answers with a status the document lists, and it carries every
//! list filter, both PATCH media types and the created image's `Location`.

mod common;

use common::{TestServer, TOKEN_A};
use ims_server::openapi::{DOCUMENT, OPERATIONS};
use reqwest::Method;
use serde_json::Value;
use std::collections::BTreeSet;

/// `(METHOD, path)` of every `.route(...)` in a router source file, under `prefix`.
fn routes_in(source: &str, prefix: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for chunk in source.split(".route(").skip(1) {
        let Some(path) = chunk.split('"').nth(1) else { continue };
        let call = chunk.split(".route(").next().unwrap_or_default();
        for method in ["get", "post", "patch", "put", "delete"] {
            let needle = format!("{method}(");
            let hit = call
                .match_indices(&needle)
                .any(|(at, _)| at == 0 || !call[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_'));
            if hit {
                found.push((method.to_uppercase(), format!("{prefix}{path}")));
            }
        }
    }
    found
}

#[test]
fn the_document_has_exactly_the_routers_operations() {
    let mut routed: BTreeSet<(String, String)> = BTreeSet::new();
    for source in [
        include_str!("../src/routes/images.rs"),
        include_str!("../src/routes/tags.rs"),
        include_str!("../src/routes/image_file.rs"),
        include_str!("../src/routes/members.rs"),
        include_str!("../src/routes/schemas.rs"),
        include_str!("../src/routes/whoami.rs"),
    ] {
        routed.extend(routes_in(source, "/v2"));
    }
    routed.extend(routes_in(include_str!("../src/lib.rs"), ""));
    let documented: BTreeSet<(String, String)> =
        OPERATIONS.iter().map(|o| (o.method.as_str().to_owned(), o.path.to_owned())).collect();
    assert_eq!(documented, routed);
    let doc_paths: BTreeSet<(String, String)> = DOCUMENT["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| item.as_object().expect("item").keys().map(|m| (m.to_uppercase(), path.clone())))
        .collect();
    assert_eq!(doc_paths, documented);
}

#[test]
fn lists_patches_and_creates_are_fully_described() {
    let list = &DOCUMENT["paths"]["/v2/cloudimages"]["get"]["parameters"];
    let names: Vec<&str> = list.as_array().expect("params").iter().filter_map(|p| p["name"].as_str()).collect();
    for (param, _) in ims_core::query::FILTER_PARAMS.iter() {
        assert!(names.contains(param), "filter {param} is not documented");
    }
    let status = list.as_array().expect("params").iter().find(|p| p["name"] == "status").expect("status");
    assert!(status["schema"]["enum"].as_array().is_some_and(|e| e.contains(&"active".into())), "{status}");
    let patch = &DOCUMENT["paths"]["/v2/images/{id}"]["patch"]["requestBody"]["content"];
    assert!(patch["application/openstack-images-v2.1-json-patch"].is_object());
    assert!(patch["application/openstack-images-v2.0-json-patch"].is_object());
    let created = &DOCUMENT["paths"]["/v2/images"]["post"]["responses"]["201"];
    assert!(created["headers"]["Location"].is_object() && created["links"]["getImage"].is_object());
    for (path, item) in DOCUMENT["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            for (code, response) in op["responses"].as_object().expect("responses") {
                assert!(response["headers"]["X-Request-Id"].is_object(), "{method} {path} {code}");
            }
        }
    }
}

#[tokio::test]
async fn every_operation_answers_with_a_documented_status_and_the_document_is_served() {
    let server = TestServer::start().await;
    let served: Value = server.get("/openapi.json", None).await.json().await.expect("document");
    assert_eq!(served, *DOCUMENT);
    assert_eq!(served["openapi"], "3.1.0");
    let id = server.image_id(TOKEN_A, "db-backup-2023").await;
    for o in OPERATIONS.iter() {
        let path =
            o.path.replace("{id}", &id).replace("{tag}", "t").replace("{member_id}", "m").replace("{name}", "image");
        let method = Method::from_bytes(o.method.as_str().as_bytes()).expect("method");
        let r = server
            .request(method, &path, Some(TOKEN_A))
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16().to_string();
        let documented = &DOCUMENT["paths"][o.path][o.method.as_str().to_ascii_lowercase()]["responses"];
        assert!(documented[&status].is_object(), "{} {path} answered {status}, not documented", o.method);
    }
}
