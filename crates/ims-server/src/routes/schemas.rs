//! `GET /v2/schemas/{name}`: JSON Schemas generated from the field registry.

use crate::error::AppError;
use crate::AppState;
use axum::extract::Path;
use axum::routing::get;
use axum::{Json, Router};

pub fn router() -> Router<AppState> {
    Router::new().route("/schemas/{name}", get(schema))
}

async fn schema(Path(name): Path<String>) -> Result<Json<serde_json::Value>, AppError> {
    ims_core::schema::by_name(&name)
        .map(Json)
        .ok_or_else(|| ims_core::ImsError::not_found(format_args!("schema {name}")).into())
}
