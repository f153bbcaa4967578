//! A gateway in signing mode in front of an ims-server that accepts only AK/SK: the console's
//! calls (list, create, edit, share, accept) work through it with a gateway token, and the
//! upstream receives signed requests only — never the console's token.

mod gateway_support;

use gateway_support::*;
use ims_core::{ErrorEnvelope, Image, ImageList};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

async fn call(base: &str, method: Method, path: &str, token: &str, body: Option<(&str, Value)>) -> reqwest::Response {
    let mut r = Client::new().request(method, format!("{base}{path}")).header("X-Auth-Token", token);
    if let Some((content_type, body)) = body {
        r = r.header("Content-Type", content_type).body(body.to_string());
    }
    r.send().await.expect("request")
}

#[tokio::test]
async fn the_console_journeys_work_through_a_signing_gateway() {
    let upstream = Upstream::start(Some(&aksk_only_tokens())).await;
    let upstream_url = format!("http://{}", upstream.addr);
    let direct = call(&upstream_url, Method::GET, "/v2/cloudimages", "console-a", None).await;
    assert_eq!(direct.status(), 401, "the upstream itself takes no token");
    upstream.seen.lock().unwrap().clear();
    let gw = gateway(&upstream_url, &signing_credentials(), Duration::from_secs(10)).await;

    let list = call(&gw, Method::GET, "/v2/cloudimages?limit=5&sort_key=name", "console-a", None).await;
    assert_eq!(list.status(), 200);
    assert!(list.headers().contains_key("x-upstream-request-id"), "the upstream's request id comes back");
    assert_eq!(list.json::<ImageList>().await.unwrap().images.len(), 5);

    let body = json!({"name": "through-the-gateway", "disk_format": "qcow2", "tags": ["gw"]});
    let created = call(&gw, Method::POST, "/v2/images", "console-a", Some(("application/json", body))).await;
    assert_eq!(created.status(), 201);
    let id = created.json::<Image>().await.unwrap().id.get().cloned().expect("an id");

    let patch = json!([{"op": "replace", "path": "/name", "value": "renamed via gateway"}]);
    let media = "application/openstack-images-v2.1-json-patch";
    let edited = call(&gw, Method::PATCH, &format!("/v2/images/{id}"), "console-a", Some((media, patch))).await;
    assert_eq!(edited.status(), 200);
    assert_eq!(edited.json::<Value>().await.unwrap()["name"], "renamed via gateway");

    let share = json!({"member": PROJECT_B});
    let members = format!("/v2/images/{id}/members");
    assert_eq!(call(&gw, Method::POST, &members, "console-a", Some(("application/json", share))).await.status(), 200);
    let accept = json!({"status": "accepted"});
    let member = format!("{members}/{PROJECT_B}");
    let accepted = call(&gw, Method::PUT, &member, "console-b", Some(("application/json", accept))).await;
    assert_eq!(accepted.status(), 200, "B accepts through the gateway as B");
    let seen_by_b = call(&gw, Method::GET, "/v2/cloudimages?tag=gw", "console-b", None).await;
    assert_eq!(seen_by_b.json::<ImageList>().await.unwrap().images.len(), 1);
    assert_eq!(call(&gw, Method::DELETE, &format!("/v2/images/{id}/tags/gw"), "console-a", None).await.status(), 204);

    let seen = upstream.seen();
    assert_eq!(seen.len(), 7, "{seen:?}");
    for request in &seen {
        let auth = request.headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(auth.starts_with("SDK-HMAC-SHA256 Access=UPAK"), "{} {} unsigned", request.method, request.path);
        assert!(!request.headers.contains_key("x-auth-token"), "the console token never reaches the upstream");
        assert_eq!(request.headers["host"], upstream.addr.as_str());
    }
}

#[tokio::test]
async fn an_unknown_console_token_is_refused_at_the_gateway() {
    let upstream = Upstream::start(Some(&aksk_only_tokens())).await;
    let gw = gateway(&format!("http://{}", upstream.addr), &signing_credentials(), Duration::from_secs(10)).await;
    for token in ["", "console-c", "UPAKA"] {
        let r = call(&gw, Method::GET, "/v2/cloudimages", token, None).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{token:?}");
        assert!(r.headers().contains_key("x-request-id"));
        assert_eq!(r.json::<ErrorEnvelope>().await.unwrap().error.code, "IMS.0002");
    }
    assert!(upstream.seen().is_empty(), "nothing reached the upstream");
}

#[tokio::test]
async fn the_server_document_says_what_the_gateway_fronts_and_holds_no_secret() {
    let upstream = Upstream::start(Some(&aksk_only_tokens())).await;
    let url = format!("http://{}", upstream.addr);
    let gw = gateway(&url, &signing_credentials(), Duration::from_secs(10)).await;
    let text = Client::new().get(format!("{gw}/console/server.json")).send().await.unwrap().text().await.unwrap();
    assert!(!text.contains("secret") && !text.contains("UPAK"), "{text}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc, json!({"mode": "signing", "upstream": format!("{url}/")}));
    let passthrough = gateway(&url, "", Duration::from_secs(10)).await;
    let doc: Value =
        Client::new().get(format!("{passthrough}/console/server.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(doc["mode"], "passthrough");
    let store: Value =
        Client::new().get(format!("{url}/console/server.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(store, json!({"mode": "store", "upstream": null}));
}
