//! Tenant isolation: projects A and B and the public catalog's owner × every image operation.
//! Another project's private image is 404 for reading, writing and deleting, never 403.

mod common;

use common::{error_code, ids, TestServer, TOKEN_A, TOKEN_B, TOKEN_PUBLIC};
use reqwest::Method;
use serde_json::json;

const V21: &str = "application/openstack-images-v2.1-json-patch";

/// What each operation answers for a caller: `(status, code)` of every call.
async fn attempt(server: &TestServer, token: &str, id: &str) -> Vec<u16> {
    let image = format!("/v2/images/{id}");
    let mut statuses = vec![server.get(&image, Some(token)).await.status().as_u16()];
    let patch = server.patch(token, id, V21, json!([{"op": "add", "path": "/probe", "value": "x"}])).await;
    statuses.push(patch.status().as_u16());
    for (method, path) in
        [(Method::PUT, format!("{image}/tags/probe")), (Method::DELETE, format!("{image}/tags/probe"))]
    {
        statuses.push(server.request(method, &path, Some(token)).send().await.expect("request").status().as_u16());
    }
    let listed = ids(&server.list("", token).await).contains(&id.to_owned());
    statuses.push(if listed { 200 } else { 404 });
    statuses
}

#[tokio::test]
async fn private_images_are_invisible_to_other_projects() {
    let server = TestServer::start().await;
    let a_image = server.image_id(TOKEN_A, "db-backup-2023").await;
    let b_image = server.image_id(TOKEN_B, "gpu-trainer").await;
    // get, patch, put tag, delete tag, listed
    assert_eq!(attempt(&server, TOKEN_A, &a_image).await, [200, 200, 204, 204, 200]);
    assert_eq!(attempt(&server, TOKEN_B, &a_image).await, [404, 404, 404, 404, 404]);
    assert_eq!(attempt(&server, TOKEN_PUBLIC, &a_image).await, [404, 404, 404, 404, 404]);
    assert_eq!(attempt(&server, TOKEN_A, &b_image).await, [404, 404, 404, 404, 404]);
    assert_eq!(attempt(&server, TOKEN_B, &b_image).await, [200, 200, 204, 204, 200]);
    for token in [TOKEN_B, TOKEN_PUBLIC] {
        let r = server
            .request(Method::DELETE, &format!("/v2/images/{a_image}"), Some(token))
            .send()
            .await
            .expect("request");
        assert_eq!(error_code(r).await, (404, "IMS.0004".to_owned()));
    }
    assert_eq!(server.get(&format!("/v2/images/{a_image}"), Some(TOKEN_A)).await.status(), 200, "still there");
}

#[tokio::test]
async fn public_images_are_readable_by_all_and_writable_by_their_owner_only() {
    let server = TestServer::start().await;
    let public = ids(&server.list("__imagetype=gold&limit=1", TOKEN_A).await).remove(0);
    // Everyone reads it and lists it; only its owner changes it (403: they can see it).
    assert_eq!(attempt(&server, TOKEN_A, &public).await, [200, 403, 403, 403, 200]);
    assert_eq!(attempt(&server, TOKEN_B, &public).await, [200, 403, 403, 403, 200]);
    assert_eq!(attempt(&server, TOKEN_PUBLIC, &public).await, [200, 200, 204, 204, 200]);
}

#[tokio::test]
async fn whoami_names_the_tokens_project_and_refuses_an_unknown_token() {
    let server = TestServer::start().await;
    for (token, project) in [(TOKEN_A, ims_core::demo::PROJECT_A), (TOKEN_B, ims_core::demo::PROJECT_B)] {
        let response = server.get("/v2/whoami", Some(token)).await;
        assert_eq!(response.status(), 200);
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body, json!({ "project_id": project }));
    }
    assert_eq!(error_code(server.get("/v2/whoami", Some("nope")).await).await.0, 401);
    assert_eq!(error_code(server.get("/v2/whoami", None).await).await.0, 401);
}
