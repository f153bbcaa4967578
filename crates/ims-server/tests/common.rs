//! A real server for tests: a temporary SQLite file, the demo tokens, a port-0 listener.
#![allow(dead_code)]

use ims_server::{app, auth::Tokens, db, AppState};
use std::path::Path;
use std::sync::Arc;

pub const TOKEN_A: &str = "demo-token-a";
pub const TOKEN_B: &str = "demo-token-b";

pub struct TestServer {
    pub base: String,
    pub client: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl TestServer {
    /// Starts the service over a seeded temporary database, optionally serving `static_dir`.
    pub async fn start(static_dir: Option<&Path>) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let pool = db::open(&dir.path().join("ims.sqlite")).await.expect("open db");
        db::seed_if_empty(&pool, &ims_core::demo::demo_catalog())
            .await
            .expect("seed");
        let state = AppState {
            pool,
            tokens: Arc::new(Tokens::demo()),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let service = app(state, static_dir.map(Path::to_path_buf));
        tokio::spawn(async move { axum::serve(listener, service).await.expect("serve") });
        TestServer {
            base: format!("http://{addr}"),
            client: reqwest::Client::new(),
            _dir: dir,
        }
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut req = self.client.get(format!("{}{}", self.base, path));
        if let Some(token) = token {
            req = req.header("X-Auth-Token", token);
        }
        req.send().await.expect("request")
    }
}
