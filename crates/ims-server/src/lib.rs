//! The reference IMS API over SQLite or PostgreSQL. [`app`] builds the whole service for a state, so tests can
//! drive it without a socket; [`run`] is the binary's entry point.

pub mod aksk;
pub mod auth;
pub mod clock;
pub mod config;
pub mod console_info;
pub mod db;
pub mod error;
mod extract;
pub mod gateway;
mod guard;
pub mod image_data;
pub mod openapi;
pub mod request_id;
mod routes;
mod security;
pub mod serve;
pub mod signed;
mod static_files;
pub mod store;

use auth::Tokens;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use console_info::ServerInfo;
use ims_core::{ErrorCode, ImsError};
use std::path::PathBuf;
use std::sync::Arc;
use store::Store;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub tokens: Arc<Tokens>,
    /// Where image data goes (`PUT/GET /v2/images/{id}/file`).
    pub data: image_data::ImageData,
}

/// How the service is put together around the API.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// The built console, served at `/` when set.
    pub static_dir: Option<PathBuf>,
    /// Browser origins allowed to call the API (CORS).
    pub cors_origins: Vec<String>,
    /// CSP `frame-ancestors`; `'self'` when empty.
    pub frame_ancestors: String,
    /// Endpoints the console may call besides its own origin (CSP `connect-src`).
    pub connect_src: Vec<String>,
}

impl AppOptions {
    /// The options the command line gives, in either mode.
    pub fn from_cli(cli: &config::Cli) -> Self {
        AppOptions {
            static_dir: cli.static_dir.clone(),
            cors_origins: cli.cors_origins.clone(),
            frame_ancestors: cli.frame_ancestors.clone(),
            connect_src: cli.connect_src.clone(),
        }
    }
}

/// The whole service: `/v2` API, the console, security headers, request ids and logs.
pub fn app(state: AppState, options: &AppOptions) -> Router {
    let api = routes::router()
        .layer(DefaultBodyLimit::max(extract::BODY_LIMIT))
        .layer(middleware::from_fn_with_state(state.clone(), signed::verify))
        .layer(middleware::from_fn(envelope_errors))
        .layer(cors(&options.cors_origins))
        .with_state(state);
    let router = Router::new()
        .nest("/v2", api)
        .route("/openapi.json", axum::routing::get(|| async { axum::Json(openapi::DOCUMENT.clone()) }));
    shell(router, options, ServerInfo::store())
}

/// Everything around an API router: the console (or a 404 envelope), its server document,
/// security headers, the panic guard and request ids. Shared by the store and gateway modes.
fn shell(router: Router, options: &AppOptions, info: ServerInfo) -> Router {
    let router = router.merge(console_info::router(info));
    let router = match &options.static_dir {
        Some(dir) => router.fallback_service(static_files::router(dir)),
        None => router.fallback(|| async { error::AppError::api(ErrorCode::NotFound, "not found") }),
    };
    let frame_ancestors = if options.frame_ancestors.is_empty() { "'self'" } else { &options.frame_ancestors };
    let connect_src = [&options.cors_origins[..], &options.connect_src[..]].concat();
    let headers = security::Headers::new(options.static_dir.as_deref(), frame_ancestors, &connect_src);
    let router = router.layer(middleware::from_fn_with_state(headers, security::add_headers)).layer(
        CatchPanicLayer::custom(|_| error::envelope_response(&ImsError::new(ErrorCode::Internal, "internal error"))),
    );
    request_id::layer(guard::layer(router))
}

fn cors(origins: &[String]) -> CorsLayer {
    let allowed: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::PUT, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE, HeaderName::from_static("x-auth-token")])
        .expose_headers([HeaderName::from_static("x-request-id"), header::LOCATION])
}

/// The API's last line: any error response that is not already JSON (a framework rejection,
/// say) is replaced by the envelope for its status, so a client never sees text or HTML.
pub(crate) async fn envelope_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let json =
        response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || json {
        return response;
    }
    let code = match status {
        StatusCode::UNAUTHORIZED => ErrorCode::Unauthorized,
        StatusCode::FORBIDDEN => ErrorCode::Forbidden,
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        s if s.is_client_error() => ErrorCode::BadRequest,
        _ => ErrorCode::Internal,
    };
    let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
    let mut replaced = error::envelope_response(&ImsError::new(code, reason)).into_response();
    *replaced.status_mut() = status;
    replaced
}

/// Opens the database, seeds it, prints how to connect, and serves until SIGINT or SIGTERM.
pub async fn run(cli: config::Cli) -> Result<(), String> {
    if cli.upstream.is_some() {
        return gateway::run::run(cli).await;
    }
    let tokens = match &cli.tokens {
        Some(path) => Tokens::from_file(path)?,
        None => Tokens::demo(),
    };
    let db = cli.db.to_str().ok_or("--db must be valid UTF-8")?;
    let shown = store::redacted(db);
    let store = Store::open(db, cli.durability, cli.member_cap).await?;
    if let Some(pool) = store.sqlite_pool() {
        tokio::spawn(db::checkpoints(pool.clone(), std::time::Duration::from_secs(1)));
    }
    if !cli.no_seed {
        let images: Vec<_> = match cli.seed_synthetic {
            Some(n) => ims_core::demo::synthetic_catalog(n).collect(),
            None => ims_core::demo::demo_catalog(),
        };
        let seeded = store.seed_if_empty(&images).await.map_err(|e| format!("cannot seed {shown}: {e}"))?;
        if seeded > 0 {
            tracing::info!(images = seeded, db = %shown, "seeded the demo catalog");
        }
    }
    let listener =
        tokio::net::TcpListener::bind(cli.listen).await.map_err(|e| format!("cannot listen on {}: {e}", cli.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("IMS console and API on http://{addr}/  (API under /v2, database {shown})");
    if cli.tokens.is_none() {
        println!("Demo tokens (X-Auth-Token):");
        for (token, project, what) in auth::DEMO_TOKENS {
            println!("  {token:<18} project {project}  ({what})");
        }
    }
    let data = image_data::ImageData::local(&cli.image_dir, cli.max_image_size)?;
    let reset = data.sweep(&store).await?;
    if reset > 0 {
        tracing::warn!(images = reset, "interrupted uploads: back to queued, their data removed");
    }
    let state = AppState { store: store.clone(), tokens: Arc::new(tokens), data };
    let options = AppOptions::from_cli(&cli);
    serve::serve(listener, app(state, &options), &cli.limits, shutdown_signal()).await;
    // Every acknowledged write is committed; closing checkpoints SQLite's WAL into the file.
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
    tracing::info!("shutting down");
}
