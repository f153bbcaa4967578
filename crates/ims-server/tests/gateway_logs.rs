//! No secret in the logs of a signing gateway or of its upstream: not the console's tokens,
//! not the AK/SK, not a signature.
//!
//! Alone in its test binary on purpose: the subscriber that captures the log is the test
//! thread's default, and `tracing` caches whether a log line is wanted per call site, so a
//! second test running on another thread without that subscriber could make this one miss
//! lines.

mod gateway_support;

use gateway_support::*;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The test runtime is single-threaded, so the subscriber set here sees every task's events.
#[tokio::test]
async fn neither_gateway_nor_upstream_logs_a_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let upstream = Upstream::start(Some(&aksk_only_tokens())).await;
    let gw = gateway(&format!("http://{}", upstream.addr), &signing_credentials(), Duration::from_secs(10)).await;
    let client = reqwest::Client::new();
    for token in ["console-a", "console-b", "wrong-token"] {
        let _ = client.get(format!("{gw}/v2/cloudimages")).header("X-Auth-Token", token).send().await.unwrap();
    }
    let refused = client
        .get(format!("http://{}/v2/cloudimages", upstream.addr))
        .header(
            "Authorization",
            format!("SDK-HMAC-SHA256 Access=UPAKA, SignedHeaders=host, Signature={}", "ab".repeat(32)),
        )
        .header("X-Sdk-Date", "20200101T000000Z")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("forwarded") && log.contains("auth=\"signature\""), "the log was captured: {log}");
    for secret in
        ["upstream-secret-a", "upstream-secret-b", "console-a", "console-b", "wrong-token", "Signature=", "abababab"]
    {
        assert!(!log.contains(secret), "{secret:?} in the log:\n{log}");
    }
}
