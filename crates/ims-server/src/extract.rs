//! Request extractors whose rejections keep the API's error envelope.

use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use ims_core::patch::{self, MediaType, PatchOp};
use ims_core::ErrorCode;
use serde::de::DeserializeOwned;

/// The largest body the API accepts; larger ones are 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

fn body_error(rejection: BytesRejection) -> AppError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::api(ErrorCode::PayloadTooLarge, format!("the body is larger than {BODY_LIMIT} bytes"))
    } else if timed_out(&rejection) {
        AppError::api(ErrorCode::RequestTimeout, "the body arrived too slowly")
    } else {
        AppError::api(ErrorCode::BadRequest, "the body could not be read")
    }
}

/// Whether reading stopped at the body timeout (`serve::Limits::body_timeout`).
fn timed_out(rejection: &BytesRejection) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(rejection);
    while let Some(e) = cause {
        if e.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = e.source();
    }
    false
}

/// A JSON body: bad JSON and wrong types are 400 envelopes that say what is wrong and where.
pub struct AppJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for AppJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(body_error)?;
        let de = &mut serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(de).map(AppJson).map_err(|e| {
            let at = e.path().to_string();
            let inner = e.into_inner();
            let place = if at == "." { String::new() } else { format!(" at {at}") };
            AppError::api(ErrorCode::BadRequest, format!("invalid JSON body{place}: {inner}"))
        })
    }
}

/// A JSON-patch body in either media type; any other `Content-Type` is 415.
pub struct PatchBody(pub Vec<PatchOp>);

impl<S: Send + Sync> FromRequest<S> for PatchBody {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type =
            req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let media = MediaType::from_content_type(&content_type).ok_or_else(|| {
            AppError::api(
                ErrorCode::UnsupportedMediaType,
                format!(
                    "Content-Type must be {} or {}, not {content_type:?}",
                    MediaType::V2_1.content_type(),
                    MediaType::V2_0.content_type()
                ),
            )
        })?;
        let bytes = Bytes::from_request(req, state).await.map_err(body_error)?;
        Ok(PatchBody(patch::parse(media, &bytes)?))
    }
}
