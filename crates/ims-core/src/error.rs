//! The error envelope every IMS endpoint returns: `{"error": {"code": "IMS.xxxx", "message": "…"}}`.

use serde::{Deserialize, Serialize};

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

/// The code and human message of an error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}

/// The stable error codes, each with the HTTP status it travels with. The server emits them and
/// the console translates them; neither spells a code by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    BadRequest,
    Unauthorized,
    NotFound,
    MethodNotAllowed,
    Internal,
}

impl ErrorCode {
    /// The `IMS.xxxx` code on the wire.
    pub fn code(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "IMS.0001",
            ErrorCode::Unauthorized => "IMS.0002",
            ErrorCode::NotFound => "IMS.0004",
            ErrorCode::MethodNotAllowed => "IMS.0005",
            ErrorCode::Internal => "IMS.0500",
        }
    }

    /// The HTTP status code the error is sent with.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::BadRequest => 400,
            ErrorCode::Unauthorized => 401,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::Internal => 500,
        }
    }

    /// The envelope for this code with a message.
    pub fn envelope(self, message: impl Into<String>) -> ErrorEnvelope {
        ErrorEnvelope {
            error: ErrorBody {
                code: self.code().to_owned(),
                message: message.into(),
            },
        }
    }
}
