//! The reference IMS API over SQLite. [`app`] builds the whole service for a state, so tests can
//! drive it without a socket; [`run`] is the binary's entry point.

pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod request_id;
mod routes;
mod static_files;

use auth::Tokens;
use axum::Router;
use sqlx::SqlitePool;
use std::path::PathBuf;
use std::sync::Arc;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: SqlitePool,
    pub tokens: Arc<Tokens>,
}

/// The whole service: `/v2` API, the console (when a static dir is given), request ids and logs.
pub fn app(state: AppState, static_dir: Option<PathBuf>) -> Router {
    let router = Router::new().nest("/v2", routes::router());
    let router = match static_dir {
        Some(dir) => router.fallback_service(static_files::service(&dir)),
        None => router.fallback(|| async { error::AppError::api(ims_core::ErrorCode::NotFound, "not found") }),
    };
    request_id::layer(router.with_state(state))
}

/// Opens the database, seeds it, prints how to connect, and serves until SIGINT or SIGTERM.
pub async fn run(cli: config::Cli) -> Result<(), String> {
    let tokens = match &cli.tokens {
        Some(path) => Tokens::from_file(path)?,
        None => Tokens::demo(),
    };
    let pool = db::open(&cli.db).await?;
    if !cli.no_seed {
        let seeded = db::seed_if_empty(&pool, &ims_core::demo::demo_catalog())
            .await
            .map_err(|e| format!("cannot seed {}: {e}", cli.db.display()))?;
        if seeded > 0 {
            tracing::info!(images = seeded, db = %cli.db.display(), "seeded the demo catalog");
        }
    }
    let listener = tokio::net::TcpListener::bind(cli.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", cli.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!(
        "IMS console and API on http://{addr}/  (API under /v2, database {})",
        cli.db.display()
    );
    if cli.tokens.is_none() {
        println!("Demo tokens (X-Auth-Token):");
        for (token, project, what) in auth::DEMO_TOKENS {
            println!("  {token:<18} project {project}  ({what})");
        }
    }
    let state = AppState {
        pool: pool.clone(),
        tokens: Arc::new(tokens),
    };
    axum::serve(listener, app(state, cli.static_dir.clone()))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| format!("server error: {e}"))?;
    // Every acknowledged write is committed; closing checkpoints the WAL into the main file.
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
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
