//! Real servers for the gateway tests: an upstream ims-server over a temporary SQLite file that
//! records every request it receives, and a gateway in front of it, each on a port-0 listener.
#![allow(dead_code)]

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::{self, Next};
use axum::response::Response;
use ims_server::gateway::{self, GatewayConfig, UpstreamCredentials};
use ims_server::{app, auth::Tokens, db, store::Store, AppOptions, AppState};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const PROJECT_A: &str = ims_core::demo::PROJECT_A;
pub const PROJECT_B: &str = ims_core::demo::PROJECT_B;

/// An upstream that knows only AK/SK credentials (no `[[token]]`): A's and B's projects.
pub fn aksk_only_tokens() -> String {
    format!(
        "[[credential]]\nak = \"UPAKA\"\nsk = \"upstream-secret-a\"\nproject_id = \"{PROJECT_A}\"\n\n\
         [[credential]]\nak = \"UPAKB\"\nsk = \"upstream-secret-b\"\nproject_id = \"{PROJECT_B}\"\n"
    )
}

/// The gateway's `[[upstream_credential]]`: console tokens for A and B and their AK/SK.
pub fn signing_credentials() -> String {
    format!(
        "[[upstream_credential]]\ntoken = \"console-a\"\nak = \"UPAKA\"\nsk = \"upstream-secret-a\"\nproject_id = \"{PROJECT_A}\"\n\n\
         [[upstream_credential]]\ntoken = \"console-b\"\nak = \"UPAKB\"\nsk = \"upstream-secret-b\"\nproject_id = \"{PROJECT_B}\"\n"
    )
}

/// One request as the upstream received it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub headers: HeaderMap,
}

pub struct Upstream {
    pub addr: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    _dir: tempfile::TempDir,
}

async fn record(State(seen): State<Arc<Mutex<Vec<Seen>>>>, request: Request, next: Next) -> Response {
    let entry = Seen {
        method: request.method().to_string(),
        path: request.uri().path().to_owned(),
        headers: request.headers().clone(),
    };
    seen.lock().expect("lock").push(entry);
    next.run(request).await
}

pub async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });
    addr.to_string()
}

impl Upstream {
    /// A seeded ims-server; `tokens` is a tokens file's text, or the demo tokens when `None`.
    pub async fn start(tokens: Option<&str>) -> Upstream {
        let dir = tempfile::tempdir().expect("temp dir");
        let tokens = match tokens {
            Some(text) => {
                let path = dir.path().join("tokens.toml");
                std::fs::write(&path, text).expect("tokens");
                Tokens::from_file(&path).expect("a valid tokens file")
            }
            None => Tokens::demo(),
        };
        let pool = db::open(&dir.path().join("ims.sqlite")).await.expect("open db");
        db::seed_if_empty(&pool, &ims_core::demo::demo_catalog()).await.expect("seed");
        let data = ims_server::image_data::ImageData::local(&dir.path().join("images"), 1 << 30).expect("image dir");
        let state = AppState { store: Store::new(pool, 128), tokens: Arc::new(tokens), data };
        let seen = Arc::new(Mutex::new(Vec::new()));
        let router = app(state, &AppOptions::default()).layer(middleware::from_fn_with_state(seen.clone(), record));
        Upstream { addr: serve(router).await, seen, _dir: dir }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("lock").clone()
    }
}

/// A gateway to `upstream` (a URL); signing when `credentials` has entries.
pub async fn gateway(upstream: &str, credentials: &str, total_timeout: Duration) -> String {
    gateway_with(upstream, credentials, total_timeout, &AppOptions::default()).await
}

/// [`gateway`] with the options around the API (a console to serve, say).
pub async fn gateway_with(upstream: &str, credentials: &str, total_timeout: Duration, options: &AppOptions) -> String {
    let config = GatewayConfig {
        upstream: gateway::parse_upstream(upstream).expect("upstream url"),
        upstream_ca: None,
        connect_timeout: Duration::from_secs(2),
        total_timeout,
        credentials: UpstreamCredentials::from_toml(credentials).expect("credentials"),
    };
    let router = gateway::app(config, options).expect("gateway");
    format!("http://{}", serve(router).await)
}
