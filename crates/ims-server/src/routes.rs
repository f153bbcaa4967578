//! The HTTP API under `/v2`.

mod image_file;
mod images;
mod members;
mod schemas;
mod tags;
mod whoami;

use crate::error::AppError;
use crate::AppState;
use axum::Router;
use ims_core::ErrorCode;

/// All `/v2` routes; anything else under `/v2` is a 404 envelope, never the console's HTML.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(images::router())
        .merge(image_file::router())
        .merge(tags::router())
        .merge(members::router())
        .merge(schemas::router())
        .merge(whoami::router())
        .fallback(|| async { AppError::api(ErrorCode::NotFound, "no such API route") })
        .method_not_allowed_fallback(|| async {
            AppError::api(ErrorCode::MethodNotAllowed, "method not allowed on this route")
        })
}
