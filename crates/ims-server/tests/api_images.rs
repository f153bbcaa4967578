//! Image routes over real HTTP against a real SQLite file.

mod common;

use common::{error_code, ids, TestServer, TOKEN_A, TOKEN_B, TOKEN_PUBLIC};
use ims_core::demo::{PROJECT_A, PROJECT_B, PUBLIC_COUNT, PUBLIC_OWNER};
use ims_core::{GlanceImageList, Image};
use reqwest::Method;
use serde_json::json;

const V21: &str = "application/openstack-images-v2.1-json-patch";
const V20: &str = "application/openstack-images-v2.0-json-patch";

#[tokio::test]
async fn a_project_lists_the_public_catalog_and_its_own_images_only() {
    let server = TestServer::start().await;
    let images = server.list("", TOKEN_A).await;
    let owned = |owner: &str| images.iter().filter(|i| i.owner.get().map(String::as_str) == Some(owner)).count();
    assert_eq!((owned(PUBLIC_OWNER), owned(PROJECT_A), owned(PROJECT_B)), (PUBLIC_COUNT, 4, 0));
    let created: Vec<_> = images.iter().map(|i| i.created_at.get().cloned().unwrap_or_default()).collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]), "newest first");
}

#[tokio::test]
async fn filters_reach_sql_with_the_specs_encodings() {
    let server = TestServer::start().await;
    let ubuntu = server.list("__platform=Ubuntu&__imagetype=gold", TOKEN_A).await;
    assert!(!ubuntu.is_empty());
    assert!(ubuntu.iter().all(|i| i.platform.get().map(ToString::to_string).as_deref() == Some("Ubuntu")));
    let recent = server.list("created_at=gt%3A2022-01-01%2000%3A00%3A00&sort_key=name&sort_dir=asc", TOKEN_A).await;
    assert!(recent.iter().all(|i| i.created_at.get().is_some_and(|c| c.as_str() > "2022-01-01T00:00:00Z")));
    let names: Vec<_> = recent.iter().map(|i| i.name.get().cloned().unwrap_or_default()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
    let (status, code) = error_code(server.get("/v2/cloudimages?__platform=Plan9", Some(TOKEN_A)).await).await;
    assert_eq!((status, code.as_str()), (400, "IMS.0010"));
    let (status, code) = error_code(server.get("/v2/cloudimages?marker=nope", Some(TOKEN_A)).await).await;
    assert_eq!((status, code.as_str()), (400, "IMS.0013"));
}

#[tokio::test]
async fn marker_pages_walk_the_catalog_without_repeats_or_gaps() {
    let server = TestServer::start().await;
    for order in ["", "&sort_key=name&sort_dir=asc", "&sort_key=size&sort_dir=desc", "&sort_key=status"] {
        let all = ids(&server.list(&order[order.len().min(1)..], TOKEN_B).await);
        let mut walked = Vec::new();
        let mut marker = String::new();
        loop {
            let page = server.list(&format!("limit=9{order}{marker}"), TOKEN_B).await;
            walked.extend(ids(&page));
            if page.len() < 9 {
                break;
            }
            marker = format!("&marker={}", walked.last().cloned().unwrap_or_default());
        }
        assert_eq!(walked, all, "order {order:?}");
    }
}

#[tokio::test]
async fn the_glance_list_has_relative_links_that_keep_the_filters() {
    let server = TestServer::start().await;
    let mut url = "/v2/images?__imagetype=gold&limit=25".to_owned();
    let mut seen = Vec::new();
    loop {
        let page: GlanceImageList = server.get(&url, Some(TOKEN_A)).await.json().await.expect("glance list");
        assert_eq!(page.schema, "/v2/schemas/images");
        assert_eq!(page.first, "/v2/images?__imagetype=gold&limit=25");
        seen.extend(ids(&page.images));
        match page.next {
            Some(next) => {
                assert!(next.starts_with("/v2/images?__imagetype=gold&marker="), "{next}");
                url = next;
            }
            None => break,
        }
    }
    assert_eq!(seen.len(), PUBLIC_COUNT);
}

#[tokio::test]
async fn create_answers_201_with_location_defaults_and_derived_fields() {
    let server = TestServer::start().await;
    let body = json!({"__os_version": "Ubuntu 14.04 server 64bit", "container_format": "bare", "disk_format": "vhd",
        "min_disk": 1, "min_ram": 1024, "name": "test", "tags": ["test", "image"], "visibility": "private",
        "protected": false, "aaaa": "11111"});
    let response = server.create(TOKEN_A, body).await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().expect("location").to_owned();
    let made: Image = response.json().await.expect("image");
    let id = made.id.get().expect("id").clone();
    assert_eq!(location, format!("/v2/images/{id}"));
    let wire = serde_json::to_value(&made).expect("json");
    for (k, v) in [
        ("status", "queued"),
        ("__imagetype", "private"),
        ("__platform", "Ubuntu"),
        ("__os_bit", "64"),
        ("__os_type", "Linux"),
        ("owner", PROJECT_A),
        ("schema", "/v2/schemas/image"),
        ("aaaa", "11111"),
    ] {
        assert_eq!(wire[k], v, "{k}");
    }
    assert_eq!(wire["file"], format!("/v2/images/{id}/file"));
    let read: Image = server.get(&location, Some(TOKEN_A)).await.json().await.expect("read back");
    assert_eq!(read, made);
    assert_eq!(server.get(&location, Some(TOKEN_B)).await.status(), 404);
}

#[tokio::test]
async fn create_refusals_list_every_problem_and_bad_json_is_an_envelope() {
    let server = TestServer::start().await;
    let response =
        server.create(TOKEN_A, json!({"name": "x".repeat(256), "visibility": "public", "min_disk": 2000})).await;
    assert_eq!(response.status(), 400);
    let envelope: ims_core::ErrorEnvelope = response.json().await.expect("envelope");
    let fields: Vec<_> = envelope.error.details.iter().map(|d| d.field.as_str()).collect();
    assert_eq!((envelope.error.code.as_str(), fields), ("IMS.0011", vec!["name", "visibility", "min_disk"]));
    let bad_type = server.create(TOKEN_A, json!({"min_ram": "lots"})).await;
    assert_eq!(error_code(bad_type).await, (400, "IMS.0001".to_owned()));
    let not_json =
        server.request(Method::POST, "/v2/images", Some(TOKEN_A)).body("{nope").send().await.expect("request");
    assert_eq!(error_code(not_json).await, (400, "IMS.0001".to_owned()));
    let huge = server
        .request(Method::POST, "/v2/images", Some(TOKEN_A))
        .body(vec![b' '; 2 * 1024 * 1024])
        .send()
        .await
        .expect("request");
    assert_eq!(error_code(huge).await, (413, "IMS.0006".to_owned()));
}

#[tokio::test]
async fn patch_in_both_media_types_with_the_design_rules() {
    let server = TestServer::start().await;
    let id = server.image_id(TOKEN_A, "db-backup-2023").await;
    let before: Image = server.get(&format!("/v2/images/{id}"), Some(TOKEN_A)).await.json().await.expect("image");
    let ok = server
        .patch(
            TOKEN_A,
            &id,
            V21,
            json!([{"op": "replace", "path": "/name", "value": "renamed"},
        {"op": "add", "path": "/owner_team", "value": "dba"}, {"op": "remove", "path": "/team"}]),
        )
        .await;
    assert_eq!(ok.status(), 200);
    let after: Image = ok.json().await.expect("image");
    assert_eq!(after.name.get().map(String::as_str), Some("renamed"));
    assert_eq!(after.properties.get("owner_team"), Some(&json!("dba")));
    assert!(!after.properties.contains_key("team"));
    assert_ne!(after.updated_at, before.updated_at);
    let v20 = server.patch(TOKEN_A, &id, V20, json!([{"replace": "/name", "value": "again"}])).await;
    assert_eq!(v20.status(), 200);
    let read: Image = server.get(&format!("/v2/images/{id}"), Some(TOKEN_A)).await.json().await.expect("image");
    assert_eq!(read.name.get().map(String::as_str), Some("again"));

    let cases = [
        (V21, json!([{"op": "replace", "path": "/status", "value": "active"}]), 403, "IMS.0030"),
        (V21, json!([{"op": "replace", "path": "/missing", "value": "x"}]), 409, "IMS.0032"),
        (V21, json!([{"replace": "/name", "value": "x"}]), 400, "IMS.0012"),
        (V21, json!([{"op": "replace", "path": "/name", "value": "x".repeat(256)}]), 400, "IMS.0011"),
        ("application/json", json!([{"op": "replace", "path": "/name", "value": "x"}]), 415, "IMS.0007"),
    ];
    for (ct, body, status, code) in cases {
        let response = server.patch(TOKEN_A, &id, ct, body.clone()).await;
        assert_eq!(error_code(response).await, (status, code.to_owned()), "{body}");
    }
}

#[tokio::test]
async fn delete_is_204_for_the_owner_and_403_for_protected_images() {
    let server = TestServer::start().await;
    let id = server.image_id(TOKEN_B, "ci-runner").await;
    let response =
        server.request(Method::DELETE, &format!("/v2/images/{id}"), Some(TOKEN_B)).send().await.expect("request");
    assert_eq!(response.status(), 204);
    assert_eq!(server.get(&format!("/v2/images/{id}"), Some(TOKEN_B)).await.status(), 404);
    let public = ids(&server.list("__imagetype=gold&limit=1", TOKEN_PUBLIC).await).remove(0);
    let refused = server
        .request(Method::DELETE, &format!("/v2/images/{public}"), Some(TOKEN_PUBLIC))
        .send()
        .await
        .expect("request");
    assert_eq!(error_code(refused).await, (403, "IMS.0031".to_owned()));
}

#[tokio::test]
async fn tags_are_added_once_and_removed() {
    let server = TestServer::start().await;
    let id = server.image_id(TOKEN_A, "web-frontend-golden").await;
    let tag_path = |t: &str| format!("/v2/images/{id}/tags/{t}");
    for _ in 0..2 {
        let r = server.request(Method::PUT, &tag_path("blue%20green"), Some(TOKEN_A)).send().await.expect("request");
        assert_eq!(r.status(), 204);
    }
    let image: Image = server.get(&format!("/v2/images/{id}"), Some(TOKEN_A)).await.json().await.expect("image");
    assert_eq!(image.tags.get().expect("tags"), &["web", "prod", "blue green"]);
    assert_eq!(server.list("tag=blue%20green", TOKEN_A).await.len(), 1);
    let r = server.request(Method::DELETE, &tag_path("web"), Some(TOKEN_A)).send().await.expect("request");
    assert_eq!(r.status(), 204);
    let r = server.request(Method::DELETE, &tag_path("web"), Some(TOKEN_A)).send().await.expect("request");
    assert_eq!(error_code(r).await, (404, "IMS.0004".to_owned()));
}

#[tokio::test]
async fn tokens_routes_and_methods_are_enveloped() {
    let server = TestServer::start().await;
    for token in [None, Some("nope")] {
        assert_eq!(error_code(server.get("/v2/cloudimages", token).await).await, (401, "IMS.0002".to_owned()));
    }
    assert_eq!(error_code(server.get("/v2/nothing-here", Some(TOKEN_A)).await).await, (404, "IMS.0004".to_owned()));
    let r = server.request(Method::DELETE, "/v2/cloudimages", Some(TOKEN_A)).send().await.expect("request");
    assert_eq!(error_code(r).await, (405, "IMS.0005".to_owned()));
    // A framework rejection (a path that is not UTF-8) still answers with the envelope.
    assert_eq!(error_code(server.get("/v2/images/%FF%FE", Some(TOKEN_A)).await).await, (400, "IMS.0001".to_owned()));
}
