//! The one request core: headers, abort on drop, status mapping, decoding.

use super::ApiError;
use gloo_net::http::{Request, Response};
use ims_core::ErrorEnvelope;
use serde::de::DeserializeOwned;

/// Aborts the in-flight fetch when the future that owns it is dropped — when the view that
/// asked for the data goes away, or a newer request replaces it.
struct AbortOnDrop(Option<web_sys::AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

/// Percent-encodes a value for use as one URL path segment.
pub fn path_segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `GET` a JSON document from `endpoint` + `path`.
pub async fn get_json<T: DeserializeOwned>(endpoint: &str, token: Option<&str>, path: &str) -> Result<T, ApiError> {
    // Every API route needs a token: without one, say so instead of asking the server.
    let Some(token) = token else {
        return Err(ApiError::Http {
            status: 401,
            code: String::new(),
            message: "not signed in".into(),
            request_id: None,
        });
    };
    let url = format!("{}{}", endpoint.trim_end_matches('/'), path);
    let mut guard = AbortOnDrop(web_sys::AbortController::new().ok());
    let builder = Request::get(&url).header("Accept", "application/json").header("X-Auth-Token", token);
    let signal = guard.0.as_ref().map(|c| c.signal());
    let response = builder.abort_signal(signal.as_ref()).send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let result = decode(response).await;
    guard.0 = None; // complete: nothing left to abort
    result
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    let request_id = response.headers().get("x-request-id");
    let body = response.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    if !(200..300).contains(&status) {
        let (code, message) = match serde_json::from_str::<ErrorEnvelope>(&body) {
            Ok(envelope) => (envelope.error.code, envelope.error.message),
            Err(_) => (String::new(), response.status_text()),
        };
        return Err(ApiError::Http { status, code, message, request_id });
    }
    serde_json::from_str(&body).map_err(|e| ApiError::Decode(e.to_string()))
}
