//! Security headers on every response, and the console's Content Security Policy.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;

/// The headers computed once at start.
#[derive(Clone)]
pub struct Headers {
    csp: Arc<HeaderValue>,
}

impl Headers {
    /// A CSP that allows the console's own files, its wasm (`'wasm-unsafe-eval'`) and, by hash,
    /// exactly the inline loader trunk writes into `index.html` — nothing else inline — and
    /// lets the page be framed only by `frame_ancestors` (for embedding in an admin page).
    pub fn new(static_dir: Option<&Path>, frame_ancestors: &str, connect_src: &[String]) -> Self {
        let index = static_dir.and_then(|d| std::fs::read_to_string(d.join("index.html")).ok()).unwrap_or_default();
        let scripts: String =
            inline_scripts(&index).iter().map(|s| format!(" 'sha256-{}'", sha256_base64(s))).collect();
        let connect: String = connect_src.iter().map(|o| format!(" {o}")).collect();
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'{connect}; object-src 'none'; base-uri 'self'; form-action 'self'; \
             frame-ancestors {frame_ancestors}"
        );
        let csp = HeaderValue::from_str(&csp).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
        Headers { csp: Arc::new(csp) }
    }
}

fn sha256_base64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

/// The bodies of the inline `<script>` elements (those without `src`).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let open = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !open.contains("src=") {
            out.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    out
}

/// Adds the headers: `nosniff` and `no-referrer` everywhere, the CSP on HTML.
pub async fn add_headers(State(headers): State<Headers>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let h = response.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if is_html {
        h.insert(header::CONTENT_SECURITY_POLICY, (*headers.csp).clone());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_inline_scripts() {
        let html = r#"<script src="/a.js"></script><script type="module">init();</script><p>x</p><script>b()</script>"#;
        assert_eq!(inline_scripts(html), ["init();", "b()"]);
        assert!(inline_scripts("<script>unclosed").is_empty());
    }
}
