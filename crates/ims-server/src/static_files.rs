//! The built console: files from trunk's dist, and `index.html` for every other path so that
//! console deep links (`/images/abc`) load the app. Hashed assets are cached for a year,
//! `index.html` never without revalidation; both are compressed (gzip, brotli). A file built
//! with `.br` / `.gz` copies beside it (the xtask writes them at the best levels) is sent as
//! that copy, so a browser gets brotli 11 without the server compressing on every request.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::path::Path;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

/// Whether a file name carries trunk's content hash (`main-ce66d654e95d78c9.css`,
/// `ims-console-a58421a1624b723_bg.wasm`): such a file never changes under its name.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default().trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

async fn cache_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let html = response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let policy = if hashed && !html && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// The console at `/`, as a router to use as the app's fallback.
pub fn router(dir: &Path) -> Router {
    let files =
        ServeDir::new(dir).precompressed_br().precompressed_gzip().fallback(ServeFile::new(dir.join("index.html")));
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(cache_headers))
        .layer(CompressionLayer::new().gzip(true).br(true))
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn recognises_trunks_hashed_names() {
        assert!(is_hashed("/ims-console-a58421a1624b723_bg.wasm"));
        assert!(is_hashed("/main-ce66d654e95d78c9.css"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/embed.html"));
        assert!(!is_hashed("/images/abc-def"));
    }
}
