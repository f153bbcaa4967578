//! A pass-through gateway, and what it does when the upstream misbehaves: down (502), slow
//! (504 within the configured timeout), garbage (an envelope, no panic), and a client that
//! aborts mid-upload (the upstream request stops too).

mod gateway_support;

use gateway_support::*;
use ims_core::ErrorEnvelope;
use reqwest::{Client, StatusCode};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A fake upstream on loopback whose every connection is handled by `handle`.
async fn fake<F, Fut>(handle: F) -> String
where
    F: Fn(TcpStream) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(handle(socket));
        }
    });
    format!("http://{addr}")
}

/// Reads up to the end of the request head; returns the head and what followed it.
async fn read_head(socket: &mut TcpStream) -> (String, Vec<u8>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = socket.read(&mut chunk).await.unwrap_or(0);
        if n == 0 {
            return (String::from_utf8_lossy(&buf).into_owned(), Vec::new());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            return (String::from_utf8_lossy(&buf[..end]).into_owned(), buf[end + 4..].to_vec());
        }
    }
}

async fn envelope(response: reqwest::Response) -> (StatusCode, String) {
    let status = response.status();
    assert!(response.headers().contains_key("x-request-id"));
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    (status, response.json::<ErrorEnvelope>().await.expect("an envelope").error.code)
}

async fn get(base: &str, path: &str) -> reqwest::Response {
    Client::new().get(format!("{base}{path}")).header("X-Auth-Token", "demo-token-a").send().await.expect("answer")
}

#[tokio::test]
async fn pass_through_forwards_the_token_and_drops_hop_by_hop_headers() {
    let upstream = Upstream::start(None).await;
    let gw = gateway(&format!("http://{}", upstream.addr), "", Duration::from_secs(10)).await;
    let r = Client::new()
        .get(format!("{gw}/v2/cloudimages?limit=2"))
        .header("X-Auth-Token", "demo-token-a")
        .header("Connection", "keep-alive, x-drop-me")
        .header("X-Drop-Me", "1")
        .header("Proxy-Authorization", "Basic eDp5")
        .header("Cookie", "session=gateway-only")
        .header("X-Kept", "yes")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().contains_key("x-upstream-request-id"));
    let seen = upstream.seen().pop().expect("one request");
    assert_eq!(seen.headers["x-auth-token"], "demo-token-a");
    assert_eq!(seen.headers["host"], upstream.addr.as_str());
    assert_eq!(seen.headers["x-kept"], "yes");
    for dropped in ["x-drop-me", "proxy-authorization", "cookie", "keep-alive"] {
        assert!(!seen.headers.contains_key(dropped), "{dropped} was forwarded");
    }
    let refused = get(&gw, "/v2/images/nope").await;
    assert!(refused.headers().contains_key("x-upstream-request-id"));
    assert_eq!(envelope(refused).await, (StatusCode::NOT_FOUND, "IMS.0004".to_owned()), "upstream errors pass");
}

#[tokio::test]
async fn an_upstream_that_is_down_is_a_502() {
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap();
    let gw = gateway(&format!("http://{closed}"), "", Duration::from_secs(10)).await;
    assert_eq!(envelope(get(&gw, "/v2/cloudimages").await).await, (StatusCode::BAD_GATEWAY, "IMS.0502".to_owned()));
}

#[tokio::test]
async fn an_upstream_that_never_accepts_is_a_502_at_the_connect_timeout() {
    // A listener that never accepts, its backlog filled: further connection attempts hang.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(1).unwrap();
    let addr = listener.local_addr().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..4 {
        if let Ok(Ok(s)) = tokio::time::timeout(Duration::from_millis(200), TcpStream::connect(addr)).await {
            fillers.push(s);
        }
    }
    // connect_timeout is 2 s in gateway_support; the total timeout is far longer.
    let gw = gateway(&format!("http://{addr}"), "", Duration::from_secs(30)).await;
    let started = Instant::now();
    let answer = envelope(get(&gw, "/v2/cloudimages").await).await;
    let took = started.elapsed();
    assert_eq!(answer, (StatusCode::BAD_GATEWAY, "IMS.0502".to_owned()));
    assert!(took >= Duration::from_millis(1900) && took < Duration::from_secs(5), "{took:?}");
    drop((fillers, listener));
}

