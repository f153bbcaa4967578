//! One error type for every handler, rendered as the IMS envelope.

use crate::request_id::InternalError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use ims_core::ErrorCode;

/// Every way a request can fail. Internal failures are logged by the caller's request id and
/// answered with a generic message: no detail, stack or SQL ever reaches a client.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{message}")]
    Api { code: ErrorCode, message: String },
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("stored image is unreadable: {0}")]
    Corrupt(#[from] serde_json::Error),
}

impl AppError {
    pub fn api(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError::Api {
            code,
            message: message.into(),
        }
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::api(ErrorCode::Unauthorized, message)
    }

    pub fn not_found(what: impl std::fmt::Display) -> Self {
        Self::api(ErrorCode::NotFound, format!("{what} could not be found"))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (code, message, detail) = match self {
            AppError::Api { code, message } => (code, message, None),
            other => (
                ErrorCode::Internal,
                "internal error; quote the request id when reporting it".to_owned(),
                Some(InternalError(other.to_string())),
            ),
        };
        let status = StatusCode::from_u16(code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(code.envelope(message))).into_response();
        if let Some(detail) = detail {
            response.extensions_mut().insert(detail);
        }
        response
    }
}
