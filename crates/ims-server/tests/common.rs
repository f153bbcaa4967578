//! A real server for tests: a temporary SQLite file, the demo tokens, a port-0 listener.
#![allow(dead_code)]

use ims_core::{ErrorEnvelope, Image, ImageList};
use ims_server::image_data::ImageData;
use ims_server::serve::{serve, Limits};
use ims_server::{app, auth::Tokens, db, store::Store, AppOptions, AppState};
use reqwest::{Method, Response};
use serde_json::Value;
use std::sync::Arc;

pub const TOKEN_A: &str = "demo-token-a";
pub const TOKEN_B: &str = "demo-token-b";
pub const TOKEN_PUBLIC: &str = "demo-token-public";

pub struct TestServer {
    pub base: String,
    pub client: reqwest::Client,
    pub store: Store,
    /// The temporary directory: `ims.sqlite` and `images/`.
    pub dir: tempfile::TempDir,
}

impl TestServer {
    /// Starts the service over a seeded temporary database.
    pub async fn start() -> TestServer {
        Self::start_with(AppOptions::default(), ims_core::sharing::DEFAULT_MEMBER_CAP).await
    }

    pub async fn start_with(options: AppOptions, member_cap: usize) -> TestServer {
        Self::start_limited(options, member_cap, Limits::default()).await
    }

    /// Served by `ims_server::serve` (the binary's accept loop) with these limits.
    pub async fn start_limited(options: AppOptions, member_cap: usize, limits: Limits) -> TestServer {
        Self::start_full(options, member_cap, limits, ims_server::image_data::DEFAULT_MAX_IMAGE_SIZE).await
    }

    /// [`TestServer::start_limited`] with a largest upload.
    pub async fn start_full(options: AppOptions, member_cap: usize, limits: Limits, max_image_size: u64) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = match std::env::var("IMS_TEST_DATABASE_URL") {
            Ok(url) => Store::open(&fresh_database(&url).await, Default::default(), member_cap).await.expect("open db"),
            Err(_) => Store::new(db::open(&dir.path().join("ims.sqlite")).await.expect("open db"), member_cap),
        };
        store.seed_if_empty(&ims_core::demo::demo_catalog()).await.expect("seed");
        let data = ImageData::local(&dir.path().join("images"), max_image_size).expect("image dir");
        let state = AppState { store: store.clone(), tokens: Arc::new(Tokens::demo()), data };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let service = app(state, &options);
        tokio::spawn(async move { serve(listener, service, &limits, std::future::pending()).await });
        TestServer { base: format!("http://{addr}"), client: reqwest::Client::new(), store, dir }
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> reqwest::RequestBuilder {
        let req = self.client.request(method, format!("{}{}", self.base, path));
        match token {
            Some(t) => req.header("X-Auth-Token", t),
            None => req,
        }
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        self.request(Method::GET, path, token).send().await.expect("request")
    }

    pub async fn list(&self, query: &str, token: &str) -> Vec<Image> {
        let r = self.get(&format!("/v2/cloudimages?{query}"), Some(token)).await;
        assert_eq!(r.status(), 200, "list {query}");
        r.json::<ImageList>().await.expect("list").images
    }

    /// The id of a seeded image by owner token and name.
    pub async fn image_id(&self, token: &str, name: &str) -> String {
        let images = self.list(&format!("name={name}"), token).await;
        images.first().and_then(|i| i.id.get().cloned()).expect("seeded image")
    }

    pub async fn create(&self, token: &str, body: Value) -> Response {
        self.request(Method::POST, "/v2/images", Some(token)).json(&body).send().await.expect("request")
    }

    pub async fn patch(&self, token: &str, id: &str, content_type: &str, body: Value) -> Response {
        self.request(Method::PATCH, &format!("/v2/images/{id}"), Some(token))
            .header("Content-Type", content_type)
            .body(body.to_string())
            .send()
            .await
            .expect("request")
    }
}

/// A new empty database on the PostgreSQL server of `url` (`IMS_TEST_DATABASE_URL`, set by
/// `cargo xtask test postgres`), so every test server starts from its own data.
pub async fn fresh_database(url: &str) -> String {
    let admin = sqlx::PgPool::connect(url).await.expect("connect to the test PostgreSQL");
    let name = format!("ims_t_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.expect("create database");
    admin.close().await;
    let base = url.rsplit_once('/').map_or(url, |(base, _)| base);
    format!("{base}/{name}")
}

/// The error code of an envelope response, checking it is JSON with a request id.
pub async fn error_code(response: Response) -> (u16, String) {
    let status = response.status().as_u16();
    assert!(response.headers().contains_key("x-request-id"), "no request id");
    let ct = response.headers()["content-type"].to_str().unwrap_or_default().to_owned();
    assert!(ct.starts_with("application/json"), "error body is {ct}");
    let envelope: ErrorEnvelope = response.json().await.expect("an error envelope");
    (status, envelope.error.code)
}

pub fn ids(images: &[Image]) -> Vec<String> {
    images.iter().map(|i| i.id.get().cloned().unwrap_or_default()).collect()
}
