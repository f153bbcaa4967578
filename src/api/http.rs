//! The one request core: headers, abort on drop, status mapping, decoding.

use super::ApiError;
use gloo_net::http::{Method, RequestBuilder, Response};
use ims_core::request::{self, ApiRequest};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

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

/// Where a request goes and as whom.
pub struct Target<'a> {
    pub endpoint: &'a str,
    pub auth: &'a Auth,
}

/// Where the `X-Auth-Token` comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Auth {
    /// The token the user signed in with (`None`: not signed in).
    Token(Option<String>),
    /// A function of the page that embeds the console, asked before every request.
    Provider(TokenProvider),
}

/// A host page's token function: returns the token, or a promise of it. Asked per request, so
/// the host can refresh short-lived tokens without the console storing any.
#[derive(Clone)]
pub struct TokenProvider(pub send_wrapper::SendWrapper<js_sys::Function>);

impl PartialEq for TokenProvider {
    fn eq(&self, other: &Self) -> bool {
        *self.0 == *other.0
    }
}

impl std::fmt::Debug for TokenProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenProvider")
    }
}

impl TokenProvider {
    async fn token(&self) -> Result<Option<String>, ApiError> {
        let failed = |e: wasm_bindgen::JsValue| {
            ApiError::Network(format!("the token function failed: {}", super::error::js_message(&e)))
        };
        let mut value = self.0.call0(&wasm_bindgen::JsValue::NULL).map_err(failed)?;
        if let Some(promise) = value.dyn_ref::<js_sys::Promise>() {
            value = wasm_bindgen_futures::JsFuture::from(promise.clone()).await.map_err(failed)?;
        }
        Ok(value.as_string().filter(|t| !t.is_empty()))
    }
}

impl Auth {
    async fn token(&self) -> Result<Option<String>, ApiError> {
        match self {
            Auth::Token(token) => Ok(token.clone()),
            Auth::Provider(provider) => provider.token().await,
        }
    }

    /// Whether requests can carry a token (a provider is trusted to give one).
    pub fn is_signed_in(&self) -> bool {
        !matches!(self, Auth::Token(None))
    }
}

fn method(m: request::Method) -> Method {
    match m {
        request::Method::Get => Method::GET,
        request::Method::Post => Method::POST,
        request::Method::Put => Method::PUT,
        request::Method::Patch => Method::PATCH,
        request::Method::Delete => Method::DELETE,
    }
}

/// Sends a request and returns the response text of a 2xx answer (empty for 204).
pub async fn send(target: &Target<'_>, request: &ApiRequest) -> Result<String, ApiError> {
    // Every API route needs a token: without one, say so instead of asking the server.
    let Some(token) = target.auth.token().await? else {
        return Err(ApiError::Http {
            status: 401,
            code: String::new(),
            message: "not signed in".into(),
            request_id: None,
        });
    };
    let url = format!("{}{}", target.endpoint.trim_end_matches('/'), request.path);
    let mut guard = AbortOnDrop(web_sys::AbortController::new().ok());
    let signal = guard.0.as_ref().map(|c| c.signal());
    let builder = RequestBuilder::new(&url)
        .method(method(request.method))
        .header("Accept", "application/json")
        .header("X-Auth-Token", &token)
        .abort_signal(signal.as_ref());
    let built = match (request.content_type, &request.body) {
        (Some(content_type), Some(body)) => builder.header("Content-Type", content_type).body(body.as_str()),
        _ => builder.build(),
    }
    .map_err(|e| ApiError::Network(e.to_string()))?;
    let response = built.send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let result = read(response).await;
    guard.0 = None; // complete: nothing left to abort
    result
}

/// Sends a request and decodes the JSON answer.
pub async fn send_json<T: DeserializeOwned>(target: &Target<'_>, request: &ApiRequest) -> Result<T, ApiError> {
    let text = send(target, request).await?;
    serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))
}

async fn read(response: Response) -> Result<String, ApiError> {
    let status = response.status();
    // Glance names its request id differently.
    let headers = response.headers();
    let request_id = headers.get("x-request-id").or_else(|| headers.get("x-openstack-request-id"));
    let body = response.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    if (200..300).contains(&status) {
        return Ok(body);
    }
    match ims_core::backend::error_body(&body) {
        Some(e) => Err(ApiError::refused(status, e, request_id)),
        None => Err(ApiError::Http { status, code: String::new(), message: response.status_text(), request_id }),
    }
}
