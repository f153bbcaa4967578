//! Huawei Cloud's AK/SK request signature (`SDK-HMAC-SHA256`), as `shared/spec/aksk-signing.md`
//! describes it: the pure verifier the API's authentication uses, and the signer the gateway
//! uses towards a real IMS. Both go through [`canonical`], so what one signs the other accepts.

pub mod canonical;
#[cfg(test)]
mod tests;

use axum::http::HeaderMap;
use canonical::Parts;
use hmac::{Hmac, Mac};
use ims_core::ErrorCode;
use sha2::Sha256;

/// The only algorithm accepted: the SDKs' default.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";

/// How far `X-Sdk-Date` may be from the server's clock, either way.
pub const MAX_SKEW_SECS: i64 = 15 * 60;

/// What the server knows of an access key: its secret and the projects it may act for.
/// `Debug` never shows the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Credential {
    pub sk: String,
    pub projects: Vec<String>,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential").field("sk", &"<hidden>").field("projects", &self.projects).finish()
    }
}

/// A request as received, with its raw (still percent-encoded) path and query.
pub struct Received<'a> {
    pub method: &'a str,
    pub raw_path: &'a str,
    pub raw_query: &'a str,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
}

/// Why a signed request was refused. Each says which part failed, never which bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AkSkError {
    #[error("the Authorization header is not a well-formed SDK-HMAC-SHA256 signature")]
    Malformed,
    #[error("only SDK-HMAC-SHA256 signatures are accepted")]
    UnsupportedAlgorithm,
    #[error("the access key is not known")]
    UnknownKey,
    #[error("X-Sdk-Date is missing or not in the form yyyyMMddTHHmmssZ")]
    BadDate,
    #[error("X-Sdk-Date is more than 15 minutes away from the server's clock")]
    ExpiredDate,
    #[error("a header listed in SignedHeaders is missing")]
    MissingSignedHeader,
    #[error("the signature does not match the request")]
    BadSignature,
    #[error("X-Project-Id is missing or does not belong to the access key")]
    ProjectMismatch,
}

impl AkSkError {
    /// The 401 code that names the failing part.
    pub fn code(self) -> ErrorCode {
        match self {
            AkSkError::Malformed | AkSkError::UnsupportedAlgorithm => ErrorCode::SignatureMalformed,
            AkSkError::UnknownKey => ErrorCode::SignatureUnknownKey,
            AkSkError::BadDate | AkSkError::ExpiredDate => ErrorCode::SignatureExpired,
            AkSkError::MissingSignedHeader | AkSkError::BadSignature => ErrorCode::SignatureMismatch,
            AkSkError::ProjectMismatch => ErrorCode::SignatureProjectMismatch,
        }
    }
}

/// The three parts of `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`.
struct AuthHeader<'a> {
    access: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

fn parse_authorization(value: &str) -> Result<AuthHeader<'_>, AkSkError> {
    let (algorithm, rest) = value.split_once(' ').ok_or(AkSkError::Malformed)?;
    if algorithm != ALGORITHM {
        return Err(AkSkError::UnsupportedAlgorithm);
    }
    let mut parts = rest.split(", ");
    let mut field = |name: &str| parts.next().and_then(|p| p.strip_prefix(name)).ok_or(AkSkError::Malformed);
    let header = AuthHeader {
        access: field("Access=")?,
        signed_headers: field("SignedHeaders=")?,
        signature: field("Signature=")?,
    };
    if parts.next().is_some() || header.access.is_empty() || header.signed_headers.is_empty() {
        return Err(AkSkError::Malformed);
    }
    Ok(header)
}

/// `20261123T084630Z` → seconds since the epoch.
pub fn parse_sdk_date(value: &str) -> Option<i64> {
    let b = value.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let (d, t) = (&value[..8], &value[9..15]);
    let iso = format!("{}-{}-{}T{}:{}:{}Z", &d[..4], &d[4..6], &d[6..], &t[..2], &t[2..4], &t[4..]);
    ims_core::time::Timestamp::parse(&iso).ok().map(|ts| ts.0)
}

/// Seconds since the epoch → `20261123T084630Z`.
pub fn format_sdk_date(unix: i64) -> String {
    let (y, mo, d, h, mi, s) = ims_core::time::Timestamp(unix).parts();
    format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
}

fn hmac(sk: &str) -> Hmac<Sha256> {
    // HMAC takes a key of any length, so this cannot fail.
    <Hmac<Sha256> as Mac>::new_from_slice(sk.as_bytes()).unwrap_or_else(|_| unreachable!("HMAC accepts any key"))
}

/// Verifies a signed request at time `now` (seconds since the epoch); the project it acts for
/// on success. `lookup` finds the credential of an access key.
pub fn verify<'c>(
    req: &Received<'_>,
    lookup: impl Fn(&str) -> Option<&'c Credential>,
    now: i64,
) -> Result<String, AkSkError> {
    let header = req.headers.get("authorization").and_then(|v| v.to_str().ok()).ok_or(AkSkError::Malformed)?;
    let auth = parse_authorization(header)?;
    let credential = lookup(auth.access).ok_or(AkSkError::UnknownKey)?;
    let date = req.headers.get("x-sdk-date").and_then(|v| v.to_str().ok()).ok_or(AkSkError::BadDate)?;
    let at = parse_sdk_date(date).ok_or(AkSkError::BadDate)?;
    if (now - at).abs() > MAX_SKEW_SECS {
        return Err(AkSkError::ExpiredDate);
    }
    let signed: Vec<&str> = auth.signed_headers.split(';').collect();
    let headers = canonical::canonical_headers(&signed, |name| req.headers.get(name).map(|v| v.as_bytes()))
        .ok_or(AkSkError::MissingSignedHeader)?;
    let content_sha = req.headers.get("x-sdk-content-sha256").and_then(|v| v.to_str().ok());
    let payload = canonical::payload_hash(req.body, content_sha);
    let parts = Parts {
        method: req.method,
        raw_path: req.raw_path,
        raw_query: req.raw_query,
        headers: &headers,
        signed_headers: auth.signed_headers,
        payload_hash: &payload,
    };
    let to_sign = canonical::string_to_sign(date, &canonical::canonical_request(&parts));
    let expected = decode_hex(auth.signature).ok_or(AkSkError::BadSignature)?;
    let mut mac = hmac(&credential.sk);
    mac.update(to_sign.as_bytes());
    // verify_slice compares in constant time.
    mac.verify_slice(&expected).map_err(|_| AkSkError::BadSignature)?;
    let project = req.headers.get("x-project-id").and_then(|v| v.to_str().ok()).ok_or(AkSkError::ProjectMismatch)?;
    if !credential.projects.iter().any(|p| p == project) {
        return Err(AkSkError::ProjectMismatch);
    }
    Ok(project.to_owned())
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if text.len() != 64 {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// The `Authorization` value the SDK would send for `signing` (its headers already in
/// canonical form) at `date`, signed with `sk`.
pub fn authorization(ak: &str, sk: &str, date: &str, signing: &Parts<'_>) -> String {
    let to_sign = canonical::string_to_sign(date, &canonical::canonical_request(signing));
    let mut mac = hmac(sk);
    mac.update(to_sign.as_bytes());
    let signature = canonical::hex(&mac.finalize().into_bytes());
    format!("{ALGORITHM} Access={ak}, SignedHeaders={}, Signature={signature}", signing.signed_headers)
}
