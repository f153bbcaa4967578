//! `X-Auth-Token` → project id.

use crate::error::AppError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use ims_core::{demo, ErrorCode};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// Known tokens and the project each one acts for.
#[derive(Debug, Clone, Default)]
pub struct Tokens(HashMap<String, String>);

#[derive(Deserialize)]
struct TokenFile {
    #[serde(default)]
    token: Vec<TokenEntry>,
}

#[derive(Deserialize)]
struct TokenEntry {
    token: String,
    project_id: String,
}

/// The built-in demo set: two demo projects and the owner of the public catalog.
pub const DEMO_TOKENS: &[(&str, &str, &str)] = &[
    ("demo-token-a", demo::PROJECT_A, "demo project A"),
    ("demo-token-b", demo::PROJECT_B, "demo project B"),
    ("demo-token-public", demo::PUBLIC_OWNER, "owner of the public catalog"),
];

impl Tokens {
    /// The demo tokens.
    pub fn demo() -> Self {
        Tokens(DEMO_TOKENS.iter().map(|(t, p, _)| ((*t).to_owned(), (*p).to_owned())).collect())
    }

    /// Reads a tokens file (`[[token]]` entries with `token` and `project_id`).
    pub fn from_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let file: TokenFile = toml::from_str(&text).map_err(|e| format!("bad tokens file {}: {e}", path.display()))?;
        if file.token.is_empty() {
            return Err(format!("tokens file {} has no [[token]] entry", path.display()));
        }
        Ok(Tokens(file.token.into_iter().map(|e| (e.token, e.project_id)).collect()))
    }

    /// The project a token acts for.
    pub fn project(&self, token: &str) -> Option<&str> {
        self.0.get(token).map(String::as_str)
    }
}

/// The calling project, from a valid `X-Auth-Token`; a missing or unknown token is a 401.
#[derive(Debug, Clone)]
pub struct Caller(pub String);

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = token_header(&parts.headers)?;
        state
            .tokens
            .project(token)
            .map(|p| Caller(p.to_owned()))
            .ok_or_else(|| AppError::unauthorized("the token is not valid"))
    }
}

/// The one `X-Auth-Token` value: missing → 401; sent twice → 400 (which one would count is
/// ambiguous, and proxies disagree); not visible ASCII → 401 like any other unknown token.
pub fn token_header(headers: &HeaderMap) -> Result<&str, AppError> {
    let mut values = headers.get_all("x-auth-token").iter();
    let value = values.next().ok_or_else(|| AppError::unauthorized("X-Auth-Token header is missing"))?;
    if values.next().is_some() {
        return Err(AppError::api(ErrorCode::BadRequest, "X-Auth-Token header is sent more than once"));
    }
    value.to_str().map_err(|_| AppError::unauthorized("the token is not valid"))
}
