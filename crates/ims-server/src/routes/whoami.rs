//! `GET /v2/whoami`: the project the caller's token (or AK/SK signature) acts for, so that the
//! console can offer each image's owner, consumer and viewer only what they may do. IMS and
//! Glance have no such call; the console then learns the project another way (`ims_core::role`).

use crate::auth::Caller;
use crate::AppState;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

pub fn router() -> Router<AppState> {
    Router::new().route("/whoami", get(whoami))
}

async fn whoami(Caller(project): Caller) -> Json<Value> {
    Json(json!({ "project_id": project }))
}
