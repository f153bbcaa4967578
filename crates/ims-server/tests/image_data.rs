//! Image data over HTTP against real files: uploads of 0 B, 1 MiB and 64 MiB whose checksums
//! equal `md5sum` and `sha512sum`, the status life cycle, 409 and 413, a client that stops
//! half-way, ranges, another project, and deletion.

mod common;

use common::{error_code, TestServer, TOKEN_A, TOKEN_B};
use ims_server::serve::Limits;
use ims_server::AppOptions;
use reqwest::Method;
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

/// Bytes that are not all alike, so a misplaced chunk changes the hashes.
fn data(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()
}

/// `md5sum` and `sha512sum` of the bytes, from the system tools.
fn system_sums(dir: &Path, bytes: &[u8]) -> (String, String) {
    let file = dir.join("expected.bin");
    std::fs::write(&file, bytes).expect("write");
    let sum = |tool: &str| {
        let out = std::process::Command::new(tool).arg(&file).output().expect(tool);
        String::from_utf8_lossy(&out.stdout).split_whitespace().next().expect("sum").to_owned()
    };
    (sum("md5sum"), sum("sha512sum"))
}

async fn new_image(server: &TestServer) -> String {
    let r = server.create(TOKEN_A, json!({"name": "data"})).await;
    assert_eq!(r.status(), 201);
    r.json::<Value>().await.expect("image")["id"].as_str().expect("id").to_owned()
}

async fn image(server: &TestServer, id: &str) -> Value {
    server.get(&format!("/v2/images/{id}"), Some(TOKEN_A)).await.json().await.expect("image")
}

async fn put(server: &TestServer, token: &str, id: &str, body: Vec<u8>) -> reqwest::Response {
    server
        .request(Method::PUT, &format!("/v2/images/{id}/file"), Some(token))
        .header("Content-Type", "application/octet-stream")
        .body(body)
        .send()
        .await
        .expect("upload")
}

