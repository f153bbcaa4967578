//! `PUT` / `DELETE /v2/images/{id}/tags/{tag}`.

use crate::auth::Caller;
use crate::error::AppError;
use crate::{clock, AppState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::put;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().route("/images/{id}/tags/{tag}", put(add_tag).delete(remove_tag))
}

async fn add_tag(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path((id, tag)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    state.store.change(Some(&id), |c| c.add_tag(&project, &id, &tag, clock::now())).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn remove_tag(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path((id, tag)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    state.store.change(Some(&id), |c| c.remove_tag(&project, &id, &tag, clock::now())).await?;
    Ok(StatusCode::NO_CONTENT)
}
