//! The one error type of the API layer.

/// Why a request failed, kept typed so that a 404, a 409 and a dropped connection stay
/// distinguishable and the request id reaches the error panel.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an HTTP answer (offline, DNS, CORS, aborted).
    #[error("network error: {0}")]
    Network(String),
    /// The server answered with a non-2xx status.
    #[error("HTTP {status} {code}: {message}")]
    Http { status: u16, code: String, message: String, request_id: Option<String> },
    /// The server refused the input, with every problem at its field.
    #[error("HTTP {status} {code}: {message}")]
    Invalid {
        status: u16,
        code: String,
        message: String,
        request_id: Option<String>,
        details: Vec<ims_core::validate::ValidationError>,
    },
    /// A 2xx answer whose body is not what the API documents.
    #[error("unexpected response: {0}")]
    Decode(String),
    /// The request was refused before sending because the input breaks `ims-core` rules.
    #[error("invalid input: {0}")]
    Validation(String),
    /// The in-browser demo could not save its data (storage disabled or full); the change
    /// was not made.
    #[error("the demo data could not be saved: {0}")]
    Storage(String),
}

impl ApiError {
    /// A refusal as the API words it: with `details`, every problem at its field
    /// ([`ApiError::Invalid`]); without, a plain [`ApiError::Http`]. The HTTP client and the
    /// in-browser demo both answer through this.
    pub fn refused(status: u16, body: ims_core::ErrorBody, request_id: Option<String>) -> Self {
        let ims_core::ErrorBody { code, message, details } = body;
        if details.is_empty() {
            ApiError::Http { status, code, message, request_id }
        } else {
            ApiError::Invalid { status, code, message, request_id, details }
        }
    }

    /// Whether signing in again could help.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ApiError::Http { status: 401, .. })
    }
}

/// The message of a JavaScript error value (a string, or an `Error`'s `message`).
pub(crate) fn js_message(e: &wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"message".into()).ok()?.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
