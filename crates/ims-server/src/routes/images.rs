//! Images: the IMS list, the Glance-native list, and one image's life cycle.

use crate::auth::Caller;
use crate::error::AppError;
use crate::extract::{AppJson, PatchBody};
use crate::{clock, AppState};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use ims_core::{ErrorCode, Image, ListQuery};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/cloudimages", get(list_cloud_images))
        .route("/images", get(list_glance_images).post(create_image))
        .route("/images/{id}", get(get_image).patch(update_image).delete(delete_image))
}

fn parse_query(raw: Option<String>) -> Result<ListQuery, AppError> {
    ListQuery::parse(raw.as_deref().unwrap_or_default())
        .map_err(|e| AppError::api(ErrorCode::InvalidQuery, e.to_string()))
}

/// A JSON response from text that is already JSON (stored documents).
fn json_text(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn list_cloud_images(
    State(state): State<AppState>,
    Caller(project): Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let page = state.store.list_docs(&project, &parse_query(raw)?).await?;
    Ok(json_text(format!("{{\"images\":{}}}", page.images_json())))
}

/// Glance's shape: the page plus relative `first` and `next` links that keep every filter.
async fn list_glance_images(
    State(state): State<AppState>,
    Caller(project): Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let mut query = parse_query(raw)?;
    let page = state.store.list_docs(&project, &query).await?;
    let link = |q: &ListQuery| match q.to_query_string() {
        s if s.is_empty() => "/v2/images".to_owned(),
        s => format!("/v2/images?{s}"),
    };
    query.marker = None;
    let first = link(&query);
    let next = page.next_marker.as_ref().map(|m| {
        query.marker = Some(m.clone());
        link(&query)
    });
    let mut links = serde_json::Map::new();
    links.insert("first".into(), first.into());
    if let Some(next) = next {
        links.insert("next".into(), next.into());
    }
    links.insert("schema".into(), "/v2/schemas/images".into());
    let mut body = serde_json::Value::Object(links).to_string();
    body.pop(); // the closing brace: the stored images go in before it
    body.push_str(&format!(",\"images\":{}}}", page.images_json()));
    Ok(json_text(body))
}

async fn get_image(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path(id): Path<String>,
) -> Result<Json<Image>, AppError> {
    Ok(Json(state.store.load(&id).await?.get(&project, &id)?))
}

async fn create_image(
    State(state): State<AppState>,
    Caller(project): Caller,
    AppJson(request): AppJson<Image>,
) -> Result<impl IntoResponse, AppError> {
    let id = uuid::Uuid::new_v4().to_string();
    let image = state.store.change(None, |c| c.create(&project, &request, &id, clock::now())).await?;
    let location = format!("/v2/images/{id}");
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(image)))
}

async fn update_image(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path(id): Path<String>,
    PatchBody(ops): PatchBody,
) -> Result<Json<Image>, AppError> {
    Ok(Json(state.store.change(Some(&id), |c| c.patch(&project, &id, &ops, clock::now())).await?))
}

async fn delete_image(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    state.store.change(Some(&id), |c| c.delete(&project, &id)).await?;
    state.data.delete(&id).await?;
    Ok(StatusCode::NO_CONTENT)
}
