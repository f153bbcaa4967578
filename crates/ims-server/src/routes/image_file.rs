//! Image data: `PUT /v2/images/{id}/file` (upload, streamed and hashed on the fly) and
//! `GET /v2/images/{id}/file` (download, with ranges).

mod download;
mod upload;

use crate::AppState;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    // The API's 1 MiB body limit is for JSON; data has its own (`--max-image-size`), checked
    // by the upload itself. The body timeout (`--body-timeout`) is a pause between frames, not
    // a total, so a slow upload that keeps sending is never cut off while a stalled one is.
    Router::new()
        .route("/images/{id}/file", get(download::download).put(upload::upload))
        .layer(DefaultBodyLimit::disable())
}
