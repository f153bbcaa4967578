//! Image members: share, list, read, accept or reject, cancel.

use crate::auth::Caller;
use crate::error::AppError;
use crate::extract::AppJson;
use crate::{clock, AppState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use ims_core::sharing::{AddMember, Member, MemberList, SetMemberStatus, MEMBERS_SCHEMA};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/images/{id}/members", get(list_members).post(add_member))
        .route("/images/{id}/members/{member_id}", get(get_member).put(set_member_status).delete(remove_member))
}

async fn add_member(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path(id): Path<String>,
    AppJson(body): AppJson<AddMember>,
) -> Result<Json<Member>, AppError> {
    Ok(Json(state.store.change(Some(&id), |c| c.add_member(&project, &id, &body.member, clock::now())).await?))
}

async fn list_members(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path(id): Path<String>,
) -> Result<Json<MemberList>, AppError> {
    let members = state.store.load(&id).await?.list_members(&project, &id)?;
    Ok(Json(MemberList { members, schema: MEMBERS_SCHEMA.to_owned() }))
}

async fn get_member(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path((id, member_id)): Path<(String, String)>,
) -> Result<Json<Member>, AppError> {
    Ok(Json(state.store.load(&id).await?.get_member(&project, &id, &member_id)?))
}

async fn set_member_status(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path((id, member_id)): Path<(String, String)>,
    AppJson(body): AppJson<SetMemberStatus>,
) -> Result<Json<Member>, AppError> {
    let member = state
        .store
        .change(Some(&id), |c| c.set_member_status(&project, &id, &member_id, &body.status, clock::now()))
        .await?;
    Ok(Json(member))
}

async fn remove_member(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path((id, member_id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    state.store.change(Some(&id), |c| c.remove_member(&project, &id, &member_id, clock::now())).await?;
    Ok(StatusCode::NO_CONTENT)
}