/// Files under the image directory (complete data and anything staged).
fn stored_files(server: &TestServer) -> Vec<String> {
    let mut found = Vec::new();
    let mut dirs = vec![server.dir.path().join("images")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

#[tokio::test]
async fn uploads_are_hashed_like_md5sum_and_sha512sum_and_come_back_whole() {
    let server = TestServer::start().await;
    for len in [0, 1 << 20, 64 << 20] {
        let id = new_image(&server).await;
        assert_eq!(image(&server, &id).await["status"], "queued");
        assert_eq!(server.get(&format!("/v2/images/{id}/file"), Some(TOKEN_A)).await.status(), 204);
        let bytes = data(len);
        let (md5, sha512) = system_sums(server.dir.path(), &bytes);
        assert_eq!(put(&server, TOKEN_A, &id, bytes.clone()).await.status(), 204, "{len} B");
        let stored = image(&server, &id).await;
        assert_eq!(stored["status"], "active");
        assert_eq!(stored["size"], len);
        assert_eq!(stored["checksum"], md5);
        assert_eq!(stored["os_hash_algo"], "sha512");
        assert_eq!(stored["os_hash_value"], sha512);
        let r = server.get(&format!("/v2/images/{id}/file"), Some(TOKEN_A)).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-length"], len.to_string().as_str());
        assert_eq!(r.headers()["content-md5"], md5.as_str());
        assert!(r.bytes().await.expect("body") == bytes, "{len} B came back different");
        let (status, code) = error_code(put(&server, TOKEN_A, &id, b"again".to_vec()).await).await;
        assert_eq!((status, code.as_str()), (409, "IMS.0034"));
    }
    let none: Vec<_> = stored_files(&server).into_iter().filter(|f| f.contains("/images/tmp/")).collect();
    assert!(none.is_empty(), "staged files left: {none:?}");
}

#[tokio::test]
async fn ranges_return_just_those_bytes() {
    let server = TestServer::start().await;
    let id = new_image(&server).await;
    let bytes = data(10_000);
    assert_eq!(put(&server, TOKEN_A, &id, bytes.clone()).await.status(), 204);
    let url = format!("/v2/images/{id}/file");
    for (range, want, content_range) in [
        ("bytes=0-99", &bytes[..100], "bytes 0-99/10000"),
        ("bytes=9000-", &bytes[9000..], "bytes 9000-9999/10000"),
        ("bytes=-10", &bytes[9990..], "bytes 9990-9999/10000"),
    ] {
        let r = server.request(Method::GET, &url, Some(TOKEN_A)).header("Range", range).send().await.expect("get");
        assert_eq!(r.status(), 206, "{range}");
        assert_eq!(r.headers()["content-range"], content_range);
        assert_eq!(&r.bytes().await.expect("body")[..], want, "{range}");
    }
    let r = server.request(Method::GET, &url, Some(TOKEN_A)).header("Range", "bytes=20000-").send().await.expect("get");
    assert_eq!(r.status(), 416);
    assert_eq!(r.headers()["content-range"], "bytes */10000");
}

#[tokio::test]
async fn another_project_sees_404_and_deleting_removes_the_data() {
    let server = TestServer::start().await;
    let id = new_image(&server).await;
    let (status, _) = error_code(put(&server, TOKEN_B, &id, b"theirs".to_vec()).await).await;
    assert_eq!(status, 404);
    assert_eq!(image(&server, &id).await["status"], "queued");
    assert_eq!(put(&server, TOKEN_A, &id, data(5000)).await.status(), 204);
    let (status, _) = error_code(server.get(&format!("/v2/images/{id}/file"), Some(TOKEN_B)).await).await;
    assert_eq!(status, 404);
    assert_eq!(stored_files(&server).len(), 1);
    let r = server.request(Method::DELETE, &format!("/v2/images/{id}"), Some(TOKEN_A)).send().await.expect("delete");
    assert_eq!(r.status(), 204);
    assert_eq!(stored_files(&server), Vec::<String>::new());
}

#[tokio::test]
async fn over_the_limit_is_413_with_nothing_kept() {
    let server = TestServer::start_full(AppOptions::default(), 128, Limits::default(), 1000).await;
    let id = new_image(&server).await;
    let (status, code) = error_code(put(&server, TOKEN_A, &id, data(2000)).await).await;
    assert_eq!((status, code.as_str()), (413, "IMS.0006"));
    // Without a Content-Length the limit is found while streaming.
    let chunks = futures_util::stream::iter((0..4).map(|_| Ok::<_, std::io::Error>(data(400))));
    let r = server
        .request(Method::PUT, &format!("/v2/images/{id}/file"), Some(TOKEN_A))
        .body(reqwest::Body::wrap_stream(chunks))
        .send()
        .await
        .expect("upload");
    let (status, code) = error_code(r).await;
    assert_eq!((status, code.as_str()), (413, "IMS.0006"));
    assert_eq!(image(&server, &id).await["status"], "queued");
    assert_eq!(stored_files(&server), Vec::<String>::new());
    assert_eq!(put(&server, TOKEN_A, &id, data(1000)).await.status(), 204, "the limit itself is allowed");
}

#[tokio::test]
async fn a_client_that_stops_half_way_leaves_the_image_queued_with_no_file() {
    let server = TestServer::start().await;
    let id = new_image(&server).await;
    let before = image(&server, &id).await;
    let addr = server.base.trim_start_matches("http://").to_owned();
    let mut socket = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let head = format!(
        "PUT /v2/images/{id}/file HTTP/1.1\r\nhost: x\r\nx-auth-token: {TOKEN_A}\r\n\
         content-type: application/octet-stream\r\ncontent-length: {}\r\n\r\n",
        8 << 20
    );
    socket.write_all(head.as_bytes()).await.expect("head");
    socket.write_all(&data(4 << 20)).await.expect("half the body");
    let started = Instant::now();
    while image(&server, &id).await["status"] != "saving" {
        assert!(started.elapsed() < Duration::from_secs(10), "the upload never started");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    drop(socket);
    let started = Instant::now();
    while image(&server, &id).await != before || !stored_files(&server).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still {}: {:?}",
            image(&server, &id).await,
            stored_files(&server)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
