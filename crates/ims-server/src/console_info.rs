//! `GET /console/server.json`: what this server is, for the console's Settings page — the
//! reference store, or a gateway and which upstream it fronts (never any credential).

use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

/// The document: `{"mode": "store" | "passthrough" | "signing", "upstream": url or null}`.
#[derive(Debug, Clone, Serialize)]
pub struct ServerInfo {
    pub mode: &'static str,
    pub upstream: Option<String>,
}

impl ServerInfo {
    /// The reference API over its own database.
    pub fn store() -> Self {
        ServerInfo { mode: "store", upstream: None }
    }
}

pub const PATH: &str = "/console/server.json";

/// The one route, to merge into the service.
pub fn router(info: ServerInfo) -> Router {
    let info = Json(info);
    Router::new().route(PATH, get(move || async move { info.clone() }))
}
