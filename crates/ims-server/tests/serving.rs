//! The console's files: SPA fallback, cache policy, compression, security headers; and the
//! JSON Schemas, against which every response shape the API sends is validated.

mod common;

use common::{TestServer, TOKEN_A};
use ims_server::AppOptions;
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_SECURITY_POLICY};
use serde_json::{json, Value};

const INDEX: &str = "<!DOCTYPE html><title>IMS Console</title><script type=\"module\">start()</script>";

async fn console_server() -> (TestServer, tempfile::TempDir) {
    let dist = tempfile::tempdir().expect("dist");
    std::fs::write(dist.path().join("index.html"), INDEX).expect("write");
    std::fs::write(dist.path().join("ims-console-0123456789abcdef_bg.wasm"), vec![b'a'; 4096]).expect("write");
    let options = AppOptions {
        static_dir: Some(dist.path().to_owned()),
        frame_ancestors: "'self' https://admin.example.com".into(),
        connect_src: vec!["https://glance.example.com".into()],
        ..AppOptions::default()
    };
    (TestServer::start_with(options, 128).await, dist)
}

#[tokio::test]
async fn deep_links_get_the_console_with_a_strict_csp() {
    let (server, _dist) = console_server().await;
    for path in ["/", "/images/abc", "/images/abc/edit?x=1"] {
        let r = server.get(path, None).await;
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()[CACHE_CONTROL], "no-cache");
        assert_eq!(r.headers()["x-content-type-options"], "nosniff");
        let csp = r.headers()[CONTENT_SECURITY_POLICY].to_str().expect("csp").to_owned();
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{csp}");
        assert!(csp.contains("frame-ancestors 'self' https://admin.example.com"), "{csp}");
        // The console may call the endpoint the server was told it may (--connect-src).
        assert!(csp.contains("connect-src 'self' https://glance.example.com;"), "{csp}");
        assert!(!csp.contains("unsafe-inline"));
        assert!(r.text().await.expect("body").contains("IMS Console"));
    }
    assert_eq!(server.get("/v2/images/abc", None).await.status(), 401, "the API is not the console");
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_compressed() {
    let (server, _dist) = console_server().await;
    let r = server
        .client
        .get(format!("{}/ims-console-0123456789abcdef_bg.wasm", server.base))
        .header(ACCEPT_ENCODING, "br")
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()[CACHE_CONTROL], "public, max-age=31536000, immutable");
    assert_eq!(r.headers()[CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn a_precompressed_copy_is_sent_as_it_was_built() {
    let (server, dist) = console_server().await;
    let name = "ims-console-fedcba9876543210.js";
    std::fs::write(dist.path().join(name), "console.log('raw');").expect("write");
    std::fs::write(dist.path().join(format!("{name}.br")), b"the brotli copy").expect("write");
    std::fs::write(dist.path().join(format!("{name}.gz")), b"the gzip copy").expect("write");
    let get = |encoding: &'static str| {
        server.client.get(format!("{}/{name}", server.base)).header(ACCEPT_ENCODING, encoding).send()
    };
    let br = get("gzip, br").await.expect("request");
    assert_eq!(br.headers()[CONTENT_ENCODING], "br");
    assert_eq!(br.headers()[CACHE_CONTROL], "public, max-age=31536000, immutable");
    assert_eq!(br.bytes().await.expect("body").as_ref(), b"the brotli copy");
    let gz = get("gzip").await.expect("request");
    assert_eq!(gz.headers()[CONTENT_ENCODING], "gzip");
    assert_eq!(gz.bytes().await.expect("body").as_ref(), b"the gzip copy");
    let plain = get("identity").await.expect("request");
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    assert_eq!(plain.text().await.expect("body"), "console.log('raw');");
}

async fn schema(server: &TestServer, name: &str) -> jsonschema::Validator {
    let s: Value = server.get(&format!("/v2/schemas/{name}"), None).await.json().await.expect("schema");
    jsonschema::validator_for(&s).expect("a valid JSON Schema")
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value, what: &str) {
    let errors: Vec<String> = validator.iter_errors(value).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{what}: {errors:?}");
}

#[tokio::test]
async fn responses_satisfy_the_served_schemas() {
    let server = TestServer::start().await;
    let images: Value = server.get("/v2/images?limit=1000", Some(TOKEN_A)).await.json().await.expect("list");
    assert_valid(&schema(&server, "images").await, &images, "glance list");
    let cloud: Value = server.get("/v2/cloudimages", Some(TOKEN_A)).await.json().await.expect("list");
    assert_valid(&schema(&server, "images").await, &cloud, "ims list");
    let made: Value =
        server.create(TOKEN_A, json!({"name": "schema-check", "k": "v"})).await.json().await.expect("image");
    let image_schema = schema(&server, "image").await;
    assert_valid(&image_schema, &made, "created image");
    assert!(!image_schema.is_valid(&json!({"name": 5})), "the schema is not vacuous");
    assert!(!image_schema.is_valid(&json!({"custom": 5})), "custom properties are strings");
    let id = made["id"].as_str().expect("id");
    let member: Value = server
        .request(reqwest::Method::POST, &format!("/v2/images/{id}/members"), Some(TOKEN_A))
        .json(&json!({"member": ims_core::demo::PROJECT_B}))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("member");
    assert_valid(&schema(&server, "member").await, &member, "member");
    let members: Value =
        server.get(&format!("/v2/images/{id}/members"), Some(TOKEN_A)).await.json().await.expect("members");
    assert_valid(&schema(&server, "members").await, &members, "members");
    assert_eq!(server.get("/v2/schemas/nope", None).await.status(), 404);
}
