//! Requests that probe the edges of the contract: ambiguous or non-ASCII tokens, an image
//! grown without bound, and caching of per-caller answers.

mod common;

use common::{error_code, TestServer, TOKEN_A};
use reqwest::header::{HeaderValue, CACHE_CONTROL};
use reqwest::Method;
use serde_json::{json, Value};

const V21: &str = "application/openstack-images-v2.1-json-patch";

#[tokio::test]
async fn two_tokens_are_a_400_and_a_non_ascii_token_is_not_valid() {
    let server = TestServer::start().await;
    let twice = server.request(Method::GET, "/v2/images", Some(TOKEN_A)).header("X-Auth-Token", "bad");
    assert_eq!(error_code(twice.send().await.expect("request")).await, (400, "IMS.0001".into()));
    let twice_same = server.request(Method::GET, "/v2/images", Some(TOKEN_A)).header("X-Auth-Token", TOKEN_A);
    assert_eq!(twice_same.send().await.expect("request").status(), 400, "even the same token twice");

    let token = HeaderValue::from_bytes("démo".as_bytes()).expect("header value");
    let r = server.request(Method::GET, "/v2/images", None).header("X-Auth-Token", token).send().await.expect("req");
    let status = r.status().as_u16();
    let envelope: Value = r.json().await.expect("envelope");
    assert_eq!(status, 401);
    assert_eq!(envelope["error"]["message"], "the token is not valid");
}

#[tokio::test]
async fn an_image_document_is_capped_and_a_refused_patch_changes_nothing() {
    let server = TestServer::start().await;
    let made: Value = server.create(TOKEN_A, json!({"name": "grows"})).await.json().await.expect("image");
    let id = made["id"].as_str().expect("id");
    let chunk = "x".repeat(30_000);
    let ok = server.patch(TOKEN_A, id, V21, json!([{"op": "add", "path": "/p1", "value": chunk}])).await;
    assert_eq!(ok.status(), 200);
    let before: Value = server.get(&format!("/v2/images/{id}"), Some(TOKEN_A)).await.json().await.expect("image");
    let ops = json!([{"op": "add", "path": "/p2", "value": chunk}, {"op": "add", "path": "/p3", "value": chunk}]);
    let refused = server.patch(TOKEN_A, id, V21, ops).await;
    assert_eq!(error_code(refused).await, (413, "IMS.0033".into()));
    let after: Value = server.get(&format!("/v2/images/{id}"), Some(TOKEN_A)).await.json().await.expect("image");
    assert_eq!(before, after, "nothing of the refused patch was applied");
    let big_create = server.create(TOKEN_A, json!({"name": "big", "a": chunk, "b": chunk, "c": chunk})).await;
    assert_eq!(error_code(big_create).await, (413, "IMS.0033".into()));
}

#[tokio::test]
async fn api_answers_are_never_cached() {
    let server = TestServer::start().await;
    for (path, token) in [("/v2/images", Some(TOKEN_A)), ("/v2/images/nope", Some(TOKEN_A)), ("/v2/images", None)] {
        let r = server.get(path, token).await;
        assert_eq!(r.headers()[CACHE_CONTROL], "no-store", "{path} {}", r.status());
    }
}
