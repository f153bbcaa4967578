//! The accept loop, with every limit explicit: hyper-util's auto (HTTP/1.1 + h2) connection
//! builder with a timer, so a half-sent request head times out; a connection cap; an idle cut
//! for connections that say nothing; a body timeout; and a shutdown with a bounded grace period.
//! `axum::serve` offers none of these knobs (it runs hyper without a timer).

mod idle;
mod limits;

pub use limits::Limits;

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// Serves `app` on `listener` until `shutdown` completes, then lets open requests finish for at
/// most `limits.shutdown_grace` and closes whatever is left. Returns once every connection task
/// has ended, so the caller may close the database knowing no handler still runs.
pub async fn serve(listener: TcpListener, app: Router, limits: &Limits, shutdown: impl Future<Output = ()>) {
    let service = TowerToHyperService::new(app.layer(RequestBodyTimeoutLayer::new(limits.body_timeout)));
    let mut builder = auto::Builder::new(TokioExecutor::new());
    // hyper starts this clock whenever an HTTP/1 connection waits for a request head, so it
    // also closes keep-alive connections that stay quiet between requests.
    builder.http1().timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout);
    // No HTTP/2 keep-alive pings: they would count as traffic and keep idle connections open;
    // the idle cut (`IdleIo`) also ends connections to vanished peers.
    builder.http2().timer(TokioTimer::new());
    let builder = Arc::new(builder);
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut tasks = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        while tasks.try_join_next().is_some() {}
        let Ok(permit) = slots.clone().try_acquire_owned() else {
            tasks.spawn(refuse(stream));
            continue;
        };
        let (builder, service, watcher) = (builder.clone(), service.clone(), graceful.watcher());
        let io = TokioIo::new(idle::IdleIo::new(stream, limits.idle_timeout));
        tasks.spawn(async move {
            let _ = watcher.watch(builder.serve_connection(io, service)).await;
            drop(permit);
        });
    }
    drop(listener);
    let open = graceful.count();
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.shutdown_grace) => {
            let grace = limits.shutdown_grace;
            tracing::warn!(connections = open, ?grace, "grace period over; closing connections");
        }
    }
    tasks.abort_all();
    while tasks.join_next().await.is_some() {}
}

/// Beyond the connection cap: a 503 envelope with a request id, then close. Written by hand
/// because no request has been read; the client may retry after a second.
async fn refuse(mut stream: TcpStream) {
    let id = crate::request_id::next_id();
    let body =
        ims_core::ImsError::new(ims_core::ErrorCode::Unavailable, "too many connections; retry shortly").envelope();
    let body = serde_json::to_string(&body).unwrap_or_default();
    let head = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
         x-request-id: {id}\r\ncache-control: no-store\r\nretry-after: 1\r\nconnection: close\r\n\r\n",
        body.len()
    );
    tracing::warn!(request_id = %id, "connection refused: at the connection cap");
    let write = async {
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body.as_bytes()).await?;
        stream.shutdown().await
    };
    let _ = tokio::time::timeout(Duration::from_secs(1), write).await;
}
