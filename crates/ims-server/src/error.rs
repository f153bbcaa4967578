//! One error type for every handler, rendered as the IMS envelope.

use crate::request_id::InternalError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use ims_core::{ErrorCode, ImsError};

/// Every way a request can fail. Internal failures are logged under the request id and
/// answered with a generic message: no detail, stack or SQL ever reaches a client.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Ims(#[from] ImsError),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("stored image is unreadable: {0}")]
    Corrupt(#[from] serde_json::Error),
    #[error("image data: {0}")]
    Data(#[from] object_store::Error),
}

impl AppError {
    pub fn api(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError::Ims(ImsError::new(code, message))
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::api(ErrorCode::Unauthorized, message)
    }
}

/// The envelope response for an error.
pub fn envelope_response(error: &ImsError) -> Response {
    let status = StatusCode::from_u16(error.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, Json(error.envelope())).into_response()
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Ims(error) => envelope_response(&error),
            other => {
                let generic =
                    ImsError::new(ErrorCode::Internal, "internal error; quote the request id when reporting it");
                let mut response = envelope_response(&generic);
                response.extensions_mut().insert(InternalError(other.to_string()));
                response
            }
        }
    }
}
