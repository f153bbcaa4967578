//! `X-Auth-Token` → project id, and the AK/SK credentials signed requests are checked against
//! (see [`crate::signed`]).

use crate::aksk::Credential;
use crate::error::AppError;
use crate::signed::SignedCaller;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use ims_core::{demo, ErrorCode};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// Known tokens and the project each one acts for; known access keys and their credentials.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    tokens: HashMap<String, String>,
    credentials: HashMap<String, Credential>,
}

#[derive(Deserialize)]
struct TokenFile {
    #[serde(default)]
    token: Vec<TokenEntry>,
    #[serde(default)]
    credential: Vec<CredentialEntry>,
}

/// `[[credential]]`: an access key, its secret and a project it acts for (one entry per project).
#[derive(Deserialize)]
struct CredentialEntry {
    ak: String,
    sk: String,
    project_id: String,
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
        let tokens = DEMO_TOKENS.iter().map(|(t, p, _)| ((*t).to_owned(), (*p).to_owned())).collect();
        Tokens { tokens, credentials: HashMap::new() }
    }

    /// Reads a tokens file: `[[token]]` entries with `token` and `project_id`, and
    /// `[[credential]]` entries with `ak`, `sk` and `project_id`. Other tables (the gateway's
    /// `[[upstream_credential]]`) are read elsewhere.
    pub fn from_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let file: TokenFile = toml::from_str(&text).map_err(|e| format!("bad tokens file {}: {e}", path.display()))?;
        if file.token.is_empty() && file.credential.is_empty() {
            return Err(format!("tokens file {} has no [[token]] or [[credential]] entry", path.display()));
        }
        let mut credentials: HashMap<String, Credential> = HashMap::new();
        for e in file.credential {
            if e.ak.is_empty() || e.sk.is_empty() {
                return Err(format!("tokens file {}: a [[credential]] has an empty ak or sk", path.display()));
            }
            let entry =
                credentials.entry(e.ak).or_insert_with(|| Credential { sk: e.sk.clone(), projects: Vec::new() });
            if entry.sk != e.sk {
                return Err(format!("tokens file {}: one ak has two different sk values", path.display()));
            }
            entry.projects.push(e.project_id);
        }
        Ok(Tokens { tokens: file.token.into_iter().map(|e| (e.token, e.project_id)).collect(), credentials })
    }

    /// The project a token acts for.
    pub fn project(&self, token: &str) -> Option<&str> {
        self.tokens.get(token).map(String::as_str)
    }

    /// The credential of an access key.
    pub fn credential(&self, ak: &str) -> Option<&Credential> {
        self.credentials.get(ak)
    }
}

/// The calling project, from a verified AK/SK signature or a valid `X-Auth-Token`; a missing
/// or unknown token is a 401.
#[derive(Debug, Clone)]
pub struct Caller(pub String);

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(SignedCaller(project)) = parts.extensions.get::<SignedCaller>() {
            return Ok(Caller(project.clone()));
        }
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
