//! Request-head limits enforced by us rather than by hyper, so an over-long URI or too many
//! headers get the JSON envelope and a request id instead of hyper's bare 414/431; and
//! `Cache-Control: no-store` on every response that does not set its own (API answers are
//! per-caller and must not be cached by browsers or proxies).
//!
//! hyper still refuses, with a bare status and no body, what never becomes a request: bytes
//! that are not HTTP, a URI over 65,534 bytes, more than 100 headers or a head over its read
//! buffer (about 400 KB). Our limits sit well below those, so ordinary oversize requests reach
//! this layer.

use crate::error::AppError;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use ims_core::ErrorCode;

/// Longest request target (path and query) we read.
pub const MAX_URI: usize = 8 * 1024;
/// Most request headers we read.
pub const MAX_HEADERS: usize = 64;
/// Largest total of header names and values we read.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

async fn check_head(request: Request, next: Next) -> Response {
    let uri_len = request.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    let headers = request.headers();
    let header_bytes: usize = headers.iter().map(|(k, v)| k.as_str().len() + v.len()).sum();
    let refused = if uri_len > MAX_URI {
        Some(AppError::api(ErrorCode::UriTooLong, format!("the request URI is longer than {MAX_URI} bytes")))
    } else if headers.len() > MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
        Some(AppError::api(
            ErrorCode::HeadersTooLarge,
            format!("at most {MAX_HEADERS} headers of {MAX_HEADER_BYTES} bytes in all are read"),
        ))
    } else {
        None
    };
    let mut response = match refused {
        Some(error) => error.into_response(),
        None => next.run(request).await,
    };
    response.headers_mut().entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    response
}

/// Wraps the whole router; sits inside the request-id layer so refusals carry an id too.
pub fn layer(router: Router) -> Router {
    router.layer(middleware::from_fn(check_head))
}
