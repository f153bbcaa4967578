//! The real binary: flags, the printed demo tokens, request logs, and a SIGTERM that loses no
//! acknowledged write.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

#[tokio::test]
async fn sigterm_stops_cleanly_and_keeps_every_acknowledged_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ims.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ims-server"))
        .args(["--listen", "127.0.0.1:0", "--db"])
        .arg(&db)
        .env("IMS_IMAGE_DIR", dir.path().join("images"))
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start ims-server");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut banner = String::new();
    stdout.read_line(&mut banner).expect("banner");
    let base = banner
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("URL in banner")
        .trim_end_matches('/')
        .to_owned();
    let mut tokens = String::new();
    for _ in 0..4 {
        stdout.read_line(&mut tokens).expect("tokens");
    }
    assert!(tokens.contains("demo-token-a") && tokens.contains("demo-token-b"), "{tokens}");

    let client = reqwest::Client::new();
    let mut ids = Vec::new();
    for i in 0..20 {
        let r = client
            .post(format!("{base}/v2/images"))
            .header("X-Auth-Token", "demo-token-a")
            .json(&serde_json::json!({ "name": format!("durable-{i}") }))
            .send()
            .await
            .expect("create");
        assert_eq!(r.status(), 201);
        ids.push(r.json::<serde_json::Value>().await.expect("image")["id"].as_str().expect("id").to_owned());
    }
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill");
    assert!(status.success());
    let exit = tokio::task::spawn_blocking(move || child.wait_with_output()).await.expect("join").expect("wait");
    assert!(exit.status.success(), "exit {:?}", exit.status);
    let log = String::from_utf8_lossy(&exit.stderr);
    assert!(log.contains("request_id=req-") && log.contains("status=201") && log.contains("latency_us="), "{log}");

    let pool = ims_server::db::open(&db).await.expect("reopen");
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM images WHERE name LIKE 'durable-%'")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(count, 20);
    tokio::time::sleep(Duration::from_millis(10)).await;
}

#[test]
fn help_documents_every_flag() {
    let out = Command::new(env!("CARGO_BIN_EXE_ims-server")).arg("--help").output().expect("help");
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--listen",
        "--db",
        "--tokens",
        "--static-dir",
        "--member-cap",
        "--cors-origin",
        "--no-seed",
        "IMS_LISTEN",
        "--header-read-timeout",
        "--idle-timeout",
        "--body-timeout",
        "--max-connections",
        "--shutdown-grace",
        "--durability",
        "IMS_SHUTDOWN_GRACE",
    ] {
        assert!(help.contains(flag), "--help lacks {flag}");
    }
}