#[tokio::test]
async fn a_slow_upstream_is_a_504_within_the_timeout() {
    let silent = fake(|mut socket| async move {
        let _ = read_head(&mut socket).await;
        tokio::time::sleep(Duration::from_secs(30)).await;
    })
    .await;
    let gw = gateway(&silent, "", Duration::from_millis(500)).await;
    let started = Instant::now();
    let answer = envelope(get(&gw, "/v2/cloudimages").await).await;
    let took = started.elapsed();
    assert_eq!(answer, (StatusCode::GATEWAY_TIMEOUT, "IMS.0504".to_owned()));
    assert!(took >= Duration::from_millis(500) && took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn a_body_that_stalls_is_cut_at_the_timeout() {
    let trickle = fake(|mut socket| async move {
        let _ = read_head(&mut socket).await;
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"images\":[";
        let _ = socket.write_all(head.as_bytes()).await;
        tokio::time::sleep(Duration::from_secs(30)).await;
    })
    .await;
    let gw = gateway(&trickle, "", Duration::from_millis(700)).await;
    let started = Instant::now();
    let r = get(&gw, "/v2/cloudimages").await;
    assert_eq!(r.status(), 200, "the head had arrived in time");
    assert!(r.bytes().await.is_err(), "the body is cut, not left hanging");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn garbage_from_the_upstream_is_an_envelope() {
    let garbage = fake(|mut socket| async move {
        let _ = read_head(&mut socket).await;
        let _ = socket.write_all(b"\x00\x01 this is not HTTP at all\r\n\r\n").await;
    })
    .await;
    let gw = gateway(&garbage, "", Duration::from_secs(5)).await;
    assert_eq!(envelope(get(&gw, "/v2/cloudimages").await).await, (StatusCode::BAD_GATEWAY, "IMS.0502".to_owned()));
    let html = fake(|mut socket| async move {
        let _ = read_head(&mut socket).await;
        let page = "<html><body>Internal error, stack: at foo.py:12</body></html>";
        let head = format!("HTTP/1.1 500 Oops\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", page.len());
        let _ = socket.write_all(format!("{head}{page}").as_bytes()).await;
    })
    .await;
    let gw = gateway(&html, "", Duration::from_secs(5)).await;
    let r = get(&gw, "/v2/images").await;
    assert_eq!(envelope(r).await, (StatusCode::INTERNAL_SERVER_ERROR, "IMS.0500".to_owned()), "no HTML gets through");
}

#[tokio::test]
async fn a_client_aborting_mid_upload_stops_the_upstream_request() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, Duration)>();
    let counting = fake(move |mut socket| {
        let tx = tx.clone();
        async move {
            let (_, already) = read_head(&mut socket).await;
            let started = Instant::now();
            let mut total = already.len();
            let mut chunk = [0u8; 65536];
            while let Ok(n @ 1..) = socket.read(&mut chunk).await {
                total += n;
            }
            let _ = tx.send((total, started.elapsed()));
        }
    })
    .await;
    let gw = gateway(&counting, "", Duration::from_secs(30)).await;
    let mut client = TcpStream::connect(gw.trim_start_matches("http://")).await.unwrap();
    let head = "PUT /v2/images/abc/file HTTP/1.1\r\nHost: gw\r\nX-Auth-Token: demo-token-a\r\n\
                Content-Type: application/octet-stream\r\nContent-Length: 10000000\r\n\r\n";
    client.write_all(head.as_bytes()).await.unwrap();
    client.write_all(&vec![7u8; 256 * 1024]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    drop(client);
    let (received, _) = tokio::time::timeout(Duration::from_secs(5), rx.recv())
        .await
        .expect("the upstream connection ended soon after the client left")
        .expect("a count");
    assert!(received > 0 && received < 10_000_000, "the upstream got {received} bytes, streamed and then cut");
}
