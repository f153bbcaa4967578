//! Signing mode: the headers the SDK would send for the upstream call, and its signature.

use super::credentials::UpstreamCredential;
use crate::aksk::{self, canonical};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, Uri};

/// Headers that carry the caller's identity and are replaced by the gateway's signature.
const IDENTITY: [&str; 6] =
    ["x-auth-token", "authorization", "x-sdk-date", "x-project-id", "x-sdk-content-sha256", "x-security-token"];

/// How the body enters the signature.
pub enum Payload<'a> {
    /// A JSON body (or none): hashed.
    Hashed(&'a [u8]),
    /// Any other (streamed) body: `UNSIGNED-PAYLOAD`, as the SDK does for non-JSON types.
    Unsigned,
}

fn value(text: &str) -> Result<HeaderValue, String> {
    HeaderValue::from_str(text).map_err(|_| "a header for the upstream is not valid".to_owned())
}

/// Replaces the caller's identity headers in `headers` by the SDK's signed set for `uri`
/// (whose authority is the upstream's `Host`), at `now` (seconds since the epoch).
pub fn sign(
    method: &Method,
    uri: &Uri,
    headers: &mut HeaderMap,
    payload: Payload<'_>,
    credential: &UpstreamCredential,
    now: i64,
) -> Result<(), String> {
    for name in IDENTITY {
        headers.remove(name);
    }
    let date = aksk::format_sdk_date(now);
    let host = uri.authority().map(|a| a.as_str()).unwrap_or_default();
    headers.insert("host", value(host)?);
    headers.insert("x-project-id", value(&credential.project_id)?);
    headers.insert("x-sdk-date", value(&date)?);
    headers.entry("content-type").or_insert(HeaderValue::from_static("application/json"));
    headers.entry("user-agent").or_insert(HeaderValue::from_static("ims-server-gateway"));
    let hash = match payload {
        Payload::Hashed(body) => canonical::payload_hash(body, None),
        Payload::Unsigned => {
            headers.insert("x-sdk-content-sha256", HeaderValue::from_static(canonical::UNSIGNED_PAYLOAD));
            canonical::UNSIGNED_PAYLOAD.to_owned()
        }
    };
    let mut names = vec!["content-type", "host", "user-agent", "x-project-id", "x-sdk-date"];
    if matches!(payload, Payload::Unsigned) {
        names.push("x-sdk-content-sha256");
        names.sort_unstable();
    }
    let canonical_headers = canonical::canonical_headers(&names, |n| headers.get(n).map(|v| v.as_bytes()))
        .ok_or_else(|| "a signed header is missing".to_owned())?;
    let signed_headers = names.join(";");
    let parts = canonical::Parts {
        method: method.as_str(),
        raw_path: uri.path(),
        raw_query: uri.query().unwrap_or_default(),
        headers: &canonical_headers,
        signed_headers: &signed_headers,
        payload_hash: &hash,
    };
    let authorization = aksk::authorization(&credential.ak, &credential.sk, &date, &parts);
    let mut authorization = value(&authorization)?;
    authorization.set_sensitive(true);
    headers.insert(HeaderName::from_static("authorization"), authorization);
    Ok(())
}
