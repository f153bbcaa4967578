//! The error envelope every IMS endpoint returns — `{"error": {"code": "IMS.xxxx", "message": "…"}}`
//! — and the one table of codes with their HTTP statuses. The server emits these codes and the
//! console translates them; neither spells a code by hand.

use crate::validate::ValidationError;
use serde::{Deserialize, Serialize};

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

/// The code and human message of an error response. `details` lists every validation problem
/// when there are any, so a client can put each message at its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<ValidationError>,
}

macro_rules! error_codes {
    ($($(#[$meta:meta])* $name:ident => ($code:literal, $status:literal),)+) => {
        /// Every error the API can answer with.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($(#[$meta])* $name,)+
        }

        impl ErrorCode {
            /// Every code, for tables and tests.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$name),+];

            /// The `IMS.xxxx` code on the wire.
            pub fn code(self) -> &'static str {
                match self { $(ErrorCode::$name => $code,)+ }
            }

            /// The HTTP status the error travels with.
            pub fn http_status(self) -> u16 {
                match self { $(ErrorCode::$name => $status,)+ }
            }
        }
    };
}

error_codes! {
    /// A malformed request: bad JSON, a wrong type.
    BadRequest => ("IMS.0001", 400),
    /// A list query parameter is unknown or has a bad value.
    InvalidQuery => ("IMS.0010", 400),
    /// A request body breaks the validation rules (see `details`).
    InvalidBody => ("IMS.0011", 400),
    /// A JSON patch document is malformed or mixes the two media types.
    InvalidPatch => ("IMS.0012", 400),
    /// The marker names no image the caller can see.
    UnknownMarker => ("IMS.0013", 400),
    /// No token, or a token the server does not know.
    Unauthorized => ("IMS.0002", 401),
    /// An `Authorization` header that is not a well-formed `SDK-HMAC-SHA256` signature.
    SignatureMalformed => ("IMS.0060", 401),
    /// An AK/SK-signed request with an access key the server does not know.
    SignatureUnknownKey => ("IMS.0061", 401),
    /// `X-Sdk-Date` missing, malformed or more than 15 minutes from the server's clock.
    SignatureExpired => ("IMS.0062", 401),
    /// The signature does not match the request (a changed header, path, query or body).
    SignatureMismatch => ("IMS.0063", 401),
    /// `X-Project-Id` is missing or not a project of the access key.
    SignatureProjectMismatch => ("IMS.0064", 401),
    /// The caller may see the resource but not do this to it (not the owner, not the member).
    Forbidden => ("IMS.0003", 403),
    /// PATCH or create touched a documented attribute that is not editable.
    ReadOnlyAttribute => ("IMS.0030", 403),
    /// A protected image cannot be deleted.
    ImageProtected => ("IMS.0031", 403),
    /// No such resource, or one the caller may not see (never 403 for another project's image).
    NotFound => ("IMS.0004", 404),
    /// The route exists but not for this method.
    MethodNotAllowed => ("IMS.0005", 405),
    /// replace or remove of a custom property the image does not have.
    PropertyMissing => ("IMS.0032", 409),
    /// Image data can only be uploaded once, to a `queued` image (this one is saving or active).
    UploadConflict => ("IMS.0034", 409),
    /// The project is already a member of the image.
    MemberExists => ("IMS.0040", 409),
    /// Sharing refused: the image is neither private nor already shared.
    ShareNotPrivate => ("IMS.0041", 400),
    /// Sharing refused: encrypted images (`__system__cmkid`) cannot be shared.
    ShareEncrypted => ("IMS.0042", 400),
    /// Sharing refused: whole-machine images cannot be shared.
    ShareWholeImage => ("IMS.0043", 400),
    /// Sharing refused: market images (`__productcode`) cannot be shared.
    ShareMarketImage => ("IMS.0044", 400),
    /// Sharing refused: the image has as many members as the cap allows.
    ShareCapReached => ("IMS.0045", 400),
    /// Sharing refused: the owner's own project cannot be a member.
    ShareOwnProject => ("IMS.0046", 400),
    /// Sharing refused: a member must be a project id (32 hexadecimal characters).
    ShareBadProjectId => ("IMS.0047", 400),
    /// The body is larger than the server accepts.
    PayloadTooLarge => ("IMS.0006", 413),
    /// PATCH with a media type other than the two JSON-patch types.
    UnsupportedMediaType => ("IMS.0007", 415),
    /// Gateway mode: the upstream endpoint could not be reached or answered with no HTTP.
    UpstreamUnreachable => ("IMS.0502", 502),
    /// Gateway mode: the upstream endpoint did not answer within the configured timeout.
    UpstreamTimeout => ("IMS.0504", 504),
    /// The change would make the image's document larger than the server stores.
    ImageTooLarge => ("IMS.0033", 413),
    /// The client sent a request head or body too slowly.
    RequestTimeout => ("IMS.0008", 408),
    /// A `Range` of image data that lies outside it (or several ranges at once).
    RangeNotSatisfiable => ("IMS.0015", 416),
    /// The request URI is longer than the server reads.
    UriTooLong => ("IMS.0009", 414),
    /// The request headers are too many or too large.
    HeadersTooLarge => ("IMS.0014", 431),
    /// The server is at its connection cap; retry shortly.
    Unavailable => ("IMS.0503", 503),
    /// Anything else; details stay in the server log under the request id.
    Internal => ("IMS.0500", 500),
}

impl ErrorCode {
    /// The code for a wire string, if it is one of ours.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }

    /// The envelope for this code with a message.
    pub fn envelope(self, message: impl Into<String>) -> ErrorEnvelope {
        ErrorEnvelope {
            error: ErrorBody { code: self.code().to_owned(), message: message.into(), details: Vec::new() },
        }
    }
}

/// A refused operation: the code (and so the HTTP status), a message for people, and for
/// validation failures every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ImsError {
    pub code: ErrorCode,
    pub message: String,
    pub details: Vec<ValidationError>,
}

impl ImsError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ImsError { code, message: message.into(), details: Vec::new() }
    }

    /// A 404 for a resource the caller may not see or that does not exist.
    pub fn not_found(what: impl std::fmt::Display) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} could not be found"))
    }

    /// A 400 listing every validation problem.
    pub fn invalid(details: Vec<ValidationError>) -> Self {
        let message = details.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
        ImsError { code: ErrorCode::InvalidBody, message, details }
    }

    /// The wire form.
    pub fn envelope(&self) -> ErrorEnvelope {
        ErrorEnvelope {
            error: ErrorBody {
                code: self.code.code().to_owned(),
                message: self.message.clone(),
                details: self.details.clone(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_statuses_are_errors() {
        let codes: HashSet<_> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(codes.len(), ErrorCode::ALL.len());
        for c in ErrorCode::ALL {
            assert!((400..600).contains(&c.http_status()));
            assert_eq!(ErrorCode::from_code(c.code()), Some(*c));
        }
    }

    #[test]
    fn envelope_has_the_documented_shape() {
        let json = serde_json::to_value(ErrorCode::NotFound.envelope("image x could not be found")).unwrap();
        assert_eq!(json, serde_json::json!({"error": {"code": "IMS.0004", "message": "image x could not be found"}}));
    }
}
