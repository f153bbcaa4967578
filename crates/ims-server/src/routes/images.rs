//! Image reads: the IMS list and one image.

use crate::auth::Caller;
use crate::db;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use ims_core::{Image, ImageList};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/cloudimages", get(list_cloud_images))
        .route("/images/{id}", get(get_image))
}

/// What a project may see: the public catalog and its own images.
const VISIBLE: &str = "(visibility = 'public' OR owner = ?)";

async fn list_cloud_images(
    State(state): State<AppState>,
    Caller(project): Caller,
) -> Result<Json<ImageList>, AppError> {
    let rows: Vec<(String,)> = sqlx::query_as(&format!(
        "SELECT doc FROM images WHERE {VISIBLE} ORDER BY created_at DESC, id DESC LIMIT 500"
    ))
    .bind(&project)
    .fetch_all(&state.pool)
    .await?;
    Ok(Json(ImageList {
        images: db::decode(rows)?,
    }))
}

async fn get_image(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path(id): Path<String>,
) -> Result<Json<Image>, AppError> {
    let row: Option<(String,)> = sqlx::query_as(&format!("SELECT doc FROM images WHERE id = ? AND {VISIBLE}"))
        .bind(&id)
        .bind(&project)
        .fetch_optional(&state.pool)
        .await?;
    let row = row.ok_or_else(|| AppError::not_found(format_args!("image {id}")))?;
    Ok(Json(serde_json::from_str(&row.0)?))
}
