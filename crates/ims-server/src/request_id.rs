//! An `X-Request-Id` on every response, and one log line per request carrying it.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The detail of a 500, carried from the handler to the log line; never sent to the client.
#[derive(Clone)]
pub struct InternalError(pub String);

/// Unique within a process run and across restarts: the start time plus a counter.
pub fn next_id() -> String {
    static START: OnceLock<u64> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let start = *START.get_or_init(|| SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_micros() as u64));
    format!("req-{start:x}-{:06x}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

async fn tag(request: Request, next: Next) -> Response {
    let id = next_id();
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    // Which kind of credential came, never its value.
    let headers = request.headers();
    let auth = match (headers.contains_key("authorization"), headers.contains_key("x-auth-token")) {
        (true, _) => "signature",
        (false, true) => "token",
        (false, false) => "none",
    };
    let started = Instant::now();
    let mut response = next.run(request).await;
    if let Some(InternalError(detail)) = response.extensions().get::<InternalError>() {
        tracing::error!(request_id = %id, error = %detail, "internal error");
    }
    tracing::info!(
        request_id = %id, %method, path, auth, status = response.status().as_u16(),
        latency_us = started.elapsed().as_micros() as u64, "request"
    );
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

/// Wraps the router so every response, errors and static files included, carries its id.
pub fn layer(router: Router) -> Router {
    router.layer(middleware::from_fn(tag))
}
