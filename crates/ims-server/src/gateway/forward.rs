//! One forwarded call: the request rebuilt for the upstream (hop-by-hop headers dropped, `Host`
//! set, signed in signing mode), bodies streamed both ways, timeouts and failures answered
//! with the API's envelope, and the upstream's request id passed back.

use super::deadline::Deadline;
use super::sign::{self, Payload};
use super::{Gateway, Mode};
use crate::error::AppError;
use crate::extract::BODY_LIMIT;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use ims_core::ErrorCode;
use std::sync::Arc;
use tokio::time::Instant;

/// Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus `Host`
/// (set for the upstream) and `Cookie` (the gateway's origin's, never the upstream's).
const HOP_BY_HOP: [&str; 10] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
];

/// The upstream's own request id, passed back under this name (ours stays `X-Request-Id`).
pub const UPSTREAM_REQUEST_ID: &str = "x-upstream-request-id";

fn strip_hop_by_hop(headers: &mut HeaderMap) {
    let listed: Vec<HeaderName> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|name| HeaderName::try_from(name.trim()).ok())
        .collect();
    for name in HOP_BY_HOP.iter().copied().map(HeaderName::from_static).chain(listed) {
        headers.remove(name);
    }
}

fn target(upstream: &Uri, incoming: &Uri) -> Result<Uri, AppError> {
    let prefix = upstream.path().trim_end_matches('/');
    let path_and_query = incoming.path_and_query().map_or("/", |p| p.as_str());
    let scheme = upstream.scheme_str().unwrap_or("http");
    let authority = upstream.authority().map_or("", |a| a.as_str());
    format!("{scheme}://{authority}{prefix}{path_and_query}")
        .parse()
        .map_err(|_| AppError::api(ErrorCode::BadRequest, "the request path cannot be forwarded"))
}

fn is_json(headers: &HeaderMap) -> bool {
    let ct = headers.get(header::CONTENT_TYPE).map_or(&b""[..], |v| v.as_bytes());
    ct.is_empty() || ct.starts_with(b"application/json") || ct.starts_with(b"application/bson")
}

/// Whether a streamed body is known to be empty (so the SDK would hash "", not sign UNSIGNED).
fn is_empty_body(headers: &HeaderMap) -> bool {
    match headers.get(header::CONTENT_LENGTH) {
        Some(v) => v.as_bytes() == b"0",
        None => !headers.contains_key(header::TRANSFER_ENCODING),
    }
}

/// The handler for every forwarded path.
pub async fn forward(State(gateway): State<Arc<Gateway>>, request: Request) -> Response {
    match exchange(&gateway, request).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn exchange(gateway: &Gateway, request: Request) -> Result<Response, AppError> {
    let deadline = Instant::now() + gateway.config.total_timeout;
    let (mut parts, body) = request.into_parts();
    let uri = target(&gateway.config.upstream, &parts.uri)?;
    let mut headers = std::mem::take(&mut parts.headers);
    let streamed_empty = is_empty_body(&headers);
    strip_hop_by_hop(&mut headers);
    headers.remove(header::COOKIE);
    let body = match gateway.config.mode() {
        Mode::PassThrough => {
            let host = uri.authority().map(|a| a.as_str()).unwrap_or_default();
            headers.insert(header::HOST, HeaderValue::from_str(host).map_err(|_| bad_upstream())?);
            body
        }
        Mode::Signing => {
            let token = headers.get("x-auth-token").and_then(|v| v.to_str().ok()).unwrap_or_default();
            let credential = gateway
                .config
                .credentials
                .get(token)
                .ok_or_else(|| AppError::unauthorized("sign in to the gateway with one of its tokens"))?
                .clone();
            let now = crate::clock::now().0;
            if is_json(&headers) || streamed_empty {
                let bytes = axum::body::to_bytes(body, BODY_LIMIT).await.map_err(|_| {
                    AppError::api(ErrorCode::PayloadTooLarge, format!("a JSON body over {BODY_LIMIT} bytes"))
                })?;
                sign::sign(&parts.method, &uri, &mut headers, Payload::Hashed(&bytes), &credential, now)
                    .map_err(|_| bad_upstream())?;
                Body::from(bytes)
            } else {
                sign::sign(&parts.method, &uri, &mut headers, Payload::Unsigned, &credential, now)
                    .map_err(|_| bad_upstream())?;
                body
            }
        }
    };
    parts.uri = uri;
    parts.headers = headers;
    let upstream_request = Request::from_parts(parts, body);
    let response = match tokio::time::timeout_at(deadline, gateway.client.request(upstream_request)).await {
        Err(_) => {
            tracing::warn!("the upstream did not answer within the total timeout");
            return Err(AppError::api(ErrorCode::UpstreamTimeout, "the upstream did not answer in time"));
        }
        Ok(Err(error)) => {
            let connect = error.is_connect();
            tracing::warn!(error = %error, connect, "the upstream call failed");
            let message = if connect { "the upstream cannot be reached" } else { "the upstream gave no valid answer" };
            return Err(AppError::api(ErrorCode::UpstreamUnreachable, message));
        }
        Ok(Ok(response)) => response,
    };
    let (mut parts, body) = response.into_parts();
    strip_hop_by_hop(&mut parts.headers);
    if let Some(id) = parts.headers.remove("x-request-id") {
        tracing::info!(upstream_request_id = ?id, status = parts.status.as_u16(), "forwarded");
        parts.headers.insert(UPSTREAM_REQUEST_ID, id);
    }
    Ok(Response::from_parts(parts, Body::new(Deadline::new(body, deadline))))
}

fn bad_upstream() -> AppError {
    AppError::api(ErrorCode::Internal, "the gateway cannot build the upstream request")
}
