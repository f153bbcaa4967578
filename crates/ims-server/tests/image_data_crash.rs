//! `kill -9` in the middle of a 64 MiB upload, then a restart over the same files: the startup
//! sweep puts the image back to `queued` with no data and no staged bytes, and the database
//! passes `PRAGMA integrity_check`.

#[path = "support/binary.rs"]
mod binary;

use binary::Running;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

const TOKEN_A: &str = "demo-token-a";

async fn status(client: &reqwest::Client, base: &str, id: &str) -> Value {
    let r = client.get(format!("{base}/v2/images/{id}")).header("X-Auth-Token", TOKEN_A).send().await.expect("get");
    r.json::<Value>().await.expect("image")["status"].clone()
}

fn files_under(dir: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if entry.path().is_dir() {
                dirs.push(entry.path());
            } else {
                found.push(entry.path().display().to_string());
            }
        }
    }
    found
}

#[tokio::test]
async fn kill_9_during_an_upload_leaves_the_image_queued_with_no_file_after_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ims.sqlite");
    let client = reqwest::Client::new();
    let server = Running::start(&db, &[]);
    let r = client
        .post(format!("{}/v2/images", server.base))
        .header("X-Auth-Token", TOKEN_A)
        .json(&json!({"name": "crash"}))
        .send()
        .await
        .expect("create");
    let id = r.json::<Value>().await.expect("image")["id"].as_str().expect("id").to_owned();
    let mut socket = tokio::net::TcpStream::connect(server.base.trim_start_matches("http://")).await.expect("connect");
    let head = format!(
        "PUT /v2/images/{id}/file HTTP/1.1\r\nhost: x\r\nx-auth-token: {TOKEN_A}\r\n\
         content-type: application/octet-stream\r\ncontent-length: {}\r\n\r\n",
        64 << 20
    );
    socket.write_all(head.as_bytes()).await.expect("head");
    let chunk = vec![7u8; 1 << 20];
    for _ in 0..32 {
        socket.write_all(&chunk).await.expect("body");
    }
    let started = Instant::now();
    while status(&client, &server.base, &id).await != "saving" {
        assert!(started.elapsed() < Duration::from_secs(10), "the upload never started");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!files_under(&dir.path().join("images")).is_empty(), "nothing was staged before the kill");
    server.kill9();
    drop(socket);

    let server = Running::start(&db, &[]);
    assert_eq!(status(&client, &server.base, &id).await, "queued");
    assert_eq!(files_under(&dir.path().join("images")), Vec::<String>::new());
    let r = client.get(format!("{}/v2/images/{id}/file", server.base)).header("X-Auth-Token", TOKEN_A).send().await;
    assert_eq!(r.expect("download").status(), 204);
    drop(server);
    let pool = ims_server::db::open(&db).await.expect("reopen");
    let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check").fetch_one(&pool).await.expect("pragma");
    assert_eq!(integrity, "ok");
}
