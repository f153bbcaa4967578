//! What a slow, silent, greedy or oversized client meets: each limit answers with the envelope
//! and a request id where a request exists, and closes the connection where none does.

mod common;

use common::TestServer;
use ims_server::serve::Limits;
use ims_server::AppOptions;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn short_limits() -> Limits {
    Limits {
        header_read_timeout: Duration::from_millis(500),
        idle_timeout: Duration::from_millis(800),
        body_timeout: Duration::from_millis(500),
        max_connections: 4,
        shutdown_grace: Duration::from_secs(1),
    }
}

async fn server() -> TestServer {
    TestServer::start_limited(AppOptions::default(), 128, short_limits()).await
}

async fn connect(server: &TestServer) -> TcpStream {
    TcpStream::connect(server.base.trim_start_matches("http://")).await.expect("connect")
}

/// Everything the server sends until it closes, and how long that took (at most 5 s).
async fn read_to_close(stream: &mut TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut out = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut out)).await;
    assert!(read.is_ok(), "the server kept the connection open for 5 s");
    (String::from_utf8_lossy(&out).into_owned(), started.elapsed())
}

fn assert_envelope(response: &str, status: &str, code: &str) {
    let lower = response.to_ascii_lowercase();
    assert!(response.starts_with(&format!("HTTP/1.1 {status}")), "{response}");
    assert!(lower.contains("x-request-id: req-"), "{response}");
    assert!(lower.contains("content-type: application/json"), "{response}");
    assert!(response.contains(&format!("\"code\":\"{code}\"")), "{response}");
}

#[tokio::test]
async fn a_half_sent_request_head_is_closed_at_the_header_read_timeout() {
    let server = server().await;
    let mut stream = connect(&server).await;
    stream.write_all(b"GET /v2/images HTTP/1.1\r\nHost: x\r\n").await.expect("write");
    let (_, took) = read_to_close(&mut stream).await;
    assert!(took >= Duration::from_millis(400) && took < Duration::from_secs(3), "closed after {took:?}");
}

#[tokio::test]
async fn a_silent_connection_and_an_idle_keep_alive_connection_are_closed() {
    let server = server().await;
    let mut silent = connect(&server).await;
    let (_, took) = read_to_close(&mut silent).await;
    assert!(took < Duration::from_secs(3), "silent connection closed after {took:?}");

    let mut kept = connect(&server).await;
    kept.write_all(b"GET /v2/schemas/image HTTP/1.1\r\nHost: x\r\n\r\n").await.expect("write");
    let (response, took) = read_to_close(&mut kept).await;
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(took < Duration::from_secs(3), "keep-alive connection closed after {took:?}");
}

#[tokio::test]
async fn a_stalled_body_is_a_408_envelope() {
    let server = server().await;
    let mut stream = connect(&server).await;
    let head = "POST /v2/images HTTP/1.1\r\nHost: x\r\nX-Auth-Token: demo-token-a\r\n\
                Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":";
    stream.write_all(head.as_bytes()).await.expect("write");
    let (response, _) = read_to_close(&mut stream).await;
    assert_envelope(&response, "408", "IMS.0008");
}

#[tokio::test]
async fn connections_beyond_the_cap_get_a_503_envelope_and_the_server_carries_on() {
    let server = server().await;
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut s = connect(&server).await;
        s.write_all(b"GET /v2/images HTTP/1.1\r\n").await.expect("write");
        held.push(s);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut extra = connect(&server).await;
    let (response, _) = read_to_close(&mut extra).await;
    assert_envelope(&response, "503", "IMS.0503");
    drop(held);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(server.get("/v2/schemas/image", None).await.status(), 200, "served again below the cap");
}

#[tokio::test]
async fn an_overlong_uri_and_oversized_headers_get_envelopes() {
    let server = server().await;
    let long = format!("/v2/images?name={}", "a".repeat(9000));
    let r = server.get(&long, Some(common::TOKEN_A)).await;
    assert_eq!(common::error_code(r).await, (414, "IMS.0009".into()));

    let mut many = server.request(reqwest::Method::GET, "/v2/images", Some(common::TOKEN_A));
    for i in 0..70 {
        many = many.header(format!("x-extra-{i}"), "1");
    }
    let r = many.send().await.expect("request");
    assert_eq!(common::error_code(r).await, (431, "IMS.0014".into()));

    let big =
        server.request(reqwest::Method::GET, "/v2/images", Some(common::TOKEN_A)).header("x-big", "b".repeat(20_000));
    assert_eq!(common::error_code(big.send().await.expect("request")).await, (431, "IMS.0014".into()));
}
