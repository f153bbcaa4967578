//! AK/SK-signed API requests: a request carrying `Authorization` is verified here (the body is
//! read once, up to the API's body limit, because the signature covers its hash) and, when
//! valid, carries its project on to the handlers as a [`SignedCaller`] that
//! [`crate::auth::Caller`] accepts like a token's project. Any failure is a 401 envelope
//! whose code names the failing part.

use crate::aksk::{self, Received};
use crate::error::AppError;
use crate::extract::BODY_LIMIT;
use crate::AppState;
use axum::body::Body;
use axum::extract::{OriginalUri, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use ims_core::ErrorCode;

/// The project a verified signature acts for.
#[derive(Debug, Clone)]
pub struct SignedCaller(pub String);

/// Verifies the signature of a request that has an `Authorization` header; passes any other on.
pub async fn verify(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !request.headers().contains_key(header::AUTHORIZATION) {
        return next.run(request).await;
    }
    // A nested router sees its path without the prefix; the signature covers the whole path.
    let uri = request.extensions().get::<OriginalUri>().map_or_else(|| request.uri().clone(), |o| o.0.clone());
    let (mut parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(_) => {
            let message = format!("the body is larger than {BODY_LIMIT} bytes or could not be read");
            return AppError::api(ErrorCode::PayloadTooLarge, message).into_response();
        }
    };
    let received = Received {
        method: parts.method.as_str(),
        raw_path: uri.path(),
        raw_query: uri.query().unwrap_or_default(),
        headers: &parts.headers,
        body: &body,
    };
    match aksk::verify(&received, |ak| state.tokens.credential(ak), crate::clock::now().0) {
        Ok(project) => {
            parts.extensions.insert(SignedCaller(project));
            next.run(Request::from_parts(parts, Body::from(body))).await
        }
        Err(failure) => {
            tracing::info!(reason = %failure, "refused a signed request");
            AppError::api(failure.code(), failure.to_string()).into_response()
        }
    }
}
